//! `kind = "coop"`: a co-op claim (Partner Center > Incentives > Co-op
//! management > Create new claim), in the screen's order: program, fund
//! category, location, funding pool, usage period, then the activity and its
//! documents.

use rust_decimal::Decimal;

use serde_json::{Value, json};

use crate::decode::{OPTIONAL, REQUIRED, Sp, Table};
use crate::diag::Finding;
use crate::model::{DocFields, Document};
use crate::money;
use crate::str_enum;

str_enum! {
    pub enum ActivityCategory {
        DemandGeneration = "demand-generation",
        MarketDevelopment = "market-development",
        PartnerSkilling = "partner-skilling",
    }
}

str_enum! {
    pub enum ActivityType {
        DigitalAdvertising = "digital-advertising",
        EmailCampaign = "email-campaign",
        Seminar = "seminar",
        Event = "event",
        Training = "training",
        Exam = "exam",
        ContentSyndication = "content-syndication",
        Telemarketing = "telemarketing",
        TvRadio = "tv-radio",
        CustomerOffer = "customer-offer",
        Other = "other",
    }
}

/// `[activity]`.
#[derive(Debug, Clone)]
pub struct Activity {
    pub name: Option<Sp<String>>,
    pub description: Option<Sp<String>>,
    pub category: Option<Sp<ActivityCategory>>,
    pub activity_type: Option<Sp<ActivityType>>,
    pub start_date: Option<Sp<chrono::NaiveDate>>,
    pub end_date: Option<Sp<chrono::NaiveDate>>,
    pub claimed_amount: Option<Sp<Decimal>>,
    pub partial_claim_reason: Option<Sp<String>>,
    pub pre_approval_id: Option<Sp<String>>,
    /// `metrics = { registered_guests = 140, attendees = 96 }`.
    pub metrics: Vec<(Sp<String>, Sp<i64>)>,
    pub span: std::ops::Range<usize>,
}

#[derive(Debug, Clone)]
pub struct CoopClaim {
    pub program: Option<Sp<String>>,
    pub fund_category: Option<Sp<String>>,
    pub partner_id: Option<Sp<String>>,
    pub funding_pool: Option<Sp<String>>,
    pub usage_period: Option<Sp<String>>,
    pub currency: Option<Sp<String>>,
    pub available_funds: Option<Sp<Decimal>>,
    pub submitter_email: Option<Sp<String>>,
    pub activity: Option<Activity>,
    pub documents: Vec<Document>,
}

/// The metric names co-op activities report.
pub const METRICS: &[&str] = &[
    "registered_guests",
    "attendees",
    "impressions",
    "clicks",
    "emails_sent",
    "opens",
    "leads",
    "calls",
];

impl CoopClaim {
    pub fn decode(t: &mut Table<'_, '_>, out: &mut Vec<Finding>) -> Self {
        CoopClaim {
            program: t.string(out, "program", REQUIRED),
            fund_category: t.string(out, "fund_category", REQUIRED),
            partner_id: t.id(out, "partner_id", REQUIRED),
            funding_pool: t.string(out, "funding_pool", REQUIRED),
            usage_period: t.string(out, "usage_period", REQUIRED),
            currency: t.string(out, "currency", REQUIRED),
            available_funds: t.decimal(out, "available_funds", OPTIONAL),
            submitter_email: t.string(out, "submitter_email", OPTIONAL),
            activity: t.table(out, "activity", REQUIRED).map(|mut a| {
                let mut metrics = Vec::new();
                let activity = Activity {
                    name: a.string(out, "name", REQUIRED),
                    description: a.string(out, "description", REQUIRED),
                    category: a.enumeration(out, "category", REQUIRED),
                    activity_type: a.enumeration(out, "type", REQUIRED),
                    start_date: a.date(out, "start_date", REQUIRED),
                    end_date: a.date(out, "end_date", REQUIRED),
                    claimed_amount: a.decimal(out, "claimed_amount", REQUIRED),
                    partial_claim_reason: a.string(out, "partial_claim_reason", OPTIONAL),
                    pre_approval_id: a.string(out, "pre_approval_id", OPTIONAL),
                    metrics: Vec::new(),
                    span: a.span(),
                };
                if let Some(mut m) = a.table(out, "metrics", OPTIONAL) {
                    for &name in METRICS {
                        if let Some(v) = m.integer(out, name, OPTIONAL) {
                            let key = Sp::new(name.to_string(), v.span.clone(), v.path.clone());
                            metrics.push((key, v));
                        }
                    }
                    m.finish(out);
                }
                a.finish(out);
                Activity {
                    metrics,
                    ..activity
                }
            }),
            documents: Document::decode_all(t, out, DocFields::Money),
        }
    }

    /// The claim's currency code as written (for display, even when
    /// `coop-currency` reports it).
    pub fn currency_code(&self) -> &str {
        self.currency.as_ref().map_or("", |c| c.value.trim())
    }

    /// The claim's values, normalised (no spans), for `claim.json`.
    pub fn to_json(&self) -> Value {
        use crate::model::json::{enumeration as e, string as s};
        let code = self.currency_code();
        let amount = |v: &Option<Sp<Decimal>>| {
            json!(v.as_ref().map(|a| money::decimal_string(a.value, code)))
        };
        json!({
            "program": s(&self.program),
            "fund_category": s(&self.fund_category),
            "partner_id": s(&self.partner_id),
            "funding_pool": s(&self.funding_pool),
            "usage_period": s(&self.usage_period),
            "currency": s(&self.currency),
            "available_funds": amount(&self.available_funds),
            "submitter_email": s(&self.submitter_email),
            "activity": self.activity.as_ref().map(|a| json!({
                "name": s(&a.name),
                "description": s(&a.description),
                "category": e(&a.category),
                "type": e(&a.activity_type),
                "start_date": a.start_date.as_ref().map(|d| d.value.to_string()),
                "end_date": a.end_date.as_ref().map(|d| d.value.to_string()),
                "claimed_amount": amount(&a.claimed_amount),
                "partial_claim_reason": s(&a.partial_claim_reason),
                "pre_approval_id": s(&a.pre_approval_id),
                "metrics": a.metrics.iter().map(|(k, v)| (k.value.clone(), json!(v.value))).collect::<serde_json::Map<_, _>>(),
            })),
        })
    }
}
