//! The partner-led funding guide: Partner Center > Incentives > Customer
//! claims > the solution-area tab > Partner activities > Add customer,
//! screen by screen (the guide's "Claiming funding for Partner Led
//! Initiatives", Steps 1 to 6), then the claim package and what follows; the
//! PoE checklist tied to the `plf-` and document rules; the consent,
//! submission and review dates (F§3.10), taken from the same
//! [`PlfClaim::timeline`] the deadline rules check.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::calendar;
use crate::checklist::{Deadline, ItemSpec, SectionSpec};
use crate::decode::{Sp, StrEnum};
use crate::kinds::plfunding::catalog::{Engagement, Pay, Size};
use crate::kinds::plfunding::facts::{
    CONSENT_DAYS, DISPUTE_DAYS, PAYMENT_DAYS, id_type_name, stage_name, tab_name,
};
use crate::kinds::plfunding::model::{CustomerIdType, PlfClaim, Stage};
use crate::kinds::plfunding::rules::{
    azure_calculator, claim_package, consent_deadline, customer_id, customer_id_type,
    engagement_closed, engagement_unknown, expiry, funding_caveat, hours, location_ineligible,
    solution_area,
};
use crate::model::{DocType, Document, Kind, Signature};
use crate::rich::Rich;
use crate::rules::any::{
    date_in_future, document_empty, document_format, document_missing, document_signed_on,
    document_undated, partner_id_format, partner_id_unknown,
};

use crate::submit::{GuideCtx, KindGuide, Screen, enter, text};

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

    fn doc_details(doc: &Document) -> Rich {
        let mut r = Rich::new().text(doc.doc_type.as_ref().map_or("document", |t| t.as_str()));
        match (doc.signature.as_deref(), doc.signed_on.as_deref()) {
            (Some(Signature::Wet), Some(on)) => r = r.text(format!(", wet signature of {on}")),
            (Some(Signature::Digital), Some(on)) => {
                r = r.text(format!(", signed digitally on {on}"));
            }
            _ => {}
        }
        if let Some(date) = doc.date.as_deref() {
            r = r.text(format!(", dated {date}"));
        }
        if let Some(d) = text(&doc.description) {
            r = r.text(": ").value(d);
        }
        r
    }

    /// "by **2027-01-30**" or the rule of the clock when no date is known.
    fn due_text(due: Option<NaiveDate>, otherwise: &'static str) -> Rich {
        match due {
            Some(d) => Rich::new().text("by ").strong(d.to_string()),
            None => Rich::new().text(otherwise),
        }
    }

    /// Sign in (the roles claiming needs).
    fn sign_in_screen() -> Screen {
        Screen::new("Sign in to Partner Center")
            .act("Go to https://partner.microsoft.com and sign in with your Partner Center credentials.")
            .note("claiming needs the Incentives user or Incentives admin role, and a location enrolled in the MCI program (F§3.2).")
    }

    /// Incentives > Customer claims, on the solution area's tab.
    fn tab_screen(&self, engagement: Option<&Engagement>) -> Screen {
        let area = self.solution_area.as_deref().copied();
        let mut tab = Screen::new("Incentives > Customer claims").act(
            Rich::new()
                .text("From the tiles menu, select ")
                .strong("Incentives")
                .text(", then ")
                .strong("Customer claims")
                .text("."),
        );
        tab = tab.field(
            "Solution area tab",
            match area {
                Some(a) => Rich::new().text("select ").strong(tab_name(a)),
                None => "(no solution_area in the claim file)".into(),
            },
        );
        if let (Some(a), Some(e)) = (area, engagement)
            && a != e.solution_area
        {
            tab = tab.trap(
                Rich::new()
                    .text("the engagement is on the ")
                    .strong(tab_name(e.solution_area))
                    .text(" tab: it will not be offered from this one."),
            );
        }
        tab
    }

    /// Partner activities > + Add customer.
    fn partner_activities_screen() -> Screen {
        Screen::new("Partner activities")
            .act(
                Rich::new()
                    .text("Click ")
                    .strong("Partner activities")
                    .text(", then ")
                    .strong("+ Add customer")
                    .text("."),
            )
            .note("Partner activities is the route for partner-led funding (unlike CPOR, which uses Use or Consume).")
    }

    /// Add customer | Associate customer: the location and the customer ID.
    fn associate_customer_screen(
        &self,
        ctx: &GuideCtx<'_>,
        engagement: Option<&Engagement>,
    ) -> Screen {
        let id_type = self.customer_id_type.as_deref().copied();
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
            .field("Customer ID*", enter(text(&self.customer_id)));
        assoc = match id_type {
            Some(CustomerIdType::Domain) => assoc.note(
                "enter the domain only: test.com if the customer's email address is abc@test.com. \
             Partner Center finds the customer's tenant from it.",
            ),
            Some(CustomerIdType::MsxOpportunityId) => assoc.note(
                "variable-pay engagements take the customer by MSX opportunity ID only (F§3.4).",
            ),
            _ => assoc.note(
                "other IDs are checked exactly as given; the eligibility of one ID does not carry \
             over to the customer's other IDs (F§3.5).",
            ),
        };
        if let (Some(t), Some(e)) = (id_type, engagement)
            && !e.accepts(t)
        {
            assoc = assoc.trap(
            Rich::new()
                .text("the engagement does not accept this customer ID type: Partner Center will list it as ")
                .strong("Invalid customer ID type")
                .text(". It takes ")
                .values(", ", e.customer_id_types.iter().map(|t| id_type_name(*t)))
                .text("."),
        );
        }
        assoc.act(Rich::new().text("Click ").strong("Next").text("."))
    }

    /// Add customer | Associate engagement (and the hours of a variable-pay one).
    fn associate_engagement_screen(&self, engagement: Option<&Engagement>) -> Screen {
        let id_type = self.customer_id_type.as_deref().copied();
        let partner_id = text(&self.partner_id);
        let mut eng = Screen::new("Add customer | Associate engagement").act(
            Rich::new()
                .text("Partner Center lists what you and this customer are eligible for on the ")
                .strong("Eligible")
                .text(" tab, and the rest on ")
                .strong("Ineligible")
                .text(" with the reason."),
        );
        eng = eng.field(
            "Engagement",
            match text(&self.engagement) {
                Some(name) => Rich::new().text("select ").value(name),
                None => "(no engagement in the claim file)".into(),
            },
        );
        if let Some(e) = engagement {
            eng = eng.note(Rich::new().value(e.program.clone()).text(format!(
                ", size {}, {} pay.",
                e.size,
                match e.pay {
                    Pay::Fixed => "fixed",
                    Pay::Variable => "variable",
                }
            )));
            if e.pay == Pay::Variable {
                eng = eng
                    .field(
                        "Number of hours",
                        match &self.hours {
                            Some(h) => Rich::new().text("enter ").value(h.value.to_string()),
                            None => "(no hours in the claim file)".into(),
                        },
                    )
                    .trap(
                        "the number of hours can't be changed after the Add customer flow is \
                     completed; for a variable-pay engagement select this one engagement \
                     only (F§3.4).",
                    );
            }
        }
        let mut screen_cmd = String::from("claimtool plfunding engagements");
        if let Some(t) = id_type {
            let _ = write!(screen_cmd, " --customer-id-type {t}");
        }
        if let Some(id) = partner_id {
            let _ = write!(screen_cmd, " --partner-id {}", id.trim());
        }
        eng = eng.note(
            Rich::new()
                .text("if the engagement is not on the Eligible tab, ")
                .code(screen_cmd)
                .text(" shows the same screen with the reasons."),
        );
        eng.act(Rich::new().text("Click ").strong("Next").text("."))
    }

    /// Add customer | Contact information.
    fn contacts_screen(&self) -> Screen {
        let mut contacts = Screen::new("Add customer | Contact information");
        contacts = crate::submit::screens::contact_fields(
            contacts,
            "customer",
            self.customer_contact.as_ref(),
        );
        contacts = crate::submit::screens::contact_fields(
            contacts,
            "partner",
            self.partner_contact.as_ref(),
        );
        contacts = contacts
        .note("use business email addresses. Microsoft sends the consent email and later the survey to the customer contact.")
        .act(Rich::new().text("Click ").strong("Next").text("."));
        contacts
    }

    /// Add customer | Review and complete, and the consent clock it starts.
    fn review_screen(&self, engagement: Option<&Engagement>) -> Screen {
        let timeline = self.timeline(engagement.map(|e| e.size));
        let received = self
            .status
            .as_ref()
            .and_then(|s| s.consent_received_on.as_ref())
            .map(|d| d.value);
        let consent = match (&timeline.consent_due, received) {
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
        (None, None) => Rich::new().text(format!(
            "The customer then has {CONSENT_DAYS} days to consent (record the day as "
        ))
        .code("status.consent_requested_on")
        .text(" and the checklist gives the date)."),
    };
        Screen::new("Add customer | Review and complete")
            .act("Check every value against this page.")
            .act(
                Rich::new()
                    .text("Click ")
                    .strong("Submit")
                    .text(": Partner Center creates the claim and emails the customer contact for consent (F§3.7). ")
                    .then(consent),
            )
            .trap(
                Rich::new()
                    .text("tell the customer that the funding is ")
                    .strong("subject to Microsoft's final approval")
                    .text(" (no funding is approved until the final PoE is submitted) and that ")
                    .strong("Microsoft will contact them to fill in a survey")
                    .text(" to confirm the work was done (G)."),
            )
            .note("a claim that expires (consent not received in time, package not submitted in time) cannot be reactivated; before the first submission you can cancel it instead (F§3.12).")
    }

    /// The checklist's "Customer and engagement" items.
    fn association_items(
        &self,
        ctx: &GuideCtx<'_>,
        engagement: Option<&Engagement>,
    ) -> Vec<ItemSpec> {
        let mut assoc = Vec::new();

        let pid = self.location_evidence(ctx);
        assoc.push(ItemSpec {
            text: "Partner location is your location's PartnerID, and it may claim this engagement"
                .into(),
            rules: const {
                &[
                    &partner_id_format::RULE,
                    &partner_id_unknown::RULE,
                    &location_ineligible::RULE,
                ]
            },
            evidence: pid,
        });

        let eng = self.engagement_evidence(engagement);
        assoc.push(ItemSpec {
            text:
                "The engagement is in the catalogue, open to new claims, on this solution-area tab"
                    .into(),
            rules: const {
                &[
                    &engagement_unknown::RULE,
                    &engagement_closed::RULE,
                    &solution_area::RULE,
                ]
            },
            evidence: eng,
        });

        let cust = self.customer_evidence();
        assoc.push(ItemSpec {
            text: "The customer ID type is one the engagement accepts, and the ID has its form"
                .into(),
            rules: const { &[&customer_id_type::RULE, &customer_id::RULE] },
            evidence: cust,
        });

        if engagement.is_some_and(|e| e.pay == Pay::Variable) {
            assoc.push(ItemSpec {
                text: "Variable pay: the agreed whole number of hours (it cannot be changed later)"
                    .into(),
                rules: const { &[&hours::RULE] },
                evidence: self.hours.as_ref().map_or_else(Rich::new, |h| {
                    Rich::new().value(h.value.to_string()).text(" hours")
                }),
            });
        }

        assoc.push(crate::checklist::items::contacts(
            &self.customer_contact,
            &self.partner_contact,
        ));
        assoc.push(ItemSpec {
        text: "The customer knows the funding is subject to Microsoft's final approval, and that Microsoft will survey them".into(),
        rules: const { &[&funding_caveat::RULE] },
        evidence: Rich::new()
            .code("customer_informed_funding_not_guaranteed")
            .text(match flag(&self.customer_informed_funding_not_guaranteed) {
                Some(true) => " is true",
                Some(false) => " is false",
                None => " is not set",
            }),
    });
        assoc
    }

    /// The checklist's "Claim package" items: the calculator, the package,
    /// the documents.
    fn package_items(&self, engagement: Option<&Engagement>, stage: Stage) -> Vec<ItemSpec> {
        let mut package = Vec::new();
        if engagement.is_some_and(|e| e.requires_azure_calculator) {
            let calc: Vec<String> = self
                .documents
                .iter()
                .filter(|d| d.is_type(DocType::AzureCalculator))
                .map(Document::label)
                .collect();
            package.push(ItemSpec {
                text: "The Azure Pricing Calculator estimate (required for AMM)".into(),
                rules: const { &[&azure_calculator::RULE] },
                evidence: Rich::new().values(", ", calc),
            });
        }
        package.push(self.claim_package_item(engagement, stage));
        let mut dates = Rich::new();
        for d in &self.documents {
            if let Some(date) = d.date.as_deref() {
                if !dates.is_empty() {
                    dates = dates.text("; ");
                }
                dates = dates.value(d.label()).text(format!(" {date}"));
            }
        }
        package.push(ItemSpec {
            text: "Every document is readable, dated, and no date is in the future".into(),
            rules: const {
                &[
                    &document_missing::RULE,
                    &document_undated::RULE,
                    &date_in_future::RULE,
                    &document_signed_on::RULE,
                ]
            },
            evidence: dates,
        });
        package.push(ItemSpec {
            text:
                "Files open and are of a type Partner Center accepts (by content, not only by name)"
                    .into(),
            rules: const { &[&document_format::RULE, &document_empty::RULE] },
            evidence: Rich::new(),
        });
        package
    }

    /// The claim package as one item.
    fn claim_package_item(&self, engagement: Option<&Engagement>, stage: Stage) -> ItemSpec {
        // One item for the package: plf-claim-package checks all of it, so
        // separate items would all open on any one finding. It runs from
        // submission on; before that no rule has checked the package, and
        // the item is for the user to check (never a tick no rule earned).
        let workshop = engagement.is_some_and(|e| e.size == Size::Workshop);
        let survey = engagement.is_none_or(|e| e.customer_survey);
        let poe: Vec<String> = self
            .documents
            .iter()
            .filter(|d| crate::kinds::plfunding::rules::claim_package::is_poe(d, workshop))
            .map(Document::label)
            .collect();
        let state = |v: &Option<Sp<bool>>| match flag(v) {
            Some(true) => " is true",
            Some(false) => " is false",
            None => " is not set",
        };
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
        if survey {
            evidence = evidence
                .text("; ")
                .code("customer_survey_completed")
                .text(state(&self.customer_survey_completed));
        }
        evidence = evidence
            .text("; ")
            .code("partner_survey_completed")
            .text(state(&self.partner_survey_completed));
        let submitted = is_submitted(stage);
        if !submitted {
            evidence = evidence
                .text("; ")
                .code(claim_package::RULE.id)
                .text(" checks the package once the claim is submitted");
        }
        let mut what = String::from(if workshop {
            "The claim package: the findings and recommendations document (a workshop's PoE)"
        } else {
            "The claim package: a proof of execution document (the signed SOW or similar)"
        });
        if survey {
            what.push_str(", the customer survey completed by the customer");
        }
        what.push_str(", the partner survey completed");
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

    /// "PartnerID 4871236 (Fabrikam Sydney), segments ...": the location as
    /// the checklist shows it.
    fn location_evidence(&self, ctx: &GuideCtx<'_>) -> Rich {
        let mut pid = Rich::new().text("PartnerID ");
        pid = match text(&self.partner_id) {
            Some(id) => {
                let mut r = pid.value(id);
                if let Some(l) = ctx.env.config.location(id) {
                    if let Some(name) = &l.name {
                        r = r.text(" (").value(name.clone()).text(")");
                    }
                    if !l.segments.is_empty() {
                        r = r
                            .text(", segments ")
                            .values(", ", l.segments.iter().cloned());
                    }
                }
                r
            }
            None => pid.text("not set"),
        };
        pid
    }

    /// The surveys of the claim package: the customer's (when the
    /// engagement has one) and the partner's.
    fn survey_fields(&self, mut s: Screen, engagement: Option<&Engagement>) -> Screen {
        if engagement.is_none_or(|e| e.customer_survey) {
            s = s.field(
                "Customer survey",
                Rich::new()
                    .text("trigger it from the claim; the customer completes it (")
                    .code("customer_survey_completed")
                    .text(if flag(&self.customer_survey_completed) == Some(true) {
                        " is true)."
                    } else {
                        " is not true yet)."
                    }),
            );
        }
        s = s.field(
            "Partner survey",
            Rich::new()
                .text("complete it yourself (")
                .code("partner_survey_completed")
                .text(if flag(&self.partner_survey_completed) == Some(true) {
                    " is true)."
                } else {
                    " is not true yet)."
                }),
        );
        s
    }

    /// The engagement as the checklist shows it: its name, status, size,
    /// pay and tab.
    fn engagement_evidence(&self, engagement: Option<&Engagement>) -> Rich {
        let mut eng = Rich::new();
        if let Some(name) = text(&self.engagement) {
            eng = eng.value(name);
        }
        if let Some(e) = engagement {
            eng = eng.text(format!(" ({}, {}, {} pay", e.status, e.size, e.pay));
            eng = eng.text(format!(", {} tab)", tab_name(e.solution_area)));
        }
        eng
    }

    /// The customer ID and its type.
    fn customer_evidence(&self) -> Rich {
        let mut cust = Rich::new();
        if let Some(t) = self.customer_id_type.as_deref() {
            cust = cust.text(id_type_name(*t)).text(" ");
        }
        if let Some(id) = text(&self.customer_id) {
            cust = cust.value(id);
        }
        cust
    }

    /// The customer's consent, while it is awaited.
    fn consent_deadline(
        &self,
        stage: Stage,
        timeline: &crate::kinds::plfunding::model::Timeline,
        today: NaiveDate,
    ) -> Option<Deadline> {
        match (stage, &timeline.consent_due) {
        (Stage::Draft, _) => Some(Deadline::not_started(
            "Customer consent".into(),
            Rich::new()
                .text(format!("{CONSENT_DAYS} days from the day you complete Add customer (the consent email goes out); record it as "))
                .code("status.consent_requested_on"),
        )),
        (Stage::ConsentRequested, Some(d)) if self.status.as_ref().is_some_and(|s| s.consent_received_on.is_none()) => {
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

    /// Online evidence (a `url`, no file) named on the package screen.
    fn online_links_note(&self, mut s: Screen) -> Screen {
        let links: Vec<&Document> = self
            .documents
            .iter()
            .filter(|d| d.path.is_none() && d.url.is_some())
            .collect();
        if !links.is_empty() {
            s = s.note(
                Rich::new()
                    .text("online evidence, which is not a file: ")
                    .values(", ", links.iter().map(|d| d.label())),
            );
        }
        s
    }

    fn package_screen(&self, ctx: &GuideCtx<'_>, engagement: Option<&Engagement>) -> Screen {
        let size = engagement.map(|e| e.size);
        let timeline = self.timeline(size);
        let workshop = size == Some(Size::Workshop);
        let mut s = Screen::new("Submit the claim package")
            .act(
                Rich::new()
                    .text("Once the customer has consented (status ")
                    .strong("Customer consent received")
                    .text("), open the claim from ")
                    .strong("Customer claims")
                    .text(" (its Claim ID) and submit the claim package ")
                    .then(Self::due_text(
                        timeline.submission_due.as_ref().map(|d| d.due),
                        "within the engagement's limit from the consent (see the deadlines in checklist.md)",
                    ))
                    .text(": an expired claim cannot be reactivated (F§3.10)."),
            );
        let files: Vec<&Document> = self
            .documents
            .iter()
            .filter(|d| ctx.document_names.get(d.index).is_some_and(Option::is_some))
            .collect();
        s = s.field_list(
            if workshop {
                "Findings & recommendations document"
            } else {
                "Proof of execution"
            },
            Rich::new().text(if files.is_empty() {
                "(no document files in the claim file)"
            } else {
                "upload each file from this bundle's documents folder:"
            }),
            files
                .iter()
                .map(|d| {
                    crate::submit::screens::doc_ref(d, ctx)
                        .text(": ")
                        .then(Self::doc_details(d))
                })
                .collect(),
        );
        if workshop {
            s = s.note(
                "for a workshop the PoE is the findings and recommendations document you gave the customer (F§3.8).",
            );
        }
        if engagement.is_some_and(|e| e.requires_azure_calculator) {
            s = s.trap(
                "\"For all AMM Azure funding Microsoft require an Azure Calculator\": upload the \
                 Azure Pricing Calculator estimate (the azure-calculator document above) with the \
                 PoE; Microsoft expects no other calculation.",
            );
        }
        s = self.online_links_note(s);
        s = s.field(
            "Invoice",
            "upload it if the engagement's terms ask for one (\"if applicable\", F§3.8).".into(),
        );
        s = self.survey_fields(s, engagement);
        s.trap(
            "changing the contact details voids the survey link, and once the customer survey is \
             completed the customer contact can't be changed; surveys can be re-sent before the \
             submission expires (F§3.8).",
        )
        .act(
            Rich::new()
                .text("Submit the claim. The status becomes ")
                .strong("Submitted")
                .text("."),
        )
    }

    fn next_steps(&self, engagement: Option<&Engagement>) -> Screen {
        let timeline = self.timeline(engagement.map(|e| e.size));
        let mut s = Screen::new("After you submit: what happens next").act(
            Rich::new()
                .text("Microsoft reviews the claim; the review must complete ")
                .then(Self::due_text(
                    timeline.review_due.as_ref().map(|d| d.due),
                    "within the engagement's limit from the consent",
                ))
                .text(
                    ", or the claim expires (Post submission expired) and cannot be reactivated \
                     (F§3.10).",
                ),
        );
        s = s.act(Rich::new().strong("Partner action required").text(
            ": answer at once and resubmit; it can happen several times, and the review \
                     clock keeps running (F§3.13).",
        ));
        s = s.act(match (self.stage(), self.since()) {
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
        });
        s.act(Rich::new().text(format!(
            "Approved: paid on the standard {PAYMENT_DAYS}-day payment cycle of the MCI program (F§3.14)."
        )))
        .note("Microsoft surveys the customer to confirm the work was done: the customer should expect it.")
    }
}

impl KindGuide for PlfClaim {
    fn kind(&self) -> Kind {
        Kind::Plfunding
    }

    fn title(&self) -> &'static str {
        "Partner-led funding claim (MCI partner activities)"
    }

    fn bundle_name(&self) -> Option<&str> {
        text(&self.claim_name)
    }

    fn screens(&self, ctx: &GuideCtx<'_>) -> Vec<Screen> {
        let engagement = self.engagement_in(ctx);
        vec![
            Self::sign_in_screen(),
            self.tab_screen(engagement),
            Self::partner_activities_screen(),
            self.associate_customer_screen(ctx, engagement),
            self.associate_engagement_screen(engagement),
            self.contacts_screen(),
            self.review_screen(engagement),
            self.package_screen(ctx, engagement),
            self.next_steps(engagement),
        ]
    }

    fn checklist(&self, ctx: &GuideCtx<'_>) -> Vec<SectionSpec> {
        let engagement = self.engagement_in(ctx);
        let stage = self.stage();
        let assoc = self.association_items(ctx, engagement);
        let package = self.package_items(engagement, stage);
        let mut sections = vec![
            SectionSpec {
                title: "Customer and engagement",
                items: assoc,
            },
            SectionSpec {
                title: "Claim package",
                items: package,
            },
        ];
        if self.status.is_some() {
            let mut ev = Rich::new().text("stage ").strong(stage_name(stage));
            if let Some(since) = self.since() {
                ev = ev.text(format!(" since {since}"));
            }
            sections.push(SectionSpec {
                title: "Where the claim stands",
                items: vec![ItemSpec {
                    text: "Consent, submission and review within their limits: an expired claim cannot be reactivated".into(),
                    rules: const { &[&consent_deadline::RULE, &expiry::RULE] },
                    evidence: ev,
                }],
            });
        }
        sections
    }

    fn deadlines(&self, ctx: &GuideCtx<'_>) -> Vec<Deadline> {
        let today = ctx.env.today;
        let engagement = self.engagement_in(ctx);
        let size = engagement.map(|e| e.size);
        let timeline = self.timeline(size);
        let stage = self.stage();
        let mut out = Vec::new();
        let limits = size.map_or_else(
            || "the engagement's size is unknown (not in the catalogue)".to_string(),
            |s| {
                format!(
                    "{}: {} days to submit, {} days to complete the review",
                    s.timeline_group(),
                    s.submit_days(),
                    s.review_days()
                )
            },
        );
        let group = size.map_or("", Size::timeline_group);

        out.extend(self.consent_deadline(stage, &timeline, today));

        let before_submission = matches!(
            stage,
            Stage::Draft | Stage::ConsentRequested | Stage::ConsentReceived
        );
        if before_submission {
            out.push(match &timeline.submission_due {
                Some(d) => Deadline::yours(
                    "Submit the claim package (first submission)".into(),
                    d.due,
                    today,
                    Rich::new().text(format!(
                        "{} days from consent on {} for {group} (F§3.10)",
                        d.days, d.start.value
                    )),
                ),
                None => Deadline::not_started(
                    "Submit the claim package (first submission)".into(),
                    Rich::new()
                        .text(format!(
                            "counted from the day the customer consents ({limits}); record it as "
                        ))
                        .code("status.consent_received_on"),
                ),
            });
        }
        if before_submission
            || matches!(
                stage,
                Stage::Submitted | Stage::UnderReview | Stage::PartnerActionRequired
            )
        {
            match &timeline.review_due {
                Some(d) => out.push(Deadline::yours(
                    "Review complete (else the claim expires: answer Partner action required at once)".into(),
                    d.due,
                    today,
                    Rich::new().text(format!(
                        "{} days from consent on {} for {group} (F§3.10)",
                        d.days, d.start.value
                    )),
                )),
                None if !before_submission => out.push(Deadline::not_started(
                    "Review complete".into(),
                    Rich::new()
                        .text(format!("counted from the day the customer consented ({limits}); add "))
                        .code("status.consent_received_on"),
                )),
                None => {}
            }
        }
        out.extend(self.after_review_deadline(today));
        out
    }

    fn claim_values(&self) -> serde_json::Value {
        self.to_json()
    }
}

impl PlfClaim {
    /// After the review: the dispute window of a rejection, or the payment
    /// of an approval.
    fn after_review_deadline(&self, today: NaiveDate) -> Option<Deadline> {
        match (self.stage(), self.since()) {
            (Stage::Rejected, Some(since)) => Some(Deadline::yours(
                "Dispute the rejection (allowed once)".into(),
                calendar::add_days(since, DISPUTE_DAYS),
                today,
                Rich::new().text(format!(
                    "{DISPUTE_DAYS} days from the rejection on {since}; a rejection after the dispute is final (F§3.11)"
                )),
            )),
            (Stage::Approved, Some(since)) => Some(Deadline::expected(
                "Payment".into(),
                calendar::add_days(since, PAYMENT_DAYS),
                today,
                Rich::new().text(format!(
                    "the standard {PAYMENT_DAYS}-day payment cycle of the MCI program from the approval on {since} (F§3.14)"
                )),
            )),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;
    use crate::kinds::plfunding::catalog::{Catalog, EngagementStatus};
    use crate::kinds::plfunding::model::SolutionArea;
    use crate::model::Claim;
    use crate::rules::Env;
    use crate::submit::render_markdown;

    const CLAIM: &str = r#"kind = "plfunding"
claim_name = "Northwind - migration hours"
partner_id = "4871236"
solution_area = "azure"
engagement = "Hours Test"
customer_name = "Northwind"
customer_id_type = "msx-opportunity-id"
customer_id = "7-3KXQ2M9ZP"
hours = 40

[customer_contact]
name = "Ada Lovelace"
email = "ada.lovelace@contoso.com"

[partner_contact]
name = "Grace Hopper"
email = "grace.hopper@fabrikam.com.au"

[status]
stage = "consent-requested"
since = 2026-11-20
consent_requested_on = 2026-11-20
"#;

    fn env() -> Env {
        let mut env = Env::new(Config::default(), "2026-11-26".parse().unwrap());
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

    fn with_claim(text: &str, f: impl FnOnce(&PlfClaim, &GuideCtx<'_>)) {
        let loaded = crate::load::load_text(text.into(), Path::new("c.toml"), "c.toml");
        let Some(Claim::Plfunding(claim)) = &loaded.claim else {
            panic!("not decoded")
        };
        let env = env();
        let names = vec![None; claim.documents.len()];
        let ctx = GuideCtx {
            env: &env,
            source: &loaded.source,
            document_names: &names,
        };
        f(claim, &ctx);
    }

    #[test]
    fn the_walkthrough_follows_the_guides_steps_and_the_claim() {
        with_claim(CLAIM, |claim, ctx| {
            let md = render_markdown(claim, ctx, "ok");
            let order = [
                "## 2. Incentives \\> Customer claims",
                "select **Azure**",
                "## 3. Partner activities",
                "## 4. Add customer \\| Associate customer",
                "**Customer ID type\\***: select **MSX opportunity ID**",
                "## 5. Add customer \\| Associate engagement",
                "**Number of hours**: enter `40`",
                "can't be changed after the Add customer flow",
                "## 6. Add customer \\| Contact information",
                "## 7. Add customer \\| Review and complete",
                "consent requested on 2026-11-20, due **2026-12-20**",
                "**subject to Microsoft's final approval**",
                "**Microsoft will contact them to fill in a survey**",
                "## 8. Submit the claim package",
                "within the engagement's limit from the consent",
                "## 9. After you submit",
            ];
            let mut at = 0;
            for needle in order {
                let found = md[at..]
                    .find(needle)
                    .unwrap_or_else(|| panic!("missing {needle:?} after byte {at} in\n{md}"));
                at += found + needle.len();
            }
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
