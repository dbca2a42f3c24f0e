//! CI annotation formats: GitHub Actions workflow commands and Azure
//! Pipelines logging commands, one line per finding, so findings show up as
//! annotations on the right file and line.

use std::io::{self, Write};

use crate::diag::{Finding, Severity};
use crate::engine::{FileReport, ReportSource};

/// The GitHub lines as text.
pub fn github<R: ReportSource + ?Sized>(report: &R) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write_github(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The Azure lines as text.
pub fn azure<R: ReportSource + ?Sized>(report: &R) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write_azure(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// `::error file=...,line=...,col=...,title=RULE::message`, a line per
/// finding, written as they are made.
pub fn write_github<R: ReportSource + ?Sized>(report: &R, out: impl Write) -> io::Result<()> {
    each_finding(report, out, &|out, file, finding| {
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = vec![format!("file={}", github_property(&file.source.display))];
        if let Some((line, col)) = position(file, finding) {
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
        }
        props.push(format!("title={}", github_property(finding.rule)));
        writeln!(
            out,
            "::{command} {}::{}",
            props.join(","),
            github_data(&message(finding))
        )
    })
}

/// `##vso[task.logissue type=error;sourcepath=...;linenumber=...;columnnumber=...;code=RULE]message`.
/// Azure Pipelines knows only errors and warnings; info findings are left out.
pub fn write_azure<R: ReportSource + ?Sized>(report: &R, out: impl Write) -> io::Result<()> {
    each_finding(report, out, &|out, file, finding| {
        let kind = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => return Ok(()),
        };
        let mut props = vec![
            format!("type={kind}"),
            format!("sourcepath={}", azure_escape(&file.source.display)),
        ];
        if let Some((line, col)) = position(file, finding) {
            props.push(format!("linenumber={line}"));
            props.push(format!("columnnumber={col}"));
        }
        props.push(format!("code={}", azure_escape(finding.rule)));
        writeln!(
            out,
            "##vso[task.logissue {}]{}",
            props.join(";"),
            azure_escape(&message(finding))
        )
    })
}

/// Writes one finding's line (GitHub's or Azure's) into a file's lines.
type LineWriter = dyn Fn(&mut Vec<u8>, &FileReport, &Finding) -> io::Result<()> + Sync;

/// Writes every finding of every file with `line` to `out`, in order.
/// Each file's lines are made on their own (in parallel for a streamed
/// run, [`ReportSource::each_rendered`]), then written in file order.
fn each_finding<R: ReportSource + ?Sized>(
    report: &R,
    out: impl Write,
    line: &LineWriter,
) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(super::OUTPUT_BUFFER, out);
    let render_file = |file: &FileReport| {
        let mut lines = Vec::new();
        for finding in &file.findings {
            // Writing into a Vec cannot fail.
            let _ = line(&mut lines, file, finding);
        }
        lines
    };
    report.each_rendered(&render_file, &mut |lines| out.write_all(lines))?;
    out.flush()
}

fn position(file: &FileReport, finding: &Finding) -> Option<(usize, usize)> {
    file.position(finding).map(|p| (p.line, p.column))
}

/// The message with its help, on one logical line.
fn message(finding: &Finding) -> String {
    match &finding.help {
        Some(help) => format!("{} (help: {help})", finding.message),
        None => finding.message.clone(),
    }
}

/// GitHub's escaping for the message part of a workflow command. Control
/// characters other than line breaks are made visible first
/// ([`crate::term::visible_lines`]): a CI log is read on a terminal too.
fn github_data(text: &str) -> String {
    crate::term::visible_lines(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping for a property value (also `:` and `,`).
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Azure Pipelines' escaping for logging command values and messages
/// (control characters made visible first, as for GitHub).
fn azure_escape(text: &str) -> String {
    crate::term::visible_lines(text)
        .replace('%', "%AZP25")
        .replace(';', "%3B")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
        .replace(']', "%5D")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_one_line_and_the_command_intact() {
        assert_eq!(github_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(github_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(azure_escape("x;y]z%"), "x%3By%5Dz%AZP25");
        assert_eq!(github_data("a\u{1b}[2J\nb"), "a␛[2J%0Ab");
        assert_eq!(azure_escape("a\u{1b}]0;x\u{7}"), "a␛%5D0%3Bx␇");
    }
}
