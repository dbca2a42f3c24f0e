//! `claimtool man` and `claimtool completions`: every page a man page names
//! can be produced, and completions offer the rule ids.

use crate::support::Test;

/// The main page's SEE ALSO names `claimtool-cpor(1)` and the others:
/// `man --dir` writes each page that any page names.
#[test]
fn man_dir_writes_every_page_the_pages_name() {
    let dir = tempfile::tempdir().unwrap();
    Test::new()
        .args(["man", "--dir"])
        .arg(dir.path())
        .run()
        .success();
    let pages: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(pages.contains(&"claimtool.1".to_string()), "{pages:?}");
    let mut named = 0;
    for page in &pages {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap();
        for reference in text.split_whitespace().filter(|w| w.ends_with("(1)")) {
            let name = reference.trim_end_matches("(1)").replace("\\-", "-");
            named += 1;
            assert!(
                pages.contains(&format!("{name}.1")),
                "{page} names {name}(1), which was not written"
            );
        }
    }
    assert!(named >= 10, "the pages name {named} others");
    // Without --dir: the main page on stdout, as before.
    Test::new()
        .arg("man")
        .run()
        .success()
        .stdout_contains(".TH claimtool");
}

#[test]
fn completions_offer_rule_ids_for_overrides_and_rules() {
    let bash = Test::new().args(["completions", "bash"]).run();
    bash.success();
    let script = bash.stdout();
    // The `rules ID` positional and the override options list the ids.
    assert!(
        script.contains("cpor-tenant-id"),
        "no rule id in the script"
    );
    let zsh = Test::new().args(["completions", "zsh"]).run();
    for option in ["--deny", "--warn", "--allow"] {
        let line = zsh
            .stdout()
            .lines()
            .find(|l| l.contains(&format!("'*{option}=")))
            .unwrap_or_else(|| panic!("no {option} in the zsh script"));
        assert!(line.contains("cpor-tenant-id"), "{option}: {line}");
    }
}

/// The ids are offered for completion only: an unknown id still gets
/// claimtool's own message, not clap's list of every id.
#[test]
fn an_unknown_rule_id_keeps_its_own_message() {
    Test::new()
        .args(["validate", "examples/cpor", "--deny", "nosuch"])
        .run()
        .code(2)
        .stderr_contains("no rule `nosuch`");
}
