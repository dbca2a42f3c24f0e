//! Reading a CSV file (a reseller list, a batch of orders) with the `csv`
//! crate, keeping where each cell is written.
//!
//! [`CsvFile::open`] reads the header row (names case-insensitive, order
//! free, unknown columns ignored, a missing required column named) and
//! [`CsvFile::rows`] yields each [`Row`] with its file line and the raw
//! byte range of every cell, found by `csv-core` (the `csv` crate's own
//! parser) over the record's text: a quoted cell starts at its opening
//! quote, a cell may span lines, CRLF ends a line. Anything the parser
//! refuses (a row with more or fewer cells than the header, text that is
//! not UTF-8) is an `Err` naming the file and the line.

use std::collections::HashMap;
use std::ops::Range;

use crate::source::Position;

/// A CSV text with its header read.
pub struct CsvFile<'t> {
    text: &'t str,
    display: &'t str,
    /// Column name (lower case) -> index, for the names asked for.
    columns: HashMap<&'static str, usize>,
    reader: csv::Reader<&'t [u8]>,
    /// Finds each record's cells; built once (building its DFA costs far
    /// more than reading a row) and reset before each record.
    cells: csv_core::Reader,
}

/// One data row: its cells (unescaped), its line and where each cell is.
pub struct Row {
    pub record: csv::StringRecord,
    /// The 1-based file line the row starts on.
    pub line: usize,
    /// Byte offset of the row's first character in the text.
    pub start: usize,
    /// The raw byte range of each cell in the text.
    pub cells: Vec<Range<usize>>,
}

impl<'t> CsvFile<'t> {
    /// Reads the header of `text`. `known` are the column names used (all
    /// lower case); `required` must all be there.
    pub fn open(
        text: &'t str,
        display: &'t str,
        known: &[&'static str],
        required: &[&'static str],
    ) -> Result<CsvFile<'t>, String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(text.as_bytes());
        let header = reader.headers().map_err(|e| describe(display, &e))?.clone();
        if header.iter().all(|h| h.trim().is_empty()) {
            return Err(format!("{display}: line 1: the file has no header row"));
        }
        let mut columns = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            let name = name.trim().trim_start_matches('\u{feff}').to_lowercase();
            if let Some(&k) = known.iter().find(|k| **k == name)
                && columns.insert(k, i).is_some()
            {
                return Err(format!(
                    "{display}: line 1: the column `{k}` is there twice"
                ));
            }
        }
        let missing: Vec<&str> = required
            .iter()
            .filter(|r| !columns.contains_key(*r))
            .copied()
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "{display}: line 1: the header has no {} column{} (it has {}; names are case-insensitive, \
                 the order is free)",
                crate::decode::quoted_list(missing.iter().copied()),
                if missing.len() == 1 { "" } else { "s" },
                crate::decode::quoted_list(header.iter())
            ));
        }
        Ok(CsvFile {
            text,
            display,
            columns,
            reader,
            cells: csv_core::Reader::new(),
        })
    }

    /// The index of a column, when the header has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }

    /// The data rows; the first `Err` ends the file.
    pub fn rows(&mut self) -> impl Iterator<Item = Result<Row, String>> + '_ {
        let (text, display) = (self.text, self.display);
        let cells_reader = &mut self.cells;
        self.reader.records().map(move |record| {
            let record = record.map_err(|e| describe(display, &e))?;
            let pos = record
                .position()
                .cloned()
                .unwrap_or_else(csv::Position::new);
            let mut start = usize::try_from(pos.byte()).unwrap_or(0);
            let mut line = usize::try_from(pos.line()).unwrap_or(0);
            // After a CRLF the reader stops between CR and LF: the record
            // itself starts after the line end (a record is never empty).
            while let Some(&b) = text
                .as_bytes()
                .get(start)
                .filter(|b| matches!(b, b'\r' | b'\n'))
            {
                line += usize::from(b == b'\n');
                start += 1;
            }
            let cells = cell_ranges(cells_reader, text.as_bytes(), start);
            Ok(Row {
                record,
                line,
                start,
                cells,
            })
        })
    }
}

impl Row {
    /// The cell of column `col`, trimmed; `None` when empty or absent.
    pub fn get(&self, col: Option<usize>) -> Option<&str> {
        let v = self.record.get(col?)?.trim();
        (!v.is_empty()).then_some(v)
    }

    /// The raw range of the cell of `col` (the row's first cell when the
    /// column is absent).
    pub fn span(&self, col: Option<usize>) -> Range<usize> {
        col.and_then(|c| self.cells.get(c))
            .or(self.cells.first())
            .cloned()
            .unwrap_or(self.start..self.start)
    }

    /// Line and column of a span inside this row, counted from the row's
    /// start (not from the file's: a finding on row 90,000 costs no more
    /// than one on row 1).
    pub fn position(&self, text: &str, span: &Range<usize>) -> Position {
        let at = |offset: usize| {
            let offset = offset.clamp(self.start, text.len());
            let before = &text.as_bytes()[self.start..offset];
            let newlines = memchr::memchr_iter(b'\n', before).count();
            let line_start =
                memchr::memrchr(b'\n', before).map_or(self.start, |i| self.start + i + 1);
            let column = text
                .get(line_start..offset)
                .map_or(offset - line_start, |s| s.chars().count());
            (self.line + newlines, column + 1)
        };
        Position::of(span, at)
    }
}

/// The raw byte range of each cell of the record starting at `start`,
/// without the delimiter or line end that closes it.
fn cell_ranges(reader: &mut csv_core::Reader, text: &[u8], start: usize) -> Vec<Range<usize>> {
    reader.reset();
    let mut scratch = [0u8; 4096];
    let mut cells = Vec::new();
    let mut pos = start;
    let mut cell_start = start;
    loop {
        let input = text.get(pos..).unwrap_or(&[]);
        let (result, nin, _) = reader.read_field(input, &mut scratch);
        pos += nin;
        match result {
            // A long cell: keep reading it (its text is not needed here).
            csv_core::ReadFieldResult::OutputFull => {}
            csv_core::ReadFieldResult::InputEmpty if !input.is_empty() => {}
            csv_core::ReadFieldResult::InputEmpty => {
                // The last record has no line end: an empty input ends it.
                let (result, _, _) = reader.read_field(&[], &mut scratch);
                if let csv_core::ReadFieldResult::Field { .. } = result {
                    cells.push(cell_start..pos);
                }
                return cells;
            }
            csv_core::ReadFieldResult::Field { record_end } => {
                let mut end = pos;
                while end > cell_start && matches!(text[end - 1], b',' | b'\n' | b'\r') {
                    end -= 1;
                    if text[end] == b',' {
                        break;
                    }
                }
                cells.push(cell_start..end);
                cell_start = pos;
                if record_end {
                    return cells;
                }
            }
            csv_core::ReadFieldResult::End => return cells,
        }
    }
}

/// A `csv` error as the user reads it: file, line, what is wrong.
fn describe(display: &str, e: &csv::Error) -> String {
    let line =
        |p: Option<&csv::Position>| p.map_or(String::new(), |p| format!("line {}: ", p.line()));
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => format!(
            "{display}: {}this row has {len} cell{}, the header has {expected_len} (a comma inside a \
             value needs the value in double quotes)",
            line(pos.as_ref()),
            if *len == 1 { "" } else { "s" }
        ),
        csv::ErrorKind::Utf8 { pos, err } => format!(
            "{display}: {}field {} is not UTF-8 text (save the file as UTF-8)",
            line(pos.as_ref()),
            err.field() + 1
        ),
        _ => format!("{display}: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_found_where_written_quotes_and_crlf_included() {
        let text = "a,B,c\r\n1,\"x, \"\"y\"\"\",3\r\n\"multi\nline\",,z";
        let mut f = CsvFile::open(text, "t.csv", &["a", "b", "c"], &["a", "b"]).unwrap();
        let b = f.column("b");
        let rows: Vec<Row> = f.rows().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].get(b), Some("x, \"y\""));
        let span = rows[0].span(b);
        assert_eq!(&text[span.clone()], "\"x, \"\"y\"\"\"");
        let p = rows[0].position(text, &span);
        assert_eq!((p.line, p.column), (2, 3));
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[1].get(b), None);
        let c = rows[1].span(Some(2));
        assert_eq!(&text[c.clone()], "z");
        let p = rows[1].position(text, &c);
        assert_eq!((p.line, p.column), (4, 8));
    }

    #[test]
    fn a_missing_column_and_a_short_row_are_named() {
        let e = CsvFile::open("a,c\n1,2\n", "t.csv", &["a", "b"], &["a", "b"])
            .err()
            .unwrap();
        assert!(e.contains("no \"b\" column"), "{e}");
        let mut f = CsvFile::open("a,b\n1,2\n3\n", "t.csv", &["a", "b"], &["a"]).unwrap();
        let e = f.rows().find_map(Result::err).unwrap();
        assert!(e.starts_with("t.csv: line 3: this row has 1 cell"), "{e}");
    }
}
