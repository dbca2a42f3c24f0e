//! `poe-signed-on-mismatch`: `signed_on` is not the day the file was
//! signed.

use crate::diag::{Finding, Severity};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "poe-signed-on-mismatch",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "`signed_on` differs by more than a day from the document's earliest digital signature",
    source: "F§1.11 (\"Dates on PoE are missing or old in relation to the claim\"); R#6",
    docs: "claimtool compares the declared `signed_on` with the signing time of the \
document's earliest digital signature (its CMS `signingTime`, else the signature \
dictionary's `/M`), as UTC calendar dates. One day apart is allowed (time zones); two or \
more means the claim file and the document disagree, and deadlines computed from \
`signed_on` (`cpor-poe-stale`) may be wrong.\n\n\
How to fix: set `signed_on` to the date `claimtool inspect FILE` shows for the signature, \
or attach the document that was signed on the declared day.",
    check: Check::Kinds {
        kinds: super::SIGNED_POE_KINDS,
        scope: "cpor, plfunding",
        check,
    },
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for item in super::inspected(ctx, ctx.claim.documents()) {
        let Some(declared) = &item.doc.signed_on else {
            continue;
        };
        let Some(info) = item.info() else { continue };
        let Some(signed) = info
            .inspection
            .signatures
            .iter()
            .filter_map(crate::inspect::Signature::signed_date)
            .min()
        else {
            continue;
        };
        let days = (signed - declared.value).num_days().abs();
        if days >= 2 {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "`{}` was signed on {signed}, but `signed_on` is {}",
                        item.path.value, declared.value
                    ),
                )
                .at(declared)
                .label(format!("the signature says {signed}"))
                .help(format!("write `signed_on = {signed}`")),
            );
        }
    }
}
