//! claimtool: prepare Microsoft Partner Center incentive claims that are
//! right the first time.
//!
//! How data flows:
//!
//! 1. [`load`] reads a claim file (TOML) and [`model`] decodes it into a
//!    typed claim whose every value keeps its source span ([`decode::Sp`]).
//!    Structural problems become findings, never errors.
//!    Partner-led claims are checked against the engagement [`catalog`]
//!    (built in, or the user's own file), loaded once per run into
//!    [`rules::Env`].
//! 2. [`engine`] runs the [`rules`] table over each claim (in parallel), then
//!    the cross-file rules, then the user's severity overrides
//!    ([`diag::Overrides`], from [`config`] and the command line).
//! 3. [`report`] renders the findings: rustc-style text, JSON, JUnit, SARIF,
//!    GitHub and Azure annotations; [`schema`] describes each file format.
//! 4. For a claim ready to submit, [`submit`] (one guide per kind) and
//!    [`checklist`] describe what to enter in Partner Center and what the
//!    PoE must show, from the same findings; [`bundle`] writes it all, with
//!    copies of the documents, into one folder (and zip).
//! 5. [`wizard`] builds a claim question by question (`<kind> new`), checking
//!    each answer with the same engine and saving a draft after each.
//! 6. [`score`] computes Partner Capability Score eligibility from a
//!    checked score history (`claimtool score`).
//!
//! The binary (`src/main.rs`, `src/cli/`) is a thin layer of clap, dialoguer
//! and comfy-table over this library.

pub mod bundle;
pub mod calendar;
pub mod checklist;
pub mod config;
pub mod decode;
pub mod diag;
pub mod documents;
pub mod engine;
pub mod fsutil;
pub mod init;
pub mod inspect;
pub mod kinds;
pub mod load;
pub mod model;
pub mod money;
pub mod report;
pub mod rich;
pub mod rules;
pub mod schema;
pub mod source;
pub mod spill;
pub mod status;
pub mod streamed;
pub mod submit;
pub mod term;
pub mod toml_tree;
pub mod wizard;
pub mod workspace;
