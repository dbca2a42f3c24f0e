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
