//! The portfolio: every claim's deadlines, money at stake and verdict, for
//! `claimtool status` (spec/status.md).
//!
//! Data flow: the CLI runs the engine over the paths exactly as `validate`
//! does (same config, catalogue, overrides, `--today`, batch rules), with
//! [`facts`] as the engine's extractor: while each decoded claim is at hand
//! it takes the claim's name, stage, co-op amount, score months and its
//! dated deadlines from [`crate::rules::deadline::for_claim`] (the deadline
//! rules' own computation, never a second one), and the claim is let go.
//! [`Portfolio::build`] then joins those facts with each file's findings
//! (the verdict and counts `validate` reports) and gives every deadline
//! its [`Level`]. Each format renders a [`Portfolio`]: [`human`] (the rows
//! the CLI lays out as a table), [`json`], [`csv`], [`ics`] and [`html`]
//! (with the SVG [`charts`]).

pub mod charts;
pub mod csv;
pub mod html;
pub mod human;
pub mod ics;
pub mod json;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::calendar::{DeadlineState, days_left, deadline_state};
use crate::decode::StrEnum;
use crate::diag::Severity;
use crate::engine::{FileReport, Report, Status};
use crate::kinds::score::{YearMonth, evaluate};
use crate::model::{Claim, Kind};
use crate::rules::deadline::{self, Due};
use crate::rules::{Env, RuleCtx};

/// Days ahead within which a deadline is `due` (today included).
pub const DUE_DAYS: i64 = 14;

/// What [`facts`] takes from a claim while the engine has it at hand.
#[derive(Debug, Clone)]
pub struct Facts {
    pub name: Option<String>,
    /// From `[status]`, else `draft`; `None` for a score history.
    pub stage: Option<String>,
    pub amount: Option<Amount>,
    /// A co-op claim's usage period, as written (`FY27-H1`).
    pub usage_period: Option<String>,
    pub deadlines: Vec<Due>,
    pub score: Option<ScoreSeries>,
}

/// Money at stake: a co-op claim's `claimed_amount` in its `currency`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    pub value: Decimal,
    /// The ISO 4217 code as written, upper-cased (empty when missing).
    pub currency: String,
}

impl Amount {
    /// `12500.00`: exact, with at least the currency's minor units.
    pub fn value_string(&self) -> String {
        crate::money::decimal_string(self.value, &self.currency)
    }

    /// `AUD 12,500.00`.
    pub fn display(&self) -> String {
        crate::money::format(self.value, &self.currency)
    }
}

/// A score history's months, for its chart.
#[derive(Debug, Clone)]
pub struct ScoreSeries {
    pub threshold: Decimal,
    pub months: Vec<ScoreMonth>,
}

#[derive(Debug, Clone, Copy)]
pub struct ScoreMonth {
    pub month: YearMonth,
    pub points: Decimal,
    pub eligible: bool,
    /// The current month, not yet published: no figures.
    pub pending: bool,
}

/// Where a deadline stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The date is before today.
    Passed,
    /// Today or up to [`DUE_DAYS`] days ahead.
    Due,
    Upcoming,
}

impl Level {
    pub fn of(today: NaiveDate, date: NaiveDate) -> Level {
        match deadline_state(today, date) {
            DeadlineState::Passed => Level::Passed,
            DeadlineState::Near => Level::Due,
            DeadlineState::Far => Level::Upcoming,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Passed => "passed",
            Level::Due => "due",
            Level::Upcoming => "upcoming",
        }
    }
}

/// One deadline of one claim, with its level.
#[derive(Debug, Clone)]
pub struct Deadline {
    pub date: NaiveDate,
    pub what: String,
    pub rule: &'static str,
    pub help: &'static str,
    pub level: Level,
}

/// `validate`'s verdict for the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Ready,
    Warnings,
    Errors,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::Warnings => "warnings",
            Verdict::Errors => "errors",
        }
    }
}

/// One claim file of the portfolio.
#[derive(Debug, Clone)]
pub struct ClaimStatus {
    /// The path as `validate` names the file.
    pub path: String,
    /// The file's identity for calendars ([`identity`]): the same file gives
    /// the same event UIDs from whichever folder `status` runs.
    pub id: String,
    pub kind: Option<Kind>,
    pub name: Option<String>,
    /// `None` for a file that cannot be read and a score history.
    pub stage: Option<String>,
    pub verdict: Verdict,
    pub errors: usize,
    pub warnings: usize,
    pub amount: Option<Amount>,
    pub usage_period: Option<String>,
    /// Sorted by date.
    pub deadlines: Vec<Deadline>,
    pub score: Option<ScoreSeries>,
    /// For a file that is not a claim (broken TOML, no `kind`...): its first
    /// error, so the file is listed, never dropped.
    pub unreadable: Option<String>,
}

impl ClaimStatus {
    /// The deadline the table shows: the earliest (passed ones first).
    pub fn next_deadline(&self) -> Option<&Deadline> {
        self.deadlines.first()
    }

    /// The claim's name, or its file name when it has none.
    pub fn title(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.path)
    }
}

/// The whole report.
#[derive(Debug, Clone)]
pub struct Portfolio {
    pub today: NaiveDate,
    /// In the order `validate` lists the files.
    pub claims: Vec<ClaimStatus>,
}

/// The totals line(s) and the JSON `totals`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub claims: usize,
    pub ready: usize,
    pub warnings: usize,
    pub errors: usize,
    pub passed: usize,
    pub due: usize,
    /// Summed per currency, by currency code.
    pub amounts: Vec<Amount>,
}

/// The engine's extractor: what `status` needs of a claim, taken while it
/// is at hand.
pub fn facts(ctx: &RuleCtx<'_>) -> Facts {
    let text = |v: Option<&crate::decode::Sp<String>>| {
        v.map(|s| s.value.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let (name, stage, amount, usage_period, score) = match ctx.claim {
        Claim::Cpor(c) => {
            let stage = c.status.as_ref().and_then(|s| s.stage.as_ref());
            let stage = stage.map(|s| s.value.as_str().to_string());
            (text(c.claim_name.as_ref()), stage, None, None, None)
        }
        Claim::Plfunding(c) => {
            let stage = c.status.as_ref().and_then(|s| s.stage.as_ref());
            let stage = stage.map(|s| s.value.as_str().to_string());
            (text(c.claim_name.as_ref()), stage, None, None, None)
        }
        Claim::Coop(c) => {
            let activity = c.activity.as_ref();
            let amount = activity
                .and_then(|a| a.claimed_amount.as_ref())
                .map(|a| Amount {
                    value: a.value,
                    currency: c
                        .currency
                        .as_ref()
                        .map_or(String::new(), |c| c.value.trim().to_uppercase()),
                });
            let name = text(activity.and_then(|a| a.name.as_ref()));
            (name, None, amount, text(c.usage_period.as_ref()), None)
        }
        // A history has no stage: not a claim, nothing is submitted.
        Claim::Score(h) => (Some(score_name(h)), None, None, None, score_series(ctx, h)),
        // A planned order has no stage either: it is placed, not claimed.
        Claim::Por(o) => (text(o.order.as_ref()), None, None, None, None),
    };
    let is_claim = !matches!(ctx.claim, Claim::Score(_) | Claim::Por(_));
    Facts {
        name,
        stage: stage.or_else(|| is_claim.then(|| "draft".to_string())),
        amount,
        usage_period,
        deadlines: deadline::for_claim(ctx),
        score,
    }
}

/// `Modern Work · PartnerID 4871236`.
fn score_name(h: &crate::kinds::score::model::ScoreHistory) -> String {
    let area = h
        .solution_area
        .as_ref()
        .map_or("Partner Capability Score", |a| a.value.title());
    match &h.partner_id {
        Some(id) => format!("{area} · PartnerID {}", id.value.trim()),
        None => area.to_string(),
    }
}

fn score_series(
    ctx: &RuleCtx<'_>,
    h: &crate::kinds::score::model::ScoreHistory,
) -> Option<ScoreSeries> {
    let e = evaluate(h, ctx.env.today, &ctx.env.config.score, &[]).ok()?;
    Some(ScoreSeries {
        threshold: e.threshold_points,
        months: e
            .months
            .iter()
            .map(|m| ScoreMonth {
                month: m.month,
                points: m.points,
                eligible: m.eligible,
                pending: m.pending,
            })
            .collect(),
    })
}

impl Portfolio {
    /// Joins the engine's report with the facts taken from each claim.
    /// `within`: keep only deadlines up to that many days ahead (and all
    /// passed ones).
    pub fn build(
        report: &Report,
        facts: Vec<Option<Facts>>,
        env: &Env,
        within: Option<u32>,
    ) -> Portfolio {
        let today = env.today;
        let claims = report
            .files
            .iter()
            .zip(facts)
            .map(|(file, facts)| {
                let mut status = claim_status(file, facts, today, within);
                status.id = identity(env, &file.source);
                status
            })
            .collect();
        Portfolio { today, claims }
    }

    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            claims: self.claims.len(),
            ..Totals::default()
        };
        let mut sums: BTreeMap<&str, Decimal> = BTreeMap::new();
        for c in &self.claims {
            match c.verdict {
                Verdict::Ready => t.ready += 1,
                Verdict::Warnings => t.warnings += 1,
                Verdict::Errors => t.errors += 1,
            }
            t.passed += c
                .deadlines
                .iter()
                .filter(|d| d.level == Level::Passed)
                .count();
            t.due += c.deadlines.iter().filter(|d| d.level == Level::Due).count();
            if let Some(a) = &c.amount {
                let sum = sums.entry(&a.currency).or_default();
                *sum = sum.saturating_add(a.value);
            }
        }
        t.amounts = sums
            .into_iter()
            .map(|(currency, value)| Amount {
                value,
                currency: currency.to_string(),
            })
            .collect();
        t
    }

    /// Exit 1: a deadline has passed or a claim has an error.
    pub fn needs_attention(&self) -> bool {
        self.claims.iter().any(|c| {
            c.verdict == Verdict::Errors || c.deadlines.iter().any(|d| d.level == Level::Passed)
        })
    }

    /// The claims in the order of their next deadline (passed first, then
    /// soonest; claims without a deadline last, by path).
    pub fn by_next_deadline(&self) -> Vec<&ClaimStatus> {
        let mut claims: Vec<&ClaimStatus> = self.claims.iter().collect();
        claims.sort_by_key(|c| {
            (
                c.next_deadline().map_or(NaiveDate::MAX, |d| d.date),
                &c.path,
            )
        });
        claims
    }

    /// Every deadline with its claim, by date.
    pub fn deadlines(&self) -> Vec<(&Deadline, &ClaimStatus)> {
        let mut all: Vec<_> = self
            .claims
            .iter()
            .flat_map(|c| c.deadlines.iter().map(move |d| (d, c)))
            .collect();
        all.sort_by_key(|(d, c)| (d.date, &c.path, d.rule));
        all
    }
}

/// A claim file's identity for calendar UIDs: its path from the workspace
/// root (the folder of the `claimtool.toml` in use), so running `status` from
/// another folder, or naming the file another way, gives the same events;
/// its canonical path when there is no workspace or the file is outside it;
/// the path as named when it cannot be resolved.
fn identity(env: &Env, source: &crate::source::SourceFile) -> String {
    let Some(real) = env.workspace.canonical(&source.path) else {
        return source.display.clone();
    };
    let root = env
        .config
        .workspace_dir()
        .and_then(|dir| env.workspace.canonical(&dir));
    let shown = match root.as_deref().map(|root| real.strip_prefix(root)) {
        Some(Ok(relative)) => relative,
        _ => real.as_path(),
    };
    // `/` whatever the platform, so a calendar made on Windows and one made
    // on Linux agree.
    shown
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn claim_status(
    file: &FileReport,
    facts: Option<Facts>,
    today: NaiveDate,
    within: Option<u32>,
) -> ClaimStatus {
    let count = |s: Severity| file.findings.iter().filter(|f| f.severity == s).count();
    let verdict = match file.status() {
        Status::Ok => Verdict::Ready,
        Status::Warning => Verdict::Warnings,
        Status::Error => Verdict::Errors,
    };
    let unreadable = facts.is_none().then(|| {
        file.findings
            .iter()
            .find(|f| f.severity == Severity::Error)
            .or(file.findings.first())
            .map_or_else(|| "not a claim".to_string(), |f| f.message.clone())
    });
    let facts = facts.unwrap_or(Facts {
        name: None,
        stage: None,
        amount: None,
        usage_period: None,
        deadlines: Vec::new(),
        score: None,
    });
    let deadlines = facts
        .deadlines
        .into_iter()
        .map(|d| Deadline {
            level: Level::of(today, d.date),
            date: d.date,
            what: d.what,
            rule: d.rule,
            help: d.help,
        })
        .filter(|d| {
            within.is_none_or(|w| {
                d.level == Level::Passed || days_left(today, d.date) <= i64::from(w)
            })
        })
        .collect();
    ClaimStatus {
        path: file.source.display.clone(),
        id: file.source.display.clone(),
        kind: file.kind,
        name: facts.name,
        stage: facts.stage,
        verdict,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        amount: facts.amount,
        usage_period: facts.usage_period,
        deadlines,
        score: facts.score,
        unreadable,
    }
}

/// `in 14 days`, `today`, `tomorrow`, `3 days ago`.
pub fn relative(today: NaiveDate, date: NaiveDate) -> String {
    match days_left(today, date) {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "1 day ago".to_string(),
        n if n < 0 => format!("{} days ago", -n),
        n => format!("in {n} days"),
    }
}
