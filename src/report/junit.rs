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

/// Writes the JUnit XML to `out` a test case at a time: each file's test
/// case is rendered on its own ([`ReportSource::each_rendered`]: in
/// parallel for a streamed run), then written in order.
pub fn write<R: ReportSource + ?Sized>(
    report: &R,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    write_with(report, out, |writer| {
        report.each_rendered(&case_bytes, &mut |case| writer.get_mut().write_all(case))
    })
}

/// One file's test case as it reads inside the document: the writer is
/// taken two elements deep first, so the case is indented as it is in
/// the whole document (the text of a failure is never re-indented).
fn case_bytes(file: &FileReport) -> Vec<u8> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail.
    let _ = writer.write_event(Event::Start(BytesStart::new("testsuites")));
    let _ = writer.write_event(Event::Start(BytesStart::new("testsuite")));
    let start = writer.get_ref().len();
    let _ = write_case(&mut writer, file);
    writer.into_inner().split_off(start)
}

/// The document around the test cases, which `cases` writes.
fn write_with<R: ReportSource + ?Sized, W: std::io::Write>(
    report: &R,
    out: W,
    cases: impl FnOnce(&mut Writer<std::io::BufWriter<W>>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut writer = Writer::new_with_indent(
        std::io::BufWriter::with_capacity(super::OUTPUT_BUFFER, out),
        b' ',
        2,
    );
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
    cases(&mut writer)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Report, tests::fixture_report};

    /// Test cases rendered on their own and joined are byte for byte what
    /// one writer makes of the whole document: every rule fixture
    /// (failures, notes of several lines), and a report of no files.
    #[test]
    fn cases_rendered_apart_read_as_one_writer_writes_them() {
        let report = fixture_report();
        for report in [report, Report { files: Vec::new() }] {
            let mut expected = Vec::new();
            write_with(&report, &mut expected, |writer| {
                report.each_file(&mut |file| write_case(writer, file))
            })
            .unwrap();
            assert_eq!(render(&report), String::from_utf8(expected).unwrap());
        }
    }
}
