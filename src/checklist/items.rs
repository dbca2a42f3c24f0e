//! Checklist items and evidence that more than one kind's checklist uses:
//! the partner location, the contacts' email addresses, the documents'
//! dates and formats, and where the claim stands.
//!
//! A kind's guide keeps its own items; what reads the same in two kinds is
//! written once, here, with the same rules behind it.

use chrono::NaiveDate;

use crate::checklist::{ItemSpec, SectionSpec};
use crate::decode::Sp;
use crate::model::{Contact, Document, Signature};
use crate::rich::Rich;
use crate::rules::Rule;
use crate::rules::any::{
    business_email, document_empty, document_format, email_format, partner_id_format,
    partner_id_unknown,
};
use crate::submit::{GuideCtx, text};

/// The rules behind a partner location: its form and whether the config
/// knows it.
pub static PARTNER_ID_RULES: &[&Rule] = &[&partner_id_format::RULE, &partner_id_unknown::RULE];

/// The rules behind an email address: its form and that it is a business
/// one.
pub static EMAIL_RULES: &[&Rule] = &[&email_format::RULE, &business_email::RULE];

/// "PartnerID 4871236 (Fabrikam Sydney)": the location as the checklist
/// shows it, with its name from `claimtool.toml` when configured, and its
/// partner segments when `segments` (partner-led eligibility depends on
/// them).
pub fn location_evidence(
    partner_id: &Option<Sp<String>>,
    ctx: &GuideCtx<'_>,
    segments: bool,
) -> Rich {
    let pid = Rich::new().text("PartnerID ");
    let Some(id) = text(partner_id) else {
        return pid.text("not set");
    };
    let mut r = pid.value(id);
    if let Some(l) = ctx.env.config.location(id) {
        if let Some(name) = &l.name {
            r = r.text(" (").value(name.clone()).text(")");
        }
        if segments && !l.segments.is_empty() {
            r = r
                .text(", segments ")
                .values(", ", l.segments.iter().cloned());
        }
    }
    r
}

/// The customer and partner contacts have valid business email addresses.
pub fn contacts(customer: &Option<Contact>, partner: &Option<Contact>) -> ItemSpec {
    let mut evidence = Rich::new();
    for (label, c) in [("customer ", customer), ("; partner ", partner)] {
        if let Some(email) = c.as_ref().and_then(|c| text(&c.email)) {
            evidence = evidence.text(label).value(email);
        }
    }
    ItemSpec {
        text: "Customer and partner contacts with valid business email addresses".into(),
        rules: EMAIL_RULES,
        evidence,
    }
}

/// The two items every kind's documents end with: each document dated
/// (`text` and `rules`: what else the kind checks of the dates), and the
/// files real and of an accepted type.
pub fn document_checks(
    text: &'static str,
    rules: &'static [&'static Rule],
    docs: &[Document],
    ctx: &GuideCtx<'_>,
) -> [ItemSpec; 2] {
    [
        ItemSpec {
            text: text.into(),
            rules,
            evidence: document_dates(docs, ctx),
        },
        files_open(),
    ]
}

/// "sow.pdf 2026-09-01; mail.eml 2026-09-10": each dated document.
fn document_dates(docs: &[Document], ctx: &GuideCtx<'_>) -> Rich {
    let mut dates = Rich::new();
    for d in docs {
        if let Some(date) = d.date.as_deref() {
            if !dates.is_empty() {
                dates = dates.text("; ");
            }
            dates = dates.value(ctx.doc_label(d)).text(format!(" {date}"));
        }
    }
    dates
}

/// "`documents/01-sow.pdf` signed digitally on 2026-09-03": each signature
/// the claim file declares, or "no signature declared".
pub fn signatures(docs: &[Document], ctx: &GuideCtx<'_>) -> Rich {
    let mut signed = Rich::new();
    for d in docs.iter().filter(|d| d.is_signed()) {
        if !signed.is_empty() {
            signed = signed.text("; ");
        }
        signed = signed
            .value(ctx.doc_label(d))
            .text(match d.signature.as_deref() {
                Some(Signature::Wet) => " wet signature of ",
                _ => " signed digitally on ",
            });
        if let Some(on) = d.signed_on.as_deref() {
            signed = signed.text(on.to_string());
        }
    }
    if signed.is_empty() {
        signed = signed.text("no signature declared");
    }
    signed
}

/// The files are real and of an accepted type (every kind uploads files).
fn files_open() -> ItemSpec {
    ItemSpec {
        text: "Files open and are of a type Partner Center accepts (by content, not only by name)"
            .into(),
        rules: const { &[&document_format::RULE, &document_empty::RULE] },
        evidence: Rich::new(),
    }
}

/// The section on where a claim stands, with the stage as Partner Center
/// names it (`stage`) and the day it was entered.
pub fn where_it_stands(
    text: &'static str,
    rules: &'static [&'static Rule],
    stage: &'static str,
    since: Option<NaiveDate>,
) -> SectionSpec {
    let mut evidence = Rich::new().text("stage ").strong(stage);
    if let Some(since) = since {
        evidence = evidence.text(format!(" since {since}"));
    }
    SectionSpec {
        title: "Where the claim stands",
        items: vec![ItemSpec {
            text: text.into(),
            rules,
            evidence,
        }],
    }
}
