//! Bad input never panics: random bytes, truncated files, wrong types at
//! every key, huge strings, invalid UTF-8, and the toml-test suite's 492
//! invalid documents all come back as findings.

use std::path::{Path, PathBuf};

use claimtool::config::Config;
use claimtool::diag::Overrides;
use claimtool::engine::check_loaded;
use claimtool::load::load_bytes;
use claimtool::rules::Env;
use proptest::prelude::*;

fn env() -> Env {
    Env::new(Config::default(), "2026-11-26".parse().unwrap())
}

/// Loads and checks bytes as a claim file; returns the rule ids found.
fn check(bytes: Vec<u8>) -> Vec<&'static str> {
    let env = env();
    let loaded = load_bytes(bytes, Path::new("fuzz/claim.toml"), "claim.toml");
    let report = check_loaded(vec![loaded], &env, &Overrides::default());
    report.files[0].findings.iter().map(|f| f.rule).collect()
}

const VALID: &str = include_str!("../fixtures/rules/cpor-tenant-id/pass-guid.toml");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check(bytes);
    }

    #[test]
    fn truncated_claims_never_panic(cut in 0..VALID.len()) {
        check(VALID.as_bytes()[..cut].to_vec());
    }

    #[test]
    fn random_text_after_a_kind_never_panics(text in "\\PC{0,200}") {
        check(format!("kind = \"cpor\"\n{text}").into_bytes());
    }
}

/// Loads and checks a claim as if it stood beside the fixture it came from,
/// so its document paths resolve.
fn check_in_fixture_folder(text: &str) -> Vec<&'static str> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules/cpor-tenant-id/generated.toml");
    // With the config found from there (tests/fixtures/claimtool.toml: the
    // workspace holding the shared documents).
    let config = Config::discover(path.parent().unwrap()).unwrap();
    let env = Env::new(
        Config::load(&config).unwrap(),
        "2026-11-26".parse().unwrap(),
    );
    let loaded = load_bytes(text.as_bytes().to_vec(), &path, "generated.toml");
    let report = check_loaded(vec![loaded], &env, &Overrides::default());
    report.files[0].findings.iter().map(|f| f.rule).collect()
}

#[test]
fn wrong_types_at_every_key_are_wrong_type_findings() {
    // The untouched claim is clean, so any finding below is the change's.
    assert_eq!(check_in_fixture_folder(VALID), Vec::<&str>::new());
    let original: toml::Table = toml::from_str(VALID).unwrap();
    let replacements = [
        "42",
        "true",
        "[1, 2]",
        "{ a = 1 }",
        "2026-01-01",
        "\"text\"",
        "1.5",
    ];
    let mut checked = 0;
    for (i, line) in VALID.lines().enumerate() {
        let Some((key, _)) = line.split_once(" = ") else {
            continue;
        };
        // Top-level keys only: their type is known from the parsed claim.
        let Some(value) = original.get(key) else {
            continue;
        };
        if key == "kind" {
            continue;
        }
        for replacement in replacements {
            let new: toml::Value = toml::from_str::<toml::Table>(&format!("v = {replacement}"))
                .unwrap()
                .remove("v")
                .unwrap();
            // partner_id is a string or a whole number by design.
            let accepted = new.same_type(value) || (key == "partner_id" && new.is_integer());
            if accepted {
                continue;
            }
            let mut lines: Vec<String> = VALID.lines().map(str::to_string).collect();
            lines[i] = format!("{key} = {replacement}");
            let found = check_in_fixture_folder(&lines.join("\n"));
            assert!(
                found.contains(&"wrong-type"),
                "{key} = {replacement} gave {found:?}, not wrong-type"
            );
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} replacements checked");
}

#[test]
fn huge_strings_and_invalid_utf8_are_findings() {
    let huge = format!(
        "{}claim_name = \"{}\"\n",
        "kind = \"cpor\"\n",
        "x".repeat(500_000)
    );
    check(huge.into_bytes());
    let found = check(b"kind = \"cpor\"\nclaim_name = \"\xc3\x28\"\n".to_vec());
    assert_eq!(found, ["syntax"]);
}

#[test]
fn a_file_over_one_mib_is_refused_not_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    std::fs::write(
        &path,
        format!("kind = \"cpor\"\n# {}\n", "x".repeat(1024 * 1024)),
    )
    .unwrap();
    let loaded = claimtool::load::load_path(&path, "big.toml").unwrap();
    assert_eq!(loaded.findings.len(), 1);
    assert_eq!(loaded.findings[0].rule, "file-too-large");
}

/// The public toml-test suite's invalid documents, from ../shared/testdata.
fn toml_test_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/toml-test-invalid");
    dir.is_dir().then_some(dir)
}

#[test]
fn every_invalid_toml_test_document_is_a_syntax_finding() {
    let Some(root) = toml_test_corpus() else {
        eprintln!("../shared/testdata/toml-test-invalid is not present: corpus test skipped");
        return;
    };
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    assert!(
        files.len() >= 400,
        "corpus looks incomplete: {} files",
        files.len()
    );
    let mut not_syntax = Vec::new();
    for path in &files {
        let found = check(std::fs::read(path).unwrap());
        if !found.contains(&"syntax") {
            not_syntax.push(format!("{}: {found:?}", path.display()));
        }
    }
    assert!(
        not_syntax.is_empty(),
        "{} not reported as syntax:\n{}",
        not_syntax.len(),
        not_syntax.join("\n")
    );
}
