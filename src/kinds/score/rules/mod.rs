//! Partner Capability Score rules (`score-`): the history file is sound
//! enough for `claimtool score` to compute eligibility from it.

pub mod gap;
pub mod month;
pub mod points;
pub mod revenue;

use crate::decode::Sp;
use crate::kinds::score::YearMonth;
use crate::kinds::score::model::ScoreHistory;

use crate::rules::Rule;

pub static RULES: &[&Rule] = &[&month::RULE, &points::RULE, &revenue::RULE, &gap::RULE];

/// The months of the history that parse as `YYYY-MM`, first occurrence
/// only (`score-month` reports the rest), in file order.
pub fn recorded_months(history: &ScoreHistory) -> Vec<(YearMonth, &Sp<String>)> {
    let mut seen = Vec::new();
    for m in &history.months {
        let Some(text) = &m.month else { continue };
        if let Some(month) = YearMonth::parse(text.value.trim())
            && !seen.iter().any(|(s, _)| *s == month)
        {
            seen.push((month, text));
        }
    }
    seen
}
