//! `coop-activity-dates`: the activity starts after it ends.

use crate::diag::{Finding, Severity};
use crate::kinds::coop::model::CoopClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-activity-dates",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the activity's start date is after its end date",
    source: "G step 5 (\"Start and end dates of the activity\")",
    docs: "Partner Center asks for the activity's start and end dates; a start after \
the end is refused, and is almost always two swapped dates or a typo in the month.\n\n\
How to fix: correct `start_date` or `end_date` in `[activity]` so the start comes \
first (a one-day activity has the same start and end).",
    check: Check::Coop(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let Some(a) = &claim.activity else { return };
    let (Some(start), Some(end)) = (&a.start_date, &a.end_date) else {
        return;
    };
    if start.value <= end.value {
        return;
    }
    out.push(
        Finding::new(
            &RULE,
            format!(
                "the activity starts on {} but ends earlier, on {}",
                start.value, end.value
            ),
        )
        .at(start)
        .label(format!("after end_date {}", end.value))
        .help("swap or correct `start_date` and `end_date`; a one-day activity has the same start and end"),
    );
}
