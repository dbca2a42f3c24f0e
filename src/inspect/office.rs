//! DOCX, PPTX and XLSX: the text of their XML parts (zip + quick-xml) and
//! their XML digital signature parts (`_xmlsignatures/`).
//!
//! DOCX: body, headers, footers, footnotes; PPTX: slides and notes; XLSX:
//! shared strings, inline strings and every cell value as written. A
//! signature part is reported with the CN of its `X509Certificate` and its
//! `SignatureTime`; its XML digests are not verified (`digest_ok` null).

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{Inspection, Signature, Unreadable, truncate_at_char};
use crate::documents::Detected;

/// At most this much of one XML part is read (decompressed).
const MAX_PART: u64 = 64 * 1024 * 1024;

/// The text and signature parts of an Office Open XML package.
pub fn inspect(bytes: &[u8], detected: Detected) -> (Inspection, Option<String>) {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return (Inspection::unreadable(Unreadable::Damaged), None);
    };
    let mut names: Vec<String> = (0..archive.len())
        .filter_map(|i| {
            archive
                .name_for_index(i)?
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
        .collect();
    names.sort_by_key(|n| part_order(n));
    let mut text = String::new();
    let mut signatures = Vec::new();
    for name in &names {
        let is_text = is_text_part(name, detected);
        let is_sig = name.starts_with("_xmlsignatures/")
            && has_xml_extension(name)
            && !name.contains("/_rels/");
        if !is_text && !is_sig {
            continue;
        }
        let Some(xml) = read_part(&mut archive, name) else {
            return (Inspection::unreadable(Unreadable::Damaged), None);
        };
        if is_sig {
            signatures.push(signature_part(name, &xml));
        } else {
            let sheet = name.starts_with("xl/worksheets/");
            part_text(&xml, sheet, &mut text);
            text.push('\n');
            if text.len() > super::MAX_TEXT {
                truncate_at_char(&mut text, super::MAX_TEXT);
                break;
            }
        }
    }
    let inspection = Inspection {
        parsed: true,
        signatures,
        ..Inspection::unreadable(Unreadable::Empty)
    };
    (inspection, Some(text))
}

/// Slides and sheets in their numeric order (slide2 before slide10).
fn part_order(name: &str) -> (String, usize, String) {
    let digits: String = name.chars().filter(char::is_ascii_digit).collect();
    let stem: String = name.chars().filter(|c| !c.is_ascii_digit()).collect();
    (stem, digits.parse().unwrap_or(0), name.to_string())
}

/// Part names in OPC packages are case-insensitive (ECMA-376 part 2, 9.1.1.1).
fn has_xml_extension(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

fn is_text_part(name: &str, detected: Detected) -> bool {
    if !has_xml_extension(name) || name.contains("/_rels/") {
        return false;
    }
    match detected {
        Detected::Docx => {
            name == "word/document.xml"
                || [
                    "word/header",
                    "word/footer",
                    "word/footnotes",
                    "word/endnotes",
                ]
                .iter()
                .any(|p| name.starts_with(p))
        }
        Detected::Pptx => {
            name.starts_with("ppt/slides/slide") || name.starts_with("ppt/notesSlides/")
        }
        Detected::Xlsx => name == "xl/sharedStrings.xml" || name.starts_with("xl/worksheets/"),
        _ => false,
    }
}

fn read_part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let file = archive.by_name(name).ok()?;
    let mut buf = Vec::new();
    file.take(MAX_PART).read_to_end(&mut buf).ok()?;
    Some(String::from_utf8_lossy(&buf).into_owned())
}

/// Appends the text of one XML part: the content of `t` elements, and in a
/// worksheet the `v` of cells that are not shared-string indexes.
fn part_text(xml: &str, sheet: bool, out: &mut String) {
    let mut reader = Reader::from_str(xml);
    let mut in_text = false;
    let mut shared_index_cell = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "v" => in_text = sheet && !shared_index_cell,
                "c" => {
                    shared_index_cell = e
                        .try_get_attribute("t")
                        .ok()
                        .flatten()
                        .is_some_and(|a| a.value.as_ref() == "s");
                }
                _ => {}
            },
            Ok(Event::Empty(e)) => {
                if matches!(e.local_name().as_ref(), "tab" | "br") {
                    out.push(' ');
                }
            }
            Ok(Event::Text(t)) if in_text => out.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) if in_text => push_ref(&r, out),
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" | "v" => in_text = false,
                "p" | "si" | "c" | "row" | "tc" => out.push(' '),
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
}

/// An entity reference inside text (`&amp;`, `&#233;`).
fn push_ref(r: &quick_xml::events::BytesRef<'_>, out: &mut String) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        out.push(c);
        return;
    }
    let name = r.xml10_content();
    out.push_str(match name.as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    });
}

/// A signature part: the signer's CN from its certificate, its time.
fn signature_part(name: &str, xml: &str) -> Signature {
    let cert_b64 = element_text(xml, "X509Certificate");
    let signer = cert_b64.as_deref().and_then(|b64| {
        let clean: String = b64.chars().filter(|c| !c.is_whitespace()).collect();
        let der = <base64ct::Base64 as base64ct::Encoding>::decode_vec(&clean).ok()?;
        super::cms::certificate_cn(&der)
    });
    let signed_at = element_text(xml, "SignatureTime")
        .and_then(|_| element_text(xml, "Value"))
        .and_then(|v| super::cms::rfc3339_utc(v.trim()));
    Signature {
        field: name.to_string(),
        signer,
        signed_at,
        sub_filter: Some("xmldsig".to_string()),
        digest_ok: None,
        covers_whole_file: None,
    }
}

/// The text of the first element with local name `local`.
fn element_text(xml: &str, local: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == local => inside = true,
            Ok(Event::Text(t)) if inside => text.push_str(&t.xml10_content()),
            Ok(Event::End(e)) if inside && e.local_name().as_ref() == local => {
                return Some(text);
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            for (name, body) in parts {
                w.start_file(*name, zip::write::SimpleFileOptions::default())
                    .unwrap();
                std::io::Write::write_all(&mut w, body.as_bytes()).unwrap();
            }
            w.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn docx_text_and_signature_parts_are_read() {
        let doc = zip_of(&[
            (
                "word/document.xml",
                "<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>Contoso &amp; Fabrikam</w:t></w:r></w:p><w:p><w:r><w:t>Exchange Online</w:t></w:r></w:p></w:body></w:document>",
            ),
            (
                "_xmlsignatures/sig1.xml",
                "<Signature><Object><SignatureProperties><SignatureTime><Format>x</Format><Value>2026-09-03T10:15:00Z</Value></SignatureTime></SignatureProperties></Object></Signature>",
            ),
        ]);
        let (insp, text) = inspect(&doc, Detected::Docx);
        let text = text.unwrap();
        assert!(
            text.contains("Contoso & Fabrikam Exchange Online"),
            "{text:?}"
        );
        assert_eq!(insp.signatures.len(), 1);
        assert_eq!(insp.signatures[0].field, "_xmlsignatures/sig1.xml");
        assert_eq!(
            insp.signatures[0].signed_at.as_deref(),
            Some("2026-09-03T10:15:00Z")
        );
        assert_eq!(insp.signatures[0].sub_filter.as_deref(), Some("xmldsig"));
    }

    #[test]
    fn xlsx_cells_are_read_but_not_shared_string_indexes() {
        let xlsx = zip_of(&[
            (
                "xl/sharedStrings.xml",
                "<sst><si><t>Virtual Machines</t></si></sst>",
            ),
            (
                "xl/worksheets/sheet1.xml",
                "<worksheet><sheetData><row><c t=\"s\"><v>0</v></c><c><v>1234.56</v></c><c t=\"inlineStr\"><is><t>Contoso</t></is></c></row></sheetData></worksheet>",
            ),
        ]);
        let (_, text) = inspect(&xlsx, Detected::Xlsx);
        let text = text.unwrap();
        assert!(text.contains("Virtual Machines"));
        assert!(text.contains("1234.56"));
        assert!(text.contains("Contoso"));
        assert!(!text.contains(" 0 "), "{text:?}");
    }
}
