//! `claimtool por resellers`: the reseller list as claimtool understands
//! it, and whether each reseller can be Partner of Record today.
//!
//! A reseller is assignable when no error-level `por-` rule fires on a new
//! order naming it, dated today, for the configured region: the rules
//! themselves are run on that order ([`listing`]), so the listing cannot
//! disagree with `por check`.

use std::path::Path;

use serde::Serialize;

use super::context::PorEnv;
use super::model::{Action, PorOrder};
use super::roster::Reseller;
use crate::decode::{Sp, StrEnum};
use crate::diag::{Finding, Severity};
use crate::model::Claim;
use crate::rules::{Env, RuleCtx};
use crate::source::SourceFile;

/// The listing (`--format json` as spec/por.md has it).
#[derive(Debug, Serialize)]
pub struct Listing {
    pub region: String,
    pub resellers: Vec<Entry>,
}

/// One reseller of the list.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub partner_id: String,
    pub name: String,
    pub country: String,
    pub region: Option<String>,
    pub state: Option<String>,
    pub authorization: Option<&'static str>,
    pub mpa_accepted: Option<bool>,
    pub assignable: bool,
    pub reason: Option<Reason>,
}

/// The first error finding for the reseller.
#[derive(Debug, Serialize)]
pub struct Reason {
    pub rule: &'static str,
    pub message: String,
}

/// Every reseller of the run's list, in the list's order.
pub fn listing(env: &Env, por: &PorEnv) -> Listing {
    let resellers = por
        .roster
        .resellers
        .iter()
        .map(|r| {
            let reason = first_error(env, r).map(|f| Reason {
                rule: f.rule,
                message: f.message,
            });
            Entry {
                partner_id: r.partner_id.clone(),
                name: r.name.clone(),
                country: r.country.clone().unwrap_or_else(|| r.country_text.clone()),
                region: r
                    .country
                    .as_deref()
                    .and_then(|c| por.regions.region_of(c))
                    .map(|i| por.regions.name(i).to_string()),
                state: r.state.clone(),
                authorization: r.authorization.map(StrEnum::as_str),
                mpa_accepted: r.mpa_accepted,
                assignable: reason.is_none(),
                reason,
            }
        })
        .collect();
    Listing {
        region: por.region_name().to_string(),
        resellers,
    }
}

/// The first error-level `por-` finding on a new order for `r` dated today.
pub fn first_error(env: &Env, r: &Reseller) -> Option<Finding> {
    let sp = |v: &str, path: &str| Some(Sp::new(v.to_string(), 0..0, path));
    let order = PorOrder {
        order: sp("listing", "order"),
        reseller_partner_id: sp(&r.partner_id, "reseller_partner_id"),
        customer_name: sp("listing", "customer_name"),
        customer_tenant_id: None,
        // The customer is not known: por-customer-region stays silent.
        customer_country: None,
        action: Some(Sp::new(Action::New, 0..0, "action")),
        date: Some(Sp::new(env.today, 0..0, "date")),
        subscription_id: None,
    };
    let claim = Claim::Por(order);
    let source = SourceFile::new("", Path::new(""), String::new());
    let ctx = RuleCtx::new(&source, &claim, env, &[]);
    let mut out = Vec::new();
    for rule in super::rules::RULES {
        rule.run(&ctx, &mut out);
        if let Some(f) = out.iter().find(|f| f.severity == Severity::Error) {
            return Some(f.clone());
        }
    }
    None
}
