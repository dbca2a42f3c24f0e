//! `claimtool coop ...`.

use claimtool::model::Kind;
use clap::Subcommand;

use super::args::KindValidateArgs;
use super::{Failure, GlobalArgs, Outcome, validate};

#[derive(Debug, Subcommand)]
pub enum CoopCommand {
    /// Check coop claim files
    Validate(KindValidateArgs),
}

pub fn run(global: &GlobalArgs, cmd: CoopCommand) -> Result<Outcome, Failure> {
    match cmd {
        CoopCommand::Validate(args) => validate::run(global, &args.files, Some(Kind::Coop)),
    }
}
