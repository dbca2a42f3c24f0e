//! CI report formats, each parsed back: JUnit as XML, SARIF against the
//! published schema, the exact GitHub and Azure line shapes; and parallel
//! runs report exactly what sequential ones do.

use super::support::{Test, repo};

fn run(format: &str) -> (Option<i32>, String) {
    let out = Test::new()
        .args([
            "validate",
            "examples/cpor",
            "--today",
            "2026-11-26",
            "--format",
            format,
        ])
        .run();
    (out.exit_code(), out.stdout().to_string())
}

#[test]
fn junit_is_xml_with_a_testcase_per_file_and_a_failure_per_error() {
    let (code, xml) = run("junit");
    assert_eq!(code, Some(1));
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut cases, mut failures) = (0, 0);
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "testcase" => cases += 1,
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "failure" => failures += 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    let (_, json) = run("json");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let files = v["files"].as_array().unwrap();
    let errors: usize = files
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .filter(|d| d["severity"] == "error")
        .count();
    assert_eq!(cases, files.len());
    assert_eq!(failures, errors);
    assert!(errors > 0);
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    let (code, text) = run("sarif");
    assert_eq!(code, Some(1));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/fixtures/schemas/sarif-schema-2.1.0.json"))
            .unwrap(),
    )
    .unwrap();
    // The published schema's two `language` patterns have a stray `]` that
    // ECMAScript tolerates and Rust's regex engine refuses; claimtool never
    // emits `language`, so the pattern is replaced by its evident intent.
    for definition in ["run", "toolComponent"] {
        let language = &mut schema["definitions"][definition]["properties"]["language"]["pattern"];
        assert!(
            language.is_string(),
            "the schema still has the {definition} language pattern"
        );
        *language = serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
    }
    let validator = jsonschema::draft7::new(&schema).expect("schema compiles");
    let problems: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    // The validator does reject what the schema forbids.
    let mut broken = doc.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&broken));
    let result = &doc["runs"][0]["results"][0];
    assert!(result["ruleId"].is_string());
    assert!(result["locations"][0]["physicalLocation"]["region"]["startLine"].is_u64());
    assert!(
        !doc["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn github_lines_are_workflow_commands() {
    let (code, text) = run("github");
    assert_eq!(code, Some(1));
    let line = text
        .lines()
        .find(|l| l.contains("title=cpor-tenant-id"))
        .expect("the tenant-ID finding");
    assert_eq!(line.split("::").next(), Some(""), "starts with ::");
    assert!(
        line.starts_with(
            "::error file=examples/cpor/mistakes/tenant-as-domain.toml,line=7,col=22,title=cpor-tenant-id::customer tenant ID is not a GUID"
        ),
        "{line}"
    );
    for l in text.lines() {
        assert!(
            l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice "),
            "{l}"
        );
    }
}

#[test]
fn azure_lines_are_logging_commands() {
    let (code, text) = run("azure");
    assert_eq!(code, Some(1));
    let line = text
        .lines()
        .find(|l| l.contains("code=cpor-tenant-id"))
        .expect("the tenant-ID finding");
    assert!(
        line.starts_with(
            "##vso[task.logissue type=error;sourcepath=examples/cpor/mistakes/tenant-as-domain.toml;linenumber=7;columnnumber=22;code=cpor-tenant-id]customer tenant ID is not a GUID"
        ),
        "{line}"
    );
}

#[test]
fn parallel_and_sequential_runs_give_identical_reports() {
    let out = |threads: &str| {
        Test::new()
            .env("RAYON_NUM_THREADS", threads)
            .args([
                "validate",
                "examples",
                "tests/fixtures/rules",
                "--today",
                "2026-11-26",
                "--format",
                "json",
            ])
            .run()
            .stdout_bytes()
            .to_vec()
    };
    let sequential = out("1");
    assert!(!sequential.is_empty());
    assert_eq!(sequential, out("4"));
}

/// A report that cannot be written is a failure (exit 2 with a message),
/// never a silent pass: CI would upload a cut-off SARIF or JUnit file.
#[cfg(target_os = "linux")]
#[test]
fn a_report_that_cannot_be_written_exits_2() {
    for format in ["human", "json", "junit", "sarif", "github", "azure"] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        // A file with findings, so every format has lines to write (exit 1
        // had the write error been ignored).
        let out = Test::new()
            .args(["validate", "examples/cpor/mistakes/tenant-as-domain.toml"])
            .args(["--today", "2026-11-26"])
            .args(["--format", format])
            .stdout_to(full)
            .run();
        out.code(2).stderr_contains("cannot write the report");
    }
}
