//! `claimtool init`: the workspace validates (bar the placeholder
//! warnings), and nothing is overwritten without --force.

use super::support::Test;

/// Runs `init` as of `today` and validates its claims the same day; returns
/// the findings that are neither placeholder warnings nor info.
fn init_and_validate(today: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    Test::new()
        .args(["init", "ws", "--today", today])
        .current_dir(dir.path())
        .run()
        .success();
    let ws = dir.path().join("ws");
    assert!(ws.join("claimtool.toml").is_file());
    assert!(ws.join("schema/cpor.schema.json").is_file());
    let report = Test::new()
        .current_dir(&ws)
        .args(["validate", "claims/", "--today", today, "--format", "json"])
        .run()
        .stdout_json();
    let files = report["files"].as_array().unwrap();
    let kinds: Vec<&str> = files.iter().map(|f| f["kind"].as_str().unwrap()).collect();
    for kind in <claimtool::model::Kind as claimtool::decode::StrEnum>::ALL {
        let kind = claimtool::decode::StrEnum::as_str(*kind);
        assert!(kinds.contains(&kind), "no {kind} example in {kinds:?}");
    }
    let mut unexpected = Vec::new();
    for file in files {
        for d in file["diagnostics"].as_array().unwrap() {
            if d["rule"] != "document-placeholder" && d["severity"] != "info" {
                unexpected.push(format!("{today}: {}: {d}", file["path"]));
            }
        }
    }
    // The config loads when named explicitly too.
    Test::new()
        .current_dir(&ws)
        .args([
            "--config",
            "claimtool.toml",
            "validate",
            "claims/",
            "--today",
            today,
        ])
        .run()
        .code(i32::from(
            unexpected.iter().any(|u| u.contains("\"error\"")),
        ));
    unexpected
}

#[test]
fn init_writes_a_workspace_that_validates_apart_from_placeholders() {
    // Any day of the year: the examples are dated around it.
    for today in [
        "2026-11-26",
        "2027-06-01",
        "2026-08-16",
        "2027-02-28",
        "2028-02-29",
    ] {
        let unexpected = init_and_validate(today);
        assert!(unexpected.is_empty(), "{unexpected:#?}");
    }
}

#[test]
fn near_the_end_of_a_claim_window_the_coop_example_says_so() {
    // The co-op windows follow each other: two weeks before one closes, the
    // only open window is closing, and the example's deadline warns.
    let unexpected = init_and_validate("2027-02-10");
    assert!(!unexpected.is_empty());
    assert!(
        unexpected
            .iter()
            .all(|u| u.contains("coop-claim-window") && u.contains("\"warning\"")),
        "{unexpected:#?}"
    );
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    Test::new()
        .arg("init")
        .current_dir(dir.path())
        .run()
        .success();
    std::fs::write(dir.path().join("claimtool.toml"), "# mine\n").unwrap();
    Test::new()
        .arg("init")
        .current_dir(dir.path())
        .run()
        .code(2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("claimtool.toml")).unwrap(),
        "# mine\n"
    );
    Test::new()
        .args(["init", "--force"])
        .current_dir(dir.path())
        .run()
        .success();
    assert_ne!(
        std::fs::read_to_string(dir.path().join("claimtool.toml")).unwrap(),
        "# mine\n"
    );
}
