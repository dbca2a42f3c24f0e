//! `plf-claim-package`: a submitted claim without its full claim package.

use crate::decode::Sp;
use crate::diag::{Finding, Severity};
use crate::kinds::plfunding::catalog::Size;
use crate::kinds::plfunding::model::PlfClaim;
use crate::model::{DocType, Document};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "plf-claim-package",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "submitted without the claim package: PoE (or findings and recommendations), customer survey, partner survey",
    source: "F§3.8 (claim PoE package); G (\"Microsoft will contact your customer to fill in a survey\")",
    docs: "The claim for a partner-led engagement is submitted as a package (F§3.8): \
the PoE document (for workshops, the *Findings & recommendations* document), the \
customer survey (triggered by the partner, completed by the customer) and the partner \
survey, plus an invoice where one applies. At stage `submitted` or later (under \
review, partner action required, approved, rejected, disputed) claimtool checks:\n\n\
- a PoE document: any `[[documents]]` type except `invoice`, `payment-receipt`, \
`azure-calculator`, `customer-survey`, `partner-survey`; for an engagement of size \
`workshop`, a document of type `findings-and-recommendations`;\n\
- `customer_survey_completed = true`, unless the catalogue entry says \
`customer_survey = false`;\n\
- `partner_survey_completed = true`.\n\n\
Surveys can be re-sent before the submittal expiry date; changing the contact voids \
the survey link.\n\nHow to fix: add the missing document, or have the survey completed \
(re-send it from Partner Center if needed) and record it:\n\n```toml\n\
customer_survey_completed = true\npartner_survey_completed = true\n```",
    check: Check::Plfunding(check),
};

/// Document types that are not proof of execution.
pub const NOT_POE: &[DocType] = &[
    DocType::Invoice,
    DocType::PaymentReceipt,
    DocType::AzureCalculator,
    DocType::CustomerSurvey,
    DocType::PartnerSurvey,
];

/// Whether a document counts as the claim package's PoE: for a workshop
/// the findings and recommendations document, else any document but an
/// invoice, a receipt, the calculator estimate or a survey. (SUBMIT.md and
/// the checklist list the same documents.)
pub fn is_poe(doc: &Document, workshop: bool) -> bool {
    doc.doc_type.as_ref().is_some_and(|t| {
        if workshop {
            t.value == DocType::FindingsAndRecommendations
        } else {
            !NOT_POE.contains(&t.value)
        }
    })
}

fn check(ctx: &RuleCtx<'_>, claim: &PlfClaim, out: &mut Vec<Finding>) {
    let stage = claim.stage();
    if !super::is_submitted(stage) {
        return;
    }
    let Some(stage_sp) = claim.status.as_ref().and_then(|s| s.stage.as_ref()) else {
        return;
    };
    let engagement = super::engagement(ctx.env, claim);
    let workshop = engagement.is_some_and(|e| e.size == Size::Workshop);
    let needs_customer_survey = engagement.is_none_or(|e| e.customer_survey);

    let has_poe = claim.documents.iter().any(|d| is_poe(d, workshop));
    if !has_poe {
        let (message, help) = if workshop {
            (
                format!(
                    "the claim is {stage} but has no findings-and-recommendations document (a workshop's PoE)"
                ),
                "add the workshop's findings and recommendations document as [[documents]] with type = \"findings-and-recommendations\"",
            )
        } else {
            (
                format!("the claim is {stage} but has no PoE document"),
                "add the proof of execution (e.g. the signed SOW) as [[documents]]; invoices, receipts, the calculator estimate and surveys do not count",
            )
        };
        out.push(
            Finding::new(&RULE, message)
                .at(stage_sp)
                .label("no PoE in the package")
                .help(help),
        );
    }
    let mut survey = |flag: &Option<Sp<bool>>, who: &str, key: &str| {
        if flag.as_ref().is_some_and(|f| f.value) || ctx.is_unreadable(key) {
            return;
        }
        let f = Finding::new(
            &RULE,
            format!("the claim is {stage} but the {who} survey is not completed"),
        );
        let f = match flag {
            Some(flag) => f.at(flag).label("not completed"),
            None => f.at(stage_sp).label(format!("`{key}` is not set")),
        };
        out.push(f.help(format!(
            "have the {who} survey completed (re-send it from Partner Center before the submission expires), then set {key} = true"
        )));
    };
    if needs_customer_survey {
        survey(
            &claim.customer_survey_completed,
            "customer",
            "customer_survey_completed",
        );
    }
    survey(
        &claim.partner_survey_completed,
        "partner",
        "partner_survey_completed",
    );
}
