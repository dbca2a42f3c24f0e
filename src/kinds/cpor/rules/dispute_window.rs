//! `cpor-dispute-window`: a rejected claim may be disputed once, within 30
//! days.

use chrono::NaiveDate;

use crate::calendar;
use crate::decode::Sp;
use crate::diag::{Finding, Severity};
use crate::kinds::cpor::facts::dispute_last_day;
use crate::kinds::cpor::model::{CporClaim, Stage};
use crate::rules::deadline::Due;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-dispute-window",
    default_severity: Severity::Warning,
    severity_note: Some("warning / error"),
    summary: "the claim is rejected: it can be disputed once, within 30 days",
    source: "F§1.14 (\"30 days to dispute a rejected claim. After 30 days you must submit a new association with updated PoE\"); F§1.10 (dispute only once)",
    docs: "At `[status] stage = \"rejected\"` the claim can be disputed, once, within 30 \
calendar days of `since` (the day it was rejected); the day after `since` is day 1 and \
the 30th day itself is still in time. While the window is open the finding is a \
**warning** with the last day (the claim waits on you); once it has closed it is an \
**error**: the claim can no longer be disputed.\n\nHow to fix: while open, dispute \
from the claim in Partner Center with the evidence the rejection asked for (you can \
dispute only once), then set `stage = \"disputed\"`. Once closed, submit a new \
association with new, signed PoE (a new claim file), and set this one to \
`stage = \"rejected-final\"`.\n\n\
```toml\n[status]\nstage = \"rejected\"\nsince = 2026-11-01   # dispute by 2026-12-01\n```",
    check: Check::Cpor(check),
};

/// The day the claim was rejected and the last day to dispute it, while it
/// stands rejected: the one computation behind the finding and
/// [`deadlines`].
fn dispute_by(claim: &CporClaim) -> Option<(&Sp<NaiveDate>, NaiveDate)> {
    if super::stage(claim)?.value != Stage::Rejected {
        return None;
    }
    let since = claim.status.as_ref()?.since.as_ref()?;
    Some((since, dispute_last_day(since.value)))
}

/// The dispute-by date (`claimtool status`).
pub fn deadlines(_ctx: &RuleCtx<'_>, claim: &CporClaim) -> Vec<Due> {
    dispute_by(claim)
        .map(|(_, date)| {
            Due::new(
                RULE.id,
                date,
                "last day to dispute the rejection",
                "dispute from the claim in Partner Center with the evidence the rejection asks \
                 for (only once), then set stage = \"disputed\"",
            )
        })
        .into_iter()
        .collect()
}

fn check(ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    let Some((since, last)) = dispute_by(claim) else {
        return;
    };
    let today = ctx.env.today;
    let finding = if today <= last {
        let left = match calendar::days_left(today, last) {
            0 => "last day today".to_string(),
            1 => "1 day left".to_string(),
            n => format!("{n} days left"),
        };
        Finding::new(
            &RULE,
            format!(
                "rejected on {}: you can dispute it once, until {last} ({left})",
                since.value
            ),
        )
        .at(since)
        .label(format!("dispute by {last}"))
        .help(
            "dispute from the claim in Partner Center with the evidence the rejection asks for \
             (only once), then set stage = \"disputed\"",
        )
    } else {
        Finding::new(
            &RULE,
            format!("the 30 days to dispute this rejection ended on {last}"),
        )
        .severity(Severity::Error)
        .at(since)
        .label(format!("dispute window closed {last}"))
        .help(
            "it can no longer be disputed: submit a new association with new, signed PoE (a new \
             claim file) and set this one to stage = \"rejected-final\"",
        )
    };
    out.push(finding);
}

#[cfg(test)]
mod tests {
    use super::super::testing::{VALID, deadlines_of, run};
    use super::*;

    fn at(stage: &str, since: &str, today: &str) -> Vec<Finding> {
        let text = format!("{VALID}\n[status]\nstage = \"{stage}\"\nsince = {since}\n");
        run(&RULE, &text, today, &[])
    }

    #[test]
    fn thirty_calendar_days_the_last_one_included() {
        assert_eq!(
            dispute_last_day("2026-11-01".parse().unwrap()),
            "2026-12-01".parse().unwrap()
        );
        let open = at("rejected", "2026-11-01", "2026-11-26");
        assert_eq!(open[0].severity, Severity::Warning);
        assert!(
            open[0].message.contains("until 2026-12-01 (5 days left)"),
            "{}",
            open[0].message
        );
        let last = at("rejected", "2026-11-01", "2026-12-01");
        assert_eq!(last[0].severity, Severity::Warning);
        assert!(last[0].message.contains("last day today"));
        let closed = at("rejected", "2026-11-01", "2026-12-02");
        assert_eq!(closed[0].severity, Severity::Error);
        assert!(
            closed[0]
                .help
                .as_deref()
                .unwrap()
                .contains("new association with new")
        );
    }

    #[test]
    fn other_stages_are_silent() {
        assert!(at("disputed", "2026-01-01", "2026-11-26").is_empty());
        assert!(at("rejected-final", "2026-01-01", "2026-11-26").is_empty());
    }

    #[test]
    fn status_gets_the_last_day_the_finding_states() {
        let text = format!("{VALID}\n[status]\nstage = \"rejected\"\nsince = 2026-11-01\n");
        let found = run(&RULE, &text, "2026-11-26", &[]);
        assert!(
            found[0].message.contains("until 2026-12-01"),
            "{}",
            found[0].message
        );
        let due = deadlines_of(deadlines, &text, "2026-11-26", &[]);
        assert_eq!(due.len(), 1, "{due:?}");
        assert_eq!(due[0].rule, RULE.id);
        assert_eq!(due[0].date, "2026-12-01".parse().unwrap());
        assert_eq!(due[0].what, "last day to dispute the rejection");
        assert!(deadlines_of(deadlines, VALID, "2026-11-26", &[]).is_empty());
    }
}
