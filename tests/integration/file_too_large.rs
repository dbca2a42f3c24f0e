//! `file-too-large`: its failing case needs a file over 1 MiB, written here
//! to a temporary folder rather than committed as a fixture.

use std::path::Path;

use claimtool::config::Config;
use claimtool::diag::{Overrides, Severity};
use claimtool::engine::{Input, check_paths};
use claimtool::rules::Env;
use claimtool::rules::any::file_too_large::MAX_CLAIM_FILE_BYTES;

/// A valid claim (the fixtures' one) padded with comment lines to `size`
/// bytes exactly.
fn padded_claim(dir: &Path, size: u64) -> std::path::PathBuf {
    let valid = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules/file-too-large/pass-valid.toml");
    let mut text = std::fs::read_to_string(valid).unwrap();
    let size = usize::try_from(size).unwrap();
    while text.len() < size {
        let room = size - text.len();
        let line = if room > 80 {
            format!("#{}\n", "x".repeat(78))
        } else {
            format!("#{}\n", "x".repeat(room - 2))
        };
        text.push_str(&line);
    }
    assert_eq!(text.len(), size);
    let path = dir.join("claim.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn findings(path: &Path) -> Vec<(&'static str, Severity)> {
    let env = Env::new(Config::default(), "2026-11-26".parse().unwrap());
    let input = Input {
        display: "claim.toml".into(),
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

#[test]
fn a_claim_file_over_one_mib_is_refused_unparsed() {
    let dir = tempfile::tempdir().unwrap();
    let path = padded_claim(dir.path(), MAX_CLAIM_FILE_BYTES + 1);
    // Only file-too-large: the file was not parsed, so nothing else is said.
    assert_eq!(findings(&path), [("file-too-large", Severity::Error)]);
}

#[test]
fn a_claim_file_of_exactly_one_mib_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // The padded copy lives elsewhere, so its relative document path breaks:
    // only file-too-large matters here.
    let path = padded_claim(dir.path(), MAX_CLAIM_FILE_BYTES);
    let found = findings(&path);
    assert!(
        !found.iter().any(|(rule, _)| *rule == "file-too-large"),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(rule, _)| *rule == "document-missing"),
        "{found:?}"
    );
}
