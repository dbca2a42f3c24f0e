//! Questions several kinds' wizards ask the same way: the partner location,
//! the contacts and a document's customer signature. Each kind's wizard
//! (`src/kinds/*/wizard.rs`) calls them with its own section and wording.

use crate::decode::StrEnum;
use crate::model::Signature;
use crate::rules::Rule;
use crate::rules::any::{business_email, document_placeholder, document_reused};
use crate::wizard::{Ask, Choice, Draft, Wizard, WizardError};

/// Warnings of the rules every kind shares that cost the payment when the
/// answer is kept (a webmail contact address, a placeholder document, a
/// document another claim already used): "Keep this answer?" defaults to
/// no for them. Each kind's [`crate::wizard::Script::costly`] adds its own.
pub static COSTLY: &[&Rule] = &[
    &business_email::RULE,
    &document_placeholder::RULE,
    &document_reused::RULE,
];

/// How every wizard says where document paths are typed from (the prompt
/// note; `validate`'s `document-missing` says where it looked).
pub const PATHS_NOTE: &str = "Document paths: type them from the folder you run claimtool in; \
the claim file stores them relative to its own folder.";

/// "Partner location*": the one location in `claimtool.toml` is the
/// default; with several, a pick among them. Shared with the partner-led
/// and score wizards (the same screen field).
pub fn partner_id(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    location_question(
        w,
        "\"Partner location*\": YOUR location's PartnerID (PLA), not the global one",
        "Partner location (PartnerID)",
        "Partner location: your PartnerID",
    )
}

/// The location question with each kind's wording: a pick among the
/// configured locations when there are several, else a text answer with the
/// only one as the default.
pub fn location_question(
    w: &mut Wizard<'_>,
    comment: &str,
    pick_prompt: &str,
    text_prompt: &str,
) -> Result<(), WizardError> {
    let locations: Vec<(String, String)> = w
        .config()
        .locations
        .iter()
        .map(|l| {
            let name = l.name.as_deref().map_or(String::new(), |n| format!(" {n}"));
            (l.partner_id.clone(), format!("{}{name}", l.partner_id))
        })
        .collect();
    let current = w.draft().str("partner_id").map(str::to_string);
    let listed = current
        .as_ref()
        .is_none_or(|c| locations.iter().any(|(id, _)| id == c));
    if locations.len() > 1 && listed {
        let choices: Vec<Choice> = locations
            .iter()
            .map(|(id, label)| Choice::new(id.as_str(), label.as_str()))
            .collect();
        w.choose(
            Ask::new("partner_id", pick_prompt).comment(comment),
            &choices,
        )?;
        return Ok(());
    }
    let default = match locations.as_slice() {
        [(id, _)] => Some(id.clone()),
        _ => None,
    };
    w.text(
        Ask::new("partner_id", text_prompt)
            .comment(comment)
            .default(default),
    )?;
    Ok(())
}

/// The *Contact information* questions (shared with the partner-led
/// wizard; the caller sets the section and the table comments).
pub fn contact_questions(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    w.text(Ask::new("customer_contact.name", "Customer contact name"))?;
    w.text(Ask::new("customer_contact.email", "Customer contact email"))?;
    w.text(Ask::new(
        "customer_contact.title",
        "Customer contact work title (optional)",
    ))?;
    w.text(Ask::new("partner_contact.name", "Partner contact name"))?;
    let domain = w.config().email_domains.first().cloned();
    let prompt = match &domain {
        Some(d) => format!("Partner contact email (a bare name gets @{d})"),
        None => "Partner contact email".to_string(),
    };
    w.text(Ask::new("partner_contact.email", prompt).email(domain))?;
    Ok(())
}

/// A document's customer signature and its date, checked together (a
/// signature without its date is only wrong until the date is given); the
/// date defaults to the one the document carries. Shared with the
/// partner-led wizard. `label` starts each prompt ("PoE 1").
pub fn signature(
    w: &mut Wizard<'_>,
    i: usize,
    label: &str,
    date: Option<String>,
) -> Result<(), WizardError> {
    let field = |key: &str| format!("documents[{i}].{key}");
    let group = [field("signature"), field("signed_on")];
    w.group(&group, |w| {
        let signature = w.choose(
            Ask::new(field("signature"), format!("{label}: customer signature")),
            &Choice::all(signature_label),
        )?;
        if signature == Signature::None.as_str() {
            w.clear(&field("signed_on"))?;
        } else {
            w.text(
                Ask::new(
                    field("signed_on"),
                    format!("{label}: signed on (YYYY-MM-DD)"),
                )
                .date()
                .default(date.clone()),
            )?;
        }
        Ok(())
    })
}

fn signature_label(s: Signature) -> String {
    match s {
        Signature::Wet => "wet: a scanned ink signature",
        Signature::Digital => "digital: DocuSign, Adobe Sign...",
        Signature::None => "none: not signed by the customer",
    }
    .to_string()
}

/// The start of Partner Center's *Associate customer* screen, the same for
/// CPOR and partner-led claims: the claim name, the location and the
/// customer's name.
pub fn associate_customer(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    w.section("Associate customer", "Add customer | Associate customer");
    w.text(
        Ask::new("claim_name", "Claim name")
            .comment("\"Claim name*\": your own name for this claim"),
    )?;
    partner_id(w)?;
    w.text(Ask::new("customer_name", "Customer name").comment("the customer's company name"))?;
    Ok(())
}

/// "Keep document 2 (poe/sow.pdf)?": the question [`Wizard::entries`] asks
/// of each document already in the draft; `what` names the entry ("PoE
/// document").
pub fn keep_document(what: &'static str) -> impl Fn(&Draft, usize) -> String {
    move |draft, i| {
        format!(
            "Keep {what} {} ({})?",
            i + 1,
            crate::wizard::document_name(draft, i)
        )
    }
}

/// "PoE 1: date it carries": the date written on document `i` (its
/// answer, when given, is the default of the signature date).
pub fn document_date(
    w: &mut Wizard<'_>,
    i: usize,
    label: &str,
) -> Result<Option<String>, WizardError> {
    w.text(
        Ask::new(
            format!("documents[{i}].date"),
            format!("{label}: date it carries (YYYY-MM-DD)"),
        )
        .date()
        .comment("the date on the document"),
    )
}
