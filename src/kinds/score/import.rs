//! Importing a scoring history from CSV, the shape people copy out of
//! Partner Center's scoring history and spreadsheets:
//!
//! ```text
//! month,performance,skilling,customer_success,csp_revenue_usd
//! 2026-06,8,10,7.5,2100.00
//! ```
//!
//! The header is required; columns may come in any order, names are
//! matched loosely (`Customer Success`, `CSP revenue (USD)`), and an
//! optional `designation` column (true/false, yes/no, 1/0) may follow.
//! Every problem is collected with its line and column (`history.csv:4:3`)
//! instead of stopping at the first. The rows become [`MonthDraft`]s that
//! [`super::write::to_toml`] renders.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::YearMonth;
use super::write::MonthDraft;

/// One problem in the CSV text: 1-based line, and the 1-based column
/// (field number) when one cell is at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    pub line: u64,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl CsvProblem {
    /// `history.csv:4:3: message`, like a compiler's one-line error.
    pub fn location(&self, file: &str) -> String {
        match self.column {
            Some(c) => format!("{file}:{}:{c}", self.line),
            None => format!("{file}:{}", self.line),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Month,
    Performance,
    Skilling,
    CustomerSuccess,
    Revenue,
    Designation,
}

const COLUMNS: &[(&str, Col)] = &[
    ("month", Col::Month),
    ("performance", Col::Performance),
    ("skilling", Col::Skilling),
    ("customer_success", Col::CustomerSuccess),
    ("csp_revenue_usd", Col::Revenue),
    ("designation", Col::Designation),
];

/// The header line the help texts show.
pub const HEADER: &str = "month,performance,skilling,customer_success,csp_revenue_usd";

/// Reads the CSV text into months, or every problem found.
pub fn parse_csv(text: &str) -> Result<Vec<MonthDraft>, Vec<CsvProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(sniff_delimiter(text))
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let (header_line, columns) = read_header(&mut records)?;
    let mut problems = Vec::new();
    let months = read_months(records, &columns, &mut problems);
    if months.is_empty() && problems.is_empty() {
        problems.push(CsvProblem {
            line: header_line + 1,
            column: None,
            message: "no month rows after the header".into(),
            help: Some("add one row per month, e.g. 2026-06,8,10,7.5,2100.00".into()),
        });
    }
    if problems.is_empty() {
        Ok(months)
    } else {
        Err(problems)
    }
}

/// The header line (skipping blank lines before it): its line number and
/// which column holds what, or every problem with it.
fn read_header(
    records: &mut csv::StringRecordsIter<'_, &[u8]>,
) -> Result<(u64, Vec<Option<Col>>), Vec<CsvProblem>> {
    let header = loop {
        match records.next() {
            None => {
                return Err(vec![CsvProblem {
                    line: 1,
                    column: None,
                    message: "the file has no header line".into(),
                    help: Some(format!("start the file with the header `{HEADER}`")),
                }]);
            }
            Some(Err(e)) => return Err(vec![csv_error(&e)]),
            Some(Ok(r)) if r.iter().all(str::is_empty) => {}
            Some(Ok(r)) => break r,
        }
    };
    let header_line = header.position().map_or(1, csv::Position::line);
    let mut problems = Vec::new();
    let mut columns: Vec<Option<Col>> = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let key = normalize(name);
        let col = COLUMNS.iter().find(|(n, _)| *n == key).map(|(_, c)| *c);
        match col {
            Some(c) if columns.contains(&Some(c)) => problems.push(CsvProblem {
                line: header_line,
                column: Some(i + 1),
                message: format!("column `{}` appears twice", quote(&key)),
                help: Some("keep one of them".into()),
            }),
            Some(_) => {}
            None if YearMonth::parse(name).is_some() || month_of(name).is_some() => {
                problems.push(CsvProblem {
                    line: header_line,
                    column: Some(i + 1),
                    message: format!(
                        "the first line is data (\"{}\"), not the header",
                        quote(name)
                    ),
                    help: Some(format!("add the header line `{HEADER}` at the top")),
                });
                return Err(problems);
            }
            None => problems.push(CsvProblem {
                line: header_line,
                column: Some(i + 1),
                message: format!("unknown column \"{}\"", quote(name)),
                help: Some(
                    match crate::decode::nearest(&key, COLUMNS.iter().map(|(n, _)| *n)) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!("the columns are {HEADER}, and optionally designation"),
                    },
                ),
            }),
        }
        columns.push(col);
    }
    for (name, col) in COLUMNS.iter().filter(|(_, c)| *c != Col::Designation) {
        if !columns.contains(&Some(*col)) {
            problems.push(CsvProblem {
                line: header_line,
                column: None,
                message: format!("the header has no `{name}` column"),
                help: Some(format!("the header must name {HEADER}")),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok((header_line, columns))
}

/// The month rows after the header; a row with a problem is reported and
/// left out.
fn read_months(
    records: csv::StringRecordsIter<'_, &[u8]>,
    columns: &[Option<Col>],
    problems: &mut Vec<CsvProblem>,
) -> Vec<MonthDraft> {
    let index = |col: Col| columns.iter().position(|c| *c == Some(col));
    let mut months = Vec::new();
    let mut seen: HashMap<YearMonth, u64> = HashMap::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(csv_error(&e));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue; // spreadsheets leave empty rows behind
        }
        let line = record.position().map_or(0, csv::Position::line);
        let mut row = Row {
            line,
            record: &record,
            problems,
        };
        let month = index(Col::Month).and_then(|i| row.month(i));
        let performance = index(Col::Performance).and_then(|i| row.number(i, "performance"));
        let skilling = index(Col::Skilling).and_then(|i| row.number(i, "skilling"));
        let customer_success =
            index(Col::CustomerSuccess).and_then(|i| row.number(i, "customer_success"));
        let revenue = index(Col::Revenue).and_then(|i| row.number(i, "csp_revenue_usd"));
        let designation = match index(Col::Designation) {
            Some(i) => row.flag(i),
            None => Ok(None),
        };
        if let Some(month) = month
            && let Some(first) = seen.insert(month, line)
        {
            problems.push(CsvProblem {
                line,
                column: index(Col::Month).map(|i| i + 1),
                message: format!("month {month} is already on line {first}"),
                help: Some("keep one row per month (its best score)".into()),
            });
            continue;
        }
        if let (
            Some(month),
            Some(performance),
            Some(skilling),
            Some(customer_success),
            Some(revenue),
            Ok(designation),
        ) = (
            month,
            performance,
            skilling,
            customer_success,
            revenue,
            designation,
        ) {
            months.push(MonthDraft {
                month,
                performance,
                skilling,
                customer_success,
                csp_revenue_usd: revenue,
                designation,
            });
        }
    }
    months
}

/// One data row being read; problems go to the shared list.
struct Row<'r> {
    line: u64,
    record: &'r csv::StringRecord,
    problems: &'r mut Vec<CsvProblem>,
}

impl Row<'_> {
    fn problem(&mut self, i: usize, message: String, help: &str) {
        self.problems.push(CsvProblem {
            line: self.line,
            column: Some(i + 1),
            message,
            help: Some(help.to_string()),
        });
    }

    fn cell(&mut self, i: usize, name: &str) -> Option<&str> {
        if let Some(cell) = self.record.get(i) {
            Some(cell)
        } else {
            let found = self.record.len();
            self.problem(
                i,
                format!("no `{name}` value: the row has {found} cells"),
                "give every row a value for every column of the header",
            );
            None
        }
    }

    fn month(&mut self, i: usize) -> Option<YearMonth> {
        let cell = self.cell(i, "month")?.to_string();
        let month = month_of(&cell);
        if month.is_none() {
            self.problem(
                i,
                format!("month \"{}\" is not a month like 2026-06", quote(&cell)),
                "write months as YYYY-MM (a spreadsheet may have turned them into dates: format the column as text)",
            );
        }
        month
    }

    fn number(&mut self, i: usize, name: &str) -> Option<Decimal> {
        let cell = self.cell(i, name)?.to_string();
        if cell.is_empty() {
            self.problem(
                i,
                format!("`{name}` is empty"),
                "write 0 when the month scored nothing",
            );
            return None;
        }
        match parse_number(&cell) {
            Some(d) if d < Decimal::ZERO => {
                self.problem(
                    i,
                    format!("`{name}` is negative ({})", quote(&cell)),
                    "points and revenue are 0 or more",
                );
                None
            }
            Some(d) => Some(d),
            None => {
                self.problem(
                    i,
                    format!("`{name}` \"{}\" is not a number", quote(&cell)),
                    "write a plain number like 7.5 or 2100.00 (a `.` for decimals)",
                );
                None
            }
        }
    }

    fn flag(&mut self, i: usize) -> Result<Option<bool>, ()> {
        let Some(cell) = self.record.get(i) else {
            return Ok(None);
        };
        match cell.to_ascii_lowercase().as_str() {
            "" => Ok(None),
            "true" | "yes" | "y" | "1" => Ok(Some(true)),
            "false" | "no" | "n" | "0" => Ok(Some(false)),
            _ => {
                let cell = cell.to_string();
                self.problem(
                    i,
                    format!("`designation` \"{}\" is not true or false", quote(&cell)),
                    "write true or false (yes/no and 1/0 work too), or leave it empty",
                );
                Err(())
            }
        }
    }
}

/// `2026-06`, or a date `2026-06-15` (its month).
fn month_of(cell: &str) -> Option<YearMonth> {
    YearMonth::parse(cell).or_else(|| {
        chrono::NaiveDate::parse_from_str(cell, "%Y-%m-%d")
            .ok()
            .map(YearMonth::of)
    })
}

/// A number as spreadsheets write it: `2100`, `2100.50`, `$2,100.50`,
/// `USD 2100` ([`money::parse_written`], the reading the wizards use); an
/// amount in another currency than USD is not one.
fn parse_number(cell: &str) -> Option<Decimal> {
    let written = crate::money::parse_written(cell)?;
    if written.currency.as_deref().is_some_and(|c| c != "USD") {
        return None;
    }
    Decimal::from_str_exact(&written.amount).ok()
}

/// `Customer Success` → `customer_success`, `CSP revenue (USD)` →
/// `csp_revenue_usd`.
fn normalize(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

/// Comma, unless the header line uses semicolons or tabs instead (European
/// spreadsheets export `;`).
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.contains(',') {
        b','
    } else if first.contains(';') {
        b';'
    } else if first.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

/// A cell or header quoted in a message: at most its first 200 characters.
fn quote(text: &str) -> std::borrow::Cow<'_, str> {
    crate::term::clip(text, crate::term::QUOTE_CHARS)
}

fn csv_error(e: &csv::Error) -> CsvProblem {
    CsvProblem {
        line: e.position().map_or(1, csv::Position::line),
        column: None,
        message: format!("not readable as CSV: {}", quote(&e.to_string())),
        help: Some("save the sheet as CSV (UTF-8)".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn problems(text: &str) -> Vec<String> {
        parse_csv(text)
            .unwrap_err()
            .iter()
            .map(|p| format!("{}: {}", p.location("h.csv"), p.message))
            .collect()
    }

    #[test]
    fn reads_rows_in_any_column_order_with_loose_names() {
        let months = parse_csv(
            "\u{feff}Month,Skilling,Performance,Customer Success,CSP revenue (USD),Designation\n\
             2026-06,10,8,7.5,\"$31,000.00\",yes\n\
             ,,,,,\n\
             2026-07-01,0,0,0,0,\n",
        )
        .unwrap();
        assert_eq!(months.len(), 2);
        assert_eq!(months[0].month.to_string(), "2026-06");
        assert_eq!(months[0].performance, dec("8"));
        assert_eq!(months[0].skilling, dec("10"));
        assert_eq!(months[0].csp_revenue_usd, dec("31000.00"));
        assert_eq!(months[0].designation, Some(true));
        assert_eq!(months[1].month.to_string(), "2026-07");
        assert_eq!(months[1].designation, None);
    }

    #[test]
    fn semicolons_are_accepted() {
        let months = parse_csv(
            "month;performance;skilling;customer_success;csp_revenue_usd\n2026-06;1;2;3;4.50\n",
        )
        .unwrap();
        assert_eq!(months[0].csp_revenue_usd, dec("4.50"));
    }

    #[test]
    fn cell_problems_name_line_and_column() {
        let got = problems(&format!(
            "{HEADER}\n2026-06,8,10,7.5,2100\n2026-13,8,abc,7.5,2100\n2026-06,8,1,-2,\"21,00\"\n2026-08,1\n"
        ));
        assert_eq!(
            got,
            [
                "h.csv:3:1: month \"2026-13\" is not a month like 2026-06",
                "h.csv:3:3: `skilling` \"abc\" is not a number",
                "h.csv:4:4: `customer_success` is negative (-2)",
                "h.csv:4:5: `csp_revenue_usd` \"21,00\" is not a number",
                "h.csv:4:1: month 2026-06 is already on line 2",
                "h.csv:5:3: no `skilling` value: the row has 2 cells",
                "h.csv:5:4: no `customer_success` value: the row has 2 cells",
                "h.csv:5:5: no `csp_revenue_usd` value: the row has 2 cells",
            ]
        );
    }

    #[test]
    fn header_is_required_and_checked() {
        assert_eq!(
            problems("2026-06,8,10,7.5,2100\n"),
            ["h.csv:1:1: the first line is data (\"2026-06\"), not the header"]
        );
        assert_eq!(
            problems("month,performance,skiling,customer_success\n2026-06,1,2,3\n"),
            [
                "h.csv:1:3: unknown column \"skiling\"",
                "h.csv:1: the header has no `skilling` column",
                "h.csv:1: the header has no `csp_revenue_usd` column",
            ]
        );
        let err = parse_csv("month,performance,skiling\n").unwrap_err();
        assert_eq!(err[0].help.as_deref(), Some("did you mean `skilling`?"));
        assert_eq!(problems(""), ["h.csv:1: the file has no header line"]);
        assert_eq!(
            problems(&format!("{HEADER}\n")),
            ["h.csv:2: no month rows after the header"]
        );
    }

    #[test]
    fn numbers_as_spreadsheets_write_them() {
        assert_eq!(parse_number("2100"), Some(dec("2100")));
        assert_eq!(parse_number("USD 25,000.00"), Some(dec("25000.00")));
        assert_eq!(parse_number("$1,234,567.5"), Some(dec("1234567.5")));
        assert_eq!(parse_number("0.10"), Some(dec("0.10")));
        for bad in [
            "1,23", "12,3456", "1.2.3", "abc", "1e3", ".5", "5.", "25 000",
        ] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }
}
