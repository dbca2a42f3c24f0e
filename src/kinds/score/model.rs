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

impl ScoreArea {
    /// Whether the area's score has an advanced-certifications metric
    /// (F§4.5: "Advanced certifications aren't applicable" to Security and
    /// Data & AI).
    pub fn has_advanced_certifications(self) -> bool {
        !matches!(self, ScoreArea::Security | ScoreArea::DataAiAzure)
    }

    /// The name Partner Center shows.
    pub fn title(self) -> &'static str {
        match self {
            ScoreArea::ModernWork => "Modern Work",
            ScoreArea::Security => "Security",
            ScoreArea::InfraAzure => "Infrastructure (Azure)",
            ScoreArea::DataAiAzure => "Data & AI (Azure)",
            ScoreArea::DigitalAppInnovationAzure => "Digital & App Innovation (Azure)",
            ScoreArea::BusinessApplications => "Business Applications",
        }
    }
}

fn value(v: &Option<Sp<Decimal>>) -> Decimal {
    v.as_ref().map_or(Decimal::ZERO, |s| s.value)
}

impl Metrics {
    /// Every metric that was given, with its key.
    pub fn values(&self) -> impl Iterator<Item = &Sp<Decimal>> {
        [
            &self.net_customer_adds,
            &self.intermediate_certifications,
            &self.advanced_certifications,
            &self.usage_growth,
            &self.deployments,
        ]
        .into_iter()
        .flatten()
    }

    /// Performance = net customer adds (a metric left out counts as zero).
    pub fn performance(&self) -> Decimal {
        value(&self.net_customer_adds)
    }

    /// Skilling = intermediate + advanced certifications.
    pub fn skilling(&self) -> Decimal {
        value(&self.intermediate_certifications)
            .saturating_add(value(&self.advanced_certifications))
    }

    /// Customer success = usage growth + deployments.
    pub fn customer_success(&self) -> Decimal {
        value(&self.usage_growth).saturating_add(value(&self.deployments))
    }

    /// Whether every metric that applies to `area` is above zero (the
    /// Solutions Partner condition, F§4.2).
    pub fn all_above_zero(&self, area: ScoreArea) -> bool {
        let positive =
            |v: &Option<Sp<Decimal>>| v.as_ref().is_some_and(|s| s.value > Decimal::ZERO);
        positive(&self.net_customer_adds)
            && positive(&self.intermediate_certifications)
            && (!area.has_advanced_certifications() || positive(&self.advanced_certifications))
            && positive(&self.usage_growth)
            && positive(&self.deployments)
    }
}

impl Month {
    /// The dotted path of a key of this month (`month[2].skilling`).
    pub fn field_path(&self, key: &str) -> String {
        format!("month[{}].{key}", self.index)
    }

    /// The category scores the month's points are made of: derived from
    /// `metrics` when given (they win over the category keys), else the
    /// three category keys, which must then all be present.
    pub fn categories(&self) -> Option<[Decimal; 3]> {
        if let Some(m) = &self.metrics {
            return Some([m.performance(), m.skilling(), m.customer_success()]);
        }
        match (&self.performance, &self.skilling, &self.customer_success) {
            (Some(p), Some(s), Some(c)) => Some([p.value, s.value, c.value]),
            _ => None,
        }
    }

    /// The month's capability points: the sum of [`Month::categories`].
    /// Saturating: absurd figures must not overflow (`score-points` then
    /// reports a total above 100).
    pub fn points(&self) -> Option<Decimal> {
        self.categories()
            .map(|c| c.iter().fold(Decimal::ZERO, |a, b| a.saturating_add(*b)))
    }
}
