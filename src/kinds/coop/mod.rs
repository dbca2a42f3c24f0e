//! Co-op fund claims (`kind = "coop"`): Partner Center > Incentives >
//! Co-op management.
//!
//! The [`model`] of a claim file; the co-op [`facts`] (activity
//! requirements, evidence and invoice types, invoice totals) and the
//! Microsoft [`fiscal`] calendar (usage periods and claim windows); the
//! `coop-` [`rules`]; the walk-through and checklist ([`guide`]); the
//! `coop new` [`wizard`]. [`SPEC`] registers the kind.

pub mod facts;
pub mod fiscal;
pub mod guide;
pub mod model;
pub mod rules;
pub mod wizard;

use super::{Example, KindSpec};
use crate::checklist::{Declarations, Reading, Reads};
use crate::documents::DocRead;
use crate::model::{Claim, DocType, Kind};
use crate::rules::any::document_undated;
use crate::rules::{BatchKey, RuleCtx};

pub static SPEC: KindSpec = KindSpec {
    kind: Kind::Coop,
    title: "co-op claim",
    rules: rules::RULES,
    guide: |claim| match claim {
        Claim::Coop(c) => Some(c),
        _ => None,
    },
    wizard: &wizard::SCRIPT,
    example: Example {
        template: include_str!("example.toml"),
        documents: &[
            (
                "claims/documents/coop-invoice.pdf",
                "the supplier's invoice, with its number and total",
            ),
            (
                "claims/documents/coop-payment-receipt.pdf",
                "the proof that the invoice was paid",
            ),
            (
                "claims/documents/coop-campaign-screenshot.pdf",
                "a screenshot that shows the activity ran",
            ),
        ],
        files: &[],
    },
    duplicate_keys: Some(duplicate_keys),
    input_reports: None,
    deadlines: |ctx, out| {
        if let Claim::Coop(c) = ctx.claim {
            out.extend(rules::claim_window::deadlines(ctx, c));
            out.extend(rules::retention::deadlines(ctx, c));
        }
    },
    // The invoices' amounts, the documents' types (receipts, evidence,
    // what the activity needs) and dates as the claim file declares them;
    // only the invoices' amounts are read in the documents.
    declarations: Declarations {
        rules: &[
            &rules::amount_mismatch::RULE,
            &rules::invoice_details::RULE,
            &rules::receipt_missing::RULE,
            &rules::evidence_missing::RULE,
            &rules::activity_requirements::RULE,
            &rules::document_date::RULE,
            &document_undated::RULE,
        ],
        reading: &[Reading {
            rule: &rules::invoice_amount_not_found::RULE,
            // A CSR's amount is added up as declared, never read.
            reads: |d| {
                if d.is_type(DocType::Invoice) {
                    Reads::Yes
                } else if d.is_type(DocType::Csr) {
                    Reads::NotRead
                } else {
                    Reads::No
                }
            },
        }],
    },
};

/// `duplicate-claim`: the same activity claimed twice (same PartnerID,
/// activity name and dates), or the same invoice file attached to two
/// claims.
fn duplicate_keys(ctx: &RuleCtx<'_>, out: &mut Vec<BatchKey>) {
    let Claim::Coop(c) = ctx.claim else { return };
    // A PartnerID that fails `partner-id-format` takes no part in
    // cross-file comparisons (spec/rules.md).
    if let Some(a) = &c.activity
        && let (Some(pid), Some(name), Some(start), Some(end)) =
            (&c.partner_id, &a.name, &a.start_date, &a.end_date)
        && crate::rules::any::partner_id_is_valid(pid.value.trim())
    {
        out.push(BatchKey::new(
            format!(
                "coop:{}:{}:{}:{}",
                pid.value.trim(),
                name.value.trim().to_lowercase(),
                start.value,
                end.value
            ),
            format!(
                "activity \"{}\" ({} to {})",
                name.value.trim(),
                start.value,
                end.value
            ),
            name,
        ));
    }
    for doc in &c.documents {
        let Some(path) = &doc.path else { continue };
        if !(doc.is_type(DocType::Invoice) || doc.is_type(DocType::Csr)) {
            continue;
        }
        if let DocRead::Ok(info) = &*ctx.document(&path.value)
            && info.size > 0
        {
            out.push(BatchKey::new(
                format!("coop-invoice:{}", info.sha256),
                format!("invoice file `{}`", path.value),
                path,
            ));
        }
    }
}
