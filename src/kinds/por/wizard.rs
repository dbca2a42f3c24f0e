//! The `claimtool por new` wizard's questions: one planned order, the
//! reseller picked among those that can be Partner of Record today. The
//! machinery (checking each answer with the same `por-` rules as
//! `validate`, drafts, review) is [`crate::wizard::Wizard`]'s; this file
//! only says what to ask.

use super::context::PorEnv;
use super::model::Action;
use crate::decode::StrEnum;
use crate::model::Kind;
use crate::rules::Env;
use crate::wizard::{Ask, Choice, Script, Wizard, WizardError};

/// `claimtool por new`.
pub static SCRIPT: Script = Script {
    kind: Kind::Por,
    name_field: "order",
    intro: "A planned CSP order or subscription change, checked against your reseller list \
            ([por] in claimtool.toml) before you place it in Partner Center.",
    questions,
    // Every question's findings are about that answer, and every por rule
    // that blocks an order is an error (whose "keep it?" is no already).
    later: &[],
    costly: &[],
};

fn questions(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    let por = PorEnv::load(w.config().por.as_ref()).map_err(WizardError::Failed)?;
    w.section("Order", "your reference for this order");
    w.text(Ask::new("order", "Order reference (e.g. PO-2026-1187)"))?;
    w.section(
        "Partner of Record",
        "the indirect reseller set as Partner of Record",
    );
    let country = reseller(w, &por)?;
    w.section("Customer", "the customer tenant the order is for");
    w.text(Ask::new("customer_name", "Customer name"))?;
    w.text(
        Ask::new(
            "customer_tenant_id",
            "Customer tenant ID (GUID; Enter to skip)",
        )
        .comment("the customer's Entra tenant ID"),
    )?;
    w.text(
        Ask::new("customer_country", "Customer country (ISO code, e.g. AU)")
            .comment("the customer tenant's country (its market)")
            .default(country),
    )?;
    w.section("Action", "what the order does and when");
    let action = w.choose(
        Ask::new("action", "Action"),
        &Choice::all(|a: Action| a.title().to_string()),
    )?;
    w.text(
        Ask::new("date", "Date the order will be placed (YYYY-MM-DD)")
            .date()
            .default(Some(w.today().to_string())),
    )?;
    if action == Action::New.as_str() {
        w.clear("subscription_id")?;
    } else {
        w.text(
            Ask::new("subscription_id", "Subscription ID (GUID) it changes")
                .comment("required for every action but new"),
        )?;
    }
    Ok(())
}

/// The reseller: a pick among the assignable ones (name, PartnerID,
/// country), or a typed PartnerID when none is. Returns the reseller's
/// country, the default for the customer's.
fn reseller(w: &mut Wizard<'_>, por: &PorEnv) -> Result<Option<String>, WizardError> {
    // The same rules as `validate`, on a new order for each reseller today.
    let env = Env::new(w.config().clone(), w.today());
    let mut choices: Vec<Choice> = por
        .roster
        .resellers
        .iter()
        .filter(|r| super::resellers::first_error(&env, r).is_none())
        .map(|r| {
            Choice::new(
                r.partner_id.as_str(),
                format!("{} ({}, {})", r.name, r.partner_id, r.country_text),
            )
        })
        .collect();
    let ask = Ask::new("reseller_partner_id", "Reseller (Partner of Record)")
        .comment("the reseller's PartnerID (PLA ID), from your reseller list");
    let chosen = if choices.is_empty() {
        w.note("No reseller in your list can be Partner of Record today (`claimtool por resellers` says why).");
        w.text(ask)?.unwrap_or_default()
    } else {
        w.note(&format!(
            "{} of {} resellers in {} can be Partner of Record in {} today.",
            choices.len(),
            por.roster.resellers.len(),
            por.roster.source.display,
            por.region_name()
        ));
        if let Some(current) = w.draft().str("reseller_partner_id")
            && !choices.iter().any(|c| c.value == current)
        {
            let current = current.to_string();
            choices.push(Choice::new(
                current.as_str(),
                format!("{current} (from the draft)"),
            ));
        }
        w.choose(ask, &choices)?
    };
    Ok(por.roster.get(&chosen).and_then(|r| r.country.clone()))
}
