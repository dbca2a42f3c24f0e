//! `document-undated`: a PoE document without a `date`.

use crate::diag::{Finding, Severity};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "document-undated",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "a document has no `date`",
    source: "G: \"Ensure documentation is clear, complete, and dated\"",
    docs: "Reviewers match document dates against the claim (activity dates, usage \
period, association). An undated document is a common reason for \"Partner action \
required\".\n\nHow to fix: add `date = YYYY-MM-DD`, the date the document carries; if \
it carries none, date it before uploading.",
    check: Check::Claim(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for doc in ctx.claim.documents() {
        if doc.date.is_none() && !ctx.is_unreadable(&doc.field_path("date")) {
            out.push(
                Finding::new(&RULE, format!("`{}` has no date", doc.label()))
                    .at_span(doc.field_path("date"), doc.span.clone())
                    .label("no `date`")
                    .help("add `date = YYYY-MM-DD`, the date the document carries"),
            );
        }
    }
}
