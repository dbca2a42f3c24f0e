//! A [`Prompter`] that answers from a list, for testing wizard flows
//! without a terminal. Each question takes the next [`Reply`]; a reply of
//! the wrong sort, or running out of replies, ends the run like a closed
//! terminal would ([`Stop`]), so a test sees exactly where the script and
//! the flow parted. Everything asked and shown is recorded in `log`.
//!
//! It also fails fast where a broken flow would spin: the same question
//! asked more than [`MAX_REPEATS`] times in a row (an answer refused over
//! and over) stops the run, and more than [`MAX_SHOWN`] messages without a
//! question in between panic, so a broken wizard (or a mutant of one) fails
//! a test in milliseconds instead of running into its timeout.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use super::{Message, Prompter, Stop};

/// One scripted answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Typed text (an empty string takes the default).
    Text(String),
    /// Pick the item whose text contains this (a select).
    Pick(String),
    /// Press Enter on a select (its default).
    Default,
    /// Tick exactly the items whose text contains one of these (a
    /// multi-select).
    Tick(Vec<String>),
    /// Leave a multi-select's ticks as offered.
    Keep,
    /// Yes or no.
    Yes,
    No,
}

/// Text reply.
pub fn text(s: &str) -> Reply {
    Reply::Text(s.to_string())
}

/// How many times in a row one question may be asked.
pub const MAX_REPEATS: usize = 10;
/// How many messages may be shown without a question in between.
pub const MAX_SHOWN: usize = 10_000;

/// Answers from a list and records the conversation.
#[derive(Debug, Default)]
pub struct Scripted {
    replies: VecDeque<Reply>,
    /// The last question and how many times in a row it was asked.
    repeated: (String, usize),
    /// Messages shown since the last question.
    shown: usize,
    /// `? prompt [default]` for each question (and `- a | b` for the items
    /// of a select), `! rule: message` for each finding (and `  help: ...`
    /// under it), `# title` for
    /// sections, `= ...` for notes, `| a | b` rows.
    pub log: Vec<String>,
    /// Every path the draft was saved to.
    pub saved: Vec<PathBuf>,
}

impl Scripted {
    pub fn new(replies: impl IntoIterator<Item = Reply>) -> Scripted {
        Scripted {
            replies: replies.into_iter().collect(),
            ..Scripted::default()
        }
    }

    /// Replies not used.
    pub fn left(&self) -> usize {
        self.replies.len()
    }

    /// How many questions had this prompt (a substring).
    pub fn asked(&self, prompt: &str) -> usize {
        self.log
            .iter()
            .filter(|l| l.starts_with("? ") && l.contains(prompt))
            .count()
    }

    /// Whether a finding of `rule` was shown.
    pub fn showed_rule(&self, rule: &str) -> bool {
        self.log
            .iter()
            .any(|l| l.starts_with(&format!("! {rule}:")))
    }

    fn next(&mut self, prompt: &str) -> Result<Reply, Stop> {
        self.shown = 0;
        if self.repeated.0 == prompt {
            self.repeated.1 += 1;
        } else {
            self.repeated = (prompt.to_string(), 1);
        }
        if self.repeated.1 > MAX_REPEATS {
            return Err(Stop(format!(
                "`{prompt}` was asked {MAX_REPEATS} times in a row: the script's answers are refused"
            )));
        }
        self.replies
            .pop_front()
            .ok_or_else(|| Stop(format!("the script has no reply for `{prompt}`")))
    }

    fn wrong(prompt: &str, reply: &Reply) -> Stop {
        Stop(format!("the script replied {reply:?} to `{prompt}`"))
    }
}

impl Prompter for Scripted {
    fn input(&mut self, prompt: &str, default: Option<&str>) -> Result<String, Stop> {
        self.log
            .push(format!("? {prompt} [{}]", default.unwrap_or("")));
        match self.next(prompt)? {
            Reply::Text(t) if t.is_empty() => Ok(default.unwrap_or("").to_string()),
            Reply::Text(t) => Ok(t),
            other => Err(Self::wrong(prompt, &other)),
        }
    }

    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Stop> {
        self.log.push(format!(
            "? {prompt} [{}]",
            items.get(default).map_or("", String::as_str)
        ));
        self.log.push(format!("- {}", items.join(" | ")));
        match self.next(prompt)? {
            Reply::Default => Ok(default),
            Reply::Pick(p) => items
                .iter()
                .position(|i| i.contains(&p))
                .ok_or_else(|| Stop(format!("`{prompt}` has no item like {p:?}: {items:?}"))),
            other => Err(Self::wrong(prompt, &other)),
        }
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> Result<Vec<usize>, Stop> {
        let ticked: Vec<&str> = items
            .iter()
            .zip(checked)
            .filter(|(_, c)| **c)
            .map(|(i, _)| i.as_str())
            .collect();
        self.log.push(format!("? {prompt} [{}]", ticked.join(", ")));
        match self.next(prompt)? {
            Reply::Keep => Ok((0..items.len()).filter(|&i| checked[i]).collect()),
            Reply::Tick(wanted) => {
                let mut picked = Vec::new();
                for w in &wanted {
                    let i = items
                        .iter()
                        .position(|i| i.contains(w.as_str()))
                        .ok_or_else(|| {
                            Stop(format!("`{prompt}` has no item like {w:?}: {items:?}"))
                        })?;
                    picked.push(i);
                }
                Ok(picked)
            }
            other => Err(Self::wrong(prompt, &other)),
        }
    }

    fn confirm(&mut self, prompt: &str, default: Option<bool>) -> Result<bool, Stop> {
        self.log.push(format!(
            "? {prompt} [{}]",
            default.map_or("", |d| if d { "y" } else { "n" })
        ));
        match self.next(prompt)? {
            Reply::Yes => Ok(true),
            Reply::No => Ok(false),
            Reply::Default => default.ok_or_else(|| Stop(format!("`{prompt}` has no default"))),
            other => Err(Self::wrong(prompt, &other)),
        }
    }

    fn show(&mut self, message: Message<'_>) {
        self.shown += 1;
        assert!(
            self.shown <= MAX_SHOWN,
            "{MAX_SHOWN} messages without a question: the wizard is looping (last question: `{}`)",
            self.repeated.0
        );
        match message {
            Message::Section(t) => self.log.push(format!("# {t}")),
            Message::Note(t) => self.log.push(format!("= {t}")),
            Message::Finding(f) => {
                self.log.push(format!("! {}: {}", f.rule, f.message));
                if let Some(help) = &f.help {
                    self.log.push(format!("  help: {help}"));
                }
            }
            Message::Table { rows, .. } => {
                for row in rows {
                    self.log.push(format!("| {}", row.join(" | ")));
                }
            }
        }
    }

    fn draft_saved(&mut self, path: &Path) {
        if self.saved.last().map(PathBuf::as_path) != Some(path) {
            self.saved.push(path.to_path_buf());
        }
    }
}

#[cfg(test)]
impl Scripted {
    /// Asserts the wizard wrote `out` and used every scripted reply (the log
    /// of the session is printed when it did not).
    pub(crate) fn assert_wrote(
        &self,
        result: Result<super::Finished, super::WizardError>,
        out: &Path,
    ) {
        assert_eq!(
            result.unwrap(),
            super::Finished::Written(out.to_path_buf()),
            "{:#?}",
            self.log
        );
        assert_eq!(self.left(), 0, "replies left over: {:#?}", self.log);
    }
}

/// The rule ids and severities `validate` reports for a file the wizard
/// wrote, for the wizards' tests.
#[cfg(test)]
pub(crate) fn findings(
    path: &Path,
    env: &crate::rules::Env,
) -> Vec<(&'static str, crate::diag::Severity)> {
    let input = crate::engine::Input {
        display: path.display().to_string(),
        path: path.to_path_buf(),
        regular: false,
    };
    let report =
        crate::engine::check_paths(&[input], env, &crate::diag::Overrides::default()).unwrap();
    report.files[0]
        .findings
        .iter()
        .map(|f| (f.rule, f.severity))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_refused_over_and_over_stops_the_run_at_once() {
        let mut p = Scripted::new(std::iter::repeat_n(text("bad"), 100));
        let mut stop = None;
        for _ in 0..100 {
            if let Err(e) = p.input("Customer tenant ID", None) {
                stop = Some(e);
                break;
            }
        }
        let Some(Stop(message)) = stop else {
            panic!("never stopped")
        };
        assert!(message.contains("10 times in a row"), "{message}");
        assert_eq!(p.left(), 100 - MAX_REPEATS);
        // Another question in between resets the count.
        let mut p = Scripted::new(std::iter::repeat_n(text("x"), 40));
        for _ in 0..20 {
            p.input("a", None).unwrap();
            p.input("b", None).unwrap();
        }
    }

    #[test]
    #[should_panic(expected = "the wizard is looping")]
    fn endless_messages_without_a_question_panic() {
        let mut p = Scripted::new([]);
        for _ in 0..=MAX_SHOWN {
            p.show(Message::Note("again"));
        }
    }
}
