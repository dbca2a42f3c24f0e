//! The command line: clap definitions and dispatch. The only place clap,
//! dialoguer and comfy-table are named; everything it does is a call into
//! the `claimtool` library.
//!
//! Exit codes: 0 no error finding, 1 at least one error finding, 2 the
//! command could not run: a command's `Err`, an [`anyhow::Error`] whose
//! message names the file or step that failed (with `.with_context`), printed
//! with its causes (`{:#}`).
//!
//! A library error whose message already names its file and includes its
//! cause (`ConfigError`, `CatalogError`, `WriteError`...) is taken with
//! [`anyhow::Error::msg`], so that the cause is not printed twice.

mod args;
mod bundle;
mod context;
mod coop;
mod cpor;
mod inspect;
mod plfunding;
mod por;
mod rules_cmd;
mod score;
mod status;
mod theme;
mod validate;
mod wizard;

use std::process::ExitCode;

use anyhow::{Context as _, anyhow, bail};
use clap::Parser;

pub(crate) use args::{Cli, Command, GlobalArgs};

/// What a command tells `main` to exit with.
/// A path as human output shows it: control characters made visible
/// ([`claimtool::term::visible`]).
pub(crate) fn shown_path(path: &std::path::Path) -> String {
    claimtool::term::visible(&path.display().to_string()).into_owned()
}

pub(crate) enum Outcome {
    /// No error-level finding.
    Clean,
    /// At least one error-level finding.
    Findings,
}

/// `claimtool init [DIR]`: writes the workspace files, never over existing
/// ones without `--force`.
fn init_cmd(global: &GlobalArgs, args: &args::InitArgs) -> anyhow::Result<Outcome> {
    let today = global
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let files = claimtool::init::files(today);
    if !args.force {
        let existing: Vec<String> = files
            .iter()
            .map(|f| args.dir.join(&f.path))
            .filter(|p| p.exists())
            .map(|p| p.display().to_string())
            .collect();
        if !existing.is_empty() {
            bail!(
                "not overwriting {} (use --force to replace them)",
                existing.join(", ")
            );
        }
    }
    for file in &files {
        let path = args.dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, &file.contents)
            .with_context(|| format!("cannot write {}", path.display()))?;
        println!("wrote {}", shown_path(&path));
    }
    println!(
        "\nNext: fill in [partner] in claimtool.toml, edit the example claims (or start \
         one with `claimtool cpor new`), replace the placeholder documents, then run \
         `claimtool validate claims/`."
    );
    Ok(Outcome::Clean)
}

pub(crate) fn main() -> ExitCode {
    let cli = match Cli::try_parse().and_then(|mut cli| cli.settle_format().map(|()| cli)) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    cli.global.color.write_global();
    match run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(e) => {
            // Error messages quote paths and values: no control character
            // of theirs reaches the terminal.
            let message = format!("{e:#}");
            anstream::eprintln!("error: {}", claimtool::term::visible_lines(&message));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let global = cli.global;
    match cli.command {
        Command::Validate(args) => {
            validate::run(&global, &args.paths, args.format.unwrap_or_default(), None)
        }
        Command::Cpor(cmd) => cpor::run(&global, cmd),
        Command::Coop(cmd) => coop::run(&global, cmd),
        Command::Plfunding(cmd) => plfunding::run(&global, cmd),
        Command::Score(args) => score::run(&global, args),
        Command::Por(cmd) => por::run(&global, cmd),
        Command::Status(args) => status::run(&global, &args),
        Command::Rules(args) => rules_cmd::run(&args),
        Command::Inspect(args) => inspect::run(&global, &args),
        Command::Init(args) => init_cmd(&global, &args),
        Command::Schema(args) => {
            let target = claimtool::schema::SchemaTarget::parse(&args.kind)
                .ok_or_else(|| anyhow!("no schema for `{}`", args.kind))?;
            print!("{}", claimtool::schema::schema_text(target));
            Ok(Outcome::Clean)
        }
        Command::Completions(args) => {
            let mut cmd = with_rule_ids(<Cli as clap::CommandFactory>::command());
            clap_complete::generate(args.shell, &mut cmd, "claimtool", &mut std::io::stdout());
            Ok(Outcome::Clean)
        }
        Command::Man(args) => {
            let cmd = <Cli as clap::CommandFactory>::command();
            match args.dir {
                Some(dir) => {
                    clap_mangen::generate_to(cmd, &dir).with_context(|| {
                        format!("cannot write the man pages into {}", dir.display())
                    })?;
                    eprintln!("wrote the man pages into {}", dir.display());
                }
                None => clap_mangen::Man::new(cmd)
                    .render(&mut std::io::stdout())
                    .context("cannot write the man page")?,
            }
            Ok(Outcome::Clean)
        }
    }
}

/// The command line as the completion scripts see it: `--deny`, `--warn`,
/// `--allow` and `rules ID` offer the rule ids. Only for completions: when
/// parsing, an unknown id gets claimtool's own message with a suggestion
/// rather than clap's list of every id.
fn with_rule_ids(cmd: clap::Command) -> clap::Command {
    let ids = || clap::builder::PossibleValuesParser::new(claimtool::rules::all().map(|r| r.id));
    cmd.mut_arg("deny", |a| a.value_parser(ids()))
        .mut_arg("warn", |a| a.value_parser(ids()))
        .mut_arg("allow", |a| a.value_parser(ids()))
        .mut_subcommand("rules", |c| c.mut_arg("rule", |a| a.value_parser(ids())))
}
