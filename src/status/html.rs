//! `status --format html`: one self-contained page (inline CSS and SVG, no
//! script, no external asset) from the askama template
//! `templates/status.html`, which escapes every user value; the charts
//! come from [`super::charts`] (plotters, which escapes the text it draws)
//! and are inlined as they are.
//!
//! Sections: summary tiles, the 90-day timeline, co-op money by usage
//! period, one chart per score history, then the table (one row per claim,
//! by next deadline, every deadline of the claim listed). Each chart is a
//! `<figure>` that is never split across printed pages.

use askama::Template;

use super::charts;
use super::{ClaimStatus, Level, Portfolio, Verdict, relative};
use crate::decode::StrEnum;

struct Tile {
    label: String,
    value: String,
    class: &'static str,
}

struct Figure {
    title: String,
    /// The file a score chart is for.
    source: Option<String>,
    /// `None` when plotters could not draw it.
    svg: Option<String>,
    caption: String,
}

struct DeadlineLine {
    date: String,
    relative: String,
    what: String,
    level: &'static str,
}

struct Row {
    level: &'static str,
    name: String,
    path: String,
    deadlines: Vec<DeadlineLine>,
    unreadable: Option<String>,
    kind: &'static str,
    stage: String,
    amount: String,
    verdict: String,
    verdict_class: &'static str,
}

#[derive(Template)]
#[template(path = "status.html")]
struct Page {
    today: String,
    tiles: Vec<Tile>,
    timeline: Figure,
    money: Vec<Figure>,
    scores: Vec<Figure>,
    rows: Vec<Row>,
}

/// The page.
pub fn render(p: &Portfolio) -> Result<String, askama::Error> {
    Page {
        today: p.today.to_string(),
        tiles: tiles(p),
        timeline: Figure {
            title: format!("Deadlines in the next {} days", charts::TIMELINE_DAYS),
            source: None,
            svg: charts::timeline(p),
            caption: timeline_caption(p),
        },
        money: charts::coop_money(p)
            .into_iter()
            .map(|(currency, svg)| Figure {
                title: format!("Co-op money at stake by usage period ({currency})"),
                source: None,
                svg,
                caption: format!(
                    "Claimed amounts of every co-op claim in {currency}, whatever its verdict, summed per usage period."
                ),
            })
            .collect(),
        scores: score_figures(p),
        rows: p.by_next_deadline().into_iter().map(|c| row(p, c)).collect(),
    }
    .render()
}

fn tiles(p: &Portfolio) -> Vec<Tile> {
    let t = p.totals();
    let tile = |label: &str, value: usize, class| Tile {
        label: label.to_string(),
        value: value.to_string(),
        class,
    };
    let mut tiles = vec![
        tile("claims", t.claims, ""),
        tile("ready", t.ready, "ready"),
        tile("with warnings", t.warnings, "warnings"),
        tile("with errors", t.errors, "errors"),
        tile("deadlines passed", t.passed, "passed"),
        tile("due within 14 days", t.due, "due"),
    ];
    for a in &t.amounts {
        tiles.push(Tile {
            label: "co-op money at stake".to_string(),
            value: a.display(),
            class: "money",
        });
    }
    tiles
}

fn timeline_caption(p: &Portfolio) -> String {
    let passed = p.totals().passed;
    let before = match passed {
        0 => "No deadline has passed.".to_string(),
        1 => "1 deadline has passed already: it is at the top of the table.".to_string(),
        n => format!("{n} deadlines have passed already: they are at the top of the table."),
    };
    format!(
        "Red: passed; orange: due within 14 days; blue: later. One mark per day, labelled with \
         the first claim due that day. {before}"
    )
}

fn score_figures(p: &Portfolio) -> Vec<Figure> {
    p.claims
        .iter()
        .filter_map(|c| Some((c, c.score.as_ref()?)))
        .map(|(c, series)| Figure {
            title: format!("Partner Capability Score: {}", c.title()),
            source: Some(c.path.clone()),
            svg: charts::score(series),
            caption: format!(
                "Monthly points; the red line is the {}-point threshold. Green bars and ✓: \
                 eligible months; grey: not eligible; an empty month is pending.",
                series.threshold.normalize()
            ),
        })
        .collect()
}

fn level_class(level: Option<Level>) -> &'static str {
    level.map_or("none", Level::as_str)
}

fn row(p: &Portfolio, c: &ClaimStatus) -> Row {
    Row {
        level: level_class(c.next_deadline().map(|d| d.level)),
        name: c.name.clone().unwrap_or_default(),
        path: c.path.clone(),
        deadlines: c
            .deadlines
            .iter()
            .map(|d| DeadlineLine {
                date: d.date.to_string(),
                relative: relative(p.today, d.date),
                what: d.what.clone(),
                level: d.level.as_str(),
            })
            .collect(),
        unreadable: c.unreadable.clone(),
        kind: c.kind.map_or("-", |k| k.as_str()),
        stage: c.stage.clone().unwrap_or_else(|| "-".to_string()),
        amount: c
            .amount
            .as_ref()
            .map_or_else(|| "-".to_string(), super::Amount::display),
        verdict: super::human::verdict_text(c),
        verdict_class: match c.verdict {
            Verdict::Ready => "ready",
            Verdict::Warnings => "warnings",
            Verdict::Errors => "errors",
        },
    }
}
