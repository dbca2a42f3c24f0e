//! `poe-workload-not-named`: a claimed workload that no readable PoE
//! document names.

use crate::diag::{Finding, Severity};
use crate::model::{Claim, Kind};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "poe-workload-not-named",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "a claimed workload is named in no readable PoE document",
    source: "F§1.11 (\"the PoE doesn't name a claimed product or workload\"); R#8",
    docs: "\"Missing products\" is a documented reason for *Partner action required*. \
claimtool reads the text of every PoE document it can and looks for each claimed \
workload as written in the claim (case and punctuation ignored, at word boundaries). \
One finding per workload that no readable document names; silent when no document is \
readable (see `poe-unreadable`).\n\n\
How to fix: attach a PoE that names the workload (a SOW line, the customer's \
confirmation e-mail), or write the workload the way the documents do.",
    check: Check::Kinds {
        kinds: &[Kind::Cpor],
        scope: "cpor",
        check,
    },
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let Claim::Cpor(claim) = ctx.claim else {
        return;
    };
    let items = super::inspected(ctx, &claim.documents);
    let texts: Vec<_> = items.iter().filter_map(|i| i.text()).collect();
    if texts.is_empty() {
        return;
    }
    for workload in crate::kinds::cpor::rules::claimed_workloads(claim) {
        if !texts.iter().any(|t| super::names(t, &workload.value)) {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "no readable PoE document names the workload `{}`",
                        workload.value
                    ),
                )
                .at(workload)
                .label("not named in the documents")
                .help("attach a PoE that names this workload, or write it as the documents do"),
            );
        }
    }
}
