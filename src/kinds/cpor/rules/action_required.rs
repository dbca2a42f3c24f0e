//! `cpor-action-required`: the claim waits in *Partner action required*;
//! 14 business days to respond.

use chrono::NaiveDate;

use crate::calendar;
use crate::decode::Sp;
use crate::diag::{Finding, Severity};
use crate::kinds::cpor::facts::reply_due;
use crate::kinds::cpor::model::{CporClaim, Stage};
use crate::rules::deadline::Due;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-action-required",
    default_severity: Severity::Warning,
    severity_note: Some("warning / error"),
    summary: "the claim is in Partner action required: 14 business days to respond",
    source: "F§1.10 (\"You have 14 business days to provide the requested information and resubmit your claim, or it will be rejected\"); G (\"no response within 14 days\"); R#14",
    docs: "At `[status] stage = \"partner-action-required\"` a reviewer has asked for more \
(usually PoE). The response is due 14 business days after `since`, the day the claim \
entered the stage: Monday to Friday, not counting the dates in `claimtool.toml` \
`[calendar] holidays`; the day after `since` is day 1 and the due day itself is still \
in time. While open the finding is a **warning** with the due date and the business \
days left (the claim waits on you); once past it is an **error**: Partner Center \
rejects claims left unanswered (\"No partner response\").\n\nHow to fix: read the \
reviewer's comment on the claim in Partner Center, add what it asks for (signed PoE, \
the missing workload, current dates), resubmit, and update `[status]`. If the due date \
has passed, the claim is rejected: dispute it within 30 days, or file a new \
association with new PoE.\n\n\
```toml\n[status]\nstage = \"partner-action-required\"\nsince = 2026-11-20   # due 2026-12-10\n```",
    check: Check::Cpor(check),
};

/// Business days after `today` up to and including `due`.
fn business_days_left(today: NaiveDate, due: NaiveDate, holidays: &[NaiveDate]) -> usize {
    today
        .iter_days()
        .skip(1)
        .take_while(|d| *d <= due)
        .filter(|d| calendar::is_business_day(*d, holidays))
        .count()
}

/// The day the claim entered *Partner action required* and the last day to
/// respond, while it waits there: the one computation behind the finding
/// and [`deadlines`].
fn response_due<'c>(
    ctx: &RuleCtx<'_>,
    claim: &'c CporClaim,
) -> Option<(&'c Sp<NaiveDate>, NaiveDate)> {
    if super::stage(claim)?.value != Stage::PartnerActionRequired {
        return None;
    }
    let since = claim.status.as_ref()?.since.as_ref()?;
    Some((since, reply_due(since.value, &ctx.env.config.holidays)))
}

/// The reply-by date (`claimtool status`).
pub fn deadlines(ctx: &RuleCtx<'_>, claim: &CporClaim) -> Vec<Due> {
    response_due(ctx, claim)
        .map(|(_, date)| {
            Due::new(
                RULE.id,
                date,
                "reply to Partner action required",
                "read the reviewer's comment in Partner Center, add what it asks for (usually \
                 PoE), resubmit, and update [status]",
            )
        })
        .into_iter()
        .collect()
}

fn check(ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    let Some((since, due)) = response_due(ctx, claim) else {
        return;
    };
    let holidays = &ctx.env.config.holidays;
    let today = ctx.env.today;
    let finding =
        if today <= due {
            let left = match business_days_left(today, due, holidays) {
                0 => "due today".to_string(),
                1 => "1 business day left".to_string(),
                n => format!("{n} business days left"),
            };
            Finding::new(
            &RULE,
            format!("Partner action required since {}: respond by {due} ({left})", since.value),
        )
        .at(since)
        .label(format!("respond by {due}"))
        .help(
            "read the reviewer's comment in Partner Center, add what it asks for (usually PoE), \
             resubmit, and update [status]",
        )
        } else {
            Finding::new(
                &RULE,
                format!("the 14 business days to respond ended on {due}: the claim is rejected"),
            )
            .severity(Severity::Error)
            .at(since)
            .label(format!("was due {due}"))
            .help(
                "Partner Center rejects a claim left unanswered: set [status] to rejected and \
             dispute within 30 days, or submit a new association with new PoE",
            )
        };
    out.push(finding);
}

#[cfg(test)]
mod tests {
    use super::super::testing::{VALID, deadlines_of, run};
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn at(since: &str, today: &str, holidays: &[&str]) -> Vec<Finding> {
        let text =
            format!("{VALID}\n[status]\nstage = \"partner-action-required\"\nsince = {since}\n");
        run(&RULE, &text, today, holidays)
    }

    #[test]
    fn due_counts_business_days_from_the_day_after() {
        // Friday 2026-11-20: day 1 is Monday 23rd; day 14 is Thursday 10 December.
        assert_eq!(reply_due(d("2026-11-20"), &[]), d("2026-12-10"));
        assert_eq!(
            reply_due(d("2026-11-20"), &[d("2026-12-01")]),
            d("2026-12-11")
        );
        assert_eq!(business_days_left(d("2026-12-04"), d("2026-12-10"), &[]), 4);
        assert_eq!(business_days_left(d("2026-12-10"), d("2026-12-10"), &[]), 0);
    }

    #[test]
    fn warning_through_the_due_day_then_error() {
        let open = at("2026-11-20", "2026-11-26", &[]);
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].severity, Severity::Warning);
        assert!(
            open[0]
                .message
                .contains("respond by 2026-12-10 (10 business days left)"),
            "{}",
            open[0].message
        );
        let last_day = at("2026-11-20", "2026-12-10", &[]);
        assert_eq!(last_day[0].severity, Severity::Warning);
        assert!(last_day[0].message.contains("due today"));
        let past = at("2026-11-20", "2026-12-11", &[]);
        assert_eq!(past[0].severity, Severity::Error);
        // A holiday inside the window moves the due day.
        let holiday = at("2026-11-20", "2026-12-11", &["2026-12-01"]);
        assert_eq!(holiday[0].severity, Severity::Warning);
    }

    #[test]
    fn other_stages_are_silent() {
        let text = format!("{VALID}\n[status]\nstage = \"under-review\"\nsince = 2026-01-01\n");
        assert!(run(&RULE, &text, "2026-11-26", &[]).is_empty());
    }

    #[test]
    fn status_gets_the_due_day_the_finding_states() {
        let text =
            format!("{VALID}\n[status]\nstage = \"partner-action-required\"\nsince = 2026-11-20\n");
        // A holiday moves the due day, for status as for the finding.
        let holidays = &["2026-12-01"];
        let found = run(&RULE, &text, "2026-11-26", holidays);
        assert!(
            found[0].message.contains("respond by 2026-12-11"),
            "{}",
            found[0].message
        );
        let due = deadlines_of(deadlines, &text, "2026-11-26", holidays);
        assert_eq!(due.len(), 1, "{due:?}");
        assert_eq!(due[0].rule, RULE.id);
        assert_eq!(due[0].date, d("2026-12-11"));
        assert_eq!(due[0].what, "reply to Partner action required");
        assert!(deadlines_of(deadlines, VALID, "2026-11-26", &[]).is_empty());
    }
}
