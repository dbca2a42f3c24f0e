//! `por-unknown-mpa`: the list does not say whether the reseller accepted the MPA.

use crate::diag::{Finding, Severity};
use crate::kinds::por::model::PorOrder;
use crate::kinds::por::roster::Format;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "por-unknown-mpa",
    default_severity: Severity::Info,
    severity_note: None,
    summary: "the reseller list does not say whether the reseller accepted the MPA",
    source: "F§5.3; F§5.13 (the relationships API has no MPA field); F§5.14 (the agreement-status API)",
    docs: "Whether a reseller accepted the Microsoft Partner Agreement for the CSP region \
(F§5.3) is not in Partner Center's relationships API (F§5.13), so a JSON list never \
says, and a CSV list may leave `mpa_accepted` empty. claimtool cannot tell; Partner \
Center will (error 2203).\n\nHow to fix: check it with GET \
/v1/compliance/csp/agreementstatus?mpnId=... (F§5.14) or in Partner Center, and \
record it in the CSV list's `mpa_accepted` column.",
    check: Check::Por(check),
};

fn check(ctx: &RuleCtx<'_>, order: &PorOrder, out: &mut Vec<Finding>) {
    let Some((env, id, r)) = super::reseller(ctx, order) else {
        return;
    };
    if r.mpa_accepted.is_some() {
        return;
    }
    let why = match env.roster.format {
        Format::Json => "Partner Center's relationships list never says",
        Format::Csv => "its mpa_accepted cell is empty",
    };
    out.push(
        Finding::new(
            &RULE,
            format!(
                "whether {} accepted the MPA is unknown: {why}",
                super::who(r)
            ),
        )
        .at(id)
        .label("MPA status unknown")
        .help(
            "check with GET /v1/compliance/csp/agreementstatus?mpnId=... and fill in mpa_accepted",
        ),
    );
}
