//! The co-op guide: Partner Center > Incentives > Co-op management > Create
//! new claim, screen by screen (the guide's "Claiming CO-OP Funding", steps
//! 1–8 and its tips), the PoE checklist tied to the `coop-` and document
//! rules, the co-op dates (claiming window, F§2.4–2.5; document retention,
//! F§2.6) and the invoice totals of claim.json.
//!
//! Every date and sum comes from the library functions the rules use
//! ([`crate::kinds::coop::fiscal`], [`crate::kinds::coop::facts`],
//! [`crate::money`]), so SUBMIT.md and the checklist can never state
//! another deadline or total than `validate` checks. Each Partner Center
//! screen is one function below; the pieces other kinds share come from
//! [`crate::submit::screens`] and [`crate::checklist::items`].

use serde_json::json;

use crate::checklist::items::{self, EMAIL_RULES, PARTNER_ID_RULES};
use crate::checklist::{Deadline, ItemSpec, SectionSpec};
use crate::decode::{Sp, StrEnum};
use crate::kinds::coop::facts::{
    self, ACTIVITY_REQUIREMENTS, DISPUTE_REVIEW_BUSINESS_DAYS, EVIDENCE_TYPES, FUND_CATEGORY,
    GUIDE_FUND_CATEGORY, INVOICE_TYPES, InvoiceSum, Need, PAYMENT_BUSINESS_DAYS, PROGRAM,
    REVIEW_BUSINESS_DAYS, Summary, category_name,
};
use crate::kinds::coop::fiscal::{RETENTION_MONTHS, WindowState};
use crate::kinds::coop::model::{Activity, ActivityType, CoopClaim};
use crate::kinds::coop::rules::{
    activity_dates, activity_outside_period, activity_requirements, amount, amount_mismatch,
    claim_window, currency, document_date, evidence_missing, fund_category,
    invoice_amount_not_found, invoice_details, invoice_missing, over_available, program,
    receipt_missing, retention, usage_period,
};
use crate::model::{DocType, Document, Kind};
use crate::money;
use crate::rich::Rich;
use crate::rules::Rule;
use crate::rules::any::{date_in_future, document_missing, document_undated, duplicate_claim};
use crate::submit::screens::{self, Menu, click};
use crate::submit::{GuideCtx, KindGuide, Screen, enter, kind_and_title, text};

/// "select `value`", or a plain note when the claim has no value.
fn select(v: Option<&str>) -> Rich {
    match v {
        Some(v) => Rich::new().text("select ").value(v),
        None => Rich::new().text("(not in the claim file)"),
    }
}

/// A requirement of the activity type, with keys and types set as code.
fn need_rich(need: Need) -> Rich {
    match need {
        Need::Document(DocType::LandingPage) => Rich::new()
            .text("a ")
            .code("landing-page")
            .text(" document (a file or a ")
            .code("url")
            .text(")"),
        Need::Document(t) => {
            let article = if t.as_str().starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an "
            } else {
                "a "
            };
            Rich::new().text(article).code(t.as_str()).text(" document")
        }
        Need::Metric(name) => Rich::new()
            .code(format!("metrics.{name}"))
            .text(" (a count above zero)"),
        Need::PreApproval => Rich::new().code("pre_approval_id"),
    }
}

/// Requirements joined with "; ".
fn needs_rich(needs: &[Need]) -> Rich {
    let mut r = Rich::new();
    for (i, &n) in needs.iter().enumerate() {
        if i > 0 {
            r = r.text("; ");
        }
        r = r.then(need_rich(n));
    }
    r
}

impl CoopClaim {
    fn amount(&self, a: rust_decimal::Decimal) -> String {
        money::format(a, self.currency_code())
    }

    fn activity_type(&self) -> Option<ActivityType> {
        self.activity
            .as_ref()
            .and_then(|a| a.activity_type.as_deref())
            .copied()
    }

    fn activity_text(&self, f: impl Fn(&Activity) -> &Option<Sp<String>>) -> Option<&str> {
        self.activity.as_ref().and_then(|a| text(f(a)))
    }

    fn claimed(&self) -> Option<rust_decimal::Decimal> {
        self.activity
            .as_ref()
            .and_then(|a| a.claimed_amount.as_deref())
            .copied()
    }

    /// A document with its number and amount, for the upload lists.
    fn doc_details(&self, doc: &Document) -> Rich {
        let mut money = Rich::new();
        if let Some(n) = text(&doc.number) {
            money = money.text(" ").value(n);
        }
        if let Some(a) = doc.amount.as_deref() {
            money = money.text(", ").value(self.amount(*a));
        }
        screens::doc_details(doc, money, Rich::new())
    }

    /// What the activity type needs, for SUBMIT.md and the checklist.
    fn type_needs(&self) -> Option<(ActivityType, &'static [Need])> {
        let t = self.activity_type()?;
        let r = facts::requirements_for(t)?;
        Some((t, r.needs))
    }
}

// The walk-through, one function per screen (G steps 1 to 8, then tips).

fn sign_in() -> Screen {
    screens::sign_in("Sign in to Partner Center (G step 1)", "account")
}

fn co_op_management() -> Screen {
    Screen::new("Incentives > Co-op management (G steps 2–3)")
        .act(screens::open_incentives(Menu::Tiles, "Co-op management"))
}

/// Step 4: the claim's frame, in the screen's order.
fn create_new_claim(c: &CoopClaim, summary: &Summary, ctx: &GuideCtx<'_>) -> Screen {
    let mut period = select(text(&c.usage_period));
    if let (Some(start), Some(end)) = (summary.period_start, summary.period_end) {
        period = period.text(format!(": {start} to {end}"));
    }
    let mut s = Screen::new("Create new claim (G step 4)")
        .act(click("Create new claim"))
        .field("Program", select(text(&c.program)))
        .trap(
            Rich::new()
                .text("select ")
                .strong(PROGRAM)
                .text(": CSP co-op funds are claimed under this program only."),
        )
        .field("Fund category", select(text(&c.fund_category)))
        .note(Rich::new().text(format!(
            "the guide spells it \"{GUIDE_FUND_CATEGORY}\"; Partner Center lists the CSP category."
        )))
        .field(
            "Location",
            screens::location_choice(text(&c.partner_id), ctx, "(not in the claim file)"),
        )
        .trap(
            "the location is the PartnerID (formerly MPN ID) of the location that earned the \
             funds: always use the correct PartnerID for your location (G).",
        )
        .field("Funding pool", select(text(&c.funding_pool)))
        .field("Usage period", period);
    s = usage_period_notes(s, c, summary, ctx);
    if let Some(available) = c.available_funds.as_deref() {
        s = s.note(
            Rich::new()
                .text("available in this pool and period (as recorded in the claim file): ")
                .value(c.amount(*available)),
        );
    }
    s.note(
        "Partner Center asks for bank and tax information when you make a new claim if it is \
         not on file (F§2.7).",
    )
    .act(click("Continue"))
}

/// The activity inside the usage period, and the period's claiming window.
fn usage_period_notes(
    mut s: Screen,
    c: &CoopClaim,
    summary: &Summary,
    ctx: &GuideCtx<'_>,
) -> Screen {
    if let Some(a) = &c.activity
        && let (Some(start), Some(end)) = (a.start_date.as_deref(), a.end_date.as_deref())
    {
        s = s.note(Rich::new().text(format!(
            "the activity ({start} to {end}) must fall inside the usage period: funds are used \
             in their usage period or forfeit (F§2.4)."
        )));
    }
    let Some(w) = summary.claim_window else {
        return s;
    };
    s.trap(
        Rich::new()
            .text(format!(
                "claims for {} are accepted from {} to ",
                summary
                    .usage_period
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
                w.opens
            ))
            .strong(w.closes.to_string())
            .text(match w.state(ctx.env.today) {
                WindowState::Open => ": submit by that day (F§2.4–2.5).",
                WindowState::NotYetOpen => {
                    ": the window is not open yet; the period's funds show in Co-op management \
                     once it opens (F§2.17)."
                }
                WindowState::Closed => ": the window has closed and the funds are forfeit.",
            }),
    )
}

/// Step 5: the claim details.
fn claim_details(c: &CoopClaim) -> Screen {
    let mut s = Screen::new("Enter claim details (G step 5)")
        .field("Activity name", enter(c.activity_text(|a| &a.name)))
        .field("Description", enter(c.activity_text(|a| &a.description)));
    if let Some(a) = &c.activity {
        s = activity_fields(s, a);
    }
    s = s
        .field(
            "Claimed amount",
            match c.claimed() {
                Some(v) => Rich::new()
                    .text("enter ")
                    .value(money::decimal_string(v, c.currency_code())),
                None => enter(None),
            },
        )
        .field("Currency", select(text(&c.currency)))
        .trap(amount_matches(c))
        .field("Partner ID", enter(text(&c.partner_id)))
        .note("your local PartnerID (MPN ID) of the location above, not the global one.");
    if let Some(id) = c.activity_text(|a| &a.pre_approval_id) {
        s = s.field("Pre-approval ID", enter(Some(id)));
    }
    match &c.activity {
        Some(a) if !a.metrics.is_empty() => s.field_list(
            "Metrics",
            Rich::new().text("enter each metric the activity reports:"),
            a.metrics
                .iter()
                .map(|(k, v)| {
                    Rich::new()
                        .value(k.value.clone())
                        .text(format!(": {}", v.value))
                })
                .collect(),
        ),
        _ => s,
    }
}

/// The activity's category, type and dates on the claim details screen.
fn activity_fields(mut s: Screen, a: &Activity) -> Screen {
    let mut kind = Rich::new();
    if let Some(c) = a.category.as_deref() {
        kind = kind.text("category ").strong(category_name(*c));
    }
    if let Some(t) = a.activity_type.as_deref() {
        if !kind.is_empty() {
            kind = kind.text(", ");
        }
        kind = kind.text("activity ").code(t.as_str());
    }
    if !kind.is_empty() {
        s = s.field(
            "Activity",
            Rich::new()
                .text("choose the matching activity: ")
                .then(kind),
        );
    }
    let date = |d: &Option<Sp<chrono::NaiveDate>>| {
        d.as_deref()
            .map_or_else(|| enter(None), |d| Rich::new().text(format!("enter {d}")))
    };
    s.field("Start date", date(&a.start_date))
        .field("End date", date(&a.end_date))
}

/// The trap of step 5: the claimed amount against the invoices' total.
fn amount_matches(c: &CoopClaim) -> Rich {
    let sum = InvoiceSum::of(c);
    let r = Rich::new().text("the claimed amount must match the supporting documents (G step 5)");
    let (Some(claimed), Some(total)) = (c.claimed(), sum.total) else {
        return r.text(".");
    };
    if sum.summed.is_empty() {
        return r.text(".");
    }
    let mut r = r
        .text(": ")
        .value(c.amount(claimed))
        .text(" claimed; invoices and CSRs total ")
        .value(c.amount(total))
        .text(" (")
        .value(sum.describe(c.currency_code()))
        .text(")");
    if claimed < total {
        r = r.text(". A partial claim: ");
        r = match c.activity_text(|a| &a.partial_claim_reason) {
            Some(reason) => r.text("say why in the description: ").value(reason),
            None => r.text("explain it, or claim the invoice total"),
        };
    }
    r.text(".")
}

/// Step 6: the documents, with their amounts and numbers.
fn upload_documents(c: &CoopClaim, ctx: &GuideCtx<'_>) -> Screen {
    let mut s = screens::upload_files(
        Screen::new("Upload supporting documentation (G step 6)"),
        "Proof of Execution",
        "upload each file from this bundle's documents folder, with its amount and number where \
         it has them:",
        &c.documents,
        ctx,
        |d| c.doc_details(d),
    );
    let links = screens::online_links(&c.documents);
    if !links.is_empty() {
        s = s.field_list(
            "Online evidence",
            Rich::new().text("add these links (they are not files):"),
            links
                .iter()
                .map(|d| {
                    Rich::new()
                        .value(d.label())
                        .text(": ")
                        .then(c.doc_details(d))
                })
                .collect(),
        );
    }
    s = s.trap(
        "every activity needs a third-party invoice, or a Certification Statement and Report \
         (CSR) for work done in-house, plus the payment receipts and evidence that the activity \
         took place (F§2.14; G step 6).",
    );
    if let Some((t, needs)) = c.type_needs()
        && !needs.is_empty()
    {
        s = s.trap(
            Rich::new()
                .text("a ")
                .code(t.as_str())
                .text(" activity also needs: ")
                .then(needs_rich(needs))
                .text(" (F§2.14)."),
        );
    }
    s.note(
        "all documentation must comply with Microsoft's claim requirements and be clear, \
         complete and dated (G).",
    )
}

/// Step 7.
fn review_and_submit() -> Screen {
    Screen::new("Review and submit (G step 7)")
        .act("Double-check every value and attachment against this page.")
        .trap(
            "you can't edit a claim after you submit it unless a reviewer requests more \
             information (F§2.8).",
        )
        .act(
            Rich::new()
                .text("Click ")
                .strong("Submit")
                .text(" to lodge the claim."),
        )
}

/// Step 8.
fn after_you_submit(summary: &Summary) -> Screen {
    Screen::new("After you submit: what happens next (G step 8)")
        .act(
            Rich::new()
                .text("Watch the claim's status under ")
                .strong("Co-op management")
                .text(" > ")
                .strong("Claims")
                .text(
                    ": Submitted, Under review, Action required, Approved or Rejected. You are \
                     notified when Microsoft needs more information.",
                ),
        )
        .act(Rich::new().text(format!(
            "Review: Microsoft documents co-op reviews as taking up to {REVIEW_BUSINESS_DAYS} \
             business days after submission (F§2.10; the guide says claims typically take up to \
             30 days to process). If a claim stays Under review much longer, contact Partner \
             Center support."
        )))
        .act(
            "Action required: answer the reviewer's request in the claim; it is the only time a \
             submitted claim can be edited (F§2.8).",
        )
        .act(Rich::new().text(format!(
            "Rejected: you can dispute the decision; the validation team reviews a dispute \
             within {DISPUTE_REVIEW_BUSINESS_DAYS} business days (F§2.11)."
        )))
        .act(Rich::new().text(format!(
            "Approved: payment within {PAYMENT_BUSINESS_DAYS} business days of the approval \
             date, in your bank profile's currency (F§2.12)."
        )))
        .act(match summary.keep_documents_until {
            Some(until) => Rich::new()
                .text("Keep the original documents (invoices, receipts, evidence) until ")
                .strong(until.to_string())
                .text(format!(
                    ": {RETENTION_MONTHS} months after the activity, for audits (F§2.6)."
                )),
            None => Rich::new().text(format!(
                "Keep the original documents for {RETENTION_MONTHS} months after the activity, \
                 for audits (F§2.6)."
            )),
        })
}

fn tips(c: &CoopClaim, summary: &Summary) -> Screen {
    let email = Rich::new()
        .strong("Business email")
        .text(": submit with your professional address");
    let email = match text(&c.submitter_email) {
        Some(address) => email
            .text(" (")
            .value(address)
            .text("), never a free webmail one."),
        None => email.text(", never a free webmail one."),
    };
    let window = Rich::new().strong("Within the claim window");
    let window = match (summary.usage_period, summary.claim_window) {
        (Some(p), Some(w)) => window.text(format!(
            ": submit by {}, the last day of the {p} claiming window; funds not claimed in time \
             expire.",
            w.closes
        )),
        _ => window.text(": funds not claimed in time expire."),
    };
    Screen::new("Tips for a successful claim (G)")
        .act(
            Rich::new()
                .strong("One claim per activity")
                .text(
                    ": submit individual claims for each eligible activity. This claim is for \
                     one activity only; claimtool's ",
                )
                .code(duplicate_claim::RULE.id)
                .text(" rule finds the same activity or invoice in two claim files (run ")
                .code("claimtool validate")
                .text(" on the whole claims folder)."),
        )
        .act(email)
        .act(
            Rich::new()
                .strong("Clear, complete and dated")
                .text(": every document legible, whole, and carrying its date."),
        )
        .act(window)
}

// The checklist, by section.

fn setup_items(c: &CoopClaim, summary: &Summary, ctx: &GuideCtx<'_>) -> Vec<ItemSpec> {
    let mut frame = Rich::new();
    for (label, v) in [
        ("program ", text(&c.program)),
        ("; fund category ", text(&c.fund_category)),
        ("; funding pool ", text(&c.funding_pool)),
    ] {
        if let Some(v) = v {
            let label = if frame.is_empty() {
                label.trim_start_matches("; ")
            } else {
                label
            };
            frame = frame.text(label).value(v);
        }
    }
    vec![
        ItemSpec {
            text: Rich::new().text(format!("Program {PROGRAM}, fund category {FUND_CATEGORY}")),
            rules: const { &[&program::RULE, &fund_category::RULE] },
            evidence: frame,
        },
        ItemSpec {
            text: "Location is the PartnerID of the location that earned the funds".into(),
            rules: PARTNER_ID_RULES,
            evidence: items::location_evidence(&c.partner_id, ctx, false),
        },
        dates_item(c, summary),
        ItemSpec {
            text: "Claim window open, submitted before it closes".into(),
            rules: const { &[&claim_window::RULE] },
            evidence: summary.claim_window.map_or_else(Rich::new, |w| {
                Rich::new().text(format!("window {} to {}", w.opens, w.closes))
            }),
        },
        ItemSpec {
            text: "Submitted with a business email address".into(),
            rules: EMAIL_RULES,
            evidence: text(&c.submitter_email).map_or_else(Rich::new, |e| Rich::new().value(e)),
        },
    ]
}

fn dates_item(c: &CoopClaim, summary: &Summary) -> ItemSpec {
    let mut when = Rich::new();
    if let Some(p) = text(&c.usage_period) {
        when = when.text("usage period ").value(p);
    }
    if let (Some(s), Some(e)) = (summary.period_start, summary.period_end) {
        when = when.text(format!(" ({s} to {e})"));
    }
    if let Some(a) = &c.activity
        && let (Some(s), Some(e)) = (a.start_date.as_deref(), a.end_date.as_deref())
    {
        when = when.text(format!("; activity {s} to {e}"));
    }
    ItemSpec {
        text: "Usage period and activity dates: the activity falls inside the usage period".into(),
        rules: const {
            &[
                &usage_period::RULE,
                &activity_dates::RULE,
                &activity_outside_period::RULE,
                &date_in_future::RULE,
            ]
        },
        evidence: when,
    }
}

fn money_items(c: &CoopClaim) -> Vec<ItemSpec> {
    let claimed = c.claimed();
    let sum = InvoiceSum::of(c);
    let mut tie = Rich::new();
    if let Some(total) = sum.total
        && !sum.summed.is_empty()
    {
        tie = tie
            .text("invoice total ")
            .value(c.amount(total))
            .text(format!(" from {}: ", sum.counted()))
            .value(sum.describe(c.currency_code()));
        if let Some(v) = claimed {
            tie = tie.text("; claimed ").value(c.amount(v));
        }
    }
    let mut items = vec![
        ItemSpec {
            text: "Claimed amount above zero, in an ISO 4217 currency, to its minor units".into(),
            rules: const { &[&amount::RULE, &currency::RULE] },
            evidence: claimed.map_or_else(Rich::new, |v| Rich::new().value(c.amount(v))),
        },
        ItemSpec {
            text: "Invoices and CSRs, each with amount and number, add up to the claimed amount \
                   to the cent"
                .into(),
            rules: const {
                &[
                    &amount_mismatch::RULE,
                    &invoice_details::RULE,
                    &invoice_amount_not_found::RULE,
                ]
            },
            evidence: tie,
        },
    ];
    if let Some(available) = c.available_funds.as_deref() {
        items.push(ItemSpec {
            text: "Claimed amount within the funds available in the pool".into(),
            rules: const { &[&over_available::RULE] },
            evidence: Rich::new().text("available ").value(c.amount(*available)),
        });
    }
    items
}

/// The rules behind the documents' dates: the co-op's own `coop-document-date`
/// adds that no evidence predates the activity.
static DATE_RULES: &[&Rule] = &[
    &document_undated::RULE,
    &document_date::RULE,
    &date_in_future::RULE,
];

fn poe_items(c: &CoopClaim, ctx: &GuideCtx<'_>) -> Vec<ItemSpec> {
    let of_types = |types: &[DocType]| {
        Rich::new().values(
            ", ",
            c.documents
                .iter()
                .filter(|d| types.iter().any(|&t| d.is_type(t)))
                .map(|d| ctx.doc_label(d)),
        )
    };
    let mut items = vec![
        ItemSpec {
            text: "A third-party invoice or a CSR, each file readable".into(),
            rules: const { &[&invoice_missing::RULE, &document_missing::RULE] },
            evidence: of_types(INVOICE_TYPES),
        },
        ItemSpec {
            text: "Payment receipts for the invoices".into(),
            rules: const { &[&receipt_missing::RULE] },
            evidence: of_types(&[DocType::PaymentReceipt]),
        },
        ItemSpec {
            text: "Evidence that the activity took place".into(),
            rules: const { &[&evidence_missing::RULE] },
            evidence: of_types(EVIDENCE_TYPES),
        },
    ];
    items.extend(type_needs_item(c, ctx));
    items.extend(items::document_checks(
        "Every document dated; evidence not before the activity; no date in the future",
        DATE_RULES,
        &c.documents,
        ctx,
    ));
    items
}

/// What the activity type requires, with what the claim shows for each
/// need (the rule decides).
fn type_needs_item(c: &CoopClaim, ctx: &GuideCtx<'_>) -> Option<ItemSpec> {
    let (t, needs) = c.type_needs()?;
    let note = ACTIVITY_REQUIREMENTS
        .iter()
        .find(|r| r.activity == t)
        .map_or("", |r| r.note);
    let mut evidence = Rich::new().text(t.as_str()).text(": ");
    if needs.is_empty() {
        evidence = evidence.text("nothing beyond the above");
    }
    for (i, &need) in needs.iter().enumerate() {
        if i > 0 {
            evidence = evidence.text("; ");
        }
        evidence = evidence.then(need_evidence(c, need, ctx));
    }
    Some(ItemSpec {
        text: Rich::new()
            .text("What the activity type requires (")
            .text(note)
            .text(")"),
        rules: const { &[&activity_requirements::RULE] },
        evidence,
    })
}

/// "agenda `documents/05-agenda.pdf`", "registered guests 140",
/// "pre-approval ID not given": what the claim has for one need.
fn need_evidence(c: &CoopClaim, need: Need, ctx: &GuideCtx<'_>) -> Rich {
    match need {
        Need::Document(dt) => {
            let have: Vec<String> = c
                .documents
                .iter()
                .filter(|d| d.is_type(dt))
                .map(|d| ctx.doc_label(d))
                .collect();
            let r = Rich::new().text(dt.as_str()).text(" ");
            if have.is_empty() {
                r.text("none")
            } else {
                r.values(", ", have)
            }
        }
        Need::Metric(name) => {
            let value = c.activity.as_ref().and_then(|a| {
                a.metrics
                    .iter()
                    .find(|(k, _)| k.value == name)
                    .map(|(_, v)| v.value)
            });
            let r = Rich::new().text(name.replace('_', " ")).text(" ");
            match value {
                Some(v) => r.text(v.to_string()),
                None => r.text("not given"),
            }
        }
        Need::PreApproval => {
            let r = Rich::new().text("pre-approval ID ");
            match c.activity_text(|a| &a.pre_approval_id) {
                Some(id) => r.value(id),
                None => r.text("not given"),
            }
        }
    }
}

fn after_items(summary: &Summary) -> Vec<ItemSpec> {
    vec![ItemSpec {
        text: Rich::new().text(format!(
            "Originals kept {RETENTION_MONTHS} months after the activity"
        )),
        rules: const { &[&retention::RULE] },
        evidence: summary
            .keep_documents_until
            .map_or_else(Rich::new, |d| Rich::new().text(format!("keep until {d}"))),
    }]
}

// The dates: the claiming window, then how long to keep the originals.

fn window_deadlines(summary: &Summary, today: chrono::NaiveDate) -> Vec<Deadline> {
    let (Some(period), Some(w)) = (summary.usage_period, summary.claim_window) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if w.state(today) == WindowState::NotYetOpen {
        out.push(Deadline::expected(
            Rich::new().text(format!("The claiming window for {period} opens")),
            w.opens,
            today,
            Rich::new().text(
                "the 16th of the usage period's second month; Partner Center takes no claim \
                 before it (F§2.4)",
            ),
        ));
    }
    out.push(Deadline::yours(
        Rich::new().text(format!(
            "Submit the claim: the claiming window for {period} closes"
        )),
        w.closes,
        today,
        Rich::new().text(format!(
            "claims for {period} are accepted from {} to {} (the last day included); after it \
             the funds are forfeit (F§2.4–2.5)",
            w.opens, w.closes
        )),
    ));
    out
}

fn retention_deadline(
    c: &CoopClaim,
    summary: &Summary,
    today: chrono::NaiveDate,
) -> Option<Deadline> {
    let until = summary.keep_documents_until?;
    let end = c
        .activity
        .as_ref()
        .and_then(|a| a.end_date.as_deref())
        .map(ToString::to_string)
        .unwrap_or_default();
    Some(Deadline::yours(
        "Keep the original documents until".into(),
        until,
        today,
        Rich::new().text(format!(
            "{RETENTION_MONTHS} months after the activity ended on {end} (F§2.6)"
        )),
    ))
}

impl KindGuide for CoopClaim {
    kind_and_title!(Kind::Coop, "Co-op claim (Microsoft Commerce Incentives)");

    fn bundle_name(&self) -> Option<&str> {
        self.activity_text(|a| &a.name)
    }

    fn screens(&self, ctx: &GuideCtx<'_>) -> Vec<Screen> {
        let summary = Summary::of(self);
        vec![
            sign_in(),
            co_op_management(),
            create_new_claim(self, &summary, ctx),
            claim_details(self),
            upload_documents(self, ctx),
            review_and_submit(),
            after_you_submit(&summary),
            tips(self, &summary),
        ]
    }

    fn checklist(&self, ctx: &GuideCtx<'_>) -> Vec<SectionSpec> {
        let summary = Summary::of(self);
        vec![
            SectionSpec {
                title: "Claim set-up",
                items: setup_items(self, &summary, ctx),
            },
            SectionSpec {
                title: "Money",
                items: money_items(self),
            },
            SectionSpec {
                title: "Proof of execution (PoE)",
                items: poe_items(self, ctx),
            },
            SectionSpec {
                title: "After submitting",
                items: after_items(&summary),
            },
        ]
    }

    fn deadlines(&self, ctx: &GuideCtx<'_>) -> Vec<Deadline> {
        let today = ctx.env.today;
        let summary = Summary::of(self);
        let mut out = window_deadlines(&summary, today);
        out.extend(retention_deadline(self, &summary, today));
        out
    }

    fn claim_values(&self) -> serde_json::Value {
        self.to_json()
    }

    fn totals(&self) -> serde_json::Value {
        let summary = Summary::of(self);
        let sum = InvoiceSum::of(self);
        let code = self.currency_code();
        let dec = |d: Option<rust_decimal::Decimal>| d.map(|d| money::decimal_string(d, code));
        json!({
            "currency": summary.currency,
            "claimed_amount": dec(summary.claimed_amount),
            "invoice_total": dec(summary.invoice_total),
            "difference": dec(summary.difference),
            "invoices": sum.summed.iter().map(|(d, a)| json!({
                "index": d.index,
                "type": d.doc_type.as_ref().map(|t| t.value.as_str()),
                "number": d.number.as_ref().map(|n| &n.value),
                "amount": money::decimal_string(*a, code),
            })).collect::<Vec<_>>(),
            "usage_period": summary.usage_period.map(|p| p.to_string()),
            "period_start": summary.period_start.map(|d| d.to_string()),
            "period_end": summary.period_end.map(|d| d.to_string()),
            "claim_window_opens": summary.claim_window.map(|w| w.opens.to_string()),
            "claim_window_closes": summary.claim_window.map(|w| w.closes.to_string()),
            "keep_documents_until": summary.keep_documents_until.map(|d| d.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::submit::render_markdown;
    use crate::submit::testing::{self, assert_in_order};

    /// The test claim in a guide context on `today`, with the bundle file
    /// names of its two invoices (the third document is a link).
    fn with_guide(today: &str, f: impl FnOnce(&CoopClaim, &GuideCtx<'_>)) {
        let text = include_str!("guide_test.toml");
        let names = [
            Some("01-inv.pdf".to_string()),
            Some("02-inv2.pdf".to_string()),
            None,
        ];
        testing::with_claim(text, &testing::env(today), &names, |claim, ctx| {
            let crate::model::Claim::Coop(claim) = claim else {
                panic!("not a co-op claim")
            };
            f(claim, ctx);
        });
    }

    /// What SUBMIT.md says of the test claim, in this order.
    const WALKTHROUGH: &[&str] = &[
        "Create new claim (G step 4)",
        "**Program**: select `Microsoft Commerce Incentives`",
        "**Fund category**: select `Cloud Solution Provider`",
        "**Location**: select `4871236`",
        "**Funding pool**: select `CSP Indirect Reseller`",
        "**Usage period**: select `FY27-H1`: 2026-07-01 to 2026-12-31",
        "accepted from 2026-08-16 to **2027-02-15**",
        "Enter claim details (G step 5)",
        "**Claimed amount**: enter `10000.00`",
        "**Currency**: select `AUD`",
        "`AUD 10,000.00` claimed; invoices and CSRs total `AUD 12,500.30`",
        "say why in the description: `Capped at the remaining balance`",
        "Upload supporting documentation (G step 6)",
        "`documents/01-inv.pdf`: invoice `INV-1042`, `AUD 10,000.10`",
        "`https://events.example/azure`",
        "a `seminar` activity also needs",
        "Review and submit (G step 7)",
        "Keep the original documents (invoices, receipts, evidence) until **2028-08-20**",
        "**One claim per activity**",
        "**Business email**: submit with your professional address (`grace.hopper@fabrikam.com.au`)",
    ];

    #[test]
    fn the_walkthrough_follows_the_guide_and_the_claim() {
        with_guide("2026-11-26", |claim, ctx| {
            let md = render_markdown(claim, ctx, "ok");
            assert_in_order(&md, WALKTHROUGH);
            // The activity name is a user value: a code span, never HTML.
            assert!(md.contains("# Submit in Partner Center: `Azure <b>webinars</b>`"));
        });
    }

    #[test]
    fn deadlines_are_the_rules_dates() {
        with_guide("2026-08-10", |claim, ctx| {
            let d = claim.deadlines(ctx);
            let plain: Vec<String> = d.iter().map(|d| d.what.plain()).collect();
            assert_eq!(
                plain,
                [
                    "The claiming window for FY27-H1 opens",
                    "Submit the claim: the claiming window for FY27-H1 closes",
                    "Keep the original documents until",
                ]
            );
            assert_eq!(d[0].date, "2026-08-16".parse().ok());
            assert_eq!(d[1].date, "2027-02-15".parse().ok());
            assert_eq!(d[1].state, Some("far"));
            assert_eq!(d[2].date, "2028-08-20".parse().ok());
        });
        with_guide("2027-02-01", |claim, ctx| {
            let d = claim.deadlines(ctx);
            assert_eq!(d.len(), 2);
            assert_eq!(d[0].state, Some("near"));
            assert_eq!(d[0].days_left, Some(14));
        });
    }

    #[test]
    fn totals_are_exact_decimal_strings() {
        with_guide("2026-11-26", |claim, _| {
            let t = claim.totals();
            assert_eq!(t["currency"], "AUD");
            assert_eq!(t["claimed_amount"], "10000.00");
            assert_eq!(t["invoice_total"], "12500.30");
            assert_eq!(t["difference"], "-2500.30");
            assert_eq!(t["invoices"][1]["number"], "CSR-7");
            assert_eq!(t["claim_window_closes"], "2027-02-15");
            let v = claim.claim_values();
            assert_eq!(v["available_funds"], "20000.00");
            assert_eq!(v["activity"]["metrics"]["registered_guests"], 140);
        });
    }
}
