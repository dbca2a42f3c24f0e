//! Issue 16 (hardening): what a probe run as an attacker and as a careless
//! user found. Each test pins one defect: terminal escapes in human output,
//! unbounded reads, money that cannot be kept exactly, misleading messages,
//! an empty document path, and the human report's cost with many findings
//! on one line.

use std::path::Path;
use std::time::Duration;

use crate::support::{Test, repo};

/// A copy of an example folder (claims and documents) in a fresh folder.
fn copy_example(kind: &str) -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(&repo().join("examples").join(kind), dir.path());
    dir
}

fn cpor_example() -> tempfile::TempDir {
    copy_example("cpor")
}

fn example_text(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("contoso-e5.toml")).unwrap()
}

/// No escape sequence of a claim's value, path or file name reaches the
/// terminal, even with `--color always`: they are shown as `␛`.
#[test]
fn control_characters_of_user_values_are_shown_not_sent() {
    let dir = cpor_example();
    let text = example_text(dir.path()).replacen(
        "path = \"poe/contoso-sow-signed.pdf\"",
        "path = \"\\u001b]0;PWNED\\u0007\\u001b[2Jx.pdf\"",
        1,
    );
    std::fs::write(dir.path().join("a.toml"), &text).unwrap();
    std::fs::write(dir.path().join("\u{1b}[31mred.toml"), &text).unwrap();
    for args in [
        &["validate", "a.toml", "--color", "always"][..],
        &["validate", ".", "--color", "never"][..],
        &["validate", ".", "--format", "github"][..],
    ] {
        let run = Test::new()
            .current_dir(dir.path())
            .today("2026-11-26")
            .args(args)
            .run();
        run.code(1);
        let out = run.stdout();
        for raw in ["\u{1b}]0;", "\u{7}", "\u{1b}[2J", "\u{1b}[31mred"] {
            assert!(
                !out.contains(raw),
                "{args:?}: {raw:?} reached the terminal:\n{out}"
            );
        }
        if args[1] == "a.toml" {
            run.stdout_contains("looked for ")
                .stdout_contains("␛]0;PWNED␇␛[2Jx.pdf");
        }
    }
    // The folder run names the file with the escape made visible.
    Test::new()
        .current_dir(dir.path())
        .today("2026-11-26")
        .args(["validate", "."])
        .run()
        .stdout_contains("--> ␛[31mred.toml:");
}

/// Error messages (anyhow at the binary boundary) quote paths the same way.
#[test]
fn error_messages_show_control_characters() {
    let run = Test::new().args(["validate", "no\u{1b}[2Jsuch.toml"]).run();
    run.code(2);
    assert_eq!(run.stderr(), "error: no␛[2Jsuch.toml does not exist\n");
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// Config, catalogue and CSV reads are bounded and say what the path is:
/// a device, a FIFO (checked before opening, so no hang), a folder, a link
/// loop, a file over the cap (named with its size and the cap).
#[cfg(target_os = "linux")]
#[test]
fn inputs_that_are_not_small_regular_files_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    mkfifo(&d.join("fifo"));
    std::os::unix::fs::symlink("self", d.join("self")).unwrap();
    // Sparse: a gigabyte on paper, nothing on disk.
    let big = std::fs::File::create(d.join("big.toml")).unwrap();
    big.set_len(1 << 30).unwrap();
    std::fs::write(
        d.join("zero.toml"),
        "[catalog]\nengagements = \"/dev/zero\"\n",
    )
    .unwrap();
    let claim = repo().join("examples/cpor/contoso-e5.toml");
    let claim = claim.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--config", "/dev/zero"],
            "config /dev/zero is not a regular file",
        ),
        (
            vec!["--config", "fifo"],
            "config fifo is not a regular file",
        ),
        (vec!["--config", "."], "config . is a folder, not a file"),
        (
            vec!["--config", "self"],
            "config self is a symbolic link that loops",
        ),
        (
            vec!["--config", "big.toml"],
            "config big.toml is 1073741824 bytes; a claimtool.toml is at most 1048576 bytes",
        ),
        (
            vec!["--catalog", "/dev/zero"],
            "the engagement catalogue /dev/zero is not a regular file",
        ),
        (
            vec!["--catalog", "fifo"],
            "the engagement catalogue fifo is not a regular file",
        ),
        (
            vec!["--catalog", "big.toml"],
            "the engagement catalogue big.toml is 1073741824 bytes; an engagement catalogue is at most 4194304 bytes",
        ),
        (
            vec!["--config", "zero.toml"],
            "the engagement catalogue /dev/zero is not a regular file",
        ),
    ];
    for (options, expected) in cases {
        let run = Test::new()
            .current_dir(d)
            .args(&options)
            .args(["validate", claim])
            .timeout(Duration::from_secs(30))
            .run();
        run.code(2).stderr_contains(expected);
    }
    for (csv, expected) in [
        ("/dev/zero", "/dev/zero is not a regular file"),
        ("fifo", "fifo is not a regular file"),
        (".", ". is a folder, not a file"),
        (
            "big.toml",
            "big.toml is 1073741824 bytes; a scoring history CSV is at most 4194304 bytes",
        ),
    ] {
        Test::new()
            .current_dir(d)
            .args(["score", "import", csv, "--partner-id", "4871236"])
            .args(["--solution-area", "modern-work"])
            .timeout(Duration::from_secs(30))
            .run()
            .code(2)
            .stderr_contains(expected);
    }
}

/// A CSV problem quotes at most 200 characters of a cell.
#[test]
fn csv_problems_quote_cells_short() {
    let dir = tempfile::tempdir().unwrap();
    let long = "9".repeat(100_000);
    std::fs::write(
        dir.path().join("h.csv"),
        format!("month,performance,skilling,customer_success,csp_revenue_usd\n{long},1,1,1,1\n"),
    )
    .unwrap();
    let run = Test::new()
        .current_dir(dir.path())
        .args(["score", "import", "h.csv", "--partner-id", "4871236"])
        .args(["--solution-area", "modern-work"])
        .run();
    run.code(1).stderr_contains("…");
    assert!(run.stderr().len() < 2000, "{} bytes", run.stderr().len());
}

/// A co-op claim whose amounts cannot be kept exactly is refused, never
/// "ready" with the sum ticked.
#[test]
fn amounts_beyond_28_digits_are_wrong_type_and_never_ready() {
    let dir = copy_example("coop");
    let text = std::fs::read_to_string(dir.path().join("azure-webinar-series.toml")).unwrap();
    let huge = text
        .replace("claimed_amount = \"12500.30\"", "claimed_amount = \"1.00\"")
        .replace(
            "amount = \"10000.10\"",
            "amount = \"50000000000000000000000000000\"",
        )
        .replace(
            "amount = \"2500.20\"",
            "amount = \"50000000000000000000000000000\"",
        );
    let rounded = text.replace(
        "claimed_amount = \"12500.30\"",
        "claimed_amount = \"12500.3000000000000000000000001\"",
    );
    let tiny = text.replace(
        "claimed_amount = \"12500.30\"",
        "claimed_amount = \"0.00000000000000000000000000001\"",
    );
    let sum_overflows = text
        .replace(
            "amount = \"10000.10\"",
            "amount = \"9999999999999999999999999999\"",
        )
        .replace(
            "amount = \"2500.20\"",
            "amount = \"9999999999999999999999999999\"",
        );
    for (name, text, rule, quoted) in [
        (
            "huge.toml",
            &huge,
            "wrong-type",
            "50000000000000000000000000000",
        ),
        (
            "rounded.toml",
            &rounded,
            "wrong-type",
            "12500.3000000000000000000000001",
        ),
        (
            "tiny.toml",
            &tiny,
            "wrong-type",
            "0.00000000000000000000000000001",
        ),
        (
            "sum.toml",
            &sum_overflows,
            "coop-amount-mismatch",
            "28 significant digits",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
        let run = Test::new()
            .current_dir(dir.path())
            .today("2026-11-26")
            .args(["coop", "validate", name, "--format", "json"])
            .run();
        run.code(1);
        let json = run.stdout_json();
        let findings = json["files"][0]["diagnostics"].as_array().unwrap();
        assert!(
            findings
                .iter()
                .any(|f| f["rule"] == rule && f["message"].as_str().unwrap().contains(quoted)),
            "{name}: {findings:#?}"
        );
        assert_ne!(json["files"][0]["status"], "ok", "{name}");
    }
    // The checklist leaves the sum open (it ticked it before).
    for name in ["huge.toml", "rounded.toml", "tiny.toml", "sum.toml"] {
        let run = Test::new()
            .current_dir(dir.path())
            .today("2026-11-26")
            .args(["coop", "checklist", name, "--format", "json"])
            .run();
        let checklist = run.stdout_json();
        let items = checklist_items(&checklist);
        let sum = items
            .iter()
            .find(|i| {
                i["text"]
                    .as_str()
                    .is_some_and(|t| t.contains("add up to the claimed amount"))
            })
            .expect("the sum item");
        assert_eq!(sum["done"], false, "{name}: {sum:#}");
    }
}

/// Every object with a `text` and a `done` in a checklist JSON.
fn checklist_items(value: &serde_json::Value) -> Vec<&serde_json::Value> {
    match value {
        serde_json::Value::Object(map) if map.contains_key("text") && map.contains_key("done") => {
            vec![value]
        }
        serde_json::Value::Object(map) => map.values().flat_map(checklist_items).collect(),
        serde_json::Value::Array(list) => list.iter().flat_map(checklist_items).collect(),
        _ => Vec::new(),
    }
}

/// A `[status] since` after today is a `date-in-future` error.
#[test]
fn a_status_date_in_the_future_is_flagged() {
    let dir = cpor_example();
    let text = example_text(dir.path()).replacen(
        "stage = \"draft\"\nsince = 2026-09-12",
        "stage = \"partner-action-required\"\nsince = 9999-01-01",
        1,
    );
    std::fs::write(dir.path().join("c.toml"), text).unwrap();
    Test::new()
        .current_dir(dir.path())
        .today("2026-11-26")
        .args(["validate", "c.toml"])
        .run()
        .code(1)
        .stdout_contains(
            "error[date-in-future]: the status date (`since`) 9999-01-01 is after today",
        );
}

/// `path = ""` is one `missing-field` finding; the document rules are silent.
#[test]
fn an_empty_document_path_is_one_missing_field() {
    let dir = cpor_example();
    let text = example_text(dir.path()).replacen(
        "path = \"poe/contoso-sow-signed.pdf\"",
        "path = \"\"",
        1,
    );
    std::fs::write(dir.path().join("c.toml"), text).unwrap();
    let run = Test::new()
        .current_dir(dir.path())
        .today("2026-11-26")
        .args(["validate", "c.toml", "--format", "json"])
        .run();
    run.code(1);
    let json = run.stdout_json();
    let rules: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["field"]
                .as_str()
                .unwrap_or("")
                .starts_with("documents[0]")
        })
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["missing-field"], "{json:#}");
    Test::new()
        .current_dir(dir.path())
        .today("2026-11-26")
        .args(["validate", "c.toml"])
        .run()
        .stdout_contains("`documents[0].path` is empty")
        .stdout_lacks("looked for");
}

/// 20,000 findings on one line (`documents = [{},{},...]`): the human
/// report is linear in findings. Not timed (the figures are in
/// docs/performance.md); the generous timeout only catches the quadratic
/// rendering again (it took 40.8 s in a release build before).
#[test]
fn twenty_thousand_findings_on_one_line_render_in_human_format() {
    let dir = tempfile::tempdir().unwrap();
    let items = vec!["{}"; 20_000].join(",");
    std::fs::write(
        dir.path().join("many.toml"),
        format!("kind = \"cpor\"\ndocuments = [{items}]\n"),
    )
    .unwrap();
    let run = Test::new()
        .current_dir(dir.path())
        .today("2026-11-26")
        .args(["validate", "many.toml"])
        .timeout(Duration::from_secs(120))
        .run();
    run.code(1);
    let out = run.stdout();
    assert!(out.matches("error[missing-field]").count() >= 20_000);
    // Each finding quotes a window of the 80 KB line, not the line.
    assert!(out.len() < 20_000 * 2_000, "{} bytes", out.len());
    assert!(out.contains("--> many.toml:2:"));
}

/// Runs `test` under `/usr/bin/time` and returns its run and peak resident
/// memory in KiB; `None` (the test skips) when `/usr/bin/time` is missing,
/// which fails under CI=true (.ci/run installs it).
fn with_peak_memory(test: Test, dir: &Path) -> Option<(crate::support::Run, u64)> {
    if !Path::new("/usr/bin/time").exists() {
        assert!(
            std::env::var_os("CI").is_none_or(|v| v != "true"),
            "/usr/bin/time is required under CI=true (.ci/run installs it)"
        );
        eprintln!("/usr/bin/time not available: skipping (apt-get install time)");
        return None;
    }
    let report = dir.join("peak-kib");
    let run = test
        .wrapped_in([
            "/usr/bin/time".into(),
            "-f".into(),
            "%M".into(),
            "-o".into(),
            report.clone().into_os_string(),
        ])
        .timeout(Duration::from_secs(300))
        .run();
    let kib = std::fs::read_to_string(&report).unwrap();
    Some((run, kib.trim().parse().unwrap()))
}

/// Documents are hashed, sniffed and copied streaming (issue 16, item 2):
/// validating a claim whose document is a 1 GiB file, and bundling one
/// whose document is 128 MiB (above the 100 MiB inspection cap), each stay
/// under 100 MiB of memory. The files are sparse: nothing on disk.
#[cfg(target_os = "linux")]
#[test]
fn large_documents_are_hashed_and_copied_in_chunks() {
    const LIMIT_KIB: u64 = 100 * 1024;
    let dir = cpor_example();
    let d = dir.path();
    std::fs::write(d.join("claimtool.toml"), "").unwrap();
    let text = example_text(d);
    let pdf = std::fs::read(d.join("poe/contoso-sow-signed.pdf")).unwrap();
    for (size, command) in [(1u64 << 30, "validate"), (128 << 20, "bundle")] {
        let big = d.join(format!("poe/big-{size}.pdf"));
        std::fs::write(&big, &pdf).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&big)
            .unwrap()
            .set_len(size)
            .unwrap();
        let claim = text.replacen(
            "poe/contoso-sow-signed.pdf",
            &format!("poe/big-{size}.pdf"),
            1,
        );
        std::fs::write(d.join("contoso-e5.toml"), claim).unwrap();
        let test = Test::new().current_dir(d).today("2026-11-26");
        let test = if command == "validate" {
            test.args(["validate", "contoso-e5.toml", "--format", "json"])
        } else {
            test.args(["cpor", "bundle", "contoso-e5.toml", "--out", "out", "--zip"])
        };
        let Some((run, kib)) = with_peak_memory(test, d) else {
            return;
        };
        run.code(0);
        assert!(
            kib < LIMIT_KIB,
            "{command} of a {size}-byte document: peak {kib} KiB, at least {LIMIT_KIB} KiB"
        );
        std::fs::remove_file(&big).unwrap();
    }
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(d.join("out/contoso-microsoft-365-e5-deployment/manifest.json")).unwrap(),
    )
    .unwrap();
    let copy = &manifest["files"].as_array().unwrap().iter().find(|f| {
        f["source"]
            .as_str()
            .is_some_and(|s| s.ends_with("big-134217728.pdf"))
    });
    let copy = copy.expect("the large document is in the manifest");
    assert_eq!(copy["size"], 128 << 20);
    assert_eq!(copy["type"], "pdf");
}
