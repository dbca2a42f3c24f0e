//! `claimtool score` while the current month is pending (spec/cli.md,
//! capability score semantics): the example history stops at November.

use assert_cmd::Command;

fn score(today: &str, format: &str) -> assert_cmd::assert::Assert {
    Command::cargo_bin("claimtool")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(["score", "examples/score/modern-work.toml", "--today", today])
        .args(["--format", format])
        .assert()
}

#[test]
fn early_in_a_month_the_verdict_is_the_last_complete_months() {
    let out = score("2026-12-06", "human").code(0);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let row = text
        .lines()
        .find(|l| l.contains("2026-12 (now)"))
        .expect("a row for the current month");
    assert!(row.contains("pending"), "{row}");
    assert!(!row.contains("missing"), "{row}");
    assert!(text.contains("the verdict is for November 2026"), "{text}");
    assert!(
        text.trim_end().ends_with(
            "Eligible through 2027-02. Reach 25 points in any month by February 2027 to stay eligible."
        ),
        "{text}"
    );
    // The same verdict as late in November.
    let november = score("2026-11-25", "human").code(0);
    let november = String::from_utf8(november.get_output().stdout.clone()).unwrap();
    assert_eq!(november.lines().last(), text.lines().last());
}

#[test]
fn json_names_the_verdict_month_and_the_pending_month() {
    let out = score("2026-12-06", "json").code(0);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["verdict_month"], "2026-11");
    assert_eq!(json["eligible_now"], true);
    assert_eq!(json["eligible_through"], "2027-02");
    let last = json["months"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        last,
        serde_json::json!({"month": "2026-12", "pending": true})
    );
}
