//! `claimtool cpor bundle` and `claimtool cpor checklist`, run as the
//! binary on a valid CPOR claim in a temporary workspace: the layout,
//! claim.toml byte for byte, manifest hashes, the zip, escaping of user
//! values in HTML and Markdown, all-or-nothing writes, `--force`, and
//! document names that cannot leave the bundle.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::support::{Run, Test, repo};

pub(super) const TODAY: &str = "2026-11-26";
pub(super) const SLUG: &str = "contoso-microsoft-365-e5-rollout";

fn fixture(relative: &str) -> PathBuf {
    repo().join("tests/fixtures").join(relative)
}

/// The valid claim of the cpor-tenant-id fixtures, with its document path
/// pointed at `docs/` beside it.
pub(super) fn valid_claim() -> String {
    fs::read_to_string(fixture("rules/cpor-tenant-id/pass-guid.toml"))
        .unwrap()
        .replace("../../docs/", "docs/")
}

/// A temporary workspace: `claims/docs/` holds the shared sample documents,
/// `claims/contoso.toml` the claim.
pub(super) fn workspace(claim: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("claims/docs");
    fs::create_dir_all(&docs).unwrap();
    for entry in fs::read_dir(fixture("docs")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, docs.join(path.file_name().unwrap())).unwrap();
    }
    fs::write(dir.path().join("claims/contoso.toml"), claim).unwrap();
    dir
}

/// The binary in `dir`, today fixed.
fn claimtool(dir: &Path) -> Test {
    Test::new().current_dir(dir).today(TODAY)
}

fn bundle(dir: &Path, extra: &[&str]) -> Run {
    claimtool(dir)
        .args(["cpor", "bundle", "claims/contoso.toml", "--out", "out"])
        .args(extra)
        .run()
}

/// Every file under `root`, as `/`-separated relative paths.
pub(super) fn tree(root: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(root).unwrap();
            out.insert(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    out
}

pub(super) fn names(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(std::string::ToString::to_string).collect()
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[test]
fn the_bundle_has_the_spec_layout_and_the_source_byte_for_byte() {
    let ws = workspace(&valid_claim());
    bundle(ws.path(), &[])
        .success()
        .stdout_contains(&format!("wrote out/{SLUG}/"));

    let root = ws.path().join("out").join(SLUG);
    assert_eq!(
        tree(&root),
        set(&[
            "SUBMIT.md",
            "checklist.html",
            "checklist.md",
            "claim.json",
            "claim.source.toml",
            "claim.toml",
            "documents/01-signed-sow.pdf",
            "manifest.json",
        ])
    );
    let source = fs::read_to_string(ws.path().join("claims/contoso.toml")).unwrap();
    assert_eq!(
        fs::read_to_string(root.join("claim.source.toml")).unwrap(),
        source
    );
    // claim.toml is the source with the document's path pointing at its copy.
    let written_path = source
        .lines()
        .find(|l| l.starts_with("path = "))
        .unwrap()
        .to_string();
    assert_eq!(
        fs::read_to_string(root.join("claim.toml")).unwrap(),
        source.replace(&written_path, "path = \"documents/01-signed-sow.pdf\"")
    );
    assert_eq!(
        fs::read(root.join("documents/01-signed-sow.pdf")).unwrap(),
        fs::read(fixture("docs/signed-sow.pdf")).unwrap()
    );
    // Only the bundle: no temporary folder left in DIR.
    assert_eq!(names(&ws.path().join("out")), set(&[SLUG]));

    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(root.join("claim.json")).unwrap()).unwrap();
    assert_eq!(json["kind"], "cpor");
    assert_eq!(json["today"], TODAY);
    assert_eq!(
        json["claim"]["customer_tenant_id"],
        "3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b"
    );
    assert_eq!(
        json["documents"][0]["bundle_name"],
        "documents/01-signed-sow.pdf"
    );
    assert_eq!(json["documents"][0]["signed_on"], "2026-09-03");
    assert!(json["deadlines"].as_array().is_some_and(|d| !d.is_empty()));

    // SUBMIT.md walks the screens in order, with the values and the traps.
    let submit = fs::read_to_string(root.join("SUBMIT.md")).unwrap();
    let order = [
        "Sign in to Partner Center",
        "Customer claims",
        "Choose the claim type",
        "Associate customer",
        "Associate workload",
        "Contact information",
        "Review and complete",
        "upload the PoE",
        "what happens next",
    ];
    let mut at = 0;
    for heading in order {
        let found = submit[at..]
            .find(heading)
            .unwrap_or_else(|| panic!("{heading:?} missing or out of order"));
        at += found;
    }
    for needle in [
        "select **Use or Consume**",
        "do not select **Partner activities**",
        "**leave the opt-out box unticked**",
        "YOUR local location ID",
        "enter `3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b`",
        "select `4871236`",
        "`Exchange Online`",
        "`documents/01-signed-sow.pdf`",
        "14 business days",
    ] {
        assert!(submit.contains(needle), "SUBMIT.md lacks {needle:?}");
    }
}

#[test]
fn the_manifest_lists_every_file_with_its_true_size_and_hash() {
    let ws = workspace(&valid_claim());
    bundle(ws.path(), &[]).success();
    let root = ws.path().join("out").join(SLUG);
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(root.join("manifest.json")).unwrap()).unwrap();
    let files = manifest["files"].as_array().unwrap();
    let mut listed = BTreeSet::new();
    for f in files {
        let name = f["name"].as_str().unwrap();
        let bytes = fs::read(root.join(name)).unwrap();
        assert_eq!(f["size"].as_u64().unwrap(), bytes.len() as u64, "{name}");
        let hash = f["sha256"].as_str().unwrap();
        assert_eq!(hash.len(), 64);
        assert!(
            hash.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        );
        assert_eq!(hash, sha256(&bytes), "{name}");
        listed.insert(name.to_string());
    }
    let mut all = tree(&root);
    all.remove("manifest.json");
    assert_eq!(listed, all, "the manifest lists every other file");

    let by_name = |n: &str| files.iter().find(|f| f["name"] == n).unwrap();
    let doc = by_name("documents/01-signed-sow.pdf");
    assert_eq!(doc["type"], "pdf");
    assert!(doc["source"].as_str().unwrap().ends_with("signed-sow.pdf"));
    assert_eq!(by_name("claim.toml")["source"], "claims/contoso.toml");
    assert_eq!(by_name("claim.toml")["type"], "toml");
    assert!(by_name("SUBMIT.md")["source"].is_null());
    assert_eq!(by_name("checklist.html")["type"], "html");
}

#[test]
fn the_zip_holds_the_same_tree_and_standard_tools_read_it() {
    let ws = workspace(&valid_claim());
    bundle(ws.path(), &["--zip"]).success();
    let out = ws.path().join("out");
    assert_eq!(names(&out), set(&[SLUG, &format!("{SLUG}.zip")]));
    let root = out.join(SLUG);
    let zip_path = out.join(format!("{SLUG}.zip"));

    let mut archive = zip::ZipArchive::new(fs::File::open(&zip_path).unwrap()).unwrap();
    let mut in_zip = BTreeSet::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().unwrap().to_string();
        let rel = name
            .strip_prefix(&format!("{SLUG}/"))
            .unwrap_or_else(|| panic!("{name} is not under {SLUG}/"))
            .to_string();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        assert_eq!(bytes, fs::read(root.join(&rel)).unwrap(), "{rel} differs");
        in_zip.insert(rel);
    }
    assert_eq!(in_zip, tree(&root));

    // A standard tool, when the machine has one.
    match std::process::Command::new("unzip")
        .arg("-tq")
        .arg(&zip_path)
        .output()
    {
        Ok(o) => assert!(
            o.status.success(),
            "unzip -t: {}",
            String::from_utf8_lossy(&o.stdout)
        ),
        Err(_) => eprintln!("unzip not installed: checked with the zip crate only"),
    }
}

const HOSTILE_NAME: &str = "<script>alert(1)</script> & \"x\"";

/// A claim whose user values try to inject HTML and links.
fn hostile_claim() -> String {
    valid_claim()
        .replace(
            "claim_name = \"Contoso - Microsoft 365 E5 rollout\"",
            &format!("claim_name = '{HOSTILE_NAME}'"),
        )
        .replace(
            "name = \"Ada Lovelace\"",
            "name = \"[click me](https://evil.example) `tick\"",
        )
        .replace(
            "workloads = [\"Exchange Online\"]\nworkloads_active",
            "workloads = [\"Exchange Online\", \"<img src=x onerror=alert(2)>\\n# Heading\"]\nworkloads_active",
        )
        // The document evidences the hostile workload too, so the claim
        // has no errors and the bundle is written.
        .replace(
            "workloads = [\"Exchange Online\"]\n",
            "workloads = [\"Exchange Online\", \"<img src=x onerror=alert(2)>\\n# Heading\"]\n",
        )
        + "description = \"**loud** ![img](https://evil.example/x.png) &amp;\"\n"
}

#[test]
fn html_escapes_every_user_value_and_is_self_contained() {
    let ws = workspace(&hostile_claim());
    bundle(ws.path(), &[]).success();
    let root = ws.path().join("out").join("script-alert-1-script-x");
    let html = fs::read_to_string(root.join("checklist.html")).unwrap();
    for bad in [
        "<script", "<img", "<link", "href=", " src=\"", "@import", "url(", "<iframe",
    ] {
        assert!(!html.contains(bad), "checklist.html contains {bad:?}");
    }
    // The values are there, escaped.
    let escaped = askama_like_escape(HOSTILE_NAME);
    assert!(
        html.contains(&format!("<title>PoE checklist: {escaped}</title>")),
        "{html}"
    );
    assert!(html.contains(&format!("<h1>PoE checklist: {escaped}</h1>")));
    assert!(
        // (in a finding's message now that poe-workload-not-named reads
        // the SOW and does not find this workload in it)
        html.contains("&#60;img src=x onerror=alert(2)&#62;"),
        "{html}"
    );
    assert!(html.contains("<style>") && html.contains("@media print"));
    assert!(html.starts_with("<!DOCTYPE html>"));
}

/// What a correct HTML escaper makes of the hostile name (askama writes
/// numeric references).
fn askama_like_escape(s: &str) -> String {
    s.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// Parses Markdown and fails on any HTML, link or image it produces;
/// returns the code spans.
fn markdown_code_spans(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut code = Vec::new();
    for event in Parser::new(md) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML in Markdown: {h:?}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("link in Markdown: {dest_url}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("image in Markdown: {dest_url}"),
            Event::Start(Tag::Heading { .. }) => {}
            Event::Code(c) => code.push(c.into_string()),
            Event::Text(t) => {
                for bad in ["evil.example", "<script", "<img", "Heading"] {
                    assert!(!t.contains(bad), "user value outside code: {t:?}");
                }
            }
            _ => {}
        }
    }
    code
}

#[test]
fn markdown_sets_user_values_in_code_spans() {
    let ws = workspace(&hostile_claim());
    bundle(ws.path(), &[]).success();
    let root = ws.path().join("out").join("script-alert-1-script-x");
    for file in ["SUBMIT.md", "checklist.md"] {
        let md = fs::read_to_string(root.join(file)).unwrap();
        let code = markdown_code_spans(&md);
        assert!(code.iter().any(|c| c == HOSTILE_NAME), "{file}: {code:?}");
        // A line break in a value cannot start a heading of its own.
        assert!(
            !md.lines().any(|l| l.trim_start().starts_with("# Heading")),
            "{file}"
        );
        if file == "SUBMIT.md" {
            assert!(
                code.iter()
                    .any(|c| c.contains("[click me](https://evil.example)"))
            );
            assert!(
                code.iter()
                    .any(|c| c == "<img src=x onerror=alert(2)> # Heading"),
                "{code:?}"
            );
            assert!(
                code.iter()
                    .any(|c| c.contains("![img](https://evil.example/x.png) &amp;"))
            );
        }
    }
}

fn error_claim() -> String {
    valid_claim().replace(
        "customer_tenant_id = \"3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b\"",
        "customer_tenant_id = \"contoso.onmicrosoft.com\"",
    )
}

#[test]
fn a_claim_with_errors_writes_nothing() {
    let ws = workspace(&error_claim());
    bundle(ws.path(), &["--zip"])
        .code(1)
        .stdout_contains("cpor-tenant-id")
        .stderr_contains("no bundle written");
    assert!(
        !ws.path().join("out").exists(),
        "DIR must not even be created"
    );

    // DIR that exists (with another bundle in it) is left exactly as it was.
    let other = ws.path().join("out/other-claim");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("claim.toml"), "x").unwrap();
    bundle(ws.path(), &["--zip", "--force"]).code(1);
    assert_eq!(names(&ws.path().join("out")), set(&["other-claim"]));
}

#[test]
fn a_file_of_another_kind_is_refused() {
    let ws = workspace(&valid_claim().replace("kind = \"cpor\"", "kind = \"score\""));
    bundle(ws.path(), &[]).code(1);
    assert!(!ws.path().join("out").exists());
}

#[test]
fn an_existing_bundle_needs_force_and_force_replaces_folder_and_zip() {
    let ws = workspace(&valid_claim());
    let out = ws.path().join("out");
    fs::create_dir_all(out.join("other-claim")).unwrap();
    fs::write(out.join("other-claim/keep.txt"), "mine").unwrap();
    bundle(ws.path(), &["--zip"]).success();
    let root = out.join(SLUG);
    fs::write(root.join("stale.txt"), "from an earlier run").unwrap();

    bundle(ws.path(), &["--zip"])
        .code(2)
        .stderr_contains("--force")
        .stderr_contains(SLUG);
    assert!(
        root.join("stale.txt").exists(),
        "nothing replaced without --force"
    );

    // A lone zip also blocks.
    fs::remove_dir_all(&root).unwrap();
    bundle(ws.path(), &[]).code(2);

    // --force without --zip: a fresh folder, and the old zip is gone.
    bundle(ws.path(), &["--zip"]).code(2);
    bundle(ws.path(), &["--force"]).success();
    assert_eq!(names(&out), set(&["other-claim", SLUG]));
    assert!(!root.join("stale.txt").exists());
    assert_eq!(
        fs::read_to_string(out.join("other-claim/keep.txt")).unwrap(),
        "mine"
    );

    // --force --zip over a folder: both present again, nothing else left.
    bundle(ws.path(), &["--force", "--zip"]).success();
    assert_eq!(
        names(&out),
        set(&["other-claim", SLUG, &format!("{SLUG}.zip")])
    );
}

#[test]
fn document_names_from_the_claim_cannot_leave_the_bundle() {
    let ws = workspace("");
    let claims = ws.path().join("claims");
    fs::create_dir_all(claims.join("sub")).unwrap();
    fs::copy(
        claims.join("docs/signed-sow.pdf"),
        claims.join("docs/..pdf"),
    )
    .unwrap();
    let absolute = claims.join("docs/signed-sow.pdf");
    let claim = valid_claim().replace(
        "path = \"docs/signed-sow.pdf\"",
        "path = \"../docs/signed-sow.pdf\"",
    ) + &format!(
        "\n[[documents]]\npath = '{}'\ntype = \"customer-email\"\ndate = 2026-09-05\n\n[[documents]]\npath = \"../docs/..pdf\"\ntype = \"other\"\ndate = 2026-09-05\n",
        absolute.display()
    );
    fs::write(claims.join("sub/contoso.toml"), claim).unwrap();
    // The workspace holds the claim and its documents (an empty config
    // at the common root; without it, `../docs` is outside the workspace).
    fs::write(ws.path().join("claimtool.toml"), "").unwrap();
    claimtool(ws.path())
        .args(["cpor", "bundle", "claims/sub/contoso.toml", "--out", "out"])
        .run()
        .success();
    let out = ws.path().join("out");
    assert_eq!(names(&out), set(&[SLUG]));
    assert_eq!(
        tree(&out.join(SLUG))
            .into_iter()
            .filter(|n| n.starts_with("documents/"))
            .collect::<BTreeSet<_>>(),
        set(&[
            "documents/01-signed-sow.pdf",
            "documents/02-signed-sow.pdf",
            "documents/03-document.pdf",
        ])
    );
    // Nothing new next to the claim or the workspace.
    assert_eq!(names(ws.path()), set(&["claimtool.toml", "claims", "out"]));
    assert_eq!(names(&claims.join("sub")), set(&["contoso.toml"]));
}

fn checklist(dir: &Path, extra: &[&str]) -> Run {
    claimtool(dir)
        .args(["cpor", "checklist", "claims/contoso.toml"])
        .args(extra)
        .run()
}

#[test]
fn the_checklist_prints_in_each_format() {
    let ws = workspace(&valid_claim());
    let md = checklist(ws.path(), &[]);
    let md = md.success().stdout();
    assert!(
        md.starts_with("# PoE checklist: `Contoso - Microsoft 365 E5 rollout`"),
        "{md}"
    );
    assert!(md.contains("- [x] Customer and partner contacts"), "{md}");
    assert_eq!(
        checklist(ws.path(), &["--format", "md"]).success().stdout(),
        md
    );

    let html = checklist(ws.path(), &["--format", "html"]);
    let html = html.success().stdout();
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("Contoso - Microsoft 365 E5 rollout")
    );

    let json = checklist(ws.path(), &["--format", "json"])
        .success()
        .stdout_json();
    assert_eq!(json["kind"], "cpor");
    assert_eq!(json["status"], "ok");
    let items: Vec<&serde_json::Value> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .collect();
    let signed = items
        .iter()
        .find(|i| {
            i["rules"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r == "cpor-poe-unsigned")
        })
        .unwrap();
    assert_eq!(signed["state"], "done");
    assert_eq!(signed["done"], true);

    // The bundle's checklist.md is the same text, but for the documents:
    // the standalone checklist names them by their path in the claim file,
    // the bundle's by their copies.
    assert!(
        md.contains("`docs/signed-sow.pdf` signed digitally"),
        "{md}"
    );
    bundle(ws.path(), &[]).success();
    let bundled =
        fs::read_to_string(ws.path().join("out").join(SLUG).join("checklist.md")).unwrap();
    assert!(!bundled.contains("docs/signed-sow.pdf"), "{bundled}");
    assert_eq!(
        bundled,
        md.replace("`docs/signed-sow.pdf`", "`documents/01-signed-sow.pdf`")
    );

    claimtool(ws.path())
        .args(["cpor", "validate", "claims/contoso.toml", "--format", "md"])
        .run()
        .code(2);
    bundle(ws.path(), &["--format", "html", "--force"]).code(2);
}

fn unsigned_claim() -> String {
    valid_claim()
        .replace("signature = \"digital\"\n", "signature = \"none\"\n")
        .replace("signed_on = 2026-09-03\n", "")
}

#[test]
fn findings_open_the_items_of_their_rules() {
    // An error: the checklist still prints, with the item open and exit 1.
    let ws = workspace(&unsigned_claim());
    let json = checklist(ws.path(), &["--format", "json"])
        .code(1)
        .stdout_json();
    let items: Vec<&serde_json::Value> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .collect();
    let signed = items
        .iter()
        .find(|i| {
            i["rules"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r == "cpor-poe-unsigned")
        })
        .unwrap();
    assert_eq!(signed["state"], "open");
    assert!(signed["reasons"][0].as_str().unwrap().contains("signature"));
    assert_eq!(json["errors"][0]["rule"], "cpor-poe-unsigned");

    // Turned into a warning: the bundle is written, the item stays open and
    // the warning is listed.
    bundle(ws.path(), &["--warn", "cpor-poe-unsigned"]).success();
    let md = fs::read_to_string(ws.path().join("out").join(SLUG).join("checklist.md")).unwrap();
    assert!(md.contains("- [ ] Signed by the customer"), "{md}");
    assert!(md.contains("## Warnings\n\n- `cpor-poe-unsigned`:"), "{md}");

    // Switched off: never a false tick.
    let md = checklist(ws.path(), &["--allow", "cpor-poe-unsigned"]);
    let md = md.success().stdout();
    assert!(md.contains("- [ ] Signed by the customer"), "{md}");
    assert!(md.contains("switched off"), "{md}");
}

#[test]
fn the_reply_window_is_dated_from_partner_action_required() {
    let claim =
        valid_claim() + "\n[status]\nstage = \"partner-action-required\"\nsince = 2026-11-20\n";
    let ws = workspace(&claim);
    let json = checklist(ws.path(), &["--format", "json"])
        .success()
        .stdout_json();
    let reply = &json["deadlines"][0];
    assert_eq!(reply["date"], "2026-12-10", "{reply}");
    assert_eq!(reply["days_left"], 14);
    assert_eq!(reply["state"], "near");

    // A reply that is due in more than 14 days is still waiting on you: at
    // least `near`, as cpor-action-required is at least a warning.
    let claim =
        valid_claim() + "\n[status]\nstage = \"partner-action-required\"\nsince = 2026-11-25\n";
    let early = workspace(&claim);
    let json = checklist(early.path(), &["--format", "json"])
        .success()
        .stdout_json();
    assert!(json["deadlines"][0]["days_left"].as_i64().unwrap() > 14);
    assert_eq!(json["deadlines"][0]["state"], "near");

    // Holidays from claimtool.toml push it.
    fs::write(
        ws.path().join("claimtool.toml"),
        "[calendar]\nholidays = [2026-12-01]\n",
    )
    .unwrap();
    bundle(ws.path(), &[]).success();
    let submit = fs::read_to_string(ws.path().join("out").join(SLUG).join("SUBMIT.md")).unwrap();
    assert!(submit.contains("resubmit by **2026-12-11**"), "{submit}");

    // Without the stage, the date is explained, not invented.
    let ws = workspace(&valid_claim());
    let json = checklist(ws.path(), &["--format", "json"])
        .success()
        .stdout_json();
    assert!(json["deadlines"][0]["date"].is_null());
    assert!(
        json["deadlines"][0]["note"]
            .as_str()
            .unwrap()
            .contains("14 business days")
    );
}

#[test]
fn bundle_json_output_names_what_was_written() {
    let ws = workspace(&valid_claim());
    let json = bundle(ws.path(), &["--format", "json", "--zip"])
        .success()
        .stdout_json();
    assert!(json["bundle"].as_str().unwrap().ends_with(SLUG));
    assert!(
        json["zip"]
            .as_str()
            .unwrap()
            .ends_with(&format!("{SLUG}.zip"))
    );
    assert_eq!(json["report"]["summary"]["files"], 1);
    assert_eq!(json["files"].as_array().unwrap().len(), 7);
}

/// Checklist items name their rules by id: every id must be a real rule,
/// and on the complete example claim every item is ticked, but for what
/// rests on the claim file's word alone (the documents' dates).
#[test]
fn checklist_items_name_real_rules_and_the_complete_example_ticks_them_all() {
    let doc = Test::new()
        .args([
            "cpor",
            "checklist",
            "examples/cpor/contoso-e5.toml",
            "--format",
            "json",
            "--today",
            "2026-11-26",
        ])
        .run()
        .code(0)
        .stdout_json();
    let mut items = 0;
    for section in doc["sections"].as_array().unwrap() {
        for item in section["items"].as_array().unwrap() {
            items += 1;
            for id in item["rules"].as_array().unwrap() {
                let id = id.as_str().unwrap();
                assert!(
                    claimtool::rules::find(id).is_some(),
                    "checklist names no rule `{id}`"
                );
            }
            if item["rules"][0] == "document-undated" {
                assert_eq!(item["state"], "declared", "{item}");
            } else {
                assert_eq!(item["state"], "done", "{item}");
            }
        }
    }
    assert!(items >= 10);
}
