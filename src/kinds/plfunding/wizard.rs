//! The partner-led funding wizard's questions, in the guide's order: the
//! Customer claims tab (solution area), *Associate customer* (claim name,
//! partner location, customer ID type and ID), *Associate engagement* (only
//! the engagements this customer and location are eligible for, the others
//! shown with Partner Center's reason; the hours of a variable-pay
//! engagement), *Contact information*, then the documents of the claim
//! package. The screening is the library's ([`crate::kinds::plfunding::catalog::ScreenReport`],
//! the same as `claimtool plfunding engagements`); the checks are the rules',
//! through [`crate::wizard::Wizard`].

use crate::decode::StrEnum;
use crate::kinds::plfunding::catalog::{
    Catalog, Engagement, NONE_ELIGIBLE, Pay, ScreenLocation, ScreenReport, Size,
};
use crate::kinds::plfunding::facts::{id_type_name, tab_name};
use crate::kinds::plfunding::model::{CustomerIdType, SolutionArea};
use crate::kinds::plfunding::rules::funding_caveat;
use crate::model::{DocType, Kind};

use crate::wizard::{Ask, Choice, Script, Wizard, WizardError};

/// `claimtool plfunding new`.
pub static SCRIPT: Script = Script {
    kind: Kind::Plfunding,
    name_field: "claim_name",
    intro: "Partner Center > Incentives > Customer claims > (tab) > Partner activities > Add customer, screen by screen.",
    questions,
    later: &[],
    costly: &[&funding_caveat::RULE],
};

fn questions(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    let area = solution_area(w)?;
    associate_customer(w)?;
    let engagement = associate_engagement(w, area)?;
    contacts(w)?;
    documents(w, engagement.as_ref())
}

fn solution_area(w: &mut Wizard<'_>) -> Result<SolutionArea, WizardError> {
    w.section(
        "Customer claims",
        "the solution-area tab, then Partner activities",
    );
    let area = w.choose(
        Ask::new("solution_area", "Solution area tab")
            .comment("the Customer claims tab the engagement is on")
            .default(Some(SolutionArea::Azure.as_str())),
        &Choice::all(|a: SolutionArea| tab_name(a).to_string()),
    )?;
    Ok(SolutionArea::parse(&area).unwrap_or(SolutionArea::Azure))
}

fn associate_customer(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    crate::wizard::questions::associate_customer(w)?;
    customer_id(w)
}

/// *Customer ID type* and *Customer ID*, checked together (the ID's form
/// depends on its type).
fn customer_id(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    let fields = ["customer_id_type".to_string(), "customer_id".to_string()];
    w.group(&fields, |w| {
        let before = w.draft().str("customer_id_type").map(str::to_string);
        let id_type = w.choose(
            Ask::new("customer_id_type", "Customer ID type")
                .comment("\"Customer ID type*\": fixed-pay engagements take some of domain, tenant ID, TPID, Azure subscription ID; variable pay only the MSX opportunity ID")
                .default(Some(CustomerIdType::TenantId.as_str())),
            &Choice::all(|t: CustomerIdType| id_type_name(t).to_string()),
        )?;
        let prompt = match CustomerIdType::parse(&id_type) {
            Some(CustomerIdType::Domain) => {
                "Customer ID: the domain (test.com if the customer's email is abc@test.com)"
            }
            Some(CustomerIdType::TenantId) => "Customer ID: the tenant ID (a GUID)",
            Some(CustomerIdType::Tpid) => "Customer ID: the TPID (digits)",
            Some(CustomerIdType::AzureSubscriptionId) => {
                "Customer ID: the Azure subscription ID (a GUID)"
            }
            _ => "Customer ID: the MSX opportunity ID",
        };
        // An ID typed for another type is not offered for this one.
        let changed = before.is_some_and(|b| b != id_type);
        w.text(
            Ask::new("customer_id", prompt)
                .comment("\"Customer ID*\"")
                .fresh(changed),
        )?;
        Ok(())
    })
}

/// Partner Center's *Associate engagement* screen: the ineligible
/// engagements with their reason, then a choice among the eligible ones.
/// With none eligible, [`change_when_none_eligible`] offers what can help.
fn associate_engagement(
    w: &mut Wizard<'_>,
    mut area: SolutionArea,
) -> Result<Option<Engagement>, WizardError> {
    w.section(
        "Associate engagement",
        "Add customer | Associate engagement",
    );
    loop {
        let (eligible, ineligible) = screen(w, area);
        if !ineligible.is_empty() {
            w.note("Ineligible (as Partner Center shows them):");
            for line in &ineligible {
                w.note(line);
            }
        }
        if eligible.is_empty() {
            area = change_when_none_eligible(w, area, ineligible.is_empty())?;
            continue;
        }
        let choices: Vec<Choice> = eligible
            .iter()
            .map(|e| {
                Choice::new(
                    e.name.as_str(),
                    format!("{} ({}, {} pay)", e.name, e.size, e.pay),
                )
            })
            .collect();
        let fields = ["engagement".to_string(), "hours".to_string()];
        let chosen = w.group(&fields, |w| {
            let name = w.choose(
                Ask::new("engagement", "Engagement (Eligible)")
                    .comment("the engagement's exact name, as `claimtool plfunding engagements` lists it"),
                &choices,
            )?;
            let engagement = eligible.iter().find(|e| e.name == name).cloned();
            if engagement.as_ref().is_some_and(|e| e.pay == Pay::Variable) {
                w.note(
                    "Variable pay: the number of hours can't be changed after the Add customer flow is completed (F§3.4).",
                );
                w.text(
                    Ask::new("hours", "Number of hours (whole hours; cannot be changed later)")
                        .comment("variable pay: the agreed hours; they cannot be changed after Add customer")
                        .integer(),
                )?;
            } else {
                w.clear("hours")?;
            }
            Ok(engagement)
        })?;
        w.flag(
            Ask::new(
                "customer_informed_funding_not_guaranteed",
                "Have you told the customer the funding is subject to Microsoft's final approval (and that Microsoft will survey them)?",
            )
            .comment("the customer knows the funding is subject to final approval (G)"),
            None,
        )?;
        return Ok(chosen);
    }
}

/// No engagement is eligible: says why, and offers what can change it:
/// another solution-area tab, and (when the tab has engagements at all)
/// the customer ID type, the ID or the location. When the catalogue has
/// no engagement on the tab, it says so and names `--catalog`. Stopping
/// keeps the draft. Returns the tab to screen next.
fn change_when_none_eligible(
    w: &mut Wizard<'_>,
    area: SolutionArea,
    empty_tab: bool,
) -> Result<SolutionArea, WizardError> {
    if empty_tab {
        let catalog = match &w.catalog().path {
            Some(p) => format!("The engagement catalogue {}", p.display()),
            None => "The built-in engagement catalogue".to_string(),
        };
        w.note(&format!(
            "{catalog} has no engagement on the {} tab. Choose another tab, or give a catalogue \
             that has some with --catalog FILE (or [catalog] engagements in claimtool.toml).",
            tab_name(area)
        ));
    } else {
        w.note(&format!("{NONE_ELIGIBLE}."));
    }
    let mut items = vec!["Choose another solution-area tab".to_string()];
    if !empty_tab {
        items.push("Change the customer ID type, the customer ID or the partner location".into());
    }
    items.push("Stop here (the draft keeps your answers)".into());
    let default = usize::from(!empty_tab);
    let choice = w.select("What now?", &items, default)?;
    if choice == 0 {
        return solution_area(w);
    }
    if choice == 1 && !empty_tab {
        crate::wizard::questions::partner_id(w)?;
        customer_id(w)?;
        return Ok(area);
    }
    let reason = if empty_tab {
        format!(
            "the catalogue has no engagement on the {} tab",
            tab_name(area)
        )
    } else {
        "no engagement is eligible for this customer and location".to_string()
    };
    Err(WizardError::Stopped {
        reason,
        draft: None,
    })
}

/// The screen for the draft's tab, customer ID type and location: the
/// eligible engagements, and "name - reason" for the others.
fn screen(w: &Wizard<'_>, area: SolutionArea) -> (Vec<Engagement>, Vec<String>) {
    let draft = w.draft();
    let id_type = draft
        .str("customer_id_type")
        .and_then(CustomerIdType::parse);
    let location = ScreenLocation::resolve(w.config(), draft.str("partner_id"));
    let catalog: &Catalog = w.catalog();
    let report = ScreenReport::new(catalog, Some(area), id_type, location);
    let mut eligible = Vec::new();
    let mut ineligible = Vec::new();
    for s in &report.engagements {
        match s.reason {
            None => eligible.push(s.engagement.clone()),
            Some(r) => ineligible.push(format!("  {} - {}", s.engagement.name, r.text())),
        }
    }
    (eligible, ineligible)
}

fn contacts(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    w.section(
        "Contact information",
        "Microsoft emails the customer contact for consent, and later the survey",
    );
    w.table_comment(
        "customer_contact",
        "the customer's contact: consent and survey go here",
    );
    w.table_comment("partner_contact", "your company's contact for this claim");
    crate::wizard::questions::contact_questions(w)
}

fn documents(w: &mut Wizard<'_>, engagement: Option<&Engagement>) -> Result<(), WizardError> {
    w.section(
        "Claim package",
        "the documents submitted with the claim (PoE, Azure Pricing Calculator estimate...)",
    );
    w.table_comment(
        "documents",
        "a document of the claim package; path is relative to this file",
    );
    let calculator = engagement.is_some_and(|e| e.requires_azure_calculator);
    let workshop = engagement.is_some_and(|e| e.size == Size::Workshop);
    if calculator {
        w.note("This engagement needs the Azure Pricing Calculator estimate (\"For all AMM Azure funding Microsoft require an Azure Calculator\"): add its Excel export as a document of type azure-calculator.");
    }
    if workshop {
        w.note("A workshop's PoE is the findings and recommendations document (type findings-and-recommendations).");
    }
    w.note(crate::wizard::questions::PATHS_NOTE);
    w.note("The customer and partner surveys come later, with the submission.");
    w.entries(
        "documents",
        crate::wizard::questions::keep_document("document"),
        |w, i| {
            let prompt = if i == 0 {
                "Add a document? (the PoE; for AMM also the calculator estimate)"
            } else {
                "Add another document?"
            };
            (prompt.into(), i == 0 || (calculator && !has_calculator(w)))
        },
        |w, i| {
            let default = if calculator && i > 0 && !has_calculator(w) {
                DocType::AzureCalculator
            } else if workshop {
                DocType::FindingsAndRecommendations
            } else {
                DocType::StatementOfWork
            };
            document(w, i, default)
        },
    )
}

fn has_calculator(w: &Wizard<'_>) -> bool {
    (0..w.draft().count("documents")).any(|i| {
        w.draft().str(&format!("documents[{i}].type")) == Some(DocType::AzureCalculator.as_str())
    })
}

fn document(w: &mut Wizard<'_>, i: usize, default: DocType) -> Result<(), WizardError> {
    let field = |key: &str| format!("documents[{i}].{key}");
    let n = i + 1;
    w.text(Ask::new(field("path"), format!("Document {n}: file")).path())?;
    let doc_type = w.choose(
        Ask::new(field("type"), format!("Document {n}: type")).default(Some(default.as_str())),
        &Choice::all(|t: DocType| t.as_str().to_string()),
    )?;
    let date = crate::wizard::questions::document_date(w, i, &format!("Document {n}"))?;
    // Only the proof of execution carries the customer's signature.
    if doc_type == DocType::AzureCalculator.as_str() {
        return Ok(());
    }
    crate::wizard::questions::signature(w, i, &format!("Document {n}"), date)
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::config::Config;
    use crate::diag::{Overrides, Severity};

    use crate::kinds::plfunding::catalog::EngagementStatus;
    use crate::rules::Env;
    use crate::wizard::scripted::text;
    use crate::wizard::{Finished, Reply, Scripted, Setup};

    const TENANT: &str = "3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b";
    const SMB: &str = "AMM PL: Infra/Database Migration SMB (Small)";

    struct Fixture {
        dir: tempfile::TempDir,
        catalog: Catalog,
    }

    impl Fixture {
        fn new() -> Fixture {
            let dir = tempfile::tempdir().unwrap();
            let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docs");
            std::fs::copy(docs.join("signed-sow.pdf"), dir.path().join("sow.pdf")).unwrap();
            std::fs::copy(
                docs.join("azure-calculator-estimate.xlsx"),
                dir.path().join("estimate.xlsx"),
            )
            .unwrap();
            Fixture {
                dir,
                catalog: Catalog::builtin().clone(),
            }
        }

        fn run(&self, replies: Vec<Reply>) -> (Result<Finished, WizardError>, Scripted) {
            let mut p = Scripted::new(replies);
            let setup = Setup {
                config: Config::default(),
                today: "2026-11-26".parse().unwrap(),
                overrides: Overrides::default(),
                cwd: self.dir.path().to_path_buf(),
                out: Some(PathBuf::from("claim.toml")),
                from: None,
                force: false,
            };
            let result = Wizard::start(&mut p, &SCRIPT, setup)
                .map(|w| w.with_catalog(self.catalog.clone()))
                .and_then(Wizard::run);
            (result, p)
        }

        fn validate(&self, path: &Path) -> Vec<(&'static str, Severity)> {
            let mut env = Env::new(Config::default(), "2026-11-26".parse().unwrap());
            env.catalog = self.catalog.clone();
            crate::wizard::scripted::findings(path, &env)
        }
    }

    fn customer(id_type: &str, id: &str) -> Vec<Reply> {
        vec![
            Reply::Default, // the Azure tab
            text("Contoso - DC exit"),
            text("4871236"),
            text("Contoso Ltd"),
            Reply::Pick(id_type.into()),
            text(id),
        ]
    }

    fn contacts() -> Vec<Reply> {
        vec![
            text("Ada Lovelace"),
            text("ada.lovelace@contoso.com"),
            text("CIO"),
            text("Grace Hopper"),
            text("grace.hopper@fabrikam.com.au"),
        ]
    }

    /// A signed SOW, then the calculator estimate, then no more.
    fn package() -> Vec<Reply> {
        vec![
            Reply::Yes,
            text("sow.pdf"),
            Reply::Default,
            text("2026-09-01"),
            Reply::Pick("digital".into()),
            text("2026-09-03"),
            Reply::Default, // another? yes: the calculator is still missing
            text("estimate.xlsx"),
            Reply::Default, // azure-calculator is offered
            text("2026-09-10"),
            Reply::No,
        ]
    }

    #[test]
    fn an_amm_claim_offers_only_eligible_engagements_and_validates() {
        let fx = Fixture::new();
        let replies = [
            customer("Tenant ID", TENANT),
            vec![Reply::Pick(SMB.into()), Reply::Yes],
            contacts(),
            package(),
            vec![Reply::Pick("Write the claim".into())],
        ]
        .concat();
        let (result, p) = fx.run(replies);
        let out = fx.dir.path().join("claim.toml");
        p.assert_wrote(result, &out);
        // The screen: the closed ones and the ISV one (this location has no
        // segments) are listed with their reason, not offered.
        assert!(
            p.log.iter().any(
                |l| l == "=   AMM PL: GSI Assess & Plan (XL) - Engagement closed to new claims"
            )
        );
        assert!(
            p.log
                .iter()
                .any(|l| l == "=   AMM PL for ISV SAP RISE (L) - Your location ID is not eligible")
        );
        assert!(p.log.iter().any(|l| {
            l.starts_with("? Engagement (Eligible) [AMM PL: Factory Azure Vmware Solution")
        }));
        let text = std::fs::read_to_string(&out).unwrap();
        for needle in [
            "solution_area = \"azure\"",
            "customer_id_type = \"tenant-id\"",
            &format!("engagement = \"{SMB}\""),
            "customer_informed_funding_not_guaranteed = true",
            "type = \"azure-calculator\"",
        ] {
            assert!(text.contains(needle), "{needle} missing in\n{text}");
        }
        assert!(!text.contains("hours"));
        let found = fx.validate(&out);
        assert!(found.iter().all(|(_, s)| *s == Severity::Info), "{found:?}");
    }

    #[test]
    fn a_domain_customer_is_eligible_for_nothing_and_can_be_identified_again() {
        let fx = Fixture::new();
        let replies = [
            customer("Domain name", "contoso.com"),
            // Nothing eligible: change the location and the customer ID.
            vec![
                Reply::Pick("Change the customer ID".into()),
                text(""),
                Reply::Pick("Tenant ID".into()),
                text(TENANT),
            ],
            vec![Reply::Pick(SMB.into()), Reply::Yes],
            contacts(),
            package(),
            vec![Reply::Pick("Write the claim".into())],
        ]
        .concat();
        let (result, p) = fx.run(replies);
        assert!(
            matches!(result, Ok(Finished::Written(_))),
            "{result:?} {:#?}",
            p.log
        );
        assert!(
            p.log
                .iter()
                .any(|l| l.starts_with("= You or your customer are not eligible"))
        );
        let invalid = p
            .log
            .iter()
            .filter(|l| l.ends_with(" - Invalid customer ID type"))
            .count();
        assert_eq!(invalid, 15);
        assert_eq!(p.asked("Customer ID type"), 2);
        assert_eq!(p.asked("Customer ID: the domain"), 1);
        // The domain is not offered as the tenant ID, and the review labels
        // the answer as what it now is.
        assert!(
            p.log
                .contains(&"? Customer ID: the tenant ID (a GUID) []".to_string()),
            "{:#?}",
            p.log
        );
        assert!(
            p.log
                .contains(&format!("|  | Customer ID: the tenant ID | {TENANT}")),
            "{:#?}",
            p.log
        );
    }

    #[test]
    fn a_customer_id_asked_again_keeps_its_type_and_answer_as_defaults() {
        let fx = Fixture::new();
        let replies = [
            customer("Domain name", "abc@contoso.com"),
            // plf-customer-id: an email address, not a domain. The pair is
            // asked again; Enter keeps the type.
            vec![Reply::Default, text("contoso.com")],
        ]
        .concat();
        let (_, p) = fx.run(replies);
        assert!(p.showed_rule("plf-customer-id"), "{:#?}", p.log);
        assert!(
            p.log
                .contains(&"? Customer ID type [Domain name]".to_string()),
            "{:#?}",
            p.log
        );
        assert!(
            p.log
                .iter()
                .any(|l| l.starts_with("? Customer ID: the domain")
                    && l.ends_with("[abc@contoso.com]")),
            "{:#?}",
            p.log
        );
    }

    #[test]
    fn a_tab_without_engagements_in_the_catalogue_says_so_and_offers_another_tab() {
        let fx = Fixture::new();
        let replies = vec![
            Reply::Pick("Devices".into()),
            text("Contoso - DC exit"),
            text("4871236"),
            text("Contoso Ltd"),
            Reply::Pick("Tenant ID".into()),
            text(TENANT),
            Reply::Default, // What now? another tab
            Reply::Pick("Azure".into()),
            Reply::Pick(SMB.into()),
        ];
        let (_, p) = fx.run(replies);
        assert!(
            p.log.contains(&"= The built-in engagement catalogue has no engagement on the Devices tab. Choose another tab, or give a catalogue that has some with --catalog FILE (or [catalog] engagements in claimtool.toml).".to_string()),
            "{:#?}",
            p.log
        );
        assert!(
            p.log.contains(
                &"- Choose another solution-area tab | Stop here (the draft keeps your answers)"
                    .to_string()
            )
        );
        assert_eq!(p.asked("Solution area tab"), 2);
        assert_eq!(p.asked("Engagement (Eligible)"), 1);
    }

    #[test]
    fn declining_to_change_an_ineligible_customer_stops_with_the_draft() {
        let fx = Fixture::new();
        let replies = [
            customer("Domain name", "contoso.com"),
            vec![Reply::Pick("Stop here".into())],
        ]
        .concat();
        let (result, _) = fx.run(replies);
        match result {
            Err(WizardError::Stopped { reason, draft }) => {
                assert!(reason.contains("no engagement is eligible"));
                assert_eq!(draft, Some(fx.dir.path().join("claim.toml.draft")));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn variable_pay_asks_whole_hours_and_says_they_cannot_change() {
        let mut fx = Fixture::new();
        fx.catalog = Catalog {
            path: None,
            engagements: vec![Engagement {
                name: "Hours Test".into(),
                program: "Azure Innovate".into(),
                solution_area: SolutionArea::Azure,
                size: Size::Medium,
                pay: Pay::Variable,
                customer_id_types: vec![CustomerIdType::MsxOpportunityId],
                status: EngagementStatus::Open,
                partner_segments: Vec::new(),
                requires_azure_calculator: false,
                customer_survey: true,
            }],
        };
        let replies = [
            customer("MSX opportunity ID", "7-3KXQ2M9ZP"),
            vec![Reply::Pick("Hours Test".into()), text("37.5")],
            // plf-hours: not whole hours; the engagement and hours are asked again.
            vec![Reply::Pick("Hours Test".into()), text("40"), Reply::Yes],
            contacts(),
            vec![
                Reply::Yes,
                text("sow.pdf"),
                Reply::Default,
                text("2026-09-01"),
                Reply::Pick("digital".into()),
                text("2026-09-03"),
                Reply::No,
                Reply::Pick("Write the claim".into()),
            ],
        ]
        .concat();
        let (result, p) = fx.run(replies);
        let out = fx.dir.path().join("claim.toml");
        assert_eq!(
            result.unwrap(),
            Finished::Written(out.clone()),
            "{:#?}",
            p.log
        );
        assert!(p.showed_rule("plf-hours"));
        assert!(
            p.log
                .iter()
                .any(|l| l.contains("can't be changed after the Add customer flow"))
        );
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains("\nhours = 40\n"), "{text}");
        assert!(fx.validate(&out).iter().all(|(_, s)| *s == Severity::Info));
    }
}
