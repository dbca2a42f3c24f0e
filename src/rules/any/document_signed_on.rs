//! `document-signed-on`: a signed document without its signature date.

use crate::diag::{Finding, Severity};
use crate::model::Signature;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "document-signed-on",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a document with a wet or digital signature but no `signed_on` date",
    source: "G (signed PoE: wet or digital signature); F§1.11 \"Dates on PoE are missing or old\"",
    docs: "A signature without a date cannot show that the customer acknowledged the \
work in relation to the claim, and claimtool cannot tell whether it is stale.\n\n\
How to fix: add `signed_on = YYYY-MM-DD`, the date next to the customer's signature \
(or in the e-signature audit trail).",
    check: Check::Claim(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for doc in ctx.claim.documents() {
        if let Some(sig) = &doc.signature
            && matches!(sig.value, Signature::Wet | Signature::Digital)
            && doc.signed_on.is_none()
            && !ctx.is_unreadable(&doc.field_path("signed_on"))
        {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "`{}` is signed ({}) but has no `signed_on` date",
                        doc.label(),
                        sig.value
                    ),
                )
                .at(sig)
                .label("when was it signed?")
                .help("add `signed_on = YYYY-MM-DD` from the signature or its audit trail"),
            );
        }
    }
}
