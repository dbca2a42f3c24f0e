//! `coop-invoice-details`: an invoice or CSR without `amount` or `number`.

use crate::diag::{Finding, Severity};
use crate::kinds::coop::facts::INVOICE_TYPES;
use crate::kinds::coop::model::CoopClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-invoice-details",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "an invoice or CSR has no `amount` or no `number`",
    source: "G step 5 (\"Claimed amount (must match supporting documents)\"); F§2.7 (explanatory details per document); R#4",
    docs: "Microsoft matches each invoice and CSR against the claim by its number and \
amount, and claimtool sums the amounts to check the claimed amount \
(`coop-amount-mismatch`). Each `invoice` and `csr` document therefore needs both. \
Receipts may leave them out.\n\nHow to fix: copy the invoice number and the total \
(in the claim's currency) from the document:\n\n```toml\n[[documents]]\n\
path = \"invoices/inv-1042.pdf\"\ntype = \"invoice\"\namount = \"12500.00\"\n\
number = \"INV-1042\"\n```",
    check: Check::Coop(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    for doc in &claim.documents {
        let Some(t) = doc
            .doc_type
            .as_ref()
            .filter(|t| INVOICE_TYPES.contains(&t.value))
        else {
            continue;
        };
        let number_missing = doc
            .number
            .as_ref()
            .is_none_or(|n| n.value.trim().is_empty());
        for (missing, key, example) in [
            (doc.amount.is_none(), "amount", "amount = \"12500.00\""),
            (number_missing, "number", "number = \"INV-1042\""),
        ] {
            // A value written but unreadable is `wrong-type`'s finding.
            if !missing || ctx.is_unreadable(&doc.field_path(key)) {
                continue;
            }
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "{} `{}` has no `{key}`",
                        if t.value == crate::model::DocType::Csr {
                            "CSR"
                        } else {
                            "invoice"
                        },
                        doc.label()
                    ),
                )
                .at_span(doc.field_path(key), doc.span.clone())
                .label(format!("no `{key}`"))
                .help(format!(
                    "add `{example}` to this `[[documents]]` entry, as printed on the document"
                )),
            );
        }
    }
}
