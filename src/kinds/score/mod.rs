//! Partner Capability Score histories (`kind = "score"`): not a claim, the
//! monthly points and revenue that decide incentive eligibility.
//!
//! The [`model`] of a history file, the `score-` [`rules`], the
//! [`eligibility`] computation behind `claimtool score` (with
//! [`YearMonth`] arithmetic), the CSV [`import`], the TOML [`write`]r the
//! import and the wizard share, and the `score new` [`wizard`]. [`SPEC`]
//! registers the kind.

pub mod eligibility;
pub mod import;
pub mod model;
pub mod rules;
pub mod wizard;
pub mod write;
mod year_month;

pub use eligibility::*;

use super::{Example, KindSpec};
use crate::checklist::Declarations;
use crate::model::{Claim, Kind};
use crate::rules::deadline::Due;

pub static SPEC: KindSpec = KindSpec {
    kind: Kind::Score,
    title: "Partner Capability Score history",
    rules: rules::RULES,
    // A history is not submitted: no SUBMIT.md, no checklist.
    guide: |_| None,
    wizard: &wizard::SCRIPT,
    example: Example {
        template: include_str!("example.toml"),
        documents: &[],
        files: &[],
    },
    duplicate_keys: None,
    input_reports: None,
    deadlines: |ctx, out| {
        if let Claim::Score(history) = ctx.claim
            && let Ok(e) = evaluate(history, ctx.env.today, &ctx.env.config.score, &[])
        {
            out.extend(deadlines(&e));
        }
    },
    declarations: Declarations {
        rules: &[],
        reading: &[],
    },
};

/// The id under which `claimtool status` lists a history's eligibility
/// date: not a rule, the [`evaluate`] computation of `claimtool score`.
pub const ELIGIBLE_THROUGH: &str = "score-eligible-through";

/// The last day of [`Eligibility::eligible_through`] (none when not
/// eligible now), naming the first month that would be lost.
pub fn deadlines(e: &Eligibility) -> Vec<Due> {
    let Some(through) = e.eligible_through else {
        return Vec::new();
    };
    let lost = through.plus(1);
    let Some(last_day) =
        chrono::NaiveDate::from_ymd_opt(lost.year(), lost.month(), 1).and_then(|d| d.pred_opt())
    else {
        return Vec::new();
    };
    vec![Due::new(
        ELIGIBLE_THROUGH,
        last_day,
        format!(
            "eligible through {through}; lost from {lost} without a {}-point month",
            fmt_points(e.threshold_points)
        ),
        "keep the monthly points at the threshold; `claimtool score` shows the months and what-if plans",
    )]
}
