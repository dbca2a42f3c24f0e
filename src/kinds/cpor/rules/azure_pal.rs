//! `cpor-azure-pal`: an Azure CPOR association, where Partner Admin Link is
//! the usual way consumption is recognised.

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::{CporClaim, SolutionArea};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-azure-pal",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "an Azure association: Azure consumption is normally recognised through Partner Admin Link",
    source: "F§1.1 (CPOR scope: Modern Work and Security, Business Applications engagements); G (the CPOR walkthrough shows Azure workloads)",
    docs: "Microsoft documents CPOR for Modern Work and Security and Business Applications \
engagements (F§1.1). Azure consumption is normally attributed to a partner through \
Partner Admin Link (PAL): the partner links its PartnerID to the Azure credentials \
it uses in the customer's tenant, and no claim is filed. The guide does show Azure \
workloads in the CPOR flow, so this is a warning, not an error.\n\nHow to fix: check \
that the Azure engagement you work under asks for a CPOR claim; if it does not, set up \
PAL instead (Azure portal > your account > Link to a partner ID) and drop this claim. \
If it does, keep the claim and switch the warning off (`--allow cpor-azure-pal`, or \
`[rules] cpor-azure-pal = \"off\"` in `claimtool.toml`).",
    check: Check::Cpor(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    let Some(area) = &claim.solution_area else {
        return;
    };
    if area.value == SolutionArea::Azure {
        out.push(
            Finding::new(
                &RULE,
                "Azure consumption is normally recognised through Partner Admin Link, not a CPOR claim",
            )
            .at(area)
            .label("check that CPOR applies")
            .help(
                "confirm your Azure engagement asks for a CPOR claim; otherwise link your \
                 PartnerID with Partner Admin Link (Azure portal) instead",
            ),
        );
    }
}
