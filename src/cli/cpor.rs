//! `claimtool cpor ...`.

use claimtool::model::Kind;
use clap::Subcommand;

use super::args::{self, KindValidateArgs};
use super::bundle::{self, BundleArgs, ChecklistArgs};
use super::wizard::NewArgs;
use super::{GlobalArgs, Outcome, validate, wizard};

const NEW_HELP: &str = "\
Asks for every field in Partner Center's screen order (Associate customer, solution
area and role, Associate workload, Contact information, then the PoE documents),
checks each answer with the same rules as `validate`, and saves FILE.draft after
every answer: Ctrl-C loses nothing.

Examples:
  claimtool cpor new                                  name the file after the claim
  claimtool cpor new --out claims/contoso.toml
  claimtool cpor new --from claims/contoso.toml.draft resume a draft
  claimtool cpor new --from claims/contoso.toml       edit a claim (asks before replacing it)

Needs a terminal. Without one (or with --no-input) it exits 2 at once: write the
TOML yourself and check it with `claimtool cpor validate FILE`.";

#[derive(Debug, Subcommand)]
pub(crate) enum CporCommand {
    /// Build a CPOR claim interactively, checking each answer
    #[command(after_help = NEW_HELP)]
    New(NewArgs),
    /// Check cpor claim files
    Validate(KindValidateArgs),
    /// Write the submission bundle: claim, SUBMIT.md walk-through, PoE checklist, documents
    #[command(after_help = bundle::BUNDLE_HELP)]
    Bundle(BundleArgs),
    /// Print the PoE checklist (--format md, html or json)
    #[command(after_help = bundle::CHECKLIST_HELP)]
    Checklist(ChecklistArgs),
}

impl CporCommand {
    /// A `--format` given before the command (`Cli::settle_format`).
    pub(crate) fn inherit_format(&mut self, value: &str) -> Result<(), clap::Error> {
        match self {
            CporCommand::New(_) => Err(args::takes_no_format("cpor new")),
            CporCommand::Validate(args) => args::inherit_format(&mut args.format, value),
            CporCommand::Bundle(args) => args::inherit_format(&mut args.format, value),
            CporCommand::Checklist(args) => args::inherit_format(&mut args.format, value),
        }
    }
}

pub(super) fn run(global: &GlobalArgs, cmd: CporCommand) -> anyhow::Result<Outcome> {
    match cmd {
        CporCommand::New(args) => {
            wizard::run(global, args, &claimtool::kinds::cpor::wizard::SCRIPT)
        }
        CporCommand::Validate(args) => validate::run(
            global,
            &args.files,
            args.format.unwrap_or_default(),
            Some(Kind::Cpor),
        ),
        CporCommand::Bundle(args) => bundle::run_bundle(global, &args, Kind::Cpor),
        CporCommand::Checklist(args) => bundle::run_checklist(global, &args, Kind::Cpor),
    }
}
