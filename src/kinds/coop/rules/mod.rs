//! Co-op claim rules (`coop-`): Partner Center > Incentives > Co-op
//! management > Create new claim, in the order of spec/rules.md. The
//! computations they share (periods, windows, invoice totals, the activity
//! requirements table) live in the library ([`crate::kinds::coop::fiscal`],
//! [`crate::money`], [`crate::kinds::coop::facts`]) so the wizard and the bundle use the
//! same ones.

pub mod activity_dates;
pub mod activity_outside_period;
pub mod activity_requirements;
pub mod amount;
pub mod amount_mismatch;
pub mod claim_window;
pub mod currency;
pub mod document_date;
pub mod evidence_missing;
pub mod fund_category;
pub mod invoice_amount_not_found;
pub mod invoice_details;
pub mod invoice_missing;
pub mod over_available;
pub mod program;
pub mod receipt_missing;
pub mod retention;
pub mod usage_period;

use crate::rules::Rule;

pub static RULES: &[&Rule] = &[
    &program::RULE,
    &fund_category::RULE,
    &usage_period::RULE,
    &activity_dates::RULE,
    &activity_outside_period::RULE,
    &claim_window::RULE,
    &amount::RULE,
    &currency::RULE,
    &invoice_missing::RULE,
    &amount_mismatch::RULE,
    &invoice_details::RULE,
    &invoice_amount_not_found::RULE,
    &receipt_missing::RULE,
    &evidence_missing::RULE,
    &activity_requirements::RULE,
    &document_date::RULE,
    &over_available::RULE,
    &retention::RULE,
];

/// Whether a document's `type` was written but could not be read
/// (`wrong-type`, e.g. a typo): the "no document of type X" rules then stay
/// silent, since the unreadable one may be it (one mistake, one finding).
fn some_document_type_unreadable(
    ctx: &crate::rules::RuleCtx<'_>,
    claim: &crate::kinds::coop::model::CoopClaim,
) -> bool {
    claim
        .documents
        .iter()
        .any(|d| ctx.is_unreadable(&d.field_path("type")))
}

/// Text compared the way a person reads a drop-down label: case and runs
/// of spaces do not matter.
fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one co-op rule and one deadline function over a claim text, for
    //! the rules' unit tests.

    use std::path::Path;

    use crate::config::Config;
    use crate::diag::Finding;
    use crate::kinds::coop::model::CoopClaim;
    use crate::model::Claim;
    use crate::rules::deadline::Due;
    use crate::rules::{Env, Rule, RuleCtx};

    /// The findings of `rule` and what `deadlines` gives `claimtool status`
    /// for the claim `text`, on `today`.
    pub(crate) fn findings_and_deadlines(
        rule: &'static Rule,
        deadlines: fn(&RuleCtx<'_>, &CoopClaim) -> Vec<Due>,
        text: &str,
        today: &str,
    ) -> (Vec<Finding>, Vec<Due>) {
        let loaded = crate::load::load_text(text.to_string(), Path::new("c.toml"), "c.toml");
        let claim = loaded.claim.expect("test claim decodes");
        let Claim::Coop(coop) = &claim else {
            panic!("not a co-op claim: {claim:?}");
        };
        let env = Env::new(Config::default(), today.parse().expect("date"));
        let unreadable = crate::engine::unreadable_fields(&loaded.findings);
        let ctx = RuleCtx::new(&loaded.source, &claim, &env, &unreadable);
        let mut out = Vec::new();
        rule.run(&ctx, &mut out);
        let due = deadlines(&ctx, coop);
        (out, due)
    }
}
