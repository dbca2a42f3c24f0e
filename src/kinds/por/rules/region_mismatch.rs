//! `por-region-mismatch`: the reseller is in another CSP region than the distributor.

use crate::diag::{Finding, Severity};
use crate::kinds::por::model::PorOrder;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "por-region-mismatch",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the reseller's country is in another CSP region than yours (Partner Center error 2201)",
    source: "F§5.4 (orders blocked for \"region mismatch\"); F§5.5; F§5.12 (error 2201); F§5.15 (the region table; \"same region\" by the reseller location's country is inferred)",
    docs: "A reseller must be \"located in the same geographic region as the indirect \
provider CSP region\" (G), and Partner Center blocks an order on a \"region mismatch\" \
(F§5.4), answering error 2201, \"The CSP region of the MPN ID ... doesn't match the \
CSP region from where you are placing the order\" (F§5.12). The reseller's region is \
that of its country in the reseller list, by the CSP region table \
(`data/csp-regions.toml`, Microsoft's \"CSP regional markets and currencies\"; F§5.15). \
Australia and New Zealand are separate regions. How Microsoft decides the reseller's \
region is inferred from the location's country (F§5.15). A country in no region of \
the table (e.g. KP), or a list without a valid country for the reseller, fires this \
rule too.\n\nHow to fix: choose a reseller in your region; a reseller transacting in \
several regions needs an active CSP tenant and location in each (F§5.5): use its \
PartnerID for your region.",
    check: Check::Por(check),
};

fn check(ctx: &RuleCtx<'_>, order: &PorOrder, out: &mut Vec<Finding>) {
    let Some((env, id, r)) = super::reseller(ctx, order) else {
        return;
    };
    let mine = env.region_name();
    let message = match &r.country {
        None => format!(
            "the reseller list gives {} no country code (\"{}\"), so its CSP region is unknown",
            super::who(r),
            r.country_text
        ),
        Some(c) => match env.regions.region_of(c) {
            None => format!(
                "{} is in {c} ({}), which is in no CSP region",
                super::who(r),
                crate::kinds::por::country::name(c)
            ),
            Some(region) if region == env.region => return,
            Some(region) => format!(
                "{} is in {c}, CSP region \"{}\"; you transact in \"{mine}\"",
                super::who(r),
                env.regions.name(region)
            ),
        },
    };
    out.push(
        Finding::new(&RULE, message)
            .at(id)
            .label("region mismatch")
            .help(format!(
                "choose a reseller located in the {mine} region (or the reseller's PartnerID for that region)"
            )),
    );
}
