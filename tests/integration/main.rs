//! The one integration test binary (one link step for all of them).

mod bundle;
pub mod cli;
mod cli_boundary;
mod coop;
mod docs;
mod file_too_large;
mod fixtures;
mod formats;
mod hardening;
mod init;
mod plfunding;
mod properties;
mod robustness;
mod score;
mod score_pending;
mod support;
mod walkthroughs;
mod wizard;
