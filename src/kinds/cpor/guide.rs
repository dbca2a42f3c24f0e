//! The CPOR guide: Partner Center > Incentives > Customer claims > Add
//! customer, screen by screen (the guide's "How to Submit a CPOR
//! Association", F§1.6), the PoE checklist tied to the `cpor-` and document
//! rules, and the CPOR dates (F§1.10, §1.14).
//!
//! Each Partner Center screen is one function below, in the order the user
//! meets them; the labels and clocks come from [`super::facts`], the pieces
//! other kinds share from [`crate::submit::screens`] and
//! [`crate::checklist::items`].

use crate::rules::poe;
use chrono::NaiveDate;

use crate::calendar;
use crate::checklist::items::{self, PARTNER_ID_RULES};
use crate::checklist::{Deadline, ItemSpec, SectionSpec};
use crate::decode::StrEnum;
use crate::kinds::cpor::facts::{
    DISPUTE_ANSWER_BUSINESS_DAYS, DISPUTE_DAYS, POE_MAX_AGE_MONTHS, REPLY_BUSINESS_DAYS,
    REVIEW_BUSINESS_DAYS, REVIEW_START_BUSINESS_DAYS, dispute_last_day, poe_fresh_until, reply_due,
    role_name, stage_name, tab_name,
};
use crate::kinds::cpor::model::{CporClaim, PartnerRole, SolutionArea, Stage};
use crate::kinds::cpor::rules::{
    action_required, azure_pal, customer_domain, dispute_window, non_incentivized, partner_role,
    poe_missing, poe_stale, poe_template_only, poe_unsigned, poe_workload_uncovered,
    recognition_only, subscription_id, tenant_id, unknown_workload, workloads, workloads_inactive,
};
use crate::model::{Document, Kind};
use crate::rich::Rich;
use crate::rules::any::{date_in_future, document_missing, document_signed_on, document_undated};
use crate::submit::screens::{self, Menu, click};
use crate::submit::{GuideCtx, KindGuide, Screen, enter, kind_and_title, text};

impl CporClaim {
    fn area(&self) -> Option<SolutionArea> {
        self.solution_area.as_deref().copied()
    }

    fn role(&self) -> Option<PartnerRole> {
        self.partner_role.as_deref().copied()
    }

    fn stage(&self) -> Option<(Stage, Option<NaiveDate>)> {
        let status = self.status.as_ref()?;
        Some((*status.stage.as_deref()?, status.since.as_deref().copied()))
    }

    /// The newest customer signature on a PoE document.
    fn newest_signature(&self) -> Option<NaiveDate> {
        self.documents
            .iter()
            .filter(|d| d.is_signed())
            .filter_map(|d| d.signed_on.as_deref().copied())
            .max()
    }
}

// The walk-through, one function per screen.

fn sign_in() -> Screen {
    screens::sign_in("Sign in to Partner Center", "account").note(
        "creating a claim needs the Incentives admin role (or Billing admin or Global admin) \
         (F§1.2).",
    )
}

fn customer_claims(c: &CporClaim) -> Screen {
    screens::customer_claims(Menu::HomeTab, c.area().map(tab_name))
}

fn claim_type(c: &CporClaim) -> Screen {
    let role = c.role();
    let choice = match role {
        Some(r) => Rich::new()
            .text("select ")
            .strong(role_name(r))
            .text(" (")
            .code(r.as_str())
            .text(")"),
        None => "(no partner_role in the claim file)".into(),
    };
    let mut s = Screen::new("Choose the claim type")
        .field("Claim type / partner role", choice)
        .trap(
            Rich::new()
                .text("do not select ")
                .strong(role_name(PartnerRole::PartnerActivities))
                .text(": it is for partner-led MCI funding claims only, not CPOR."),
        );
    if matches!(
        role,
        Some(PartnerRole::UsageRecognition | PartnerRole::InfluencedRevenueRecognition)
    ) {
        s = s.note(
            "this role is non-incentivized: it records the association but earns no incentive \
             payment (F§1.4).",
        );
    }
    s.act(
        Rich::new()
            .text("Click ")
            .strong("Add customer")
            .text(" | ")
            .strong("Associate customer")
            .text("."),
    )
}

fn associate_customer(c: &CporClaim, ctx: &GuideCtx<'_>) -> Screen {
    let mut s = screens::associate_customer(
        text(&c.claim_name),
        text(&c.partner_id),
        ctx,
        "the Partner location is YOUR local location ID (the PartnerID of this location, PLA), \
         the one associated with all your indirect reseller information; not the global \
         PartnerID. Payouts are tied to the location (F§5.1).",
    )
    .field("Customer tenant ID*", enter(text(&c.customer_tenant_id)));
    let mut tenant_note = Rich::new()
        .text("the tenant ID of the customer's domain.onmicrosoft.com (a GUID), not a domain name");
    if let Some(domain) = text(&c.customer_domain) {
        tenant_note = tenant_note
            .text("; the customer's domain is ")
            .value(domain);
    }
    s = s.note(tenant_note.text("."));
    if c.area() == Some(SolutionArea::BusinessApplications) {
        s = s.field("Subscription ID*", enter(text(&c.subscription_id)));
    }
    opt_out(s, c.recognition_only.as_deref().copied().unwrap_or(false)).act(click("Next"))
}

/// The recognition-only box at the end of *Associate customer*.
fn opt_out(s: Screen, opted_out: bool) -> Screen {
    const LABEL: &str = "I claim for recognition only, and would like to opt-out of incentive \
                         payment for this claim";
    if opted_out {
        s.field(
            LABEL,
            Rich::new()
                .strong("tick it")
                .text(": the claim file says ")
                .code("recognition_only = true")
                .text(", so this claim earns no incentive payment"),
        )
        .trap(
            Rich::new()
                .text(
                    "a ticked opt-out box means no incentive payment for this claim. If you \
                     intend to claim incentives, leave it unticked and set ",
                )
                .code("recognition_only = false")
                .text(" in the claim file."),
        )
    } else {
        s.field(LABEL, Rich::new().strong("leave the opt-out box unticked"))
            .trap(
                "do not tick the opt-out box if you intend to claim incentives: a ticked box means \
             no incentive payment for this claim.",
            )
    }
}

fn associate_workload(c: &CporClaim) -> Screen {
    let workloads = c.workload_names();
    let mut s = Screen::new("Add customer | Associate workload")
        .act(
            "A pop-up (specific to CPOR) asks you to confirm that the customer has eligible \
             workloads already in place: confirm only if they are deployed and active.",
        )
        .field_list(
            "Workloads",
            Rich::new().text(match workloads.len() {
                0 => "(none in the claim file)",
                1 => "select this workload:",
                _ => "select each of these workloads:",
            }),
            workloads.iter().map(|w| Rich::new().value(*w)).collect(),
        );
    if c.area() == Some(SolutionArea::BusinessApplications) {
        s = s.note("for Business Applications you must also select the subscription ID (F§1.6).");
    }
    s.note(
        "select only the workloads this claim is for: each workload of a customer can be \
         associated with one partner only (F§1.8).",
    )
    .act(click("Next"))
}

fn contact_information(c: &CporClaim) -> Screen {
    screens::contact_information(
        c.customer_contact.as_ref(),
        c.partner_contact.as_ref(),
        "use business email addresses, not free webmail.",
    )
}

fn review_and_complete() -> Screen {
    Screen::new("Add customer | Review and complete")
        .act("Check every value against this page.")
        .trap(
            "you can't edit a customer association after you submit it (F§1.6): a wrong \
             tenant, location or workload means a new association.",
        )
        .act(
            Rich::new()
                .text("Click ")
                .strong("Submit")
                .text(" to complete the customer association. The claim is created in ")
                .strong("Draft")
                .text(" and stays there until you upload the PoE and submit it."),
        )
}

fn upload_poe(c: &CporClaim, ctx: &GuideCtx<'_>) -> Screen {
    let s = Screen::new("Claim for payment: upload the PoE").act(
        Rich::new()
            .text("Return to ")
            .strong("Customer claims")
            .text(": the new association is listed there. Click its ")
            .strong("Claim ID")
            .text("."),
    );
    let links = screens::online_links(&c.documents);
    let comment = if links.is_empty() {
        Rich::new().text(
            "optional: anything reviewers should know (for example which document names which \
             workload)",
        )
    } else {
        Rich::new()
            .text("add the ")
            .then(screens::online_evidence(&links))
    };
    screens::upload_files(
        s,
        "Upload proof of execution",
        screens::UPLOAD_EACH_FILE,
        &c.documents,
        ctx,
        doc_details,
    )
    .trap(
        "the PoE must carry the customer's signature (wet and scanned, or DocuSign / Adobe \
         Sign) and name every claimed workload; the Microsoft PoE template alone is thin: add \
         the Statement of Work, customer emails, support tickets.",
    )
    .field("Optional comment", comment)
    .act(
        Rich::new()
            .text("Complete the ")
            .strong("Acknowledgements")
            .text(", then click ")
            .strong("Submit claim")
            .text(". The status becomes ")
            .strong("Submitted")
            .text("."),
    )
}

/// A PoE document as the upload field lists it: its signature, date and
/// the workloads it names.
fn doc_details(doc: &Document) -> Rich {
    let names = match &doc.workloads {
        Some(w) if !w.value.is_empty() => Rich::new()
            .text(", names ")
            .values(", ", w.value.iter().map(|n| n.value.as_str())),
        _ => Rich::new(),
    };
    let signature = screens::signature_words(
        doc,
        "wet signature (scanned)",
        ", not signed by the customer",
    );
    screens::doc_details(doc, signature, names)
}

fn after_you_submit(c: &CporClaim, ctx: &GuideCtx<'_>) -> Screen {
    Screen::new("After you submit: what happens next")
        .act(
            "Microsoft emails the customer about the association. The customer can decline it \
             at any time; if they do not, the association with that tenant and workload \
             becomes official (F§1.9).",
        )
        .act(Rich::new().text(format!(
            "Submitted: the claim can stay in this state for up to \
             {REVIEW_START_BUSINESS_DAYS} business days until Microsoft starts the review. \
             Under review: the review can take up to {REVIEW_BUSINESS_DAYS} business days \
             (F§1.10)."
        )))
        .act(
            "Watch the claim in two places: Incentives > Customer claims > the claim number \
             (Microsoft's comments are at the bottom of the claim page), and your email (make \
             sure your account settings list you as a contact person).",
        )
        .act(reply_step(c, &ctx.env.config.holidays))
        .note(
            "Microsoft contacts you before rejecting a claim and says how to put it right. \
             Usual reasons: no PoE, no customer signature on the PoE, missing or old dates, no \
             description of your service, a claimed workload the PoE does not name (F§1.11).",
        )
        .act(rejected_step(c))
        .act("Approved: earnings come only for usage after the approval date (F§1.19).")
}

/// *Partner action required*: the date to reply by once the stage is set.
fn reply_step(c: &CporClaim, holidays: &[NaiveDate]) -> Rich {
    let head = Rich::new().strong("Partner action required");
    let Some((Stage::PartnerActionRequired, Some(since))) = c.stage() else {
        return head
            .text(format!(
                ": if Microsoft needs more information it sets this stage, and you then have \
                 {REPLY_BUSINESS_DAYS} business days to reply and resubmit, or the claim is \
                 rejected. The clock starts on the day Microsoft sets the stage: note that day \
                 in the claim file's status, and the checklist (or "
            ))
            .code("claimtool cpor checklist")
            .text(") gives the date.");
    };
    head.text(format!(
        ": the claim entered this stage on {since}. Reply with the requested information and \
         resubmit by "
    ))
    .strong(reply_due(since, holidays).to_string())
    .text(format!(
        " ({REPLY_BUSINESS_DAYS} business days, weekends{} excluded), or the claim is \
         rejected.",
        if holidays.is_empty() {
            ""
        } else {
            " and your holidays"
        }
    ))
}

/// *Rejected*: the last day to dispute once the claim is rejected.
fn rejected_step(c: &CporClaim) -> Rich {
    let Some((Stage::Rejected, Some(since))) = c.stage() else {
        return Rich::new().text(format!(
            "Rejected: you can dispute a rejected claim once, within {DISPUTE_DAYS} days. \
             After that, submit a new association with new PoE (F§1.14)."
        ));
    };
    Rich::new()
        .strong("Rejected")
        .text(format!(
            " on {since}: you can dispute the rejection once, by "
        ))
        .strong(dispute_last_day(since).to_string())
        .text(format!(
            " ({DISPUTE_DAYS} days). After that, submit a new association with new PoE \
             (F§1.14)."
        ))
}

// The checklist, one function per item the kinds do not share.

fn association_items(c: &CporClaim, ctx: &GuideCtx<'_>) -> Vec<ItemSpec> {
    let area = c.area();
    let mut items = vec![
        ItemSpec {
            text: "Partner location is your location's PartnerID (PLA), not the global one".into(),
            rules: PARTNER_ID_RULES,
            evidence: items::location_evidence(&c.partner_id, ctx, false),
        },
        role_item(c),
    ];
    if area == Some(SolutionArea::Azure) {
        items.push(ItemSpec {
            text: "CPOR is the right route for this Azure consumption (normally Partner Admin \
                   Link)"
                .into(),
            rules: const { &[&azure_pal::RULE] },
            evidence: Rich::new(),
        });
    }
    items.push(tenant_item(c));
    if area == Some(SolutionArea::BusinessApplications) {
        items.push(ItemSpec {
            text: "Subscription ID of the customer's Business Applications subscription".into(),
            rules: const { &[&subscription_id::RULE] },
            evidence: text(&c.subscription_id).map_or_else(Rich::new, |s| Rich::new().value(s)),
        });
    }
    items.push(opt_out_item(c));
    items.push(ItemSpec {
        text: "Workloads selected, known for the solution area, deployed and active".into(),
        rules: const {
            &[
                &workloads::RULE,
                &unknown_workload::RULE,
                &workloads_inactive::RULE,
            ]
        },
        evidence: Rich::new().values(", ", c.workload_names()),
    });
    items.push(items::contacts(&c.customer_contact, &c.partner_contact));
    items
}

fn role_item(c: &CporClaim) -> ItemSpec {
    let mut evidence = Rich::new();
    if let Some(r) = c.role() {
        evidence = evidence.strong(role_name(r));
    }
    if let Some(a) = c.area() {
        evidence = evidence.text(" on the ").text(tab_name(a)).text(" tab");
    }
    ItemSpec {
        text: "Partner role fits the solution area and earns incentives (never Partner \
               activities)"
            .into(),
        rules: const { &[&partner_role::RULE, &non_incentivized::RULE] },
        evidence,
    }
}

fn tenant_item(c: &CporClaim) -> ItemSpec {
    let mut evidence = Rich::new().text("tenant ");
    if let Some(t) = text(&c.customer_tenant_id) {
        evidence = evidence.value(t);
    }
    if let Some(d) = text(&c.customer_domain) {
        evidence = evidence.text(", domain ").value(d);
    }
    ItemSpec {
        text: "Customer tenant ID is the customer's Entra tenant GUID".into(),
        rules: const { &[&tenant_id::RULE, &customer_domain::RULE] },
        evidence,
    }
}

fn opt_out_item(c: &CporClaim) -> ItemSpec {
    ItemSpec {
        text: "Opt-out (recognition only) box left unticked, so the claim earns incentives".into(),
        rules: const { &[&recognition_only::RULE] },
        evidence: Rich::new().text(match c.recognition_only.as_deref() {
            Some(true) => "the claim file says to tick it (recognition only)",
            Some(false) => "the claim file says to leave it unticked",
            None => "the claim file does not say (leave it unticked)",
        }),
    }
}

fn poe_items(c: &CporClaim, ctx: &GuideCtx<'_>) -> Vec<ItemSpec> {
    let mut docs = Rich::new().text(format!("{} document(s)", c.documents.len()));
    if !c.documents.is_empty() {
        docs = docs
            .text(": ")
            .values(", ", c.documents.iter().map(|d| ctx.doc_label(d)));
    }
    let mut types: Vec<&str> = c.documents.iter().map(screens::doc_type_words).collect();
    types.sort_unstable();
    types.dedup();
    let mut items = vec![
        ItemSpec {
            text: "At least one PoE document, each one readable".into(),
            rules: const { &[&poe_missing::RULE, &document_missing::RULE] },
            evidence: docs,
        },
        signed_item(c, ctx),
        named_item(c, ctx),
        ItemSpec {
            text: "The PoE names the customer (its name, tenant ID or domain)".into(),
            rules: const { &[&poe::poe_customer_not_named::RULE] },
            evidence: Rich::new()
                .text("read in the documents: ")
                .value(text(&c.customer_name).unwrap_or_default()),
        },
        ItemSpec {
            text: Rich::new().text(format!(
                "Recent: the newest customer signature is less than {POE_MAX_AGE_MONTHS} months \
                 old"
            )),
            rules: const { &[&poe_stale::RULE, &poe::poe_signed_on_mismatch::RULE] },
            evidence: c.newest_signature().map_or_else(Rich::new, |d| {
                Rich::new().text(format!("newest signature {d}"))
            }),
        },
        ItemSpec {
            text: "More than the Microsoft PoE template alone: a Statement of Work, customer \
                   emails, support tickets"
                .into(),
            rules: const { &[&poe_template_only::RULE] },
            evidence: Rich::new().text(types.join(", ")),
        },
    ];
    items.extend(items::document_checks(
        "Every document is dated, and no date is in the future",
        const { &[&document_undated::RULE, &date_in_future::RULE] },
        &c.documents,
        ctx,
    ));
    items
}

fn signed_item(c: &CporClaim, ctx: &GuideCtx<'_>) -> ItemSpec {
    let signed = items::signatures(&c.documents, ctx);
    ItemSpec {
        text: "Signed by the customer: wet (scanned) or digital (DocuSign, Adobe Sign), with the \
               signing date"
            .into(),
        rules: const {
            &[
                &poe_unsigned::RULE,
                &document_signed_on::RULE,
                &poe::poe_signature_missing::RULE,
                &poe::poe_signature_broken::RULE,
                &poe::poe_modified_after_signing::RULE,
                &poe::poe_signed_on_mismatch::RULE,
            ]
        },
        evidence: signed,
    }
}

/// What each document says it names (the rule does the matching).
fn named_item(c: &CporClaim, ctx: &GuideCtx<'_>) -> ItemSpec {
    let mut named = Rich::new();
    for d in &c.documents {
        if let Some(w) = d.workloads.as_ref().filter(|w| !w.value.is_empty()) {
            if !named.is_empty() {
                named = named.text("; ");
            }
            named = named
                .value(ctx.doc_label(d))
                .text(" names ")
                .values(", ", w.value.iter().map(|n| n.value.as_str()));
        }
    }
    ItemSpec {
        text: "Every claimed workload is named in a PoE document".into(),
        rules: const {
            &[
                &poe_workload_uncovered::RULE,
                &poe::poe_workload_not_named::RULE,
            ]
        },
        evidence: named,
    }
}

// The dates: the reply clock, what the stage waits for, the PoE's age.

fn reply_deadline(c: &CporClaim, ctx: &GuideCtx<'_>) -> Deadline {
    let holidays = &ctx.env.config.holidays;
    let Some((Stage::PartnerActionRequired, Some(since))) = c.stage() else {
        return Deadline::not_started(
            "Reply to Partner action required".into(),
            Rich::new().text(format!(
                "{REPLY_BUSINESS_DAYS} business days from the day Microsoft sets the claim to \
                 Partner action required; when it does, note that day in the claim file's \
                 status and claimtool gives the date"
            )),
        );
    };
    Deadline::yours(
        "Reply to Partner action required and resubmit".into(),
        reply_due(since, holidays),
        ctx.env.today,
        Rich::new().text(format!(
            "{REPLY_BUSINESS_DAYS} business days from {since} (weekends{} excluded); after it \
             the claim is rejected",
            if holidays.is_empty() {
                ""
            } else {
                " and your holidays"
            }
        )),
    )
    .waiting_on_you()
}

/// What the claim's stage waits for: Microsoft's review, or a dispute.
fn stage_deadline(c: &CporClaim, ctx: &GuideCtx<'_>) -> Option<Deadline> {
    let today = ctx.env.today;
    let after = |since, days| calendar::add_business_days(since, days, &ctx.env.config.holidays);
    Some(match c.stage()? {
        (Stage::Submitted, Some(since)) => Deadline::expected(
            "Microsoft starts the review (at the latest)".into(),
            after(since, REVIEW_START_BUSINESS_DAYS),
            today,
            Rich::new().text(format!(
                "up to {REVIEW_START_BUSINESS_DAYS} business days in Submitted from {since} \
                 (F§1.10)"
            )),
        ),
        (Stage::UnderReview, Some(since)) => Deadline::expected(
            "Microsoft completes the review (at the latest)".into(),
            after(since, REVIEW_BUSINESS_DAYS),
            today,
            Rich::new().text(format!(
                "up to {REVIEW_BUSINESS_DAYS} business days under review from {since} (F§1.10)"
            )),
        ),
        (Stage::Rejected, Some(since)) => Deadline::yours(
            "Dispute the rejection (allowed once)".into(),
            dispute_last_day(since),
            today,
            Rich::new().text(format!(
                "{DISPUTE_DAYS} days from the rejection on {since} (F§1.14); after it, a new \
                 association with new PoE"
            )),
        )
        .waiting_on_you(),
        (Stage::Disputed, Some(since)) => Deadline::expected(
            "Reviewers answer the dispute".into(),
            after(since, DISPUTE_ANSWER_BUSINESS_DAYS),
            today,
            Rich::new().text(format!(
                "within {DISPUTE_ANSWER_BUSINESS_DAYS} working days from {since} (F§1.14)"
            )),
        ),
        _ => return None,
    })
}

/// Before the review, the day the newest PoE signature turns stale.
fn poe_age_deadline(c: &CporClaim, today: NaiveDate) -> Option<Deadline> {
    let before_review = matches!(
        c.stage(),
        None | Some((Stage::Draft | Stage::PartnerActionRequired, _))
    );
    let newest = c.newest_signature().filter(|_| before_review)?;
    Some(Deadline::yours(
        Rich::new().text(format!(
            "Submit while the newest PoE signature is under {POE_MAX_AGE_MONTHS} months old"
        )),
        poe_fresh_until(newest)?,
        today,
        Rich::new().text(format!(
            "newest customer signature {newest}; reviewers reject PoE whose dates are old in \
             relation to the claim (F§1.11)"
        )),
    ))
}

impl KindGuide for CporClaim {
    kind_and_title!(Kind::Cpor, "CPOR customer association and claim");

    fn bundle_name(&self) -> Option<&str> {
        text(&self.claim_name)
    }

    fn screens(&self, ctx: &GuideCtx<'_>) -> Vec<Screen> {
        vec![
            sign_in(),
            customer_claims(self),
            claim_type(self),
            associate_customer(self, ctx),
            associate_workload(self),
            contact_information(self),
            review_and_complete(),
            upload_poe(self, ctx),
            after_you_submit(self, ctx),
        ]
    }

    fn checklist(&self, ctx: &GuideCtx<'_>) -> Vec<SectionSpec> {
        let mut sections = vec![
            SectionSpec {
                title: "Customer association",
                items: association_items(self, ctx),
            },
            SectionSpec {
                title: "Proof of execution (PoE)",
                items: poe_items(self, ctx),
            },
        ];
        if let Some((stage, since)) = self.stage() {
            sections.push(items::where_it_stands(
                "No request from Microsoft waiting for your reply, no window about to close",
                const { &[&action_required::RULE, &dispute_window::RULE] },
                stage_name(stage),
                since,
            ));
        }
        sections
    }

    fn deadlines(&self, ctx: &GuideCtx<'_>) -> Vec<Deadline> {
        let mut out = vec![reply_deadline(self, ctx)];
        out.extend(stage_deadline(self, ctx));
        out.extend(poe_age_deadline(self, ctx.env.today));
        out
    }

    fn claim_values(&self) -> serde_json::Value {
        self.to_json()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Claim;
    use crate::submit::{KindGuide, render_markdown, testing};

    #[test]
    fn the_walkthrough_follows_the_claim() {
        let env = testing::env("2026-11-26");
        let text = include_str!("guide_test.toml");
        testing::with_claim(text, &env, &[], |claim, ctx| {
            let Claim::Cpor(claim) = claim else {
                panic!("not a CPOR claim")
            };
            let md = render_markdown(claim, ctx, "ok");
            for needle in [
                "select **Business Applications**",
                "select **Build intent - Advisor** (`build-intent-advisor`)",
                "**Subscription ID** (required): enter `9f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b`",
                "**tick it**: the claim file says `recognition_only = true`",
                "set `recognition_only = false`",
                "add the online evidence, which is not a file: `https://example.com/case-study`",
                "**Rejected** on 2026-11-10: you can dispute the rejection once, by **2026-12-10**",
            ] {
                assert!(md.contains(needle), "missing {needle:?} in\n{md}");
            }
            let deadlines = claim.deadlines(ctx);
            // Deadlines are read by people: no TOML, no code.
            for d in &deadlines {
                let md = d.what.markdown() + &d.note.markdown();
                assert!(!md.contains('`') && !md.contains(" = "), "{md}");
            }
            let dispute = deadlines
                .iter()
                .find(|d| d.what.plain().starts_with("Dispute"))
                .unwrap();
            assert_eq!(dispute.date, "2026-12-10".parse().ok());
            assert_eq!(dispute.state, Some("near"));
            // No signed PoE: no PoE-age deadline is invented; not before review anyway.
            assert!(
                !deadlines
                    .iter()
                    .any(|d| d.what.plain().contains("12 months"))
            );
        });
    }
}
