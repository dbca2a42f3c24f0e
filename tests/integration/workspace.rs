//! Documents come from the workspace only (issue 16, item 7): a claim file
//! from someone else naming `../secret/creds.csv`, an absolute path or a
//! symlink to a file elsewhere gets a `document-outside-workspace` error,
//! and `bundle` copies none of them even with the rule switched off.
//! Copies are never more open than their source.

use std::fs;
use std::path::Path;

use super::bundle::{SLUG, TODAY, valid_claim, workspace};
use super::support::Test;

fn claimtool(dir: &Path) -> Test {
    Test::new().current_dir(dir).today(TODAY)
}

/// The valid claim plus a second document at `path`.
fn claim_with(path: &str) -> String {
    format!(
        "{}\n[[documents]]\npath = '{path}'\ntype = \"customer-email\"\ndate = 2026-09-05\n",
        valid_claim()
    )
}

/// A secret outside the workspace (`claims/`): `secret/creds.csv` beside it.
fn secret(ws: &Path) -> std::path::PathBuf {
    fs::create_dir_all(ws.join("secret")).unwrap();
    let path = ws.join("secret/creds.csv");
    fs::write(&path, "user,password\nroot,hunter2\n").unwrap();
    path
}

#[test]
fn a_claim_cannot_pull_files_from_outside_the_workspace() {
    let ws = workspace(&valid_claim());
    let creds = secret(ws.path());
    #[cfg(unix)]
    std::os::unix::fs::symlink(&creds, ws.path().join("claims/docs/x.eml")).unwrap();
    let mut paths = vec![
        "../secret/creds.csv".to_string(),
        creds.display().to_string(),
    ];
    if cfg!(unix) {
        paths.push("docs/x.eml".into());
    }
    for path in &paths {
        fs::write(ws.path().join("claims/contoso.toml"), claim_with(path)).unwrap();
        let run = claimtool(ws.path())
            .args(["validate", "claims/contoso.toml", "--format", "json"])
            .run();
        run.code(1);
        let report = run.stdout_json();
        let found: Vec<_> = report["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "document-outside-workspace")
            .collect();
        assert_eq!(found.len(), 1, "{path}: {report}");
        assert_eq!(found[0]["field"], "documents[1].path");
        assert_eq!(found[0]["line"], 28);
        assert!(
            found[0]["help"]
                .as_str()
                .unwrap()
                .contains("claimtool init")
        );

        claimtool(ws.path())
            .args(["cpor", "bundle", "claims/contoso.toml", "--out", "out"])
            .run()
            .code(1)
            .stdout_contains("document-outside-workspace");
        assert!(!ws.path().join("out").exists(), "{path}");

        // Switched off, the bundle still refuses, naming where and why.
        claimtool(ws.path())
            .args(["cpor", "bundle", "claims/contoso.toml", "--out", "out"])
            .args([
                "--allow",
                "document-outside-workspace",
                "--allow",
                "document-format",
            ])
            .run()
            .code(1)
            .stderr_contains("claims/contoso.toml:28:8: documents[1].path")
            .stderr_contains("a bundle never copies from outside the workspace")
            .stderr_contains("claimtool init");
        assert!(!ws.path().join("out").exists(), "{path}");
    }
}

#[test]
fn a_claimtool_toml_at_the_common_root_makes_it_the_workspace() {
    let ws = workspace("");
    let claims = ws.path().join("claims");
    fs::create_dir_all(claims.join("sub")).unwrap();
    let claim = valid_claim().replace("\"docs/", "\"../docs/");
    fs::write(claims.join("sub/contoso.toml"), claim).unwrap();
    let validate = || {
        claimtool(ws.path())
            .args(["validate", "claims/sub/contoso.toml"])
            .run()
    };
    validate()
        .code(1)
        .stdout_contains("document-outside-workspace");
    fs::write(ws.path().join("claimtool.toml"), "").unwrap();
    validate().success();
    claimtool(ws.path())
        .args(["cpor", "bundle", "claims/sub/contoso.toml", "--out", "out"])
        .run()
        .success();
}

#[cfg(unix)]
#[test]
fn bundled_documents_are_no_more_open_than_their_source() {
    use std::os::unix::fs::PermissionsExt;
    let ws = workspace(&valid_claim());
    let sow = ws.path().join("claims/docs/signed-sow.pdf");
    fs::set_permissions(&sow, fs::Permissions::from_mode(0o600)).unwrap();
    claimtool(ws.path())
        .args([
            "cpor",
            "bundle",
            "claims/contoso.toml",
            "--out",
            "out",
            "--zip",
        ])
        .run()
        .success();
    let copy = ws
        .path()
        .join("out")
        .join(SLUG)
        .join("documents/01-signed-sow.pdf");
    let mode = fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode & 0o077, 0, "the copy is {mode:o}, the source 600");
    let zip = fs::File::open(ws.path().join("out").join(format!("{SLUG}.zip"))).unwrap();
    let mut archive = zip::ZipArchive::new(zip).unwrap();
    let entry = archive
        .by_name(&format!("{SLUG}/documents/01-signed-sow.pdf"))
        .unwrap();
    assert_eq!(entry.unix_mode().map(|m| m & 0o777), Some(0o600));
}
