//! A run's per-file reports written out as they are checked and read back
//! in order when the report is written, so `validate` of 100,000 files does
//! not hold 100,000 reports (see [`crate::streamed`]).
//!
//! Data flow: each checked file becomes one [`Record`] (its kind, the text
//! the human report quotes, its findings, the words and places of its
//! cross-file keys), encoded into bytes by [`encode`] on the worker that
//! checked it; [`Spill::append`] writes the records of a chunk of files in
//! file order to an unnamed temporary file (the operating system's page
//! cache holds it, not the process); [`Spill::reader`] reads them back one
//! at a time, in the same order, for the reporter. Without a temporary
//! folder the records stay in memory, encoded (a few hundred bytes a file,
//! still far less than the reports they stand for).
//!
//! The encoding is private to one run: each record's length as a
//! little-endian `u64`, then numbers in LEB128, texts as a length and their
//! UTF-8 bytes, rule ids as their index in the rule table.

use std::borrow::Cow;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, Write};
use std::ops::Range;

use crate::decode::StrEnum;
use crate::diag::{Finding, Severity};
use crate::model::Kind;
use crate::rules::BatchKey;
use crate::source::Position;

/// What is kept of one checked file until the report is written.
#[derive(Debug, Default)]
pub struct Record {
    pub kind: Option<Kind>,
    /// Empty unless the report quotes the lines (human) or looks at
    /// `kind` again (`<kind> validate`).
    pub text: String,
    /// The `unknown-kind` finding of `<kind> validate`, shown first.
    pub lead: Option<Finding>,
    /// The file's own findings, overrides applied, not yet sorted.
    pub findings: Vec<Finding>,
    /// For each cross-file rule, the file's keys (their words and
    /// places; the hashes stay in memory for the judges).
    pub keys: Vec<Vec<BatchKey>>,
}

/// Encodes a record as its length followed by its bytes.
pub fn encode(record: &Record, out: &mut Vec<u8>) {
    let start = out.len();
    // The length, filled in at the end: 8 bytes whatever it is.
    out.extend_from_slice(&[0; 8]);
    put_u64(out, record.kind.map_or(0, |k| kind_index(k) + 1));
    put_str(out, &record.text);
    match &record.lead {
        Some(finding) => {
            put_u64(out, 1);
            put_finding(out, finding);
        }
        None => put_u64(out, 0),
    }
    put_u64(out, record.findings.len() as u64);
    for finding in &record.findings {
        put_finding(out, finding);
    }
    put_u64(out, record.keys.len() as u64);
    for keys in &record.keys {
        put_u64(out, keys.len() as u64);
        for key in keys {
            put_str(out, &key.what);
            put_str(out, &key.field);
            put_range(out, &key.span);
            put_position(out, key.position);
        }
    }
    let len = (out.len() - start - 8) as u64;
    out[start..start + 8].copy_from_slice(&len.to_le_bytes());
}

/// Where the records go: an unnamed temporary file, or memory when no
/// temporary file can be made.
pub struct Spill {
    store: Store,
}

enum Store {
    File(BufWriter<std::fs::File>),
    Memory(Vec<u8>),
}

impl Spill {
    pub fn new() -> Spill {
        let store = tempfile::tempfile().map_or_else(
            |_| Store::Memory(Vec::new()),
            |f| Store::File(BufWriter::with_capacity(1 << 16, f)),
        );
        Spill { store }
    }

    /// Appends encoded records (in file order).
    pub fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        match &mut self.store {
            Store::File(f) => f.write_all(bytes),
            Store::Memory(v) => {
                v.extend_from_slice(bytes);
                Ok(())
            }
        }
    }

    /// The records from the first, one at a time.
    pub fn reader(self) -> io::Result<SpillReader> {
        let input: Box<dyn BufRead + Send> = match self.store {
            Store::File(f) => {
                let mut f = f.into_inner().map_err(io::IntoInnerError::into_error)?;
                f.rewind()?;
                Box::new(BufReader::with_capacity(1 << 16, f))
            }
            Store::Memory(v) => Box::new(io::Cursor::new(v)),
        };
        Ok(SpillReader {
            input,
            buf: Vec::new(),
        })
    }
}

impl Default for Spill {
    fn default() -> Self {
        Spill::new()
    }
}

/// Reads back what [`Spill`] was given.
pub struct SpillReader {
    input: Box<dyn BufRead + Send>,
    buf: Vec<u8>,
}

impl SpillReader {
    /// The next record.
    pub fn next_record(&mut self) -> io::Result<Record> {
        let mut buf = std::mem::take(&mut self.buf);
        let record = self
            .next_encoded(&mut buf)
            .and_then(|()| decode_record(&buf));
        self.buf = buf;
        record
    }

    /// The next record still encoded, into `buf` (replacing what it
    /// held): records read in order can be decoded on several threads
    /// ([`decode_record`]).
    pub fn next_encoded(&mut self, buf: &mut Vec<u8>) -> io::Result<()> {
        let mut len = [0u8; 8];
        self.input.read_exact(&mut len)?;
        let len = u64::from_le_bytes(len);
        // Read as far as the length says, with room made up front for a
        // record's usual size at most: a length the file was changed to
        // (2^60) is then the "changed" error, not an allocation that
        // aborts the run.
        buf.clear();
        buf.reserve(usize::try_from(len.min(1 << 20)).unwrap_or(0));
        (&mut self.input).take(len).read_to_end(buf)?;
        if buf.len() as u64 != len {
            return Err(corrupt());
        }
        Ok(())
    }
}

/// A record read by [`SpillReader::next_encoded`].
///
/// # Errors
/// Bytes that are not a whole record (the temporary file was changed).
pub fn decode_record(bytes: &[u8]) -> io::Result<Record> {
    decode(bytes).map_err(|Truncated| corrupt())
}

fn corrupt() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "the temporary file of the run's reports was changed while it ran",
    )
}

fn decode(bytes: &[u8]) -> Result<Record, Truncated> {
    let mut r = Bytes(bytes);
    let kind = match r.u64()? {
        0 => None,
        n => Some(
            *Kind::ALL
                .get(usize::try_from(n - 1).map_err(|_| Truncated)?)
                .ok_or(Truncated)?,
        ),
    };
    let text = r.string()?;
    let lead = match r.u64()? {
        0 => None,
        _ => Some(r.finding()?),
    };
    let n = r.count()?;
    let mut findings = Vec::with_capacity(n);
    for _ in 0..n {
        findings.push(r.finding()?);
    }
    let rules = r.count()?;
    let mut keys = Vec::with_capacity(rules);
    for _ in 0..rules {
        let n = r.count()?;
        let mut these = Vec::with_capacity(n);
        for _ in 0..n {
            these.push(BatchKey {
                key: 0,
                what: r.string()?,
                field: r.string()?,
                span: r.range()?,
                position: r.position()?,
            });
        }
        keys.push(these);
    }
    Ok(Record {
        kind,
        text,
        lead,
        findings,
        keys,
    })
}

fn kind_index(kind: Kind) -> u64 {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0) as u64
}

/// Rule ids are `&'static str`s of the rule table: written as their index.
fn rule_index(id: &str) -> u64 {
    crate::rules::all()
        .position(|r| r.id == id)
        .map_or(u64::MAX, |i| i as u64)
}

/// A number in LEB128 (7 bits a byte, low first): most numbers of a record
/// (lengths, flags, lines) take one byte.
fn put_u64(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u64(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => {
            put_u64(out, 1);
            put_str(out, s);
        }
        None => put_u64(out, 0),
    }
}

fn put_range(out: &mut Vec<u8>, r: &Range<usize>) {
    put_u64(out, r.start as u64);
    put_u64(out, r.end as u64);
}

fn put_position(out: &mut Vec<u8>, p: Option<Position>) {
    match p {
        Some(p) => {
            put_u64(out, 1);
            for n in [p.line, p.column, p.end_line, p.end_column] {
                put_u64(out, n as u64);
            }
        }
        None => put_u64(out, 0),
    }
}

fn put_finding(out: &mut Vec<u8>, f: &Finding) {
    put_u64(out, rule_index(f.rule));
    put_u64(out, f.severity as u64);
    put_str(out, &f.message);
    put_opt_str(out, f.field.as_deref());
    match &f.span {
        Some(span) => {
            put_u64(out, 1);
            put_range(out, span);
        }
        None => put_u64(out, 0),
    }
    put_position(out, f.position);
    put_opt_str(out, f.label.as_deref());
    put_opt_str(out, f.help.as_deref());
}

/// A record ended too soon, or held what no record holds.
#[derive(Debug)]
struct Truncated;

/// A cursor over one record's bytes.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u64(&mut self) -> Result<u64, Truncated> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.0.split_first().ok_or(Truncated)?;
            self.0 = rest;
            n |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(n);
            }
        }
        Err(Truncated)
    }

    fn len(&mut self) -> Result<usize, Truncated> {
        usize::try_from(self.u64()?).map_err(|_| Truncated)
    }

    /// How many items follow: each takes at least a byte, so a count
    /// beyond the bytes left is a changed record (and room is never made
    /// for more items than the record can hold).
    fn count(&mut self) -> Result<usize, Truncated> {
        let n = self.len()?;
        if n > self.0.len() {
            return Err(Truncated);
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, Truncated> {
        let n = self.len()?;
        if n > self.0.len() {
            return Err(Truncated);
        }
        let (text, rest) = self.0.split_at(n);
        self.0 = rest;
        String::from_utf8(text.to_vec()).map_err(|_| Truncated)
    }

    fn opt_string(&mut self) -> Result<Option<String>, Truncated> {
        match self.u64()? {
            0 => Ok(None),
            _ => self.string().map(Some),
        }
    }

    fn range(&mut self) -> Result<Range<usize>, Truncated> {
        Ok(self.len()?..self.len()?)
    }

    fn position(&mut self) -> Result<Option<Position>, Truncated> {
        match self.u64()? {
            0 => Ok(None),
            _ => Ok(Some(Position {
                line: self.len()?,
                column: self.len()?,
                end_line: self.len()?,
                end_column: self.len()?,
            })),
        }
    }

    fn finding(&mut self) -> Result<Finding, Truncated> {
        let rule = crate::rules::all().nth(self.len()?).ok_or(Truncated)?.id;
        let severity = match self.u64()? {
            0 => Severity::Info,
            1 => Severity::Warning,
            _ => Severity::Error,
        };
        let message = self.string()?;
        let field = self.opt_string()?;
        let span = match self.u64()? {
            0 => None,
            _ => Some(self.range()?),
        };
        Ok(Finding {
            rule,
            severity,
            message,
            field,
            span,
            position: self.position()?,
            label: self.opt_string()?.map(Cow::Owned),
            help: self.opt_string()?.map(Cow::Owned),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_back_as_they_went_in() {
        let finding = Finding::new(&crate::rules::any::missing_field::RULE, "m")
            .at_span("a.b", 300..(1 << 40))
            .label("l")
            .severity(Severity::Warning);
        let mut placed = finding.clone();
        placed.position = Some(Position {
            line: 1,
            column: 4,
            end_line: 2,
            end_column: 1,
        });
        placed.help = Some("h".into());
        let record = Record {
            kind: Some(Kind::ALL[1]),
            text: "kind = \"x\"\n".into(),
            lead: Some(placed.clone()),
            findings: vec![finding.clone(), placed.clone()],
            keys: vec![
                vec![],
                vec![BatchKey {
                    key: 0,
                    what: "w".into(),
                    field: "f".into(),
                    span: 1..2,
                    position: placed.position,
                }],
            ],
        };
        let mut bytes = Vec::new();
        encode(&record, &mut bytes);
        encode(&Record::default(), &mut bytes);
        for mut spill in [
            Spill::new(),
            Spill {
                store: Store::Memory(Vec::new()),
            },
        ] {
            spill.append(&bytes).unwrap();
            let mut reader = spill.reader().unwrap();
            let back = reader.next_record().unwrap();
            assert_eq!(back.kind, record.kind);
            assert_eq!(back.text, record.text);
            assert_eq!(back.lead, record.lead);
            assert_eq!(back.findings, record.findings);
            assert_eq!(back.keys[1][0].what, "w");
            assert_eq!(back.keys[1][0].position, placed.position);
            assert!(reader.next_record().unwrap().findings.is_empty());
            assert!(reader.next_record().is_err());
        }
    }

    /// A record read in order and decoded apart (as a parallel rendering
    /// does) comes back whole; cut short, it is the error that says the
    /// temporary file was changed, never a panic or a half record.
    #[test]
    fn a_record_decoded_apart_is_whole_or_an_error() {
        let record = Record {
            kind: Some(Kind::ALL[0]),
            text: "kind = \"cpor\"\n".into(),
            findings: vec![Finding::new(&crate::rules::any::missing_field::RULE, "m")],
            ..Record::default()
        };
        let mut bytes = Vec::new();
        encode(&record, &mut bytes);
        let mut spill = Spill::new();
        spill.append(&bytes).unwrap();
        let mut reader = spill.reader().unwrap();
        let mut encoded = Vec::new();
        reader.next_encoded(&mut encoded).unwrap();
        assert_eq!(encoded, bytes[8..]);
        assert_eq!(decode_record(&encoded).unwrap().findings, record.findings);
        for cut in [1, encoded.len() / 2, encoded.len() - 1] {
            let error = decode_record(&encoded[..cut]).unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidData, "cut at {cut}");
            assert!(error.to_string().contains("was changed while it ran"));
        }
        assert!(reader.next_encoded(&mut encoded).is_err());
    }

    /// A length or a count changed to a huge number is the "changed"
    /// error: no room is made for it first (which would abort the run).
    #[test]
    fn a_huge_length_or_count_is_an_error_not_an_allocation() {
        let changed = |e: io::Error| {
            assert_eq!(e.kind(), io::ErrorKind::InvalidData);
            assert!(e.to_string().contains("was changed while it ran"), "{e}");
        };
        let mut bytes = Vec::new();
        encode(&Record::default(), &mut bytes);
        bytes[..8].copy_from_slice(&(1u64 << 60).to_le_bytes());
        let mut spill = Spill::new();
        spill.append(&bytes).unwrap();
        changed(spill.reader().unwrap().next_record().unwrap_err());
        // kind, empty text, no lead, then 2^60 findings.
        let mut record = vec![0, 0, 0];
        put_u64(&mut record, 1 << 60);
        changed(decode_record(&record).unwrap_err());
        // kind, empty text, no lead, no findings, then 2^60 rules of keys.
        let mut record = vec![0, 0, 0, 0];
        put_u64(&mut record, 1 << 60);
        changed(decode_record(&record).unwrap_err());
    }
}
