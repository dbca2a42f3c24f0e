//! `coop-program`: the program is not "Microsoft Commerce Incentives".

use crate::diag::{Finding, Severity};
use crate::kinds::coop::facts::PROGRAM;
use crate::kinds::coop::model::CoopClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-program",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "the program is not \"Microsoft Commerce Incentives\"",
    source: "G step 4 (\"Select the appropriate program 'Microsoft Commerce Incentives'\")",
    docs: "Co-op funds earned through CSP are claimed under the program *Microsoft \
Commerce Incentives*, the first choice on Partner Center's Create new claim screen. \
Another program (a Surface or distributor program) draws on other funds, so a claim \
filed there is usually rejected or paid from the wrong pool. Case and extra spaces \
are ignored.\n\nHow to fix: select *Microsoft Commerce Incentives* and write it in \
the file; if you really claim under another program, switch the rule off for that \
file's folder.\n\n```toml\nprogram = \"Microsoft Commerce Incentives\"\n```",
    check: Check::Coop(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let Some(program) = &claim.program else {
        return;
    };
    if super::folded(&program.value) == super::folded(PROGRAM) {
        return;
    }
    out.push(
        Finding::new(
            &RULE,
            format!("program \"{}\" is not \"{PROGRAM}\"", program.value.trim()),
        )
        .at(program)
        .label("not the co-op program")
        .help(format!(
            "select \"{PROGRAM}\" in Create new claim and write `program = \"{PROGRAM}\"`"
        )),
    );
}
