//! The command line: clap definitions and dispatch. The only place clap,
//! dialoguer and comfy-table are named; everything it does is a call into
//! the `claimtool` library.
//!
//! Exit codes: 0 no error finding, 1 at least one error finding, 2 the
//! command could not run ([`Failure`]).

mod args;
mod bundle;
mod context;
mod coop;
mod cpor;
mod inspect;
mod plfunding;
mod rules_cmd;
mod score;
mod validate;
mod wizard;

use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command, GlobalArgs};

/// The command could not run (bad arguments, missing path, unreadable
/// config, no terminal...): exit 2 with this message.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

/// What a command tells `main` to exit with.
pub enum Outcome {
    /// No error-level finding.
    Clean,
    /// At least one error-level finding.
    Findings,
}

/// `claimtool init [DIR]`: writes the workspace files, never over existing
/// ones without `--force`.
fn init_cmd(global: &GlobalArgs, args: &args::InitArgs) -> Result<Outcome, Failure> {
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
            return Err(Failure(format!(
                "not overwriting {} (use --force to replace them)",
                existing.join(", ")
            )));
        }
    }
    for file in &files {
        let path = args.dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Failure(format!("cannot create {}: {e}", parent.display())))?;
        }
        std::fs::write(&path, &file.contents)
            .map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))?;
        println!("wrote {}", path.display());
    }
    println!(
        "\nNext: fill in [partner] in claimtool.toml, edit the example claims (or start \
         one with `claimtool cpor new`), replace the placeholder documents, then run \
         `claimtool validate claims/`."
    );
    Ok(Outcome::Clean)
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
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
        Err(Failure(message)) => {
            anstream::eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<Outcome, Failure> {
    let global = cli.global;
    match cli.command {
        Command::Validate(args) => validate::run(&global, &args.paths, None),
        Command::Cpor(cmd) => cpor::run(&global, cmd),
        Command::Coop(cmd) => coop::run(&global, cmd),
        Command::Plfunding(cmd) => plfunding::run(&global, cmd),
        Command::Score(args) => score::run(&global, args),
        Command::Rules(args) => rules_cmd::run(&global, &args),
        Command::Inspect(args) => inspect::run(&global, &args),
        Command::Init(args) => init_cmd(&global, &args),
        Command::Schema(args) => {
            let target = claimtool::schema::SchemaTarget::parse(&args.kind)
                .ok_or_else(|| Failure(format!("no schema for `{}`", args.kind)))?;
            print!("{}", claimtool::schema::schema_text(target));
            Ok(Outcome::Clean)
        }
        Command::Completions(args) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(args.shell, &mut cmd, "claimtool", &mut std::io::stdout());
            Ok(Outcome::Clean)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd).render(&mut std::io::stdout())?;
            Ok(Outcome::Clean)
        }
    }
}
