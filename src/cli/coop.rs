//! `claimtool coop ...`: new, validate, bundle and checklist for co-op claims.
//! The work is the library's (the `coop-` rules, `claimtool::kinds::coop::guide`);
//! bundle and checklist go through the shared `super::bundle` commands.

use claimtool::model::Kind;
use clap::Subcommand;

use super::args::{self, KindValidateArgs};
use super::bundle::{self, BundleArgs, ChecklistArgs};
use super::wizard::NewArgs;
use super::{GlobalArgs, Outcome, validate, wizard};

const NEW_HELP: &str = "\
Asks for every field in the order of Partner Center's Create new claim (program,
fund category, location, funding pool, usage period; the activity's name,
description, dates, amount and currency; then the documents, invoices with their
amounts), checks each answer with the same rules as `validate`, shows a running
total of the invoices against the claimed amount, and saves FILE.draft after
every answer: Ctrl-C loses nothing.

Examples:
  claimtool coop new                                   name the file after the activity
  claimtool coop new --out claims/webinar.toml
  claimtool coop new --from claims/webinar.toml.draft  resume a draft
  claimtool coop new --from claims/webinar.toml        edit a claim (asks before replacing it)

Needs a terminal. Without one (or with --no-input) it exits 2 at once: write the
TOML yourself (examples/coop/) and check it with `claimtool coop validate FILE`.";

const VALIDATE_HELP: &str = "\
Examples:
  claimtool coop validate claims/webinar.toml
  claimtool coop validate claims/*.toml --today 2026-11-26 --format json";

const BUNDLE_HELP: &str = "\
Writes DIR/<slug>/ (the slug is made from the activity name): claim.toml as it
is, claim.json (with the invoice total and the claim window), SUBMIT.md (the
Create new claim walk-through with the amount, the deadline and the keep-until
date), checklist.md and checklist.html, manifest.json and documents/NN-<name>.
Nothing is written while the claim has errors (exit 1) or when the bundle exists
already (exit 2; --force replaces the folder and any DIR/<slug>.zip).

Examples:
  claimtool coop bundle claims/webinar.toml --out bundles
  claimtool coop bundle claims/webinar.toml --out bundles --zip --force";

const CHECKLIST_HELP: &str = "\
Prints the co-op PoE checklist on stdout: set-up, money (the invoices against the
claimed amount), proof of execution for the activity type, each item ticked or
open with the reason; the claim deadline and the keep-until date. Exit 1 when the
claim has errors (the checklist is still printed).

Examples:
  claimtool coop checklist claims/webinar.toml
  claimtool coop checklist claims/webinar.toml --format html > checklist.html
  claimtool coop checklist claims/webinar.toml --format json";

#[derive(Debug, Subcommand)]
pub(crate) enum CoopCommand {
    /// Build a co-op claim interactively, checking each answer
    #[command(after_help = NEW_HELP)]
    New(NewArgs),
    /// Check coop claim files
    #[command(after_help = VALIDATE_HELP)]
    Validate(KindValidateArgs),
    /// Write the submission bundle: claim, SUBMIT.md walk-through, PoE checklist, documents
    #[command(after_help = BUNDLE_HELP)]
    Bundle(BundleArgs),
    /// Print the PoE checklist (--format md, html or json)
    #[command(after_help = CHECKLIST_HELP)]
    Checklist(ChecklistArgs),
}

impl CoopCommand {
    /// A `--format` given before the command (`Cli::settle_format`).
    pub(crate) fn inherit_format(&mut self, value: &str) -> Result<(), clap::Error> {
        match self {
            CoopCommand::New(_) => Err(args::takes_no_format("coop new")),
            CoopCommand::Validate(args) => args::inherit_format(&mut args.format, value),
            CoopCommand::Bundle(args) => args::inherit_format(&mut args.format, value),
            CoopCommand::Checklist(args) => args::inherit_format(&mut args.format, value),
        }
    }
}

pub(super) fn run(global: &GlobalArgs, cmd: CoopCommand) -> anyhow::Result<Outcome> {
    match cmd {
        CoopCommand::New(args) => {
            wizard::run(global, args, &claimtool::kinds::coop::wizard::SCRIPT)
        }
        CoopCommand::Validate(args) => validate::run(
            global,
            &args.files,
            args.format.unwrap_or_default(),
            Some(Kind::Coop),
        ),
        CoopCommand::Bundle(args) => bundle::run_bundle(global, &args, Kind::Coop),
        CoopCommand::Checklist(args) => bundle::run_checklist(global, &args, Kind::Coop),
    }
}
