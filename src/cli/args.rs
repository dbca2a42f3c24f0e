//! clap definitions. Every field's `///` comment is its `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Examples:
  claimtool validate claims/                      check every claim file under claims/
  claimtool validate claims/ --format json        the same, as JSON for CI
  claimtool cpor validate claims/contoso.toml     check one CPOR claim
  claimtool rules                                 list every rule
  claimtool rules cpor-poe-unsigned               what a rule checks and how to fix it

Exit codes:
  0  no error-level finding (warnings allowed unless --deny-warnings)
  1  at least one error-level finding
  2  the command could not run (bad arguments, missing path, unreadable config)";

/// Prepare Microsoft Partner Center incentive claims that are right the
/// first time: CPOR, co-op, partner-led funding, Partner Capability Score.
#[derive(Debug, Parser)]
#[command(name = "claimtool", version, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after the subcommand.
#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// The date deadlines are computed from (YYYY-MM-DD) [default: the clock]
    #[arg(long, global = true, env = "CLAIMTOOL_TODAY", value_name = "DATE")]
    pub today: Option<chrono::NaiveDate>,
    /// The workspace config [default: the nearest claimtool.toml upward]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The partner-led engagement catalogue [default: `[catalog] engagements` of
    /// claimtool.toml, else the built-in one]
    #[arg(long, global = true, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// Output format
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Make a rule's warnings errors (repeatable)
    #[arg(long, global = true, value_name = "RULE")]
    pub deny: Vec<String>,
    /// Make a rule's errors warnings (repeatable)
    #[arg(long, global = true, value_name = "RULE")]
    pub warn: Vec<String>,
    /// Switch a rule off (repeatable)
    #[arg(long, global = true, value_name = "RULE")]
    pub allow: Vec<String>,
    /// Treat every warning as an error
    #[arg(long, global = true)]
    pub deny_warnings: bool,
    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Never prompt (wizards refuse to start)
    #[arg(long, global = true)]
    pub no_input: bool,
    /// Print less: no info findings
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Print more about what is being done (on stderr)
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style text
    Human,
    /// the JSON document of spec/cli.md
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Sets anstream's choice for the whole process (it honours NO_COLOR
    /// under `auto`).
    pub fn write_global(self) {
        let choice = match self {
            ColorChoice::Auto => anstream::ColorChoice::Auto,
            ColorChoice::Always => anstream::ColorChoice::Always,
            ColorChoice::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every claim file under the given files and folders
    Validate(ValidateArgs),
    /// CPOR: Claiming Partner of Record customer association and claim
    #[command(subcommand)]
    Cpor(super::cpor::CporCommand),
    /// Co-op fund claims (Microsoft Commerce Incentives)
    #[command(subcommand)]
    Coop(super::coop::CoopCommand),
    /// Partner-led funding engagements (Azure Migrate and Modernize, Azure Innovate...)
    #[command(subcommand)]
    Plfunding(super::plfunding::PlfCommand),
    /// Partner Capability Score eligibility
    Score(super::score::ScoreArgs),
    /// List the rules, or explain one
    Rules(RulesArgs),
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Claim files and folders (folders are walked for *.toml)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct KindValidateArgs {
    /// Claim files
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A rule id to explain (omit to list them all)
    pub rule: Option<String>,
    /// Print the Markdown reference (docs/rules.md)
    #[arg(long, conflicts_with = "rule")]
    pub markdown: bool,
}
