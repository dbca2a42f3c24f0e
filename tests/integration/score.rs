//! `claimtool score` through the binary: the clap shapes (`score FILE`,
//! `score --plan M=P FILE`, `score import`), exit codes, the human table
//! and sentence, the JSON document, and thresholds from `claimtool.toml`.

use std::path::{Path, PathBuf};

use super::support::{Test, repo};

const TODAY: &str = "2026-11-26";

fn month(month: &str, points: &str, revenue: &str) -> String {
    format!(
        "\n[[month]]\nmonth = \"{month}\"\nperformance = {points}\nskilling = 0\n\
         customer_success = 0\ncsp_revenue_usd = \"{revenue}\"\n"
    )
}

/// 2025-12..2026-11 at 2,500.00 a month; 25.5 points in 2026-08, the
/// guide's example: eligible through 2027-01.
fn history_text() -> String {
    let mut text = String::from(
        "kind = \"score\"\npartner_id = \"4871236\"\nsolution_area = \"modern-work\"\n",
    );
    text.push_str(&month("2025-12", "0", "2500.00"));
    for m in 1..=11 {
        let points = if m == 8 { "25.5" } else { "10" };
        text.push_str(&month(&format!("2026-{m:02}"), points, "2500.00"));
    }
    text
}

fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.toml");
    std::fs::write(&path, history_text()).unwrap();
    (dir, path)
}

/// The binary in `dir`, today fixed through the environment (so that a
/// `--today` flag can still override it).
fn claimtool(dir: &Path) -> Test {
    Test::new().current_dir(dir).env("CLAIMTOOL_TODAY", TODAY)
}

#[test]
fn score_file_prints_the_table_and_the_sentence() {
    let (dir, _) = workspace();
    claimtool(dir.path())
        .args(["score", "history.toml"])
        .run()
        .code(0)
        .stdout_contains("2026-11 (now)")
        .stdout_contains("2026-08")
        .stdout_contains("30,000.00")
        .stdout_contains("Eligible through 2027-01. Reach 25 points in any month by January 2027 to stay eligible.")
        .stdout_lacks("\x1b[");
}

#[test]
fn score_with_a_plan_before_or_after_the_file() {
    let (dir, _) = workspace();
    for args in [
        ["score", "--plan", "2026-12=30", "history.toml"],
        ["score", "history.toml", "--plan", "2026-12=30"],
    ] {
        claimtool(dir.path())
            .args(args)
            .run()
            .code(0)
            .stdout_contains("30 (plan)")
            .stdout_contains("With the plan, eligible through 2027-05.");
    }
    claimtool(dir.path())
        .args([
            "score",
            "history.toml",
            "--plan",
            "2027-03=30",
            "--plan",
            "2027-05=40",
        ])
        .run()
        .code(0)
        .stdout_contains("With the plan, eligible through 2027-01.");
}

#[test]
fn score_json_is_the_spec_document() {
    let (dir, _) = workspace();
    let json = claimtool(dir.path())
        .args(["score", "history.toml", "--format", "json"])
        .run()
        .code(0)
        .stdout_json();
    assert_eq!(json["version"], 1);
    assert_eq!(json["partner_id"], "4871236");
    assert_eq!(json["solution_area"], "modern-work");
    assert_eq!(json["today"], TODAY);
    assert_eq!(json["threshold_points"], 25);
    assert_eq!(json["threshold_revenue_usd"], "25000.00");
    assert_eq!(json["eligible_now"], true);
    assert_eq!(json["eligible_through"], "2027-01");
    assert_eq!(json["designation_ready"], false);
    let months = json["months"].as_array().unwrap();
    assert_eq!(months.len(), 12);
    let august = &months[8];
    assert_eq!(
        august,
        &serde_json::json!({
            "month": "2026-08",
            "points": 25.5,
            "window": ["2026-03", "2026-08"],
            "best_in_window": 25.5,
            "ttm_revenue_usd": "22500.00",
            "points_ok": true,
            "revenue_ok": false,
            "designation": false,
            "eligible": false
        })
    );
    assert_eq!(months[11]["ttm_revenue_usd"], "30000.00");
    assert_eq!(months[11]["eligible"], true);
}

#[test]
fn score_today_flag_moves_the_window() {
    let (dir, _) = workspace();
    // In 2027-03 (pending: the verdict is February's) the August score has
    // left the window.
    let out = claimtool(dir.path())
        .args([
            "--today",
            "2027-03-01",
            "score",
            "history.toml",
            "--format",
            "json",
        ])
        .run();
    let json = out.stdout_json();
    assert_eq!(json["today"], "2027-03-01");
    assert_eq!(json["verdict_month"], "2027-02");
    assert_eq!(json["eligible_now"], false);
    assert_eq!(json["eligible_through"], serde_json::Value::Null);
    // The months after the history are shown as missing, the current one as
    // pending; the gap is reported on stderr.
    let months = json["months"].as_array().unwrap();
    assert_eq!(months[months.len() - 1]["pending"], true);
    assert_eq!(months[months.len() - 2]["missing"], true);
    out.stderr_contains("warning[score-gap]");
}

#[test]
fn score_refuses_the_ci_formats() {
    let (dir, _) = workspace();
    claimtool(dir.path())
        .args(["score", "history.toml", "--format", "junit"])
        .run()
        .code(2)
        .stderr_contains("invalid value 'junit' for '--format <FORMAT>'")
        .stderr_contains("[possible values: human, json]");
}

#[test]
fn score_missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    claimtool(dir.path())
        .args(["score", "nope.toml"])
        .run()
        .code(2)
        .stderr_contains("nope.toml does not exist");
}

#[test]
fn score_without_a_file_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    claimtool(dir.path()).args(["score"]).run().code(2);
}

#[test]
fn score_file_with_errors_shows_findings_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{}{}",
        history_text(),
        month("2026-08", "30", "2500.00") // a second 2026-08
    );
    std::fs::write(dir.path().join("dup.toml"), text).unwrap();
    claimtool(dir.path())
        .args(["score", "dup.toml"])
        .run()
        .code(1)
        .stdout_contains("error[score-month]: month 2026-08 is given twice")
        .stdout_contains("--> dup.toml:")
        .stdout_lacks("Eligible");
    let json = claimtool(dir.path())
        .args(["score", "dup.toml", "--format", "json"])
        .run()
        .code(1)
        .stdout_json();
    assert_eq!(json["files"][0]["status"], "error");
    assert_eq!(json["files"][0]["diagnostics"][0]["rule"], "score-month");
}

#[test]
fn score_refuses_another_kind_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.toml"), "kind = \"cpor\"\n").unwrap();
    claimtool(dir.path())
        .args(["score", "c.toml"])
        .run()
        .code(1)
        .stdout_contains("this is a cpor claim, not score");
    std::fs::write(dir.path().join("h.csv"), "month\n").unwrap();
    claimtool(dir.path())
        .args(["score", "h.csv"])
        .run()
        .code(2)
        .stderr_contains("claimtool score import h.csv");
}

#[test]
fn score_refuses_a_plan_in_the_past_or_malformed() {
    let (dir, _) = workspace();
    claimtool(dir.path())
        .args(["score", "history.toml", "--plan", "2026-10=30"])
        .run()
        .code(2)
        .stderr_contains("before the current month (2026-11)");
    claimtool(dir.path())
        .args(["score", "history.toml", "--plan", "December=30"])
        .run()
        .code(2)
        .stderr_contains("--plan");
}

#[test]
fn score_thresholds_come_from_claimtool_toml() {
    let (dir, _) = workspace();
    std::fs::write(
        dir.path().join("claimtool.toml"),
        "[score]\nthreshold_points = 26\nthreshold_revenue_usd = \"20000.00\"\n",
    )
    .unwrap();
    let json = claimtool(dir.path())
        .args(["score", "history.toml", "--format", "json"])
        .run()
        .stdout_json();
    assert_eq!(json["threshold_points"], 26);
    assert_eq!(json["threshold_revenue_usd"], "20000.00");
    assert_eq!(json["eligible_now"], false);
    claimtool(dir.path())
        .args(["score", "history.toml"])
        .run()
        .code(0)
        .stdout_contains("Not eligible: best score in the window is 25.5 (needs 26).");
}

#[test]
fn score_refuses_a_zero_points_threshold() {
    let (dir, _) = workspace();
    std::fs::write(
        dir.path().join("claimtool.toml"),
        "[score]\nthreshold_points = 0\n",
    )
    .unwrap();
    claimtool(dir.path())
        .args(["score", "history.toml"])
        .run()
        .code(2)
        .stderr_contains("threshold_points must be above 0");
}

const CSV: &str = "month,performance,skilling,customer_success,csp_revenue_usd\n\
                   2026-09,8,10,7.5,\"$12,500.00\"\n\
                   2026-10,0,0,0,0\n\
                   2026-11,1,1,1,12500\n";

/// `claimtool score import history.csv --partner-id 4871236
/// --solution-area AREA`, then `extra`, in `dir`.
fn import(dir: &Path, area: &str, extra: &[&str]) -> Test {
    claimtool(dir)
        .args([
            "score",
            "import",
            "history.csv",
            "--partner-id",
            "4871236",
            "--solution-area",
            area,
        ])
        .args(extra)
}

#[test]
fn import_writes_a_history_that_score_reads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("history.csv"), CSV).unwrap();
    let out = ["--out", "history.toml"];
    import(dir.path(), "security", &out)
        .run()
        .code(0)
        .stderr_contains("wrote history.toml (3 months)")
        .stdout_contains("1 file: 1 ready");
    let written = std::fs::read_to_string(dir.path().join("history.toml")).unwrap();
    assert!(written.contains("solution_area = \"security\""));
    assert!(written.contains("month = \"2026-09\"\nperformance = 8.0\nskilling = 10.0\ncustomer_success = 7.5\ncsp_revenue_usd = \"12500.00\"\n"));
    claimtool(dir.path())
        .args(["score", "history.toml"])
        .run()
        .code(0)
        .stdout_contains("Eligible through 2027-02.");
    // An existing file is kept unless --force.
    import(dir.path(), "security", &out)
        .run()
        .code(2)
        .stderr_contains("already exists");
    import(dir.path(), "security", &out)
        .arg("--force")
        .run()
        .code(0);
}

#[test]
fn import_without_out_prints_the_toml() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("history.csv"), CSV).unwrap();
    let run = import(dir.path(), "modern-work", &[]).run();
    run.code(0).stdout_contains("[[month]]");
    assert!(
        run.stdout()
            .starts_with("kind = \"score\"\npartner_id = \"4871236\""),
        "{}",
        run.stdout()
    );
}

#[test]
fn import_reports_rows_and_columns_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("history.csv"),
        "month,performance,skilling,customer_success,csp_revenue_usd\n2026-09,8,10,7.5,100\n\
         2026-10,8,abc,7.5,100\n",
    )
    .unwrap();
    import(dir.path(), "modern-work", &["--out", "history.toml"])
        .run()
        .code(1)
        .stderr_contains("history.csv:3:3: error: `skilling` \"abc\" is not a number")
        .stderr_contains("nothing written");
    assert!(!dir.path().join("history.toml").exists());
}

#[test]
fn import_checks_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    // December 2026 is after today: score-month fires on the written file.
    std::fs::write(
        dir.path().join("history.csv"),
        "month,performance,skilling,customer_success,csp_revenue_usd\n2026-12,8,10,7.5,100\n",
    )
    .unwrap();
    import(dir.path(), "modern-work", &["--out", "history.toml"])
        .run()
        .code(1)
        .stdout_contains("error[score-month]")
        .stdout_contains("--> history.toml:");
}

#[test]
fn import_refuses_an_unknown_solution_area() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("history.csv"), CSV).unwrap();
    import(dir.path(), "modern-workplace", &[])
        .run()
        .code(2)
        .stderr_contains("modern-work");
}

#[test]
fn score_new_without_a_terminal_refuses_and_names_score_validate() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["score", "new"][..], &["score", "new", "--no-input"][..]] {
        claimtool(dir.path())
            .args(args)
            .stdin("")
            .timeout(std::time::Duration::from_secs(20))
            .run()
            .code(2)
            .stdout_is("")
            .stderr_contains("needs a terminal")
            .stderr_contains("claimtool score validate FILE");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn score_validate_checks_score_files_only() {
    let (dir, _) = workspace();
    claimtool(dir.path())
        .args(["score", "validate", "history.toml"])
        .run()
        .code(0)
        .stdout_contains("1 file: 1 ready");
    std::fs::write(dir.path().join("c.toml"), "kind = \"cpor\"\n").unwrap();
    claimtool(dir.path())
        .args(["score", "validate", "c.toml"])
        .run()
        .code(1)
        .stdout_contains("not score");
}

/// `claimtool score new` in a real pseudo-terminal: one month, written,
/// then the eligibility of what was written.
#[cfg(unix)]
#[test]
fn score_new_in_a_terminal_writes_the_history_and_shows_eligibility() {
    use rexpect::session::spawn_command;

    let dir = tempfile::tempdir().unwrap();
    let cmd = Test::new()
        .current_dir(dir.path())
        .today(TODAY)
        .args(["score", "new"])
        .command();
    let mut s = spawn_command(cmd, Some(30_000)).expect("spawn claimtool in a pty");
    let mut step = |prompt: &str, send: &str, line: bool| {
        s.exp_string(prompt)
            .unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
        if line {
            s.send_line(send).unwrap();
        } else {
            s.send(send).unwrap();
            s.flush().unwrap();
        }
    };
    step("Partner location", "4871236", true);
    step("Solution area", "\r", false);
    step("Add a month?", "y", false);
    step("Month (YYYY-MM)", "2026-11", true);
    step("2026-11: Performance points", "20", true);
    step("2026-11: Skilling points", "5", true);
    step("2026-11: Customer success points", "0", true);
    step("2026-11: CSP revenue billed", "25000.00", true);
    step("2026-11: Solutions Partner designation", "n", false);
    step("Add another month?", "n", false);
    step("Write the claim to modern-work.toml", "\r", false);
    s.exp_string("Eligible through 2027-04.").unwrap();
    s.exp_eof().unwrap();
    let written = std::fs::read_to_string(dir.path().join("modern-work.toml")).unwrap();
    assert!(written.contains("month = \"2026-11\""), "{written}");
    assert!(written.contains("performance = 20\n"), "{written}");
    assert!(!dir.path().join("modern-work.toml.draft").exists());
}

#[test]
fn the_example_csv_imports_and_scores() {
    let dir = tempfile::tempdir().unwrap();
    let csv = repo().join("examples/score/history.csv");
    let out = dir.path().join("history.toml");
    claimtool(dir.path())
        .args(["score", "import"])
        .arg(&csv)
        .args([
            "--partner-id",
            "4871236",
            "--solution-area",
            "modern-work",
            "--out",
        ])
        .arg(&out)
        .run()
        .code(0);
    // 25.5 points in 2026-08 and 2026-09, but only USD 13,000.00 over twelve months.
    claimtool(dir.path())
        .args(["score", "history.toml"])
        .run()
        .code(0)
        .stdout_contains(
            "Not eligible: trailing-12-month revenue is USD 13,000.00 (needs 25,000.00). The points \
             hold through 2027-02",
        );
}

#[test]
fn months_between_now_and_a_plan_are_not_yet_not_missing() {
    let (dir, _) = workspace();
    claimtool(dir.path())
        .args(["score", "history.toml", "--plan", "2027-02=30"])
        .run()
        .success()
        .stdout_contains("0 (not yet)")
        .stdout_contains("30 (plan)");
}
