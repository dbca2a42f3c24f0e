//! `claimtool status [PATHS...]`: every deadline and the money at stake,
//! as a table, JSON, CSV, a calendar (ics) or a page (html) (spec/status.md).
//!
//! The engine runs exactly as for `validate PATHS` (same inputs, config,
//! catalogue, overrides, `--today`), with [`claimtool::status::facts`] as
//! its extractor; [`claimtool::status::Portfolio`] joins the two and a
//! renderer of `claimtool::status` writes it. Only the human table is laid
//! out here (comfy-table). `--out FILE` is written atomically
//! ([`claimtool::fsutil::write_atomic`]): a failure leaves nothing behind
//! and exits 2.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context as _;
use claimtool::engine::{self, Keep};
use claimtool::status::{self, Level, Portfolio, Verdict};
use clap::{Args, ValueEnum};
use comfy_table::{Cell, Color, Table, presets};

use super::{GlobalArgs, Outcome, context, validate};

const AFTER_HELP: &str = "\
Every dated deadline the rules compute (CPOR reply and dispute, co-op claim window and
document retention, partner-led consent and expiry, score eligibility), with the co-op
money at stake and each claim's validate verdict. See docs/status.md.

Examples:
  claimtool status                                   the table, for the claims under .
  claimtool status claims/ --within 30               only what falls due in 30 days (and what has passed)
  claimtool status claims/ --format ics --out deadlines.ics    a calendar to import or subscribe to
  claimtool status claims/ --format html --out status.html     one self-contained page
  claimtool status claims/ --format csv > status.csv

Exit codes: 0 nothing passed and no errors, 1 a deadline has passed or a claim has an
error, 2 could not run (bad arguments, missing path, output not written).";

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct StatusArgs {
    /// Claim files and folders (folders are walked for *.toml) [default: .]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format [default: human]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<StatusFormat>,
    /// Keep only deadlines up to DAYS days ahead (and every passed one)
    #[arg(long, value_name = "DAYS")]
    pub within: Option<u32>,
    /// Write the report to FILE (atomically) instead of stdout
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// `--format` of `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum StatusFormat {
    /// a table for people
    #[default]
    Human,
    /// the JSON document of docs/status.md
    Json,
    /// one row per deadline, for spreadsheets
    Csv,
    /// an iCalendar file (RFC 5545) of the coming deadlines
    Ics,
    /// one self-contained page with charts
    Html,
}

pub(super) fn run(global: &GlobalArgs, args: &StatusArgs) -> anyhow::Result<Outcome> {
    let (env, overrides) = context::load(global)?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let inputs = validate::collect_inputs(&paths, &env)?;
    let keep = Keep {
        claims: false,
        sources: false,
    };
    let (report, facts) =
        engine::check_paths_extracting(&inputs, &env, &overrides, keep, &|| {}, &status::facts)
            .map_err(|(path, e)| anyhow::Error::new(e).context(format!("cannot read {path}")))?;
    let portfolio = Portfolio::build(&report, facts, &env, args.within);
    drop(report);
    let format = args.format.unwrap_or_default();
    let bytes = render(&portfolio, format, args.out.is_none())?;
    match &args.out {
        Some(path) => claimtool::fsutil::write_atomic(path, &bytes)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => match std::io::stdout().lock().write_all(&bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.context("cannot write the report")?,
        },
    }
    Ok(if portfolio.needs_attention() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn render(p: &Portfolio, format: StatusFormat, to_terminal: bool) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        StatusFormat::Human => human(p, to_terminal).into_bytes(),
        StatusFormat::Json => status::json::render(p).into_bytes(),
        StatusFormat::Csv => status::csv::render(p).context("cannot write the CSV")?,
        StatusFormat::Ics => status::ics::render(p).into_bytes(),
        // askama's message includes its cause: one message.
        StatusFormat::Html => status::html::render(p)
            .map_err(|e| anyhow::anyhow!("cannot render the page: {e}"))?
            .into_bytes(),
    })
}

/// The table and the totals. Colour only on a terminal that takes it.
fn human(p: &Portfolio, to_terminal: bool) -> String {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    let color = to_terminal
        && anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never;
    if color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(status::human::HEADER);
    for row in status::human::rows(p) {
        let [when, what, claim, kind, stage, amount, verdict] = row.cells;
        let level_color = match row.level {
            Some(Level::Passed) => Some(Color::Red),
            Some(Level::Due) => Some(Color::Yellow),
            _ => None,
        };
        let verdict_color = match row.verdict {
            Verdict::Ready => Color::Green,
            Verdict::Warnings => Color::Yellow,
            Verdict::Errors => Color::Red,
        };
        let mut when = Cell::new(when);
        if let Some(c) = level_color {
            when = when.fg(c);
        }
        table.add_row([
            when,
            Cell::new(what),
            Cell::new(claim),
            Cell::new(kind),
            Cell::new(stage),
            Cell::new(amount),
            Cell::new(verdict).fg(verdict_color),
        ]);
    }
    let mut text = format!("Claims as of {}\n{table}\n", p.today);
    for line in status::human::totals_lines(&p.totals()) {
        text.push_str(&line);
        text.push('\n');
    }
    text
}
