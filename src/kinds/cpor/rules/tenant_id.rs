//! `cpor-tenant-id`: the customer tenant ID is not a GUID.

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::CporClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-tenant-id",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "customer tenant ID is not a GUID",
    source: "G (\"Enter the tenant ID corresponding to domain.onmicrosoft.com\"); F§5.8",
    docs: "Partner Center's *Customer tenant ID\\** takes the customer's Microsoft Entra \
tenant (directory) ID: a GUID of 8-4-4-4-12 hex digits. A domain name \
(`contoso.onmicrosoft.com`) or the all-zero GUID is the usual mistake; Partner Center \
refuses the first, and a placeholder GUID associates nothing.\n\nHow to fix: use the \
tenant ID of the customer's domain.onmicrosoft.com (Entra admin center > Overview > \
Tenant ID).\n\n```toml\ncustomer_tenant_id = \"3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b\"\n```",
    check: Check::Cpor(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    let Some(tenant) = &claim.customer_tenant_id else {
        return;
    };
    if crate::rules::any::is_real_guid(&tenant.value) {
        return;
    }
    let nil = uuid::Uuid::parse_str(tenant.value.trim()).is_ok_and(|u| u.is_nil());
    out.push(
        Finding::new(
            &RULE,
            if nil {
                "customer tenant ID is the all-zero GUID"
            } else {
                "customer tenant ID is not a GUID"
            },
        )
        .at(tenant)
        .label(if nil {
            "a placeholder, not a tenant"
        } else {
            "expected 8-4-4-4-12 hex digits"
        })
        .help("use the tenant ID of the customer's domain.onmicrosoft.com (Entra admin center > Overview)"),
    );
}
