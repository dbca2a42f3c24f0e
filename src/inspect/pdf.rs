//! PDF: pages, encryption, the text layer and every signature field.
//!
//! lopdf parses the objects (classic and cross-reference streams, object
//! streams, repaired cross-references); the text layer is extracted page
//! by page up to [`super::MAX_PAGES`]; signature fields are found in the
//! AcroForm field tree and on pages' annotations, and each `/V` signature
//! dictionary is read: `/ByteRange` against the file's bytes, `/Contents`
//! through [`super::cms`]. A parse error or a panic inside the parser
//! makes the document `damaged`, never a crash.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use super::{Inspection, Signature, Unreadable, truncate_at_char};

/// A stream may not decompress to more than this while loading.
const MAX_DECOMPRESSED: usize = 64 * 1024 * 1024;
/// How deep the field tree (`/Kids`) is followed.
const MAX_FIELD_DEPTH: usize = 32;
/// At most this many signature fields are read.
const MAX_SIGNATURES: usize = 64;

/// Inspects a PDF's bytes: the inspection and, when parsed, its text.
pub fn inspect(bytes: &[u8]) -> (Inspection, Option<String>) {
    std::panic::catch_unwind(|| inspect_unguarded(bytes))
        .unwrap_or_else(|_| (Inspection::unreadable(Unreadable::Damaged), None))
}

fn inspect_unguarded(bytes: &[u8]) -> (Inspection, Option<String>) {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_DECOMPRESSED),
        ..LoadOptions::default()
    };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(_) if memchr::memmem::find(bytes, b"/Encrypt").is_some() => {
            return (encrypted(), None);
        }
        Err(_) => return (Inspection::unreadable(Unreadable::Damaged), None),
    };
    if doc.was_encrypted() || doc.trailer.get(b"Encrypt").is_ok() {
        return (encrypted(), None);
    }
    let pages = doc.get_pages();
    let text = page_text(&doc, pages.keys().copied());
    let inspection = Inspection {
        pages: u32::try_from(pages.len()).ok(),
        parsed: true,
        signatures: signatures(&doc, bytes),
        ..Inspection::unreadable(Unreadable::NoTextLayer)
    };
    (inspection, Some(text))
}

fn encrypted() -> Inspection {
    Inspection {
        encrypted: true,
        ..Inspection::unreadable(Unreadable::Encrypted)
    }
}

/// The text of the first pages, within the caps.
fn page_text(doc: &Document, pages: impl Iterator<Item = u32>) -> String {
    let mut text = String::new();
    for page in pages.take(super::MAX_PAGES) {
        if let Ok(t) = doc.extract_text(&[page]) {
            text.push_str(&t);
            text.push('\n');
        }
        if text.len() >= super::MAX_TEXT {
            truncate_at_char(&mut text, super::MAX_TEXT);
            break;
        }
    }
    text
}

/// Every signature field that has a signature value, in field order.
fn signatures(doc: &Document, bytes: &[u8]) -> Vec<Signature> {
    let mut found = Vec::new();
    let mut seen = HashSet::new();
    let acroform = doc
        .catalog()
        .ok()
        .and_then(|c| c.get_deref(b"AcroForm", doc).ok())
        .and_then(|o| o.as_dict().ok());
    if let Some(fields) = acroform
        .and_then(|a| a.get_deref(b"Fields", doc).ok())
        .and_then(|o| o.as_array().ok())
    {
        for field in fields {
            walk_field(
                doc,
                bytes,
                field,
                &FieldCtx::default(),
                &mut seen,
                &mut found,
            );
        }
    }
    // Signature widgets on pages that the field tree does not list.
    for page_id in doc.get_pages().values().take(super::MAX_PAGES) {
        let Some(annots) = doc
            .get_dictionary(*page_id)
            .ok()
            .and_then(|p| p.get_deref(b"Annots", doc).ok())
            .and_then(|o| o.as_array().ok())
        else {
            continue;
        };
        for annot in annots {
            walk_field(
                doc,
                bytes,
                annot,
                &FieldCtx::default(),
                &mut seen,
                &mut found,
            );
        }
    }
    found
}

/// What a field inherits from its parents.
#[derive(Default, Clone)]
struct FieldCtx {
    depth: usize,
    name: String,
    is_sig: bool,
}

fn walk_field(
    doc: &Document,
    bytes: &[u8],
    field: &Object,
    parent: &FieldCtx,
    seen: &mut HashSet<ObjectId>,
    found: &mut Vec<Signature>,
) {
    if parent.depth > MAX_FIELD_DEPTH || found.len() >= MAX_SIGNATURES {
        return;
    }
    if let Ok(id) = field.as_reference()
        && !seen.insert(id)
    {
        return;
    }
    let Some(dict) = doc
        .dereference(field)
        .ok()
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return;
    };
    let mut ctx = parent.clone();
    ctx.depth += 1;
    if let Ok(t) = dict.get(b"T").and_then(Object::as_str) {
        let t = text_string(t);
        ctx.name = if ctx.name.is_empty() {
            t
        } else {
            format!("{}.{t}", ctx.name)
        };
    }
    if let Ok(ft) = dict.get(b"FT").and_then(Object::as_name) {
        ctx.is_sig = ft == b"Sig";
    }
    if ctx.is_sig
        && let Some(v) = dict
            .get(b"V")
            .ok()
            .and_then(|v| doc.dereference(v).ok())
            .and_then(|(_, o)| o.as_dict().ok())
    {
        found.push(read_signature(&ctx.name, v, doc, bytes));
    }
    if let Some(kids) = dict
        .get_deref(b"Kids", doc)
        .ok()
        .and_then(|o| o.as_array().ok())
    {
        for kid in kids {
            walk_field(doc, bytes, kid, &ctx, seen, found);
        }
    }
}

/// One signature dictionary (`/V`).
fn read_signature(field: &str, v: &Dictionary, doc: &Document, bytes: &[u8]) -> Signature {
    let ranges = byte_ranges(v, doc);
    let contents = v
        .get_deref(b"Contents", doc)
        .ok()
        .and_then(|o| o.as_str().ok());
    let in_file = ranges.as_ref().is_some_and(|r| {
        r.iter()
            .all(|&(start, len)| start.checked_add(len).is_some_and(|end| end <= bytes.len()))
    });
    let signed: Vec<&[u8]> = match (&ranges, in_file) {
        (Some(r), true) => r.iter().map(|&(s, l)| &bytes[s..s + l]).collect(),
        _ => Vec::new(),
    };
    let cms = contents.and_then(|c| super::cms::read(c, &signed));
    let digest_ok = match (&ranges, in_file) {
        // Signed bytes that are not in the file cannot be intact.
        (Some(_), false) => Some(false),
        (Some(_), true) => cms.as_ref().and_then(|c| c.digest_ok),
        (None, _) => None,
    };
    let signed_at = cms
        .as_ref()
        .and_then(|c| c.signing_time.clone())
        .or_else(|| pdf_date(v.get(b"M").ok()?));
    let signer = cms.as_ref().and_then(|c| c.signer.clone()).or_else(|| {
        v.get(b"Name")
            .and_then(Object::as_str)
            .ok()
            .map(text_string)
    });
    Signature {
        field: field.to_string(),
        signer,
        signed_at,
        sub_filter: v
            .get(b"SubFilter")
            .and_then(Object::as_name)
            .ok()
            .map(|n| String::from_utf8_lossy(n).into_owned()),
        digest_ok,
        covers_whole_file: ranges.map(|r| covers_whole(&r, bytes.len())),
    }
}

/// `/ByteRange` as (start, length) pairs; `None` when absent or malformed.
fn byte_ranges(v: &Dictionary, doc: &Document) -> Option<Vec<(usize, usize)>> {
    let arr = v.get_deref(b"ByteRange", doc).ok()?.as_array().ok()?;
    if arr.is_empty() || arr.len() % 2 != 0 {
        return None;
    }
    let nums: Vec<usize> = arr
        .iter()
        .map(|o| o.as_i64().ok().and_then(|n| usize::try_from(n).ok()))
        .collect::<Option<_>>()?;
    Some(nums.chunks(2).map(|c| (c[0], c[1])).collect())
}

/// The ranges start at byte 0 and end at the file's last byte (only the
/// `/Contents` hole between them).
fn covers_whole(ranges: &[(usize, usize)], file_len: usize) -> bool {
    let first = ranges.first().is_some_and(|&(s, _)| s == 0);
    let last = ranges
        .last()
        .is_some_and(|&(s, l)| s.checked_add(l) == Some(file_len));
    first && last
}

/// A PDF date (`D:20260903101500Z`) as RFC 3339 UTC.
fn pdf_date(o: &Object) -> Option<String> {
    let dt = o.as_datetime()?;
    let parsed: DateTime<FixedOffset> = dt.try_into().ok()?;
    Some(
        parsed
            .with_timezone(&Utc)
            .to_rfc3339_opts(SecondsFormat::Secs, true),
    )
}

/// A PDF text string: UTF-16BE with a byte order mark, else PDFDocEncoding
/// (read as Latin-1, which it matches for letters).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_input_is_damaged() {
        for bytes in [
            &b"%PDF-1.7\n"[..],
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
            b"%PDF-",
        ] {
            let (insp, _) = inspect(bytes);
            assert!(!insp.readable);
        }
    }

    #[test]
    fn whole_file_means_first_and_last_byte() {
        assert!(covers_whole(&[(0, 10), (20, 80)], 100));
        assert!(!covers_whole(&[(0, 10), (20, 80)], 120));
        assert!(!covers_whole(&[(5, 10), (20, 80)], 100));
    }

    #[test]
    fn pdf_text_strings_decode() {
        assert_eq!(text_string(&[0xFE, 0xFF, 0, b'A', 0, b'b']), "Ab");
        assert_eq!(text_string(b"Sig\xe9"), "Sigé");
    }
}
