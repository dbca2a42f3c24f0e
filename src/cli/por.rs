//! `claimtool por ...`: Partner of Record checks for distributors.
//!
//! `por check` reads the distributor's settings (claimtool.toml `[por]`,
//! overridden by `--resellers`, `--validation`, `--region`), reads the
//! reseller list once (exit 2 when it cannot), then checks `kind = "por"`
//! TOML files and folders through the shared engine and orders CSVs
//! through [`claimtool::kinds::por::orders_csv`], and prints the report
//! like `validate`. `por resellers` lists the reseller list; `por new` is
//! the wizard.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{anyhow, bail};
use claimtool::engine::{self, Input};
use claimtool::kinds::por::context::{PorEnv, PorSettings};
use claimtool::kinds::por::{orders_csv, resellers};
use claimtool::model::Kind;
use claimtool::rules::Env;
use clap::{Args, Subcommand, ValueEnum};

use super::args::{self, ValidateFormat};
use super::wizard::NewArgs;
use super::{GlobalArgs, Outcome, context, validate, wizard};

const CHECK_HELP: &str = "\
Checks planned CSP orders against your reseller list before you place them: is the
reseller in your list, active, authorized, MPA accepted, in your CSP region, and is
the customer in your region? TOML files (kind = \"por\"), folders of them, and CSV
files of orders (one row per order, named explicitly) are checked; findings on a CSV
point at the row's cell (line:column).

Examples:
  claimtool por check orders.csv --resellers resellers.json --region Australia
  claimtool por check claims/ orders.csv --format json > report.json
  claimtool por check orders.csv --validation validate-resellers.json --format github

Exit codes: 0 no error finding, 1 error findings, 2 could not run (no reseller list,
an unreadable list or CSV, an unknown region).";

const NEW_HELP: &str = "\
Asks for one planned order: the reseller (picked among those that can be Partner of
Record today), the customer, the action and the date, checks each answer with the
same rules as `por check`, and saves FILE.draft after every answer. Needs [por] in
claimtool.toml (csp_region and resellers) and a terminal.";

#[derive(Debug, Subcommand)]
pub(crate) enum PorCommand {
    /// Check planned orders (TOML files, folders, CSV files) against your reseller list
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),
    /// List your reseller list: region, state, authorization, MPA, assignable today
    Resellers(ListArgs),
    /// Build one planned order interactively, checking each answer
    #[command(after_help = NEW_HELP)]
    New(NewArgs),
}

/// Where the reseller list and the region come from (overriding `[por]`).
#[derive(Debug, Args)]
pub(crate) struct SourceArgs {
    /// The reseller list: Partner Center's relationships JSON, or a CSV [default: [por] resellers]
    #[arg(long, value_name = "FILE")]
    pub resellers: Option<PathBuf>,
    /// A saved POST /v1/partners/validateresellers response [default: [por] validation]
    #[arg(long, value_name = "FILE")]
    pub validation: Option<PathBuf>,
    /// Your CSP region, e.g. Australia [default: [por] csp_region or country]
    #[arg(long, value_name = "NAME")]
    pub region: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// kind = "por" files, folders of them, and orders CSV files
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub source: SourceArgs,
    /// Output format [default: human]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ValidateFormat>,
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// Output format [default: human]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ListFormat>,
}

/// `--format` of `por resellers`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum ListFormat {
    /// a table for people
    #[default]
    Human,
    /// the JSON document of docs/por.md
    Json,
    /// one row per reseller, for spreadsheets
    Csv,
}

impl PorCommand {
    /// A `--format` given before the command (`Cli::settle_format`).
    pub(crate) fn inherit_format(&mut self, value: &str) -> Result<(), clap::Error> {
        match self {
            PorCommand::New(_) => Err(args::takes_no_format("por new")),
            PorCommand::Check(a) => args::inherit_format(&mut a.format, value),
            PorCommand::Resellers(a) => args::inherit_format(&mut a.format, value),
        }
    }
}

pub(super) fn run(global: &GlobalArgs, cmd: PorCommand) -> anyhow::Result<Outcome> {
    match cmd {
        PorCommand::Check(args) => check(global, &args),
        PorCommand::Resellers(args) => list(global, &args),
        PorCommand::New(args) => {
            let (env, _) = context::load(global)?;
            PorEnv::load(env.config.por.as_ref()).map_err(|e| anyhow!(e))?;
            wizard::run(global, args, &claimtool::kinds::por::wizard::SCRIPT)
        }
    }
}

/// The run's environment with the command line's overrides, and the
/// reseller list read (exit 2 when it cannot be).
fn load(
    global: &GlobalArgs,
    source: &SourceArgs,
) -> anyhow::Result<(Env, claimtool::diag::Overrides)> {
    let (mut env, overrides) = context::load(global)?;
    let mut settings: PorSettings = env.config.por.clone().unwrap_or_default();
    if let Some(path) = &source.resellers {
        settings.resellers = Some(path.clone());
    }
    if let Some(path) = &source.validation {
        settings.validation = Some(path.clone());
    }
    if let Some(region) = &source.region {
        settings.csp_region = Some((region.clone(), "--region".to_string()));
    }
    env.config.por = Some(settings);
    let por = PorEnv::load(env.config.por.as_ref()).map_err(|e| anyhow!(e))?;
    env.por.set(Arc::new(por));
    Ok((env, overrides))
}

fn is_csv(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

fn check(global: &GlobalArgs, args: &CheckArgs) -> anyhow::Result<Outcome> {
    let (env, overrides) = load(global, &args.source)?;
    let (csvs, others): (Vec<&PathBuf>, Vec<&PathBuf>) =
        args.paths.iter().partition(|p| p.is_file() && is_csv(p));
    let (dirs, files): (Vec<PathBuf>, Vec<PathBuf>) =
        others.into_iter().cloned().partition(|p| p.is_dir());
    let mut inputs = validate::collect_inputs(&files, &env)?;
    let walked: Vec<Input> = validate::collect_inputs(&dirs, &env)?;
    let walked_paths: std::collections::HashSet<String> =
        walked.iter().map(|i| i.display.clone()).collect();
    inputs.extend(walked);
    let mut multi = Vec::new();
    for path in csvs {
        let display = path
            .strip_prefix("./")
            .unwrap_or(path)
            .display()
            .to_string();
        multi.push(orders_csv::check(path, &display, &env).map_err(|e| anyhow!(e))?);
    }
    let keep = engine::Keep {
        claims: false,
        sources: true,
    };
    let mut report = engine::check_paths_and_files(&inputs, multi, &env, &overrides, keep, &|| {})
        .map_err(|(path, e)| anyhow::Error::new(e).context(format!("cannot read {path}")))?;
    // Folders are walked for por orders only: other kinds found there are
    // left to `validate`.
    report.files.retain(|f| {
        !walked_paths.contains(&f.source.display) || f.kind.is_none_or(|k| k == Kind::Por)
    });
    engine::flag_other_kinds(&mut report, Kind::Por, &overrides);
    validate::print_report(global, args.format.unwrap_or_default(), &report, &env)?;
    Ok(if report.has_errors() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn list(global: &GlobalArgs, args: &ListArgs) -> anyhow::Result<Outcome> {
    let (env, _) = load(global, &args.source)?;
    let Some(por) = env.por.loaded() else {
        bail!(claimtool::kinds::por::context::NO_LIST);
    };
    let listing = resellers::listing(&env, por);
    let stdout = std::io::stdout();
    let written = match args.format.unwrap_or_default() {
        ListFormat::Json => serde_json::to_writer_pretty(stdout.lock(), &listing)
            .map_err(std::io::Error::other)
            .and_then(|()| {
                use std::io::Write as _;
                writeln!(stdout.lock())
            }),
        ListFormat::Csv => write_csv(&listing, stdout.lock()),
        ListFormat::Human => {
            use std::io::Write as _;
            writeln!(stdout.lock(), "{}", human(&listing, por))
        }
    };
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => bail!("cannot write the list: {e}"),
        Ok(()) => {}
    }
    for f in &por.roster.findings {
        let (line, col) = f.position.map_or((0, 0), |p| (p.line, p.column));
        eprintln!(
            "{}: {}:{line}:{col}: {} [{}]",
            f.severity, por.roster.source.display, f.message, f.rule
        );
    }
    Ok(Outcome::Clean)
}

fn write_csv(listing: &resellers::Listing, out: impl std::io::Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "partner_id",
        "name",
        "country",
        "region",
        "state",
        "authorization",
        "mpa_accepted",
        "assignable",
        "reason_rule",
        "reason",
    ])?;
    for r in &listing.resellers {
        let mpa = r.mpa_accepted.map_or(String::new(), |b| b.to_string());
        w.write_record([
            r.partner_id.as_str(),
            &r.name,
            &r.country,
            r.region.as_deref().unwrap_or(""),
            r.state.as_deref().unwrap_or(""),
            r.authorization.unwrap_or(""),
            &mpa,
            if r.assignable { "true" } else { "false" },
            r.reason.as_ref().map_or("", |x| x.rule),
            r.reason.as_ref().map_or("", |x| x.message.as_str()),
        ])?;
    }
    w.flush()
}

fn human(listing: &resellers::Listing, por: &PorEnv) -> String {
    use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header([
            "PartnerID",
            "Name",
            "Country",
            "CSP region",
            "State",
            "Authorization",
            "MPA",
            "Partner of Record today",
        ]);
    let unknown = || "?".to_string();
    for r in &listing.resellers {
        table.add_row([
            r.partner_id.clone(),
            r.name.clone(),
            r.country.clone(),
            r.region.clone().unwrap_or_else(|| "none".to_string()),
            r.state.clone().unwrap_or_else(unknown),
            r.authorization.map_or_else(unknown, str::to_string),
            r.mpa_accepted
                .map_or_else(unknown, |b| if b { "yes" } else { "no" }.to_string()),
            match &r.reason {
                None => "yes".to_string(),
                Some(reason) => format!("no: {} ({})", reason.message, reason.rule),
            },
        ]);
    }
    let n = listing.resellers.iter().filter(|r| r.assignable).count();
    format!(
        "{table}\n{n} of {} resellers in {} can be Partner of Record today in the {} region.",
        listing.resellers.len(),
        por.roster.source.display,
        listing.region
    )
}
