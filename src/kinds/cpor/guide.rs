//! The CPOR guide: Partner Center > Incentives > Customer claims > Add
//! customer, screen by screen (the guide's "How to Submit a CPOR
//! Association", F§1.6), the PoE checklist tied to the `cpor-` and document
//! rules, and the CPOR dates (F§1.10, §1.14).

use chrono::NaiveDate;
use serde_json::json;

use crate::calendar;
use crate::checklist::{Deadline, ItemSpec, SectionSpec};
use crate::decode::StrEnum;
use crate::kinds::cpor::facts::{
    DISPUTE_ANSWER_BUSINESS_DAYS, DISPUTE_DAYS, REPLY_BUSINESS_DAYS, REVIEW_BUSINESS_DAYS,
    REVIEW_START_BUSINESS_DAYS, dispute_last_day, poe_fresh_until, reply_due, role_name,
    stage_name, tab_name,
};
use crate::kinds::cpor::model::{CporClaim, PartnerRole, SolutionArea, Stage};
use crate::kinds::cpor::rules::{
    action_required, azure_pal, customer_domain, dispute_window, non_incentivized, partner_role,
    poe_missing, poe_stale, poe_template_only, poe_unsigned, poe_workload_uncovered,
    recognition_only, subscription_id, tenant_id, unknown_workload, workloads, workloads_inactive,
};
use crate::model::{Document, Kind, Signature};
use crate::rich::Rich;
use crate::rules::any::{
    business_email, date_in_future, document_empty, document_format, document_missing,
    document_signed_on, document_undated, email_format, partner_id_format, partner_id_unknown,
};

use crate::submit::{GuideCtx, KindGuide, Screen, enter, text};

fn doc_type_words(doc: &Document) -> &'static str {
    doc.doc_type.as_ref().map_or("document", |t| t.as_str())
}

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

    fn workload_names(&self) -> Vec<&str> {
        self.workloads
            .as_ref()
            .map(|w| w.value.iter().map(|s| s.value.as_str()).collect())
            .unwrap_or_default()
    }

    /// The newest customer signature on a PoE document.
    fn newest_signature(&self) -> Option<NaiveDate> {
        self.documents
            .iter()
            .filter(|d| d.is_signed())
            .filter_map(|d| d.signed_on.as_deref().copied())
            .max()
    }

    fn doc_details(doc: &Document) -> Rich {
        let mut r = Rich::new().text(doc_type_words(doc));
        match (doc.signature.as_deref(), doc.signed_on.as_deref()) {
            (Some(Signature::Wet), Some(on)) => {
                r = r.text(format!(", wet signature (scanned) of {on}"));
            }
            (Some(Signature::Digital), Some(on)) => {
                r = r.text(format!(", signed digitally on {on}"));
            }
            _ => r = r.text(", not signed by the customer"),
        }
        if let Some(date) = doc.date.as_deref() {
            r = r.text(format!(", dated {date}"));
        }
        if let Some(w) = &doc.workloads
            && !w.value.is_empty()
        {
            r = r
                .text(", names ")
                .values(", ", w.value.iter().map(|n| n.value.as_str()));
        }
        if let Some(d) = text(&doc.description) {
            r = r.text(": ").value(d);
        }
        r
    }

    fn next_steps(&self, ctx: &GuideCtx<'_>) -> Screen {
        let holidays = &ctx.env.config.holidays;
        let mut s = Screen::new("After you submit: what happens next")
            .act(
                "Microsoft emails the customer about the association. The customer can decline \
                 it at any time; if they do not, the association with that tenant and workload \
                 becomes official (F§1.9).",
            )
            .act(
                "Submitted: the claim can stay in this state for up to 5 business days until \
                 Microsoft starts the review. Under review: the review can take up to 14 \
                 business days (F§1.10).",
            )
            .act(
                "Watch the claim in two places: Incentives > Customer claims > the claim number \
                 (Microsoft's comments are at the bottom of the claim page), and your email \
                 (make sure your account settings list you as a contact person).",
            );
        let reply = match self.stage() {
            Some((Stage::PartnerActionRequired, Some(since))) => Rich::new()
                .strong("Partner action required")
                .text(format!(
                    ": the claim entered this stage on {since}. Reply with the requested \
                     information and resubmit by "
                ))
                .strong(reply_due(since, holidays).to_string())
                .text(format!(
                    " ({REPLY_BUSINESS_DAYS} business days, weekends{} excluded), or the claim \
                     is rejected.",
                    if holidays.is_empty() {
                        ""
                    } else {
                        " and your calendar.holidays"
                    }
                )),
            _ => Rich::new()
                .strong("Partner action required")
                .text(format!(
                    ": if Microsoft needs more information it sets this stage, and you then have \
                     {REPLY_BUSINESS_DAYS} business days to reply and resubmit, or the claim is \
                     rejected. The clock starts on the day Microsoft sets the stage: record it \
                     in the claim file as "
                ))
                .code("[status] stage = \"partner-action-required\"")
                .text(" with ")
                .code("since")
                .text(" and run ")
                .code("claimtool cpor checklist")
                .text(" to get the date."),
        };
        s = s.act(reply).note(
            "Microsoft contacts you before rejecting a claim and says how to put it right. \
             Usual reasons: no PoE, no customer signature on the PoE, missing or old dates, no \
             description of your service, a claimed workload the PoE does not name (F§1.11).",
        );
        s = s.act(match self.stage() {
            Some((Stage::Rejected, Some(since))) => Rich::new()
                .strong("Rejected")
                .text(format!(
                    " on {since}: you can dispute the rejection once, by "
                ))
                .strong(dispute_last_day(since).to_string())
                .text(format!(
                    " ({DISPUTE_DAYS} days). After that, submit a new association with new PoE \
                     (F§1.14)."
                )),
            _ => Rich::new().text(format!(
                "Rejected: you can dispute a rejected claim once, within {DISPUTE_DAYS} days. \
                 After that, submit a new association with new PoE (F§1.14)."
            )),
        });
        s.act("Approved: earnings come only for usage after the approval date (F§1.19).")
    }
}

impl KindGuide for CporClaim {
    fn kind(&self) -> Kind {
        Kind::Cpor
    }

    fn title(&self) -> &'static str {
        "CPOR customer association and claim"
    }

    fn bundle_name(&self) -> Option<&str> {
        text(&self.claim_name)
    }

    fn screens(&self, ctx: &GuideCtx<'_>) -> Vec<Screen> {
        let area = self.area();
        let role = self.role();
        let mut screens = Vec::new();

        screens.push(
            Screen::new("Sign in to Partner Center")
                .act("Go to https://partner.microsoft.com and sign in with your Partner Center account.")
                .note(
                    "creating a claim needs the Incentives admin role (or Billing admin or \
                     Global admin) (F§1.2).",
                ),
        );

        let mut tab = Screen::new("Incentives > Customer claims").act(
            Rich::new()
                .text("From the Home page, click the ")
                .strong("Incentives")
                .text(" tab, then ")
                .strong("Customer claims")
                .text("."),
        );
        tab = match area {
            Some(a) => tab.field(
                "Solution area tab",
                Rich::new().text("select ").strong(tab_name(a)),
            ),
            None => tab.field(
                "Solution area tab",
                "(no solution_area in the claim file)".into(),
            ),
        };
        screens.push(tab);

        let mut kind = Screen::new("Choose the claim type");
        kind = match role {
            Some(r) => kind.field(
                "Claim type / partner role",
                Rich::new()
                    .text("select ")
                    .strong(role_name(r))
                    .text(" (")
                    .code(r.as_str())
                    .text(")"),
            ),
            None => kind.field(
                "Claim type / partner role",
                "(no partner_role in the claim file)".into(),
            ),
        };
        kind = kind.trap(
            Rich::new()
                .text("do not select ")
                .strong("Partner activities")
                .text(": it is for partner-led MCI funding claims only, not CPOR."),
        );
        if matches!(
            role,
            Some(PartnerRole::UsageRecognition | PartnerRole::InfluencedRevenueRecognition)
        ) {
            kind = kind.note("this role is non-incentivized: it records the association but earns no incentive payment (F§1.4).");
        }
        kind = kind.act(
            Rich::new()
                .text("Click ")
                .strong("Add customer")
                .text(" | ")
                .strong("Associate customer")
                .text("."),
        );
        screens.push(kind);

        let partner_id = text(&self.partner_id);
        let mut location = match partner_id {
            Some(id) => Rich::new().text("select ").value(id),
            None => "(no partner_id in the claim file)".into(),
        };
        if let Some(name) = partner_id
            .and_then(|id| ctx.env.config.location(id))
            .and_then(|l| l.name.clone())
        {
            location = location.text(" (").value(name).text(")");
        }
        let mut assoc = Screen::new("Add customer | Associate customer")
            .field("Claim name*", enter(text(&self.claim_name)))
            .field("Partner location*", location)
            .trap(
                "the Partner location is YOUR local location ID (the PartnerID of this location, \
                 PLA), the one associated with all your indirect reseller information; not the \
                 global PartnerID. Payouts are tied to the location (F§5.1).",
            )
            .field("Customer tenant ID*", enter(text(&self.customer_tenant_id)));
        let mut tenant_note = Rich::new().text(
            "the tenant ID of the customer's domain.onmicrosoft.com (a GUID), not a domain name",
        );
        if let Some(domain) = text(&self.customer_domain) {
            tenant_note = tenant_note
                .text("; the customer's domain is ")
                .value(domain);
        }
        assoc = assoc.note(tenant_note.text("."));
        if area == Some(SolutionArea::BusinessApplications) {
            assoc = assoc.field("Subscription ID*", enter(text(&self.subscription_id)));
        }
        let opted_out = self.recognition_only.as_deref().copied().unwrap_or(false);
        assoc = assoc.field(
            "I claim for recognition only, and would like to opt-out of incentive payment for this claim",
            if opted_out {
                Rich::new()
                    .strong("tick it")
                    .text(": the claim file says ")
                    .code("recognition_only = true")
                    .text(", so this claim earns no incentive payment")
            } else {
                Rich::new().strong("leave the opt-out box unticked")
            },
        );
        assoc =
            if opted_out {
                assoc.trap(
                Rich::new()
                    .text("a ticked opt-out box means no incentive payment for this claim. If you \
                           intend to claim incentives, leave it unticked and set ")
                    .code("recognition_only = false")
                    .text(" in the claim file."),
            )
            } else {
                assoc.trap(
                    "do not tick the opt-out box if you intend to claim incentives: a ticked box \
                 means no incentive payment for this claim.",
                )
            };
        assoc = assoc.act(Rich::new().text("Click ").strong("Next").text("."));
        screens.push(assoc);

        let workloads = self.workload_names();
        let mut wl = Screen::new("Add customer | Associate workload").act(
            "A pop-up (specific to CPOR) asks you to confirm that the customer has eligible \
             workloads already in place: confirm only if they are deployed and active.",
        );
        wl = wl.field_list(
            "Workloads",
            Rich::new().text(match workloads.len() {
                0 => "(none in the claim file)",
                1 => "select this workload:",
                _ => "select each of these workloads:",
            }),
            workloads.iter().map(|w| Rich::new().value(*w)).collect(),
        );
        if area == Some(SolutionArea::BusinessApplications) {
            wl = wl.note(
                "for Business Applications you must also select the subscription ID (F§1.6).",
            );
        }
        wl = wl
            .note(
                "select only the workloads this claim is for: each workload of a customer can be \
                 associated with one partner only (F§1.8).",
            )
            .act(Rich::new().text("Click ").strong("Next").text("."));
        screens.push(wl);

        let mut contacts = Screen::new("Add customer | Contact information");
        contacts =
            crate::submit::contact_fields(contacts, "customer", self.customer_contact.as_ref());
        contacts =
            crate::submit::contact_fields(contacts, "partner", self.partner_contact.as_ref());
        contacts = contacts
            .note("use business email addresses, not free webmail.")
            .act(Rich::new().text("Click ").strong("Next").text("."));
        screens.push(contacts);

        screens.push(
            Screen::new("Add customer | Review and complete")
                .act("Check every value against this page.")
                .trap("you can't edit a customer association after you submit it (F§1.6): a wrong tenant, location or workload means a new association.")
                .act(
                    Rich::new()
                        .text("Click ")
                        .strong("Submit")
                        .text(" to complete the customer association. The claim is created in ")
                        .strong("Draft")
                        .text(" and stays there until you upload the PoE and submit it."),
                ),
        );

        let mut upload = Screen::new("Claim for payment: upload the PoE").act(
            Rich::new()
                .text("Return to ")
                .strong("Customer claims")
                .text(": the new association is listed there. Click its ")
                .strong("Claim ID")
                .text("."),
        );
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
        upload = upload.field_list(
            "Upload proof of execution",
            Rich::new().text(if files.is_empty() {
                "(no document files in the claim file)"
            } else {
                "upload each file from this bundle's documents folder:"
            }),
            files
                .iter()
                .map(|d| {
                    crate::submit::doc_ref(d, ctx)
                        .text(": ")
                        .then(Self::doc_details(d))
                })
                .collect(),
        );
        upload = upload.trap(
            "the PoE must carry the customer's signature (wet and scanned, or DocuSign / Adobe \
             Sign) and name every claimed workload; the Microsoft PoE template alone is thin: \
             add the Statement of Work, customer emails, support tickets.",
        );
        let comment = if links.is_empty() {
            Rich::new().text(
                "optional: anything reviewers should know (for example which document names \
                 which workload)",
            )
        } else {
            Rich::new()
                .text("add the online evidence, which is not a file: ")
                .values(", ", links.iter().map(|d| d.label()))
        };
        upload = upload.field("Optional comment", comment).act(
            Rich::new()
                .text("Complete the ")
                .strong("Acknowledgements")
                .text(", then click ")
                .strong("Submit claim")
                .text(". The status becomes ")
                .strong("Submitted")
                .text("."),
        );
        screens.push(upload);

        screens.push(self.next_steps(ctx));
        screens
    }

    fn checklist(&self, ctx: &GuideCtx<'_>) -> Vec<SectionSpec> {
        let area = self.area();
        let mut assoc = Vec::new();

        let pid = crate::submit::partner_id_evidence(&self.partner_id, ctx);
        assoc.push(ItemSpec {
            text: "Partner location is your location's PartnerID (PLA), not the global one".into(),
            rules: const { &[&partner_id_format::RULE, &partner_id_unknown::RULE] },
            evidence: pid,
        });

        let mut role_evidence = Rich::new();
        if let Some(r) = self.role() {
            role_evidence = role_evidence.strong(role_name(r));
        }
        if let Some(a) = area {
            role_evidence = role_evidence
                .text(" on the ")
                .text(tab_name(a))
                .text(" tab");
        }
        assoc.push(ItemSpec {
            text: "Partner role fits the solution area and earns incentives (never Partner activities)".into(),
            rules: const { &[&partner_role::RULE, &non_incentivized::RULE] },
            evidence: role_evidence,
        });
        if area == Some(SolutionArea::Azure) {
            assoc.push(ItemSpec {
                text: "CPOR is the right route for this Azure consumption (normally Partner Admin Link)".into(),
                rules: const { &[&azure_pal::RULE] },
                evidence: Rich::new(),
            });
        }

        let mut tenant = Rich::new().text("tenant ");
        if let Some(t) = text(&self.customer_tenant_id) {
            tenant = tenant.value(t);
        }
        if let Some(d) = text(&self.customer_domain) {
            tenant = tenant.text(", domain ").value(d);
        }
        assoc.push(ItemSpec {
            text: "Customer tenant ID is the customer's Entra tenant GUID".into(),
            rules: const { &[&tenant_id::RULE, &customer_domain::RULE] },
            evidence: tenant,
        });
        if area == Some(SolutionArea::BusinessApplications) {
            assoc.push(ItemSpec {
                text: "Subscription ID of the customer's Business Applications subscription".into(),
                rules: const { &[&subscription_id::RULE] },
                evidence: text(&self.subscription_id)
                    .map_or_else(Rich::new, |s| Rich::new().value(s)),
            });
        }
        assoc.push(ItemSpec {
            text: "Opt-out (recognition only) box left unticked, so the claim earns incentives"
                .into(),
            rules: const { &[&recognition_only::RULE] },
            evidence: Rich::new().code("recognition_only").text(
                match self.recognition_only.as_deref() {
                    Some(true) => " is true (ticked)",
                    Some(false) => " is false",
                    None => " is not set (unticked)",
                },
            ),
        });
        let wl = Rich::new().values(", ", self.workload_names());
        assoc.push(ItemSpec {
            text: "Workloads selected, known for the solution area, deployed and active".into(),
            rules: const {
                &[
                    &workloads::RULE,
                    &unknown_workload::RULE,
                    &workloads_inactive::RULE,
                ]
            },
            evidence: wl,
        });
        let mut contacts = Rich::new();
        for (label, c) in [
            ("customer ", &self.customer_contact),
            ("; partner ", &self.partner_contact),
        ] {
            if let Some(email) = c.as_ref().and_then(|c| text(&c.email)) {
                contacts = contacts.text(label).value(email);
            }
        }
        assoc.push(ItemSpec {
            text: "Customer and partner contacts with valid business email addresses".into(),
            rules: const { &[&email_format::RULE, &business_email::RULE] },
            evidence: contacts,
        });

        let mut poe = Vec::new();
        let mut docs = Rich::new().text(format!("{} document(s)", self.documents.len()));
        if !self.documents.is_empty() {
            docs = docs
                .text(": ")
                .values(", ", self.documents.iter().map(Document::label));
        }
        poe.push(ItemSpec {
            text: "At least one PoE document, each one readable".into(),
            rules: const { &[&poe_missing::RULE, &document_missing::RULE] },
            evidence: docs,
        });
        let mut signed = Rich::new();
        for d in self.documents.iter().filter(|d| d.is_signed()) {
            if !signed.is_empty() {
                signed = signed.text("; ");
            }
            signed = signed.value(d.label()).text(match d.signature.as_deref() {
                Some(Signature::Wet) => " wet signature of ",
                _ => " signed digitally on ",
            });
            if let Some(on) = d.signed_on.as_deref() {
                signed = signed.text(on.to_string());
            }
        }
        poe.push(ItemSpec {
            text: "Signed by the customer: wet (scanned) or digital (DocuSign, Adobe Sign), with the signing date".into(),
            rules: const {
                &[
                    &poe_unsigned::RULE,
                    &document_signed_on::RULE,
                    &crate::rules::poe::poe_signature_missing::RULE,
                    &crate::rules::poe::poe_signature_broken::RULE,
                    &crate::rules::poe::poe_modified_after_signing::RULE,
                    &crate::rules::poe::poe_signed_on_mismatch::RULE,
                ]
            },
            evidence: signed,
        });
        // What each document says it names (the rule does the matching).
        let mut named = Rich::new();
        for d in &self.documents {
            if let Some(w) = d.workloads.as_ref().filter(|w| !w.value.is_empty()) {
                if !named.is_empty() {
                    named = named.text("; ");
                }
                named = named
                    .value(d.label())
                    .text(" names ")
                    .values(", ", w.value.iter().map(|n| n.value.as_str()));
            }
        }
        poe.push(ItemSpec {
            text: "Every claimed workload is named in a PoE document".into(),
            rules: const {
                &[
                    &poe_workload_uncovered::RULE,
                    &crate::rules::poe::poe_workload_not_named::RULE,
                ]
            },
            evidence: named,
        });
        poe.push(ItemSpec {
            text: "The PoE names the customer (its name, tenant ID or domain)".into(),
            rules: const { &[&crate::rules::poe::poe_customer_not_named::RULE] },
            evidence: Rich::new()
                .text("read in the documents: ")
                .value(crate::submit::text(&self.customer_name).unwrap_or_default()),
        });
        poe.push(ItemSpec {
            text: "Recent: the newest customer signature is less than 12 months old".into(),
            rules: const {
                &[
                    &poe_stale::RULE,
                    &crate::rules::poe::poe_signed_on_mismatch::RULE,
                ]
            },
            evidence: self.newest_signature().map_or_else(Rich::new, |d| {
                Rich::new().text(format!("newest signature {d}"))
            }),
        });
        let mut types: Vec<&str> = self.documents.iter().map(doc_type_words).collect();
        types.sort_unstable();
        types.dedup();
        poe.push(ItemSpec {
            text: "More than the Microsoft PoE template alone: a Statement of Work, customer emails, support tickets".into(),
            rules: const { &[&poe_template_only::RULE] },
            evidence: Rich::new().text(types.join(", ")),
        });
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
            text: "Every document is dated, and no date is in the future".into(),
            rules: const { &[&document_undated::RULE, &date_in_future::RULE] },
            evidence: dates,
        });
        poe.push(ItemSpec {
            text:
                "Files open and are of a type Partner Center accepts (by content, not only by name)"
                    .into(),
            rules: const { &[&document_format::RULE, &document_empty::RULE] },
            evidence: Rich::new(),
        });

        let mut sections = vec![
            SectionSpec {
                title: "Customer association",
                items: assoc,
            },
            SectionSpec {
                title: "Proof of execution (PoE)",
                items: poe,
            },
        ];
        if let Some((stage, since)) = self.stage() {
            let mut ev = Rich::new().text("stage ").strong(stage_name(stage));
            if let Some(since) = since {
                ev = ev.text(format!(" since {since}"));
            }
            sections.push(SectionSpec {
                title: "Where the claim stands",
                items: vec![ItemSpec {
                    text:
                        "No request from Microsoft waiting for your reply, no window about to close"
                            .into(),
                    rules: const { &[&action_required::RULE, &dispute_window::RULE] },
                    evidence: ev,
                }],
            });
        }
        sections
    }

    fn deadlines(&self, ctx: &GuideCtx<'_>) -> Vec<Deadline> {
        let today = ctx.env.today;
        let holidays = &ctx.env.config.holidays;
        let mut out = Vec::new();
        let stage = self.stage();
        match stage {
            Some((Stage::PartnerActionRequired, Some(since))) => out.push(Deadline::yours(
                "Reply to Partner action required and resubmit".into(),
                reply_due(since, holidays),
                today,
                Rich::new().text(format!(
                    "{REPLY_BUSINESS_DAYS} business days from {since} (weekends{} excluded); after it the claim is rejected",
                    if holidays.is_empty() { "" } else { " and calendar.holidays" }
                )),
            )
            .waiting_on_you()),
            _ => out.push(Deadline::not_started(
                "Reply to Partner action required".into(),
                Rich::new().text(format!(
                    "{REPLY_BUSINESS_DAYS} business days from the day Microsoft sets the claim to Partner action required (record that day as "
                ))
                .code("[status] stage = \"partner-action-required\"")
                .text(" with ")
                .code("since")
                .text(")"),
            )),
        }
        match stage {
            Some((Stage::Submitted, Some(since))) => out.push(Deadline::expected(
                "Microsoft starts the review (at the latest)".into(),
                calendar::add_business_days(since, REVIEW_START_BUSINESS_DAYS, holidays),
                today,
                Rich::new().text(format!(
                    "up to {REVIEW_START_BUSINESS_DAYS} business days in Submitted from {since} (F§1.10)"
                )),
            )),
            Some((Stage::UnderReview, Some(since))) => out.push(Deadline::expected(
                "Microsoft completes the review (at the latest)".into(),
                calendar::add_business_days(since, REVIEW_BUSINESS_DAYS, holidays),
                today,
                Rich::new().text(format!(
                    "up to {REVIEW_BUSINESS_DAYS} business days under review from {since} (F§1.10)"
                )),
            )),
            Some((Stage::Rejected, Some(since))) => out.push(Deadline::yours(
                "Dispute the rejection (allowed once)".into(),
                dispute_last_day(since),
                today,
                Rich::new().text(format!(
                    "{DISPUTE_DAYS} days from the rejection on {since} (F§1.14); after it, a new association with new PoE"
                )),
            )
            .waiting_on_you()),
            Some((Stage::Disputed, Some(since))) => out.push(Deadline::expected(
                "Reviewers answer the dispute".into(),
                calendar::add_business_days(since, DISPUTE_ANSWER_BUSINESS_DAYS, holidays),
                today,
                Rich::new().text(format!(
                    "within {DISPUTE_ANSWER_BUSINESS_DAYS} working days from {since} (F§1.14)"
                )),
            )),
            _ => {}
        }
        let before_review = matches!(
            stage,
            None | Some((Stage::Draft | Stage::PartnerActionRequired, _))
        );
        if before_review
            && let Some(newest) = self.newest_signature()
            && let Some(old) = poe_fresh_until(newest)
        {
            out.push(Deadline::yours(
                "Submit while the newest PoE signature is under 12 months old".into(),
                old,
                today,
                Rich::new().text(format!(
                    "newest customer signature {newest}; reviewers reject PoE whose dates are old in relation to the claim (F§1.11)"
                )),
            ));
        }
        out
    }

    fn claim_values(&self) -> serde_json::Value {
        use crate::submit::json_value::{boolean as b, contact, enumeration as e, string as s};
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;
    use crate::model::Claim;
    use crate::rules::Env;
    use crate::submit::render_markdown;

    const CLAIM: &str = r#"kind = "cpor"
claim_name = "Fabrikam - Dynamics 365 Sales"
partner_id = "4871236"
solution_area = "business-applications"
partner_role = "build-intent-advisor"
customer_name = "Fabrikam"
customer_tenant_id = "3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b"
subscription_id = "9f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b"
workloads = ["Dynamics 365 Sales"]
workloads_active = true
recognition_only = true

[customer_contact]
name = "Ada Lovelace"
email = "ada.lovelace@contoso.com"

[partner_contact]
name = "Grace Hopper"
email = "grace.hopper@fabrikam.com.au"

[[documents]]
url = "https://example.com/case-study"
type = "other"

[status]
stage = "rejected"
since = 2026-11-10
"#;

    #[test]
    fn the_walkthrough_follows_the_claim() {
        let loaded = crate::load::load_text(CLAIM.into(), Path::new("c.toml"), "c.toml");
        let Some(Claim::Cpor(claim)) = &loaded.claim else {
            panic!("not decoded")
        };
        let env = Env::new(Config::default(), "2026-11-26".parse().unwrap());
        let names = vec![None];
        let ctx = GuideCtx {
            env: &env,
            source: &loaded.source,
            document_names: &names,
        };
        let md = render_markdown(claim, &ctx, "ok");
        for needle in [
            "select **Business Applications**",
            "select **Build intent - Advisor** (`build-intent-advisor`)",
            "**Subscription ID\\***: enter `9f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b`",
            "**tick it**: the claim file says `recognition_only = true`",
            "set `recognition_only = false`",
            "add the online evidence, which is not a file: `https://example.com/case-study`",
            "**Rejected** on 2026-11-10: you can dispute the rejection once, by **2026-12-10**",
        ] {
            assert!(md.contains(needle), "missing {needle:?} in\n{md}");
        }
        let deadlines = claim.deadlines(&ctx);
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
    }
}
