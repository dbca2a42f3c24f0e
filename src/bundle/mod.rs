//! The submission bundle: everything needed to submit one claim, in one
//! folder (spec/cli.md "The submission bundle").
//!
//! Flow: a checked file ([`FileReport`], from [`crate::engine`]) and its
//! kind's [`KindGuide`] become a [`BundlePlan`]: the slug and the list of
//! files, each with its bytes (claim.toml with its document paths pointing
//! at the copies, claim.source.toml as it was read, claim.json,
//! SUBMIT.md, checklist.md/.html) or the source path of a PoE document to
//! copy. Planning is pure and refuses a claim with errors. [`write`] is the
//! filesystem side: a temporary folder inside DIR, the manifest (sizes and
//! SHA-256 of the bytes actually written), the optional zip, then renames
//! into place.
//!
//! Names: the slug comes from the claim name ([`slug`]); documents are
//! `documents/NN-<safe-name>.<ext>` ([`document_file_name`]), built from the
//! last component of the path only, so nothing in a claim can point a
//! write outside the bundle.

pub mod inspection;
pub mod swap;
pub mod write;

use std::path::PathBuf;

use serde_json::json;

use crate::checklist::{self, Checklist};
use crate::decode::StrEnum;
use crate::diag::Overrides;
use crate::documents::{Detected, DocRead};
use crate::engine::{FileReport, Status};
use crate::model::{Claim, Document};
use crate::rules::Env;
use crate::source::SourceFile;
use crate::submit::{self, GuideCtx, KindGuide};
use crate::workspace::Located;

pub use write::{WriteError, WriteOptions, Written, write};

/// The bundle's claim, its documents' paths pointing at the copies.
pub const CLAIM_FILE: &str = "claim.toml";
/// The source claim, byte for byte.
pub const SOURCE_COPY: &str = "claim.source.toml";
/// The list of the bundle's files with their hashes.
pub const MANIFEST_FILE: &str = "manifest.json";

/// Longest slug, in characters (ASCII).
pub const MAX_SLUG: usize = 60;
/// Longest safe document name stem, in characters (ASCII).
pub const MAX_DOC_STEM: usize = 50;

/// Lower-case ASCII letters and digits separated by single dashes;
/// non-ASCII letters are transliterated (`Müller` → `muller`), everything
/// else separates words. May be empty.
fn dashed(text: &str, max: usize) -> String {
    let ascii = deunicode::deunicode(text);
    let mut out = String::new();
    let mut gap = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    if out.len() > max {
        out.truncate(max);
        // Cut at a word boundary when one is not too far back.
        if let Some(i) = out.rfind('-')
            && i >= max / 2
        {
            out.truncate(i);
        }
        while out.ends_with('-') {
            out.pop();
        }
    }
    out
}

/// Names Windows will not create a file or folder under.
fn is_reserved(name: &str) -> bool {
    matches!(name, "con" | "prn" | "aux" | "nul")
        || ((name.starts_with("com") || name.starts_with("lpt"))
            && name.len() == 4
            && name.as_bytes()[3].is_ascii_digit())
}

/// The bundle's folder name from the claim name: `Contoso - M365 E5 rollout`
/// → `contoso-m365-e5-rollout`. At most [`MAX_SLUG`] characters; `claim`
/// when nothing usable is left; a Windows device name gets `-claim`.
pub fn slug(name: &str) -> String {
    let s = dashed(name, MAX_SLUG);
    if s.is_empty() {
        "claim".to_string()
    } else if is_reserved(&s) {
        format!("{s}-claim")
    } else {
        s
    }
}

/// `NN-<safe-name>.<ext>` for the document at `index` (0-based; NN is
/// 1-based, two digits or more). Only the last component of `path` counts
/// (`/` and `\` both separate), so `../../etc/passwd` becomes
/// `01-passwd.<ext>`. The extension is the file's own, lower-cased ASCII
/// letters and digits; without one it comes from the content.
pub fn document_file_name(index: usize, path: &str, detected: Option<Detected>) -> String {
    let last = path.rsplit(['/', '\\']).next().unwrap_or_default();
    let (stem, ext) = match last.rfind('.') {
        Some(i) if i > 0 => (&last[..i], &last[i + 1..]),
        _ => (last, ""),
    };
    let mut ext: String = ext
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .take(10)
        .collect();
    if ext.is_empty() {
        ext = detected.map_or("bin", Detected::extension).to_string();
    }
    let stem = dashed(stem, MAX_DOC_STEM);
    let stem = if stem.is_empty() { "document" } else { &stem };
    format!("{:02}-{stem}.{ext}", index + 1)
}

/// Where a document's `path` points (relative to the claim file's folder).
pub fn resolve(source: &SourceFile, doc: &Document) -> Option<PathBuf> {
    // `components()` drops inner `.` parts: `claims/./sow.pdf` → `claims/sow.pdf`.
    doc.path
        .as_ref()
        .map(|p| source.dir().join(&p.value).components().collect())
}

/// Each document's file name inside `documents/`, by index; `None` for an
/// online `url` (nothing to copy).
pub fn document_names(claim: &Claim, env: &Env, source: &SourceFile) -> Vec<Option<String>> {
    claim
        .documents()
        .iter()
        .map(|doc| {
            let path = doc.path.as_ref()?;
            let detected = resolve(source, doc).and_then(|p| match &*env.documents.read(&p) {
                DocRead::Ok(info) => Some(info.detected),
                _ => None,
            });
            Some(document_file_name(doc.index, &path.value, detected))
        })
        .collect()
}

/// A file's content in the plan.
#[derive(Debug, Clone)]
pub enum Content {
    /// Generated, or already read (claim.toml).
    Bytes(Vec<u8>),
    /// Copied from this path when the bundle is written.
    Copy(PathBuf),
}

/// One file of the bundle.
#[derive(Debug, Clone)]
pub struct PlannedFile {
    /// The path inside the bundle, `/`-separated (`documents/01-sow.pdf`).
    pub name: String,
    /// The source path as the user sees it; `None` for generated files.
    pub source: Option<String>,
    pub content: Content,
    /// The manifest's type; `None` to detect it from the bytes.
    pub file_type: Option<&'static str>,
}

/// What [`write`] writes: the folder name and its files (manifest.json is
/// added by the writer, from what it wrote).
#[derive(Debug, Clone)]
pub struct BundlePlan {
    pub slug: String,
    pub files: Vec<PlannedFile>,
    /// The zip entries' timestamp (fixed, so a bundle is reproducible).
    pub today: chrono::NaiveDate,
    /// The workspace root (canonical): the writer copies nothing that does
    /// not resolve inside it; `None` lets it copy nothing at all.
    pub workspace: Option<PathBuf>,
}

/// Why a bundle cannot be planned.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("the claim has errors")]
    HasErrors,
    #[error("the file could not be read as a claim")]
    NotAClaim,
    #[error("bundles are not available for {0} claims yet")]
    NoGuide(&'static str),
    #[error("cannot render {what}: {message}")]
    Render { what: &'static str, message: String },
    /// A document leads out of the workspace (the message says where it is
    /// written and how to fix it); refused even when
    /// `document-outside-workspace` is switched off.
    #[error("{0}")]
    OutsideWorkspace(String),
}

/// Plans the bundle of a checked file. Refuses while the file has an
/// error-level finding.
pub fn plan(
    report: &FileReport,
    env: &Env,
    overrides: &Overrides,
) -> Result<BundlePlan, PlanError> {
    let claim = report.claim.as_ref().ok_or(PlanError::NotAClaim)?;
    if report.status() == Status::Error {
        return Err(PlanError::HasErrors);
    }
    let guide =
        submit::guide_for(claim).ok_or_else(|| PlanError::NoGuide(claim.kind().as_str()))?;
    let names = document_names(claim, env, &report.source);
    let ctx = GuideCtx {
        env,
        source: &report.source,
        document_names: &names,
    };
    let list = checklist::build(report, guide, &ctx, overrides);
    let html = checklist::render::html(&list).map_err(|e| PlanError::Render {
        what: "checklist.html",
        message: e.to_string(),
    })?;
    let inspections = inspection::document_inspections(claim, env, &report.source);
    let claim_json = claim_json(report, claim, guide, &names, &inspections, &list);
    let mut submit_md = submit::render_markdown(guide, &ctx, report.status().as_str());
    submit_md.push_str(&inspection::documents_markdown(claim, &ctx));
    // Last: every reference the page cites, in words with its page.
    let sources = crate::rules::sources::markdown_section(&submit_md);
    submit_md.push_str(&sources);

    let mut files = vec![
        PlannedFile {
            name: CLAIM_FILE.into(),
            source: Some(report.source.display.clone()),
            content: Content::Bytes(bundled_claim(&report.source, claim, &names).into_bytes()),
            file_type: Some("toml"),
        },
        PlannedFile {
            name: SOURCE_COPY.into(),
            source: Some(report.source.display.clone()),
            content: Content::Bytes(report.source.text.as_bytes().to_vec()),
            file_type: Some("toml"),
        },
        generated("claim.json", claim_json.into_bytes(), "json"),
        generated("SUBMIT.md", submit_md.into_bytes(), "markdown"),
        generated(
            "checklist.md",
            checklist::render::markdown(&list).into_bytes(),
            "markdown",
        ),
        generated("checklist.html", html.into_bytes(), "html"),
    ];
    files.extend(document_files(report, claim, env, &names)?);
    Ok(BundlePlan {
        slug: slug(guide.bundle_name().unwrap_or_default()),
        files,
        today: env.today,
        workspace: env.workspace.root_for(&env.config, &report.source.path),
    })
}

/// The claim as the bundle holds it: the source text with each copied
/// document's `path` value replaced by its copy under `documents/`, every
/// other byte (comments, order, spacing) as written, so the bundle
/// validates on its own wherever it is unpacked.
pub fn bundled_claim(source: &SourceFile, claim: &Claim, names: &[Option<String>]) -> String {
    let mut edits: Vec<(std::ops::Range<usize>, String)> = claim
        .documents()
        .iter()
        .filter_map(|doc| {
            let path = doc.path.as_ref()?;
            let name = names.get(doc.index).cloned().flatten()?;
            Some((path.span.clone(), format!("\"documents/{name}\"")))
        })
        .collect();
    // From the end, so earlier spans stay valid.
    edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut text = source.text.clone();
    for (span, value) in edits {
        if text.get(span.clone()).is_some() {
            text.replace_range(span, &value);
        }
    }
    text
}

/// Whether `dir` is a submission bundle: it holds a `manifest.json` whose
/// files include `claim.toml` (what `bundle` writes). Folder walks skip
/// bundles below the paths they are given, so a workspace with its bundles
/// inside validates once per claim.
pub fn is_bundle_dir(dir: &std::path::Path) -> bool {
    /// A manifest is a few kilobytes; anything far larger is not ours.
    const MAX_MANIFEST: u64 = 1 << 20;
    let manifest = dir.join(MANIFEST_FILE);
    let Ok(meta) = std::fs::metadata(&manifest) else {
        return false;
    };
    if !meta.is_file() || meta.len() > MAX_MANIFEST {
        return false;
    }
    let Ok(text) = std::fs::read(&manifest) else {
        return false;
    };
    serde_json::from_slice::<serde_json::Value>(&text).is_ok_and(|v| {
        v["files"]
            .as_array()
            .is_some_and(|files| files.iter().any(|f| f["name"] == CLAIM_FILE))
    })
}

/// The documents to copy, from where they resolve; refuses one that leads
/// out of the workspace ([`crate::workspace`]), whatever the rule's
/// severity.
fn document_files(
    report: &FileReport,
    claim: &Claim,
    env: &Env,
    names: &[Option<String>],
) -> Result<Vec<PlannedFile>, PlanError> {
    let mut files = Vec::new();
    for doc in claim.documents() {
        let (Some(name), Some(path), Some(written)) = (
            names.get(doc.index).cloned().flatten(),
            resolve(&report.source, doc),
            doc.path.as_ref(),
        ) else {
            continue;
        };
        let copy_from = match env
            .workspace
            .locate(&env.config, &report.source.path, &path)
        {
            Located::Inside(real) => real,
            // Missing: the writer's read names it.
            Located::Unresolved => path.clone(),
            Located::Outside { resolved, root } => {
                let at = report.source.position(&written.span);
                return Err(PlanError::OutsideWorkspace(format!(
                    "{}:{}:{}: {}: document `{}` leads to {}, outside the workspace {}; \
                     a bundle never copies from outside the workspace (even with \
                     `document-outside-workspace` switched off): move the file into the \
                     workspace and point `path` at it, or run `claimtool init` in a folder \
                     that holds both the claims and their documents",
                    report.source.display,
                    at.line,
                    at.column,
                    written.path,
                    written.value,
                    resolved.display(),
                    root.display()
                )));
            }
        };
        files.push(PlannedFile {
            name: format!("documents/{name}"),
            source: Some(path.display().to_string()),
            content: Content::Copy(copy_from),
            file_type: None,
        });
    }
    Ok(files)
}

fn generated(name: &str, bytes: Vec<u8>, file_type: &'static str) -> PlannedFile {
    PlannedFile {
        name: name.into(),
        source: None,
        content: Content::Bytes(bytes),
        file_type: Some(file_type),
    }
}

/// claim.json: the normalised claim (values without spans), its documents
/// with their bundle names and what inspection found in each, the kind's totals, the deadlines and the
/// findings the bundle was written with.
pub fn claim_json(
    report: &FileReport,
    claim: &Claim,
    guide: &dyn KindGuide,
    names: &[Option<String>],
    inspections: &[Option<serde_json::Value>],
    list: &Checklist,
) -> String {
    let documents: Vec<serde_json::Value> = claim
        .documents()
        .iter()
        .map(|d| {
            json!({
                "index": d.index,
                "bundle_name": names.get(d.index).cloned().flatten().map(|n| format!("documents/{n}")),
                "path": d.path.as_ref().map(|p| &p.value),
                "url": d.url.as_ref().map(|p| &p.value),
                "type": d.doc_type.as_ref().map(|t| t.value.as_str()),
                "date": d.date.as_ref().map(|t| t.value.to_string()),
                "description": d.description.as_ref().map(|t| &t.value),
                "signature": d.signature.as_ref().map(|t| t.value.as_str()),
                "signed_on": d.signed_on.as_ref().map(|t| t.value.to_string()),
                "workloads": d.workloads.as_ref().map(|w| w.value.iter().map(|s| s.value.clone()).collect::<Vec<_>>()),
                "amount": d.amount.as_ref().map(|a| a.value.to_string()),
                "number": d.number.as_ref().map(|n| &n.value),
                "inspection": inspections.get(d.index).cloned().flatten(),
            })
        })
        .collect();
    let doc = json!({
        "version": 1,
        "kind": claim.kind().as_str(),
        "source": report.source.display,
        "today": list.today.to_string(),
        "status": report.status().as_str(),
        "claim": guide.claim_values(),
        "documents": documents,
        "totals": guide.totals(),
        "deadlines": list.deadlines,
        "findings": crate::report::json::file_diagnostics(report),
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_lower_ascii_words() {
        assert_eq!(
            slug("Contoso - Microsoft 365 E5 rollout"),
            "contoso-microsoft-365-e5-rollout"
        );
        assert_eq!(slug("Müller & Söhne GmbH"), "muller-sohne-gmbh");
        assert_eq!(
            slug("<script>alert(1)</script> & \"x\""),
            "script-alert-1-script-x"
        );
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("!!!"), "claim");
        assert_eq!(slug(""), "claim");
        assert_eq!(slug("CON"), "con-claim");
        assert_eq!(slug("com1"), "com1-claim");
        assert_eq!(slug("company"), "company");
        let long = slug(&"word ".repeat(40));
        assert!(long.len() <= MAX_SLUG && !long.ends_with('-'), "{long}");
        assert!(long.starts_with("word-word"));
    }

    #[test]
    fn document_names_keep_only_a_safe_last_component() {
        assert_eq!(
            document_file_name(0, "poe/Signed SOW.PDF", None),
            "01-signed-sow.pdf"
        );
        assert_eq!(
            document_file_name(1, "../../../etc/passwd", None),
            "02-passwd.bin"
        );
        assert_eq!(
            document_file_name(2, "/abs/path/x.png", Some(Detected::Png)),
            "03-x.png"
        );
        assert_eq!(
            document_file_name(3, "..\\..\\evil.pdf", None),
            "04-evil.pdf"
        );
        assert_eq!(document_file_name(4, "..", None), "05-document.bin");
        assert_eq!(
            document_file_name(5, ".hidden", Some(Detected::Pdf)),
            "06-hidden.pdf"
        );
        assert_eq!(document_file_name(6, "a.p/../df", None), "07-df.bin");
        assert_eq!(
            document_file_name(99, "scan", Some(Detected::Jpeg)),
            "100-scan.jpg"
        );
        assert_eq!(document_file_name(0, "x.tar.../", None), "01-document.bin");
        for name in [
            document_file_name(0, "../../x.pdf", None),
            document_file_name(0, "C:\\Windows\\system32\\cmd.exe", None),
        ] {
            assert!(
                !name.contains('/') && !name.contains('\\') && !name.contains(".."),
                "{name}"
            );
        }
    }
}
