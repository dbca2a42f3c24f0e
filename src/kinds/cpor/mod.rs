//! Claiming Partner of Record (`kind = "cpor"`): the customer association
//! and the claim for payment.
//!
//! Everything CPOR knows lives here: the [`model`] a claim file decodes
//! into, the [`workload_names`] list, the `cpor-` [`rules`], the Partner
//! Center walk-through and checklist ([`guide`]) and the `cpor new`
//! [`wizard`]. [`SPEC`] registers the kind in [`crate::kinds::KINDS`].

pub mod facts;
pub mod guide;
pub mod model;
pub mod rules;
pub mod wizard;
pub mod workload_names;

use super::{Example, KindSpec};
use crate::checklist::{Declarations, Reading};
use crate::model::{Claim, Kind};
use crate::rules::any::{document_signed_on, document_undated};
use crate::rules::poe;
use crate::rules::{BatchKey, RuleCtx};

pub static SPEC: KindSpec = KindSpec {
    kind: Kind::Cpor,
    title: "CPOR claim",
    rules: rules::RULES,
    guide: |claim| match claim {
        Claim::Cpor(c) => Some(c),
        _ => None,
    },
    wizard: &wizard::SCRIPT,
    example: Example {
        template: include_str!("example.toml"),
        documents: &[(
            "claims/documents/cpor-sow-signed.pdf",
            "Statement of Work, signed by the customer",
        )],
        files: &[],
    },
    duplicate_keys: Some(duplicate_keys),
    input_reports: None,
    deadlines: |ctx, out| {
        if let Claim::Cpor(c) = ctx.claim {
            out.extend(rules::action_required::deadlines(ctx, c));
            out.extend(rules::dispute_window::deadlines(ctx, c));
        }
    },
    // The PoE's signature, workloads, age and dates as the claim file
    // declares them; the poe- rules read every document of a CPOR claim.
    declarations: Declarations {
        rules: &[
            &rules::poe_unsigned::RULE,
            &rules::poe_workload_uncovered::RULE,
            &rules::poe_stale::RULE,
            &document_signed_on::RULE,
            &document_undated::RULE,
        ],
        reading: &[
            Reading::signatures(&poe::poe_signature_missing::RULE),
            Reading::signatures(&poe::poe_signature_broken::RULE),
            Reading::signatures(&poe::poe_modified_after_signing::RULE),
            Reading::signatures(&poe::poe_signed_on_mismatch::RULE),
            Reading::every(&poe::poe_customer_not_named::RULE),
            Reading::every(&poe::poe_workload_not_named::RULE),
        ],
    },
};

/// `duplicate-claim`: a workload can be associated with one partner only, so
/// two claims for the same customer tenant and workload collide (claims at
/// stage `rejected-final` are out of the race).
fn duplicate_keys(ctx: &RuleCtx<'_>, out: &mut Vec<BatchKey>) {
    let Claim::Cpor(c) = ctx.claim else { return };
    let rejected_final = rules::stage(c).is_some_and(|s| s.value == model::Stage::RejectedFinal);
    let Some(tenant) = &c.customer_tenant_id else {
        return;
    };
    // A tenant ID that fails cpor-tenant-id takes no part (spec).
    if rejected_final || !crate::rules::any::is_real_guid(&tenant.value) {
        return;
    }
    let Ok(guid) = uuid::Uuid::parse_str(tenant.value.trim()) else {
        return;
    };
    let mut buf = uuid::Uuid::encode_buffer();
    let guid = guid.hyphenated().encode_lower(&mut buf);
    for w in c.workloads.iter().flat_map(|w| w.value.iter()) {
        let workload = w.value.trim();
        // Joined, not `format!`ed: a key for every workload of every claim.
        out.push(BatchKey::new(
            ["cpor:", guid, ":", &workload.to_lowercase()].concat(),
            ["customer tenant ", guid, " and workload \"", workload, "\""].concat(),
            tenant,
        ));
    }
}
