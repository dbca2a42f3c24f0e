//! Co-op claim rules (`coop-`).

use super::Rule;

pub static RULES: &[&Rule] = &[];
