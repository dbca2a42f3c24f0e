//! `--format junit`: one testsuite, one testcase per file, one `<failure>`
//! per error finding (warnings go to `<system-out>`), readable by Azure
//! DevOps "Publish Test Results", GitLab and Jenkins.

use std::io::Write as _;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::diag::Severity;
use crate::engine::{FileReport, ReportSource};

/// The JUnit XML as text.
pub fn render<R: ReportSource + ?Sized>(report: &R) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the JUnit XML to `out` a test case at a time.
pub fn write<R: ReportSource + ?Sized>(
    report: &R,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    let mut writer = Writer::new_with_indent(std::io::BufWriter::new(out), b' ', 2);
    let counts = report.counts();
    // A file fails when it has an error finding: its status is `error`.
    let failures = counts.errors;
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let tests = counts.files.to_string();
    let failures_text = failures.to_string();
    let mut suites = BytesStart::new("testsuites");
    suites.push_attribute(("name", "claimtool"));
    suites.push_attribute(("tests", tests.as_str()));
    suites.push_attribute(("failures", failures_text.as_str()));
    writer.write_event(Event::Start(suites))?;
    let mut suite = BytesStart::new("testsuite");
    suite.push_attribute(("name", "claimtool validate"));
    suite.push_attribute(("tests", tests.as_str()));
    suite.push_attribute(("failures", failures_text.as_str()));
    suite.push_attribute(("errors", "0"));
    suite.push_attribute(("skipped", "0"));
    writer.write_event(Event::Start(suite))?;
    report.each_file(&mut |file| write_case(&mut writer, file))?;
    writer.write_event(Event::End(BytesEnd::new("testsuite")))?;
    writer.write_event(Event::End(BytesEnd::new("testsuites")))?;
    let mut out = writer.into_inner();
    out.write_all(b"\n")?;
    out.flush()
}

fn write_case<W: std::io::Write>(writer: &mut Writer<W>, file: &FileReport) -> std::io::Result<()> {
    let mut case = BytesStart::new("testcase");
    let kind = file.kind.map_or("unknown", crate::decode::StrEnum::as_str);
    let classname = format!("claimtool.{kind}");
    case.push_attribute(("name", file.source.display.as_str()));
    case.push_attribute(("classname", classname.as_str()));
    case.push_attribute(("file", file.source.display.as_str()));
    writer.write_event(Event::Start(case))?;
    let mut notes = Vec::new();
    for finding in &file.findings {
        let place = file.position(finding).map_or(String::new(), |p| {
            format!("{}:{}:{}: ", file.source.display, p.line, p.column)
        });
        let help = finding
            .help
            .as_ref()
            .map_or(String::new(), |h| format!("\nhelp: {h}"));
        let text = format!(
            "{place}{}[{}]: {}{help}",
            finding.severity, finding.rule, finding.message
        );
        if finding.severity == Severity::Error {
            let mut failure = BytesStart::new("failure");
            failure.push_attribute(("message", finding.message.as_str()));
            failure.push_attribute(("type", finding.rule));
            writer.write_event(Event::Start(failure))?;
            writer.write_event(Event::Text(BytesText::new(&text)))?;
            writer.write_event(Event::End(BytesEnd::new("failure")))?;
        } else {
            notes.push(text);
        }
    }
    if !notes.is_empty() {
        writer.write_event(Event::Start(BytesStart::new("system-out")))?;
        writer.write_event(Event::Text(BytesText::new(&notes.join("\n"))))?;
        writer.write_event(Event::End(BytesEnd::new("system-out")))?;
    }
    writer.write_event(Event::End(BytesEnd::new("testcase")))
}
