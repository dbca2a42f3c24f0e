//! The distributor's reseller list, and the saved `validateresellers`
//! response: what the `por-` rules compare an order with.
//!
//! Two list formats, told apart by content (a JSON document starts with
//! `{`): the body of Partner Center's `GET /v1/relationships?
//! relationship_type=IsIndirectCloudSolutionProviderOf` (read with
//! `serde_json`, each item at its byte offset thanks to `RawValue`), or a
//! CSV with a header row (read with [`super::csvfile`]). Either becomes a
//! [`Roster`]: the resellers in the list's order, an index by PartnerID,
//! and the list's own findings (`por-roster-duplicate`, a country that is
//! not a code), reported as the list file's entry in the report.
//! A list that cannot be read is an `Err` naming the file, the line (CSV)
//! or the JSON path, and what is wrong: the command exits 2.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::csvfile::CsvFile;
use crate::diag::Finding;
use crate::source::SourceFile;
use crate::str_enum;

str_enum! {
    /// The CSV list's `authorization` column.
    pub enum Authorization {
        Authorized = "authorized",
        Suspended = "suspended",
        Deauthorized = "deauthorized",
    }
}

/// One reseller of the list.
#[derive(Debug, Clone)]
pub struct Reseller {
    pub partner_id: String,
    pub name: String,
    /// The ISO code, when the list's country is one.
    pub country: Option<String>,
    /// The country as the list writes it (for messages).
    pub country_text: String,
    pub tenant_id: Option<String>,
    /// `state`, as written (`None` when the list has no value).
    pub state: Option<String>,
    pub mpa_accepted: Option<bool>,
    pub authorization: Option<Authorization>,
    /// Where the reseller is in the list file (its row or item).
    pub span: Range<usize>,
}

impl Reseller {
    /// Whether the list says the relationship is active (`None`: it says
    /// nothing).
    pub fn is_active(&self) -> Option<bool> {
        self.state
            .as_deref()
            .map(|s| s.trim().eq_ignore_ascii_case("active"))
    }
}

/// The list format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

/// A reseller list as read.
#[derive(Debug)]
pub struct Roster {
    pub source: SourceFile,
    pub format: Format,
    pub resellers: Vec<Reseller>,
    /// PartnerID -> the first reseller with it.
    index: HashMap<String, usize>,
    /// Findings of the list itself, with positions.
    pub findings: Vec<Finding>,
}

impl Roster {
    /// The reseller with PartnerID `id` (blanks trimmed).
    pub fn get(&self, id: &str) -> Option<&Reseller> {
        self.index.get(id.trim()).map(|&i| &self.resellers[i])
    }

    /// Reads a list file.
    pub fn load(path: &Path, display: &str) -> Result<Roster, String> {
        let bytes = std::fs::read(path)
            .map_err(|e| format!("cannot read the reseller list {display}: {e}"))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let line = 1 + memchr::memchr_iter(b'\n', &e.as_bytes()[..valid]).count();
            format!(
                "{display}: line {line}: the reseller list is not UTF-8 text (save it as UTF-8)"
            )
        })?;
        Roster::parse(SourceFile::new(display, path, text))
    }

    /// Reads a list from its text.
    pub fn parse(source: SourceFile) -> Result<Roster, String> {
        let body = source.text.trim_start_matches('\u{feff}').trim_start();
        let (format, resellers, mut findings) = if body.starts_with('{') || body.starts_with('[') {
            let (r, f) = parse_json(&source)?;
            (Format::Json, r, f)
        } else {
            let (r, f) = parse_csv(&source)?;
            (Format::Csv, r, f)
        };
        let mut index = HashMap::with_capacity(resellers.len());
        for (i, r) in resellers.iter().enumerate() {
            if let Some(&first) = index.get(&r.partner_id) {
                let first: &Reseller = &resellers[first];
                findings.push(
                    Finding::new(
                        &super::rules::roster_duplicate::RULE,
                        format!(
                            "PartnerID {} is in the list twice (\"{}\" and \"{}\")",
                            r.partner_id, first.name, r.name
                        ),
                    )
                    .at_span("partner_id", r.span.clone())
                    .label("listed again here")
                    .help("keep one entry per PartnerID: orders are checked against the first"),
                );
            } else {
                index.insert(r.partner_id.clone(), i);
            }
        }
        for f in &mut findings {
            if f.position.is_none() {
                f.position = f.span.as_ref().map(|s| source.position(s));
            }
        }
        Ok(Roster {
            source,
            format,
            resellers,
            index,
            findings,
        })
    }
}

/// The CSV list's columns.
const CSV_COLUMNS: &[&str] = &[
    "partner_id",
    "name",
    "country",
    "tenant_id",
    "state",
    "mpa_accepted",
    "authorization",
];

fn parse_csv(source: &SourceFile) -> Result<(Vec<Reseller>, Vec<Finding>), String> {
    let display = source.display.as_str();
    let mut file = CsvFile::open(&source.text, display, CSV_COLUMNS, &CSV_COLUMNS[..3])?;
    let col = |n: &str| file.column(n);
    let cols: Vec<Option<usize>> = CSV_COLUMNS.iter().map(|c| col(c)).collect();
    let mut resellers = Vec::new();
    let mut findings = Vec::new();
    for row in file.rows() {
        let row = row?;
        let at = |what: &str| format!("{display}: line {}: {what}", row.line);
        let partner_id = row
            .get(cols[0])
            .ok_or_else(|| at("partner_id is empty (every reseller needs its PartnerID)"))?
            .to_string();
        let name = row.get(cols[1]).unwrap_or_default().to_string();
        let country_text = row.get(cols[2]).unwrap_or_default().to_string();
        let country = super::country::parse(&country_text);
        if country.is_none() {
            let span = row.span(cols[2]);
            let (message, label, help) = super::country::problem("country", &country_text);
            let mut f = Finding::new(&crate::rules::any::wrong_type::RULE, message)
                .at_span("country", span.clone())
                .label(label)
                .help(help);
            f.position = Some(row.position(&source.text, &span));
            findings.push(f);
        }
        let mpa_accepted = match row.get(cols[5]).map(str::to_ascii_lowercase).as_deref() {
            None => None,
            Some("true") => Some(true),
            Some("false") => Some(false),
            Some(other) => {
                return Err(at(&format!(
                    "mpa_accepted is \"{other}\"; write true, false or leave it empty (unknown)"
                )));
            }
        };
        let authorization = match row.get(cols[6]) {
            None => None,
            Some(text) => Some(
                <Authorization as crate::decode::StrEnum>::parse(&text.to_ascii_lowercase())
                    .ok_or_else(|| {
                        at(&format!(
                            "authorization is \"{text}\"; write {} or leave it empty (unknown)",
                            <Authorization as crate::decode::StrEnum>::allowed()
                        ))
                    })?,
            ),
        };
        resellers.push(Reseller {
            partner_id,
            name,
            country,
            country_text,
            tenant_id: row.get(cols[3]).map(str::to_string),
            state: row.get(cols[4]).map(str::to_string),
            mpa_accepted,
            authorization,
            span: row.span(cols[0]),
        });
    }
    Ok((resellers, findings))
}

/// `GET /v1/relationships` as Partner Center returns it.
#[derive(Deserialize)]
struct JsonList<'a> {
    #[serde(borrow)]
    items: Vec<&'a RawValue>,
}

/// One relationship item (unknown keys ignored).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsonItem {
    id: Option<String>,
    name: Option<String>,
    state: Option<String>,
    mpn_id: Option<serde_json::Value>,
    location: Option<String>,
}

fn parse_json(source: &SourceFile) -> Result<(Vec<Reseller>, Vec<Finding>), String> {
    let display = source.display.as_str();
    let text = source.text.as_str();
    let list: JsonList<'_> = serde_json::from_str(text).map_err(|e| {
        format!(
            "{display}: line {} column {}: not a Partner Center reseller list ({}); expected \
             {{\"items\": [...]}} as GET /v1/relationships returns it, or a CSV with a header row",
            e.line(),
            e.column(),
            strip_position(&e)
        )
    })?;
    let mut resellers = Vec::with_capacity(list.items.len());
    let mut findings = Vec::new();
    for (i, raw) in list.items.iter().enumerate() {
        // The item's text is a slice of the file's: its offset is the difference.
        let start = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let span = start..start + raw.get().len();
        let line = || source.line_col(start).0;
        let item: JsonItem = serde_json::from_str(raw.get()).map_err(|e| {
            format!(
                "{display}: items[{i}] (line {}): {}",
                line() + e.line() - 1,
                strip_position(&e)
            )
        })?;
        let partner_id = match &item.mpn_id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => {
                return Err(format!(
                    "{display}: items[{i}].mpnId (line {}): every reseller needs its PartnerID as mpnId",
                    line()
                ));
            }
        };
        let country_text = item.location.unwrap_or_default();
        let country = super::country::parse(&country_text);
        if country.is_none() {
            let (message, label, help) =
                super::country::problem(&format!("items[{i}].location"), &country_text);
            let mut f = Finding::new(&crate::rules::any::wrong_type::RULE, message)
                .at_span(format!("items[{i}].location"), span.clone())
                .label(label)
                .help(help);
            f.position = Some(source.position(&span));
            findings.push(f);
        }
        resellers.push(Reseller {
            partner_id,
            name: item.name.unwrap_or_default(),
            country,
            country_text,
            tenant_id: item.id,
            state: item.state,
            // The relationships API says nothing of the MPA or authorization.
            mpa_accepted: None,
            authorization: None,
            span,
        });
    }
    Ok((resellers, findings))
}

/// serde_json's message without its " at line L column C" tail (the
/// caller says where).
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    text.rsplit_once(" at line ")
        .map_or(text.clone(), |(m, _)| m.to_string())
}

/// The saved `POST /v1/partners/validateresellers` response.
#[derive(Debug, Default)]
pub struct Validation {
    /// PartnerID -> (valid, error code, error description).
    results: HashMap<String, ValidationResult>,
}

/// One PartnerID's result, as Microsoft returned it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationResult {
    pub partner_id: serde_json::Value,
    pub is_valid_partner_id_on_record: bool,
    pub error_code: Option<serde_json::Value>,
    pub error_description: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ValidationBody {
    validation_results: Vec<ValidationResult>,
}

impl Validation {
    pub fn load(path: &Path, display: &str) -> Result<Validation, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the validation response {display}: {e}"))?;
        let body: ValidationBody = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{display}: line {} column {}: not a validateresellers response ({}); expected \
                 {{\"validationResults\": [{{\"partnerId\": \"...\", \"isValidPartnerIdOnRecord\": ...}}]}}",
                e.line(),
                e.column(),
                strip_position(&e)
            )
        })?;
        let mut results = HashMap::new();
        for r in body.validation_results {
            let id = match &r.partner_id {
                serde_json::Value::String(s) => s.trim().to_string(),
                other => other.to_string(),
            };
            results.insert(id, r);
        }
        Ok(Validation { results })
    }

    pub fn get(&self, partner_id: &str) -> Option<&ValidationResult> {
        self.results.get(partner_id.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Roster, String> {
        Roster::parse(SourceFile::new("r", "r", text.to_string()))
    }

    #[test]
    fn a_json_list_is_read_with_each_item_line() {
        let r = parse(
            "{\"totalCount\": 2,\n \"items\": [\n  {\"id\": \"t1\", \"name\": \"A\", \"state\": \"Active\", \"mpnId\": \"4871236\", \"location\": \"AU\", \"x\": 1},\n  {\"name\": \"B\", \"mpnId\": 4871236, \"location\": \"UK\"}\n]}",
        )
        .unwrap();
        assert_eq!(r.format, Format::Json);
        assert_eq!(r.resellers.len(), 2);
        assert_eq!(r.get("4871236").unwrap().name, "A");
        assert_eq!(r.get(" 4871236 ").unwrap().is_active(), Some(true));
        let rules: Vec<(&str, usize)> = r
            .findings
            .iter()
            .map(|f| (f.rule, f.position.unwrap().line))
            .collect();
        assert!(rules.contains(&("por-roster-duplicate", 4)), "{rules:?}");
        assert!(rules.contains(&("wrong-type", 4)), "{rules:?}");
    }

    #[test]
    fn a_csv_list_is_read_and_its_mistakes_named() {
        let r = parse("Name,PARTNER_ID,country,extra,mpa_accepted,authorization\nA,\"4871236\",au,x,,suspended\n").unwrap();
        let a = r.get("4871236").unwrap();
        assert_eq!(a.country.as_deref(), Some("AU"));
        assert_eq!(a.authorization, Some(Authorization::Suspended));
        assert_eq!(a.mpa_accepted, None);
        let e = parse("partner_id,name\n1,A\n").unwrap_err();
        assert!(e.contains("no \"country\" column"), "{e}");
        let e = parse("partner_id,name,country,mpa_accepted\n1,A,AU,maybe\n").unwrap_err();
        assert!(e.starts_with("r: line 2: mpa_accepted is \"maybe\""), "{e}");
        let e = parse("{\"items\": [{\"name\": \"A\"}]}").unwrap_err();
        assert!(e.contains("items[0].mpnId"), "{e}");
        let e = parse("{\"items\": 3}").unwrap_err();
        assert!(e.contains("line 1 column"), "{e}");
    }
}
