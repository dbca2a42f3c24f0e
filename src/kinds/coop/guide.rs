//! The co-op guide: Partner Center > Incentives > Co-op management > Create
//! new claim, screen by screen (the guide's "Claiming CO-OP Funding", steps
//! 1–8 and its tips), the PoE checklist tied to the `coop-` and document
//! rules, the co-op dates (claiming window, F§2.4–2.5; document retention,
//! F§2.6) and the invoice totals of claim.json.
//!
//! Every date and sum comes from the library functions the rules use
//! ([`crate::kinds::coop::fiscal`], [`crate::kinds::coop::facts`], [`crate::money`]), so SUBMIT.md and
//! the checklist can never state another deadline or total than `validate`
//! checks.

use serde_json::json;

use crate::checklist::{Deadline, ItemSpec, SectionSpec};
use crate::decode::{Sp, StrEnum};
use crate::kinds::coop::facts::{
    self, ACTIVITY_REQUIREMENTS, DISPUTE_REVIEW_BUSINESS_DAYS, EVIDENCE_TYPES, INVOICE_TYPES,
    InvoiceSum, Need, PAYMENT_BUSINESS_DAYS, PROGRAM, REVIEW_BUSINESS_DAYS, Summary, category_name,
};
use crate::kinds::coop::fiscal::{RETENTION_MONTHS, WindowState};
use crate::kinds::coop::model::{ActivityType, CoopClaim};
use crate::kinds::coop::rules::{
    activity_dates, activity_outside_period, activity_requirements, amount, amount_mismatch,
    claim_window, currency, document_date, evidence_missing, fund_category, invoice_details,
    invoice_missing, over_available, program, receipt_missing, retention, usage_period,
};
use crate::model::{DocType, Document, Kind};
use crate::money;
use crate::rich::Rich;
use crate::rules::any::{
    business_email, date_in_future, document_empty, document_format, document_missing,
    document_undated, email_format, partner_id_format, partner_id_unknown,
};

use crate::submit::{GuideCtx, KindGuide, Screen};

fn text(v: &Option<Sp<String>>) -> Option<&str> {
    v.as_ref().map(|s| s.value.as_str())
}

/// "enter `value`", or a plain note when the claim has no value.
fn enter(v: Option<&str>) -> Rich {
    match v {
        Some(v) => Rich::new().text("enter ").value(v),
        None => Rich::new().text("(not in the claim file)"),
    }
}

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
    /// The claim's currency code as written (for display, even when
    /// `coop-currency` reports it).
    fn currency_code(&self) -> &str {
        self.currency.as_ref().map_or("", |c| c.value.trim())
    }

    fn amount(&self, a: rust_decimal::Decimal) -> String {
        money::format(a, self.currency_code())
    }

    fn activity_type(&self) -> Option<ActivityType> {
        self.activity
            .as_ref()
            .and_then(|a| a.activity_type.as_deref())
            .copied()
    }

    fn activity_text(
        &self,
        f: impl Fn(&crate::kinds::coop::model::Activity) -> &Option<Sp<String>>,
    ) -> Option<&str> {
        self.activity.as_ref().and_then(|a| text(f(a)))
    }

    /// How a document is named in SUBMIT.md: its bundle file, else its URL.
    fn doc_ref(doc: &Document, ctx: &GuideCtx<'_>) -> Rich {
        match ctx.document_names.get(doc.index).cloned().flatten() {
            Some(name) => Rich::new().code(format!("documents/{name}")),
            None => Rich::new().value(doc.label()),
        }
    }

    fn doc_details(&self, doc: &Document) -> Rich {
        let mut r = Rich::new().text(
            doc.doc_type
                .as_ref()
                .map_or("document", |t| t.value.as_str()),
        );
        if let Some(n) = text(&doc.number) {
            r = r.text(" ").value(n);
        }
        if let Some(a) = doc.amount.as_deref() {
            r = r.text(", ").value(self.amount(*a));
        }
        if let Some(d) = doc.date.as_deref() {
            r = r.text(format!(", dated {d}"));
        }
        if let Some(d) = text(&doc.description) {
            r = r.text(": ").value(d);
        }
        r
    }

    /// What the activity type needs, for SUBMIT.md and the checklist.
    fn type_needs(&self) -> Option<(ActivityType, &'static [Need])> {
        let t = self.activity_type()?;
        let r = facts::requirements_for(t)?;
        Some((t, r.needs))
    }

    fn next_steps(&self, summary: &Summary) -> Screen {
        let mut s = Screen::new("After you submit: what happens next (G step 8)")
            .act(
                Rich::new()
                    .text("Watch the claim's status under ")
                    .strong("Co-op management")
                    .text(" > ")
                    .strong("Claims")
                    .text(
                        ": Submitted, Under review, Action required, Approved or Rejected. \
                           You are notified when Microsoft needs more information.",
                    ),
            )
            .act(Rich::new().text(format!(
                "Review: Microsoft documents co-op reviews as taking up to {REVIEW_BUSINESS_DAYS} \
                 business days after submission (F§2.10; the guide says claims typically take up \
                 to 30 days to process). If a claim stays Under review much longer, contact \
                 Partner Center support."
            )))
            .act(
                "Action required: answer the reviewer's request in the claim; it is the only \
                 time a submitted claim can be edited (F§2.8).",
            )
            .act(Rich::new().text(format!(
                "Rejected: you can dispute the decision; the validation team reviews a dispute \
                 within {DISPUTE_REVIEW_BUSINESS_DAYS} business days (F§2.11)."
            )))
            .act(Rich::new().text(format!(
                "Approved: payment within {PAYMENT_BUSINESS_DAYS} business days of the approval \
                 date, in your bank profile's currency (F§2.12)."
            )));
        s = s.act(match summary.keep_documents_until {
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
        });
        s
    }

    fn tips(&self, summary: &Summary) -> Screen {
        let mut s = Screen::new("Tips for a successful claim (G)").act(
            Rich::new()
                .strong("One claim per activity")
                .text(
                    ": submit individual claims for each eligible activity. This claim is \
                           for one activity only; claimtool's ",
                )
                .code("duplicate-claim")
                .text(" rule finds the same activity or invoice in two claim files (run ")
                .code("claimtool validate")
                .text(" on the whole claims folder)."),
        );
        s = s.act(match text(&self.submitter_email) {
            Some(email) => Rich::new()
                .strong("Business email")
                .text(": submit with your professional address (")
                .value(email)
                .text("), never a free webmail one."),
            None => Rich::new()
                .strong("Business email")
                .text(": submit with your professional address, never a free webmail one."),
        });
        s.act(
            Rich::new()
                .strong("Clear, complete and dated")
                .text(": every document legible, whole, and carrying its date."),
        )
        .act(match (summary.usage_period, summary.claim_window) {
            (Some(p), Some(w)) => Rich::new()
                .strong("Within the claim window")
                .text(format!(": submit by {}, the last day of the {p} claiming window; funds not claimed in time expire.", w.closes)),
            _ => Rich::new()
                .strong("Within the claim window")
                .text(": funds not claimed in time expire."),
        })
    }
}

impl KindGuide for CoopClaim {
    fn kind(&self) -> Kind {
        Kind::Coop
    }

    fn title(&self) -> &'static str {
        "Co-op claim (Microsoft Commerce Incentives)"
    }

    fn bundle_name(&self) -> Option<&str> {
        self.activity_text(|a| &a.name)
    }

    fn screens(&self, ctx: &GuideCtx<'_>) -> Vec<Screen> {
        let summary = Summary::of(self);
        let mut screens = vec![
            Screen::new("Sign in to Partner Center (G step 1)").act(
                "Go to https://partner.microsoft.com and sign in with your Partner Center \
                 account.",
            ),
            Screen::new("Incentives > Co-op management (G steps 2–3)").act(
                Rich::new()
                    .text("From the tiles menu, select ")
                    .strong("Incentives")
                    .text(", then ")
                    .strong("Co-op management")
                    .text("."),
            ),
        ];

        // Step 4: the claim's frame, in the screen's order.
        let partner_id = text(&self.partner_id);
        let mut location = select(partner_id);
        if let Some(name) = partner_id
            .and_then(|id| ctx.env.config.location(id))
            .and_then(|l| l.name.clone())
        {
            location = location.text(" (").value(name).text(")");
        }
        let mut period = select(text(&self.usage_period));
        if let (Some(start), Some(end)) = (summary.period_start, summary.period_end) {
            period = period.text(format!(": {start} to {end}"));
        }
        let mut new_claim = Screen::new("Create new claim (G step 4)")
            .act(Rich::new().text("Click ").strong("Create new claim").text("."))
            .field("Program", select(text(&self.program)))
            .trap(
                Rich::new()
                    .text("select ")
                    .strong(PROGRAM)
                    .text(": CSP co-op funds are claimed under this program only."),
            )
            .field("Fund category", select(text(&self.fund_category)))
            .note("the guide spells it \"Cloud Solutions Provider\"; Partner Center lists the CSP category.")
            .field("Location", location)
            .trap(
                "the location is the PartnerID (formerly MPN ID) of the location that earned the \
                 funds: always use the correct PartnerID for your location (G).",
            )
            .field("Funding pool", select(text(&self.funding_pool)))
            .field("Usage period", period);
        if let Some(a) = &self.activity
            && let (Some(start), Some(end)) = (a.start_date.as_deref(), a.end_date.as_deref())
        {
            new_claim = new_claim.note(Rich::new().text(format!(
                "the activity ({start} to {end}) must fall inside the usage period: funds are \
                 used in their usage period or forfeit (F§2.4)."
            )));
        }
        if let Some(w) = summary.claim_window {
            new_claim = new_claim.trap(
                Rich::new()
                    .text(format!(
                        "claims for {} are accepted from {} to ",
                        summary.usage_period.map(|p| p.to_string()).unwrap_or_default(),
                        w.opens
                    ))
                    .strong(w.closes.to_string())
                    .text(match w.state(ctx.env.today) {
                        WindowState::Open => ": submit by that day (F§2.4–2.5).",
                        WindowState::NotYetOpen => ": the window is not open yet; the period's funds show in Co-op management once it opens (F§2.17).",
                        WindowState::Closed => ": the window has closed and the funds are forfeit.",
                    }),
            );
        }
        if let Some(available) = self.available_funds.as_deref() {
            new_claim = new_claim.note(
                Rich::new()
                    .text("available in this pool and period (as recorded in the claim file): ")
                    .value(self.amount(*available)),
            );
        }
        new_claim = new_claim
            .note(
                "Partner Center asks for bank and tax information when you make a new claim if \
                 it is not on file (F§2.7).",
            )
            .act(Rich::new().text("Click ").strong("Continue").text("."));
        screens.push(new_claim);

        // Step 5: the claim details.
        let mut details = Screen::new("Enter claim details (G step 5)")
            .field("Activity name", enter(self.activity_text(|a| &a.name)))
            .field("Description", enter(self.activity_text(|a| &a.description)));
        if let Some(a) = &self.activity {
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
                details = details.field(
                    "Activity",
                    Rich::new()
                        .text("choose the matching activity: ")
                        .then(kind),
                );
            }
            details = details
                .field(
                    "Start date",
                    a.start_date
                        .as_deref()
                        .map_or_else(|| enter(None), |d| Rich::new().text(format!("enter {d}"))),
                )
                .field(
                    "End date",
                    a.end_date
                        .as_deref()
                        .map_or_else(|| enter(None), |d| Rich::new().text(format!("enter {d}"))),
                );
        }
        let claimed = self
            .activity
            .as_ref()
            .and_then(|a| a.claimed_amount.as_deref())
            .copied();
        details = details.field(
            "Claimed amount",
            match claimed {
                Some(c) => Rich::new()
                    .text("enter ")
                    .value(money::decimal_string(c, self.currency_code())),
                None => enter(None),
            },
        );
        details = details.field("Currency", select(text(&self.currency)));
        let sum = InvoiceSum::of(self);
        let mut matches =
            Rich::new().text("the claimed amount must match the supporting documents (G step 5)");
        match (claimed, sum.total) {
            (Some(c), Some(total)) if !sum.summed.is_empty() => {
                matches = matches
                    .text(": ")
                    .value(self.amount(c))
                    .text(" claimed; invoices and CSRs total ")
                    .value(self.amount(total))
                    .text(" (")
                    .value(sum.describe(self.currency_code()))
                    .text(")");
                if c < total {
                    matches = matches.text(". A partial claim: ");
                    matches = match self.activity_text(|a| &a.partial_claim_reason) {
                        Some(reason) => matches.text("say why in the description: ").value(reason),
                        None => matches.text("explain it, or claim the invoice total"),
                    };
                }
                matches = matches.text(".");
            }
            _ => matches = matches.text("."),
        }
        details = details.trap(matches);
        details = details
            .field("Partner ID", enter(partner_id))
            .note("your local PartnerID (MPN ID) of the location above, not the global one.");
        if let Some(id) = self.activity_text(|a| &a.pre_approval_id) {
            details = details.field("Pre-approval ID", enter(Some(id)));
        }
        if let Some(a) = &self.activity
            && !a.metrics.is_empty()
        {
            details = details.field_list(
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
            );
        }
        screens.push(details);

        // Step 6: the documents, invoices first with their running total.
        let files: Vec<&Document> = self
            .documents
            .iter()
            .filter(|d| ctx.document_names.get(d.index).is_some_and(Option::is_some))
            .collect();
        let links: Vec<&Document> = self
            .documents
            .iter()
            .filter(|d| d.path.is_none() && d.url.is_some())
            .collect();
        let mut upload = Screen::new("Upload supporting documentation (G step 6)").field_list(
            "Proof of Execution",
            Rich::new().text(if files.is_empty() {
                "(no document files in the claim file)"
            } else {
                "upload each file from this bundle's documents folder, with its amount and number where it has them:"
            }),
            files
                .iter()
                .map(|d| Self::doc_ref(d, ctx).text(": ").then(self.doc_details(d)))
                .collect(),
        );
        if !links.is_empty() {
            upload = upload.field_list(
                "Online evidence",
                Rich::new().text("add these links (they are not files):"),
                links
                    .iter()
                    .map(|d| {
                        Rich::new()
                            .value(d.label())
                            .text(": ")
                            .then(self.doc_details(d))
                    })
                    .collect(),
            );
        }
        upload = upload.trap(
            "every activity needs a third-party invoice, or a Certification Statement and Report \
             (CSR) for work done in-house, plus the payment receipts and evidence that the \
             activity took place (F§2.14; G step 6).",
        );
        if let Some((t, needs)) = self.type_needs()
            && !needs.is_empty()
        {
            upload = upload.trap(
                Rich::new()
                    .text("a ")
                    .code(t.as_str())
                    .text(" activity also needs: ")
                    .then(needs_rich(needs))
                    .text(" (F§2.14)."),
            );
        }
        upload = upload.note("all documentation must comply with Microsoft's claim requirements and be clear, complete and dated (G).");
        screens.push(upload);

        screens.push(
            Screen::new("Review and submit (G step 7)")
                .act("Double-check every value and attachment against this page.")
                .trap("you can't edit a claim after you submit it unless a reviewer requests more information (F§2.8).")
                .act(Rich::new().text("Click ").strong("Submit").text(" to lodge the claim.")),
        );
        screens.push(self.next_steps(&summary));
        screens.push(self.tips(&summary));
        screens
    }

    fn checklist(&self, ctx: &GuideCtx<'_>) -> Vec<SectionSpec> {
        let summary = Summary::of(self);
        let code = self.currency_code();

        let mut setup = Vec::new();
        let mut frame = Rich::new();
        for (label, v) in [
            ("program ", text(&self.program)),
            ("; fund category ", text(&self.fund_category)),
            ("; funding pool ", text(&self.funding_pool)),
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
        setup.push(ItemSpec {
            text: "Program Microsoft Commerce Incentives, fund category Cloud Solution Provider"
                .into(),
            rules: const { &[&program::RULE, &fund_category::RULE] },
            evidence: frame,
        });
        let pid = crate::checklist::items::location_evidence(&self.partner_id, ctx, false);
        setup.push(ItemSpec {
            text: "Location is the PartnerID of the location that earned the funds".into(),
            rules: const { &[&partner_id_format::RULE, &partner_id_unknown::RULE] },
            evidence: pid,
        });
        let mut when = Rich::new();
        if let Some(p) = text(&self.usage_period) {
            when = when.text("usage period ").value(p);
        }
        if let (Some(s), Some(e)) = (summary.period_start, summary.period_end) {
            when = when.text(format!(" ({s} to {e})"));
        }
        if let Some(a) = &self.activity
            && let (Some(s), Some(e)) = (a.start_date.as_deref(), a.end_date.as_deref())
        {
            when = when.text(format!("; activity {s} to {e}"));
        }
        setup.push(ItemSpec {
            text: "Usage period and activity dates: the activity falls inside the usage period"
                .into(),
            rules: const {
                &[
                    &usage_period::RULE,
                    &activity_dates::RULE,
                    &activity_outside_period::RULE,
                    &date_in_future::RULE,
                ]
            },
            evidence: when,
        });
        setup.push(ItemSpec {
            text: "Claim window open, submitted before it closes".into(),
            rules: const { &[&claim_window::RULE] },
            evidence: summary.claim_window.map_or_else(Rich::new, |w| {
                Rich::new().text(format!("window {} to {}", w.opens, w.closes))
            }),
        });
        setup.push(ItemSpec {
            text: "Submitted with a business email address".into(),
            rules: const { &[&email_format::RULE, &business_email::RULE] },
            evidence: text(&self.submitter_email).map_or_else(Rich::new, |e| Rich::new().value(e)),
        });

        let mut money_items = Vec::new();
        let claimed = self
            .activity
            .as_ref()
            .and_then(|a| a.claimed_amount.as_deref())
            .copied();
        money_items.push(ItemSpec {
            text: "Claimed amount above zero, in an ISO 4217 currency, to its minor units".into(),
            rules: const { &[&amount::RULE, &currency::RULE] },
            evidence: claimed.map_or_else(Rich::new, |c| Rich::new().value(self.amount(c))),
        });
        let sum = InvoiceSum::of(self);
        let mut tie = Rich::new();
        if let Some(total) = sum.total
            && !sum.summed.is_empty()
        {
            tie = tie
                .text("invoice total ")
                .value(self.amount(total))
                .text(format!(" from {}: ", sum.counted()))
                .value(sum.describe(code));
            if let Some(c) = claimed {
                tie = tie.text("; claimed ").value(self.amount(c));
            }
        }
        money_items.push(ItemSpec {
            text: "Invoices and CSRs, each with amount and number, add up to the claimed amount to the cent".into(),
            rules: const { &[&amount_mismatch::RULE, &invoice_details::RULE] },
            evidence: tie,
        });
        if let Some(available) = self.available_funds.as_deref() {
            money_items.push(ItemSpec {
                text: "Claimed amount within the funds available in the pool".into(),
                rules: const { &[&over_available::RULE] },
                evidence: Rich::new()
                    .text("available ")
                    .value(self.amount(*available)),
            });
        }

        let mut poe = Vec::new();
        let of_types = |types: &[DocType]| {
            Rich::new().values(
                ", ",
                self.documents
                    .iter()
                    .filter(|d| types.iter().any(|&t| d.is_type(t)))
                    .map(Document::label),
            )
        };
        poe.push(ItemSpec {
            text: "A third-party invoice or a CSR, each file readable".into(),
            rules: const { &[&invoice_missing::RULE, &document_missing::RULE] },
            evidence: of_types(INVOICE_TYPES),
        });
        poe.push(ItemSpec {
            text: "Payment receipts for the invoices".into(),
            rules: const { &[&receipt_missing::RULE] },
            evidence: of_types(&[DocType::PaymentReceipt]),
        });
        poe.push(ItemSpec {
            text: "Evidence that the activity took place".into(),
            rules: const { &[&evidence_missing::RULE] },
            evidence: of_types(EVIDENCE_TYPES),
        });
        if let Some((t, needs)) = self.type_needs() {
            let note = ACTIVITY_REQUIREMENTS
                .iter()
                .find(|r| r.activity == t)
                .map_or("", |r| r.note);
            // What the claim shows for each need (the rule decides).
            let mut ev = Rich::new().code(t.as_str()).text(": ");
            if needs.is_empty() {
                ev = ev.text("nothing beyond the above");
            }
            for (i, &need) in needs.iter().enumerate() {
                if i > 0 {
                    ev = ev.text("; ");
                }
                ev = match need {
                    Need::Document(dt) => {
                        let have: Vec<String> = self
                            .documents
                            .iter()
                            .filter(|d| d.is_type(dt))
                            .map(Document::label)
                            .collect();
                        let ev = ev.code(dt.as_str()).text(" ");
                        if have.is_empty() {
                            ev.text("none")
                        } else {
                            ev.values(", ", have)
                        }
                    }
                    Need::Metric(name) => {
                        let value = self.activity.as_ref().and_then(|a| {
                            a.metrics
                                .iter()
                                .find(|(k, _)| k.value == name)
                                .map(|(_, v)| v.value)
                        });
                        let ev = ev.code(name).text(" ");
                        match value {
                            Some(v) => ev.text(v.to_string()),
                            None => ev.text("not given"),
                        }
                    }
                    Need::PreApproval => {
                        let ev = ev.code("pre_approval_id").text(" ");
                        match self.activity_text(|a| &a.pre_approval_id) {
                            Some(id) => ev.value(id),
                            None => ev.text("not given"),
                        }
                    }
                };
            }
            poe.push(ItemSpec {
                text: Rich::new()
                    .text("What the activity type requires (")
                    .text(note)
                    .text(")"),
                rules: const { &[&activity_requirements::RULE] },
                evidence: ev,
            });
        }
        let mut dates = Rich::new();
        for d in &self.documents {
            if let Some(date) = d.date.as_deref() {
                if !dates.is_empty() {
                    dates = dates.text("; ");
                }
                dates = dates.value(d.label()).text(format!(" {date}"));
            }
        }
        poe.push(ItemSpec {
            text: "Every document dated; evidence not before the activity; no date in the future"
                .into(),
            rules: const {
                &[
                    &document_undated::RULE,
                    &document_date::RULE,
                    &date_in_future::RULE,
                ]
            },
            evidence: dates,
        });
        poe.push(ItemSpec {
            text:
                "Files open and are of a type Partner Center accepts (by content, not only by name)"
                    .into(),
            rules: const { &[&document_format::RULE, &document_empty::RULE] },
            evidence: Rich::new(),
        });

        let after = vec![ItemSpec {
            text: Rich::new().text(format!(
                "Originals kept {RETENTION_MONTHS} months after the activity"
            )),
            rules: const { &[&retention::RULE] },
            evidence: summary
                .keep_documents_until
                .map_or_else(Rich::new, |d| Rich::new().text(format!("keep until {d}"))),
        }];

        vec![
            SectionSpec {
                title: "Claim set-up",
                items: setup,
            },
            SectionSpec {
                title: "Money",
                items: money_items,
            },
            SectionSpec {
                title: "Proof of execution (PoE)",
                items: poe,
            },
            SectionSpec {
                title: "After submitting",
                items: after,
            },
        ]
    }

    fn deadlines(&self, ctx: &GuideCtx<'_>) -> Vec<Deadline> {
        let today = ctx.env.today;
        let summary = Summary::of(self);
        let mut out = Vec::new();
        if let (Some(period), Some(w)) = (summary.usage_period, summary.claim_window) {
            if w.state(today) == WindowState::NotYetOpen {
                out.push(Deadline::expected(
                    Rich::new().text(format!("The claiming window for {period} opens")),
                    w.opens,
                    today,
                    Rich::new().text(
                        "the 16th of the usage period's second month; Partner Center takes no claim before it (F§2.4)",
                    ),
                ));
            }
            out.push(Deadline::yours(
                Rich::new().text(format!("Submit the claim: the claiming window for {period} closes")),
                w.closes,
                today,
                Rich::new().text(format!(
                    "claims for {period} are accepted from {} to {} (the last day included); after it the funds are forfeit (F§2.4–2.5)",
                    w.opens, w.closes
                )),
            ));
        }
        if let Some(until) = summary.keep_documents_until {
            let end = self
                .activity
                .as_ref()
                .and_then(|a| a.end_date.as_deref())
                .map(ToString::to_string)
                .unwrap_or_default();
            out.push(Deadline::yours(
                "Keep the original documents until".into(),
                until,
                today,
                Rich::new().text(format!(
                    "{RETENTION_MONTHS} months after the activity ended on {end} (F§2.6)"
                )),
            ));
        }
        out
    }

    fn claim_values(&self) -> serde_json::Value {
        use crate::submit::json_value::{enumeration as e, string as s};
        let code = self.currency_code();
        let amount = |v: &Option<Sp<rust_decimal::Decimal>>| {
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
    use std::path::Path;

    use super::*;
    use crate::config::Config;
    use crate::model::Claim;
    use crate::rules::Env;
    use crate::submit::render_markdown;

    const CLAIM: &str = r#"kind = "coop"
program = "Microsoft Commerce Incentives"
fund_category = "Cloud Solution Provider"
partner_id = "4871236"
funding_pool = "CSP Indirect Reseller"
usage_period = "FY27-H1"
currency = "AUD"
available_funds = "20000"
submitter_email = "grace.hopper@fabrikam.com.au"

[activity]
name = "Azure <b>webinars</b>"
description = "Three webinars"
category = "demand-generation"
type = "seminar"
start_date = 2026-08-04
end_date = 2026-08-20
claimed_amount = "10000.00"
partial_claim_reason = "Capped at the remaining balance"
metrics = { registered_guests = 140 }

[[documents]]
path = "inv.pdf"
type = "invoice"
amount = "10000.10"
number = "INV-1042"

[[documents]]
path = "inv2.pdf"
type = "csr"
amount = "2500.20"
number = "CSR-7"

[[documents]]
url = "https://events.example/azure"
type = "landing-page"
"#;

    fn with_guide(today: &str, f: impl FnOnce(&CoopClaim, &GuideCtx<'_>)) {
        let loaded = crate::load::load_text(CLAIM.into(), Path::new("c.toml"), "c.toml");
        let Some(Claim::Coop(claim)) = &loaded.claim else {
            panic!("not decoded: {:?}", loaded.findings)
        };
        let env = Env::new(Config::default(), today.parse().unwrap());
        let names = vec![
            Some("01-inv.pdf".to_string()),
            Some("02-inv2.pdf".to_string()),
            None,
        ];
        let ctx = GuideCtx {
            env: &env,
            source: &loaded.source,
            document_names: &names,
        };
        f(claim, &ctx);
    }

    #[test]
    fn the_walkthrough_follows_the_guide_and_the_claim() {
        with_guide("2026-11-26", |claim, ctx| {
            let md = render_markdown(claim, ctx, "ok");
            let order = [
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
            let mut at = 0;
            for needle in order {
                let found = md[at..].find(needle);
                assert!(
                    found.is_some(),
                    "missing or out of order: {needle:?} in\n{md}"
                );
                at += found.unwrap_or(0);
            }
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
