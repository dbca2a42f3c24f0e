//! `claimtool rules [ID]`: the rule table, or one rule explained.

use std::fmt::Write as _;

use anyhow::{Context as _, bail};
use claimtool::rules;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::Outcome;
use super::args::{HumanOrJson, RulesArgs};

pub(super) fn run(args: &RulesArgs) -> anyhow::Result<Outcome> {
    let as_json = args.format.unwrap_or_default() == HumanOrJson::Json;
    if args.markdown {
        print!("{}", rules::markdown_reference());
        return Ok(Outcome::Clean);
    }
    if let Some(id) = &args.rule {
        let Some(rule) = rules::find(id) else {
            let hint = claimtool::decode::nearest(id, rules::all().map(|r| r.id))
                .map_or(String::new(), |n| format!(" (did you mean `{n}`?)"));
            bail!("no rule `{id}`{hint}");
        };
        if as_json {
            let json = serde_json::json!({
                "id": rule.id,
                "severity": rule.severity_text(),
                "applies_to": rule.scope(),
                "summary": rule.summary,
                "source": rule.source,
                "citations": rules::sources::cite(rule.source),
                "docs": rule.docs,
            });
            let json =
                serde_json::to_string_pretty(&json).context("cannot render the rule as JSON")?;
            println!("{json}");
        } else {
            let mut cited = String::new();
            for c in rules::sources::cite(rule.source) {
                let _ = write!(cited, "\n  {}: {}", c.token, c.text);
                if let Some(url) = c.url {
                    let _ = write!(cited, "\n      {url}");
                }
            }
            println!(
                "{} ({}, applies to {})\n\n{}\n\nSource: {}{cited}\n\n{}",
                rule.id,
                rule.severity_text(),
                rule.scope(),
                rule.summary,
                rule.source,
                rule.docs.trim()
            );
        }
        return Ok(Outcome::Clean);
    }
    if as_json {
        let list: Vec<_> = rules::all()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "severity": r.severity_text(),
                    "applies_to": r.scope(),
                    "summary": r.summary,
                })
            })
            .collect();
        let json =
            serde_json::to_string_pretty(&list).context("cannot render the rules as JSON")?;
        println!("{json}");
        return Ok(Outcome::Clean);
    }
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(["rule", "applies to", "severity", "summary"]);
    for r in rules::all() {
        table.add_row([r.id, r.scope(), &r.severity_text(), r.summary]);
    }
    println!("{table}");
    println!("`claimtool rules RULE` explains one rule.");
    Ok(Outcome::Clean)
}
