//! Co-op claims end to end: the claiming window on its scale (first and last
//! day), the amount-mismatch message, exact money sums (property tests
//! through the real loader and engine), and the examples in examples/coop.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use claimtool::config::Config;
use claimtool::diag::{Finding, Overrides, Severity};
use claimtool::engine::check_loaded;
use claimtool::load::load_text;
use claimtool::rules::Env;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A co-op claim whose invoices have `amounts` (TOML value text, e.g.
/// `"12.30"` or `12.3`) and whose claimed amount is `claimed`.
fn claim_text(period: &str, currency: &str, claimed: &str, amounts: &[String]) -> String {
    let mut text = format!(
        "kind = \"coop\"\n\
         program = \"Microsoft Commerce Incentives\"\n\
         fund_category = \"Cloud Solution Provider\"\n\
         partner_id = \"4871236\"\n\
         funding_pool = \"CSP Indirect Reseller\"\n\
         usage_period = \"{period}\"\n\
         currency = \"{currency}\"\n\n\
         [activity]\n\
         name = \"Azure migration email campaign\"\n\
         description = \"Three emails\"\n\
         category = \"demand-generation\"\n\
         type = \"email-campaign\"\n\
         start_date = 2026-08-04\n\
         end_date = 2026-08-20\n\
         claimed_amount = {claimed}\n"
    );
    for (i, amount) in amounts.iter().enumerate() {
        text.push_str(&format!(
            "\n[[documents]]\nurl = \"https://invoices.example/{i}\"\ntype = \"invoice\"\n\
             date = 2026-08-21\namount = {amount}\nnumber = \"INV-{i}\"\n"
        ));
    }
    text.push_str(
        "\n[[documents]]\nurl = \"https://bank.example/receipt\"\ntype = \"payment-receipt\"\ndate = 2026-09-02\n\
         \n[[documents]]\nurl = \"https://fabrikam.example/campaign\"\ntype = \"screenshot\"\ndate = 2026-08-04\n",
    );
    text
}

/// The findings of one claim text checked on `today`.
fn findings(text: String, today: &str) -> Vec<Finding> {
    let loaded = load_text(text, Path::new("claim.toml"), "claim.toml");
    let env = Env::new(Config::default(), date(today));
    let report = check_loaded(vec![loaded], &env, &Overrides::default());
    report.files.into_iter().flat_map(|f| f.findings).collect()
}

fn of_rule<'a>(found: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    found.iter().filter(|f| f.rule == rule).collect()
}

fn base(today: &str) -> Vec<Finding> {
    findings(
        claim_text("FY27-H1", "AUD", "\"100.00\"", &["\"100.00\"".to_string()]),
        today,
    )
}

#[test]
fn a_complete_claim_has_only_the_two_info_findings() {
    let found = base("2026-11-26");
    let rules: Vec<_> = found.iter().map(|f| (f.rule, f.severity)).collect();
    assert_eq!(
        rules,
        vec![
            ("coop-claim-window", Severity::Info),
            ("coop-retention", Severity::Info)
        ],
        "{found:#?}"
    );
    assert!(found[0].message.contains("2027-02-15"));
    assert!(found[1].message.contains("2028-08-20"));
}

#[test]
fn the_claim_window_on_its_first_and_last_day() {
    // FY27-H1: claims from 2026-08-16 to 2027-02-15, both days open.
    let cases = [
        (
            "2026-08-15",
            Severity::Error,
            "opens on 2026-08-16 (1 day from today)",
        ),
        (
            "2026-08-16",
            Severity::Info,
            "due by 2027-02-15 (183 days left)",
        ),
        ("2027-01-31", Severity::Info, "(15 days left)"),
        ("2027-02-01", Severity::Warning, "(14 days left)"),
        ("2027-02-14", Severity::Warning, "(1 day left)"),
        ("2027-02-15", Severity::Warning, "today is the last day"),
        (
            "2027-02-16",
            Severity::Error,
            "closed on 2027-02-15 (1 day ago)",
        ),
    ];
    for (today, severity, text) in cases {
        let found = base(today);
        let window = of_rule(&found, "coop-claim-window");
        assert_eq!(window.len(), 1, "{today}: {found:#?}");
        assert_eq!(
            window[0].severity, severity,
            "{today}: {}",
            window[0].message
        );
        assert!(
            window[0].message.contains(text),
            "{today}: {:?} lacks {text:?}",
            window[0].message
        );
        assert_eq!(window[0].field.as_deref(), Some("usage_period"));
    }
}

#[test]
fn the_h2_window_closes_on_15_august() {
    let text = claim_text("FY27-H2", "AUD", "\"100.00\"", &["\"100.00\"".to_string()]);
    let last = findings(text.clone(), "2027-08-15");
    assert_eq!(
        of_rule(&last, "coop-claim-window")[0].severity,
        Severity::Warning
    );
    let after = findings(text.clone(), "2027-08-16");
    assert_eq!(
        of_rule(&after, "coop-claim-window")[0].severity,
        Severity::Error
    );
    let first = findings(text, "2027-02-16");
    assert_eq!(
        of_rule(&first, "coop-claim-window")[0].severity,
        Severity::Info
    );
}

#[test]
fn mismatch_states_both_figures_the_difference_and_the_invoices() {
    let found = findings(
        claim_text(
            "FY27-H1",
            "AUD",
            "\"12500.00\"",
            &["\"10000.10\"".to_string(), "\"2399.80\"".to_string()],
        ),
        "2026-11-26",
    );
    let m = of_rule(&found, "coop-amount-mismatch");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].severity, Severity::Error);
    for part in [
        "AUD 12,500.00",
        "AUD 12,399.90",
        "AUD 100.10 above",
        "2 invoices",
        "INV-0 AUD 10,000.10",
        "INV-1 AUD 2,399.80",
    ] {
        assert!(
            m[0].message.contains(part),
            "{:?} lacks {part:?}",
            m[0].message
        );
    }
    assert_eq!(m[0].field.as_deref(), Some("activity.claimed_amount"));
}

#[test]
fn jpy_has_no_minor_units() {
    let ok = findings(
        claim_text("FY27-H1", "JPY", "\"150000\"", &["\"150000\"".to_string()]),
        "2026-11-26",
    );
    assert!(of_rule(&ok, "coop-amount").is_empty(), "{ok:#?}");
    let bad = findings(
        claim_text(
            "FY27-H1",
            "JPY",
            "\"150000.5\"",
            &["\"150000.5\"".to_string()],
        ),
        "2026-11-26",
    );
    let amount = of_rule(&bad, "coop-amount");
    assert_eq!(amount.len(), 2, "{bad:#?}");
    assert!(amount[0].message.contains("no decimal places"));
}

/// `cents` minor units as text with `places` decimals: 1234, 2 → "12.34".
fn units_text(units: i64, places: u32) -> String {
    if places == 0 {
        return units.to_string();
    }
    let scale = 10i64.pow(places);
    format!(
        "{}.{:0width$}",
        units / scale,
        units % scale,
        width = places as usize
    )
}

/// How an amount is written in the TOML file.
#[derive(Debug, Clone, Copy)]
enum Written {
    String,
    Float,
    Integer,
}

fn write(units: i64, places: u32, how: Written) -> String {
    let text = units_text(units, places);
    match how {
        Written::String => format!("\"{text}\""),
        // A TOML float needs a fractional part; read from its text, exactly.
        Written::Float if places > 0 => text,
        Written::Float => format!("{text}.0"),
        Written::Integer if places == 0 || units % 10i64.pow(places) == 0 => {
            (units / 10i64.pow(places)).to_string()
        }
        Written::Integer => format!("\"{text}\""),
    }
}

fn written() -> impl Strategy<Value = Written> {
    prop_oneof![
        Just(Written::String),
        Just(Written::Float),
        Just(Written::Integer)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// The library sum of random amounts is their exact total.
    #[test]
    fn sums_of_amounts_are_exact(units in prop::collection::vec(1i64..10_000_000_000, 1..40)) {
        let amounts: Vec<Decimal> = units
            .iter()
            .map(|&u| claimtool::decode::parse_decimal(&units_text(u, 2)).unwrap())
            .collect();
        let total: i64 = units.iter().sum();
        prop_assert_eq!(claimtool::money::sum(&amounts), Some(Decimal::new(total, 2)));
    }

    /// Through the loader and the rules: invoices written as strings, floats
    /// or integers add up exactly to the claimed amount; one minor unit more
    /// is a mismatch of exactly one minor unit.
    #[test]
    fn invoices_add_up_to_the_cent(
        invoices in prop::collection::vec((1i64..100_000_000, written()), 1..8),
        currency in prop_oneof![Just(("AUD", 2u32)), Just(("JPY", 0u32)), Just(("BHD", 3u32))],
        claimed_as in written(),
    ) {
        let (code, places) = currency;
        let amounts: Vec<String> = invoices.iter().map(|&(u, how)| write(u, places, how)).collect();
        let total: i64 = invoices.iter().map(|&(u, _)| u).sum();

        let exact = findings(claim_text("FY27-H1", code, &write(total, places, claimed_as), &amounts), "2026-11-26");
        prop_assert!(of_rule(&exact, "coop-amount-mismatch").is_empty(), "{:#?}", exact);
        prop_assert!(of_rule(&exact, "coop-amount").is_empty(), "{:#?}", exact);

        let above = findings(claim_text("FY27-H1", code, &write(total + 1, places, claimed_as), &amounts), "2026-11-26");
        let m = of_rule(&above, "coop-amount-mismatch");
        prop_assert_eq!(m.len(), 1);
        prop_assert_eq!(m[0].severity, Severity::Error);
        let one_unit = claimtool::money::format(Decimal::new(1, places), code);
        let expected = format!("{one_unit} above");
        prop_assert!(m[0].message.contains(&expected), "{} lacks {}", m[0].message, expected);
    }
}

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimtool"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("CLAIMTOOL_TODAY")
        .output()
        .expect("claimtool runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_valid_example_validates_with_only_info() {
    let (code, out) = run(&[
        "validate",
        "examples/coop/azure-webinar-series.toml",
        "--today",
        "2026-11-26",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let file = &json["files"][0];
    assert_eq!(file["status"], "ok");
    let diags = file["diagnostics"].as_array().unwrap();
    assert!(diags.iter().all(|d| d["severity"] == "info"), "{out}");
}

#[test]
fn the_broken_example_shows_the_usual_rejections() {
    let (code, out) = run(&[
        "coop",
        "validate",
        "examples/coop/mistakes/teams-roadshow.toml",
        "--today",
        "2026-11-26",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    for rule in [
        "coop-claim-window",
        "coop-activity-outside-period",
        "coop-amount-mismatch",
        "coop-invoice-details",
        "coop-receipt-missing",
        "coop-activity-requirements",
        "coop-program",
        "business-email",
    ] {
        assert!(rules.contains(&rule), "{rule} missing from {rules:?}");
    }
}

#[test]
fn both_examples_together_exit_1_and_do_not_collide() {
    let (code, out) = run(&[
        "validate",
        "examples/coop",
        "--today",
        "2026-11-26",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(json["summary"]["ok"], 1);
    // No cross-file finding between the two: they share no activity or document.
    assert!(
        !out.contains("duplicate-claim") && !out.contains("document-reused"),
        "{out}"
    );
}

/// `docs/coop.md` shows the activity-requirements table from the code, so
/// the page cannot drift from the rule. `UPDATE_DOCS=1` rewrites it.
#[test]
fn docs_list_the_activity_requirements_from_the_table() {
    const START: &str = "<!-- activity-requirements:start (generated from src/coop.rs) -->\n";
    const END: &str = "<!-- activity-requirements:end -->";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/coop.md");
    let page = std::fs::read_to_string(&path).expect("docs/coop.md exists");
    let (Some(a), Some(b)) = (page.find(START), page.find(END)) else {
        panic!("docs/coop.md lacks the activity-requirements markers");
    };
    let expected = format!(
        "{}{START}{}{}",
        &page[..a],
        claimtool::coop::requirements_markdown(),
        &page[b..]
    );
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, expected).unwrap();
        return;
    }
    assert!(
        page == expected,
        "docs/coop.md is stale: run `UPDATE_DOCS=1 cargo test --test integration docs` and commit it"
    );
}
