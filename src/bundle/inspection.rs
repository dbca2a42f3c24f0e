//! What inspection found in each document, for the bundle: claim.json's
//! per-document `inspection` object and the "What the documents show"
//! section of SUBMIT.md.
//!
//! Both read the [`DocumentStore`](crate::documents::DocumentStore) of the
//! run, so a bundle never inspects a document a second time.

use std::fmt::Write as _;

use crate::documents::DocRead;
use crate::model::{Claim, Document};
use crate::rich::Rich;
use crate::rules::Env;
use crate::source::SourceFile;

/// Each document's `inspection` (the `claimtool inspect` JSON without path
/// and text), by index; `None` for a URL or a file that could not be read.
pub fn document_inspections(
    claim: &Claim,
    env: &Env,
    source: &SourceFile,
) -> Vec<Option<serde_json::Value>> {
    claim
        .documents()
        .iter()
        .map(|doc| {
            let path = super::resolve(source, doc)?;
            match &*env.documents.read(&path) {
                DocRead::Ok(info) => Some(crate::inspect::document_json(info, None, false)),
                _ => None,
            }
        })
        .collect()
}

/// One line per document: what claimtool read in it.
pub fn documents_markdown(claim: &Claim, env: &Env, source: &SourceFile) -> String {
    let mut md = String::from(
        "## What the documents show (read by claimtool)\n\n\
         claimtool opened each file: digital signatures are checked against the bytes they \
         sign (not the certificate's trust), text is read where there is a text layer (no \
         OCR).\n\n",
    );
    for doc in claim.documents() {
        let _ = writeln!(md, "- {}", document_line(doc, env, source).markdown());
    }
    md.push('\n');
    md
}

fn document_line(doc: &Document, env: &Env, source: &SourceFile) -> Rich {
    let line = Rich::new().value(doc.label()).text(": ");
    let Some(path) = super::resolve(source, doc) else {
        return line.text("online, not read");
    };
    match &*env.documents.read(&path) {
        DocRead::Ok(info) => line.text(info.inspection.summary()),
        _ => line.text("could not be opened"),
    }
}
