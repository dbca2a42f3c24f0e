//! `missing-field`: a required field is absent or empty.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    id: "missing-field",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a required field is absent or empty",
    source: "claim file format (spec/claim-files.md); the starred fields of Partner Center's forms (G)",
    docs: "For fields that are always required (Partner Center marks them with `*`). \
Requirements that depend on another value (solution area, activity type, pay type, \
stage) are reported by the rule that names them, never as `missing-field`.\n\n\
How to fix: add the field named in the message, in the table named.",
    check: Check::Load,
};
