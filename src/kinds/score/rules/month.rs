//! `score-month`: a month that is not `YYYY-MM`, is given twice, lies
//! after today, or before the year 2000 (a typo).

use crate::diag::{Finding, Severity};
use crate::kinds::score::YearMonth;
use crate::kinds::score::model::ScoreHistory;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "score-month",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a month is not of the form YYYY-MM, is given twice, is after today, or is before 2000",
    source: "F§4.3 (Partner Center's scoring history keeps one best score per calendar month); spec/claim-files.md",
    docs: "Each `[[month]]` holds the best score of one calendar month, written \
`\"YYYY-MM\"`. The 6-month window and the 12-month revenue sum are counted in calendar \
months, so a month that cannot be read, a month recorded twice (which score counts?) or \
a month that has not begun yet would make the verdict wrong. \"Today\" is `--today` or \
the clock. A year before 2000 (`\"0026-06\"`, `\"1026-06\"`) is a typo, and would count \
every month since then as a scoreless month.\n\nHow to fix: write the month as `\"2026-06\"` (four-digit year, two-digit \
month, in quotes); keep one `[[month]]` per month with that month's best score; for a \
month still to come use a what-if instead: `claimtool score history.toml --plan \
2026-12=30`.\n\n```toml\n[[month]]\nmonth = \"2026-06\"\n```",
    check: Check::Score(check),
};

/// No score history goes back this far: an earlier year is a typo.
const EARLIEST_YEAR: i32 = 2000;

fn check(ctx: &RuleCtx<'_>, history: &ScoreHistory, out: &mut Vec<Finding>) {
    let now = YearMonth::of(ctx.env.today);
    let mut seen: Vec<(YearMonth, usize)> = Vec::new();
    for m in &history.months {
        let Some(text) = &m.month else { continue };
        let Some(month) = YearMonth::parse(text.value.trim()) else {
            out.push(
                Finding::new(
                    &RULE,
                    format!("month \"{}\" is not of the form YYYY-MM", text.value),
                )
                .at(text)
                .label("expected YYYY-MM, like \"2026-06\"")
                .help(match guess(&text.value) {
                    Some(g) => format!("write it as `month = \"{g}\"`"),
                    None => {
                        "write the month as a four-digit year and a two-digit month: \"2026-06\""
                            .into()
                    }
                }),
            );
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == month) {
            let (line, _) = ctx.file.line_col(*first);
            out.push(
                Finding::new(
                    &RULE,
                    format!("month {month} is given twice (first on line {line})"),
                )
                .at(text)
                .label("a second entry for this month")
                .help("keep one [[month]] per month, holding the best score of that month"),
            );
            continue;
        }
        seen.push((month, text.span.start));
        if month.year() < EARLIEST_YEAR {
            out.push(
                Finding::new(
                    &RULE,
                    format!("month {month} is before {EARLIEST_YEAR}: a typo in the year?"),
                )
                .at(text)
                .label("year too early")
                .help("write the year in full, as Partner Center shows it: \"2026-06\""),
            );
            continue;
        }
        if month > now {
            out.push(
                Finding::new(
                    &RULE,
                    format!("month {month} is after the current month ({now})"),
                )
                .at(text)
                .label("has not happened yet")
                .help(format!(
                    "record only months that have begun; to see what a future score would do, \
                         remove it and run `claimtool score FILE --plan {month}=POINTS`"
                )),
            );
        }
    }
}

/// What the user probably meant: `2026-6` → `2026-06`, `2026-06-15` →
/// `2026-06`, `2026/06` → `2026-06`.
fn guess(text: &str) -> Option<YearMonth> {
    let text = text.trim();
    if let Ok(date) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(YearMonth::of(date));
    }
    let (year, month) = text.split_once(['-', '/', '.'])?;
    if year.len() != 4 {
        return None;
    }
    YearMonth::new(year.parse().ok()?, month.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_the_usual_slips() {
        assert_eq!(guess("2026-6").unwrap().to_string(), "2026-06");
        assert_eq!(guess("2026/06").unwrap().to_string(), "2026-06");
        assert_eq!(guess("2026-06-15").unwrap().to_string(), "2026-06");
        assert_eq!(guess("June 2026"), None);
        assert_eq!(guess("2026-13"), None);
    }
}
