//! `poe-unreadable`: a document claimtool cannot read text from.

use crate::diag::{Finding, Severity};
use crate::model::{Claim, DocType, Kind};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "poe-unreadable",
    default_severity: Severity::Info,
    severity_note: None,
    summary: "claimtool cannot read this document's text: check it by eye",
    source: "F§1.11 (what the reviewer looks for); R#1",
    docs: "claimtool reads the text of PDFs, Office files and text formats, never images \
(no OCR). A scan, a photo or screenshot, an encrypted PDF, a legacy Office (OLE2) file, a \
file above the 100 MiB inspection cap or a damaged file cannot be read, so the rules that \
look at text (`poe-customer-not-named`, `poe-workload-not-named`, \
`coop-invoice-amount-not-found`) cannot vouch for it. This finding says why and what to \
check by eye. It is info: `--quiet` hides it.\n\n\
How to fix: nothing is wrong by itself; check the document by eye, or attach a version \
with a text layer (the original PDF rather than a scan) so claimtool can check it.",
    check: Check::Kinds {
        kinds: &[Kind::Cpor, Kind::Coop, Kind::Plfunding],
        scope: "cpor, coop, plfunding",
        check,
    },
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for item in super::inspected(ctx, ctx.claim.documents()) {
        let Some(info) = item.info() else { continue };
        let Some(reason) = info.inspection.unreadable_reason else {
            continue;
        };
        out.push(
            Finding::new(
                &RULE,
                format!(
                    "claimtool cannot read `{}`: {}",
                    item.path.value,
                    reason.describe()
                ),
            )
            .at(item.path)
            .label(reason.as_str())
            .help(format!(
                "check by eye that it shows {}",
                what_to_check(ctx.claim, item.doc.doc_type.as_deref())
            )),
        );
    }
}

/// What the reviewer looks for in a document of this kind and type: the
/// finding's help, and what SUBMIT.md and the checklist say to check by eye
/// (one wording per kind and type, here).
pub fn what_to_check(claim: &Claim, doc_type: Option<&DocType>) -> &'static str {
    match (claim, doc_type) {
        (Claim::Coop(_), Some(DocType::Invoice | DocType::Csr)) => {
            "the supplier, the invoice number, the date and the total you declared"
        }
        (Claim::Coop(_), Some(DocType::PaymentReceipt)) => "that the invoice was paid, and when",
        (Claim::Coop(_), _) => "the activity, its date and the Microsoft branding",
        (Claim::Plfunding(_), Some(DocType::Invoice | DocType::PaymentReceipt)) => {
            "the supplier, the amount and the date"
        }
        _ => "the customer's name, the workloads and the customer's signature",
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::what_to_check;
    use crate::model::{Claim, DocType};

    fn example(path: &str) -> Claim {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
            .expect("the example");
        crate::load::load_text(text, Path::new("c.toml"), "c.toml")
            .claim
            .expect("the example decodes")
    }

    /// What to check by eye is the reviewer's list for the kind and the
    /// document: an invoice is not a PoE, a receipt is not an invoice.
    #[test]
    fn what_to_check_by_eye_depends_on_the_kind_and_the_document() {
        let coop = example("examples/coop/azure-webinar-series.toml");
        let plf = example("examples/plfunding/contoso-dc-exit.toml");
        let cpor = example("examples/cpor/contoso-e5.toml");
        for t in [DocType::Invoice, DocType::Csr] {
            assert_eq!(
                what_to_check(&coop, Some(&t)),
                "the supplier, the invoice number, the date and the total you declared"
            );
        }
        assert_eq!(
            what_to_check(&coop, Some(&DocType::PaymentReceipt)),
            "that the invoice was paid, and when"
        );
        assert_eq!(
            what_to_check(&coop, None),
            "the activity, its date and the Microsoft branding"
        );
        for t in [DocType::Invoice, DocType::PaymentReceipt] {
            assert_eq!(
                what_to_check(&plf, Some(&t)),
                "the supplier, the amount and the date"
            );
        }
        assert_eq!(
            what_to_check(&cpor, Some(&DocType::Invoice)),
            "the customer's name, the workloads and the customer's signature"
        );
    }
}
