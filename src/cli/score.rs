//! `claimtool score FILE | new | import | validate`: Partner Capability
//! Score eligibility.
//!
//! `score FILE` runs the rule engine on the history first (errors are shown
//! rustc-style and exit 1, like `validate`), then calls
//! [`claimtool::kinds::score::evaluate`] and prints the result: a month table and
//! one sentence, or the JSON of spec/cli.md. `score import` turns a CSV
//! scoring history into the TOML file, checked by the same engine; `score
//! new` is the shared wizard ([`claimtool::kinds::score::wizard::SCRIPT`]).

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use claimtool::decode::StrEnum;
use claimtool::diag::Severity;
use claimtool::engine::{self, FileReport, Report};
use claimtool::kinds::score::model::ScoreArea;
use claimtool::kinds::score::write::{HistoryDraft, to_toml};
use claimtool::kinds::score::{self, Eligibility, PlanEntry, fmt_points, fmt_usd};
use claimtool::model::{Claim, Kind};
use claimtool::report;
use claimtool::term::visible;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Subcommand};
use comfy_table::{Attribute, Cell, CellAlignment, Color, Table, presets};

use super::args::{self, HumanOrJson, KindValidateArgs};
use super::wizard::NewArgs;
use super::{GlobalArgs, Outcome, context, validate, wizard};

const AFTER_HELP: &str = "\
Examples:
  claimtool score history.toml                     month table and where you stand
  claimtool score history.toml --format json       the same as JSON
  claimtool score --plan 2026-12=30 history.toml   what if December 2026 scores 30?
  claimtool score new                              a wizard: month by month into a TOML file
  claimtool score import history.csv --partner-id 4871236 --solution-area modern-work --out history.toml

Eligible in a month: (Solutions Partner designation, or 25+ points in the month or the five
before it) and USD 25,000+ CSP revenue over the month and the eleven before it. The
thresholds are settings: [score] threshold_points, threshold_revenue_usd in claimtool.toml.
See docs/score.md.";

#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = AFTER_HELP
)]
pub(crate) struct ScoreArgs {
    /// A score history file (TOML, `kind = "score"`)
    #[arg(required = true, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// What-if: a planned month's best score, MONTH=POINTS (repeatable), e.g. 2026-12=30
    #[arg(long, value_name = "MONTH=POINTS")]
    pub plan: Vec<PlanEntry>,
    /// Output format [default: human]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<HumanOrJson>,
    #[command(subcommand)]
    pub command: Option<ScoreCommand>,
}

impl ScoreArgs {
    /// A `--format` given before the command (`Cli::settle_format`).
    pub(crate) fn inherit_format(&mut self, value: &str) -> Result<(), clap::Error> {
        match &mut self.command {
            Some(ScoreCommand::New(_)) => Err(args::takes_no_format("score new")),
            Some(ScoreCommand::Import(import)) => args::inherit_format(&mut import.format, value),
            Some(ScoreCommand::Validate(v)) => args::inherit_format(&mut v.format, value),
            None => args::inherit_format(&mut self.format, value),
        }
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum ScoreCommand {
    /// Build a score history month by month (an interactive wizard)
    New(NewArgs),
    /// Write a score history file from a CSV scoring history
    #[command(after_help = IMPORT_HELP)]
    Import(ImportArgs),
    /// Check score history files (the `score-` rules and the file format)
    Validate(KindValidateArgs),
}

const IMPORT_HELP: &str = "\
The CSV needs a header line; columns in any order:
  month,performance,skilling,customer_success,csp_revenue_usd[,designation]
  2026-06,8,10,7.5,2100.00
Months are YYYY-MM; amounts may carry $ and thousands separators (\"$31,000.00\").
Problems are reported as FILE:LINE:COLUMN and nothing is written. The TOML written is then
checked like `claimtool validate` (exit 1 on errors).";

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The CSV scoring history
    #[arg(value_name = "FILE.csv")]
    pub csv: PathBuf,
    /// The location's PartnerID, written into the history
    #[arg(long, value_name = "ID")]
    pub partner_id: String,
    /// The solution area the scores belong to
    #[arg(long, value_name = "AREA", value_parser = area_parser())]
    pub solution_area: ScoreArea,
    /// Write the TOML to this file [default: stdout]
    #[arg(long, value_name = "FILE.toml")]
    pub out: Option<PathBuf>,
    /// Replace the --out file when it exists
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Output format of the check of the --out file [default: human]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<HumanOrJson>,
}

fn area_parser() -> impl TypedValueParser<Value = ScoreArea> {
    PossibleValuesParser::new(ScoreArea::ALL.iter().map(|a| a.as_str())).try_map(|text| {
        ScoreArea::parse(&text).ok_or_else(|| format!("unknown solution area \"{text}\""))
    })
}

pub(super) fn run(global: &GlobalArgs, args: ScoreArgs) -> anyhow::Result<Outcome> {
    match (args.command, args.file) {
        (Some(ScoreCommand::New(new)), _) => {
            wizard::run(global, new, &claimtool::kinds::score::wizard::SCRIPT)
        }
        (Some(ScoreCommand::Import(import)), _) => run_import(global, import),
        (Some(ScoreCommand::Validate(v)), _) => validate::run(
            global,
            &v.files,
            v.format.unwrap_or_default(),
            Some(Kind::Score),
        ),
        (None, Some(file)) => run_score(global, &file, &args.plan, args.format.unwrap_or_default()),
        (None, None) => bail!("name a score history file: claimtool score FILE"),
    }
}

/// `score FILE`: the findings, then the eligibility (also shown after
/// `score new` writes a history).
pub(super) fn run_score(
    global: &GlobalArgs,
    file: &Path,
    plan: &[PlanEntry],
    format: HumanOrJson,
) -> anyhow::Result<Outcome> {
    let (env, overrides) = context::load(global)?;
    if !file.is_file() {
        // Missing, a folder, a FIFO, a link loop: say which.
        match claimtool::fsutil::regular_file(file) {
            Err(e) => bail!("{e}"),
            Ok(_) => bail!("{} does not exist", file.display()),
        }
    }
    if file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        bail!(
            "{} is CSV; convert it first: claimtool score import {} --partner-id ID \
             --solution-area AREA --out history.toml",
            file.display(),
            file.display()
        );
    }
    let display = file
        .strip_prefix("./")
        .unwrap_or(file)
        .display()
        .to_string();
    let loaded = claimtool::load::load_path(file, &display)
        .with_context(|| format!("cannot read {display}"))?;
    // The claim is kept aside: the engine's report need not carry it.
    let claim = loaded.claim.clone();
    let mut report = engine::check_loaded(vec![loaded], &env, &overrides);
    engine::flag_other_kinds(&mut report, Kind::Score, &overrides);
    if report.has_errors() {
        validate::print_report(global, format.into(), &report, &env)?;
        return Ok(Outcome::Findings);
    }
    let (Some(file_report), Some(Claim::Score(history))) = (report.files.first(), &claim) else {
        // Without errors the file decoded as a score history; this is a
        // guard, not a path users reach.
        bail!("{display} is not a score history");
    };
    // The message says which setting or --plan entry is wrong.
    let result =
        score::evaluate(history, env.today, &env.config.score, plan).map_err(anyhow::Error::msg)?;
    if format == HumanOrJson::Json {
        // Warnings go to stderr so that stdout stays one JSON document.
        let text = findings_text(file_report, global.quiet);
        if !text.is_empty() {
            anstream::eprint!("{text}");
        }
        let json = serde_json::to_string_pretty(&result)
            .context("cannot render the eligibility as JSON")?;
        println!("{json}");
    } else {
        anstream::print!("{}", findings_text(file_report, global.quiet));
        anstream::println!("{}", render_human(&result));
    }
    Ok(Outcome::Clean)
}

/// The non-error findings (warnings such as `score-gap`, info), rustc-style.
fn findings_text(file: &FileReport, quiet: bool) -> String {
    file.findings
        .iter()
        .filter(|f| !(quiet && f.severity == Severity::Info))
        .fold(String::new(), |mut text, f| {
            text.push_str(&report::human::render_finding(file, f, true));
            text.push_str("\n\n");
            text
        })
}

/// The heading, the month table and the sentence.
fn render_human(result: &Eligibility) -> String {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    if anstream::AutoStream::choice(&std::io::stdout()) == anstream::ColorChoice::Never {
        table.force_no_tty();
    } else {
        table.enforce_styling();
    }
    table.set_header([
        "Month",
        "Points",
        "Window",
        "Best in window",
        "TTM revenue (USD)",
        "Designation",
        "Eligible",
    ]);
    let mark = |cell: Cell, ok: bool| cell.fg(if ok { Color::Green } else { Color::Red });
    for m in &result.months {
        let mut month = m.month.to_string();
        if m.month == result.now {
            month.push_str(" (now)");
        }
        if m.pending {
            // No figures yet: Partner Center publishes them during the month.
            table.add_row([month.as_str(), "pending", "", "", "", "", "pending"]);
            continue;
        }
        let points = match (m.planned, m.missing) {
            (true, _) => format!("{} (plan)", fmt_points(m.points)),
            // A month still to come is not a gap in the history.
            (false, true) if m.month > result.now => "0 (not yet)".to_string(),
            (false, true) => "0 (missing)".to_string(),
            (false, false) => fmt_points(m.points),
        };
        table.add_row([
            Cell::new(month),
            Cell::new(points),
            Cell::new(format!("{}..{}", m.window[0], m.window[1])),
            mark(Cell::new(fmt_points(m.best_in_window)), m.points_ok),
            mark(Cell::new(fmt_usd(m.ttm_revenue_usd)), m.revenue_ok),
            Cell::new(if m.designation { "yes" } else { "" }),
            mark(Cell::new(if m.eligible { "yes" } else { "no" }), m.eligible)
                .add_attribute(Attribute::Bold),
        ]);
    }
    for column in [1, 3, 4] {
        if let Some(c) = table.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    let who = match (&result.partner_id, result.solution_area) {
        (Some(id), Some(area)) => format!("PartnerID {id}, {}", area.title()),
        _ => "Partner Capability Score".to_string(),
    };
    let pending = if result.verdict_month == result.now {
        String::new()
    } else {
        format!(
            "{} is pending (its scores are not final until Partner Center publishes them): \
             the verdict is for {}.\n",
            result.now,
            result.verdict_month.long_name()
        )
    };
    format!(
        "{who}: Partner Capability Score on {} (needs {} points in the window and USD {} \
         trailing-12-month CSP revenue)\n{table}\n{pending}{}",
        result.today,
        fmt_points(result.threshold_points),
        fmt_usd(result.threshold_revenue_usd),
        result.summary()
    )
}

fn run_import(global: &GlobalArgs, args: ImportArgs) -> anyhow::Result<Outcome> {
    // The output is the TOML; the check of it is reported like `validate`.
    let (env, overrides) = context::load(global)?;
    if let Some(out) = &args.out
        && out.exists()
        && !args.force
    {
        bail!(
            "{} already exists; use --force to replace it",
            out.display()
        );
    }
    let display = args.csv.display().to_string();
    // The message says what the path is (missing, a folder, a FIFO, too
    // large), before anything is written.
    let bytes = claimtool::fsutil::read_bounded(
        &args.csv,
        claimtool::fsutil::MAX_CSV_BYTES,
        "a scoring history CSV",
    )?;
    let Ok(text) = String::from_utf8(bytes) else {
        anstream::eprintln!(
            "{display}:1: {}: the file is not UTF-8\n  = help: save the sheet as \"CSV UTF-8\"",
            error_word()
        );
        return Ok(Outcome::Findings);
    };
    let months = match score::import::parse_csv(&text) {
        Ok(months) => months,
        Err(problems) => {
            for p in &problems {
                anstream::eprintln!(
                    "{}: {}: {}",
                    visible(&p.location(&display)),
                    error_word(),
                    visible(&p.message)
                );
                if let Some(help) = &p.help {
                    anstream::eprintln!("  = help: {}", visible(help));
                }
            }
            anstream::eprintln!(
                "{display}: {} problem{}; nothing written",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            return Ok(Outcome::Findings);
        }
    };
    let count = months.len();
    let toml = to_toml(&HistoryDraft {
        partner_id: args.partner_id.trim().to_string(),
        solution_area: args.solution_area,
        months,
    });
    // Check what was produced with the engine, as `validate` would.
    let (path, shown) = match &args.out {
        Some(out) => (out.clone(), out.display().to_string()),
        None => (PathBuf::from("history.toml"), "<stdout>".to_string()),
    };
    let loaded = claimtool::load::load_text(toml.clone(), &path, &shown);
    let report = engine::check_loaded(vec![loaded], &env, &overrides);
    match &args.out {
        Some(out) => {
            // Atomic: an interrupted run leaves no half-written history.
            claimtool::fsutil::write_atomic(out, &toml)
                .with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!(
                "wrote {} ({count} month{})",
                super::shown_path(out),
                if count == 1 { "" } else { "s" }
            );
            validate::print_report(
                global,
                args.format.unwrap_or_default().into(),
                &report,
                &env,
            )?;
        }
        None => {
            print!("{toml}");
            let findings = human_report(&report, global.quiet);
            anstream::eprint!("{findings}");
        }
    }
    Ok(if report.has_errors() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn human_report(report: &Report, quiet: bool) -> String {
    report::human::render(report, report::human::HumanOptions { color: true, quiet })
}

/// `error` in bold red (anstream strips the escape codes when colour is
/// off: a pipe, `NO_COLOR`, `--color never`).
fn error_word() -> &'static str {
    "\x1b[1;31merror\x1b[0m"
}
