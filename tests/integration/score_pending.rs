//! `claimtool score` while the current month is pending (spec/cli.md,
//! capability score semantics): the example history stops at November.

use crate::support::{Run, Test};

fn score(today: &str, format: &str) -> Run {
    Test::new()
        .args(["score", "examples/score/modern-work.toml"])
        .args(["--format", format])
        .today(today)
        .run()
}

#[test]
fn early_in_a_month_the_verdict_is_the_last_complete_months() {
    let run = score("2026-12-06", "human");
    run.code(0);
    let text = run.stdout();
    let row = text
        .lines()
        .find(|l| l.contains("2026-12 (now)"))
        .expect("a row for the current month");
    assert!(row.contains("pending"), "{row}");
    assert!(!row.contains("missing"), "{row}");
    run.stdout_contains("the verdict is for November 2026");
    assert!(
        text.trim_end().ends_with(
            "Eligible through 2027-02. Reach 25 points in any month by February 2027 to stay eligible."
        ),
        "{text}"
    );
    // The same verdict as late in November.
    let november = score("2026-11-25", "human");
    november.code(0);
    assert_eq!(november.stdout().lines().last(), text.lines().last());
}

#[test]
fn json_names_the_verdict_month_and_the_pending_month() {
    let run = score("2026-12-06", "json");
    run.code(0);
    let json = run.stdout_json();
    assert_eq!(json["verdict_month"], "2026-11");
    assert_eq!(json["eligible_now"], true);
    assert_eq!(json["eligible_through"], "2027-02");
    let last = json["months"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        last,
        serde_json::json!({"month": "2026-12", "pending": true})
    );
}
