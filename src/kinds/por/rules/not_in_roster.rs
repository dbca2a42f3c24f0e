//! `por-not-in-roster`: the PartnerID is not in the distributor's reseller list.

use crate::diag::{Finding, Severity};
use crate::kinds::por::model::PorOrder;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "por-not-in-roster",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the reseller is not in your reseller list, so it cannot be assigned as Partner of Record",
    source: "F§5.6 (\"Once accepted, the reseller's PLA ID is added to the distributor's reseller list and can be used for subscription assignments\"); F§5.13",
    docs: "A distributor can set as Partner of Record only a reseller that has accepted \
its partnership request: acceptance adds the reseller's PLA ID to the distributor's \
reseller list, and only then \"can [it] be used for subscription assignments\" \
(F§5.6, Learn indirect-provider-tasks-in-partner-center). The list is the one given \
with `--resellers` or `[por] resellers` (F§5.13: the relationships API, or a CSV). \
A run without any reseller list reports every order here, since none can be \
checked.\n\nHow to fix: correct the PartnerID, or send the reseller a partnership \
request (Partner Center > Customers > Indirect resellers > Invite), wait for it to \
accept, and export the list again.",
    check: Check::Por(check),
};

fn check(ctx: &RuleCtx<'_>, order: &PorOrder, out: &mut Vec<Finding>) {
    let Some(id) = super::partner_id(order) else {
        return;
    };
    match super::por_env(ctx) {
        Err(why) => out.push(
            Finding::new(
                &RULE,
                format!("reseller {} cannot be checked: {why}", id.value.trim()),
            )
            .at(id)
            .label("no reseller list to look it up in")
            .help("run `claimtool por check --resellers FILE --region NAME`, or set [por] in claimtool.toml"),
        ),
        Ok(env) if env.roster.get(&id.value).is_none() => out.push(
            Finding::new(
                &RULE,
                format!(
                    "reseller {} is not in the reseller list {}",
                    id.value.trim(),
                    env.roster.source.display
                ),
            )
            .at(id)
            .label("not one of your resellers")
            .help(
                "correct the PartnerID, or invite the reseller (Partner Center > Customers > \
                 Indirect resellers) and export the list again once it has accepted",
            ),
        ),
        Ok(_) => {}
    }
}
