//! Loading one claim file: bytes → text → TOML → typed [`Claim`].
//!
//! Never fails: every problem (too large, not UTF-8, bad TOML, no `kind`,
//! unknown or missing fields) becomes a finding of the file, and whatever
//! could be decoded is still returned so the rules can check it.

use std::path::Path;

use toml::de::DeTable;

use crate::decode::{StrEnum, Table, nearest};
use crate::diag::Finding;
use crate::model::{Claim, Kind, decode_claim};
use crate::rules::any::{file_too_large, syntax, unknown_kind};
use crate::source::SourceFile;

/// A loaded file: its source, its kind when known, the decoded claim when
/// the TOML could be parsed, and the loader's findings.
#[derive(Debug)]
pub struct Loaded {
    pub source: SourceFile,
    pub kind: Option<Kind>,
    pub claim: Option<Claim>,
    pub findings: Vec<Finding>,
}

/// Reads and loads `path`; `display` is how reports name it. Only an I/O
/// error (the file vanished, no permission) is an `Err`.
pub fn load_path(path: &Path, display: &str) -> std::io::Result<Loaded> {
    let meta = std::fs::metadata(path)?;
    if meta.len() > file_too_large::MAX_CLAIM_FILE_BYTES {
        let source = SourceFile::new(display, path, String::new());
        let finding = Finding::new(
            &file_too_large::RULE,
            format!(
                "the file is {} bytes; a claim file is at most {} bytes",
                meta.len(),
                file_too_large::MAX_CLAIM_FILE_BYTES
            ),
        )
        .help("move it out of the claims folder, or reference it as a document");
        return Ok(Loaded {
            source,
            kind: None,
            claim: None,
            findings: vec![finding],
        });
    }
    let bytes = std::fs::read(path)?;
    Ok(load_bytes(bytes, path, display))
}

/// Loads a claim from bytes (not UTF-8 is a `syntax` finding).
pub fn load_bytes(bytes: Vec<u8>, path: &Path, display: &str) -> Loaded {
    match String::from_utf8(bytes) {
        Ok(text) => load_text(text, path, display),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            // Keep the valid prefix as the text so the position can be shown.
            let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let source = SourceFile::new(display, path, text);
            let finding = Finding::new(
                &syntax::RULE,
                format!("the file is not UTF-8 (invalid byte at offset {valid})"),
            )
            .at_span("", valid..valid)
            .help("save the file as UTF-8");
            Loaded {
                source,
                kind: None,
                claim: None,
                findings: vec![finding],
            }
        }
    }
}

/// Loads a claim from text.
pub fn load_text(text: String, path: &Path, display: &str) -> Loaded {
    let source = SourceFile::new(display, path, text);
    let (kind, claim, findings) = decode(&source.text);
    Loaded {
        source,
        kind,
        claim,
        findings,
    }
}

fn decode(text: &str) -> (Option<Kind>, Option<Claim>, Vec<Finding>) {
    let mut out = Vec::new();
    let (doc, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for e in errors.iter().take(10) {
            let mut f = Finding::new(&syntax::RULE, e.message().to_string())
                .help("correct the TOML at this position");
            f.span = e.span();
            out.push(f);
        }
        return (None, None, out);
    }
    // The span-keeping parser leaves some literal checks (an integer like
    // `0x` with no digits) to deserialization; run the full one too.
    if let Err(e) = toml::from_str::<toml::Table>(text) {
        let mut f = Finding::new(&syntax::RULE, e.message().to_string())
            .help("correct the TOML at this position");
        f.span = e.span();
        out.push(f);
        return (None, None, out);
    }
    let mut root = Table::root(doc.get_ref());
    let Some(kind_value) = root.get("kind") else {
        out.push(
            Finding::new(&unknown_kind::RULE, "the file has no `kind`")
                .at_span("kind", 0..0)
                .label("`kind` expected here")
                .help(format!(
                    "add `kind = \"cpor\"` at the top (one of {})",
                    Kind::allowed()
                )),
        );
        return (None, None, out);
    };
    let kind_text = kind_value.get_ref().as_str().unwrap_or("");
    let Some(kind) = Kind::parse(kind_text) else {
        let mut f = Finding::new(
            &unknown_kind::RULE,
            format!("`kind` must be one of {}", Kind::allowed()),
        )
        .at_span("kind", kind_value.span())
        .label("unknown claim kind");
        if let Some(near) = nearest(kind_text, Kind::ALL.iter().map(|k| k.as_str())) {
            f = f.help(format!("did you mean \"{near}\"?"));
        }
        out.push(f);
        return (None, None, out);
    };
    let claim = decode_claim(kind, &mut root, &mut out);
    root.finish(&mut out);
    (Some(kind), Some(claim), out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Loaded {
        load_text(text.to_string(), Path::new("c.toml"), "c.toml")
    }

    #[test]
    fn no_kind_and_bad_kind_are_unknown_kind() {
        assert_eq!(load("a = 1\n").findings[0].rule, "unknown-kind");
        let l = load("kind = \"cpr\"\n");
        assert_eq!(l.findings[0].rule, "unknown-kind");
        assert_eq!(
            l.findings[0].help.as_deref(),
            Some("did you mean \"cpor\"?")
        );
    }

    #[test]
    fn broken_toml_is_syntax_with_a_place() {
        let l = load("kind = \"cpor\"\nclaim_name = \"x\n");
        assert_eq!(l.findings[0].rule, "syntax");
        assert!(l.findings[0].span.is_some());
    }

    #[test]
    fn invalid_utf8_is_syntax() {
        let l = load_bytes(b"kind = \"\xff\"".to_vec(), Path::new("c.toml"), "c.toml");
        assert_eq!(l.findings[0].rule, "syntax");
        assert_eq!(l.source.line_col(8), (1, 9));
    }
}
