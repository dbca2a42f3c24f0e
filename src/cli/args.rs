//! clap definitions. Every field's `///` comment is its `--help` text.

use std::ffi::OsStr;
use std::path::PathBuf;

use clap::builder::{EnumValueParser, TypedValueParser as _};
use clap::error::ErrorKind;
use clap::{Args, CommandFactory as _, Parser, Subcommand, ValueEnum};

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
pub(crate) struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    /// Output format of the command, given before it (after it works too);
    /// `claimtool COMMAND --help` lists the formats each command writes
    // Listed after --catalog, where the option was while it was global.
    #[arg(long, value_name = "FORMAT", display_order = 2)]
    pub format: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// A `--format` given before the command (`claimtool --format json
    /// validate claims/`) is the command's own, checked against the formats
    /// that command writes as if it had been given after it: a value the
    /// command does not write, or a command that writes no report, is a
    /// usage error (exit 2). Given on both sides, the command's own wins.
    pub(crate) fn settle_format(&mut self) -> Result<(), clap::Error> {
        match self.format.take() {
            Some(value) => self.command.inherit_format(&value),
            None => Ok(()),
        }
    }
}

/// Sets a command's `--format` from the value given before the command,
/// unless the command was given its own.
pub(super) fn inherit_format<F>(slot: &mut Option<F>, value: &str) -> Result<(), clap::Error>
where
    F: ValueEnum + Clone + Send + Sync + 'static,
{
    if slot.is_none() {
        // clap's own check, so the message is the one `COMMAND --format X`
        // gives: the value and the command's possible values. The built
        // top-level `--format` stands for the command's (same name, same
        // value name).
        let mut cli = Cli::command();
        cli.build();
        let arg = cli.get_arguments().find(|a| a.get_id() == "format");
        let parsed = EnumValueParser::<F>::new().parse_ref(&cli, arg, OsStr::new(value))?;
        *slot = Some(parsed);
    }
    Ok(())
}

/// The usage error for `--format` before a command that writes no report
/// (a wizard, `schema`, `init`...).
pub(super) fn takes_no_format(command: &str) -> clap::Error {
    Cli::command().error(
        ErrorKind::UnknownArgument,
        format!("`claimtool {command}` takes no --format"),
    )
}

/// Options accepted before or after the subcommand.
#[derive(Debug, Args, Clone)]
pub(crate) struct GlobalArgs {
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

/// `--format` of `validate` and `<kind> validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum ValidateFormat {
    /// rustc-style text
    #[default]
    Human,
    /// the JSON document of docs/cli.md
    Json,
    /// JUnit XML, one testcase per file
    Junit,
    /// SARIF 2.1.0
    Sarif,
    /// GitHub Actions annotations
    Github,
    /// Azure Pipelines logging commands
    Azure,
}

/// `--format` of the commands that write text for people or JSON: `bundle`,
/// `score`, `score import`, `rules`, `plfunding engagements`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum HumanOrJson {
    /// text for people
    #[default]
    Human,
    /// JSON, for scripts
    Json,
}

/// The findings of a `bundle` or `score` run are printed as `validate`
/// prints them, in the same format.
impl From<HumanOrJson> for ValidateFormat {
    fn from(format: HumanOrJson) -> Self {
        match format {
            HumanOrJson::Human => ValidateFormat::Human,
            HumanOrJson::Json => ValidateFormat::Json,
        }
    }
}

/// `--format` of `<kind> checklist`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum ChecklistFormat {
    /// Markdown (`human` means the same)
    #[default]
    #[value(alias = "human")]
    Md,
    /// self-contained HTML
    Html,
    /// JSON, for scripts
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Sets anstream's choice for the whole process (it honours NO_COLOR
    /// under `auto`).
    pub(crate) fn write_global(self) {
        let choice = match self {
            ColorChoice::Auto => anstream::ColorChoice::Auto,
            ColorChoice::Always => anstream::ColorChoice::Always,
            ColorChoice::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
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
    /// Partner of Record checks for distributors: orders against your reseller list
    #[command(subcommand)]
    Por(super::por::PorCommand),
    /// Every deadline and the money at stake: a table, JSON, CSV, a calendar (ics) or a page (html)
    Status(super::status::StatusArgs),
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
    /// Print the man page (roff), or write every page with --dir
    #[command(
        after_help = "Examples:\n  claimtool man > claimtool.1\n  claimtool man --dir /usr/local/share/man/man1   # claimtool.1, claimtool-cpor.1, claimtool-cpor-new.1, ..."
    )]
    Man(ManArgs),
}

/// `claimtool man`.
#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// Write claimtool.1 and one page per subcommand (the pages the main
    /// page's SEE ALSO names) into this folder instead of printing the main page
    #[arg(long, value_name = "DIR")]
    pub dir: Option<std::path::PathBuf>,
}

impl Command {
    /// See [`Cli::settle_format`].
    fn inherit_format(&mut self, value: &str) -> Result<(), clap::Error> {
        match self {
            Command::Validate(args) => inherit_format(&mut args.format, value),
            Command::Cpor(cmd) => cmd.inherit_format(value),
            Command::Coop(cmd) => cmd.inherit_format(value),
            Command::Plfunding(cmd) => cmd.inherit_format(value),
            Command::Score(args) => args.inherit_format(value),
            Command::Por(cmd) => cmd.inherit_format(value),
            Command::Status(args) => inherit_format(&mut args.format, value),
            Command::Rules(args) => inherit_format(&mut args.format, value),
            Command::Inspect(args) => inherit_format(&mut args.format, value),
            Command::Schema(_) => Err(takes_no_format("schema")),
            Command::Init(_) => Err(takes_no_format("init")),
            Command::Completions(_) => Err(takes_no_format("completions")),
            Command::Man(_) => Err(takes_no_format("man")),
        }
    }
}

#[derive(Debug, Args)]
#[command(
    after_help = "Editors with TOML schema support (taplo, Even Better TOML) read a first-line \
directive:\n  #:schema ./cpor.schema.json\n\nExample:\n  claimtool schema cpor > cpor.schema.json"
)]
pub(crate) struct SchemaArgs {
    /// What to describe
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(claimtool::schema::SchemaTarget::names()))]
    pub kind: String,
}

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The folder to set up (created when missing)
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,
    /// Overwrite files that already exist
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// Claim files and folders (folders are walked for *.toml)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format [default: human]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ValidateFormat>,
}

#[derive(Debug, Args)]
pub(crate) struct KindValidateArgs {
    /// Claim files
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format [default: human]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ValidateFormat>,
}

#[derive(Debug, Args)]
pub(crate) struct RulesArgs {
    /// A rule id to explain (omit to list them all)
    pub rule: Option<String>,
    /// Print the Markdown reference (docs/rules.md)
    #[arg(long, conflicts_with = "rule")]
    pub markdown: bool,
    /// Output format [default: human]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<HumanOrJson>,
}
