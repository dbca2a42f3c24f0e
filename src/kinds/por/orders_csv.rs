//! A batch of orders as CSV (`claimtool por check orders.csv`): one row per
//! order, the columns named like the keys of a `kind = "por"` file.
//!
//! Each row is decoded into the same [`PorOrder`] as a TOML file, with
//! each value's span the raw range of its cell in the CSV text, then
//! checked by the same rules through [`engine::check_claim`]. Positions
//! are counted from the row's start (see [`Row::position`]), so a finding
//! names `orders.csv:LINE:COLUMN` of its cell and a 100,000-row file costs
//! no more per finding than a small one. Only the findings and each row's
//! `duplicate-claim` keys are kept, not the rows. A file the CSV reader
//! refuses is an `Err` (exit 2) naming the file and the line.

use std::path::Path;

use chrono::NaiveDate;

use super::csvfile::{CsvFile, Row};
use super::model::{Action, PorOrder};
use crate::decode::{Sp, StrEnum};
use crate::diag::Finding;
use crate::engine::{self, FileReport, MultiFile, Unit};
use crate::model::{Claim, Kind};
use crate::rules::any::{missing_field, wrong_type};
use crate::rules::{Env, RuleCtx};
use crate::source::SourceFile;

/// The columns, as the TOML keys.
const COLUMNS: &[&str] = &[
    "order",
    "reseller_partner_id",
    "customer_name",
    "customer_tenant_id",
    "customer_country",
    "action",
    "date",
    "subscription_id",
];

/// The columns every orders CSV must have.
const REQUIRED: &[&str] = &[
    "order",
    "reseller_partner_id",
    "customer_name",
    "customer_country",
    "action",
    "date",
];

/// Reads and checks an orders CSV.
pub fn check(path: &Path, display: &str, env: &Env) -> Result<MultiFile, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {display}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = 1 + memchr::memchr_iter(b'\n', &e.as_bytes()[..valid]).count();
        format!("{display}: line {line}: the file is not UTF-8 text (save it as UTF-8)")
    })?;
    let source = SourceFile::new(display, path, text);
    let mut findings = Vec::new();
    let mut units = Vec::new();
    {
        let mut file = CsvFile::open(&source.text, display, COLUMNS, REQUIRED)?;
        let cols: Vec<Option<usize>> = COLUMNS.iter().map(|c| file.column(c)).collect();
        for row in file.rows() {
            let row = row?;
            let (row_findings, keys) = check_row(&source, &row, &cols, env);
            findings.extend(row_findings);
            if keys.iter().any(|k| !k.is_empty()) {
                units.push(Unit {
                    display: Some(format!("{display} line {}", row.line)),
                    keys,
                });
            }
        }
    }
    Ok(MultiFile {
        report: FileReport {
            source,
            kind: Some(Kind::Por),
            claim: None,
            findings,
        },
        units,
    })
}

/// One row: decoded, checked, each finding and key placed.
fn check_row(
    source: &SourceFile,
    row: &Row,
    cols: &[Option<usize>],
    env: &Env,
) -> (Vec<Finding>, Vec<Vec<crate::rules::BatchKey>>) {
    let mut out = Vec::new();
    let order = decode(row, cols, &mut out);
    let claim = Claim::Por(order);
    let unreadable = engine::unreadable_fields(&out);
    let ctx = RuleCtx::new(source, &claim, env, &unreadable);
    let mut keys = engine::check_claim(&ctx, &mut out);
    for f in &mut out {
        f.position = f.span.as_ref().map(|s| row.position(&source.text, s));
    }
    for key in keys.iter_mut().flatten() {
        key.position = Some(row.position(&source.text, &key.span));
    }
    (out, keys)
}

/// A row's cells as an order; structural problems become findings.
fn decode(row: &Row, cols: &[Option<usize>], out: &mut Vec<Finding>) -> PorOrder {
    let cell = |i: usize| -> Option<Sp<String>> {
        row.get(cols[i])
            .map(|v| Sp::new(v.to_string(), row.span(cols[i]), COLUMNS[i]))
    };
    let required = |i: usize, out: &mut Vec<Finding>| {
        let value = cell(i);
        if value.is_none() {
            out.push(
                Finding::new(
                    &missing_field::RULE,
                    format!("`{}` is empty on this row", COLUMNS[i]),
                )
                .at_span(COLUMNS[i], row.span(None))
                .label("this order")
                .help(format!("fill in the {} column", COLUMNS[i])),
            );
        }
        value
    };
    let order = required(0, out);
    let reseller_partner_id = required(1, out);
    let customer_name = required(2, out);
    let customer_country = required(4, out).and_then(|c| super::model::country(c, out));
    let action = required(5, out).and_then(|a| action(a, out));
    let date = required(6, out).and_then(|d| date(d, out));
    PorOrder {
        order,
        reseller_partner_id,
        customer_name,
        customer_tenant_id: cell(3),
        customer_country,
        action,
        date,
        subscription_id: cell(7),
    }
}

fn action(value: Sp<String>, out: &mut Vec<Finding>) -> Option<Sp<Action>> {
    if let Some(a) = Action::parse(&value.value.to_ascii_lowercase()) {
        return Some(Sp::new(a, value.span, value.path));
    }
    let mut f = Finding::new(
        &wrong_type::RULE,
        format!(
            "`action` must be one of {}, not \"{}\"",
            Action::allowed(),
            value.value
        ),
    )
    .at(&value)
    .label("unknown action");
    if let Some(near) = crate::decode::nearest(&value.value, Action::ALL.iter().map(|a| a.as_str()))
    {
        f = f.help(format!("did you mean \"{near}\"?"));
    }
    out.push(f);
    None
}

fn date(value: Sp<String>, out: &mut Vec<Finding>) -> Option<Sp<NaiveDate>> {
    match NaiveDate::parse_from_str(&value.value, "%Y-%m-%d") {
        Ok(d) => Some(Sp::new(d, value.span, value.path)),
        Err(_) => {
            out.push(
                Finding::new(
                    &wrong_type::RULE,
                    format!(
                        "`date` must be a date like 2026-09-15, not \"{}\"",
                        value.value
                    ),
                )
                .at(&value)
                .label("expected a date (YYYY-MM-DD)")
                .help("write the date as YYYY-MM-DD"),
            );
            None
        }
    }
}
