//! The end of a wizard run: *Review and complete*.
//!
//! The review shows every answer (one row each; one row per entry for the
//! tables a kind asks so, like a score history's months), then every
//! error and warning `validate` would report, each with the question that
//! fixes it, then asks what next: write the claim, change an answer, or
//! stop with the draft kept. "Change an answer" offers every answered
//! question, every document entry (all its questions again, or remove it)
//! and a new entry; the choice is asked by replaying the kind's questions
//! with only that field or entry asked ([`Wizard::replay_for`]), and the
//! review comes back.

use std::collections::HashSet;

use super::{
    Finished, Message, Wizard, WizardError, concerns, display, draft_path, shown,
    write_creating_folder,
};
use crate::decode::StrEnum;
use crate::diag::{Finding, Severity};

/// The choices of "What next?".
enum Next {
    Write,
    Change,
    Stop,
}

impl Wizard<'_> {
    /// The review, as many times as answers are changed, then the claim
    /// file (or the draft, kept).
    pub(super) fn finish(&mut self) -> Result<Finished, WizardError> {
        loop {
            self.prompter.show(Message::Section("Review and complete"));
            self.show_answers();
            let findings: Vec<Finding> = self
                .all_findings()
                .into_iter()
                .filter(|f| f.severity > Severity::Info)
                .collect();
            self.show_review_findings(&findings);
            match self.next_step(&findings)? {
                Next::Write => return self.write_claim(),
                Next::Stop => {
                    self.save()?;
                    let draft = draft_path(&self.claim_path());
                    return Ok(Finished::NotWritten { draft });
                }
                Next::Change => {
                    if let Some(target) = self.pick_change(&findings)? {
                        self.replay_for(target)?;
                    }
                }
            }
        }
    }

    /// The table of answers, the screen's name on its first row only.
    fn show_answers(&mut self) {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut last_section = String::new();
        let mut done: HashSet<String> = HashSet::new();
        for a in &self.answered {
            let entry = entry_of(&a.field);
            let one_row = entry.as_ref().filter(|e| {
                self.one_row.iter().any(|t| {
                    e.strip_prefix(t.as_str())
                        .is_some_and(|r| r.starts_with('['))
                })
            });
            if one_row.is_some_and(|e| done.contains(e)) {
                continue;
            }
            let screen = if a.section == last_section {
                String::new()
            } else {
                a.section.clone()
            };
            last_section.clone_from(&a.section);
            let (label, value) = match one_row {
                Some(e) => {
                    done.insert(e.clone());
                    self.entry_row(e)
                }
                None => (a.label.clone(), self.value_of(&a.field)),
            };
            rows.push(vec![screen, label, value]);
        }
        self.prompter.show(Message::Table {
            header: &["screen", "field", "value"],
            rows: &rows,
        });
    }

    /// An answer as shown: a path as it is typed (from the current folder).
    fn value_of(&self, field: &str) -> String {
        let value = self.draft.get(field).map(display).unwrap_or_default();
        if self.path_fields.iter().any(|p| p == field) && !value.is_empty() {
            self.typed_document_path(&value)
        } else {
            value
        }
    }

    /// One row for an entry: its first answer names it ("Month 2026-06"),
    /// the others follow as "label value".
    fn entry_row(&self, entry: &str) -> (String, String) {
        let fields: Vec<&super::Answered> = self
            .answered
            .iter()
            .filter(|a| concerns(&a.field, entry))
            .collect();
        let Some((first, rest)) = fields.split_first() else {
            return (entry.to_string(), String::new());
        };
        let label = format!("{} {}", first.label, self.value_of(&first.field));
        let values: Vec<String> = rest
            .iter()
            .map(|a| {
                let short = a
                    .label
                    .rsplit_once(": ")
                    .map_or(a.label.as_str(), |(_, l)| l);
                format!("{short} {}", self.value_of(&a.field))
            })
            .collect();
        (label, values.join("; "))
    }

    /// The errors and warnings, each with the question that fixes it.
    fn show_review_findings(&mut self, findings: &[Finding]) {
        if findings.is_empty() {
            self.note("The checks find no problem.");
            return;
        }
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = findings.len() - errors;
        self.note(&format!(
            "The checks find {errors} error(s) and {warnings} warning(s):"
        ));
        for f in findings {
            self.show_finding(f);
            if let Some(fix) = self.fixed_by(f) {
                self.note(&format!("    to fix it, change {fix}"));
            }
        }
    }

    /// The questions that fix a finding: the answered one it is about, and
    /// the later question its rule names.
    fn fixed_by(&self, f: &Finding) -> Option<String> {
        let field = f.field.as_deref()?;
        let mut fixes: Vec<String> = self
            .answered
            .iter()
            .filter(|a| concerns(field, &a.field))
            .map(|a| format!("\"{}\"", a.label))
            .collect();
        if let Some(later) = self.later_question(f.rule) {
            fixes.push(later.to_string());
        }
        (!fixes.is_empty()).then(|| fixes.join(", or "))
    }

    /// "What next?": write (the default when nothing is wrong), change an
    /// answer (the default when there are errors), or stop (the default
    /// before replacing an existing file).
    fn next_step(&mut self, findings: &[Finding]) -> Result<Next, WizardError> {
        let out = self.claim_path();
        let replacing = out.exists() && !self.force;
        let write = if replacing {
            format!(
                "Replace the existing {} with this claim",
                shown(&self.cwd, &out)
            )
        } else {
            format!("Write the claim to {}", shown(&self.cwd, &out))
        };
        let items = vec![
            write,
            "Change an answer".to_string(),
            format!(
                "Stop here (your answers stay in {})",
                shown(&self.cwd, &draft_path(&out))
            ),
        ];
        let errors = findings.iter().any(|f| f.severity == Severity::Error);
        let default = match (errors, replacing) {
            (true, _) => 1,
            (false, true) => 2,
            (false, false) => 0,
        };
        Ok(match self.select("What next?", &items, default)? {
            0 => Next::Write,
            1 => Next::Change,
            _ => Next::Stop,
        })
    }

    /// "Which answer?": every answered question (those with findings
    /// marked), each entry of a table (all its questions, or remove it),
    /// a new entry; `None` to go back to the review.
    fn pick_change(&mut self, findings: &[Finding]) -> Result<Option<String>, WizardError> {
        let mut items: Vec<String> = Vec::new();
        let mut targets: Vec<String> = Vec::new();
        for a in &self.answered {
            if let Some(entry) = entry_of(&a.field)
                && !targets.contains(&entry)
            {
                let name = self.entry_name(&entry);
                items.push(format!("{name}: ask all its questions again, or remove it"));
                targets.push(entry.clone());
            }
            let mark = findings
                .iter()
                .filter(|f| f.field.as_deref().is_some_and(|ff| concerns(ff, &a.field)))
                .map(|f| f.severity)
                .max()
                .map_or(String::new(), |s| format!("  [{s}]"));
            let value = shorten(&self.value_of(&a.field), 50);
            items.push(format!("{}: {value}{mark}", a.label));
            targets.push(a.field.clone());
        }
        for table in &self.tables {
            let n = self.draft.count(table);
            let word = table.trim_end_matches('s');
            items.push(if n == 0 {
                format!("Add a {word}")
            } else {
                format!("Add another {word}")
            });
            targets.push(format!("{table}[{n}]"));
        }
        items.push("Back to the review".to_string());
        let i = self.select("Which answer?", &items, 0)?;
        Ok(targets.get(i).cloned())
    }

    /// "PoE 1 (poe/sow.pdf)", "Month 2026-06": an entry by its first
    /// question's label and answer.
    fn entry_name(&self, entry: &str) -> String {
        let Some(first) = self.answered.iter().find(|a| concerns(&a.field, entry)) else {
            return entry.to_string();
        };
        let value = self.value_of(&first.field);
        match first.label.split_once(": ") {
            Some((name, _)) => format!("{name} ({value})"),
            None => format!("{} {value}", first.label),
        }
    }

    /// Asks again only `target` (a field, an entry like `documents[1]`, or
    /// a new entry): the kind's questions run with every other answered
    /// question keeping its value unasked, so what depends on the new
    /// answer (a question that now applies) is asked too.
    pub(super) fn replay_for(&mut self, target: String) -> Result<(), WizardError> {
        self.replay = Some(vec![target]);
        self.held.clear();
        let result = (self.questions)(self);
        self.replay = None;
        self.held.clear();
        result
    }

    /// Writes the claim file and removes its draft.
    fn write_claim(&mut self) -> Result<Finished, WizardError> {
        let out = self.claim_path();
        let draft = draft_path(&out);
        let header = vec![
            format!(
                "{} written by `claimtool {} new`, in Partner Center's screen order.",
                self.kind.title(),
                self.kind.as_str()
            ),
            format!(
                "check it with: claimtool {} validate {}",
                self.kind.as_str(),
                shown(&self.cwd, &out)
            ),
        ];
        write_creating_folder(&out, &self.draft.render(&header))
            .map_err(|e| WizardError::Failed(format!("cannot write {}: {e}", out.display())))?;
        if draft.is_file() {
            std::fs::remove_file(&draft).map_err(|e| {
                WizardError::Failed(format!(
                    "wrote {} but cannot remove {}: {e}",
                    out.display(),
                    draft.display()
                ))
            })?;
        }
        Ok(Finished::Written(out))
    }
}

/// The entry a field belongs to: `documents[1].date` → `documents[1]`.
fn entry_of(field: &str) -> Option<String> {
    let end = field.find(']')?;
    field[..end]
        .contains('[')
        .then(|| field[..=end].to_string())
}

/// At most `max` characters, with "..." when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(3)).collect();
    format!("{cut}...")
}
