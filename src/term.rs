//! Text that is safe to print on a terminal.
//!
//! Claim values, file names, config values and the messages that quote them
//! come from users (or from a file someone else sent). Printed raw, an
//! `ESC ] 0 ; … BEL` in a document path sets the terminal's title, an
//! `ESC [ 2 J` clears the screen, an `ESC [ 31 m` colours what follows.
//! Every user-controlled string in human output (finding messages, labels,
//! help, paths, the wizard's echo of answers, table cells, error messages)
//! goes through [`visible`] (or [`visible_lines`] for a text of several
//! lines) just before it is printed, whatever `--color` says: control
//! characters become the Unicode control pictures (`␛`, `␇`, `␊`), as the
//! source lines of the human report already show them (annotate-snippets
//! does the same there), and the bidirectional overrides that can make
//! text read differently from its bytes become `�`.
//!
//! [`clip`] keeps a quoted line short: a message never quotes more than
//! [`QUOTE_CHARS`] characters of one line of a file.

use std::borrow::Cow;
use std::fmt::Write as _;

/// The most characters of one line of a file a message quotes.
pub const QUOTE_CHARS: usize = 200;

/// `text` with every control character made visible: C0 controls
/// (including newline and tab) and DEL as their control pictures (`␛`),
/// C1 controls as `<U+009B>`, and the bidirectional embedding, override and
/// isolate characters as `�`. Borrowed when there is nothing to replace.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// [`visible`] for a text of several lines: the line breaks are kept, every
/// other control character is made visible. For messages claimtool composes
/// itself from several lines (a config's list of problems).
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && needs_replacing(c)) {
        return Cow::Borrowed(text);
    }
    let lines: Vec<Cow<'_, str>> = text.split('\n').map(visible).collect();
    Cow::Owned(lines.join("\n"))
}

/// At most `max` characters of `line`, with `…` in place of the rest.
pub fn clip(line: &str, max: usize) -> Cow<'_, str> {
    match line.char_indices().nth(max) {
        None => Cow::Borrowed(line),
        Some((end, _)) => Cow::Owned(format!("{}…", &line[..end])),
    }
}

fn needs_replacing(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\0'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
        '\u{7f}' => out.push('\u{2421}'),
        c if c.is_control() => {
            let _ = write!(out, "<U+{:04X}>", c as u32);
        }
        c if is_bidi_control(c) => out.push('\u{fffd}'),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_control_pictures() {
        assert_eq!(
            visible("\u{1b}]0;PWNED\u{7}\u{1b}[2Jx.pdf"),
            "␛]0;PWNED␇␛[2Jx.pdf"
        );
        assert_eq!(visible("a\tb\nc\u{7f}"), "a␉b␊c␡");
        assert_eq!(visible("\u{9b}31m"), "<U+009B>31m");
        assert_eq!(visible("abc\u{202e}def"), "abc\u{fffd}def");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(visible("Müller – 12 500,00 €"), Cow::Borrowed(_)));
        assert!(matches!(visible_lines("a\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn visible_lines_keeps_line_breaks_only() {
        assert_eq!(visible_lines("a\u{1b}[2J\nb\r"), "a␛[2J\nb␍");
    }

    #[test]
    fn clip_cuts_long_lines_on_characters() {
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("äbcd", 2), "äb…");
        assert_eq!(clip(&"x".repeat(1000), QUOTE_CHARS).chars().count(), 201);
    }
}
