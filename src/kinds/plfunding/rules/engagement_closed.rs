//! `plf-engagement-closed`: "Engagement closed to new claims".

use crate::diag::{Finding, Severity};
use crate::kinds::plfunding::model::{PlfClaim, Stage};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "plf-engagement-closed",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "\"Engagement closed to new claims\"",
    source: "G (Step 6: \"Engagement closed to new claims\")",
    docs: "Partner Center lists a closed engagement under *Ineligible* with \"Engagement \
closed to new claims\": no new claim can be created for it. The check applies while \
the claim is a draft (stage `draft`, or no `[status]`); a claim created before the \
engagement closed (consent requested or later) carries on.\n\nHow to fix: choose an \
open engagement (`claimtool plfunding engagements` shows which are open for your \
customer and location), or correct the catalogue if Microsoft has reopened it.",
    check: Check::Plfunding(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &PlfClaim, out: &mut Vec<Finding>) {
    let Some(engagement) = super::engagement(ctx.env, claim) else {
        return;
    };
    let Some(name) = &claim.engagement else {
        return;
    };
    if engagement.status != crate::kinds::plfunding::catalog::EngagementStatus::Closed
        || claim.stage() != Stage::Draft
    {
        return;
    }
    out.push(
        Finding::new(
            &RULE,
            format!("engagement \"{}\" is closed to new claims", engagement.name),
        )
        .at(name)
        .label("Engagement closed to new claims")
        .help("choose an open engagement: `claimtool plfunding engagements` lists them with their eligibility"),
    );
}
