//! `plf-azure-calculator`: an AMM claim without its Azure Pricing Calculator
//! estimate.

use crate::diag::{Finding, Severity};
use crate::kinds::plfunding::model::PlfClaim;
use crate::model::DocType;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "plf-azure-calculator",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "an engagement that requires an Azure Pricing Calculator estimate has none",
    source: "G (\"For all AMM Azure funding Microsoft require an Azure Calculator to be done this is required for the PoE upload\")",
    docs: "\"For all AMM Azure funding Microsoft require an Azure Calculator to be done \
this is required for the PoE upload, under no circumstances Microsoft will expect any \
other calculations, documentation\" (G). Engagements whose catalogue entry has \
`requires_azure_calculator = true` (every AMM one in the built-in catalogue) need a \
document of type `azure-calculator`: the estimate exported from the Azure Pricing \
Calculator.\n\nHow to fix: build the estimate at the Azure Pricing Calculator, export \
it (Excel), and add it:\n\n```toml\n[[documents]]\npath = \"poe/azure-calculator-estimate.xlsx\"\n\
type = \"azure-calculator\"\ndate = 2026-09-10\n```",
    check: Check::Plfunding(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &PlfClaim, out: &mut Vec<Finding>) {
    let Some(engagement) = super::engagement(ctx.env, claim) else {
        return;
    };
    let Some(name) = &claim.engagement else {
        return;
    };
    if !engagement.requires_azure_calculator
        || claim
            .documents
            .iter()
            .any(|d| d.is_type(DocType::AzureCalculator))
    {
        return;
    }
    out.push(
        Finding::new(
            &RULE,
            format!(
                "engagement \"{}\" requires an Azure Pricing Calculator estimate and the claim has none",
                engagement.name
            ),
        )
        // The missing thing is a document: the finding's field is
        // `documents` (so the wizard does not re-ask the engagement for it),
        // its place the engagement that requires it.
        .at_span("documents", name.span.clone())
        .label("needs a document of type \"azure-calculator\"")
        .help("export the estimate from the Azure Pricing Calculator and add it as [[documents]] with type = \"azure-calculator\""),
    );
}
