//! The partner-led funding guide: Partner Center > Incentives > Customer
//! claims > the solution-area tab > Partner activities > Add customer,
//! screen by screen (the guide's "Claiming funding for Partner Led
//! Initiatives", Steps 1 to 6), then the claim package and what follows; the
//! PoE checklist tied to the `plf-` and document rules; the consent,
//! submission and review dates (F§3.10), taken from the same
//! [`PlfClaim::timeline`] the deadline rules check.
//!
//! Each Partner Center screen is one function below; the labels and clocks
//! come from [`super::facts`], the pieces other kinds share from
//! [`crate::submit::screens`] and [`crate::checklist::items`].

use chrono::NaiveDate;
use std::fmt::Write as _;

use crate::calendar;
use crate::checklist::items;
use crate::checklist::{Deadline, ItemSpec, SectionSpec};
use crate::decode::Sp;
use crate::kinds::plfunding::catalog::{Engagement, Pay, Size};
use crate::kinds::plfunding::facts::{
    CONSENT_DAYS, DISPUTE_DAYS, PAYMENT_DAYS, id_type_name, stage_name, tab_name,
};
use crate::kinds::plfunding::model::{CustomerIdType, PlfClaim, Stage, Timeline};
use crate::kinds::plfunding::rules::{
    azure_calculator, claim_package, consent_deadline, customer_id, customer_id_type,
    engagement_closed, engagement_unknown, expiry, funding_caveat, hours, location_ineligible,
    solution_area,
};
use crate::model::{DocType, Document, Kind};
use crate::rich::Rich;
use crate::rules::any::{
    date_in_future, document_missing, document_signed_on, document_undated, partner_id_format,
    partner_id_unknown,
};
use crate::rules::{Rule, poe};
use crate::submit::screens::{self, Menu, click};
use crate::submit::{GuideCtx, KindGuide, Screen, enter, kind_and_title, text};

fn flag(v: &Option<Sp<bool>>) -> Option<bool> {
    v.as_ref().map(|s| s.value)
}

/// Whether the claim has been submitted (its package is with Microsoft).
fn is_submitted(stage: Stage) -> bool {
    crate::kinds::plfunding::rules::is_submitted(stage)
}

impl PlfClaim {
    fn engagement_in<'e>(&self, ctx: &GuideCtx<'e>) -> Option<&'e Engagement> {
        crate::kinds::plfunding::rules::engagement(ctx.env, self)
    }

    fn since(&self) -> Option<NaiveDate> {
        self.status
            .as_ref()
            .and_then(|s| s.since.as_ref())
            .map(|d| d.value)
    }
}

/// "by **2027-01-30**" or the rule of the clock when no date is known.
fn due_text(due: Option<NaiveDate>, otherwise: &'static str) -> Rich {
    match due {
        Some(d) => Rich::new().text("by ").strong(d.to_string()),
        None => Rich::new().text(otherwise),
    }
}

/// A package document: its signature and date.
fn doc_details(doc: &Document) -> Rich {
    let signature = screens::signature_words(doc, "wet signature", "");
    screens::doc_details(doc, signature, Rich::new())
}

// The walk-through, one function per screen.

fn sign_in() -> Screen {
    screens::sign_in("Sign in to Partner Center", "credentials").note(
        "claiming needs the Incentives user or Incentives admin role, and a location enrolled \
         in the MCI program (F§3.2).",
    )
}

fn customer_claims(c: &PlfClaim, engagement: Option<&Engagement>) -> Screen {
    let area = c.solution_area.as_deref().copied();
    let s = screens::customer_claims(Menu::Tiles, area.map(tab_name));
    match (area, engagement) {
        (Some(a), Some(e)) if a != e.solution_area => s.trap(
            Rich::new()
                .text("the engagement is on the ")
                .strong(tab_name(e.solution_area))
                .text(" tab: it will not be offered from this one."),
        ),
        _ => s,
    }
}

fn partner_activities() -> Screen {
    Screen::new("Partner activities")
        .act(
            Rich::new()
                .text("Click ")
                .strong("Partner activities")
                .text(", then ")
                .strong("+ Add customer")
                .text("."),
        )
        .note(
            "Partner activities is the route for partner-led funding (unlike CPOR, which uses \
             Use or Consume).",
        )
}

fn associate_customer(c: &PlfClaim, ctx: &GuideCtx<'_>, engagement: Option<&Engagement>) -> Screen {
    let id_type = c.customer_id_type.as_deref().copied();
    let mut s = screens::associate_customer(
        text(&c.claim_name),
        text(&c.partner_id),
        ctx,
        "the Partner location is YOUR location's PartnerID (the one enrolled in the MCI \
         program), not the global PartnerID: payouts go to the location (F§5.1).",
    )
    .field(
        "Customer ID type*",
        match id_type {
            Some(t) => Rich::new().text("select ").strong(id_type_name(t)),
            None => "(no customer_id_type in the claim file)".into(),
        },
    )
    .field("Customer ID*", enter(text(&c.customer_id)))
    .note(match id_type {
        Some(CustomerIdType::Domain) => {
            "enter the domain only: test.com if the customer's email address is abc@test.com. \
             Partner Center finds the customer's tenant from it."
        }
        Some(CustomerIdType::MsxOpportunityId) => {
            "variable-pay engagements take the customer by MSX opportunity ID only (F§3.4)."
        }
        _ => {
            "other IDs are checked exactly as given; the eligibility of one ID does not carry \
             over to the customer's other IDs (F§3.5)."
        }
    });
    if let (Some(t), Some(e)) = (id_type, engagement)
        && !e.accepts(t)
    {
        s = s.trap(
            Rich::new()
                .text(
                    "the engagement does not accept this customer ID type: Partner Center will \
                     list it as ",
                )
                .strong("Invalid customer ID type")
                .text(". It takes ")
                .values(", ", e.customer_id_types.iter().map(|t| id_type_name(*t)))
                .text("."),
        );
    }
    s.act(click("Next"))
}

fn associate_engagement(c: &PlfClaim, engagement: Option<&Engagement>) -> Screen {
    let mut s = Screen::new("Add customer | Associate engagement")
        .act(
            Rich::new()
                .text("Partner Center lists what you and this customer are eligible for on the ")
                .strong("Eligible")
                .text(" tab, and the rest on ")
                .strong("Ineligible")
                .text(" with the reason."),
        )
        .field(
            "Engagement",
            match text(&c.engagement) {
                Some(name) => Rich::new().text("select ").value(name),
                None => "(no engagement in the claim file)".into(),
            },
        );
    if let Some(e) = engagement {
        s = engagement_terms(s, c, e);
    }
    let mut command = String::from("claimtool plfunding engagements");
    if let Some(t) = c.customer_id_type.as_deref() {
        let _ = write!(command, " --customer-id-type {t}");
    }
    if let Some(id) = text(&c.partner_id) {
        let _ = write!(command, " --partner-id {}", id.trim());
    }
    s.note(
        Rich::new()
            .text("if the engagement is not on the Eligible tab, ")
            .code(command)
            .text(" shows the same screen with the reasons."),
    )
    .act(click("Next"))
}

/// The engagement's program, size and pay, and the hours of variable pay.
fn engagement_terms(s: Screen, c: &PlfClaim, e: &Engagement) -> Screen {
    let pay = match e.pay {
        Pay::Fixed => "fixed",
        Pay::Variable => "variable",
    };
    let s = s.note(
        Rich::new()
            .value(e.program.clone())
            .text(format!(", size {}, {pay} pay.", e.size)),
    );
    if e.pay != Pay::Variable {
        return s;
    }
    s.field(
        "Number of hours",
        match &c.hours {
            Some(h) => Rich::new().text("enter ").value(h.value.to_string()),
            None => "(no hours in the claim file)".into(),
        },
    )
    .trap(
        "the number of hours can't be changed after the Add customer flow is completed; for a \
         variable-pay engagement select this one engagement only (F§3.4).",
    )
}

fn contact_information(c: &PlfClaim) -> Screen {
    screens::contact_information(
        c.customer_contact.as_ref(),
        c.partner_contact.as_ref(),
        "use business email addresses. Microsoft sends the consent email and later the survey \
         to the customer contact.",
    )
}

fn review_and_complete(c: &PlfClaim, timeline: &Timeline) -> Screen {
    Screen::new("Add customer | Review and complete")
        .act("Check every value against this page.")
        .act(
            Rich::new()
                .text("Click ")
                .strong("Submit")
                .text(
                    ": Partner Center creates the claim and emails the customer contact for \
                     consent (F§3.7). ",
                )
                .then(consent_words(c, timeline)),
        )
        .trap(
            Rich::new()
                .text("tell the customer that the funding is ")
                .strong("subject to Microsoft's final approval")
                .text(" (no funding is approved until the final PoE is submitted) and that ")
                .strong("Microsoft will contact them to fill in a survey")
                .text(" to confirm the work was done (G)."),
        )
        .note(
            "a claim that expires (consent not received in time, package not submitted in \
             time) cannot be reactivated; before the first submission you can cancel it \
             instead (F§3.12).",
        )
}

/// The customer's consent: when it came, when it is due, or how to date it.
fn consent_words(c: &PlfClaim, timeline: &Timeline) -> Rich {
    let received = c
        .status
        .as_ref()
        .and_then(|s| s.consent_received_on.as_ref())
        .map(|d| d.value);
    match (&timeline.consent_due, received) {
        (_, Some(on)) => Rich::new().text(format!(
            "The customer has {CONSENT_DAYS} days to consent; this customer consented on {on}."
        )),
        (Some(d), None) => Rich::new()
            .text(format!(
                "The customer has {CONSENT_DAYS} days to consent: consent requested on {}, due ",
                d.start.value
            ))
            .strong(d.due.to_string())
            .text("."),
        (None, None) => Rich::new()
            .text(format!(
                "The customer then has {CONSENT_DAYS} days to consent (record the day as "
            ))
            .code("status.consent_requested_on")
            .text(" and the checklist gives the date)."),
    }
}

fn submit_package(c: &PlfClaim, ctx: &GuideCtx<'_>, engagement: Option<&Engagement>) -> Screen {
    let timeline = c.timeline(engagement.map(|e| e.size));
    let workshop = engagement.is_some_and(|e| e.size == Size::Workshop);
    let mut s = Screen::new("Submit the claim package").act(
        Rich::new()
            .text("Once the customer has consented (status ")
            .strong("Customer consent received")
            .text("), open the claim from ")
            .strong("Customer claims")
            .text(" (its Claim ID) and submit the claim package ")
            .then(due_text(
                timeline.submission_due.as_ref().map(|d| d.due),
                "within the engagement's limit from the consent (see the deadlines in \
                 checklist.md)",
            ))
            .text(": an expired claim cannot be reactivated (F§3.10)."),
    );
    s = screens::upload_files(
        s,
        if workshop {
            "Findings & recommendations document"
        } else {
            "Proof of execution"
        },
        screens::UPLOAD_EACH_FILE,
        &c.documents,
        ctx,
        doc_details,
    );
    if workshop {
        s = s.note(
            "for a workshop the PoE is the findings and recommendations document you gave the \
             customer (F§3.8).",
        );
    }
    if engagement.is_some_and(|e| e.requires_azure_calculator) {
        s = s.trap(
            "\"For all AMM Azure funding Microsoft require an Azure Calculator\": upload the \
             Azure Pricing Calculator estimate (the azure-calculator document above) with the \
             PoE; Microsoft expects no other calculation.",
        );
    }
    let links = screens::online_links(&c.documents);
    if !links.is_empty() {
        s = s.note(screens::online_evidence(&links));
    }
    surveys(s, c, engagement).act(
        Rich::new()
            .text("Submit the claim. The status becomes ")
            .strong("Submitted")
            .text("."),
    )
}

/// The invoice and the two surveys of the claim package.
fn surveys(s: Screen, c: &PlfClaim, engagement: Option<&Engagement>) -> Screen {
    let done = |v: &Option<Sp<bool>>| {
        if flag(v) == Some(true) {
            " is true)."
        } else {
            " is not true yet)."
        }
    };
    let mut s = s.field(
        "Invoice",
        "upload it if the engagement's terms ask for one (\"if applicable\", F§3.8).".into(),
    );
    if engagement.is_none_or(|e| e.customer_survey) {
        s = s.field(
            "Customer survey",
            Rich::new()
                .text("trigger it from the claim; the customer completes it (")
                .code("customer_survey_completed")
                .text(done(&c.customer_survey_completed)),
        );
    }
    s.field(
        "Partner survey",
        Rich::new()
            .text("complete it yourself (")
            .code("partner_survey_completed")
            .text(done(&c.partner_survey_completed)),
    )
    .trap(
        "changing the contact details voids the survey link, and once the customer survey is \
         completed the customer contact can't be changed; surveys can be re-sent before the \
         submission expires (F§3.8).",
    )
}

fn after_you_submit(c: &PlfClaim, timeline: &Timeline) -> Screen {
    let rejected = match (c.stage(), c.since()) {
        (Stage::Rejected, Some(since)) => Rich::new()
            .strong("Rejected")
            .text(format!(" on {since}: you can dispute it once, by "))
            .strong(calendar::add_days(since, DISPUTE_DAYS).to_string())
            .text(format!(
                " ({DISPUTE_DAYS} days); a rejection after the dispute is final (F§3.11)."
            )),
        _ => Rich::new().text(format!(
            "Rejected: you can dispute once, within {DISPUTE_DAYS} days of the rejection; a \
             rejection after the dispute is final (F§3.11)."
        )),
    };
    Screen::new("After you submit: what happens next")
        .act(
            Rich::new()
                .text("Microsoft reviews the claim; the review must complete ")
                .then(due_text(
                    timeline.review_due.as_ref().map(|d| d.due),
                    "within the engagement's limit from the consent",
                ))
                .text(
                    ", or the claim expires (Post submission expired) and cannot be reactivated \
                     (F§3.10).",
                ),
        )
        .act(Rich::new().strong("Partner action required").text(
            ": answer at once and resubmit; it can happen several times, and the review clock \
             keeps running (F§3.13).",
        ))
        .act(rejected)
        .act(Rich::new().text(format!(
            "Approved: paid on the standard {PAYMENT_DAYS}-day payment cycle of the MCI program \
             (F§3.14)."
        )))
        .note(
            "Microsoft surveys the customer to confirm the work was done: the customer should \
             expect it.",
        )
}

// The checklist, by section.

fn association_items(
    c: &PlfClaim,
    ctx: &GuideCtx<'_>,
    engagement: Option<&Engagement>,
) -> Vec<ItemSpec> {
    let mut cust = Rich::new();
    if let Some(t) = c.customer_id_type.as_deref() {
        cust = cust.text(id_type_name(*t)).text(" ");
    }
    if let Some(id) = text(&c.customer_id) {
        cust = cust.value(id);
    }
    let mut items = vec![
        ItemSpec {
            text: "Partner location is your location's PartnerID, and it may claim this \
                   engagement"
                .into(),
            rules: const {
                &[
                    &partner_id_format::RULE,
                    &partner_id_unknown::RULE,
                    &location_ineligible::RULE,
                ]
            },
            evidence: items::location_evidence(&c.partner_id, ctx, true),
        },
        engagement_item(c, engagement),
        ItemSpec {
            text: "The customer ID type is one the engagement accepts, and the ID has its form"
                .into(),
            rules: const { &[&customer_id_type::RULE, &customer_id::RULE] },
            evidence: cust,
        },
    ];
    if engagement.is_some_and(|e| e.pay == Pay::Variable) {
        items.push(ItemSpec {
            text: "Variable pay: the agreed whole number of hours (it cannot be changed later)"
                .into(),
            rules: const { &[&hours::RULE] },
            evidence: c.hours.as_ref().map_or_else(Rich::new, |h| {
                Rich::new().value(h.value.to_string()).text(" hours")
            }),
        });
    }
    items.push(items::contacts(&c.customer_contact, &c.partner_contact));
    items.push(ItemSpec {
        text: "The customer knows the funding is subject to Microsoft's final approval, and that \
               Microsoft will survey them"
            .into(),
        rules: const { &[&funding_caveat::RULE] },
        evidence: Rich::new().text(told_words(flag(
            &c.customer_informed_funding_not_guaranteed,
        ))),
    });
    items
}

/// What the claim file says of the funding caveat, in words.
fn told_words(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "the claim file says the customer was told",
        Some(false) => "the claim file says the customer was not told",
        None => "the claim file does not say",
    }
}

/// Whether a survey is completed, as the claim file records it.
fn done_words(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "completed",
        Some(false) => "not completed yet",
        None => "not recorded",
    }
}

fn engagement_item(c: &PlfClaim, engagement: Option<&Engagement>) -> ItemSpec {
    let mut evidence = Rich::new();
    if let Some(name) = text(&c.engagement) {
        evidence = evidence.value(name);
    }
    if let Some(e) = engagement {
        evidence = evidence.text(format!(" ({}, {}, {} pay", e.status, e.size, e.pay));
        evidence = evidence.text(format!(", {} tab)", tab_name(e.solution_area)));
    }
    ItemSpec {
        text: "The engagement is in the catalogue, open to new claims, on this solution-area tab"
            .into(),
        rules: const {
            &[
                &engagement_unknown::RULE,
                &engagement_closed::RULE,
                &solution_area::RULE,
            ]
        },
        evidence,
    }
}

/// The rules behind the package's documents: each one readable and dated,
/// signatures included.
static DATE_RULES: &[&Rule] = &[
    &document_missing::RULE,
    &document_undated::RULE,
    &date_in_future::RULE,
    &document_signed_on::RULE,
];

fn package_items(
    c: &PlfClaim,
    ctx: &GuideCtx<'_>,
    engagement: Option<&Engagement>,
) -> Vec<ItemSpec> {
    let mut items = Vec::new();
    if engagement.is_some_and(|e| e.requires_azure_calculator) {
        let calc: Vec<String> = c
            .documents
            .iter()
            .filter(|d| d.is_type(DocType::AzureCalculator))
            .map(|d| ctx.doc_label(d))
            .collect();
        items.push(ItemSpec {
            text: "The Azure Pricing Calculator estimate (required for AMM)".into(),
            rules: const { &[&azure_calculator::RULE] },
            evidence: Rich::new().values(", ", calc),
        });
    }
    items.push(package_item(c, ctx, engagement));
    items.push(ItemSpec {
        text: "Each signature the claim file declares is on the document, intact, and of the \
               date declared"
            .into(),
        rules: const {
            &[
                &document_signed_on::RULE,
                &poe::poe_signature_missing::RULE,
                &poe::poe_signature_broken::RULE,
                &poe::poe_modified_after_signing::RULE,
                &poe::poe_signed_on_mismatch::RULE,
            ]
        },
        evidence: items::signatures(&c.documents, ctx),
    });
    items.push(ItemSpec {
        text: "The PoE names the customer (its name, or the customer ID)".into(),
        rules: const { &[&poe::poe_customer_not_named::RULE] },
        evidence: text(&c.customer_name)
            .map_or_else(Rich::new, |n| Rich::new().text("customer ").value(n)),
    });
    items.extend(items::document_checks(
        "Every document is readable, dated, and no date is in the future",
        DATE_RULES,
        &c.documents,
        ctx,
    ));
    items
}

/// One item for the package: plf-claim-package checks all of it, so
/// separate items would all open on any one finding. It runs from
/// submission on; before that no rule has checked the package, and the item
/// is for the user to check (never a tick no rule earned).
fn package_item(c: &PlfClaim, ctx: &GuideCtx<'_>, engagement: Option<&Engagement>) -> ItemSpec {
    let workshop = engagement.is_some_and(|e| e.size == Size::Workshop);
    let survey = engagement.is_none_or(|e| e.customer_survey);
    let poe: Vec<String> = c
        .documents
        .iter()
        .filter(|d| claim_package::is_poe(d, workshop))
        .map(|d| ctx.doc_label(d))
        .collect();
    let mut evidence = Rich::new().text(if workshop {
        "findings and recommendations: "
    } else {
        "PoE: "
    });
    evidence = if poe.is_empty() {
        evidence.text("none in the claim file")
    } else {
        evidence.values(", ", poe)
    };
    let mut what = String::from(if workshop {
        "The claim package: the findings and recommendations document (a workshop's PoE)"
    } else {
        "The claim package: a proof of execution document (the signed SOW or similar)"
    });
    if survey {
        what.push_str(", the customer survey completed by the customer");
        evidence = evidence
            .text("; customer survey ")
            .text(done_words(flag(&c.customer_survey_completed)));
    }
    what.push_str(", the partner survey completed");
    evidence = evidence
        .text("; partner survey ")
        .text(done_words(flag(&c.partner_survey_completed)));
    let submitted = is_submitted(c.stage());
    if !submitted {
        evidence = evidence.text("; claimtool checks the package once the claim is submitted");
    }
    ItemSpec {
        text: Rich::new().text(what),
        rules: if submitted {
            const { &[&claim_package::RULE] }
        } else {
            &[]
        },
        evidence,
    }
}

// The dates: consent, first submission, review, then dispute or payment.

/// How long the engagement's size gives, for a clock not yet started.
fn size_limits(size: Option<Size>) -> String {
    size.map_or_else(
        || "the engagement's size is unknown (not in the catalogue)".to_string(),
        |s| {
            format!(
                "{}: {} days to submit, {} days to complete the review",
                s.timeline_group(),
                s.submit_days(),
                s.review_days()
            )
        },
    )
}

fn consent_clock(c: &PlfClaim, timeline: &Timeline, today: NaiveDate) -> Option<Deadline> {
    match (c.stage(), &timeline.consent_due) {
        (Stage::Draft, _) => Some(Deadline::not_started(
            "Customer consent".into(),
            Rich::new().text(format!(
                "{CONSENT_DAYS} days from the day you complete Add customer (the consent \
                     email goes out); note that day in the claim file's status and claimtool \
                     gives the date"
            )),
        )),
        (Stage::ConsentRequested, Some(d))
            if c.status
                .as_ref()
                .is_some_and(|s| s.consent_received_on.is_none()) =>
        {
            Some(Deadline::yours(
                "Customer consent (else the claim expires)".into(),
                d.due,
                today,
                Rich::new().text(format!(
                    "{CONSENT_DAYS} days from the consent request on {} (F§3.10)",
                    d.start.value
                )),
            ))
        }
        _ => None,
    }
}

/// The first submission and the end of the review, counted from consent.
fn package_clocks(c: &PlfClaim, size: Option<Size>, today: NaiveDate) -> Vec<Deadline> {
    let timeline = c.timeline(size);
    let group = size.map_or("", Size::timeline_group);
    let from_consent = |what: &'static str, d: &crate::kinds::plfunding::model::Deadline| {
        Deadline::yours(
            what.into(),
            d.due,
            today,
            Rich::new().text(format!(
                "{} days from consent on {} for {group} (F§3.10)",
                d.days, d.start.value
            )),
        )
    };
    let before_submission = matches!(
        c.stage(),
        Stage::Draft | Stage::ConsentRequested | Stage::ConsentReceived
    );
    let in_review = matches!(
        c.stage(),
        Stage::Submitted | Stage::UnderReview | Stage::PartnerActionRequired
    );
    let mut out = Vec::new();
    if before_submission {
        out.push(match &timeline.submission_due {
            Some(d) => from_consent("Submit the claim package (first submission)", d),
            None => Deadline::not_started(
                "Submit the claim package (first submission)".into(),
                Rich::new().text(format!(
                    "counted from the day the customer consents ({}); note that day in the \
                         claim file's status and claimtool gives the date",
                    size_limits(size)
                )),
            ),
        });
    }
    match &timeline.review_due {
        Some(d) if before_submission || in_review => out.push(from_consent(
            "Review complete (else the claim expires: answer Partner action required at once)",
            d,
        )),
        None if in_review => out.push(Deadline::not_started(
            "Review complete".into(),
            Rich::new().text(format!(
                "counted from the day the customer consented ({}); note that day in the \
                     claim file's status and claimtool gives the date",
                size_limits(size)
            )),
        )),
        _ => {}
    }
    out
}

/// After the decision: the dispute window, or the payment.
fn decision_clock(c: &PlfClaim, today: NaiveDate) -> Option<Deadline> {
    match (c.stage(), c.since()?) {
        (Stage::Rejected, since) => Some(Deadline::yours(
            "Dispute the rejection (allowed once)".into(),
            calendar::add_days(since, DISPUTE_DAYS),
            today,
            Rich::new().text(format!(
                "{DISPUTE_DAYS} days from the rejection on {since}; a rejection after the \
                 dispute is final (F§3.11)"
            )),
        )),
        (Stage::Approved, since) => Some(Deadline::expected(
            "Payment".into(),
            calendar::add_days(since, PAYMENT_DAYS),
            today,
            Rich::new().text(format!(
                "the standard {PAYMENT_DAYS}-day payment cycle of the MCI program from the \
                 approval on {since} (F§3.14)"
            )),
        )),
        _ => None,
    }
}

impl KindGuide for PlfClaim {
    kind_and_title!(
        Kind::Plfunding,
        "Partner-led funding claim (MCI partner activities)"
    );

    fn bundle_name(&self) -> Option<&str> {
        text(&self.claim_name)
    }

    fn screens(&self, ctx: &GuideCtx<'_>) -> Vec<Screen> {
        let engagement = self.engagement_in(ctx);
        let timeline = self.timeline(engagement.map(|e| e.size));
        vec![
            sign_in(),
            customer_claims(self, engagement),
            partner_activities(),
            associate_customer(self, ctx, engagement),
            associate_engagement(self, engagement),
            contact_information(self),
            review_and_complete(self, &timeline),
            submit_package(self, ctx, engagement),
            after_you_submit(self, &timeline),
        ]
    }

    fn checklist(&self, ctx: &GuideCtx<'_>) -> Vec<SectionSpec> {
        let engagement = self.engagement_in(ctx);
        let mut sections = vec![
            SectionSpec {
                title: "Customer and engagement",
                items: association_items(self, ctx, engagement),
            },
            SectionSpec {
                title: "Claim package",
                items: package_items(self, ctx, engagement),
            },
        ];
        if self.status.is_some() {
            sections.push(items::where_it_stands(
                "Consent, submission and review within their limits: an expired claim cannot be \
                 reactivated",
                const { &[&consent_deadline::RULE, &expiry::RULE] },
                stage_name(self.stage()),
                self.since(),
            ));
        }
        sections
    }

    fn deadlines(&self, ctx: &GuideCtx<'_>) -> Vec<Deadline> {
        let today = ctx.env.today;
        let size = self.engagement_in(ctx).map(|e| e.size);
        let mut out = Vec::new();
        out.extend(consent_clock(self, &self.timeline(size), today));
        out.extend(package_clocks(self, size, today));
        out.extend(decision_clock(self, today));
        out
    }

    fn claim_values(&self) -> serde_json::Value {
        self.to_json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::plfunding::catalog::{Catalog, EngagementStatus};
    use crate::kinds::plfunding::model::SolutionArea;
    use crate::model::Claim;
    use crate::rules::Env;
    use crate::submit::{render_markdown, testing};

    /// The claim the tests walk through: consent requested (tests rewrite
    /// `[status]` for the later stages).
    const CLAIM: &str = include_str!("guide_test.toml");

    /// A catalogue of one variable-pay engagement, "Hours Test".
    fn env() -> Env {
        let mut env = testing::env("2026-11-26");
        env.catalog = Catalog {
            path: None,
            engagements: vec![Engagement {
                name: "Hours Test".into(),
                program: "Azure Migrate and Modernize".into(),
                solution_area: SolutionArea::Azure,
                size: Size::Medium,
                pay: Pay::Variable,
                customer_id_types: vec![CustomerIdType::MsxOpportunityId],
                status: EngagementStatus::Open,
                partner_segments: Vec::new(),
                requires_azure_calculator: false,
                customer_survey: true,
            }],
        };
        env
    }

    /// `text` in a guide context over [`env`].
    fn with_claim(text: &str, f: impl FnOnce(&PlfClaim, &GuideCtx<'_>)) {
        testing::with_claim(text, &env(), &[], |claim, ctx| {
            let Claim::Plfunding(claim) = claim else {
                panic!("not a partner-led claim")
            };
            f(claim, ctx);
        });
    }

    #[test]
    fn the_walkthrough_follows_the_guides_steps_and_the_claim() {
        with_claim(CLAIM, |claim, ctx| {
            let md = render_markdown(claim, ctx, "ok");
            let order = [
                "## 2. Incentives > Customer claims",
                "select **Azure**",
                "## 3. Partner activities",
                "## 4. Add customer | Associate customer",
                "**Customer ID type** (required): select **MSX opportunity ID**",
                "## 5. Add customer | Associate engagement",
                "**Number of hours**: enter `40`",
                "can't be changed after the Add customer flow",
                "## 6. Add customer | Contact information",
                "## 7. Add customer | Review and complete",
                "consent requested on 2026-11-20, due **2026-12-20**",
                "**subject to Microsoft's final approval**",
                "**Microsoft will contact them to fill in a survey**",
                "## 8. Submit the claim package",
                "within the engagement's limit from the consent",
                "## 9. After you submit",
            ];
            testing::assert_in_order(&md, &order);
        });
    }

    #[test]
    fn once_consent_is_received_the_walkthrough_dates_the_submission_and_the_review() {
        let received = CLAIM.replace(
            "stage = \"consent-requested\"",
            "consent_received_on = 2026-11-21\nstage = \"consent-received\"",
        );
        with_claim(&received, |claim, ctx| {
            let md = render_markdown(claim, ctx, "ok");
            for needle in [
                "this customer consented on 2026-11-21",
                "submit the claim package by **2027-06-09**",
                "the review must complete by **2027-07-09**",
            ] {
                assert!(md.contains(needle), "missing {needle:?} in\n{md}");
            }
            let deadlines = claim.deadlines(ctx);
            let dates: Vec<_> = deadlines
                .iter()
                .map(|d| d.date.map(|d| d.to_string()))
                .collect();
            assert_eq!(
                dates,
                [Some("2027-06-09".into()), Some("2027-07-09".into())]
            );
        });
    }

    /// Deadlines are read by people who never opened the claim file: no
    /// key, no code, whatever the stage.
    #[test]
    fn deadlines_speak_no_toml() {
        for stage in [
            "stage = \"draft\"\n",
            "stage = \"consent-requested\"\n",
            "stage = \"submitted\"\n",
        ] {
            let text = CLAIM.replace("stage = \"consent-requested\"\n", stage);
            with_claim(&text, |claim, ctx| {
                for d in claim.deadlines(ctx) {
                    let md = d.what.markdown() + &d.note.markdown();
                    for toml in ["`", "status.", "_on", " = "] {
                        assert!(!md.contains(toml), "{stage}: {md}");
                    }
                }
            });
        }
    }

    #[test]
    fn deadlines_are_the_rules_dates() {
        with_claim(CLAIM, |claim, ctx| {
            let deadlines = claim.deadlines(ctx);
            let consent = &deadlines[0];
            assert!(consent.what.plain().starts_with("Customer consent"));
            // The date plf-consent-deadline checks: 2026-11-20 + 30 days.
            let rule_due = claim.timeline(None).consent_due.unwrap().due;
            assert_eq!(consent.date, Some(rule_due));
            assert_eq!(consent.date, "2026-12-20".parse().ok());
            assert_eq!(consent.state, Some("far"));
            // No consent yet: the submission clock has not started.
            assert_eq!(deadlines[1].date, None);
            assert!(
                deadlines[1]
                    .note
                    .plain()
                    .contains("Medium projects: 200 days to submit")
            );
        });
        let rejected = CLAIM.replace(
            "stage = \"consent-requested\"\nsince = 2026-11-20\n",
            "stage = \"rejected\"\nsince = 2026-11-20\nconsent_received_on = 2026-11-21\n",
        );
        with_claim(&rejected, |claim, ctx| {
            let deadlines = claim.deadlines(ctx);
            assert_eq!(deadlines.len(), 1, "{deadlines:?}");
            assert!(deadlines[0].what.plain().starts_with("Dispute"));
            assert_eq!(deadlines[0].date, "2026-12-20".parse().ok());
            let md = render_markdown(claim, ctx, "ok");
            assert!(md.contains(
                "**Rejected** on 2026-11-20: you can dispute it once, by **2026-12-20**"
            ));
        });
    }

    #[test]
    fn the_package_item_has_no_rule_before_submission_and_plf_claim_package_after() {
        let package = |text: &str| {
            let mut item = None;
            with_claim(text, |claim, ctx| {
                let sections = claim.checklist(ctx);
                assert!(
                    sections[0]
                        .items
                        .iter()
                        .any(|i| i.rule_ids() == ["plf-hours"])
                );
                item = sections
                    .into_iter()
                    .find(|s| s.title == "Claim package")
                    .unwrap()
                    .items
                    .into_iter()
                    .find(|i| i.text.plain().starts_with("The claim package"));
            });
            item.unwrap()
        };
        let before = package(CLAIM);
        assert!(before.rules.is_empty());
        assert!(before.text.plain().contains("customer survey"));
        assert!(
            before
                .evidence
                .plain()
                .contains("checks the package once the claim is submitted")
        );
        let after =
            package(&CLAIM.replace("stage = \"consent-requested\"", "stage = \"submitted\""));
        assert_eq!(after.rule_ids(), ["plf-claim-package"]);
    }
}
