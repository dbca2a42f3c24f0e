//! `plf-consent-deadline`: 30 days to obtain the customer's consent.

use crate::calendar::{DeadlineState, deadline_state};
use crate::diag::{Finding, Severity};
use crate::kinds::plfunding::model::{Deadline, PlfClaim, Stage};
use crate::rules::deadline::Due;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "plf-consent-deadline",
    default_severity: Severity::Info,
    severity_note: Some("deadline"),
    summary: "customer consent requested but not received: 30 days from the request",
    source: "F§3.7, F§3.10 (\"Max days to get consent (from claim creation)\": 30)",
    docs: "The claim is created when the consent email is sent to the customer; the \
customer then has 30 days to consent, for every engagement size (F§3.10). If the \
consent does not come in time the claim expires, and expired claims cannot be \
reactivated. At stage `consent-requested` (and no `consent_received_on`), the due \
date is 30 calendar days after `status.consent_requested_on` (or `status.since` when \
that is not given); the due day itself is still in time. Severity on the shared \
deadline scale: info with the due date while more than 14 days are left, warning at \
14 days or fewer, error once passed.\n\nHow to fix: remind the customer to accept the \
consent email (Partner Center can resend it); when it comes, record it:\n\n```toml\n\
[status]\nstage = \"consent-received\"\nsince = 2026-10-02\nconsent_requested_on = 2026-09-20\n\
consent_received_on = 2026-10-02\n```",
    check: Check::Plfunding(check),
};

/// The consent deadline while the claim waits for the customer's consent:
/// the one computation behind the finding and [`deadlines`].
fn consent_due(claim: &PlfClaim) -> Option<Deadline> {
    let status = claim.status.as_ref()?;
    if claim.stage() != Stage::ConsentRequested || status.consent_received_on.is_some() {
        return None;
    }
    claim.timeline(None).consent_due
}

/// The consent-by date (`claimtool status`).
pub fn deadlines(_ctx: &RuleCtx<'_>, claim: &PlfClaim) -> Vec<Due> {
    consent_due(claim)
        .map(|d| {
            Due::new(
                RULE.id,
                d.due,
                "customer consent due (else the claim expires)",
                "remind the customer to accept the consent email (Partner Center can resend it)",
            )
        })
        .into_iter()
        .collect()
}

fn check(ctx: &RuleCtx<'_>, claim: &PlfClaim, out: &mut Vec<Finding>) {
    let Some(deadline) = consent_due(claim) else {
        return;
    };
    let (start, due) = (&deadline.start, deadline.due);
    let today = ctx.env.today;
    let state = deadline_state(today, due);
    let left = super::days_left_text(today, due);
    let (message, help) = match state {
        DeadlineState::Passed => (
            format!(
                "the 30 days to obtain the customer's consent ended on {due} ({left}): the claim has expired"
            ),
            "expired claims cannot be reactivated: check the claim in Partner Center, set stage = \"expired\", and add the customer again if the engagement still allows it".to_string(),
        ),
        _ => (
            format!(
                "customer consent is due by {due} ({left}; 30 days from the request on {})",
                start.value
            ),
            "remind the customer to accept the consent email (Partner Center can resend it); the claim expires without it and cannot be reactivated".to_string(),
        ),
    };
    out.push(
        Finding::new(&RULE, message)
            .severity(state.severity())
            .at(start)
            .label(format!("consent due {due}"))
            .help(help),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::plfunding::catalog::Size;
    use crate::kinds::plfunding::rules::test_support::{deadlines_of, engagement, run};

    const CLAIM: &str = "kind = \"plfunding\"\nengagement = \"size small\"\n\
        [status]\nstage = \"consent-requested\"\nsince = 2026-10-01\nconsent_requested_on = 2026-10-01\n";

    fn severity_on(today: &str) -> Option<Severity> {
        run(&RULE, CLAIM, vec![engagement(Size::Small)], today)
            .first()
            .map(|f| f.severity)
    }

    #[test]
    fn thirty_days_on_the_shared_scale() {
        // 2026-10-01 + 30 days = 2026-10-31.
        assert_eq!(severity_on("2026-10-16"), Some(Severity::Info));
        assert_eq!(severity_on("2026-10-17"), Some(Severity::Warning));
        assert_eq!(severity_on("2026-10-31"), Some(Severity::Warning));
        assert_eq!(severity_on("2026-11-01"), Some(Severity::Error));
        let received = CLAIM.replace("consent_requested_on", "consent_received_on");
        assert!(run(&RULE, &received, vec![], "2026-11-01").is_empty());
    }

    #[test]
    fn status_gets_the_due_day_the_finding_states() {
        let found = run(&RULE, CLAIM, vec![engagement(Size::Small)], "2026-10-16");
        assert!(
            found[0].message.contains("2026-10-31"),
            "{}",
            found[0].message
        );
        let due = deadlines_of(
            deadlines,
            CLAIM,
            vec![engagement(Size::Small)],
            "2026-10-16",
        );
        assert_eq!(due.len(), 1, "{due:?}");
        assert_eq!(due[0].rule, RULE.id);
        assert_eq!(due[0].date, "2026-10-31".parse().unwrap());
        assert_eq!(due[0].what, "customer consent due (else the claim expires)");
        // Consent received: nothing left to wait for.
        let received = CLAIM.replace("consent_requested_on", "consent_received_on");
        assert!(deadlines_of(deadlines, &received, vec![], "2026-10-16").is_empty());
    }
}
