//! `cpor-unknown-workload`: a workload not in claimtool's list for the
//! solution area.

use crate::decode::nearest;
use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::CporClaim;
use crate::rules::{Check, Rule, RuleCtx};

use crate::kinds::cpor::workload_names;

pub static RULE: Rule = Rule {
    id: "cpor-unknown-workload",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "a workload not in claimtool's list for the solution area",
    source: "F§1.5 (\"the products or workloads claimed\"), F§1.11 \"Missing products\"; claimtool's own workload list",
    docs: "Each workload is compared, ignoring case, with claimtool's built-in list of \
workload names for the solution area (Exchange Online, Microsoft Teams, Microsoft \
Intune... for Modern Work and Security; Dynamics 365 Sales, Power Apps, Power BI... \
for Business Applications; Azure Virtual Machines, Azure SQL Database... for Azure). \
**The list is claimtool's own**: Microsoft publishes none, and renames products \
often, so it may lag Partner Center. That is why this is a warning: a typo is the \
likelier cause, and a misspelt workload is one the PoE does not name. The message \
suggests the nearest known name, and says when the name belongs to another solution \
area.\n\nHow to fix: use the name Partner Center shows on *Associate workload* (the \
suggestion is usually it). If Partner Center has a workload claimtool does not know \
yet, keep your name and turn the warning off for it (`--allow cpor-unknown-workload`).\n\n\
```toml\nworkloads = [\"Exchange Online\"]   # not \"Exchange Onlin\"\n```",
    check: Check::Cpor(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    let Some(area) = &claim.solution_area else {
        return;
    };
    let known = workload_names::builtin(area.value);
    for w in super::claimed_workloads(claim) {
        let name = w.value.trim();
        if workload_names::find(area.value, name).is_some() {
            continue;
        }
        let finding = Finding::new(
            &RULE,
            format!(
                "\"{name}\" is not a {} workload claimtool knows",
                area.value
            ),
        )
        .at(w);
        let finding = if let Some(other) = workload_names::other_area(area.value, name) {
            finding.label(format!("a {other} workload")).help(format!(
                "claim it in a {other} association, or correct solution_area"
            ))
        } else if let Some(near) = nearest(name, known.iter().copied()) {
            finding
                .label("unknown workload")
                .help(format!("did you mean \"{near}\"?"))
        } else {
            finding.label("unknown workload").help(
                "use the name Partner Center shows on Associate workload; claimtool's list \
                 may lag Microsoft's",
            )
        };
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run, valid_with};
    use super::*;

    #[test]
    fn suggests_the_nearest_name_and_ignores_case() {
        let typo = valid_with(
            "workloads = [\"Exchange Online\", \"Microsoft Teams\"]\nworkloads_active",
            "workloads = [\"exchange online\", \"Microsoft Teams Phon\"]\nworkloads_active",
        );
        let found = run(&RULE, &typo, "2026-11-26", &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].field.as_deref(), Some("workloads[1]"));
        assert_eq!(
            found[0].help.as_deref(),
            Some("did you mean \"Microsoft Teams Phone\"?")
        );
    }

    #[test]
    fn names_the_area_a_workload_belongs_to() {
        let other = valid_with(
            "workloads = [\"Exchange Online\", \"Microsoft Teams\"]\nworkloads_active",
            "workloads = [\"Power BI\"]\nworkloads_active",
        );
        let found = run(&RULE, &other, "2026-11-26", &[]);
        assert_eq!(
            found[0].label.as_deref(),
            Some("a business-applications workload")
        );
    }
}
