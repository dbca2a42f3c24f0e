//! `date-in-future`: an activity end, document, signature or status date
//! after today.

use crate::decode::Sp;
use crate::diag::{Finding, Severity};
use crate::model::Claim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "date-in-future",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "an activity end date, document, signature or status date is after today",
    source: "G: \"Ensure documentation is clear, complete, and dated\"; F§1.11 (dates on PoE)",
    docs: "Proof of execution shows work that happened: a document dated, or signed, \
after today, or an activity that has not ended, cannot be proof yet. Usually a typo \
in the year or a swapped day and month. \"Today\" is `--today` or the clock.\n\n\
The same holds for the dates of `[status]` (`since`, and partner-led's \
`consent_requested_on` and `consent_received_on`): they record what already happened \
in Partner Center, and a future `since` would count deadlines from a day that has not \
come (\"2912143 days left\").\n\n\
How to fix: correct the date, or wait until the activity has ended and the document \
exists.",
    check: Check::Claim(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let today = ctx.env.today;
    let mut dates: Vec<(&Sp<chrono::NaiveDate>, &str)> = Vec::new();
    for doc in ctx.claim.documents() {
        if let Some(d) = &doc.date {
            dates.push((d, "document date"));
        }
        if let Some(d) = &doc.signed_on {
            dates.push((d, "signature date"));
        }
    }
    if let Claim::Coop(c) = ctx.claim
        && let Some(end) = c.activity.as_ref().and_then(|a| a.end_date.as_ref())
    {
        dates.push((end, "activity end date"));
    }
    dates.extend(ctx.claim.status_dates());
    for (date, what) in dates {
        if date.value > today {
            out.push(
                Finding::new(
                    &RULE,
                    format!("the {what} {} is after today ({today})", date.value),
                )
                .at(date)
                .label("in the future")
                .help(if what.contains("status") || what.contains("consent") {
                    "correct the date: [status] records what already happened in Partner Center"
                } else {
                    "correct the date; proof of execution can only show work already done"
                }),
            );
        }
    }
}
