//! Interactive wizards (`claimtool <kind> new`): ask for a claim field by
//! field, check every answer with the rule engine, save a draft after each.
//!
//! The machinery here is the same for every claim kind; a kind brings only
//! its [`Script`] (the questions in Partner Center's screen order, e.g.
//! [`cpor::SCRIPT`], [`plfunding::SCRIPT`]). How one answer flows:
//!
//! 1. The [`Prompter`] asks (dialoguer in the binary, a [`Scripted`] list of
//!    replies in tests). The default offered is the value already in the
//!    draft (`--from`, a resumed draft) or one from `claimtool.toml`.
//! 2. The answer is written into the [`Draft`] (a `toml_edit` document), the
//!    draft is rendered to text, loaded with [`crate::load::load_text`] and
//!    checked with [`crate::engine::check_loaded`]: the very code
//!    `validate` runs, never a second copy of a rule.
//! 3. Only the findings whose `field` is the field just answered count.
//!    An error is explained (message and help) and the question is asked
//!    again (giving the same answer twice offers to keep it anyway, for
//!    rules that depend on answers still to come); a warning is shown and
//!    the user chooses whether to keep the answer; info is shown.
//! 4. The accepted answer is saved atomically to the draft file
//!    (`<claim file>.draft`), so Ctrl-C or a closed terminal loses nothing
//!    and `--from` resumes.
//!
//! At the end a review table and a confirmation; the claim file is written
//! atomically and the draft removed. Printing the `validate` result and
//! the bundle offer are the binary's part.

mod draft;
pub mod questions;
pub mod scripted;

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use toml_edit::{Item, Value};

use crate::config::Config;
use crate::decode::StrEnum;
use crate::diag::{Finding, Overrides, Severity};
use crate::documents::DocumentStore;
use crate::engine;
use crate::fsutil;
use crate::load;
use crate::model::Kind;
use crate::rules::Env;

pub use draft::{Draft, DraftError, HEADER_MARK, display};
pub use scripted::{Reply, Scripted};

/// The user or the terminal ended the prompts (Ctrl-C, closed terminal,
/// end of input): the reason, for the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop(pub String);

/// Something for the user to read (on stderr in the binary).
#[derive(Debug, Clone, Copy)]
pub enum Message<'a> {
    /// A screen of Partner Center starts: its title.
    Section(&'a str),
    /// A plain line of explanation.
    Note(&'a str),
    /// A finding of the answer just given.
    Finding(&'a Finding),
    /// The review table.
    Table {
        header: &'a [&'a str],
        rows: &'a [Vec<String>],
    },
}

/// The questions a wizard can ask. The binary implements it with
/// dialoguer; tests with [`Scripted`].
pub trait Prompter {
    /// A line of text; `default` is returned when the user just presses
    /// Enter.
    fn input(&mut self, prompt: &str, default: Option<&str>) -> Result<String, Stop>;
    /// One of `items`, by index.
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Stop>;
    /// Any of `items`, by index; `checked` says which start ticked.
    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> Result<Vec<usize>, Stop>;
    /// Yes or no; without a default the user must type y or n.
    fn confirm(&mut self, prompt: &str, default: Option<bool>) -> Result<bool, Stop>;
    /// Shows a message.
    fn show(&mut self, message: Message<'_>);
    /// The draft was just saved at `path` (the binary remembers it for its
    /// Ctrl-C message).
    fn draft_saved(&mut self, _path: &Path) {}
}

/// How a wizard run ended early.
#[derive(Debug)]
pub enum WizardError {
    /// The prompts were ended; every accepted answer is in `draft`.
    Stopped {
        reason: String,
        draft: Option<PathBuf>,
    },
    /// Something could not be done (a file could not be read or written).
    Failed(String),
}

impl From<Stop> for WizardError {
    fn from(stop: Stop) -> Self {
        WizardError::Stopped {
            reason: stop.0,
            draft: None,
        }
    }
}

impl From<DraftError> for WizardError {
    fn from(e: DraftError) -> Self {
        WizardError::Failed(e.to_string())
    }
}

/// How a finished run ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Finished {
    /// The claim file was written (and its draft removed).
    Written(PathBuf),
    /// The user declined at the review; the draft is kept.
    NotWritten { draft: PathBuf },
}

/// A kind's wizard: its questions and where its file name comes from.
pub struct Script {
    pub kind: Kind,
    /// The field the claim file is named after when `--out` is not given
    /// (the bundle's slug comes from the same field).
    pub name_field: &'static str,
    /// One line shown first: where in Partner Center this wizard follows.
    pub intro: &'static str,
    /// Asks every question, in Partner Center's screen order.
    pub questions: fn(&mut Wizard<'_>) -> Result<(), WizardError>,
}

/// What a run starts from (the command line, the workspace).
pub struct Setup {
    pub config: Config,
    pub today: chrono::NaiveDate,
    pub overrides: Overrides,
    /// Typed document paths are relative to this folder; a claim file named
    /// after its claim is written here.
    pub cwd: PathBuf,
    /// `--out`.
    pub out: Option<PathBuf>,
    /// `--from`: a draft to resume or a claim to edit.
    pub from: Option<PathBuf>,
    /// `--force`: replace an existing claim file without the extra warning.
    pub force: bool,
}

/// How a typed answer becomes a TOML value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextKind {
    /// A string.
    Text,
    /// A date `YYYY-MM-DD`, written as a TOML date. Anything else is
    /// written as a string, which the loader reports (`wrong-type`).
    Date,
    /// A file path typed relative to the current folder, stored relative
    /// to the claim file's folder.
    Path,
    /// An email address; a bare name gets `@domain` added.
    Email { domain: Option<String> },
    /// A whole number (`registered_guests = 140`). Anything else is written
    /// as a string, which the loader reports (`wrong-type`).
    Integer,
    /// A number (`8`, `7.5`), written as a TOML integer or float with
    /// exactly the digits typed. Anything else is written as a string,
    /// which the loader reports (`wrong-type`).
    Number,
}

/// One question about one field.
#[derive(Debug, Clone)]
pub struct Ask {
    pub field: String,
    pub prompt: String,
    /// Written above a new key in the file (without `#`).
    pub comment: String,
    /// Offered when the draft has no value yet.
    pub default: Option<String>,
    pub kind: TextKind,
}

impl Ask {
    pub fn new(field: impl Into<String>, prompt: impl Into<String>) -> Ask {
        Ask {
            field: field.into(),
            prompt: prompt.into(),
            comment: String::new(),
            default: None,
            kind: TextKind::Text,
        }
    }

    pub fn comment(mut self, comment: impl Into<String>) -> Ask {
        self.comment = comment.into();
        self
    }

    pub fn default(mut self, default: Option<impl Into<String>>) -> Ask {
        self.default = default.map(Into::into);
        self
    }

    pub fn date(mut self) -> Ask {
        self.kind = TextKind::Date;
        self
    }

    pub fn path(mut self) -> Ask {
        self.kind = TextKind::Path;
        self
    }

    pub fn integer(mut self) -> Ask {
        self.kind = TextKind::Integer;
        self
    }

    pub fn email(mut self, domain: Option<String>) -> Ask {
        self.kind = TextKind::Email { domain };
        self
    }

    pub fn number(mut self) -> Ask {
        self.kind = TextKind::Number;
        self
    }

    /// The prompt without its parenthesised hint, for the review table.
    fn label(&self) -> &str {
        self.prompt
            .split_once(" (")
            .map_or(self.prompt.as_str(), |(l, _)| l)
            .trim_end_matches('?')
    }
}

/// One entry of a select: the value written, the text shown.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
        }
    }

    /// Every value of a claim-format enum, each with its label.
    pub fn all<E: StrEnum>(label: impl Fn(E) -> String) -> Vec<Choice> {
        E::ALL
            .iter()
            .map(|&v| Choice::new(v.as_str(), label(v)))
            .collect()
    }
}

/// Whether the user keeps an answer after its findings.
enum Verdict {
    Accept,
    Retry,
}

/// An answer as the review table shows it.
struct Answered {
    section: String,
    label: String,
    field: String,
}

/// A wizard run: the prompter, the draft, and what the checks need.
pub struct Wizard<'p> {
    prompter: &'p mut dyn Prompter,
    draft: Draft,
    kind: Kind,
    name_field: &'static str,
    env: Env,
    overrides: Overrides,
    cwd: PathBuf,
    out: Option<PathBuf>,
    from: Option<PathBuf>,
    force: bool,
    answered: Vec<Answered>,
    section: String,
    /// The comment of a section not yet written above a key or table.
    pending_section: Option<String>,
    table_comments: HashMap<String, String>,
    /// Inside a [`Wizard::group`]: answers are checked together at its end.
    deferred: usize,
    questions: fn(&mut Wizard<'_>) -> Result<(), WizardError>,
}

/// Where the draft of a claim file is saved: `contoso.toml.draft`. Not
/// `*.toml`, so `claimtool validate claims/` never trips on a half-done
/// draft.
pub fn draft_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(".draft");
    out.with_file_name(name)
}

/// The claim file a draft belongs to (`x.toml.draft` → `x.toml`).
pub fn claim_path_of_draft(draft: &Path) -> Option<PathBuf> {
    let name = draft.file_name()?.to_str()?;
    let stem = name.strip_suffix(".draft")?;
    (!stem.is_empty()).then(|| draft.with_file_name(stem))
}

/// A file name from a claim name: the bundle's slug, so a claim file and
/// its bundle folder carry the same name (`Contoso - M365 E5` →
/// `contoso-m365-e5`).
pub use crate::bundle::slug;

impl<'p> Wizard<'p> {
    /// Opens `--from` (or starts an empty claim) and checks the files the
    /// run will write. Nothing is asked yet except, when an unfinished
    /// draft of the same claim exists, whether to resume it.
    pub fn start(
        prompter: &'p mut dyn Prompter,
        script: &Script,
        setup: Setup,
    ) -> Result<Wizard<'p>, WizardError> {
        let kind = script.kind;
        let from = setup.from.as_deref().map(|f| absolute(&setup.cwd, f));
        let draft = match &from {
            Some(from) => open_claim(from, kind)?,
            None => Draft::new(kind.as_str()),
        };
        let out = setup
            .out
            .clone()
            .or_else(|| {
                let from = from.as_ref()?;
                Some(claim_path_of_draft(from).unwrap_or_else(|| from.clone()))
            })
            .map(|p| absolute(&setup.cwd, &p));
        let mut wizard = Wizard {
            prompter,
            draft,
            kind,
            name_field: script.name_field,
            env: Env::new(setup.config, setup.today),
            overrides: setup.overrides,
            cwd: setup.cwd,
            out: None,
            from,
            force: setup.force,
            answered: Vec::new(),
            section: String::new(),
            pending_section: None,
            table_comments: HashMap::new(),
            deferred: 0,
            questions: script.questions,
        };
        wizard.prompter.show(Message::Note(script.intro));
        if let Some(out) = out {
            wizard.set_out(out)?;
        }
        wizard.prompter.show(Message::Note(
            "Enter keeps the value in brackets; type - to clear an optional one.",
        ));
        Ok(wizard)
    }

    /// Runs the kind's questions, then the review. On a stop, the error
    /// names the draft that holds the answers.
    pub fn run(mut self) -> Result<Finished, WizardError> {
        let result = (self.questions)(&mut self).and_then(|()| self.finish());
        result.map_err(|e| match e {
            WizardError::Stopped { reason, .. } => WizardError::Stopped {
                reason,
                draft: self.out.as_deref().map(draft_path).filter(|p| p.exists()),
            },
            other => other,
        })
    }

    /// The workspace config (for defaults).
    pub fn config(&self) -> &Config {
        &self.env.config
    }

    /// The date the checks use (`--today`), for date-dependent choices.
    pub fn today(&self) -> chrono::NaiveDate {
        self.env.today
    }

    /// Checks the answers against this engagement catalogue (the run's
    /// `--catalog` or `[catalog] engagements`) instead of the built-in one.
    pub fn with_catalog(mut self, catalog: crate::kinds::plfunding::catalog::Catalog) -> Self {
        self.env.catalog = catalog;
        self
    }

    /// The engagement catalogue the answers are checked against.
    pub fn catalog(&self) -> &crate::kinds::plfunding::catalog::Catalog {
        &self.env.catalog
    }

    /// The draft as it stands.
    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// The claim file this run writes, once known.
    pub fn out(&self) -> Option<&Path> {
        self.out.as_deref()
    }

    /// Starts a screen: shows its title; `comment` goes above the next new
    /// key or table in the file.
    pub fn section(&mut self, title: &str, comment: &str) {
        self.prompter.show(Message::Section(title));
        self.section = title.to_string();
        self.pending_section = Some(if comment.is_empty() {
            title.to_string()
        } else {
            format!("{title}: {comment}")
        });
    }

    /// A comment for a table, written when the wizard creates it.
    pub fn table_comment(&mut self, path: &str, comment: &str) {
        self.table_comments
            .insert(path.to_string(), comment.to_string());
    }

    /// Every finding `validate` would report for the draft as it stands
    /// (for a kind's summaries between questions, e.g. what is still
    /// missing).
    pub fn current_findings(&mut self) -> Vec<Finding> {
        self.all_findings()
    }

    /// Shows a line of explanation.
    pub fn note(&mut self, text: &str) {
        self.prompter.show(Message::Note(text));
    }

    /// A yes/no question whose answer is not a field ("add another
    /// document?").
    pub fn confirm(&mut self, prompt: &str, default: Option<bool>) -> Result<bool, WizardError> {
        Ok(self.prompter.confirm(prompt, default)?)
    }

    /// Asks a text field. Returns the value written, `None` when left
    /// empty (the key is then removed: a required field is reported by
    /// `missing-field`, an optional one is simply absent).
    pub fn text(&mut self, ask: Ask) -> Result<Option<String>, WizardError> {
        let value = self.answer(&ask, |w, current| {
            let default = current
                .map(display)
                .filter(|s| !s.is_empty())
                .map(|s| match ask.kind {
                    // Shown as it would be typed: from the current folder.
                    TextKind::Path => w.typed_document_path(&s),
                    _ => s,
                })
                .or_else(|| ask.default.clone());
            let typed = w.prompter.input(&ask.prompt, default.as_deref())?;
            Ok(w.text_value(&ask.kind, typed.trim()))
        })?;
        Ok(value.map(|v| {
            v.as_str()
                .map_or_else(|| display(&Item::Value(v.clone())), str::to_string)
        }))
    }

    /// Asks for one of `choices`; returns the value written.
    pub fn choose(&mut self, ask: Ask, choices: &[Choice]) -> Result<String, WizardError> {
        let labels: Vec<String> = choices.iter().map(|c| c.label.clone()).collect();
        let value = self.answer(&ask, |w, current| {
            let wanted = current
                .and_then(Item::as_str)
                .map(str::to_string)
                .or_else(|| ask.default.clone());
            let default = wanted
                .and_then(|v| choices.iter().position(|c| c.value == v))
                .unwrap_or(0);
            let i = w.prompter.select(&ask.prompt, &labels, default)?;
            Ok(choices.get(i).map(|c| Value::from(c.value.as_str())))
        })?;
        Ok(value
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default())
    }

    /// Asks for any of `options` (a list of strings). Values already in the
    /// draft that are not among the options are offered too, ticked, so
    /// editing never drops them silently. Without a value in the draft,
    /// `checked` says what starts ticked.
    pub fn pick(
        &mut self,
        ask: Ask,
        options: &[String],
        checked: &[String],
    ) -> Result<Vec<String>, WizardError> {
        let value = self.answer(&ask, |w, current| {
            let current: Option<Vec<String>> = current.and_then(Item::as_array).map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            });
            let mut items: Vec<String> = options.to_vec();
            for v in current.iter().flatten() {
                if !items.contains(v) {
                    items.push(v.clone());
                }
            }
            let ticked = current.as_deref().unwrap_or(checked);
            let marks: Vec<bool> = items.iter().map(|i| ticked.contains(i)).collect();
            let chosen = w.prompter.multi_select(&ask.prompt, &items, &marks)?;
            let mut chosen: Vec<usize> = chosen.into_iter().filter(|&i| i < items.len()).collect();
            chosen.sort_unstable();
            chosen.dedup();
            Ok(Some(Value::from_iter(
                chosen.iter().map(|&i| items[i].as_str()),
            )))
        })?;
        Ok(value
            .and_then(|v| {
                v.as_array().map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
            })
            .unwrap_or_default())
    }

    /// Asks a yes/no field (`workloads_active = true`).
    pub fn flag(&mut self, ask: Ask, default: Option<bool>) -> Result<bool, WizardError> {
        let value = self.answer(&ask, |w, current| {
            let default = current.and_then(Item::as_bool).or(default);
            Ok(Some(Value::from(w.prompter.confirm(&ask.prompt, default)?)))
        })?;
        Ok(value.and_then(|v| v.as_bool()).unwrap_or(false))
    }

    /// Removes a field that no longer applies (a signature date once the
    /// document is marked unsigned), and saves.
    pub fn clear(&mut self, field: &str) -> Result<(), WizardError> {
        if self.draft.remove(field).is_some() {
            self.answered.retain(|a| a.field != field);
            self.save()?;
        }
        Ok(())
    }

    /// Removes entry `index` of an array of tables (`documents`), and saves.
    pub fn remove_entry(&mut self, path: &str, index: usize) -> Result<(), WizardError> {
        self.draft.remove_entry(path, index);
        let prefix = format!("{path}[{index}]");
        self.answered.retain(|a| !concerns(&a.field, &prefix));
        self.save()
    }

    /// Walks the entries of an array of tables (`documents`, `month`): each
    /// one the draft already holds is kept (and asked again) or removed;
    /// then new ones are added for as long as the user wants.
    /// `keep_prompt` words the question for an existing entry,
    /// `add_prompt` the question (and its default answer) for one more,
    /// and `entry` asks the questions of entry `i`.
    pub fn entries(
        &mut self,
        table: &str,
        keep_prompt: impl Fn(&Draft, usize) -> String,
        mut add_prompt: impl FnMut(&mut Self, usize) -> (String, bool),
        mut entry: impl FnMut(&mut Self, usize) -> Result<(), WizardError>,
    ) -> Result<(), WizardError> {
        let mut i = 0;
        loop {
            if i < self.draft.count(table) {
                let prompt = keep_prompt(&self.draft, i);
                if !self.confirm(&prompt, Some(true))? {
                    self.remove_entry(table, i)?;
                    continue;
                }
            } else {
                let (prompt, default) = add_prompt(self, i);
                if !self.confirm(&prompt, Some(default))? {
                    return Ok(());
                }
            }
            entry(self, i)?;
            i += 1;
        }
    }

    /// Asks several questions whose fields are checked together at the
    /// end, for rules that look at them as a pair (a signature and its
    /// date): when one is wrong, the whole group is asked again.
    pub fn group<T>(
        &mut self,
        fields: &[String],
        mut body: impl FnMut(&mut Self) -> Result<T, WizardError>,
    ) -> Result<T, WizardError> {
        let mut last = None;
        loop {
            let before: Vec<Option<Item>> =
                fields.iter().map(|f| self.draft.get(f).cloned()).collect();
            self.deferred += 1;
            let result = body(self);
            self.deferred -= 1;
            let value = result?;
            match self.verdict(fields, &mut last)? {
                Verdict::Accept => {
                    self.save()?;
                    return Ok(value);
                }
                Verdict::Retry => {
                    for (field, old) in fields.iter().zip(before) {
                        self.draft.restore(field, old)?;
                    }
                }
            }
        }
    }

    /// The shared loop of every question: ask, write, check, keep or ask
    /// again, save.
    fn answer(
        &mut self,
        ask: &Ask,
        mut get: impl FnMut(&mut Self, Option<&Item>) -> Result<Option<Value>, WizardError>,
    ) -> Result<Option<Value>, WizardError> {
        let mut last = None;
        loop {
            let old = self.draft.get(&ask.field).cloned();
            let value = get(self, old.as_ref())?;
            let mut section_used = false;
            match &value {
                Some(v) => {
                    self.prepare_tables(&ask.field)?;
                    let comment;
                    (comment, section_used) = self.key_comment(&ask.field, &ask.comment);
                    self.draft.set(&ask.field, v.clone(), &comment)?;
                }
                None => {
                    self.draft.remove(&ask.field);
                }
            }
            let verdict = if self.deferred > 0 {
                Verdict::Accept
            } else {
                self.verdict(std::slice::from_ref(&ask.field), &mut last)?
            };
            match verdict {
                Verdict::Accept => {
                    if section_used {
                        self.pending_section = None;
                    }
                    if !self.answered.iter().any(|a| a.field == ask.field) {
                        self.answered.push(Answered {
                            section: self.section.clone(),
                            label: ask.label().to_string(),
                            field: ask.field.clone(),
                        });
                    }
                    self.save()?;
                    if ask.field == self.name_field && self.out.is_none() {
                        self.name_out()?;
                    }
                    return Ok(value);
                }
                Verdict::Retry => self.draft.restore(&ask.field, old)?,
            }
        }
    }

    /// Creates the tables a field lives in, with their comments.
    fn prepare_tables(&mut self, field: &str) -> Result<(), WizardError> {
        let Some((parent, _)) = field.rsplit_once('.') else {
            return Ok(());
        };
        let exists = match parent.rsplit_once('[') {
            Some((array, index)) => {
                let i: usize = index.trim_end_matches(']').parse().unwrap_or(0);
                self.draft.count(array) > i
            }
            None => self.draft.get(parent).is_some(),
        };
        if exists {
            return Ok(());
        }
        let table_key = parent.split_once('[').map_or(parent, |(a, _)| a);
        let mut comment = self.pending_section.take().unwrap_or_default();
        if let Some(c) = self.table_comments.get(table_key) {
            if !comment.is_empty() {
                comment.push('\n');
            }
            comment.push_str(c);
        }
        self.draft.ensure_table(parent, &comment)?;
        Ok(())
    }

    /// The comment above a new key: the pending section's (top-level keys
    /// only), then the question's; and whether the section's was used (it
    /// is dropped once the answer is kept: a rejected answer's key is
    /// removed, comment and all).
    fn key_comment(&self, field: &str, comment: &str) -> (String, bool) {
        if self.draft.get(field).is_some() {
            return (String::new(), false);
        }
        let mut text = String::new();
        let mut used = false;
        if !field.contains('.')
            && let Some(section) = &self.pending_section
        {
            text.push('\n');
            text.push_str(section);
            text.push('\n');
            used = true;
        }
        text.push_str(comment);
        (text, used)
    }

    /// The TOML value for a typed answer; `None` for an empty answer or
    /// `-` (remove the key).
    fn text_value(&self, kind: &TextKind, typed: &str) -> Option<Value> {
        if typed.is_empty() || typed == "-" {
            return None;
        }
        Some(match kind {
            TextKind::Text => Value::from(typed),
            TextKind::Date => match typed.parse::<toml_edit::Datetime>() {
                Ok(dt) if dt.date.is_some() && dt.time.is_none() => Value::from(dt),
                _ => Value::from(typed),
            },
            TextKind::Path => Value::from(self.document_path(typed)),
            // Parsed as a TOML value, which keeps the typed digits (its
            // repr): `0.1` stays exactly one tenth for the decimal reader.
            TextKind::Number => match typed.parse::<Value>() {
                Ok(v @ (Value::Integer(_) | Value::Float(_))) => v,
                _ => Value::from(typed),
            },
            TextKind::Integer => match typed.replace('_', "").parse::<i64>() {
                Ok(n) => Value::from(n),
                Err(_) => Value::from(typed),
            },
            TextKind::Email { domain } => match domain {
                Some(d) if !typed.contains('@') => Value::from(format!("{typed}@{d}")),
                _ => Value::from(typed),
            },
        })
    }

    /// A path typed relative to the current folder, as the claim file must
    /// hold it: relative to the claim file's folder. A path that does not
    /// exist is kept as typed (`document-missing` says where it looked).
    fn document_path(&self, typed: &str) -> String {
        let typed_path = Path::new(typed);
        if typed_path.is_absolute() {
            return typed.to_string();
        }
        let claim_dir = self.claim_path().parent().map(Path::to_path_buf);
        let target = self.cwd.join(typed_path).canonicalize();
        match (target, claim_dir.and_then(|d| d.canonicalize().ok())) {
            (Ok(target), Some(dir)) => relative(&dir, &target),
            _ => typed.to_string(),
        }
    }

    /// The inverse of [`Wizard::document_path`]: a stored path as the
    /// user would type it from the current folder.
    fn typed_document_path(&self, stored: &str) -> String {
        let stored_path = Path::new(stored);
        if stored_path.is_absolute() {
            return stored.to_string();
        }
        let dir = self
            .claim_path()
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        match (
            dir.join(stored_path).canonicalize(),
            self.cwd.canonicalize(),
        ) {
            (Ok(target), Ok(cwd)) => relative(&cwd, &target),
            _ => stored.to_string(),
        }
    }

    /// The path the draft is checked as (relative documents resolve
    /// against its folder).
    fn claim_path(&self) -> PathBuf {
        self.out
            .clone()
            .unwrap_or_else(|| self.cwd.join(format!("{}.toml", self.kind.as_str())))
    }

    /// Runs the rules on the draft; the findings whose field is one of
    /// `fields` (or inside it).
    fn findings(&mut self, fields: &[String]) -> Vec<Finding> {
        self.all_findings()
            .into_iter()
            .filter(|f| {
                f.field
                    .as_deref()
                    .is_some_and(|ff| fields.iter().any(|p| concerns(ff, p)))
            })
            .collect()
    }

    /// Every finding `validate` would report for the draft now.
    fn all_findings(&mut self) -> Vec<Finding> {
        let path = self.claim_path();
        let display = path.display().to_string();
        let loaded = load::load_text(self.draft.render(&[]), &path, &display);
        // A fresh document cache: a file fixed in another window since the
        // last answer must be seen.
        self.env.documents = DocumentStore::default();
        engine::check_loaded(vec![loaded], &self.env, &self.overrides)
            .files
            .into_iter()
            .next()
            .map(|f| f.findings)
            .unwrap_or_default()
    }

    /// Shows the findings of `fields` and decides: errors ask again (the
    /// same answer with the same errors twice offers to keep it), warnings
    /// ask whether to keep, info is only shown.
    fn verdict(
        &mut self,
        fields: &[String],
        last: &mut Option<(Vec<String>, Vec<String>)>,
    ) -> Result<Verdict, WizardError> {
        let findings = self.findings(fields);
        let errors: Vec<String> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {}", f.rule, f.message))
            .collect();
        let answer: Vec<String> = fields
            .iter()
            .map(|f| self.draft.get(f).map(display).unwrap_or_default())
            .collect();
        if !errors.is_empty() {
            let attempt = (answer, errors);
            if last.as_ref() == Some(&attempt) {
                if self.prompter.confirm(
                    "Keep this answer anyway? (`validate` reports the error until it is fixed)",
                    Some(false),
                )? {
                    return Ok(Verdict::Accept);
                }
                return Ok(Verdict::Retry);
            }
            for f in findings.iter().filter(|f| f.severity == Severity::Error) {
                self.prompter.show(Message::Finding(f));
            }
            self.prompter.show(Message::Note(
                "Please answer again (the same answer twice lets you keep it).",
            ));
            *last = Some(attempt);
            return Ok(Verdict::Retry);
        }
        for f in &findings {
            self.prompter.show(Message::Finding(f));
        }
        if findings.iter().any(|f| f.severity == Severity::Warning)
            && !self.prompter.confirm("Keep this answer?", Some(true))?
        {
            return Ok(Verdict::Retry);
        }
        Ok(Verdict::Accept)
    }

    /// Saves the draft (once the claim file's name is known).
    fn save(&mut self) -> Result<(), WizardError> {
        let Some(out) = &self.out else { return Ok(()) };
        let path = draft_path(out);
        let header = vec![
            format!(
                "unfinished draft of a {} claim, saved after every answer of `claimtool {} new`.",
                self.kind.as_str(),
                self.kind.as_str()
            ),
            format!(
                "resume it with: claimtool {} new --from {}",
                self.kind.as_str(),
                shown(&self.cwd, &path)
            ),
        ];
        write_creating_folder(&path, &self.draft.render(&header)).map_err(|e| {
            WizardError::Failed(format!("cannot save the draft {}: {e}", path.display()))
        })?;
        self.prompter.draft_saved(&path);
        Ok(())
    }

    /// Names the claim file after the answer to the name field
    /// (`<slug>.toml` in the current folder), then saves.
    fn name_out(&mut self) -> Result<(), WizardError> {
        let name = self.draft.str(self.name_field).unwrap_or("");
        let out = self.cwd.join(format!("{}.toml", slug(name)));
        let name_value = self.draft.get(self.name_field).cloned();
        self.set_out(out)?;
        if let Some(Item::Value(v)) = name_value {
            // A resumed draft keeps the name just typed.
            self.draft.set(self.name_field, v, "")?;
        }
        self.save()
    }

    /// Fixes the claim file this run writes and looks at what is there: an
    /// unfinished draft of it is offered for resuming; an existing claim
    /// file is only replaced after a confirmation at the end.
    fn set_out(&mut self, out: PathBuf) -> Result<(), WizardError> {
        if out.is_dir() {
            return Err(WizardError::Failed(format!(
                "{} is a folder; give the claim file's name, e.g. --out {}",
                out.display(),
                out.join("claim.toml").display()
            )));
        }
        let draft = draft_path(&out);
        let resuming = self.from.as_ref() == Some(&draft);
        if draft.is_file() && !resuming {
            let prompt = format!(
                "An unfinished draft of this claim exists ({}). Resume it?",
                shown(&self.cwd, &draft)
            );
            if self.prompter.confirm(&prompt, Some(true))? {
                self.draft = open_claim(&draft, self.kind)?;
                self.from = Some(draft.clone());
            } else {
                self.note(&format!(
                    "{} will be replaced by this session's answers.",
                    shown(&self.cwd, &draft)
                ));
            }
        }
        if out.exists() && !self.force {
            self.note(&format!(
                "{} already exists: you will be asked before it is replaced.",
                shown(&self.cwd, &out)
            ));
        }
        self.note(&format!(
            "Answers are saved to {} as you go.",
            shown(&self.cwd, &draft)
        ));
        self.out = Some(out);
        Ok(())
    }

    /// The review table, the confirmation, and the claim file.
    fn finish(&mut self) -> Result<Finished, WizardError> {
        if self.out.is_none() {
            self.name_out()?;
        }
        let out = self.claim_path();
        let draft = draft_path(&out);
        self.prompter.show(Message::Section("Review and complete"));
        // The screen's name on its first row only.
        let mut last_section = "";
        let mut rows: Vec<Vec<String>> = Vec::new();
        for a in &self.answered {
            let screen = if a.section == last_section {
                ""
            } else {
                &a.section
            };
            last_section = &a.section;
            rows.push(vec![
                screen.to_string(),
                a.label.clone(),
                self.draft.get(&a.field).map(display).unwrap_or_default(),
            ]);
        }
        self.prompter.show(Message::Table {
            header: &["screen", "field", "value"],
            rows: &rows,
        });
        let all = self.all_findings();
        let count = |s: Severity| all.iter().filter(|f| f.severity == s).count();
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        self.note(&if errors + warnings == 0 {
            "The checks find no problem.".to_string()
        } else {
            format!(
                "The checks find {errors} error(s) and {warnings} warning(s); they are listed after the file is written."
            )
        });
        let replacing = out.exists() && !self.force;
        let prompt = if replacing {
            format!(
                "Replace the existing {} with this claim?",
                shown(&self.cwd, &out)
            )
        } else {
            format!("Write the claim to {}?", shown(&self.cwd, &out))
        };
        if !self.prompter.confirm(&prompt, Some(!replacing))? {
            self.save()?;
            return Ok(Finished::NotWritten { draft });
        }
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

/// A draft or claim may go into a folder that does not exist yet
/// (`--out claims/new/contoso.toml`): it is made, then the file is written
/// atomically.
fn write_creating_folder(path: &Path, text: &str) -> std::io::Result<()> {
    fsutil::create_parent(path)?;
    fsutil::write_atomic(path, text)
}

/// Opens a claim or draft for `--from`; it must be valid TOML of this kind.
fn open_claim(path: &Path, kind: Kind) -> Result<Draft, WizardError> {
    let text = fsutil::read_text_bounded(path, fsutil::MAX_TEXT_FILE_BYTES, "a claim or draft")
        .map_err(|e| WizardError::Failed(e.to_string()))?;
    let draft = Draft::parse(&text).map_err(|e| {
        // The parser's message quotes the offending line: at most its
        // first 200 characters of it.
        let e = e.to_string();
        let quoted: Vec<_> = e.lines().map(|l| crate::term::clip(l, crate::term::QUOTE_CHARS)).collect();
        WizardError::Failed(format!(
            "{} is not valid TOML, so it cannot be resumed:\n{}\nfix it in an editor (`claimtool {} validate` shows where), then try again",
            path.display(),
            quoted.join("\n"),
            kind.as_str()
        ))
    })?;
    match draft.str("kind") {
        Some(k) if k == kind.as_str() => Ok(draft),
        Some(k) => Err(WizardError::Failed(format!(
            "{} is a `{k}` claim; open it with `claimtool {k} new --from`",
            path.display()
        ))),
        None => Err(WizardError::Failed(format!(
            "{} has no `kind = \"{}\"`; it is not a {} claim or draft",
            path.display(),
            kind.as_str(),
            kind.as_str()
        ))),
    }
}

/// Whether a finding's field is `field` or inside it
/// (`workloads[1]` is inside `workloads`).
fn concerns(finding_field: &str, field: &str) -> bool {
    finding_field
        .strip_prefix(field)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    }
}

/// A path as the user should see it: relative to the current folder when
/// inside it.
fn shown(cwd: &Path, path: &Path) -> String {
    path.strip_prefix(cwd).unwrap_or(path).display().to_string()
}

/// `target` relative to the folder `dir` (both canonical), with `/`.
fn relative(dir: &Path, target: &Path) -> String {
    let dir: Vec<Component<'_>> = dir.components().collect();
    let target: Vec<Component<'_>> = target.components().collect();
    let common = dir.iter().zip(&target).take_while(|(a, b)| a == b).count();
    if common == 0 {
        // Another drive: only an absolute path works.
        return target.iter().collect::<PathBuf>().display().to_string();
    }
    let ups = std::iter::repeat_n("..".to_string(), dir.len() - common);
    let downs = target[common..]
        .iter()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    ups.chain(downs).collect::<Vec<_>>().join("/")
}

/// How a question names document `i` of the draft: its path, or its URL.
pub(crate) fn document_name(draft: &Draft, i: usize) -> String {
    draft
        .str(&format!("documents[{i}].path"))
        .or_else(|| draft.str(&format!("documents[{i}].url")))
        .unwrap_or("no path")
        .to_string()
}

#[cfg(test)]
mod tests;
