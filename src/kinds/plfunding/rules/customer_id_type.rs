//! `plf-customer-id-type`: "Invalid customer ID type".

use crate::decode::StrEnum;
use crate::diag::{Finding, Severity};
use crate::kinds::plfunding::catalog::Pay;
use crate::kinds::plfunding::model::{CustomerIdType, PlfClaim};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "plf-customer-id-type",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "\"Invalid customer ID type\": the engagement does not accept this customer ID type",
    source: "G (Step 6: \"Invalid customer ID type\"); F§3.4",
    docs: "Each engagement accepts customers identified by some of: domain name, tenant \
ID, TPID, Azure subscription ID (fixed pay), or only the MSX opportunity ID (variable \
pay, F§3.4). With another type, Partner Center lists the engagement under \
*Ineligible* with \"Invalid customer ID type\". The guide's screen shows it for every \
open AMM, Azure Innovate and SPF engagement when the customer is identified by domain \
name: they need the tenant ID, TPID or Azure subscription ID.\n\nHow to fix: identify \
the customer by a type the engagement accepts (its `customer_id_types` in \
`claimtool plfunding engagements`), and put that ID in `customer_id`.\n\n```toml\n\
customer_id_type = \"tenant-id\"\ncustomer_id = \"3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b\"\n```",
    check: Check::Plfunding(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &PlfClaim, out: &mut Vec<Finding>) {
    let Some(engagement) = super::engagement(ctx.env, claim) else {
        return;
    };
    let Some(id_type) = &claim.customer_id_type else {
        return;
    };
    if engagement.accepts(id_type.value) {
        return;
    }
    let accepted = match engagement.pay {
        Pay::Variable => format!(
            "\"{}\" (variable pay)",
            CustomerIdType::MsxOpportunityId.as_str()
        ),
        Pay::Fixed => engagement.customer_id_types_text(),
    };
    let mut help = format!("identify the customer by {accepted} and put that ID in `customer_id`");
    if id_type.value == CustomerIdType::Domain {
        help.push_str(
            "; the tenant ID is in the customer's Entra admin center (Overview), the TPID and subscription ID on their Azure records",
        );
    }
    out.push(
        Finding::new(
            &RULE,
            format!(
                "engagement \"{}\" does not accept customer ID type \"{}\" (Invalid customer ID type)",
                engagement.name, id_type.value
            ),
        )
        .at(id_type)
        .label("Invalid customer ID type")
        .help(help),
    );
}
