//! Writing a score history file (`kind = "score"`) from plain values: the
//! one writer behind `score import` (CSV) and the `score new` wizard, so
//! both produce the same layout as spec/claim-files.md.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::decode::StrEnum;
use crate::kinds::score::model::ScoreArea;

use super::YearMonth;

/// A history to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryDraft {
    pub partner_id: String,
    pub solution_area: ScoreArea,
    pub months: Vec<MonthDraft>,
}

/// One `[[month]]` with category scores (no metric detail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthDraft {
    pub month: YearMonth,
    pub performance: Decimal,
    pub skilling: Decimal,
    pub customer_success: Decimal,
    pub csp_revenue_usd: Decimal,
    /// Written only when known.
    pub designation: Option<bool>,
}

/// The TOML text, months in calendar order.
pub fn to_toml(draft: &HistoryDraft) -> String {
    let mut text = String::from("kind = \"score\"\n");
    let _ = writeln!(text, "partner_id = {}", toml_string(&draft.partner_id));
    let _ = writeln!(text, "solution_area = \"{}\"", draft.solution_area.as_str());
    let mut months: Vec<&MonthDraft> = draft.months.iter().collect();
    months.sort_by_key(|m| m.month);
    for m in months {
        let _ = write!(
            text,
            "\n[[month]]\nmonth = \"{}\"\nperformance = {}\nskilling = {}\ncustomer_success = {}\n\
             csp_revenue_usd = \"{}\"\n",
            m.month,
            points(m.performance),
            points(m.skilling),
            points(m.customer_success),
            money(m.csp_revenue_usd),
        );
        if let Some(d) = m.designation {
            let _ = writeln!(text, "designation = {d}");
        }
    }
    text
}

/// A TOML float literal holding exactly the decimal (`8.0`, `7.25`).
fn points(d: Decimal) -> String {
    let text = d.normalize().to_string();
    if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}

/// Two decimals at least; more are kept so `score-revenue` can report them.
fn money(d: Decimal) -> String {
    if d.scale() < 2 {
        format!("{d:.2}")
    } else {
        d.to_string()
    }
}

/// A TOML basic string with the escapes it needs.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::Claim;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn writes_a_file_that_loads_back_without_findings() {
        let draft = HistoryDraft {
            partner_id: "48\"71236".into(),
            solution_area: ScoreArea::ModernWork,
            months: vec![
                MonthDraft {
                    month: YearMonth::new(2026, 7).unwrap(),
                    performance: dec("8"),
                    skilling: dec("10.50"),
                    customer_success: dec("0"),
                    csp_revenue_usd: dec("2100"),
                    designation: Some(true),
                },
                MonthDraft {
                    month: YearMonth::new(2026, 6).unwrap(),
                    performance: dec("1.25"),
                    skilling: dec("0"),
                    customer_success: dec("7.5"),
                    csp_revenue_usd: dec("1999.99"),
                    designation: None,
                },
            ],
        };
        let text = to_toml(&draft);
        assert!(text.starts_with("kind = \"score\"\npartner_id = \"48\\\"71236\"\n"));
        assert!(text.find("2026-06").unwrap() < text.find("2026-07").unwrap());
        assert!(text.contains("performance = 8.0\nskilling = 10.5\n"));
        assert!(text.contains("csp_revenue_usd = \"2100.00\"\ndesignation = true\n"));
        let loaded = crate::load::load_text(text, Path::new("h.toml"), "h.toml");
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        let Some(Claim::Score(h)) = loaded.claim else {
            panic!("not a score history")
        };
        assert_eq!(h.partner_id.unwrap().value, "48\"71236");
        assert_eq!(h.months[0].points(), Some(dec("8.75")));
        assert_eq!(
            h.months[0].csp_revenue_usd.as_ref().unwrap().value,
            dec("1999.99")
        );
    }
}
