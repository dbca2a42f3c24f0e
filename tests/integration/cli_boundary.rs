//! The binary's boundary: a command that cannot run names the file or step
//! that failed (exit 2), and each command's `--format` takes only the
//! formats it writes.

use crate::support::{Run, Test};

/// Asserts stderr starts with `prefix`.
fn stderr_starts_with(run: &Run, prefix: &str) {
    assert!(
        run.stderr().starts_with(prefix),
        "stderr does not start with {prefix:?}: {:?}",
        run.stderr()
    );
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
    let run = Test::new().args(IMPORT).arg("/proc/self/mem").run();
    run.code(2).stdout_is("");
    stderr_starts_with(&run, "error: cannot read /proc/self/mem: ");
}

#[test]
fn score_import_of_a_missing_file_names_it() {
    let run = Test::new().args(IMPORT).arg("no/such/history.csv").run();
    run.code(2).stdout_is("");
    assert_eq!(run.stderr(), "error: no/such/history.csv does not exist\n");
}

/// `--out` into a folder that does not exist: refused (the folder is not
/// made), naming the file.
#[test]
fn score_import_out_into_a_missing_folder_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no/such/history.toml");
    let run = Test::new()
        .args(IMPORT)
        .arg("examples/score/history.csv")
        .arg("--out")
        .arg(&out)
        .run();
    run.code(2);
    stderr_starts_with(&run, &format!("error: cannot write {}: ", out.display()));
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
        let run = Test::new().args(args).today("2026-11-20").run();
        run.code(2);
        assert_eq!(
            run.stderr(),
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
    let run = Test::new()
        .args(["cpor", "bundle", "examples/cpor/contoso-e5.toml", "--out"])
        .arg(out.path())
        .today("2026-11-20")
        .run();
    run.code(2);
    stderr_starts_with(&run, &format!("error: cannot create {path}: "));
    assert!(
        run.stderr().ends_with("; no bundle written\n"),
        "{}",
        run.stderr()
    );
}

/// The values `claimtool ARGS -h` lists for `--format` (`None` when the
/// command has no `--format`). The entry may wrap onto following lines.
fn listed_formats(args: &[&str]) -> Option<Vec<String>> {
    let run = Test::new().args(args).arg("-h").run();
    run.code(0);
    let help = run.stdout();
    let mut lines = help
        .lines()
        .skip_while(|l| !l.contains("--format <FORMAT>"));
    let mut entry = lines.next()?.to_string();
    for line in lines.take_while(|l| l.starts_with("    ") && !l.trim().starts_with('-')) {
        entry.push(' ');
        entry.push_str(line.trim());
    }
    let values = entry
        .split("[possible values: ")
        .nth(1)?
        .split(']')
        .next()?;
    Some(values.split(", ").map(str::to_string).collect())
}

#[test]
fn each_command_lists_only_the_formats_it_writes() {
    let validate = ["human", "json", "junit", "sarif", "github", "azure"];
    let human_json = ["human", "json"];
    let checklist = ["md", "html", "json"];
    let cases: [(&[&str], &[&str]); 14] = [
        (&["validate"], &validate),
        (&["cpor", "validate"], &validate),
        (&["score", "validate"], &validate),
        (&["cpor", "bundle"], &human_json),
        (&["coop", "bundle"], &human_json),
        (&["cpor", "checklist"], &checklist),
        (&["coop", "checklist"], &checklist),
        (&["plfunding", "checklist"], &checklist),
        (&["score"], &human_json),
        (&["score", "import"], &human_json),
        (&["rules"], &human_json),
        (&["plfunding", "engagements"], &human_json),
        (&["cpor", "new"], &[]),
        (&["schema"], &[]),
    ];
    for (args, expected) in cases {
        let listed = listed_formats(args);
        if expected.is_empty() {
            assert_eq!(listed, None, "{args:?} takes no --format");
        } else {
            let expected: Vec<String> = expected
                .iter()
                .map(std::string::ToString::to_string)
                .collect();
            assert_eq!(listed, Some(expected), "{args:?}");
        }
    }
}

/// The wizard writes no report: its help has no --format, so neither
/// junit nor sarif.
#[test]
fn cpor_new_help_does_not_list_sarif() {
    for args in [["cpor", "new", "-h"], ["cpor", "new", "--help"]] {
        Test::new()
            .args(args)
            .run()
            .success()
            .stdout_lacks("sarif")
            .stdout_lacks("junit")
            .stdout_lacks("--format");
    }
}

/// A format the command does not write is a usage error (exit 2) naming
/// the valid values, whether given after the command or before it.
#[test]
fn score_format_sarif_exits_2_naming_the_valid_values() {
    let after = [
        "score",
        "examples/score/modern-work.toml",
        "--format",
        "sarif",
    ];
    let before = [
        "--format",
        "sarif",
        "score",
        "examples/score/modern-work.toml",
    ];
    for args in [after, before] {
        let run = Test::new().args(args).run();
        run.code(2).stdout_is("");
        stderr_starts_with(
            &run,
            "error: invalid value 'sarif' for '--format <FORMAT>'\n  \
                 [possible values: human, json]\n",
        );
    }
}

#[test]
fn a_format_before_the_command_is_checked_against_that_command() {
    let claim = "examples/cpor/contoso-e5.toml";
    let today = ["--today", "2026-11-20"];
    // Accepted before the command when the command writes it: the same
    // output as after it.
    for (format, command) in [("html", "checklist"), ("json", "validate")] {
        let before = Test::new()
            .args(["--format", format, "cpor", command, claim])
            .args(today)
            .run();
        let after = Test::new()
            .args(["cpor", command, claim, "--format", format])
            .args(today)
            .run();
        before.code(0);
        assert_eq!(before.stdout(), after.stdout(), "{format} {command}");
    }
    // Refused before a command that does not write it.
    Test::new()
        .args(["--format", "sarif", "cpor", "checklist", claim])
        .run()
        .code(2)
        .stderr_contains("[possible values: md, html, json]");
    // The command's own --format wins over one given before it.
    let both = Test::new()
        .args([
            "--format", "json", "cpor", "validate", claim, "--format", "human",
        ])
        .args(today)
        .run();
    both.stdout_contains("1 file: 1 ready");
}

#[test]
fn a_format_before_a_command_that_writes_no_report_exits_2() {
    // In an empty folder: `init` must not write anything there either.
    let dir = tempfile::tempdir().unwrap();
    for command in [&["cpor", "new"][..], &["schema", "cpor"], &["init"]] {
        Test::new()
            .current_dir(dir.path())
            .args(["--format", "json"])
            .args(command)
            .run()
            .code(2)
            .stdout_is("")
            .stderr_contains("takes no --format");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// `checklist --format human` printed Markdown before the formats were per
/// command, and still does (it is not listed).
#[test]
fn checklist_format_human_is_still_markdown() {
    let run = |format: &str| {
        Test::new()
            .args(["cpor", "checklist", "examples/cpor/contoso-e5.toml"])
            .args(["--format", format, "--today", "2026-11-20"])
            .run()
    };
    let (human, md) = (run("human"), run("md"));
    human.code(0);
    assert_eq!(human.stdout(), md.stdout());
}
