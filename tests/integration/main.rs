//! The one integration test binary (one link step for all of them).

mod bundle;
pub mod cli;
mod coop;
mod docs;
mod file_too_large;
mod fixtures;
mod formats;
mod init;
mod inspect;
mod inspect_bundle;
mod inspect_robustness;
mod plfunding;
mod robustness;
mod score;
mod wizard;
