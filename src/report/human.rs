//! rustc-style human output: one block per finding with the source line and
//! carets under the value, then a summary line.

use std::io::Write as _;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use crate::diag::{Finding, Severity};
use crate::engine::{FileReport, Report, Status};

/// Options for the human renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    /// ANSI colours (a terminal, not under `NO_COLOR`).
    pub color: bool,
    /// Hide info findings (`--quiet`).
    pub quiet: bool,
}

/// All findings of all files, then the summary line.
pub fn render(report: &Report, options: HumanOptions) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(report, options, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the findings and the summary line to `out` one block at a time,
/// so a report of thousands of files is never held as one text.
pub fn write(
    report: &Report,
    options: HumanOptions,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    for file in &report.files {
        for finding in &file.findings {
            if options.quiet && finding.severity == Severity::Info {
                continue;
            }
            writeln!(out, "{}\n", render_finding(file, finding, options.color))?;
        }
    }
    writeln!(out, "{}", summary(report))?;
    out.flush()
}

/// `3 files: 1 ready, 1 with warnings, 1 with errors`.
pub fn summary(report: &Report) -> String {
    let n = report.files.len();
    format!(
        "{n} file{}: {} ready, {} with warnings, {} with errors",
        if n == 1 { "" } else { "s" },
        report.count(Status::Ok),
        report.count(Status::Warning),
        report.count(Status::Error)
    )
}

/// One finding in the rustc style.
pub fn render_finding(file: &FileReport, finding: &Finding, color: bool) -> String {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let title = level
        .primary_title(finding.message.as_str())
        .id(finding.rule);
    let source = &file.source;
    let mut group = title.element(match &finding.span {
        Some(span) if !source.text.is_empty() => {
            let span = source.clamp(span);
            // Show only the lines the span covers (rustc folds the rest).
            let (line, _) = source.line_col(span.start);
            let (end_line, _) = source.line_col(span.end);
            let start = source.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
            let end = source.text[span.end..]
                .find('\n')
                .map_or(source.text.len(), |i| span.end + i);
            let _ = end_line;
            let mut annotation = AnnotationKind::Primary.span(span.start - start..span.end - start);
            if let Some(label) = &finding.label {
                annotation = annotation.label(label.as_ref());
            }
            annotate_snippets::Element::from(
                Snippet::source(&source.text[start..end])
                    .line_start(line)
                    .path(source.display.as_str())
                    .annotation(annotation),
            )
        }
        _ => annotate_snippets::Element::from(annotate_snippets::Origin::path(
            source.display.as_str(),
        )),
    });
    if let Some(help) = &finding.help {
        group = group.element(Level::HELP.message(help.as_ref()));
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[group])
}
