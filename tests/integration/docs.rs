//! Generated documentation stays current. Run with `UPDATE_DOCS=1` to
//! rewrite the files after changing the rule table.

use std::path::Path;

fn check_generated(relative: &str, expected: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{relative} is stale: run `UPDATE_DOCS=1 cargo test --test integration docs` and commit it"
    );
}

#[test]
fn rules_reference_is_current() {
    check_generated("docs/rules.md", &claimtool::rules::markdown_reference());
}
