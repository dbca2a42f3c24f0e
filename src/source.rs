//! A claim file's text with a line index, so byte spans from the TOML parser
//! become the 1-based line and column numbers users see.

use std::ops::Range;
use std::path::PathBuf;

/// Where a span is, as users count: 1-based lines, columns in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Position {
    /// The start and end of `span` (an end before the start is the start),
    /// given how an offset becomes a line and a column.
    pub(crate) fn of(span: &Range<usize>, line_col: impl Fn(usize) -> (usize, usize)) -> Self {
        let (line, column) = line_col(span.start);
        let (end_line, end_column) = line_col(span.end.max(span.start));
        Position {
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// One loaded file: the path as the user should see it, and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as given or found by the folder walk (shown in reports).
    pub display: String,
    /// The path used to read the file and resolve its relative documents.
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    pub fn new(display: impl Into<String>, path: impl Into<PathBuf>, text: String) -> Self {
        SourceFile {
            display: display.into(),
            path: path.into(),
            text,
        }
    }

    /// 1-based line and column (in characters) of a byte offset. Counted
    /// on demand: only findings ask, and keeping a line index for every
    /// file of a large run would cost more memory than the texts.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text.as_bytes()[..offset];
        // memchr: every finding of a large run asks, so scan fast.
        let line = memchr::memchr_iter(b'\n', before).count();
        let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// The start and end of a span in lines and columns.
    pub fn position(&self, span: &Range<usize>) -> Position {
        Position::of(span, |offset| self.line_col(offset))
    }

    /// A line index of the text, for a file whose spans are put in lines
    /// and columns all at once ([`crate::engine`] before letting the text
    /// go): one pass over the text instead of one per span. Held only
    /// while it is used, for the reason [`Self::line_col`] gives.
    pub fn lines(&self) -> Lines<'_> {
        let bytes = self.text.as_bytes();
        // Counted first (a quick pass) so the index is allocated once.
        let mut starts = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let ascii = starts
            .iter()
            .enumerate()
            .map(|(n, &start)| {
                let end = starts.get(n + 1).copied().unwrap_or(bytes.len());
                bytes[start..end].is_ascii()
            })
            .collect();
        Lines {
            text: &self.text,
            starts,
            ascii,
        }
    }

    /// The text of the 1-based line `line`, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        self.text
            .split('\n')
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    /// The folder relative documents are resolved against.
    pub fn dir(&self) -> PathBuf {
        self.path
            .parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or_default()
    }

    /// Clamps a span to the text, on character boundaries.
    pub fn clamp(&self, span: &Range<usize>) -> Range<usize> {
        let mut start = span.start.min(self.text.len());
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = span.end.clamp(start, self.text.len());
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }
}

/// The start of every line of a text: [`SourceFile::lines`].
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Per line, whether it is ASCII: its columns are then byte counts, and
    /// a hundred thousand findings on one long line cost no more than on
    /// short ones (counting characters for each was quadratic).
    ascii: Vec<bool>,
}

impl Lines<'_> {
    /// What [`SourceFile::position`] gives for `span`.
    pub fn position(&self, span: &Range<usize>) -> Position {
        Position::of(span, |offset| self.line_col(offset))
    }

    fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        // The lines starting at or before the offset; the first starts at 0.
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = if self.ascii[line - 1] {
            offset - start
        } else {
            self.text
                .get(start..offset)
                .map_or(offset - start, |s| s.chars().count())
        };
        (line, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let f = SourceFile::new("a.toml", "a.toml", "a = 1\nnäme = \"x\"\n".into());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(6), (2, 1));
        let quote = f.text.find('"').unwrap();
        assert_eq!(f.line_col(quote), (2, 8));
        assert_eq!(f.line_text(2), "näme = \"x\"");
    }

    /// The line index gives what counting from the start gives, for every
    /// span of a text with multi-byte characters (and offsets inside
    /// them), ASCII and non-ASCII lines, CRLF line ends, empty lines, no
    /// final line break, and spans past the end.
    #[test]
    fn the_line_index_agrees_with_counting() {
        for text in ["", "\n", "a = 1\r\n\nnäme = \"€x\"\r\nz", "x\ny\n", "é"] {
            let f = SourceFile::new("a.toml", "a.toml", text.into());
            let lines = f.lines();
            // Offsets inside a character too: both count them as bytes.
            let offsets: Vec<usize> = (0..=text.len() + 2).collect();
            for &start in &offsets {
                for &end in &offsets {
                    let span = start..end;
                    assert_eq!(
                        lines.position(&span),
                        f.position(&span),
                        "{text:?} {span:?}"
                    );
                }
            }
        }
    }
}
