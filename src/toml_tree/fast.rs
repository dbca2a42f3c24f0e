//! The one-pass reader for plain TOML: what `claimtool new`, the wizard and
//! people writing claims by hand produce. It returns `None` (and `toml`
//! reads the text instead) on anything outside that shape and on anything
//! that could be a mistake, so it only ever accepts what `toml` accepts,
//! and builds the tree `toml` would (`tests.rs` checks both).
//!
//! The shape: lines of `key = value`, comments and blank lines; headers
//! `[a]`, `[a.b]`, `[[a]]` of bare keys; values that are one-line basic or
//! literal strings with no backslash, decimal integers without `_`,
//! decimals like `7.5`, local dates (`2026-09-15`), `true`/`false`, arrays
//! (over several lines, with comments) and inline tables whose keys and
//! commas are on one line (an array inside may span lines, as in `toml`).
//! Left to `toml`: quoted or dotted keys, escapes, multi-line strings,
//! other numbers and date-times, a table named twice or extended in any
//! way but the plain one, and tables of more than [`MAX_KEYS`] keys (the
//! duplicate check here is a scan).

use std::borrow::Cow;
use std::str::FromStr;

use toml::value::Datetime;

use super::{Integer, Key, Map, Node, Value};

/// Beyond this many keys in one table, `toml`'s hashing does the
/// duplicate checks.
const MAX_KEYS: usize = 64;
/// Arrays, inline tables and headers nested deeper are left to `toml`
/// (which has its own limit, 80).
const MAX_DEPTH: usize = 16;

pub(super) fn parse(text: &str) -> Option<Map<'_>> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut root = Map::new();
    // Where keys go: the steps from the root to the table of the last header.
    let mut current: Vec<Step> = Vec::new();
    loop {
        reader.skip_blanks();
        match reader.peek() {
            None => return Some(root),
            Some(b'\n' | b'\r' | b'#') => reader.end_of_line()?,
            Some(b'[') => {
                current = reader.header(&mut root)?;
                reader.end_of_line()?;
            }
            Some(_) => {
                let key = reader.bare_key()?;
                reader.skip_blanks();
                reader.eat(b'=')?;
                reader.skip_blanks();
                let value = reader.value(0)?;
                insert(table_at(&mut root, &current)?, key, value)?;
                reader.end_of_line()?;
            }
        }
    }
}

/// One step from a table to a table inside it: the entry at an index, or
/// the last table of the array of tables at an index.
#[derive(Clone, Copy)]
enum Step {
    Entry(usize),
    LastOf(usize),
}

fn table_at<'m, 'i>(root: &'m mut Map<'i>, steps: &[Step]) -> Option<&'m mut Map<'i>> {
    let mut table = root;
    for step in steps {
        table = match *step {
            Step::Entry(i) => match &mut table.entries.get_mut(i)?.1.value {
                Value::Table(t) => t,
                _ => return None,
            },
            Step::LastOf(i) => match &mut table.entries.get_mut(i)?.1.value {
                Value::Array(items) => match &mut items.last_mut()?.value {
                    Value::Table(t) => t,
                    _ => return None,
                },
                _ => return None,
            },
        };
    }
    Some(table)
}

/// Adds a key; `None` when it is already there (`toml` reports that) or
/// the table has grown past [`MAX_KEYS`].
fn insert<'i>(table: &mut Map<'i>, key: Key<'i>, value: Node<'i>) -> Option<usize> {
    if table.entries.len() >= MAX_KEYS || table.entries.iter().any(|(k, _)| k.name == key.name) {
        return None;
    }
    if table.entries.capacity() == 0 {
        // Claim tables have a handful to a dozen keys: grown once or twice,
        // not from one.
        table.entries.reserve(8);
    }
    table.entries.push((key, value));
    Some(table.entries.len() - 1)
}

struct Reader<'i> {
    text: &'i str,
    bytes: &'i [u8],
    at: usize,
}

impl<'i> Reader<'i> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    /// Spaces and tabs.
    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// The rest of a line after a value or header: blanks, maybe a
    /// comment, then a line break or the end of the text.
    fn end_of_line(&mut self) -> Option<()> {
        self.skip_blanks();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.at += 1;
                Some(())
            }
            Some(b'\r') if self.bytes.get(self.at + 1) == Some(&b'\n') => {
                self.at += 2;
                Some(())
            }
            _ => None,
        }
    }

    /// A comment, up to (not including) its line break. Control characters
    /// in it are left to `toml` to judge.
    fn comment(&mut self) -> Option<()> {
        self.at += 1;
        let end =
            memchr::memchr(b'\n', &self.bytes[self.at..]).map_or(self.bytes.len(), |n| self.at + n);
        let mut body = &self.bytes[self.at..end];
        if body.last() == Some(&b'\r') {
            body = &body[..body.len() - 1];
        }
        if !plain_text(body) {
            return None;
        }
        self.at += body.len();
        Some(())
    }

    /// Blanks, line breaks and comments between the items of an array.
    fn skip_array_space(&mut self) -> Option<()> {
        loop {
            self.skip_blanks();
            match self.peek() {
                Some(b'\n') => self.at += 1,
                Some(b'\r') if self.bytes.get(self.at + 1) == Some(&b'\n') => self.at += 2,
                Some(b'#') => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    fn bare_key(&mut self) -> Option<Key<'i>> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            self.at += 1;
        }
        (self.at > start).then(|| Key {
            name: Cow::Borrowed(&self.text[start..self.at]),
            span: start..self.at,
        })
    }

    /// A `[a.b]` or `[[a.b]]` header: finds or makes its table and returns
    /// the steps to it.
    fn header(&mut self, root: &mut Map<'i>) -> Option<Vec<Step>> {
        let start = self.at;
        self.at += 1;
        let is_array = self.eat(b'[').is_some();
        let mut keys = vec![self.bare_key()?];
        while self.eat(b'.').is_some() {
            // A deep header is `toml`'s to judge (it refuses 80 levels and
            // more), and would make as deep a tree to walk and to drop.
            if keys.len() >= MAX_DEPTH {
                return None;
            }
            keys.push(self.bare_key()?);
        }
        self.eat(b']')?;
        if is_array {
            self.eat(b']')?;
        }
        let span = start..self.at;
        let (last, parents) = keys.split_last()?;
        let mut steps = Vec::with_capacity(keys.len());
        let mut table = root;
        for key in parents {
            let step = match table.entries.iter().position(|(k, _)| k.name == key.name) {
                Some(i) => {
                    let (_, node) = &table.entries[i];
                    match &node.value {
                        Value::Table(_) if self.opened_by_header(node) => Step::Entry(i),
                        Value::Array(items) if Self::is_array_of_tables(node, items) => {
                            Step::LastOf(i)
                        }
                        _ => return None,
                    }
                }
                // `[a.b]` before any `[a]`: `a` exists from here on, spanned
                // by its key as `toml` does.
                None => Step::Entry(insert(
                    table,
                    key.clone(),
                    Node {
                        value: Value::Table(Map::new()),
                        span: key.span.clone(),
                    },
                )?),
            };
            steps.push(step);
            table = table_at(table, &[step])?;
        }
        let table_node = Node {
            value: Value::Table(Map::new()),
            span: span.clone(),
        };
        let existing = table.entries.iter().position(|(k, _)| k.name == last.name);
        let step = match (existing, is_array) {
            (None, false) => Step::Entry(insert(table, last.clone(), table_node)?),
            (None, true) => Step::LastOf(insert(
                table,
                last.clone(),
                Node {
                    value: Value::Array(vec![table_node]),
                    span,
                },
            )?),
            (Some(i), true) => {
                let node = &mut table.entries[i].1;
                let is_array_of_tables = matches!(&node.value, Value::Array(items) if Self::is_array_of_tables(node, items));
                let Value::Array(items) = &mut node.value else {
                    return None;
                };
                if !is_array_of_tables {
                    return None;
                }
                items.push(table_node);
                Step::LastOf(i)
            }
            // A table named a second time, or made implicitly first: `toml`
            // sorts out which is allowed.
            (Some(_), false) => return None,
        };
        steps.push(step);
        Some(steps)
    }

    /// Whether a table came from a header (spanned by it, or by its key
    /// when a longer header made it), not from an inline `{ ... }`, which
    /// cannot be added to. This and [`Self::is_array_of_tables`] read a
    /// value's origin from where its span starts, which is how this reader
    /// and `toml` assign spans; the tests comparing the two catch a change.
    fn opened_by_header(&self, node: &Node<'_>) -> bool {
        self.bytes.get(node.span.start) != Some(&b'{')
    }

    /// Whether an array came from `[[name]]` headers: such an array has its
    /// first header's span, as its first table does; a written array's
    /// span starts at its own `[`, before its first item.
    fn is_array_of_tables(node: &Node<'_>, items: &[Node<'_>]) -> bool {
        items.first().is_some_and(|first| first.span == node.span)
    }

    fn value(&mut self, depth: usize) -> Option<Node<'i>> {
        let start = self.at;
        let value = match self.peek()? {
            b'"' => Value::String(self.string(b'"')?),
            b'\'' => Value::String(self.string(b'\'')?),
            b'[' if depth < MAX_DEPTH => Value::Array(self.array(depth + 1)?),
            b'{' if depth < MAX_DEPTH => Value::Table(self.inline_table(depth + 1)?),
            b'0'..=b'9' | b'+' | b'-' | b't' | b'f' => self.bare_value()?,
            _ => return None,
        };
        Some(Node {
            value,
            span: start..self.at,
        })
    }

    /// A one-line string without escapes, quoted by `quote`.
    fn string(&mut self, quote: u8) -> Option<Cow<'i, str>> {
        let start = self.at + 1;
        let len = memchr::memchr(quote, &self.bytes[start..])?;
        let end = start + len;
        // `""` followed by another quote opens a multi-line string.
        if len == 0 && self.bytes.get(end + 1) == Some(&quote) {
            return None;
        }
        let body = &self.bytes[start..end];
        if !plain_text(body) || (quote == b'"' && memchr::memchr(b'\\', body).is_some()) {
            return None;
        }
        self.at = end + 1;
        Some(Cow::Borrowed(&self.text[start..end]))
    }

    fn array(&mut self, depth: usize) -> Option<Vec<Node<'i>>> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_array_space()?;
            if self.eat(b']').is_some() {
                return Some(items);
            }
            items.push(self.value(depth)?);
            self.skip_array_space()?;
            if self.eat(b',').is_none() {
                self.eat(b']')?;
                return Some(items);
            }
        }
    }

    /// `{ a = 1, b = "x" }`: keys and commas on one line, no trailing comma
    /// (a value inside, such as an array, may span lines).
    fn inline_table(&mut self, depth: usize) -> Option<Map<'i>> {
        self.at += 1;
        let mut table = Map::new();
        self.skip_blanks();
        if self.eat(b'}').is_some() {
            return Some(table);
        }
        loop {
            self.skip_blanks();
            let key = self.bare_key()?;
            self.skip_blanks();
            self.eat(b'=')?;
            self.skip_blanks();
            let value = self.value(depth)?;
            insert(&mut table, key, value)?;
            self.skip_blanks();
            if self.eat(b'}').is_some() {
                return Some(table);
            }
            self.eat(b',')?;
        }
    }

    /// A boolean, a decimal integer, a plain decimal or a local date.
    fn bare_value(&mut self) -> Option<Value<'i>> {
        let start = self.at;
        while self.peek().is_some_and(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.' | b'_' | b':')
        }) {
            self.at += 1;
        }
        let word = &self.text[start..self.at];
        match word {
            "true" => return Some(Value::Boolean(true)),
            "false" => return Some(Value::Boolean(false)),
            _ => {}
        }
        let unsigned = word.strip_prefix(['+', '-']).unwrap_or(word);
        if is_decimal_digits(unsigned) {
            return Some(Value::Integer(Integer {
                digits: Cow::Borrowed(word),
                radix: 10,
            }));
        }
        if let Some((whole, fraction)) = unsigned.split_once('.') {
            return (is_decimal_digits(whole)
                && !fraction.is_empty()
                && fraction.bytes().all(|b| b.is_ascii_digit()))
            .then_some(Value::Float(Cow::Borrowed(word)));
        }
        // A date and then a space and a digit is a date-time: `toml`'s.
        let date_shaped = word.len() == 10
            && word.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !date_shaped
            || (self.peek() == Some(b' ')
                && self.bytes.get(self.at + 1).is_some_and(u8::is_ascii_digit))
        {
            return None;
        }
        let date = Datetime::from_str(word).ok()?;
        (date.date.is_some() && date.time.is_none() && date.offset.is_none())
            .then_some(Value::Datetime(date))
    }
}

/// Digits of a decimal integer as TOML writes them: no leading zero, no
/// `_`, and few enough that `toml` takes them the same way (a longer one
/// goes to `toml`).
fn is_decimal_digits(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 18
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'))
}

/// Text with no control character but tab, and no C1 control (U+0080 to
/// U+009F, `C2 80`..`C2 9F` in UTF-8): what TOML allows in a comment or a
/// one-line string, kept narrow.
fn plain_text(bytes: &[u8]) -> bool {
    // Most text has no tab and no byte C2 at all: one pass the compiler
    // vectorises decides it; the byte-by-byte walk below is for the rest.
    if bytes.iter().all(|&b| b >= 0x20 && b != 0x7F && b != 0xC2) {
        return true;
    }
    let mut previous = 0u8;
    for &b in bytes {
        if (b < 0x20 && b != b'\t') || b == 0x7F || (previous == 0xC2 && (0x80..0xA0).contains(&b))
        {
            return false;
        }
        previous = b;
    }
    true
}
