//! `poe-modified-after-signing`: intact signatures, but none covers the
//! whole file.

use crate::diag::{Finding, Severity};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "poe-modified-after-signing",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "a signed PDF was changed after it was signed (no signature covers the whole file)",
    source: "F§1.13 (verifiable signatures); R#6",
    docs: "Every intact signature of the PDF signs only a leading part of the file: bytes \
were appended after signing (an incremental update: comments, form filling, edits). The \
signature still verifies for the signed version, but the reviewer sees a document that \
changed after the customer signed it (Acrobat: \"the document has been modified since it \
was signed\"). A signature whose digest cannot be computed counts for neither side.\n\n\
How to fix: attach the file exactly as the signing platform returned it, without \
annotating or filling it afterwards.",
    check: Check::Kinds {
        kinds: super::SIGNED_POE_KINDS,
        scope: "cpor, plfunding",
        check,
    },
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for item in super::inspected(ctx, ctx.claim.documents()) {
        let Some(info) = item.info() else { continue };
        let sigs = &info.inspection.signatures;
        let intact = sigs.iter().any(|s| s.digest_ok == Some(true));
        let whole = sigs
            .iter()
            .any(|s| s.digest_ok != Some(false) && s.covers_whole_file == Some(true));
        if intact && !whole {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "`{}` was changed after it was signed: no signature covers the whole file",
                        item.path.value
                    ),
                )
                .at(item.path)
                .label("bytes follow the signed range")
                .help("attach the file as the signing platform returned it"),
            );
        }
    }
}
