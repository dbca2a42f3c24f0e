//! `claimtool por`: orders CSVs (cells by line:column), both reseller-list
//! formats, the listing, `validate` picking up por files, and bad input
//! (exit 2 naming the file, the line and what is wrong).

use std::path::{Path, PathBuf};

use crate::support::{Test, repo};

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/por")
}

fn json(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output).expect("JSON on stdout")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const JSON_LIST: &str = r#"{
  "totalCount": 3,
  "items": [
    {"id": "6b1c9e2a-3d4f-4a5b-8c7d-9e0f1a2b3c4d", "name": "Northwind Traders", "relationshipType": "is_indirect_cloud_solution_provider_of",
     "state": "Active", "mpnId": "4871236", "location": "AU", "attributes": {"objectType": "PartnerRelationship"}},
    {"id": "7c2d0f3b-4e5a-4b6c-9d8e-0f1a2b3c4d5e", "name": "Tailspin Toys", "relationshipType": "is_indirect_cloud_solution_provider_of",
     "state": "active", "mpnId": 5129984, "location": "NZ"},
    {"id": "8d3e1a4c-5f6b-4c7d-8e9f-1a2b3c4d5e6f", "name": "Litware", "state": "suspended", "mpnId": "7001001", "location": "AU"}
  ]
}"#;

/// (rule, line, column) of every finding of the report's file `name`.
fn places(report: &serde_json::Value, name: &str) -> Vec<(String, u64, u64)> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"].as_str().unwrap().ends_with(name))
        .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn csv_orders_point_at_the_row_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    // CRLF line ends, a quoted cell with a comma and escaped quotes, an
    // unknown column, and the columns in another order.
    let orders = "Order,extra,reseller_partner_id,customer_name,customer_country,action,date,subscription_id\r\n\
PO-1,x,4871236,\"Contoso, \"\"Ltd\"\"\",AU,new,2026-12-01,\r\n\
PO-2,,\"5129984\",Fabrikam,UK,seat-change,2026-12-01,\r\n\
PO-3,,9999999,Adatum,NZ,new,2026-12-01,\r\n\
PO-4,,,Litware,AU,new,2026-12-01,\r\n";
    write(dir.path(), "orders.csv", orders);
    let out = Test::new()
        .current_dir(dir.path())
        .args([
            "por",
            "check",
            "orders.csv",
            "--format",
            "json",
            "--today",
            "2026-11-26",
        ])
        .arg("--resellers")
        .arg(fixtures().join("resellers.csv"))
        .args(["--region", "Australia"])
        .run();
    assert_eq!(out.exit_code(), Some(1), "{}", out.stderr());
    let report = json(out.stdout_bytes());
    let found = places(&report, "orders.csv");
    for expected in [
        ("por-region-mismatch", 3, 7),
        ("wrong-type", 3, 26),
        ("por-subscription-missing", 3, 29),
        ("por-not-in-roster", 4, 7),
        ("por-customer-region", 4, 22),
        ("missing-field", 5, 1),
    ] {
        let expected = (expected.0.to_string(), expected.1, expected.2);
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
    // The valid first row (a quoted cell with a comma) has no finding.
    assert!(!found.iter().any(|(_, line, _)| *line == 2), "{found:?}");
    let help = report.to_string();
    assert!(help.contains("did you mean \\\"GB\\\"?"), "{help}");
}

#[test]
fn a_json_reseller_list_is_read_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let list = write(dir.path(), "resellers.json", JSON_LIST);
    write(
        dir.path(),
        "o.toml",
        "kind = \"por\"\norder = \"PO-9\"\nreseller_partner_id = \"7001001\"\ncustomer_name = \"C\"\n\
         customer_country = \"AU\"\naction = \"new\"\ndate = 2026-12-01\n",
    );
    let out = Test::new()
        .current_dir(dir.path())
        .args([
            "por",
            "check",
            "o.toml",
            "--format",
            "json",
            "--today",
            "2026-11-26",
        ])
        .args(["--resellers", "resellers.json", "--region", "australia"])
        .run();
    assert_eq!(out.exit_code(), Some(1));
    let rules: Vec<String> = places(&json(out.stdout_bytes()), "o.toml")
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert!(
        rules.contains(&"por-relationship-inactive".to_string()),
        "{rules:?}"
    );
    assert!(rules.contains(&"por-unknown-mpa".to_string()), "{rules:?}");

    let out = Test::new()
        .args([
            "por",
            "resellers",
            "--format",
            "json",
            "--today",
            "2026-11-26",
            "--region",
            "Australia",
        ])
        .arg("--resellers")
        .arg(&list)
        .run();
    assert_eq!(out.exit_code(), Some(0));
    let listing = json(out.stdout_bytes());
    assert_eq!(listing["region"], "Australia");
    let r = &listing["resellers"];
    assert_eq!(r[0]["partner_id"], "4871236");
    assert_eq!(r[0]["assignable"], true);
    assert_eq!(r[0]["mpa_accepted"], serde_json::Value::Null);
    assert_eq!(r[0]["authorization"], serde_json::Value::Null);
    assert_eq!(r[1]["partner_id"], "5129984");
    assert_eq!(r[1]["region"], "New Zealand");
    assert_eq!(r[1]["assignable"], false);
    assert_eq!(r[1]["reason"]["rule"], "por-region-mismatch");
    assert_eq!(r[2]["reason"]["rule"], "por-relationship-inactive");

    let out = Test::new()
        .args([
            "por",
            "resellers",
            "--format",
            "csv",
            "--today",
            "2026-11-26",
            "--region",
            "Australia",
        ])
        .arg("--resellers")
        .arg(&list)
        .run();
    let text = out.stdout().to_string();
    assert!(
        text.starts_with(
            "partner_id,name,country,region,state,authorization,mpa_accepted,assignable"
        ),
        "{text}"
    );
    assert!(
        text.contains("4871236,Northwind Traders,AU,Australia,Active,,,true,,"),
        "{text}"
    );
}

#[test]
fn a_csv_reseller_list_with_a_duplicate_is_a_warning_on_the_list() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "o.toml",
        "kind = \"por\"\norder = \"PO-9\"\nreseller_partner_id = \"4871236\"\ncustomer_name = \"C\"\n\
         customer_country = \"AU\"\naction = \"new\"\ndate = 2026-12-01\n",
    );
    let out = Test::new()
        .current_dir(dir.path())
        .args([
            "por",
            "check",
            "o.toml",
            "--format",
            "json",
            "--today",
            "2026-11-26",
            "--region",
            "Australia",
        ])
        .arg("--resellers")
        .arg(fixtures().join("resellers-duplicate.csv"))
        .run();
    assert_eq!(out.exit_code(), Some(0), "{}", out.stdout());
    let report = json(out.stdout_bytes());
    assert_eq!(
        places(&report, "resellers-duplicate.csv"),
        [("por-roster-duplicate".to_string(), 4, 1)]
    );
    assert!(places(&report, "o.toml").is_empty());
}

#[test]
fn validate_picks_up_por_files_with_the_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("resellers.csv"),
        dir.path().join("resellers.csv"),
    )
    .unwrap();
    write(
        dir.path(),
        "claimtool.toml",
        "[por]\ncsp_region = \"Australia\"\nresellers = \"resellers.csv\"\n",
    );
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    write(
        &dir.path().join("claims"),
        "o.toml",
        "kind = \"por\"\norder = \"PO-9\"\nreseller_partner_id = \"6004417\"\ncustomer_name = \"C\"\n\
         customer_country = \"AU\"\naction = \"new\"\ndate = 2026-12-01\n",
    );
    let out = Test::new()
        .current_dir(dir.path())
        .args([
            "validate",
            "claims",
            "--format",
            "json",
            "--today",
            "2026-11-26",
        ])
        .run();
    assert_eq!(out.exit_code(), Some(1));
    let rules: Vec<String> = places(&json(out.stdout_bytes()), "o.toml")
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(rules, ["por-authorization"]);
}

/// Runs `por check` on `orders` with `list`; returns (exit code, stderr).
fn check_with(list: (&str, &str), orders: (&str, &str), region: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), list.0, list.1);
    write(dir.path(), orders.0, orders.1);
    let out = Test::new()
        .current_dir(dir.path())
        .args([
            "por",
            "check",
            orders.0,
            "--resellers",
            list.0,
            "--region",
            region,
        ])
        .run();
    (out.exit_code(), out.stderr().to_string())
}

const ORDERS: &str = "order,reseller_partner_id,customer_name,customer_country,action,date\nPO-1,4871236,C,AU,new,2026-12-01\n";

/// A named list, named orders, the region, and what stderr must say.
type Case<'a> = ((&'a str, &'a str), (&'a str, &'a str), &'a str, &'a str);

#[test]
fn bad_input_is_exit_2_naming_the_file_the_line_and_the_problem() {
    let good_list = "partner_id,name,country\n4871236,A,AU\n";
    let cases: &[Case] = &[
        (
            (
                "r.csv",
                "partner_id,name,country\n4871236,A,AU\n5129984,B\n",
            ),
            ("o.csv", ORDERS),
            "Australia",
            "r.csv: line 3: this row has 2 cells, the header has 3",
        ),
        (
            ("r.csv", "partner_id,name\n4871236,A\n"),
            ("o.csv", ORDERS),
            "Australia",
            "r.csv: line 1: the header has no \"country\" column",
        ),
        (
            (
                "r.json",
                "{\"items\": [{\"name\": \"A\", \"location\": \"AU\"}]}",
            ),
            ("o.csv", ORDERS),
            "Australia",
            "r.json: items[0].mpnId (line 1)",
        ),
        (
            ("r.json", "{\"items\": [}"),
            ("o.csv", ORDERS),
            "Australia",
            "r.json: line 1 column",
        ),
        (
            ("r.csv", good_list),
            (
                "o.csv",
                "order,reseller_partner_id,customer_name,action,date\nPO-1,4871236,C,new,2026-12-01\n",
            ),
            "Australia",
            "o.csv: line 1: the header has no \"customer_country\" column",
        ),
        (
            ("r.csv", good_list),
            (
                "o.csv",
                "order,reseller_partner_id,customer_name,customer_country,action,date\nPO-1,\"4871236,C,AU,new,2026-12-01\n",
            ),
            "Australia",
            "o.csv: line 2",
        ),
        (
            ("r.csv", good_list),
            ("o.csv", ORDERS),
            "Atlantis",
            "no CSP region is named \"Atlantis\"",
        ),
    ];
    for (list, orders, region, expected) in cases {
        let (code, stderr) = check_with(*list, *orders, region);
        assert_eq!(code, Some(2), "{expected}: {stderr}");
        assert!(
            stderr.contains(expected),
            "expected {expected:?} in {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let (_, stderr) = check_with(("r.csv", good_list), ("o.csv", ORDERS), "Atlantis");
    assert!(
        stderr.contains("\"Australia\""),
        "the region names are listed: {stderr}"
    );
}

#[test]
fn without_a_reseller_list_por_check_says_how_to_give_one() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "o.csv", ORDERS);
    let out = Test::new()
        .current_dir(dir.path())
        .args(["por", "check", "o.csv", "--region", "Australia"])
        .run();
    assert_eq!(out.exit_code(), Some(2));
    let stderr = out.stderr();
    assert!(
        stderr.contains("no reseller list: give one with --resellers FILE"),
        "{stderr}"
    );
}
