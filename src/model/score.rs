//! `kind = "score"`: a Partner Capability Score history, one `[[month]]` per
//! calendar month with the best score of that month and its CSP revenue.

use rust_decimal::Decimal;

use crate::decode::{OPTIONAL, REQUIRED, Sp, Table};
use crate::diag::Finding;
use crate::str_enum;

str_enum! {
    pub enum ScoreArea {
        ModernWork = "modern-work",
        Security = "security",
        InfraAzure = "infra-azure",
        DataAiAzure = "data-ai-azure",
        DigitalAppInnovationAzure = "digital-app-innovation-azure",
        BusinessApplications = "business-applications",
    }
}

/// `[month.metrics]`: the metric-level detail category points derive from.
#[derive(Debug, Clone)]
pub struct Metrics {
    pub net_customer_adds: Option<Sp<Decimal>>,
    pub intermediate_certifications: Option<Sp<Decimal>>,
    pub advanced_certifications: Option<Sp<Decimal>>,
    pub usage_growth: Option<Sp<Decimal>>,
    pub deployments: Option<Sp<Decimal>>,
    pub span: std::ops::Range<usize>,
}

/// One `[[month]]`.
#[derive(Debug, Clone)]
pub struct Month {
    pub index: usize,
    pub span: std::ops::Range<usize>,
    pub month: Option<Sp<String>>,
    pub performance: Option<Sp<Decimal>>,
    pub skilling: Option<Sp<Decimal>>,
    pub customer_success: Option<Sp<Decimal>>,
    pub csp_revenue_usd: Option<Sp<Decimal>>,
    pub designation: Option<Sp<bool>>,
    pub metrics: Option<Metrics>,
}

#[derive(Debug, Clone)]
pub struct ScoreHistory {
    pub partner_id: Option<Sp<String>>,
    pub solution_area: Option<Sp<ScoreArea>>,
    pub months: Vec<Month>,
}

impl ScoreHistory {
    pub fn decode(t: &mut Table<'_, '_>, out: &mut Vec<Finding>) -> Self {
        let partner_id = t.id(out, "partner_id", REQUIRED);
        let solution_area = t.enumeration(out, "solution_area", REQUIRED);
        let months = t
            .tables(out, "month")
            .into_iter()
            .enumerate()
            .map(|(index, mut m)| {
                let month = Month {
                    index,
                    span: m.span(),
                    month: m.string(out, "month", REQUIRED),
                    performance: m.decimal(out, "performance", OPTIONAL),
                    skilling: m.decimal(out, "skilling", OPTIONAL),
                    customer_success: m.decimal(out, "customer_success", OPTIONAL),
                    csp_revenue_usd: m.decimal(out, "csp_revenue_usd", REQUIRED),
                    designation: m.boolean(out, "designation", OPTIONAL),
                    metrics: m.table(out, "metrics", OPTIONAL).map(|mut x| {
                        let metrics = Metrics {
                            net_customer_adds: x.decimal(out, "net_customer_adds", OPTIONAL),
                            intermediate_certifications: x.decimal(
                                out,
                                "intermediate_certifications",
                                OPTIONAL,
                            ),
                            advanced_certifications: x.decimal(
                                out,
                                "advanced_certifications",
                                OPTIONAL,
                            ),
                            usage_growth: x.decimal(out, "usage_growth", OPTIONAL),
                            deployments: x.decimal(out, "deployments", OPTIONAL),
                            span: x.span(),
                        };
                        x.finish(out);
                        metrics
                    }),
                };
                m.finish(out);
                month
            })
            .collect();
        ScoreHistory {
            partner_id,
            solution_area,
            months,
        }
    }
}
