//! What Partner Center says about CPOR, in one place: the names its screens
//! give the solution-area tabs, partner roles and claim stages, and the
//! clocks of a claim (reply, review, dispute, PoE age).
//!
//! The rules, the walk-through ([`super::guide`]) and the wizard
//! ([`super::wizard`]) all read them here, so SUBMIT.md can never state
//! another date than `validate` checks, nor the wizard another label than
//! SUBMIT.md tells the user to select.

use chrono::{Months, NaiveDate};

use crate::calendar;
use crate::kinds::cpor::model::{PartnerRole, SolutionArea, Stage};

/// Business days to answer *Partner action required* and resubmit, or the
/// claim is rejected (F§1.10).
pub const REPLY_BUSINESS_DAYS: u32 = 14;
/// Business days a claim may stay *Submitted* before the review starts
/// (F§1.10).
pub const REVIEW_START_BUSINESS_DAYS: u32 = 5;
/// Business days the review may take (F§1.10).
pub const REVIEW_BUSINESS_DAYS: u32 = 14;
/// Calendar days to dispute a rejection, once (F§1.14).
pub const DISPUTE_DAYS: u64 = 30;
/// Business days reviewers take to answer a dispute (F§1.14).
pub const DISPUTE_ANSWER_BUSINESS_DAYS: u32 = 5;
/// How many months a customer signature on the PoE stays fresh (R#6).
pub const POE_MAX_AGE_MONTHS: u32 = 12;

/// The last day to answer a *Partner action required* request that arrived
/// on `since`: [`REPLY_BUSINESS_DAYS`] business days, the day after `since`
/// being day 1.
pub fn reply_due(since: NaiveDate, holidays: &[NaiveDate]) -> NaiveDate {
    calendar::add_business_days(since, REPLY_BUSINESS_DAYS, holidays)
}

/// The last day to dispute a rejection of `since`.
pub fn dispute_last_day(since: NaiveDate) -> NaiveDate {
    calendar::add_days(since, DISPUTE_DAYS)
}

/// The last day a customer signature of `signed_on` is still fresh.
pub fn poe_fresh_until(signed_on: NaiveDate) -> Option<NaiveDate> {
    signed_on.checked_add_months(Months::new(POE_MAX_AGE_MONTHS))
}

/// The Customer claims tab of a solution area.
pub fn tab_name(area: SolutionArea) -> &'static str {
    match area {
        SolutionArea::ModernWorkSecurity => "Modern Work and Security",
        SolutionArea::BusinessApplications => "Business Applications",
        SolutionArea::Azure => "Azure",
    }
}

/// The partner role as Partner Center words it (F§1.4).
pub fn role_name(role: PartnerRole) -> &'static str {
    match role {
        PartnerRole::UseOrConsume => "Use or Consume",
        PartnerRole::BuildIntentAdvisor => "Build intent - Advisor",
        PartnerRole::UsageRecognition => "Usage recognition - Non-Incentivized",
        PartnerRole::InfluencedRevenueRecognition => {
            "Influenced Revenue recognition - Non-Incentivized"
        }
        PartnerRole::PartnerActivities => "Partner activities",
    }
}

/// A claim's status as Partner Center names it.
pub fn stage_name(stage: Stage) -> &'static str {
    match stage {
        Stage::Draft => "Draft",
        Stage::Submitted => "Submitted",
        Stage::UnderReview => "Under review",
        Stage::PartnerActionRequired => "Partner action required",
        Stage::Approved => "Approved",
        Stage::Rejected => "Rejected",
        Stage::Disputed => "Dispute",
        Stage::RejectedFinal => "Rejected final",
    }
}
