//! Rich text that keeps claimtool's own words apart from user values.
//!
//! SUBMIT.md and the checklists mix fixed wording ("Select **Use or
//! Consume**") with values from the claim file (a claim name, a finding
//! message that quotes a path). A [`Rich`] is a list of [`Inline`]s that
//! says which is which, so each renderer treats user values one way, in one
//! place: Markdown sets them in code spans (no HTML, no links, no emphasis
//! can come out of them, and linkifiers skip code), HTML escapes them
//! (askama), JSON writes them as they are.
//!
//! Rule of use: anything that is not a fixed text written in this crate
//! (a claim value, a config value, a finding message or help, which may
//! quote claim values) goes through [`Rich::value`].

use std::borrow::Cow;

use serde::Serialize;

/// One piece of rich text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// claimtool's own wording: trusted, written in this crate.
    Text(Cow<'static, str>),
    /// claimtool's own wording, emphasised (a button or menu name).
    Strong(Cow<'static, str>),
    /// A value from the claim, the config or a finding: never trusted.
    Value(String),
}

/// A line of rich text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rich(pub Vec<Inline>);

impl Rich {
    pub fn new() -> Self {
        Rich(Vec::new())
    }

    /// Appends claimtool's own wording (never a user value).
    pub fn text(mut self, text: impl Into<Cow<'static, str>>) -> Self {
        self.0.push(Inline::Text(text.into()));
        self
    }

    /// Appends claimtool's own wording, emphasised.
    pub fn strong(mut self, text: impl Into<Cow<'static, str>>) -> Self {
        self.0.push(Inline::Strong(text.into()));
        self
    }

    /// Appends a user value (escaped by every renderer).
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.0.push(Inline::Value(value.into()));
        self
    }

    /// Appends a key, command or file name of claimtool's own, set as code
    /// like a value (`status.since`, `claimtool cpor checklist`).
    pub fn code(self, text: impl Into<String>) -> Self {
        self.value(text)
    }

    /// Appends user values separated by `sep` (our own wording).
    pub fn values<V: Into<String>>(
        mut self,
        sep: &'static str,
        values: impl IntoIterator<Item = V>,
    ) -> Self {
        for (i, v) in values.into_iter().enumerate() {
            if i > 0 {
                self = self.text(sep);
            }
            self = self.value(v);
        }
        self
    }

    /// Appends another rich text.
    pub fn then(mut self, other: Rich) -> Self {
        self.0.extend(other.0);
        self
    }

    /// A finding's message in words: the values it quotes (in backticks
    /// or double quotes: a path, a field, a name) become values, the rest
    /// text; a word that a linkifier would turn into a link (`https://...`,
    /// `www.`, an email address) stays a value. The text is not
    /// claimtool's own, so it relies on [`escape_text`] (Markdown) and
    /// askama (HTML) escaping running text.
    pub fn from_message(message: &str) -> Self {
        let mut r = Rich::new();
        for (i, part) in message.split('`').enumerate() {
            if i % 2 == 1 {
                if !part.is_empty() {
                    r = r.value(part);
                }
                continue;
            }
            for (j, piece) in part.split('"').enumerate() {
                if piece.is_empty() {
                    continue;
                }
                r = if j % 2 == 1 {
                    r.value(piece)
                } else {
                    r.words(piece)
                };
            }
        }
        r
    }

    /// Running text of a message, link-like words set apart as values.
    fn words(mut self, text: &str) -> Self {
        let mut run = String::new();
        for (j, word) in text.split(' ').enumerate() {
            if j > 0 {
                run.push(' ');
            }
            let linkish = word.contains("://")
                || word.to_ascii_lowercase().starts_with("www.")
                || word.contains('@');
            if linkish {
                if !run.is_empty() {
                    self = self.text(std::mem::take(&mut run));
                }
                self = self.value(word);
            } else {
                run.push_str(word);
            }
        }
        if !run.is_empty() {
            self = self.text(run);
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text without markup (JSON, terminals).
    pub fn plain(&self) -> String {
        self.0
            .iter()
            .map(|i| match i {
                Inline::Text(t) | Inline::Strong(t) => t.as_ref(),
                Inline::Value(v) => v.as_str(),
            })
            .collect()
    }

    /// CommonMark: own wording with its markup characters escaped,
    /// emphasis as `**...**`, user values as code spans.
    pub fn markdown(&self) -> String {
        self.0
            .iter()
            .enumerate()
            .map(|(n, i)| match i {
                Inline::Text(t) if n == 0 && t.trim_start().starts_with('>') => {
                    escape_text(t).replacen('>', "\\>", 1)
                }
                Inline::Text(t) => escape_text(t),
                Inline::Strong(t) => format!("**{}**", escape_text(t)),
                Inline::Value(v) => code_span(v),
            })
            .collect()
    }
}

impl From<&'static str> for Rich {
    fn from(text: &'static str) -> Self {
        Rich::new().text(text)
    }
}

impl Serialize for Rich {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.plain())
    }
}

/// claimtool's own wording for Markdown, escaped only where a character
/// could start markup in running text, so that the file also reads as
/// plain text ("Incentives > Customer claims", "Add customer | Associate
/// customer" keep no backslash):
///
/// - always: `\\`, `` ` ``, `*`, `[`, `]`, `<`, `~` (escapes, code,
///   emphasis, links and images, HTML and autolinks, strikethrough);
/// - `_` unless it is inside a word (where it never opens or closes
///   emphasis);
/// - `&` before `#` or a letter or digit (an entity);
/// - `>` only where [`Rich::markdown`] may start a line (a block quote):
///   the first piece's leading `>`.
///
/// `!` needs nothing (an image needs the `[` after it), nor `|` (a table
/// needs a delimiter row, and the text is one line: control characters
/// become spaces). Safe for text that is not claimtool's own in running
/// text (a finding's words, [`Rich::from_message`]): what it leaves
/// unescaped cannot start markup inside a line.
pub fn escape_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '~' => true,
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '&' => next.is_some_and(|n| n == '#' || n.is_ascii_alphanumeric()),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

/// A CommonMark code span holding `value` literally.
///
/// Inside a code span nothing is interpreted: no HTML, no entity, no link,
/// no emphasis, no backslash escape. What is left to handle: line breaks
/// (a block could start on the next line, so every control character
/// becomes a space), backticks in the value (the fence is one longer than
/// the longest run inside), a value that starts or ends with a backtick or
/// with spaces on both sides (one space of padding each side, which
/// CommonMark strips again), and the empty value (no code span exists for
/// it).
pub fn code_span(value: &str) -> String {
    let clean: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.is_empty() {
        return "*(empty)*".to_string();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in clean.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let all_spaces = clean.chars().all(|c| c == ' ');
    let pad = clean.starts_with('`')
        || clean.ends_with('`')
        || (!all_spaces && clean.starts_with(' ') && clean.ends_with(' '));
    if pad {
        format!("{fence} {clean} {fence}")
    } else {
        format!("{fence}{clean}{fence}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_fence_backticks_and_flatten_lines() {
        assert_eq!(code_span("abc"), "`abc`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(code_span("a``b`"), "``` a``b` ```");
        assert_eq!(code_span("line\n# heading"), "`line # heading`");
        assert_eq!(code_span(" x "), "`  x  `");
        assert_eq!(code_span(""), "*(empty)*");
        assert_eq!(code_span("<b>&amp;</b>"), "`<b>&amp;</b>`");
    }

    #[test]
    fn markdown_keeps_values_in_code_and_plain_keeps_them_raw() {
        let r = Rich::new()
            .text("Enter ")
            .value("[x](javascript:alert(1))")
            .text(", then click ")
            .strong("Next");
        assert_eq!(
            r.markdown(),
            "Enter `[x](javascript:alert(1))`, then click **Next**"
        );
        assert_eq!(r.plain(), "Enter [x](javascript:alert(1)), then click Next");
        assert_eq!(
            Rich::new().values(", ", ["a", "b`"]).markdown(),
            "`a`, `` b` ``"
        );
    }

    #[test]
    fn own_text_escapes_markup() {
        assert_eq!(escape_text("Claim name*"), "Claim name\\*");
        assert_eq!(escape_text("a <b> & [c]"), "a \\<b> & \\[c\\]");
        assert_eq!(escape_text("&amp; &#60;"), "\\&amp; \\&#60;");
        assert_eq!(Rich::new().text(" > quote").markdown(), " \\> quote");
        assert_eq!(Rich::new().strong("a").text(" > b").markdown(), "**a** > b");
    }

    #[test]
    fn own_text_reads_as_plain_text_where_nothing_can_start_markup() {
        for plain in [
            "Incentives > Customer claims",
            "Add customer | Associate customer",
            "Hello! R & D, customer_name",
        ] {
            assert_eq!(escape_text(plain), plain);
        }
        assert_eq!(escape_text("_a_ b_"), "\\_a\\_ b\\_");
    }

    #[test]
    fn messages_keep_quoted_values_and_links_apart() {
        let r = Rich::from_message(
            "claimtool cannot read `poe/a.pdf`: see https://x.example or a@b.c *now* \"<b>\"",
        );
        assert_eq!(
            r.markdown(),
            "claimtool cannot read `poe/a.pdf`: see `https://x.example` or `a@b.c` \\*now\\* `<b>`"
        );
        assert_eq!(
            r.plain(),
            "claimtool cannot read poe/a.pdf: see https://x.example or a@b.c *now* <b>"
        );
        let hostile = Rich::from_message("<img src=x onerror=alert(1)> [x](javascript:y) &lt;");
        assert_eq!(
            hostile.markdown(),
            "\\<img src=x onerror=alert(1)> \\[x\\](javascript:y) \\&lt;"
        );
    }
}
