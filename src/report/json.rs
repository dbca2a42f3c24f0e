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
            let file = JsonFile {
                path: &f.source.display,
                kind: f.kind.map(crate::decode::StrEnum::as_str),
                status: f.status().as_str(),
                diagnostics: Diagnostics(f),
            };
            seq.borrow_mut().serialize_element(&file).map_err(|e| {
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
pub fn write<R: ReportSource + ?Sized>(
    report: &R,
    today: NaiveDate,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &document(report, today))?;
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out)
}

/// The JSON document for a report, as a value (for commands that embed it).
pub fn value<R: ReportSource + ?Sized>(report: &R, today: NaiveDate) -> serde_json::Value {
    serde_json::to_value(document(report, today))
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }))
}

fn document<R: ReportSource + ?Sized>(report: &R, today: NaiveDate) -> JsonReport<'_, R> {
    let Counts {
        files,
        ok,
        warnings,
        errors,
    } = report.counts();
    JsonReport {
        version: 1,
        today: today.to_string(),
        files: Files(report),
        summary: Summary {
            files,
            ok,
            warnings,
            errors,
        },
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
