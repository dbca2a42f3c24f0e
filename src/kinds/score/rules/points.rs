//! `score-points`: negative points, more than 100 in a month, or a month
//! with no scores to count.

use rust_decimal::Decimal;

use crate::decode::Sp;
use crate::diag::{Finding, Severity};
use crate::kinds::score::model::{Month, ScoreHistory};
use crate::kinds::score::{MAX_POINTS, fmt_points};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "score-points",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "negative points, a month above 100 points, or a month with neither the three category scores nor metrics",
    source: "F§4.1 (\"a maximum of 100 points per solution area\", over Performance, Skilling, Customer success)",
    docs: "A month's points are performance + skilling + customer_success, or, when \
`[month.metrics]` is given, the sum derived from the metrics (performance = \
net_customer_adds; skilling = intermediate + advanced certifications; customer success = \
usage_growth + deployments). A solution area scores at most 100 points, and no score is \
negative, so such a value is a typo (often a revenue figure in a points column). A month \
that has neither all three category scores nor metrics cannot be counted.\n\n\
How to fix: copy the three category scores of the month from Partner Center > \
Membership > Partner capability score (scoring history), or give the metric-level \
detail:\n\n```toml\n[[month]]\nmonth = \"2026-06\"\nperformance = 8.0\nskilling = 10.0\n\
customer_success = 7.5\ncsp_revenue_usd = \"2100.00\"\n```",
    check: Check::Score(check),
};

fn check(ctx: &RuleCtx<'_>, history: &ScoreHistory, out: &mut Vec<Finding>) {
    for m in &history.months {
        let name = month_name(m);
        let mut values: Vec<&Sp<Decimal>> = [&m.performance, &m.skilling, &m.customer_success]
            .into_iter()
            .flatten()
            .collect();
        if let Some(metrics) = &m.metrics {
            values.extend(metrics.values());
        }
        let mut negative = false;
        for v in values.into_iter().filter(|v| v.value < Decimal::ZERO) {
            negative = true;
            out.push(
                Finding::new(
                    &RULE,
                    format!("{name}: `{}` is negative ({})", key_of(&v.path), v.value),
                )
                    .at(v)
                    .label("points are 0 or more")
                    .help("copy the score from Partner Center's scoring history; a category with no points is 0"),
            );
        }
        match m.points() {
            Some(total) if !negative && total > MAX_POINTS => {
                let finding = Finding::new(
                    &RULE,
                    format!(
                        "{name} scores {} points; a solution area has at most {MAX_POINTS}",
                        fmt_points(total)
                    ),
                );
                let finding = match &m.month {
                    Some(month) => finding.at(month),
                    None => finding.at_span(format!("month[{}]", m.index), m.span.clone()),
                };
                out.push(
                    finding
                        .label("above the maximum")
                        .help("check each category score: a figure from another column (revenue, a count) is the usual slip"),
                );
            }
            Some(_) => {}
            None => {
                let given: Vec<&str> = [
                    ("performance", &m.performance),
                    ("skilling", &m.skilling),
                    ("customer_success", &m.customer_success),
                ]
                .iter()
                .filter(|(_, v)| v.is_some())
                .map(|(k, _)| *k)
                .collect();
                // A key written with a value the loader could not read is
                // its `wrong-type` finding already: one mistake, one finding.
                if ctx.is_unreadable(&m.field_path("metrics")) {
                    continue;
                }
                let unreadable = ["performance", "skilling", "customer_success"]
                    .iter()
                    .any(|k| ctx.is_unreadable(&m.field_path(k)));
                let lacking: Vec<String> = ["performance", "skilling", "customer_success"]
                    .iter()
                    .filter(|k| !given.contains(k) && !ctx.is_unreadable(&m.field_path(k)))
                    .map(|k| format!("`{k}`"))
                    .collect();
                if lacking.is_empty() || (unreadable && given.is_empty()) {
                    continue;
                }
                let message = if given.is_empty() {
                    format!(
                        "{name} has no scores: neither the three category scores nor `[month.metrics]`"
                    )
                } else {
                    format!("{name} has no {}", lacking.join(" or "))
                };
                out.push(
                    Finding::new(&RULE, message)
                        .at_span(format!("month[{}]", m.index), m.span.clone())
                        .label("scores missing in this month")
                        .help("give performance, skilling and customer_success (0 for a category without points), or the metric detail in [month.metrics]"),
                );
            }
        }
    }
}

/// `skilling` from `month[2].skilling`, `metrics.deployments` from
/// `month[2].metrics.deployments`.
fn key_of(path: &str) -> &str {
    path.split_once("].").map_or(path, |(_, key)| key)
}

/// `month 2026-06`, or `month[3]` when the month itself is unreadable.
pub fn month_name(m: &Month) -> String {
    m.month.as_ref().map_or_else(
        || format!("month[{}]", m.index),
        |t| format!("month {}", t.value.trim()),
    )
}
