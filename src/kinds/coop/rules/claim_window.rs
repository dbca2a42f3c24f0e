//! `coop-claim-window`: where today stands in the period's claiming window.

use crate::calendar::{DeadlineState, days_left, deadline_state};
use crate::decode::Sp;
use crate::diag::{Finding, Severity};
use crate::kinds::coop::facts;
use crate::kinds::coop::fiscal::{ClaimWindow, UsagePeriod, WindowState};
use crate::kinds::coop::model::CoopClaim;
use crate::rules::deadline::Due;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-claim-window",
    default_severity: Severity::Info,
    severity_note: Some("deadline"),
    summary: "the claiming window of the usage period: its deadline, or that it is closed or not yet open",
    source: "F§2.4–2.5 (claiming Aug 16 – Feb 15 / Feb 16 – Aug 15; \"45 days after the end of the usage period\"); G tips; R#2",
    docs: "Claims for a usage period are accepted from the 16th of the period's second \
month to the 15th of the second month after it ends: `FY27-H1` (July–December 2026) \
from 2026-08-16 to 2027-02-15, `FY27-H2` (January–June 2027) from 2027-02-16 to \
2027-08-15. These are the dates of Microsoft's own examples; both days are open. \
Counted in calendar days from `--today`, on the shared deadline scale: info with the \
due date while more than 14 days are left, warning at 14 days or fewer (the last day \
included), error once the window has closed (the funds are forfeit) or while it has \
not opened yet (Partner Center does not show the period's funds before then).\n\n\
How to fix: submit before the window closes; a closed window cannot be reopened, so \
check whether the activity belongs to a later usage period. Before the window opens, \
wait for its first day.",
    check: Check::Coop(check),
};

/// The usage period, its value in the file and its claiming window: the
/// one computation behind the finding and [`deadlines`].
fn window(claim: &CoopClaim) -> Option<(UsagePeriod, &Sp<String>, ClaimWindow)> {
    let period = facts::period_of(claim)?;
    Some((period, claim.usage_period.as_ref()?, period.claim_window()))
}

/// The claim-by date: the window's last day (`claimtool status`).
pub fn deadlines(_ctx: &RuleCtx<'_>, claim: &CoopClaim) -> Vec<Due> {
    window(claim)
        .map(|(period, _, window)| {
            Due::new(
                RULE.id,
                window.closes,
                format!("claim window for {period} closes"),
                "submit the claim in Partner Center before the window closes; a closed window \
                 cannot be reopened",
            )
        })
        .into_iter()
        .collect()
}

fn check(ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let Some((period, value, window)) = window(claim) else {
        return;
    };
    let today = ctx.env.today;
    let finding = match window.state(today) {
        WindowState::NotYetOpen => Finding::new(
            &RULE,
            format!(
                "the claiming window for {period} opens on {} ({} from today); Partner Center takes no claim before then",
                window.opens,
                day_count(days_left(today, window.opens))
            ),
        )
        .severity(Severity::Error)
        .label(format!("opens {}", window.opens))
        .help(format!(
            "submit between {} and {}, or check the usage period",
            window.opens, window.closes
        )),
        WindowState::Closed => Finding::new(
            &RULE,
            format!(
                "the claiming window for {period} closed on {} ({} ago): the funds are forfeit",
                window.closes,
                day_count(-days_left(today, window.closes))
            ),
        )
        .severity(Severity::Error)
        .label(format!("closed {}", window.closes))
        .help("a closed window cannot be reopened; if the activity ran in a later usage period, claim it there"),
        WindowState::Open => {
            let left = days_left(today, window.closes);
            let state = deadline_state(today, window.closes);
            let when = match left {
                0 => "today is the last day".to_string(),
                n => format!("{} left", day_count(n)),
            };
            Finding::new(
                &RULE,
                format!("claims for {period} are due by {} ({when})", window.closes),
            )
            .severity(state.severity())
            .label(format!("window {} to {}", window.opens, window.closes))
            .help(match state {
                DeadlineState::Far => format!("submit by {}", window.closes),
                _ => format!(
                    "submit now: the window closes at the end of {}",
                    window.closes
                ),
            })
        }
    };
    out.push(finding.at(value));
}

/// `1 day`, `81 days`.
fn day_count(n: i64) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::coop::rules::testing::findings_and_deadlines;

    #[test]
    fn status_gets_the_last_day_the_finding_states() {
        let claim = "kind = \"coop\"\nusage_period = \"FY27-H1\"\n";
        let (found, due) = findings_and_deadlines(&RULE, deadlines, claim, "2026-11-26");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("due by 2027-02-15"),
            "{}",
            found[0].message
        );
        assert_eq!(due.len(), 1, "{due:?}");
        assert_eq!(due[0].rule, RULE.id);
        assert_eq!(due[0].date, "2027-02-15".parse().unwrap());
        assert_eq!(due[0].what, "claim window for FY27-H1 closes");
        // No usage period: no window, no finding, no deadline.
        let (found, due) =
            findings_and_deadlines(&RULE, deadlines, "kind = \"coop\"\n", "2026-11-26");
        assert!(found.is_empty() && due.is_empty(), "{found:?} {due:?}");
    }
}
