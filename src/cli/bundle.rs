//! `claimtool <kind> bundle FILE --out DIR [--zip] [--force]` and
//! `claimtool <kind> checklist FILE [--format md|html|json]`, shared by every
//! kind: each kind's subcommand enum holds [`BundleArgs`] and
//! [`ChecklistArgs`] and calls [`run_bundle`] / [`run_checklist`] with its
//! [`Kind`]. The work is the library's (`claimtool::bundle`,
//! `claimtool::checklist`); this file checks the file with the engine,
//! prints, and maps outcomes to exit codes.

use std::path::PathBuf;

use anyhow::{anyhow, bail};
use claimtool::bundle::{self, PlanError, WriteError, WriteOptions};
use claimtool::checklist;
use claimtool::decode::StrEnum;
use claimtool::engine::{self, Report, Status};
use claimtool::model::Kind;
use claimtool::report;
use claimtool::rules::Env;
use clap::Args;

use super::args::{ChecklistFormat, HumanOrJson, ValidateFormat};
use super::validate::{collect_inputs, print_report};
use super::{GlobalArgs, Outcome, context};

pub(super) const BUNDLE_HELP: &str = "\
Writes DIR/<slug>/ (the slug is made from the claim name): claim.toml as it is,
claim.json, SUBMIT.md (the Partner Center walk-through), checklist.md and
checklist.html (the PoE checklist), manifest.json (size and SHA-256 of every
file) and documents/NN-<name>.<ext> (copies of the PoE). Nothing is written while
the claim has errors (exit 1) or when the bundle exists already (exit 2; --force
replaces the folder and any DIR/<slug>.zip).

Examples:
  claimtool cpor bundle claims/contoso.toml --out bundles
  claimtool cpor bundle claims/contoso.toml --out bundles --zip --force";

pub(super) const CHECKLIST_HELP: &str = "\
Prints the PoE checklist on stdout: each requirement ticked or open with the
reason, the warnings, and the deadlines as dates. Exit 1 when the claim has
errors (the checklist is still printed).

Examples:
  claimtool cpor checklist claims/contoso.toml
  claimtool cpor checklist claims/contoso.toml --format html > checklist.html
  claimtool cpor checklist claims/contoso.toml --format json";

#[derive(Debug, Args)]
pub(crate) struct BundleArgs {
    /// The claim file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The folder to write the bundle into (created when missing; it may hold other bundles)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Also write DIR/<slug>.zip holding the same tree
    #[arg(long)]
    pub zip: bool,
    /// Replace an existing bundle of the same name (its folder and any zip)
    #[arg(long)]
    pub force: bool,
    /// Output format of the findings and what was written [default: human]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<HumanOrJson>,
}

#[derive(Debug, Args)]
pub(crate) struct ChecklistArgs {
    /// The claim file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format [default: md]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ChecklistFormat>,
}

/// Loads and checks one claim file of `kind` with the engine.
fn check_one(
    path: &std::path::Path,
    kind: Kind,
    env: &Env,
    overrides: &claimtool::diag::Overrides,
) -> anyhow::Result<Report> {
    if path.is_dir() {
        bail!(
            "{} is a folder; give one claim file (`claimtool validate` checks folders)",
            path.display()
        );
    }
    let inputs = collect_inputs(&[path.to_path_buf()], env)?;
    let mut report = engine::check_paths_keeping_claims(&inputs, env, overrides)
        .map_err(|(path, e)| anyhow::Error::new(e).context(format!("cannot read {path}")))?;
    engine::flag_other_kinds(&mut report, kind, overrides);
    Ok(report)
}

pub(super) fn run_bundle(
    global: &GlobalArgs,
    args: &BundleArgs,
    kind: Kind,
) -> anyhow::Result<Outcome> {
    let format = args.format.unwrap_or_default();
    let (env, overrides) = context::load(global)?;
    let report = check_one(&args.file, kind, &env, &overrides)?;
    let file = &report.files[0];
    let plan = match bundle::plan(file, &env, &overrides) {
        Ok(plan) => plan,
        Err(PlanError::HasErrors | PlanError::NotAClaim) => {
            print_outcome(global, format, &report, &env, None)?;
            eprintln!("error: no bundle written: fix the errors above first");
            return Ok(Outcome::Findings);
        }
        Err(e @ PlanError::OutsideWorkspace(_)) => {
            print_outcome(global, format, &report, &env, None)?;
            eprintln!("error: no bundle written: {e}");
            return Ok(Outcome::Findings);
        }
        Err(e) => return Err(e.into()),
    };
    if global.verbose {
        eprintln!(
            "writing {} files into {}",
            plan.files.len() + 1,
            super::shown_path(&args.out.join(&plan.slug))
        );
    }
    let written = bundle::write::write_with_notes(
        &plan,
        &args.out,
        WriteOptions {
            zip: args.zip,
            force: args.force,
        },
        &mut |note| eprintln!("note: {note}"),
    )
    // The library's message names the path and says why.
    .map_err(|e| match e {
        WriteError::Exists(_) => anyhow!("{e} (nothing was written)"),
        other @ (WriteError::Io { .. } | WriteError::OutsideWorkspace { .. }) => {
            anyhow!("{other}; no bundle written")
        }
    })?;
    if global.verbose {
        for path in &written.replaced {
            eprintln!("replaced {}", super::shown_path(path));
        }
    }
    print_outcome(global, format, &report, &env, Some(&written))?;
    Ok(Outcome::Clean)
}

/// The findings (warnings are printed, errors explain the refusal), then
/// what was written.
fn print_outcome(
    global: &GlobalArgs,
    format: HumanOrJson,
    report: &Report,
    env: &Env,
    written: Option<&bundle::Written>,
) -> anyhow::Result<()> {
    match format {
        HumanOrJson::Json => {
            let doc = serde_json::json!({
                "version": 1,
                "bundle": written.map(|w| w.dir.display().to_string()),
                "zip": written.and_then(|w| w.zip.as_ref()).map(|z| z.display().to_string()),
                "files": written.map(|w| w.files.clone()).unwrap_or_default(),
                "report": report::json::value(report, env.today),
            });
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        HumanOrJson::Human => {
            print_report(global, ValidateFormat::Human, report, env)?;
            if let Some(w) = written {
                println!(
                    "wrote {}{} ({} files and manifest.json)",
                    super::shown_path(&w.dir),
                    std::path::MAIN_SEPARATOR,
                    w.files.len()
                );
                if let Some(zip) = &w.zip {
                    println!("wrote {}", super::shown_path(zip));
                }
            }
        }
    }
    Ok(())
}

pub(super) fn run_checklist(
    global: &GlobalArgs,
    args: &ChecklistArgs,
    kind: Kind,
) -> anyhow::Result<Outcome> {
    let (env, overrides) = context::load(global)?;
    let report = check_one(&args.file, kind, &env, &overrides)?;
    let file = &report.files[0];
    if file.claim.is_none() || file.kind != Some(kind) {
        // No checklist to print: the findings are the result, on stderr so
        // that a redirected checklist file is not filled with them.
        let text = report::human::render(
            &report,
            report::human::HumanOptions {
                color: true,
                quiet: global.quiet,
            },
        );
        anstream::eprint!("{text}");
        return Ok(Outcome::Findings);
    }
    let list = checklist::for_report(file, &env, &overrides).ok_or_else(|| {
        anyhow!(
            "checklists are not available for {} claims yet",
            kind.as_str()
        )
    })?;
    match args.format.unwrap_or_default() {
        ChecklistFormat::Json => print!("{}", checklist::render::json(&list)),
        ChecklistFormat::Html => print!(
            "{}",
            checklist::render::html(&list)
                // askama's message includes its cause: one message.
                .map_err(|e| anyhow!("cannot render the HTML checklist: {e}"))?
        ),
        // Markdown is read on the terminal too: no control character of a
        // claim value reaches it.
        ChecklistFormat::Md => print!(
            "{}",
            claimtool::term::visible_lines(&checklist::render::markdown(&list))
        ),
    }
    Ok(if file.status() == Status::Error {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
