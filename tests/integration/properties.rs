//! Property tests over whole claim files (issue 16): structurally valid
//! claims of every kind with random values and shapes, and random byte
//! mutations of the examples. Whatever the input: no panic, findings sorted
//! by position, the JSON report parses, the human report renders, and the
//! binary exits 0, 1 or 2.
//!
//! Most cases run through the library (fast); a few run the binary. The
//! case counts keep the whole file to well under a minute in CI;
//! `PROPTEST_CASES=N` runs N cases of each property instead.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use claimtool::config::Config;
use claimtool::diag::Overrides;
use claimtool::engine::{Report, check_loaded};
use claimtool::load::load_bytes;
use claimtool::report;
use claimtool::rules::Env;
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

use crate::support::{Test, repo};

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        // Shrinking re-runs the binary many times: keep it short.
        max_shrink_iters: 64,
        ..ProptestConfig::default()
    }
}

/// The example a claim of `kind` is checked beside (its documents resolve).
fn example(kind: &str) -> PathBuf {
    let file = match kind {
        "cpor" => "cpor/contoso-e5.toml",
        "coop" => "coop/azure-webinar-series.toml",
        "plfunding" => "plfunding/contoso-dc-exit.toml",
        _ => "score/modern-work.toml",
    };
    repo().join("examples").join(file)
}

/// Checks `bytes` as a claim file beside `beside`, then asserts what holds
/// for every input.
fn check_invariants(bytes: Vec<u8>, beside: &Path) {
    let env = Env::new(Config::default(), "2026-11-26".parse().unwrap());
    let path = beside.with_file_name("generated.toml");
    let loaded = load_bytes(bytes, &path, "generated.toml");
    let report = check_loaded(vec![loaded], &env, &Overrides::default());
    assert_sorted(&report);
    let mut json = Vec::new();
    report::json::write(&report, env.today, &mut json).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json).expect("JSON report parses");
    assert!(value["files"].is_array());
    let human = report::human::render(&report, report::human::HumanOptions::default());
    assert!(human.ends_with('\n'));
    // No raw control character of the input reaches the terminal.
    assert!(
        !human.chars().any(|c| c.is_control() && c != '\n'),
        "{human:?}"
    );
}

/// Findings come sorted by their span's start, those without a place last.
fn assert_sorted(report: &Report) {
    for file in &report.files {
        let starts: Vec<usize> = file
            .findings
            .iter()
            .map(|f| f.span.as_ref().map_or(usize::MAX, |s| s.start))
            .collect();
        assert!(starts.is_sorted(), "findings out of order: {starts:?}");
    }
}

/// A TOML basic string of any text (every control character escaped).
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => write!(out, "\\u{:04X}", c as u32).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Any text: mostly plausible, sometimes hostile.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9 .,-]{0,30}",
        "\\PC{0,40}",
        "[\\x00-\\x1f\\x7f\\u{202e}a-z]{0,10}",
        Just(String::new()),
    ]
}

/// A TOML value for a string field: a string, or a value of another type.
fn string_value() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => text().prop_map(|t| quoted(&t)),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => Just("[]".to_string()),
        1 => Just("true".to_string()),
    ]
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        (1990i32..2100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        Just("\"2026-09-01\"".to_string()),
        Just("9999-12-31".to_string()),
    ]
}

/// Amounts: plausible, huge, tiny, negative, too precise, not numbers.
fn amount() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u64..10_000_000, 0u32..100).prop_map(|(a, c)| format!("\"{a}.{c:02}\"")),
        "[0-9]{1,40}(\\.[0-9]{1,35})?".prop_map(|d| format!("\"{d}\"")),
        "-?[0-9]{1,12}\\.[0-9]{1,3}",
        any::<i64>().prop_map(|n| n.to_string()),
        Just("\"12,500.00\"".to_string()),
        Just("1e30".to_string()),
    ]
}

fn one_of(values: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(values).prop_map(quoted),
        1 => string_value(),
    ]
}

const DOC_TYPES: &[&str] = &[
    "statement-of-work",
    "microsoft-poe-template",
    "customer-email",
    "invoice",
    "csr",
    "payment-receipt",
    "screenshot",
    "azure-calculator",
    "other",
    "nonsense",
];
const PATHS: &[&str] = &[
    "poe/contoso-sow-signed.pdf",
    "invoices/inv-1042-eventful.pdf",
    "",
    "missing.pdf",
    "/dev/zero",
    "..",
    "poe",
];

/// `key = value` lines, each key kept with probability 7/8.
fn table(fields: Vec<(&'static str, BoxedStrategy<String>)>) -> BoxedStrategy<String> {
    let lines: Vec<BoxedStrategy<Option<String>>> = fields
        .into_iter()
        .map(|(key, value)| {
            proptest::option::weighted(0.875, value)
                .prop_map(move |v| v.map(|v| format!("{key} = {v}\n")))
                .boxed()
        })
        .collect();
    lines
        .prop_map(|lines| lines.into_iter().flatten().collect::<String>())
        .boxed()
}

fn document(kind: &'static str) -> BoxedStrategy<String> {
    let mut fields = vec![
        ("path", one_of(PATHS).boxed()),
        ("type", one_of(DOC_TYPES).boxed()),
        ("date", date().boxed()),
        ("description", string_value().boxed()),
    ];
    if kind == "coop" {
        fields.push(("amount", amount().boxed()));
        fields.push(("number", string_value().boxed()));
    } else {
        fields.push((
            "signature",
            one_of(&["wet", "digital", "none", "ink"]).boxed(),
        ));
        fields.push(("signed_on", date().boxed()));
        fields.push((
            "workloads",
            Just("[\"Exchange Online\"]".to_string()).boxed(),
        ));
    }
    table(fields)
        .prop_map(|t| format!("\n[[documents]]\n{t}"))
        .boxed()
}

fn contacts() -> BoxedStrategy<String> {
    (
        table(vec![
            ("name", string_value().boxed()),
            ("email", string_value().boxed()),
        ]),
        table(vec![
            ("name", string_value().boxed()),
            ("email", string_value().boxed()),
        ]),
    )
        .prop_map(|(c, p)| format!("\n[customer_contact]\n{c}\n[partner_contact]\n{p}"))
        .boxed()
}

fn status(stages: &'static [&'static str]) -> BoxedStrategy<String> {
    proptest::option::of(table(vec![
        ("stage", one_of(stages).boxed()),
        ("since", date().boxed()),
    ]))
    .prop_map(|t| t.map_or(String::new(), |t| format!("\n[status]\n{t}")))
    .boxed()
}

fn partner_id() -> BoxedStrategy<String> {
    prop_oneof![
        "[0-9]{7}".prop_map(|d| quoted(&d)),
        string_value(),
        any::<i64>().prop_map(|n| n.to_string()),
    ]
    .boxed()
}

fn cpor() -> BoxedStrategy<String> {
    let top = table(vec![
        ("claim_name", string_value().boxed()),
        ("partner_id", partner_id()),
        (
            "solution_area",
            one_of(&["modern-work-security", "azure", "business-applications"]).boxed(),
        ),
        (
            "partner_role",
            one_of(&["use-or-consume", "partner-activities", "usage-recognition"]).boxed(),
        ),
        ("customer_name", string_value().boxed()),
        (
            "customer_tenant_id",
            prop_oneof![
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                    .prop_map(|g| quoted(&g)),
                string_value()
            ]
            .boxed(),
        ),
        (
            "workloads",
            Just("[\"Exchange Online\", \"Microsoft Teams\"]".to_string()).boxed(),
        ),
        (
            "workloads_active",
            any::<bool>().prop_map(|b| b.to_string()).boxed(),
        ),
    ]);
    (
        top,
        contacts(),
        proptest::collection::vec(document("cpor"), 0..4),
        status(&[
            "draft",
            "submitted",
            "partner-action-required",
            "rejected",
            "x",
        ]),
    )
        .prop_map(|(top, contacts, docs, status)| {
            format!("kind = \"cpor\"\n{top}{contacts}{}{status}", docs.concat())
        })
        .boxed()
}

fn coop() -> BoxedStrategy<String> {
    let top = table(vec![
        (
            "program",
            one_of(&["Microsoft Commerce Incentives"]).boxed(),
        ),
        (
            "fund_category",
            one_of(&["Cloud Solution Provider"]).boxed(),
        ),
        ("partner_id", partner_id()),
        ("funding_pool", string_value().boxed()),
        (
            "usage_period",
            one_of(&["FY27-H1", "FY27-H2", "FY99-H3"]).boxed(),
        ),
        (
            "currency",
            one_of(&["AUD", "JPY", "BHD", "aud", "XAU", "ZZZ"]).boxed(),
        ),
        ("available_funds", amount().boxed()),
    ]);
    let activity = table(vec![
        ("name", string_value().boxed()),
        (
            "category",
            one_of(&["demand-generation", "market-development", "x"]).boxed(),
        ),
        (
            "type",
            one_of(&["seminar", "event", "exam", "other", "x"]).boxed(),
        ),
        ("start_date", date().boxed()),
        ("end_date", date().boxed()),
        ("claimed_amount", amount().boxed()),
        ("partial_claim_reason", string_value().boxed()),
    ]);
    (
        top,
        activity,
        proptest::collection::vec(document("coop"), 0..5),
    )
        .prop_map(|(top, activity, docs)| {
            format!(
                "kind = \"coop\"\n{top}\n[activity]\n{activity}{}",
                docs.concat()
            )
        })
        .boxed()
}

fn plfunding() -> BoxedStrategy<String> {
    let top = table(vec![
        ("claim_name", string_value().boxed()),
        ("partner_id", partner_id()),
        (
            "solution_area",
            one_of(&["azure", "modern-work-security", "devices"]).boxed(),
        ),
        (
            "engagement",
            one_of(&[
                "AMM PL: Infra/Database Migration SMB (Small)",
                "No such engagement",
            ])
            .boxed(),
        ),
        ("customer_name", string_value().boxed()),
        (
            "customer_id_type",
            one_of(&["domain", "tenant-id", "tpid", "x"]).boxed(),
        ),
        ("customer_id", string_value().boxed()),
        (
            "hours",
            prop_oneof![any::<i64>().prop_map(|n| n.to_string()), string_value()].boxed(),
        ),
        (
            "customer_informed_funding_not_guaranteed",
            any::<bool>().prop_map(|b| b.to_string()).boxed(),
        ),
    ]);
    (
        top,
        contacts(),
        proptest::collection::vec(document("plfunding"), 0..3),
        status(&["draft", "consent-received", "submitted", "expired", "x"]),
    )
        .prop_map(|(top, contacts, docs, status)| {
            format!(
                "kind = \"plfunding\"\n{top}{contacts}{}{status}",
                docs.concat()
            )
        })
        .boxed()
}

fn score() -> BoxedStrategy<String> {
    let points = || {
        prop_oneof![
            (0u32..60, 0u32..10).prop_map(|(p, d)| format!("{p}.{d}")),
            amount(),
        ]
        .boxed()
    };
    let month = table(vec![
        (
            "month",
            prop_oneof![
                (2020i32..2030, 1u32..13).prop_map(|(y, m)| format!("\"{y}-{m:02}\"")),
                string_value()
            ]
            .boxed(),
        ),
        ("performance", points()),
        ("skilling", points()),
        ("customer_success", points()),
        ("csp_revenue_usd", amount().boxed()),
        (
            "designation",
            any::<bool>().prop_map(|b| b.to_string()).boxed(),
        ),
    ]);
    (
        table(vec![
            ("partner_id", partner_id()),
            (
                "solution_area",
                one_of(&["modern-work", "security", "x"]).boxed(),
            ),
        ]),
        proptest::collection::vec(month.prop_map(|m| format!("\n[[month]]\n{m}")), 0..8),
    )
        .prop_map(|(top, months)| format!("kind = \"score\"\n{top}{}", months.concat()))
        .boxed()
}

/// A kind and a claim of it.
fn any_claim() -> impl Strategy<Value = (&'static str, String)> {
    prop_oneof![
        cpor().prop_map(|t| ("cpor", t)),
        coop().prop_map(|t| ("coop", t)),
        plfunding().prop_map(|t| ("plfunding", t)),
        score().prop_map(|t| ("score", t)),
    ]
}

/// An example's bytes with a few bytes replaced, inserted or removed.
fn mutated_example() -> impl Strategy<Value = (&'static str, Vec<u8>)> {
    let edit = (any::<prop::sample::Index>(), any::<u8>(), 0u8..3);
    (
        proptest::sample::select(&["cpor", "coop", "plfunding", "score"][..]),
        proptest::collection::vec(edit, 1..8),
    )
        .prop_map(|(kind, edits)| {
            let mut bytes = std::fs::read(example(kind)).unwrap();
            for (at, byte, how) in edits {
                let i = at.index(bytes.len().max(1));
                match how {
                    0 if i < bytes.len() => bytes[i] = byte,
                    1 => bytes.insert(i.min(bytes.len()), byte),
                    _ if i < bytes.len() => {
                        bytes.remove(i);
                    }
                    _ => {}
                }
            }
            (kind, bytes)
        })
}

proptest! {
    #![proptest_config(cases(200))]

    #[test]
    fn generated_claims_keep_the_invariants((kind, text) in any_claim()) {
        check_invariants(text.into_bytes(), &example(kind));
    }

    #[test]
    fn mutated_examples_keep_the_invariants((kind, bytes) in mutated_example()) {
        check_invariants(bytes, &example(kind));
    }

    /// The fast TOML reader builds what `toml` builds, or leaves the text
    /// to it (src/toml_tree).
    #[test]
    fn the_toml_readers_agree(text in prop_oneof![
        any_claim().prop_map(|(_, t)| t),
        mutated_example().prop_map(|(_, b)| String::from_utf8_lossy(&b).into_owned()),
    ]) {
        if let Some(fast) = claimtool::toml_tree::parse_fast_only(&text) {
            let (slow, errors) = claimtool::toml_tree::parse_with_toml_only(&text);
            prop_assert!(errors.is_empty(), "toml refuses what was read fast: {}", errors[0]);
            prop_assert_eq!(fast, slow);
        }
    }
}

proptest! {
    #![proptest_config(cases(12))]

    /// Through the binary: exit 0, 1 or 2 (never a panic's 101), and the
    /// JSON report parses whenever one is written.
    #[test]
    fn the_binary_exits_0_1_or_2_and_its_json_parses(
        (kind, bytes) in prop_oneof![
            any_claim().prop_map(|(k, t)| (k, t.into_bytes())),
            mutated_example(),
        ]
    ) {
        let dir = example(kind).parent().unwrap().to_path_buf();
        let file = tempfile::Builder::new()
            .suffix(".toml")
            .tempfile_in(std::env::temp_dir())
            .unwrap();
        std::fs::write(file.path(), &bytes).unwrap();
        for format in ["json", "human"] {
            let run = Test::new()
                .current_dir(&dir)
                .today("2026-11-26")
                .args(["validate", file.path().to_str().unwrap(), "--format", format])
                .run();
            let code = run.exit_code();
            prop_assert!(matches!(code, Some(0..=2)), "exit code {code:?}");
            if format == "json" && code != Some(2) {
                let parsed: Result<serde_json::Value, _> =
                    serde_json::from_slice(run.stdout_bytes());
                prop_assert!(parsed.is_ok(), "not JSON: {:?}", parsed.err());
            }
        }
    }
}
