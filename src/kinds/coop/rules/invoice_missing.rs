//! `coop-invoice-missing`: no third-party invoice and no CSR.

use crate::diag::{Finding, Severity};
use crate::kinds::coop::facts::INVOICE_TYPES;
use crate::kinds::coop::model::CoopClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-invoice-missing",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "no third-party invoice and no CSR",
    source: "F§2.14 (every activity needs a \"Third party invoice or certification statement & report (CSR)\"); R#5",
    docs: "Microsoft reimburses money spent: every co-op activity needs a third-party \
invoice (`type = \"invoice\"`) or, for work done in-house, a Certification Statement \
and Report (`type = \"csr\"`). Their amounts are what the claimed amount is matched \
against. A claim with neither is rejected, whatever else it shows.\n\nHow to fix: \
attach the supplier's invoice with its amount and number:\n\n```toml\n[[documents]]\n\
path = \"invoices/inv-1042.pdf\"\ntype = \"invoice\"\ndate = 2026-08-25\n\
amount = \"12500.00\"\nnumber = \"INV-1042\"\n```",
    check: Check::Coop(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    if super::some_document_type_unreadable(ctx, claim) {
        return;
    }
    let has = claim
        .documents
        .iter()
        .any(|d| INVOICE_TYPES.iter().any(|&t| d.is_type(t)));
    if has {
        return;
    }
    let finding = Finding::new(&RULE, "no third-party invoice and no CSR is attached")
        .help("add a `[[documents]]` entry with `type = \"invoice\"` (or `\"csr\"` for in-house work), its `amount` and `number`");
    let finding = match claim.documents.first() {
        Some(first) => finding
            .at_span("documents", first.span.clone())
            .label("none of these documents is an invoice or CSR"),
        None => match claim
            .activity
            .as_ref()
            .and_then(|a| a.claimed_amount.as_ref())
        {
            Some(amount) => finding
                .at_span("documents", amount.span.clone())
                .label("nothing supports this amount"),
            None => finding.field("documents"),
        },
    };
    out.push(finding);
}
