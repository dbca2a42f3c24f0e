//! `kind = "plfunding"`: a partner-led funding claim (MCI partner-activity
//! engagements such as Azure Migrate and Modernize), in Partner Center's
//! order: Associate customer, Associate engagement, Contact information.

use serde_json::{Value, json};

use crate::decode::{OPTIONAL, REQUIRED, Sp, Table};
use crate::diag::Finding;
use crate::model::{Contact, DocFields, Document, Status};
use crate::str_enum;

str_enum! {
    pub enum SolutionArea {
        Azure = "azure",
        ModernWorkSecurity = "modern-work-security",
        BusinessApplications = "business-applications",
        Devices = "devices",
    }
}

str_enum! {
    pub enum CustomerIdType {
        Domain = "domain",
        TenantId = "tenant-id",
        Tpid = "tpid",
        AzureSubscriptionId = "azure-subscription-id",
        MsxOpportunityId = "msx-opportunity-id",
    }
}

str_enum! {
    pub enum Stage {
        Draft = "draft",
        ConsentRequested = "consent-requested",
        ConsentReceived = "consent-received",
        Submitted = "submitted",
        UnderReview = "under-review",
        PartnerActionRequired = "partner-action-required",
        Approved = "approved",
        Rejected = "rejected",
        Disputed = "disputed",
        Expired = "expired",
        Canceled = "canceled",
    }
}

#[derive(Debug, Clone)]
pub struct PlfClaim {
    pub claim_name: Option<Sp<String>>,
    pub partner_id: Option<Sp<String>>,
    pub solution_area: Option<Sp<SolutionArea>>,
    pub engagement: Option<Sp<String>>,
    pub customer_name: Option<Sp<String>>,
    pub customer_id_type: Option<Sp<CustomerIdType>>,
    pub customer_id: Option<Sp<String>>,
    pub hours: Option<Sp<rust_decimal::Decimal>>,
    pub customer_informed_funding_not_guaranteed: Option<Sp<bool>>,
    pub customer_survey_completed: Option<Sp<bool>>,
    pub partner_survey_completed: Option<Sp<bool>>,
    pub customer_contact: Option<Contact>,
    pub partner_contact: Option<Contact>,
    pub documents: Vec<Document>,
    pub status: Option<Status<Stage>>,
}

impl PlfClaim {
    pub fn decode(t: &mut Table<'_, '_>, out: &mut Vec<Finding>) -> Self {
        PlfClaim {
            claim_name: t.string(out, "claim_name", REQUIRED),
            partner_id: t.id(out, "partner_id", REQUIRED),
            solution_area: t.enumeration(out, "solution_area", REQUIRED),
            engagement: t.string(out, "engagement", REQUIRED),
            customer_name: t.string(out, "customer_name", REQUIRED),
            customer_id_type: t.enumeration(out, "customer_id_type", REQUIRED),
            customer_id: t.string(out, "customer_id", REQUIRED),
            hours: t.decimal(out, "hours", OPTIONAL),
            customer_informed_funding_not_guaranteed: t.boolean(
                out,
                "customer_informed_funding_not_guaranteed",
                OPTIONAL,
            ),
            customer_survey_completed: t.boolean(out, "customer_survey_completed", OPTIONAL),
            partner_survey_completed: t.boolean(out, "partner_survey_completed", OPTIONAL),
            customer_contact: Contact::decode(t, out, "customer_contact", true),
            partner_contact: Contact::decode(t, out, "partner_contact", false),
            documents: Document::decode_all(t, out, DocFields::Signed),
            status: Status::decode(t, out, true),
        }
    }

    /// The claim's values, normalised (no spans), for `claim.json`.
    pub fn to_json(&self) -> Value {
        use crate::model::json::{boolean as b, contact, date as d, enumeration as e, string as s};
        json!({
            "claim_name": s(&self.claim_name),
            "partner_id": s(&self.partner_id),
            "solution_area": e(&self.solution_area),
            "engagement": s(&self.engagement),
            "customer_name": s(&self.customer_name),
            "customer_id_type": e(&self.customer_id_type),
            "customer_id": s(&self.customer_id),
            "hours": self.hours.as_ref().map(|h| h.value.to_string()),
            "customer_informed_funding_not_guaranteed": b(&self.customer_informed_funding_not_guaranteed),
            "customer_survey_completed": b(&self.customer_survey_completed),
            "partner_survey_completed": b(&self.partner_survey_completed),
            "customer_contact": contact(&self.customer_contact),
            "partner_contact": contact(&self.partner_contact),
            "status": self.status.as_ref().map(|st| json!({
                "stage": e(&st.stage),
                "since": d(&st.since),
                "consent_requested_on": d(&st.consent_requested_on),
                "consent_received_on": d(&st.consent_received_on),
            })),
        })
    }
}

/// One deadline of a claim: counted from `start` (a status date of the
/// file), due on `due`, the last day still in time.
#[derive(Debug, Clone)]
pub struct Deadline {
    pub start: Sp<chrono::NaiveDate>,
    pub days: u64,
    pub due: chrono::NaiveDate,
}

impl Deadline {
    fn new(start: &Sp<chrono::NaiveDate>, days: u64) -> Deadline {
        Deadline {
            start: start.clone(),
            days,
            due: crate::calendar::add_days(start.value, days),
        }
    }
}

/// The claim's timelines (F§3.10), from its status dates: what the deadline
/// rules check and what bundles print. A date that cannot be known is `None`.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// 30 days from the consent request (`consent_requested_on`; at stage
    /// consent-requested, `since` when it is not given).
    pub consent_due: Option<Deadline>,
    /// The first submission, from consent received (`consent_received_on`;
    /// at stage consent-received, `since`), by the engagement's size.
    pub submission_due: Option<Deadline>,
    /// The end of Microsoft's review, from consent received, by size.
    pub review_due: Option<Deadline>,
}

impl PlfClaim {
    /// The stage; a claim without `[status]` is a draft.
    pub fn stage(&self) -> Stage {
        self.status
            .as_ref()
            .and_then(|s| s.stage.as_ref())
            .map_or(Stage::Draft, |s| s.value)
    }

    /// The timelines, with the engagement's size when it is known.
    pub fn timeline(&self, size: Option<crate::kinds::plfunding::catalog::Size>) -> Timeline {
        let Some(status) = &self.status else {
            return Timeline::default();
        };
        let stage = self.stage();
        let since_if = |at: Stage| (stage == at).then_some(status.since.as_ref()).flatten();
        let requested = status
            .consent_requested_on
            .as_ref()
            .or_else(|| since_if(Stage::ConsentRequested));
        let received = status
            .consent_received_on
            .as_ref()
            .or_else(|| since_if(Stage::ConsentReceived));
        Timeline {
            consent_due: requested
                .map(|d| Deadline::new(d, crate::kinds::plfunding::facts::CONSENT_DAYS)),
            submission_due: received
                .zip(size)
                .map(|(d, size)| Deadline::new(d, size.submit_days())),
            review_due: received
                .zip(size)
                .map(|(d, size)| Deadline::new(d, size.review_days())),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::kinds::plfunding::catalog::Size;
    use crate::model::Claim;

    fn claim(status: &str) -> super::PlfClaim {
        let text = format!("kind = \"plfunding\"\n[status]\n{status}");
        match crate::load::load_text(text, Path::new("c.toml"), "c.toml").claim {
            Some(Claim::Plfunding(c)) => c,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn timeline_dates_come_from_the_status_dates() {
        let c = claim(
            "stage = \"submitted\"\nsince = 2026-11-02\nconsent_requested_on = 2026-09-20\nconsent_received_on = 2026-10-02\n",
        );
        let t = c.timeline(Some(Size::Medium));
        assert_eq!(t.consent_due.unwrap().due.to_string(), "2026-10-20");
        assert_eq!(t.submission_due.unwrap().due.to_string(), "2027-04-20");
        let review = t.review_due.unwrap();
        assert_eq!(
            (review.days, review.due.to_string()),
            (230, "2027-05-20".into())
        );
        // Without the size, no submission or review date.
        assert!(c.timeline(None).review_due.is_none());
        // `since` stands for the date of the stage it names, and only that.
        let c = claim("stage = \"consent-received\"\nsince = 2026-10-02\n");
        let t = c.timeline(Some(Size::Small));
        assert_eq!(t.submission_due.unwrap().due.to_string(), "2027-01-30");
        assert!(t.consent_due.is_none());
        let c = claim("stage = \"submitted\"\nsince = 2026-10-02\n");
        assert!(c.timeline(Some(Size::Small)).submission_due.is_none());
    }
}
