//! `por-relationship-inactive`: the list says the reseller relationship is not active.

use crate::diag::{Finding, Severity};
use crate::kinds::por::model::PorOrder;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "por-relationship-inactive",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the reseller list says the relationship with this reseller is not active",
    source: "F§5.4 (orders blocked for an \"inactive PLA ID\"); F§5.13 (`state`, \"Active\" in the API's example; other values not documented)",
    docs: "Partner Center blocks an order whose reseller fails POR validation for an \
\"inactive PLA ID\" (F§5.4, Learn mpa-indirect-provider-faq). The reseller list's \
`state` (the relationships API's `state`, or the CSV's `state` column) is compared \
case-insensitively with `active`; any other value fires this rule. The API documents \
only \"Active\" (F§5.13). A list without a state for the reseller is not judged.\n\n\
How to fix: ask the reseller to restore its relationship or its PLA (Partner Center > \
Account settings > Legal info), export the list again, or choose another reseller.",
    check: Check::Por(check),
};

fn check(ctx: &RuleCtx<'_>, order: &PorOrder, out: &mut Vec<Finding>) {
    let Some((_, id, r)) = super::reseller(ctx, order) else {
        return;
    };
    if r.is_active() == Some(false) {
        out.push(
            Finding::new(
                &RULE,
                format!(
                    "the reseller list gives {} the state \"{}\", not active",
                    super::who(r),
                    r.state.as_deref().unwrap_or_default()
                ),
            )
            .at(id)
            .label("inactive reseller")
            .help("the order would be blocked: reactivate the relationship or pick an active reseller"),
        );
    }
}
