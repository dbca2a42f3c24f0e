//! Co-op claims end to end: the claiming window on its scale (first and last
//! day), the amount-mismatch message, exact money sums (property tests
//! through the real loader and engine), and the examples in examples/coop.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use claimtool::config::Config;
use claimtool::diag::{Finding, Overrides, Severity};
use claimtool::engine::check_loaded;
use claimtool::load::load_text;
use claimtool::rules::Env;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::support::{Test, repo};

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
        let _ = write!(
            text,
            "\n[[documents]]\nurl = \"https://invoices.example/{i}\"\ntype = \"invoice\"\n\
             date = 2026-08-21\namount = {amount}\nnumber = \"INV-{i}\"\n"
        );
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

#[test]
fn the_valid_example_validates_with_only_info() {
    let json = Test::new()
        .args([
            "validate",
            "examples/coop/azure-webinar-series.toml",
            "--today",
            "2026-11-26",
            "--format",
            "json",
        ])
        .run()
        .code(0)
        .stdout_json();
    let file = &json["files"][0];
    assert_eq!(file["status"], "ok");
    let diags = file["diagnostics"].as_array().unwrap();
    assert!(diags.iter().all(|d| d["severity"] == "info"), "{json}");
}

#[test]
fn the_broken_example_shows_the_usual_rejections() {
    let json = Test::new()
        .args([
            "coop",
            "validate",
            "examples/coop/mistakes/teams-roadshow.toml",
            "--today",
            "2026-11-26",
            "--format",
            "json",
        ])
        .run()
        .code(1)
        .stdout_json();
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
    let run = Test::new()
        .args([
            "validate",
            "examples/coop",
            "--today",
            "2026-11-26",
            "--format",
            "json",
        ])
        .run();
    run.code(1);
    let json = run.stdout_json();
    let out = run.stdout();
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
        claimtool::kinds::coop::facts::requirements_markdown(),
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

// ---- coop bundle / coop checklist -------------------------------------

/// The binary in `dir`, today fixed.
fn in_dir(dir: &Path) -> Test {
    Test::new().current_dir(dir).today("2026-11-26")
}

const VALID: &str = "examples/coop/azure-webinar-series.toml";
const BROKEN: &str = "examples/coop/mistakes/teams-roadshow.toml";
const SLUG: &str = "azure-migration-webinar-series";

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

#[test]
// One bundle, checked file by file in the order a reviewer opens them.
#[allow(clippy::too_many_lines)]
fn the_coop_bundle_holds_the_claim_its_documents_and_the_walkthrough() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().to_str().unwrap();
    in_dir(&repo())
        .args(["coop", "bundle", VALID, "--out", out])
        .run()
        .code(0);
    let root = out_dir.path().join(SLUG);

    let mut files: Vec<String> = walkdir::WalkDir::new(&root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "SUBMIT.md",
            "checklist.html",
            "checklist.md",
            "claim.json",
            "claim.source.toml",
            "claim.toml",
            "documents/01-inv-1042-eventful.pdf",
            "documents/02-inv-2210-clickwise.pdf",
            "documents/03-payment-receipt.pdf",
            "documents/04-invitation.pdf",
            "documents/05-agenda.pdf",
            "documents/06-session-1-photo.png",
            "documents/07-attendance.pdf",
            "manifest.json",
        ]
    );
    // The source byte for byte; the bundle's claim names the copies.
    assert_eq!(
        std::fs::read(root.join("claim.source.toml")).unwrap(),
        std::fs::read(repo().join(VALID)).unwrap()
    );
    let bundled = std::fs::read_to_string(root.join("claim.toml")).unwrap();
    assert!(bundled.contains("path = \"documents/01-inv-1042-eventful.pdf\""));
    assert!(!bundled.contains("path = \"invoices/"));
    // The manifest's hashes are those of the source documents.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("manifest.json")).unwrap()).unwrap();
    let invoice = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "documents/01-inv-1042-eventful.pdf")
        .unwrap();
    assert_eq!(
        invoice["sha256"],
        sha256_hex(
            &std::fs::read(repo().join("examples/coop/invoices/inv-1042-eventful.pdf")).unwrap()
        )
    );
    assert_eq!(invoice["type"], "pdf");

    // claim.json: the co-op totals and dates, exact decimal strings.
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("claim.json")).unwrap()).unwrap();
    assert_eq!(json["kind"], "coop");
    let t = &json["totals"];
    assert_eq!(t["currency"], "AUD");
    assert_eq!(t["claimed_amount"], "12500.30");
    assert_eq!(t["invoice_total"], "12500.30");
    assert_eq!(t["difference"], "0.00");
    assert_eq!(t["invoices"].as_array().unwrap().len(), 2);
    assert_eq!(t["claim_window_closes"], "2027-02-15");
    assert_eq!(t["keep_documents_until"], "2028-08-20");
    assert_eq!(json["claim"]["activity"]["claimed_amount"], "12500.30");
    assert_eq!(json["documents"][0]["amount"], "10000.10");

    // SUBMIT.md: the guide's Co-op management steps in order, the money,
    // the deadline, the keep-until date and the tips.
    let submit = std::fs::read_to_string(root.join("SUBMIT.md")).unwrap();
    let order = [
        "Incentives > Co-op management",
        "Click **Create new claim**",
        "**Program**: select `Microsoft Commerce Incentives`",
        "**Fund category**: select `Cloud Solution Provider`",
        "**Location**: select `4871236`",
        "**Funding pool**: select `CSP Indirect Reseller`",
        "**Usage period**: select `FY27-H1`: 2026-07-01 to 2026-12-31",
        "accepted from 2026-08-16 to **2027-02-15**",
        "Enter claim details",
        "**Activity name**: enter `Azure migration webinar series`",
        "**Start date**: enter 2026-08-04",
        "**Claimed amount**: enter `12500.30`",
        "**Currency**: select `AUD`",
        "invoices and CSRs total `AUD 12,500.30`",
        "Upload supporting documentation",
        "`documents/01-inv-1042-eventful.pdf`: invoice `INV-1042`, `AUD 10,000.10`",
        "`https://events.fabrikam.example/azure-migration`",
        "Review and submit",
        "Click **Submit**",
        "until **2028-08-20**",
        "**One claim per activity**",
        "**Business email**",
        "submit by 2027-02-15",
    ];
    let mut at = 0;
    for needle in order {
        match submit[at..].find(needle) {
            Some(i) => at += i,
            None => panic!("SUBMIT.md lacks {needle:?} after byte {at}:\n{submit}"),
        }
    }
    for file in ["SUBMIT.md", "checklist.md"] {
        let md = std::fs::read_to_string(root.join(file)).unwrap();
        assert_markdown_is_inert(&md);
        // The photo cannot be read: what to check by eye, in co-op words
        // (the activity), never CPOR's (workloads, the customer's
        // signature), by the bundle's name of the file.
        assert!(
            md.contains(
                "- `documents/06-session-1-photo.png`: could not be read (image): check by eye \
                 that it shows the activity, its date and the Microsoft branding\n"
            ),
            "{file}:\n{md}"
        );
        assert!(!md.contains("the workloads"), "{file}:\n{md}");
        // Plain text: no backslash escapes.
        for escape in ["\\>", "\\|", "\\*"] {
            assert!(!md.contains(escape), "{file} has {escape}:\n{md}");
        }
    }
}

/// Fails on any HTML, link or image the Markdown produces.
fn assert_markdown_is_inert(md: &str) {
    use pulldown_cmark::{Event, Parser, Tag};
    for event in Parser::new(md) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML in Markdown: {h:?}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("link: {dest_url}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("image: {dest_url}"),
            _ => {}
        }
    }
}

#[test]
fn a_coop_claim_with_errors_gets_no_bundle() {
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("bundles");
    in_dir(&repo())
        .args(["coop", "bundle", BROKEN, "--out"])
        .arg(&target)
        .run()
        .code(1);
    assert!(!target.exists(), "nothing may be written");
}

#[test]
fn the_coop_checklist_ticks_every_item_of_the_complete_example() {
    let doc = in_dir(&repo())
        .args(["coop", "checklist", VALID, "--format", "json"])
        .run()
        .code(0)
        .stdout_json();
    assert_eq!(doc["kind"], "coop");
    let mut items = 0;
    for section in doc["sections"].as_array().unwrap() {
        for item in section["items"].as_array().unwrap() {
            items += 1;
            for id in item["rules"].as_array().unwrap() {
                let id = id.as_str().unwrap();
                assert!(claimtool::rules::find(id).is_some(), "no rule `{id}`");
            }
            // What only the claim file says (receipts, evidence, what the
            // activity needs, the documents' dates) is for a person to
            // check in the documents; the invoices' amounts were read.
            let first = item["rules"][0].as_str().unwrap();
            let declared = [
                "coop-receipt-missing",
                "coop-evidence-missing",
                "coop-activity-requirements",
                "document-undated",
            ];
            if declared.contains(&first) {
                assert_eq!(item["state"], "declared", "{item}");
                assert_eq!(item["done"], false, "{item}");
            } else {
                assert_eq!(item["state"], "done", "{item}");
            }
            if first == "coop-amount-mismatch" {
                assert_eq!(
                    item["reasons"][0], "verified in the documents by claimtool",
                    "{item}"
                );
            }
        }
    }
    assert!(items >= 14, "{items} items");
    let dates: Vec<&str> = doc["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2027-02-15", "2028-08-20"]);
}

#[test]
fn the_coop_checklist_opens_the_items_the_mistakes_break() {
    let doc = in_dir(&repo())
        .args(["coop", "checklist", BROKEN, "--format", "json"])
        .run()
        .code(1)
        .stdout_json();
    let open: Vec<String> = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap().iter())
        .filter(|i| i["state"] == "open")
        .flat_map(|i| i["rules"].as_array().unwrap().iter())
        .map(|r| r.as_str().unwrap().to_string())
        .collect();
    for rule in [
        "coop-claim-window",
        "coop-amount-mismatch",
        "coop-receipt-missing",
        "coop-activity-requirements",
        "coop-program",
        "business-email",
    ] {
        assert!(open.iter().any(|r| r == rule), "{rule} not open: {open:?}");
    }
    assert_eq!(doc["deadlines"][0]["state"], "passed");
    // Markdown too: printed even with errors.
    let run = in_dir(&repo()).args(["coop", "checklist", BROKEN]).run();
    run.code(1).stdout_contains("**not ready: errors remain**");
    assert_markdown_is_inert(run.stdout());
}

#[test]
fn hostile_values_stay_inert_in_the_coop_bundle() {
    let hostile =
        "<script>alert(1)</script> [x](https://evil.example) ![i](https://evil.example/i.png)";
    let dir = tempfile::tempdir().unwrap();
    let text = claim_text("FY27-H1", "AUD", "\"100.00\"", &["\"100.00\"".to_string()])
        .replace("Azure migration email campaign", hostile)
        .replace("Three emails", hostile)
        .replace("INV-0", hostile);
    std::fs::write(dir.path().join("claim.toml"), text).unwrap();
    in_dir(dir.path())
        .args(["coop", "bundle", "claim.toml", "--out", "out"])
        .run()
        .code(0);
    // The slug is the bundle code's business: take the one folder written.
    let root = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    for file in ["SUBMIT.md", "checklist.md"] {
        let md = std::fs::read_to_string(root.join(file)).unwrap();
        assert!(
            md.contains("<script>"),
            "{file}: the value is shown, in a code span"
        );
        assert_markdown_is_inert(&md);
    }
    let html = std::fs::read_to_string(root.join("checklist.html")).unwrap();
    assert!(
        !html.contains("<script") && !html.contains("href=\"https://evil"),
        "{html}"
    );
}

// ---- coop new ----------------------------------------------------------

#[test]
fn coop_new_without_a_terminal_refuses_at_once() {
    let dir = tempfile::tempdir().unwrap();
    Test::new()
        .args(["coop", "new"])
        .current_dir(dir.path())
        .run()
        .code(2)
        .stderr_contains("needs a terminal")
        .stderr_contains("claimtool coop validate FILE");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[cfg(unix)]
mod pty {

    use crate::pty::{DOWN, answer, keys};
    use rexpect::process::WaitStatus;
    use rexpect::session::spawn_command;

    use super::{Test, repo};

    #[test]
    fn a_coop_session_in_a_terminal_writes_a_claim_and_its_bundle() {
        let dir = tempfile::tempdir().unwrap();
        let docs = repo().join("tests/fixtures/docs");
        // An invoice that shows the AUD 100.00 the session declares.
        std::fs::copy(
            docs.join("invoice-100.00.pdf"),
            dir.path().join("invoice.pdf"),
        )
        .unwrap();
        for name in ["receipt.pdf", "screenshot.png"] {
            std::fs::copy(docs.join(name), dir.path().join(name)).unwrap();
        }
        let cmd = Test::new()
            .current_dir(dir.path())
            .today("2026-11-26")
            .args(["coop", "new"])
            .command();
        let mut s = spawn_command(cmd, Some(30_000)).expect("spawn claimtool in a pty");
        answer(&mut s, "Program", "");
        answer(&mut s, "Fund category", "");
        answer(&mut s, "Location: your PartnerID", "4871236");
        answer(&mut s, "Funding pool", "CSP Indirect Reseller");
        keys(&mut s, "Usage period", &["\r"]);
        s.exp_string("claims for FY27-H1 are due by 2027-02-15")
            .unwrap();
        answer(&mut s, "Funds available", "");
        answer(&mut s, "Activity name", "Azure migration email campaign");
        answer(&mut s, "Description", "Three emails to SMB customers");
        keys(&mut s, "Activity category", &["\r"]);
        keys(&mut s, "Activity type", &[DOWN, "\r"]);
        answer(&mut s, "Start date", "2026-08-04");
        answer(&mut s, "End date", "2026-08-20");
        answer(&mut s, "Claimed amount", "100.00");
        answer(&mut s, "Currency", "AUD");
        answer(&mut s, "Your business email", "");
        keys(&mut s, "Add a document?", &["y"]);
        answer(&mut s, "Document 1: file", "invoice.pdf");
        keys(&mut s, "Document 1: type", &["\r"]);
        answer(&mut s, "Document 1: date", "2026-08-21");
        answer(&mut s, "Document 1: amount", "100.00");
        answer(&mut s, "Document 1: invoice or CSR number", "INV-1");
        s.exp_string("Invoices and CSRs so far: AUD 100.00")
            .unwrap();
        answer(&mut s, "Document 1: description", "");
        s.exp_string("Still missing").unwrap();
        keys(&mut s, "Add another document?", &["y"]);
        answer(&mut s, "Document 2: file", "receipt.pdf");
        keys(&mut s, "Document 2: type", &[DOWN, DOWN, "\r"]);
        answer(&mut s, "Document 2: date", "2026-09-02");
        answer(&mut s, "Document 2: description", "");
        keys(&mut s, "Add another document?", &["y"]);
        answer(&mut s, "Document 3: file", "screenshot.png");
        keys(&mut s, "Document 3: type", &[DOWN, DOWN, DOWN, "\r"]);
        answer(&mut s, "Document 3: date", "2026-08-04");
        answer(&mut s, "Document 3: description", "");
        keys(&mut s, "Add another document?", &["n"]);
        s.exp_string("Review and complete").unwrap();
        keys(
            &mut s,
            "Write the claim to azure-migration-email-campaign.toml",
            &["\r"],
        );
        s.exp_string("1 file: 1 ready").unwrap();
        keys(&mut s, "Build the submission bundle now", &["y"]);
        s.exp_eof().unwrap();
        match s.process().wait().unwrap() {
            WaitStatus::Exited(_, code) => assert_eq!(code, 0),
            other => panic!("not a normal exit: {other:?}"),
        }
        let text = std::fs::read_to_string(dir.path().join("azure-migration-email-campaign.toml"))
            .unwrap();
        assert!(text.contains("claimed_amount = \"100.00\""), "{text}");
        assert!(text.contains("type = \"payment-receipt\""), "{text}");
        let bundle = dir.path().join("bundles/azure-migration-email-campaign");
        let submit = std::fs::read_to_string(bundle.join("SUBMIT.md")).unwrap();
        assert!(
            submit.contains("**Claimed amount**: enter `100.00`"),
            "{submit}"
        );
    }
}
