//! rustc-style human output: one block per finding with the source line and
//! carets under the value, then a summary line.
//!
//! Data flow: [`write`] walks the findings of each file in order (they are
//! sorted by position) with a [`Cursor`] that remembers the line and column
//! of the previous finding, so placing every finding costs the text between
//! it and the previous one, not the text from the start of the file: a
//! report stays linear in its findings even with 100,000 of them on one
//! line. Each finding shows at most [`CONTEXT_CHARS`] characters of its line
//! on either side of the value and [`term::QUOTE_CHARS`] of the value
//! itself, cut with `…`. Every user-controlled string (message, label, help,
//! path) goes through [`term::visible`], so no control character reaches
//! the terminal; annotate-snippets does the same for the source lines.

use std::io::Write as _;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Element, Level, Origin, Renderer, Snippet};

use crate::diag::{Finding, Severity};
use crate::engine::{FileReport, ReportSource};
use crate::source::SourceFile;
use crate::term;

/// How many characters of a long line are shown before and after a value.
pub const CONTEXT_CHARS: usize = 60;

/// A multi-line value is shown whole when its lines hold at most this many
/// bytes; a longer one is shown by its first line.
const MULTI_LINE_BYTES: usize = 4096;

/// Options for the human renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    /// ANSI colours (a terminal, not under `NO_COLOR`).
    pub color: bool,
    /// Hide info findings (`--quiet`).
    pub quiet: bool,
}

/// All findings of all files, then the summary line.
pub fn render<R: ReportSource + ?Sized>(report: &R, options: HumanOptions) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(report, options, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the findings and the summary line to `out` one block at a time,
/// so a report of thousands of files is never held as one text.
pub fn write<R: ReportSource + ?Sized>(
    report: &R,
    options: HumanOptions,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(super::OUTPUT_BUFFER, out);
    // Each file's findings are rendered on their own (in parallel for a
    // streamed run), then written in order.
    let render_file = |file: &FileReport| {
        let mut text = Vec::new();
        let mut cursor = Cursor::default();
        for finding in &file.findings {
            if options.quiet && finding.severity == Severity::Info {
                continue;
            }
            let finding = render_at(file, finding, options.color, &mut cursor);
            text.extend_from_slice(finding.as_bytes());
            text.extend_from_slice(b"\n\n");
        }
        text
    };
    report.each_rendered(&render_file, &mut |text| out.write_all(text))?;
    writeln!(out, "{}", summary(report))?;
    out.flush()
}

/// `3 files: 1 ready, 1 with warnings, 1 with errors`.
pub fn summary<R: ReportSource + ?Sized>(report: &R) -> String {
    let counts = report.counts();
    let n = counts.files;
    format!(
        "{n} file{}: {} ready, {} with warnings, {} with errors",
        if n == 1 { "" } else { "s" },
        counts.ok,
        counts.warnings,
        counts.errors
    )
}

/// One finding in the rustc style.
pub fn render_finding(file: &FileReport, finding: &Finding, color: bool) -> String {
    render_at(file, finding, color, &mut Cursor::default())
}

fn render_at(file: &FileReport, finding: &Finding, color: bool, cursor: &mut Cursor) -> String {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let message = term::visible(&finding.message);
    let path = term::visible(&file.source.display);
    let label = finding.label.as_deref().map(term::visible);
    let help = finding.help.as_deref().map(term::visible);
    let title = level.primary_title(message.as_ref()).id(finding.rule);
    let source = &file.source;
    let elements = match &finding.span {
        Some(span) if !source.text.is_empty() => {
            let span = source.clamp(span);
            let place = cursor.place(source, span.start);
            excerpt(source, span, place, path.as_ref(), label.as_deref())
        }
        _ => vec![Element::from(Origin::path(path.as_ref()))],
    };
    let mut group = title.elements(elements);
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(help.as_ref()));
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[group])
}

/// Where a byte offset is: its 1-based line and column (in characters), and
/// the byte offset its line starts at.
#[derive(Debug, Clone, Copy)]
struct Place {
    line: usize,
    column: usize,
    line_start: usize,
}

/// The place of the previous finding of a file. Findings come sorted by
/// position, so the next one is found by counting from here; an earlier
/// offset (a report not sorted) is counted from the start of the file.
#[derive(Debug, Default)]
struct Cursor {
    offset: usize,
    line: usize,
    column: usize,
    line_start: usize,
}

impl Cursor {
    fn place(&mut self, source: &SourceFile, offset: usize) -> Place {
        if offset < self.offset || self.line == 0 {
            *self = Cursor {
                offset: 0,
                line: 1,
                column: 1,
                line_start: 0,
            };
        }
        let between = &source.text[self.offset..offset];
        match memchr::memrchr(b'\n', between.as_bytes()) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', between.as_bytes()).count();
                self.line_start = self.offset + last + 1;
                self.column = 1 + source.text[self.line_start..offset].chars().count();
            }
            None => self.column += between.chars().count(),
        }
        self.offset = offset;
        Place {
            line: self.line,
            column: self.column,
            line_start: self.line_start,
        }
    }
}

/// The snippet of a finding: the lines its span covers, or, for a long
/// line, a window around the span cut with `…`, placed by an explicit
/// `--> path:line:column` (the window alone would give the wrong column).
fn excerpt<'a>(
    source: &'a SourceFile,
    span: Range<usize>,
    place: Place,
    path: &'a str,
    label: Option<&'a str>,
) -> Vec<Element<'a>> {
    let text = &source.text;
    let multi_line = memchr::memchr(b'\n', &text.as_bytes()[span.clone()]).is_some();
    if multi_line && span.end - place.line_start <= MULTI_LINE_BYTES {
        // Show the lines the span covers whole (rustc folds the rest).
        let end = text[span.end..]
            .find('\n')
            .map_or(text.len(), |i| span.end + i);
        let end = if end - place.line_start > MULTI_LINE_BYTES {
            span.end
        } else {
            end
        };
        let mark = span.start - place.line_start..span.end - place.line_start;
        let (shown, mark) = c1_visible(&text[place.line_start..end], mark);
        let snippet = Snippet::source(shown)
            .line_start(place.line)
            .path(path)
            .annotation(annotation(mark, label));
        return vec![Element::from(snippet)];
    }
    let window = Window::around(text, span, place.line_start);
    if !window.cut_before && !window.cut_after {
        let (shown, mark) = c1_visible(&text[window.range.clone()], window.mark);
        let snippet = Snippet::source(shown)
            .line_start(place.line)
            .path(path)
            .annotation(annotation(mark, label));
        return vec![Element::from(snippet)];
    }
    let (middle, mut mark) = c1_visible(&text[window.range], window.mark);
    let mut shown = String::with_capacity(middle.len() + 6);
    if window.cut_before {
        shown.push('…');
        mark = mark.start + '…'.len_utf8()..mark.end + '…'.len_utf8();
    }
    shown.push_str(&middle);
    if window.cut_after {
        shown.push('…');
    }
    let origin = Origin::path(path)
        .line(place.line)
        .char_column(place.column);
    let snippet = Snippet::source(shown)
        .line_start(place.line)
        .annotation(annotation(mark, label));
    vec![Element::from(origin), Element::from(snippet)]
}

/// The source text with the C1 control characters (U+0080 to U+009F, which
/// some terminals obey like `ESC [`) shown as `�`, and the mark moved to
/// match. annotate-snippets makes the C0 controls and DEL visible itself.
fn c1_visible(text: &str, mark: Range<usize>) -> (std::borrow::Cow<'_, str>, Range<usize>) {
    let is_c1 = |c: char| c.is_control() && !c.is_ascii();
    if !text.chars().any(is_c1) {
        return (std::borrow::Cow::Borrowed(text), mark);
    }
    let replace = |s: &str| -> String {
        s.chars()
            .map(|c| if is_c1(c) { '\u{fffd}' } else { c })
            .collect()
    };
    let moved = |at: usize| replace(&text[..at]).len();
    let mark = moved(mark.start)..moved(mark.end);
    (std::borrow::Cow::Owned(replace(text)), mark)
}

fn annotation(mark: Range<usize>, label: Option<&str>) -> annotate_snippets::Annotation<'_> {
    let annotation = AnnotationKind::Primary.span(mark);
    match label {
        Some(label) => annotation.label(label),
        None => annotation,
    }
}

/// The part of one line shown for a span on it: at most [`CONTEXT_CHARS`]
/// characters before the span, [`term::QUOTE_CHARS`] of the span, and
/// [`CONTEXT_CHARS`] after it, stopping at the line's ends.
struct Window {
    /// Bytes of the text shown.
    range: Range<usize>,
    /// The span's part of it, relative to `range.start`.
    mark: Range<usize>,
    cut_before: bool,
    cut_after: bool,
}

impl Window {
    fn around(text: &str, span: Range<usize>, line_start: usize) -> Window {
        let before = &text[line_start..span.start];
        let start = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS.saturating_sub(1))
            .map_or(line_start, |(i, _)| line_start + i);
        // The span up to the line's end, at most QUOTE_CHARS of it.
        let line_rest = &text[span.start..];
        let mut mark_end = span.start;
        for (n, (i, c)) in line_rest.char_indices().enumerate() {
            if span.start + i >= span.end || c == '\n' || n == term::QUOTE_CHARS {
                break;
            }
            mark_end = span.start + i + c.len_utf8();
        }
        let mut end = mark_end;
        let mut cut_after = false;
        for (n, (i, c)) in text[mark_end..].char_indices().enumerate() {
            if c == '\n' || c == '\r' {
                break;
            }
            if n == CONTEXT_CHARS {
                cut_after = true;
                break;
            }
            end = mark_end + i + c.len_utf8();
        }
        Window {
            range: start..end,
            mark: span.start - start..mark_end - start,
            cut_before: start > line_start,
            cut_after,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Finding;
    use crate::engine::FileReport;
    use crate::rules::any::missing_field;

    fn file(text: &str) -> FileReport {
        FileReport {
            source: SourceFile::new("c.toml", "c.toml", text.to_string()),
            kind: None,
            claim: None,
            findings: Vec::new(),
        }
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_with_the_right_column() {
        let items = vec!["{}"; 5000].join(",");
        let f = file(&format!("kind = \"cpor\"\ndocuments = [{items}]\n"));
        let at = f.source.text.rfind("{}").unwrap();
        let finding = Finding::new(&missing_field::RULE, "m").at_span("x", at..at + 2);
        let text = render_finding(&f, &finding, false);
        let (_, column) = f.source.line_col(at);
        assert!(text.contains(&format!("--> c.toml:2:{column}")), "{text}");
        assert!(text.contains("…{},{}"), "{text}");
        assert!(text.len() < 1000, "{text}");
    }

    #[test]
    fn a_short_line_is_shown_whole_as_before() {
        let f = file("kind = \"cpor\"\nclaim_name = 5\n");
        let finding = Finding::new(&missing_field::RULE, "m").at_span("x", 27..28);
        let text = render_finding(&f, &finding, false);
        assert!(text.contains("--> c.toml:2:14"), "{text}");
        assert!(text.contains("2 | claim_name = 5"), "{text}");
    }

    #[test]
    fn c1_controls_in_source_lines_are_not_sent() {
        let f = file("kind = \"\u{9b}31m\"\n");
        let finding = Finding::new(&missing_field::RULE, "m\u{1b}[2J").at_span("kind", 7..14);
        let text = render_finding(&f, &finding, true);
        assert!(!text.contains('\u{9b}'));
        assert!(!text.contains("\u{1b}[2J"));
        assert!(text.contains("m␛[2J"));
    }

    #[test]
    fn the_cursor_places_sorted_offsets_like_line_col() {
        let f = file("ab\nçd\n\nxyz");
        let mut cursor = Cursor::default();
        for offset in [0, 1, 3, 5, 6, 7, 8, 10, 2] {
            let place = cursor.place(&f.source, offset);
            assert_eq!(
                (place.line, place.column),
                f.source.line_col(offset),
                "{offset}"
            );
        }
    }
}
