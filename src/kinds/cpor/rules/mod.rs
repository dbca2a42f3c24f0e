//! CPOR rules (`cpor-`): the customer association and the claim for payment.
//!
//! Each rule is a [`Check::Cpor`](crate::rules::Check::Cpor) over a decoded
//! [`CporClaim`]; the helpers here are what several of them share (the GUID
//! shape, which documents count as proof of execution). [`workload_names`]
//! holds claimtool's own list of workload names, also offered by the wizard.

pub mod action_required;
pub mod azure_pal;
pub mod customer_domain;
pub mod dispute_window;
pub mod non_incentivized;
pub mod partner_role;
pub mod poe_missing;
pub mod poe_stale;
pub mod poe_template_only;
pub mod poe_unsigned;
pub mod poe_workload_uncovered;
pub mod recognition_only;
pub mod subscription_id;
pub mod tenant_id;
pub mod unknown_workload;
pub mod workloads;
pub mod workloads_inactive;

use crate::decode::Sp;
use crate::kinds::cpor::model::{CporClaim, Stage};
use crate::model::{DocType, Document};
use crate::rules::Rule;

pub static RULES: &[&Rule] = &[
    &partner_role::RULE,
    &non_incentivized::RULE,
    &azure_pal::RULE,
    &tenant_id::RULE,
    &customer_domain::RULE,
    &subscription_id::RULE,
    &recognition_only::RULE,
    &workloads::RULE,
    &unknown_workload::RULE,
    &workloads_inactive::RULE,
    &poe_missing::RULE,
    &poe_unsigned::RULE,
    &poe_template_only::RULE,
    &poe_stale::RULE,
    &poe_workload_uncovered::RULE,
    &action_required::RULE,
    &dispute_window::RULE,
];

/// Document types that support a claim but prove no execution: money
/// documents, the Azure calculator and the surveys.
const NOT_POE: &[DocType] = &[
    DocType::Invoice,
    DocType::Csr,
    DocType::PaymentReceipt,
    DocType::AzureCalculator,
    DocType::CustomerSurvey,
    DocType::PartnerSurvey,
];

/// Whether a document counts as proof of execution. A document whose `type`
/// could not be read still counts: `missing-field`/`wrong-type` report it.
pub fn is_poe(doc: &Document) -> bool {
    doc.doc_type.as_deref().is_none_or(|t| !NOT_POE.contains(t))
}

/// The claim's `[status] stage`, when given and valid.
pub fn stage(claim: &CporClaim) -> Option<&Sp<Stage>> {
    claim.status.as_ref().and_then(|s| s.stage.as_ref())
}

/// The non-blank claimed workloads.
pub fn claimed_workloads(claim: &CporClaim) -> impl Iterator<Item = &Sp<String>> {
    claim
        .workloads
        .iter()
        .flat_map(|w| w.value.iter())
        .filter(|w| !w.value.trim().is_empty())
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one rule over a claim text, for the rules' unit tests.

    use std::path::Path;

    use crate::config::Config;
    use crate::diag::Finding;
    use crate::kinds::cpor::model::CporClaim;
    use crate::model::Claim;
    use crate::rules::deadline::Due;
    use crate::rules::{Env, Rule, RuleCtx};

    /// A complete, valid CPOR claim: no rule fires on it (documents are
    /// not read by the CPOR rules, so the path need not exist here).
    pub(crate) const VALID: &str = r#"kind = "cpor"
claim_name = "Contoso - Microsoft 365 E5 rollout"
partner_id = "4871236"
solution_area = "modern-work-security"
partner_role = "use-or-consume"
customer_name = "Contoso Ltd"
customer_tenant_id = "3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b"
customer_domain = "contoso.onmicrosoft.com"
workloads = ["Exchange Online", "Microsoft Teams"]
workloads_active = true
recognition_only = false

[customer_contact]
name = "Ada Lovelace"
email = "ada.lovelace@contoso.com"
title = "CIO"

[partner_contact]
name = "Grace Hopper"
email = "grace.hopper@fabrikam.com.au"

[[documents]]
path = "signed-sow.pdf"
type = "statement-of-work"
date = 2026-09-01
signature = "digital"
signed_on = 2026-09-03
workloads = ["Exchange Online", "Microsoft Teams"]
"#;

    /// `f` on the rule context of `text`, with `today` and holidays.
    fn with_ctx<T>(
        text: &str,
        today: &str,
        holidays: &[&str],
        f: impl FnOnce(&RuleCtx<'_>) -> T,
    ) -> T {
        let loaded = crate::load::load_text(text.to_string(), Path::new("c.toml"), "c.toml");
        let claim = loaded.claim.expect("test claim decodes");
        let config = Config {
            holidays: holidays.iter().map(|h| h.parse().expect("date")).collect(),
            ..Config::default()
        };
        let env = Env::new(config, today.parse().expect("date"));
        let unreadable = crate::engine::unreadable_fields(&loaded.findings);
        let ctx = RuleCtx::new(&loaded.source, &claim, &env, &unreadable);
        f(&ctx)
    }

    /// The findings of `rule` on `text`, with `today` and holidays.
    pub(crate) fn run(
        rule: &'static Rule,
        text: &str,
        today: &str,
        holidays: &[&str],
    ) -> Vec<Finding> {
        with_ctx(text, today, holidays, |ctx| {
            let mut out = Vec::new();
            rule.run(ctx, &mut out);
            out
        })
    }

    /// What `deadlines` gives `claimtool status` for `text`, with `today`
    /// and holidays.
    pub(crate) fn deadlines_of(
        deadlines: fn(&RuleCtx<'_>, &CporClaim) -> Vec<Due>,
        text: &str,
        today: &str,
        holidays: &[&str],
    ) -> Vec<Due> {
        with_ctx(text, today, holidays, |ctx| {
            let Claim::Cpor(claim) = ctx.claim else {
                panic!("not a CPOR claim: {:?}", ctx.claim);
            };
            deadlines(ctx, claim)
        })
    }

    /// `VALID` with one line replaced (`from` must occur exactly once).
    pub(crate) fn valid_with(from: &str, to: &str) -> String {
        assert_eq!(
            VALID.matches(from).count(),
            1,
            "{from:?} not unique in VALID"
        );
        VALID.replacen(from, to, 1)
    }

    #[test]
    fn the_valid_claim_loads_without_findings() {
        let loaded = crate::load::load_text(VALID.to_string(), Path::new("c.toml"), "c.toml");
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        for rule in crate::kinds::cpor::rules::RULES {
            assert!(
                run(rule, VALID, "2026-11-26", &[]).is_empty(),
                "{} fired",
                rule.id
            );
        }
    }
}

#[cfg(test)]
mod guid_tests {
    #[test]
    fn guids_are_8_4_4_4_12_hex_with_braces_as_a_pair() {
        let g = "3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b";
        assert!(crate::rules::any::is_real_guid(g));
        assert!(crate::rules::any::is_real_guid(&format!("{{{g}}}")));
        assert!(!crate::rules::any::is_real_guid(&format!("{{{g}")));
        assert!(!crate::rules::any::is_real_guid(&format!("{g}}}")));
        assert!(!crate::rules::any::is_real_guid(
            "3f2a1c9e8b7d4e6f9a1b2c3d4e5f6a7b"
        ));
        assert!(!crate::rules::any::is_real_guid(
            "00000000-0000-0000-0000-000000000000"
        ));
    }
}
