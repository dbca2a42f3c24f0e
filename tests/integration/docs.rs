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

#[test]
fn committed_schemas_are_current() {
    for name in claimtool::schema::SchemaTarget::names() {
        let target = claimtool::schema::SchemaTarget::parse(name).unwrap();
        check_generated(
            &format!("docs/schema/{}", target.file_name()),
            &claimtool::schema::schema_text(target),
        );
    }
}

/// Every example claim is valid against its kind's schema (the schema is
/// what editors check as the user types; it must not reject good files).
#[test]
fn example_claims_satisfy_their_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut checked = 0;
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let Ok(doc) = toml::from_str::<toml::Value>(&text) else {
                continue;
            };
            let Some(kind) = doc.get("kind").and_then(|k| k.as_str()) else {
                continue;
            };
            let target = claimtool::schema::SchemaTarget::parse(kind).unwrap();
            let schema = claimtool::schema::schema(target);
            let validator = jsonschema::draft7::new(&schema).unwrap();
            let json = claimtool::schema::toml_to_json(&doc);
            // Mistake examples may break the schema on purpose only where
            // the mistake is a format error; the complete ones must pass.
            let problems: Vec<String> = validator
                .iter_errors(&json)
                .map(|e| e.to_string())
                .collect();
            assert!(problems.is_empty(), "{}: {problems:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 0);
}
