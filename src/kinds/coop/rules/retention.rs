//! `coop-retention`: keep the original documents 24 months after the activity.

use chrono::NaiveDate;

use crate::decode::Sp;
use crate::diag::{Finding, Severity};
use crate::kinds::coop::fiscal::{RETENTION_MONTHS, retention_until};
use crate::kinds::coop::model::CoopClaim;
use crate::rules::deadline::Due;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-retention",
    default_severity: Severity::Info,
    severity_note: None,
    summary: "keep the original documents for 24 months after the activity",
    source: "F§2.6 (\"Keep all of your original documents for 24 months after the activity date\")",
    docs: "Microsoft may audit a co-op claim after paying it: \"Keep all of your original \
documents for 24 months after the activity date.\" claimtool counts from the \
activity's `end_date` and states the keep-until date (here and in the bundle's \
checklist). Always info: nothing is wrong, it is a date to keep.\n\nHow to fix: \
nothing to fix now; file the originals (invoices, receipts, evidence) where they will \
still be on the keep-until date, and set a reminder.",
    check: Check::Coop(check),
};

/// The activity's end date and the keep-until date: the one computation
/// behind the finding and [`deadlines`].
fn keep_until(claim: &CoopClaim) -> Option<(&Sp<NaiveDate>, NaiveDate)> {
    let end = claim.activity.as_ref()?.end_date.as_ref()?;
    Some((end, retention_until(end.value)))
}

/// The keep-documents-until date (`claimtool status`).
pub fn deadlines(_ctx: &RuleCtx<'_>, claim: &CoopClaim) -> Vec<Due> {
    keep_until(claim)
        .map(|(_, until)| Due::new(RULE.id, until, "keep the original documents until", HELP))
        .into_iter()
        .collect()
}

const HELP: &str = "file the original invoices, receipts and evidence where they can be produced for an audit until then";

fn check(_ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let Some((end, until)) = keep_until(claim) else {
        return;
    };
    out.push(
        Finding::new(
            &RULE,
            format!(
                "keep the original documents until {until} ({RETENTION_MONTHS} months after the activity ended on {})",
                end.value
            ),
        )
        .at(end)
        .label(format!("keep documents until {until}"))
        .help(HELP),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::coop::rules::testing::findings_and_deadlines;

    #[test]
    fn status_gets_the_keep_until_date_the_finding_states() {
        let claim = "kind = \"coop\"\n[activity]\nend_date = 2026-08-20\n";
        let (found, due) = findings_and_deadlines(&RULE, deadlines, claim, "2026-11-26");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("until 2028-08-20"),
            "{}",
            found[0].message
        );
        assert_eq!(due.len(), 1, "{due:?}");
        assert_eq!(due[0].rule, RULE.id);
        assert_eq!(due[0].date, "2028-08-20".parse().unwrap());
        assert_eq!(due[0].what, "keep the original documents until");
        // No end date: nothing to count from.
        let (found, due) =
            findings_and_deadlines(&RULE, deadlines, "kind = \"coop\"\n", "2026-11-26");
        assert!(found.is_empty() && due.is_empty(), "{found:?} {due:?}");
    }
}
