//! Text formats: plain text, CSV, e-mail (headers included), HTML and MHT
//! (tags dropped) and RTF (control words and groups of destinations
//! dropped). Bytes are UTF-8, else Latin-1.

use super::{Inspection, Unreadable};
use crate::documents::Detected;

/// The text of a text-like document.
pub fn inspect(bytes: &[u8], detected: Detected) -> (Inspection, Option<String>) {
    let decoded = decode(bytes);
    let text = if detected == Detected::Rtf {
        match rtf_text(&decoded) {
            Some(t) => t,
            None => return (Inspection::unreadable(Unreadable::Unsupported), None),
        }
    } else if looks_like_html(&decoded) {
        strip_tags(&decoded)
    } else {
        decoded
    };
    let inspection = Inspection {
        parsed: true,
        ..Inspection::unreadable(Unreadable::Empty)
    };
    (inspection, Some(text))
}

/// UTF-8, else Latin-1 (every byte is a character).
pub fn decode(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(super::MAX_TEXT)];
    match std::str::from_utf8(head) {
        Ok(s) => s.to_string(),
        // A multi-byte character cut by the cap is still UTF-8.
        Err(e) if e.error_len().is_none() && e.valid_up_to() + 4 > head.len() => {
            String::from_utf8_lossy(&head[..e.valid_up_to()]).into_owned()
        }
        Err(_) => head.iter().map(|&b| char::from(b)).collect(),
    }
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(4096).collect::<String>().to_lowercase();
    head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")
}

/// HTML without its tags, scripts and styles; the common entities decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let lower: String = after.chars().take(8).collect::<String>().to_lowercase();
        let close = if lower.starts_with("<script") {
            "</script>"
        } else if lower.starts_with("<style") {
            "</style>"
        } else {
            ">"
        };
        match find_ci(after, close) {
            Some(end) => rest = &after[end + close.len()..],
            None => {
                rest = "";
                break;
            }
        }
        out.push(' ');
    }
    out.push_str(rest);
    out.replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    if needle == ">" {
        return haystack.find('>');
    }
    haystack.to_ascii_lowercase().find(needle)
}

/// Destinations whose groups hold no visible text.
const RTF_SKIP: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "themedata",
    "datastore",
    "latentstyles",
    "generator",
    "xmlnstbl",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "header",
    "footer",
];

/// The visible text of an RTF document; `None` when its braces do not
/// balance (it does not parse).
fn rtf_text(rtf: &str) -> Option<String> {
    let chars: Vec<char> = rtf.chars().collect();
    let mut out = String::new();
    // For each open group: whether its text is skipped.
    let mut stack: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let skipping = stack.last().copied().unwrap_or(false);
        match chars[i] {
            '{' => {
                stack.push(skipping);
                i += 1;
            }
            '}' => {
                stack.pop()?;
                i += 1;
            }
            '\\' => i = rtf_control(&chars, i, &mut stack, &mut out, skipping),
            '\r' | '\n' => i += 1,
            c => {
                if !skipping {
                    out.push(c);
                }
                i += 1;
            }
        }
    }
    stack.is_empty().then_some(out)
}

/// Handles the control word or symbol at `i`; returns the index after it.
fn rtf_control(
    chars: &[char],
    i: usize,
    stack: &mut [bool],
    out: &mut String,
    skipping: bool,
) -> usize {
    let Some(&next) = chars.get(i + 1) else {
        return i + 1;
    };
    if !next.is_ascii_alphabetic() {
        match next {
            '*' => {
                if let Some(top) = stack.last_mut() {
                    *top = true;
                }
            }
            '\'' => {
                let hex: String = chars.iter().skip(i + 2).take(2).collect();
                if let (Ok(b), false) = (u8::from_str_radix(&hex, 16), skipping) {
                    out.push(char::from(b));
                }
                return i + 4;
            }
            '~' if !skipping => out.push('\u{a0}'),
            '\\' | '{' | '}' if !skipping => out.push(next),
            _ => {}
        }
        return i + 2;
    }
    let mut j = i + 1;
    while j < chars.len() && chars[j].is_ascii_alphabetic() {
        j += 1;
    }
    let word: String = chars[i + 1..j].iter().collect();
    let num_start = j;
    if j < chars.len() && (chars[j] == '-' || chars[j].is_ascii_digit()) {
        j += 1;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
    }
    let param: Option<i32> = chars[num_start..j].iter().collect::<String>().parse().ok();
    if chars.get(j) == Some(&' ') {
        j += 1;
    }
    if RTF_SKIP.contains(&word.as_str()) {
        if let Some(top) = stack.last_mut() {
            *top = true;
        }
    } else if !skipping {
        match word.as_str() {
            "par" | "line" | "row" | "cell" | "tab" => out.push(' '),
            "u" => {
                // RTF writes code points above 32767 as negative numbers:
                // the bits are the UTF-16 unit.
                #[allow(clippy::cast_sign_loss)]
                let unit = |p: i32| u32::from(p as u16);
                if let Some(c) = param.and_then(|p| char::from_u32(unit(p))) {
                    out.push(c);
                }
                // The ANSI fallback character after \uN.
                if chars
                    .get(j)
                    .is_some_and(|c| *c != '\\' && *c != '{' && *c != '}')
                {
                    j += 1;
                }
            }
            _ => {}
        }
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_loses_its_tags_and_scripts() {
        let (_, text) = inspect(
            b"<!DOCTYPE html><html><script>var x='Contoso';</script><p>Hello&nbsp;<b>Fabrikam</b></p></html>",
            Detected::Text,
        );
        let text = text.unwrap();
        assert!(text.contains("Hello\u{a0} Fabrikam"), "{text:?}");
        assert!(!text.contains("var x"));
    }

    #[test]
    fn rtf_keeps_the_visible_text() {
        let rtf = r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\*\generator Word;}\f0\fs20 Contoso Ltd\par Exchange Online \'e9t\u233?\}}";
        let (_, text) = inspect(rtf.as_bytes(), Detected::Rtf);
        let text = text.unwrap();
        assert!(text.contains("Contoso Ltd"), "{text:?}");
        assert!(text.contains("Exchange Online \u{e9}t\u{e9}}"), "{text:?}");
        assert!(!text.contains("Arial"));
        let (broken, _) = inspect(br"{\rtf1 {unclosed", Detected::Rtf);
        assert_eq!(broken.unreadable_reason, Some(Unreadable::Unsupported));
    }

    #[test]
    fn latin1_is_read_when_not_utf8() {
        assert_eq!(decode(b"M\xfcller"), "Müller");
    }
}
