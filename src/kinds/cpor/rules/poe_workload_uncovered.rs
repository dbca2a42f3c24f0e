//! `cpor-poe-workload-uncovered`: a claimed workload that no document
//! names.

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::CporClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-poe-workload-uncovered",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a claimed workload appears in no document's `workloads`",
    source: "F§1.11 \"Missing products\" (the PoE doesn't name a claimed product or workload); F§1.16; R#8 \"no product connection\"",
    docs: "Every claimed workload must be evidenced by the PoE: reviewers reject claims \
whose documents do not name a claimed product (\"Missing products\", \"no product \
connection\"). Each `[[documents]]` entry lists in `workloads` the claimed workloads it \
evidences; every name in the claim's `workloads` must appear in at least one of them \
(ignoring case). With no documents at all, `cpor-poe-missing` reports the claim \
instead.\n\nHow to fix: add the workload to the `workloads` of the document that \
shows it was delivered (check that the document really names it), attach a document \
that does, or remove the workload from the claim.\n\n\
```toml\nworkloads = [\"Exchange Online\", \"Microsoft Teams\"]\n\n[[documents]]\n\
path = \"poe/sow-signed.pdf\"\ntype = \"statement-of-work\"\n\
workloads = [\"Exchange Online\", \"Microsoft Teams\"]\n```",
    check: Check::Cpor(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    if claim.documents.is_empty() {
        return;
    }
    let covered: Vec<String> = claim
        .documents
        .iter()
        .flat_map(|d| d.workloads.iter().flat_map(|w| w.value.iter()))
        .map(|w| w.value.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    for w in super::claimed_workloads(claim) {
        let name = w.value.trim();
        if covered.contains(&name.to_lowercase()) {
            continue;
        }
        out.push(
            Finding::new(
                &RULE,
                format!("no document evidences the workload \"{name}\""),
            )
            .at(w)
            .label("named by no document")
            .help(format!(
                "add \"{name}\" to the workloads of the document that shows it was delivered, \
                     attach one that does, or remove it from the claim"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run, valid_with};
    use super::*;

    #[test]
    fn each_claimed_workload_needs_a_document_ignoring_case() {
        let partial = valid_with(
            "signed_on = 2026-09-03\nworkloads = [\"Exchange Online\", \"Microsoft Teams\"]",
            "signed_on = 2026-09-03\nworkloads = [\"exchange online\"]",
        );
        let found = run(&RULE, &partial, "2026-11-26", &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field.as_deref(), Some("workloads[1]"));
        assert!(found[0].message.contains("Microsoft Teams"));
    }
}
