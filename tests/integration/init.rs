//! `claimtool init`: the workspace validates (bar the placeholder
//! warnings), and nothing is overwritten without --force.

use super::cli::claimtool;

#[test]
fn init_writes_a_workspace_that_validates_apart_from_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    claimtool()
        .args(["init", "ws"])
        .current_dir(dir.path())
        .assert()
        .success();
    let ws = dir.path().join("ws");
    assert!(ws.join("claimtool.toml").is_file());
    assert!(ws.join("schema/cpor.schema.json").is_file());
    let out = claimtool()
        .current_dir(&ws)
        .args([
            "validate",
            "claims/",
            "--today",
            "2026-11-26",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    let kinds: Vec<&str> = files.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    for kind in <claimtool::model::Kind as claimtool::decode::StrEnum>::ALL {
        let kind = claimtool::decode::StrEnum::as_str(*kind);
        assert!(kinds.contains(&kind), "no {kind} example in {kinds:?}");
    }
    for file in files {
        for d in file["diagnostics"].as_array().unwrap() {
            assert!(
                d["rule"] == "document-placeholder" || d["severity"] == "info",
                "unexpected finding {d}"
            );
        }
    }
    // The config loads: run with it explicitly.
    claimtool()
        .current_dir(&ws)
        .args([
            "--config",
            "claimtool.toml",
            "validate",
            "claims/",
            "--today",
            "2026-11-26",
        ])
        .assert()
        .success();
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    claimtool()
        .arg("init")
        .current_dir(dir.path())
        .assert()
        .success();
    std::fs::write(dir.path().join("claimtool.toml"), "# mine\n").unwrap();
    claimtool()
        .arg("init")
        .current_dir(dir.path())
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("claimtool.toml")).unwrap(),
        "# mine\n"
    );
    claimtool()
        .args(["init", "--force"])
        .current_dir(dir.path())
        .assert()
        .success();
    assert_ne!(
        std::fs::read_to_string(dir.path().join("claimtool.toml")).unwrap(),
        "# mine\n"
    );
}
