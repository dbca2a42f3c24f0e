//! `coop-amount`: an amount that is not positive, or has more decimal
//! places than the currency.

use crate::decode::Sp;
use crate::diag::{Finding, Severity};
use crate::kinds::coop::facts;
use crate::kinds::coop::model::CoopClaim;
use crate::money;
use crate::rules::{Check, Rule, RuleCtx};
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    id: "coop-amount",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "an amount is not positive, or has more decimal places than the currency allows",
    source: "G step 5 (\"Claimed amount\", \"Currency\"); ISO 4217 minor units",
    docs: "The claimed amount must be above zero and written to at most the currency's \
minor units: 2 decimal places for AUD, USD or EUR, none for JPY, 3 for BHD (ISO 4217). \
Trailing zeros do not count (`\"12500.000\"` is 12500). The same holds for \
`available_funds` and for the `amount` of every invoice, CSR and receipt: Partner \
Center takes amounts in whole minor units, and an amount of a fraction of a cent \
cannot match an invoice. Decimal places are not checked while the currency is not a \
valid code (`coop-currency`).\n\nHow to fix: write the amount as on the invoice, e.g. \
`claimed_amount = \"12500.00\"` (AUD) or `claimed_amount = \"150000\"` (JPY).",
    check: Check::Coop(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let currency = facts::currency_of(claim);
    let code = currency.as_ref().map_or("", |c| c.code);
    let mut amounts: Vec<(&Sp<Decimal>, &str)> = Vec::new();
    if let Some(a) = claim
        .activity
        .as_ref()
        .and_then(|a| a.claimed_amount.as_ref())
    {
        amounts.push((a, "claimed amount"));
    }
    if let Some(a) = &claim.available_funds {
        amounts.push((a, "available funds"));
    }
    for doc in &claim.documents {
        if let Some(a) = &doc.amount {
            amounts.push((a, "document amount"));
        }
    }
    for (amount, what) in amounts {
        // Available funds may be zero (the pool is used up); the claim and
        // its documents must be above zero.
        let too_small = if what == "available funds" {
            amount.value < Decimal::ZERO
        } else {
            amount.value <= Decimal::ZERO
        };
        if too_small {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "the {what} {} is not {}",
                        amount.value,
                        if what == "available funds" {
                            "zero or more"
                        } else {
                            "above zero"
                        }
                    ),
                )
                .at(amount)
                .label(if amount.value.is_zero() {
                    "zero"
                } else {
                    "negative"
                })
                .help(format!(
                    "write the {what} as a positive amount, e.g. \"12500.00\""
                )),
            );
            continue;
        }
        let Some(c) = &currency else { continue };
        let places = money::decimal_places(amount.value);
        if places > c.minor_units {
            let allowed = match c.minor_units {
                0 => "no decimal places".to_string(),
                1 => "1 decimal place".to_string(),
                n => format!("{n} decimal places"),
            };
            let mut rounded = amount.value;
            rounded.rescale(c.minor_units);
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "the {what} {} has {places} decimal place{}; {code} ({}) has {allowed}",
                        amount.value,
                        if places == 1 { "" } else { "s" },
                        c.name
                    ),
                )
                .at(amount)
                .label(format!("{code} allows {allowed}"))
                .help(format!(
                    "write the amount exactly as the invoice shows it in {code} (e.g. \"{rounded}\")"
                )),
            );
        }
    }
}
