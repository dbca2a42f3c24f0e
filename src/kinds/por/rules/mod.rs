//! Partner of Record rules (`por-`): will Partner Center accept this
//! reseller as Partner of Record on this order?
//!
//! Each rule is a [`Check::Por`](crate::rules::Check::Por) over one
//! [`PorOrder`] (from a TOML file or a CSV row). The reseller list, the
//! distributor's region and the validation response come from the run's
//! [`PorEnv`] ([`por_env`]); [`reseller`] is the lookup most rules share:
//! an order naming a PartnerID that is well formed and in the list.
//! `por-roster-duplicate` is reported by the list's loader
//! ([`crate::kinds::por::roster`]), on the list file.

pub mod authorization;
pub mod customer_region;
pub mod mpa_not_accepted;
pub mod not_enforced;
pub mod not_in_roster;
pub mod partner_id_format;
pub mod region_mismatch;
pub mod relationship_inactive;
pub mod roster_duplicate;
pub mod subscription_missing;
pub mod unknown_mpa;
pub mod validation_failed;

use crate::decode::Sp;
use crate::kinds::por::context::PorEnv;
use crate::kinds::por::model::PorOrder;
use crate::kinds::por::roster::Reseller;
use crate::rules::{Rule, RuleCtx};

pub static RULES: &[&Rule] = &[
    &partner_id_format::RULE,
    &not_in_roster::RULE,
    &relationship_inactive::RULE,
    &authorization::RULE,
    &mpa_not_accepted::RULE,
    &region_mismatch::RULE,
    &customer_region::RULE,
    &validation_failed::RULE,
    &not_enforced::RULE,
    &subscription_missing::RULE,
    &roster_duplicate::RULE,
    &unknown_mpa::RULE,
];

/// The run's reseller list, region and validation response, or why there
/// are none.
pub fn por_env<'a>(ctx: &'a RuleCtx<'_>) -> Result<&'a PorEnv, &'a str> {
    ctx.env.por.get(&ctx.env.config)
}

/// The order's PartnerID when it has the PartnerID form (6 to 10 digits).
pub fn partner_id(order: &PorOrder) -> Option<&Sp<String>> {
    order
        .reseller_partner_id
        .as_ref()
        .filter(|id| crate::rules::any::partner_id_is_valid(id.value.trim()))
}

/// The reseller the order names, when its PartnerID is well formed and in
/// the list.
pub fn reseller<'a>(
    ctx: &'a RuleCtx<'_>,
    order: &'a PorOrder,
) -> Option<(&'a PorEnv, &'a Sp<String>, &'a Reseller)> {
    let id = partner_id(order)?;
    let env = por_env(ctx).ok()?;
    let reseller = env.roster.get(&id.value)?;
    Some((env, id, reseller))
}

/// "Contoso Resellers (4871236)".
pub fn who(r: &Reseller) -> String {
    if r.name.is_empty() {
        r.partner_id.clone()
    } else {
        format!("{} ({})", r.name, r.partner_id)
    }
}
