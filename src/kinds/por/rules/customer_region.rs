//! `por-customer-region`: the customer's market is in another CSP region.

use crate::diag::{Finding, Severity};
use crate::kinds::por::model::PorOrder;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "por-customer-region",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the customer's country is in another CSP region than yours: you cannot transact for that market",
    source: "F§5.15 (\"A customer's market is the country of its tenant\"; the region table); F§5.2 (a PartnerLocationID in the country/region where you do CSP business)",
    docs: "A distributor transacts in the CSP region it is enrolled in: it needs a \
location in the country or region where it does CSP business (F§5.2), and a \
customer's market is the country of its tenant (F§5.15). `customer_country` is looked \
up in the CSP region table; a country of another region, or of none (e.g. KP), fires \
this rule.\n\nHow to fix: correct `customer_country` (the customer tenant's country), \
or place the order through your organisation's CSP tenant for that region.\n\n\
```toml\ncustomer_country = \"AU\"\n```",
    check: Check::Por(check),
};

fn check(ctx: &RuleCtx<'_>, order: &PorOrder, out: &mut Vec<Finding>) {
    let Some(country) = &order.customer_country else {
        return;
    };
    let Ok(env) = super::por_env(ctx) else {
        return;
    };
    let mine = env.region_name();
    let message = match env.regions.region_of(&country.value) {
        Some(region) if region == env.region => return,
        Some(region) => format!(
            "the customer is in {}, CSP region \"{}\"; you transact in \"{mine}\"",
            country.value,
            env.regions.name(region)
        ),
        None => format!(
            "the customer is in {} ({}), which is in no CSP region",
            country.value,
            crate::kinds::por::country::name(&country.value)
        ),
    };
    out.push(
        Finding::new(&RULE, message)
            .at(country)
            .label("outside your CSP region")
            .help(format!(
                "check the customer tenant's country; from the {mine} region you can only serve its markets"
            )),
    );
}
