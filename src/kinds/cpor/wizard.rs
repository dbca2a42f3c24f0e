//! The CPOR wizard's questions, in Partner Center's screen order: Associate
//! customer, solution area and partner role, Associate workload, Contact
//! information, then the PoE documents for the claim for payment. The
//! machinery (checking, drafts, review) is [`crate::wizard::Wizard`]'s; this file
//! only says what to ask, with which defaults and file comments.

use crate::decode::StrEnum;
use crate::kinds::cpor::facts::{role_name, tab_name};
use crate::kinds::cpor::model::{PartnerRole, SolutionArea};
use crate::kinds::cpor::rules::{
    non_incentivized, poe_template_only, poe_unsigned, poe_workload_uncovered, recognition_only,
};
use crate::model::{DocType, Kind};

use crate::wizard::{Ask, Choice, Later, Script, Wizard, WizardError};

/// `claimtool cpor new`.
pub static SCRIPT: Script = Script {
    kind: Kind::Cpor,
    name_field: "claim_name",
    intro: "Partner Center > Incentives > Customer claims > Add customer, screen by screen.",
    questions,
    later: &[
        Later {
            rule: &poe_workload_uncovered::RULE,
            question: "\"PoE n: workloads it evidences\" (Proof of execution)",
        },
        Later {
            rule: &crate::rules::poe::poe_workload_not_named::RULE,
            question: "a PoE document that names the workload (Proof of execution)",
        },
        Later {
            rule: &poe_unsigned::RULE,
            question: "a PoE document the customer signed (\"Add another PoE document?\")",
        },
    ],
    costly: &[
        &recognition_only::RULE,
        &non_incentivized::RULE,
        &poe_template_only::RULE,
    ],
};

/// The workloads offered for a solution area: exactly the built-in list the
/// `cpor-unknown-workload` rule accepts.
pub fn workloads(area: SolutionArea) -> Vec<String> {
    crate::kinds::cpor::workload_names::builtin(area)
        .iter()
        .map(std::string::ToString::to_string)
        .collect()
}

/// The role as Partner Center names it ([`role_name`]), with a hint of
/// when it fits.
fn role_label(role: PartnerRole) -> String {
    let hint = match role {
        PartnerRole::UseOrConsume => None,
        PartnerRole::BuildIntentAdvisor => Some("Business Applications"),
        PartnerRole::UsageRecognition | PartnerRole::InfluencedRevenueRecognition => {
            Some("no incentive")
        }
        PartnerRole::PartnerActivities => Some("partner-led funding claims only"),
    };
    match hint {
        Some(hint) => format!("{} ({hint})", role_name(role)),
        None => role_name(role).to_string(),
    }
}

fn questions(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    associate_customer(w)?;
    let area = area_and_role(w)?;
    associate_workload(w, area)?;
    contacts(w)?;
    documents(w)
}

fn associate_customer(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    crate::wizard::questions::associate_customer(w)?;
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

fn area_and_role(w: &mut Wizard<'_>) -> Result<SolutionArea, WizardError> {
    w.section(
        "Solution area and partner role",
        "the Customer claims tab and the role on Add customer",
    );
    let area = w.choose(
        Ask::new("solution_area", "Solution area"),
        &Choice::all(|a| tab_name(a).to_string()),
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
    crate::wizard::questions::contact_questions(w)
}

fn documents(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    w.section(
        "Proof of execution (PoE)",
        "the documents uploaded with the claim for payment",
    );
    w.table_comment("documents", "a PoE document; path is relative to this file");
    w.note(crate::wizard::questions::PATHS_NOTE);
    w.entries(
        "documents",
        crate::wizard::questions::keep_document("PoE document"),
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
    let date = crate::wizard::questions::document_date(w, i, &format!("PoE {n}"))?;
    crate::wizard::questions::signature(w, i, &format!("PoE {n}"), date)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_choices_use_partner_centers_names() {
        for role in PartnerRole::ALL {
            assert!(role_label(*role).starts_with(role_name(*role)));
        }
        assert_eq!(
            role_label(PartnerRole::BuildIntentAdvisor),
            "Build intent - Advisor (Business Applications)"
        );
    }
}
