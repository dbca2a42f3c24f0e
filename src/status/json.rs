//! `status --format json`: the document of spec/status.md, keys in that
//! order, serialised straight from borrowed structs (no intermediate JSON
//! value: 10,000 claims stay cheap). Money is an exact decimal string; a
//! file that cannot be read carries its first error as `unreadable`.

use serde::Serialize;

use super::{Amount, ClaimStatus, Portfolio};

#[derive(Serialize)]
struct Doc<'a> {
    today: String,
    claims: Vec<Claim<'a>>,
    totals: Totals,
}

#[derive(Serialize)]
struct Claim<'a> {
    path: &'a str,
    kind: Option<&'static str>,
    name: Option<&'a str>,
    stage: Option<&'a str>,
    verdict: &'static str,
    errors: usize,
    warnings: usize,
    amount: Option<Money>,
    deadlines: Vec<Deadline<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unreadable: Option<&'a str>,
}

#[derive(Serialize)]
struct Deadline<'a> {
    date: String,
    what: &'a str,
    rule: &'static str,
    level: &'static str,
}

#[derive(Serialize)]
struct Money {
    value: String,
    currency: String,
}

impl From<&Amount> for Money {
    fn from(a: &Amount) -> Self {
        Money {
            value: a.value_string(),
            currency: a.currency.clone(),
        }
    }
}

#[derive(Serialize)]
struct Totals {
    claims: usize,
    ready: usize,
    warnings: usize,
    errors: usize,
    passed: usize,
    due: usize,
    amounts: Vec<CurrencyTotal>,
}

#[derive(Serialize)]
struct CurrencyTotal {
    currency: String,
    value: String,
}

fn claim(c: &ClaimStatus) -> Claim<'_> {
    Claim {
        path: &c.path,
        kind: c.kind.map(crate::decode::StrEnum::as_str),
        name: c.name.as_deref(),
        stage: c.stage.as_deref(),
        verdict: c.verdict.as_str(),
        errors: c.errors,
        warnings: c.warnings,
        amount: c.amount.as_ref().map(Money::from),
        deadlines: c
            .deadlines
            .iter()
            .map(|d| Deadline {
                date: d.date.to_string(),
                what: &d.what,
                rule: d.rule,
                level: d.level.as_str(),
            })
            .collect(),
        unreadable: c.unreadable.as_deref(),
    }
}

fn doc(p: &Portfolio) -> Doc<'_> {
    let t = p.totals();
    Doc {
        today: p.today.to_string(),
        claims: p.claims.iter().map(claim).collect(),
        totals: Totals {
            claims: t.claims,
            ready: t.ready,
            warnings: t.warnings,
            errors: t.errors,
            passed: t.passed,
            due: t.due,
            amounts: t
                .amounts
                .iter()
                .map(|a| CurrencyTotal {
                    currency: a.currency.clone(),
                    value: a.value_string(),
                })
                .collect(),
        },
    }
}

/// The document as a JSON value (tests, scripts in Rust).
pub fn value(p: &Portfolio) -> serde_json::Value {
    serde_json::to_value(doc(p)).unwrap_or_default()
}

/// The document, pretty-printed, with a final newline.
pub fn render(p: &Portfolio) -> String {
    let mut text = serde_json::to_string_pretty(&doc(p)).unwrap_or_default();
    text.push('\n');
    text
}
