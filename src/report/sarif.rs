//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and Azure DevOps.
//! The tool's rules carry their summary, docs and help; each result points
//! at file, line and column. Validated against the published schema in the
//! tests.

use serde::Serialize;
use serde::ser::SerializeSeq;
use serde_json::{Value, json};
use std::fmt::Write as _;

use crate::diag::{Finding, Severity};
use crate::engine::{FileReport, ReportSource};
use crate::rules;

/// The SARIF document as text.
pub fn render<R: ReportSource + ?Sized>(report: &R) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the SARIF document to `out` as it is serialized: each result is
/// built, written and dropped in turn, so a run of thousands of files never
/// holds the whole document.
pub fn write<R: ReportSource + ?Sized>(
    report: &R,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    let doc = Document {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: json!({
                "driver": {
                    "name": "claimtool",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/claimtool/claimtool",
                    "rules": rules_json(),
                }
            }),
            column_kind: "unicodeCodePoints",
            results: Results(report),
        }],
    };
    serde_json::to_writer_pretty(&mut out, &doc)?;
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out)
}

#[derive(Serialize)]
#[serde(bound = "R: ReportSource")]
struct Document<'a, R: ?Sized> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a, R>; 1],
}

#[derive(Serialize)]
#[serde(bound = "R: ReportSource")]
struct Run<'a, R: ?Sized> {
    tool: Value,
    #[serde(rename = "columnKind")]
    column_kind: &'static str,
    results: Results<'a, R>,
}

/// Every finding of the report, serialized one at a time (and, from a
/// streamed run, read back file by file).
struct Results<'a, R: ?Sized>(&'a R);

impl<R: ReportSource + ?Sized> Serialize for Results<'_, R> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error as _;
        let rule_ids: Vec<&'static str> = rules::all().map(|r| r.id).collect();
        let seq = std::cell::RefCell::new(serializer.serialize_seq(None)?);
        // The serializer's own error is given back as it was; the
        // source's is told in words.
        let mut failed = None;
        let read = self.0.each_file(&mut |file| {
            for finding in &file.findings {
                let element = result(file, finding, &rule_ids);
                if let Err(e) = seq.borrow_mut().serialize_element(&element) {
                    failed = Some(e);
                    return Err(std::io::Error::other("the report could not be written"));
                }
            }
            Ok(())
        });
        if let Some(e) = failed {
            return Err(e);
        }
        read.map_err(S::Error::custom)?;
        seq.into_inner().end()
    }
}

fn rules_json() -> Vec<Value> {
    rules::all()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.docs.trim() },
                "help": { "text": r.docs.trim(), "markdown": r.docs.trim() },
                "defaultConfiguration": { "level": level(r.default_severity) },
                "properties": { "source": r.source, "appliesTo": r.scope() },
            })
        })
        .collect()
}

/// One SARIF result: the finding at its file, line, column and field.
fn result(file: &FileReport, finding: &Finding, rule_ids: &[&str]) -> Value {
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&file.source.display) },
        }
    });
    if let Some(p) = file.position(finding) {
        location["physicalLocation"]["region"] = json!({
            "startLine": p.line,
            "startColumn": p.column,
            "endLine": p.end_line,
            "endColumn": p.end_column.max(p.column),
        });
    }
    if let Some(field) = finding.field.as_deref().filter(|f| !f.is_empty()) {
        location["logicalLocations"] = json!([{ "fullyQualifiedName": field, "kind": "member" }]);
    }
    let mut text = finding.message.clone();
    if let Some(help) = &finding.help {
        let _ = write!(text, " (help: {help})");
    }
    let mut result = json!({
        "ruleId": finding.rule,
        "level": level(finding.severity),
        "message": { "text": text },
        "locations": [location],
    });
    if let Some(index) = rule_ids.iter().position(|id| *id == finding.rule) {
        result["ruleIndex"] = json!(index);
    }
    result
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a path as shown to the user.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    path.split('/')
        .map(|seg| {
            seg.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b':' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/")
}
