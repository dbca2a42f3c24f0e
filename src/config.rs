//! The workspace configuration, `claimtool.toml`.
//!
//! Found by walking up from the current folder (like `Cargo.toml`), or named
//! with `--config`. It is decoded with the same [`crate::decode::Table`]
//! reader as claim files, so a typo in it is reported with line and column.
//! A config that cannot be read stops the command (exit 2): checking claims
//! against the wrong partner settings would mislead.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::decode::{OPTIONAL, REQUIRED, Table};
use crate::diag::{Finding, Level};
use crate::source::SourceFile;

/// The file name searched for.
pub const FILE_NAME: &str = "claimtool.toml";

/// One `[[partner.locations]]` entry.
#[derive(Debug, Clone, Default)]
pub struct Location {
    pub partner_id: String,
    pub name: Option<String>,
    /// Matched against engagement `partner_segments` (e.g. "isv", "gsi").
    pub segments: Vec<String>,
}

/// `[score]` thresholds: Microsoft's figures, which can change.
#[derive(Debug, Clone)]
pub struct ScoreSettings {
    pub threshold_points: Decimal,
    pub threshold_revenue_usd: Decimal,
}

impl Default for ScoreSettings {
    fn default() -> Self {
        ScoreSettings {
            threshold_points: Decimal::from(25),
            threshold_revenue_usd: Decimal::from(25_000),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where it was read from; `None` for the built-in defaults.
    pub path: Option<PathBuf>,
    pub partner_name: Option<String>,
    /// Partner contact emails are checked against these (lower case).
    pub email_domains: Vec<String>,
    pub locations: Vec<Location>,
    pub holidays: Vec<NaiveDate>,
    /// `[catalog] engagements`, resolved against the config's folder.
    pub catalog: Option<PathBuf>,
    /// `[rules]` severity overrides.
    pub rules: BTreeMap<String, Level>,
    /// `[workspace] root`, resolved against the config's folder: where
    /// documents may come from, when not the config's own folder.
    pub workspace_root: Option<PathBuf>,
    pub score: ScoreSettings,
    /// `[por]`: the distributor's region and reseller list.
    pub por: Option<crate::kinds::por::context::PorSettings>,
}

/// Why a config could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The message names the file and what is wrong with it.
    #[error("{}", .0.describe("config"))]
    Read(#[from] crate::fsutil::ReadError),
    #[error("config {path} has problems:\n{problems}")]
    Invalid { path: String, problems: String },
}

impl Config {
    /// The workspace folder (see [`crate::workspace`]): `[workspace] root`,
    /// else the config's folder; `None` without a config.
    pub fn workspace_dir(&self) -> Option<PathBuf> {
        self.workspace_root.clone().or_else(|| {
            let dir = self.path.as_ref()?.parent()?;
            Some(if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir.to_path_buf()
            })
        })
    }

    pub fn location(&self, partner_id: &str) -> Option<&Location> {
        self.locations.iter().find(|l| l.partner_id == partner_id)
    }

    /// The nearest `claimtool.toml` from `start` upward.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = crate::fsutil::read_text_bounded(
            path,
            crate::fsutil::MAX_TEXT_FILE_BYTES,
            "a claimtool.toml",
        )?;
        let file = SourceFile::new(path.display().to_string(), path, text);
        let mut config = Config::parse(&file).map_err(|findings| ConfigError::Invalid {
            path: path.display().to_string(),
            problems: crate::diag::problem_lines(&file, &findings),
        })?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Decodes a config text; every problem is returned as a finding.
    pub fn parse(file: &SourceFile) -> Result<Config, Vec<Finding>> {
        let doc = match crate::toml_tree::parse(&file.text) {
            Ok(doc) => doc,
            Err(e) => {
                let mut f = Finding::new(&crate::rules::any::syntax::RULE, e.message());
                f.span = e.span();
                return Err(vec![f]);
            }
        };
        let mut out = Vec::new();
        let mut root = Table::root(&doc);
        let config = Config::decode(&mut root, &mut out, &file.dir());
        root.finish(&mut out);
        // Problems are listed top to bottom, as the file reads.
        crate::engine::sort_findings(&mut out);
        if out.is_empty() { Ok(config) } else { Err(out) }
    }

    /// Reads the config's tables (or, in schema mode, describes them).
    pub fn decode(root: &mut Table<'_, '_>, out: &mut Vec<Finding>, dir: &Path) -> Config {
        let mut config = Config::default();
        config.decode_partner(root, out);
        config.decode_calendar(root, out);
        config.decode_catalog(root, out, dir);
        config.decode_workspace(root, out, dir);
        config.decode_score(root, out);
        config.por = crate::kinds::por::context::PorSettings::decode(root, out, dir);
        config.decode_rules(root, out);
        config
    }

    /// `[partner]`: the name, email domains and locations.
    fn decode_partner(&mut self, root: &mut Table<'_, '_>, out: &mut Vec<Finding>) {
        if let Some(mut partner) = root.table(out, "partner", OPTIONAL) {
            self.partner_name = partner.string(out, "name", OPTIONAL).map(|s| s.value);
            self.email_domains = partner
                .string_list(out, "email_domains", OPTIONAL)
                .map(|l| {
                    l.value
                        .into_iter()
                        .map(|d| d.value.trim().to_lowercase())
                        .collect()
                })
                .unwrap_or_default();
            for mut loc in partner.tables(out, "locations") {
                let location = Location {
                    partner_id: loc
                        .id(out, "partner_id", REQUIRED)
                        .map(|s| s.value.trim().to_string())
                        .unwrap_or_default(),
                    name: loc.string(out, "name", OPTIONAL).map(|s| s.value),
                    segments: loc
                        .string_list(out, "segments", OPTIONAL)
                        .map(|l| l.value.into_iter().map(|s| s.value).collect())
                        .unwrap_or_default(),
                };
                loc.finish(out);
                self.locations.push(location);
            }
            partner.finish(out);
        }
    }

    /// `[calendar]`: the holidays business-day deadlines skip.
    fn decode_calendar(&mut self, root: &mut Table<'_, '_>, out: &mut Vec<Finding>) {
        if let Some(mut calendar) = root.table(out, "calendar", OPTIONAL) {
            calendar.note_schema(
                "holidays",
                OPTIONAL,
                || serde_json::json!({"type": "array", "items": {"type": "string", "format": "date"}}),
            );
            if let Some(holidays) = calendar.get("holidays") {
                match holidays.get_ref().as_array() {
                    Some(items) => {
                        for item in items {
                            let date =
                                item.get_ref()
                                    .as_datetime()
                                    .and_then(|d| d.date)
                                    .and_then(|d| {
                                        NaiveDate::from_ymd_opt(
                                            i32::from(d.year),
                                            d.month.into(),
                                            d.day.into(),
                                        )
                                    });
                            match date {
                                Some(d) => self.holidays.push(d),
                                None => out.push(
                                    Finding::new(
                                        &crate::rules::any::wrong_type::RULE,
                                        "`calendar.holidays` must hold dates like 2026-12-25",
                                    )
                                    .at_span("calendar.holidays", item.span()),
                                ),
                            }
                        }
                    }
                    None => out.push(
                        Finding::new(
                            &crate::rules::any::wrong_type::RULE,
                            "`calendar.holidays` must be a list of dates",
                        )
                        .at_span("calendar.holidays", holidays.span()),
                    ),
                }
            }
            calendar.finish(out);
        }
    }

    /// `[catalog]`: the user's engagement catalogue, relative to the config.
    fn decode_catalog(&mut self, root: &mut Table<'_, '_>, out: &mut Vec<Finding>, dir: &Path) {
        if let Some(mut catalog) = root.table(out, "catalog", OPTIONAL) {
            self.catalog = catalog
                .string(out, "engagements", OPTIONAL)
                .map(|s| dir.join(s.value));
            catalog.finish(out);
        }
    }

    /// `[workspace]`: the folder documents may come from, relative to the
    /// config (default: the config's folder).
    fn decode_workspace(&mut self, root: &mut Table<'_, '_>, out: &mut Vec<Finding>, dir: &Path) {
        if let Some(mut workspace) = root.table(out, "workspace", OPTIONAL) {
            self.workspace_root = workspace
                .string(out, "root", OPTIONAL)
                .map(|s| dir.join(s.value));
            workspace.finish(out);
        }
    }

    /// `[score]`: the capability score thresholds.
    fn decode_score(&mut self, root: &mut Table<'_, '_>, out: &mut Vec<Finding>) {
        if let Some(mut score) = root.table(out, "score", OPTIONAL) {
            if let Some(p) = score.decimal(out, "threshold_points", OPTIONAL) {
                self.score.threshold_points = p.value;
            }
            if let Some(r) = score.decimal(out, "threshold_revenue_usd", OPTIONAL) {
                self.score.threshold_revenue_usd = r.value;
            }
            score.finish(out);
        }
    }

    /// `[rules]`: severity overrides by rule id.
    fn decode_rules(&mut self, root: &mut Table<'_, '_>, out: &mut Vec<Finding>) {
        root.note_schema("rules", OPTIONAL, || {
            serde_json::json!({
                "type": "object",
                "propertyNames": {"enum": crate::rules::all().map(|r| r.id).collect::<Vec<_>>()},
                "additionalProperties": {"enum": Level::WORDS},
            })
        });
        if let Some(rules) = root.get("rules") {
            match rules.get_ref().as_table() {
                Some(table) => {
                    for (key, value) in table {
                        let id = key.get_ref().as_ref();
                        if crate::rules::find(id).is_none() {
                            let mut f = Finding::new(
                                &crate::rules::any::unknown_field::RULE,
                                format!("`[rules]` names no rule `{id}`"),
                            )
                            .at_span(format!("rules.{id}"), key.span());
                            if let Some(near) =
                                crate::decode::nearest(id, crate::rules::all().map(|r| r.id))
                            {
                                f = f.help(format!("did you mean `{near}`?"));
                            }
                            out.push(f);
                            continue;
                        }
                        match value.get_ref().as_str().and_then(Level::parse) {
                            Some(level) => {
                                self.rules.insert(id.to_string(), level);
                            }
                            None => out.push(
                                Finding::new(
                                    &crate::rules::any::wrong_type::RULE,
                                    format!(
                                        "`rules.{id}` must be one of {}",
                                        crate::decode::quoted_list(Level::WORDS.iter().copied())
                                    ),
                                )
                                .at_span(format!("rules.{id}"), value.span()),
                            ),
                        }
                    }
                }
                None => out.push(
                    Finding::new(
                        &crate::rules::any::wrong_type::RULE,
                        "`rules` must be a table of rule ids",
                    )
                    .at_span("rules", rules.span()),
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Vec<Finding>> {
        Config::parse(&SourceFile::new(
            "claimtool.toml",
            "/w/claimtool.toml",
            text.into(),
        ))
    }

    /// Several problems are listed as the file reads, top to bottom: not
    /// alphabetically, and not in the order the tables are decoded.
    #[test]
    fn problems_are_listed_in_file_order() {
        let findings = parse(
            "zeta = 1\nalpha = 2\n[rules]\nzz-rule = \"off\"\naa-rule = \"off\"\n\
             [partner]\nname = 3\n",
        )
        .unwrap_err();
        let fields: Vec<_> = findings.iter().filter_map(|f| f.field.as_deref()).collect();
        assert_eq!(
            fields,
            [
                "zeta",
                "alpha",
                "rules.zz-rule",
                "rules.aa-rule",
                "partner.name"
            ]
        );
    }

    #[test]
    fn reads_the_documented_example() {
        let c = parse(
            "[partner]\nname = \"Fabrikam\"\nemail_domains = [\"Fabrikam.com.au\"]\n\
             [[partner.locations]]\npartner_id = \"4871236\"\nsegments = [\"smb\"]\n\
             [calendar]\nholidays = [2026-12-25]\n[catalog]\nengagements = \"e.toml\"\n\
             [rules]\nbusiness-email = \"error\"\n",
        )
        .unwrap();
        assert_eq!(c.email_domains, ["fabrikam.com.au"]);
        assert_eq!(c.location("4871236").unwrap().segments, ["smb"]);
        assert_eq!(c.holidays.len(), 1);
        assert_eq!(c.catalog.unwrap(), PathBuf::from("/w/e.toml"));
        assert_eq!(c.rules["business-email"], Level::Error);
    }

    #[test]
    fn unknown_rule_and_level_are_reported() {
        let errs =
            parse("[rules]\nbusiness-emial = \"error\"\ncpor-tenant-id = \"loud\"\n").unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!(
            errs[0].help.as_deref(),
            Some("did you mean `business-email`?")
        );
    }
}
