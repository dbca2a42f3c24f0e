//! Bundles say what inspection found: claim.json's per-document
//! `inspection`, SUBMIT.md's "What the documents show", and checklist items
//! that rest on the claim file alone marked "declared, not verified".

use std::path::{Path, PathBuf};

use crate::support::Test;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Bundles `claim` (a CPOR claim file) into `out`; returns the bundle folder.
fn bundle(claim: &Path, out: &Path) -> PathBuf {
    Test::new()
        .args(["--today", "2026-11-26", "cpor", "bundle"])
        .arg(claim)
        .arg("--out")
        .arg(out)
        .run()
        .success();
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir())
        .unwrap()
}

#[test]
fn the_example_bundle_shows_the_real_signature() {
    let out = tempfile::tempdir().unwrap();
    let dir = bundle(&root().join("examples/cpor/contoso-e5.toml"), out.path());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("claim.json")).unwrap()).unwrap();
    let sow = &json["documents"][0]["inspection"];
    assert_eq!(sow["type"], "pdf");
    assert_eq!(sow["readable"], true);
    assert_eq!(sow["signatures"][0]["signer"], "Ada Lovelace");
    assert_eq!(sow["signatures"][0]["digest_ok"], true);
    assert!(sow.get("text").is_none());
    let submit = std::fs::read_to_string(dir.join("SUBMIT.md")).unwrap();
    assert!(
        submit.contains(
            "signed digitally by Ada Lovelace on 2026-09-03 (signature intact, whole document)"
        ),
        "{submit}"
    );
    let checklist = std::fs::read_to_string(dir.join("checklist.md")).unwrap();
    assert!(
        checklist.contains("- [x] Signed by the customer"),
        "{checklist}"
    );
}

#[test]
fn a_scanned_poe_is_declared_not_verified() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = root().join("tests/fixtures/docs");
    std::fs::copy(docs.join("scan.pdf"), tmp.path().join("scan.pdf")).unwrap();
    let claim =
        std::fs::read_to_string(root().join("tests/fixtures/rules/poe-unreadable/fail-scan.toml"))
            .unwrap()
            .replace("../../docs/scan.pdf", "scan.pdf");
    let path = tmp.path().join("claim.toml");
    std::fs::write(&path, claim).unwrap();
    let dir = bundle(&path, &tmp.path().join("out"));
    let checklist = std::fs::read_to_string(dir.join("checklist.md")).unwrap();
    // An empty box for the person, saying why claimtool could not vouch.
    assert!(
        checklist.contains(
            "- [ ] Signed by the customer: wet (scanned) or digital (DocuSign, Adobe Sign), with \
             the signing date (*check in the document*)\n  \
             - not verified: claimtool could not read `documents/01-scan.pdf`\n"
        ),
        "{checklist}"
    );
    // What inspection found, in the same words in both files.
    let found = "- `documents/01-scan.pdf`: could not be read (scan): check by eye that it shows \
                 the customer's name, the workloads and the customer's signature\n";
    assert!(checklist.contains(found), "{checklist}");
    let submit = std::fs::read_to_string(dir.join("SUBMIT.md")).unwrap();
    assert!(submit.contains(found), "{submit}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("claim.json")).unwrap()).unwrap();
    assert_eq!(
        json["documents"][0]["inspection"]["unreadable_reason"],
        "no-text-layer"
    );
}

#[test]
fn a_signature_on_a_link_only_poe_is_declared_not_verified() {
    // The PoE is only a URL: claimtool never opened it, so the signature the
    // claim file declares on it is not "verified in the documents".
    let tmp = tempfile::tempdir().unwrap();
    let claim = std::fs::read_to_string(root().join("examples/cpor/contoso-e5.toml"))
        .unwrap()
        .replace(
            "path = \"poe/contoso-sow-signed.pdf\"",
            "url = \"https://sign.example.com/envelopes/contoso-sow\"",
        );
    assert!(claim.contains("url = \"https://sign.example.com/"));
    let path = tmp.path().join("claim.toml");
    std::fs::write(&path, claim).unwrap();
    std::fs::create_dir(tmp.path().join("poe")).unwrap();
    std::fs::copy(
        root().join("examples/cpor/poe/contoso-confirmation.eml"),
        tmp.path().join("poe/contoso-confirmation.eml"),
    )
    .unwrap();
    let run = Test::new()
        .args(["--today", "2026-11-26", "cpor", "checklist"])
        .arg(&path)
        .run();
    let checklist = run.stdout();
    let signed = checklist
        .lines()
        .skip_while(|l| !l.contains("Signed by the customer"))
        .take(2)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        signed.starts_with("- [ ] Signed by the customer")
            && signed.contains("not verified: claimtool could not read")
            && signed.contains("https://sign.example.com/envelopes/contoso-sow"),
        "{checklist}"
    );
}

#[test]
fn a_finding_turned_down_to_info_leaves_its_item_not_verified() {
    // The signed PoE changed after signing, and the workspace turns the
    // rule that sees it down to info: the box stays ticked as the person
    // chose for the claim's readiness, but the checklist never says the
    // signature was "verified in the documents" next to what it noted.
    let tmp = tempfile::tempdir().unwrap();
    let example = root().join("examples/cpor");
    std::fs::copy(
        example.join("contoso-e5.toml"),
        tmp.path().join("claim.toml"),
    )
    .unwrap();
    std::fs::create_dir(tmp.path().join("poe")).unwrap();
    let mut pdf = std::fs::read(example.join("poe/contoso-sow-signed.pdf")).unwrap();
    pdf.extend_from_slice(b"\n% changed after signing\n");
    std::fs::write(tmp.path().join("poe/contoso-sow-signed.pdf"), pdf).unwrap();
    std::fs::copy(
        example.join("poe/contoso-confirmation.eml"),
        tmp.path().join("poe/contoso-confirmation.eml"),
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("claimtool.toml"),
        "[rules]\npoe-modified-after-signing = \"info\"\n",
    )
    .unwrap();
    let run = Test::new()
        .args(["--today", "2026-11-26", "cpor", "checklist", "claim.toml"])
        .current_dir(tmp.path())
        .run();
    run.success();
    let checklist = run.stdout();
    let signed: Vec<&str> = checklist
        .lines()
        .skip_while(|l| !l.contains("Signed by the customer"))
        .take_while(|l| l.starts_with("- [ ] Signed") || l.starts_with("  - "))
        .collect();
    assert!(
        signed[0].starts_with("- [ ] Signed by the customer")
            && signed[0].ends_with("(*check in the document*)"),
        "{checklist}"
    );
    assert_eq!(
        signed[1], "  - not verified: claimtool noted a problem in the documents (below)",
        "{checklist}"
    );
    assert!(
        signed
            .iter()
            .any(|l| l.starts_with("  - noted: ") && l.contains("was changed after it was signed")),
        "{checklist}"
    );
    assert!(
        !signed
            .iter()
            .any(|l| l.contains("verified in the documents by claimtool")),
        "{checklist}"
    );
}
