//! The claim a wizard is building, as an editable TOML document.
//!
//! A [`Draft`] wraps a `toml_edit` document, so a claim opened with
//! `--from` keeps its order, layout and comments, and the keys a wizard adds
//! come with a comment saying what Partner Center calls them. Fields are
//! addressed by the same dotted paths the findings carry
//! (`customer_contact.email`, `documents[0].signed_on`), which is how the
//! wizard matches the rule engine's findings to the answer just given.
//!
//! The text is written with [`crate::fsutil::write_atomic`] (a temporary
//! file renamed into place), so a draft on disk is always a whole TOML
//! document: a killed process leaves the previous answer's draft, never half
//! a file.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

/// Lines of the header a wizard writes start with this, so the header can
/// be replaced when the file is opened again without touching the user's
/// own comments.
pub const HEADER_MARK: &str = "# claimtool:";

/// One step of a field path: a key, and an index into an array of tables.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step<'a> {
    key: &'a str,
    index: Option<usize>,
}

/// `documents[1].signed_on` → `documents` #1, `signed_on`. `None` for a
/// path that is not of that shape.
fn parse_path(path: &str) -> Option<Vec<Step<'_>>> {
    path.split('.')
        .map(|part| match part.split_once('[') {
            None if !part.is_empty() => Some(Step {
                key: part,
                index: None,
            }),
            None => None,
            Some((key, rest)) => {
                let index = rest.strip_suffix(']')?.parse().ok()?;
                (!key.is_empty()).then_some(Step {
                    key,
                    index: Some(index),
                })
            }
        })
        .collect()
}

/// Why a value could not be put where a path says.
#[derive(Debug, thiserror::Error)]
#[error("cannot set `{path}`: {reason}")]
pub struct DraftError {
    pub path: String,
    pub reason: String,
}

/// A claim being written: a TOML document edited in place.
#[derive(Debug, Clone)]
pub struct Draft {
    doc: DocumentMut,
}

impl Draft {
    /// An empty claim of a kind: `kind = "<kind>"`.
    pub fn new(kind: &str) -> Draft {
        let mut doc = DocumentMut::new();
        doc.insert("kind", Item::Value(Value::from(kind)));
        Draft { doc }
    }

    /// Opens a claim or a draft. Our own header lines are dropped (they are
    /// written again on save); everything else is kept as it is.
    pub fn parse(text: &str) -> Result<Draft, toml_edit::TomlError> {
        let mut doc: DocumentMut = text.parse()?;
        strip_header(doc.decor_mut());
        if let Some((_, item)) = doc.iter_mut().next()
            && let Item::Table(t) = item
        {
            strip_header(t.decor_mut());
        }
        if let Some(mut key) = doc.as_table_mut().iter_mut().next().map(|(k, _)| k) {
            strip_header(key.leaf_decor_mut());
        }
        Ok(Draft { doc })
    }

    /// The value at a path, if any. A path ending in an index
    /// (`documents[0]`) names a table entry, not a value: `None`.
    pub fn get(&self, path: &str) -> Option<&Item> {
        let (parent, key) = split_last(path);
        let table = match parent {
            Some(parent) => self.table_ref(parent)?,
            None => self.doc.as_table(),
        };
        table.get(key)
    }

    /// The table a path names (`customer_contact`, `documents[0]`).
    fn table_ref(&self, path: &str) -> Option<&dyn TableLike> {
        let mut table: &dyn TableLike = self.doc.as_table();
        for step in parse_path(path)? {
            let item = table.get(step.key)?;
            table = match step.index {
                Some(i) => item.as_array_of_tables()?.get(i)?,
                None => item.as_table_like()?,
            };
        }
        Some(table)
    }

    /// Whether a value is set at a path.
    pub fn has(&self, path: &str) -> bool {
        self.get(path).is_some_and(|i| !i.is_none())
    }

    /// The text of a string value.
    pub fn str(&self, path: &str) -> Option<&str> {
        self.get(path)?.as_str()
    }

    /// The strings of a list value (non-strings are skipped).
    pub fn strings(&self, path: &str) -> Option<Vec<String>> {
        let array = self.get(path)?.as_array()?;
        Some(
            array
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        )
    }

    /// The number of entries of an array of tables (`[[documents]]`).
    pub fn count(&self, path: &str) -> usize {
        self.get(path)
            .and_then(Item::as_array_of_tables)
            .map_or(0, ArrayOfTables::len)
    }

    /// Makes sure the table a path names exists; a new one gets `comment`
    /// (lines without `#`) above its header.
    pub fn ensure_table(&mut self, path: &str, comment: &str) -> Result<(), DraftError> {
        self.table_mut(path, comment).map(|_| ())
    }

    /// The table at `path`, created (with `comment`) when missing.
    fn table_mut(&mut self, path: &str, comment: &str) -> Result<&mut dyn TableLike, DraftError> {
        let err = |reason: &str| DraftError {
            path: path.to_string(),
            reason: reason.to_string(),
        };
        let steps = parse_path(path).ok_or_else(|| err("not a field path"))?;
        let mut table: &mut dyn TableLike = self.doc.as_table_mut();
        for step in steps {
            let item = table.entry(step.key).or_insert_with(|| match step.index {
                Some(_) => Item::ArrayOfTables(ArrayOfTables::new()),
                None => Item::Table(commented_table(comment)),
            });
            table = match step.index {
                None => item
                    .as_table_like_mut()
                    .ok_or_else(|| err(&format!("`{}` is not a table", step.key)))?,
                Some(i) => {
                    let array = item.as_array_of_tables_mut().ok_or_else(|| {
                        err(&format!(
                            "`{}` is not a list of `[[{}]]` tables",
                            step.key, step.key
                        ))
                    })?;
                    while array.len() <= i {
                        array.push(commented_table(comment));
                    }
                    array.get_mut(i).ok_or_else(|| err("no such entry"))?
                }
            };
        }
        Ok(table)
    }

    /// Sets a value. A new key gets `comment` (lines without `#`) above it;
    /// an existing one keeps its place, its comments and its trailing
    /// comment.
    pub fn set(&mut self, path: &str, value: Value, comment: &str) -> Result<(), DraftError> {
        let (parent, key) = split_last(path);
        let table = match parent {
            Some(parent) => self.table_mut(parent, "")?,
            None => self.doc.as_table_mut(),
        };
        match table.get_mut(key) {
            Some(Item::Value(old)) => {
                let mut value = value;
                *value.decor_mut() = old.decor().clone();
                *old = value;
            }
            Some(_) => {
                return Err(DraftError {
                    path: path.to_string(),
                    reason: "a table is there, not a value".into(),
                });
            }
            None => {
                table.insert(key, Item::Value(value));
                if !comment.is_empty()
                    && let Some(mut k) = table.key_mut(key)
                {
                    k.leaf_decor_mut().set_prefix(comment_lines(comment));
                }
            }
        }
        Ok(())
    }

    /// Removes the value at a path and returns it.
    pub fn remove(&mut self, path: &str) -> Option<Item> {
        let (parent, key) = split_last(path);
        let table: &mut dyn TableLike = match parent {
            Some(parent) => {
                self.table_ref(parent)?;
                self.table_mut(parent, "").ok()?
            }
            None => self.doc.as_table_mut(),
        };
        table.remove(key)
    }

    /// Puts back what [`Draft::remove`] or a `get` before a change returned.
    pub fn restore(&mut self, path: &str, old: Option<Item>) -> Result<(), DraftError> {
        if let Some(Item::Value(v)) = old {
            self.set(path, v, "")
        } else {
            self.remove(path);
            Ok(())
        }
    }

    /// Removes entry `index` of an array of tables; later entries move up.
    pub fn remove_entry(&mut self, path: &str, index: usize) {
        let (parent, key) = split_last(path);
        let table: Option<&mut dyn TableLike> = match parent {
            Some(parent) => self.table_mut(parent, "").ok(),
            None => Some(self.doc.as_table_mut()),
        };
        let Some(table) = table else { return };
        let Some(array) = table.get_mut(key).and_then(Item::as_array_of_tables_mut) else {
            return;
        };
        if index < array.len() {
            array.remove(index);
        }
        if array.is_empty() {
            table.remove(key);
        }
    }

    /// The TOML text, with `header` (lines without `#`, each written as a
    /// `# claimtool:` comment) at the top.
    pub fn render(&self, header: &[String]) -> String {
        let mut doc = self.doc.clone();
        let mut prefix = String::new();
        for line in header {
            prefix.push_str(HEADER_MARK);
            prefix.push(' ');
            prefix.push_str(line);
            prefix.push('\n');
        }
        if !prefix.is_empty() {
            prefix.push('\n');
        }
        doc.decor_mut().set_prefix(prefix);
        doc.to_string()
    }
}

/// A value for people: strings without quotes, lists joined with commas,
/// true/false as yes/no.
pub fn display(item: &Item) -> String {
    match item {
        Item::Value(Value::String(s)) => s.value().clone(),
        Item::Value(Value::Boolean(b)) => if *b.value() { "yes" } else { "no" }.to_string(),
        Item::Value(Value::Array(a)) => a
            .iter()
            .map(|v| {
                v.as_str()
                    .map_or_else(|| v.to_string().trim().to_string(), str::to_string)
            })
            .collect::<Vec<_>>()
            .join(", "),
        Item::Value(v) => v.to_string().trim().to_string(),
        Item::None => String::new(),
        other => other.to_string().trim().to_string(),
    }
}

fn split_last(path: &str) -> (Option<&str>, &str) {
    match path.rsplit_once('.') {
        Some((parent, key)) => (Some(parent), key),
        None => (None, path),
    }
}

fn comment_lines(comment: &str) -> String {
    let mut s = String::new();
    for line in comment.lines() {
        if line.is_empty() {
            s.push('\n');
        } else {
            s.push_str("# ");
            s.push_str(line);
            s.push('\n');
        }
    }
    s
}

fn commented_table(comment: &str) -> Table {
    let mut table = Table::new();
    table
        .decor_mut()
        .set_prefix(format!("\n{}", comment_lines(comment)));
    table
}

/// Drops leading `# claimtool:` lines (and the blank line after them).
fn strip_header(decor: &mut toml_edit::Decor) {
    let Some(prefix) = decor.prefix().and_then(|p| p.as_str()) else {
        return;
    };
    let mut rest = prefix;
    let mut stripped = false;
    while let Some(line_end) = rest.find('\n') {
        let line = &rest[..line_end];
        if line.starts_with(HEADER_MARK) {
            rest = &rest[line_end + 1..];
            stripped = true;
        } else {
            break;
        }
    }
    if stripped {
        let rest = rest.strip_prefix('\n').unwrap_or(rest).to_string();
        decor.set_prefix(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_keys_and_indexes() {
        assert_eq!(
            parse_path("documents[2].signed_on"),
            Some(vec![
                Step {
                    key: "documents",
                    index: Some(2)
                },
                Step {
                    key: "signed_on",
                    index: None
                }
            ])
        );
        assert_eq!(parse_path("a..b"), None);
        assert_eq!(parse_path("a[x]"), None);
    }

    #[test]
    fn set_builds_tables_in_order_with_comments() {
        let mut d = Draft::new("cpor");
        d.set("claim_name", Value::from("Contoso"), "Claim name*")
            .unwrap();
        d.ensure_table("customer_contact", "Contact information")
            .unwrap();
        d.set("customer_contact.email", Value::from("ada@contoso.com"), "")
            .unwrap();
        d.set("documents[0].path", Value::from("sow.pdf"), "")
            .unwrap();
        d.set("documents[1].path", Value::from("mail.eml"), "")
            .unwrap();
        let text = d.render(&["draft".into()]);
        assert_eq!(
            text,
            "# claimtool: draft\n\nkind = \"cpor\"\n# Claim name*\nclaim_name = \"Contoso\"\n\n\
             # Contact information\n[customer_contact]\nemail = \"ada@contoso.com\"\n\n\
             [[documents]]\npath = \"sow.pdf\"\n\n[[documents]]\npath = \"mail.eml\"\n"
        );
        assert_eq!(d.str("documents[1].path"), Some("mail.eml"));
        assert_eq!(d.count("documents"), 2);
        assert!(d.get("documents[5].path").is_none());
    }

    #[test]
    fn editing_keeps_comments_and_header_is_replaced_not_repeated() {
        let text =
            "# claimtool: old header\n\n# mine\nkind = \"cpor\"\nclaim_name = \"A\" # keep me\n";
        let mut d = Draft::parse(text).unwrap();
        d.set("claim_name", Value::from("B"), "ignored").unwrap();
        let out = d.render(&["new".into()]);
        assert_eq!(
            out,
            "# claimtool: new\n\n# mine\nkind = \"cpor\"\nclaim_name = \"B\" # keep me\n"
        );
        assert_eq!(Draft::parse(&out).unwrap().render(&["new".into()]), out);
    }

    #[test]
    fn remove_restore_and_remove_entry() {
        let mut d = Draft::new("cpor");
        d.set("documents[0].path", Value::from("a.pdf"), "")
            .unwrap();
        d.set("documents[1].path", Value::from("b.pdf"), "")
            .unwrap();
        let old = d.remove("documents[0].path");
        assert!(!d.has("documents[0].path"));
        d.restore("documents[0].path", old).unwrap();
        assert_eq!(d.str("documents[0].path"), Some("a.pdf"));
        d.remove_entry("documents", 0);
        assert_eq!(d.str("documents[0].path"), Some("b.pdf"));
        d.remove_entry("documents", 0);
        assert_eq!(d.count("documents"), 0);
        assert!(!d.render(&[]).contains("documents"));
        assert!(d.remove("customer_contact.email").is_none());
        assert!(
            d.get("customer_contact").is_none(),
            "remove must not create tables"
        );
    }

    #[test]
    fn display_is_plain() {
        let mut d = Draft::new("cpor");
        d.set("w", Value::from_iter(["A", "B"]), "").unwrap();
        d.set("b", Value::from(true), "").unwrap();
        d.set(
            "d",
            Value::from("2026-09-01".parse::<toml_edit::Datetime>().unwrap()),
            "",
        )
        .unwrap();
        assert_eq!(display(d.get("w").unwrap()), "A, B");
        assert_eq!(display(d.get("b").unwrap()), "yes");
        assert_eq!(display(d.get("d").unwrap()), "2026-09-01");
        assert_eq!(display(d.get("kind").unwrap()), "cpor");
    }
}
