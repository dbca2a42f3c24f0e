//! `plf-engagement-unknown`: the engagement is not in the catalogue.

use crate::decode::quoted_list;
use crate::diag::{Finding, Severity};
use crate::kinds::plfunding::model::PlfClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "plf-engagement-unknown",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the engagement is not in the engagement catalogue",
    source: "G (\"Add customer | Associate engagement\": the list of engagements)",
    docs: "`engagement` must be the exact name of an engagement of the catalogue \
(the built-in one, the file named by `[catalog] engagements` in `claimtool.toml`, or \
`--catalog FILE`), as Partner Center lists it on *Associate engagement*. Every other \
partner-led check (closed, location, customer ID type, size and expiry, Azure \
Calculator) needs the catalogue entry, so they stay silent until the name matches.\n\n\
How to fix: copy the name from `claimtool plfunding engagements`; if Microsoft has \
added the engagement since, add it to your own catalogue (see docs/plfunding.md).\n\n\
```toml\nengagement = \"AMM PL: Infra/Database Migration SMB (Small)\"\n```",
    check: Check::Plfunding(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &PlfClaim, out: &mut Vec<Finding>) {
    let Some(name) = &claim.engagement else {
        return;
    };
    let catalog = &ctx.env.catalog;
    if catalog.find(&name.value).is_some() {
        return;
    }
    let near = catalog.nearest_names(&name.value, 3);
    let help = if near.is_empty() {
        format!(
            "`claimtool plfunding engagements` lists the {} engagements of the {}; add this one to your own catalogue if Microsoft has added it",
            catalog.engagements.len(),
            catalog.name()
        )
    } else {
        format!(
            "did you mean {}? `claimtool plfunding engagements` lists them all",
            quoted_list(near)
        )
    };
    out.push(
        Finding::new(
            &RULE,
            format!(
                "engagement \"{}\" is not in the {}",
                name.value.trim(),
                catalog.name()
            ),
        )
        .at(name)
        .label("unknown engagement")
        .help(help),
    );
}
