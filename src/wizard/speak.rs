//! Findings worded for the person at a wizard's prompt.
//!
//! The rules word their messages for the claim file (`` `documents[0].date`
//! must be a date ``, "set recognition_only = false"), which is right for
//! `validate` and CI. At a prompt the person knows the question ("PoE 1:
//! date it carries"), not the TOML. [`finding`] rewrites a finding's
//! message and help with the labels of the questions asked: a field path
//! in backticks becomes the question's label in quotes, and
//! "set FIELD = VALUE" becomes "answer VALUE to "label"", and "add `KEY =
//! ...` at the top of the file" (a required or advised field left empty)
//! becomes "answer "label"". The rule, its severity and the reason it gives
//! are unchanged.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::diag::Finding;
use crate::rules::any::missing_field;

/// `f` with its message and help in the words of the questions.
pub(super) fn finding(f: &Finding, labels: &HashMap<String, String>) -> Finding {
    // Longest paths first: `documents[0].date` before `documents`.
    let mut labels: Vec<(&String, &String)> = labels.iter().collect();
    labels.sort_by_key(|(field, _)| std::cmp::Reverse(field.len()));
    let mut out = f.clone();
    let label = f
        .field
        .as_deref()
        .and_then(|field| labels.iter().find(|(path, _)| path.as_str() == field))
        .map(|(_, label)| label.as_str());
    // An unanswered required question: the file's wording ("required field
    // `x` is missing", "add `x = ...` at the top of the file") means nothing
    // at a prompt.
    if let Some(label) = label
        && f.rule == missing_field::RULE.id
    {
        out.message = format!("\"{label}\" needs an answer");
        out.help = Some(Cow::Owned(format!(
            "answer \"{label}\": it cannot be left empty"
        )));
        return out;
    }
    out.message = rewrite(&f.message, &labels);
    out.help = f.help.as_deref().map(|h| {
        let h = match (label, f.field.as_deref()) {
            (Some(label), Some(field)) => adding(h, field, label),
            _ => h.to_string(),
        };
        Cow::Owned(rewrite(&h, &labels))
    });
    out
}

/// "add `date = YYYY-MM-DD`, the date the document carries" at the field
/// `documents[0].date` → "answer "PoE 1: date it carries" (YYYY-MM-DD), the
/// date the document carries". Only the finding's own field is rewritten:
/// advice to add another field names a key the person may not be asked.
fn adding(text: &str, field: &str, label: &str) -> String {
    let key = field.rsplit('.').next().unwrap_or(field);
    let pattern = format!("add `{key} = ");
    let Some(at) = text.find(&pattern) else {
        return text.to_string();
    };
    let rest = &text[at + pattern.len()..];
    let Some(close) = rest.find('`') else {
        return text.to_string();
    };
    let value = rest[..close].trim_matches('"');
    let after = rest[close + 1..]
        .trim_start_matches(" at the top of the file")
        .trim_start_matches(" (relative to this file)");
    let shape = if value.is_empty() || value == "..." {
        String::new()
    } else {
        format!(" ({value})")
    };
    format!("{}answer \"{label}\"{shape}{after}", &text[..at])
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

    fn labels(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
            .collect()
    }

    #[test]
    fn a_missing_answer_names_the_question_not_the_file() {
        let f = Finding::new(
            &missing_field::RULE,
            "required field `partner_id` is missing",
        )
        .at_span("partner_id", 0..1)
        .help("add `partner_id = ...` at the top of the file");
        let spoken = finding(
            &f,
            &labels(&[("partner_id", "Partner location (PartnerID)")]),
        );
        assert_eq!(
            spoken.message,
            "\"Partner location (PartnerID)\" needs an answer"
        );
        let help = spoken.help.unwrap();
        assert_eq!(
            help,
            "answer \"Partner location (PartnerID)\": it cannot be left empty"
        );
        assert!(!help.contains("top of the file") && !help.contains('`'));
    }

    #[test]
    fn advice_to_add_the_field_becomes_advice_to_answer() {
        let f = Finding::new(
            &crate::rules::any::document_undated::RULE,
            "`documents[0].date` is missing",
        )
        .at_span("documents[0].date", 0..1)
        .help("add `date = YYYY-MM-DD`, the date the document carries");
        let spoken = finding(
            &f,
            &labels(&[("documents[0].date", "PoE 1: date it carries")]),
        );
        assert_eq!(
            spoken.help.unwrap(),
            "answer \"PoE 1: date it carries\" (YYYY-MM-DD), the date the document carries"
        );
        // Without a label (a field the wizard does not ask), the file's words stay.
        let kept = finding(&f, &HashMap::new());
        assert_eq!(
            kept.help.unwrap(),
            "add `date = YYYY-MM-DD`, the date the document carries"
        );
    }
}
