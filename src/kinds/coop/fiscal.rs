//! Microsoft fiscal half-years and the co-op claiming window.
//!
//! Microsoft's fiscal year FYnn runs from 1 July 20(nn-1) to 30 June 20nn.
//! Co-op funds are earned in one half-year, used in the next (the *usage
//! period*, written `FY27-H1` in a claim file) and claimed in a window that
//! opens on the 16th of the usage period's second month and closes on the
//! 15th of the second month after it ends (F§2.4–2.5: usage Jul–Dec 2024 →
//! claims Aug 16 2024 – Feb 15 2025; usage Jan–Jun 2024 → Feb 16 – Aug 15
//! 2024; "45 days after the end of the usage period").
//!
//! `coop-usage-period` parses with [`UsagePeriod::parse`]; the period and
//! window rules, the wizard and the co-op `SUBMIT.md` use [`UsagePeriod::start`],
//! [`UsagePeriod::end`] and [`UsagePeriod::claim_window`], so the dates
//! are computed in one place.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};

/// The first or second half of a Microsoft fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Half {
    /// July to December.
    H1,
    /// January to June.
    H2,
}

/// A co-op usage period: fiscal year (two digits, `27` for FY27) and half.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UsagePeriod {
    /// The two-digit fiscal year: 27 for FY27 (July 2026 to June 2027).
    pub fiscal_year: u8,
    pub half: Half,
}

/// The days claims may be submitted, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimWindow {
    pub opens: NaiveDate,
    /// The last day a claim is accepted (still in time).
    pub closes: NaiveDate,
}

/// Where today stands against a claim window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowState {
    /// Before `opens`.
    NotYetOpen,
    /// From `opens` to `closes`, both included.
    Open,
    /// After `closes`.
    Closed,
}

impl ClaimWindow {
    pub fn state(&self, today: NaiveDate) -> WindowState {
        if today < self.opens {
            WindowState::NotYetOpen
        } else if today <= self.closes {
            WindowState::Open
        } else {
            WindowState::Closed
        }
    }
}

/// Why a usage period could not be read, with the canonical spelling when
/// the intent is clear (`fy27-h1`, `FY2027-H1`, `FY27 H1` → `FY27-H1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError {
    pub suggestion: Option<String>,
}

impl UsagePeriod {
    /// Parses exactly `FYnn-H1` or `FYnn-H2` (two digits, upper case, a
    /// hyphen): what Partner Center's usage period list shows.
    pub fn parse(text: &str) -> Result<UsagePeriod, PeriodError> {
        if let Some(p) = Self::parse_strict(text) {
            return Ok(p);
        }
        Err(PeriodError {
            suggestion: Self::parse_loose(text).map(|p| p.to_string()),
        })
    }

    fn parse_strict(text: &str) -> Option<UsagePeriod> {
        let rest = text.strip_prefix("FY")?;
        let (year, half) = rest.split_once("-H")?;
        if year.len() != 2 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let half = match half {
            "1" => Half::H1,
            "2" => Half::H2,
            _ => return None,
        };
        Some(UsagePeriod {
            fiscal_year: year.parse().ok()?,
            half,
        })
    }

    /// A forgiving reading, used only to suggest the right spelling.
    fn parse_loose(text: &str) -> Option<UsagePeriod> {
        let cleaned: String = text
            .trim()
            .to_ascii_uppercase()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_' | '/' | '.'))
            .collect();
        let rest = cleaned.strip_prefix("FY")?;
        let (year, half) = rest.split_once('H')?;
        let year = match year.len() {
            2 => year,
            4 if year.starts_with("20") => &year[2..],
            _ => return None,
        };
        Self::parse_strict(&format!("FY{year}-H{half}"))
    }

    /// The calendar year the fiscal year starts in (2026 for FY27).
    fn first_calendar_year(self) -> i32 {
        2000 + i32::from(self.fiscal_year) - 1
    }

    /// The first day of the period (FY27-H1: 2026-07-01).
    pub fn start(self) -> NaiveDate {
        let (year, month) = match self.half {
            Half::H1 => (self.first_calendar_year(), 7),
            Half::H2 => (self.first_calendar_year() + 1, 1),
        };
        ymd(year, month, 1)
    }

    /// The last day of the period (FY27-H1: 2026-12-31).
    pub fn end(self) -> NaiveDate {
        match self.half {
            Half::H1 => ymd(self.first_calendar_year(), 12, 31),
            Half::H2 => ymd(self.first_calendar_year() + 1, 6, 30),
        }
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        (self.start()..=self.end()).contains(&date)
    }

    /// The usage period a date falls in (2026-09-15 → FY27-H1). `None`
    /// outside FY01..FY99 (years 2000 to 2099).
    pub fn containing(date: NaiveDate) -> Option<UsagePeriod> {
        let (fy, half) = if date.month() >= 7 {
            (date.year() + 1, Half::H1)
        } else {
            (date.year(), Half::H2)
        };
        let fiscal_year = u8::try_from(fy - 2000)
            .ok()
            .filter(|y| (1..=99).contains(y))?;
        Some(UsagePeriod { fiscal_year, half })
    }

    /// The half-year before this one (FY27-H1 → FY26-H2); `None` before FY00-H1.
    pub fn previous(self) -> Option<UsagePeriod> {
        match self.half {
            Half::H2 => Some(UsagePeriod {
                fiscal_year: self.fiscal_year,
                half: Half::H1,
            }),
            Half::H1 => Some(UsagePeriod {
                fiscal_year: self.fiscal_year.checked_sub(1)?,
                half: Half::H2,
            }),
        }
    }

    /// The window for claims against this period's funds: from the 16th
    /// of its second month to the 15th of the second month after it ends
    /// (FY27-H1: 2026-08-16 to 2027-02-15).
    pub fn claim_window(self) -> ClaimWindow {
        let second_month = add_months(self.start(), 1);
        let opens = second_month.with_day(16).unwrap_or(second_month);
        // The period ends on the last day of a month: +1 day is the first
        // of the next month; one more month on is "the second month after".
        let after = add_months(self.end().succ_opt().unwrap_or(self.end()), 1);
        let closes = after.with_day(15).unwrap_or(after);
        ClaimWindow { opens, closes }
    }
}

impl fmt::Display for UsagePeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let half = match self.half {
            Half::H1 => 1,
            Half::H2 => 2,
        };
        write!(f, "FY{:02}-H{half}", self.fiscal_year)
    }
}

impl FromStr for UsagePeriod {
    type Err = PeriodError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UsagePeriod::parse(s)
    }
}

/// Original documents are kept this long after the activity (F§2.6).
pub const RETENTION_MONTHS: u32 = 24;

/// The day until which a co-op activity's original documents must be
/// kept: 24 months after the activity's last day (F§2.6). A 29 February
/// end is kept to 28 February.
pub fn retention_until(activity_end: NaiveDate) -> NaiveDate {
    add_months(activity_end, RETENTION_MONTHS)
}

fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    // Every date built here is a real day (1st, 30 June, 31 December) of a
    // year between 1999 and 2099.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn p(s: &str) -> UsagePeriod {
        UsagePeriod::parse(s).unwrap()
    }

    #[test]
    fn fy27_halves_are_the_documented_dates() {
        assert_eq!(p("FY27-H1").start(), d("2026-07-01"));
        assert_eq!(p("FY27-H1").end(), d("2026-12-31"));
        assert_eq!(p("FY27-H2").start(), d("2027-01-01"));
        assert_eq!(p("FY27-H2").end(), d("2027-06-30"));
    }

    #[test]
    fn claim_windows_match_microsofts_examples() {
        // F§2.4: usage Jul–Dec 2024 (FY25-H1) → claims Aug 16 2024 – Feb 15 2025.
        let w = p("FY25-H1").claim_window();
        assert_eq!((w.opens, w.closes), (d("2024-08-16"), d("2025-02-15")));
        // Usage Jan–Jun 2024 (FY24-H2) → claims Feb 16 – Aug 15 2024.
        let w = p("FY24-H2").claim_window();
        assert_eq!((w.opens, w.closes), (d("2024-02-16"), d("2024-08-15")));
        let w = p("FY27-H1").claim_window();
        assert_eq!((w.opens, w.closes), (d("2026-08-16"), d("2027-02-15")));
        let w = p("FY27-H2").claim_window();
        assert_eq!((w.opens, w.closes), (d("2027-02-16"), d("2027-08-15")));
    }

    #[test]
    fn the_window_is_open_on_its_first_and_last_day() {
        let w = p("FY27-H1").claim_window();
        assert_eq!(w.state(d("2026-08-15")), WindowState::NotYetOpen);
        assert_eq!(w.state(d("2026-08-16")), WindowState::Open);
        assert_eq!(w.state(d("2027-02-15")), WindowState::Open);
        assert_eq!(w.state(d("2027-02-16")), WindowState::Closed);
    }

    #[test]
    fn strict_form_only_with_a_suggestion_for_near_misses() {
        assert_eq!(p("FY27-H2").to_string(), "FY27-H2");
        assert_eq!(p("FY05-H1").to_string(), "FY05-H1");
        for (bad, suggestion) in [
            ("fy27-h1", Some("FY27-H1")),
            ("FY2027-H1", Some("FY27-H1")),
            ("FY27 H2", Some("FY27-H2")),
            ("FY27-H3", None),
            ("2026-H1", None),
            ("FY7-H1", None),
            ("", None),
        ] {
            let err = UsagePeriod::parse(bad).unwrap_err();
            assert_eq!(err.suggestion.as_deref(), suggestion, "{bad}");
        }
    }

    #[test]
    fn periods_step_back_across_fiscal_years() {
        assert_eq!(p("FY27-H1").previous(), Some(p("FY26-H2")));
        assert_eq!(p("FY27-H2").previous(), Some(p("FY27-H1")));
        assert_eq!(p("FY00-H1").previous(), None);
    }

    #[test]
    fn a_date_knows_its_period() {
        assert_eq!(UsagePeriod::containing(d("2026-07-01")), Some(p("FY27-H1")));
        assert_eq!(UsagePeriod::containing(d("2026-12-31")), Some(p("FY27-H1")));
        assert_eq!(UsagePeriod::containing(d("2027-01-01")), Some(p("FY27-H2")));
        assert_eq!(UsagePeriod::containing(d("2027-06-30")), Some(p("FY27-H2")));
        assert_eq!(UsagePeriod::containing(d("1990-01-01")), None);
    }

    #[test]
    fn documents_are_kept_24_months_after_the_activity() {
        assert_eq!(retention_until(d("2026-08-20")), d("2028-08-20"));
        assert_eq!(retention_until(d("2028-02-29")), d("2030-02-28"));
    }
}
