//! `cpor-partner-role`: "Partner activities", or a role the solution area
//! does not have.

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::{CporClaim, PartnerRole, SolutionArea};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-partner-role",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the partner role is \"partner-activities\", or not a role of the solution area",
    source: "G step 3 (\"do not select Partner Activities as this is for funds claims for Partner MCI funding only\"); F§1.4",
    docs: "Partner Center offers different partner roles (activities) per solution-area \
tab (F§1.4):\n\n\
- Modern Work and Security, and Azure as the guide shows: `use-or-consume`.\n\
- Business Applications: `build-intent-advisor`, `usage-recognition`, \
`influenced-revenue-recognition`.\n\n\
`partner-activities` is never right for a CPOR association: it is the entry point of \
partner-led (MCI) funding claims, which claimtool handles as `kind = \"plfunding\"`. \
Claiming with the wrong role \"may result in missed eligibility and incentive \
earnings\".\n\nHow to fix: pick the role of the solution area; for partner-led \
funding write a `plfunding` claim instead.\n\n\
```toml\nsolution_area = \"modern-work-security\"\npartner_role = \"use-or-consume\"\n```",
    check: Check::Cpor(check),
};

/// The roles Partner Center offers on a solution area's tab.
pub fn roles_of(area: SolutionArea) -> &'static [PartnerRole] {
    match area {
        SolutionArea::ModernWorkSecurity | SolutionArea::Azure => &[PartnerRole::UseOrConsume],
        SolutionArea::BusinessApplications => &[
            PartnerRole::BuildIntentAdvisor,
            PartnerRole::UsageRecognition,
            PartnerRole::InfluencedRevenueRecognition,
        ],
    }
}

fn check(_ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    let Some(role) = &claim.partner_role else {
        return;
    };
    if role.value == PartnerRole::PartnerActivities {
        out.push(
            Finding::new(&RULE, "\"partner-activities\" is not a CPOR partner role")
                .at(role)
                .label("for partner-led funding claims only")
                .help(
                    "choose the role of your solution area (use-or-consume for Modern Work and \
                     Security); for partner-led (MCI) funding write a kind = \"plfunding\" claim",
                ),
        );
        return;
    }
    let Some(area) = &claim.solution_area else {
        return;
    };
    let allowed = roles_of(area.value);
    if !allowed.contains(&role.value) {
        let names: Vec<&str> = allowed
            .iter()
            .map(|r| crate::decode::StrEnum::as_str(*r))
            .collect();
        out.push(
            Finding::new(
                &RULE,
                format!(
                    "the partner role \"{}\" does not exist for {}",
                    role.value, area.value
                ),
            )
            .at(role)
            .label(format!("not a {} role", area.value))
            .help(format!(
                "use {} for {}, or correct solution_area",
                crate::decode::quoted_list(names),
                area.value
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run, valid_with};
    use super::*;

    #[test]
    fn roles_follow_the_solution_area() {
        let ba = valid_with(
            "solution_area = \"modern-work-security\"",
            "solution_area = \"business-applications\"",
        );
        let found = run(&RULE, &ba, "2026-11-26", &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field.as_deref(), Some("partner_role"));
        let advisor = ba.replace("use-or-consume", "build-intent-advisor");
        assert!(run(&RULE, &advisor, "2026-11-26", &[]).is_empty());
        let azure = valid_with("modern-work-security", "azure");
        assert!(run(&RULE, &azure, "2026-11-26", &[]).is_empty());
        let activities = valid_with("use-or-consume", "partner-activities");
        assert_eq!(run(&RULE, &activities, "2026-11-26", &[]).len(), 1);
    }
}
