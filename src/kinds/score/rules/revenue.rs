//! `score-revenue`: a month's CSP revenue is negative or has fractions of
//! a cent.

use rust_decimal::Decimal;

use crate::diag::{Finding, Severity};
use crate::kinds::score::model::ScoreHistory;
use crate::rules::{Check, Rule, RuleCtx};

use super::points::month_name;

pub static RULE: Rule = Rule {
    id: "score-revenue",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a month's CSP revenue is negative (or has more than 2 decimal places)",
    source: "F§4.7 (USD 25,000 trailing-twelve-month CSP revenue); spec/claim-files.md (money has at most the currency's minor units)",
    docs: "`csp_revenue_usd` is the CSP licensing billed in that month, in US dollars. \
The trailing-12-month sum decides eligibility together with the points, so a negative \
month (usually a credit note typed as the month's revenue) or an amount in fractions of \
a cent would change the verdict silently.\n\nHow to fix: record the month's billed CSP \
revenue as a positive amount with at most two decimals; net a credit against the month's \
billing rather than recording it alone.\n\n```toml\ncsp_revenue_usd = \"2100.00\"\n```",
    check: Check::Score(check),
};

fn check(_ctx: &RuleCtx<'_>, history: &ScoreHistory, out: &mut Vec<Finding>) {
    for m in &history.months {
        let Some(revenue) = &m.csp_revenue_usd else {
            continue;
        };
        if revenue.value < Decimal::ZERO {
            out.push(
                Finding::new(
                    &RULE,
                    format!("{} has negative CSP revenue ({})", month_name(m), revenue.value),
                )
                .at(revenue)
                .label("revenue is 0 or more")
                .help("record the month's billed CSP revenue; net credits against that month's billing"),
            );
        } else if revenue.value.normalize().scale() > 2 {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "{} has CSP revenue {} with more than 2 decimal places",
                        month_name(m),
                        revenue.value
                    ),
                )
                .at(revenue)
                .label("US dollars have cents, nothing smaller")
                .help("round to the cent as the invoice shows it, e.g. \"2100.00\""),
            );
        }
    }
}
