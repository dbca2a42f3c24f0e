//! `document-placeholder`: a document is still the placeholder `claimtool
//! init` wrote.

use crate::diag::{Finding, Severity};
use crate::documents::DocRead;
use crate::rules::{Check, Rule, RuleCtx};

/// The text every placeholder document written by `claimtool init` carries.
pub const MARKER: &str = "CLAIMTOOL PLACEHOLDER DOCUMENT";

pub static RULE: Rule = Rule {
    id: "document-placeholder",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "a document is still a placeholder written by `claimtool init`",
    source: "claimtool: the example claims of `claimtool init` come with placeholder documents",
    docs: "`claimtool init` writes an example claim of each kind with placeholder \
documents, so the examples validate. A placeholder is not proof of anything: \
uploaded to Partner Center it would be rejected as insufficient PoE (F§1.11).\n\n\
How to fix: replace the file with the real document (the signed SOW, the invoice, \
the calculator export), keeping or changing `path`.",
    check: Check::Claim(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for doc in ctx.claim.documents() {
        let Some(path) = &doc.path else { continue };
        if let DocRead::Ok(info) = &*ctx.document(&path.value)
            && info.placeholder
        {
            out.push(
                Finding::new(
                    &RULE,
                    format!("`{}` is a placeholder, not the real document", path.value),
                )
                .at(path)
                .label("placeholder from `claimtool init`")
                .help("replace the file with the real document before submitting"),
            );
        }
    }
}
