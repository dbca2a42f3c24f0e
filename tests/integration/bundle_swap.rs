//! The bundle writer under concurrency and interruption (issue 16, items 4
//! and 5), run as the binary: bundles of the same claim written at once
//! (exactly one wins, the others exit 2, nothing is lost), and a `--force`
//! swap killed at each of its renames (with strace; the next run finishes
//! or rolls back the swap, so the folder and the zip always come from the
//! same run and no temporary folder is left).
//!
//! The interrupted states are also built by hand, without strace, in the
//! unit tests of `src/bundle/write.rs`.

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::Path;

use super::bundle::{SLUG, TODAY, names, tree, valid_claim, workspace};
use super::support::Test;

fn bundle_cmd(dir: &Path, extra: &[&str]) -> Test {
    Test::new()
        .current_dir(dir)
        .today(TODAY)
        .args(["cpor", "bundle", "claims/contoso.toml", "--out", "out"])
        .args(extra)
}

/// Asserts that `out` holds exactly one whole bundle (folder and zip from
/// the same run, manifest true to the files) and nothing else; returns its
/// claim.source.toml (the source, byte for byte).
fn assert_one_whole_bundle(out: &Path) -> String {
    let zip_name = format!("{SLUG}.zip");
    assert_eq!(
        names(out),
        [SLUG.to_string(), zip_name.clone()].into_iter().collect(),
        "only the bundle and its zip in {}",
        out.display()
    );
    let root = out.join(SLUG);
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(root.join("manifest.json")).unwrap()).unwrap();
    let mut listed = BTreeSet::new();
    for f in manifest["files"].as_array().unwrap() {
        let name = f["name"].as_str().unwrap();
        let bytes = fs::read(root.join(name)).unwrap();
        assert_eq!(f["size"].as_u64().unwrap(), bytes.len() as u64, "{name}");
        listed.insert(name.to_string());
    }
    let mut all = tree(&root);
    all.remove("manifest.json");
    assert_eq!(listed, all, "the manifest lists every file of the folder");

    let mut archive = zip::ZipArchive::new(fs::File::open(out.join(&zip_name)).unwrap()).unwrap();
    let mut in_zip = BTreeSet::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        if entry.is_dir() {
            continue;
        }
        let rel = entry.name().unwrap()[SLUG.len() + 1..].to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        assert_eq!(
            bytes,
            fs::read(root.join(&rel)).unwrap(),
            "{rel}: the zip and the folder come from different runs"
        );
        in_zip.insert(rel);
    }
    assert_eq!(in_zip, tree(&root));
    fs::read_to_string(root.join("claim.source.toml")).unwrap()
}

#[test]
fn six_bundles_of_one_claim_at_once_one_wins_the_others_exit_2() {
    for round in 0..3 {
        let ws = workspace(&valid_claim());
        let codes: Vec<Option<i32>> = std::thread::scope(|s| {
            let runs: Vec<_> = (0..6)
                .map(|_| s.spawn(|| bundle_cmd(ws.path(), &["--zip"]).run()))
                .collect();
            runs.into_iter()
                .map(|r| {
                    let run = r.join().unwrap();
                    if run.exit_code() == Some(2) {
                        run.stderr_contains("already exists");
                    }
                    run.exit_code()
                })
                .collect()
        });
        let wins = codes.iter().filter(|c| **c == Some(0)).count();
        let refused = codes.iter().filter(|c| **c == Some(2)).count();
        assert_eq!(
            (wins, refused),
            (1, 5),
            "round {round}: exit codes {codes:?}"
        );
        assert_one_whole_bundle(&ws.path().join("out"));
    }
}

/// Whether strace can run here; under CI it must (.ci/run installs it).
fn strace_available() -> bool {
    let ok = std::process::Command::new("strace")
        .args(["-qq", "-o", "/dev/null", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none_or(|v| v != "true"),
            "strace is required under CI=true (.ci/run installs it)"
        );
        eprintln!(
            "strace not available: skipping the kill-at-each-rename test (apt-get install strace)"
        );
    }
    ok
}

#[test]
fn a_forced_swap_killed_at_any_rename_is_finished_or_rolled_back_by_the_next_run() {
    if !strace_available() {
        return;
    }
    // strace counts each system call on its own: the old bundle is moved
    // aside with rename(at), the new one put in place with renameat2.
    let mut killed = 0;
    for syscalls in ["rename,renameat", "renameat2"] {
        for n in 1..=10 {
            if !killed_at(syscalls, n) {
                break;
            }
            killed += 1;
        }
    }
    assert!(killed >= 4, "only {killed} renames were interrupted");
}

/// Bundles a claim (zip), then bundles a second version with `--force`,
/// killed at the `n`th of `syscalls`, then runs again and checks the
/// outcome. `false` when the run had fewer such calls (it was not killed).
fn killed_at(syscalls: &str, n: usize) -> bool {
    let ws = workspace(&valid_claim());
    bundle_cmd(ws.path(), &["--zip"]).run().success();
    let claims = ws.path().join("claims/contoso.toml");
    let v1 = fs::read_to_string(&claims).unwrap();
    let v2 = format!("{v1}# second version\n");
    fs::write(&claims, &v2).unwrap();

    let run = bundle_cmd(ws.path(), &["--zip", "--force"])
        .wrapped_in([
            "strace".to_string(),
            "-f".into(),
            "-qq".into(),
            "-o".into(),
            "/dev/null".into(),
            "-e".into(),
            format!("trace={syscalls}"),
            "-e".into(),
            format!("inject={syscalls}:signal=SIGKILL:when={n}"),
        ])
        .run();
    if run.exit_code() == Some(0) {
        assert_eq!(assert_one_whole_bundle(&ws.path().join("out")), v2);
        return false;
    }
    // The next run (here: the same bundle without --force) first finishes
    // or rolls back the interrupted swap, then finds the bundle.
    bundle_cmd(ws.path(), &["--zip"])
        .run()
        .code(2)
        .stderr_contains("already exists")
        .stderr_contains("interrupted bundle");
    let claim = assert_one_whole_bundle(&ws.path().join("out"));
    assert!(
        claim == v1 || claim == v2,
        "{syscalls} #{n}: the bundle is from neither run"
    );
    true
}

/// `bundle --out OUT` with the first fsync failing (strace injects EIO):
/// the write fails after claimtool created OUT.
fn bundle_failing_fsync(dir: &Path, out: &str) -> Test {
    Test::new()
        .current_dir(dir)
        .today(TODAY)
        .wrapped_in([
            "strace",
            "-f",
            "-qq",
            "-o",
            "/dev/null",
            "-e",
            "trace=fsync",
            "-e",
            "inject=fsync:error=EIO:when=1",
        ])
        .args(["cpor", "bundle", "claims/contoso.toml", "--out", out])
}

/// A failed write leaves DIR as it was (issue 16, item 9): the folders
/// claimtool created for `--out` are removed, a folder that was there
/// before is kept (empty, as it was).
#[test]
fn a_failed_write_removes_the_out_folders_it_created_and_only_those() {
    if !strace_available() {
        return;
    }
    let ws = workspace(&valid_claim());
    bundle_failing_fsync(ws.path(), "new/deeper")
        .run()
        .code(2)
        .stderr_contains("cannot sync");
    assert!(
        !ws.path().join("new").exists(),
        "the created --out folders are left behind: {:?}",
        tree(ws.path())
    );

    fs::create_dir(ws.path().join("there")).unwrap();
    bundle_failing_fsync(ws.path(), "there/deeper")
        .run()
        .code(2)
        .stderr_contains("cannot sync");
    assert!(
        ws.path().join("there").is_dir(),
        "a folder that was there is removed"
    );
    assert!(names(&ws.path().join("there")).is_empty());
}
