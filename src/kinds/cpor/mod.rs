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
