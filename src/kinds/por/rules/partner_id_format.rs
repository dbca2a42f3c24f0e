//! `por-partner-id-format`: the reseller's PartnerID is not 6 to 10 digits.

use crate::diag::{Finding, Severity};
use crate::kinds::por::model::PorOrder;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "por-partner-id-format",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "reseller_partner_id is not a PartnerID (6 to 10 digits)",
    source: "F§5.7 (the API types the PartnerID as an integer; examples have 7 digits); F§5.12 (error 2000: \"MPN Id must be numeric\")",
    docs: "`reseller_partner_id` is the indirect reseller's location PartnerID (PLA ID, \
formerly MPN ID), the ID Partner Center sets as Partner of Record: a whole number, \
usually 7 digits (F§5.7). Partner Center answers anything else with error 2000 \
(\"MPN Id must be numeric\", F§5.12). A tenant GUID or the reseller's name is the \
usual mistake. On `kind = \"por\"` files this rule replaces `partner-id-format` and \
`partner-id-unknown`, and an ID in the wrong form is not looked up in the reseller \
list.\n\nHow to fix: copy the reseller's PartnerID from your reseller list (Partner \
Center > Customers > Indirect resellers, or `claimtool por resellers`).\n\n\
```toml\nreseller_partner_id = \"4871236\"\n```",
    check: Check::Por(check),
};

fn check(_ctx: &RuleCtx<'_>, order: &PorOrder, out: &mut Vec<Finding>) {
    let Some(id) = &order.reseller_partner_id else {
        return;
    };
    if crate::rules::any::partner_id_is_valid(id.value.trim()) {
        return;
    }
    let guid = uuid::Uuid::parse_str(id.value.trim()).is_ok();
    out.push(
        Finding::new(
            &RULE,
            format!("\"{}\" is not a reseller PartnerID (6 to 10 digits)", id.value),
        )
        .at(id)
        .label(if guid {
            "this is a GUID (a tenant ID?), not a PartnerID"
        } else {
            "expected digits only, like 4871236"
        })
        .help("use the reseller's PartnerID (PLA ID) from your reseller list: `claimtool por resellers`"),
    );
}
