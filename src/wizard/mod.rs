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
//! Two refinements of step 3: a finding that a later question fixes (a
//! kind's [`Script::later`], e.g. a claimed workload no PoE document names
//! yet) is shown with the question that fixes it and never blocks the
//! answer; and findings are worded for the person at the prompt
//! ([`speak`]: the question's label instead of the TOML path).
//!
//! At the end comes the review ([`review`]): the answers, every finding
//! with the question that fixes it, and "What next?": write the claim,
//! change one answer (or a whole document entry), or stop. Changing an
//! answer replays the kind's questions with every other answered question
//! taking its current value silently, so the flow's logic (what is asked
//! after what) stays the kind's, then returns to the review. The claim file
//! is written atomically and the draft removed. Printing the `validate`
//! result and the bundle offer are the binary's part.
//!
//! Until the claim is named (`--out`, or the answer to the kind's name
//! field), the draft is saved under a provisional name in the default
//! folder ([`default_folder`]: the workspace's `claims/`), so even the
//! first answer survives Ctrl-C.

mod draft;
mod paths;
pub mod questions;
mod review;
pub mod scripted;
mod speak;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use toml_edit::{Item, Value};

use crate::config::Config;
use crate::decode::StrEnum;
use crate::diag::{Finding, Overrides, Severity};
use crate::documents::DocumentStore;
use crate::engine;
use crate::fsutil;
use crate::load;
use crate::model::Kind;
use crate::rules::{Env, Rule};

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
    /// Rules whose findings a later question fixes: where they show, they
    /// name that question and do not block the answer.
    pub later: &'static [Later],
    /// Warnings that cost the payment (besides [`questions::COSTLY`]):
    /// "Keep this answer?" defaults to no for them.
    pub costly: &'static [&'static Rule],
}

/// A rule whose findings another, later question fixes, and how the
/// wizard names that question.
pub struct Later {
    pub rule: &'static Rule,
    /// The question that fixes it, as the person sees it
    /// ("\"PoE n: workloads it evidences\" (Proof of execution)").
    pub question: &'static str,
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
    /// to the claim file's folder (whether the file exists yet or not).
    Path,
    /// An amount of money as people write it (`12,500`, `$6,250.00`,
    /// `AUD 6,250`), stored as the exact decimal string (`"6250.00"`).
    /// `currency` is the claim's currency when known: an amount typed in
    /// another one is written as typed, for the rules to refuse.
    Money { currency: Option<String> },
    /// An ISO 4217 code, upper-cased (`aud` → `AUD`).
    Currency,
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
    /// The value in the draft is not offered as the default (it answered
    /// another question, e.g. a customer ID of another type).
    pub fresh: bool,
}

impl Ask {
    pub fn new(field: impl Into<String>, prompt: impl Into<String>) -> Ask {
        Ask {
            field: field.into(),
            prompt: prompt.into(),
            comment: String::new(),
            default: None,
            kind: TextKind::Text,
            fresh: false,
        }
    }

    /// Whether the draft's value is not offered as the default.
    pub fn fresh(mut self, fresh: bool) -> Ask {
        self.fresh = fresh;
        self
    }

    pub fn money(mut self, currency: Option<String>) -> Ask {
        self.kind = TextKind::Money { currency };
        self
    }

    pub fn currency(mut self) -> Ask {
        self.kind = TextKind::Currency;
        self
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
    later: &'static [Later],
    costly: &'static [&'static Rule],
    /// The label of every field asked, for findings worded for people.
    labels: HashMap<String, String>,
    /// Fields asked as paths (their findings show the path as typed).
    path_fields: Vec<String>,
    /// Changing answers from the review: the fields (or entries, like
    /// `documents[1]`) asked again; every other answered question keeps
    /// its value without being asked.
    replay: Option<Vec<String>>,
    /// What a replay would have shown since the last question asked:
    /// shown only when a question of the section is asked.
    held: Vec<Held>,
    /// Questions actually put to the person (a replay skips most).
    asked: usize,
    /// The claim file's name is provisional (`new-coop.toml`) until the
    /// name field is answered.
    provisional: bool,
    /// Tables whose entries the review shows one row each (`month`).
    one_row: Vec<String>,
    /// The tables asked entry by entry (`documents`), for the review's
    /// "add another".
    tables: Vec<String>,
}

/// A message a replay holds back.
enum Held {
    Section(String),
    Note(String),
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
            later: script.later,
            costly: script.costly,
            labels: HashMap::new(),
            path_fields: Vec::new(),
            replay: None,
            held: Vec::new(),
            asked: 0,
            provisional: false,
            one_row: Vec::new(),
            tables: Vec::new(),
        };
        wizard.prompter.show(Message::Note(script.intro));
        let provisional_name = format!("new-{}.toml", kind.as_str());
        match out {
            // A resumed provisional draft is named once its name is known.
            Some(out)
                if setup.out.is_none()
                    && out.file_name() == Some(std::ffi::OsStr::new(&provisional_name)) =>
            {
                wizard.provisional = true;
                wizard.set_out(out)?;
            }
            Some(out) => wizard.set_out(out)?,
            None => {
                let folder = default_folder(&wizard.env.config, &wizard.cwd);
                wizard.provisional = true;
                wizard.set_out(folder.join(provisional_name))?;
                let name = wizard.name_field_label();
                wizard.note(&format!(
                    "The claim file is named after the {name} once you give it, in {}.",
                    shown_folder(&wizard.cwd, &folder)
                ));
            }
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
            other @ WizardError::Failed(_) => other,
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
        if self.replay.is_some() {
            self.held.clear();
            self.held.push(Held::Section(title.to_string()));
        } else {
            self.prompter.show(Message::Section(title));
        }
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
        if self.replay.is_some() {
            self.held.push(Held::Note(text.to_string()));
        } else {
            self.prompter.show(Message::Note(text));
        }
    }

    /// A yes/no question whose answer is not a field ("add another
    /// document?").
    pub fn confirm(&mut self, prompt: &str, default: Option<bool>) -> Result<bool, WizardError> {
        self.flush_held();
        Ok(self.prompter.confirm(prompt, default)?)
    }

    /// One of `items` (a choice that is not a field: "what now?").
    pub fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> Result<usize, WizardError> {
        self.flush_held();
        Ok(self.prompter.select(prompt, items, default)?)
    }

    /// The review shows each entry of `table` (`month`) as one row.
    pub fn review_one_row(&mut self, table: &str) {
        if !self.one_row.iter().any(|t| t == table) {
            self.one_row.push(table.to_string());
        }
    }

    /// Shows what a replay held back, now that a question of it is asked.
    fn flush_held(&mut self) {
        for held in std::mem::take(&mut self.held) {
            match held {
                Held::Section(t) => self.prompter.show(Message::Section(&t)),
                Held::Note(t) => self.prompter.show(Message::Note(&t)),
            }
        }
    }

    /// In a replay, whether `field` keeps its value unasked: it was
    /// answered and is not among the fields being changed.
    fn skips(&self, field: &str) -> bool {
        self.replay.as_ref().is_some_and(|targets| {
            !targets.iter().any(|t| concerns(field, t))
                && self.answered.iter().any(|a| a.field == field)
        })
    }

    /// "claim name" from `claim_name`, "activity name" from `activity.name`.
    fn name_field_label(&self) -> String {
        self.name_field.replace(['.', '_'], " ")
    }

    /// Asks a text field. Returns the value written, `None` when left
    /// empty (the key is then removed: a required field is reported by
    /// `missing-field`, an optional one is simply absent).
    pub fn text(&mut self, ask: Ask) -> Result<Option<String>, WizardError> {
        if ask.kind == TextKind::Path && !self.path_fields.contains(&ask.field) {
            self.path_fields.push(ask.field.clone());
        }
        let value = self.answer(&ask, |w, current| {
            let default = current
                .filter(|_| !ask.fresh)
                .map(display)
                .filter(|s| !s.is_empty())
                .map(|s| match ask.kind {
                    // Shown as it would be typed: from the current folder.
                    TextKind::Path => w.typed_document_path(&s),
                    _ => s,
                })
                .or_else(|| ask.default.clone());
            let typed = w.prompter.input(&ask.prompt, default.as_deref())?;
            let (value, understood) = w.text_value(&ask.kind, typed.trim());
            if let Some(understood) = understood {
                w.prompter.show(Message::Note(&understood));
            }
            Ok(value)
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
            Ok(Some(
                chosen.iter().map(|&i| items[i].as_str()).collect::<Value>(),
            ))
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
    /// The answers of the later entries move up with them.
    pub fn remove_entry(&mut self, path: &str, index: usize) -> Result<(), WizardError> {
        self.draft.remove_entry(path, index);
        let prefix = format!("{path}[{index}]");
        self.answered.retain(|a| !concerns(&a.field, &prefix));
        for a in &mut self.answered {
            if let Some(moved) = paths::entry_moved_up(&a.field, path, index) {
                a.field = moved;
            }
        }
        self.labels.retain(|f, _| !concerns(f, &prefix));
        self.labels = std::mem::take(&mut self.labels)
            .into_iter()
            .map(|(f, l)| (paths::entry_moved_up(&f, path, index).unwrap_or(f), l))
            .collect();
        self.save()
    }

    /// Walks the entries of an array of tables (`documents`, `month`): each
    /// one the draft already holds is kept (and asked again) or removed;
    /// then new ones are added for as long as the user wants.
    /// `keep_prompt` words the question for an existing entry,
    /// `add_prompt` the question (and its default answer) for one more,
    /// and `entry` asks the questions of entry `i`.
    ///
    /// In a replay (changing answers from the review) only a targeted
    /// entry is asked whether to keep it, and an entry is added only when
    /// "add another" was the choice.
    pub fn entries(
        &mut self,
        table: &str,
        keep_prompt: impl Fn(&Draft, usize) -> String,
        mut add_prompt: impl FnMut(&mut Self, usize) -> (String, bool),
        mut entry: impl FnMut(&mut Self, usize) -> Result<(), WizardError>,
    ) -> Result<(), WizardError> {
        if !self.tables.iter().any(|t| t == table) {
            self.tables.push(table.to_string());
        }
        let mut i = 0;
        loop {
            let entry_path = format!("{table}[{i}]");
            let targeted = self.replay.as_ref().map(|t| t.contains(&entry_path));
            if i < self.draft.count(table) {
                if targeted != Some(false) {
                    let prompt = keep_prompt(&self.draft, i);
                    if !self.confirm(&prompt, Some(true))? {
                        self.remove_entry(table, i)?;
                        if let Some(t) = &mut self.replay {
                            t.retain(|t| *t != entry_path);
                        }
                        continue;
                    }
                }
            } else if let Some(targeted) = targeted {
                if !targeted {
                    return Ok(());
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
            let asked = self.asked;
            self.deferred += 1;
            let result = body(self);
            self.deferred -= 1;
            let value = result?;
            if self.asked == asked {
                // A replay skipped every question of the group.
                return Ok(value);
            }
            match self.verdict(fields, &mut last)? {
                Verdict::Accept => {
                    self.save()?;
                    return Ok(value);
                }
                // The answers stay in the draft: they are the defaults of
                // the next attempt, so a good one is not typed again. In a
                // replay, every question of the group is asked again.
                Verdict::Retry => {
                    if let Some(targets) = &mut self.replay {
                        targets.extend(fields.iter().cloned());
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
        if self.skips(&ask.field) {
            return Ok(self.draft.get(&ask.field).and_then(Item::as_value).cloned());
        }
        self.flush_held();
        self.asked += 1;
        self.labels
            .insert(ask.field.clone(), ask.label().to_string());
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
                    self.remember(ask);
                    self.save()?;
                    if ask.field == self.name_field && self.provisional {
                        self.name_out()?;
                    }
                    return Ok(value);
                }
                Verdict::Retry => self.draft.restore(&ask.field, old)?,
            }
        }
    }

    /// Records an accepted answer for the review, with the label of the
    /// question as last asked (a customer ID asked as a tenant ID after a
    /// domain is labelled as a tenant ID). A question first answered in a
    /// replay goes after the other answers of its screen.
    fn remember(&mut self, ask: &Ask) {
        let label = ask.label().to_string();
        if let Some(a) = self.answered.iter_mut().find(|a| a.field == ask.field) {
            a.label = label;
            return;
        }
        let answered = Answered {
            section: self.section.clone(),
            label,
            field: ask.field.clone(),
        };
        let at = match self.replay {
            Some(_) => self
                .answered
                .iter()
                .rposition(|a| a.section == self.section)
                .map_or(self.answered.len(), |i| i + 1),
            None => self.answered.len(),
        };
        self.answered.insert(at, answered);
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

    /// The TOML value for a typed answer (`None` for an empty answer or
    /// `-`: remove the key), and what was understood when that differs
    /// from what was typed (`$6,250.00` → `6250.00`), to say so.
    fn text_value(&self, kind: &TextKind, typed: &str) -> (Option<Value>, Option<String>) {
        if typed.is_empty() || typed == "-" {
            return (None, None);
        }
        let value = match kind {
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
            TextKind::Money { currency } => return money_value(typed, currency.as_deref()),
            TextKind::Currency if typed.len() == 3 && typed.is_ascii() => {
                Value::from(typed.to_ascii_uppercase())
            }
            TextKind::Currency => Value::from(typed),
        };
        (Some(value), None)
    }

    /// A path typed relative to the current folder, as the claim file must
    /// hold it: relative to the claim file's folder. The same rule whether
    /// the file exists yet or not, so a file created later where the path
    /// was typed is found by `validate`.
    fn document_path(&self, typed: &str) -> String {
        let typed_path = Path::new(typed);
        if typed_path.is_absolute() {
            return typed.to_string();
        }
        let claim = self.claim_path();
        let Some(dir) = claim.parent() else {
            return typed.to_string();
        };
        paths::relative(
            &paths::resolve(dir),
            &paths::resolve(&self.cwd.join(typed_path)),
        )
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
        paths::relative(
            &paths::resolve(&self.cwd),
            &paths::resolve(&dir.join(stored_path)),
        )
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
    /// ask whether to keep (default no when keeping costs the payment),
    /// info is only shown. A finding a later question fixes is shown with
    /// that question and decides nothing.
    fn verdict(
        &mut self,
        fields: &[String],
        last: &mut Option<(Vec<String>, Vec<String>)>,
    ) -> Result<Verdict, WizardError> {
        let (later, findings): (Vec<Finding>, Vec<Finding>) = self
            .findings(fields)
            .into_iter()
            .partition(|f| self.later_question(f.rule).is_some());
        for f in &later {
            self.show_finding(f);
            let question = self.later_question(f.rule).unwrap_or_default();
            // Shown now, also in a replay: it is about the answer just given.
            self.prompter.show(Message::Note(&format!(
                "    A later question fixes this: {question}. This answer is kept."
            )));
        }
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
                self.show_finding(f);
            }
            self.prompter.show(Message::Note(
                "Please answer again (the same answer twice lets you keep it).",
            ));
            *last = Some(attempt);
            return Ok(Verdict::Retry);
        }
        for f in &findings {
            self.show_finding(f);
        }
        let warnings: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .collect();
        let costly = warnings.iter().any(|f| self.costs_payment(f.rule));
        if !warnings.is_empty() && !self.prompter.confirm("Keep this answer?", Some(!costly))? {
            return Ok(Verdict::Retry);
        }
        Ok(Verdict::Accept)
    }

    /// The question that fixes findings of `rule` later, if it is one.
    fn later_question(&self, rule: &str) -> Option<&'static str> {
        self.later
            .iter()
            .find(|l| l.rule.id == rule)
            .map(|l| l.question)
    }

    /// Whether keeping a warning of `rule` costs the payment.
    fn costs_payment(&self, rule: &str) -> bool {
        self.costly
            .iter()
            .chain(questions::COSTLY)
            .any(|r| r.id == rule)
    }

    /// Shows a finding worded for the person at the prompt: the question's
    /// label instead of the TOML path, a path as it was typed.
    fn show_finding(&mut self, f: &Finding) {
        let mut spoken = speak::finding(f, &self.labels);
        if let Some(field) = f.field.as_deref()
            && self.path_fields.iter().any(|p| p == field)
            && let Some(stored) = self.draft.str(field)
        {
            let typed = self.typed_document_path(stored);
            spoken.message = spoken
                .message
                .replace(&format!("`{stored}`"), &format!("`{typed}`"));
        }
        self.prompter.show(Message::Finding(&spoken));
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
    /// (`<slug>.toml` beside the provisional one), moves the draft there
    /// and saves. An empty name keeps the provisional one.
    fn name_out(&mut self) -> Result<(), WizardError> {
        let name = self.draft.str(self.name_field).unwrap_or("").trim();
        if name.is_empty() {
            return Ok(());
        }
        let provisional = self.claim_path();
        let folder = provisional
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let out = folder.join(format!("{}.toml", slug(name)));
        let name_value = self.draft.get(self.name_field).cloned();
        self.provisional = false;
        self.set_out(out)?;
        if let Some(Item::Value(v)) = name_value {
            // A resumed draft keeps the name just typed.
            self.draft.set(self.name_field, v, "")?;
        }
        self.save()?;
        let old = draft_path(&provisional);
        if old != draft_path(&self.claim_path()) && old.is_file() {
            std::fs::remove_file(&old).map_err(|e| {
                WizardError::Failed(format!("cannot remove {}: {e}", old.display()))
            })?;
        }
        Ok(())
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

/// A typed amount as the exact decimal string the rules check, and what
/// was understood when it was written another way (`$6,250.00`). An
/// amount in another currency than the claim's is written as typed, for
/// the rules to refuse, with the reason.
fn money_value(typed: &str, currency: Option<&str>) -> (Option<Value>, Option<String>) {
    let Some(written) = crate::money::parse_written(typed) else {
        return (Some(Value::from(typed)), None);
    };
    if let (Some(code), Some(claim)) = (written.currency.as_deref(), currency)
        && !code.eq_ignore_ascii_case(claim.trim())
    {
        return (
            Some(Value::from(typed)),
            Some(format!(
                "The claim's currency is {claim}, not {code}: type the amount in {claim}."
            )),
        );
    }
    let note = (written.amount != typed).then(|| match &written.currency {
        Some(code) => format!("Understood: {} ({code}).", written.amount),
        None => format!("Understood: {}.", written.amount),
    });
    (Some(Value::from(written.amount)), note)
}

/// Where a claim named after its answers is written: the workspace's
/// `claims/` folder (beside the `claimtool.toml` in use) when it exists,
/// else the current folder.
pub fn default_folder(config: &Config, cwd: &Path) -> PathBuf {
    config
        .path
        .as_deref()
        .and_then(Path::parent)
        .map(|root| absolute(cwd, &root.join("claims")))
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| cwd.to_path_buf())
}

/// A folder as the user should see it (`claims/`, `the current folder`).
fn shown_folder(cwd: &Path, folder: &Path) -> String {
    if folder == cwd {
        "the current folder".to_string()
    } else {
        format!("{}/", shown(cwd, folder))
    }
}
