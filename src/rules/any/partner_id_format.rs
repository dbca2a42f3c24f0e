//! `partner-id-format`: the PartnerID is not 6 to 10 digits.

use crate::diag::{Finding, Severity};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "partner-id-format",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the PartnerID is not a whole number of 6 to 10 digits",
    source: "F§5.7 (the API types the PartnerID as an integer; examples have 7 digits)",
    docs: "`partner_id` is the PartnerID (formerly MPN ID) of the location making the \
claim: a whole number, usually 7 digits. A GUID (the tenant ID or the partner's Entra \
ID) or a company name here is the usual mistake.\n\nHow to fix: copy the location's \
PartnerID from Partner Center > Account settings > Identifiers (Legal info > \
Locations).\n\n```toml\npartner_id = \"4871236\"\n```",
    check: Check::Claim(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let Some(id) = ctx.claim.partner_id() else {
        return;
    };
    if !super::partner_id_is_valid(id.value.trim()) {
        let looks_like_guid = uuid::Uuid::parse_str(id.value.trim()).is_ok();
        out.push(
            Finding::new(&RULE, "the PartnerID is not a number of 6 to 10 digits")
                .at(id)
                .label(if looks_like_guid {
                    "this is a GUID, not a PartnerID"
                } else {
                    "expected digits only, like 4871236"
                })
                .help(
                    "use your location's PartnerID (Partner Center > Account settings > \
                     Identifiers), not a tenant ID or a name",
                ),
        );
    }
}
