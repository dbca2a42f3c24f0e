//! Document inspection: what a PoE document actually contains.
//!
//! [`crate::documents::DocumentStore`] hands the bytes of each distinct
//! document to [`inspect`] once per run (in the parallel per-claim step);
//! the result, an [`Inspection`] (pages, encryption, readability, digital
//! signatures, e-signature platform) and the document's [`DocText`], is kept
//! next to the size and hash and shared by every claim that attaches the
//! document. The rules (`poe-*`, `coop-invoice-amount-not-found`), `claimtool
//! inspect`, bundles and checklists read it from there.
//!
//! By type: [`pdf`] (lopdf objects, text layer, signature fields, with the
//! CMS container read by [`cms`]), [`office`] (DOCX/PPTX/XLSX parts), and
//! [`text`] (plain text, HTML, e-mail, RTF). Images and legacy OLE2 files
//! are not read (no OCR). [`matching`] holds the normalisation the rules use
//! to look for names and amounts in the text.
//!
//! Nothing here panics on bad input: every parser error becomes an
//! unreadable reason (`damaged`), and the PDF parser runs under
//! `catch_unwind` as a last line of defence.

pub mod cms;
pub mod matching;
pub mod office;
pub mod pdf;
pub mod text;

use serde::Serialize;

use crate::documents::Detected;

/// Text is read from at most this many PDF pages.
pub const MAX_PAGES: usize = 200;
/// At most this much extracted text is kept (bytes of UTF-8).
pub const MAX_TEXT: usize = 10 * 1024 * 1024;
/// A file above this size is not parsed: type, size and hash only.
pub const MAX_FILE: u64 = 100 * 1024 * 1024;

/// Why a document's text cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unreadable {
    Encrypted,
    NoTextLayer,
    Image,
    LegacyOffice,
    Unsupported,
    Empty,
    TooLarge,
    Damaged,
}

impl Unreadable {
    pub fn as_str(self) -> &'static str {
        match self {
            Unreadable::Encrypted => "encrypted",
            Unreadable::NoTextLayer => "no-text-layer",
            Unreadable::Image => "image",
            Unreadable::LegacyOffice => "legacy-office",
            Unreadable::Unsupported => "unsupported",
            Unreadable::Empty => "empty",
            Unreadable::TooLarge => "too-large",
            Unreadable::Damaged => "damaged",
        }
    }

    /// The reason in one or two words, for SUBMIT.md and the checklist
    /// ("could not be read (scan)").
    pub fn short(self) -> &'static str {
        match self {
            Unreadable::Encrypted => "encrypted",
            Unreadable::NoTextLayer => "scan",
            Unreadable::Image => "image",
            Unreadable::LegacyOffice => "legacy Office file",
            Unreadable::Unsupported => "format without a text reader",
            Unreadable::Empty => "empty",
            Unreadable::TooLarge => "too large",
            Unreadable::Damaged => "damaged",
        }
    }

    /// The reason in words, for findings and checklists.
    pub fn describe(self) -> &'static str {
        match self {
            Unreadable::Encrypted => "it is encrypted (password protected)",
            Unreadable::NoTextLayer => "it has no text layer (a scan)",
            Unreadable::Image => "it is an image (no OCR)",
            Unreadable::LegacyOffice => "it is a legacy Office file (OLE2)",
            Unreadable::Unsupported => "claimtool has no text reader for this format",
            Unreadable::Empty => "it is empty",
            Unreadable::TooLarge => "it is above the 100 MiB inspection cap",
            Unreadable::Damaged => "it is damaged (it does not parse)",
        }
    }
}

/// The e-signature platform a document's text shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Platform {
    Docusign,
    AdobeSign,
}

impl Platform {
    pub fn name(self) -> &'static str {
        match self {
            Platform::Docusign => "DocuSign",
            Platform::AdobeSign => "Adobe Acrobat Sign",
        }
    }
}

/// One digital signature (a PDF signature field or an Office signature part).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signature {
    pub field: String,
    pub signer: Option<String>,
    /// RFC 3339 UTC, to the second.
    pub signed_at: Option<String>,
    pub sub_filter: Option<String>,
    pub digest_ok: Option<bool>,
    pub covers_whole_file: Option<bool>,
}

impl Signature {
    /// The UTC date of `signed_at`.
    pub fn signed_date(&self) -> Option<chrono::NaiveDate> {
        let at = self.signed_at.as_deref()?;
        chrono::DateTime::parse_from_rfc3339(at)
            .ok()
            .map(|d| d.with_timezone(&chrono::Utc).date_naive())
    }
}

/// What inspection found in one document (the JSON of `claimtool inspect`
/// and of claim.json's `inspection`, keys in the documented order, without
/// the path, type, size and hash that the caller adds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inspection {
    pub pages: Option<u32>,
    pub encrypted: bool,
    pub readable: bool,
    pub unreadable_reason: Option<Unreadable>,
    pub text_chars: usize,
    pub esign_platform: Option<Platform>,
    pub signatures: Vec<Signature>,
    /// Whether the file was parsed as its format (false for encrypted,
    /// damaged and too-large PDFs): the signature rules stay silent then.
    #[serde(skip)]
    pub parsed: bool,
}

impl Inspection {
    /// A document that was not read beyond type, size and hash.
    pub fn unreadable(reason: Unreadable) -> Self {
        Inspection {
            pages: None,
            encrypted: false,
            readable: false,
            unreadable_reason: Some(reason),
            text_chars: 0,
            esign_platform: None,
            signatures: Vec::new(),
            parsed: false,
        }
    }

    /// A short sentence of what was found, for SUBMIT.md and checklists;
    /// `check_by_eye` is what to look for in a document that could not be
    /// read ("the customer's name, the workloads and the customer's
    /// signature": the kind's words, from `poe-unreadable`).
    pub fn summary(&self, check_by_eye: &str) -> String {
        let mut parts = Vec::new();
        for sig in &self.signatures {
            parts.push(signature_summary(sig));
        }
        if let Some(platform) = self.esign_platform {
            parts.push(format!("{} envelope", platform.name()));
        }
        if let Some(reason) = self.unreadable_reason {
            parts.push(format!(
                "could not be read ({}): check by eye that it shows {check_by_eye}",
                reason.short()
            ));
        } else if self.signatures.is_empty() {
            parts.push("text read, no digital signature".to_string());
        }
        parts.join("; ")
    }
}

fn signature_summary(sig: &Signature) -> String {
    let by = sig.signer.as_deref().unwrap_or("an unnamed signer");
    let on = sig
        .signed_date()
        .map(|d| format!(" on {d}"))
        .unwrap_or_default();
    let state = match (sig.digest_ok, sig.covers_whole_file) {
        (Some(true), Some(true)) => " (signature intact, whole document)",
        (Some(true), Some(false)) => " (signature intact, document changed after signing)",
        (Some(false), _) => " (signature BROKEN: the signed bytes were altered)",
        _ => "",
    };
    format!("signed digitally by {by}{on}{state}")
}

/// The text read from a document, kept for the rules in the forms they
/// match against.
#[derive(Debug, Default, Clone)]
pub struct DocText {
    /// As extracted (capped at [`MAX_TEXT`]).
    pub raw: String,
    /// NFKC, lower case, whitespace runs as one space: for tenant IDs,
    /// domains and amounts.
    pub folded: String,
    /// [`matching::normalize`]d: for names and workloads.
    pub words: String,
}

impl DocText {
    pub fn new(mut raw: String) -> Self {
        truncate_at_char(&mut raw, MAX_TEXT);
        let folded = matching::fold(&raw);
        let words = matching::normalize(&raw);
        DocText { raw, folded, words }
    }
}

/// Cuts `s` to at most `max` bytes at a character boundary.
pub fn truncate_at_char(s: &mut String, max: usize) {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
}

/// The JSON of one document as `claimtool inspect` prints it (keys in the
/// documented order); `path` first when given, `text` last when asked for.
/// claim.json's `inspection` is this without `path` and `text`.
pub fn document_json(
    info: &crate::documents::DocInfo,
    path: Option<&str>,
    with_text: bool,
) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    if let Some(path) = path {
        map.insert("path".into(), path.into());
    }
    map.insert("type".into(), info.detected.extension().into());
    map.insert("size".into(), info.size.into());
    map.insert("sha256".into(), info.sha256.clone().into());
    if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(&info.inspection) {
        map.extend(fields);
    }
    if with_text {
        let text = info.text.as_ref().map(|t| t.raw.clone());
        map.insert("text".into(), text.into());
    }
    serde_json::Value::Object(map)
}

/// Inspects a document's bytes (already sniffed as `detected`).
pub fn inspect(bytes: &[u8], detected: Detected) -> (Inspection, Option<DocText>) {
    if bytes.is_empty() {
        return (Inspection::unreadable(Unreadable::Empty), None);
    }
    let (mut inspection, raw) = match detected {
        Detected::Pdf => pdf::inspect(bytes),
        Detected::Docx | Detected::Pptx | Detected::Xlsx => office::inspect(bytes, detected),
        Detected::Text | Detected::Rtf => text::inspect(bytes, detected),
        Detected::Png | Detected::Jpeg | Detected::Gif | Detected::Tiff | Detected::Bmp => {
            (Inspection::unreadable(Unreadable::Image), None)
        }
        Detected::Ole2 => (Inspection::unreadable(Unreadable::LegacyOffice), None),
        Detected::Xps | Detected::Zip | Detected::Other(_) => {
            (Inspection::unreadable(Unreadable::Unsupported), None)
        }
    };
    let text = raw.map(DocText::new);
    match &text {
        Some(t) if t.raw.chars().any(|c| !c.is_whitespace()) => {
            inspection.readable = true;
            inspection.unreadable_reason = None;
            inspection.text_chars = t.raw.chars().count();
            inspection.esign_platform = platform(&t.raw);
        }
        _ => {
            inspection.readable = false;
            inspection.text_chars = 0;
            if inspection.unreadable_reason.is_none() {
                inspection.unreadable_reason = Some(if detected == Detected::Pdf {
                    Unreadable::NoTextLayer
                } else {
                    Unreadable::Empty
                });
            }
        }
    }
    let text = text.filter(|_| inspection.readable);
    (inspection, text)
}

/// The e-signature platform whose markers the text carries.
pub fn platform(text: &str) -> Option<Platform> {
    if text.contains("DocuSign Envelope ID:") {
        Some(Platform::Docusign)
    } else if (text.contains("Adobe Acrobat Sign") || text.contains("Adobe Sign"))
        && text.contains("Transaction ID")
    {
        Some(Platform::AdobeSign)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_and_ole2_are_unreadable_with_their_reason() {
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        assert_eq!(
            inspect(&png, Detected::Png).0.unreadable_reason,
            Some(Unreadable::Image)
        );
        assert_eq!(
            inspect(b"x", Detected::Ole2).0.unreadable_reason,
            Some(Unreadable::LegacyOffice)
        );
        assert_eq!(
            inspect(b"", Detected::Pdf).0.unreadable_reason,
            Some(Unreadable::Empty)
        );
    }

    #[test]
    fn platforms_are_recognised_from_their_markers() {
        assert_eq!(
            platform("DocuSign Envelope ID: 6F3C2A1B"),
            Some(Platform::Docusign)
        );
        assert_eq!(
            platform("Adobe Acrobat Sign ... Transaction ID: CBJCHB"),
            Some(Platform::AdobeSign)
        );
        assert_eq!(platform("Adobe Sign"), None);
    }

    #[test]
    fn truncation_keeps_whole_characters() {
        let mut s = "aé".to_string();
        truncate_at_char(&mut s, 2);
        assert_eq!(s, "a");
    }
}
