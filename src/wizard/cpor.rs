//! The CPOR wizard's questions, in Partner Center's screen order: Associate
//! customer, solution area and partner role, Associate workload, Contact
//! information, then the PoE documents for the claim for payment. The
//! machinery (checking, drafts, review) is [`super::Wizard`]'s; this file
//! only says what to ask, with which defaults and file comments.

use crate::decode::StrEnum;
use crate::model::cpor::{PartnerRole, SolutionArea};
use crate::model::{DocType, Kind, Signature};

use super::{Ask, Choice, Script, Wizard, WizardError};

/// `claimtool cpor new`.
pub static SCRIPT: Script = Script {
    kind: Kind::Cpor,
    name_field: "claim_name",
    intro: "Partner Center > Incentives > Customer claims > Add customer, screen by screen.",
    questions,
};

/// The workloads offered for a solution area: exactly the built-in list the
/// `cpor-unknown-workload` rule accepts.
pub fn workloads(area: SolutionArea) -> Vec<String> {
    crate::rules::cpor::workload_names::builtin(area)
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn area_label(area: SolutionArea) -> String {
    match area {
        SolutionArea::ModernWorkSecurity => "Modern Work and Security",
        SolutionArea::BusinessApplications => "Business Applications",
        SolutionArea::Azure => "Azure",
    }
    .to_string()
}

fn role_label(role: PartnerRole) -> String {
    match role {
        PartnerRole::UseOrConsume => "Use or Consume",
        PartnerRole::BuildIntentAdvisor => "Build / Intent / Advisor (Business Applications)",
        PartnerRole::UsageRecognition => "Usage recognition (no incentive)",
        PartnerRole::InfluencedRevenueRecognition => {
            "Influenced revenue recognition (no incentive)"
        }
        PartnerRole::PartnerActivities => "Partner Activities (partner-led funding claims only)",
    }
    .to_string()
}

fn signature_label(s: Signature) -> String {
    match s {
        Signature::Wet => "wet: a scanned ink signature",
        Signature::Digital => "digital: DocuSign, Adobe Sign...",
        Signature::None => "none: not signed by the customer",
    }
    .to_string()
}

fn questions(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    associate_customer(w)?;
    let area = area_and_role(w)?;
    associate_workload(w, area)?;
    contacts(w)?;
    documents(w)
}

fn associate_customer(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    w.section("Associate customer", "Add customer | Associate customer");
    w.text(
        Ask::new("claim_name", "Claim name")
            .comment("\"Claim name*\": your own name for this claim"),
    )?;
    partner_id(w)?;
    w.text(Ask::new("customer_name", "Customer name").comment("the customer's company name"))?;
    w.text(
        Ask::new(
            "customer_tenant_id",
            "Customer tenant ID (a GUID: Entra admin center > Overview)",
        )
        .comment("\"Customer tenant ID*\": the tenant ID of the customer's domain.onmicrosoft.com"),
    )?;
    w.text(
        Ask::new(
            "customer_domain",
            "Customer domain (optional, e.g. contoso.onmicrosoft.com)",
        )
        .comment("optional: the customer's domain name (not an email address)"),
    )?;
    w.flag(
        Ask::new(
            "recognition_only",
            "Opt out of incentive payment (recognition only)?",
        )
        .comment("the \"opt out of incentive payment\" box: leave it false to earn incentives"),
        Some(false),
    )?;
    Ok(())
}

/// "Partner location*": the one location in `claimtool.toml` is the
/// default; with several, a pick among them. Shared with the partner-led
/// and score wizards (the same screen field).
pub(super) fn partner_id(w: &mut Wizard<'_>) -> Result<(), WizardError> {
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
pub(super) fn location_question(
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

fn area_and_role(w: &mut Wizard<'_>) -> Result<SolutionArea, WizardError> {
    w.section(
        "Solution area and partner role",
        "the Customer claims tab and the role on Add customer",
    );
    let area = w.choose(
        Ask::new("solution_area", "Solution area"),
        &Choice::all(area_label),
    )?;
    let area = SolutionArea::parse(&area).unwrap_or(SolutionArea::ModernWorkSecurity);
    let default_role = match area {
        SolutionArea::BusinessApplications => PartnerRole::BuildIntentAdvisor,
        _ => PartnerRole::UseOrConsume,
    };
    w.choose(
        Ask::new("partner_role", "Partner role")
            .comment("not \"partner-activities\": that is for partner-led funding claims")
            .default(Some(default_role.as_str())),
        &Choice::all(role_label),
    )?;
    if area == SolutionArea::BusinessApplications {
        w.text(
            Ask::new("subscription_id", "Dynamics subscription ID (a GUID)")
                .comment("Business Applications: the subscription this claim is for"),
        )?;
    }
    Ok(area)
}

fn associate_workload(w: &mut Wizard<'_>, area: SolutionArea) -> Result<(), WizardError> {
    w.section(
        "Associate workload",
        "the workloads the customer has deployed and active",
    );
    w.pick(
        Ask::new("workloads", "Workloads (space ticks, Enter confirms)"),
        &workloads(area),
        &[],
    )?;
    w.flag(
        Ask::new(
            "workloads_active",
            "The customer has these workloads deployed and active?",
        ),
        None,
    )?;
    Ok(())
}

fn contacts(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    w.section(
        "Contact information",
        "Microsoft emails the customer contact to confirm the association",
    );
    w.table_comment("customer_contact", "the customer's primary contact");
    w.table_comment(
        "partner_contact",
        "your company's contact for this customer",
    );
    contact_questions(w)
}

/// The *Contact information* questions (shared with the partner-led
/// wizard; the caller sets the section and the table comments).
pub(super) fn contact_questions(w: &mut Wizard<'_>) -> Result<(), WizardError> {
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

fn documents(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    w.section(
        "Proof of execution (PoE)",
        "the documents uploaded with the claim for payment",
    );
    w.table_comment("documents", "a PoE document; path is relative to this file");
    w.note("Document paths are relative to the folder you run claimtool in.");
    w.entries(
        "documents",
        |draft, i| {
            format!(
                "Keep PoE document {} ({})?",
                i + 1,
                super::document_name(draft, i)
            )
        },
        |_, i| match i {
            0 => (
                "Add a PoE document? (the claim for payment needs a signed one)".into(),
                true,
            ),
            _ => ("Add another PoE document?".into(), false),
        },
        document,
    )
}

fn document(w: &mut Wizard<'_>, i: usize) -> Result<(), WizardError> {
    let field = |key: &str| format!("documents[{i}].{key}");
    let n = i + 1;
    w.text(Ask::new(field("path"), format!("PoE {n}: file")).path())?;
    w.choose(
        Ask::new(field("type"), format!("PoE {n}: type")),
        &Choice::all(|t: DocType| t.as_str().to_string()),
    )?;
    let date = w.text(
        Ask::new(
            field("date"),
            format!("PoE {n}: date it carries (YYYY-MM-DD)"),
        )
        .date()
        .comment("the date on the document"),
    )?;
    signature(w, i, &format!("PoE {n}"), date)?;
    let claimed = w.draft().strings("workloads").unwrap_or_default();
    w.pick(
        Ask::new(
            field("workloads"),
            format!("PoE {n}: workloads it evidences (space ticks, Enter confirms)"),
        ),
        &claimed,
        &claimed,
    )?;
    Ok(())
}

/// A document's customer signature and its date, checked together (a
/// signature without its date is only wrong until the date is given); the
/// date defaults to the one the document carries. Shared with the
/// partner-led wizard. `label` starts each prompt ("PoE 1").
pub(super) fn signature(
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
