//! `coop-over-available`: the claim is above the funds left in the pool.

use crate::diag::{Finding, Severity};
use crate::kinds::coop::facts;
use crate::kinds::coop::model::CoopClaim;
use crate::money;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-over-available",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the claimed amount is above the available funds",
    source: "R#15 (claim over the remaining co-op balance); F§2.4",
    docs: "`available_funds` (optional) is what is left in this funding pool and usage \
period, as Co-op management shows it, in the claim's currency. A claim above it \
cannot be paid in full. Not compared while either amount fails `coop-amount`.\n\n\
How to fix: lower the claimed amount to the available funds and set \
`partial_claim_reason` (the invoices stay as they are), or update `available_funds` \
from Partner Center if it has changed.",
    check: Check::Coop(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let currency = facts::currency_of(claim);
    let (Some(available), Some(claimed)) = (
        &claim.available_funds,
        claim
            .activity
            .as_ref()
            .and_then(|a| a.claimed_amount.as_ref()),
    ) else {
        return;
    };
    let fits = |a| {
        currency
            .as_ref()
            .is_none_or(|c| money::fits_minor_units(a, c.minor_units))
    };
    if available.value.is_sign_negative()
        || !fits(available.value)
        || !facts::amount_is_valid(claimed.value, currency.as_ref())
        || claimed.value <= available.value
    {
        return;
    }
    let code = currency.as_ref().map_or_else(
        || claim.currency.as_ref().map_or("", |c| c.value.trim()),
        |c| c.code,
    );
    let over = claimed.value - available.value;
    out.push(
        Finding::new(
            &RULE,
            format!(
                "claimed amount {} is {} above the available funds {}",
                money::format(claimed.value, code),
                money::format(over, code),
                money::format(available.value, code)
            ),
        )
        .at(claimed)
        .label(format!("available: {}", money::format(available.value, code)))
        .help(format!(
            "claim at most {} and explain the cap in `partial_claim_reason`, or update `available_funds` from Co-op management",
            money::format(available.value, code)
        )),
    );
}
