//! `coop-invoice-amount-not-found`: the invoice's text does not show the
//! declared amount.

use crate::diag::{Finding, Severity};
use crate::documents::DocRead;
use crate::inspect::matching::{amount_forms, amount_found};
use crate::kinds::coop::model::CoopClaim;
use crate::model::DocType;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-invoice-amount-not-found",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "an invoice's text does not show its declared `amount`",
    source: "G step 5 (\"Claimed amount (must match supporting documents)\"); R#4",
    docs: "Microsoft matches each invoice against the claim by its total. claimtool reads \
the text of each `invoice` document with a declared `amount` and looks for that amount \
in its usual written forms, with the currency's decimals: `10000.10`, `10,000.10`, \
`10 000.10`, `10.000,10`, `10 000,10`, `10000,10` (for 0-decimal currencies such as JPY: \
`125000`, `125,000`, `125.000`, `125 000`), with or without a currency symbol or code. A \
number that is part of a larger one (`110,000.10`) does not count. Silent when the \
invoice cannot be read (see `poe-unreadable`) or the amount has more decimals than the \
currency.\n\n\
How to fix: copy the invoice's total exactly into `amount` (in the claim's currency), or \
attach the invoice that shows it.",
    check: Check::Coop(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let Some(decimals) = claim
        .currency
        .as_ref()
        .and_then(|c| crate::money::minor_units(c.value.trim()))
    else {
        return;
    };
    for doc in &claim.documents {
        if !doc.is_type(DocType::Invoice) {
            continue;
        }
        let (Some(amount), Some(path)) = (&doc.amount, &doc.path) else {
            continue;
        };
        let read = ctx.document(&path.value);
        let DocRead::Ok(info) = &*read else { continue };
        if info.placeholder {
            continue; // document-placeholder says to replace it
        }
        let Some(text) = &info.text else { continue };
        let Some(forms) = amount_forms(amount.value, decimals) else {
            continue;
        };
        if !amount_found(&text.folded, &forms) {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "`{}` does not show the amount {} anywhere in its text",
                        path.value, forms[0]
                    ),
                )
                .at(amount)
                .label("not found in the invoice")
                .help("copy the invoice's total exactly, or attach the invoice that shows it"),
            );
        }
    }
}
