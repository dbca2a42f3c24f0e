//! `cpor-poe-template-only`: the only PoE is the Microsoft template.

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::CporClaim;
use crate::model::DocType;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-poe-template-only",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "the only PoE is the Microsoft PoE template",
    source: "G step 8 (\"The downloadable PoE that Microsoft provide, can be used however we recommend providing more information\"); F§1.11; R#8",
    docs: "Microsoft's downloadable PoE template is accepted, but on its own it rarely \
shows *what* was delivered: reviewers ask for more (\"Missing partner solution/service \
description\", \"no product connection\"). The guide recommends adding a Statement of \
Work, emails from the customer, support tickets and anything else that shows the \
work.\n\nHow to fix: attach at least one more document that evidences the work \
(`type = \"statement-of-work\"`, `\"customer-email\"`, `\"support-ticket\"`, \
`\"contract\"`), naming the workloads it covers.\n\n\
```toml\n[[documents]]\npath = \"poe/go-live-email.eml\"\ntype = \"customer-email\"\n\
date = 2026-09-10\nworkloads = [\"Microsoft Teams\"]\n```",
    check: Check::Cpor(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    let mut poe = claim.documents.iter().filter(|d| super::is_poe(d));
    let Some(first) = poe.next() else { return };
    if !first.is_type(DocType::MicrosoftPoeTemplate)
        || !poe.all(|d| d.is_type(DocType::MicrosoftPoeTemplate))
    {
        return;
    }
    let Some(doc_type) = &first.doc_type else {
        return;
    };
    out.push(
        Finding::new(
            &RULE,
            "the only proof of execution is the Microsoft PoE template",
        )
        .at(doc_type)
        .label("add more evidence")
        .help(
            "also attach a Statement of Work, customer emails or support tickets that show \
                 the work and name the workloads",
        ),
    );
}
