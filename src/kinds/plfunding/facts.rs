//! What Partner Center says about partner-led funding claims, in one place:
//! the names its screens give the solution-area tabs, customer ID types and
//! claim statuses, and the clocks of a claim (consent, dispute, payment).
//!
//! The rules, the claim's [`timeline`](super::model::PlfClaim::timeline),
//! the walk-through ([`super::guide`]) and the wizard ([`super::wizard`])
//! read them here, so no two of them can drift apart. The submission and
//! review limits depend on the engagement's size and stay with it
//! ([`super::catalog::Size`]).

use crate::kinds::plfunding::model::{CustomerIdType, SolutionArea, Stage};

/// Days to obtain the customer's consent, from claim creation (F§3.10).
pub const CONSENT_DAYS: u64 = 30;
/// Days to dispute a rejection, once (F§3.11).
pub const DISPUTE_DAYS: u64 = 30;
/// The MCI payment cycle after approval (F§3.14, dated).
pub const PAYMENT_DAYS: u64 = 45;

/// The Customer claims tab of a solution area.
pub fn tab_name(area: SolutionArea) -> &'static str {
    match area {
        SolutionArea::Azure => "Azure",
        SolutionArea::ModernWorkSecurity => "Modern Work and Security",
        SolutionArea::BusinessApplications => "Business Applications",
        SolutionArea::Devices => "Devices",
    }
}

/// The *Customer ID type* drop-down's wording.
pub fn id_type_name(t: CustomerIdType) -> &'static str {
    match t {
        CustomerIdType::Domain => "Domain name",
        CustomerIdType::TenantId => "Tenant ID",
        CustomerIdType::Tpid => "TPID",
        CustomerIdType::AzureSubscriptionId => "Azure subscription ID",
        CustomerIdType::MsxOpportunityId => "MSX opportunity ID",
    }
}

/// Partner Center's status names (F§3.13).
pub fn stage_name(stage: Stage) -> &'static str {
    match stage {
        Stage::Draft => "Draft (not yet in Partner Center)",
        Stage::ConsentRequested => "Awaiting customer consent response",
        Stage::ConsentReceived => "Customer consent received",
        Stage::Submitted => "Submitted",
        Stage::UnderReview => "Under review",
        Stage::PartnerActionRequired => "Partner action required",
        Stage::Approved => "Approved",
        Stage::Rejected => "Rejected",
        Stage::Disputed => "Disputed",
        Stage::Expired => "Expired",
        Stage::Canceled => "Canceled",
    }
}
