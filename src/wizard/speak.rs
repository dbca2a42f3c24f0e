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
        let h = match f.field.as_deref() {
            Some(field) => adding(h, field, &labels),
            None => h.to_string(),
        };
        Cow::Owned(rewrite(&h, &labels))
    });
    out
}

/// "add `date = YYYY-MM-DD`, the date the document carries" at the field
/// `documents[0].date` → "answer "PoE 1: date it carries" (YYYY-MM-DD), the
/// date the document carries". The key may be the finding's own field or a
/// sibling of it (`signed_on` beside `signature`); only a question the
/// wizard asks is named, other advice keeps the file's words. Where in the
/// file ("at the top of the file", "to `[activity]`", "to this
/// `[[documents]]` entry") is dropped; an example value is said as one.
fn adding(text: &str, field: &str, labels: &[(&String, &String)]) -> String {
    let Some(at) = text.find("add `") else {
        return text.to_string();
    };
    let rest = &text[at + "add `".len()..];
    let Some(close) = rest.find('`') else {
        return text.to_string();
    };
    let Some((key, value)) = rest[..close].split_once(" = ") else {
        return text.to_string();
    };
    let sibling = match field.rsplit_once('.') {
        Some((parent, _)) => format!("{parent}.{key}"),
        None => key.to_string(),
    };
    let own = field.rsplit('.').next() == Some(key);
    let Some((_, label)) = labels
        .iter()
        .find(|(path, _)| (own && path.as_str() == field) || path.as_str() == sibling)
    else {
        return text.to_string();
    };
    let value = value.trim_matches('"');
    let shape = if value.is_empty() || value == "..." || value.contains('{') {
        String::new()
    } else if value.chars().all(|c| c.is_ascii_uppercase() || c == '-') {
        format!(" ({value})")
    } else {
        format!(" (e.g. {value})")
    };
    format!(
        "{}answer \"{label}\"{shape}{}",
        &text[..at],
        without_place(&rest[close + 1..])
    )
}

/// `rest` without a leading place in the file: " at the top of the file",
/// " (relative to this file)", " to `[activity]`", " in `[activity]`",
/// " to this `[[documents]]` entry".
fn without_place(rest: &str) -> &str {
    for fixed in [" at the top of the file", " (relative to this file)"] {
        if let Some(after) = rest.strip_prefix(fixed) {
            return after;
        }
    }
    for lead in [" to this `", " to `", " in `"] {
        if let Some(after) = rest.strip_prefix(lead)
            && after.starts_with('[')
            && let Some(end) = after.find('`')
        {
            let after = &after[end + 1..];
            return after.strip_prefix(" entry").unwrap_or(after);
        }
    }
    rest
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
    fn the_place_in_the_file_is_dropped_and_examples_are_examples() {
        let invoice = Finding::new(
            &crate::kinds::coop::rules::invoice_details::RULE,
            "invoice `i.pdf` has no `amount`",
        )
        .at_span("documents[0].amount", 0..1)
        .help(
            "add `amount = \"12500.00\"` to this `[[documents]]` entry, as printed on the document",
        );
        let spoken = finding(
            &invoice,
            &labels(&[("documents[0].amount", "Document 1: amount")]),
        );
        assert_eq!(
            spoken.help.unwrap(),
            "answer \"Document 1: amount\" (e.g. 12500.00), as printed on the document"
        );
        let approval = Finding::new(
            &crate::kinds::coop::rules::activity_requirements::RULE,
            "a seminar activity needs a pre-approval ID",
        )
        .at_span("activity.pre_approval_id", 0..1)
        .help(
            "add `pre_approval_id = \"...\"` to `[activity]`: Microsoft's pre-approval is required",
        );
        let spoken = finding(
            &approval,
            &labels(&[("activity.pre_approval_id", "Pre-approval ID")]),
        );
        assert_eq!(
            spoken.help.unwrap(),
            "answer \"Pre-approval ID\": Microsoft's pre-approval is required"
        );
        // A sibling the wizard asks: the advice names its question.
        let signed_on = Finding::new(
            &crate::rules::any::document_signed_on::RULE,
            "`documents[0]` is signed but has no `signed_on`",
        )
        .at_span("documents[0].signature", 0..1)
        .help("add `signed_on = YYYY-MM-DD` from the signature or its audit trail");
        let spoken = finding(
            &signed_on,
            &labels(&[
                ("documents[0].signature", "PoE 1: signature"),
                ("documents[0].signed_on", "PoE 1: date signed"),
            ]),
        );
        assert_eq!(
            spoken.help.unwrap(),
            "answer \"PoE 1: date signed\" (YYYY-MM-DD) from the signature or its audit trail"
        );
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
