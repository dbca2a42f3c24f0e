//! Bundles inside a workspace (spec/cli.md, "The submission bundle" and the
//! folder walk): the bundle's claim.toml names its own copies, the source is
//! kept byte for byte, folder walks skip bundles, and a bundle validates on
//! its own wherever it is unpacked.

use std::path::Path;

use crate::support::{Test, repo};

const TODAY: &str = "2026-11-20";
const SLUG: &str = "contoso-microsoft-365-e5-deployment";

/// A copy of the examples, to bundle into.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("examples"), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn bundle(dir: &Path) {
    Test::new()
        .current_dir(dir)
        .args(["cpor", "bundle", "cpor/contoso-e5.toml", "--out", "bundles"])
        .today(TODAY)
        .run()
        .success();
}

#[test]
fn the_bundle_claim_names_its_copies_and_keeps_the_source() {
    let dir = workspace();
    bundle(dir.path());
    let source = std::fs::read_to_string(dir.path().join("cpor/contoso-e5.toml")).unwrap();
    let out = dir.path().join("bundles").join(SLUG);
    assert_eq!(
        std::fs::read_to_string(out.join("claim.source.toml")).unwrap(),
        source
    );
    let bundled = std::fs::read_to_string(out.join("claim.toml")).unwrap();
    // Only the document paths differ, line for line; comments are kept.
    let changed: Vec<(&str, &str)> = source
        .lines()
        .zip(bundled.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(source.lines().count(), bundled.lines().count());
    assert_eq!(
        changed,
        [
            (
                "path = \"poe/contoso-sow-signed.pdf\"",
                "path = \"documents/01-contoso-sow-signed.pdf\""
            ),
            (
                "path = \"poe/contoso-confirmation.eml\"",
                "path = \"documents/02-contoso-confirmation.eml\""
            ),
        ]
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let names: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"claim.toml") && names.contains(&"claim.source.toml"));
}

/// Before: `validate .` after bundling failed with duplicate-claim between
/// the claim and bundles/<slug>/claim.toml, and document-missing for the copy.
#[test]
fn a_folder_walk_skips_the_bundles_inside_it() {
    let dir = workspace();
    let before = Test::new()
        .current_dir(dir.path())
        .args(["validate", ".", "--format", "json"])
        .today(TODAY)
        .run();
    bundle(dir.path());
    let after = Test::new()
        .current_dir(dir.path())
        .args(["validate", ".", "--format", "json"])
        .today(TODAY)
        .run();
    assert_eq!(after.exit_code(), before.exit_code());
    assert_eq!(after.stdout_json(), before.stdout_json());
    after
        .stdout_lacks("bundles/")
        .stdout_lacks("duplicate-claim");
}

/// Given itself, or unpacked somewhere else, a bundle is one clean claim.
#[test]
fn a_bundle_validates_on_its_own() {
    let dir = workspace();
    bundle(dir.path());
    let out = dir.path().join("bundles").join(SLUG);
    Test::new()
        .current_dir(dir.path())
        .arg("validate")
        .arg(&out)
        .today(TODAY)
        .run()
        .code(0)
        .stdout_contains("1 file: 1 ready");
    let elsewhere = tempfile::tempdir().unwrap();
    copy_dir(&out, &elsewhere.path().join(SLUG));
    Test::new()
        .current_dir(elsewhere.path())
        .args(["validate", SLUG])
        .today(TODAY)
        .run()
        .code(0)
        .stdout_contains("1 file: 1 ready");
}
