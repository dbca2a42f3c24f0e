//! `claimtool cpor ...`.

use claimtool::model::Kind;
use clap::Subcommand;

use super::args::KindValidateArgs;
use super::bundle::{self, BundleArgs, ChecklistArgs};
use super::{Failure, GlobalArgs, Outcome, validate};

#[derive(Debug, Subcommand)]
pub enum CporCommand {
    /// Check cpor claim files
    Validate(KindValidateArgs),
    /// Write the submission bundle: claim, SUBMIT.md walk-through, PoE checklist, documents
    #[command(after_help = bundle::BUNDLE_HELP)]
    Bundle(BundleArgs),
    /// Print the PoE checklist (--format md, html or json)
    #[command(after_help = bundle::CHECKLIST_HELP)]
    Checklist(ChecklistArgs),
}

pub fn run(global: &GlobalArgs, cmd: CporCommand) -> Result<Outcome, Failure> {
    match cmd {
        CporCommand::Validate(args) => validate::run(global, &args.files, Some(Kind::Cpor)),
        CporCommand::Bundle(args) => bundle::run_bundle(global, &args, Kind::Cpor),
        CporCommand::Checklist(args) => bundle::run_checklist(global, &args, Kind::Cpor),
    }
}
