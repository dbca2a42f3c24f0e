//! `score-gap`: months missing inside the history, so the window or the
//! 12-month revenue sum counts them as zero.

use crate::diag::{Finding, Severity};
use crate::kinds::score::YearMonth;
use crate::kinds::score::model::ScoreHistory;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "score-gap",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "months are missing inside the history: the window or the 12-month revenue sum is computed on incomplete data",
    source: "guide, \"Partner Capability Score\" (points are checked monthly over the current month and the previous five); F§4.3",
    docs: "`claimtool score` counts a month that is not in the file as zero points and \
zero revenue. Between the first recorded month and the month before today, every \
missing month may hide a qualifying score or revenue, so the verdict is only as good as \
the history (the current month may be missing: its scores are not final yet, \
Performance and Customer Success are refreshed by the 20th). A history with no month at \
all is reported too.\n\nHow to fix: add the missing months from Partner Center's \
scoring history and your CSP billing; a month that truly scored nothing is recorded \
with zeros, so that the gap is a fact, not a guess.\n\n```toml\n[[month]]\n\
month = \"2026-08\"\nperformance = 0\nskilling = 0\ncustomer_success = 0\n\
csp_revenue_usd = \"0.00\"\n```",
    check: Check::Score(check),
};

fn check(ctx: &RuleCtx<'_>, history: &ScoreHistory, out: &mut Vec<Finding>) {
    let mut months = super::recorded_months(history);
    if months.is_empty() {
        if history.months.is_empty() {
            out.push(
                Finding::new(
                    &RULE,
                    "the history has no [[month]]: every month counts as zero",
                )
                .at_span("month", 0..0)
                .help("add a [[month]] for each month of Partner Center's scoring history"),
            );
        }
        return;
    }
    months.sort_by_key(|(m, _)| *m);
    let last_complete = YearMonth::of(ctx.env.today).plus(-1);
    let mut runs = Vec::new();
    for pair in months.windows(2) {
        let ((a, _), (b, next)) = (&pair[0], &pair[1]);
        if a.plus(1) < *b {
            runs.push((a.plus(1), b.plus(-1), *next, false));
        }
    }
    if let Some((last, text)) = months.last()
        && *last < last_complete
    {
        runs.push((last.plus(1), last_complete, *text, true));
    }
    for (from, to, at, trailing) in runs {
        let which = describe(from, to);
        let message = if trailing {
            format!(
                "the history stops at {}: no [[month]] for {which}",
                from.plus(-1)
            )
        } else {
            format!("no [[month]] for {which}: counted as zero points and zero revenue")
        };
        // A history that stops early concerns the `[[month]]` list, not the
        // last month's value: the wizard, adding months in order, must not
        // flag each new month until the current one is in.
        let finding = if trailing {
            Finding::new(&RULE, message).at_span("month", at.span.clone())
        } else {
            Finding::new(&RULE, message).at(at)
        };
        out.push(
            finding
                .label(if trailing { "the last month recorded" } else { "the month after the gap" })
                .help(format!(
                    "add {which} from Partner Center's scoring history and your CSP billing (zeros for a month that scored nothing)"
                )),
        );
    }
}

/// `2026-08`, `2026-08 and 2026-09`, `2026-08, 2026-09 and 2026-10`, or
/// `2025-01 to 2025-12 (12 months)`.
fn describe(from: YearMonth, to: YearMonth) -> String {
    let months: Vec<String> = from.through(to).map(|m| m.to_string()).collect();
    match months.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [a, b, c] => format!("{a}, {b} and {c}"),
        _ => format!("{from} to {to} ({} months)", months.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_is_named_by_its_months() {
        let m = |s: &str| YearMonth::parse(s).unwrap();
        assert_eq!(describe(m("2026-08"), m("2026-08")), "2026-08");
        assert_eq!(describe(m("2026-08"), m("2026-09")), "2026-08 and 2026-09");
        assert_eq!(
            describe(m("2026-08"), m("2026-10")),
            "2026-08, 2026-09 and 2026-10"
        );
        assert_eq!(
            describe(m("2025-01"), m("2025-12")),
            "2025-01 to 2025-12 (12 months)"
        );
    }
}
