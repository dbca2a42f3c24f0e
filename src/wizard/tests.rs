//! The wizard flow, driven by a scripted prompter in a temporary folder.

use std::path::{Path, PathBuf};

use super::scripted::text;
use super::*;
use crate::config::Location;
use crate::engine::check_paths;

const TENANT: &str = "3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b";

struct Fixture {
    dir: tempfile::TempDir,
    config: Config,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docs");
        std::fs::copy(docs.join("signed-sow.pdf"), dir.path().join("sow.pdf")).unwrap();
        std::fs::copy(docs.join("customer-email.eml"), dir.path().join("mail.eml")).unwrap();
        // The folder is the workspace (as after `claimtool init`), so a claim
        // written into `claims/` may name the documents beside it.
        let config_path = dir.path().join(crate::config::FILE_NAME);
        std::fs::write(&config_path, "").unwrap();
        Fixture {
            dir,
            config: Config {
                path: Some(config_path),
                ..Config::default()
            },
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn setup(&self, out: Option<&str>, from: Option<&str>) -> Setup {
        Setup {
            config: self.config.clone(),
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            overrides: Overrides::default(),
            cwd: self.dir.path().to_path_buf(),
            out: out.map(PathBuf::from),
            from: from.map(PathBuf::from),
            force: false,
        }
    }

    fn run(
        &self,
        replies: Vec<Reply>,
        out: Option<&str>,
        from: Option<&str>,
    ) -> (Result<Finished, WizardError>, Scripted) {
        let mut p = Scripted::new(replies);
        let result = Wizard::start(
            &mut p,
            &crate::kinds::cpor::wizard::SCRIPT,
            self.setup(out, from),
        )
        .and_then(Wizard::run);
        (result, p)
    }

    /// The rules `validate` reports for a file.
    fn validate(&self, path: &Path) -> Vec<(&'static str, Severity)> {
        let env = Env::new(
            self.config.clone(),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        );
        let input = engine::Input {
            display: path.display().to_string(),
            path: path.to_path_buf(),
            regular: false,
        };
        let report = check_paths(&[input], &env, &Overrides::default()).unwrap();
        report.files[0]
            .findings
            .iter()
            .map(|f| (f.rule, f.severity))
            .collect()
    }
}

/// Replies for the Associate customer screen (no claimtool.toml).
fn customer(tenant: &str) -> Vec<Reply> {
    vec![
        text("Contoso - M365 E5 rollout"),
        text("4871236"),
        text("Contoso Ltd"),
        text(tenant),
        text("contoso.onmicrosoft.com"),
        Reply::No,
    ]
}

fn area_role_workloads() -> Vec<Reply> {
    vec![
        Reply::Pick("Modern Work".into()),
        Reply::Default,
        Reply::Tick(vec!["Exchange Online".into(), "Microsoft Teams".into()]),
        Reply::Yes,
    ]
}

fn contacts(partner_email: &str) -> Vec<Reply> {
    vec![
        text("Ada Lovelace"),
        text("ada.lovelace@contoso.com"),
        text("CIO"),
        text("Grace Hopper"),
        text(partner_email),
    ]
}

/// One signed SOW, then no more documents.
fn one_document() -> Vec<Reply> {
    vec![
        Reply::Yes,
        text("sow.pdf"),
        Reply::Default,
        text("2026-09-01"),
        Reply::Pick("digital".into()),
        // The day the fixture SOW's digital signature carries.
        text("2026-09-03"),
        Reply::Keep,
        Reply::No,
    ]
}

fn full(tenant: &str) -> Vec<Reply> {
    [
        customer(tenant),
        area_role_workloads(),
        contacts("grace.hopper@fabrikam.com.au"),
        one_document(),
        vec![write()],
    ]
    .concat()
}

/// "What next?" at the review: write the claim.
fn write() -> Reply {
    Reply::Pick("Write the claim".into())
}

#[test]
fn a_full_run_writes_a_commented_claim_that_validates() {
    let fx = Fixture::new();
    let (result, p) = fx.run(full(TENANT), None, None);
    let out = fx.path("contoso-m365-e5-rollout.toml");
    p.assert_wrote(result, &out);
    assert!(
        !draft_path(&out).exists(),
        "the draft is removed once the claim is written"
    );
    // Saved from the first answer under a provisional name, then under
    // the claim's name once it is known (the provisional draft removed).
    let provisional = fx.path("new-cpor.toml.draft");
    assert_eq!(p.saved, vec![provisional.clone(), draft_path(&out)]);
    assert!(!provisional.exists());
    let text = std::fs::read_to_string(&out).unwrap();
    for expected in [
        "# claimtool: CPOR claim written by `claimtool cpor new`",
        "kind = \"cpor\"",
        "# Associate customer: Add customer | Associate customer\n# \"Claim name*\"",
        "claim_name = \"Contoso - M365 E5 rollout\"",
        "customer_tenant_id = \"3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b\"",
        "recognition_only = false",
        "solution_area = \"modern-work-security\"",
        "partner_role = \"use-or-consume\"",
        "workloads = [\"Exchange Online\", \"Microsoft Teams\"]",
        "workloads_active = true",
        "# Contact information: Microsoft emails the customer contact to confirm the association\n# the customer's primary contact\n[customer_contact]",
        "[partner_contact]\nname = \"Grace Hopper\"",
        "[[documents]]\npath = \"sow.pdf\"\ntype = \"statement-of-work\"",
        "date = 2026-09-01",
        "signature = \"digital\"\nsigned_on = 2026-09-03",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // The screens come in Partner Center's order.
    let pos = |s: &str| text.find(s).unwrap();
    assert!(pos("claim_name") < pos("solution_area"));
    assert!(pos("workloads_active") < pos("[customer_contact]"));
    assert!(pos("[partner_contact]") < pos("[[documents]]"));
    let errors: Vec<_> = fx
        .validate(&out)
        .into_iter()
        .filter(|(_, s)| *s == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{text}");
    // The review table lists the answers.
    assert!(
        p.log
            .iter()
            .any(|l| l == "|  | Customer tenant ID | 3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b"),
        "{:#?}",
        p.log
    );
    assert!(
        p.log
            .iter()
            .any(|l| l.contains("PoE 1: signed on | 2026-09-03"))
    );
    assert!(
        p.log
            .iter()
            .any(|l| l == "| Associate customer | Claim name | Contoso - M365 E5 rollout")
    );
}

#[test]
fn a_bad_tenant_id_is_explained_and_asked_again() {
    let fx = Fixture::new();
    let mut replies = customer("contoso.onmicrosoft.com");
    replies.insert(4, text(TENANT));
    replies.extend(area_role_workloads());
    let (result, p) = fx.run(replies, None, None);
    // The script ends after the workloads: the run stops there.
    assert!(matches!(result, Err(WizardError::Stopped { .. })));
    assert_eq!(p.asked("Customer tenant ID"), 2, "{:#?}", p.log);
    assert!(p.showed_rule("cpor-tenant-id"));
    let draft = std::fs::read_to_string(fx.path("contoso-m365-e5-rollout.toml.draft")).unwrap();
    assert!(draft.contains(TENANT), "{draft}");
    assert!(
        !draft.contains("contoso.onmicrosoft.com\"\ncustomer_domain")
            && !draft.contains("customer_tenant_id = \"contoso")
    );
}

#[test]
fn an_empty_required_answer_is_missing_field_and_asked_again() {
    let fx = Fixture::new();
    let replies = vec![text(""), text("Contoso"), text("4871236")];
    let (_, p) = fx.run(replies, None, None);
    assert!(p.showed_rule("missing-field"), "{:#?}", p.log);
    assert_eq!(p.asked("Claim name"), 2);
    assert_eq!(p.asked("Partner location"), 1);
    // Worded for the prompt (issue 15, item 13): the question, not the TOML.
    let shown: Vec<&String> = p
        .log
        .iter()
        .skip_while(|l| !l.starts_with("! missing-field:"))
        .take(2)
        .collect();
    assert!(shown[0].contains("needs an answer"), "{shown:?}");
    assert!(
        shown[1].starts_with("  help: answer \"") && !shown[1].contains("top of the file"),
        "{shown:?}"
    );
}

#[test]
fn the_same_bad_answer_twice_may_be_kept() {
    let fx = Fixture::new();
    let mut replies = customer("not-a-guid");
    replies.splice(4..4, [text("not-a-guid"), Reply::Yes]);
    let (_, p) = fx.run(replies, None, None);
    assert_eq!(p.asked("Customer tenant ID"), 2);
    assert_eq!(p.asked("Keep this answer anyway?"), 1, "{:#?}", p.log);
    assert_eq!(p.asked("Customer domain"), 1);
    let draft = std::fs::read_to_string(fx.path("contoso-m365-e5-rollout.toml.draft")).unwrap();
    assert!(draft.contains("customer_tenant_id = \"not-a-guid\""));
}

#[test]
fn a_webmail_warning_is_shown_and_the_answer_may_be_kept_or_changed() {
    let fx = Fixture::new();
    let mut replies = [
        customer(TENANT),
        area_role_workloads(),
        contacts("grace@gmail.com"),
    ]
    .concat();
    // Keep it.
    replies.push(Reply::Yes);
    replies.push(Reply::No); // no document
    replies.push(write());
    let (result, p) = fx.run(replies, None, None);
    assert!(matches!(result, Ok(Finished::Written(_))), "{:#?}", p.log);
    assert!(p.showed_rule("business-email"));
    let text_written = std::fs::read_to_string(fx.path("contoso-m365-e5-rollout.toml")).unwrap();
    assert!(text_written.contains("email = \"grace@gmail.com\""));

    let fx = Fixture::new();
    let mut replies = [
        customer(TENANT),
        area_role_workloads(),
        contacts("grace@gmail.com"),
    ]
    .concat();
    replies.push(Reply::No); // do not keep: asked again
    replies.push(text("grace.hopper@fabrikam.com.au"));
    let (_, p) = fx.run(replies, None, None);
    assert_eq!(p.asked("Partner contact email"), 2);
    let draft = std::fs::read_to_string(fx.path("contoso-m365-e5-rollout.toml.draft")).unwrap();
    assert!(draft.contains("grace.hopper@fabrikam.com.au") && !draft.contains("gmail"));
}

#[test]
fn bad_and_future_dates_are_asked_again() {
    let fx = Fixture::new();
    let mut replies = [
        customer(TENANT),
        area_role_workloads(),
        contacts("grace.hopper@fabrikam.com.au"),
    ]
    .concat();
    replies.extend([
        Reply::Yes,
        text("sow.pdf"),
        Reply::Default,
        text("2026-13-01"),
        text("2027-01-05"),
        text("2026-09-01"),
    ]);
    let (_, p) = fx.run(replies, None, None);
    assert!(p.showed_rule("wrong-type"), "{:#?}", p.log);
    assert!(p.showed_rule("date-in-future"));
    assert_eq!(p.asked("PoE 1: date"), 3);
}

#[test]
fn a_signature_without_its_date_asks_the_pair_again() {
    let fx = Fixture::new();
    let mut replies = [
        customer(TENANT),
        area_role_workloads(),
        contacts("grace.hopper@fabrikam.com.au"),
    ]
    .concat();
    replies.extend([
        Reply::Yes,
        text("sow.pdf"),
        Reply::Default,
        text(""), // no document date: a warning, kept
        Reply::Yes,
        Reply::Pick("wet".into()),
        text(""), // no signed_on: document-signed-on, the pair is asked again
        Reply::Pick("wet".into()),
        text("2026-09-03"),
        Reply::Keep,
        Reply::No,
        write(),
    ]);
    let (result, p) = fx.run(replies, None, None);
    assert!(matches!(result, Ok(Finished::Written(_))), "{:#?}", p.log);
    assert!(p.showed_rule("document-undated"));
    assert!(p.showed_rule("document-signed-on"));
    assert_eq!(p.asked("PoE 1: customer signature"), 2);
    let written = std::fs::read_to_string(fx.path("contoso-m365-e5-rollout.toml")).unwrap();
    assert!(
        written.contains("signature = \"wet\"\nsigned_on = 2026-09-03"),
        "{written}"
    );
}

#[test]
fn a_stopped_run_keeps_its_answers_and_from_resumes_with_them_as_defaults() {
    let fx = Fixture::new();
    let (result, _) = fx.run(customer(TENANT), None, None);
    let draft = fx.path("contoso-m365-e5-rollout.toml.draft");
    match result {
        Err(WizardError::Stopped { draft: Some(d), .. }) => assert_eq!(d, draft),
        other => panic!("{other:?}"),
    }
    let saved = std::fs::read_to_string(&draft).unwrap();
    assert!(
        saved.starts_with("# claimtool: unfinished draft of a cpor claim"),
        "{saved}"
    );
    assert!(
        saved.contains(
            "resume it with: claimtool cpor new --from contoso-m365-e5-rollout.toml.draft"
        )
    );
    assert!(saved.contains(TENANT) && saved.contains("recognition_only = false"));

    // Resume: Enter on every answered question keeps the saved value.
    let replies = [
        vec![
            text(""),
            text(""),
            text(""),
            text(""),
            text(""),
            Reply::Default,
        ],
        area_role_workloads(),
        contacts("grace.hopper@fabrikam.com.au"),
        one_document(),
        vec![write()],
    ]
    .concat();
    let (result, p) = fx.run(replies, None, Some("contoso-m365-e5-rollout.toml.draft"));
    assert!(
        p.log.contains(&format!(
            "? Customer tenant ID (a GUID: Entra admin center > Overview) [{TENANT}]"
        )),
        "{:#?}",
        p.log
    );
    assert!(
        p.log
            .contains(&"? Opt out of incentive payment (recognition only)? [n]".to_string())
    );
    let out = fx.path("contoso-m365-e5-rollout.toml");
    assert_eq!(result.unwrap(), Finished::Written(out.clone()));
    assert!(!draft.exists());
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        written.matches("# claimtool:").count(),
        2,
        "one header, not the draft's too:\n{written}"
    );
}

#[test]
fn an_existing_draft_of_the_same_claim_is_offered_for_resuming() {
    let fx = Fixture::new();
    let _ = fx.run(customer(TENANT), Some("c.toml"), None);
    assert!(fx.path("c.toml.draft").exists());
    // Resume it: the saved claim name is the default.
    let (_, p) = fx.run(vec![Reply::Yes, text("")], Some("c.toml"), None);
    assert!(
        p.log
            .contains(&"? Claim name [Contoso - M365 E5 rollout]".to_string()),
        "{:#?}",
        p.log
    );
    // Decline: a fresh start, the old draft is replaced.
    let (_, p) = fx.run(vec![Reply::No, text("Other claim")], Some("c.toml"), None);
    assert!(p.log.contains(&"? Claim name []".to_string()));
    let draft = std::fs::read_to_string(fx.path("c.toml.draft")).unwrap();
    assert!(draft.contains("Other claim") && !draft.contains(TENANT));
}

#[test]
fn editing_an_existing_claim_keeps_its_comments_and_asks_before_replacing() {
    let fx = Fixture::new();
    let (result, _) = fx.run(full(TENANT), Some("c.toml"), None);
    assert!(result.is_ok());
    let path = fx.path("c.toml");
    let mut original = std::fs::read_to_string(&path).unwrap();
    original = original.replace("claim_name = ", "# my own note\nclaim_name = ");
    std::fs::write(&path, &original).unwrap();

    // Change the claim name, keep everything else, and decline at the end.
    let mut keep = vec![text("Contoso - renamed")];
    keep.extend([text(""), text(""), text(""), text(""), Reply::Default]);
    keep.extend([Reply::Default, Reply::Default, Reply::Keep, Reply::Default]);
    keep.extend([text(""), text(""), text(""), text(""), text("")]);
    // The document: keep it, Enter through its questions, no more.
    keep.extend([
        Reply::Yes,
        text(""),
        Reply::Default,
        text(""),
        Reply::Default,
        text(""),
        Reply::Keep,
        Reply::No,
    ]);
    let mut decline = keep.clone();
    decline.push(Reply::Default);
    let (result, p) = fx.run(decline, None, Some("c.toml"));
    // Replacing a claim: offered, but the default is to stop.
    assert!(
        p.log
            .iter()
            .any(|l| l.starts_with("? What next? [Stop here")),
        "{:#?}",
        p.log
    );
    assert!(
        p.log
            .iter()
            .any(|l| l.starts_with("- Replace the existing c.toml with this claim | ")),
        "{:#?}",
        p.log
    );
    assert!(matches!(result, Ok(Finished::NotWritten { .. })));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        original,
        "declined: untouched"
    );

    // The declined edit left its draft: not resumed, so c.toml is edited afresh.
    let mut accept = vec![Reply::No];
    accept.extend(keep);
    accept.push(Reply::Pick("Replace".into()));
    let (result, p) = fx.run(accept, None, Some("c.toml"));
    assert!(matches!(result, Ok(Finished::Written(_))), "{:#?}", p.log);
    let edited = std::fs::read_to_string(&path).unwrap();
    assert!(
        edited.contains("# my own note\nclaim_name = \"Contoso - renamed\""),
        "{edited}"
    );
    assert_eq!(
        edited.replace("Contoso - renamed", "Contoso - M365 E5 rollout"),
        original
    );
}

#[test]
fn removing_a_document_and_adding_another() {
    let fx = Fixture::new();
    let (result, _) = fx.run(full(TENANT), Some("c.toml"), None);
    assert!(result.is_ok());
    let mut replies = vec![text("")];
    replies.extend([text(""), text(""), text(""), text(""), Reply::Default]);
    replies.extend([Reply::Default, Reply::Default, Reply::Keep, Reply::Default]);
    replies.extend([text(""), text(""), text(""), text(""), text("")]);
    replies.extend([
        Reply::No, // drop the SOW
        Reply::Yes,
        text("mail.eml"),
        Reply::Pick("customer-email".into()),
        text("2026-09-02"),
        // cpor-poe-unsigned: no signed document; a later document could
        // be, so the answer is kept.
        Reply::Pick("none".into()),
        Reply::Tick(vec!["Microsoft Teams".into()]),
        Reply::No,
        Reply::Pick("Replace".into()),
    ]);
    let (result, p) = fx.run(replies, Some("c.toml"), Some("c.toml"));
    assert!(matches!(result, Ok(Finished::Written(_))), "{:#?}", p.log);
    assert!(p.showed_rule("cpor-poe-unsigned"));
    let text = std::fs::read_to_string(fx.path("c.toml")).unwrap();
    assert!(!text.contains("sow.pdf"), "{text}");
    assert!(text.contains("path = \"mail.eml\"\ntype = \"customer-email\""));
    assert!(text.contains("workloads = [\"Microsoft Teams\"]"));
    assert!(!text.contains("signed_on"));
}

#[test]
fn config_gives_the_partner_id_and_the_email_domain() {
    let mut fx = Fixture::new();
    fx.config.locations = vec![Location {
        partner_id: "4871236".into(),
        name: Some("Fabrikam Sydney".into()),
        segments: vec![],
    }];
    fx.config.email_domains = vec!["fabrikam.com.au".into()];
    let replies = [
        vec![
            text("Contoso"),
            text(""),
            text("Contoso Ltd"),
            text(TENANT),
            text(""),
            Reply::No,
        ],
        area_role_workloads(),
        contacts("grace.hopper"),
    ]
    .concat();
    let (_, p) = fx.run(replies, None, None);
    assert!(
        p.log
            .contains(&"? Partner location: your PartnerID [4871236]".to_string()),
        "{:#?}",
        p.log
    );
    let draft = std::fs::read_to_string(fx.path("contoso.toml.draft")).unwrap();
    assert!(draft.contains("partner_id = \"4871236\""));
    assert!(
        draft.contains("email = \"grace.hopper@fabrikam.com.au\""),
        "{draft}"
    );
    assert!(
        !draft.contains("customer_domain"),
        "an empty optional answer writes nothing"
    );

    // Several locations: a pick among them.
    fx.config.locations.push(Location {
        partner_id: "5550001".into(),
        name: Some("Fabrikam Perth".into()),
        segments: vec![],
    });
    let (_, p) = fx.run(
        vec![text("Other"), Reply::Pick("Perth".into()), text("X")],
        None,
        None,
    );
    assert_eq!(p.asked("Partner location (PartnerID)"), 1);
    let draft = std::fs::read_to_string(fx.path("other.toml.draft")).unwrap();
    assert!(draft.contains("partner_id = \"5550001\""));
}

#[test]
fn document_paths_are_stored_relative_to_the_claim_file() {
    let fx = Fixture::new();
    std::fs::create_dir(fx.path("claims")).unwrap();
    let replies = [
        customer(TENANT),
        area_role_workloads(),
        contacts("grace.hopper@fabrikam.com.au"),
        one_document(),
        vec![write()],
    ]
    .concat();
    let (result, p) = fx.run(replies, Some("claims/c.toml"), None);
    assert!(matches!(result, Ok(Finished::Written(_))), "{:#?}", p.log);
    let path = fx.path("claims/c.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("path = \"../sow.pdf\""), "{text}");
    assert!(
        !fx.validate(&path)
            .contains(&("document-missing", Severity::Error))
    );
}

#[test]
fn from_refuses_other_kinds_and_broken_toml() {
    let fx = Fixture::new();
    std::fs::write(fx.path("coop.toml"), "kind = \"coop\"\n").unwrap();
    std::fs::write(
        fx.path("broken.toml"),
        "kind = \"cpor\"\nclaim_name = \"x\n",
    )
    .unwrap();
    for (file, expected) in [
        ("coop.toml", "is a `coop` claim"),
        ("broken.toml", "is not valid TOML"),
        ("none.toml", "none.toml does not exist"),
    ] {
        let mut p = Scripted::new([]);
        match Wizard::start(
            &mut p,
            &crate::kinds::cpor::wizard::SCRIPT,
            fx.setup(None, Some(file)),
        ) {
            Err(WizardError::Failed(m)) => assert!(m.contains(expected), "{m}"),
            Err(e) => panic!("{e:?}"),
            Ok(_) => panic!("{file} was accepted"),
        }
    }
}

/// `--from` reads through the one bounded reader: a device or a huge file
/// is refused before it is read, and a broken line is quoted short.
#[test]
fn from_refuses_devices_and_huge_files_and_quotes_lines_short() {
    let fx = Fixture::new();
    let sparse = std::fs::File::create(fx.path("sparse.toml")).unwrap();
    sparse.set_len(2 * 1024 * 1024).unwrap();
    std::fs::write(
        fx.path("long.toml"),
        format!("kind = \"cpor\"\nclaim_name = \"{}\n", "x".repeat(100_000)),
    )
    .unwrap();
    for (file, expected) in [
        ("/dev/zero", "/dev/zero is not a regular file"),
        (
            "sparse.toml",
            "is 2097152 bytes; a claim or draft is at most 1048576 bytes",
        ),
        ("long.toml", "is not valid TOML"),
    ] {
        let mut p = Scripted::new([]);
        match Wizard::start(
            &mut p,
            &crate::kinds::cpor::wizard::SCRIPT,
            fx.setup(None, Some(file)),
        ) {
            Err(WizardError::Failed(m)) => {
                assert!(m.contains(expected), "{m}");
                assert!(m.len() < 1000, "{} bytes of message", m.len());
            }
            Err(e) => panic!("{e:?}"),
            Ok(_) => panic!("{file} was accepted"),
        }
    }
}

#[test]
fn declining_at_the_review_keeps_the_draft() {
    let fx = Fixture::new();
    let mut replies = full(TENANT);
    *replies.last_mut().unwrap() = Reply::Pick("Stop here".into());
    let (result, _) = fx.run(replies, None, None);
    let draft = fx.path("contoso-m365-e5-rollout.toml.draft");
    assert_eq!(
        result.unwrap(),
        Finished::NotWritten {
            draft: draft.clone()
        }
    );
    assert!(draft.exists());
    assert!(!fx.path("contoso-m365-e5-rollout.toml").exists());
}

#[test]
fn helpers() {
    assert_eq!(
        slug("Contoso - Microsoft 365 E5 rollout!"),
        "contoso-microsoft-365-e5-rollout"
    );
    assert_eq!(slug("  ÉÉ "), "ee");
    assert_eq!(slug("  --  "), "claim");
    assert_eq!(
        draft_path(Path::new("a/b.toml")),
        Path::new("a/b.toml.draft")
    );
    assert_eq!(
        claim_path_of_draft(Path::new("a/b.toml.draft")),
        Some(PathBuf::from("a/b.toml"))
    );
    assert_eq!(claim_path_of_draft(Path::new("a/b.toml")), None);
    assert!(concerns("workloads[1]", "workloads"));
    assert!(concerns("documents[0].path", "documents[0].path"));
    assert!(!concerns("documents[0].path_x", "documents[0].path"));
    assert!(!concerns("documents[10].path", "documents[1]"));
    assert_eq!(
        paths::relative(Path::new("/a/b"), Path::new("/a/c/d.pdf")),
        "../c/d.pdf"
    );
    assert_eq!(
        paths::relative(Path::new("/a"), Path::new("/a/d.pdf")),
        "d.pdf"
    );
}

#[test]
fn a_stored_document_path_is_offered_as_typed_from_the_current_folder() {
    let fx = Fixture::new();
    std::fs::create_dir(fx.path("claims")).unwrap();
    let (result, _) = fx.run(full(TENANT), Some("claims/c.toml"), None);
    assert!(result.is_ok());
    let mut replies = Vec::new();
    replies.extend([
        text(""),
        text(""),
        text(""),
        text(""),
        text(""),
        Reply::Default,
    ]);
    replies.extend([Reply::Default, Reply::Default, Reply::Keep, Reply::Default]);
    replies.extend([text(""), text(""), text(""), text(""), text("")]);
    replies.extend([Reply::Yes, text("")]);
    let (_, p) = fx.run(replies, None, Some("claims/c.toml"));
    assert!(
        p.log.contains(&"? PoE 1: file [sow.pdf]".to_string()),
        "{:#?}",
        p.log
    );
    let draft = std::fs::read_to_string(fx.path("claims/c.toml.draft")).unwrap();
    assert!(draft.contains("path = \"../sow.pdf\""), "{draft}");
}

#[test]
fn out_must_not_be_a_folder() {
    let fx = Fixture::new();
    std::fs::create_dir(fx.path("claims")).unwrap();
    let mut p = Scripted::new([]);
    match Wizard::start(
        &mut p,
        &crate::kinds::cpor::wizard::SCRIPT,
        fx.setup(Some("claims"), None),
    ) {
        Err(WizardError::Failed(m)) => assert!(m.contains("is a folder"), "{m}"),
        other => panic!("{:?}", other.err()),
    }
}

#[test]
fn a_rejected_first_answer_of_a_section_keeps_the_section_comment() {
    fn questions(w: &mut Wizard<'_>) -> Result<(), WizardError> {
        w.section("Screen", "what it is");
        w.text(Ask::new("customer_tenant_id", "Tenant").comment("a GUID"))?;
        Ok(())
    }
    let script = Script {
        kind: Kind::Cpor,
        name_field: "claim_name",
        intro: "test",
        questions,
        later: &[],
        costly: &[],
    };
    let fx = Fixture::new();
    let mut p = Scripted::new([text("not-a-guid"), text(TENANT)]);
    let result =
        Wizard::start(&mut p, &script, fx.setup(Some("c.toml"), None)).and_then(Wizard::run);
    assert!(matches!(result, Err(WizardError::Stopped { .. })));
    assert!(p.showed_rule("cpor-tenant-id"));
    let draft = std::fs::read_to_string(fx.path("c.toml.draft")).unwrap();
    assert!(
        draft.contains("\n# Screen: what it is\n# a GUID\ncustomer_tenant_id = "),
        "{draft}"
    );
}

/// The lines of the log from the review on.
fn review(p: &Scripted) -> Vec<String> {
    let at = p
        .log
        .iter()
        .rposition(|l| l == "# Review and complete")
        .expect("a review");
    p.log[at..].to_vec()
}

#[test]
fn the_review_shows_the_findings_and_changes_one_answer_then_returns() {
    let fx = Fixture::new();
    let replies = [
        customer(TENANT),
        area_role_workloads(),
        contacts("grace@gmail.com"),
        vec![Reply::Yes], // keep the webmail address for now
        one_document(),
        vec![
            Reply::Pick("Change an answer".into()),
            Reply::Pick("Partner contact email: grace@gmail.com  [warning]".into()),
            text("grace.hopper@fabrikam.com.au"),
            write(),
        ],
    ]
    .concat();
    let (result, p) = fx.run(replies, Some("c.toml"), None);
    p.assert_wrote(result, &fx.path("c.toml"));
    // The first review listed the finding and the question that fixes it.
    let first = p
        .log
        .iter()
        .position(|l| l == "# Review and complete")
        .unwrap();
    let first_review = &p.log[first..];
    assert!(
        first_review
            .iter()
            .any(|l| l == "= The checks find 0 error(s) and 1 warning(s):")
    );
    assert!(
        first_review
            .iter()
            .any(|l| l.starts_with("! business-email:"))
    );
    assert!(
        first_review
            .iter()
            .any(|l| l == "=     to fix it, change \"Partner contact email\""),
        "{first_review:#?}"
    );
    // Only that question was asked again, then the review came back.
    assert_eq!(p.asked("Partner contact email"), 2);
    assert_eq!(p.asked("Customer contact name"), 1);
    assert_eq!(p.asked("PoE 1: file"), 1);
    assert!(review(&p).contains(&"= The checks find no problem.".to_string()));
    let text = std::fs::read_to_string(fx.path("c.toml")).unwrap();
    assert!(
        text.contains("email = \"grace.hopper@fabrikam.com.au\""),
        "{text}"
    );
}

#[test]
fn the_review_removes_a_document_entry_and_adds_another() {
    let fx = Fixture::new();
    let replies = [
        customer(TENANT),
        area_role_workloads(),
        contacts("grace.hopper@fabrikam.com.au"),
        one_document(),
        vec![
            Reply::Pick("Change an answer".into()),
            Reply::Pick("PoE 1 (sow.pdf): ask all its questions again".into()),
            Reply::No, // Keep PoE document 1? no: removed
            // cpor-poe-missing now: the default is to change an answer.
            Reply::Default,
            Reply::Pick("Add a document".into()),
            text("mail.eml"),
            Reply::Pick("customer-email".into()),
            text("2026-09-02"),
            Reply::Pick("digital".into()),
            text(""),
            Reply::Keep,
            write(),
        ],
    ]
    .concat();
    let (result, p) = fx.run(replies, Some("c.toml"), None);
    p.assert_wrote(result, &fx.path("c.toml"));
    assert_eq!(p.asked("Keep PoE document 1 (sow.pdf)?"), 1);
    let text = std::fs::read_to_string(fx.path("c.toml")).unwrap();
    assert!(!text.contains("sow.pdf"), "{text}");
    assert!(text.contains("path = \"mail.eml\""), "{text}");
    assert_eq!(text.matches("[[documents]]").count(), 1, "{text}");
}

#[test]
fn a_finding_a_later_question_fixes_does_not_block_and_names_that_question() {
    let fx = Fixture::new();
    let (result, _) = fx.run(full(TENANT), Some("c.toml"), None);
    assert!(result.is_ok());
    // Edit: claim SharePoint Online too, before the PoE says so.
    let mut replies = vec![
        text(""),
        text(""),
        text(""),
        text(""),
        text(""),
        Reply::Default,
    ];
    replies.extend([
        Reply::Default,
        Reply::Default,
        Reply::Tick(vec![
            "Exchange Online".into(),
            "Microsoft Teams".into(),
            "SharePoint Online".into(),
        ]),
        Reply::Default,
    ]);
    replies.extend([text(""), text(""), text(""), text(""), text("")]);
    replies.extend([
        Reply::Yes,
        text(""),
        Reply::Default,
        text(""),
        Reply::Default,
        text(""),
        Reply::Tick(vec![
            "Exchange Online".into(),
            "Microsoft Teams".into(),
            "SharePoint Online".into(),
        ]),
        Reply::No,
        Reply::Pick("Replace".into()),
    ]);
    let (result, p) = fx.run(replies, None, Some("c.toml"));
    p.assert_wrote(result, &fx.path("c.toml"));
    assert!(p.showed_rule("cpor-poe-workload-uncovered"));
    assert!(p.log.iter().any(|l| l
        == "=     A later question fixes this: \"PoE n: workloads it evidences\" (Proof of execution). This answer is kept."));
    assert_eq!(p.asked("Workloads"), 1);
    assert_eq!(p.asked("Keep this answer"), 0);
    // What is left is the truth about the document: the fixture SOW names
    // Exchange Online and Microsoft Teams, not SharePoint Online.
    assert!(
        fx.validate(&fx.path("c.toml"))
            .iter()
            .all(|(r, s)| *s == Severity::Info || *r == "poe-workload-not-named")
    );
}

#[test]
fn keeping_an_answer_that_costs_the_payment_defaults_to_no() {
    let fx = Fixture::new();
    let mut replies = customer(TENANT);
    *replies.last_mut().unwrap() = Reply::Yes; // tick the opt-out box
    replies.extend([Reply::Default, Reply::No]); // Enter: not kept; asked again
    let (_, p) = fx.run(replies, None, None);
    assert!(p.showed_rule("cpor-recognition-only"));
    assert!(
        p.log.contains(&"? Keep this answer? [n]".to_string()),
        "{:#?}",
        p.log
    );
    assert_eq!(p.asked("Opt out of incentive payment"), 2);
    // Its help names the question, not the TOML key.
    assert!(
        p.log
            .iter()
            .any(|l| l.starts_with("  help: answer no to \"Opt out of incentive payment\"")),
        "{:#?}",
        p.log
    );
    // A warning that costs nothing (no document date) is kept by default.
    let fx = Fixture::new();
    let mut replies = [
        customer(TENANT),
        area_role_workloads(),
        contacts("grace.hopper@fabrikam.com.au"),
    ]
    .concat();
    replies.extend([
        Reply::Yes,
        text("sow.pdf"),
        Reply::Default,
        text(""),
        Reply::Default,
    ]);
    let (_, p) = fx.run(replies, None, None);
    assert!(p.showed_rule("document-undated"));
    assert!(
        p.log.contains(&"? Keep this answer? [y]".to_string()),
        "{:#?}",
        p.log
    );
}

#[test]
fn an_impossible_date_names_the_question_and_the_reason() {
    let fx = Fixture::new();
    let mut replies = [
        customer(TENANT),
        area_role_workloads(),
        contacts("grace.hopper@fabrikam.com.au"),
    ]
    .concat();
    replies.extend([
        Reply::Yes,
        text("sow.pdf"),
        Reply::Default,
        text("2026-09-31"),
    ]);
    let (_, p) = fx.run(replies, None, None);
    let message = p
        .log
        .iter()
        .find(|l| l.starts_with("! wrong-type:"))
        .unwrap_or_else(|| panic!("{:#?}", p.log));
    assert!(
        message.contains("\"PoE 1: date it carries\" must be a date"),
        "{message}"
    );
    assert!(!message.contains("documents[0]"), "{message}");
    assert!(
        p.log
            .contains(&"  help: September 2026 has 30 days".to_string())
    );
}

#[test]
fn a_document_path_follows_one_rule_whether_the_file_exists_yet_or_not() {
    let fx = Fixture::new();
    std::fs::create_dir(fx.path("claims")).unwrap();
    let mut replies = [
        customer(TENANT),
        area_role_workloads(),
        contacts("grace.hopper@fabrikam.com.au"),
    ]
    .concat();
    replies.extend([
        Reply::Yes,
        text("poe/later.pdf"),
        text("poe/later.pdf"),
        Reply::Yes, // keep it anyway: the file comes later
        Reply::Default,
        text("2026-09-01"),
        Reply::Pick("digital".into()),
        text(""),
        Reply::Keep,
        Reply::No,
        write(),
    ]);
    let (result, p) = fx.run(replies, Some("claims/c.toml"), None);
    p.assert_wrote(result, &fx.path("claims/c.toml"));
    assert!(p.log.contains(&format!("= {}", questions::PATHS_NOTE)));
    // The error names the path as it was typed.
    assert!(
        p.log
            .contains(&"! document-missing: document `poe/later.pdf` does not exist".to_string()),
        "{:#?}",
        p.log
    );
    // The review shows it as typed too.
    assert!(
        review(&p)
            .contains(&"| Proof of execution (PoE) | PoE 1: file | poe/later.pdf".to_string()),
        "{:#?}",
        review(&p)
    );
    let text = std::fs::read_to_string(fx.path("claims/c.toml")).unwrap();
    assert!(text.contains("path = \"../poe/later.pdf\""), "{text}");
    // Created where it was typed, the file is the one validate finds.
    std::fs::create_dir(fx.path("poe")).unwrap();
    std::fs::copy(fx.path("sow.pdf"), fx.path("poe/later.pdf")).unwrap();
    let found = fx.validate(&fx.path("claims/c.toml"));
    assert!(
        !found.iter().any(|(r, _)| *r == "document-missing"),
        "{found:?}"
    );
}

#[test]
fn the_first_answer_is_saved_before_the_claim_is_named_in_the_claims_folder() {
    let mut fx = Fixture::new();
    std::fs::create_dir(fx.path("claims")).unwrap();
    std::fs::write(fx.path("claimtool.toml"), "").unwrap();
    fx.config.path = Some(fx.path("claimtool.toml"));
    let replies = vec![text("Contoso - M365 E5 rollout")];
    let mut p = Scripted::new(replies);
    let result = Wizard::start(
        &mut p,
        &crate::kinds::cpor::wizard::SCRIPT,
        fx.setup(None, None),
    )
    .and_then(Wizard::run);
    let named = fx.path("claims/contoso-m365-e5-rollout.toml.draft");
    match result {
        Err(WizardError::Stopped { draft, .. }) => assert_eq!(draft, Some(named.clone())),
        other => panic!("{other:?}"),
    }
    assert!(
        p.log
            .contains(&"= Answers are saved to claims/new-cpor.toml.draft as you go.".to_string()),
        "{:#?}",
        p.log
    );
    assert!(p.log.contains(
        &"= The claim file is named after the claim name once you give it, in claims/.".to_string()
    ));
    assert_eq!(
        p.saved,
        vec![fx.path("claims/new-cpor.toml.draft"), named.clone()]
    );
    assert!(!fx.path("claims/new-cpor.toml.draft").exists());

    // The coop wizard asks three questions before the activity's name: the
    // first is saved under the provisional name.
    let mut p = Scripted::new([text("")]);
    let result = Wizard::start(
        &mut p,
        &crate::kinds::coop::wizard::SCRIPT,
        fx.setup(None, None),
    )
    .and_then(Wizard::run);
    let provisional = fx.path("claims/new-coop.toml.draft");
    match result {
        Err(WizardError::Stopped { draft, .. }) => assert_eq!(draft, Some(provisional.clone())),
        other => panic!("{other:?}"),
    }
    let saved = std::fs::read_to_string(&provisional).unwrap();
    assert!(
        saved.contains("program = \"Microsoft Commerce Incentives\""),
        "{saved}"
    );
    // Resuming it offers the answer and names the file once it can.
    let mut p = Scripted::new([Reply::Yes, text("")]);
    let _ = Wizard::start(
        &mut p,
        &crate::kinds::coop::wizard::SCRIPT,
        fx.setup(None, None),
    )
    .and_then(Wizard::run);
    assert!(
        p.log.iter().any(|l| l.starts_with(
            "? An unfinished draft of this claim exists (claims/new-coop.toml.draft)"
        )),
        "{:#?}",
        p.log
    );
    assert!(
        p.log
            .contains(&"? Program [Microsoft Commerce Incentives]".to_string())
    );
}

#[test]
fn changing_an_answer_at_the_review_shows_what_a_later_question_fixes_at_once() {
    let fx = Fixture::new();
    let mut replies = full(TENANT);
    replies.pop();
    replies.extend([
        Reply::Pick("Change an answer".into()),
        Reply::Pick("Workloads:".into()),
        Reply::Tick(vec![
            "Exchange Online".into(),
            "Microsoft Teams".into(),
            "SharePoint Online".into(),
        ]),
        Reply::Pick("Stop here".into()),
    ]);
    let (result, p) = fx.run(replies, Some("c.toml"), None);
    assert!(
        matches!(result, Ok(Finished::NotWritten { .. })),
        "{:#?}",
        p.log
    );
    let asked = p
        .log
        .iter()
        .rposition(|l| l.starts_with("? Workloads"))
        .unwrap();
    let note = "=     A later question fixes this: \"PoE n: workloads it evidences\" (Proof of execution). This answer is kept.";
    assert_eq!(p.log[asked + 3], note, "{:#?}", p.log);
    // The review that follows lists it with both questions that fix it.
    assert!(
        review(&p).iter().any(|l| l
            == "=     to fix it, change \"Workloads\", or \"PoE n: workloads it evidences\" (Proof of execution)"),
        "{:#?}",
        review(&p)
    );
    assert_eq!(p.asked("Customer name"), 1);
}
