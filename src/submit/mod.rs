//! What each claim kind knows about its Partner Center screens: the
//! SUBMIT.md walk-through, the checklist items, the deadlines and the
//! normalised values of `claim.json`.
//!
//! One [`KindGuide`] per kind (`src/kinds/<kind>/guide.rs`, found through
//! the kind's [`crate::kinds::KindSpec::guide`]). The bundle and
//! the checklist code are generic over the trait. A guide only describes:
//! checks stay in the rules, and the checklist reads their findings.
//!
//! [`Screen`]s are structured (fields, traps, notes) so that the one
//! Markdown renderer ([`render_markdown`]) escapes every user value the same
//! way. A guide writes one small function per Partner Center screen; the
//! pieces that several kinds' screens share are in [`screens`], the shared
//! checklist items in [`crate::checklist::items`].

pub mod screens;
#[cfg(test)]
pub(crate) mod testing;

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::checklist::{Deadline, SectionSpec};
use crate::model::{Claim, Kind};
use crate::rich::{Rich, escape_text};
use crate::rules::Env;
use crate::source::SourceFile;

/// What a guide may look at besides its claim.
pub struct GuideCtx<'a> {
    pub env: &'a Env,
    pub source: &'a SourceFile,
    /// For each `[[documents]]` entry (by index), its file name inside the
    /// bundle's `documents/` (`None` for an online `url`). Empty when no
    /// bundle is written (`<kind> checklist`): documents then go by their
    /// path in the claim file.
    pub document_names: &'a [Option<String>],
}

impl GuideCtx<'_> {
    /// How SUBMIT.md and the checklist name a document: in a bundle, its
    /// copy (`documents/01-sow.pdf`); else its path (or URL) as the claim
    /// file writes it.
    pub fn doc_label(&self, doc: &crate::model::Document) -> String {
        match self.document_names.get(doc.index).cloned().flatten() {
            Some(name) => format!("documents/{name}"),
            None => doc.label(),
        }
    }
}

/// The kind-specific knowledge behind SUBMIT.md, the checklist and
/// claim.json.
pub trait KindGuide {
    fn kind(&self) -> Kind;
    /// What the claim is, for titles ("CPOR customer association and claim").
    fn title(&self) -> &'static str;
    /// The name the bundle's slug is made from (CPOR: `claim_name`;
    /// co-op: the activity name).
    fn bundle_name(&self) -> Option<&str>;
    /// Partner Center's screens in order, then what happens after submitting.
    fn screens(&self, ctx: &GuideCtx<'_>) -> Vec<Screen>;
    /// The PoE checklist items, each tied to the rules that check it.
    fn checklist(&self, ctx: &GuideCtx<'_>) -> Vec<SectionSpec>;
    /// The dates that matter, computed from `ctx.env.today` and the claim.
    fn deadlines(&self, ctx: &GuideCtx<'_>) -> Vec<Deadline>;
    /// The claim's values, normalised (no spans), for claim.json.
    fn claim_values(&self) -> serde_json::Value;
    /// Computed totals for claim.json (co-op: the invoice sum...).
    fn totals(&self) -> serde_json::Value {
        serde_json::json!({})
    }
}

/// A string field's value.
pub(crate) fn text(v: &Option<crate::decode::Sp<String>>) -> Option<&str> {
    v.as_ref().map(|s| s.value.as_str())
}

/// "enter `value`", or a plain note when the claim has no value.
pub(crate) fn enter(v: Option<&str>) -> Rich {
    match v {
        Some(v) => Rich::new().text("enter ").value(v),
        None => Rich::new().text("(not in the claim file)"),
    }
}

/// Writes the two methods of a [`KindGuide`] that only name the kind: its
/// [`Kind`] and its title (the same two in every guide, but for the
/// values).
macro_rules! kind_and_title {
    ($kind:expr, $title:expr) => {
        fn kind(&self) -> $crate::model::Kind {
            $kind
        }

        fn title(&self) -> &'static str {
            $title
        }
    };
}
pub(crate) use kind_and_title;

/// The guide of a claim's kind, when there is one.
pub fn guide_for(claim: &Claim) -> Option<&dyn KindGuide> {
    (crate::kinds::spec(claim.kind()).guide)(claim)
}

/// One Partner Center screen (or a phase such as "after you submit").
#[derive(Debug, Clone)]
pub struct Screen {
    /// The screen's name as Partner Center shows it (our own text).
    pub title: Cow<'static, str>,
    pub steps: Vec<Step>,
}

/// What the user does or must know on a screen, in order.
#[derive(Debug, Clone)]
pub enum Step {
    /// Something to do ("Click **Next**").
    Do(Rich),
    /// A form field and what to enter or select in it. `label` is the
    /// field's name on the screen.
    Field {
        label: &'static str,
        action: Rich,
        details: Vec<Rich>,
    },
    /// A mistake that happens at this point.
    Trap(Rich),
    /// Background worth knowing here.
    Note(Rich),
}

impl Screen {
    pub fn new(title: impl Into<Cow<'static, str>>) -> Self {
        Screen {
            title: title.into(),
            steps: Vec::new(),
        }
    }

    pub fn act(mut self, text: impl Into<Rich>) -> Self {
        self.steps.push(Step::Do(text.into()));
        self
    }

    pub fn field(mut self, label: &'static str, action: Rich) -> Self {
        self.steps.push(Step::Field {
            label,
            action,
            details: Vec::new(),
        });
        self
    }

    pub fn field_list(mut self, label: &'static str, action: Rich, details: Vec<Rich>) -> Self {
        self.steps.push(Step::Field {
            label,
            action,
            details,
        });
        self
    }

    pub fn trap(mut self, text: impl Into<Rich>) -> Self {
        self.steps.push(Step::Trap(text.into()));
        self
    }

    pub fn note(mut self, text: impl Into<Rich>) -> Self {
        self.steps.push(Step::Note(text.into()));
        self
    }
}

/// SUBMIT.md: a heading with the claim, a short preface, then each screen
/// as a numbered section.
pub fn render_markdown(guide: &dyn KindGuide, ctx: &GuideCtx<'_>, status: &str) -> String {
    let mut md = String::new();
    let name = guide.bundle_name().unwrap_or_default();
    let _ = writeln!(
        md,
        "# Submit in Partner Center: {}\n",
        Rich::new().value(name).markdown()
    );
    let _ = writeln!(
        md,
        "{}\n",
        Rich::new()
            .text(guide.title())
            .text(". Prepared by claimtool on ")
            .text(ctx.env.today.to_string())
            .text(" from ")
            .value(ctx.source.display.clone())
            .text(" (checked: ")
            .text(status_words(status))
            .text(
                "). Go through the screens in this order and enter exactly the values shown; \
                   the traps are where claims usually go wrong. checklist.md lists what the PoE \
                   must show. The sources cited in brackets are listed in words, with their \
                   pages, at the end.",
            )
            .markdown()
    );
    for (i, screen) in guide.screens(ctx).iter().enumerate() {
        let _ = writeln!(md, "## {}. {}\n", i + 1, escape_text(&screen.title));
        for step in &screen.steps {
            match step {
                Step::Do(text) => {
                    let _ = writeln!(md, "- {}", text.markdown());
                }
                Step::Field {
                    label,
                    action,
                    details,
                } => {
                    let _ = writeln!(md, "- {}: {}", field_label(label), action.markdown());
                    for d in details {
                        let _ = writeln!(md, "  - {}", d.markdown());
                    }
                }
                Step::Trap(text) => {
                    let _ = writeln!(md, "- **⚠ Trap:** {}", text.markdown());
                }
                Step::Note(text) => {
                    let _ = writeln!(md, "- *Note:* {}", text.markdown());
                }
            }
        }
        md.push('\n');
    }
    md
}

/// A field's label as Partner Center shows it, in bold; its required
/// mark (`Claim name*`) said in words, so that the line reads the same as
/// text and rendered: `**Claim name** (required)`.
fn field_label(label: &str) -> String {
    match label.strip_suffix('*') {
        Some(name) => format!("**{}** (required)", escape_text(name.trim_end())),
        None => format!("**{}**", escape_text(label)),
    }
}

fn status_words(status: &str) -> &'static str {
    match status {
        "ok" => "no errors, no warnings",
        "warning" => "no errors; warnings are listed in checklist.md",
        _ => "errors remain: fix them before submitting",
    }
}
