//! What a bundle tells the user, pinned word for word: `SUBMIT.md` (the
//! Partner Center screens in order, with the claim's values), `checklist.md`
//! and `claim.json` of each kind's complete example, bundled as of
//! 2026-11-20. A change to a screen, a label, a deadline or an item shows up
//! in review as a snapshot diff (`snapshots/bundles/`). Write new snapshots
//! with `INSTA_UPDATE=always cargo test --test integration walkthroughs` (or
//! `cargo insta review`) and read them before committing.

use std::path::{Path, PathBuf};

use super::support::Test;

const TODAY: &str = "2026-11-20";

/// The files pinned (manifest.json is left out: its hashes follow these).
const FILES: [&str; 3] = ["SUBMIT.md", "checklist.md", "claim.json"];

/// Bundles `example` into `out`; returns the one bundle folder written.
fn bundle(kind: &str, example: &str, out: &Path) -> PathBuf {
    Test::new()
        .today(TODAY)
        .args([kind, "bundle", example, "--out"])
        .arg(out)
        .run()
        .code(0);
    let written: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    written.into_iter().next().unwrap()
}

/// A bundle file's text, with the output folder (a temporary path) replaced.
fn read(root: &Path, out: &Path, file: &str) -> String {
    std::fs::read_to_string(root.join(file))
        .unwrap()
        .replace(out.to_str().unwrap(), "[OUT]")
}

fn pin(kind: &str, example: &str) {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let first = bundle(kind, example, a.path());
    let second = bundle(kind, example, b.path());
    for file in FILES {
        let text = read(&first, a.path(), file);
        // Reproducible: the same claim on the same day, the same bytes.
        assert_eq!(text, read(&second, b.path(), file), "{kind} {file}");
        insta::with_settings!({
            snapshot_path => "snapshots/bundles",
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => format!("claimtool {kind} bundle {example} --today {TODAY} --out [OUT]: {file}"),
        }, {
            insta::assert_snapshot!(format!("{kind}-{file}"), text);
        });
    }
}

#[test]
fn the_cpor_walkthrough() {
    pin("cpor", "examples/cpor/contoso-e5.toml");
}

#[test]
fn the_coop_walkthrough() {
    pin("coop", "examples/coop/azure-webinar-series.toml");
}

#[test]
fn the_plfunding_walkthrough() {
    pin("plfunding", "examples/plfunding/contoso-dc-exit.toml");
}
