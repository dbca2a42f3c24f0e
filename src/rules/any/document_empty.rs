//! `document-empty`: a document file of 0 bytes.

use crate::diag::{Finding, Severity};
use crate::documents::DocRead;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "document-empty",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a document is 0 bytes",
    source: "F§1.11 \"PoE unavailable\" / \"Missing all PoE\"",
    docs: "An empty file is what a failed download or an interrupted copy leaves. \
Uploaded, it counts as no proof at all.\n\nHow to fix: export or download the \
document again and check that it opens.",
    check: Check::Claim(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for doc in ctx.claim.documents() {
        let Some(path) = &doc.path else { continue };
        if let DocRead::Ok(info) = &*ctx.document(&path.value)
            && info.size == 0
        {
            out.push(
                Finding::new(
                    &RULE,
                    format!("document `{}` is empty (0 bytes)", path.value),
                )
                .at(path)
                .label("0 bytes")
                .help("export or download the document again and check that it opens"),
            );
        }
    }
}
