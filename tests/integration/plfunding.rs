//! Partner-led funding end to end: the `plfunding engagements` screen against
//! the guide's, user catalogues replacing the default, malformed catalogues,
//! the examples, and the expiry deadline through the binary.

use std::path::{Path, PathBuf};

use super::support::{Test, repo};

/// The shared folder (`../shared` of the main checkout, further up for a
/// worktree), when present.
fn shared(relative: &str) -> Option<PathBuf> {
    repo()
        .ancestors()
        .skip(1)
        .map(|dir| dir.join("shared").join(relative))
        .find(|p| p.is_file())
}

/// The guide's Step 6 screen: "Add customer | Associate engagement", Azure
/// tab, customer identified by domain name, every engagement Ineligible.
const GUIDE_INELIGIBLE: &[(&str, &str)] = &[
    (
        "AMM PL: Factory Azure Vmware Solution",
        "Invalid customer ID type",
    ),
    (
        "AMM PL: Factory Infra/DB Migration",
        "Invalid customer ID type",
    ),
    ("AMM PL: Factory VDI Migration", "Invalid customer ID type"),
    (
        "AMM PL: Infra/Database Migration + MDC SMB (Small)",
        "Invalid customer ID type",
    ),
    (
        "AMM PL: Infra/Database Migration + MDC SMB (XS)",
        "Invalid customer ID type",
    ),
    (
        "AMM PL: Infra/Database Migration SMB (Small)",
        "Invalid customer ID type",
    ),
    (
        "AMM PL: Infra/Database Migration SMB (XS)",
        "Invalid customer ID type",
    ),
    (
        "Azure Innovate PL: AI Apps Deployment SMB (Small)",
        "Invalid customer ID type",
    ),
    (
        "Azure Innovate PL: AI Apps Deployment SMB (XS)",
        "Invalid customer ID type",
    ),
    (
        "Azure Innovate PL: Analytics Deployment SMB (XS)",
        "Invalid customer ID type",
    ),
    (
        "Azure Innovate PL: Analytics Deployment SMB(Small)",
        "Invalid customer ID type",
    ),
    (
        "Azure Innovate PL: Factory Analytics",
        "Invalid customer ID type",
    ),
    (
        "Azure Innovate PL: Factory App Migration",
        "Invalid customer ID type",
    ),
    (
        "Azure Innovate PL: Factory Infra Migration",
        "Invalid customer ID type",
    ),
    ("SPF GSI - Win Payment - AI 100", "Invalid customer ID type"),
    (
        "AMM PL: GSI Assess & Plan (XL)",
        "Engagement closed to new claims",
    ),
    (
        "AMM PL: GSI Assess & Plan (XXL)",
        "Engagement closed to new claims",
    ),
    (
        "Azure Innovate PL: GSI AI Apps POV (L)",
        "Engagement closed to new claims",
    ),
    (
        "Azure Innovate PL: GSI AI Apps POV (XL)",
        "Engagement closed to new claims",
    ),
    (
        "Azure Innovate PL: GSI AI Platform POV (L)",
        "Engagement closed to new claims",
    ),
    (
        "Azure Innovate PL: GSI AI Platform POV (XL)",
        "Engagement closed to new claims",
    ),
    (
        "Azure Innovate PL: GSI Analytics POV (L)",
        "Engagement closed to new claims",
    ),
    (
        "Azure Innovate PL: GSI Analytics POV (XL)",
        "Engagement closed to new claims",
    ),
    (
        "SPF GSI - Transform - Tech Resources",
        "Engagement closed to new claims",
    ),
    (
        "AMM PL for ISV SAP RISE (L)",
        "Your location ID is not eligible",
    ),
];

/// `(name, reason)` of every engagement of a screen's JSON, in order.
fn screen_rows(v: &serde_json::Value) -> Vec<(String, Option<String>)> {
    v["engagements"]
        .as_array()
        .expect("engagements is a list")
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_string(),
                e["reason"].as_str().map(str::to_string),
            )
        })
        .collect()
}

/// Runs `plfunding engagements` with `args` in an empty folder (no config).
fn screen(args: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    Test::new()
        .current_dir(dir.path())
        .args(["plfunding", "engagements", "--format", "json"])
        .args(args)
        .run()
        .code(0)
        .stdout_json()
}

#[test]
fn the_guide_list_here_is_the_guides_step_6_list() {
    let Some(guide) = shared("guide/partner-center-incentives-guide.md") else {
        eprintln!("shared/guide is not present: the guide's own list is not compared");
        return;
    };
    let text = std::fs::read_to_string(guide).unwrap();
    let start = text
        .find("### Add customer | Associate engagement")
        .expect("the guide has the Step 6 screen");
    let rows: Vec<(String, String)> = text[start..]
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .filter_map(|l| l.rsplit_once(" - "))
        .map(|(name, reason)| (name.to_string(), reason.to_string()))
        .collect();
    let expected: Vec<(String, String)> = GUIDE_INELIGIBLE
        .iter()
        .map(|(n, r)| (n.to_string(), r.to_string()))
        .collect();
    assert_eq!(rows, expected);
}

#[test]
fn a_domain_customer_gets_the_guides_ineligible_list_with_its_reasons() {
    let v = screen(&["--customer-id-type", "domain", "--partner-id", "4871236"]);
    let expected: Vec<(String, Option<String>)> = GUIDE_INELIGIBLE
        .iter()
        .map(|(n, r)| (n.to_string(), Some(r.to_string())))
        .collect();
    assert_eq!(screen_rows(&v), expected);
    assert_eq!(v["summary"]["eligible"], 0);
    assert_eq!(v["summary"]["ineligible"], 25);
    assert_eq!(v["customer_id_type"], "domain");
    assert_eq!(v["location"]["partner_id"], "4871236");
    assert_eq!(v["location"]["configured"], false);
    assert!(
        v["engagements"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["eligible"] == false)
    );
    // The Azure tab holds them all.
    let azure = screen(&["--customer-id-type", "domain", "--solution-area", "azure"]);
    assert_eq!(screen_rows(&azure), expected);
    let other = screen(&["--customer-id-type", "domain", "--solution-area", "devices"]);
    assert_eq!(other["engagements"].as_array().unwrap().len(), 0);
}

#[test]
fn the_human_screen_is_a_table_with_partner_centers_words() {
    let dir = tempfile::tempdir().unwrap();
    let out = Test::new()
        .current_dir(dir.path())
        .args([
            "plfunding",
            "engagements",
            "--customer-id-type",
            "domain",
            "--partner-id",
            "4871236",
        ])
        .run();
    let text = out.success().stdout();
    for (name, reason) in GUIDE_INELIGIBLE {
        let row = text
            .lines()
            .find(|l| l.contains(&format!(" {name} ")))
            .unwrap_or_else(|| panic!("no row for {name} in\n{text}"));
        assert!(row.contains("Ineligible") && row.contains(reason), "{row}");
    }
    assert!(text.contains("0 eligible, 25 ineligible."));
    assert!(
        text.contains("You or your customer are not eligible for any engagements at this time.")
    );
}

#[test]
fn a_tenant_identified_customer_of_an_isv_location_is_eligible_for_every_open_engagement() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("claimtool.toml"),
        "[[partner.locations]]\npartner_id = \"4871236\"\nname = \"Fabrikam ISV\"\nsegments = [\"isv\"]\n",
    )
    .unwrap();
    let v = Test::new()
        .current_dir(dir.path())
        .args([
            "plfunding",
            "engagements",
            "--customer-id-type",
            "tenant-id",
            "--format",
            "json",
        ])
        .run()
        .code(0)
        .stdout_json();
    // Without --partner-id, the only configured location is used.
    assert_eq!(v["location"]["partner_id"], "4871236");
    assert_eq!(v["location"]["segments"], serde_json::json!(["isv"]));
    let rows = screen_rows(&v);
    assert_eq!(v["summary"]["eligible"], 16);
    // Eligible first (the open ones, the ISV one included), then the closed.
    assert_eq!(rows[15], ("AMM PL for ISV SAP RISE (L)".to_string(), None));
    assert!(
        rows[16..]
            .iter()
            .all(|(_, r)| r.as_deref() == Some("Engagement closed to new claims"))
    );
}

const USER_CATALOGUE: &str = "\
[[engagement]]
name = \"Contoso Test: Variable Migration\"
program = \"Azure Migrate and Modernize\"
solution_area = \"azure\"
size = \"medium\"
pay = \"variable\"
customer_id_types = [\"msx-opportunity-id\"]
status = \"open\"
partner_segments = []
requires_azure_calculator = true
";

/// The valid example, made self-contained in `dir` (documents copied).
fn example_claim_in(dir: &Path) -> PathBuf {
    let poe = dir.join("poe");
    std::fs::create_dir_all(&poe).unwrap();
    for name in ["contoso-sow-signed.pdf", "contoso-azure-estimate.xlsx"] {
        std::fs::copy(
            repo().join("examples/plfunding/poe").join(name),
            poe.join(name),
        )
        .unwrap();
    }
    let path = dir.join("claim.toml");
    std::fs::copy(
        repo().join("examples/plfunding/contoso-dc-exit.toml"),
        &path,
    )
    .unwrap();
    path
}

fn rules_fired(v: &serde_json::Value) -> Vec<String> {
    v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_user_catalogue_replaces_the_default_from_the_command_line_and_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.toml"), USER_CATALOGUE).unwrap();
    let claim = example_claim_in(dir.path());

    // --catalog FILE: the screen lists only the user's engagement.
    let v = Test::new()
        .current_dir(dir.path())
        .args([
            "plfunding",
            "engagements",
            "--catalog",
            "mine.toml",
            "--customer-id-type",
            "msx-opportunity-id",
            "--format",
            "json",
        ])
        .run()
        .code(0)
        .stdout_json();
    assert_eq!(
        screen_rows(&v),
        [("Contoso Test: Variable Migration".to_string(), None)]
    );
    assert_eq!(v["catalog"], "mine.toml");

    // ... and validation knows only the user's engagements.
    let validate = |extra: &[&str]| {
        let out = Test::new()
            .current_dir(dir.path())
            .args([
                "plfunding",
                "validate",
                "--today",
                "2026-11-26",
                "--format",
                "json",
            ])
            .args(extra)
            .arg(&claim)
            .run();
        (out.exit_code(), out.stdout_json())
    };
    let (code, v) = validate(&[]);
    assert_eq!(
        code,
        Some(0),
        "the built-in catalogue knows the example's engagement: {v}"
    );
    let (code, v) = validate(&["--catalog", "mine.toml"]);
    assert_eq!(code, Some(1));
    assert!(
        rules_fired(&v).contains(&"plf-engagement-unknown".to_string()),
        "{v}"
    );

    // `[catalog] engagements` in claimtool.toml does the same.
    std::fs::write(
        dir.path().join("claimtool.toml"),
        "[catalog]\nengagements = \"mine.toml\"\n",
    )
    .unwrap();
    let (code, v) = validate(&[]);
    assert_eq!(code, Some(1));
    assert!(
        rules_fired(&v).contains(&"plf-engagement-unknown".to_string()),
        "{v}"
    );
    std::fs::write(
        &claim,
        std::fs::read_to_string(&claim).unwrap().replace(
            "engagement = \"AMM PL: Infra/Database Migration SMB (Small)\"",
            "engagement = \"Contoso Test: Variable Migration\"\nhours = 40",
        ).replace(
            "customer_id_type = \"tenant-id\"         # AMM takes tenant ID, TPID or Azure subscription ID, not a domain\ncustomer_id = \"3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b\"",
            "customer_id_type = \"msx-opportunity-id\"\ncustomer_id = \"7-3KXQ2M9ZP\"",
        ),
    )
    .unwrap();
    let (code, v) = validate(&[]);
    assert_eq!(code, Some(0), "{v}");
    let out = Test::new()
        .current_dir(dir.path())
        .args(["plfunding", "engagements", "--format", "json"])
        .run();
    assert_eq!(screen_rows(&out.stdout_json()).len(), 1);

    // A folder walk skips the catalogue the config names: one claim checked.
    let out = Test::new()
        .current_dir(dir.path())
        .args(["validate", ".", "--today", "2026-11-26", "--format", "json"])
        .run();
    assert_eq!(out.stdout_json()["summary"]["files"], 1);
}

#[test]
fn a_malformed_catalogue_stops_the_command_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = USER_CATALOGUE
        .replace("size = \"medium\"", "size = \"huge\"")
        .replace("status = \"open\"\n", "");
    std::fs::write(dir.path().join("bad.toml"), &bad).unwrap();
    for args in [
        vec!["plfunding", "engagements", "--catalog", "bad.toml"],
        vec!["--catalog", "bad.toml", "validate", "."],
    ] {
        Test::new()
            .current_dir(dir.path())
            .args(&args)
            .run()
            .code(2)
            .stdout_is("")
            .stderr_contains("the engagement catalogue bad.toml has problems")
            .stderr_contains("bad.toml:5:8: `engagement[0].size` must be one of")
            .stderr_contains("bad.toml:1:1: required field `engagement[0].status` is missing");
    }
    // Through the config, the same (the path is resolved against its folder).
    std::fs::write(
        dir.path().join("claimtool.toml"),
        "[catalog]\nengagements = \"bad.toml\"\n",
    )
    .unwrap();
    Test::new()
        .current_dir(dir.path())
        .args(["plfunding", "engagements"])
        .run()
        .code(2)
        .stderr_contains(":5:8: `engagement[0].size`");
    // Broken TOML, and a file that is not there (--catalog wins over the config).
    std::fs::write(dir.path().join("broken.toml"), "[[engagement]\nname = 1\n").unwrap();
    for (file, expected) in [
        ("broken.toml", "broken.toml:1:"),
        (
            "missing.toml",
            "the engagement catalogue missing.toml does not exist",
        ),
    ] {
        Test::new()
            .current_dir(dir.path())
            .args(["plfunding", "engagements", "--catalog", file])
            .run()
            .code(2)
            .stderr_contains(expected);
    }
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        vec!["plfunding", "engagements", "--customer-id-type", "email"],
        vec!["plfunding", "engagements", "--partner-id", "Fabrikam"],
        vec!["plfunding", "engagements", "--solution-area", "modern-work"],
    ] {
        Test::new().args(&args).run().code(2);
    }
}

#[test]
fn the_valid_example_is_ready_and_the_ineligible_one_is_not() {
    let v = Test::new()
        .current_dir(repo())
        .args([
            "plfunding",
            "validate",
            "--today",
            "2026-11-26",
            "--format",
            "json",
            "examples/plfunding/contoso-dc-exit.toml",
        ])
        .run()
        .code(0)
        .stdout_json();
    assert_eq!(v["files"][0]["status"], "ok");
    let diagnostics = v["files"][0]["diagnostics"].as_array().unwrap();
    assert!(diagnostics.iter().all(|d| d["severity"] == "info"), "{v}");
    assert_eq!(rules_fired(&v), ["plf-expiry"]);
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("2027-01-30")
    );

    let v = Test::new()
        .current_dir(repo())
        .args([
            "plfunding",
            "validate",
            "--today",
            "2026-11-26",
            "--format",
            "json",
            "examples/plfunding/mistakes/domain-customer-id.toml",
        ])
        .run()
        .code(1)
        .stdout_json();
    let d = &v["files"][0]["diagnostics"];
    assert_eq!(rules_fired(&v), ["plf-customer-id-type"], "{v}");
    assert_eq!(d[0]["severity"], "error");
    assert_eq!(d[0]["field"], "customer_id_type");
    assert_eq!(
        (d[0]["line"].as_u64(), d[0]["column"].as_u64()),
        (Some(12), Some(20))
    );
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("Invalid customer ID type")
    );
}

#[test]
fn the_example_expires_the_day_after_its_due_day() {
    // Small engagement, consent received 2026-10-02: first submission due
    // 2027-01-30 (120 days).
    let run = |today: &str| {
        let out = Test::new()
            .current_dir(repo())
            .args([
                "plfunding",
                "validate",
                "--today",
                today,
                "--format",
                "json",
                "examples/plfunding/contoso-dc-exit.toml",
            ])
            .run();
        let v = out.stdout_json();
        (
            out.exit_code(),
            v["files"][0]["diagnostics"][0]["severity"]
                .as_str()
                .map(str::to_string),
        )
    };
    assert_eq!(run("2027-01-15"), (Some(0), Some("info".into())));
    assert_eq!(run("2027-01-16"), (Some(0), Some("warning".into())));
    assert_eq!(run("2027-01-30"), (Some(0), Some("warning".into())));
    assert_eq!(run("2027-01-31"), (Some(1), Some("error".into())));
}

#[test]
fn the_embedded_default_catalogue_is_the_spec_file() {
    let Some(spec) = shared("spec/engagements-default.toml") else {
        eprintln!("shared/spec/engagements-default.toml is not present: comparison skipped");
        return;
    };
    let spec = std::fs::read_to_string(spec).unwrap();
    assert!(
        claimtool::kinds::plfunding::catalog::DEFAULT_TOML == spec,
        "data/engagements-default.toml differs from spec/engagements-default.toml: copy the spec file"
    );
}

#[test]
fn the_bundle_walks_through_the_guides_steps_with_the_claims_dates() {
    let dir = tempfile::tempdir().unwrap();
    Test::new()
        .current_dir(repo())
        .args([
            "plfunding",
            "bundle",
            "examples/plfunding/contoso-dc-exit.toml",
            "--today",
            "2026-11-26",
            "--out",
        ])
        .arg(dir.path())
        .run()
        .code(0);
    let bundle = dir.path().join("contoso-sydney-datacentre-exit");
    for name in [
        "claim.toml",
        "claim.json",
        "SUBMIT.md",
        "checklist.md",
        "checklist.html",
        "manifest.json",
        "documents/01-contoso-sow-signed.pdf",
        "documents/02-contoso-azure-estimate.xlsx",
    ] {
        assert!(bundle.join(name).is_file(), "{name} missing");
    }
    let submit = std::fs::read_to_string(bundle.join("SUBMIT.md")).unwrap();
    // The guide's steps, in order.
    let mut at = 0;
    for needle in [
        "Customer claims",
        "**Solution area tab**: select **Azure**",
        "## 3. Partner activities",
        "**+ Add customer**",
        "## 4. Add customer | Associate customer",
        "**Customer ID type** (required): select **Tenant ID**",
        "## 5. Add customer | Associate engagement",
        "select `AMM PL: Infra/Database Migration SMB (Small)`",
        "## 6. Add customer | Contact information",
        "## 7. Add customer | Review and complete",
        "this customer consented on 2026-10-02",
        "**subject to Microsoft's final approval**",
        "**Microsoft will contact them to fill in a survey**",
        "## 8. Submit the claim package",
        "submit the claim package by **2027-01-30**",
        "`documents/02-contoso-azure-estimate.xlsx`: azure-calculator",
        "For all AMM Azure funding Microsoft require an Azure Calculator",
        "## 9. After you submit",
        "the review must complete by **2027-03-01**",
    ] {
        let found = submit[at..]
            .find(needle)
            .unwrap_or_else(|| panic!("missing {needle:?} after byte {at} in\n{submit}"));
        at += found + needle.len();
    }
    let claim_json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bundle.join("claim.json")).unwrap()).unwrap();
    assert_eq!(claim_json["kind"], "plfunding");
    assert_eq!(
        claim_json["claim"]["engagement"],
        "AMM PL: Infra/Database Migration SMB (Small)"
    );
    assert_eq!(
        claim_json["claim"]["status"]["consent_received_on"],
        "2026-10-02"
    );
    let dates: Vec<&str> = claim_json["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2027-01-30", "2027-03-01"]);
}

#[test]
fn an_ineligible_claim_gets_no_bundle() {
    let dir = tempfile::tempdir().unwrap();
    Test::new()
        .current_dir(repo())
        .args([
            "plfunding",
            "bundle",
            "examples/plfunding/mistakes/domain-customer-id.toml",
            "--today",
            "2026-11-26",
            "--out",
        ])
        .arg(dir.path().join("out"))
        .run()
        .code(1)
        .stdout_contains("plf-customer-id-type");
    assert!(!dir.path().join("out").exists());
}

/// A checklist item as `(text, state, rules)`.
type ItemRow = (String, String, Vec<String>);

/// The checklist's exit code and items.
fn checklist_items(claim: &Path, today: &str) -> (Option<i32>, Vec<ItemRow>) {
    let out = Test::new()
        .args([
            "plfunding",
            "checklist",
            "--format",
            "json",
            "--today",
            today,
        ])
        .arg(claim)
        .run();
    let doc = out.stdout_json();
    let items = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap().iter())
        .map(|i| {
            (
                i["text"].as_str().unwrap().to_string(),
                i["state"].as_str().unwrap().to_string(),
                i["rules"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    (out.exit_code(), items)
}

#[test]
fn the_checklist_ticks_what_rules_checked_and_leaves_the_package_to_the_user_until_submission() {
    let (code, items) = checklist_items(
        &repo().join("examples/plfunding/contoso-dc-exit.toml"),
        "2026-11-26",
    );
    assert_eq!(code, Some(0));
    assert!(items.len() >= 10);
    for (text, state, rules) in &items {
        for id in rules {
            assert!(
                claimtool::rules::find(id).is_some(),
                "checklist names no rule `{id}`"
            );
        }
        // Before submission no rule checks the surveys or the PoE: the
        // user does, and nothing is ticked that no rule checked. The
        // documents' dates rest on the claim file's word.
        let expected = if rules.is_empty() {
            "unchecked"
        } else if rules.iter().any(|r| r == "document-undated") {
            "declared"
        } else {
            "done"
        };
        assert_eq!(state, expected, "{text}");
    }
    let unchecked: Vec<&str> = items
        .iter()
        .filter(|i| i.1 == "unchecked")
        .map(|i| i.0.as_str())
        .collect();
    assert_eq!(unchecked.len(), 1, "{unchecked:?}");
    assert!(unchecked[0].starts_with("The claim package"));

    // Submitted with both surveys done: every item is ticked. With the
    // partner survey open, its item is open.
    let dir = tempfile::tempdir().unwrap();
    let claim = example_claim_in(dir.path());
    let submitted = std::fs::read_to_string(&claim)
        .unwrap()
        .replace(
            "customer_survey_completed = false",
            "customer_survey_completed = true",
        )
        .replace("stage = \"consent-received\"", "stage = \"submitted\"");
    std::fs::write(
        &claim,
        submitted.replace(
            "partner_survey_completed = false",
            "partner_survey_completed = true",
        ),
    )
    .unwrap();
    let (code, items) = checklist_items(&claim, "2026-11-26");
    assert_eq!(code, Some(0));
    assert!(
        items
            .iter()
            .all(|i| i.1 == "done"
                || (i.1 == "declared" && i.2.contains(&"document-undated".into()))),
        "{items:?}"
    );
    // The PoE's declared digital signature was read in the document.
    let signed = items
        .iter()
        .find(|i| i.2.contains(&"poe-signature-missing".into()))
        .expect("a signature item");
    assert_eq!(signed.1, "done", "{signed:?}");
    std::fs::write(&claim, submitted).unwrap();
    let (code, items) = checklist_items(&claim, "2026-11-26");
    assert_eq!(code, Some(1));
    let open: Vec<&str> = items
        .iter()
        .filter(|i| i.1 == "open")
        .map(|i| i.0.as_str())
        .collect();
    assert_eq!(open.len(), 1, "{open:?}");
    assert!(open[0].starts_with("The claim package"));
    Test::new()
        .args(["plfunding", "checklist", "--today", "2026-11-26"])
        .arg(&claim)
        .run()
        .stdout_contains("the partner survey is not completed");
}

/// A folder with no `claimtool.toml` above it, a signed SOW and the
/// calculator export in `poe/`.
fn wizard_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = repo().join("tests/fixtures/docs");
    std::fs::create_dir(dir.path().join("poe")).unwrap();
    std::fs::copy(docs.join("signed-sow.pdf"), dir.path().join("poe/sow.pdf")).unwrap();
    std::fs::copy(
        docs.join("azure-calculator-estimate.xlsx"),
        dir.path().join("poe/estimate.xlsx"),
    )
    .unwrap();
    dir
}

#[test]
fn without_a_terminal_plfunding_new_refuses_at_once() {
    let dir = wizard_workspace();
    Test::new()
        .current_dir(dir.path())
        .args(["plfunding", "new"])
        .stdin("")
        .timeout(std::time::Duration::from_secs(20))
        .run()
        .code(2)
        .stdout_is("")
        .stderr_contains("needs a terminal")
        .stderr_contains("claimtool plfunding validate FILE");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
}

#[cfg(unix)]
mod pty {

    use crate::pty::{answer, keys, spawn};
    use rexpect::process::{Signal, WaitStatus};
    use rexpect::session::PtySession;

    use super::{Test, USER_CATALOGUE, wizard_workspace};

    const TENANT: &str = "3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b";

    fn customer(s: &mut PtySession, id_type_keys: &[&str], id: &str) {
        keys(s, "Solution area tab", &["\r"]);
        answer(s, "Claim name", "Contoso - DC exit");
        answer(s, "Partner location", "4871236");
        answer(s, "Customer name", "Contoso Ltd");
        keys(s, "Customer ID type", id_type_keys);
        answer(s, "Customer ID:", id);
    }

    #[test]
    fn a_whole_session_offers_the_eligible_engagements_and_writes_a_ready_claim() {
        let dir = wizard_workspace();
        let mut s = spawn(dir.path(), &["plfunding", "new", "--out", "amm.toml"]);
        // Tenant ID is the default customer ID type.
        customer(&mut s, &["\r"], TENANT);
        s.exp_string("AMM PL for ISV SAP RISE (L) - Your location ID is not eligible")
            .unwrap();
        // The first eligible engagement: AMM PL: Factory Azure Vmware Solution.
        keys(&mut s, "Engagement (Eligible)", &["\r"]);
        keys(&mut s, "final approval", &["y"]);
        answer(&mut s, "Customer contact name", "Ada Lovelace");
        answer(&mut s, "Customer contact email", "ada.lovelace@contoso.com");
        answer(&mut s, "Customer contact work title", "CIO");
        answer(&mut s, "Partner contact name", "Grace Hopper");
        answer(
            &mut s,
            "Partner contact email",
            "grace.hopper@fabrikam.com.au",
        );
        s.exp_string("needs the Azure Pricing Calculator estimate")
            .unwrap();
        keys(&mut s, "Add a document?", &["y"]);
        answer(&mut s, "Document 1: file", "poe/sow.pdf");
        keys(&mut s, "Document 1: type", &["\r"]);
        answer(&mut s, "Document 1: date it carries", "2026-09-01");
        keys(&mut s, "Document 1: customer signature", &["\x1b[B", "\r"]);
        answer(&mut s, "Document 1: signed on", "2026-09-03");
        keys(&mut s, "Add another document?", &["y"]);
        answer(&mut s, "Document 2: file", "poe/estimate.xlsx");
        keys(&mut s, "Document 2: type", &["\r"]);
        answer(&mut s, "Document 2: date it carries", "2026-09-10");
        keys(&mut s, "Add another document?", &["n"]);
        s.exp_string("Review and complete").unwrap();
        keys(&mut s, "Write the claim to amm.toml", &["\r"]);
        s.exp_string("1 file: 1 ready").unwrap();
        keys(&mut s, "Build the submission bundle now", &["n"]);
        s.exp_eof().unwrap();
        match s.process().wait().unwrap() {
            WaitStatus::Exited(_, code) => assert_eq!(code, 0),
            other => panic!("not a normal exit: {other:?}"),
        }
        let text = std::fs::read_to_string(dir.path().join("amm.toml")).unwrap();
        assert!(
            text.contains("engagement = \"AMM PL: Factory Azure Vmware Solution\""),
            "{text}"
        );
        assert!(text.contains("type = \"azure-calculator\""), "{text}");
        Test::new()
            .current_dir(dir.path())
            .args(["--today", "2026-11-26", "plfunding", "validate", "amm.toml"])
            .run()
            .success();
    }

    #[test]
    fn the_catalog_option_reaches_the_wizard() {
        let dir = wizard_workspace();
        std::fs::write(dir.path().join("mine.toml"), USER_CATALOGUE).unwrap();
        let mut s = spawn(
            dir.path(),
            &[
                "plfunding",
                "new",
                "--out",
                "v.toml",
                "--catalog",
                "mine.toml",
            ],
        );
        // MSX opportunity ID: three down from the default, Tenant ID.
        customer(&mut s, &["\x1b[B", "\x1b[B", "\x1b[B", "\r"], "7-3KXQ2M9ZP");
        keys(&mut s, "Engagement (Eligible)", &["\r"]);
        s.exp_string("can't be changed after the Add customer flow")
            .unwrap();
        answer(&mut s, "Number of hours", "40");
        s.exp_string("final approval").unwrap();
        s.process_mut().kill(Signal::SIGKILL).unwrap();
        let draft = std::fs::read_to_string(dir.path().join("v.toml.draft")).unwrap();
        assert!(
            draft.contains("engagement = \"Contoso Test: Variable Migration\""),
            "{draft}"
        );
        assert!(draft.contains("hours = 40"), "{draft}");
    }
}
