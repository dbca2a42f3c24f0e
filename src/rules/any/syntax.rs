//! `syntax`: the file is not UTF-8 or not valid TOML.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    id: "syntax",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the file is not UTF-8, or not valid TOML",
    source: "claim file format (spec/claim-files.md)",
    docs: "Reported with the line and column of the first fault the TOML parser \
found (or of the first byte that is not UTF-8). Nothing else is checked in a file \
that cannot be read.\n\nHow to fix: correct the TOML at the position shown: an \
unclosed quote, a missing `=`, a duplicate key or table. Save the file as UTF-8.\n\n\
```toml\nclaim_name = \"Contoso   # the closing quote is missing\n```",
    check: Check::Load,
};
