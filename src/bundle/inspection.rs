//! What inspection found in each document, for the bundle and the
//! checklist: claim.json's per-document `inspection` object, the "What the
//! documents show" section of SUBMIT.md and the checklist's documents
//! ([`document_found`], one wording for both).
//!
//! Both read the [`DocumentStore`](crate::documents::DocumentStore) of the
//! run, so a bundle never inspects a document a second time.

use std::fmt::Write as _;

use crate::documents::DocRead;
use crate::model::{Claim, Document};
use crate::rich::Rich;
use crate::rules::Env;
use crate::rules::poe::poe_unreadable::what_to_check;
use crate::source::SourceFile;
use crate::submit::GuideCtx;

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

/// What inspection found in one document, in words: the one wording
/// SUBMIT.md's "What the documents show" and the checklist's "What
/// claimtool read in the documents" share.
#[derive(Debug, Clone)]
pub struct Found {
    /// The document as the file names it (`documents/01-sow.pdf` in a
    /// bundle, else its path or URL in the claim file).
    pub name: String,
    pub words: Rich,
    /// Whether claimtool did not read it: its text could not be read (then
    /// `words` says what to check by eye, in the kind's words), it is only a
    /// link, or it could not be opened. Nothing said about it is verified.
    pub unreadable: bool,
}

/// What inspection found in `doc` of `claim`, read from the run's
/// document store (never a second inspection).
pub fn document_found(claim: &Claim, doc: &Document, ctx: &GuideCtx<'_>) -> Found {
    let name = ctx.doc_label(doc);
    let Some(path) = super::resolve(ctx.source, doc) else {
        return Found {
            name,
            words: Rich::new().text("online, not read"),
            unreadable: true,
        };
    };
    match &*ctx.env.documents.read(&path) {
        DocRead::Ok(info) => {
            let check = what_to_check(claim, doc.doc_type.as_deref());
            Found {
                name,
                words: Rich::new().text(info.inspection.summary(check)),
                unreadable: info.inspection.unreadable_reason.is_some(),
            }
        }
        _ => Found {
            name,
            words: Rich::new().text("could not be opened"),
            unreadable: true,
        },
    }
}

/// Each document of the claim with what inspection found.
pub fn documents_found(claim: &Claim, ctx: &GuideCtx<'_>) -> Vec<Found> {
    claim
        .documents()
        .iter()
        .map(|doc| document_found(claim, doc, ctx))
        .collect()
}

/// SUBMIT.md's section: one line per document, what claimtool read in it.
pub fn documents_markdown(claim: &Claim, ctx: &GuideCtx<'_>) -> String {
    let mut md = String::from(
        "## What the documents show (read by claimtool)\n\n\
         claimtool opened each file: digital signatures are checked against the bytes they \
         sign (not the certificate's trust), text is read where there is a text layer (no \
         OCR).\n\n",
    );
    for found in documents_found(claim, ctx) {
        let line = Rich::new().value(found.name).text(": ").then(found.words);
        let _ = writeln!(md, "- {}", line.markdown());
    }
    md.push('\n');
    md
}
