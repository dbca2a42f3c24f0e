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
use crate::model::Kind;

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
};
