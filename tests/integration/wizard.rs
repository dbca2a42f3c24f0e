//! `claimtool cpor new` end to end: in a real pseudo-terminal (rexpect),
//! killed half-way, and without a terminal at all.

use std::time::{Duration, Instant};

use super::support::{Test, repo};

const TENANT: &str = "3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b";

/// A folder with no `claimtool.toml` above it and a PoE document in it.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = repo().join("tests/fixtures/docs");
    std::fs::create_dir(dir.path().join("poe")).unwrap();
    std::fs::copy(docs.join("signed-sow.pdf"), dir.path().join("poe/sow.pdf")).unwrap();
    dir
}

#[test]
fn without_a_terminal_new_refuses_at_once_naming_the_other_way() {
    let dir = workspace();
    for args in [&["cpor", "new"][..], &["cpor", "new", "--no-input"][..]] {
        let start = Instant::now();
        Test::new()
            .current_dir(dir.path())
            .args(args)
            .stdin("")
            .timeout(Duration::from_secs(20))
            .run()
            .code(2)
            .stdout_is("")
            .stderr_contains("needs a terminal")
            .stderr_contains("claimtool cpor validate FILE");
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "it must not wait for input"
        );
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
}

#[cfg(unix)]
mod pty {

    use super::*;
    use crate::pty::{DOWN, answer, exit_code, keys, spawn};
    use rexpect::process::Signal;
    use rexpect::session::PtySession;

    fn associate_customer(s: &mut PtySession) {
        answer(s, "Claim name", "Contoso - Microsoft 365 E5 rollout");
        answer(s, "Partner location", "4871236");
        answer(s, "Customer name", "Contoso Ltd");
    }

    #[test]
    fn a_whole_session_in_a_terminal_writes_a_claim_that_validates() {
        let dir = workspace();
        let mut s = spawn(dir.path(), &["cpor", "new", "--out", "contoso.toml"]);
        associate_customer(&mut s);
        // A bad tenant ID is explained and asked again.
        answer(&mut s, "Customer tenant ID", "contoso.onmicrosoft.com");
        s.exp_string("error[cpor-tenant-id]: customer tenant ID is not a GUID")
            .unwrap();
        s.exp_string("Please answer again").unwrap();
        answer(&mut s, "Customer tenant ID", TENANT);
        answer(&mut s, "Customer domain", "contoso.onmicrosoft.com");
        keys(&mut s, "Opt out of incentive payment", &["n"]);
        keys(&mut s, "Solution area", &["\r"]);
        keys(&mut s, "Partner role", &["\r"]);
        tick_exchange_and_teams(&mut s);
        keys(&mut s, "deployed and active", &["y"]);
        answer(&mut s, "Customer contact name", "Ada Lovelace");
        answer(&mut s, "Customer contact email", "ada.lovelace@contoso.com");
        answer(&mut s, "Customer contact work title", "CIO");
        answer(&mut s, "Partner contact name", "Grace Hopper");
        answer(
            &mut s,
            "Partner contact email",
            "grace.hopper@fabrikam.com.au",
        );
        keys(&mut s, "Add a PoE document?", &["y"]);
        answer(&mut s, "PoE 1: file", "poe/sow.pdf");
        keys(&mut s, "PoE 1: type", &["\r"]);
        answer(&mut s, "PoE 1: date it carries", "2026-09-01");
        keys(&mut s, "PoE 1: customer signature", &[DOWN, "\r"]);
        // The signature date defaults to the document's date; the fixture
        // SOW's digital signature says 2026-09-03.
        answer(&mut s, "PoE 1: signed on", "2026-09-03");
        keys(&mut s, "PoE 1: workloads it evidences", &["\r"]);
        keys(&mut s, "Add another PoE document?", &["n"]);
        s.exp_string("Review and complete").unwrap();
        s.exp_string(TENANT).unwrap();
        s.exp_string("The checks find no problem.").unwrap();
        keys(&mut s, "Write the claim to contoso.toml", &["\r"]);
        s.exp_string("1 file: 1 ready").unwrap();
        keys(&mut s, "Build the submission bundle now", &["y"]);
        s.exp_string("bundles").unwrap();
        s.exp_eof().unwrap();
        assert_eq!(exit_code(&s), 0);
        let bundle = dir.path().join("bundles/contoso-microsoft-365-e5-rollout");
        assert!(
            bundle.join("SUBMIT.md").is_file(),
            "the offered bundle was written"
        );

        let claim = dir.path().join("contoso.toml");
        let text = std::fs::read_to_string(&claim).unwrap();
        assert!(
            text.contains(&format!("customer_tenant_id = \"{TENANT}\"")),
            "{text}"
        );
        assert!(text.contains("workloads = [\"Exchange Online\", \"Microsoft Teams\"]"));
        assert!(text.contains("signature = \"digital\"\nsigned_on = 2026-09-03"));
        assert!(!dir.path().join("contoso.toml.draft").exists());
        Test::new()
            .current_dir(dir.path())
            .args(["--today", "2026-11-26", "cpor", "validate", "contoso.toml"])
            .run()
            .success()
            .stdout_contains("1 file: 1 ready");
    }

    /// Ticks Exchange Online and Microsoft Teams, found in the built-in
    /// list the wizard offers, and confirms.
    fn tick_exchange_and_teams(s: &mut PtySession) {
        let offered = claimtool::kinds::cpor::workload_names::builtin(
            claimtool::kinds::cpor::model::SolutionArea::ModernWorkSecurity,
        );
        let exchange = offered
            .iter()
            .position(|w| *w == "Exchange Online")
            .unwrap();
        let teams = offered
            .iter()
            .position(|w| *w == "Microsoft Teams")
            .unwrap();
        let mut presses = vec![DOWN; exchange];
        presses.push(" ");
        presses.extend(vec![DOWN; teams - exchange]);
        presses.push(" ");
        presses.push("\r");
        keys(s, "Workloads (space", &presses);
    }

    #[test]
    fn the_multi_select_marks_its_current_row_without_colour() {
        let dir = workspace();
        let mut s = spawn(dir.path(), &["cpor", "new", "--out", "c.toml"]);
        associate_customer(&mut s);
        answer(&mut s, "Customer tenant ID", TENANT);
        answer(&mut s, "Customer domain", "");
        keys(&mut s, "Opt out of incentive payment", &["n"]);
        keys(&mut s, "Solution area", &["\r"]);
        keys(&mut s, "Partner role", &["\r"]);
        // NO_COLOR=1 (the Test builder's environment): the current row is
        // marked by a character, not by colour alone.
        // rexpect reads the terminal byte by byte, one char a byte.
        let mark: String = "❯ ⬚ ".bytes().map(char::from).collect();
        s.exp_string("Workloads (space").unwrap();
        s.exp_string(&format!("{mark}Exchange Online")).unwrap();
        s.send(DOWN).unwrap();
        s.flush().unwrap();
        s.exp_string(&format!("{mark}SharePoint Online")).unwrap();
        s.process_mut().kill(Signal::SIGKILL).unwrap();
    }

    /// A session whose answers leave a warning (a webmail partner address,
    /// kept): the review lists it, and the check after writing names the
    /// file as `validate` does, relative to the current folder.
    #[test]
    fn the_review_lists_the_findings_and_the_check_names_the_file_relatively() {
        let dir = workspace();
        let mut s = spawn(dir.path(), &["cpor", "new", "--out", "c.toml"]);
        associate_customer(&mut s);
        answer(&mut s, "Customer tenant ID", TENANT);
        answer(&mut s, "Customer domain", "");
        keys(&mut s, "Opt out of incentive payment", &["n"]);
        keys(&mut s, "Solution area", &["\r"]);
        keys(&mut s, "Partner role", &["\r"]);
        tick_exchange_and_teams(&mut s);
        keys(&mut s, "deployed and active", &["y"]);
        answer(&mut s, "Customer contact name", "Ada Lovelace");
        answer(&mut s, "Customer contact email", "ada.lovelace@contoso.com");
        answer(&mut s, "Customer contact work title", "");
        answer(&mut s, "Partner contact name", "Grace Hopper");
        answer(&mut s, "Partner contact email", "grace@gmail.com");
        s.exp_string("warning[business-email]").unwrap();
        keys(&mut s, "Keep this answer?", &["y"]);
        keys(&mut s, "Add a PoE document?", &["y"]);
        answer(&mut s, "PoE 1: file", "poe/sow.pdf");
        keys(&mut s, "PoE 1: type", &["\r"]);
        // The date the fixture SOW's digital signature carries (the
        // signature date defaults to it).
        answer(&mut s, "PoE 1: date it carries", "2026-09-03");
        keys(&mut s, "PoE 1: customer signature", &[DOWN, "\r"]);
        answer(&mut s, "PoE 1: signed on", "");
        keys(&mut s, "PoE 1: workloads it evidences", &["\r"]);
        keys(&mut s, "Add another PoE document?", &["n"]);
        s.exp_string("Review and complete").unwrap();
        s.exp_string("The checks find 0 error(s) and 1 warning(s):")
            .unwrap();
        s.exp_string("warning[business-email]").unwrap();
        s.exp_string("to fix it, change \"Partner contact email\"")
            .unwrap();
        keys(&mut s, "Write the claim to c.toml", &["\r"]);
        let (_, arrow) = s.exp_regex(r"--> \S+").unwrap();
        assert!(
            arrow.starts_with("--> c.toml:"),
            "the check names the file relatively: {arrow}"
        );
        keys(&mut s, "Build the submission bundle now", &["n"]);
        s.exp_eof().unwrap();
        assert_eq!(exit_code(&s), 0);
    }

    #[test]
    fn ctrl_c_before_the_name_is_known_keeps_the_first_answers() {
        let dir = workspace();
        let mut s = spawn(dir.path(), &["coop", "new"]);
        s.exp_string("Answers are saved to new-coop.toml.draft as you go.")
            .unwrap();
        answer(&mut s, "Program", "");
        // The next prompt shows only after the draft was saved.
        s.exp_string("Fund category").unwrap();
        s.send_control('c').unwrap();
        s.exp_string("saved in new-coop.toml.draft").unwrap();
        s.exp_string("claimtool coop new --from new-coop.toml.draft")
            .unwrap();
        s.exp_eof().unwrap();
        assert_eq!(exit_code(&s), 2);
        let text = std::fs::read_to_string(dir.path().join("new-coop.toml.draft")).unwrap();
        assert!(
            text.contains("program = \"Microsoft Commerce Incentives\""),
            "{text}"
        );
    }

    #[test]
    fn the_draft_survives_a_kill_and_resumes() {
        let dir = workspace();
        let mut s = spawn(dir.path(), &["cpor", "new"]);
        associate_customer(&mut s);
        // The next prompt shows only after the draft was saved.
        s.exp_string("Customer tenant ID").unwrap();
        s.process_mut().kill(Signal::SIGKILL).unwrap();

        let draft = dir
            .path()
            .join("contoso-microsoft-365-e5-rollout.toml.draft");
        let text = std::fs::read_to_string(&draft).expect("the draft is on disk");
        assert!(text.contains("kind = \"cpor\""), "{text}");
        assert!(text.contains("claim_name = \"Contoso - Microsoft 365 E5 rollout\""));
        assert!(text.contains("partner_id = \"4871236\""));
        assert!(text.contains("customer_name = \"Contoso Ltd\""));
        assert!(!text.contains("customer_tenant_id"));
        toml::from_str::<toml::Table>(&text).expect("the draft is whole TOML");

        // --from offers the saved answers as defaults.
        let mut s = spawn(
            dir.path(),
            &[
                "cpor",
                "new",
                "--from",
                "contoso-microsoft-365-e5-rollout.toml.draft",
            ],
        );
        s.exp_string("Claim name").unwrap();
        s.exp_string("Contoso - Microsoft 365 E5 rollout").unwrap();
        s.send_line("").unwrap();
        s.exp_string("Partner location").unwrap();
        s.exp_string("4871236").unwrap();
        s.process_mut().kill(Signal::SIGKILL).unwrap();
        let text = std::fs::read_to_string(&draft).unwrap();
        assert!(text.contains("customer_name = \"Contoso Ltd\""), "{text}");
    }

    #[test]
    fn ctrl_c_says_where_the_answers_are() {
        let dir = workspace();
        let mut s = spawn(dir.path(), &["cpor", "new", "--out", "c.toml"]);
        associate_customer(&mut s);
        s.exp_string("Customer tenant ID").unwrap();
        s.send_control('c').unwrap();
        s.exp_string("saved in c.toml.draft").unwrap();
        // The resume command starts a line of its own: a narrow terminal
        // does not cut it, and it copies whole.
        s.exp_regex(r"\n *claimtool cpor new --from c\.toml\.draft")
            .unwrap();
        s.exp_eof().unwrap();
        assert_eq!(exit_code(&s), 2);
        let text = std::fs::read_to_string(dir.path().join("c.toml.draft")).unwrap();
        assert!(text.contains("customer_name = \"Contoso Ltd\""));
    }

    #[test]
    fn no_input_refuses_even_in_a_terminal() {
        let dir = workspace();
        let mut s = spawn(dir.path(), &["--no-input", "cpor", "new"]);
        s.exp_string("--no-input was given").unwrap();
        s.exp_eof().unwrap();
        assert_eq!(exit_code(&s), 2);
    }
}
