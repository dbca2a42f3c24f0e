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

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one rule over an order text with the fixture reseller list
    //! (`tests/fixtures/por/resellers.csv`, region Australia), for the
    //! rules' unit tests.

    use std::path::Path;

    use crate::config::Config;
    use crate::diag::Finding;
    use crate::kinds::por::context::PorSettings;
    use crate::rules::{Env, Rule, RuleCtx};

    /// An order of `reseller_partner_id` in Australia, otherwise complete.
    pub(crate) fn order(reseller_partner_id: &str) -> String {
        format!(
            "kind = \"por\"\norder = \"PO-2026-1187\"\nreseller_partner_id = \"{reseller_partner_id}\"\n\
             customer_name = \"Contoso Ltd\"\n\
             customer_tenant_id = \"3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b\"\n\
             customer_country = \"AU\"\naction = \"new\"\ndate = 2026-12-01\n"
        )
    }

    /// The findings of `rule` on `text`.
    pub(crate) fn run(rule: &'static Rule, text: &str) -> Vec<Finding> {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/por");
        let config = Config {
            por: Some(PorSettings {
                csp_region: Some(("Australia".into(), "[por] csp_region".into())),
                resellers: Some(fixtures.join("resellers.csv")),
                ..PorSettings::default()
            }),
            ..Config::default()
        };
        let loaded = crate::load::load_text(text.to_string(), Path::new("o.toml"), "o.toml");
        let claim = loaded.claim.expect("test order decodes");
        let env = Env::new(config, "2026-11-26".parse().expect("date"));
        let unreadable = crate::engine::unreadable_fields(&loaded.findings);
        let ctx = RuleCtx::new(&loaded.source, &claim, &env, &unreadable);
        let mut out = Vec::new();
        rule.run(&ctx, &mut out);
        out
    }
}
