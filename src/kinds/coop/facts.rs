//! Co-op facts computed once and shared by the `coop-` rules, the wizard
//! and the co-op bundle: the names Partner Center's Create new claim screen
//! uses ([`PROGRAM`], [`FUND_CATEGORY`], [`category_name`]), how long
//! Microsoft takes after submission ([`REVIEW_BUSINESS_DAYS`]...), what
//! each activity type must show as proof ([`ACTIVITY_REQUIREMENTS`], one
//! entry per type), the exact invoice total ([`InvoiceSum`]), and the
//! claim's dates and money ([`Summary`]).
//!
//! Flow: a decoded [`CoopClaim`] → [`InvoiceSum::of`] / [`Summary::of`] →
//! the rules compare, the checklist and `SUBMIT.md` print. Values that fail
//! their own format rule (a usage period that does not parse, an amount
//! with too many decimals) come out as `None` here, so no other rule
//! compares against them.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::fmt::Write as _;

use crate::decode::StrEnum;
use crate::kinds::coop::fiscal::{self, ClaimWindow, UsagePeriod};
use crate::kinds::coop::model::{ActivityCategory, ActivityType, CoopClaim};
use crate::model::{DocType, Document};
use crate::money::{self, CurrencyInfo};

/// The program CSP co-op funds are claimed under (G step 4).
pub const PROGRAM: &str = "Microsoft Commerce Incentives";

/// The fund category as Partner Center lists it.
pub const FUND_CATEGORY: &str = "Cloud Solution Provider";

/// The fund category as the guide spells it (G step 4).
pub const GUIDE_FUND_CATEGORY: &str = "Cloud Solutions Provider";

/// Both spellings seen: Partner Center's and the guide's.
pub const FUND_CATEGORIES: &[&str] = &[FUND_CATEGORY, GUIDE_FUND_CATEGORY];

/// Business days Microsoft takes to review a co-op claim (F§2.10, dated).
pub const REVIEW_BUSINESS_DAYS: u32 = 2;
/// Business days within which Microsoft pays an approved claim (F§2.12).
pub const PAYMENT_BUSINESS_DAYS: u32 = 45;
/// Business days the validation team takes to review a dispute (F§2.11).
pub const DISPUTE_REVIEW_BUSINESS_DAYS: u32 = 5;

/// The activity category as Microsoft's co-op guidance names it (F§2.13).
pub fn category_name(c: ActivityCategory) -> &'static str {
    match c {
        ActivityCategory::DemandGeneration => "Demand Generation",
        ActivityCategory::MarketDevelopment => "Market Development",
        ActivityCategory::PartnerSkilling => "Partner Skilling",
    }
}

/// Documents Microsoft matches against the claimed amount: a third-party
/// invoice, or a Certification Statement and Report for in-house work
/// (F§2.14: every activity needs one).
pub const INVOICE_TYPES: &[DocType] = &[DocType::Invoice, DocType::Csr];

/// Evidence that the activity took place (G step 6: "Evidence of activity
/// execution (screenshots, emails, attendance sheets)").
pub const EVIDENCE_TYPES: &[DocType] = &[
    DocType::Screenshot,
    DocType::CustomerEmail,
    DocType::AttendanceSheet,
    DocType::Photo,
    DocType::Agenda,
    DocType::Invitation,
    DocType::LandingPage,
    DocType::Other,
];

/// One thing an activity type must show, beyond the invoice and evidence
/// every co-op claim needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// At least one document of this type (a file or, for online
    /// evidence, a `url`).
    Document(DocType),
    /// `activity.metrics.<name>`, a count above zero.
    Metric(&'static str),
    /// `activity.pre_approval_id`: Microsoft's pre-approval before the
    /// activity ran.
    PreApproval,
}

impl Need {
    /// How the need reads in messages and checklists.
    pub fn describe(self) -> String {
        match self {
            Need::Document(DocType::LandingPage) => {
                "a `landing-page` document (a file or a `url`)".to_string()
            }
            Need::Document(t) => {
                let article = if t.as_str().starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                format!("{article} `{t}` document")
            }
            Need::Metric(name) => format!("`metrics.{name}` (a count above zero) in `[activity]`"),
            Need::PreApproval => "`pre_approval_id` in `[activity]`".to_string(),
        }
    }

    /// Whether the claim meets it.
    pub fn is_met(self, claim: &CoopClaim) -> bool {
        match self {
            Need::Document(t) => claim.documents.iter().any(|d| d.is_type(t)),
            Need::Metric(name) => claim.activity.as_ref().is_some_and(|a| {
                a.metrics
                    .iter()
                    .any(|(k, v)| k.value == name && v.value > 0)
            }),
            Need::PreApproval => claim
                .activity
                .as_ref()
                .and_then(|a| a.pre_approval_id.as_ref())
                .is_some_and(|id| !id.value.trim().is_empty()),
        }
    }
}

/// What one activity type needs (F§2.14, Microsoft's core requirements).
#[derive(Debug)]
pub struct ActivityRequirements {
    pub activity: ActivityType,
    pub needs: &'static [Need],
    /// Where the requirement comes from (F§n, G).
    pub source: &'static str,
    /// The requirement in Microsoft's words, or why there is none extra.
    pub note: &'static str,
}

/// The proof each activity type needs. Adding an activity type is one
/// entry here (and its value in [`ActivityType`]); `docs/coop.md` shows
/// this table and a test keeps them in step.
pub static ACTIVITY_REQUIREMENTS: &[ActivityRequirements] = &[
    ActivityRequirements {
        activity: ActivityType::DigitalAdvertising,
        needs: &[
            Need::Document(DocType::Screenshot),
            Need::Document(DocType::LandingPage),
        ],
        source: "F§2.14",
        note: "Digital advertising: a screenshot of the ad and the landing-page URL",
    },
    ActivityRequirements {
        activity: ActivityType::EmailCampaign,
        needs: &[],
        source: "F§2.14",
        note: "Only the core requirements (invoice or CSR, evidence of execution)",
    },
    ActivityRequirements {
        activity: ActivityType::Seminar,
        needs: &[
            Need::Document(DocType::Invitation),
            Need::Document(DocType::Agenda),
            Need::Document(DocType::Photo),
            Need::Metric("registered_guests"),
        ],
        source: "F§2.14",
        note: "Seminars: invitation, agenda and photos; metric = registered guests",
    },
    ActivityRequirements {
        activity: ActivityType::Event,
        needs: &[
            Need::Document(DocType::Invitation),
            Need::Document(DocType::Agenda),
            Need::Document(DocType::Photo),
            Need::Metric("registered_guests"),
        ],
        source: "F§2.14 (as seminars)",
        note: "Events are proven like seminars: invitation, agenda, photos, registered guests",
    },
    ActivityRequirements {
        activity: ActivityType::Training,
        needs: &[Need::Document(DocType::AttendanceSheet)],
        source: "F§2.14 (as exams)",
        note: "Training is proven like exams: the attendee list",
    },
    ActivityRequirements {
        activity: ActivityType::Exam,
        needs: &[Need::Document(DocType::AttendanceSheet)],
        source: "F§2.14",
        note: "Exams: invoice with course/exam code and completion date; attendee list",
    },
    ActivityRequirements {
        activity: ActivityType::ContentSyndication,
        needs: &[],
        source: "F§2.14, F§2.15 (cap USD 18,750 per usage period, dated)",
        note: "Only the core requirements",
    },
    ActivityRequirements {
        activity: ActivityType::Telemarketing,
        needs: &[],
        source: "F§2.14",
        note: "Only the core requirements",
    },
    ActivityRequirements {
        activity: ActivityType::TvRadio,
        needs: &[Need::PreApproval],
        source: "F§2.14",
        note: "TV/radio: \"Completion of Pre-Approval and receipt of Final Review and Approval is required before execution\"",
    },
    ActivityRequirements {
        activity: ActivityType::CustomerOffer,
        needs: &[],
        source: "F§2.14, F§2.15 (cap 25% of earned co-op, dated)",
        note: "Only the core requirements",
    },
    ActivityRequirements {
        activity: ActivityType::Other,
        needs: &[],
        source: "G step 6",
        note: "Only the core requirements",
    },
];

/// The requirements of one activity type.
pub fn requirements_for(activity: ActivityType) -> Option<&'static ActivityRequirements> {
    ACTIVITY_REQUIREMENTS
        .iter()
        .find(|r| r.activity == activity)
}

/// The activity-type table as Markdown, for `docs/coop.md` (a test keeps
/// the page in step with [`ACTIVITY_REQUIREMENTS`]).
pub fn requirements_markdown() -> String {
    let mut md = String::from(
        "| `activity.type` | needs, besides an invoice or CSR and evidence | Microsoft's requirement | source |\n|---|---|---|---|\n",
    );
    for r in ACTIVITY_REQUIREMENTS {
        let needs = if r.needs.is_empty() {
            "nothing more".to_string()
        } else {
            r.needs
                .iter()
                .map(|n| n.describe())
                .collect::<Vec<_>>()
                .join("; ")
        };
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} |",
            r.activity,
            needs,
            r.note.replace('|', "\\|"),
            r.source
        );
    }
    md
}

/// The claim's currency, when it is one a claim can be made in.
pub fn currency_of(claim: &CoopClaim) -> Option<CurrencyInfo> {
    money::currency(&claim.currency.as_ref()?.value).ok()
}

/// The usage period, when it parses.
pub fn period_of(claim: &CoopClaim) -> Option<UsagePeriod> {
    UsagePeriod::parse(&claim.usage_period.as_ref()?.value).ok()
}

/// Whether an amount passes `coop-amount`'s format checks: above zero and
/// no more decimals than the currency has (not checkable without a valid
/// currency, then only the sign counts).
pub fn amount_is_valid(amount: Decimal, currency: Option<&CurrencyInfo>) -> bool {
    amount > Decimal::ZERO
        && currency.is_none_or(|c| money::fits_minor_units(amount, c.minor_units))
}

/// The invoices and CSRs of a claim and their exact total.
#[derive(Debug)]
pub struct InvoiceSum<'a> {
    /// Every invoice and CSR with its amount, in file order.
    pub summed: Vec<(&'a Document, Decimal)>,
    /// Invoices and CSRs that have no (readable) `amount`.
    pub without_amount: Vec<&'a Document>,
    /// Invoices and CSRs whose amount fails `coop-amount`.
    pub invalid_amount: Vec<&'a Document>,
    /// The exact sum of `summed`; `None` on overflow.
    pub total: Option<Decimal>,
}

impl<'a> InvoiceSum<'a> {
    pub fn of(claim: &'a CoopClaim) -> InvoiceSum<'a> {
        let currency = currency_of(claim);
        let mut sum = InvoiceSum {
            summed: Vec::new(),
            without_amount: Vec::new(),
            invalid_amount: Vec::new(),
            total: None,
        };
        for doc in claim
            .documents
            .iter()
            .filter(|d| INVOICE_TYPES.iter().any(|&t| d.is_type(t)))
        {
            match &doc.amount {
                Some(a) => {
                    if !amount_is_valid(a.value, currency.as_ref()) {
                        sum.invalid_amount.push(doc);
                    }
                    sum.summed.push((doc, a.value));
                }
                None => sum.without_amount.push(doc),
            }
        }
        sum.total = money::sum(sum.summed.iter().map(|(_, a)| a));
        sum
    }

    pub fn is_empty(&self) -> bool {
        self.summed.is_empty() && self.without_amount.is_empty()
    }

    /// The total, when every invoice has a valid amount (only then is a
    /// comparison with the claimed amount meaningful).
    pub fn complete_total(&self) -> Option<Decimal> {
        if self.without_amount.is_empty() && self.invalid_amount.is_empty() {
            self.total
        } else {
            None
        }
    }

    /// `2 invoices and 1 CSR`: what the total is made of.
    pub fn counted(&self) -> String {
        let count = |t: DocType| self.summed.iter().filter(|(d, _)| d.is_type(t)).count();
        let part = |n: usize, one: &str, many: &str| match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        };
        [
            part(count(DocType::Invoice), "invoice", "invoices"),
            part(count(DocType::Csr), "CSR", "CSRs"),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" and ")
    }

    /// `INV-1042 AUD 10,000.00 + CSR-7 AUD 2,500.00`: what was summed.
    pub fn describe(&self, currency: &str) -> String {
        self.summed
            .iter()
            .map(|(doc, amount)| {
                let name = doc
                    .number
                    .as_ref()
                    .map_or_else(|| doc.label(), |n| n.value.trim().to_string());
                format!("{name} {}", money::format(*amount, currency))
            })
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// The money and dates of a co-op claim, for checklists, `SUBMIT.md` and
/// `claim.json`. Every field is `None` when its inputs are missing or fail
/// their own rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub currency: Option<String>,
    pub claimed_amount: Option<Decimal>,
    /// The exact sum of invoice and CSR amounts.
    pub invoice_total: Option<Decimal>,
    /// Claimed minus invoice total (positive: claimed above the invoices).
    pub difference: Option<Decimal>,
    pub usage_period: Option<UsagePeriod>,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub claim_window: Option<ClaimWindow>,
    /// Keep the original documents until this day (F§2.6).
    pub keep_documents_until: Option<NaiveDate>,
}

impl Summary {
    pub fn of(claim: &CoopClaim) -> Summary {
        let currency = currency_of(claim);
        let activity = claim.activity.as_ref();
        let claimed = activity
            .and_then(|a| a.claimed_amount.as_ref())
            .map(|a| a.value)
            .filter(|&a| amount_is_valid(a, currency.as_ref()));
        let invoice_total = InvoiceSum::of(claim).complete_total();
        let period = period_of(claim);
        Summary {
            currency: currency.map(|c| c.code.to_string()),
            claimed_amount: claimed,
            invoice_total,
            difference: claimed
                .zip(invoice_total)
                .and_then(|(c, t)| c.checked_sub(t)),
            usage_period: period,
            period_start: period.map(UsagePeriod::start),
            period_end: period.map(UsagePeriod::end),
            claim_window: period.map(UsagePeriod::claim_window),
            keep_documents_until: activity
                .and_then(|a| a.end_date.as_ref())
                .map(|d| fiscal::retention_until(d.value)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_activity_type_has_exactly_one_entry() {
        for &t in ActivityType::ALL {
            let n = ACTIVITY_REQUIREMENTS
                .iter()
                .filter(|r| r.activity == t)
                .count();
            assert_eq!(n, 1, "{t} has {n} entries");
        }
        assert_eq!(ACTIVITY_REQUIREMENTS.len(), ActivityType::ALL.len());
    }

    fn decode(text: &str) -> CoopClaim {
        let loaded =
            crate::load::load_text(text.to_string(), std::path::Path::new("c.toml"), "c.toml");
        match loaded.claim {
            Some(crate::model::Claim::Coop(c)) => c,
            other => panic!("not a co-op claim: {other:?} {:?}", loaded.findings),
        }
    }

    const CLAIM: &str = r#"
kind = "coop"
program = "Microsoft Commerce Incentives"
fund_category = "Cloud Solution Provider"
partner_id = "4871236"
funding_pool = "CSP Indirect Reseller"
usage_period = "FY27-H1"
currency = "AUD"

[activity]
name = "Webinars"
description = "Three webinars"
category = "demand-generation"
type = "seminar"
start_date = 2026-08-04
end_date = 2026-08-20
claimed_amount = "12500.30"

[[documents]]
url = "https://x.example/1"
type = "invoice"
amount = "10000.10"
number = "INV-1042"

[[documents]]
url = "https://x.example/2"
type = "csr"
amount = 2500.2
number = "CSR-7"

[[documents]]
url = "https://x.example/3"
type = "payment-receipt"
amount = "99999.00"
"#;

    #[test]
    fn the_summary_has_exact_totals_and_the_dates() {
        let claim = decode(CLAIM);
        let s = Summary::of(&claim);
        let d = |t: &str| t.parse::<NaiveDate>().unwrap();
        assert_eq!(s.currency.as_deref(), Some("AUD"));
        assert_eq!(s.claimed_amount, Some(Decimal::new(1_250_030, 2)));
        // Receipts are not summed; the CSR's float is read exactly.
        assert_eq!(s.invoice_total, Some(Decimal::new(1_250_030, 2)));
        assert_eq!(s.difference, Some(Decimal::ZERO));
        assert_eq!(s.period_start, Some(d("2026-07-01")));
        assert_eq!(s.period_end, Some(d("2026-12-31")));
        let w = s.claim_window.unwrap();
        assert_eq!((w.opens, w.closes), (d("2026-08-16"), d("2027-02-15")));
        assert_eq!(s.keep_documents_until, Some(d("2028-08-20")));

        let sum = InvoiceSum::of(&claim);
        assert_eq!(sum.counted(), "1 invoice and 1 CSR");
        assert_eq!(
            sum.describe("AUD"),
            "INV-1042 AUD 10,000.10 + CSR-7 AUD 2,500.20"
        );
    }

    #[test]
    fn values_failing_their_own_rule_are_left_out() {
        let claim = decode(
            &CLAIM
                .replace("\"FY27-H1\"", "\"FY27 H1\"")
                .replace("\"12500.30\"", "\"12500.305\"")
                .replace("amount = 2500.2\n", ""),
        );
        let s = Summary::of(&claim);
        assert_eq!(s.usage_period, None);
        assert_eq!(s.claim_window, None);
        assert_eq!(s.claimed_amount, None);
        // An invoice without an amount makes the total incomplete.
        assert_eq!(s.invoice_total, None);
        assert_eq!(InvoiceSum::of(&claim).without_amount.len(), 1);
    }

    #[test]
    fn the_documented_requirements_are_in_the_table() {
        let needs = |t| requirements_for(t).unwrap().needs;
        assert!(
            needs(ActivityType::DigitalAdvertising).contains(&Need::Document(DocType::LandingPage))
        );
        assert!(needs(ActivityType::Seminar).contains(&Need::Metric("registered_guests")));
        assert!(needs(ActivityType::Exam).contains(&Need::Document(DocType::AttendanceSheet)));
        assert_eq!(needs(ActivityType::TvRadio), &[Need::PreApproval]);
    }
}
