//! `claimtool inspect`, and its signatures checked against poppler's
//! `pdfsig` on every fixture and example PDF.
//!
//! The pdfsig comparison needs poppler-utils (`.ci/run` installs it). When
//! pdfsig is absent the test says it was skipped, except under `CI=true`,
//! where a missing pdfsig fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::Test;
use claimtool::documents::{DocRead, DocumentStore};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn docs() -> PathBuf {
    root().join("tests/fixtures/docs")
}

fn inspect_json(args: &[&str]) -> Value {
    let out = Test::new()
        .current_dir(docs())
        .args(["inspect", "--format", "json"])
        .args(args)
        .run();
    out.success();
    out.stdout_json()
}

#[test]
fn json_has_the_documented_keys_in_order() {
    let json = inspect_json(&["signed-sow.pdf"]);
    let doc = &json["documents"][0];
    let keys: Vec<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "path",
            "type",
            "size",
            "sha256",
            "pages",
            "encrypted",
            "readable",
            "unreadable_reason",
            "text_chars",
            "esign_platform",
            "signatures"
        ]
    );
    assert_eq!(doc["type"], "pdf");
    assert_eq!(doc["pages"], 1);
    assert_eq!(doc["readable"], true);
    let sig = &doc["signatures"][0];
    assert_eq!(sig["field"], "Signature1");
    assert_eq!(sig["signer"], "Ada Lovelace");
    assert_eq!(sig["signed_at"], "2026-09-03T10:15:00Z");
    assert_eq!(sig["sub_filter"], "adbe.pkcs7.detached");
    assert_eq!(sig["digest_ok"], true);
    assert_eq!(sig["covers_whole_file"], true);
}

#[test]
fn unreadable_documents_say_why_and_exit_0() {
    let json = inspect_json(&[
        "scan.pdf",
        "encrypted-sow.pdf",
        "photo.png",
        "docusign-sow.pdf",
        "sow.docx",
        "--text",
    ]);
    let d = &json["documents"];
    assert_eq!(d[0]["unreadable_reason"], "no-text-layer");
    assert_eq!(d[0]["text_chars"], 0);
    assert_eq!(d[0]["pages"], 1);
    assert_eq!(d[1]["unreadable_reason"], "encrypted");
    assert_eq!(d[1]["encrypted"], true);
    assert_eq!(d[1]["pages"], Value::Null);
    assert_eq!(d[2]["unreadable_reason"], "image");
    assert_eq!(d[2]["pages"], Value::Null);
    assert_eq!(d[3]["esign_platform"], "docusign");
    assert_eq!(d[4]["type"], "docx");
    assert!(d[4]["text"].as_str().unwrap().contains("Exchange Online"));
    assert_eq!(d[4]["signatures"], serde_json::json!([]));
}

#[test]
fn a_missing_path_exits_2() {
    Test::new()
        .current_dir(docs())
        .args(["inspect", "signed-sow.pdf", "no-such.pdf"])
        .run()
        .code(2);
}

#[test]
fn human_output_names_the_signer_and_the_state() {
    let out = Test::new()
        .current_dir(docs())
        .args([
            "inspect",
            "signed-then-altered.pdf",
            "signed-then-edited.pdf",
        ])
        .run();
    let text = out.stdout().to_string();
    assert!(
        text.contains("signed by Ada Lovelace at 2026-09-03T10:15:00Z"),
        "{text}"
    );
    assert!(text.contains("BROKEN"), "{text}");
    assert!(text.contains("changed after signing"), "{text}");
}

#[test]
fn one_file_under_two_spellings_is_inspected_once() {
    let store = DocumentStore::default();
    let a = store.read(&docs().join("signed-sow.pdf"));
    let b = store.read(&docs().join("../docs/signed-sow.pdf"));
    assert!(std::sync::Arc::ptr_eq(&a, &b));
}

/// What pdfsig says of one signature.
#[derive(Debug, Default, PartialEq)]
struct PdfsigSignature {
    signer: Option<String>,
    /// RFC 3339 UTC.
    signed_at: Option<String>,
    total: bool,
    /// Some(true) "Signature is Valid", Some(false) "Digest Mismatch".
    valid: Option<bool>,
}

fn pdfsig(path: &Path) -> Option<Vec<PdfsigSignature>> {
    let out = Command::new("pdfsig")
        .env("TZ", "UTC")
        .arg(path)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut sigs: Vec<PdfsigSignature> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("Signature #") {
            sigs.push(PdfsigSignature::default());
        }
        let Some(sig) = sigs.last_mut() else { continue };
        if let Some(cn) = line.strip_prefix("- Signer Certificate Common Name: ") {
            sig.signer = Some(cn.to_string());
        } else if let Some(t) = line.strip_prefix("- Signing Time: ") {
            sig.signed_at = chrono::NaiveDateTime::parse_from_str(t, "%b %d %Y %H:%M:%S")
                .ok()
                .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        } else if line == "- Total document signed" {
            sig.total = true;
        } else if let Some(v) = line.strip_prefix("- Signature Validation: ") {
            sig.valid = match v {
                "Signature is Valid." => Some(true),
                "Digest Mismatch." => Some(false),
                _ => None,
            };
        }
    }
    Some(sigs)
}

fn pdfs_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        let p = entry.path();
        if entry.file_type().is_file() && std::fs::read(p).is_ok_and(|b| b.starts_with(b"%PDF-")) {
            out.push(p.to_path_buf());
        }
    }
}

#[test]
fn signatures_agree_with_pdfsig_on_every_fixture_pdf() {
    if Command::new("pdfsig").arg("-v").output().is_err() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "pdfsig (poppler-utils) is required in CI: .ci/run installs it"
        );
        eprintln!("skipped: pdfsig (poppler-utils) is not installed");
        return;
    }
    let mut pdfs = Vec::new();
    pdfs_under(&docs(), &mut pdfs);
    pdfs_under(&root().join("examples"), &mut pdfs);
    pdfs.sort();
    let signed_fixtures = pdfs.iter().filter(|p| p.starts_with(docs())).count();
    assert!(signed_fixtures >= 10, "fixture PDFs not found");
    let store = DocumentStore::default();
    let mut signatures_compared = 0;
    for path in &pdfs {
        let expected = pdfsig(path).unwrap();
        let DocRead::Ok(info) = &*store.read(path) else {
            panic!("{} not read", path.display());
        };
        let ours: Vec<PdfsigSignature> = info
            .inspection
            .signatures
            .iter()
            .map(|s| PdfsigSignature {
                signer: s.signer.clone(),
                signed_at: s.signed_at.clone(),
                total: s.covers_whole_file == Some(true),
                valid: s.digest_ok,
            })
            .collect();
        assert_eq!(ours, expected, "{}", path.display());
        signatures_compared += ours.len();
    }
    // The signed fixtures: Ada Lovelace (plain, edited, altered, late,
    // 100 pages), DocuSign, and the two examples.
    assert!(signatures_compared >= 8, "{signatures_compared}");
}
