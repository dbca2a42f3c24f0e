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
