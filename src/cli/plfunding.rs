//! `claimtool plfunding ...`.

use claimtool::model::Kind;
use clap::Subcommand;

use super::args::KindValidateArgs;
use super::{Failure, GlobalArgs, Outcome, validate};

#[derive(Debug, Subcommand)]
pub enum PlfCommand {
    /// Check plfunding claim files
    Validate(KindValidateArgs),
}

pub fn run(global: &GlobalArgs, cmd: PlfCommand) -> Result<Outcome, Failure> {
    match cmd {
        PlfCommand::Validate(args) => validate::run(global, &args.files, Some(Kind::Plfunding)),
    }
}
