//! `kind = "cpor"`: a Claiming Partner of Record association and claim, in
//! Partner Center's screen order (Associate customer, Associate workload,
//! Contact information, then the claim for payment with its PoE).

use serde_json::{Value, json};

use crate::decode::{OPTIONAL, REQUIRED, Sp, Table};
use crate::diag::Finding;
use crate::model::{Contact, DocFields, Document, Status};
use crate::str_enum;

str_enum! {
    /// The solution-area tab of Customer claims.
    pub enum SolutionArea {
        ModernWorkSecurity = "modern-work-security",
        BusinessApplications = "business-applications",
        Azure = "azure",
    }
}

str_enum! {
    /// The partner role (activity) chosen on Add customer.
    pub enum PartnerRole {
        UseOrConsume = "use-or-consume",
        BuildIntentAdvisor = "build-intent-advisor",
        UsageRecognition = "usage-recognition",
        InfluencedRevenueRecognition = "influenced-revenue-recognition",
        PartnerActivities = "partner-activities",
    }
}

str_enum! {
    /// CPOR claim stages in Partner Center.
    pub enum Stage {
        Draft = "draft",
        Submitted = "submitted",
        UnderReview = "under-review",
        PartnerActionRequired = "partner-action-required",
        Approved = "approved",
        Rejected = "rejected",
        Disputed = "disputed",
        RejectedFinal = "rejected-final",
    }
}

#[derive(Debug, Clone)]
pub struct CporClaim {
    pub claim_name: Option<Sp<String>>,
    pub partner_id: Option<Sp<String>>,
    pub solution_area: Option<Sp<SolutionArea>>,
    pub partner_role: Option<Sp<PartnerRole>>,
    pub customer_name: Option<Sp<String>>,
    pub customer_tenant_id: Option<Sp<String>>,
    pub customer_domain: Option<Sp<String>>,
    pub subscription_id: Option<Sp<String>>,
    pub workloads: Option<Sp<Vec<Sp<String>>>>,
    pub workloads_active: Option<Sp<bool>>,
    pub recognition_only: Option<Sp<bool>>,
    pub customer_contact: Option<Contact>,
    pub partner_contact: Option<Contact>,
    pub documents: Vec<Document>,
    pub status: Option<Status<Stage>>,
}

impl CporClaim {
    pub fn decode(t: &mut Table<'_, '_>, out: &mut Vec<Finding>) -> Self {
        CporClaim {
            claim_name: t.string(out, "claim_name", REQUIRED),
            partner_id: t.id(out, "partner_id", REQUIRED),
            solution_area: t.enumeration(out, "solution_area", REQUIRED),
            partner_role: t.enumeration(out, "partner_role", REQUIRED),
            customer_name: t.string(out, "customer_name", REQUIRED),
            customer_tenant_id: t.string(out, "customer_tenant_id", REQUIRED),
            customer_domain: t.string(out, "customer_domain", OPTIONAL),
            subscription_id: t.string(out, "subscription_id", OPTIONAL),
            workloads: t.string_list(out, "workloads", OPTIONAL),
            workloads_active: t.boolean(out, "workloads_active", OPTIONAL),
            recognition_only: t.boolean(out, "recognition_only", OPTIONAL),
            customer_contact: Contact::decode(t, out, "customer_contact", true),
            partner_contact: Contact::decode(t, out, "partner_contact", false),
            documents: Document::decode_all(t, out, DocFields::Signed),
            status: Status::decode(t, out, false),
        }
    }

    /// The claimed workloads' names, in order (none when not given).
    pub fn workload_names(&self) -> Vec<&str> {
        self.workloads
            .as_ref()
            .map(|w| w.value.iter().map(|s| s.value.as_str()).collect())
            .unwrap_or_default()
    }

    /// The claim's values, normalised (no spans), for `claim.json`.
    pub fn to_json(&self) -> Value {
        use crate::model::json::{boolean as b, contact, enumeration as e, string as s};
        json!({
            "claim_name": s(&self.claim_name),
            "partner_id": s(&self.partner_id),
            "solution_area": e(&self.solution_area),
            "partner_role": e(&self.partner_role),
            "customer_name": s(&self.customer_name),
            "customer_tenant_id": s(&self.customer_tenant_id),
            "customer_domain": s(&self.customer_domain),
            "subscription_id": s(&self.subscription_id),
            "workloads": self.workload_names(),
            "workloads_active": b(&self.workloads_active),
            "recognition_only": b(&self.recognition_only),
            "customer_contact": contact(&self.customer_contact),
            "partner_contact": contact(&self.partner_contact),
            "status": self.status.as_ref().map(|st| json!({
                "stage": e(&st.stage),
                "since": st.since.as_ref().map(|d| d.value.to_string()),
            })),
        })
    }
}
