//! `por-validation-failed`: Microsoft's validateresellers said the PartnerID fails.

use crate::diag::{Finding, Severity};
use crate::kinds::por::model::PorOrder;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "por-validation-failed",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the saved validateresellers response says this PartnerID is not valid as Partner of Record",
    source: "F§5.11 (POST /v1/partners/validateresellers; errorCode 900400 documented, the full list of codes not found)",
    docs: "Partner Center's `POST /v1/partners/validateresellers` answers, for each \
PartnerID, `isValidPartnerIdOnRecord` with an `errorCode` and `errorDescription` when \
false (F§5.11, Learn validate-reseller-partner-of-record). Given its saved response \
(`--validation FILE` or `[por] validation`), this rule reports every order naming a \
PartnerID Microsoft said is not valid, quoting Microsoft's code and text verbatim. \
Only 900400 is documented; the full list of codes was not found.\n\nHow to fix: act \
on Microsoft's error description (usually an inactive PLA or a missing \
authorization), call the API again, and save the new response.",
    check: Check::Por(check),
};

fn check(ctx: &RuleCtx<'_>, order: &PorOrder, out: &mut Vec<Finding>) {
    let Some(id) = super::partner_id(order) else {
        return;
    };
    let Some(validation) = super::por_env(ctx).ok().and_then(|e| e.validation.as_ref()) else {
        return;
    };
    let Some(result) = validation.get(&id.value) else {
        return;
    };
    if result.is_valid_partner_id_on_record {
        return;
    }
    let code = result
        .error_code
        .as_ref()
        .map_or_else(|| "none".to_string(), std::string::ToString::to_string);
    let description = result.error_description.as_deref().unwrap_or("");
    out.push(
        Finding::new(
            &RULE,
            format!(
                "Microsoft's validateresellers says {} is not valid on record: errorCode {code}, \
                 errorDescription \"{description}\"",
                id.value.trim()
            ),
        )
        .at(id)
        .label("failed Partner Center's POR validation")
        .help("resolve Microsoft's error, then call validateresellers again and save the response"),
    );
}
