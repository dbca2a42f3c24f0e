//! The binary end to end: exit codes, JSON shape, human rendering, the
//! folder walk, global options in either position.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

pub fn claimtool() -> Command {
    let mut cmd = Command::cargo_bin("claimtool").expect("binary built");
    cmd.env_remove("CLAIMTOOL_TODAY")
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1");
    cmd
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

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

fn json(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output).expect("stdout is JSON")
}

#[test]
fn valid_claim_exits_0_and_reports_ok() {
    let dir = valid_claim_dir();
    let out = claimtool()
        .current_dir(dir.path())
        .args(["validate", ".", "--today", "2026-11-26", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v = json(&out.stdout);
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
    let out = claimtool()
        .current_dir(repo())
        .args([
            "--today",
            "2026-11-26",
            "cpor",
            "validate",
            "examples/cpor/mistakes/tenant-as-domain.toml",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out.stdout);
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
    let out = claimtool()
        .current_dir(repo())
        .args([
            "validate",
            "examples/cpor/mistakes/tenant-as-domain.toml",
            "--today",
            "2026-11-26",
            "--allow",
            "document-reused",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!("human_tenant_as_domain", text);
}

#[test]
fn a_path_that_does_not_exist_exits_2_naming_it() {
    claimtool()
        .args(["validate", "no/such/claims"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/claims"));
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
    let out = claimtool()
        .current_dir(dir.path())
        .args(["validate", ".", "--today", "2026-11-26", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out.stdout);
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
        claimtool()
            .current_dir(dir.path())
            .args(["validate", "claim.toml", "--today", "2026-11-26"])
            .args(args)
            .output()
            .unwrap()
            .status
            .code()
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
    claimtool()
        .current_dir(dir.path())
        .args(["validate", "."])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("claimtool.toml:2:1")
                .and(predicate::str::contains("did you mean `name`?")),
        );
}

#[test]
fn global_options_work_before_and_after_the_subcommand() {
    let dir = valid_claim_dir();
    let a = claimtool()
        .current_dir(dir.path())
        .args(["--today", "2026-11-26", "--format", "json", "validate", "."])
        .output()
        .unwrap();
    let b = claimtool()
        .current_dir(dir.path())
        .args(["validate", "--today", "2026-11-26", "--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
    let c = claimtool()
        .current_dir(dir.path())
        .env("CLAIMTOOL_TODAY", "2026-11-26")
        .args(["validate", "--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(a.stdout, c.stdout);
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
    claimtool()
        .args(["cpor", "validate"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("this is a score claim, not cpor"));
}

#[test]
fn rules_lists_and_explains() {
    claimtool().arg("rules").assert().success().stdout(
        predicate::str::contains("cpor-poe-unsigned").and(predicate::str::contains("syntax")),
    );
    claimtool()
        .args(["rules", "cpor-poe-unsigned"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Source:").and(predicate::str::contains("fix")));
    claimtool()
        .args(["rules", "cpor-poe-unsigend"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `cpor-poe-unsigned`?",
        ));
}

#[test]
fn colour_only_when_asked_and_never_under_no_color() {
    let path = repo().join("examples/cpor/mistakes/tenant-as-domain.toml");
    let out = claimtool()
        .env_remove("NO_COLOR")
        .args(["validate", "--color", "always"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.stdout.contains(&0x1b), "--color always colours");
    let out = claimtool().args(["validate"]).arg(&path).output().unwrap();
    assert!(!out.stdout.contains(&0x1b), "NO_COLOR and a pipe: plain");
}

#[test]
fn help_has_examples_and_exit_codes() {
    claimtool()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("Exit codes:")));
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
        claimtool()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(marker));
    }
    claimtool()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH claimtool 1"));
    claimtool().args(["completions", "tcsh"]).assert().code(2);
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
    let out = claimtool()
        .current_dir(dir.path())
        .args([
            "validate",
            ".",
            "--today",
            "2026-11-26",
            "--allow",
            "document-reused",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        out.stderr.is_empty(),
        "no progress bar on a pipe: {:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("301 files: 301 ready")
    );
}

#[cfg(unix)]
#[test]
fn linked_claims_are_checked_and_nothing_is_skipped_silently() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    std::fs::create_dir_all(dir.path().join("shared")).unwrap();
    std::fs::write(dir.path().join("shared/x.toml"), "kind = \"cpr\"\n").unwrap();
    std::os::unix::fs::symlink("../shared/x.toml", dir.path().join("claims/linked.toml")).unwrap();
    claimtool()
        .current_dir(dir.path())
        .args(["validate", "claims"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("unknown-kind"));
    std::os::unix::fs::symlink(
        "../shared/gone.toml",
        dir.path().join("claims/dangling.toml"),
    )
    .unwrap();
    claimtool()
        .current_dir(dir.path())
        .args(["validate", "claims"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "claims/dangling.toml is a broken link; fix or remove it",
        ));
    std::fs::remove_file(dir.path().join("claims/dangling.toml")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("claims/up")).unwrap();
    claimtool()
        .current_dir(dir.path())
        .args(["validate", "claims"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("claims/up leads back to"));
    claimtool()
        .args(["validate", "/dev/null"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "neither a claim file nor a folder",
        ));
}
