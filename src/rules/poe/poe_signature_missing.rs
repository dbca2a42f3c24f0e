//! `poe-signature-missing`: declared `digital`, but the file carries no
//! digital signature.

use crate::diag::{Finding, Severity};
use crate::documents::Detected;
use crate::model::Signature;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "poe-signature-missing",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a document declared `signature = \"digital\"` carries no digital signature",
    source: "F§1.11 (\"Customer signature isn't on the PoE\"); F§1.13; R#6",
    docs: "claimtool opens every document declared `signature = \"digital\"`. A PDF that \
parses (not encrypted) with no signature field holding a signature value, or a DOCX/PPTX \
without a signature part (`_xmlsignatures/`), is not digitally signed, whatever the claim \
file says: the reviewer opens it and sees no signature. A scan (no text layer) is checked \
too. Other types (images, e-mails) are not judged here.\n\n\
How to fix: attach the file the customer signed (the one the e-signature platform \
returned, not the draft you sent), or, if the customer signed on paper, write \
`signature = \"wet\"`. Check with `claimtool inspect FILE`.",
    check: Check::Kinds {
        kinds: super::SIGNED_POE_KINDS,
        scope: "cpor, plfunding",
        check,
    },
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for item in super::inspected(ctx, ctx.claim.documents()) {
        let Some(sig) = item
            .doc
            .signature
            .as_ref()
            .filter(|s| s.value == Signature::Digital)
        else {
            continue;
        };
        let Some(info) = item.info() else { continue };
        let i = &info.inspection;
        let judged = match info.detected {
            Detected::Pdf => i.parsed && !i.encrypted,
            Detected::Docx | Detected::Pptx => i.parsed,
            _ => false,
        };
        if judged && i.signatures.is_empty() {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "`{}` is declared digitally signed but carries no digital signature",
                        item.path.value
                    ),
                )
                .at(sig)
                .label("the file has no signature")
                .help(
                    "attach the signed file from the e-signature platform, or write \
                     `signature = \"wet\"` for a paper signature",
                ),
            );
        }
    }
}
