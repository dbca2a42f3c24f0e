//! `file-too-large`: a claim file over 1 MiB is refused, not parsed.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// Claim files are a few kilobytes; anything over this is not a claim.
pub const MAX_CLAIM_FILE_BYTES: u64 = 1024 * 1024;

pub static RULE: Rule = Rule {
    id: "file-too-large",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the claim file is over 1 MiB and was not parsed",
    source: "claimtool: a claim is a few kilobytes; documents are referenced, not embedded",
    docs: "A claim file holds one claim and names its documents by path; it is never \
more than a few kilobytes. A file over 1 MiB is refused rather than parsed, so a stray \
export or log in a claims folder cannot stall a CI run.\n\nHow to fix: move the large \
file out of the claims folder, or reference it as a document (`[[documents]] path = ...`).",
    check: Check::Load,
};
