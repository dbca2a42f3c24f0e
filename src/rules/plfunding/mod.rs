//! Partner-led funding rules (`plf-`).

use super::Rule;

pub static RULES: &[&Rule] = &[];
