//! The parsed TOML document the decoders read: tables in file order, every
//! key and value with its byte span in the text.
//!
//! Flow: [`parse_recoverable`] first tries [`fast`], a one-pass reader for
//! the plain shape claim files have (bare keys, `[table]` and `[[array]]`
//! headers, one-line strings without escapes, decimal numbers, local dates,
//! booleans, arrays and one-line inline tables). On anything else, or
//! anything doubtful, the fast reader gives up and the `toml` crate parses
//! the text; its `DeTable` is converted to the same tree. The fast reader
//! never decides that a text is wrong: every refusal, message and span of
//! a problem still comes from `toml`. Tests hold the two readers to the
//! same tree (spans included) on every TOML file of the repository, the
//! toml-test corpus and random edits of them (`tests.rs`).
//!
//! Why a second reader at all: building `toml`'s `DeTable` (hash maps of
//! spanned keys) was a third of checking a folder of claims, and the
//! folder check is held to 1.5x the time of `cat` (docs/performance.md).

mod fast;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

/// A value with the byte span of its text (a header's span for a table
/// opened by `[name]` or `[[name]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'i> {
    pub value: Value<'i>,
    pub span: Range<usize>,
}

impl<'i> Node<'i> {
    pub fn get_ref(&self) -> &Value<'i> {
        &self.value
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

/// A key with the byte span of its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Key<'i> {
    pub name: Cow<'i, str>,
    pub span: Range<usize>,
}

impl<'i> Key<'i> {
    pub fn get_ref(&self) -> &Cow<'i, str> {
        &self.name
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

/// An integer as written: its digits (sign included, no radix prefix) and
/// its radix, as `toml` keeps them; range checks are the reader's.
#[derive(Debug, Clone, PartialEq)]
pub struct Integer<'i> {
    pub digits: Cow<'i, str>,
    pub radix: u32,
}

impl Integer<'_> {
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    pub fn radix(&self) -> u32 {
        self.radix
    }
}

impl std::fmt::Display for Integer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let prefix = match self.radix {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        };
        write!(f, "{prefix}{}", self.digits)
    }
}

/// One TOML value. Numbers keep their source text, so an amount is read
/// exactly, never through a float.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'i> {
    String(Cow<'i, str>),
    Integer(Integer<'i>),
    /// A float's source text.
    Float(Cow<'i, str>),
    Boolean(bool),
    Datetime(Datetime),
    Array(Vec<Node<'i>>),
    Table(Map<'i>),
}

impl<'i> Value<'i> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_integer(&self) -> Option<&Integer<'i>> {
        match self {
            Value::Integer(i) => Some(i),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Boolean(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_datetime(&self) -> Option<&Datetime> {
        match self {
            Value::Datetime(d) => Some(d),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node<'i>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_table(&self) -> Option<&Map<'i>> {
        match self {
            Value::Table(t) => Some(t),
            _ => None,
        }
    }
}

/// A table: its entries in file order. Claim tables have a dozen keys, so
/// a lookup is a short scan, cheaper than hashing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map<'i> {
    entries: Vec<(Key<'i>, Node<'i>)>,
}

impl<'i> Map<'i> {
    pub fn new() -> Self {
        Map::default()
    }

    pub fn get(&self, key: &str) -> Option<&Node<'i>> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Key<'i>, &Node<'i>)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<'a, 'i> IntoIterator for &'a Map<'i> {
    type Item = (&'a Key<'i>, &'a Node<'i>);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Key<'i>, Node<'i>)>,
        fn(&'a (Key<'i>, Node<'i>)) -> (&'a Key<'i>, &'a Node<'i>),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

/// Parses a document, keeping every problem `toml` finds (the tree is then
/// whatever could be read, as `toml` recovered it).
pub fn parse_recoverable(text: &str) -> (Map<'_>, Vec<toml::de::Error>) {
    match fast::parse(text) {
        Some(map) => (map, Vec::new()),
        None => parse_with_toml_only(text),
    }
}

/// Parses a document, stopping at its first problem.
pub fn parse(text: &str) -> Result<Map<'_>, toml::de::Error> {
    if let Some(map) = fast::parse(text) {
        return Ok(map);
    }
    DeTable::parse(text).map(|doc| from_toml(doc.into_inner()))
}

/// The two readers on their own, for the tests that hold them to the same
/// tree: the fast one (`None` when it leaves the text to `toml`)...
pub fn parse_fast_only(text: &str) -> Option<Map<'_>> {
    fast::parse(text)
}

/// ... and `toml`'s, converted.
pub fn parse_with_toml_only(text: &str) -> (Map<'_>, Vec<toml::de::Error>) {
    let (doc, errors) = DeTable::parse_recoverable(text);
    (from_toml(doc.into_inner()), errors)
}

/// The tree of a document `toml` parsed.
fn from_toml(table: DeTable<'_>) -> Map<'_> {
    Map {
        entries: table
            .into_iter()
            .map(|(key, value)| {
                let span = key.span();
                (
                    Key {
                        name: key.into_inner(),
                        span,
                    },
                    node_from_toml(value),
                )
            })
            .collect(),
    }
}

fn node_from_toml(node: Spanned<DeValue<'_>>) -> Node<'_> {
    let span = node.span();
    let value = match node.into_inner() {
        DeValue::String(s) => Value::String(s),
        // `DeInteger` and `DeFloat` lend their text only: copied here, on
        // the slow path alone.
        DeValue::Integer(i) => Value::Integer(Integer {
            digits: Cow::Owned(i.as_str().to_string()),
            radix: i.radix(),
        }),
        DeValue::Float(f) => Value::Float(Cow::Owned(f.as_str().to_string())),
        DeValue::Boolean(b) => Value::Boolean(b),
        DeValue::Datetime(d) => Value::Datetime(d),
        DeValue::Array(items) => Value::Array(items.into_iter().map(node_from_toml).collect()),
        DeValue::Table(table) => Value::Table(from_toml(table)),
    };
    Node { value, span }
}
