//! `coop-fund-category`: the fund category is not "Cloud Solution Provider".

use crate::diag::{Finding, Severity};
use crate::kinds::coop::facts::{FUND_CATEGORIES, FUND_CATEGORY};
use crate::kinds::coop::model::CoopClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-fund-category",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "the fund category is not \"Cloud Solution Provider\"",
    source: "G step 4 (\"Select a fund category 'Cloud Solutions Provider'\")",
    docs: "The fund category narrows the funding pools to those of CSP. The guide \
spells it *Cloud Solutions Provider*, Partner Center *Cloud Solution Provider*: \
both spellings are accepted, in any case. Another category lists other pools, and \
the claim is made against funds you may not have.\n\nHow to fix: select *Cloud \
Solution Provider* in Create new claim and write it in the file.\n\n```toml\n\
fund_category = \"Cloud Solution Provider\"\n```",
    check: Check::Coop(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let Some(category) = &claim.fund_category else {
        return;
    };
    let got = super::folded(&category.value);
    if FUND_CATEGORIES.iter().any(|c| super::folded(c) == got) {
        return;
    }
    out.push(
        Finding::new(
            &RULE,
            format!(
                "fund category \"{}\" is not \"{FUND_CATEGORY}\"",
                category.value.trim()
            ),
        )
        .at(category)
        .label("not the CSP fund category")
        .help(format!(
            "select \"{FUND_CATEGORY}\" and write `fund_category = \"{FUND_CATEGORY}\"`"
        )),
    );
}
