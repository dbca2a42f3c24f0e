//! Findings and severities.
//!
//! A rule (or the loader) produces [`Finding`]s carrying the rule id, the
//! severity the rule chose, a message, and the byte span of the value in the
//! source file. [`Overrides`] then applies the user's severity choices
//! (`claimtool.toml` `[rules]`, `--deny/--warn/--allow`, `--deny-warnings`)
//! before a reporter turns the findings into text, JSON or CI annotations.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::decode::Sp;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing a rule found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule id, as in the rule table (`cpor-tenant-id`).
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Dotted path of the field concerned (`documents[1].signed_on`).
    pub field: Option<String>,
    /// Byte range in the source file; `None` when no place in the file applies.
    pub span: Option<Range<usize>>,
    /// The span in lines and columns, when computed before the file's text
    /// was let go (see [`crate::engine`]); otherwise reporters count it
    /// from the text.
    pub position: Option<crate::source::Position>,
    /// Short text under the carets in human output. Mostly a fixed text,
    /// so borrowed: a run of thousands of files makes one per finding.
    pub label: Option<Cow<'static, str>>,
    /// How to fix it, in plain words (fixed, or formatted with values).
    pub help: Option<Cow<'static, str>>,
}

impl Finding {
    /// A finding of `rule` at its default severity, with no place yet.
    pub fn new(rule: &crate::rules::Rule, message: impl Into<String>) -> Self {
        Finding {
            rule: rule.id,
            severity: rule.default_severity,
            message: message.into(),
            field: None,
            span: None,
            position: None,
            label: None,
            help: None,
        }
    }

    /// Points the finding at a decoded value (its span and field path).
    pub fn at<T>(mut self, value: &Sp<T>) -> Self {
        self.span = Some(value.span.clone());
        self.field = Some(value.path.to_string());
        self
    }

    pub fn at_span(mut self, field: impl Into<String>, span: Range<usize>) -> Self {
        self.field = Some(field.into());
        self.span = Some(span);
        self
    }

    /// Points the finding at the place a cross-file rule's key came from.
    pub fn at_key(mut self, key: &crate::rules::BatchKey) -> Self {
        self.field = Some(key.field.clone());
        self.span = Some(key.span.clone());
        self.position = key.position;
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn label(mut self, label: impl Into<Cow<'static, str>>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// `  path:line:col: message (help)`, one line per finding: how a file that
/// is refused as a whole (`claimtool.toml`, an engagement catalogue) lists
/// its problems in the command's error.
pub fn problem_lines(file: &crate::source::SourceFile, findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            let display = crate::term::visible(&file.display);
            let place = f.span.as_ref().map_or_else(
                || format!("{display}: "),
                |s| {
                    let (l, c) = file.line_col(s.start);
                    format!("{display}:{l}:{c}: ")
                },
            );
            let help = f
                .help
                .as_ref()
                .map_or(String::new(), |h| format!(" ({})", crate::term::visible(h)));
            format!("  {place}{}{help}", crate::term::visible(&f.message))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A user's choice for one rule. The words are those of `claimtool.toml`
/// `[rules]` and of the `--allow/--warn/--deny` flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// `"off"` / `--allow`: the rule is not reported.
    Off,
    /// `"info"`: every finding of the rule becomes info.
    Info,
    /// `"warning"` / `--warn`: errors become warnings; info stays info.
    Warning,
    /// `"error"` / `--deny`: warnings become errors; info stays info.
    Error,
}

impl Level {
    pub const WORDS: &'static [&'static str] = &["off", "info", "warning", "error"];

    pub fn parse(word: &str) -> Option<Level> {
        match word {
            "off" | "allow" => Some(Level::Off),
            "info" => Some(Level::Info),
            "warning" | "warn" => Some(Level::Warning),
            "error" | "deny" => Some(Level::Error),
            _ => None,
        }
    }

    /// The severity a finding ends up with, or `None` when switched off.
    fn apply(self, severity: Severity) -> Option<Severity> {
        match (self, severity) {
            (Level::Off, _) => None,
            (Level::Info, _) => Some(Severity::Info),
            (_, Severity::Info) => Some(Severity::Info),
            (Level::Warning, _) => Some(Severity::Warning),
            (Level::Error, _) => Some(Severity::Error),
        }
    }
}

/// Severity overrides: the config file's, then the command line's (which
/// win), then `--deny-warnings`.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub config: BTreeMap<String, Level>,
    pub cli: BTreeMap<String, Level>,
    pub deny_warnings: bool,
}

impl Overrides {
    /// Whether the user switched the rule off (its findings never show, so
    /// its silence proves nothing).
    pub fn is_off(&self, rule: &str) -> bool {
        self.cli
            .get(rule)
            .or_else(|| self.config.get(rule))
            .is_some_and(|l| *l == Level::Off)
    }

    /// Applies the overrides to one finding; `None` drops it.
    pub fn apply(&self, mut finding: Finding) -> Option<Finding> {
        let level = self
            .cli
            .get(finding.rule)
            .or_else(|| self.config.get(finding.rule));
        if let Some(level) = level {
            finding.severity = level.apply(finding.severity)?;
        }
        if self.deny_warnings && finding.severity == Severity::Warning {
            finding.severity = Severity::Error;
        }
        Some(finding)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(severity: Severity) -> Finding {
        Finding {
            position: None,
            rule: "business-email",
            severity,
            message: String::new(),
            field: None,
            span: None,
            label: None,
            help: None,
        }
    }

    #[test]
    fn cli_wins_over_config_and_info_stays_info() {
        let mut o = Overrides::default();
        o.config.insert("business-email".into(), Level::Off);
        o.cli.insert("business-email".into(), Level::Error);
        assert_eq!(
            o.apply(finding(Severity::Warning)).unwrap().severity,
            Severity::Error
        );
        assert_eq!(
            o.apply(finding(Severity::Info)).unwrap().severity,
            Severity::Info
        );
        o.cli.insert("business-email".into(), Level::Off);
        assert!(o.apply(finding(Severity::Error)).is_none());
    }

    #[test]
    fn config_info_turns_everything_info_and_deny_warnings_escalates() {
        let mut o = Overrides::default();
        o.config.insert("business-email".into(), Level::Info);
        assert_eq!(
            o.apply(finding(Severity::Error)).unwrap().severity,
            Severity::Info
        );
        let o = Overrides {
            deny_warnings: true,
            ..Overrides::default()
        };
        assert_eq!(
            o.apply(finding(Severity::Warning)).unwrap().severity,
            Severity::Error
        );
    }
}
