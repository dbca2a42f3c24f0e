//! `partner-id-unknown`: the PartnerID is not a configured location.

use crate::diag::{Finding, Severity};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "partner-id-unknown",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the PartnerID is not one of the locations in claimtool.toml",
    source: "G: \"Always use the correct PARTNER ID for your location\"",
    docs: "When `claimtool.toml` lists the partner's locations (`[[partner.locations]]`), \
every claim must use one of them: a claim under another location's PartnerID pays \
the wrong entity, or is rejected. Without configured locations the rule is silent.\n\n\
How to fix: use the PartnerID of the location that did the work, or add the \
location to `claimtool.toml`.",
    check: Check::Claim(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let locations = &ctx.env.config.locations;
    let Some(id) = ctx.claim.partner_id() else {
        return;
    };
    let id_text = id.value.trim();
    if locations.is_empty() || !super::partner_id_is_valid(id_text) {
        return;
    }
    if ctx.env.config.location(id_text).is_none() {
        let known: Vec<String> = locations
            .iter()
            .map(|l| match &l.name {
                Some(name) => format!("{} ({name})", l.partner_id),
                None => l.partner_id.clone(),
            })
            .collect();
        out.push(
            Finding::new(
                &RULE,
                format!("PartnerID {id_text} is not one of your configured locations"),
            )
            .at(id)
            .label("not in claimtool.toml")
            .help(format!(
                "use one of {}, or add this location to [[partner.locations]]",
                known.join(", ")
            )),
        );
    }
}
