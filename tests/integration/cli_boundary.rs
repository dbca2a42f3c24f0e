//! The binary's boundary: a command that cannot run names the file or step
//! that failed (exit 2), and each command's `--format` takes only the
//! formats it writes. Uses assert_cmd directly.

use assert_cmd::Command;
use predicates::prelude::*;

fn claimtool() -> Command {
    let mut cmd = Command::cargo_bin("claimtool").expect("binary built");
    cmd.env_remove("CLAIMTOOL_TODAY")
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

const IMPORT: [&str; 6] = [
    "score",
    "import",
    "--partner-id",
    "4871236",
    "--solution-area",
    "modern-work",
];

/// A file that exists but cannot be read: `/proc/self/mem` answers EIO at
/// offset 0, even for root (whom permissions would not stop). Before, the
/// message was only "error: Input/output error (os error 5)".
#[cfg(target_os = "linux")]
#[test]
fn score_import_of_an_unreadable_file_names_it() {
    claimtool()
        .args(IMPORT)
        .arg("/proc/self/mem")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: cannot read /proc/self/mem: ",
        ));
}

#[test]
fn score_import_of_a_missing_file_names_it() {
    claimtool()
        .args(IMPORT)
        .arg("no/such/history.csv")
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: no/such/history.csv does not exist\n");
}

/// `--out` into a folder that does not exist: refused (the folder is not
/// made), naming the file.
#[test]
fn score_import_out_into_a_missing_folder_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no/such/history.toml");
    claimtool()
        .args(IMPORT)
        .arg("examples/score/history.csv")
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "error: cannot write {}: ",
            out.display()
        )));
    assert!(!dir.path().join("no").exists());
}

/// Every command that reads a file names it when the read fails, with the
/// cause once (a library message that already holds its cause is not
/// followed by it again).
#[cfg(target_os = "linux")]
#[test]
fn unreadable_inputs_are_named_with_their_cause_once() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["validate", "/proc/self/mem"],
            "cannot read /proc/self/mem",
        ),
        (
            &["cpor", "checklist", "/proc/self/mem"],
            "cannot read /proc/self/mem",
        ),
        (&["score", "/proc/self/mem"], "cannot read /proc/self/mem"),
        (
            &["score", "validate", "/proc/self/mem"],
            "cannot read /proc/self/mem",
        ),
        (
            &["validate", "examples", "--config", "/proc/self/mem"],
            "cannot read config /proc/self/mem",
        ),
        (
            &["validate", "examples", "--catalog", "/proc/self/mem"],
            "cannot read the engagement catalogue /proc/self/mem",
        ),
    ];
    for (args, message) in cases {
        let out = claimtool()
            .args(args)
            .args(["--today", "2026-11-20"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(
            stderr,
            format!("error: {message}: Input/output error (os error 5)\n"),
            "{args:?}"
        );
    }
}

/// A bundle that cannot be written names the path (exit 2).
#[test]
fn bundle_into_a_file_names_it() {
    let out = tempfile::NamedTempFile::new().unwrap();
    let path = out.path().display().to_string();
    claimtool()
        .args(["cpor", "bundle", "examples/cpor/contoso-e5.toml", "--out"])
        .arg(out.path())
        .args(["--today", "2026-11-20"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::starts_with(format!("error: cannot create {path}: "))
                .and(predicate::str::ends_with("; no bundle written\n")),
        );
}
