//! The one integration test binary (one link step for all of them).

mod bundle;
pub mod cli;
mod cli_boundary;
mod coop;
mod docs;
mod file_too_large;
mod fixtures;
mod formats;
mod init;
mod plfunding;
mod robustness;
mod score;
mod score_pending;
mod status;
mod status_html;
mod status_ics;
mod support;
mod walkthroughs;
mod wizard;
