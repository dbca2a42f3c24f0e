//! Findings worded for the person at a wizard's prompt.
//!
//! The rules word their messages for the claim file (`` `documents[0].date`
//! must be a date ``, "set recognition_only = false"), which is right for
//! `validate` and CI. At a prompt the person knows the question ("PoE 1:
//! date it carries"), not the TOML. [`finding`] rewrites a finding's
//! message and help with the labels of the questions asked: a field path
//! in backticks becomes the question's label in quotes, and
//! "set FIELD = VALUE" becomes "answer VALUE to "label"". The rule, its
//! severity and the reason it gives are unchanged.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::diag::Finding;

/// `f` with its message and help in the words of the questions.
pub(super) fn finding(f: &Finding, labels: &HashMap<String, String>) -> Finding {
    // Longest paths first: `documents[0].date` before `documents`.
    let mut labels: Vec<(&String, &String)> = labels.iter().collect();
    labels.sort_by_key(|(field, _)| std::cmp::Reverse(field.len()));
    let mut out = f.clone();
    out.message = rewrite(&f.message, &labels);
    out.help = f.help.as_deref().map(|h| Cow::Owned(rewrite(h, &labels)));
    out
}

fn rewrite(text: &str, labels: &[(&String, &String)]) -> String {
    let mut text = text.to_string();
    for (field, label) in labels {
        text = setting(&text, field, label);
        text = text.replace(&format!("`{field}`"), &format!("\"{label}\""));
    }
    text
}

/// "set recognition_only = false" → "answer no to "Opt out of incentive
/// payment"".
fn setting(text: &str, field: &str, label: &str) -> String {
    let pattern = format!("set {field} = ");
    let Some(at) = text.find(&pattern) else {
        return text.to_string();
    };
    let rest = &text[at + pattern.len()..];
    let end = rest
        .find(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .unwrap_or(rest.len());
    let value = match &rest[..end] {
        "true" => "yes",
        "false" => "no",
        other => other.trim_matches('"'),
    };
    format!(
        "{}answer {value} to \"{label}\"{}",
        &text[..at],
        &rest[end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_settings_become_questions() {
        let labels: HashMap<String, String> = [
            ("documents[0].date", "PoE 1: date it carries"),
            ("recognition_only", "Opt out of incentive payment"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let labels: Vec<(&String, &String)> = labels.iter().collect();
        assert_eq!(
            rewrite("`documents[0].date` must be a date", &labels),
            "\"PoE 1: date it carries\" must be a date"
        );
        assert_eq!(
            rewrite(
                "set recognition_only = false unless you want recognition without payment",
                &labels
            ),
            "answer no to \"Opt out of incentive payment\" unless you want recognition without payment"
        );
    }
}
