//! The rules' sources in words: a rule's `source` text cites `F§1.11` (an
//! item of the Partner Center facts digest), `R#4` (a reason claims are
//! rejected, from the study of peers and rejection reasons) and `G` (the
//! incentives guide). [`cite`] turns each into words with the Microsoft page
//! it rests on, for `claimtool rules ID` and docs/rules.md. The items
//! themselves are in [`table`], generated from the reference files.

// Generated: kept as the script writes it.
#[rustfmt::skip]
pub mod table;

pub use table::{Citation, FACTS, REASONS};

/// A source token found in a rule's `source` text, in words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Cited {
    /// As written in the source text: `F§1.11`, `R#4`, `G`.
    pub token: String,
    /// What it is, in words.
    pub text: String,
    /// The Microsoft page it rests on, when the digest names one.
    pub url: Option<&'static str>,
}

/// Every token of a rule's `source` text, in words, in order of first
/// appearance: `F§n.m` (and ranges `F§2.4–2.5`), `R#n`, and `G` for the
/// guide. Unknown tokens are left out (a test checks every rule's tokens
/// are known).
pub fn cite(source: &str) -> Vec<Cited> {
    let mut out: Vec<Cited> = Vec::new();
    let mut push = |c: Cited| {
        if !out.iter().any(|o| o.token == c.token) {
            out.push(c);
        }
    };
    for token in tokens(source) {
        if token == "G" {
            push(Cited {
                token,
                text: "the Partner Center incentives guide claimtool was made from (its \
                       step-by-step walk-throughs of the claim screens)"
                    .to_string(),
                url: None,
            });
        } else if let Some(c) = FACTS.iter().find(|c| c.token == token) {
            let confidence = c.confidence.map_or(String::new(), |l| format!(" ({l})"));
            push(Cited {
                token,
                text: format!("Partner Center facts, \"{}\"{confidence}", c.title),
                url: c.url,
            });
        } else if let Some(c) = REASONS.iter().find(|c| c.token == token) {
            push(Cited {
                text: format!(
                    "rejection reason {} of the study of why claims fail: {}",
                    &token[2..],
                    c.title
                ),
                token,
                url: None,
            });
        }
    }
    out
}

/// The heading of the list of sources at the end of SUBMIT.md and the
/// checklist.
pub const SECTION_TITLE: &str = "Sources";

/// What a page for people cites ([`cite`]), except a lone `G`: pages cite
/// the guide as "G step N", and a lone "G" there is more likely a person's
/// initial ("John G. Smith") than a reference.
pub fn cited_on_page(page: &str) -> Vec<Cited> {
    let mut cited = cite(page);
    if !page.contains("G step") {
        cited.retain(|c| c.token != "G");
    }
    cited
}

/// The "Sources" section of a Markdown page for people: every source the
/// page cites in brackets (`F§1.11`, `R#6`, `G`), in words with its page,
/// so a printed checklist explains its own references. Empty when the page
/// cites none.
pub fn markdown_section(page: &str) -> String {
    use std::fmt::Write as _;
    let cited = cited_on_page(page);
    if cited.is_empty() {
        return String::new();
    }
    let mut md = format!("## {SECTION_TITLE}\n\n");
    for c in cited {
        let _ = write!(md, "- {}: {}", c.token, crate::rich::escape_text(&c.text));
        match c.url {
            // A code span, not a link: bundles hold no links at all (a
            // test fails on any), so nothing in them opens a page by itself.
            Some(url) => {
                let _ = writeln!(md, ": `{url}`");
            }
            None => md.push('\n'),
        }
    }
    md.push('\n');
    md
}

/// The tokens of a source text: `F§2.4–2.5` gives `F§2.4` and `F§2.5`.
fn tokens(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = source.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        let before = n.checked_sub(1).map(|p| chars[p].1);
        let word_start = before.is_none_or(|b| !b.is_alphanumeric());
        let rest = &source[i..];
        if c == 'G'
            && word_start
            && rest[1..]
                .chars()
                .next()
                .is_none_or(|n| !n.is_alphanumeric())
        {
            found.push("G".to_string());
        } else if !word_start {
            // `PR#6`, `xF§1.2`: part of another word, not a reference.
        } else if let Some(tail) = rest.strip_prefix("F§") {
            let (first, after) = number(tail);
            if let Some((section, _)) = first.split_once('.') {
                found.push(format!("F§{first}"));
                if let Some(range) = after.strip_prefix('–').or_else(|| after.strip_prefix('-')) {
                    let (last, _) = number(range);
                    let last = if last.contains('.') {
                        last
                    } else {
                        format!("{section}.{last}")
                    };
                    found.push(format!("F§{last}"));
                }
            }
        } else if let Some(tail) = rest.strip_prefix("R#") {
            let (n, _) = number(tail);
            if !n.is_empty() {
                found.push(format!("R#{n}"));
            }
        }
    }
    found
}

/// The leading `1.11`-style number of `text`, and what follows it.
fn number(text: &str) -> (String, &str) {
    let end = text
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || (c == '.' && text[i + 1..].starts_with(|d: char| d.is_ascii_digit())))
        })
        .map_or(text.len(), |(i, _)| i);
    (text[..end].to_string(), &text[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_start_words() {
        assert!(cite("see PR#6 and xF§1.11 and AG").is_empty());
        assert_eq!(cite("(R#6)")[0].token, "R#6");
    }

    #[test]
    fn a_full_stop_after_a_reference_ends_it() {
        let tokens: Vec<String> = cite("as the facts say, F§1.11. Then R#6.")
            .into_iter()
            .map(|c| c.token)
            .collect();
        assert_eq!(tokens, ["F§1.11", "R#6"]);
    }

    #[test]
    fn a_page_lists_the_sources_it_cites_in_words() {
        let section = markdown_section("due by then (F§2.4–2.5); partners report it (R#6).");
        assert!(
            section.starts_with("## Sources\n\n- F§2.4: Partner Center facts"),
            "{section}"
        );
        assert!(section.contains("- F§2.5: "), "{section}");
        assert!(section.contains("- R#6: rejection reason 6"), "{section}");
        assert!(
            section.contains(": `https://learn.microsoft.com/"),
            "{section}"
        );
        assert_eq!(markdown_section("no reference here"), "");
        assert_eq!(markdown_section("signed by John G. Smith"), "");
        assert!(markdown_section("as the guide says (G step 6)").contains("- G: "));
    }

    #[test]
    fn sources_are_cited_in_words_with_their_pages() {
        let cited = cite("G step 8 (\"upload\"); F§1.11 \"Missing all PoE\"; R#1");
        let tokens: Vec<&str> = cited.iter().map(|c| c.token.as_str()).collect();
        assert_eq!(tokens, ["G", "F§1.11", "R#1"]);
        assert!(
            cited[1]
                .text
                .contains("Reasons for Partner action required")
        );
        assert!(
            cited[1]
                .url
                .unwrap()
                .starts_with("https://learn.microsoft.com/")
        );
        assert!(cited[2].text.contains("Proof of execution missing"));
        let range = cite("F§2.4–2.5 (claiming windows)");
        assert_eq!(
            range.iter().map(|c| c.token.as_str()).collect::<Vec<_>>(),
            ["F§2.4", "F§2.5"]
        );
        // Not a token: the G of a word, a section without an item.
        assert!(cite("Google, GUID, F§2 (whole section)").is_empty());
    }

    /// Every token any rule cites is in the tables, so no source is left
    /// unexplained (regenerate with scripts/gen_sources.py when the
    /// references change).
    #[test]
    fn every_rule_source_token_is_known() {
        for rule in crate::rules::all() {
            let known: Vec<String> = cite(rule.source).into_iter().map(|c| c.token).collect();
            for token in tokens(rule.source) {
                assert!(
                    known.contains(&token),
                    "{}: {token} is not in the tables",
                    rule.id
                );
            }
        }
    }
}
