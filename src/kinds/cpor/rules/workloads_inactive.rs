//! `cpor-workloads-inactive`: `workloads_active` is not true.

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::CporClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-workloads-inactive",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "`workloads_active` is not true: the customer must have active workloads deployed",
    source: "G (\"The customer must have active workloads deployed\"; \"Confirm the customer has eligible workloads already in place\")",
    docs: "CPOR recognises usage: the customer must already have the claimed workloads \
deployed and active, and Partner Center's *Associate workload* step asks you to \
confirm it. `workloads_active = true` records that you checked; `false` or leaving it \
out means the association is not ready (after the claim Microsoft also checks that a \
Business Applications subscription is active, F§1.17).\n\nHow to fix: confirm in the \
customer's admin center that every claimed workload is deployed and in use, then set \
`workloads_active = true`; if one is not, wait or drop it from `workloads`.\n\n\
```toml\nworkloads_active = true\n```",
    check: Check::Cpor(check),
};

const HELP: &str =
    "confirm each claimed workload is deployed and in use, then set workloads_active = true";

fn check(ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    match &claim.workloads_active {
        Some(flag) if flag.value => {}
        Some(flag) => out.push(
            Finding::new(
                &RULE,
                "workloads_active is false: the workloads must be deployed and active",
            )
            .at(flag)
            .label("not active")
            .help(HELP),
        ),
        // Written but not a boolean: wrong-type said so.
        None if ctx.is_unreadable("workloads_active") => {}
        None => {
            let finding = Finding::new(
                &RULE,
                "workloads_active is not set: confirm the workloads are deployed and active",
            );
            let finding = match &claim.workloads {
                Some(list) => finding.at_span("workloads_active", list.span.clone()),
                None => finding.at_span("workloads_active", 0..0),
            };
            out.push(finding.label("are these deployed and active?").help(HELP));
        }
    }
}
