//! `coop-amount-mismatch`: the invoices and CSRs do not add up to the
//! claimed amount, to the cent.

use crate::diag::{Finding, Severity};
use crate::kinds::coop::facts::{self, InvoiceSum};
use crate::kinds::coop::model::CoopClaim;
use crate::money;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-amount-mismatch",
    default_severity: Severity::Error,
    severity_note: Some("error / warning"),
    summary: "the invoice and CSR amounts do not add up to the claimed amount",
    source: "G step 5 (\"Claimed amount (must match supporting documents)\"); R#4",
    docs: "The claimed amount must equal the sum of the `amount` of every `invoice` \
and `csr` document, exactly, in the claim's currency (decimal arithmetic: 0.10 + 0.20 \
is 0.30, never 0.30000000000000004). The finding states the claimed amount, the \
invoice total, the difference, and the invoices it summed.\n\n\
- Claimed **above** the invoices: error. Microsoft reimburses no more than was spent.\n\
- Claimed **below** the invoices: warning, since a capped or partial claim is allowed but \
often a typo. With `activity.partial_claim_reason` set it is not reported.\n\
- Invoice amounts whose total needs more than 28 significant digits: error (the \
total cannot be kept exactly, so nothing can be said to match).\n\
- The claimed amount or an invoice or CSR amount is written but is no exact amount \
(its `wrong-type` error says why): error, since nothing can be compared.\n\n\
Not compared while an invoice or CSR has no amount (`coop-invoice-details`) or an \
amount fails `coop-amount`.\n\nHow to fix: correct the claimed amount or the invoice \
amounts so they match, add the missing invoice, or, for a deliberate partial claim, \
say why:\n\n```toml\n[activity]\nclaimed_amount = \"10000.00\"\n\
partial_claim_reason = \"Capped at the remaining co-op balance\"\n```",
    check: Check::Coop(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let currency = facts::currency_of(claim);
    let Some(activity) = &claim.activity else {
        return;
    };
    if let Some(finding) = unreadable(ctx, claim) {
        out.push(finding);
        return;
    }
    let Some(claimed) = &activity.claimed_amount else {
        return;
    };
    if !facts::amount_is_valid(claimed.value, currency.as_ref()) {
        return;
    }
    let sum = InvoiceSum::of(claim);
    if sum.summed.is_empty() {
        return;
    }
    if sum.without_amount.is_empty() && sum.invalid_amount.is_empty() && sum.total.is_none() {
        // Every amount is fine alone, but their sum cannot be kept exactly:
        // never a silent pass (and the checklist item stays open).
        out.push(
            Finding::new(
                &RULE,
                format!(
                    "the invoice and CSR amounts ({}) add up to more than 28 significant digits, so their total cannot be compared exactly with the claimed amount",
                    sum.counted()
                ),
            )
            .label("total cannot be computed exactly")
            .help("check the invoice and CSR amounts: each should be the amount on the document, e.g. \"10000.00\"")
            .at(claimed),
        );
        return;
    }
    let Some(total) = sum.complete_total() else {
        return;
    };
    let Some(difference) = claimed.value.checked_sub(total) else {
        return;
    };
    if difference.is_zero() {
        return;
    }
    let code = currency.as_ref().map_or_else(
        || claim.currency.as_ref().map_or("", |c| c.value.trim()),
        |c| c.code,
    );
    let fmt = |d| money::format(d, code);
    let summed = format!("from {}: {}", sum.counted(), sum.describe(code));
    let explained = activity
        .partial_claim_reason
        .as_ref()
        .is_some_and(|r| !r.value.trim().is_empty());
    let finding = if difference.is_sign_positive() {
        Finding::new(
            &RULE,
            format!(
                "claimed amount {} is {} above the invoice total {} ({summed})",
                fmt(claimed.value),
                fmt(difference),
                fmt(total)
            ),
        )
        .label(format!("invoices total {}", fmt(total)))
        .help(format!(
            "claim at most {} (what the invoices show), or attach the missing invoice for {}",
            fmt(total),
            fmt(difference)
        ))
    } else if explained {
        // A deliberate partial claim: nothing to report (the checklist
        // still shows both figures).
        return;
    } else {
        let short = -difference;
        Finding::new(
            &RULE,
            format!(
                "claimed amount {} is {} below the invoice total {} ({summed})",
                fmt(claimed.value),
                fmt(short),
                fmt(total)
            ),
        )
        .severity(Severity::Warning)
        .label(format!("invoices total {}", fmt(total)))
        .help(format!(
            "claim {} to match the invoices, or explain a capped or partial claim with `partial_claim_reason` in `[activity]`",
            fmt(total)
        ))
    };
    out.push(finding.at(claimed));
}

/// An amount written but not readable as an exact amount (its `wrong-type`
/// error says why) leaves nothing to compare: said here too, so the sum is
/// never taken as matching (the checklist item depends on this rule).
fn unreadable(ctx: &RuleCtx<'_>, claim: &CoopClaim) -> Option<Finding> {
    let sum = InvoiceSum::of(claim);
    if sum.is_empty() {
        return None;
    }
    let help =
        "write each amount as on its document, e.g. \"10000.00\" (at most 28 significant digits)";
    let claimed_field = "activity.claimed_amount";
    let claimed_missing = claim
        .activity
        .as_ref()
        .is_some_and(|a| a.claimed_amount.is_none());
    if claimed_missing && ctx.is_unreadable(claimed_field) {
        return Some(
            Finding::new(
                &RULE,
                "the claimed amount is not an exact amount, so the invoices cannot be compared with it",
            )
            .field(claimed_field)
            .help(help),
        );
    }
    let doc = sum
        .without_amount
        .iter()
        .find(|d| ctx.is_unreadable(&d.field_path("amount")))?;
    Some(
        Finding::new(
            &RULE,
            format!(
                "the amount of {} is not an exact amount, so the invoices cannot be added up and compared with the claimed amount",
                doc.label()
            ),
        )
        .at_span(doc.field_path("amount"), doc.span.clone())
        .label("amount not readable")
        .help(help),
    )
}
