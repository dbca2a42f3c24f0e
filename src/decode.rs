//! Turning a parsed TOML table into typed values, with a finding for every
//! structural problem instead of stopping at the first.
//!
//! The loader parses the text into a [`crate::toml_tree`] (which keeps the
//! byte span of every key and value), then each claim kind walks its tables with a
//! [`Table`] reader: `t.string(out, "claim_name", REQUIRED)`. Each call
//! records the key as known, and reports `missing-field` or `wrong-type` at
//! the exact place. [`Table::finish`] then reports every key nobody asked for
//! as `unknown-field`, with the nearest known key suggested. So the list of
//! known keys *is* the decoding code: it cannot drift from it.

use std::borrow::Cow;
use std::ops::Range;

use crate::toml_tree::{Map, Node, Value as TomlValue};
use chrono::NaiveDate;
use compact_str::CompactString;
use rust_decimal::Decimal;

use crate::diag::Finding;
use crate::rules::any::{missing_field, unknown_field, wrong_type};

/// A decoded value with the byte span of its source text and its field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Range<usize>,
    /// Dotted path of the field (`customer_contact.email`, `documents[0].path`),
    /// inline up to 24 bytes: most paths are, and each decoded value has one.
    pub path: CompactString,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Range<usize>, path: impl Into<CompactString>) -> Self {
        Sp {
            value,
            span,
            path: path.into(),
        }
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// A closed list of string values (an enum in the claim format).
pub trait StrEnum: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn parse(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == text)
    }
    /// The allowed values, for messages: `"a", "b" or "c"`.
    fn allowed() -> String {
        quoted_list(Self::ALL.iter().map(|v| v.as_str()))
    }
}

/// `"a", "b" or "c"`.
pub fn quoted_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| format!("\"{s}\"")).collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// Declares a [`StrEnum`]: `str_enum! { pub enum Stage { Draft = "draft", ... } }`.
#[macro_export]
macro_rules! str_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $($(#[$vmeta])* $variant),+ }

        impl $crate::decode::StrEnum for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::decode::StrEnum::as_str(*self))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::decode::StrEnum::as_str(*self))
            }
        }
    };
}

/// Whether a field must be present (and not empty).
pub const REQUIRED: bool = true;
/// Whether a field may be left out.
pub const OPTIONAL: bool = false;

type Value<'i> = Node<'i>;

/// Room for the keys a table of the format has, so that the list of known
/// keys is allocated once per table (a claim's top level has 17).
const KNOWN_KEYS: usize = 24;

/// Reads one TOML table, remembering which keys the format knows.
pub struct Table<'t, 'i> {
    table: &'t Map<'i>,
    span: Range<usize>,
    path: CompactString,
    known: Vec<&'static str>,
    /// Set when describing the format instead of reading a file: every
    /// getter then records its key, type and requiredness here.
    schema: Option<SchemaNode>,
}

/// The keys one table of the format has, as recorded by a decoder run in
/// schema mode ([`Table::describe`]); [`crate::schema`] renders it.
#[derive(Debug, Default)]
pub struct ObjectSchema {
    pub properties: Vec<(String, PropertySchema)>,
    pub required: Vec<String>,
}

/// One key of an [`ObjectSchema`].
#[derive(Debug)]
pub enum PropertySchema {
    /// A value: its JSON Schema fragment (type, enum, format).
    Value(serde_json::Value),
    /// A sub-table.
    Table(SchemaNode),
    /// An array of tables.
    Tables(SchemaNode),
}

/// A shared handle on an [`ObjectSchema`] being recorded.
pub type SchemaNode = std::rc::Rc<std::cell::RefCell<ObjectSchema>>;

impl<'t, 'i> Table<'t, 'i> {
    /// The document's top-level table.
    pub fn root(table: &'t Map<'i>) -> Self {
        Table {
            table,
            span: 0..0,
            path: CompactString::const_new(""),
            known: Vec::with_capacity(KNOWN_KEYS),
            schema: None,
        }
    }

    /// A reader over an empty table that records, instead of reading, every
    /// key a decoder asks for: running a decoder on it yields the format's
    /// schema, so the schema cannot drift from the loading code.
    pub fn describe(empty: &'t Map<'i>) -> (Self, SchemaNode) {
        let node = SchemaNode::default();
        let mut table = Table::root(empty);
        table.schema = Some(node.clone());
        (table, node)
    }

    /// Records a key in schema mode; does nothing when reading a file.
    /// The fragment is built only in schema mode: decoding a file must not
    /// pay for a JSON value per field.
    pub fn note_schema(
        &self,
        key: &str,
        required: bool,
        fragment: impl FnOnce() -> serde_json::Value,
    ) {
        if self.schema.is_some() {
            self.note(key, required, PropertySchema::Value(fragment()));
        }
    }

    fn note(&self, key: &str, required: bool, property: PropertySchema) {
        if let Some(node) = &self.schema {
            let mut node = node.borrow_mut();
            if node.properties.iter().any(|(k, _)| k == key) {
                return;
            }
            node.properties.push((key.to_string(), property));
            if required {
                node.required.push(key.to_string());
            }
        }
    }

    /// In schema mode, a child reader recording into a new node.
    fn describe_child(&self, key: &str, required: bool, array: bool) -> Option<Table<'t, 'i>> {
        self.schema.as_ref()?;
        let node = SchemaNode::default();
        self.note(
            key,
            required,
            if array {
                PropertySchema::Tables(node.clone())
            } else {
                PropertySchema::Table(node.clone())
            },
        );
        Some(Table {
            table: self.table,
            span: 0..0,
            path: self.field_path(key),
            known: Vec::with_capacity(KNOWN_KEYS),
            schema: Some(node),
        })
    }

    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    fn field_path(&self, key: &str) -> CompactString {
        // Built by hand: every decoded value has one, and `format!` was a
        // twentieth of checking a claim (docs/performance.md).
        if self.path.is_empty() {
            CompactString::from(key)
        } else {
            let mut path = CompactString::with_capacity(self.path.len() + 1 + key.len());
            path.push_str(&self.path);
            path.push('.');
            path.push_str(key);
            path
        }
    }

    /// Marks `key` as part of the format and returns its value.
    pub fn get(&mut self, key: &'static str) -> Option<&'t Value<'i>> {
        if !self.known.contains(&key) {
            self.known.push(key);
        }
        self.table.get(key)
    }

    fn missing(&self, out: &mut Vec<Finding>, key: &str) {
        let path = self.field_path(key);
        let where_ = if self.path.is_empty() {
            "at the top of the file".to_string()
        } else {
            format!("in `[{}]`", self.path)
        };
        out.push(
            Finding::new(
                &missing_field::RULE,
                format!("required field `{path}` is missing"),
            )
            .at_span(path, self.span.clone())
            .label(format!("`{key}` is required here"))
            .help(format!("add `{key} = ...` {where_}")),
        );
    }

    fn wrong_type(&self, out: &mut Vec<Finding>, key: &str, value: &Value<'_>, expected: &str) {
        let path = self.field_path(key);
        out.push(
            Finding::new(
                &wrong_type::RULE,
                format!(
                    "`{path}` must be {expected}, not {}",
                    describe(value.get_ref())
                ),
            )
            .at_span(path, value.span())
            .label(format!("expected {expected}")),
        );
    }

    fn empty(&self, out: &mut Vec<Finding>, key: &str, span: Range<usize>) {
        let path = self.field_path(key);
        out.push(
            Finding::new(
                &missing_field::RULE,
                format!("required field `{path}` is empty"),
            )
            .at_span(path, span)
            .label("empty")
            .help(format!("fill in `{key}`")),
        );
    }

    /// A string value. Required strings must not be blank.
    pub fn string(
        &mut self,
        out: &mut Vec<Finding>,
        key: &'static str,
        required: bool,
    ) -> Option<Sp<String>> {
        self.note_schema(key, required, || serde_json::json!({"type": "string"}));
        let Some(value) = self.get(key) else {
            if required {
                self.missing(out, key);
            }
            return None;
        };
        let Some(text) = value.get_ref().as_str() else {
            self.wrong_type(out, key, value, "a string");
            return None;
        };
        if required && text.trim().is_empty() {
            self.empty(out, key, value.span());
            return None;
        }
        Some(Sp::new(
            text.to_string(),
            value.span(),
            self.field_path(key),
        ))
    }

    /// An optional string that, when given, must not be blank: a document's
    /// `path` or `url`, where an empty string names nothing. A blank one is
    /// one `missing-field` finding and reads as absent.
    pub fn non_blank_string(
        &mut self,
        out: &mut Vec<Finding>,
        key: &'static str,
    ) -> Option<Sp<String>> {
        let value = self.string(out, key, OPTIONAL)?;
        if !value.value.trim().is_empty() {
            return Some(value);
        }
        out.push(
            Finding::new(
                &missing_field::RULE,
                format!("`{}` is empty: an empty string names no {key}", value.path),
            )
            .at(&value)
            .label("empty")
            .help(match key {
                "path" => "give the file, e.g. `path = \"poe/signed-sow.pdf\"` (relative to this claim file), or `url = \"https://...\"` for online evidence",
                _ => "give the address, e.g. `url = \"https://...\"`, or a file with `path`",
            }),
        );
        None
    }

    /// An identifier written as a string or a whole number (`partner_id`).
    pub fn id(
        &mut self,
        out: &mut Vec<Finding>,
        key: &'static str,
        required: bool,
    ) -> Option<Sp<String>> {
        self.note_schema(
            key,
            required,
            || serde_json::json!({"type": ["string", "integer"]}),
        );
        if let Some(value) = self.table.get(key)
            && let Some(int) = value.get_ref().as_integer()
        {
            self.get(key);
            return Some(Sp::new(
                int.as_str().replace('_', ""),
                value.span(),
                self.field_path(key),
            ));
        }
        self.string(out, key, required)
    }

    /// One of the values of `E`; anything else is `wrong-type` listing them.
    pub fn enumeration<E: StrEnum>(
        &mut self,
        out: &mut Vec<Finding>,
        key: &'static str,
        required: bool,
    ) -> Option<Sp<E>> {
        self.note_schema(key, required, || serde_json::json!({"type": "string", "enum": E::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>()}));
        let text = self.string(out, key, required)?;
        if let Some(v) = E::parse(text.value.trim()) {
            Some(Sp::new(v, text.span, text.path))
        } else {
            let mut finding = Finding::new(
                &wrong_type::RULE,
                format!(
                    "`{}` must be one of {}, not \"{}\"",
                    text.path,
                    E::allowed(),
                    text.value
                ),
            )
            .at(&text)
            .label("not an allowed value");
            if let Some(near) = nearest(&text.value, E::ALL.iter().map(|v| v.as_str())) {
                finding = finding.help(format!("did you mean \"{near}\"?"));
            }
            out.push(finding);
            None
        }
    }

    pub fn boolean(
        &mut self,
        out: &mut Vec<Finding>,
        key: &'static str,
        required: bool,
    ) -> Option<Sp<bool>> {
        self.note_schema(key, required, || serde_json::json!({"type": "boolean"}));
        let Some(value) = self.get(key) else {
            if required {
                self.missing(out, key);
            }
            return None;
        };
        if let Some(b) = value.get_ref().as_bool() {
            Some(Sp::new(b, value.span(), self.field_path(key)))
        } else {
            self.wrong_type(out, key, value, "true or false");
            None
        }
    }

    /// A TOML local date (`2026-09-15`, no quotes).
    pub fn date(
        &mut self,
        out: &mut Vec<Finding>,
        key: &'static str,
        required: bool,
    ) -> Option<Sp<NaiveDate>> {
        self.note_schema(
            key,
            required,
            || serde_json::json!({"type": "string", "format": "date"}),
        );
        let Some(value) = self.get(key) else {
            if required {
                self.missing(out, key);
            }
            return None;
        };
        let parsed = value.get_ref().as_datetime().and_then(|dt| {
            let date = dt.date?;
            if dt.time.is_some() || dt.offset.is_some() {
                return None;
            }
            NaiveDate::from_ymd_opt(i32::from(date.year), date.month.into(), date.day.into())
        });
        if let Some(date) = parsed {
            return Some(Sp::new(date, value.span(), self.field_path(key)));
        }
        let path = self.field_path(key);
        let mut finding = Finding::new(
            &wrong_type::RULE,
            format!(
                "`{path}` must be a date like 2026-09-15, not {}",
                describe(value.get_ref())
            ),
        )
        .at_span(path, value.span())
        .label("expected a date (YYYY-MM-DD)");
        if let Some(text) = value.get_ref().as_str()
            && NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").is_ok()
        {
            finding = finding.help(format!("write the date without quotes: {key} = {text}"));
        } else if let Some(reason) = value
            .get_ref()
            .as_str()
            .map(str::to_string)
            .or_else(|| value.get_ref().as_datetime().map(ToString::to_string))
            .as_deref()
            .and_then(no_such_date)
        {
            finding = finding.help(reason);
        }
        out.push(finding);
        None
    }

    /// An exact decimal written as a string, an integer or a float. A float
    /// is read from its source text, so `0.1` is exactly one tenth.
    pub fn decimal(
        &mut self,
        out: &mut Vec<Finding>,
        key: &'static str,
        required: bool,
    ) -> Option<Sp<Decimal>> {
        self.note_schema(key, required, || serde_json::json!({"anyOf": [{"type": "string", "pattern": "^[+-]?[0-9]+(\\.[0-9]+)?$"}, {"type": "number"}]}));
        let Some(value) = self.get(key) else {
            if required {
                self.missing(out, key);
            }
            return None;
        };
        let text: Option<Cow<'_, str>> = match value.get_ref() {
            TomlValue::String(s) => Some(Cow::Borrowed(s.trim())),
            TomlValue::Integer(i) if i.radix() == 10 => {
                Some(Cow::Owned(i.as_str().replace('_', "")))
            }
            TomlValue::Float(f) => Some(Cow::Owned(f.replace('_', ""))),
            _ => None,
        };
        match text.as_deref().map(parse_decimal_exact) {
            Some(Ok(d)) => Some(Sp::new(d, value.span(), self.field_path(key))),
            Some(Err(DecimalProblem::TooManyDigits)) => {
                self.wrong_type(
                    out,
                    key,
                    value,
                    "a number of at most 28 significant digits and 28 decimal places (kept exactly, never rounded)",
                );
                None
            }
            _ => {
                self.wrong_type(out, key, value, "an amount like \"12500.00\"");
                None
            }
        }
    }

    /// A whole number.
    pub fn integer(
        &mut self,
        out: &mut Vec<Finding>,
        key: &'static str,
        required: bool,
    ) -> Option<Sp<i64>> {
        self.note_schema(key, required, || serde_json::json!({"type": "integer"}));
        let Some(value) = self.get(key) else {
            if required {
                self.missing(out, key);
            }
            return None;
        };
        if let Some(n) = value
            .get_ref()
            .as_integer()
            .and_then(|i| i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok())
        {
            Some(Sp::new(n, value.span(), self.field_path(key)))
        } else {
            self.wrong_type(out, key, value, "a whole number");
            None
        }
    }

    /// An array of strings. `Some` with an empty list when written as `[]`.
    pub fn string_list(
        &mut self,
        out: &mut Vec<Finding>,
        key: &'static str,
        required: bool,
    ) -> Option<Sp<Vec<Sp<String>>>> {
        self.note_schema(
            key,
            required,
            || serde_json::json!({"type": "array", "items": {"type": "string"}}),
        );
        let Some(value) = self.get(key) else {
            if required {
                self.missing(out, key);
            }
            return None;
        };
        let path = self.field_path(key);
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(out, key, value, "a list of strings");
            return None;
        };
        let mut items = Vec::new();
        for (i, item) in array.iter().enumerate() {
            match item.get_ref().as_str() {
                Some(s) => items.push(Sp::new(s.to_string(), item.span(), item_path(&path, i))),
                None => out.push(
                    Finding::new(
                        &wrong_type::RULE,
                        format!(
                            "`{path}[{i}]` must be a string, not {}",
                            describe(item.get_ref())
                        ),
                    )
                    .at_span(format!("{path}[{i}]"), item.span())
                    .label("expected a string"),
                ),
            }
        }
        Some(Sp::new(items, value.span(), path))
    }

    /// A sub-table (`[customer_contact]` or an inline table).
    pub fn table(
        &mut self,
        out: &mut Vec<Finding>,
        key: &'static str,
        required: bool,
    ) -> Option<Table<'t, 'i>> {
        if let Some(child) = self.describe_child(key, required, false) {
            return Some(child);
        }
        let Some(value) = self.get(key) else {
            if required {
                self.missing(out, key);
            }
            return None;
        };
        if let Some(table) = value.get_ref().as_table() {
            Some(Table {
                table,
                span: value.span(),
                path: self.field_path(key),
                known: Vec::with_capacity(KNOWN_KEYS),
                schema: None,
            })
        } else {
            self.wrong_type(out, key, value, &format!("a table (`[{key}]`)"));
            None
        }
    }

    /// An array of tables (`[[documents]]`); each comes with its index.
    pub fn tables(&mut self, out: &mut Vec<Finding>, key: &'static str) -> Vec<Table<'t, 'i>> {
        if let Some(child) = self.describe_child(key, OPTIONAL, true) {
            return vec![child];
        }
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let path = self.field_path(key);
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(out, key, value, &format!("a list of tables (`[[{key}]]`)"));
            return Vec::new();
        };
        let mut tables = Vec::new();
        for (i, item) in array.iter().enumerate() {
            match item.get_ref().as_table() {
                Some(table) => tables.push(Table {
                    table,
                    span: item.span(),
                    path: item_path(&path, i),
                    known: Vec::with_capacity(KNOWN_KEYS),
                    schema: None,
                }),
                None => out.push(
                    Finding::new(
                        &wrong_type::RULE,
                        format!(
                            "`{path}[{i}]` must be a table, not {}",
                            describe(item.get_ref())
                        ),
                    )
                    .at_span(format!("{path}[{i}]"), item.span())
                    .label(format!("expected a `[[{key}]]` table")),
                ),
            }
        }
        tables
    }

    /// Reports every key the format does not have (`unknown-field`).
    pub fn finish(self, out: &mut Vec<Finding>) {
        for (key, _) in self.table {
            let name = key.get_ref().as_ref();
            if self.known.contains(&name) {
                continue;
            }
            let path = self.field_path(name);
            let mut finding = Finding::new(&unknown_field::RULE, format!("unknown field `{path}`"))
                .at_span(path, key.span())
                .label("not a field of this claim kind");
            finding = match nearest(name, self.known.iter().copied()) {
                Some(near) => finding.help(format!("did you mean `{near}`?")),
                None => finding.help(format!(
                    "the fields here are: {}",
                    self.known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            };
            out.push(finding);
        }
    }
}

/// An exact decimal from text: plain (`12.50`) or scientific (`1.25e3`).
/// `None` for text that is no number, and for a number that cannot be kept
/// exactly (see [`parse_decimal_exact`]).
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    parse_decimal_exact(text).ok()
}

/// The most significant digits an amount may have (spec claim-files.md:
/// amounts and their sums are exact up to 28 significant digits).
pub const MAX_SIGNIFICANT_DIGITS: u32 = 28;

/// Why a text is no exact decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalProblem {
    /// Not a number at all (`"12,500.00"`, `"abc"`).
    NotANumber,
    /// A number with more than [`MAX_SIGNIFICANT_DIGITS`] significant
    /// digits or decimal places: it cannot be kept exactly, and is never
    /// rounded (`"12500.3000000000000000000000001"` is not 12,500.30).
    TooManyDigits,
}

/// An exact decimal from text, never rounded: a number with more digits
/// than a [`Decimal`] keeps exactly is [`DecimalProblem::TooManyDigits`].
pub fn parse_decimal_exact(text: &str) -> Result<Decimal, DecimalProblem> {
    let text = text.trim().trim_start_matches('+');
    if text.is_empty() {
        return Err(DecimalProblem::NotANumber);
    }
    let exact = if text.contains(['e', 'E']) {
        Decimal::from_scientific(text)
    } else {
        Decimal::from_str_exact(text)
    };
    match exact {
        Ok(d) if crate::money::significant_digits(d) <= MAX_SIGNIFICANT_DIGITS => {
            // from_scientific may round a long mantissa: exact only when
            // every written digit survived.
            if text.contains(['e', 'E']) && mantissa_digits(text) > MAX_SIGNIFICANT_DIGITS {
                Err(DecimalProblem::TooManyDigits)
            } else {
                Ok(d)
            }
        }
        Ok(_) => Err(DecimalProblem::TooManyDigits),
        // A well-formed number that did not fit (too many digits or
        // decimal places, or too large).
        Err(_) if is_plain_number(text) => Err(DecimalProblem::TooManyDigits),
        Err(_) => Err(DecimalProblem::NotANumber),
    }
}

/// `-12.50`, `1.25e3`: digits, at most one point, an optional sign and
/// exponent.
fn is_plain_number(text: &str) -> bool {
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (text, None),
    };
    let mantissa = mantissa.strip_prefix('-').unwrap_or(mantissa);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((i, f)) => (i.is_empty() || digits(i)) && digits(f),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.trim_start_matches(['+', '-'])));
    mantissa_ok && exponent_ok
}

/// Significant digits written in the mantissa of `1.2500e3` (leading zeros
/// and trailing zeros do not count).
fn mantissa_digits(text: &str) -> u32 {
    let mantissa = text.split(['e', 'E']).next().unwrap_or("");
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0').trim_end_matches('0');
    u32::try_from(digits.len()).unwrap_or(u32::MAX)
}

/// "a string (\"x\")", "an integer (5)"...: what the user actually wrote.
fn describe(value: &TomlValue<'_>) -> String {
    let shorten = |s: &str| {
        if s.chars().count() > 40 {
            format!("{}…", s.chars().take(40).collect::<String>())
        } else {
            s.to_string()
        }
    };
    match value {
        TomlValue::String(s) => format!("the string \"{}\"", shorten(s)),
        TomlValue::Integer(i) => format!("the integer {}", i.as_str()),
        TomlValue::Float(f) => format!("the number {f}"),
        TomlValue::Boolean(b) => format!("the boolean {b}"),
        TomlValue::Datetime(d) => format!("the date-time {d}"),
        TomlValue::Array(_) => "a list".to_string(),
        TomlValue::Table(_) => "a table".to_string(),
    }
}

/// The closest candidate to `word`, when it is close enough to be a typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word_lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Why `YYYY-MM-DD` text is no date: "September 2026 has 30 days", "there
/// is no month 13". `None` when it is not of that shape (or is a date).
pub fn no_such_date(text: &str) -> Option<String> {
    let mut parts = text.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let shape = y.len() == 4 && m.len() == 2 && d.len() == 2;
    if !shape
        || ![y, m, d]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (year, month, day): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&month) {
        return Some(format!("there is no month {month}: months are 01 to 12"));
    }
    if NaiveDate::from_ymd_opt(year, month, day).is_some() {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    let days = (next - first).num_days();
    Some(format!("{} {year} has {days} days", first.format("%B")))
}

/// `path[i]`, the path of a list's item (built by hand, as
/// `field_path` is: every item of every list has one).
fn item_path(path: &str, i: usize) -> CompactString {
    let mut item = CompactString::with_capacity(path.len() + 6);
    item.push_str(path);
    item.push('[');
    item.push_str(itoa::Buffer::new().format(i));
    item.push(']');
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_impossible_date_says_why() {
        assert_eq!(
            no_such_date("2026-09-31").as_deref(),
            Some("September 2026 has 30 days")
        );
        assert_eq!(
            no_such_date("2027-02-29").as_deref(),
            Some("February 2027 has 28 days")
        );
        assert!(no_such_date("2026-13-01").unwrap().contains("no month 13"));
        assert_eq!(no_such_date("2026-09-30"), None);
        assert_eq!(no_such_date("soon"), None);
    }

    fn with_root(
        text: &str,
        f: impl FnOnce(&mut Table<'_, '_>, &mut Vec<Finding>),
    ) -> Vec<Finding> {
        let doc = crate::toml_tree::parse(text).unwrap();
        let mut out = Vec::new();
        let mut t = Table::root(&doc);
        f(&mut t, &mut out);
        t.finish(&mut out);
        out
    }

    #[test]
    fn floats_are_read_from_their_source_text() {
        let mut got = None;
        with_root("amount = 0.1\n", |t, out| {
            got = t.decimal(out, "amount", REQUIRED);
        });
        assert_eq!(got.unwrap().value, Decimal::new(1, 1));
    }

    #[test]
    fn unknown_key_suggests_the_nearest_known_one() {
        let out = with_root("claim_nme = \"x\"\n", |t, out| {
            t.string(out, "claim_name", OPTIONAL);
        });
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].rule, "unknown-field");
        assert_eq!(out[0].help.as_deref(), Some("did you mean `claim_name`?"));
        assert_eq!(out[0].span, Some(0..9));
    }

    #[test]
    fn quoted_date_is_wrong_type_with_a_fix() {
        let out = with_root("since = \"2026-01-02\"\n", |t, out| {
            t.date(out, "since", REQUIRED);
        });
        assert_eq!(out[0].rule, "wrong-type");
        assert!(
            out[0]
                .help
                .as_deref()
                .unwrap()
                .contains("since = 2026-01-02")
        );
    }

    #[test]
    fn quoted_list_reads_naturally() {
        assert_eq!(quoted_list(["a", "b", "c"]), "\"a\", \"b\" or \"c\"");
        assert_eq!(quoted_list(["a"]), "\"a\"");
    }
}
