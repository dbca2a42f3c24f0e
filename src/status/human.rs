//! The human report's content: one row per claim, in the order of its next
//! deadline, and the totals lines. The CLI lays the rows out as a table
//! (comfy-table lives in `src/cli/`); everything said is decided here.

use super::{ClaimStatus, Level, Portfolio, Totals, Verdict, relative};
use crate::decode::StrEnum;

/// The table's header.
pub const HEADER: [&str; 7] = [
    "next deadline",
    "what",
    "claim",
    "kind",
    "stage",
    "amount",
    "verdict",
];

/// One table row: the cells of [`HEADER`], and the level of the deadline
/// shown (for colour).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub cells: [String; 7],
    pub level: Option<Level>,
    pub verdict: Verdict,
}

/// The rows, sorted by next deadline (passed first, then soonest).
pub fn rows(p: &Portfolio) -> Vec<Row> {
    p.by_next_deadline()
        .into_iter()
        .map(|c| row(p, c))
        .collect()
}

fn row(p: &Portfolio, c: &ClaimStatus) -> Row {
    let next = c.next_deadline();
    let when = next.map_or_else(
        || "-".to_string(),
        |d| format!("{}\n{}", d.date, relative(p.today, d.date)),
    );
    let what = match (&c.unreadable, next) {
        (Some(problem), _) => format!("cannot be read: {problem}"),
        (None, Some(d)) if c.deadlines.len() > 1 => {
            format!("{} (+{} more)", d.what, c.deadlines.len() - 1)
        }
        (None, Some(d)) => d.what.clone(),
        (None, None) => "no dated deadline".to_string(),
    };
    let claim = match &c.name {
        Some(name) => format!("{name}\n{}", c.path),
        None => c.path.clone(),
    };
    Row {
        cells: [
            when,
            what,
            claim,
            c.kind.map_or("-", |k| k.as_str()).to_string(),
            c.stage.clone().unwrap_or_else(|| "-".to_string()),
            c.amount
                .as_ref()
                .map_or_else(|| "-".to_string(), super::Amount::display),
            verdict_text(c),
        ],
        level: next.map(|d| d.level),
        verdict: c.verdict,
    }
}

/// `ready`, `2 warnings`, `1 error, 2 warnings`.
pub fn verdict_text(c: &ClaimStatus) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    match c.verdict {
        Verdict::Ready => "ready".to_string(),
        Verdict::Warnings => plural(c.warnings, "warning"),
        Verdict::Errors if c.warnings == 0 => plural(c.errors, "error"),
        Verdict::Errors => format!(
            "{}, {}",
            plural(c.errors, "error"),
            plural(c.warnings, "warning")
        ),
    }
}

/// The lines under the table.
pub fn totals_lines(t: &Totals) -> Vec<String> {
    let money = if t.amounts.is_empty() {
        "none".to_string()
    } else {
        t.amounts
            .iter()
            .map(super::Amount::display)
            .collect::<Vec<_>>()
            .join(", ")
    };
    vec![
        format!(
            "{} claims: {} ready, {} with warnings, {} with errors",
            t.claims, t.ready, t.warnings, t.errors
        ),
        format!(
            "Deadlines: {} passed, {} due within {} days",
            t.passed,
            t.due,
            super::DUE_DAYS
        ),
        format!("Money at stake (co-op claims): {money}"),
    ]
}
