//! `unknown-field`: a key the claim format does not have.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    id: "unknown-field",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a key the claim format does not have",
    source: "claim file format (spec/claim-files.md): typos must never pass silently",
    docs: "A misspelt key would otherwise be ignored and the value it carries lost \
(`claim_nmae` would leave the claim without a name). The finding suggests the \
nearest key the format has.\n\nHow to fix: rename the key as suggested, or remove it.\n\n\
```toml\ncustomer_tennant_id = \"...\"   # did you mean `customer_tenant_id`?\n```",
    check: Check::Load,
};
