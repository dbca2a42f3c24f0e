//! `claimtool <kind> new`: the terminal side of the wizards. The flow, the
//! checks and the drafts are the library's ([`claimtool::wizard`]); this
//! file refuses to start without a terminal, asks with dialoguer (in the
//! [`WizardTheme`]; a prompt wider than the terminal is printed in full
//! above and asked by a short form, so no wrapped line is left behind when
//! dialoguer redraws), prints findings and the review table (comfy-table)
//! on stderr, then prints the `validate` result of the written file on
//! stdout.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context as _, anyhow, bail};
use claimtool::decode::StrEnum;
use claimtool::diag::Severity;
use claimtool::term::{visible, visible_lines};
use claimtool::wizard::{Finished, Message, Prompter, Script, Setup, Stop, Wizard, WizardError};
use clap::Args;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use dialoguer::console::{Term, measure_text_width, style};
use dialoguer::{Confirm, Input, MultiSelect, Select};

use super::theme::WizardTheme;

use super::args::{ColorChoice, HumanOrJson, ValidateFormat};
use super::{GlobalArgs, Outcome, context, validate};

/// `<kind> new`.
#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    /// The claim file to write [default: <claim name>.toml in the workspace's claims/ folder, else the current folder]
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Resume a draft (FILE.draft) or edit an existing claim; its values are the defaults
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Replace an existing claim file without the extra warning
    #[arg(long)]
    pub force: bool,
}

/// The Ctrl-C message: where the answers are, how to resume. Updated after
/// every save; read by the signal handler.
static RESUME_HINT: Mutex<String> = Mutex::new(String::new());
/// Set by whichever of the signal handler and the main thread reports the
/// stop first, so it is reported once.
static STOP_REPORTED: AtomicBool = AtomicBool::new(false);

pub(super) fn run(global: &GlobalArgs, args: NewArgs, script: &Script) -> anyhow::Result<Outcome> {
    let kind = script.kind.as_str();
    require_terminal(global, kind)?;
    let (env, overrides) = context::load(global)?;
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    if global.color == ColorChoice::Never {
        dialoguer::console::set_colors_enabled_stderr(false);
    }
    install_ctrlc_handler();
    set_hint("Stopped. Nothing was saved in this session.".to_string());

    let mut prompter = TermPrompter::new(kind, &cwd);
    let catalog = env.catalog;
    let setup = Setup {
        config: env.config,
        today: env.today,
        overrides,
        cwd: cwd.clone(),
        out: args.out,
        from: args.from,
        force: args.force,
    };
    let finished = Wizard::start(&mut prompter, script, setup)
        .map(|w| w.with_catalog(catalog))
        .and_then(Wizard::run);
    let path = match finished {
        Ok(Finished::Written(path)) => path,
        Ok(Finished::NotWritten { draft }) => {
            eprintln!(
                "Not written. Your answers are in {}; resume with: claimtool {kind} new --from {}",
                shown(&cwd, &draft),
                shown(&cwd, &draft)
            );
            return Ok(Outcome::Clean);
        }
        Err(WizardError::Stopped { reason, draft }) => {
            if STOP_REPORTED.swap(true, Ordering::SeqCst) {
                // The signal handler is reporting it and exiting.
                std::thread::park();
            }
            show_cursor();
            // The prompt that was interrupted leaves the cursor after it:
            // the message starts on a line of its own.
            eprintln!();
            // One short line each, the resume command alone on its line:
            // a narrow terminal does not cut it, and it copies whole.
            let saved = match draft {
                Some(d) => resume_lines(kind, &shown(&cwd, &d)),
                None => "  no answer had been saved yet".to_string(),
            };
            bail!("stopped ({reason})\n{saved}");
        }
        // The library's message names the file (the --from draft, the
        // claim written) and says why.
        Err(WizardError::Failed(message)) => return Err(anyhow!(message)),
    };
    set_hint(format!("Stopped. {} was written.", shown(&cwd, &path)));
    eprintln!("Wrote {}. Checking it:", shown(&cwd, &path));
    // Checked and bundled by the name the person sees (relative to the
    // current folder, as `validate` prints it), not the absolute path.
    let path = PathBuf::from(shown(&cwd, &path));
    if script.kind == claimtool::model::Kind::Score {
        // A score history has no bundle: its result is the eligibility.
        return super::score::run_score(global, &path, &[], HumanOrJson::Human);
    }
    // A wizard takes no --format: its results are for the person at the
    // terminal.
    let outcome = validate::run(
        global,
        std::slice::from_ref(&path),
        ValidateFormat::Human,
        Some(script.kind),
    )?;
    if script.kind == claimtool::model::Kind::Por {
        // A planned order is placed in Partner Center, not bundled.
        return Ok(outcome);
    }
    match outcome {
        Outcome::Clean => {
            let confirm = Confirm::with_theme(&WizardTheme::default())
                .with_prompt("Build the submission bundle now (into bundles/)?")
                .default(true)
                .interact();
            if matches!(confirm, Ok(true)) {
                let args = super::bundle::BundleArgs {
                    file: path.clone(),
                    out: PathBuf::from("bundles"),
                    zip: false,
                    force: false,
                    format: None,
                };
                return super::bundle::run_bundle(global, &args, script.kind);
            }
        }
        Outcome::Findings => eprintln!(
            "Fix the errors above (edit the file, or `claimtool {kind} new --from {}`), then build the bundle with `claimtool {kind} bundle`.",
            shown(&cwd, &path)
        ),
    }
    Ok(outcome)
}

/// Wizards need a terminal on stdin and stderr; without one (a pipe, CI,
/// `--no-input`) they refuse at once rather than wait for input that
/// never comes.
fn require_terminal(global: &GlobalArgs, kind: &str) -> anyhow::Result<()> {
    let why = if global.no_input {
        "--no-input was given"
    } else if !std::io::stdin().is_terminal() {
        "stdin is not a terminal"
    } else if !std::io::stderr().is_terminal() {
        "stderr is not a terminal"
    } else {
        return Ok(());
    };
    bail!(
        "`claimtool {kind} new` asks questions and needs a terminal ({why}). \
         Without prompts, write the claim TOML yourself (see docs/wizard.md for a complete \
         example) and check it with `claimtool {kind} validate FILE`."
    )
}

fn set_hint(hint: String) {
    if let Ok(mut h) = RESUME_HINT.lock() {
        *h = hint;
    }
}

/// dialoguer hides the cursor in lists; a stop must not leave it hidden.
fn show_cursor() {
    use std::io::Write as _;
    let mut err = std::io::stderr();
    let _ = write!(err, "\x1b[?25h");
    let _ = err.flush();
}

/// On SIGINT: show the cursor again, say where the answers are, exit 2
/// (the command did not complete). Ctrl-C typed at a prompt also ends the
/// prompt with an error, which the main thread reports the same way;
/// whichever comes first reports, once.
fn install_ctrlc_handler() {
    let _ = ctrlc::set_handler(|| {
        show_cursor();
        // Already being reported by the main thread: let it finish.
        if STOP_REPORTED.swap(true, Ordering::SeqCst) {
            return;
        }
        let hint = RESUME_HINT.lock().map(|h| h.clone()).unwrap_or_default();
        eprintln!("\n{hint}");
        std::process::exit(2);
    });
}

/// A path as the wizard shows it: relative to the current folder, control
/// characters made visible.
fn shown(cwd: &Path, path: &Path) -> String {
    super::shown_path(path.strip_prefix(cwd).unwrap_or(path))
}

/// Choices or table cells as shown: control characters made visible.
fn visible_all<S: AsRef<str>>(items: &[S]) -> Vec<String> {
    items
        .iter()
        .map(|i| visible(i.as_ref()).into_owned())
        .collect()
}

/// dialoguer on stderr.
struct TermPrompter {
    theme: WizardTheme,
    kind: &'static str,
    cwd: PathBuf,
}

impl TermPrompter {
    fn new(kind: &'static str, cwd: &Path) -> TermPrompter {
        TermPrompter {
            theme: WizardTheme::default(),
            kind,
            cwd: cwd.to_path_buf(),
        }
    }
}

/// A prompt error as the reason the wizard stopped.
fn stop(e: dialoguer::Error) -> Stop {
    let dialoguer::Error::IO(e) = e;
    Stop(match e.kind() {
        std::io::ErrorKind::UnexpectedEof => "the terminal was closed".to_string(),
        std::io::ErrorKind::Interrupted => "interrupted".to_string(),
        _ => e.to_string(),
    })
}

/// The terminal's width in columns, when it says (some pseudo-terminals
/// report 0).
fn term_width() -> Option<usize> {
    Term::stderr()
        .size_checked()
        .map(|(_, cols)| usize::from(cols))
        .filter(|&c| c >= 20)
}

/// `text` as printed on the terminal: wrapped at word boundaries to its
/// width (the terminal itself would break lines mid-word), the first line
/// indented by `first`, every other by `rest`; at the width of the text
/// when the terminal does not say its own. Line breaks in `text` are kept,
/// and a line's own indentation carries on to its continuation lines.
fn wrapped(text: &str, first: &str, rest: &str) -> String {
    wrap_to(text, first, rest, term_width().unwrap_or(usize::MAX))
}

fn wrap_to(text: &str, first: &str, rest: &str, width: usize) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .enumerate()
        .map(|(n, line)| {
            let body = line.trim_start();
            let own = &line[..line.len() - body.len()];
            let lead = format!("{}{own}", if n == 0 { first } else { rest });
            let more = format!("{rest}{own}");
            textwrap::fill(
                body,
                textwrap::Options::new(width)
                    .initial_indent(&lead)
                    .subsequent_indent(&more)
                    // Rule ids, GUIDs and dates stay whole: no break at a hyphen.
                    .word_splitter(textwrap::WordSplitter::NoHyphenation),
            )
        })
        .collect();
    lines.join("\n")
}

/// A prompt that fits on one terminal line with `room` columns left (for
/// the default and the answer): `None` when it fits as it is, else its
/// short form (without its parenthesised hint, then cut with `...`).
fn fit(prompt: &str, room: usize, width: usize) -> Option<String> {
    let budget = width.saturating_sub(room + 4).max(10);
    if measure_text_width(prompt) <= budget {
        return None;
    }
    let short = prompt.split_once(" (").map_or(prompt, |(label, _)| label);
    if measure_text_width(short) <= budget {
        return Some(short.to_string());
    }
    let cut: String = short.chars().take(budget.saturating_sub(3)).collect();
    Some(format!("{cut}..."))
}

/// The prompt to ask with: the full one when it fits; otherwise the full
/// one is printed on its own lines (never redrawn) and the short form is
/// asked.
fn fitted(prompt: &str, room: usize) -> String {
    match term_width().and_then(|w| fit(prompt, room, w)) {
        Some(short) => {
            eprintln!("{}", wrapped(prompt, "", ""));
            short
        }
        None => prompt.to_string(),
    }
}

impl Prompter for TermPrompter {
    fn input(&mut self, prompt: &str, default: Option<&str>) -> Result<String, Stop> {
        // The default is shown made visible (it may come from a draft), and
        // an empty answer takes it as it is, so the value is never changed
        // by being shown.
        let room = default.map_or(0, |d| measure_text_width(d) + 3) + 12;
        let prompt = fitted(&visible(prompt), room);
        let prompt = match default {
            Some(d) => format!("{prompt} [{}]", visible(d)),
            None => prompt,
        };
        let answer = Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(true)
            .interact_text()
            .map_err(stop)?;
        Ok(match default {
            Some(d) if answer.is_empty() => d.to_string(),
            _ => answer,
        })
    }

    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> Result<usize, Stop> {
        let prompt = fitted(&visible(prompt), 4);
        Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(visible_all(items))
            .default(default)
            .max_length(12)
            .interact()
            .map_err(stop)
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> Result<Vec<usize>, Stop> {
        let prompt = fitted(&visible(prompt), 4);
        MultiSelect::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(visible_all(items))
            .defaults(checked)
            .max_length(12)
            .interact()
            .map_err(stop)
    }

    fn confirm(&mut self, prompt: &str, default: Option<bool>) -> Result<bool, Stop> {
        let prompt = fitted(&visible(prompt), 10);
        let mut confirm = Confirm::with_theme(&self.theme).with_prompt(prompt);
        if let Some(d) = default {
            confirm = confirm.default(d);
        }
        confirm.interact().map_err(stop)
    }

    fn show(&mut self, message: Message<'_>) {
        // console's styles, like dialoguer's: off under NO_COLOR, --color
        // never, or when stderr is not a terminal.
        match message {
            Message::Section(title) => {
                let title = visible(title);
                eprintln!("\n{}", style(format!("== {title} ==")).bold().for_stderr());
            }
            Message::Note(text) => eprintln!("{}", wrapped(&visible_lines(text), "", "")),
            Message::Finding(f) => {
                let tag = style(format!("{}[{}]", f.severity, f.rule))
                    .bold()
                    .for_stderr();
                let tag = match f.severity {
                    Severity::Error => tag.red(),
                    Severity::Warning => tag.yellow(),
                    Severity::Info => tag.cyan(),
                };
                // textwrap counts the tag's colour codes as no width.
                let message = format!("{tag}: {}", visible(&f.message));
                eprintln!("{}", wrapped(&message, "  ", "    "));
                if let Some(help) = &f.help {
                    let help = format!("help: {}", visible(help));
                    eprintln!("{}", wrapped(&help, "    ", "      "));
                }
            }
            Message::Table { header, rows } => {
                let mut table = Table::new();
                table
                    .load_style(UTF8_FULL_CONDENSED)
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_header(header.iter().copied());
                // A terminal that reports no useful width (some pseudo-
                // terminals say 0): no wrapping rather than 1-letter columns.
                if table.width().is_none_or(|w| w < 40) {
                    table.set_content_arrangement(ContentArrangement::Disabled);
                }
                for row in rows {
                    table.add_row(visible_all(row));
                }
                eprintln!("{table}");
            }
        }
    }

    fn draft_saved(&mut self, path: &Path) {
        let shown = shown(&self.cwd, path);
        set_hint(format!("Stopped.\n{}", resume_lines(self.kind, &shown)));
    }
}

/// Where a stopped wizard's answers are and, on a line of its own, the
/// command that resumes them; indented under the line that says it
/// stopped.
fn resume_lines(kind: impl std::fmt::Display, draft: &str) -> String {
    format!(
        "  your answers are saved in {draft}\n  to resume, run:\n    claimtool {kind} new --from {draft}"
    )
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn lines_break_between_words_and_keep_their_indentation() {
        use super::wrap_to;
        // Never inside a word, nor at a hyphen of a rule id.
        assert_eq!(
            wrap_to("type - to clear an optional one", "", "", 20),
            "type - to clear an\noptional one"
        );
        assert_eq!(
            wrap_to(
                "warning[poe-customer-not-named]: no readable",
                "  ",
                "    ",
                36
            ),
            "  warning[poe-customer-not-named]:\n    no readable"
        );
        // A line's own indentation carries on; explicit breaks stay.
        assert_eq!(
            wrap_to("a b\n    to fix it, change x", "  ", "    ", 20),
            "  a b\n        to fix it,\n        change x"
        );
        assert_eq!(wrap_to("a b c", "", "", usize::MAX), "a b c");
    }

    #[test]
    fn a_prompt_wider_than_the_terminal_is_shortened() {
        assert_eq!(fit("Claim name", 10, 120), None);
        let long = "Have you told the customer the funding is subject to Microsoft's final approval (and that Microsoft will survey them)?";
        assert_eq!(
            fit(long, 10, 120).as_deref(),
            Some("Have you told the customer the funding is subject to Microsoft's final approval")
        );
        let cut = fit(long, 10, 60).unwrap();
        assert!(cut.ends_with("...") && cut.chars().count() <= 46, "{cut}");
    }
}
