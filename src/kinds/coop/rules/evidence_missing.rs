//! `coop-evidence-missing`: no evidence that the activity took place.

use crate::decode::StrEnum;
use crate::decode::quoted_list;
use crate::diag::{Finding, Severity};
use crate::kinds::coop::facts::EVIDENCE_TYPES;
use crate::kinds::coop::model::CoopClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-evidence-missing",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "no evidence that the activity took place",
    source: "G step 6 (\"Evidence of activity execution (screenshots, emails, attendance sheets)\"); R#1",
    docs: "An invoice proves money was spent, not that the activity happened. Every \
co-op claim needs at least one piece of evidence of execution: a `screenshot`, \
`customer-email`, `attendance-sheet`, `photo`, `agenda`, `invitation`, `landing-page` \
or `other` document. Missing or insufficient proof of execution is the most common \
reason claims are rejected.\n\nHow to fix: attach what shows the activity ran (what \
each activity type needs is checked by `coop-activity-requirements`):\n\n```toml\n\
[[documents]]\npath = \"evidence/webinar-1.png\"\ntype = \"screenshot\"\n\
date = 2026-08-04\n```",
    check: Check::Coop(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    if super::some_document_type_unreadable(ctx, claim) {
        return;
    }
    if claim
        .documents
        .iter()
        .any(|d| EVIDENCE_TYPES.iter().any(|&t| d.is_type(t)))
    {
        return;
    }
    let types = quoted_list(EVIDENCE_TYPES.iter().map(|t| t.as_str()));
    let finding = Finding::new(
        &RULE,
        "no evidence of execution: nothing shows the activity took place",
    )
    .help(format!(
        "attach evidence of the activity, a document of type {types}"
    ));
    let finding = match (
        claim.documents.first(),
        claim.activity.as_ref().and_then(|a| a.name.as_ref()),
    ) {
        (Some(first), _) => finding
            .at_span("documents", first.span.clone())
            .label("no evidence among these documents"),
        (None, Some(name)) => finding
            .at_span("documents", name.span.clone())
            .label("no evidence for this activity"),
        (None, None) => finding.field("documents"),
    };
    out.push(finding);
}
