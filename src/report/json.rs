//! `--format json`: the shape of spec/cli.md ("JSON output").

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use std::cell::RefCell;

use serde::ser::{Error as _, SerializeSeq};

use crate::engine::{Counts, FileReport, ReportSource};

#[derive(Serialize)]
#[serde(bound = "R: ReportSource")]
struct JsonReport<'a, R: ?Sized> {
    version: u32,
    today: String,
    files: Files<'a, R>,
    summary: Summary,
}

/// The files, each turned into its JSON shape only as it is written (and,
/// from a streamed run, read back only then): the report is never held
/// twice, nor whole.
struct Files<'a, R: ?Sized>(&'a R);

impl<R: ReportSource + ?Sized> Serialize for Files<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let seq = RefCell::new(serializer.serialize_seq(None)?);
        // The serializer's own error is kept to be given back as it was;
        // the source's (a temporary file that cannot be read) is told in
        // words.
        let mut failed = None;
        let read = self.0.each_file(&mut |f| {
            seq.borrow_mut()
                .serialize_element(&JsonFile::of(f))
                .map_err(|e| {
                    failed = Some(e);
                    std::io::Error::other("the report could not be written")
                })
        });
        if let Some(e) = failed {
            return Err(e);
        }
        read.map_err(S::Error::custom)?;
        seq.into_inner().end()
    }
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    kind: Option<&'static str>,
    status: &'static str,
    diagnostics: Diagnostics<'a>,
}

impl<'a> JsonFile<'a> {
    fn of(f: &'a FileReport) -> Self {
        JsonFile {
            path: &f.source.display,
            kind: f.kind.map(crate::decode::StrEnum::as_str),
            status: f.status().as_str(),
            diagnostics: Diagnostics(f),
        }
    }
}

/// One file's findings, each turned into its JSON shape as it is written.
struct Diagnostics<'a>(&'a FileReport);

impl Serialize for Diagnostics<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.findings.iter().map(|d| diagnostic(self.0, d)))
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    field: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    ok: usize,
    warnings: usize,
    errors: usize,
}

/// The JSON document for a report, pretty-printed.
pub fn render<R: ReportSource + ?Sized>(report: &R, today: NaiveDate) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(report, today, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the JSON document straight to `out`, without building it in
/// memory first (a report of thousands of files stays small).
///
/// The same bytes as `serde_json::to_writer_pretty` of [`value`] (a test
/// holds them to it), but each file is rendered on its own
/// ([`ReportSource::each_rendered`]: in parallel for a streamed run) and
/// indented to its place in the `files` array; only the few lines
/// around the files are written here.
pub fn write<R: ReportSource + ?Sized>(
    report: &R,
    today: NaiveDate,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::with_capacity(super::OUTPUT_BUFFER, out);
    let today = serde_json::to_string(&today.to_string())?;
    write!(
        out,
        "{{\n  \"version\": 1,\n  \"today\": {today},\n  \"files\": ["
    )?;
    let mut first = true;
    report.each_rendered(&|f| nested(&JsonFile::of(f), 2), &mut |file| {
        out.write_all(if first { b"\n    " } else { b",\n    " })?;
        first = false;
        out.write_all(file)
    })?;
    if !first {
        out.write_all(b"\n  ")?;
    }
    let summary = nested(&Summary::of(report.counts()), 1);
    out.write_all(b"],\n  \"summary\": ")?;
    out.write_all(&summary)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// `value` pretty-printed as it reads `depth` levels deep in a document
/// indented by two spaces (inside the `files` array: depth 2), written
/// straight at that indentation: nothing is re-indented afterwards.
pub(crate) fn nested<T: Serialize>(value: &T, depth: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(2048);
    nested_into(&mut out, value, depth);
    out
}

/// [`nested`], appended to `out`.
pub(crate) fn nested_into<T: Serialize>(out: &mut Vec<u8>, value: &T, depth: usize) {
    let mut serializer = serde_json::Serializer::with_formatter(out, Indented::at(depth));
    // Serializing into a Vec fails only for a value serde_json cannot
    // represent (a map with non-string keys): none is written here.
    let _ = value.serialize(&mut serializer);
}

/// serde_json's `PrettyFormatter` (two spaces a level), starting at a
/// given depth, and writing each line's indentation in one piece:
/// `PrettyFormatter` writes it two bytes at a time, a tenth of writing a
/// report of thousands of files. Unit tests hold the output to
/// `to_vec_pretty` byte for byte.
struct Indented {
    level: usize,
    has_value: bool,
}

impl Indented {
    fn at(level: usize) -> Self {
        Indented {
            level,
            has_value: false,
        }
    }

    /// A line break and the indentation of the current level.
    fn line<W: ?Sized + std::io::Write>(&self, writer: &mut W) -> std::io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        writer.write_all(b"\n")?;
        let mut left = self.level * 2;
        while left > 0 {
            let n = left.min(SPACES.len());
            writer.write_all(&SPACES[..n])?;
            left -= n;
        }
        Ok(())
    }
}

impl Indented {
    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    /// `]` or `}`, on a line of its own when something was written in it.
    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(writer)?;
        }
        writer.write_all(bracket)
    }

    /// An element or a key: after a comma unless first, on a new line.
    fn item<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.line(writer)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The JSON document for a report, as a value (for commands that embed it).
pub fn value<R: ReportSource + ?Sized>(report: &R, today: NaiveDate) -> serde_json::Value {
    serde_json::to_value(document(report, today))
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }))
}

fn document<R: ReportSource + ?Sized>(report: &R, today: NaiveDate) -> JsonReport<'_, R> {
    JsonReport {
        version: 1,
        today: today.to_string(),
        files: Files(report),
        summary: Summary::of(report.counts()),
    }
}

impl Summary {
    fn of(counts: Counts) -> Self {
        let Counts {
            files,
            ok,
            warnings,
            errors,
        } = counts;
        Summary {
            files,
            ok,
            warnings,
            errors,
        }
    }
}

fn diagnostic<'a>(f: &'a FileReport, d: &'a crate::diag::Finding) -> JsonDiagnostic<'a> {
    let pos = f.position(d);
    JsonDiagnostic {
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        field: d.field.as_deref().filter(|f| !f.is_empty()),
        line: pos.map(|p| p.line),
        column: pos.map(|p| p.column),
        help: d.help.as_deref(),
    }
}

/// One file's findings in the shape of the report's `diagnostics` (for
/// claim.json).
pub fn file_diagnostics(f: &FileReport) -> serde_json::Value {
    serde_json::to_value(Diagnostics(f)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Report, tests::fixture_report};

    /// The hand-assembled document is byte for byte what serde_json's
    /// pretty printer makes of the whole document: for every rule
    /// fixture (findings with and without help, line and field; files
    /// without a kind), and for a report of no files (`"files": []`).
    #[test]
    fn the_written_document_is_serde_jsons_pretty_print() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let report = fixture_report();
        assert!(report.files.iter().any(|f| f.kind.is_none()));
        assert!(report.files.iter().any(|f| f.findings.len() > 2));
        for report in [report, Report { files: Vec::new() }] {
            let expected = serde_json::to_string_pretty(&value(&report, today)).unwrap() + "\n";
            assert_eq!(render(&report, today), expected);
        }
    }

    /// `Indented` at depth 0 is serde_json's pretty printer; at depth N it
    /// is the same text with every line break followed by N levels of
    /// indentation (empty arrays and objects, strings holding an escaped
    /// line break, and nesting deeper than its 64 spaces included).
    #[test]
    fn indented_is_the_pretty_printer_at_any_depth() {
        let shapes = serde_json::json!({
            "a": [], "b": {}, "c": [1, {"d": [[[]]], "e": "x\ny"}], "f": null
        });
        let mut deep = serde_json::json!(1);
        for _ in 0..40 {
            deep = serde_json::json!([deep, {"k": []}]);
        }
        for value in [shapes, deep] {
            let flat = String::from_utf8(serde_json::to_vec_pretty(&value).unwrap()).unwrap();
            for depth in [0, 1, 2, 4, 33] {
                let newline = format!("\n{}", " ".repeat(depth * 2));
                let written = String::from_utf8(nested(&value, depth)).unwrap();
                assert_eq!(written, flat.replace('\n', &newline), "depth {depth}");
            }
        }
    }
}
