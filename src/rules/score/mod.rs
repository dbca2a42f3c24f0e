//! Partner Capability Score rules (`score-`).

use super::Rule;

pub static RULES: &[&Rule] = &[];
