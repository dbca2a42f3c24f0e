//! `cpor-workloads`: no workload selected (or a blank workload name).

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::CporClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-workloads",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "no workload selected",
    source: "G step 5 (\"Select all applicable workloads to this claim\"); F§1.5, F§1.6",
    docs: "A CPOR association is per customer tenant *and workload*: Partner Center's \
*Associate workload* step needs at least one, and the PoE must name each of them. \
`workloads` missing, `[]`, or holding only blank names associates nothing. A blank \
entry in a longer list is reported too (it is a leftover of an edit).\n\nHow to fix: \
list the workloads you deployed for this customer, with the names Partner Center \
shows.\n\n```toml\nworkloads = [\"Exchange Online\", \"Microsoft Teams\"]\n```",
    check: Check::Cpor(check),
};

const HELP: &str =
    "list the workloads you deployed, e.g. workloads = [\"Exchange Online\", \"Microsoft Teams\"]";

fn check(ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    let Some(list) = &claim.workloads else {
        if ctx.is_unreadable("workloads") {
            return; // not a list: wrong-type said so
        }
        out.push(
            Finding::new(&RULE, "no workload selected: `workloads` is missing")
                .at_span("workloads", 0..0)
                .label("`workloads` expected")
                .help(HELP),
        );
        return;
    };
    if super::claimed_workloads(claim).next().is_none() {
        out.push(
            Finding::new(&RULE, "no workload selected: `workloads` is empty")
                .at(list)
                .label("no workload")
                .help(HELP),
        );
        return;
    }
    for w in list.value.iter().filter(|w| w.value.trim().is_empty()) {
        out.push(
            Finding::new(&RULE, format!("`{}` is a blank workload name", w.path))
                .at(w)
                .label("blank")
                .help("remove the blank entry, or write the workload's name"),
        );
    }
}
