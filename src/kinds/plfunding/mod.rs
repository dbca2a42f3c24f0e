//! Partner-led funding engagements (`kind = "plfunding"`): Azure Migrate and
//! Modernize, Azure Innovate and the other engagements of the catalogue.
//!
//! The [`model`] of a claim file, the engagement [`catalog`] (built in or the
//! user's) with its eligibility screen, the `plf-` [`rules`], the
//! walk-through and checklist ([`guide`]) and the `plfunding new`
//! [`wizard`]. [`SPEC`] registers the kind.

pub mod catalog;
pub mod facts;
pub mod guide;
pub mod model;
pub mod rules;
pub mod wizard;

use super::{Example, KindSpec};
use crate::model::{Claim, Kind};

pub static SPEC: KindSpec = KindSpec {
    kind: Kind::Plfunding,
    title: "partner-led funding claim",
    rules: rules::RULES,
    guide: |claim| match claim {
        Claim::Plfunding(c) => Some(c),
        _ => None,
    },
    wizard: &wizard::SCRIPT,
    example: Example {
        template: include_str!("example.toml"),
        documents: &[(
            "claims/documents/plfunding-sow-signed.pdf",
            "Statement of Work for the engagement, signed by the customer",
        )],
        files: &[],
    },
    duplicate_keys: None,
    input_reports: None,
    deadlines: |ctx, out| {
        if let Claim::Plfunding(c) = ctx.claim {
            out.extend(rules::consent_deadline::deadlines(ctx, c));
            out.extend(rules::expiry::deadlines(ctx, c));
        }
    },
};
