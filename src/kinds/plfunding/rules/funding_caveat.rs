//! `plf-funding-caveat`: the customer has not been told that funding is
//! subject to final approval.

use crate::diag::{Finding, Severity};
use crate::kinds::plfunding::model::PlfClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "plf-funding-caveat",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "the customer has not been told that funding is subject to final approval",
    source: "G (\"advise End Customers that Microsoft do no guarantee the funding until final approval\")",
    docs: "\"No Funding is approved until the final PoE and documentation is submitted. \
We recommend to advise End Customers that Microsoft do no guarantee the funding until \
final approval and caveat any funding with subject to final approval. Microsoft will \
contact your customer to fill in a survey\" (G). A customer who priced the work on \
the funding and hears otherwise later is a lost customer.\n\nHow to fix: tell the \
customer (in the proposal or SOW) that the funding is subject to Microsoft's final \
approval and that Microsoft will survey them, then record it:\n\n```toml\n\
customer_informed_funding_not_guaranteed = true\n```",
    check: Check::Plfunding(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &PlfClaim, out: &mut Vec<Finding>) {
    let help = "tell the customer that the funding is subject to Microsoft's final approval and that Microsoft will survey them, then set customer_informed_funding_not_guaranteed = true";
    match &claim.customer_informed_funding_not_guaranteed {
        Some(flag) if flag.value => {}
        Some(flag) => out.push(
            Finding::new(&RULE, "the customer has not been told that funding is subject to final approval")
                .at(flag)
                .label("false")
                .help(help),
        ),
        None if ctx.is_unreadable("customer_informed_funding_not_guaranteed") => {}
        None => out.push(
            Finding::new(&RULE, "the claim does not record that the customer was told funding is subject to final approval")
                .at_span("customer_informed_funding_not_guaranteed", 0..0)
                .label("`customer_informed_funding_not_guaranteed` is not set")
                .help(help),
        ),
    }
}
