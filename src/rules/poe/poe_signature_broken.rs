//! `poe-signature-broken`: a PDF signature whose signed bytes changed.

use crate::diag::{Finding, Severity};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "poe-signature-broken",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a PDF's digital signature no longer matches its bytes (altered after signing)",
    source: "F§1.11 (\"Customer signature isn't on the PoE\"); F§1.13 (verifiable signatures); R#6",
    docs: "A PDF signature's CMS container holds the digest of the bytes it signs \
(`/ByteRange`). When that digest differs from the bytes in the file, the signed content \
was altered: Acrobat and the reviewer see an invalid signature, as `pdfsig` reports \
\"Digest Mismatch\".\n\n\
How to fix: attach the original signed file again (download it from the e-signature \
platform). Never edit, re-save, print to PDF or optimise a signed PDF.",
    check: Check::Kinds {
        kinds: super::SIGNED_POE_KINDS,
        scope: "cpor, plfunding",
        check,
    },
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for item in super::inspected(ctx, ctx.claim.documents()) {
        let Some(info) = item.info() else { continue };
        for sig in info
            .inspection
            .signatures
            .iter()
            .filter(|s| s.digest_ok == Some(false))
        {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "the signature `{}` of `{}` is broken: the signed bytes were altered",
                        sig.field, item.path.value
                    ),
                )
                .at(item.path)
                .label("signature does not verify")
                .help("attach the original signed file from the e-signature platform"),
            );
        }
    }
}
