//! `claimtool inspect FILE... [--format human|json] [--text]`: what
//! claimtool reads from each document (docs/inspection.md).
//!
//! Each path goes through the same [`DocumentStore`] as `validate`, so the
//! output is exactly what the rules see. Exit 0 when every path was a file
//! (an unreadable document is a finding, not a failure), 2 when a path is
//! missing or not a file.

use std::path::PathBuf;

use anyhow::bail;
use claimtool::documents::{DocInfo, DocRead, DocumentStore};
use claimtool::inspect::document_json;
use clap::Args;

use super::args::HumanOrJson;
use super::{GlobalArgs, Outcome};

#[derive(Debug, Args)]
#[command(after_help = "Example:\n  claimtool inspect poe/signed-sow.pdf --format json")]
pub(crate) struct InspectArgs {
    /// The documents to inspect
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Also print the text read from each document
    #[arg(long)]
    pub text: bool,
    /// Output format [default: human]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<HumanOrJson>,
}

pub(crate) fn run(_global: &GlobalArgs, args: &InspectArgs) -> anyhow::Result<Outcome> {
    let store = DocumentStore::default();
    let mut docs = Vec::new();
    for path in &args.files {
        let shown = path.display().to_string();
        match &*store.read(path) {
            DocRead::Ok(info) => docs.push((shown, info.clone())),
            DocRead::Missing => bail!("{shown}: no such file"),
            DocRead::NotAFile => bail!("{shown}: not a file"),
            DocRead::Unreadable(e) => bail!("{shown}: {e}"),
        }
    }
    if args.format == Some(HumanOrJson::Json) {
        let list: Vec<_> = docs
            .iter()
            .map(|(path, info)| document_json(info, Some(path), args.text))
            .collect();
        let json = serde_json::json!({ "documents": list });
        println!("{}", serde_json::to_string_pretty(&json)?);
    } else {
        for (i, (path, info)) in docs.iter().enumerate() {
            if i > 0 {
                println!();
            }
            print!("{}", human(path, info, args.text));
        }
    }
    Ok(Outcome::Clean)
}

/// The human rendering of one document.
fn human(path: &str, info: &DocInfo, with_text: bool) -> String {
    use std::fmt::Write as _;
    let i = &info.inspection;
    let mut out = format!("{path}\n");
    let _ = writeln!(
        out,
        "  type: {}, {} bytes",
        info.detected.extension(),
        info.size
    );
    let _ = writeln!(out, "  sha256: {}", info.sha256);
    if let Some(pages) = i.pages {
        let _ = writeln!(out, "  pages: {pages}");
    }
    if i.encrypted {
        let _ = writeln!(out, "  encrypted: yes");
    }
    match i.unreadable_reason {
        None => {
            let _ = writeln!(out, "  readable: yes ({} characters of text)", i.text_chars);
        }
        Some(reason) => {
            let _ = writeln!(
                out,
                "  readable: no ({}: {})",
                reason.as_str(),
                reason.describe()
            );
        }
    }
    if let Some(p) = i.esign_platform {
        let _ = writeln!(out, "  e-signature platform: {}", p.name());
    }
    if i.signatures.is_empty() {
        let _ = writeln!(out, "  signatures: none");
    }
    for sig in &i.signatures {
        let state = match sig.digest_ok {
            Some(true) => "intact",
            Some(false) => "BROKEN (the signed bytes were altered)",
            None => "not verifiable",
        };
        let whole = match sig.covers_whole_file {
            Some(true) => ", covers the whole document",
            Some(false) => ", the document was changed after signing",
            None => "",
        };
        let _ = writeln!(
            out,
            "  signature {}: signed by {} at {} ({}), {state}{whole}",
            sig.field,
            sig.signer.as_deref().unwrap_or("(unknown)"),
            sig.signed_at.as_deref().unwrap_or("(no time)"),
            sig.sub_filter.as_deref().unwrap_or("no sub-filter"),
        );
    }
    if with_text && let Some(t) = &info.text {
        let _ = writeln!(out, "  text:\n{}", t.raw);
    }
    out
}
