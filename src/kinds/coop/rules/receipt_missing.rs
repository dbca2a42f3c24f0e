//! `coop-receipt-missing`: invoices but no payment receipt.

use crate::diag::{Finding, Severity};
use crate::kinds::coop::model::CoopClaim;
use crate::model::DocType;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-receipt-missing",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "invoices are attached but no payment receipt",
    source: "G step 6 (\"Invoices and payment receipts\")",
    docs: "Co-op reimburses what was paid: alongside the supplier's invoices, the guide \
asks for payment receipts (a bank transfer confirmation, a card statement line, the \
supplier's receipt). One receipt may cover several invoices, and `amount` and `number` \
are optional on receipts. CSRs (in-house work) need no receipt.\n\nHow to fix: attach \
the proof of payment:\n\n```toml\n[[documents]]\npath = \"invoices/payment-1042.pdf\"\n\
type = \"payment-receipt\"\ndate = 2026-09-02\n```",
    check: Check::Coop(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    if super::some_document_type_unreadable(ctx, claim) {
        return;
    }
    let Some(invoice) = claim.documents.iter().find(|d| d.is_type(DocType::Invoice)) else {
        return;
    };
    if claim
        .documents
        .iter()
        .any(|d| d.is_type(DocType::PaymentReceipt))
    {
        return;
    }
    let finding = Finding::new(
        &RULE,
        format!(
            "invoice `{}` has no payment receipt with it",
            invoice.label()
        ),
    );
    let finding = match &invoice.doc_type {
        // What is missing is a document; the caret shows the invoice.
        Some(t) => finding.at_span("documents", t.span.clone()),
        None => finding.at_span("documents", invoice.span.clone()),
    };
    out.push(
        finding
            .label("invoice without proof of payment")
            .help("attach the payment receipt (bank transfer, card statement or supplier receipt) as `type = \"payment-receipt\"`"),
    );
}
