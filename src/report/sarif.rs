//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and Azure DevOps.
//! The tool's rules carry their summary, docs and help; each result points
//! at file, line and column. Validated against the published schema in the
//! tests.

use serde_json::{Value, json};

use crate::diag::Severity;
use crate::engine::Report;
use crate::rules;

pub fn render(report: &Report) -> String {
    let rule_ids: Vec<&'static str> = rules::all().map(|r| r.id).collect();
    let rules_json: Vec<Value> = rules::all()
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
        .collect();
    let mut results = Vec::new();
    for file in &report.files {
        for finding in &file.findings {
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
                location["logicalLocations"] =
                    json!([{ "fullyQualifiedName": field, "kind": "member" }]);
            }
            let mut text = finding.message.clone();
            if let Some(help) = &finding.help {
                text.push_str(&format!(" (help: {help})"));
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
            results.push(result);
        }
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "claimtool",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/claimtool/claimtool",
                    "rules": rules_json,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
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
