//! Rule fixtures: `tests/fixtures/rules/<rule-id>/pass-*.toml` must not
//! produce the rule, `fail-*.toml` must. A `pass-*`/`fail-*` folder is
//! checked as one batch (for the cross-file rules). A `claimtool.toml` in
//! the rule's folder is the config for its fixtures (its `[catalog]
//! engagements` replaces the built-in engagement catalogue, as in a run),
//! and a first line `# today: YYYY-MM-DD` sets the date (default 2026-11-26).

use std::path::{Path, PathBuf};

use claimtool::catalog::Catalog;
use claimtool::config::Config;
use claimtool::diag::Overrides;
use claimtool::engine::{Input, check_paths};
use claimtool::rules::{self, Env};

const DEFAULT_TODAY: &str = "2026-11-26";

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// The rule ids found when checking one fixture (file or folder).
fn rules_found(rule_dir: &Path, fixture: &Path) -> Vec<&'static str> {
    let config_path = rule_dir.join("claimtool.toml");
    let config = if config_path.is_file() {
        Config::load(&config_path).expect("fixture config loads")
    } else {
        Config::default()
    };
    let files: Vec<PathBuf> = if fixture.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(fixture)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        v.sort();
        v
    } else {
        vec![fixture.to_path_buf()]
    };
    let first = std::fs::read_to_string(&files[0]).unwrap_or_default();
    let today = first
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# today: "))
        .unwrap_or(DEFAULT_TODAY)
        .trim()
        .parse()
        .expect("fixture today is a date");
    let mut env = Env::new(config, today);
    env.catalog = Catalog::resolve(None, &env.config).expect("fixture catalogue loads");
    let inputs: Vec<Input> = files
        .iter()
        .map(|p| Input {
            display: p.display().to_string(),
            path: p.clone(),
        })
        .collect();
    let report = check_paths(&inputs, &env, &Overrides::default()).expect("fixture readable");
    report
        .files
        .iter()
        .flat_map(|f| f.findings.iter().map(|d| d.rule))
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
            let fired = found.contains(&id.as_str());
            if fired != expect_fail {
                failures.push(format!(
                    "{id}/{name}: expected the rule to {}, found {found:?}",
                    if expect_fail { "fire" } else { "stay silent" }
                ));
            }
        }
    }
    assert!(checked > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_a_passing_and_a_failing_fixture() {
    let root = fixtures_root();
    let mut missing = Vec::new();
    for rule in rules::all() {
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
