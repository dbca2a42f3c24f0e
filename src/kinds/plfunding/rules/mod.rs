//! Partner-led funding rules (`plf-`).
//!
//! Most of them look the claim's engagement up in the run's catalogue
//! ([`crate::kinds::plfunding::catalog`], in `env.catalog`) with [`engagement`]; when the name
//! is not in it, `plf-engagement-unknown` says so and the rules that need the
//! catalogue entry stay silent. Every rule runs on its own: a closed
//! engagement that the location could not get anyway gets both findings (only
//! the `plfunding engagements` screen shows a single reason).

pub mod azure_calculator;
pub mod claim_package;
pub mod consent_deadline;
pub mod customer_id;
pub mod customer_id_type;
pub mod engagement_closed;
pub mod engagement_unknown;
pub mod expiry;
pub mod funding_caveat;
pub mod hours;
pub mod location_ineligible;
pub mod solution_area;

use crate::kinds::plfunding::catalog::Engagement;
use crate::kinds::plfunding::model::{PlfClaim, Stage};
use crate::rules::Env;

use crate::rules::Rule;

pub static RULES: &[&Rule] = &[
    &engagement_unknown::RULE,
    &engagement_closed::RULE,
    &customer_id_type::RULE,
    &location_ineligible::RULE,
    &customer_id::RULE,
    &solution_area::RULE,
    &hours::RULE,
    &azure_calculator::RULE,
    &funding_caveat::RULE,
    &claim_package::RULE,
    &consent_deadline::RULE,
    &expiry::RULE,
];

/// The claim's engagement in the run's catalogue, when it names one.
pub fn engagement<'e>(env: &'e Env, claim: &PlfClaim) -> Option<&'e Engagement> {
    claim
        .engagement
        .as_ref()
        .and_then(|name| env.catalog.find(&name.value))
}

/// Whether the claim has been submitted with its package (submitted, under
/// review, partner action required, approved, rejected, disputed).
pub fn is_submitted(stage: Stage) -> bool {
    matches!(
        stage,
        Stage::Submitted
            | Stage::UnderReview
            | Stage::PartnerActionRequired
            | Stage::Approved
            | Stage::Rejected
            | Stage::Disputed
    )
}

/// "12 days left", "the last day is today", "passed 3 days ago".
pub fn days_left_text(today: chrono::NaiveDate, due: chrono::NaiveDate) -> String {
    match crate::calendar::days_left(today, due) {
        0 => "today is the last day".to_string(),
        1 => "1 day left".to_string(),
        n if n > 1 => format!("{n} days left"),
        -1 => "passed yesterday".to_string(),
        n => format!("passed {} days ago", -n),
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Runs one rule over a claim text with a chosen catalogue and date.

    use std::path::Path;

    use crate::config::Config;
    use crate::diag::Finding;
    use crate::kinds::plfunding::catalog::{Catalog, Engagement, EngagementStatus, Pay, Size};
    use crate::kinds::plfunding::model::{CustomerIdType, PlfClaim, SolutionArea};
    use crate::model::Claim;
    use crate::rules::deadline::Due;
    use crate::rules::{Env, Rule, RuleCtx};

    /// A fixed-pay Azure engagement named after its size ("size xs").
    pub(crate) fn engagement(size: Size) -> Engagement {
        Engagement {
            name: format!("size {size}"),
            program: "Test".into(),
            solution_area: SolutionArea::Azure,
            size,
            pay: Pay::Fixed,
            customer_id_types: vec![CustomerIdType::TenantId],
            status: EngagementStatus::Open,
            partner_segments: Vec::new(),
            requires_azure_calculator: false,
            customer_survey: true,
        }
    }

    /// `f` on the rule context of `text`, with the catalogue and date.
    fn with_ctx<T>(
        text: &str,
        engagements: Vec<Engagement>,
        today: &str,
        f: impl FnOnce(&RuleCtx<'_>) -> T,
    ) -> T {
        let loaded = crate::load::load_text(text.to_string(), Path::new("c.toml"), "c.toml");
        let mut env = Env::new(Config::default(), today.parse().unwrap());
        env.catalog = Catalog {
            path: None,
            engagements,
        };
        let ctx = RuleCtx::new(&loaded.source, loaded.claim.as_ref().unwrap(), &env, &[]);
        f(&ctx)
    }

    pub(crate) fn run(
        rule: &Rule,
        text: &str,
        engagements: Vec<Engagement>,
        today: &str,
    ) -> Vec<Finding> {
        with_ctx(text, engagements, today, |ctx| {
            let mut out = Vec::new();
            rule.run(ctx, &mut out);
            out
        })
    }

    /// What `deadlines` gives `claimtool status` for `text`, with the
    /// catalogue and date.
    pub(crate) fn deadlines_of(
        deadlines: fn(&RuleCtx<'_>, &PlfClaim) -> Vec<Due>,
        text: &str,
        engagements: Vec<Engagement>,
        today: &str,
    ) -> Vec<Due> {
        with_ctx(text, engagements, today, |ctx| {
            let Claim::Plfunding(claim) = ctx.claim else {
                panic!("not a plfunding claim: {:?}", ctx.claim);
            };
            deadlines(ctx, claim)
        })
    }
}
