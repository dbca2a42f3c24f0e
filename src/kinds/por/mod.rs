//! Partner of Record checks for distributors (`kind = "por"`): will
//! Partner Center accept this indirect reseller as Partner of Record on
//! this CSP order?
//!
//! Data flow: the distributor's settings ([`context::PorSettings`], from
//! `[por]` and the command line) name the reseller list ([`roster`], JSON
//! or CSV), the saved validation response and the CSP region, looked up in
//! the shipped [`regions`] table. Orders come from `kind = "por"` TOML
//! files (the shared loader, into [`model::PorOrder`]) or from the rows of
//! an orders CSV ([`orders_csv`], read with [`csvfile`]); the same `por-`
//! [`rules`] check both, dated by [`facts`], whether in `validate`,
//! `por check`, `por resellers` ([`resellers`]) or the `por new`
//! [`wizard`]. [`SPEC`] registers the kind.

pub mod context;
pub mod country;
pub mod csvfile;
pub mod facts;
pub mod model;
pub mod orders_csv;
pub mod regions;
pub mod resellers;
pub mod roster;
pub mod rules;
pub mod wizard;

use super::{Example, KindSpec};
use crate::checklist::Declarations;
use crate::engine::FileReport;
use crate::model::{Claim, Kind};
use crate::rules::{BatchKey, Env, RuleCtx};

pub static SPEC: KindSpec = KindSpec {
    kind: Kind::Por,
    title: "Partner of Record order",
    rules: rules::RULES,
    // A planned order is not submitted as a claim: no SUBMIT.md, no checklist.
    guide: |_| None,
    wizard: &wizard::SCRIPT,
    example: Example {
        template: include_str!("example.toml"),
        documents: &[],
        files: &[("por/resellers.csv", include_str!("example-resellers.csv"))],
    },
    duplicate_keys: Some(duplicate_keys),
    input_reports: Some(input_reports),
    // The order's date is when it will be placed, not a deadline.
    deadlines: |_, _| {},
    declarations: Declarations {
        rules: &[],
        reading: &[],
    },
};

/// `duplicate-claim`: two orders with the same `order` reference.
fn duplicate_keys(ctx: &RuleCtx<'_>, out: &mut Vec<BatchKey>) {
    let Claim::Por(order) = ctx.claim else { return };
    let Some(reference) = order.order.as_ref().filter(|o| !o.value.trim().is_empty()) else {
        return;
    };
    out.push(BatchKey::new(
        format!("por:{}", reference.value.trim()),
        format!("order \"{}\"", reference.value.trim()),
        reference,
    ));
}

/// The reseller list's own entry in the report, when the run read it and
/// it has findings (a duplicate PartnerID, a country that is not a code).
fn input_reports(env: &Env) -> Vec<FileReport> {
    let Some(por) = env.por.loaded() else {
        return Vec::new();
    };
    if por.roster.findings.is_empty() {
        return Vec::new();
    }
    vec![FileReport {
        source: por.roster.source.clone(),
        kind: None,
        claim: None,
        findings: por.roster.findings.clone(),
    }]
}
