//! `plf-hours`: a variable-pay engagement without its number of hours.

use rust_decimal::Decimal;

use crate::diag::{Finding, Severity};
use crate::kinds::plfunding::catalog::Pay;
use crate::kinds::plfunding::model::PlfClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "plf-hours",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "variable-pay engagement without `hours` (a whole number above 0)",
    source: "F§3.4 (\"The number of hours can't be updated after the Add customer flow has been completed\")",
    docs: "A variable-pay engagement pays per hour: *Add customer* asks for the number \
of hours, and \"The number of hours can't be updated after the Add customer flow has \
been completed\" (F§3.4). claimtool asks for a whole number of hours above zero (a \
count of hours, as Partner Center asks it; a fraction is likely a typo that could \
not be corrected later). Fixed-pay engagements take no hours; `hours` is ignored \
there.\n\nHow to fix: agree the hours with the customer first, then write them:\n\n\
```toml\nhours = 40\n```",
    check: Check::Plfunding(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &PlfClaim, out: &mut Vec<Finding>) {
    let Some(engagement) = super::engagement(ctx.env, claim) else {
        return;
    };
    if engagement.pay != Pay::Variable {
        return;
    }
    let finding = match &claim.hours {
        // `hours = "forty"`: wrong-type has said it; one mistake, one finding.
        None if ctx.is_unreadable("hours") => return,
        None => {
            let f = Finding::new(
                &RULE,
                format!(
                    "engagement \"{}\" is variable pay and needs `hours`",
                    engagement.name
                ),
            );
            let f = match &claim.engagement {
                Some(name) => f.at(name).label("variable pay: hours required"),
                None => f.at_span("hours", 0..0),
            };
            f.help("add `hours = N`, the agreed number of hours: it cannot be changed after Add customer")
        }
        Some(hours) if hours.value <= Decimal::ZERO => Finding::new(
            &RULE,
            format!("hours is {}; a variable-pay claim needs more than 0", hours.value),
        )
        .at(hours)
        .label("must be above 0")
        .help("write the agreed number of hours: it cannot be changed after Add customer"),
        Some(hours) if !hours.value.fract().is_zero() => Finding::new(
            &RULE,
            format!("hours is {}, not a whole number of hours", hours.value),
        )
        .at(hours)
        .label("not whole hours")
        .help("write whole hours (round as agreed with the customer): they cannot be changed after Add customer"),
        Some(_) => return,
    };
    out.push(finding);
}
