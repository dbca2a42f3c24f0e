//! The PoE checklist: what a claim needs before it is submitted, each item
//! ticked or open with the reason, the warnings, and the deadlines as dates.
//!
//! Flow: the kind's [`KindGuide`] lists the items ([`ItemSpec`]: the
//! wording, the rules that check it, the evidence to show when it is met)
//! and the deadlines. [`build`] then decides each item from the engine's
//! findings for the file, never by checking the claim again: an item is
//! open while one of its rules reports a warning or an error, and ticked
//! only when every one of its rules ran and stayed silent (an item with no
//! rule is never ticked). A rule the user switched off, or one missing from
//! the rule table, leaves the item "check by hand" (a switched-off rule
//! never produces a false tick). Items name their rules as `&RULE` statics,
//! so renaming or removing a rule is a compile error, not an item that
//! silently stops being checked. [`render`] turns the result into Markdown,
//! HTML or JSON.

pub mod items;
pub mod render;

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::{self, DeadlineState};
use crate::decode::StrEnum;
use crate::diag::{Finding, Overrides, Severity};
use crate::engine::FileReport;
use crate::rich::Rich;
use crate::rules::{self, Env, Rule};
use crate::submit::{GuideCtx, KindGuide};

/// One requirement as a kind's guide states it.
#[derive(Clone)]
pub struct ItemSpec {
    /// What is required, in a few words.
    pub text: Rich,
    /// The rules that check it (a list written `const { &[&a::RULE] }`:
    /// statics are not promoted to `'static` otherwise).
    pub rules: &'static [&'static Rule],
    /// What shows it is met (the values concerned), shown with a tick.
    pub evidence: Rich,
}

impl ItemSpec {
    /// The ids of the item's rules, in order.
    pub fn rule_ids(&self) -> Vec<&'static str> {
        self.rules.iter().map(|r| r.id).collect()
    }
}

// `Rule` holds check functions and has no `Debug`: items show rule ids.
impl std::fmt::Debug for ItemSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ItemSpec")
            .field("text", &self.text)
            .field("rules", &self.rule_ids())
            .field("evidence", &self.evidence)
            .finish()
    }
}

/// Serialises a rule list as its ids (the checklist JSON's `rules`).
fn serialize_rule_ids<S: serde::Serializer>(
    rules: &&'static [&'static Rule],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_seq(rules.iter().map(|r| r.id))
}

/// A group of items under a heading.
#[derive(Debug, Clone)]
pub struct SectionSpec {
    pub title: &'static str,
    pub items: Vec<ItemSpec>,
}

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemState {
    /// Every rule of the item ran and found nothing.
    Done,
    /// A rule of the item reported a warning or an error.
    Open,
    /// Not (fully) checked by claimtool: a rule is missing from this build
    /// or switched off. The user checks it by hand.
    Unchecked,
    /// Its rules are silent, but they judged only what the claim file
    /// declares about a document (its signature, dates, workloads), not the
    /// document itself: claimtool could not read it, or no inspection rule
    /// checks this item ([`mark_declared`]).
    Declared,
}

/// One decided item.
#[derive(Clone, Serialize)]
pub struct Item {
    pub text: Rich,
    pub state: ItemState,
    /// `state == done`, for consumers that only want a tick.
    pub done: bool,
    /// Why it is ticked (the evidence), open (the findings), or unchecked.
    pub reasons: Vec<Rich>,
    /// The rules that decide it, written as their ids.
    #[serde(serialize_with = "serialize_rule_ids")]
    pub rules: &'static [&'static Rule],
}

impl std::fmt::Debug for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Item")
            .field("text", &self.text)
            .field("state", &self.state)
            .field("done", &self.done)
            .field("reasons", &self.reasons)
            .field(
                "rules",
                &self.rules.iter().map(|r| r.id).collect::<Vec<_>>(),
            )
            .finish()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: &'static str,
    pub items: Vec<Item>,
}

/// A finding as the checklist lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: Rich,
    pub help: Option<Rich>,
    pub field: Option<String>,
    pub line: Option<usize>,
}

/// A date that matters for the claim.
#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    pub what: Rich,
    /// `None` while the clock has not started (the note says when it does).
    pub date: Option<NaiveDate>,
    /// Whether the partner must act by the date (`false`: what Microsoft
    /// says it takes, an expectation).
    pub yours: bool,
    /// For the partner's deadlines with a date: `far`, `near` (14 days or
    /// fewer) or `passed`, on the scale of the deadline rules.
    pub state: Option<&'static str>,
    /// Calendar days from today (negative once past).
    pub days_left: Option<i64>,
    /// How the date is computed, or when the clock starts.
    pub note: Rich,
}

impl Deadline {
    /// A deadline the claim is waiting on the partner for (a reply, a
    /// dispute): at least `near` while open, like the rules that report it
    /// (`cpor-action-required`, `cpor-dispute-window` are at least warnings).
    pub fn waiting_on_you(mut self) -> Self {
        if self.state == Some("far") {
            self.state = Some("near");
        }
        self
    }

    /// A date the partner must meet.
    pub fn yours(what: Rich, date: NaiveDate, today: NaiveDate, note: Rich) -> Self {
        let state = match calendar::deadline_state(today, date) {
            DeadlineState::Far => "far",
            DeadlineState::Near => "near",
            DeadlineState::Passed => "passed",
        };
        Deadline {
            what,
            date: Some(date),
            yours: true,
            state: Some(state),
            days_left: Some(calendar::days_left(today, date)),
            note,
        }
    }

    /// A date Microsoft says it will take until.
    pub fn expected(what: Rich, date: NaiveDate, today: NaiveDate, note: Rich) -> Self {
        Deadline {
            what,
            date: Some(date),
            yours: false,
            state: None,
            days_left: Some(calendar::days_left(today, date)),
            note,
        }
    }

    /// A deadline whose clock has not started.
    pub fn not_started(what: Rich, note: Rich) -> Self {
        Deadline {
            what,
            date: None,
            yours: true,
            state: None,
            days_left: None,
            note,
        }
    }
}

/// The checklist of one claim.
#[derive(Debug, Clone, Serialize)]
pub struct Checklist {
    pub version: u32,
    pub kind: &'static str,
    /// What the claim is ("CPOR customer association and claim").
    pub title: &'static str,
    /// The name the claim goes by (CPOR: `claim_name`; co-op: the activity).
    pub claim_name: String,
    /// The claim file as the user named it.
    pub source: String,
    pub today: NaiveDate,
    /// `ok`, `warning` or `error`, as `validate` says.
    pub status: &'static str,
    pub deadlines: Vec<Deadline>,
    pub sections: Vec<Section>,
    /// Error findings (a bundle is never written while there is one).
    pub errors: Vec<Note>,
    pub warnings: Vec<Note>,
    /// Info findings: worth knowing.
    pub notes: Vec<Note>,
}

impl Checklist {
    /// Every item, in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }
}

/// Builds the checklist of a checked file. `overrides` tells which rules the
/// user switched off.
pub fn build(
    report: &FileReport,
    guide: &dyn KindGuide,
    ctx: &GuideCtx<'_>,
    overrides: &Overrides,
) -> Checklist {
    let sections = guide
        .checklist(ctx)
        .into_iter()
        .map(|spec| Section {
            title: spec.title,
            items: spec
                .items
                .into_iter()
                .map(|item| decide(item, &report.findings, overrides))
                .collect(),
        })
        .collect::<Vec<_>>();
    let mut sections = sections;
    mark_declared(&mut sections, &report.findings);
    let note = |f: &Finding| Note {
        rule: f.rule,
        severity: f.severity,
        message: Rich::new().value(f.message.clone()),
        help: f.help.clone().map(|h| Rich::new().value(h)),
        field: f.field.clone().filter(|f| !f.is_empty()),
        line: report.position(f).map(|p| p.line),
    };
    let by = |severity: Severity| {
        report
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .map(note)
            .collect::<Vec<_>>()
    };
    Checklist {
        version: 1,
        kind: guide.kind().as_str(),
        title: guide.title(),
        claim_name: guide.bundle_name().unwrap_or_default().to_string(),
        source: report.source.display.clone(),
        today: ctx.env.today,
        status: report.status().as_str(),
        deadlines: guide.deadlines(ctx),
        sections,
        errors: by(Severity::Error),
        warnings: by(Severity::Warning),
        notes: by(Severity::Info),
    }
}

/// Rules that judge what the claim file declares a document shows.
static DECLARATION_RULES: &[&Rule] = &[
    &crate::kinds::cpor::rules::poe_unsigned::RULE,
    &crate::kinds::cpor::rules::poe_workload_uncovered::RULE,
    &crate::kinds::cpor::rules::poe_stale::RULE,
];

/// Marks as [`ItemState::Declared`] the ticked items that rest on the
/// claim file's declarations about documents alone: no inspection rule
/// (`poe-*`, `coop-invoice-amount-not-found`) checks the item, or one of the
/// claim's documents could not be read (`poe-unreadable`).
pub fn mark_declared(sections: &mut [Section], findings: &[Finding]) {
    let unreadable: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule == crate::rules::poe::poe_unreadable::RULE.id)
        .collect();
    for item in sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
        let declares = item
            .rules
            .iter()
            .any(|r| DECLARATION_RULES.iter().any(|d| d.id == r.id));
        let inspects = item.rules.iter().any(|r| {
            crate::rules::poe::RULES.iter().any(|p| p.id == r.id)
                || r.id == crate::kinds::coop::rules::invoice_amount_not_found::RULE.id
        });
        if item.state != ItemState::Done || !declares || (inspects && unreadable.is_empty()) {
            continue;
        }
        item.state = ItemState::Declared;
        item.done = false;
        let why = if inspects {
            Rich::new()
                .text("declared in the claim file, not verified: claimtool could not read ")
                .values(", ", unreadable.iter().map(|f| f.message.clone()))
        } else {
            Rich::new().text("declared in the claim file, not verified in the documents")
        };
        item.reasons.insert(0, why);
    }
}

/// Decides one item from the findings.
fn decide(spec: ItemSpec, findings: &[Finding], overrides: &Overrides) -> Item {
    let mut open = Vec::new();
    let mut unchecked = Vec::new();
    // Findings the user turned into info: not blocking, but never hidden.
    let mut noted = Vec::new();
    // An item no rule checks (at this stage of the claim) is never ticked.
    if spec.rules.is_empty() {
        unchecked.push(Rich::new().text("not checked by a rule at this stage of the claim"));
    }
    for &rule in spec.rules {
        let id = rule.id;
        // A rule static that is not in the table never runs: no tick.
        if !rules::all().any(|r| std::ptr::eq(r, rule)) {
            unchecked.push(
                Rich::new()
                    .text("not checked: rule ")
                    .code(id)
                    .text(" is not in this version of claimtool"),
            );
        } else if overrides.is_off(id) {
            unchecked.push(
                Rich::new()
                    .text("not checked: rule ")
                    .code(id)
                    .text(" is switched off (--allow or [rules] in claimtool.toml)"),
            );
        }
        for f in findings.iter().filter(|f| f.rule == id) {
            let mut reason = Rich::new().value(f.message.clone());
            if let Some(help) = &f.help {
                reason = reason.text(": ").value(help.clone());
            }
            if f.severity >= Severity::Warning {
                open.push(reason);
            } else {
                noted.push(Rich::new().text("noted: ").then(reason));
            }
        }
    }
    let (state, reasons) = if !open.is_empty() {
        open.extend(unchecked);
        (ItemState::Open, open)
    } else if !unchecked.is_empty() {
        // What the claim file says helps the user check it by hand.
        let mut reasons = Vec::new();
        if !spec.evidence.is_empty() {
            reasons.push(Rich::new().text("the claim file: ").then(spec.evidence));
        }
        reasons.extend(unchecked);
        reasons.extend(noted);
        (ItemState::Unchecked, reasons)
    } else {
        let mut reasons = if spec.evidence.is_empty() {
            Vec::new()
        } else {
            vec![spec.evidence]
        };
        reasons.extend(noted);
        (ItemState::Done, reasons)
    };
    Item {
        text: spec.text,
        state,
        done: state == ItemState::Done,
        reasons,
        rules: spec.rules,
    }
}

/// The checklist of a checked file, when its kind has a guide; `None` for a
/// file that could not be decoded or a kind without one.
pub fn for_report(report: &FileReport, env: &Env, overrides: &Overrides) -> Option<Checklist> {
    let claim = report.claim.as_ref()?;
    let guide = crate::submit::guide_for(claim)?;
    let names = crate::bundle::document_names(claim, env, &report.source);
    let ctx = GuideCtx {
        env,
        source: &report.source,
        document_names: &names,
    };
    Some(build(report, guide, &ctx, overrides))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Level;
    use crate::kinds::cpor::rules::tenant_id;

    fn finding(rule: &'static str, severity: Severity) -> Finding {
        Finding {
            rule,
            severity,
            position: None,
            message: "the <b>message</b>".into(),
            field: None,
            span: None,
            label: None,
            help: Some("do this".into()),
        }
    }

    fn spec(rules: &'static [&'static Rule]) -> ItemSpec {
        ItemSpec {
            text: "item".into(),
            rules,
            evidence: Rich::new().text("evidence"),
        }
    }

    #[test]
    fn an_item_is_open_while_its_rule_warns_and_done_when_silent() {
        let o = Overrides::default();
        let item = decide(
            spec(const { &[&tenant_id::RULE] }),
            &[finding(tenant_id::RULE.id, Severity::Warning)],
            &o,
        );
        assert_eq!(item.state, ItemState::Open);
        assert!(!item.done);
        assert_eq!(item.reasons[0].plain(), "the <b>message</b>: do this");

        let item = decide(spec(const { &[&tenant_id::RULE] }), &[], &o);
        assert_eq!(item.state, ItemState::Done);
        assert_eq!(item.reasons[0].plain(), "evidence");

        // Info findings do not open an item, but they are shown.
        let item = decide(
            spec(const { &[&tenant_id::RULE] }),
            &[finding(tenant_id::RULE.id, Severity::Info)],
            &o,
        );
        assert_eq!(item.state, ItemState::Done);
        assert_eq!(
            item.reasons[1].plain(),
            "noted: the <b>message</b>: do this"
        );
    }

    #[test]
    fn an_item_without_rules_is_for_the_user_to_check() {
        let item = decide(spec(&[]), &[], &Overrides::default());
        assert_eq!(item.state, ItemState::Unchecked);
        assert_eq!(item.reasons[0].plain(), "the claim file: evidence");
        assert!(item.reasons[1].plain().contains("not checked by a rule"));
    }

    #[test]
    fn unknown_or_switched_off_rules_never_tick() {
        // A rule written but not (yet) registered in the table.
        static UNLISTED: Rule = Rule {
            id: "cpor-no-such-rule-yet",
            default_severity: Severity::Warning,
            severity_note: None,
            summary: "",
            source: "",
            docs: "",
            check: crate::rules::Check::Load,
        };
        let o = Overrides::default();
        let item = decide(spec(const { &[&UNLISTED] }), &[], &o);
        assert_eq!(item.state, ItemState::Unchecked);
        assert_eq!(item.reasons[0].plain(), "the claim file: evidence");
        assert!(item.reasons[1].plain().contains("cpor-no-such-rule-yet"));

        let mut o = Overrides::default();
        o.cli.insert("cpor-tenant-id".into(), Level::Off);
        let item = decide(spec(const { &[&tenant_id::RULE] }), &[], &o);
        assert_eq!(item.state, ItemState::Unchecked);
        assert!(item.reasons[1].plain().contains("switched off"));
    }
}
