//! `claimtool init`: a workspace to start from. A `claimtool.toml` with the
//! partner section commented, and one example claim of each kind with
//! placeholder documents, which validate cleanly apart from the
//! `document-placeholder` warnings that say which files to replace.
//!
//! [`files`] is pure (paths and contents); the command writes them.

use std::path::PathBuf;

use crate::schema::{SchemaTarget, schema_text};

/// One file `init` writes, relative to the target folder.
pub struct InitFile {
    pub path: PathBuf,
    pub contents: Vec<u8>,
}

/// Every file of a new workspace.
pub fn files() -> Vec<InitFile> {
    let text = |path: &str, contents: &str| InitFile {
        path: PathBuf::from(path),
        contents: contents.as_bytes().to_vec(),
    };
    let mut files = vec![
        text("claimtool.toml", include_str!("claimtool.toml")),
        text(
            "claims/cpor-example.toml",
            include_str!("cpor-example.toml"),
        ),
        InitFile {
            path: PathBuf::from("claims/documents/cpor-sow-signed.pdf"),
            contents: placeholder_pdf("Statement of Work, signed by the customer"),
        },
        text(
            "claims/coop-example.toml",
            include_str!("coop-example.toml"),
        ),
        InitFile {
            path: PathBuf::from("claims/documents/coop-invoice.pdf"),
            contents: placeholder_pdf("the supplier's invoice, with its number and total"),
        },
        InitFile {
            path: PathBuf::from("claims/documents/coop-payment-receipt.pdf"),
            contents: placeholder_pdf("the proof that the invoice was paid"),
        },
        InitFile {
            path: PathBuf::from("claims/documents/coop-campaign-screenshot.pdf"),
            contents: placeholder_pdf("a screenshot that shows the activity ran"),
        },
        text(
            "claims/plfunding-example.toml",
            include_str!("plfunding-example.toml"),
        ),
        InitFile {
            path: PathBuf::from("claims/documents/plfunding-sow-signed.pdf"),
            contents: placeholder_pdf(
                "Statement of Work for the engagement, signed by the customer",
            ),
        },
        text(
            "claims/score-example.toml",
            include_str!("score-example.toml"),
        ),
    ];
    // The schemas the `#:schema` directives point at, for editors.
    for name in SchemaTarget::NAMES {
        if let Some(target) = SchemaTarget::parse(name) {
            files.push(InitFile {
                path: PathBuf::from("schema").join(target.file_name()),
                contents: schema_text(target).into_bytes(),
            });
        }
    }
    files
}

/// A one-page PDF that says it is a placeholder (and carries the marker
/// `document-placeholder` looks for).
pub fn placeholder_pdf(what: &str) -> Vec<u8> {
    let marker = crate::rules::any::document_placeholder::MARKER;
    let lines = [
        marker.to_string(),
        format!("Replace this file with: {what}."),
        "Written by claimtool init so the example claims validate.".to_string(),
    ];
    let escape = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)")
    };
    let content = format!(
        "BT /F1 12 Tf 50 780 Td 16 TL {} ET",
        lines
            .iter()
            .map(|l| format!("({}) '", escape(l)))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_placeholder_is_a_pdf_with_the_marker() {
        let pdf = placeholder_pdf("a signed SOW");
        assert_eq!(
            crate::documents::detect(&pdf),
            crate::documents::Detected::Pdf
        );
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains(crate::rules::any::document_placeholder::MARKER));
    }
}
