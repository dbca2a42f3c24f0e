//! `coop-usage-period`: the usage period is not `FYnn-H1` / `FYnn-H2`.

use crate::diag::{Finding, Severity};
use crate::kinds::coop::fiscal::UsagePeriod;
use crate::kinds::coop::model::CoopClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-usage-period",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "usage_period is not of the form FYnn-H1 / FYnn-H2",
    source: "G step 4 (\"Choose the correct usage period\"); F§2.4 (H1 = Jul–Dec, H2 = Jan–Jun)",
    docs: "The usage period is the Microsoft fiscal half-year the funds are spent in: \
`FY27-H1` is 1 July to 31 December 2026, `FY27-H2` is 1 January to 30 June 2027 (the \
fiscal year FYnn ends on 30 June 20nn). claimtool computes the activity checks and the \
claiming window from it, so it must be exactly `FY` + two digits + `-H1` or `-H2`.\n\n\
How to fix: write the period as Partner Center lists it, e.g. `usage_period = \
\"FY27-H1\"`; `fy27-h1`, `FY2027-H1` and `FY27 H1` are reported with the right \
spelling.",
    check: Check::Coop(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let Some(period) = &claim.usage_period else {
        return;
    };
    let Err(err) = UsagePeriod::parse(&period.value) else {
        return;
    };
    let help = match err.suggestion {
        Some(s) => format!("write `usage_period = \"{s}\"`"),
        None => "write the fiscal half-year as FYnn-H1 (July to December) or FYnn-H2 \
(January to June), e.g. \"FY27-H1\" for July to December 2026"
            .to_string(),
    };
    out.push(
        Finding::new(
            &RULE,
            format!(
                "usage period \"{}\" is not of the form FYnn-H1 or FYnn-H2",
                period.value
            ),
        )
        .at(period)
        .label("expected e.g. \"FY27-H1\"")
        .help(help),
    );
}
