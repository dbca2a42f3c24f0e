//! What Microsoft enforces, and since when (reference/partner-center-facts.md
//! section 5; docs/por.md).
//!
//! - F§5.4: from 1 September 2025 a *new* CSP order is blocked when its
//!   Partner of Record fails validation ("suspension, region mismatch, or
//!   inactive PLA ID"; Learn, mpa-indirect-provider-faq). **documented**
//! - F§5.6: from 1 December 2025 changes to existing subscriptions are
//!   validated too (Learn, indirect-provider-tasks-in-partner-center, read
//!   via a mirror). **documented (via mirror)**
//! - F§5.16: the changes covered are seat, billing plan and term changes,
//!   partner-to-partner transfers and legacy-to-NCE migrations;
//!   commit-term auto-renewal is excluded (Dicker Data, Crayon APAC
//!   notices). **secondary**

use chrono::NaiveDate;

use super::model::Action;

/// New orders are validated from this day (F§5.4).
pub const NEW_ORDERS_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2025, 9, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Changes to existing subscriptions are validated from this day (F§5.6).
pub const CHANGES_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2025, 12, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Why an order is not subject to POR validation, or `None` when it is.
pub fn not_enforced(action: Action, date: NaiveDate) -> Option<String> {
    match action {
        Action::AutoRenewal => Some(
            "commit-term auto-renewal is excluded from POR validation (distributor notices; \
             a secondary source)"
                .to_string(),
        ),
        Action::New if date < NEW_ORDERS_FROM => Some(format!(
            "a new order dated {date} is before POR validation of new orders started ({NEW_ORDERS_FROM})"
        )),
        Action::New => None,
        _ if date < CHANGES_FROM => Some(format!(
            "a {} dated {date} is before POR validation of subscription changes started ({CHANGES_FROM})",
            action.title()
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_enforcement_dates_apply_by_action() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(not_enforced(Action::New, d("2025-08-31")).is_some());
        assert!(not_enforced(Action::New, d("2025-09-01")).is_none());
        assert!(not_enforced(Action::SeatChange, d("2025-11-30")).is_some());
        assert!(not_enforced(Action::SeatChange, d("2025-12-01")).is_none());
        assert!(not_enforced(Action::AutoRenewal, d("2027-01-01")).is_some());
    }
}
