//! Looking for names, IDs and amounts in a document's text.
//!
//! Names and workloads: both sides [`normalize`]d (NFKC, case folded, runs of
//! non-alphanumerics as one space) and matched at word boundaries; a
//! customer name also drops a trailing legal form ([`customer_needle`]).
//! Tenant IDs and domains: case-insensitive substrings of the [`fold`]ed
//! text. Amounts: [`amount_forms`] writes the declared amount the usual
//! ways and [`amount_found`] looks for each with digit boundaries.

use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

/// Legal forms dropped from the end of a customer name (longest first).
const LEGAL_FORMS: &[&str] = &[
    "pty ltd",
    "corporation",
    "limited",
    "corp",
    "gmbh",
    "ltd",
    "pty",
    "inc",
    "llc",
    "plc",
    "srl",
    "sas",
    "ag",
    "sa",
    "bv",
    "co",
    "kk",
];

/// NFKC, lower case, every run of non-letters/digits as one space, trimmed.
pub fn normalize(text: &str) -> String {
    collapse(text, char::is_alphanumeric)
}

/// NFKC, lower case, every run of whitespace (no-break spaces included) as
/// one space.
pub fn fold(text: &str) -> String {
    collapse(text, |c| !c.is_whitespace())
}

/// NFKC and lower case, the characters `keep` refuses dropped and each run
/// of them between kept ones written as one space. ASCII text is its own
/// NFKC form: it skips the normaliser (names and workloads are matched once
/// per claim, 10,000 times in a large batch, and NFKC was most of that).
fn collapse(text: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        let lower = text.bytes().map(|b| char::from(b.to_ascii_lowercase()));
        push_collapsed(&mut out, lower, keep);
    } else {
        push_collapsed(&mut out, text.nfkc().flat_map(char::to_lowercase), keep);
    }
    out
}

fn push_collapsed(
    out: &mut String,
    chars: impl Iterator<Item = char>,
    keep: impl Fn(char) -> bool,
) {
    let mut pending_space = false;
    for c in chars {
        if keep(c) {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
}

/// Whether the normalised `needle` occurs in the normalised `words` at word
/// boundaries.
pub fn words_contain(words: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let bytes = words.as_bytes();
    // memchr's searcher: about 1,000 instructions a search of the validate
    // benchmark's page of text, against 1,700 for `str::match_indices`.
    memchr::memmem::find_iter(bytes, needle.as_bytes()).any(|i| {
        let end = i + needle.len();
        (i == 0 || bytes[i - 1] == b' ') && (end == bytes.len() || bytes[end] == b' ')
    })
}

/// A customer name, normalised, without a trailing legal form ("Contoso
/// Pty. Ltd." -> "contoso").
pub fn customer_needle(name: &str) -> String {
    let mut n = normalize(name);
    loop {
        let Some(form) = LEGAL_FORMS
            .iter()
            .find(|f| n.strip_suffix(*f).is_some_and(|rest| rest.ends_with(' ')))
        else {
            return n;
        };
        n.truncate(n.len() - form.len() - 1);
    }
}

/// The written forms of `amount` with `decimals` minor digits; `None` when
/// the amount has more decimals than the currency (not looked for).
pub fn amount_forms(amount: Decimal, decimals: u32) -> Option<Vec<String>> {
    let amount = amount.normalize();
    if amount.scale() > decimals || amount.is_sign_negative() {
        return None;
    }
    let mut fixed = amount;
    fixed.rescale(decimals);
    let text = fixed.to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let groups = group(int);
    let mut forms = Vec::new();
    // The first form is the one messages show.
    for (sep, dec) in [
        (",", "."),
        ("", "."),
        (" ", "."),
        (".", ","),
        (" ", ","),
        ("", ","),
    ] {
        let int = groups.join(sep);
        let form = if frac.is_empty() {
            int
        } else {
            format!("{int}{dec}{frac}")
        };
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    Some(forms)
}

/// `12345678` -> `["12", "345", "678"]`.
fn group(int: &str) -> Vec<&str> {
    let first = match int.len() % 3 {
        0 => 3.min(int.len()),
        n => n,
    };
    let mut out = vec![&int[..first]];
    let mut i = first;
    while i < int.len() {
        out.push(&int[i..i + 3]);
        i += 3;
    }
    out
}

/// Whether one of `forms` occurs in the [`fold`]ed text, not preceded or
/// followed by a digit or by a separator next to a digit.
pub fn amount_found(folded: &str, forms: &[String]) -> bool {
    let b = folded.as_bytes();
    let is_sep = |c: u8| matches!(c, b',' | b'.' | b' ');
    forms.iter().any(|form| {
        folded.match_indices(form.as_str()).any(|(i, _)| {
            let end = i + form.len();
            let before_ok = i == 0
                || !(b[i - 1].is_ascii_digit()
                    || (is_sep(b[i - 1]) && i >= 2 && b[i - 2].is_ascii_digit()));
            let after_ok = end == b.len()
                || !(b[end].is_ascii_digit()
                    || (is_sep(b[end]) && b.get(end + 1).is_some_and(u8::is_ascii_digit)));
            before_ok && after_ok
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_after_normalising_and_dropping_legal_forms() {
        let text = normalize("Agreement with CONTOSO LIMITED for Exchange-Online.");
        assert!(words_contain(&text, &customer_needle("Contoso Ltd")));
        assert!(words_contain(&text, &customer_needle("Contoso Pty. Ltd.")));
        assert!(words_contain(&text, &normalize("Exchange Online")));
        assert!(!words_contain(&text, &customer_needle("Conto")));
        assert_eq!(customer_needle("Ltd"), "ltd");
        assert!(words_contain(&normalize("ｃｏｎｔｏｓｏ"), "contoso"));
    }

    /// The ASCII shortcut gives what NFKC and Unicode lower case give.
    #[test]
    fn ascii_text_skips_the_normaliser_with_the_same_result() {
        let all: String = (0u8..128).map(char::from).collect();
        for text in [all.as_str(), "Customer 12 Pty. Ltd.\t\x0b", "  A--b  "] {
            let mut slow = String::new();
            push_collapsed(
                &mut slow,
                text.nfkc().flat_map(char::to_lowercase),
                char::is_alphanumeric,
            );
            assert_eq!(normalize(text), slow);
            let mut slow = String::new();
            push_collapsed(&mut slow, text.nfkc().flat_map(char::to_lowercase), |c| {
                !c.is_whitespace()
            });
            assert_eq!(fold(text), slow);
        }
        assert_eq!(customer_needle("Customer 7 Pty Ltd"), "customer 7");
        assert_eq!(customer_needle("Acme Co Co"), "acme");
    }

    #[test]
    fn amounts_have_their_usual_forms() {
        let forms = amount_forms("10000.1".parse().unwrap(), 2).unwrap();
        assert_eq!(
            forms,
            [
                "10,000.10",
                "10000.10",
                "10 000.10",
                "10.000,10",
                "10 000,10",
                "10000,10"
            ]
        );
        let yen = amount_forms("125000".parse().unwrap(), 0).unwrap();
        assert_eq!(yen, ["125,000", "125000", "125 000", "125.000"]);
        assert!(amount_forms("9999.995".parse().unwrap(), 2).is_none());
        assert_eq!(amount_forms("0.1".parse().unwrap(), 2).unwrap()[0], "0.10");
    }

    #[test]
    fn amounts_match_only_at_digit_boundaries() {
        let forms = amount_forms("10000.10".parse().unwrap(), 2).unwrap();
        assert!(amount_found(&fold("Total: AUD 10,000.10"), &forms));
        assert!(amount_found(&fold("Total 10\u{a0}000,10 €"), &forms));
        assert!(amount_found(&fold("$10,000.10."), &forms));
        assert!(!amount_found(&fold("Total: 110,000.10"), &forms));
        assert!(!amount_found(&fold("Total: 10,000.105"), &forms));
        assert!(!amount_found(&fold("1.10,000.10"), &forms));
    }
}
