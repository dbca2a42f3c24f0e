//! `por-authorization`: the list says the reseller is suspended or deauthorized.

use crate::diag::{Finding, Severity};
use crate::kinds::por::model::PorOrder;
use crate::kinds::por::roster::Authorization;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "por-authorization",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the reseller list says the reseller's CSP authorization is suspended or deauthorized",
    source: "F§5.4 (\"If the reseller fails validation due to suspension ... the order will be blocked\"); F§5.17 (yearly reauthorization; deauthorized after 3 months below the threshold)",
    docs: "Suspension is the first of Microsoft's three blocking reasons (F§5.4, Learn \
mpa-indirect-provider-faq). A reseller is deauthorized when it falls below the \
authorization requirements (yearly reauthorization, USD 1,000 trailing CSP revenue, \
MFA; F§5.17, Learn new-indirect-reseller-requirement) and then waits a year. The CSV \
list's `authorization` column says `authorized`, `suspended` or `deauthorized`; the \
JSON list has no such field, so this rule needs the CSV.\n\nHow to fix: choose an \
authorized reseller, or ask this one to resolve its authorization in Partner Center \
before the order is placed.",
    check: Check::Por(check),
};

fn check(ctx: &RuleCtx<'_>, order: &PorOrder, out: &mut Vec<Finding>) {
    let Some((_, id, r)) = super::reseller(ctx, order) else {
        return;
    };
    let Some(auth @ (Authorization::Suspended | Authorization::Deauthorized)) = r.authorization
    else {
        return;
    };
    out.push(
        Finding::new(
            &RULE,
            format!("the reseller list says {} is {auth}", super::who(r)),
        )
        .at(id)
        .label(if auth == Authorization::Suspended {
            "suspended reseller"
        } else {
            "deauthorized reseller"
        })
        .help("the order would be blocked: choose an authorized reseller"),
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::{order, run};
    use super::*;

    #[test]
    fn the_label_says_suspended_or_deauthorized() {
        // In tests/fixtures/por/resellers.csv: 6004417 suspended, 6004418
        // deauthorized, 4871236 authorized.
        let suspended = run(&RULE, &order("6004417"));
        assert_eq!(suspended.len(), 1, "{suspended:?}");
        assert_eq!(suspended[0].label.as_deref(), Some("suspended reseller"));
        let deauthorized = run(&RULE, &order("6004418"));
        assert_eq!(deauthorized.len(), 1, "{deauthorized:?}");
        assert_eq!(
            deauthorized[0].label.as_deref(),
            Some("deauthorized reseller")
        );
        assert!(run(&RULE, &order("4871236")).is_empty());
    }
}
