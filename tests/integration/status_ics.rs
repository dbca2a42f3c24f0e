//! `claimtool status --format ics`, read back with a real iCalendar parser
//! (the `icalendar` crate) and checked line by line against RFC 5545:
//! CRLF, folding at 75 octets on character boundaries, escaping, all-day
//! events, stable UIDs and the 3-day display alarm.

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

use crate::support::Test;

const FIXTURES: &str = "tests/fixtures/status";

fn ics(today: &str, path: &str) -> String {
    let run = Test::new()
        .today(today)
        .args(["status", path, "--format", "ics"])
        .run();
    run.stdout().to_string()
}

fn events(text: &str) -> Vec<icalendar::Event> {
    let calendar: Calendar = text.parse().unwrap_or_else(|e| panic!("{e}\n{text}"));
    calendar
        .components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

/// `CATEGORIES` (the crate keeps it as a multi-property).
fn categories(e: &icalendar::Event) -> Vec<String> {
    e.multi_properties()
        .get("CATEGORIES")
        .into_iter()
        .flatten()
        .chain(e.properties().get("CATEGORIES"))
        .map(|p| p.value().to_string())
        .collect()
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn parses_with_one_all_day_event_per_deadline_not_passed() {
    let text = ics("2026-11-26", FIXTURES);
    let events = events(&text);
    // Passed (the dispute window) is left out; the reply, the consent, the
    // co-op window and the co-op retention are in.
    let mut starts: Vec<_> = events
        .iter()
        .map(|e| match e.get_start() {
            Some(DatePerhapsTime::Date(d)) => d,
            other => panic!("not all-day: {other:?}"),
        })
        .collect();
    starts.sort();
    assert_eq!(
        starts,
        [
            date("2026-12-10"),
            date("2026-12-12"),
            date("2027-02-15"),
            date("2028-08-20")
        ]
    );
    for e in &events {
        let Some(DatePerhapsTime::Date(start)) = e.get_start() else {
            unreachable!()
        };
        assert_eq!(
            e.get_end(),
            Some(DatePerhapsTime::Date(start.succ_opt().unwrap()))
        );
        assert!(e.get_timestamp().is_some(), "DTSTAMP");
        assert!(e.get_uid().unwrap().ends_with("@claimtool"));
        let description = e.get_description().unwrap();
        assert!(
            description.contains("tests/fixtures/status/"),
            "{description}"
        );
        assert!(description.contains("\nRule: "), "{description}");
        assert_eq!(categories(e).len(), 1, "CATEGORIES");
        let alarms: Vec<_> = e
            .components()
            .iter()
            .filter(|c| c.component_kind() == "VALARM")
            .collect();
        assert_eq!(alarms.len(), 1, "one alarm per event");
        assert_eq!(alarms[0].property_value("TRIGGER"), Some("-P3D"));
        assert_eq!(alarms[0].property_value("ACTION"), Some("DISPLAY"));
        assert!(alarms[0].property_value("DESCRIPTION").is_some());
    }
    // The hostile name comes back as written: escaped, folded, unescaped.
    let reply = events
        .iter()
        .find(|e| {
            e.get_summary()
                .unwrap()
                .starts_with("reply to Partner action required")
        })
        .unwrap();
    assert_eq!(
        reply.get_summary().unwrap(),
        "reply to Partner action required: =HYPERLINK(\"http://evil.example\"), \
         <script>alert(1)</script>; Contoso “E5” 😀"
    );
    assert!(
        reply
            .get_description()
            .unwrap()
            .contains("Rule: cpor-action-required")
    );
}

#[test]
fn lines_are_crlf_folded_at_75_octets_and_escaped() {
    let text = ics("2026-11-26", FIXTURES);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "a bare LF");
    let mut folded = 0;
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        folded += usize::from(line.starts_with(' '));
    }
    assert!(folded > 0, "the long descriptions are folded");
    // Unfolded, the escapes are those of RFC 5545 §3.3.11.
    let unfolded = text.replace("\r\n ", "");
    let summary = unfolded
        .lines()
        .find(|l| l.starts_with("SUMMARY:reply"))
        .unwrap();
    assert!(
        summary.contains("evil.example\")\\, <script>alert(1)</script>\\; Contoso"),
        "{summary}"
    );
    assert!(unfolded.contains(
        "DESCRIPTION:tests/fixtures/status/cpor-reply.toml\\nRule: cpor-action-required\\n"
    ));
}

#[test]
fn uids_are_stable_across_runs_and_days() {
    let uids = |today: &str| {
        let mut uids: Vec<(String, String)> = events(&ics(today, FIXTURES))
            .iter()
            .map(|e| {
                (
                    e.get_uid().unwrap().to_string(),
                    e.get_summary().unwrap().to_string(),
                )
            })
            .collect();
        uids.sort();
        uids
    };
    let first = uids("2026-11-26");
    assert_eq!(first, uids("2026-11-26"));
    // Another day: the same events (none passed in between) keep their UIDs.
    assert_eq!(first, uids("2026-11-30"));
    let distinct: std::collections::HashSet<_> = first.iter().map(|(u, _)| u).collect();
    assert_eq!(distinct.len(), first.len());
}

#[test]
fn uids_do_not_depend_on_the_folder_status_runs_from() {
    // The same claims of the same workspace (tests/fixtures and its
    // claimtool.toml), named from the repository root, from the workspace
    // root and from inside: a calendar subscribed to any of them gets the
    // same events, not a second copy.
    let config = crate::support::repo().join("tests/fixtures/claimtool.toml");
    let uids = |dir: std::path::PathBuf, path: &str| {
        let run = Test::new()
            .current_dir(dir)
            .today("2026-11-26")
            .args(["status", path, "--format", "ics", "--config"])
            .arg(&config)
            .run();
        let mut uids: Vec<String> = events(run.stdout())
            .iter()
            .map(|e| e.get_uid().unwrap().to_string())
            .collect();
        uids.sort();
        uids
    };
    let from_root = uids(crate::support::repo(), FIXTURES);
    let from_inside = uids(crate::support::repo().join("tests/fixtures"), "status");
    let via_dots = uids(
        crate::support::repo().join("tests/fixtures/status"),
        "../status",
    );
    assert!(!from_root.is_empty());
    assert_eq!(from_root, from_inside);
    assert_eq!(from_root, via_dots);
}

#[test]
fn example_workspace_calendar_parses() {
    let text = ics("2026-11-20", "examples");
    let events = events(&text);
    assert!(events.len() >= 4, "{text}");
    assert!(events.iter().any(|e| {
        e.get_summary()
            .unwrap()
            .contains("Azure migration webinar series")
    }));
    assert!(events.iter().any(|e| categories(e) == ["score"]));
}
