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
