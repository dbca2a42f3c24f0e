//! The one integration test binary (one link step for all of them).

mod bundle;
mod bundle_swap;
mod bundle_workspace;
pub mod cli;
mod cli_boundary;
mod coop;
mod docs;
mod file_too_large;
mod fixtures;
mod formats;
mod init;
mod inspect;
mod inspect_bundle;
mod inspect_robustness;
mod man_completions;
mod plfunding;
mod por;
mod por_wizard;
mod robustness;
mod rules_cmd;
mod score;
mod score_pending;
mod support;
mod walkthroughs;
mod wizard;
mod workspace;
