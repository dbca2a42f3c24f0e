//! `poe-customer-not-named`: no readable PoE document names the customer.

use crate::diag::{Finding, Severity};
use crate::model::Claim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "poe-customer-not-named",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "no readable PoE document names the customer (name, tenant ID or domain)",
    source: "R#7 (customer details in the PoE don't match the claim); F§1.11",
    docs: "The reviewer checks that the PoE is about the customer of the claim. claimtool \
reads the text of every PoE document it can (for partner-led claims, not the invoices, \
estimates and surveys) and looks for the customer's name (a trailing legal form such as \
Ltd, Pty Ltd, Inc or GmbH is dropped, case and punctuation ignored), its tenant ID or its \
domain. It stays silent when no PoE document is readable (see `poe-unreadable`).\n\n\
How to fix: attach the PoE made out to this customer, or correct `customer_name` to the \
name the documents use.",
    check: Check::Kinds {
        kinds: super::SIGNED_POE_KINDS,
        scope: "cpor, plfunding",
        check,
    },
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let needles = super::CustomerNeedles::of(ctx.claim);
    if needles.is_empty() {
        return;
    }
    let items = super::inspected(ctx, super::poe_documents(ctx.claim));
    let texts: Vec<_> = items.iter().filter_map(|i| i.text()).collect();
    if texts.is_empty() || texts.iter().any(|t| needles.named_in(t)) {
        return;
    }
    let name = match ctx.claim {
        Claim::Cpor(c) => c.customer_name.as_ref(),
        Claim::Plfunding(c) => c.customer_name.as_ref(),
        _ => None,
    };
    let shown = needles.name.as_deref().unwrap_or("the customer");
    let mut finding = Finding::new(
        &RULE,
        format!(
            "no readable PoE document names {shown} (nor its tenant ID or domain); read: {}",
            items
                .iter()
                .filter(|i| i.text().is_some())
                .map(|i| format!("`{}`", i.path.value))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
    .label("not found in the documents")
    .help("attach the PoE made out to this customer, or use the name the documents use");
    finding = match (name, items.first()) {
        (Some(name), _) => finding.at(name),
        (None, Some(item)) => finding.at(item.path),
        (None, None) => finding,
    };
    out.push(finding);
}
