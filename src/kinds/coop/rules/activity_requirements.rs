//! `coop-activity-requirements`: what the activity type needs is missing.
//! The needs are data: [`crate::kinds::coop::facts::ACTIVITY_REQUIREMENTS`].

use crate::diag::{Finding, Severity};
use crate::kinds::coop::facts::{Need, requirements_for};
use crate::kinds::coop::model::CoopClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-activity-requirements",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "proof that the activity type requires is missing",
    source: "F§2.14 (Microsoft's core requirements per activity); R#1; R runner-up \"Pre-approval ID missing\"",
    docs: "Beyond an invoice and some evidence, each activity type has its own proof \
(Microsoft's core requirements, F§2.14; the full table with sources is in \
`docs/coop.md`):\n\n\
- `digital-advertising`: a `screenshot` and a `landing-page` (a file or a `url`)\n\
- `seminar`, `event`: an `invitation`, an `agenda`, a `photo`, and \
`metrics.registered_guests` above zero\n\
- `training`, `exam`: an `attendance-sheet` (the attendee list)\n\
- `tv-radio`: `pre_approval_id` (pre-approval is required before execution)\n\n\
One finding per missing item, at the activity type.\n\nHow to fix: attach the \
missing document or fill in the field, e.g. for a seminar:\n\n```toml\n[activity]\n\
type = \"seminar\"\nmetrics = { registered_guests = 140, attendees = 96 }\n\n\
[[documents]]\npath = \"evidence/invitation.pdf\"\ntype = \"invitation\"\n```",
    check: Check::Coop(check),
};

fn check(ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let Some(activity_type) = claim
        .activity
        .as_ref()
        .and_then(|a| a.activity_type.as_ref())
    else {
        return;
    };
    let Some(requirements) = requirements_for(activity_type.value) else {
        return;
    };
    for &need in requirements.needs {
        let unreadable = match need {
            Need::Document(_) => super::some_document_type_unreadable(ctx, claim),
            Need::Metric(name) => {
                ctx.is_unreadable("activity.metrics")
                    || ctx.is_unreadable(&format!("activity.metrics.{name}"))
            }
            Need::PreApproval => ctx.is_unreadable("activity.pre_approval_id"),
        };
        if unreadable || need.is_met(claim) {
            continue;
        }
        let help = match need {
            Need::Document(t) => format!(
                "attach it as a `[[documents]]` entry with `type = \"{t}\"` ({})",
                requirements.note
            ),
            Need::Metric(name) => format!(
                "add `metrics = {{ {name} = ... }}` to `[activity]` with the count from your registration list"
            ),
            Need::PreApproval => "add `pre_approval_id = \"...\"` to `[activity]`: Microsoft's pre-approval and final review are required before the activity runs".to_string(),
        };
        out.push(
            Finding::new(
                &RULE,
                format!(
                    "a {} activity needs {}",
                    activity_type.value,
                    need.describe()
                ),
            )
            // The field is what is missing (so a wizard shows it when that
            // is asked, not at the type); the caret is at the type needing it.
            .at_span(missing_field(need, claim), activity_type.span.clone())
            .label(format!("missing: {}", need.describe()))
            .help(help),
        );
    }
}

/// The field a missing need concerns: the documents list, the metric, or
/// the pre-approval ID.
fn missing_field(need: Need, claim: &CoopClaim) -> String {
    match need {
        Need::Document(_) => "documents".to_string(),
        Need::Metric(name) => claim
            .activity
            .as_ref()
            .and_then(|a| a.metrics.iter().find(|(k, _)| k.value == name))
            .map_or_else(
                || format!("activity.metrics.{name}"),
                |(_, v)| v.path.to_string(),
            ),
        Need::PreApproval => "activity.pre_approval_id".to_string(),
    }
}
