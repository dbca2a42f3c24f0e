//! `status --format json`: the document of spec/status.md, keys in that
//! order. Money is an exact decimal string; a file that cannot be read
//! carries its first error as `unreadable`.

use serde::Serialize;
use serde_json::{Value, json};

use super::{Amount, ClaimStatus, Portfolio};
use crate::decode::StrEnum;

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

/// The whole document.
pub fn value(p: &Portfolio) -> Value {
    let t = p.totals();
    let amounts: Vec<Value> = t
        .amounts
        .iter()
        .map(|a| json!({"currency": a.currency, "value": a.value_string()}))
        .collect();
    json!({
        "today": p.today.to_string(),
        "claims": p.claims.iter().map(claim).collect::<Vec<_>>(),
        "totals": {
            "claims": t.claims,
            "ready": t.ready,
            "warnings": t.warnings,
            "errors": t.errors,
            "passed": t.passed,
            "due": t.due,
            "amounts": amounts,
        },
    })
}

fn claim(c: &ClaimStatus) -> Value {
    let deadlines: Vec<Value> = c
        .deadlines
        .iter()
        .map(|d| {
            json!({
                "date": d.date.to_string(),
                "what": d.what,
                "rule": d.rule,
                "level": d.level.as_str(),
            })
        })
        .collect();
    let mut v = json!({
        "path": c.path,
        "kind": c.kind.map(|k| k.as_str()),
        "name": c.name,
        "stage": c.stage,
        "verdict": c.verdict.as_str(),
        "errors": c.errors,
        "warnings": c.warnings,
        "amount": c.amount.as_ref().map(Money::from),
        "deadlines": deadlines,
    });
    if let (Some(problem), Some(map)) = (&c.unreadable, v.as_object_mut()) {
        map.insert("unreadable".to_string(), Value::String(problem.clone()));
    }
    v
}

/// The document, pretty-printed, with a final newline.
pub fn render(p: &Portfolio) -> String {
    let mut text = serde_json::to_string_pretty(&value(p)).unwrap_or_default();
    text.push('\n');
    text
}
