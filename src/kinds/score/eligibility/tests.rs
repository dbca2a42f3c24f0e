//! The eligibility computation at its edges.

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::json;

use super::*;
use crate::model::Claim;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A history from TOML month tables (`[[month]]` bodies).
fn parse(area: &str, months: &[String]) -> ScoreHistory {
    let mut text =
        format!("kind = \"score\"\npartner_id = \"4871236\"\nsolution_area = \"{area}\"\n");
    for m in months {
        text.push_str("\n[[month]]\n");
        text.push_str(m);
    }
    let loaded = crate::load::load_text(text, Path::new("h.toml"), "h.toml");
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    match loaded.claim {
        Some(Claim::Score(h)) => h,
        other => panic!("not a score history: {other:?}"),
    }
}

/// One month with all its points in `performance`.
fn month(month: &str, points: &str, revenue: &str) -> String {
    format!(
        "month = \"{month}\"\nperformance = {points}\nskilling = 0\ncustomer_success = 0\n\
         csp_revenue_usd = \"{revenue}\"\n"
    )
}

fn history(months: &[(&str, &str, &str)]) -> ScoreHistory {
    let months: Vec<String> = months.iter().map(|(m, p, r)| month(m, p, r)).collect();
    parse("modern-work", &months)
}

/// Every month from `first` through `last` with the same points and revenue.
fn steady(first: &str, last: &str, points: &str, revenue: &str) -> Vec<String> {
    let first = YearMonth::parse(first).unwrap();
    let last = YearMonth::parse(last).unwrap();
    first
        .through(last)
        .map(|m| month(&m.to_string(), points, revenue))
        .collect()
}

fn run(h: &ScoreHistory, today: &str) -> Eligibility {
    evaluate(h, day(today), &ScoreSettings::default(), &[]).unwrap()
}

fn run_plan(h: &ScoreHistory, today: &str, plan: &[&str]) -> Result<Eligibility, String> {
    let plan: Vec<PlanEntry> = plan.iter().map(|p| p.parse().unwrap()).collect();
    evaluate(h, day(today), &ScoreSettings::default(), &plan)
}

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).unwrap()
}

/// Twelve months of 2,500.00 revenue and no points, with `extra` on top.
fn with_revenue(extra: &[String]) -> ScoreHistory {
    let mut months = steady("2025-12", "2026-11", "0", "2500.00");
    for e in extra {
        let m = &e[9..16];
        months.retain(|x| &x[9..16] != m);
        months.push(e.clone());
    }
    parse("modern-work", &months)
}

#[test]
fn a_qualifying_month_five_months_back_counts_six_back_does_not() {
    // Today 2026-11-26: the window is 2026-06..2026-11.
    let in_window = with_revenue(&[month("2026-06", "30", "2500.00")]);
    let e = run(&in_window, "2026-11-26");
    let now = e.current().unwrap();
    assert_eq!(now.window, [ym("2026-06"), ym("2026-11")]);
    assert_eq!(now.best_in_window, dec("30"));
    assert!(e.eligible_now);
    assert_eq!(e.eligible_through, Some(ym("2026-11")));

    let out_of_window = with_revenue(&[month("2026-05", "30", "2500.00")]);
    let e = run(&out_of_window, "2026-11-26");
    let now = e.current().unwrap();
    assert_eq!(now.best_in_window, dec("0"));
    assert!(!now.points_ok);
    assert!(!e.eligible_now);
    assert_eq!(e.eligible_through, None);
    // ...but it still counted for 2026-10, whose window starts in May.
    let october = e.months.iter().find(|m| m.month == ym("2026-10")).unwrap();
    assert!(october.points_ok && october.eligible);
}

#[test]
fn the_window_rolls_at_the_first_of_the_month() {
    let h = with_revenue(&[month("2026-05", "30", "2500.00")]);
    assert!(run(&h, "2026-10-31").eligible_now);
    assert!(!run(&h, "2026-11-01").eligible_now);
}

#[test]
fn points_threshold_is_inclusive_to_the_cent() {
    let e = run(
        &with_revenue(&[month("2026-09", "24.99", "2500.00")]),
        "2026-11-26",
    );
    assert!(!e.current().unwrap().points_ok);
    assert!(!e.eligible_now);
    let e = run(
        &with_revenue(&[month("2026-09", "25.00", "2500.00")]),
        "2026-11-26",
    );
    assert!(e.current().unwrap().points_ok);
    assert!(e.eligible_now);
    assert_eq!(e.eligible_through, Some(ym("2027-02")));
}

#[test]
fn points_add_up_from_the_three_categories() {
    let h = parse(
        "modern-work",
        &[
            "month = \"2026-11\"\nperformance = 8.0\nskilling = 10.0\ncustomer_success = 6.99\n\
             csp_revenue_usd = \"25000.00\"\n"
                .into(),
        ],
    );
    let e = run(&h, "2026-11-26");
    assert_eq!(e.current().unwrap().points, dec("24.99"));
    assert!(!e.eligible_now);
}

#[test]
fn revenue_threshold_is_inclusive_to_the_cent() {
    let at = history(&[("2026-01", "30", "12500.00"), ("2026-06", "0", "12500.00")]);
    let e = run(&at, "2026-06-15");
    let now = e.current().unwrap();
    assert_eq!(now.ttm_revenue_usd, dec("25000.00"));
    assert!(now.revenue_ok && e.eligible_now);

    let below = history(&[("2026-01", "30", "12500.00"), ("2026-06", "0", "12499.99")]);
    let e = run(&below, "2026-06-15");
    assert!(!e.current().unwrap().revenue_ok);
    assert!(!e.eligible_now);
}

#[test]
fn revenue_is_the_trailing_twelve_months() {
    // 2025-06 is twelve months before 2026-06: out of its sum.
    let h = history(&[
        ("2025-06", "0", "20000.00"),
        ("2025-07", "0", "5000.00"),
        ("2026-06", "30", "20000.00"),
    ]);
    let e = run(&h, "2026-06-30");
    assert_eq!(e.current().unwrap().ttm_revenue_usd, dec("25000.00"));
    let june_2025 = &e.months[0];
    assert_eq!(june_2025.window, [ym("2025-01"), ym("2025-06")]);
    assert_eq!(june_2025.ttm_revenue_usd, dec("20000.00"));
}

#[test]
fn missing_months_count_as_zero_and_are_marked() {
    // 2026-08 and 2026-09 are missing; the current month 2026-11 too.
    let h = history(&[("2026-07", "30", "20000.00"), ("2026-10", "10", "6000.00")]);
    let e = run(&h, "2026-11-26");
    let shown: Vec<String> = e.months.iter().map(|m| m.month.to_string()).collect();
    assert_eq!(
        shown,
        ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
    );
    let missing: Vec<bool> = e.months.iter().map(|m| m.missing).collect();
    assert_eq!(missing, [false, true, true, false, true]);
    let aug = &e.months[1];
    assert_eq!(aug.points, Decimal::ZERO);
    assert_eq!(aug.best_in_window, dec("30"));
    assert_eq!(aug.ttm_revenue_usd, dec("20000.00"));
    assert!(!aug.eligible);
    let now = e.current().unwrap();
    assert_eq!(now.ttm_revenue_usd, dec("26000.00"));
    assert!(now.eligible);
    assert_eq!(e.eligible_through, Some(ym("2026-12")));
}

#[test]
fn an_empty_history_shows_the_current_month_not_eligible() {
    let h = parse("modern-work", &[]);
    let e = run(&h, "2026-11-26");
    // October, the verdict's month, and November, pending.
    assert_eq!(e.months.len(), 2);
    assert!(e.months[0].missing);
    assert!(e.months[1].pending);
    assert_eq!(e.verdict_month, ym("2026-10"));
    assert!(!e.eligible_now);
    assert_eq!(
        e.summary(),
        "Not eligible: best score in the window is 0 (needs 25); trailing-12-month revenue is \
         USD 0.00 (needs 25,000.00). Reach 25 points in a month and bring trailing-12-month CSP \
         revenue to USD 25,000.00 to become eligible."
    );
}

#[test]
fn designation_without_points_is_eligible_for_the_current_month_only() {
    let h = with_revenue(&[format!(
        "{}designation = true\n",
        month("2026-11", "10", "2500.00")
    )]);
    let e = run(&h, "2026-11-26");
    let now = e.current().unwrap();
    assert!(now.designation && !now.points_ok && now.eligible);
    assert!(e.eligible_now);
    assert_eq!(e.eligible_through, Some(ym("2026-11")));
    assert_eq!(
        e.summary(),
        "Eligible in 2026-11 on the Solutions Partner designation alone (best score in the window \
         is 10, needs 25). Keep the designation, or reach 25 points in any month by November \
         2026, to stay eligible."
    );
}

#[test]
fn designation_does_not_replace_revenue() {
    let h = history(&[("2026-11", "0", "1000.00")]);
    let mut h2 = h.clone();
    h2.months[0].designation = Some(crate::decode::Sp::new(true, 0..0, "month[0].designation"));
    let e = run(&h2, "2026-11-26");
    assert!(!e.eligible_now);
    assert_eq!(
        e.summary(),
        "Not eligible: trailing-12-month revenue is USD 1,000.00 (needs 25,000.00). Bring \
         trailing-12-month CSP revenue to USD 25,000.00 to become eligible."
    );
}

#[test]
fn designation_and_points_last_as_long_as_the_points() {
    let h = with_revenue(&[format!(
        "{}designation = true\n",
        month("2026-10", "26", "2500.00")
    )]);
    let e = run(&h, "2026-11-26");
    assert_eq!(e.eligible_through, Some(ym("2027-03")));
}

#[test]
fn the_sentence_says_until_when_and_what_to_reach() {
    let h = with_revenue(&[month("2026-08", "25.5", "2500.00")]);
    let e = run(&h, "2026-11-26");
    assert_eq!(e.eligible_through, Some(ym("2027-01")));
    assert_eq!(
        e.summary(),
        "Eligible through 2027-01. Reach 25 points in any month by January 2027 to stay eligible."
    );
}

#[test]
fn the_latest_qualifying_month_sets_eligible_through() {
    let h = with_revenue(&[
        month("2026-07", "40", "2500.00"),
        month("2026-09", "25", "2500.00"),
    ]);
    assert_eq!(run(&h, "2026-11-26").eligible_through, Some(ym("2027-02")));
}

#[test]
fn revenue_failing_says_how_long_the_points_hold() {
    let h = history(&[("2026-08", "30", "21300.00")]);
    let e = run(&h, "2026-11-26");
    assert!(!e.eligible_now);
    assert_eq!(e.points_through, Some(ym("2027-01")));
    assert_eq!(
        e.summary(),
        "Not eligible: trailing-12-month revenue is USD 21,300.00 (needs 25,000.00). The points \
         hold through 2027-01: bring trailing-12-month CSP revenue to USD 25,000.00 by January \
         2027 to use them."
    );
}

#[test]
fn both_failing_reads_like_the_spec() {
    let h = history(&[("2026-09", "18.5", "21300.00")]);
    let e = run(&h, "2026-11-26");
    assert!(e.summary().starts_with(
        "Not eligible: best score in the window is 18.5 (needs 25); trailing-12-month revenue is \
         USD 21,300.00 (needs 25,000.00)."
    ));
}

#[test]
fn what_if_a_planned_month_extends_eligibility() {
    let h = with_revenue(&[month("2026-08", "25.5", "2500.00")]);
    let e = run_plan(&h, "2026-11-26", &["2027-01=30"]).unwrap();
    assert_eq!(e.eligible_through, Some(ym("2027-06")));
    let last = e.months.last().unwrap();
    assert_eq!(last.month, ym("2027-01"));
    assert!(last.planned && last.missing && last.eligible);
    // Future months keep the current trailing revenue.
    assert_eq!(last.ttm_revenue_usd, dec("30000.00"));
    assert!(
        e.summary()
            .starts_with("With the plan, eligible through 2027-06.")
    );
}

#[test]
fn what_if_a_plan_after_a_gap_does_not_bridge_it() {
    let h = with_revenue(&[month("2026-08", "25.5", "2500.00")]);
    // 2027-02 and 2027-03 have no qualifying month in their window.
    let e = run_plan(&h, "2026-11-26", &["2027-04=30"]).unwrap();
    assert_eq!(e.eligible_through, Some(ym("2027-01")));
    let feb = e.months.iter().find(|m| m.month == ym("2027-02")).unwrap();
    assert!(!feb.eligible);
}

#[test]
fn what_if_makes_a_partner_eligible_later() {
    let h = with_revenue(&[]);
    let e = run_plan(&h, "2026-11-26", &["2026-12=27.5"]).unwrap();
    assert!(!e.eligible_now);
    assert_eq!(e.eligible_through, None);
    assert_eq!(e.planned_run, Some((ym("2026-12"), ym("2027-05"))));
    assert_eq!(
        e.summary(),
        "Not eligible: best score in the window is 0 (needs 25). Reach 25 points in any month to \
         become eligible. With the plan, eligible from 2026-12 through 2027-05."
    );
}

#[test]
fn what_if_in_the_current_month_keeps_the_better_score() {
    let h = with_revenue(&[month("2026-11", "20", "2500.00")]);
    let e = run_plan(&h, "2026-11-26", &["2026-11=26"]).unwrap();
    let now = e.current().unwrap();
    assert!(now.planned && !now.missing);
    assert_eq!(now.points, dec("26"));
    assert_eq!(e.eligible_through, Some(ym("2027-04")));
    let e = run_plan(&h, "2026-11-26", &["2026-11=5"]).unwrap();
    assert_eq!(e.current().unwrap().points, dec("20"));
}

#[test]
fn what_if_refuses_the_past_and_repeats() {
    let h = with_revenue(&[]);
    assert!(
        run_plan(&h, "2026-11-26", &["2026-10=30"])
            .unwrap_err()
            .contains("before the current month")
    );
    assert!(
        run_plan(&h, "2026-11-26", &["2026-12=30", "2026-12=40"])
            .unwrap_err()
            .contains("twice")
    );
}

#[test]
fn plan_entries_parse_strictly() {
    let p: PlanEntry = "2026-12=27.5".parse().unwrap();
    assert_eq!((p.month, p.points), (ym("2026-12"), dec("27.5")));
    for bad in [
        "2026-12",
        "2026-12=",
        "2026-12=x",
        "12/2026=30",
        "2026-12=-1",
        "2026-12=101",
    ] {
        assert!(bad.parse::<PlanEntry>().is_err(), "{bad}");
    }
}

#[test]
fn thresholds_come_from_the_settings() {
    let h = with_revenue(&[month("2026-11", "20", "2500.00")]);
    let settings = ScoreSettings {
        threshold_points: dec("20"),
        threshold_revenue_usd: dec("30000.00"),
    };
    let e = evaluate(&h, day("2026-11-26"), &settings, &[]).unwrap();
    assert!(e.current().unwrap().points_ok);
    assert!(e.current().unwrap().revenue_ok);
    let settings = ScoreSettings {
        threshold_points: dec("20"),
        threshold_revenue_usd: dec("30000.01"),
    };
    assert!(
        !evaluate(&h, day("2026-11-26"), &settings, &[])
            .unwrap()
            .eligible_now
    );
}

#[test]
fn senseless_thresholds_are_refused() {
    let h = with_revenue(&[]);
    let zero_points = ScoreSettings {
        threshold_points: Decimal::ZERO,
        threshold_revenue_usd: dec("25000"),
    };
    let err = evaluate(&h, day("2026-11-26"), &zero_points, &[]).unwrap_err();
    assert!(err.contains("threshold_points must be above 0"), "{err}");
    let negative_revenue = ScoreSettings {
        threshold_points: dec("25"),
        threshold_revenue_usd: dec("-1"),
    };
    let err = evaluate(&h, day("2026-11-26"), &negative_revenue, &[]).unwrap_err();
    assert!(
        err.contains("threshold_revenue_usd must be 0 or more"),
        "{err}"
    );
}

fn metrics_month(
    m: &str,
    adds: &str,
    inter: &str,
    adv: Option<&str>,
    growth: &str,
    deploy: &str,
) -> String {
    let adv = adv.map_or(String::new(), |a| {
        format!("advanced_certifications = {a}\n")
    });
    format!(
        "month = \"{m}\"\ncsp_revenue_usd = \"30000.00\"\n[month.metrics]\nnet_customer_adds = {adds}\n\
         intermediate_certifications = {inter}\n{adv}usage_growth = {growth}\ndeployments = {deploy}\n"
    )
}

#[test]
fn metrics_derive_the_categories_and_designation_readiness() {
    let h = parse(
        "modern-work",
        &[metrics_month("2026-09", "20", "10", Some("15"), "20", "5")],
    );
    let e = run(&h, "2026-11-26");
    assert_eq!(e.months[0].points, dec("70"));
    assert!(e.designation_ready);
    // One applicable metric at zero: not ready.
    let h = parse(
        "modern-work",
        &[metrics_month("2026-09", "20", "10", Some("0"), "30", "10")],
    );
    assert!(!run(&h, "2026-11-26").designation_ready);
    // Security has no advanced certifications.
    let h = parse(
        "security",
        &[metrics_month("2026-09", "20", "40", None, "10", "5")],
    );
    assert!(run(&h, "2026-11-26").designation_ready);
    // 69.99 points: not ready.
    let h = parse(
        "security",
        &[metrics_month("2026-09", "20", "40", None, "4.99", "5")],
    );
    assert!(!run(&h, "2026-11-26").designation_ready);
    // Outside the verdict's window (November is pending: October's,
    // May to October): not ready.
    let h = parse(
        "modern-work",
        &[metrics_month("2026-04", "20", "10", Some("15"), "20", "5")],
    );
    assert!(!run(&h, "2026-11-26").designation_ready);
    // Category scores alone cannot show every metric above zero.
    let h = history(&[("2026-11", "80", "30000.00")]);
    assert!(!run(&h, "2026-11-26").designation_ready);
}

#[test]
fn json_has_the_shape_of_the_spec() {
    let months = [
        "month = \"2026-01\"\nperformance = 8.0\nskilling = 10.0\ncustomer_success = 7.5\ncsp_revenue_usd = \"6000.00\"\n".to_string(),
        "month = \"2026-06\"\nperformance = 8.0\nskilling = 10.0\ncustomer_success = 7.5\ncsp_revenue_usd = \"25000\"\ndesignation = false\n".to_string(),
    ];
    let h = parse("modern-work", &months);
    let e = run(&h, "2026-06-26");
    let json = serde_json::to_value(&e).unwrap();
    let june = json!({
        "month": "2026-06",
        "points": 25.5,
        "window": ["2026-01", "2026-06"],
        "best_in_window": 25.5,
        "ttm_revenue_usd": "31000.00",
        "points_ok": true,
        "revenue_ok": true,
        "designation": false,
        "eligible": true
    });
    assert_eq!(json["months"][5], june);
    assert_eq!(json["months"][1]["missing"], json!(true));
    assert_eq!(json["months"][1]["points"], json!(0));
    assert_eq!(json["months"].as_array().unwrap().len(), 6);
    let mut top = json.clone();
    top["months"] = json!([]);
    assert_eq!(
        top,
        json!({
            "version": 1,
            "partner_id": "4871236",
            "solution_area": "modern-work",
            "today": "2026-06-26",
            "threshold_points": 25,
            "threshold_revenue_usd": "25000.00",
            "months": [],
            "verdict_month": "2026-06",
            "eligible_now": true,
            "eligible_through": "2026-11",
            "designation_ready": false
        })
    );
    // Key order as in the spec.
    let text = serde_json::to_string(&e).unwrap();
    let keys = [
        "\"version\"",
        "\"partner_id\"",
        "\"solution_area\"",
        "\"today\"",
        "\"threshold_points\"",
        "\"threshold_revenue_usd\"",
        "\"months\"",
        "\"eligible_now\"",
        "\"eligible_through\"",
        "\"designation_ready\"",
    ];
    let positions: Vec<usize> = keys.iter().map(|k| text.rfind(k).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
}

#[test]
fn json_numbers_are_the_decimals_written() {
    let h = history(&[("2026-11", "24.99", "25000.5")]);
    let json = serde_json::to_value(run(&h, "2026-11-26")).unwrap();
    assert_eq!(json["months"][0]["points"].to_string(), "24.99");
    assert_eq!(json["months"][0]["ttm_revenue_usd"], json!("25000.50"));
}

#[test]
fn money_has_thousands_separators() {
    assert_eq!(fmt_usd(dec("21300")), "21,300.00");
    assert_eq!(fmt_usd(dec("1234567.891")), "1,234,567.89");
    assert_eq!(fmt_usd(dec("999.5")), "999.50");
    assert_eq!(fmt_usd(dec("-1000")), "-1,000.00");
    assert_eq!(fmt_points(dec("25.50")), "25.5");
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever the history and plan, the summary fields agree with the
        /// month table: `eligible_now` is the current row, and every shown
        /// month from now through `eligible_through` is eligible, the next
        /// one not.
        #[test]
        fn summary_agrees_with_the_table(
            months in proptest::collection::vec((0i32..30, 0u32..40, 0u32..6000, any::<bool>()), 0..20),
            plan in proptest::collection::vec((0i32..10, 0u32..60), 0..3),
            today_offset in 0i32..30,
        ) {
            let base = YearMonth::new(2025, 1).unwrap();
            // Months after today are a score-month error: the engine stops
            // before the computation, so they are not generated here.
            let texts: Vec<String> = months
                .iter()
                .filter(|(m, ..)| *m <= today_offset)
                .map(|(m, p, r, d)| format!(
                    "{}designation = {d}\n",
                    month(&base.plus(*m).to_string(), &p.to_string(), &format!("{r}.00"))
                ))
                .collect();
            let h = parse("modern-work", &texts);
            let now = base.plus(today_offset);
            let today = NaiveDate::from_ymd_opt(now.year(), now.month(), 15).unwrap();
            let plan: Vec<PlanEntry> = plan
                .iter()
                .map(|(m, p)| PlanEntry { month: now.plus(*m), points: Decimal::from(*p) })
                .collect();
            let Ok(e) = evaluate(&h, today, &ScoreSettings::default(), &plan) else {
                return Ok(()); // a plan naming a month twice
            };
            let current = e.current().unwrap();
            prop_assert_eq!(current.eligible, e.eligible_now);
            prop_assert_eq!(e.eligible_through.is_some(), e.eligible_now);
            // The verdict is the current month's, or the month before's
            // while the current one is pending.
            let verdict = e.verdict_month;
            prop_assert!(verdict == now || (verdict == now.plus(-1) && e.months.iter().any(|m| m.month == now && m.pending)));
            if let Some(through) = e.eligible_through {
                prop_assert!(through >= verdict);
                for m in e.months.iter().filter(|m| m.month >= verdict && m.month <= through) {
                    prop_assert!(m.eligible, "{:?}", m.month);
                }
                // The run ends there (a later planned month may start another).
                if let Some(next) = e.months.iter().find(|m| m.month == through.plus(1)) {
                    prop_assert!(!next.eligible);
                }
            }
            for m in &e.months {
                prop_assert!(m.best_in_window >= m.points);
                prop_assert_eq!(m.eligible, (m.designation || m.points_ok) && m.revenue_ok);
            }
            prop_assert!(!e.summary().is_empty());
        }
    }
}

#[test]
fn a_plan_reaches_at_most_two_years_ahead() {
    let h = parse("modern-work", &[month("2026-11", "30", "30000.00")]);
    let far = PlanEntry {
        month: YearMonth::parse("2028-12").unwrap(),
        points: dec("30"),
    };
    let err = evaluate(&h, day("2026-11-26"), &ScoreSettings::default(), &[far]).unwrap_err();
    assert!(err.contains("24 months ahead"), "{err}");
}

/// The current month is pending while the history has no entry for it:
/// the verdict is the last complete month's, so an eligible partner does
/// not turn ineligible on the first of every month (issue: on 2026-12-06 the
/// example said "not eligible", on 2026-11-25 "eligible through 2027-02").
#[test]
fn the_current_month_is_pending_until_the_history_has_it() {
    let h = parse(
        "modern-work",
        &steady("2025-12", "2026-11", "26", "2500.00"),
    );
    let late_november = run(&h, "2026-11-25");
    let early_december = run(&h, "2026-12-06");
    assert_eq!(late_november.verdict_month, ym("2026-11"));
    assert_eq!(early_december.verdict_month, ym("2026-11"));
    assert!(early_december.eligible_now);
    assert_eq!(
        early_december.eligible_through,
        late_november.eligible_through
    );
    assert_eq!(early_december.summary(), late_november.summary());
    let json = serde_json::to_value(&early_december).unwrap();
    let months = json["months"].as_array().unwrap();
    assert_eq!(
        months.last().unwrap(),
        &json!({"month": "2026-12", "pending": true})
    );
    assert_eq!(json["verdict_month"], "2026-11");
    assert!(
        months[..months.len() - 1]
            .iter()
            .all(|m| m.get("pending").is_none())
    );

    // Once December is in the history it is judged like any month.
    let mut with_december = steady("2025-12", "2026-11", "26", "2500.00");
    with_december.push(month("2026-12", "0", "0.00"));
    let e = run(&parse("modern-work", &with_december), "2026-12-06");
    assert_eq!(e.verdict_month, ym("2026-12"));
    assert!(e.months.iter().all(|m| !m.pending));
}

#[test]
fn a_plan_for_the_current_month_is_judged_not_pending() {
    let h = parse(
        "modern-work",
        &steady("2025-12", "2026-11", "10", "2500.00"),
    );
    let plan = [PlanEntry {
        month: ym("2026-12"),
        points: dec("30"),
    }];
    let e = evaluate(&h, day("2026-12-06"), &ScoreSettings::default(), &plan).unwrap();
    assert_eq!(e.verdict_month, ym("2026-12"));
    assert!(e.eligible_now);
    // Without the plan, November's verdict: not eligible.
    let e = run(&h, "2026-12-06");
    assert_eq!(e.verdict_month, ym("2026-11"));
    assert!(!e.eligible_now);
}

// Boundaries found by mutation testing (docs/testing.md): each test below
// fails when the comparison it pins is moved by one.

#[test]
fn a_plan_scores_from_zero_to_the_maximum_inclusive() {
    for ok in ["2026-12=0", "2026-12=100"] {
        assert!(ok.parse::<PlanEntry>().is_ok(), "{ok}");
    }
    for bad in ["2026-12=-0.01", "2026-12=100.01"] {
        assert!(bad.parse::<PlanEntry>().is_err(), "{bad}");
    }
}

#[test]
fn a_revenue_threshold_of_zero_is_accepted() {
    let h = with_revenue(&[month("2026-11", "30", "0")]);
    let settings = ScoreSettings {
        threshold_points: dec("25"),
        threshold_revenue_usd: Decimal::ZERO,
    };
    assert!(evaluate(&h, day("2026-11-26"), &settings, &[]).is_ok());
}

#[test]
fn a_plan_exactly_two_years_ahead_is_accepted() {
    let h = parse("modern-work", &[month("2026-11", "30", "30000.00")]);
    let edge = PlanEntry {
        month: ym("2028-11"),
        points: dec("30"),
    };
    assert!(evaluate(&h, day("2026-11-26"), &ScoreSettings::default(), &[edge]).is_ok());
}

#[test]
fn points_that_end_this_month_are_not_called_the_designation_alone() {
    // Qualifying five months back: eligible on the points through this
    // month only. The sentence is the points one, not the designation one.
    let h = with_revenue(&[month("2026-06", "30", "2500.00")]);
    let e = run(&h, "2026-11-26");
    assert!(e.current().unwrap().points_ok);
    assert_eq!(e.eligible_through, Some(ym("2026-11")));
    let summary = e.summary();
    assert!(
        summary.starts_with("Eligible through 2026-11."),
        "{summary}"
    );
    assert!(!summary.contains("designation alone"), "{summary}");
}
