//! `plf-location-ineligible`: "Your location ID is not eligible".

use crate::decode::quoted_list;
use crate::diag::{Finding, Severity};
use crate::kinds::plfunding::catalog::location_segments;
use crate::kinds::plfunding::model::PlfClaim;
use crate::rules::any::partner_id_is_valid;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "plf-location-ineligible",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "\"Your location ID is not eligible\": the engagement is limited to partner segments this location does not have",
    source: "G (Step 6: \"Your location ID is not eligible\"); F§3.2",
    docs: "Some engagements are for some partner locations only (e.g. \"AMM PL for ISV \
SAP RISE (L)\" for ISV locations, the GSI ones for global system integrators): their \
catalogue entry lists `partner_segments`. A location has the `segments` that \
`claimtool.toml` gives it under `[[partner.locations]]`, and none when it is not \
listed there (or there is no config). Segments compare without regard to case.\n\n\
How to fix: claim under a location that has the segment, choose another engagement, \
or, when the location does have it, add it to `claimtool.toml`:\n\n```toml\n\
[[partner.locations]]\npartner_id = \"4871236\"\nsegments = [\"isv\"]\n```",
    check: Check::Plfunding(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &PlfClaim, out: &mut Vec<Finding>) {
    let Some(engagement) = super::engagement(ctx.env, claim) else {
        return;
    };
    let Some(partner_id) = &claim.partner_id else {
        return;
    };
    let id = partner_id.value.trim();
    // An invalid PartnerID is partner-id-format's finding, not a location.
    if !partner_id_is_valid(id) {
        return;
    }
    let segments = location_segments(&ctx.env.config, id);
    if engagement.location_eligible(segments) {
        return;
    }
    let wanted = quoted_list(engagement.partner_segments.iter().map(String::as_str));
    let help = if ctx.env.config.location(id).is_none() {
        format!(
            "location {id} is not in claimtool.toml, so it has no segments; if it is one of {wanted}, add it: [[partner.locations]] partner_id = \"{id}\" segments = [{}]",
            engagement
                .partner_segments
                .iter()
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else {
        format!(
            "claim under a location with one of the segments {wanted}, or choose another engagement"
        )
    };
    let has = if segments.is_empty() {
        "no segments".to_string()
    } else {
        format!(
            "segments {}",
            quoted_list(segments.iter().map(String::as_str))
        )
    };
    out.push(
        Finding::new(
            &RULE,
            format!(
                "engagement \"{}\" is for {wanted} locations; location {id} has {has} (Your location ID is not eligible)",
                engagement.name
            ),
        )
        .at(partner_id)
        .label("Your location ID is not eligible")
        .help(help),
    );
}
