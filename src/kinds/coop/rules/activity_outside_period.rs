//! `coop-activity-outside-period`: activity dates outside the usage period.

use crate::diag::{Finding, Severity};
use crate::kinds::coop::facts;
use crate::kinds::coop::fiscal::UsagePeriod;
use crate::kinds::coop::model::CoopClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-activity-outside-period",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "an activity date is outside the usage period",
    source: "F§2.4 (\"If you don't use your earnings by the end of the usage period, you forfeit them\"); R#3",
    docs: "Co-op funds are used in their usage period: an activity (its start and its \
end) must fall between the period's first and last day, e.g. 2026-07-01 to 2026-12-31 \
for `FY27-H1`. An activity outside it is paid from no funds and rejected. Not checked \
while the usage period itself is malformed (`coop-usage-period`).\n\nHow to fix: choose \
the usage period the activity ran in (the help names it), or correct the dates. An \
activity that spans two periods is two claims.",
    check: Check::Coop(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let (Some(period), Some(a)) = (facts::period_of(claim), &claim.activity) else {
        return;
    };
    let (start, end) = (period.start(), period.end());
    for date in [&a.start_date, &a.end_date].into_iter().flatten() {
        if period.contains(date.value) {
            continue;
        }
        let which = if date.path.ends_with("start_date") {
            "starts"
        } else {
            "ends"
        };
        let help = match UsagePeriod::containing(date.value) {
            Some(other) => format!(
                "{} is in {other}; claim it against that usage period's funds, or correct the date",
                date.value
            ),
            None => "correct the date".to_string(),
        };
        out.push(
            Finding::new(
                &RULE,
                format!(
                    "the activity {which} on {}, outside usage period {period} ({start} to {end})",
                    date.value
                ),
            )
            .at(date)
            .label(format!("not in {period}"))
            .help(help),
        );
    }
}
