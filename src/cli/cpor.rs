//! `claimtool cpor ...`.

use claimtool::model::Kind;
use clap::Subcommand;

use super::args::KindValidateArgs;
use super::{Failure, GlobalArgs, Outcome, validate};

#[derive(Debug, Subcommand)]
pub enum CporCommand {
    /// Check cpor claim files
    Validate(KindValidateArgs),
}

pub fn run(global: &GlobalArgs, cmd: CporCommand) -> Result<Outcome, Failure> {
    match cmd {
        CporCommand::Validate(args) => validate::run(global, &args.files, Some(Kind::Cpor)),
    }
}
