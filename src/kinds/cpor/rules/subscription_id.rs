//! `cpor-subscription-id`: a Business Applications claim without a
//! subscription ID GUID.

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::{CporClaim, SolutionArea};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-subscription-id",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a Business Applications claim without a subscription_id GUID",
    source: "F§1.6 (\"For Business Application, you must also select the subscription ID\"); F§1.8; F§1.17",
    docs: "On the Business Applications tab Partner Center asks for the customer's \
Dynamics subscription ID as well as the tenant: a workload there is associated per \
subscription (F§1.8). It is a GUID (8-4-4-4-12 hex digits); \"The identifier provided \
isn't a subscription ID\" is one of the documented validation errors (F§1.17). The \
field is required only for `solution_area = \"business-applications\"`, so this rule, \
not `missing-field`, reports it missing. Other solution areas do not use it.\n\n\
How to fix: copy the subscription ID of the customer's Dynamics 365 / Power Platform \
subscription (Microsoft 365 admin center > Billing > Your products, or the Power \
Platform admin center).\n\n\
```toml\nsolution_area = \"business-applications\"\n\
subscription_id = \"8d2c7b1a-4e3f-4a5b-9c6d-7e8f9a0b1c2d\"\n```",
    check: Check::Cpor(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    let Some(area) = &claim.solution_area else {
        return;
    };
    if area.value != SolutionArea::BusinessApplications {
        return;
    }
    let help = "copy the GUID of the customer's Dynamics 365 / Power Platform subscription \
                (Microsoft 365 admin center > Billing > Your products)";
    match &claim.subscription_id {
        // Written but not a string: wrong-type said so.
        None if ctx.is_unreadable("subscription_id") => {}
        None => out.push(
            Finding::new(
                &RULE,
                "a business-applications claim needs a subscription_id",
            )
            .at_span("subscription_id", area.span.clone())
            .label("business-applications: add subscription_id")
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
