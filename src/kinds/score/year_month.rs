//! Calendar months (`"2026-06"`): the unit of the capability score history,
//! its 6-month window and its 12-month revenue sum.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

/// A calendar month, counted as months since January of year 0 so that
/// adding and comparing months is integer arithmetic.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth(i32);

const NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl YearMonth {
    /// `month` is 1-based; years are those of the file format (0 to 9999).
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        ((0..=9999).contains(&year) && (1..=12).contains(&month))
            .then(|| YearMonth(year * 12 + month as i32 - 1))
    }

    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth(date.year() * 12 + date.month0() as i32)
    }

    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1 to 12.
    pub fn month(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// The month `n` months later (earlier when `n` is negative).
    pub fn plus(self, n: i32) -> YearMonth {
        YearMonth(self.0.saturating_add(n))
    }

    /// Months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i32 {
        later.0 - self.0
    }

    /// Every month from `self` to `last`, both included.
    pub fn through(self, last: YearMonth) -> impl Iterator<Item = YearMonth> {
        (self.0..=last.0).map(YearMonth)
    }

    /// "January 2027", for sentences.
    pub fn long_name(self) -> String {
        format!("{} {}", NAMES[self.month() as usize - 1], self.year())
    }

    /// Strictly `YYYY-MM` (four-digit year, two-digit month), as the file
    /// format writes months.
    pub fn parse(text: &str) -> Option<YearMonth> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4
            || month.len() != 2
            || !year
                .bytes()
                .chain(month.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        YearMonth::new(year.parse().ok()?, month.parse().ok()?)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl fmt::Debug for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for YearMonth {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        YearMonth::parse(s.trim()).ok_or_else(|| format!("\"{s}\" is not a month like 2026-06"))
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_yyyy_mm() {
        assert_eq!(YearMonth::parse("2026-06"), YearMonth::new(2026, 6));
        for bad in [
            "2026-6",
            "2026-13",
            "2026-00",
            "26-06",
            "2026/06",
            "2026-06-01",
            "June 2026",
            "",
        ] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn arithmetic_crosses_years() {
        let jan = YearMonth::new(2027, 1).unwrap();
        assert_eq!(jan.plus(-1).to_string(), "2026-12");
        assert_eq!(jan.plus(-13).to_string(), "2025-12");
        assert_eq!(jan.plus(11).to_string(), "2027-12");
        assert_eq!(jan.long_name(), "January 2027");
        assert_eq!(jan.plus(-5).months_until(jan), 5);
        assert_eq!(
            YearMonth::of(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).to_string(),
            "2026-11"
        );
        assert_eq!(jan.plus(-2).through(jan).count(), 3);
    }
}
