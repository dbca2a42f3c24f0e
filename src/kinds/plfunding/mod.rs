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
use crate::checklist::{Declarations, Reading, Reads};
use crate::model::{Claim, Kind};
use crate::rules::any::{document_signed_on, document_undated};
use crate::rules::poe;

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
    // The PoE's signature and the documents' dates as the claim file
    // declares them; the signature rules read every document, the
    // customer's name is looked for in the PoE documents.
    declarations: Declarations {
        rules: &[&document_signed_on::RULE, &document_undated::RULE],
        reading: &[
            Reading::signatures(&poe::poe_signature_missing::RULE),
            Reading::signatures(&poe::poe_signature_broken::RULE),
            Reading::signatures(&poe::poe_modified_after_signing::RULE),
            Reading::signatures(&poe::poe_signed_on_mismatch::RULE),
            Reading {
                rule: &poe::poe_customer_not_named::RULE,
                reads: |d| {
                    if poe::is_plf_poe(d) {
                        Reads::Yes
                    } else {
                        Reads::No
                    }
                },
            },
        ],
    },
};
