//! `claimtool score FILE`: Partner Capability Score eligibility.

use std::path::PathBuf;

use clap::Args;

use super::{Failure, GlobalArgs, Outcome};

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// A score history file (TOML)
    pub file: PathBuf,
}

pub fn run(_global: &GlobalArgs, args: ScoreArgs) -> Result<Outcome, Failure> {
    Err(Failure(format!(
        "`claimtool score` is not available in this build yet; `claimtool validate {}` checks the file",
        args.file.display()
    )))
}
