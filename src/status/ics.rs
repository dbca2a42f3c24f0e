//! `status --format ics`: an RFC 5545 calendar, one all-day `VEVENT` per
//! deadline that has not passed, each with a display alarm 3 days before.
//!
//! The `UID` is a hash of the claim's path (from the workspace root:
//! [`super::ClaimStatus::id`]), the rule and the date only, so
//! importing (or subscribing to) a newer file updates events instead of
//! duplicating them. `DTSTAMP` is `--today` at midnight UTC, so a run is
//! reproducible. Lines end in CRLF and are folded so that no line, a
//! continuation's leading space included, exceeds 75 octets, never inside
//! a UTF-8 character; text values are escaped (`\\`, `\;`, `\,`, `\n`).

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::{ClaimStatus, Deadline, Level, Portfolio};
use crate::decode::StrEnum;

/// The longest content line, in octets (RFC 5545 §3.1).
const MAX_OCTETS: usize = 75;

/// The calendar.
pub fn render(p: &Portfolio) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//claimtool//status//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Partner Center claim deadlines",
    ] {
        push_line(&mut out, line);
    }
    let stamp = p.today.format("%Y%m%dT000000Z").to_string();
    for (d, c) in p.deadlines() {
        if d.level != Level::Passed {
            event(&mut out, d, c, &stamp);
        }
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, d: &Deadline, c: &ClaimStatus, stamp: &str) {
    let summary = format!("{}: {}", d.what, c.title());
    let description = format!(
        "{}\nRule: {}\n{}\nDue {} (the day itself is still in time).",
        c.path, d.rule, d.help, d.date
    );
    let end = d.date.succ_opt().unwrap_or(d.date);
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}", uid(&c.id, d.rule, d.date)));
    push_line(out, &format!("DTSTAMP:{stamp}"));
    push_line(
        out,
        &format!("DTSTART;VALUE=DATE:{}", d.date.format("%Y%m%d")),
    );
    push_line(out, &format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
    push_line(out, &format!("SUMMARY:{}", escape(&summary)));
    push_line(out, &format!("DESCRIPTION:{}", escape(&description)));
    if let Some(kind) = c.kind {
        push_line(out, &format!("CATEGORIES:{}", escape(kind.as_str())));
    }
    push_line(out, "TRANSP:TRANSPARENT");
    push_line(out, "BEGIN:VALARM");
    push_line(out, "ACTION:DISPLAY");
    push_line(out, "TRIGGER:-P3D");
    push_line(
        out,
        &format!("DESCRIPTION:{}", escape(&format!("In 3 days: {summary}"))),
    );
    push_line(out, "END:VALARM");
    push_line(out, "END:VEVENT");
}

/// Stable across runs: the path, the rule and the date, nothing else.
pub fn uid(path: &str, rule: &str, date: chrono::NaiveDate) -> String {
    let digest = Sha256::digest(format!("{path}\0{rule}\0{date}").as_bytes());
    format!("{}@claimtool", &hex::encode(digest)[..32])
}

/// A TEXT value (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets, with CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_OCTETS;
    loop {
        if rest.len() <= limit {
            let _ = write!(out, "{rest}\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let _ = write!(out, "{}\r\n ", &rest[..cut]);
        rest = &rest[cut..];
        // A continuation starts with a space: one octet less for the text.
        limit = MAX_OCTETS - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_never_inside_a_character() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é€a".repeat(60));
        push_line(&mut out, &long);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= MAX_OCTETS, "{} octets", line.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
