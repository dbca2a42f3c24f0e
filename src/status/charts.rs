//! The charts of the status page, drawn with plotters' SVG backend into
//! strings the page inlines: the 90-day timeline of deadlines, the co-op
//! money by usage period (one chart per currency), and each score history's
//! monthly points against the threshold.
//!
//! Money and points stay exact decimals everywhere else; they become `f64`
//! here only as drawing coordinates. Every text drawn (claim names, usage
//! periods) is escaped by the SVG backend. The root `<svg>` is given
//! `width="100%"` over its `viewBox` so it scales with the page.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use plotters::coord::Shift;
use plotters::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{Level, Portfolio, ScoreSeries};

/// Days the timeline shows from today.
pub const TIMELINE_DAYS: i64 = 90;
/// Labels drawn on the timeline at most (each day's marks are one mark).
const MAX_LABELS: usize = 24;

const PASSED: RGBColor = RGBColor(0xa4, 0x00, 0x00);
const DUE: RGBColor = RGBColor(0xc0, 0x6a, 0x00);
const UPCOMING: RGBColor = RGBColor(0x1f, 0x5f, 0xa8);
const ELIGIBLE: RGBColor = RGBColor(0x2e, 0x7d, 0x32);
const NOT_ELIGIBLE: RGBColor = RGBColor(0x9e, 0x9e, 0x9e);
const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);

pub fn level_color(level: Level) -> RGBColor {
    match level {
        Level::Passed => PASSED,
        Level::Due => DUE,
        Level::Upcoming => UPCOMING,
    }
}

type Drawn = Result<(), Box<dyn std::error::Error>>;

/// Draws into an SVG string of `size`; `None` if plotters fails (the page
/// then says the chart could not be drawn).
fn svg(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Drawn,
) -> Option<String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        root.fill(&WHITE).ok()?;
        draw(&root).ok()?;
        root.present().ok()?;
    }
    let fixed = format!("width=\"{}\" height=\"{}\"", size.0, size.1);
    Some(out.replacen(&fixed, "width=\"100%\" role=\"img\"", 1))
}

/// One mark of the timeline: a day, its worst level, how many deadlines
/// and the first claim's name.
struct Mark {
    day: i64,
    level: Level,
    count: usize,
    label: String,
}

/// The deadlines from today to [`TIMELINE_DAYS`] ahead, one mark per day.
pub fn timeline(p: &Portfolio) -> Option<String> {
    let mut days: BTreeMap<i64, Mark> = BTreeMap::new();
    for (d, c) in p.deadlines() {
        let day = (d.date - p.today).num_days();
        if !(0..=TIMELINE_DAYS).contains(&day) {
            continue;
        }
        let mark = days.entry(day).or_insert_with(|| Mark {
            day,
            level: d.level,
            count: 0,
            label: short(c.title(), 28),
        });
        mark.count += 1;
        mark.level = mark.level.min(d.level);
    }
    let marks: Vec<Mark> = days.into_values().collect();
    let lanes = 4;
    let today = p.today;
    svg((960, 280), |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .margin_left(24)
            .margin_right(170)
            .x_label_area_size(28)
            .build_cartesian_2d(0i64..TIMELINE_DAYS, 0i64..lanes + 1)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .disable_y_axis()
            .x_labels(10)
            .x_label_formatter(&|d| day_label(today, *d))
            .x_label_style(("sans-serif", 13).into_font().color(&INK))
            .light_line_style(TRANSPARENT)
            .bold_line_style(RGBColor(0xe4, 0xe4, 0xe4))
            .draw()?;
        let lane = |i: usize| 1 + (i as i64 % lanes);
        chart.draw_series(marks.iter().enumerate().map(|(i, m)| {
            PathElement::new(
                vec![(m.day, 0), (m.day, lane(i))],
                level_color(m.level).stroke_width(1),
            )
        }))?;
        chart.draw_series(
            marks
                .iter()
                .enumerate()
                .map(|(i, m)| Circle::new((m.day, lane(i)), 6, level_color(m.level).filled())),
        )?;
        let font = ("sans-serif", 13).into_font().color(&INK);
        chart.draw_series(marks.iter().enumerate().take(MAX_LABELS).map(|(i, m)| {
            let text = if m.count > 1 {
                format!("{} (+{})", m.label, m.count - 1)
            } else {
                m.label.clone()
            };
            EmptyElement::at((m.day, lane(i)))
                + Text::new(text, (10, 0), font.clone().pos(text_pos()))
        }))?;
        Ok(())
    })
}

/// Labels start just right of their mark.
fn text_pos() -> plotters::style::text_anchor::Pos {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    Pos::new(HPos::Left, VPos::Center)
}

fn day_label(today: NaiveDate, offset: i64) -> String {
    (today + chrono::Duration::days(offset))
        .format("%d %b")
        .to_string()
}

/// At most `n` characters, with an ellipsis when cut.
pub fn short(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(n - 1).collect();
    cut.push('…');
    cut
}

/// Co-op money by usage period, one chart per currency: (currency, svg).
pub fn coop_money(p: &Portfolio) -> Vec<(String, Option<String>)> {
    let mut by_currency: BTreeMap<&str, BTreeMap<&str, Decimal>> = BTreeMap::new();
    for c in &p.claims {
        let Some(a) = &c.amount else { continue };
        let period = c.usage_period.as_deref().unwrap_or("no period");
        let sum = by_currency
            .entry(&a.currency)
            .or_default()
            .entry(period)
            .or_default();
        *sum = sum.saturating_add(a.value);
    }
    by_currency
        .into_iter()
        .map(|(currency, periods)| {
            let bars: Vec<(String, Decimal)> = periods
                .into_iter()
                .map(|(p, v)| (p.to_string(), v))
                .collect();
            (currency.to_string(), money_chart(currency, &bars))
        })
        .collect()
}

fn money_chart(currency: &str, bars: &[(String, Decimal)]) -> Option<String> {
    let max = bars.iter().map(|(_, v)| coordinate(*v)).fold(1.0, f64::max) * 1.2;
    let labels: Vec<&str> = bars.iter().map(|(p, _)| p.as_str()).collect();
    svg((960, 260), |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(80)
            .build_cartesian_2d(labels.as_slice().into_segmented(), 0f64..max)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(labels.len())
            .x_label_formatter(&segment_label)
            .y_label_formatter(&|v| format!("{v:.0}"))
            .light_line_style(TRANSPARENT)
            .y_desc(currency)
            .label_style(("sans-serif", 13).into_font().color(&INK))
            .draw()?;
        chart.draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
            let mut bar = Rectangle::new(
                [
                    (segment(&labels, i), 0.0),
                    (segment(&labels, i + 1), coordinate(*v)),
                ],
                UPCOMING.mix(0.85).filled(),
            );
            bar.set_margin(0, 0, 30, 30);
            bar
        }))?;
        chart.draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
            EmptyElement::at((SegmentValue::CenterOf(&labels[i]), coordinate(*v)))
                + Text::new(
                    crate::money::format(*v, currency),
                    (0, -12),
                    ("sans-serif", 13).into_font().color(&INK).pos(centered()),
                )
        }))?;
        Ok(())
    })
}

/// The left edge of the `i`th segment (the right edge of the last one
/// past the end).
fn segment<'a>(labels: &'a [&'a str], i: usize) -> SegmentValue<&'a &'a str> {
    labels
        .get(i)
        .map_or(SegmentValue::Last, SegmentValue::Exact)
}

/// A segment's label under its middle.
fn segment_label(v: &SegmentValue<&&str>) -> String {
    match v {
        SegmentValue::CenterOf(label) => (**label).to_string(),
        _ => String::new(),
    }
}

fn centered() -> plotters::style::text_anchor::Pos {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    Pos::new(HPos::Center, VPos::Center)
}

/// A drawing coordinate (never used for sums or display).
fn coordinate(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// A score history's months: a bar per month (green when eligible), the
/// threshold as a red line, pending months left empty.
pub fn score(series: &ScoreSeries) -> Option<String> {
    let months = &series.months;
    let threshold = coordinate(series.threshold);
    let top = months
        .iter()
        .map(|m| coordinate(m.points))
        .fold(threshold, f64::max)
        * 1.15;
    let labels: Vec<String> = months.iter().map(|m| m.month.to_string()).collect();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    svg((960, 260), |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(48)
            .build_cartesian_2d(labels.as_slice().into_segmented(), 0f64..top)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(labels.len().min(24))
            .x_label_formatter(&segment_label)
            .y_label_formatter(&|v| format!("{v:.0}"))
            .light_line_style(TRANSPARENT)
            .y_desc("points")
            .label_style(("sans-serif", 12).into_font().color(&INK))
            .draw()?;
        chart.draw_series(months.iter().enumerate().filter(|(_, m)| !m.pending).map(
            |(i, m)| {
                let color = if m.eligible { ELIGIBLE } else { NOT_ELIGIBLE };
                let mut bar = Rectangle::new(
                    [
                        (segment(&labels, i), 0.0),
                        (segment(&labels, i + 1), coordinate(m.points)),
                    ],
                    color.filled(),
                );
                bar.set_margin(0, 0, 6, 6);
                bar
            },
        ))?;
        chart.draw_series(months.iter().enumerate().filter(|(_, m)| m.eligible).map(
            |(i, _)| {
                EmptyElement::at((SegmentValue::CenterOf(&labels[i]), top * 0.95))
                    + Text::new(
                        "✓",
                        (0, 0),
                        ("sans-serif", 14)
                            .into_font()
                            .color(&ELIGIBLE)
                            .pos(centered()),
                    )
            },
        ))?;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![
                (segment(&labels, 0), threshold),
                (SegmentValue::Last, threshold),
            ],
            PASSED.stroke_width(2),
        )))?;
        Ok(())
    })
}
