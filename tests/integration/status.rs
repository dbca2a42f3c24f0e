//! `claimtool status`: the human table, JSON and CSV on the example
//! workspace and on claims whose deadlines are passed, due and upcoming
//! (tests/fixtures/status, as of 2026-11-26); broken files, `--within`,
//! `--out`, and the verdicts against `validate` in the same run.

use crate::support::{Test, repo};

const FIXTURES: &str = "tests/fixtures/status";
const TODAY: &str = "2026-11-26";

fn status(args: &[&str]) -> crate::support::Run {
    Test::new()
        .today(TODAY)
        .arg("status")
        .args(args.iter().copied())
        .run()
}

fn claim<'v>(doc: &'v serde_json::Value, file: &str) -> &'v serde_json::Value {
    doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"].as_str().unwrap().ends_with(file))
        .unwrap_or_else(|| panic!("{file} is not in {doc:#}"))
}

#[test]
fn json_has_each_level_the_money_and_the_broken_file() {
    let run = status(&[FIXTURES, "--format", "json"]);
    run.code(1);
    let doc = run.stdout_json();
    assert_eq!(doc["today"], TODAY);
    let rejected = claim(&doc, "cpor-rejected.toml");
    assert_eq!(
        rejected["deadlines"],
        serde_json::json!([{"date": "2026-10-31", "what": "last day to dispute the rejection",
                            "rule": "cpor-dispute-window", "level": "passed"}])
    );
    assert_eq!(rejected["stage"], "rejected");
    let reply = claim(&doc, "cpor-reply.toml");
    assert_eq!(reply["deadlines"][0]["date"], "2026-12-10");
    assert_eq!(reply["deadlines"][0]["level"], "due");
    assert_eq!(reply["amount"], serde_json::Value::Null);
    let coop = claim(&doc, "coop-webinars.toml");
    assert_eq!(
        coop["amount"],
        serde_json::json!({"value": "12500.30", "currency": "AUD"})
    );
    let coop_rules: Vec<_> = coop["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["level"].as_str().unwrap()))
        .collect();
    assert_eq!(
        coop_rules,
        [
            ("coop-claim-window", "upcoming"),
            ("coop-retention", "upcoming")
        ]
    );
    assert_eq!(coop["name"], "Azure migration webinar series");
    assert_eq!(coop["stage"], "draft");
    let plf = claim(&doc, "plf-consent.toml");
    assert_eq!(plf["deadlines"][0]["rule"], "plf-consent-deadline");
    assert_eq!(plf["deadlines"][0]["date"], "2026-12-12");
    // A broken file is a row with its first error, never dropped.
    let broken = claim(&doc, "broken.toml");
    assert_eq!(broken["verdict"], "errors");
    assert!(broken["unreadable"].as_str().unwrap().contains("string"));
    assert_eq!(broken["deadlines"], serde_json::json!([]));
    let totals = &doc["totals"];
    assert_eq!(totals["claims"], 5);
    assert_eq!(
        (totals["passed"].as_u64(), totals["due"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        totals["amounts"],
        serde_json::json!([{"currency": "AUD", "value": "12500.30"}])
    );
}

/// The verdict and counts are exactly those `validate` reports for the
/// same files with the same options, cross-file rules included.
#[test]
fn verdicts_are_validates_in_the_same_run() {
    for path in [FIXTURES, "examples"] {
        for extra in [
            &[][..],
            &["--deny-warnings"][..],
            &["--allow", "document-reused"][..],
        ] {
            let mut args = vec![path, "--format", "json"];
            args.extend_from_slice(extra);
            let st = status(&args).stdout_json();
            let validate = Test::new()
                .today(TODAY)
                .arg("validate")
                .args(args.iter().copied())
                .run()
                .stdout_json();
            let files = validate["files"].as_array().unwrap();
            assert_eq!(files.len(), st["claims"].as_array().unwrap().len());
            for file in files {
                let path = file["path"].as_str().unwrap();
                let c = claim(&st, path);
                let count = |severity: &str| {
                    file["diagnostics"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|d| d["severity"] == severity)
                        .count()
                };
                let verdict = match file["status"].as_str().unwrap() {
                    "ok" => "ready",
                    "warning" => "warnings",
                    _ => "errors",
                };
                assert_eq!(c["verdict"], verdict, "{path} {extra:?}");
                assert_eq!(c["errors"], count("error"), "{path} {extra:?}");
                assert_eq!(c["warnings"], count("warning"), "{path} {extra:?}");
            }
        }
    }
}

#[test]
fn human_table_sorts_passed_first_and_totals_the_money() {
    let run = status(&[FIXTURES]);
    run.code(1)
        .stdout_contains("26 days ago")
        .stdout_contains("in 14 days")
        .stdout_contains("cannot be read")
        .stdout_contains("5 claims: 2 ready, 1 with warnings, 2 with errors")
        .stdout_contains("Deadlines: 1 passed, 1 due within 14 days")
        .stdout_contains("AUD 12,500.30");
    let out = run.stdout();
    let at = |needle: &str| out.find(needle).unwrap_or_else(|| panic!("{needle}"));
    assert!(at("cpor-rejected.toml") < at("cpor-reply.toml"));
    assert!(at("cpor-reply.toml") < at("plf-consent.toml"));
    assert!(at("plf-consent.toml") < at("coop-webinars.toml"));
    assert!(at("coop-webinars.toml") < at("broken.toml"));
}

#[test]
fn example_workspace_in_every_text_format() {
    let human = status(&["examples"]);
    human
        .code(1)
        .stdout_contains("Azure migration webinar series")
        .stdout_contains("Contoso - Sydney datacentre exit")
        .stdout_contains("Modern Work · PartnerID 4871236")
        .stdout_contains("Contoso - Microsoft 365 E5 deployment");
    let json = status(&["examples", "--format", "json"]).stdout_json();
    assert_eq!(json["totals"]["claims"], 12);
    let score = claim(&json, "examples/score/modern-work.toml");
    assert_eq!(score["deadlines"][0]["rule"], "score-eligible-through");
    assert_eq!(score["stage"], serde_json::Value::Null);
    let csv = status(&["examples", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.stdout_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "date", "level", "what", "rule", "kind", "claim", "path", "stage", "amount", "currency"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Every file is in the sheet, with or without a deadline.
    for file in [
        "examples/cpor/contoso-e5.toml",
        "examples/coop/azure-webinar-series.toml",
    ] {
        assert!(rows.iter().any(|r| &r[6] == file), "{file}");
    }
}

#[test]
fn csv_defuses_formulas_and_quotes() {
    let run = status(&[FIXTURES, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(run.stdout_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let evil = rows
        .iter()
        .find(|r| r[6].ends_with("cpor-reply.toml"))
        .unwrap();
    assert!(evil[5].starts_with("'=HYPERLINK("), "{:?}", &evil[5]);
    assert!(
        evil[5].contains("<script>"),
        "the CSV keeps the text as written"
    );
    let passed = rows.iter().find(|r| &r[1] == "passed").unwrap();
    assert_eq!(
        (&passed[0], &passed[3]),
        ("2026-10-31", "cpor-dispute-window")
    );
    let coop = rows.iter().find(|r| &r[3] == "coop-claim-window").unwrap();
    assert_eq!((&coop[8], &coop[9]), ("12500.30", "AUD"));
    let broken = rows.iter().find(|r| r[6].ends_with("broken.toml")).unwrap();
    assert!(broken[2].starts_with("cannot be read"), "{broken:?}");
    assert!(!run.stdout().lines().any(|l| l.starts_with('=')));
}

#[test]
fn within_keeps_passed_and_near_deadlines_only() {
    let doc = status(&[FIXTURES, "--format", "json", "--within", "14"]).stdout_json();
    let dates: Vec<&str> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["deadlines"].as_array().unwrap())
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates.len(), 2, "{dates:?}");
    assert!(dates.contains(&"2026-10-31") && dates.contains(&"2026-12-10"));
    // The claims are still all listed, with their money.
    assert_eq!(doc["totals"]["claims"], 5);
    assert_eq!(doc["totals"]["amounts"][0]["value"], "12500.30");
}

#[test]
fn exit_0_when_nothing_passed_and_no_error() {
    status(&[
        "tests/fixtures/status/plf-consent.toml",
        "tests/fixtures/status/coop-webinars.toml",
    ])
    .success();
    status(&[
        "tests/fixtures/status/cpor-rejected.toml",
        "--allow",
        "cpor-dispute-window",
    ])
    .code(1);
}

#[test]
fn out_is_atomic_and_an_unwritable_out_is_exit_2_with_nothing_left() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("status.json");
    status(&[FIXTURES, "--format", "json", "--out", out.to_str().unwrap()])
        .code(1)
        .stdout_is("");
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(written["totals"]["claims"], 5);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let missing = dir.path().join("no/such/folder/status.csv");
    status(&[
        FIXTURES,
        "--format",
        "csv",
        "--out",
        missing.to_str().unwrap(),
    ])
    .code(2)
    .stderr_contains("cannot write");
    assert!(!dir.path().join("no").exists());
    // A folder where the file should be: nothing replaced, no temporary left.
    let folder = dir.path().join("taken");
    std::fs::create_dir(&folder).unwrap();
    status(&[FIXTURES, "--out", folder.to_str().unwrap()]).code(2);
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn formats_of_other_commands_and_missing_paths_are_exit_2() {
    status(&[FIXTURES, "--format", "sarif"]).code(2);
    Test::new()
        .today(TODAY)
        .args(["--format", "junit", "status", FIXTURES])
        .run()
        .code(2);
    status(&["no/such/folder"])
        .code(2)
        .stderr_contains("does not exist");
}

#[test]
fn default_path_is_the_current_folder() {
    let run = Test::new()
        .today(TODAY)
        .current_dir(repo().join(FIXTURES))
        .args(["status", "--format", "json"])
        .run();
    assert_eq!(run.stdout_json()["totals"]["claims"], 5);
}
