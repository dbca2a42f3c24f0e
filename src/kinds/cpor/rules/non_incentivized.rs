//! `cpor-non-incentivized`: a partner role that earns no incentive.

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::{CporClaim, PartnerRole};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-non-incentivized",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "the partner role earns no incentive (usage or influenced-revenue recognition)",
    source: "F§1.4 (\"Usage recognition - Non-Incentivized\", \"Influenced Revenue recognition - Non-Incentivized\"); F§1.7",
    docs: "On the Business Applications tab, *Usage recognition* and *Influenced Revenue \
recognition* are marked *Non-Incentivized*: they record the association (for \
recognition, revenue attribution) and pay nothing. That is right when recognition is \
all you want, and an expensive mistake otherwise.\n\nHow to fix: if you intend to \
earn the presales incentive, use `build-intent-advisor` (customers who bought through \
Volume Licensing or Web-Direct). If recognition is all you want, keep the role and \
switch the warning off (`--allow cpor-non-incentivized` for a run, or \
`[rules] cpor-non-incentivized = \"off\"` in `claimtool.toml` for the workspace).\n\n\
```toml\nsolution_area = \"business-applications\"\npartner_role = \"build-intent-advisor\"\n```",
    check: Check::Cpor(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    let Some(role) = &claim.partner_role else {
        return;
    };
    if matches!(
        role.value,
        PartnerRole::UsageRecognition | PartnerRole::InfluencedRevenueRecognition
    ) {
        out.push(
            Finding::new(
                &RULE,
                format!(
                    "the partner role \"{}\" earns no incentive payment",
                    role.value
                ),
            )
            .at(role)
            .label("Non-Incentivized in Partner Center")
            .help(
                "if you intend to earn the incentive, use \"build-intent-advisor\"; keep this \
                 role only for recognition",
            ),
        );
    }
}
