//! The checklist as Markdown (GitHub task lists), self-contained HTML
//! (askama template `templates/checklist.html`, auto-escaped), or JSON.
//!
//! User values reach the Markdown only through [`Rich::markdown`] (code
//! spans) and the HTML only through askama's escaping; the HTML template
//! has no script and no external asset.

use std::fmt::Write as _;

use askama::Template;

use super::{Checklist, Deadline, ItemState, Note};
use crate::rich::{Inline, Rich, escape_text};

fn status_words(status: &str) -> &'static str {
    match status {
        "ok" => "ready: no errors, no warnings",
        "warning" => "ready with warnings",
        _ => "not ready: errors remain",
    }
}

fn deadline_when(d: &Deadline) -> String {
    match (d.date, d.days_left) {
        (Some(date), Some(left)) if d.yours => match left {
            l if l < 0 => format!("{date} (passed {} days ago)", -l),
            0 => format!("{date} (today)"),
            1 => format!("{date} (tomorrow)"),
            l => format!("{date} ({l} days left)"),
        },
        (Some(date), _) => format!("{date} (expected)"),
        (None, _) => "not started".to_string(),
    }
}

/// What an item's box means, after it: ticked items were checked by
/// claimtool; the others are for the person to check.
fn state_word(state: ItemState) -> &'static str {
    match state {
        ItemState::Done => "checked by claimtool",
        ItemState::Open => "open",
        ItemState::Unchecked => "check by hand",
        ItemState::Declared => "check in the document",
    }
}

/// The lines a person fills in once the claim is submitted (not in the
/// JSON: they are written on the printed or saved checklist).
pub const SIGN_OFF: [&str; 3] = ["Partner Center claim ID", "Date submitted", "Initials"];

/// The title of the documents section.
const DOCUMENTS_TITLE: &str = "What claimtool read in the documents";

/// The title of the sign-off section.
const SIGN_OFF_TITLE: &str = "Submitted (fill in by hand)";

fn note_line(n: &Note) -> Rich {
    // The finding's words, with the values it quotes set apart (the JSON
    // keeps the message as `validate` writes it).
    let mut r = Rich::new()
        .code(n.rule)
        .text(": ")
        .then(Rich::from_message(&n.message.plain()));
    if let Some(line) = n.line {
        r = r.text(format!(" (line {line}"));
        if let Some(field) = &n.field {
            r = r.text(", ").value(field.clone());
        }
        r = r.text(")");
    }
    if let Some(help) = &n.help {
        r = r.text(". Fix: ").then(Rich::from_message(&help.plain()));
    }
    r
}

/// checklist.md.
/// checklist.md up to its sources: the text whose references both the
/// Markdown and the HTML page list.
fn markdown_body(list: &Checklist) -> String {
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# PoE checklist: {}\n",
        Rich::new().value(list.claim_name.clone()).markdown()
    );
    let _ = writeln!(
        md,
        "{}\n",
        Rich::new()
            .text(list.title)
            .text(" · ")
            .value(list.source.clone())
            .text(format!(" · checked on {} · ", list.today))
            .strong(status_words(list.status))
            .markdown()
    );
    if !list.deadlines.is_empty() {
        md.push_str("## Deadlines\n\n");
        for d in &list.deadlines {
            let _ = writeln!(
                md,
                "- **{}**: {}. {}",
                d.what.markdown(),
                escape_text(&deadline_when(d)),
                d.note.markdown()
            );
        }
        md.push('\n');
    }
    for section in &list.sections {
        let _ = writeln!(md, "## {}\n", escape_text(section.title));
        for item in &section.items {
            let mark = if item.state == ItemState::Done {
                "[x]"
            } else {
                "[ ]"
            };
            let word = state_word(item.state);
            let _ = write!(md, "- {mark} {} (*{word}*)", item.text.markdown());
            match item.reasons.as_slice() {
                [] => md.push('\n'),
                [one] => {
                    let _ = writeln!(md, ": {}", one.markdown());
                }
                many => {
                    md.push('\n');
                    for r in many {
                        let _ = writeln!(md, "  - {}", r.markdown());
                    }
                }
            }
        }
        md.push('\n');
    }
    if !list.documents.is_empty() {
        let _ = writeln!(md, "## {DOCUMENTS_TITLE}\n");
        for d in &list.documents {
            let line = Rich::new()
                .value(d.document.clone())
                .text(": ")
                .then(d.found.clone());
            let _ = writeln!(md, "- {}", line.markdown());
        }
        md.push('\n');
    }
    for (title, notes) in [
        ("Errors (fix before submitting)", &list.errors),
        ("Warnings", &list.warnings),
        ("For your information", &list.notes),
    ] {
        if notes.is_empty() {
            continue;
        }
        let _ = writeln!(md, "## {title}\n");
        for n in notes {
            let _ = writeln!(md, "- {}", note_line(n).markdown());
        }
        md.push('\n');
    }
    if list.warnings.is_empty() && list.errors.is_empty() {
        md.push_str("No warnings.\n\n");
    }
    md
}

/// checklist.md: [`markdown_body`], the sources it cites, and the lines to
/// fill in.
pub fn markdown(list: &Checklist) -> String {
    let mut md = markdown_body(list);
    let sources = crate::rules::sources::markdown_section(&md);
    md.push_str(&sources);
    let _ = writeln!(md, "## {SIGN_OFF_TITLE}\n");
    for label in SIGN_OFF {
        let _ = writeln!(md, "- {label}: ____________________");
    }
    md
}

/// The JSON form: the [`Checklist`] as it is.
pub fn json(list: &Checklist) -> String {
    let mut text = serde_json::to_string_pretty(list).unwrap_or_default();
    text.push('\n');
    text
}

/// One piece of rich text for the template: `kind` is `text`, `strong` or
/// `code`; askama escapes `text`.
struct Piece {
    kind: &'static str,
    text: String,
}

fn pieces(r: &Rich) -> Vec<Piece> {
    r.0.iter()
        .map(|i| match i {
            Inline::Text(t) => Piece {
                kind: "text",
                text: t.to_string(),
            },
            Inline::Strong(t) => Piece {
                kind: "strong",
                text: t.to_string(),
            },
            Inline::Value(v) => Piece {
                kind: "code",
                text: v.clone(),
            },
        })
        .collect()
}

struct HtmlItem {
    state: &'static str,
    mark: &'static str,
    word: &'static str,
    text: Vec<Piece>,
    reasons: Vec<Vec<Piece>>,
}

struct HtmlSection {
    title: &'static str,
    items: Vec<HtmlItem>,
}

struct HtmlDeadline {
    what: Vec<Piece>,
    when: String,
    state: &'static str,
    note: Vec<Piece>,
}

struct HtmlNotes {
    title: &'static str,
    class: &'static str,
    lines: Vec<Vec<Piece>>,
}

#[derive(Template)]
#[template(path = "checklist.html")]
struct HtmlPage {
    claim_name: String,
    title: &'static str,
    source: String,
    today: String,
    status: &'static str,
    status_words: &'static str,
    deadlines: Vec<HtmlDeadline>,
    sections: Vec<HtmlSection>,
    documents_title: &'static str,
    documents: Vec<Vec<Piece>>,
    notes: Vec<HtmlNotes>,
    sign_off_title: &'static str,
    sign_off: [&'static str; 3],
    sources_title: &'static str,
    /// What the page cites (`F§1.11`...), in words, with its page.
    sources: Vec<crate::rules::sources::Cited>,
}

/// checklist.html: one self-contained page (inline CSS, no script, no
/// external asset), printable on A4 and Letter.
pub fn html(list: &Checklist) -> Result<String, askama::Error> {
    let page = HtmlPage {
        claim_name: list.claim_name.clone(),
        title: list.title,
        source: list.source.clone(),
        today: list.today.to_string(),
        status: list.status,
        status_words: status_words(list.status),
        deadlines: list
            .deadlines
            .iter()
            .map(|d| HtmlDeadline {
                what: pieces(&d.what),
                when: deadline_when(d),
                state: d
                    .state
                    .unwrap_or(if d.yours { "pending" } else { "expected" }),
                note: pieces(&d.note),
            })
            .collect(),
        sections: list
            .sections
            .iter()
            .map(|s| HtmlSection {
                title: s.title,
                items: s
                    .items
                    .iter()
                    .map(|i| {
                        let (state, mark) = match i.state {
                            ItemState::Done => ("done", "\u{2611}"),
                            ItemState::Open => ("open", "\u{2610}"),
                            ItemState::Unchecked => ("unchecked", "\u{2610}"),
                            ItemState::Declared => ("declared", "\u{2610}"),
                        };
                        HtmlItem {
                            state,
                            mark,
                            word: state_word(i.state),
                            text: pieces(&i.text),
                            reasons: i.reasons.iter().map(pieces).collect(),
                        }
                    })
                    .collect(),
            })
            .collect(),
        documents_title: DOCUMENTS_TITLE,
        documents: list
            .documents
            .iter()
            .map(|d| {
                pieces(
                    &Rich::new()
                        .value(d.document.clone())
                        .text(": ")
                        .then(d.found.clone()),
                )
            })
            .collect(),
        sign_off_title: SIGN_OFF_TITLE,
        sign_off: SIGN_OFF,
        sources_title: crate::rules::sources::SECTION_TITLE,
        // The same text as checklist.md: the same references.
        sources: crate::rules::sources::cited_on_page(&markdown_body(list)),
        notes: [
            ("Errors (fix before submitting)", "error", &list.errors),
            ("Warnings", "warning", &list.warnings),
            ("For your information", "info", &list.notes),
        ]
        .into_iter()
        .filter(|(_, _, n)| !n.is_empty())
        .map(|(title, class, notes)| HtmlNotes {
            title,
            class,
            lines: notes.iter().map(|n| pieces(&note_line(n))).collect(),
        })
        .collect(),
    };
    page.render()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::checklist::{Item, Section};
    use crate::diag::Severity;

    fn sample() -> Checklist {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let item = |state, text: &'static str, reason: Rich| Item {
            text: text.into(),
            state,
            done: state == ItemState::Done,
            reasons: vec![reason],
            rules: const { &[&crate::kinds::cpor::rules::poe_unsigned::RULE] },
        };
        Checklist {
            version: 1,
            kind: "cpor",
            title: "CPOR customer association and claim",
            claim_name: "A <b>& 'b'".into(),
            source: "claims/a.toml".into(),
            today,
            status: "warning",
            deadlines: vec![
                Deadline::yours(
                    "Reply".into(),
                    NaiveDate::from_ymd_opt(2026, 12, 10).unwrap(),
                    today,
                    Rich::new().text("14 business days"),
                ),
                Deadline::not_started("Dispute".into(), Rich::new().text("after a rejection")),
            ],
            sections: vec![Section {
                title: "Proof of execution (PoE)",
                items: vec![
                    item(ItemState::Done, "Signed", Rich::new().value("sow.pdf")),
                    item(ItemState::Open, "Dated", Rich::new().value("x <i>y</i>")),
                    item(
                        ItemState::Unchecked,
                        "Recent",
                        Rich::new().text("not checked"),
                    ),
                    item(
                        ItemState::Declared,
                        "Named",
                        Rich::new().text("declared in the claim file"),
                    ),
                ],
            }],
            documents: vec![crate::checklist::DocumentNote {
                document: "documents/01-<b>sow</b>.pdf".into(),
                found: Rich::new().text("signed digitally by Ada <i>L</i> on 2026-09-03"),
            }],
            errors: Vec::new(),
            warnings: vec![Note {
                rule: "document-undated",
                severity: Severity::Warning,
                message: Rich::new().value("`sow.pdf` has no date"),
                help: Some(Rich::new().value("add `date`")),
                field: Some("documents[0].date".into()),
                line: Some(12),
            }],
            notes: Vec::new(),
        }
    }

    #[test]
    fn markdown_ticks_done_items_and_dates_deadlines() {
        let md = markdown(&sample());
        assert!(md.starts_with("# PoE checklist: `A <b>& 'b'`\n"), "{md}");
        assert!(
            md.contains("- **Reply**: 2026-12-10 (14 days left). 14 business days\n"),
            "{md}"
        );
        assert!(
            md.contains("- **Dispute**: not started. after a rejection\n"),
            "{md}"
        );
        assert!(
            md.contains("- [x] Signed (*checked by claimtool*): `sow.pdf`\n"),
            "{md}"
        );
        // Only declared: an empty box for the person, never `[~]` or a tick.
        assert!(
            md.contains("- [ ] Named (*check in the document*): declared in the claim file\n"),
            "{md}"
        );
        assert!(md.contains("- [ ] Dated (*open*): `x <i>y</i>`\n"), "{md}");
        assert!(
            md.contains("- [ ] Recent (*check by hand*): not checked\n"),
            "{md}"
        );
        assert!(
            md.contains(
                "## Warnings\n\n- `document-undated`: `sow.pdf` has no date (line 12, `documents[0].date`). Fix: add `date`\n"
            ),
            "{md}"
        );
        assert!(
            md.contains(
                "## What claimtool read in the documents\n\n- `documents/01-<b>sow</b>.pdf`: signed digitally by Ada \\<i>L\\</i> on 2026-09-03\n"
            ),
            "{md}"
        );
    }

    #[test]
    fn markdown_ends_with_lines_to_fill_in() {
        let md = markdown(&sample());
        assert!(
            md.ends_with(
                "## Submitted (fill in by hand)\n\n\
                 - Partner Center claim ID: ____________________\n\
                 - Date submitted: ____________________\n\
                 - Initials: ____________________\n"
            ),
            "{md}"
        );
    }

    #[test]
    fn html_escapes_values_and_marks_states() {
        let html = html(&sample()).unwrap();
        assert!(
            html.contains("<h1>PoE checklist: A &#60;b&#62;&#38; &#39;b&#39;</h1>"),
            "{html}"
        );
        assert!(
            html.contains("<code>x &#60;i&#62;y&#60;/i&#62;</code>"),
            "{html}"
        );
        assert!(html.contains("<li class=\"done\">"));
        assert!(html.contains("<li class=\"open\">"));
        assert!(html.contains("<li class=\"unchecked\">"));
        assert!(html.contains("<tr class=\"near\">"), "{html}");
        assert!(html.contains("2026-12-10 (14 days left)"));
        assert!(html.contains("<li class=\"declared\">"), "{html}");
        assert!(html.contains("check in the document"), "{html}");
        assert!(
            html.contains("<code>documents/01-&#60;b&#62;sow&#60;/b&#62;.pdf</code>: signed digitally by Ada &#60;i&#62;L&#60;/i&#62;"),
            "{html}"
        );
        for label in SIGN_OFF {
            assert!(
                html.contains(&format!(
                    "<span class=\"label\">{label}:</span><span class=\"blank\"></span>"
                )),
                "{html}"
            );
        }
        assert!(!html.contains("<script") && !html.contains("<i>"));
    }

    #[test]
    fn json_keeps_values_raw() {
        let v: serde_json::Value = serde_json::from_str(&json(&sample())).unwrap();
        assert_eq!(v["claim_name"], "A <b>& 'b'");
        assert_eq!(v["sections"][0]["items"][1]["reasons"][0], "x <i>y</i>");
        assert_eq!(v["sections"][0]["items"][0]["done"], true);
        assert_eq!(v["deadlines"][0]["state"], "near");
        assert_eq!(v["deadlines"][1]["date"], serde_json::Value::Null);
    }
}
