//! `cpor-poe-unsigned`: no PoE document carries the customer's signature.

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::CporClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-poe-unsigned",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "no PoE document carries the customer's signature",
    source: "G (\"You must have a signed Proof of Execution\"); F§1.11 \"Customer signature isn't on the PoE\"",
    docs: "The claim for payment needs a PoE signed by the customer: a scanned wet \
signature or a digital signature (DocuSign, Adobe Sign). A document counts as signed \
when it has `signature = \"wet\"` or `\"digital\"` and a `signed_on` date. An \
unsigned PoE sends the claim to *Partner action required*.\n\nHow to fix: get the \
Statement of Work or the Microsoft PoE template signed by the customer, then record \
it:\n\n```toml\n[[documents]]\npath = \"poe/sow-signed.pdf\"\ntype = \"statement-of-work\"\n\
signature = \"digital\"\nsigned_on = 2026-09-03\n```",
    check: Check::Cpor(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    // With no document at all, cpor-poe-missing says so; one finding is enough.
    if claim.documents.is_empty()
        || claim
            .documents
            .iter()
            .any(crate::model::Document::is_signed)
    {
        return;
    }
    let first = &claim.documents[0];
    let finding = Finding::new(&RULE, "no PoE document carries the customer's signature");
    let finding = match &first.signature {
        Some(sig) => finding.at(sig).label("not signed"),
        None => finding
            .at_span(first.field_path("signature"), first.span.clone())
            .label("no `signature`"),
    };
    out.push(finding.help(
        "get the SOW or the Microsoft PoE template signed by the customer (wet or DocuSign/Adobe Sign) and set `signature` and `signed_on`",
    ));
}
