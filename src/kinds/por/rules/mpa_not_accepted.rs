//! `por-mpa-not-accepted`: the list says the reseller has not accepted the MPA.

use crate::diag::{Finding, Severity};
use crate::kinds::por::model::PorOrder;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "por-mpa-not-accepted",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the reseller list says the reseller has not accepted the Microsoft Partner Agreement for the CSP region",
    source: "F§5.3 (\"The MPA must be accepted for each CSP tenant from which the reseller wants to transact\"); F§5.12 (error 2203); F§5.14",
    docs: "An indirect reseller must accept the Microsoft Partner Agreement for the \
CSP tenant it transacts from, once per CSP region (F§5.3, F§5.15; Learn \
mpa-indirect-provider-faq). Partner Center refuses a reseller that has not with error \
2203, \"has not signed Microsoft Partner Agreement (MPA) for the CSP region\" \
(F§5.12). The CSV list's `mpa_accepted = false` fires this rule; an empty value is \
`por-unknown-mpa`.\n\nHow to fix: ask the reseller to accept the MPA in Partner Center \
(Account settings > Agreements), check it with GET \
/v1/compliance/csp/agreementstatus?mpnId=... (F§5.14), then update the list.",
    check: Check::Por(check),
};

fn check(ctx: &RuleCtx<'_>, order: &PorOrder, out: &mut Vec<Finding>) {
    let Some((_, id, r)) = super::reseller(ctx, order) else {
        return;
    };
    if r.mpa_accepted == Some(false) {
        out.push(
            Finding::new(
                &RULE,
                format!(
                    "the reseller list says {} has not accepted the Microsoft Partner Agreement",
                    super::who(r)
                ),
            )
            .at(id)
            .label("MPA not accepted (Partner Center error 2203)")
            .help("ask the reseller to accept the MPA for the CSP region, then update the list"),
        );
    }
}
