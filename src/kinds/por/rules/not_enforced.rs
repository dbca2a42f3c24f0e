//! `por-not-enforced`: the order is not subject to POR validation.

use crate::diag::{Finding, Severity};
use crate::kinds::por::facts;
use crate::kinds::por::model::PorOrder;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "por-not-enforced",
    default_severity: Severity::Info,
    severity_note: None,
    summary: "the order is not subject to POR validation (date before enforcement, or an auto-renewal)",
    source: "F§5.4 (new orders from 2025-09-01); F§5.6 (changes from 2025-12-01, documented via mirror); F§5.16 (auto-renewal excluded, secondary)",
    docs: "Partner Center validates the Partner of Record on new orders from 1 September \
2025 (F§5.4, Learn mpa-indirect-provider-faq) and on changes to existing \
subscriptions from 1 December 2025 (F§5.6, Learn indirect-provider-tasks, read via a \
mirror). Commit-term auto-renewal is excluded according to distributor notices (Dicker \
Data, Crayon APAC; F§5.16, a secondary source). This note says the order would not \
be blocked; the other `por-` rules still report at their severity, since a wrong \
Partner of Record is still wrong (it decides who earns the incentives).\n\nHow to \
fix: nothing to fix; check the `date` if the order will in fact be placed later.",
    check: Check::Por(check),
};

fn check(_ctx: &RuleCtx<'_>, order: &PorOrder, out: &mut Vec<Finding>) {
    let (Some(action), Some(date)) = (&order.action, &order.date) else {
        return;
    };
    if let Some(why) = facts::not_enforced(action.value, date.value) {
        let at = if action.value == crate::kinds::por::model::Action::AutoRenewal {
            action.span.clone()
        } else {
            date.span.clone()
        };
        let field = if action.value == crate::kinds::por::model::Action::AutoRenewal {
            &action.path
        } else {
            &date.path
        };
        out.push(
            Finding::new(&RULE, format!("not subject to POR validation: {why}"))
                .at_span(field.clone(), at)
                .label("Partner Center would not block this order")
                .help(
                    "the Partner of Record is still checked: it decides who earns the incentives",
                ),
        );
    }
}
