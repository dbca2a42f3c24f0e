//! `por-subscription-missing`: a change without a subscription GUID.

use crate::diag::{Finding, Severity};
use crate::kinds::por::model::{Action, PorOrder};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "por-subscription-missing",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a change to an existing subscription without a subscription_id GUID",
    source: "F§5.6 (from 2025-12-01 changes to existing subscriptions are validated); F§5.8 (IDs are GUIDs)",
    docs: "Every action but `new` changes an existing subscription (seat, billing plan \
or term change, partner-to-partner transfer, legacy-to-NCE migration, auto-renewal; \
F§5.6, F§5.16), so the order must say which: `subscription_id`, the subscription's \
GUID (8-4-4-4-12 hex digits). `new` needs none.\n\nHow to fix: copy the subscription \
ID from Partner Center (Customers > the customer > Subscriptions), or set \
`action = \"new\"` if it is a new subscription.\n\n```toml\naction = \"seat-change\"\n\
subscription_id = \"8d2c7b1a-4e3f-4a5b-9c6d-7e8f9a0b1c2d\"\n```",
    check: Check::Por(check),
};

fn check(ctx: &RuleCtx<'_>, order: &PorOrder, out: &mut Vec<Finding>) {
    let Some(action) = &order.action else {
        return;
    };
    if action.value == Action::New {
        return;
    }
    let help =
        "copy the subscription's ID from Partner Center (Customers > the customer > Subscriptions)";
    match &order.subscription_id {
        None if ctx.is_unreadable("subscription_id") => {}
        None => out.push(
            Finding::new(
                &RULE,
                format!(
                    "a {} needs the subscription_id it changes",
                    action.value.title()
                ),
            )
            .at(action)
            .label("add subscription_id")
            .help(help),
        ),
        Some(sub) if !crate::rules::any::is_real_guid(&sub.value) => out.push(
            Finding::new(
                &RULE,
                format!(
                    "subscription_id \"{}\" is not a subscription GUID",
                    sub.value
                ),
            )
            .at(sub)
            .label("expected 8-4-4-4-12 hex digits, not all zero")
            .help(help),
        ),
        Some(_) => {}
    }
}
