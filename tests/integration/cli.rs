//! The binary end to end: exit codes, JSON shape, human rendering, the
//! folder walk, global options in either position.

use super::support::{Test, repo};

/// A temp folder holding a copy of the valid fixture claim and its document.
fn valid_claim_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("docs")).unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/docs/signed-sow.pdf"),
        dir.path().join("docs/signed-sow.pdf"),
    )
    .unwrap();
    let claim =
        std::fs::read_to_string(repo().join("tests/fixtures/rules/cpor-tenant-id/pass-guid.toml"))
            .unwrap()
            .replace("../../docs/", "docs/");
    std::fs::write(dir.path().join("claim.toml"), claim).unwrap();
    dir
}

#[test]
fn valid_claim_exits_0_and_reports_ok() {
    let dir = valid_claim_dir();
    let v = Test::new()
        .current_dir(dir.path())
        .args(["validate", ".", "--today", "2026-11-26", "--format", "json"])
        .run()
        .code(0)
        .stdout_json();
    assert_eq!(v["version"], 1);
    assert_eq!(v["today"], "2026-11-26");
    assert_eq!(v["files"][0]["path"], "claim.toml");
    assert_eq!(v["files"][0]["kind"], "cpor");
    assert_eq!(v["files"][0]["status"], "ok");
    assert_eq!(
        v["summary"],
        serde_json::json!({"files": 1, "ok": 1, "warnings": 0, "errors": 0})
    );
}

#[test]
fn error_finding_exits_1_with_the_spec_json_shape() {
    let v = Test::new()
        .args([
            "--today",
            "2026-11-26",
            "cpor",
            "validate",
            "examples/cpor/mistakes/tenant-as-domain.toml",
            "--format",
            "json",
        ])
        .run()
        .code(1)
        .stdout_json();
    let file = &v["files"][0];
    assert_eq!(file["status"], "error");
    let d = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "cpor-tenant-id")
        .expect("cpor-tenant-id reported");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["field"], "customer_tenant_id");
    assert_eq!(d["line"], 7);
    assert_eq!(d["column"], 22);
    assert!(d["help"].as_str().unwrap().contains("tenant ID"));
    let keys: Vec<&String> = d.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "rule", "severity", "message", "field", "line", "column", "help"
        ]
    );
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn human_output_is_rustc_style() {
    let out = Test::new()
        .args([
            "validate",
            "examples/cpor/mistakes/tenant-as-domain.toml",
            "--today",
            "2026-11-26",
            "--allow",
            "document-reused",
        ])
        .run();
    insta::assert_snapshot!("human_tenant_as_domain", out.stdout());
}

#[test]
fn a_path_that_does_not_exist_exits_2_naming_it() {
    Test::new()
        .args(["validate", "no/such/claims"])
        .run()
        .code(2)
        .stderr_contains("no/such/claims");
}

#[test]
fn a_broken_file_in_a_folder_is_reported_and_the_others_still_checked() {
    let dir = valid_claim_dir();
    std::fs::write(
        dir.path().join("broken.toml"),
        "kind = \"cpor\"\nclaim_name = \"x\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.toml"), "title = \"not a claim\"\n").unwrap();
    // Skipped: the config, hidden folders and target/.
    std::fs::write(
        dir.path().join("claimtool.toml"),
        "[partner]\nname = \"Fabrikam\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".git/x.toml"), "nope").unwrap();
    std::fs::create_dir_all(dir.path().join("target")).unwrap();
    std::fs::write(dir.path().join("target/y.toml"), "nope").unwrap();
    let v = Test::new()
        .current_dir(dir.path())
        .args(["validate", ".", "--today", "2026-11-26", "--format", "json"])
        .run()
        .code(1)
        .stdout_json();
    let files: Vec<(&str, &str)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        files,
        [
            ("broken.toml", "error"),
            ("claim.toml", "ok"),
            ("notes.toml", "error")
        ]
    );
    assert_eq!(v["files"][0]["diagnostics"][0]["rule"], "syntax");
    assert_eq!(v["files"][2]["diagnostics"][0]["rule"], "unknown-kind");
    assert!(v["files"][2]["kind"].is_null());
}

#[test]
fn severity_overrides_from_flags_and_config() {
    let dir = valid_claim_dir();
    let claim = dir.path().join("claim.toml");
    let text = std::fs::read_to_string(&claim)
        .unwrap()
        .replace("ada.lovelace@contoso.com", "ada@gmail.com");
    std::fs::write(&claim, text).unwrap();
    let run = |args: &[&str]| {
        Test::new()
            .current_dir(dir.path())
            .args(["validate", "claim.toml", "--today", "2026-11-26"])
            .args(args)
            .run()
            .exit_code()
    };
    assert_eq!(run(&[]), Some(0), "a warning alone passes");
    assert_eq!(run(&["--deny-warnings"]), Some(1));
    assert_eq!(run(&["--deny", "business-email"]), Some(1));
    std::fs::write(
        dir.path().join("claimtool.toml"),
        "[rules]\nbusiness-email = \"error\"\n",
    )
    .unwrap();
    assert_eq!(run(&[]), Some(1), "config makes it an error");
    assert_eq!(
        run(&["--allow", "business-email"]),
        Some(0),
        "the command line wins"
    );
    assert_eq!(run(&["--deny", "no-such-rule"]), Some(2));
}

#[test]
fn an_unreadable_config_exits_2_with_line_and_column() {
    let dir = valid_claim_dir();
    std::fs::write(
        dir.path().join("claimtool.toml"),
        "[partner]\nnmae = \"x\"\n",
    )
    .unwrap();
    Test::new()
        .current_dir(dir.path())
        .args(["validate", "."])
        .run()
        .code(2)
        .stderr_contains("claimtool.toml:2:1")
        .stderr_contains("did you mean `name`?");
}

#[test]
fn global_options_work_before_and_after_the_subcommand() {
    let dir = valid_claim_dir();
    let a = Test::new()
        .current_dir(dir.path())
        .args(["--today", "2026-11-26", "--format", "json", "validate", "."])
        .run();
    let b = Test::new()
        .current_dir(dir.path())
        .args(["validate", "--today", "2026-11-26", "--format", "json", "."])
        .run();
    assert_eq!(a.stdout_bytes(), b.stdout_bytes());
    let c = Test::new()
        .current_dir(dir.path())
        .env("CLAIMTOOL_TODAY", "2026-11-26")
        .args(["validate", "--format", "json", "."])
        .run();
    assert_eq!(a.stdout_bytes(), c.stdout_bytes());
}

#[test]
fn kind_validate_rejects_another_kind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    std::fs::write(
        &path,
        "kind = \"score\"\npartner_id = \"4871236\"\nsolution_area = \"modern-work\"\n",
    )
    .unwrap();
    Test::new()
        .args(["cpor", "validate"])
        .arg(&path)
        .run()
        .code(1)
        .stdout_contains("this is a score claim, not cpor");
}

#[test]
fn rules_lists_and_explains() {
    Test::new()
        .arg("rules")
        .run()
        .success()
        .stdout_contains("cpor-poe-unsigned")
        .stdout_contains("syntax");
    Test::new()
        .args(["rules", "cpor-poe-unsigned"])
        .run()
        .success()
        .stdout_contains("Source:")
        .stdout_contains("fix");
    Test::new()
        .args(["rules", "cpor-poe-unsigend"])
        .run()
        .code(2)
        .stderr_contains("did you mean `cpor-poe-unsigned`?");
}

#[test]
fn colour_only_when_asked_and_never_under_no_color() {
    let path = repo().join("examples/cpor/mistakes/tenant-as-domain.toml");
    let out = Test::new()
        .env_remove("NO_COLOR")
        .args(["validate", "--color", "always"])
        .arg(&path)
        .run();
    assert!(out.stdout_bytes().contains(&0x1b), "--color always colours");
    let out = Test::new().args(["validate"]).arg(&path).run();
    assert!(
        !out.stdout_bytes().contains(&0x1b),
        "NO_COLOR and a pipe: plain"
    );
}

#[test]
fn help_has_examples_and_exit_codes() {
    Test::new()
        .arg("--help")
        .run()
        .success()
        .stdout_contains("Examples:")
        .stdout_contains("Exit codes:");
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for (shell, marker) in [
        ("bash", "_claimtool()"),
        ("zsh", "#compdef claimtool"),
        ("fish", "complete -c claimtool"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[claimtool]"),
    ] {
        Test::new()
            .args(["completions", shell])
            .run()
            .success()
            .stdout_contains(marker);
    }
    Test::new()
        .arg("man")
        .run()
        .success()
        .stdout_contains(".TH claimtool 1");
    Test::new().args(["completions", "tcsh"]).run().code(2);
}

#[test]
fn a_large_folder_leaves_nothing_but_results_on_a_pipe() {
    let dir = valid_claim_dir();
    let claim = std::fs::read_to_string(dir.path().join("claim.toml")).unwrap();
    for i in 0..300 {
        // Distinct tenants, so the copies are not duplicate claims.
        let text = claim.replace("3f2a1c9e", &format!("{i:08x}"));
        std::fs::write(dir.path().join(format!("c{i:03}.toml")), text).unwrap();
    }
    let out = Test::new()
        .current_dir(dir.path())
        .args([
            "validate",
            ".",
            "--today",
            "2026-11-26",
            "--allow",
            "document-reused",
        ])
        .run();
    out.code(0);
    assert!(
        out.stderr().is_empty(),
        "no progress bar on a pipe: {:?}",
        out.stderr()
    );
    out.stdout_contains("301 files: 301 ready");
}

#[cfg(unix)]
#[test]
fn linked_claims_are_checked_and_nothing_is_skipped_silently() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    std::fs::create_dir_all(dir.path().join("shared")).unwrap();
    std::fs::write(dir.path().join("shared/x.toml"), "kind = \"cpr\"\n").unwrap();
    std::os::unix::fs::symlink("../shared/x.toml", dir.path().join("claims/linked.toml")).unwrap();
    Test::new()
        .current_dir(dir.path())
        .args(["validate", "claims"])
        .run()
        .code(1)
        .stdout_contains("unknown-kind");
    std::os::unix::fs::symlink(
        "../shared/gone.toml",
        dir.path().join("claims/dangling.toml"),
    )
    .unwrap();
    Test::new()
        .current_dir(dir.path())
        .args(["validate", "claims"])
        .run()
        .code(2)
        .stderr_contains("claims/dangling.toml is a broken link; fix or remove it");
    std::fs::remove_file(dir.path().join("claims/dangling.toml")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("claims/up")).unwrap();
    Test::new()
        .current_dir(dir.path())
        .args(["validate", "claims"])
        .run()
        .code(2)
        .stderr_contains("claims/up leads back to");
    // A link to itself is a loop, not a broken link (issue 16, item 9).
    std::fs::remove_file(dir.path().join("claims/up")).unwrap();
    std::os::unix::fs::symlink("self.toml", dir.path().join("claims/self.toml")).unwrap();
    for path in ["claims", "claims/self.toml"] {
        let run = Test::new()
            .current_dir(dir.path())
            .args(["validate", path])
            .run();
        run.code(2)
            .stderr_contains("claims/self.toml is a symbolic link that loops");
        assert!(!run.stderr().contains("broken"), "{}", run.stderr());
    }
    std::fs::remove_file(dir.path().join("claims/self.toml")).unwrap();
    Test::new()
        .args(["validate", "/dev/null"])
        .run()
        .code(2)
        .stderr_contains("neither a claim file nor a folder");
}
