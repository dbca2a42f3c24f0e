//! `plf-expiry`: the per-size timelines from consent to first submission and
//! to the end of the review.

use crate::calendar::{DeadlineState, deadline_state};
use crate::diag::{Finding, Severity};
use crate::kinds::plfunding::catalog::Size;
use crate::kinds::plfunding::model::{Deadline, PlfClaim, Stage};
use crate::rules::deadline::Due;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "plf-expiry",
    default_severity: Severity::Info,
    severity_note: Some("deadline"),
    summary: "the claim's expiry: first submission, then the end of the review, counted from consent received",
    source: "F§3.10 (expiry timelines; \"No reactivation function ... for expired claims\")",
    docs: "A partner-led claim expires when a timeline is missed, and \"there is no \
reactivation function for expired claims\" (F§3.10). Both timelines are counted in \
calendar days from `status.consent_received_on` (at stage `consent-received`, \
`status.since` when it is not given), by the engagement's size in the catalogue:\n\n\
| size | first submission within | review complete within |\n|---|---|---|\n\
| assessment | 60 | 90 |\n| workshop | 90 | 120 |\n| xs, small | 120 | 150 |\n\
| medium | 200 | 230 |\n| large, xl, xxl | 260 | 290 |\n\n\
Before submission (stages `draft`, `consent-received`) the first submission is due; \
once submitted (`submitted`, `under-review`, `partner-action-required`) the review \
must complete. Severity on the shared deadline scale: info with the due date while \
more than 14 days are left, warning at 14 days or fewer, error once passed; the due \
day itself is still in time. A submitted claim without `consent_received_on` gets an \
info finding asking for it.\n\nHow to fix: submit the claim package before the due \
date; once submitted, answer *Partner action required* at once, since the review \
clock keeps running. Record the consent date so the deadline can be computed:\n\n\
```toml\n[status]\nstage = \"consent-received\"\nsince = 2026-10-02\nconsent_received_on = 2026-10-02\n```",
    check: Check::Plfunding(check),
};

/// Which timeline runs (before or after the first submission), by which
/// size, and its deadline when the consent date is known.
struct Expiry {
    submitted: bool,
    size: Size,
    deadline: Option<Deadline>,
}

/// The claim's running expiry timeline: the one computation behind the
/// finding and [`deadlines`].
fn expiry(ctx: &RuleCtx<'_>, claim: &PlfClaim) -> Option<Expiry> {
    claim.status.as_ref()?;
    let size = super::engagement(ctx.env, claim)?.size;
    let submitted = match claim.stage() {
        Stage::Draft | Stage::ConsentReceived => false,
        Stage::Submitted | Stage::UnderReview | Stage::PartnerActionRequired => true,
        _ => return None,
    };
    let timeline = claim.timeline(Some(size));
    let deadline = if submitted {
        timeline.review_due
    } else {
        timeline.submission_due
    };
    Some(Expiry {
        submitted,
        size,
        deadline,
    })
}

/// The submit-by or review-by date (`claimtool status`).
pub fn deadlines(ctx: &RuleCtx<'_>, claim: &PlfClaim) -> Vec<Due> {
    let Some(Expiry {
        submitted,
        deadline: Some(deadline),
        ..
    }) = expiry(ctx, claim)
    else {
        return Vec::new();
    };
    let (what, help) = if submitted {
        (
            "review must complete (else the claim expires)",
            "answer any Partner action required at once: the claim expires at this date",
        )
    } else {
        (
            "first submission due (else the claim expires)",
            "submit the claim package (PoE, customer survey, partner survey) before this date",
        )
    };
    vec![Due::new(RULE.id, deadline.due, what, help)]
}

fn check(ctx: &RuleCtx<'_>, claim: &PlfClaim, out: &mut Vec<Finding>) {
    let Some(status) = &claim.status else { return };
    let Some(Expiry {
        submitted,
        size,
        deadline,
    }) = expiry(ctx, claim)
    else {
        return;
    };
    let stage = claim.stage();
    let Some(deadline) = deadline else {
        if submitted && let Some(stage_sp) = &status.stage {
            out.push(
                Finding::new(
                    &RULE,
                    format!("the claim is {stage}; its review deadline cannot be computed without the consent date"),
                )
                .severity(Severity::Info)
                .at(stage_sp)
                .label("no `consent_received_on`")
                .help("add status.consent_received_on (the date the customer consented) to see when the claim expires"),
            );
        }
        return;
    };
    let (start, days, due) = (&deadline.start, deadline.days, deadline.due);
    let what = if submitted {
        "the review must complete"
    } else {
        "the first submission is due"
    };
    let today = ctx.env.today;
    let state = deadline_state(today, due);
    let left = super::days_left_text(today, due);
    let basis = format!(
        "{}: {days} days from consent on {}",
        size.timeline_group(),
        start.value
    );
    let (message, help) = match (state, submitted) {
        (DeadlineState::Passed, false) => (
            format!("the claim expired on {due} ({left}): it was not submitted within {basis}"),
            "expired claims cannot be reactivated: check the claim in Partner Center and set stage = \"expired\"".to_string(),
        ),
        (DeadlineState::Passed, true) => (
            format!("the review deadline was {due} ({left}; {basis}): the claim has expired"),
            "expired claims cannot be reactivated: check the claim in Partner Center and set its stage".to_string(),
        ),
        (_, false) => (
            format!("{what} by {due} ({left}; {basis})"),
            "submit the claim package (PoE, customer survey, partner survey) before this date; an expired claim cannot be reactivated".to_string(),
        ),
        (_, true) => (
            format!("{what} by {due} ({left}; {basis})"),
            "answer any Partner action required at once: the claim expires at this date and cannot be reactivated".to_string(),
        ),
    };
    out.push(
        Finding::new(&RULE, message)
            .severity(state.severity())
            .at(start)
            .label(format!("expires {due}"))
            .help(help),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::add_days;
    use crate::kinds::plfunding::catalog::Size;
    use crate::kinds::plfunding::rules::test_support::{deadlines_of, engagement, run};

    fn claim(size: Size, stage: &str) -> String {
        format!(
            "kind = \"plfunding\"\nengagement = \"size {size}\"\n\
             [status]\nstage = \"{stage}\"\nsince = 2026-01-01\nconsent_received_on = 2026-01-01\n"
        )
    }

    fn severity_on(size: Size, stage: &str, today: chrono::NaiveDate) -> Option<Severity> {
        let all = Size::ALL.iter().map(|s| engagement(*s)).collect();
        let found = run(&RULE, &claim(size, stage), all, &today.to_string());
        assert!(found.len() <= 1);
        found.first().map(|f| f.severity)
    }

    use crate::decode::StrEnum;

    #[test]
    fn every_size_at_its_boundary_days_before_and_after_submission() {
        let consent: chrono::NaiveDate = "2026-01-01".parse().unwrap();
        let table = [
            (Size::Assessment, 60, 90),
            (Size::Workshop, 90, 120),
            (Size::Xs, 120, 150),
            (Size::Small, 120, 150),
            (Size::Medium, 200, 230),
            (Size::Large, 260, 290),
            (Size::Xl, 260, 290),
            (Size::Xxl, 260, 290),
        ];
        for (size, submit, review) in table {
            for (stage, days) in [
                ("consent-received", submit),
                ("draft", submit),
                ("submitted", review),
                ("under-review", review),
                ("partner-action-required", review),
            ] {
                let due = add_days(consent, days);
                let at = |offset: i64| {
                    let day = due + chrono::Duration::days(offset);
                    severity_on(size, stage, day)
                };
                assert_eq!(
                    at(0),
                    Some(Severity::Warning),
                    "{size} {stage}: due day {due}"
                );
                assert_eq!(
                    at(1),
                    Some(Severity::Error),
                    "{size} {stage}: day after {due}"
                );
                assert_eq!(
                    at(-14),
                    Some(Severity::Warning),
                    "{size} {stage}: 14 days before"
                );
                assert_eq!(
                    at(-15),
                    Some(Severity::Info),
                    "{size} {stage}: 15 days before"
                );
            }
        }
    }

    #[test]
    fn settled_stages_have_no_deadline_and_unknown_consent_date_is_info() {
        for stage in [
            "approved",
            "rejected",
            "expired",
            "canceled",
            "consent-requested",
        ] {
            assert_eq!(
                severity_on(Size::Small, stage, "2027-06-01".parse().unwrap()),
                None,
                "{stage}"
            );
        }
        let text = "kind = \"plfunding\"\nengagement = \"size small\"\n\
                    [status]\nstage = \"submitted\"\nsince = 2026-01-01\n";
        let found = run(&RULE, text, vec![engagement(Size::Small)], "2026-02-01");
        assert_eq!(found[0].severity, Severity::Info);
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap()
                .contains("consent_received_on")
        );
        // At consent-received, `since` is the consent date.
        let text = "kind = \"plfunding\"\nengagement = \"size small\"\n\
                    [status]\nstage = \"consent-received\"\nsince = 2026-01-01\n";
        let found = run(&RULE, text, vec![engagement(Size::Small)], "2026-05-01");
        assert!(
            found[0].message.contains("2026-05-01"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn status_gets_the_submit_by_or_review_by_day_the_finding_states() {
        // Small: 120 days from consent on 2026-01-01 to submit, 150 to review.
        for (stage, due, what) in [
            (
                "draft",
                "2026-05-01",
                "first submission due (else the claim expires)",
            ),
            (
                "under-review",
                "2026-05-31",
                "review must complete (else the claim expires)",
            ),
        ] {
            let text = claim(Size::Small, stage);
            let found = run(&RULE, &text, vec![engagement(Size::Small)], "2026-03-01");
            assert!(found[0].message.contains(due), "{}", found[0].message);
            let dues = deadlines_of(
                deadlines,
                &text,
                vec![engagement(Size::Small)],
                "2026-03-01",
            );
            assert_eq!(dues.len(), 1, "{stage}: {dues:?}");
            assert_eq!(dues[0].rule, RULE.id);
            assert_eq!(dues[0].date, due.parse().unwrap(), "{stage}");
            assert_eq!(dues[0].what, what, "{stage}");
        }
        // A settled claim has no deadline.
        let text = claim(Size::Small, "approved");
        assert!(
            deadlines_of(
                deadlines,
                &text,
                vec![engagement(Size::Small)],
                "2026-03-01"
            )
            .is_empty()
        );
    }
}
