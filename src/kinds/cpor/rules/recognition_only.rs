//! `cpor-recognition-only`: the opt-out-of-incentive-payment box is ticked.

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::CporClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-recognition-only",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "the opt-out box is ticked: this claim earns no incentive payment",
    source: "G (\"Do not tick the opt-out box if you intend to claim incentives\"); F§1.7",
    docs: "`recognition_only = true` is Partner Center's checkbox \"I claim for recognition \
only, and would like to opt-out of incentive payment for this claim\". Ticked, the \
association counts for recognition but pays nothing, and it cannot be changed after \
submission.\n\nHow to fix: set `recognition_only = false` (or remove it) if you intend \
to earn incentives.\n\n```toml\nrecognition_only = false\n```",
    check: Check::Cpor(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    if let Some(flag) = &claim.recognition_only
        && flag.value
    {
        out.push(
            Finding::new(
                &RULE,
                "recognition_only is true: this claim earns no incentive payment",
            )
            .at(flag)
            .label("opts out of incentive payment")
            .help("set recognition_only = false unless you want recognition without payment"),
        );
    }
}
