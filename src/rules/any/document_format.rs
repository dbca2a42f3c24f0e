//! `document-format`: a file type Partner Center does not accept, or content
//! that does not match the extension.

use std::path::Path;

use crate::diag::{Finding, Severity};
use crate::documents::{ACCEPTED_EXTENSIONS, DocRead};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "document-format",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a document's type (by content) is not one Partner Center accepts, or does not match its extension",
    source: "F§1.22 (accepted upload types), plus eml and tif",
    docs: "Accepted: pdf, doc/docx, xls/xlsx, csv, ppt/pptx, msg, eml, rtf, htm/html, \
mht, xps, png, jpg/jpeg/jpe/jfif, gif, tif/tiff, bmp/dib. The type is read from the \
file's content, not only its name: a screenshot saved as `.pdf` fails to open for the \
reviewer, and an `.exe` or `.zip` is refused at upload.\n\nHow to fix: export the \
document in an accepted format (Print to PDF works for most), and give it the \
extension that matches its content.",
    check: Check::Claim(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for doc in ctx.claim.documents() {
        let Some(path) = &doc.path else { continue };
        let ext = Path::new(&path.value)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .unwrap_or_default();
        if !ACCEPTED_EXTENSIONS.contains(&ext.as_str()) {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "Partner Center does not accept {} files",
                        if ext.is_empty() {
                            "extension-less".to_string()
                        } else {
                            format!(".{ext}")
                        }
                    ),
                )
                .at(path)
                .label("not an accepted file type")
                .help(format!(
                    "convert it to one of: {}",
                    ACCEPTED_EXTENSIONS.join(", ")
                )),
            );
            continue;
        }
        let read = ctx.document(&path.value);
        let DocRead::Ok(info) = &*read else { continue };
        if info.size == 0 {
            continue;
        }
        if info.detected.matches_extension(&ext) == Some(false) {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "`{}` is named .{ext} but its content is {}",
                        path.value,
                        info.detected.name()
                    ),
                )
                .at(path)
                .label(format!("content is {}", info.detected.name()))
                .help("save or export the document in the format its name says, or rename it to match its content"),
            );
        }
    }
}
