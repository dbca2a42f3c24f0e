//! Rule fixtures: `tests/fixtures/rules/<rule-id>/pass-*.toml` must not
//! produce the rule, `fail-*.toml` must. A `pass-*`/`fail-*` folder is
//! checked as one batch (for the cross-file rules). A `claimtool.toml` in
//! the rule's folder is the config for its fixtures (its `[catalog]
//! engagements` replaces the built-in engagement catalogue, as in a run);
//! without one, `tests/fixtures/claimtool.toml` is, as the binary finds it.
//! Either makes `tests/fixtures/` the workspace, so the shared documents in
//! `tests/fixtures/docs/` are inside it (docs/decisions.md).
//!
//! Header comments at the top of a fixture (the first file of a folder):
//! `# today: YYYY-MM-DD` sets the date (default 2026-11-26);
//! `# severity: warning` (fail fixtures) requires every finding of the rule
//! to have that severity, for rules whose severity varies (deadlines).
//! A fixture named `pass-valid*` must produce no finding at all: it is the
//! complete valid claim the other fixtures change one thing in.
//!
//! Every `fail-*` fixture's findings are pinned, too: run through the binary
//! (`claimtool validate FIXTURE --format json --today DATE` in the rule's
//! folder), the exit code and each finding's rule, severity, message, field,
//! line, column and help are one snapshot per fixture in
//! `snapshots/rules/`. A fixture without its snapshot fails under `CI=true`;
//! write new ones with `INSTA_UPDATE=always cargo test --test integration
//! fixtures` (or `cargo insta review`) and read them before committing.

use std::path::{Path, PathBuf};

use claimtool::config::Config;
use claimtool::diag::{Overrides, Severity};
use claimtool::engine::{Input, check_paths};
use claimtool::kinds::plfunding::catalog::Catalog;
use claimtool::rules::{self, Env};

use super::support::{Test, repo};

const DEFAULT_TODAY: &str = "2026-11-26";

/// Rules whose fixtures cannot live in this folder, and the test that
/// covers them instead.
const COVERED_ELSEWHERE: &[&str] = &[
    // A failing fixture would be a committed file over 1 MiB:
    // tests/integration/file_too_large.rs writes one to a temporary folder.
    "file-too-large",
];

/// The value of a `# key: value` line among the leading comment lines.
fn header(text: &str, key: &str) -> Option<String> {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| {
            l.strip_prefix('#')?
                .trim()
                .strip_prefix(key)?
                .strip_prefix(':')
        })
        .map(|v| v.trim().to_string())
}

fn fixtures_root() -> PathBuf {
    repo().join("tests/fixtures/rules")
}

/// The fixture's files in name order (one, or a folder's `*.toml`).
fn fixture_files(fixture: &Path) -> Vec<PathBuf> {
    if fixture.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(fixture)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        v.sort();
        v
    } else {
        vec![fixture.to_path_buf()]
    }
}

/// The header text of a fixture (its first file; lossy for the files that
/// are deliberately not UTF-8).
fn fixture_head(fixture: &Path) -> String {
    let first = &fixture_files(fixture)[0];
    String::from_utf8_lossy(&std::fs::read(first).unwrap_or_default()).into_owned()
}

/// The findings (rule id, severity) when checking one fixture (file or folder).
fn rules_found(rule_dir: &Path, fixture: &Path) -> Vec<(&'static str, Severity)> {
    // The config the binary finds from the rule's folder: its own
    // claimtool.toml, else tests/fixtures/claimtool.toml (the workspace).
    let config_path = Config::discover(rule_dir).expect("tests/fixtures/claimtool.toml");
    let config = Config::load(&config_path).expect("fixture config loads");
    let files = fixture_files(fixture);
    let today = header(&fixture_head(fixture), "today")
        .unwrap_or_else(|| DEFAULT_TODAY.to_string())
        .parse()
        .expect("fixture today is a date");
    let mut env = Env::new(config, today);
    env.catalog = Catalog::resolve(None, &env.config).expect("fixture catalogue loads");
    let inputs: Vec<Input> = files
        .iter()
        .map(|p| Input {
            display: p.display().to_string(),
            path: p.clone(),
            regular: false,
        })
        .collect();
    let report = check_paths(&inputs, &env, &Overrides::default()).expect("fixture readable");
    report
        .files
        .iter()
        .flat_map(|f| f.findings.iter().map(|d| (d.rule, d.severity)))
        .collect()
}

#[test]
fn every_fixture_passes_or_fails_its_rule() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for dir in std::fs::read_dir(fixtures_root()).unwrap() {
        let dir = dir.unwrap().path();
        let id = dir.file_name().unwrap().to_str().unwrap().to_string();
        assert!(
            rules::find(&id).is_some(),
            "fixture folder {id} names no rule"
        );
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let expect_fail = if name.starts_with("fail-") {
                true
            } else if name.starts_with("pass-") {
                false
            } else {
                continue;
            };
            checked += 1;
            let found = rules_found(&dir, &path);
            let fired = found.iter().any(|(rule, _)| *rule == id);
            if fired != expect_fail {
                failures.push(format!(
                    "{id}/{name}: expected the rule to {}, found {found:?}",
                    if expect_fail { "fire" } else { "stay silent" }
                ));
            }
            if name.starts_with("pass-valid") && !found.is_empty() {
                failures.push(format!(
                    "{id}/{name}: the valid claim must produce no finding, found {found:?}"
                ));
            }
            if let Some(expected) = header(&fixture_head(&path), "severity") {
                let wrong: Vec<_> = found
                    .iter()
                    .filter(|(rule, severity)| *rule == id && severity.as_str() != expected)
                    .collect();
                if !wrong.is_empty() {
                    failures.push(format!(
                        "{id}/{name}: expected every {id} finding to be {expected}, found {wrong:?}"
                    ));
                }
            }
        }
    }
    assert!(checked > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_failing_fixture_pins_its_findings() {
    insta::with_settings!({
        snapshot_path => "snapshots/rules",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::glob!("../fixtures/rules", "*/fail-*", |fixture| {
            let rule_dir = fixture.parent().unwrap();
            let name = fixture.file_name().unwrap().to_str().unwrap();
            let today = header(&fixture_head(fixture), "today")
                .unwrap_or_else(|| DEFAULT_TODAY.to_string());
            let args = ["validate", name, "--format", "json", "--today", &today];
            // In the rule's folder: its claimtool.toml is the config, and
            // every path in the report is relative to it.
            let run = Test::new().current_dir(rule_dir).args(args).run();
            let report = run.stdout_json();
            assert_eq!(report["today"], today.as_str());
            let pinned = serde_json::json!({
                "exit": run.exit_code(),
                "files": report["files"],
            });
            // Resolved paths (document-outside-workspace) are canonical.
            let canonical = std::fs::canonicalize(repo()).unwrap();
            let text = serde_json::to_string_pretty(&pinned)
                .unwrap()
                .replace(canonical.to_str().unwrap(), "[REPO]")
                .replace(repo().to_str().unwrap(), "[REPO]");
            insta::with_settings!({ description => format!("claimtool {}", args.join(" ")) }, {
                insta::assert_snapshot!("findings", text);
            });
        });
    });
}

#[test]
fn every_rule_has_a_passing_and_a_failing_fixture() {
    let root = fixtures_root();
    let mut missing = Vec::new();
    for rule in rules::all().filter(|r| !COVERED_ELSEWHERE.contains(&r.id)) {
        let dir = root.join(rule.id);
        let names: Vec<String> = std::fs::read_dir(&dir)
            .map(|rd| {
                rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        for prefix in ["pass-", "fail-"] {
            if !names.iter().any(|n| n.starts_with(prefix)) {
                missing.push(format!("{}: no {prefix}* fixture", rule.id));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn fixture_headers_are_read_from_the_leading_comments() {
    let text = "# today: 2026-12-11\n# A comment.\n# severity: warning\nkind = \"cpor\"\n# today: 1999-01-01\n";
    assert_eq!(header(text, "today").as_deref(), Some("2026-12-11"));
    assert_eq!(header(text, "severity").as_deref(), Some("warning"));
    assert_eq!(
        header("kind = \"cpor\"\n# today: 2026-01-01\n", "today"),
        None
    );
}
