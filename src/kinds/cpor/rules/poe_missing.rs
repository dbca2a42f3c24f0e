//! `cpor-poe-missing`: no proof-of-execution document at all.

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::CporClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-poe-missing",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "no PoE document: nothing to submit the claim for payment with",
    source: "G step 8 (\"you must upload a signed PoE\"); F§1.11 \"Missing all PoE\"; R#1",
    docs: "The claim for payment is submitted with proof of execution (PoE): a \
Statement of Work, the Microsoft PoE template, customer emails, support tickets, a \
contract. Invoices, receipts, CSRs, Azure calculator estimates and surveys do not \
count: they show money or opinions, not the work. A claim without PoE sits in \
*Partner action required* (\"Missing all PoE\") and is then rejected. `[[documents]]` \
is not required by the file format (an association can be drafted first), so this \
rule, not `missing-field`, reports it; the claim is not ready to submit until it \
passes.\n\nHow to fix: add the signed PoE as a `[[documents]]` entry.\n\n\
```toml\n[[documents]]\npath = \"poe/contoso-sow-signed.pdf\"\ntype = \"statement-of-work\"\n\
date = 2026-09-01\nsignature = \"digital\"\nsigned_on = 2026-09-03\n\
workloads = [\"Exchange Online\"]\n```",
    check: Check::Cpor(check),
};

const HELP: &str = "add the customer-signed SOW or Microsoft PoE template as a [[documents]] entry";

fn check(_ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    if claim.documents.iter().any(super::is_poe) {
        return;
    }
    let finding = match claim.documents.first() {
        None => Finding::new(
            &RULE,
            "the claim has no proof of execution: no [[documents]]",
        )
        .at_span("documents", 0..0)
        .label("no PoE"),
        Some(first) => {
            let finding = Finding::new(
                &RULE,
                "no document is proof of execution (invoices, receipts, calculators and surveys are not)",
            );
            match &first.doc_type {
                Some(t) => finding.at(t),
                None => finding.at_span(first.field_path("type"), first.span.clone()),
            }
            .label("not proof of execution")
        }
    };
    out.push(finding.help(HELP));
}
