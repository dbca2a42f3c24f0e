//! `status --format csv`: one row per deadline
//! (`date,level,what,rule,kind,claim,path,stage,amount,currency`), RFC 4180
//! quoting by the csv crate. A claim without a dated deadline (and a file
//! that cannot be read) still gets one row, with the date and level empty,
//! so no file is missing from the sheet. Every value that a spreadsheet
//! would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) is prefixed with `'`.

use super::{ClaimStatus, Deadline, Portfolio};
use crate::decode::StrEnum;

pub const HEADER: [&str; 10] = [
    "date", "level", "what", "rule", "kind", "claim", "path", "stage", "amount", "currency",
];

/// The sheet, rows by date (claims without a deadline last, by path).
pub fn render(p: &Portfolio) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER)?;
    for (d, c) in p.deadlines() {
        w.write_record(record(c, Some(d)).map(|v| safe(&v).into_owned()))?;
    }
    for c in p.claims.iter().filter(|c| c.deadlines.is_empty()) {
        w.write_record(record(c, None).map(|v| safe(&v).into_owned()))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

fn record(c: &ClaimStatus, d: Option<&Deadline>) -> [String; 10] {
    let what = match (d, &c.unreadable) {
        (Some(d), _) => d.what.clone(),
        (None, Some(problem)) => format!("cannot be read: {problem}"),
        (None, None) => "no dated deadline".to_string(),
    };
    [
        d.map_or(String::new(), |d| d.date.to_string()),
        d.map_or(String::new(), |d| d.level.as_str().to_string()),
        what,
        d.map_or(String::new(), |d| d.rule.to_string()),
        c.kind.map_or(String::new(), |k| k.as_str().to_string()),
        c.name.clone().unwrap_or_default(),
        c.path.clone(),
        c.stage.clone().unwrap_or_default(),
        c.amount
            .as_ref()
            .map_or(String::new(), super::Amount::value_string),
        c.amount
            .as_ref()
            .map_or(String::new(), |a| a.currency.clone()),
    ]
}

/// A value a spreadsheet will not run: `'` before a leading `=`, `+`, `-`,
/// `@`, tab or carriage return.
pub fn safe(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn formulas_are_defused() {
        for v in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx"] {
            assert!(safe(v).starts_with('\''), "{v}");
        }
        assert_eq!(safe("Contoso = big"), "Contoso = big");
        assert_eq!(safe("2026-12-10"), "2026-12-10");
    }
}
