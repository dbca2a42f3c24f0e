//! Dated deadlines: what a deadline rule computes for a claim, shared by
//! the rule's own finding and `claimtool status`.
//!
//! Each deadline rule (`cpor-action-required`, `cpor-dispute-window`,
//! `coop-claim-window`, `coop-retention`, `plf-consent-deadline`,
//! `plf-expiry`) has a public `deadlines(ctx, claim) -> Vec<Due>` built on
//! the same private function its check uses for the finding's date, so a
//! date has one computation. A kind lists its deadline functions in its
//! [`crate::kinds::KindSpec::deadlines`]; `status` calls them through
//! [`for_claim`] and never computes a date itself.

use chrono::NaiveDate;

use super::RuleCtx;

/// One dated deadline of one claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// The last day still in time.
    pub date: NaiveDate,
    /// What must be done by then, in one line ("reply to Partner action
    /// required").
    pub what: String,
    /// The id of the rule that computes it (for the score history, whose
    /// date comes from `claimtool score`'s computation, `score-eligible-through`).
    pub rule: &'static str,
    /// What to do about it, in plain words.
    pub help: &'static str,
}

impl Due {
    pub fn new(
        rule: &'static str,
        date: NaiveDate,
        what: impl Into<String>,
        help: &'static str,
    ) -> Self {
        Due {
            date,
            what: what.into(),
            rule,
            help,
        }
    }
}

/// Every dated deadline of the claim in `ctx`, from its kind's deadline
/// functions, sorted by date.
pub fn for_claim(ctx: &RuleCtx<'_>) -> Vec<Due> {
    let mut out = Vec::new();
    (crate::kinds::spec(ctx.claim.kind()).deadlines)(ctx, &mut out);
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.rule.cmp(b.rule)));
    out
}
