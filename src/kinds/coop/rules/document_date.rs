//! `coop-document-date`: evidence or invoices dated before the activity began.

use crate::diag::{Finding, Severity};
use crate::kinds::coop::model::CoopClaim;
use crate::model::DocType;
use crate::rules::{Check, Rule, RuleCtx};

/// Evidence that can only exist once the activity has begun.
const EXECUTION: &[DocType] = &[
    DocType::Photo,
    DocType::Screenshot,
    DocType::AttendanceSheet,
];
/// Money documents: normally after the activity, but deposits happen.
const MONEY: &[DocType] = &[DocType::Invoice, DocType::Csr, DocType::PaymentReceipt];
/// Words in a money document's `description` that explain an early date
/// (matched case-insensitively, as whole words).
pub const EARLY_PAYMENT_WORDS: &[&str] = &[
    "deposit",
    "prepaid",
    "pre-paid",
    "prepayment",
    "pre-payment",
    "advance",
    "upfront",
    "up-front",
    "retainer",
];

/// Whether a description says the money was paid ahead of the activity
/// ("Webinar platform licence, prepaid").
pub fn explains_early_payment(description: &str) -> bool {
    description
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|word| EARLY_PAYMENT_WORDS.contains(&word))
}

pub static RULE: Rule = Rule {
    id: "coop-document-date",
    default_severity: Severity::Error,
    severity_note: Some("error / warning"),
    summary: "a document is dated before the activity started",
    source: "F§2.7 (legacy PoE: \"Date (must fall between campaign start and end date)\"); R#3",
    docs: "Proof of execution must come from the activity. Only the start is checked:\n\n\
- A `photo`, `screenshot` or `attendance-sheet` dated before `start_date`: error. It \
cannot show an activity that had not begun.\n\
- An `invoice`, `csr` or `payment-receipt` dated before `start_date`: warning. Deposits \
and prepaid media happen: when the document's `description` says so (one of the words \
deposit, prepaid, pre-paid, prepayment, pre-payment, advance, upfront, up-front, \
retainer), the date is explained and the rule stays silent.\n\n\
Invoices and receipts normally come after the end, and invitations and agendas before \
the start, so neither is checked against the end.\n\nHow to fix: correct the \
document's `date` (a typo in the year is common), or attach evidence taken during the \
activity. For a deposit invoice, explain it in the document's `description`:\n\n\
```toml\n[[documents]]\npath = \"invoices/webinar-platform.pdf\"\ntype = \"invoice\"\n\
date = 2026-07-15\ndescription = \"Webinar platform licence, prepaid\"\n```",
    check: Check::Coop(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let Some(start) = claim.activity.as_ref().and_then(|a| a.start_date.as_ref()) else {
        return;
    };
    for doc in &claim.documents {
        let (Some(t), Some(date)) = (&doc.doc_type, &doc.date) else {
            continue;
        };
        if date.value >= start.value {
            continue;
        }
        let days = (start.value - date.value).num_days();
        let before = format!(
            "{} day{} before the activity started ({})",
            days,
            if days == 1 { "" } else { "s" },
            start.value
        );
        let finding = if EXECUTION.contains(&t.value) {
            Finding::new(
                &RULE,
                format!("{} `{}` is dated {}, {before}", t.value, doc.label(), date.value),
            )
            .label("before the activity")
            .help("evidence of execution must be taken during the activity: correct the date or attach the right evidence")
        } else if MONEY.contains(&t.value)
            && !doc
                .description
                .as_ref()
                .is_some_and(|d| explains_early_payment(&d.value))
        {
            Finding::new(
                &RULE,
                format!("{} `{}` is dated {}, {before}", t.value, doc.label(), date.value),
            )
            .severity(Severity::Warning)
            .label("before the activity")
            .help("if this is a deposit or prepaid media, say so in the document's `description` (e.g. \"Webinar platform licence, prepaid\"); otherwise correct the date")
        } else {
            continue;
        };
        out.push(finding.at(date));
    }
}

#[cfg(test)]
mod tests {
    use super::explains_early_payment;

    #[test]
    fn a_description_explains_an_early_payment_by_its_words() {
        assert!(explains_early_payment("Webinar platform licence, prepaid"));
        assert!(explains_early_payment("50% DEPOSIT for the venue"));
        assert!(explains_early_payment("Pre-paid media (LinkedIn)"));
        assert!(!explains_early_payment("Webinar platform licence"));
        // Whole words only: "advanced" is not "advance".
        assert!(!explains_early_payment("Advanced analytics workshop"));
    }
}
