//! `kind = "plfunding"`: a partner-led funding claim (MCI partner-activity
//! engagements such as Azure Migrate and Modernize), in Partner Center's
//! order: Associate customer, Associate engagement, Contact information.

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
}
