//! The claim model: typed claims with the source span of every value.
//!
//! [`crate::load`] parses a file and hands its top-level table to
//! [`decode_claim`], which picks the kind's decoder (`cpor`, `coop`,
//! `plfunding`, `score`). The parts all kinds share (contacts, documents,
//! status) are decoded here. Structural problems become findings; values
//! that could not be read are `None`, and the rules skip what is `None`
//! (the structural finding already told the user).

pub(crate) mod json;

use std::ops::Range;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::decode::{OPTIONAL, REQUIRED, Sp, StrEnum, Table};
use crate::diag::Finding;
use crate::kinds::{coop, cpor, plfunding, por, score};
use crate::str_enum;

str_enum! {
    /// The claim kinds, chosen by the `kind` key.
    pub enum Kind {
        Cpor = "cpor",
        Coop = "coop",
        Plfunding = "plfunding",
        Score = "score",
        Por = "por",
    }
}

impl Kind {
    /// What a file of this kind is, in words ("CPOR claim").
    pub fn title(self) -> &'static str {
        crate::kinds::spec(self).title
    }
}

/// One decoded claim file.
#[derive(Debug, Clone)]
pub enum Claim {
    Cpor(cpor::model::CporClaim),
    Coop(coop::model::CoopClaim),
    Plfunding(plfunding::model::PlfClaim),
    Score(score::model::ScoreHistory),
    Por(por::model::PorOrder),
}

impl Claim {
    pub fn kind(&self) -> Kind {
        match self {
            Claim::Cpor(_) => Kind::Cpor,
            Claim::Coop(_) => Kind::Coop,
            Claim::Plfunding(_) => Kind::Plfunding,
            Claim::Score(_) => Kind::Score,
            Claim::Por(_) => Kind::Por,
        }
    }

    /// The PoE and supporting documents (none for a score history).
    pub fn documents(&self) -> &[Document] {
        match self {
            Claim::Cpor(c) => &c.documents,
            Claim::Coop(c) => &c.documents,
            Claim::Plfunding(c) => &c.documents,
            Claim::Score(_) | Claim::Por(_) => &[],
        }
    }

    /// The dates of `[status]` (`since`, and partner-led's consent dates)
    /// with their names, for the rules that judge dates whatever the kind.
    pub fn status_dates(&self) -> Vec<(&Sp<NaiveDate>, &'static str)> {
        let (since, requested, received) = match self {
            Claim::Cpor(c) => match &c.status {
                Some(s) => (s.since.as_ref(), None, None),
                None => (None, None, None),
            },
            Claim::Plfunding(c) => match &c.status {
                Some(s) => (
                    s.since.as_ref(),
                    s.consent_requested_on.as_ref(),
                    s.consent_received_on.as_ref(),
                ),
                None => (None, None, None),
            },
            Claim::Coop(_) | Claim::Score(_) | Claim::Por(_) => (None, None, None),
        };
        [
            (since, "status date (`since`)"),
            (requested, "consent request date"),
            (received, "consent date"),
        ]
        .into_iter()
        .filter_map(|(d, what)| d.map(|d| (d, what)))
        .collect()
    }

    /// The location's PartnerID.
    pub fn partner_id(&self) -> Option<&Sp<String>> {
        match self {
            Claim::Cpor(c) => c.partner_id.as_ref(),
            Claim::Coop(c) => c.partner_id.as_ref(),
            Claim::Plfunding(c) => c.partner_id.as_ref(),
            Claim::Score(c) => c.partner_id.as_ref(),
            // An order names the reseller, not the distributor's location:
            // por-partner-id-format checks it instead.
            Claim::Por(_) => None,
        }
    }

    /// Every contact email, and whether it is the partner's own side.
    pub fn emails(&self) -> Vec<(&Sp<String>, Side)> {
        fn pair<'c>(
            customer: &'c Option<Contact>,
            partner: &'c Option<Contact>,
        ) -> Vec<(&'c Sp<String>, Side)> {
            let customer = customer.as_ref().and_then(|c| c.email.as_ref());
            let partner = partner.as_ref().and_then(|c| c.email.as_ref());
            customer
                .map(|e| (e, Side::Customer))
                .into_iter()
                .chain(partner.map(|e| (e, Side::Partner)))
                .collect()
        }
        match self {
            Claim::Cpor(c) => pair(&c.customer_contact, &c.partner_contact),
            Claim::Plfunding(c) => pair(&c.customer_contact, &c.partner_contact),
            Claim::Coop(c) => c
                .submitter_email
                .iter()
                .map(|e| (e, Side::Partner))
                .collect(),
            Claim::Score(_) | Claim::Por(_) => Vec::new(),
        }
    }
}

/// Whose email address it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Customer,
    Partner,
}

/// `[customer_contact]` / `[partner_contact]`.
#[derive(Debug, Clone)]
pub struct Contact {
    pub name: Option<Sp<String>>,
    pub email: Option<Sp<String>>,
    pub title: Option<Sp<String>>,
    pub span: Range<usize>,
}

impl Contact {
    /// Decodes a contact table; `with_title` for the customer's contact.
    pub fn decode(
        parent: &mut Table<'_, '_>,
        out: &mut Vec<Finding>,
        key: &'static str,
        with_title: bool,
    ) -> Option<Contact> {
        let mut t = parent.table(out, key, REQUIRED)?;
        let contact = Contact {
            name: t.string(out, "name", REQUIRED),
            email: t.string(out, "email", REQUIRED),
            title: if with_title {
                t.string(out, "title", OPTIONAL)
            } else {
                None
            },
            span: t.span(),
        };
        t.finish(out);
        Some(contact)
    }
}

str_enum! {
    /// `documents[].type`.
    pub enum DocType {
        StatementOfWork = "statement-of-work",
        MicrosoftPoeTemplate = "microsoft-poe-template",
        CustomerEmail = "customer-email",
        SupportTicket = "support-ticket",
        Contract = "contract",
        Invoice = "invoice",
        Csr = "csr",
        PaymentReceipt = "payment-receipt",
        Screenshot = "screenshot",
        AttendanceSheet = "attendance-sheet",
        Agenda = "agenda",
        Invitation = "invitation",
        Photo = "photo",
        LandingPage = "landing-page",
        AzureCalculator = "azure-calculator",
        FindingsAndRecommendations = "findings-and-recommendations",
        CustomerSurvey = "customer-survey",
        PartnerSurvey = "partner-survey",
        Other = "other",
    }
}

str_enum! {
    /// How the customer signed a PoE document.
    pub enum Signature {
        Wet = "wet",
        Digital = "digital",
        None = "none",
    }
}

/// Which optional document fields a claim kind has.
#[derive(Debug, Clone, Copy)]
pub enum DocFields {
    /// CPOR and partner-led: `signature`, `signed_on`, `workloads`.
    Signed,
    /// Co-op: `amount`, `number`.
    Money,
}

/// One `[[documents]]` entry.
#[derive(Debug, Clone)]
pub struct Document {
    pub index: usize,
    /// The `[[documents]]` header.
    pub span: Range<usize>,
    pub path: Option<Sp<String>>,
    pub url: Option<Sp<String>>,
    pub doc_type: Option<Sp<DocType>>,
    pub date: Option<Sp<NaiveDate>>,
    pub description: Option<Sp<String>>,
    pub signature: Option<Sp<Signature>>,
    pub signed_on: Option<Sp<NaiveDate>>,
    pub workloads: Option<Sp<Vec<Sp<String>>>>,
    pub amount: Option<Sp<Decimal>>,
    pub number: Option<Sp<String>>,
    /// `path` or `url` was given but blank (`path = ""`): already a
    /// `missing-field` finding, so the document rules say nothing more.
    pub blank_location: bool,
}

impl Document {
    pub fn field_path(&self, key: &str) -> String {
        format!("documents[{}].{key}", self.index)
    }

    /// Whether the customer signed it (`wet` or `digital` with a date).
    pub fn is_signed(&self) -> bool {
        matches!(
            self.signature.as_deref(),
            Some(Signature::Wet | Signature::Digital)
        ) && self.signed_on.is_some()
    }

    pub fn is_type(&self, doc_type: DocType) -> bool {
        self.doc_type.as_deref() == Some(&doc_type)
    }

    /// The file name or URL, for messages.
    pub fn label(&self) -> String {
        self.path
            .as_ref()
            .or(self.url.as_ref())
            .map_or_else(|| format!("documents[{}]", self.index), |s| s.value.clone())
    }

    /// Decodes every `[[documents]]` table of a claim.
    pub fn decode_all(
        root: &mut Table<'_, '_>,
        out: &mut Vec<Finding>,
        fields: DocFields,
    ) -> Vec<Document> {
        root.tables(out, "documents")
            .into_iter()
            .enumerate()
            .map(|(index, mut t)| {
                let signed = matches!(fields, DocFields::Signed);
                let before = out.len();
                let path = t.non_blank_string(out, "path");
                let url = t.non_blank_string(out, "url");
                let blank_location = out[before..]
                    .iter()
                    .any(|f| f.rule == crate::rules::any::missing_field::RULE.id);
                let doc = Document {
                    index,
                    span: t.span(),
                    path,
                    url,
                    doc_type: t.enumeration(out, "type", REQUIRED),
                    date: t.date(out, "date", OPTIONAL),
                    description: t.string(out, "description", OPTIONAL),
                    signature: signed
                        .then(|| t.enumeration(out, "signature", OPTIONAL))
                        .flatten(),
                    signed_on: signed.then(|| t.date(out, "signed_on", OPTIONAL)).flatten(),
                    workloads: signed
                        .then(|| t.string_list(out, "workloads", OPTIONAL))
                        .flatten(),
                    amount: (!signed)
                        .then(|| t.decimal(out, "amount", OPTIONAL))
                        .flatten(),
                    number: (!signed)
                        .then(|| t.string(out, "number", OPTIONAL))
                        .flatten(),
                    blank_location,
                };
                t.finish(out);
                doc
            })
            .collect()
    }
}

/// `[status]`: where the claim stands in Partner Center.
#[derive(Debug, Clone)]
pub struct Status<S> {
    pub stage: Option<Sp<S>>,
    pub since: Option<Sp<NaiveDate>>,
    pub consent_requested_on: Option<Sp<NaiveDate>>,
    pub consent_received_on: Option<Sp<NaiveDate>>,
}

impl<S: StrEnum> Status<S> {
    /// Decodes `[status]`; `with_consent` adds the partner-led consent dates.
    pub fn decode(
        root: &mut Table<'_, '_>,
        out: &mut Vec<Finding>,
        with_consent: bool,
    ) -> Option<Status<S>> {
        let mut t = root.table(out, "status", OPTIONAL)?;
        let status = Status {
            stage: t.enumeration(out, "stage", REQUIRED),
            since: t.date(out, "since", REQUIRED),
            consent_requested_on: with_consent
                .then(|| t.date(out, "consent_requested_on", OPTIONAL))
                .flatten(),
            consent_received_on: with_consent
                .then(|| t.date(out, "consent_received_on", OPTIONAL))
                .flatten(),
        };
        t.finish(out);
        Some(status)
    }
}

/// Decodes a claim of a known kind from the document's top-level table.
/// The caller has already read `kind`.
pub fn decode_claim(kind: Kind, root: &mut Table<'_, '_>, out: &mut Vec<Finding>) -> Claim {
    match kind {
        Kind::Cpor => Claim::Cpor(cpor::model::CporClaim::decode(root, out)),
        Kind::Coop => Claim::Coop(coop::model::CoopClaim::decode(root, out)),
        Kind::Plfunding => Claim::Plfunding(plfunding::model::PlfClaim::decode(root, out)),
        Kind::Score => Claim::Score(score::model::ScoreHistory::decode(root, out)),
        Kind::Por => Claim::Por(por::model::PorOrder::decode(root, out)),
    }
}
