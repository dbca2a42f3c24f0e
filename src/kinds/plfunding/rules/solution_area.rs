//! `plf-solution-area`: the engagement belongs to another solution-area tab.

use crate::diag::{Finding, Severity};
use crate::kinds::plfunding::model::PlfClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "plf-solution-area",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the engagement belongs to another solution area tab than `solution_area`",
    source: "G (Step 3: \"move across to the Azure Tab if claiming for Azure\")",
    docs: "Customer claims has one tab per solution area (Modern Work and Security, \
Business Applications, Azure, Devices), and each tab offers its own engagements: an \
Azure engagement is not found from the Modern Work tab.\n\nHow to fix: set \
`solution_area` to the engagement's tab (the catalogue's `solution_area`), or choose \
an engagement of the tab you meant.",
    check: Check::Plfunding(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &PlfClaim, out: &mut Vec<Finding>) {
    let Some(engagement) = super::engagement(ctx.env, claim) else {
        return;
    };
    let Some(area) = &claim.solution_area else {
        return;
    };
    if area.value == engagement.solution_area {
        return;
    }
    out.push(
        Finding::new(
            &RULE,
            format!(
                "engagement \"{}\" is on the \"{}\" tab, not \"{}\"",
                engagement.name, engagement.solution_area, area.value
            ),
        )
        .at(area)
        .label(format!(
            "the engagement is \"{}\"",
            engagement.solution_area
        ))
        .help(format!(
            "set solution_area = \"{}\", or choose an engagement of the \"{}\" tab",
            engagement.solution_area, area.value
        )),
    );
}
