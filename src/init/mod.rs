//! `claimtool init`: a workspace to start from. A `claimtool.toml` with the
//! partner section commented, and one example claim of each kind with
//! placeholder documents, which validate cleanly apart from the
//! `document-placeholder` warnings that say which files to replace.
//!
//! [`files`] is pure (paths and contents); the command writes them.

use std::path::PathBuf;

use chrono::{Datelike, Months, NaiveDate};

use crate::calendar;
use crate::decode::StrEnum;
use crate::kinds::coop::fiscal::{UsagePeriod, WindowState};

use crate::schema::{SchemaTarget, schema_text};

/// One file `init` writes, relative to the target folder.
pub struct InitFile {
    pub path: PathBuf,
    pub contents: Vec<u8>,
}

/// Every file of a new workspace, with the examples dated around `today`
/// so that they validate whenever `init` runs.
pub fn files(today: NaiveDate) -> Vec<InitFile> {
    let text = |path: &str, contents: &str| InitFile {
        path: PathBuf::from(path),
        contents: render(contents, today).into_bytes(),
    };
    let mut files = vec![text("claimtool.toml", include_str!("claimtool.toml"))];
    for spec in crate::kinds::KINDS {
        let kind = spec.kind.as_str();
        files.push(text(
            &format!("claims/{kind}-example.toml"),
            spec.example.template,
        ));
        for (path, what) in spec.example.documents {
            files.push(InitFile {
                path: PathBuf::from(path),
                contents: placeholder_pdf(what),
            });
        }
        for (path, contents) in spec.example.files {
            files.push(text(path, contents));
        }
    }
    // The schemas the `#:schema` directives point at, for editors.
    for name in SchemaTarget::names() {
        if let Some(target) = SchemaTarget::parse(name) {
            files.push(InitFile {
                path: PathBuf::from("schema").join(target.file_name()),
                contents: schema_text(target).into_bytes(),
            });
        }
    }
    files
}

/// Fills a template's `{{...}}` dates from `today`:
///
/// - `TODAY-N` / `TODAY+N`: a date N days from today;
/// - `MONTH-N`: the month N months before today's (`YYYY-MM`);
/// - `PERIOD`: the co-op usage period whose claim window is open today,
///   `PERIOD_NOTE` its dates in words, `PERIOD_START+N` a date N days into it.
///
/// An unknown name is left as written (a test keeps the templates clean).
pub fn render(template: &str, today: NaiveDate) -> String {
    let period = open_usage_period(today);
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let name = &rest[start + 2..start + len];
        match fill(name, today, period) {
            Some(value) => out.push_str(&value),
            None => out.push_str(&rest[start..start + len + 2]),
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

fn fill(name: &str, today: NaiveDate, period: Option<UsagePeriod>) -> Option<String> {
    let offset = |prefix: &str| -> Option<i64> {
        let n = name.strip_prefix(prefix)?;
        match n.split_at_checked(1)? {
            ("+", digits) => digits.parse().ok(),
            ("-", digits) => digits.parse::<i64>().ok().map(|d| -d),
            _ => None,
        }
    };
    let shift = |date: NaiveDate, days: i64| {
        if days >= 0 {
            calendar::add_days(date, days.unsigned_abs())
        } else {
            date.checked_sub_days(chrono::Days::new(days.unsigned_abs()))
                .unwrap_or(NaiveDate::MIN)
        }
    };
    if let Some(days) = offset("TODAY") {
        return Some(shift(today, days).to_string());
    }
    if let Some(months) = offset("MONTH") {
        let first = today.with_day(1)?;
        let month = if months >= 0 {
            first.checked_add_months(Months::new(u32::try_from(months).ok()?))
        } else {
            first.checked_sub_months(Months::new(u32::try_from(-months).ok()?))
        }?;
        return Some(month.format("%Y-%m").to_string());
    }
    let period = period?;
    if let Some(days) = offset("PERIOD_START") {
        return Some(shift(period.start(), days).to_string());
    }
    match name {
        "PERIOD" => Some(period.to_string()),
        "PERIOD_NOTE" => {
            let window = period.claim_window();
            Some(format!(
                "{} to {}; claims {} to {}",
                period.start(),
                period.end(),
                window.opens,
                window.closes
            ))
        }
        _ => None,
    }
}

/// The usage period whose claim window is open on `today` (the windows
/// follow each other, so there is one).
fn open_usage_period(today: NaiveDate) -> Option<UsagePeriod> {
    let current = UsagePeriod::containing(today)?;
    [Some(current), current.previous()]
        .into_iter()
        .flatten()
        .find(|p| p.claim_window().state(today) == WindowState::Open)
}

/// A one-page PDF that says it is a placeholder (and carries the marker
/// `document-placeholder` looks for).
pub fn placeholder_pdf(what: &str) -> Vec<u8> {
    let marker = crate::rules::any::document_placeholder::MARKER;
    let lines = [
        marker.to_string(),
        format!("Replace this file with: {what}."),
        "Written by claimtool init so the example claims validate.".to_string(),
    ];
    let escape = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)")
    };
    let content = format!(
        "BT /F1 12 Tf 50 780 Td 16 TL {} ET",
        lines
            .iter()
            .map(|l| format!("({}) '", escape(l)))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_for_any_day() {
        for today in [
            "2026-11-26",
            "2027-02-15",
            "2027-02-16",
            "2026-08-16",
            "2028-02-29",
        ] {
            let today: NaiveDate = today.parse().unwrap();
            for file in files(today) {
                let text = String::from_utf8_lossy(&file.contents);
                assert!(
                    !text.contains("{{"),
                    "{} keeps a template name",
                    file.path.display()
                );
            }
        }
        let today = "2026-11-26".parse().unwrap();
        assert_eq!(
            render("{{TODAY-30}} {{MONTH-11}} {{PERIOD}}", today),
            "2026-10-27 2025-12 FY27-H1"
        );
        assert_eq!(
            render("{{PERIOD_START+3}} {{NOPE}}", today),
            "2026-07-04 {{NOPE}}"
        );
    }

    #[test]
    fn the_placeholder_is_a_pdf_with_the_marker() {
        let pdf = placeholder_pdf("a signed SOW");
        assert_eq!(
            crate::documents::detect(&pdf),
            crate::documents::Detected::Pdf
        );
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains(crate::rules::any::document_placeholder::MARKER));
    }
}
