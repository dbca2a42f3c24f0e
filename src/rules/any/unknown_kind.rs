//! `unknown-kind`: `kind` missing or not a known claim kind.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    id: "unknown-kind",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "`kind` is missing, or not one of cpor, coop, plfunding, score",
    source: "claim file format (spec/claim-files.md): a file is never guessed",
    docs: "Every claim file says what it is with `kind`, by convention its first key. \
claimtool never guesses: a `.toml` in a claims folder without a kind could be a claim \
that CI would otherwise skip.\n\nHow to fix: add `kind = \"cpor\"` (or `\"coop\"`, \
`\"plfunding\"`, `\"score\"`) at the top of the file.",
    check: Check::Load,
};
