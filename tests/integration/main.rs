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
mod hardening;
mod init;
mod inspect;
mod inspect_bundle;
mod inspect_robustness;
mod man_completions;
mod plfunding;
mod por;
mod por_wizard;
mod properties;
#[cfg(unix)]
mod pty;
mod robustness;
mod rules_cmd;
mod score;
mod score_pending;
mod status;
mod status_html;
mod status_ics;
mod support;
mod walkthroughs;
mod wizard;
mod wizard_tmux;
mod workspace;
