//! `wrong-type`: a value of the wrong type or not an allowed enum value.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    id: "wrong-type",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a value of the wrong type, or not one of the allowed values",
    source: "claim file format (spec/claim-files.md)",
    docs: "Dates are TOML dates without quotes (`2026-09-15`), flags are `true` or \
`false`, amounts are strings or numbers read as exact decimals, and enumerated \
fields take one of the listed values.\n\nHow to fix: write the value in the form \
the message names; for an enumerated field pick one of the listed values.\n\n\
```toml\npartner_role = \"use or consume\"   # must be \"use-or-consume\"\n```",
    check: Check::Load,
};
