//! Partner Capability Score eligibility for Microsoft Commerce Incentives:
//! the computation behind `claimtool score` (see docs/score.md).
//!
//! Data flow: a decoded [`ScoreHistory`] (already checked by the `score-`
//! rules), "today", the `[score]` thresholds of `claimtool.toml` and the
//! what-if [`PlanEntry`]s go into [`evaluate`], a pure function. It returns
//! an [`Eligibility`] that serialises to exactly the JSON of spec/cli.md
//! and knows the one sentence the human output ends with. The CLI only
//! prints it. [`import`](super::import) turns a CSV scoring history into the same TOML
//! file that [`write`](super::write) renders for the wizard.
//!
//! The rule (guide, "Partner Capability Score"; F§4): month M is eligible
//! when (a Solutions Partner designation for the area in M, or the best
//! month in M's window reaches the points threshold) AND the CSP revenue of
//! M and the 11 months before it reaches the revenue threshold. M's window
//! is M and the five full calendar months before it. Missing months count
//! as zero points and zero revenue.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Serialize, Serializer};

use crate::config::ScoreSettings;
use crate::kinds::score::model::{ScoreArea, ScoreHistory};

pub use super::year_month::YearMonth;

/// Months in a window: the month itself and the five before it.
pub const WINDOW_MONTHS: i32 = 6;
/// Months in the trailing revenue sum: the month and the eleven before it.
pub const REVENUE_MONTHS: i32 = 12;
/// The most points a solution area has (F§4.1).
pub const MAX_POINTS: Decimal = Decimal::from_parts(100, 0, 0, false, 0);
/// Points a Solutions Partner designation needs (F§4.2).
pub const DESIGNATION_POINTS: Decimal = Decimal::from_parts(70, 0, 0, false, 0);

/// How far ahead `--plan` may reach: two years of what-if.
pub const MAX_PLAN_MONTHS_AHEAD: i32 = 24;

/// One `--plan MONTH=POINTS`: a hypothetical month's best score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanEntry {
    pub month: YearMonth,
    pub points: Decimal,
}

impl FromStr for PlanEntry {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (month, points) = s
            .split_once('=')
            .ok_or_else(|| format!("\"{s}\" is not MONTH=POINTS, e.g. 2026-12=30"))?;
        let month: YearMonth = month.parse()?;
        let points = crate::decode::parse_decimal(points).ok_or_else(|| {
            format!(
                "\"{}\" is not a number of points, e.g. 30 or 27.5",
                points.trim()
            )
        })?;
        if points < Decimal::ZERO || points > MAX_POINTS {
            return Err(format!("{points} points: a month scores 0 to {MAX_POINTS}"));
        }
        Ok(PlanEntry { month, points })
    }
}

/// The verdict for one month (one row of the table, one `months[]` entry).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthVerdict {
    pub month: YearMonth,
    /// The month's own points (the plan's when it plans higher).
    #[serde(serialize_with = "number")]
    pub points: Decimal,
    /// First and last month of the window.
    pub window: [YearMonth; 2],
    #[serde(serialize_with = "number")]
    pub best_in_window: Decimal,
    #[serde(serialize_with = "money")]
    pub ttm_revenue_usd: Decimal,
    pub points_ok: bool,
    pub revenue_ok: bool,
    pub designation: bool,
    pub eligible: bool,
    /// Not in the history: counted as zero points and zero revenue.
    #[serde(skip_serializing_if = "is_false")]
    pub missing: bool,
    /// Points come from `--plan`.
    #[serde(skip_serializing_if = "is_false")]
    pub planned: bool,
    /// The current month while the history has no entry for it: its scores
    /// are not final until Partner Center publishes them, so it is shown
    /// without figures and the verdict is the month before's. The figures
    /// above are those of a month that scores nothing (what the projections
    /// of `eligible_through` assume), and are not serialised.
    #[serde(skip_serializing_if = "is_false")]
    pub pending: bool,
}

/// What `claimtool score` reports: the JSON document of spec/cli.md.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Eligibility {
    pub version: u32,
    pub partner_id: Option<String>,
    pub solution_area: Option<ScoreArea>,
    pub today: NaiveDate,
    #[serde(serialize_with = "number")]
    pub threshold_points: Decimal,
    #[serde(serialize_with = "money")]
    pub threshold_revenue_usd: Decimal,
    /// From the first month of the history (or the current month) through
    /// the later of the current month and the last planned month.
    #[serde(serialize_with = "months_json")]
    pub months: Vec<MonthVerdict>,
    /// The month the verdict is for: the current month when the history
    /// has it, else the last complete month (the current one is pending).
    pub verdict_month: YearMonth,
    pub eligible_now: bool,
    /// The last month of the unbroken eligible run that starts now, if no
    /// month beyond the history and the plan scores and revenue stays at
    /// the current trailing-12-month level; `None` when not eligible now.
    pub eligible_through: Option<YearMonth>,
    pub designation_ready: bool,
    /// The current month (the month of `today`).
    #[serde(skip)]
    pub now: YearMonth,
    /// The last month of the unbroken run from now in which the points
    /// alone meet the threshold (revenue and designation aside).
    #[serde(skip)]
    pub points_through: Option<YearMonth>,
    /// When not eligible now: the first eligible run the plan brings.
    #[serde(skip)]
    pub planned_run: Option<(YearMonth, YearMonth)>,
    #[serde(skip)]
    pub has_plan: bool,
}

/// One month of input after the history and the plan are merged.
#[derive(Debug, Clone, Copy)]
struct Slot {
    points: Decimal,
    revenue: Decimal,
    designation: bool,
    recorded: bool,
    planned: bool,
    /// Meets the Solutions Partner condition (needs `metrics`).
    designation_ready: bool,
}

/// Computes the eligibility of every month. `Err` is a plan that cannot
/// apply (a month before the current one, or given twice) or a threshold
/// that makes no sense (points 0 or less, negative revenue), for the CLI to
/// report as a command that cannot run.
pub fn evaluate(
    history: &ScoreHistory,
    today: NaiveDate,
    settings: &ScoreSettings,
    plan: &[PlanEntry],
) -> Result<Eligibility, String> {
    check_thresholds(settings)?;
    let now = YearMonth::of(today);
    let area = history.solution_area.as_ref().map(|a| a.value);
    let mut slots = recorded_slots(history, area);
    let first_recorded = slots.keys().next().copied();
    apply_plan(&mut slots, plan, now)?;

    // The current month is pending while nothing gives its scores (the
    // history, or a plan for it): the verdict is the last complete month's.
    let pending = !slots.contains_key(&now);
    let verdict_month = if pending { now.plus(-1) } else { now };
    let calc = Calc {
        slots: &slots,
        revenue_until: verdict_month,
        pending: pending.then_some(now),
        settings,
    };
    // The table starts at the verdict's month at the latest, so the month
    // the verdict is for is always a row.
    let first = first_recorded.map_or(verdict_month, |f| f.min(verdict_month));
    let last = slots.keys().next_back().map_or(now, |l| (*l).max(now));
    let months: Vec<MonthVerdict> = first.through(last).map(|m| calc.verdict(m)).collect();

    // Past `last` nothing scores, so every run has ended a window later.
    let horizon = last.plus(WINDOW_MONTHS);
    let run_from = |start: YearMonth, ok: &dyn Fn(&MonthVerdict) -> bool| {
        let mut end = start;
        while end < horizon && ok(&calc.verdict(end.plus(1))) {
            end = end.plus(1);
        }
        end
    };
    let current = calc.verdict(verdict_month);
    let eligible_through = current
        .eligible
        .then(|| run_from(verdict_month, &|v| v.eligible));
    let points_through = current
        .points_ok
        .then(|| run_from(verdict_month, &|v| v.points_ok));
    let planned_run = if current.eligible {
        None
    } else {
        verdict_month
            .plus(1)
            .through(horizon)
            .find(|m| calc.verdict(*m).eligible)
            .map(|start| (start, run_from(start, &|v| v.eligible)))
    };
    let designation_ready = verdict_month
        .plus(1 - WINDOW_MONTHS)
        .through(verdict_month)
        .any(|m| slots.get(&m).is_some_and(|s| s.designation_ready));

    Ok(Eligibility {
        version: 1,
        partner_id: history
            .partner_id
            .as_ref()
            .map(|p| p.value.trim().to_string()),
        solution_area: area,
        today,
        threshold_points: settings.threshold_points,
        threshold_revenue_usd: settings.threshold_revenue_usd,
        months,
        verdict_month,
        eligible_now: current.eligible,
        eligible_through,
        designation_ready,
        now,
        points_through,
        planned_run,
        has_plan: !plan.is_empty(),
    })
}

/// Thresholds that make sense. Checked here rather than in the config
/// reader: a threshold of 0 would make every month qualify and the verdict
/// meaningless.
fn check_thresholds(settings: &ScoreSettings) -> Result<(), String> {
    if settings.threshold_points <= Decimal::ZERO {
        return Err(format!(
            "claimtool.toml [score] threshold_points must be above 0, not {}",
            settings.threshold_points
        ));
    }
    if settings.threshold_revenue_usd < Decimal::ZERO {
        return Err(format!(
            "claimtool.toml [score] threshold_revenue_usd must be 0 or more, not {}",
            settings.threshold_revenue_usd
        ));
    }
    Ok(())
}

/// The history's months as slots (the first of a duplicated month counts;
/// `score-month` reports the rest).
fn recorded_slots(history: &ScoreHistory, area: Option<ScoreArea>) -> BTreeMap<YearMonth, Slot> {
    let mut slots: BTreeMap<YearMonth, Slot> = BTreeMap::new();
    for m in &history.months {
        let Some(month) = m
            .month
            .as_ref()
            .and_then(|s| YearMonth::parse(s.value.trim()))
        else {
            continue; // score-month reports it
        };
        // A duplicate month is a score-month error; the first one counts.
        if slots.contains_key(&month) {
            continue;
        }
        let points = m.points().unwrap_or(Decimal::ZERO);
        let designation_ready = points >= DESIGNATION_POINTS
            && m.metrics
                .as_ref()
                .zip(area)
                .is_some_and(|(metrics, area)| metrics.all_above_zero(area));
        slots.insert(
            month,
            Slot {
                points,
                revenue: m
                    .csp_revenue_usd
                    .as_ref()
                    .map_or(Decimal::ZERO, |r| r.value),
                designation: m.designation.as_ref().is_some_and(|d| d.value),
                recorded: true,
                planned: false,
                designation_ready,
            },
        );
    }
    slots
}

/// Merges the what-if plan into the slots; `Err` for a plan that cannot
/// apply (before the current month, too far ahead, or a month twice).
fn apply_plan(
    slots: &mut BTreeMap<YearMonth, Slot>,
    plan: &[PlanEntry],
    now: YearMonth,
) -> Result<(), String> {
    let mut planned_months = Vec::new();
    for entry in plan {
        if entry.month < now {
            return Err(format!(
                "--plan {}={}: {} is before the current month ({now}); plan the current month or later",
                entry.month, entry.points, entry.month
            ));
        }
        // A plan is about the coming months; years ahead would only print
        // a table of thousands of empty months.
        if entry.month > now.plus(MAX_PLAN_MONTHS_AHEAD) {
            return Err(format!(
                "--plan {}={}: plans reach at most {MAX_PLAN_MONTHS_AHEAD} months ahead (to {})",
                entry.month,
                entry.points,
                now.plus(MAX_PLAN_MONTHS_AHEAD)
            ));
        }
        if planned_months.contains(&entry.month) {
            return Err(format!("--plan names {} twice", entry.month));
        }
        planned_months.push(entry.month);
        let slot = slots.entry(entry.month).or_insert(Slot {
            points: Decimal::ZERO,
            revenue: Decimal::ZERO,
            designation: false,
            recorded: false,
            planned: false,
            designation_ready: false,
        });
        // A month holds its best score: a plan below the record changes nothing.
        slot.points = slot.points.max(entry.points);
        slot.planned = true;
    }
    Ok(())
}

struct Calc<'a> {
    slots: &'a BTreeMap<YearMonth, Slot>,
    /// The last month whose revenue is known: after it, revenue is assumed
    /// to stay at its trailing-12-month level.
    revenue_until: YearMonth,
    /// The current month, when it is pending.
    pending: Option<YearMonth>,
    settings: &'a ScoreSettings,
}

impl Calc<'_> {
    fn points(&self, m: YearMonth) -> Decimal {
        self.slots.get(&m).map_or(Decimal::ZERO, |s| s.points)
    }

    /// M and the eleven months before it; after the last month with known
    /// revenue (the current one, or the one before while it is pending) the
    /// revenue is assumed to stay at that month's level.
    fn ttm_revenue(&self, m: YearMonth) -> Decimal {
        let m = m.min(self.revenue_until);
        m.plus(1 - REVENUE_MONTHS)
            .through(m)
            .filter_map(|x| self.slots.get(&x))
            // Saturating: an absurd figure must not overflow the sum.
            .fold(Decimal::ZERO, |sum, s| sum.saturating_add(s.revenue))
    }

    fn verdict(&self, m: YearMonth) -> MonthVerdict {
        let start = m.plus(1 - WINDOW_MONTHS);
        let best = start
            .through(m)
            .map(|x| self.points(x))
            .max()
            .unwrap_or(Decimal::ZERO);
        let ttm = self.ttm_revenue(m);
        let slot = self.slots.get(&m);
        let designation = slot.is_some_and(|s| s.designation);
        let points_ok = best >= self.settings.threshold_points;
        let revenue_ok = ttm >= self.settings.threshold_revenue_usd;
        MonthVerdict {
            month: m,
            points: self.points(m),
            window: [start, m],
            best_in_window: best,
            ttm_revenue_usd: ttm,
            points_ok,
            revenue_ok,
            designation,
            eligible: (designation || points_ok) && revenue_ok,
            missing: !slot.is_some_and(|s| s.recorded),
            planned: slot.is_some_and(|s| s.planned),
            pending: self.pending == Some(m),
        }
    }
}

impl Eligibility {
    /// The verdict's month ([`Eligibility::verdict_month`]).
    pub fn current(&self) -> Option<&MonthVerdict> {
        self.months.iter().find(|m| m.month == self.verdict_month)
    }

    /// One plain paragraph: where the partner stands and what to do, with
    /// dates (the last line of the human output).
    pub fn summary(&self) -> String {
        let Some(now) = self.current() else {
            return String::new();
        };
        let points = fmt_points(self.threshold_points);
        let revenue = fmt_usd(self.threshold_revenue_usd);
        let best = fmt_points(now.best_in_window);
        let mut text = String::new();
        match self.eligible_through {
            Some(through) if !now.points_ok && through == self.verdict_month => {
                let _ = write!(
                    text,
                    "Eligible in {through} on the Solutions Partner designation alone (best score in \
                     the window is {best}, needs {points}). Keep the designation, or reach {points} \
                     points in any month by {}, to stay eligible.",
                    through.long_name()
                );
            }
            Some(through) => {
                let _ = write!(
                    text,
                    "{}ligible through {through}. Reach {points} points in any month by {} to stay eligible.",
                    if self.has_plan {
                        "With the plan, e"
                    } else {
                        "E"
                    },
                    through.long_name()
                );
            }
            None => {
                let mut why = Vec::new();
                if !now.points_ok && !now.designation {
                    why.push(format!(
                        "best score in the window is {best} (needs {points})"
                    ));
                }
                if !now.revenue_ok {
                    why.push(format!(
                        "trailing-12-month revenue is USD {} (needs {revenue})",
                        fmt_usd(now.ttm_revenue_usd)
                    ));
                }
                let _ = write!(text, "Not eligible: {}.", why.join("; "));
                let points_short = !now.points_ok && !now.designation;
                match (points_short, now.revenue_ok) {
                    (true, false) => {
                        let _ = write!(
                            text,
                            " Reach {points} points in a month and bring trailing-12-month CSP \
                             revenue to USD {revenue} to become eligible."
                        );
                    }
                    (true, true) => {
                        let _ = write!(
                            text,
                            " Reach {points} points in any month to become eligible."
                        );
                    }
                    (false, _) => match self.points_through {
                        Some(until) => {
                            let _ = write!(
                                text,
                                " {}he points hold through {until}: bring trailing-12-month CSP \
                                 revenue to USD {revenue} by {} to use them.",
                                if self.has_plan {
                                    "With the plan, t"
                                } else {
                                    "T"
                                },
                                until.long_name()
                            );
                        }
                        None => {
                            let _ = write!(
                                text,
                                " Bring trailing-12-month CSP revenue to USD {revenue} to become eligible."
                            );
                        }
                    },
                }
                if let Some((from, to)) = self.planned_run {
                    let _ = write!(text, " With the plan, eligible from {from} through {to}.");
                } else if self.has_plan {
                    text.push_str(" The plan does not make any month eligible.");
                }
            }
        }
        if self.designation_ready {
            text.push_str(
                " A month in the window meets the Solutions Partner designation condition \
                 (70 points, every metric above zero).",
            );
        }
        text
    }
}

/// Points as people write them: `25`, `25.5`, `24.99`.
pub fn fmt_points(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Dollars with thousands separators and cents: `21,300.00`.
pub fn fmt_usd(d: Decimal) -> String {
    let text = format!("{:.2}", d.round_dp(2));
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |t| ("-", t));
    let (whole, cents) = digits.split_once('.').unwrap_or((digits, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{cents}")
}

/// A JSON number: an integer when whole (`25`), else the decimal's
/// shortest float form (`25.5`), as in the spec's example.
fn number<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    let d = d.normalize();
    if d.scale() == 0
        && let Some(i) = d.to_i64()
    {
        return s.serialize_i64(i);
    }
    match d.to_f64() {
        Some(f) => s.serialize_f64(f),
        None => s.collect_str(&d),
    }
}

/// Money as a string with two decimals (`"31000.00"`).
fn money<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&format_args!("{:.2}", d.round_dp(2)))
}

/// `months`: a pending month is only its month and `"pending": true` (no
/// figures: it has none yet).
fn months_json<S: Serializer>(months: &[MonthVerdict], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Pending {
        month: YearMonth,
        pending: bool,
    }
    #[derive(Serialize)]
    #[serde(untagged)]
    enum Row<'a> {
        Pending(Pending),
        Month(&'a MonthVerdict),
    }
    s.collect_seq(months.iter().map(|m| {
        if m.pending {
            Row::Pending(Pending {
                month: m.month,
                pending: true,
            })
        } else {
            Row::Month(m)
        }
    }))
}

fn is_false(b: &bool) -> bool {
    !b
}

#[cfg(test)]
mod tests;
