//! Deadline arithmetic. Days after a start date are counted from the day
//! after it (day 1), and the last day itself is still in time.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The date `n` calendar days after `start`.
pub fn add_days(start: NaiveDate, n: u64) -> NaiveDate {
    start
        .checked_add_days(Days::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// The date `n` business days after `start`: Monday to Friday, minus
/// `holidays`.
pub fn add_business_days(start: NaiveDate, n: u32, holidays: &[NaiveDate]) -> NaiveDate {
    let mut date = start;
    let mut counted = 0;
    while counted < n {
        let Some(next) = date.succ_opt() else {
            return NaiveDate::MAX;
        };
        date = next;
        if is_business_day(date, holidays) {
            counted += 1;
        }
    }
    date
}

pub fn is_business_day(date: NaiveDate, holidays: &[NaiveDate]) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&date)
}

/// Whole calendar days from `today` to `due` (negative once past).
pub fn days_left(today: NaiveDate, due: NaiveDate) -> i64 {
    (due - today).num_days()
}

/// Where a deadline stands on the shared scale of the deadline rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineState {
    /// More than 14 days left: info with the due date.
    Far,
    /// 14 days or fewer left (the due day itself included): warning.
    Near,
    /// Past the due date: error.
    Passed,
}

pub fn deadline_state(today: NaiveDate, due: NaiveDate) -> DeadlineState {
    match days_left(today, due) {
        d if d < 0 => DeadlineState::Passed,
        d if d <= 14 => DeadlineState::Near,
        _ => DeadlineState::Far,
    }
}

impl DeadlineState {
    pub fn severity(self) -> crate::diag::Severity {
        match self {
            DeadlineState::Far => crate::diag::Severity::Info,
            DeadlineState::Near => crate::diag::Severity::Warning,
            DeadlineState::Passed => crate::diag::Severity::Error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn fourteen_business_days_skip_weekends_and_holidays() {
        // Friday 2026-11-20 + 14 business days = Thursday 2026-12-10.
        assert_eq!(add_business_days(d("2026-11-20"), 14, &[]), d("2026-12-10"));
        // A holiday inside the window pushes it one business day.
        assert_eq!(
            add_business_days(d("2026-11-20"), 14, &[d("2026-12-01")]),
            d("2026-12-11")
        );
    }

    #[test]
    fn the_due_day_is_still_in_time() {
        assert_eq!(
            deadline_state(d("2026-12-10"), d("2026-12-10")),
            DeadlineState::Near
        );
        assert_eq!(
            deadline_state(d("2026-12-11"), d("2026-12-10")),
            DeadlineState::Passed
        );
        assert_eq!(
            deadline_state(d("2026-11-26"), d("2026-12-10")),
            DeadlineState::Near
        );
        assert_eq!(
            deadline_state(d("2026-11-25"), d("2026-12-10")),
            DeadlineState::Far
        );
    }
}
