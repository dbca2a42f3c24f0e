//! `cpor-poe-stale`: the newest customer signature is more than 12 months
//! old.

use chrono::NaiveDate;

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::facts::poe_fresh_until;
use crate::kinds::cpor::model::CporClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-poe-stale",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "the newest customer signature is more than 12 months before today",
    source: "R#6 (signature \"older than 12 months\"); F§1.11 \"Dates on PoE are missing or old in relation to the claim\"; F§1.12",
    docs: "Reviewers send claims back when the PoE dates are \"old in relation to the \
claim\" (F§1.11). Microsoft documents no number (F§1.12); partners report 12 months as \
the limit (R#6), and when two partners claim the same workload the most recent PoE \
wins (F§1.18). The rule looks at the newest `signed_on` of the signed documents (a \
date after today is left out: `date-in-future` reports it).\n\nThe boundary, in \
calendar months: a signature is stale when today is after the same day 12 months \
later. Signed 2025-11-26: still fresh on 2026-11-26, stale from 2026-11-27. From the \
29th to the 31st, a month without that day counts its last day (signed 2024-02-29: \
fresh until 2025-02-28).\n\nHow to fix: have the customer sign a current PoE (the \
Microsoft template or a short acknowledgement of the work delivered), then record \
its `signed_on`.",
    check: Check::Cpor(check),
};

/// Whether a signature of `signed_on` is more than 12 months before `today`.
pub fn is_stale(signed_on: NaiveDate, today: NaiveDate) -> bool {
    poe_fresh_until(signed_on).is_some_and(|fresh_until| today > fresh_until)
}

fn check(ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    let today = ctx.env.today;
    let newest = claim
        .documents
        .iter()
        .filter(|d| d.is_signed())
        .filter_map(|d| d.signed_on.as_ref())
        .filter(|s| s.value <= today)
        .max_by_key(|s| s.value);
    let Some(signed_on) = newest else { return };
    if !is_stale(signed_on.value, today) {
        return;
    }
    let age = (today - signed_on.value).num_days();
    out.push(
        Finding::new(
            &RULE,
            format!(
                "the newest customer signature ({}) is more than 12 months before today ({today})",
                signed_on.value
            ),
        )
        .at(signed_on)
        .label(format!("signed {age} days ago"))
        .help("have the customer sign a current PoE and record its signed_on date"),
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run, valid_with};
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn twelve_months_to_the_day_is_still_fresh() {
        assert!(!is_stale(d("2025-11-26"), d("2026-11-26")));
        assert!(is_stale(d("2025-11-26"), d("2026-11-27")));
        assert!(is_stale(d("2025-11-25"), d("2026-11-26")));
        assert!(!is_stale(d("2026-09-03"), d("2026-11-26")));
    }

    #[test]
    fn a_month_without_the_day_counts_its_last_day() {
        assert!(!is_stale(d("2024-02-29"), d("2025-02-28")));
        assert!(is_stale(d("2024-02-29"), d("2025-03-01")));
        assert!(!is_stale(d("2025-10-31"), d("2026-10-31")));
        assert!(is_stale(d("2025-10-31"), d("2026-11-01")));
    }

    #[test]
    fn the_newest_signature_counts_and_future_ones_are_left_out() {
        let stale = valid_with("signed_on = 2026-09-03", "signed_on = 2025-11-25");
        let found = run(&RULE, &stale, "2026-11-26", &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field.as_deref(), Some("documents[0].signed_on"));
        let fresh_second = format!(
            "{stale}\n[[documents]]\npath = \"t.pdf\"\ntype = \"microsoft-poe-template\"\n\
             date = 2026-10-01\nsignature = \"wet\"\nsigned_on = 2026-10-01\n"
        );
        assert!(run(&RULE, &fresh_second, "2026-11-26", &[]).is_empty());
        let future_second =
            fresh_second.replace("signed_on = 2026-10-01", "signed_on = 2027-01-01");
        assert_eq!(run(&RULE, &future_second, "2026-11-26", &[]).len(), 1);
    }
}
