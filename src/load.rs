//! Loading one claim file: bytes → text → TOML → typed [`Claim`].
//!
//! Never fails: every problem (too large, not UTF-8, bad TOML, no `kind`,
//! unknown or missing fields) becomes a finding of the file, and whatever
//! could be decoded is still returned so the rules can check it.

use std::path::Path;

use crate::toml_tree::{Map, Node, Value};

use crate::decode::{StrEnum, Table, nearest};
use crate::diag::Finding;
use crate::model::{Claim, Kind, decode_claim};
use crate::rules::any::{file_too_large, syntax, unknown_kind};
use crate::source::SourceFile;

/// A loaded file: its source, its kind when known, the decoded claim when
/// the TOML could be parsed, and the loader's findings.
#[derive(Debug)]
pub struct Loaded {
    /// The file is an engagement catalogue (no `kind`, a top-level
    /// `[[engagement]]` list), not a claim: `validate` leaves it out.
    pub is_catalog: bool,
    pub source: SourceFile,
    pub kind: Option<Kind>,
    pub claim: Option<Claim>,
    pub findings: Vec<Finding>,
}

/// Reads and loads `path`; `display` is how reports name it. Only an I/O
/// error (the file vanished, no permission) is an `Err`.
pub fn load_path(path: &Path, display: &str) -> std::io::Result<Loaded> {
    // The one bounded reader: a FIFO or device is refused before it is
    // opened, a huge file before it is read.
    let read =
        crate::fsutil::read_bounded(path, file_too_large::MAX_CLAIM_FILE_BYTES, "a claim file");
    loaded_from(read, path, display)
}

/// [`load_path`] for a file to check: one the caller has already found to
/// be a regular file is opened without a second look-up.
pub fn load_input(input: &crate::engine::Input) -> std::io::Result<Loaded> {
    if !input.regular {
        return load_path(&input.path, &input.display);
    }
    let read = crate::fsutil::read_bounded_regular(
        &input.path,
        file_too_large::MAX_CLAIM_FILE_BYTES,
        "a claim file",
    );
    loaded_from(read, &input.path, &input.display)
}

fn loaded_from(
    read: Result<Vec<u8>, crate::fsutil::ReadError>,
    path: &Path,
    display: &str,
) -> std::io::Result<Loaded> {
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(crate::fsutil::ReadError::TooLarge { size, .. }) => {
            return Ok(too_large(path, display, size));
        }
        Err(crate::fsutil::ReadError::Io { source, .. }) => return Err(source),
        Err(e) => return Err(std::io::Error::other(e.to_string())),
    };
    Ok(load_bytes(bytes, path, display))
}

/// The `file-too-large` finding for a claim file of `size` bytes.
fn too_large(path: &Path, display: &str, size: u64) -> Loaded {
    let source = SourceFile::new(display, path, String::new());
    let finding = Finding::new(
        &file_too_large::RULE,
        format!(
            "the file is {} bytes; a claim file is at most {} bytes",
            size,
            file_too_large::MAX_CLAIM_FILE_BYTES
        ),
    )
    .help("move it out of the claims folder, or reference it as a document");
    Loaded {
        is_catalog: false,
        source,
        kind: None,
        claim: None,
        findings: vec![finding],
    }
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
                is_catalog: false,
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
    let Decoded {
        kind,
        claim,
        findings,
        is_catalog,
    } = decode(&source.text);
    Loaded {
        is_catalog,
        source,
        kind,
        claim,
        findings,
    }
}

/// What [`decode`] made of a text.
struct Decoded {
    kind: Option<Kind>,
    claim: Option<Claim>,
    findings: Vec<Finding>,
    is_catalog: bool,
}

fn decode(text: &str) -> Decoded {
    let mut out = Vec::new();
    let failed = |findings, is_catalog| Decoded {
        kind: None,
        claim: None,
        findings,
        is_catalog,
    };
    let (doc, errors) = crate::toml_tree::parse_recoverable(text);
    if !errors.is_empty() {
        for e in errors.iter().take(10) {
            let mut f = Finding::new(&syntax::RULE, e.message().to_string())
                .help("correct the TOML at this position");
            f.span = e.span();
            out.push(f);
        }
        return failed(out, false);
    }
    let is_catalog = is_engagement_catalog(&doc);
    // The span-keeping parser leaves the range checks of number literals
    // (an integer like `0x` with no digits, one beyond 64 bits) to
    // deserialization; do them here, as the deserializer would.
    check_number_literals(&doc, &mut out);
    if !out.is_empty() {
        return failed(out, is_catalog);
    }
    let mut root = Table::root(&doc);
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
        return failed(out, is_catalog);
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
        return failed(out, is_catalog);
    };
    let claim = decode_claim(kind, &mut root, &mut out);
    root.finish(&mut out);
    Decoded {
        kind: Some(kind),
        claim: Some(claim),
        findings: out,
        is_catalog,
    }
}

/// Whether a parsed file is an engagement catalogue: no `kind`, and a
/// top-level `[[engagement]]` list.
fn is_engagement_catalog(doc: &Map<'_>) -> bool {
    !doc.contains_key("kind")
        && doc
            .get("engagement")
            .is_some_and(|v| v.get_ref().as_array().is_some())
}

/// A `syntax` finding for every integer or float literal that does not fit
/// its type (what `toml`'s deserializer would refuse).
fn check_number_literals(table: &Map<'_>, out: &mut Vec<Finding>) {
    for (_, value) in table {
        check_value(value, out);
    }
}

fn check_value(value: &Node<'_>, out: &mut Vec<Finding>) {
    let problem = match value.get_ref() {
        Value::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .is_err()
            .then(|| format!("invalid integer `{i}`")),
        Value::Float(f) => {
            let text: &str = f;
            let ok = text
                .parse::<f64>()
                .is_ok_and(|v| v.is_finite() || text.contains("inf") || text.contains("nan"));
            (!ok).then(|| format!("invalid number `{text}`"))
        }
        Value::Array(items) => {
            for item in items {
                check_value(item, out);
            }
            None
        }
        Value::Table(table) => {
            check_number_literals(table, out);
            None
        }
        _ => None,
    };
    if let Some(message) = problem {
        out.push(
            Finding::new(&syntax::RULE, message)
                .at_span("", value.span())
                .help("write a number TOML accepts, e.g. 42, 0x2A, 3.5"),
        );
    }
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
