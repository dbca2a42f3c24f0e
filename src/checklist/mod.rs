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
use crate::model::{Document, Signature};
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

/// What inspection found in one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentNote {
    /// The document as the checklist names it (`documents/01-sow.pdf` in a
    /// bundle, its path in the claim file otherwise).
    pub document: String,
    pub found: Rich,
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
    /// What claimtool read in each document (signatures, text, what to
    /// check by eye), in the words of SUBMIT.md.
    pub documents: Vec<DocumentNote>,
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
    let documents = report.claim.as_ref().map_or_else(Vec::new, |claim| {
        crate::bundle::inspection::documents_found(claim, ctx)
    });
    let names: Vec<String> = documents.iter().map(|d| d.name.clone()).collect();
    let unreadable: Vec<usize> = (0..documents.len())
        .filter(|&i| documents[i].unreadable)
        .collect();
    if let Some(claim) = &report.claim {
        let declarations = &crate::kinds::spec(guide.kind()).declarations;
        mark_declared(
            &mut sections,
            declarations,
            claim.documents(),
            &names,
            &unreadable,
            &report.findings,
        );
    }
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
        documents: documents
            .into_iter()
            .map(|d| DocumentNote {
                document: d.name,
                found: d.words,
            })
            .collect(),
        errors: by(Severity::Error),
        warnings: by(Severity::Warning),
        notes: by(Severity::Info),
    }
}

/// What tells a kind's declared items from its verified ones: kept with
/// the kind ([`crate::kinds::KindSpec::declarations`]), read by
/// [`mark_declared`].
pub struct Declarations {
    /// Rules that judge only what the claim file declares about its
    /// documents (a signature, a date, the workloads, an amount): silent
    /// rules of this list prove the declaration consistent, not the
    /// document.
    pub rules: &'static [&'static Rule],
    /// Rules that read the documents themselves (`poe-*`,
    /// `coop-invoice-amount-not-found`), each with the documents it reads.
    pub reading: &'static [Reading],
}

/// An inspection rule and the documents it reads.
pub struct Reading {
    pub rule: &'static Rule,
    /// Whether the rule checks what this document of the claim declares.
    pub reads: fn(&Document) -> Reads,
}

/// What an inspection rule does with one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    /// It does not look at it.
    No,
    /// It checks it in the document (when the document can be read).
    Yes,
    /// It concerns it but cannot check it: a wet signature is ink on
    /// paper, not a signature field.
    ByEye,
    /// The item concerns it, but no rule reads it in the document (a co-op
    /// CSR's amount is added up as declared; only invoices are read).
    NotRead,
}

impl Reading {
    /// A rule that reads every document of the claim.
    pub const fn every(rule: &'static Rule) -> Self {
        Reading {
            rule,
            reads: |_| Reads::Yes,
        }
    }

    /// A signature rule: it checks the digital signatures declared, not a
    /// wet one.
    pub const fn signatures(rule: &'static Rule) -> Self {
        Reading {
            rule,
            reads: |d| match d.signature.as_deref() {
                Some(Signature::Digital) => Reads::Yes,
                Some(Signature::Wet) => Reads::ByEye,
                _ => Reads::No,
            },
        }
    }
}

/// Marks as [`ItemState::Declared`] the ticked items that rest on what the
/// claim file declares about documents: an item with a declaration rule
/// and no inspection rule that checked its documents, or an item whose
/// inspection rules could not check one of the documents they concern (a
/// scan, a photo, an encrypted PDF, a wet signature). An item whose
/// inspection rules checked every document they concern says it was
/// verified in the documents, unless one of them noted something (a rule
/// turned down to info still found it): then it is not verified either.
/// `names` are the documents as the checklist names them, `unreadable` the
/// indexes of those that could not be read, `findings` the file's.
pub fn mark_declared(
    sections: &mut [Section],
    declarations: &Declarations,
    docs: &[Document],
    names: &[String],
    unreadable: &[usize],
    findings: &[Finding],
) {
    for item in sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
        if item.state != ItemState::Done {
            continue;
        }
        let declares = item
            .rules
            .iter()
            .any(|r| declarations.rules.iter().any(|d| d.id == r.id));
        let reading: Vec<&Reading> = declarations
            .reading
            .iter()
            .filter(|p| item.rules.iter().any(|r| r.id == p.rule.id))
            .collect();
        let reads = |d: &Document| reading.iter().map(|p| (p.reads)(d)).collect::<Vec<_>>();
        let name = |i: usize| names.get(i).cloned().unwrap_or_default();
        let (mut unread, mut by_eye, mut not_read) = (Vec::new(), Vec::new(), Vec::new());
        let mut looked_at = false;
        for (i, d) in docs.iter().enumerate() {
            let r = reads(d);
            let concerned = r.iter().any(|&x| x != Reads::No);
            looked_at |= concerned;
            if r.contains(&Reads::NotRead) {
                not_read.push(name(i));
            } else if concerned && unreadable.contains(&i) {
                unread.push(name(i));
            } else if r.contains(&Reads::ByEye) {
                by_eye.push(name(i));
            }
        }
        // A reading rule that found something the user turned into info:
        // the document was read, and it does not bear the item out.
        let noted = reading
            .iter()
            .any(|p| findings.iter().any(|f| f.rule == p.rule.id));
        let why = if !unread.is_empty() || !by_eye.is_empty() || !not_read.is_empty() || noted {
            let mut parts = Vec::new();
            if noted {
                parts.push(Rich::new().text("claimtool noted a problem in the documents (below)"));
            }
            if !unread.is_empty() {
                parts.push(
                    Rich::new()
                        .text("claimtool could not read ")
                        .values(", ", unread),
                );
            }
            if !not_read.is_empty() {
                parts.push(
                    Rich::new()
                        .text("claimtool does not read this in ")
                        .values(", ", not_read),
                );
            }
            if !by_eye.is_empty() {
                parts.push(
                    Rich::new()
                        .text("a wet signature is checked by eye: ")
                        .values(", ", by_eye),
                );
            }
            let mut why = Rich::new().text("not verified: ");
            for (n, part) in parts.into_iter().enumerate() {
                if n > 0 {
                    why = why.text("; ");
                }
                why = why.then(part);
            }
            why
        } else if looked_at {
            item.reasons.insert(
                0,
                Rich::new().text("verified in the documents by claimtool"),
            );
            continue;
        } else if declares {
            Rich::new().text("declared in the claim file, not verified in the documents")
        } else {
            continue;
        };
        item.state = ItemState::Declared;
        item.done = false;
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
            // The finding's reason in words; its help (how to change the
            // claim file) stays in the findings listed below the items.
            let reason = Rich::from_message(&f.message);
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
    // Not in a bundle: documents go by their path in the claim file.
    let ctx = GuideCtx {
        env,
        source: &report.source,
        document_names: &[],
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
        // The finding's reason; its help (how to edit the claim file) is
        // in the findings listed below the items.
        assert_eq!(item.reasons[0].plain(), "the <b>message</b>");

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
        assert_eq!(item.reasons[1].plain(), "noted: the <b>message</b>");
    }

    fn document(index: usize, toml: &str) -> Document {
        let text = format!("kind = \"cpor\"\n{toml}");
        let loaded = crate::load::load_text(text, std::path::Path::new("c.toml"), "c.toml");
        let mut doc = loaded.claim.expect("decoded").documents()[0].clone();
        doc.index = index;
        doc
    }

    fn done_section(rules: &'static [&'static Rule]) -> Vec<Section> {
        let o = Overrides::default();
        vec![Section {
            title: "PoE",
            items: vec![decide(spec(rules), &[], &o)],
        }]
    }

    /// The state and first reason of one ticked item with `rules` once
    /// [`mark_declared`] has looked at it with `kind`'s declarations.
    fn marked(
        rules: &'static [&'static Rule],
        kind: &crate::kinds::KindSpec,
        docs: &[Document],
        unreadable: &[usize],
    ) -> (ItemState, String) {
        let names = [
            "documents/01-a.pdf".to_string(),
            "documents/02-b.pdf".into(),
        ];
        let mut s = done_section(rules);
        mark_declared(&mut s, &kind.declarations, docs, &names, unreadable, &[]);
        let item = &s[0].items[0];
        assert_eq!(item.done, item.state == ItemState::Done);
        (item.state, item.reasons[0].plain())
    }

    fn signed(index: usize, how: &str) -> Document {
        document(
            index,
            &format!(
                "[[documents]]\npath = \"a.pdf\"\nsignature = \"{how}\"\nsigned_on = 2026-09-03\n"
            ),
        )
    }

    static SIGNED: &[&Rule] = &[
        &crate::kinds::cpor::rules::poe_unsigned::RULE,
        &crate::rules::poe::poe_signature_missing::RULE,
    ];

    static PLF: &[&Rule] = &[
        &crate::rules::any::document_signed_on::RULE,
        &crate::rules::poe::poe_signature_missing::RULE,
    ];

    static MONEY: &[&Rule] = &[
        &crate::kinds::coop::rules::amount_mismatch::RULE,
        &crate::kinds::coop::rules::invoice_amount_not_found::RULE,
    ];

    #[test]
    fn a_declared_signature_is_verified_only_when_read_in_the_document() {
        use crate::kinds::{cpor, plfunding};
        let digital = [signed(0, "digital")];
        assert_eq!(
            marked(SIGNED, &cpor::SPEC, &digital, &[]),
            (
                ItemState::Done,
                "verified in the documents by claimtool".into()
            )
        );
        assert_eq!(
            marked(SIGNED, &cpor::SPEC, &digital, &[0]),
            (
                ItemState::Declared,
                "not verified: claimtool could not read documents/01-a.pdf".into()
            )
        );
        // A wet signature is ink: claimtool never verifies it.
        let both = [signed(0, "digital"), signed(1, "wet")];
        assert_eq!(
            marked(SIGNED, &cpor::SPEC, &both, &[]),
            (
                ItemState::Declared,
                "not verified: a wet signature is checked by eye: documents/02-b.pdf".into()
            )
        );
        // Partner-led PoE signatures are read the same way.
        assert_eq!(
            marked(PLF, &plfunding::SPEC, &digital, &[]).0,
            ItemState::Done
        );
        assert_eq!(
            marked(PLF, &plfunding::SPEC, &digital, &[0]).0,
            ItemState::Declared
        );
    }

    /// An inspection rule turned down to info that still found something
    /// leaves its item ticked as the person chose, but not "verified":
    /// the item says so, and the noted finding follows.
    #[test]
    fn a_noted_inspection_finding_is_not_verified() {
        use crate::kinds::cpor;
        let missing = &crate::rules::poe::poe_signature_missing::RULE;
        let noted = [finding(missing.id, Severity::Info)];
        // As `[rules] poe-signature-missing = "info"` leaves it.
        let mut sections = vec![Section {
            title: "PoE",
            items: vec![decide(spec(SIGNED), &noted, &Overrides::default())],
        }];
        assert_eq!(sections[0].items[0].state, ItemState::Done);
        let names = ["documents/01-a.pdf".to_string()];
        let digital = [signed(0, "digital")];
        let mark = |sections: &mut Vec<Section>, findings: &[Finding]| {
            mark_declared(
                sections,
                &cpor::SPEC.declarations,
                &digital,
                &names,
                &[],
                findings,
            );
        };
        mark(&mut sections, &noted);
        let item = &sections[0].items[0];
        assert_eq!(item.state, ItemState::Declared);
        assert!(!item.done);
        let reasons: Vec<String> = item.reasons.iter().map(Rich::plain).collect();
        assert_eq!(
            reasons[0],
            "not verified: claimtool noted a problem in the documents (below)"
        );
        assert!(
            reasons.iter().any(|r| r == "noted: the <b>message</b>"),
            "{reasons:?}"
        );
        // A finding of another rule does not touch it.
        let mut sections = done_section(SIGNED);
        mark(
            &mut sections,
            &[finding(tenant_id::RULE.id, Severity::Info)],
        );
        assert_eq!(sections[0].items[0].state, ItemState::Done);
    }

    #[test]
    fn what_no_rule_reads_is_declared_in_every_kind() {
        use crate::kinds::{coop, cpor, plfunding};
        let docs = [signed(0, "digital")];
        for kind in [&cpor::SPEC, &coop::SPEC, &plfunding::SPEC] {
            assert_eq!(
                marked(
                    const { &[&crate::rules::any::document_undated::RULE] },
                    kind,
                    &docs,
                    &[]
                ),
                (
                    ItemState::Declared,
                    "declared in the claim file, not verified in the documents".into()
                ),
                "{:?}",
                kind.kind
            );
        }
        let evidence = const { &[&coop::rules::evidence_missing::RULE] };
        assert_eq!(
            marked(evidence, &coop::SPEC, &docs, &[]).0,
            ItemState::Declared
        );
        // A rule that checks the claim file's own values stays ticked.
        let tenant = const { &[&tenant_id::RULE] };
        assert_eq!(marked(tenant, &cpor::SPEC, &docs, &[0]).0, ItemState::Done);
    }

    #[test]
    fn coop_invoice_amounts_are_verified_when_the_invoices_are_read() {
        use crate::kinds::coop;
        let invoice = document(0, "[[documents]]\npath = \"i.pdf\"\ntype = \"invoice\"\n");
        let photo = document(1, "[[documents]]\npath = \"p.png\"\ntype = \"photo\"\n");
        let docs = [invoice, photo];
        // An unreadable photo does not matter to the invoices' amounts.
        assert_eq!(marked(MONEY, &coop::SPEC, &docs, &[1]).0, ItemState::Done);
        assert_eq!(
            marked(MONEY, &coop::SPEC, &docs, &[0]),
            (
                ItemState::Declared,
                "not verified: claimtool could not read documents/01-a.pdf".into()
            )
        );
        // A CSR's amount is added up as declared: never read, so the money
        // item is not verified while a CSR counts in it.
        let csr = document(1, "[[documents]]\npath = \"c.pdf\"\ntype = \"csr\"\n");
        let invoice = document(0, "[[documents]]\npath = \"i.pdf\"\ntype = \"invoice\"\n");
        assert_eq!(
            marked(MONEY, &coop::SPEC, &[invoice, csr], &[]),
            (
                ItemState::Declared,
                "not verified: claimtool does not read this in documents/02-b.pdf".into()
            )
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
