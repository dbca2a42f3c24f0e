//! clap definitions. Every field's `///` comment is its `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Examples:
  claimtool validate claims/                      check every claim file under claims/
  claimtool validate claims/ --format json        the same, as JSON for CI
  claimtool cpor validate claims/contoso.toml     check one CPOR claim
  claimtool cpor bundle claims/contoso.toml --out bundles --zip
                                                  write the submission bundle (and zip)
  claimtool cpor checklist claims/contoso.toml --format html > checklist.html
  claimtool rules                                 list every rule
  claimtool rules cpor-poe-unsigned               what a rule checks and how to fix it

Exit codes:
  0  no error-level finding (warnings allowed unless --deny-warnings)
  1  at least one error-level finding
  2  the command could not run (bad arguments, missing path, unreadable config,
     a bundle that already exists without --force, output that could not be
     written)";

const VALIDATE_HELP: &str = "\
Folders are walked for *.toml (hidden folders, target/, claimtool.toml and the
engagement catalogue are left out); every file is checked by its `kind`, then
across files (duplicate claims, reused documents). A broken file is a finding,
never skipped. Links are followed; a broken link or a link loop stops the run.

Examples:
  claimtool validate claims/
  claimtool validate claims/ --format json > report.json
  claimtool validate claims/ --format sarif > claimtool.sarif     (also junit, github, azure)
  claimtool validate claims/ --today 2026-11-26 --deny-warnings
  claimtool validate claims/ --allow document-reused --deny business-email

Exit codes: 0 no error finding, 1 error findings, 2 could not run.";

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
    /// Output format: human or json (validate, bundle); checklist takes md (its default), html or json
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

/// Every command takes the values that make sense for it (`checklist`:
/// md, html, json; the others: human, json) and refuses the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style text
    Human,
    /// the JSON document of spec/cli.md
    Json,
    /// JUnit XML, one testcase per file (validate only)
    Junit,
    /// SARIF 2.1.0 (validate only)
    Sarif,
    /// GitHub Actions annotations (validate only)
    Github,
    /// Azure Pipelines logging commands (validate only)
    Azure,
    /// Markdown (checklist)
    Md,
    /// self-contained HTML (checklist)
    Html,
}

impl Format {
    /// The name as typed on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Md => "md",
            Format::Html => "html",
            Format::Junit => "junit",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Azure => "azure",
        }
    }

    /// Refuses a format the command does not produce (exit 2).
    pub fn require(self, allowed: &[Format], command: &str) -> Result<(), super::Failure> {
        if allowed.contains(&self) {
            return Ok(());
        }
        let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
        Err(super::Failure(format!(
            "`{command}` does not write --format {}; it takes {}",
            self.name(),
            names.join(", ")
        )))
    }
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
    #[command(after_help = VALIDATE_HELP)]
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
    /// Show what claimtool reads from documents: signatures, text, readability
    Inspect(super::inspect::InspectArgs),
    /// Print the JSON Schema of a claim kind or of claimtool.toml, for editors
    Schema(SchemaArgs),
    /// Start a workspace: claimtool.toml and one example claim of each kind
    #[command(
        after_help = "Example:\n  claimtool init partner-claims && cd partner-claims && claimtool validate claims/"
    )]
    Init(InitArgs),
    /// Print a shell completion script (e.g. `claimtool completions bash > /etc/bash_completion.d/claimtool`)
    Completions(CompletionsArgs),
    /// Print the man page (roff), e.g. `claimtool man > claimtool.1`
    Man,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Editors with TOML schema support (taplo, Even Better TOML) read a first-line \
directive:\n  #:schema ./cpor.schema.json\n\nExample:\n  claimtool schema cpor > cpor.schema.json"
)]
pub struct SchemaArgs {
    /// What to describe
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(claimtool::schema::SchemaTarget::names()))]
    pub kind: String,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to set up (created when missing)
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,
    /// Overwrite files that already exist
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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
