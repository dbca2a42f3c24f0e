//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and Azure DevOps.
//! The tool's rules carry their summary, docs and help; each result points
//! at file, line and column. Validated against the published schema in the
//! tests.

use serde::Serialize;
use serde_json::{Value, json};
use std::fmt::Write as _;

use crate::diag::{Finding, Severity};
use crate::engine::{FileReport, ReportSource};
use crate::report::json::nested_into;
use crate::rules;

/// The SARIF document as text.
pub fn render<R: ReportSource + ?Sized>(report: &R) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the SARIF document to `out`: the document around the results
/// is serialized with no results, and each file's results are rendered
/// on their own ([`ReportSource::each_rendered`]: in parallel for a
/// streamed run) and written into its `results` array in order, so a run
/// of thousands of files never holds the whole document. The bytes are
/// serde_json's pretty print of the whole document (a test holds them to
/// it).
pub fn write<R: ReportSource + ?Sized>(
    report: &R,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    use std::io::Write as _;
    /// `results` is the last member of the run, so the array's closing
    /// bracket is followed only by the run's and the document's ends.
    const NO_RESULTS: &[u8] = b"\"results\": []";
    /// The results sit four levels deep: eight spaces, the closing
    /// bracket six.
    const ITEM: &[u8] = b"\n        ";
    let mut out = std::io::BufWriter::with_capacity(super::OUTPUT_BUFFER, out);
    let skeleton = serde_json::to_vec_pretty(&document([(); 0]))?;
    let close = skeleton
        .windows(NO_RESULTS.len())
        .rposition(|w| w == NO_RESULTS)
        .map(|at| at + NO_RESULTS.len() - 1)
        .ok_or_else(|| std::io::Error::other("the SARIF document has no results array"))?;
    out.write_all(&skeleton[..close])?;
    let rule_ids: Vec<&'static str> = rules::all().map(|r| r.id).collect();
    let render_file = |file: &FileReport| {
        let mut results = Vec::new();
        for finding in &file.findings {
            if !results.is_empty() {
                results.push(b',');
            }
            results.extend_from_slice(ITEM);
            nested_into(&mut results, &result(file, finding, &rule_ids), 4);
        }
        results
    };
    let mut any = false;
    report.each_rendered(&render_file, &mut |results| {
        if results.is_empty() {
            return Ok(());
        }
        if any {
            out.write_all(b",")?;
        }
        any = true;
        out.write_all(results)
    })?;
    if any {
        out.write_all(b"\n      ")?;
    }
    out.write_all(&skeleton[close..])?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The SARIF document with `results` as its one run's results.
fn document<T: Serialize>(results: T) -> Document<T> {
    Document {
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
            results,
        }],
    }
}

#[derive(Serialize)]
struct Document<T> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<T>; 1],
}

#[derive(Serialize)]
struct Run<T> {
    tool: Value,
    #[serde(rename = "columnKind")]
    column_kind: &'static str,
    results: T,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Report, tests::fixture_report};

    /// The document assembled around the files' results is byte for byte
    /// serde_json's pretty print of the whole document, results and all:
    /// every rule fixture (with and without line, field and help; files
    /// with no finding between files with some), and a report with no
    /// results at all.
    #[test]
    fn the_written_document_is_serde_jsons_pretty_print() {
        let report = fixture_report();
        assert!(report.files.iter().any(|f| f.findings.is_empty()));
        let rule_ids: Vec<&str> = rules::all().map(|r| r.id).collect();
        for report in [report, Report { files: Vec::new() }] {
            let results: Vec<Value> = report
                .files
                .iter()
                .flat_map(|f| f.findings.iter().map(|d| result(f, d, &rule_ids)))
                .collect();
            let expected = serde_json::to_string_pretty(&document(results)).unwrap() + "\n";
            assert_eq!(render(&report), expected);
        }
    }
}
