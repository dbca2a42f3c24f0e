//! The rule table: every check claimtool runs, one rule per file.
//!
//! A rule is a static [`Rule`] (stable id, default severity, one-line
//! summary, docs naming its source, and its [`Check`]). The rules for any
//! kind are in [`any`]; each kind's are in `src/kinds/<kind>/rules/`, listed
//! by its [`crate::kinds::KindSpec`]; [`all`] chains them into the one table that `validate`,
//! the wizards, `bundle`, `claimtool rules` and `docs/rules.md` all read.
//! A check receives a [`RuleCtx`] (the claim, its file, the workspace
//! [`Env`]) and pushes [`Finding`]s; it never fails.

pub mod any;
pub mod deadline;
pub mod poe;
pub mod sources;

use std::cell::RefCell;
use std::fmt::Write as _;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::config::Config;
use crate::diag::{Finding, Severity};
use crate::documents::{DocRead, DocumentStore};
use crate::kinds::coop::model::CoopClaim;
use crate::kinds::cpor::model::CporClaim;
use crate::kinds::plfunding::catalog::Catalog;
use crate::kinds::plfunding::model::PlfClaim;
use crate::kinds::por::model::PorOrder;
use crate::kinds::score::model::ScoreHistory;
use crate::model::Claim;
use crate::source::SourceFile;

/// Everything a check may look at besides the claim itself.
pub struct Env {
    pub config: Config,
    /// The date deadlines are computed from (`--today` or the clock).
    pub today: NaiveDate,
    /// Document contents, read once per path for the whole run.
    pub documents: DocumentStore,
    /// The partner-led engagement catalogue (`--catalog`, the config's
    /// `[catalog] engagements`, or the built-in default).
    pub catalog: Catalog,
    /// The `por` reseller list, region and validation response, read on
    /// first use from `config.por`.
    pub por: crate::kinds::por::context::PorSlot,
    /// Where documents may come from (`document-outside-workspace`,
    /// bundles), with the run's cache of resolved paths.
    pub workspace: crate::workspace::Workspace,
}

impl Env {
    /// An environment with the built-in engagement catalogue; set
    /// `catalog` (from [`Catalog::resolve`]) to use the user's.
    pub fn new(config: Config, today: NaiveDate) -> Self {
        Env {
            config,
            today,
            documents: DocumentStore::default(),
            catalog: Catalog::builtin().clone(),
            por: crate::kinds::por::context::PorSlot::default(),
            workspace: crate::workspace::Workspace::default(),
        }
    }
}

/// One claim being checked.
pub struct RuleCtx<'a> {
    pub file: &'a SourceFile,
    pub claim: &'a Claim,
    pub env: &'a Env,
    /// Field paths the loader reported as `wrong-type`: written in the file
    /// but unreadable. The model holds `None` for them, as for absent
    /// fields; rules that would call such a field "missing" ask
    /// [`RuleCtx::is_unreadable`] first, so one mistake is one finding.
    pub unreadable: &'a [String],
    /// The documents this claim has asked for: several rules look at each
    /// document, and this spares them the shared store's lock and path
    /// hashing after the first.
    documents: RefCell<Vec<(String, Arc<DocRead>)>>,
    /// Email addresses already judged: two rules look at each.
    emails: RefCell<Vec<(String, bool)>>,
}

impl<'a> RuleCtx<'a> {
    pub fn new(
        file: &'a SourceFile,
        claim: &'a Claim,
        env: &'a Env,
        unreadable: &'a [String],
    ) -> Self {
        RuleCtx {
            file,
            claim,
            env,
            unreadable,
            documents: RefCell::default(),
            emails: RefCell::default(),
        }
    }

    /// Whether `address` is a plain email address
    /// ([`any::email_is_valid`]), judged once per claim.
    pub fn email_is_valid(&self, address: &str) -> bool {
        let mut seen = self.emails.borrow_mut();
        if let Some((_, valid)) = seen.iter().find(|(a, _)| a == address) {
            return *valid;
        }
        let valid = any::email_is_valid(address);
        seen.push((address.to_string(), valid));
        valid
    }

    /// A document the claim names, by its `path` (relative to the claim
    /// file's folder): read and hashed once per run by the shared
    /// [`DocumentStore`].
    pub fn document(&self, path: &str) -> Arc<DocRead> {
        let mut seen = self.documents.borrow_mut();
        if let Some((_, read)) = seen.iter().find(|(p, _)| p == path) {
            return Arc::clone(read);
        }
        let read = self.env.documents.read(&self.file.dir().join(path));
        seen.push((path.to_string(), Arc::clone(&read)));
        read
    }
}

impl RuleCtx<'_> {
    /// Whether `path` (`subscription_id`, `documents[0].date`) was written
    /// with a value the loader could not read.
    pub fn is_unreadable(&self, path: &str) -> bool {
        self.unreadable.iter().any(|p| p == path)
    }
}

/// What one file contributes to a cross-file rule: a comparable key and the
/// place in the file to point at when it collides.
#[derive(Debug, Clone)]
pub struct BatchKey {
    /// Equal keys in two files mean the same thing is claimed or attached:
    /// the first 128 bits of the SHA-256 of the key's text ([`key_hash`]),
    /// so a run of 100,000 files does not hold 100,000 key texts.
    pub key: u128,
    /// The thing, in words ("customer tenant ... and workload ...").
    pub what: String,
    pub field: String,
    pub span: std::ops::Range<usize>,
    /// Filled in by the engine while the file's text is at hand.
    pub position: Option<crate::source::Position>,
}

impl BatchKey {
    /// A key pointing at the value `at` (the field to show on a collision).
    pub fn new<T>(key: String, what: String, at: &crate::decode::Sp<T>) -> Self {
        BatchKey {
            key: key_hash(&key),
            what,
            field: at.path.to_string(),
            span: at.span.clone(),
            position: None,
        }
    }
}

/// A cross-file key's text, compacted: the first 128 bits of its SHA-256
/// (two different texts collide with odds of about 2^-64 among 2^32 keys).
pub fn key_hash(text: &str) -> u128 {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(text.as_bytes());
    let mut first = [0u8; 16];
    first.copy_from_slice(&digest[..16]);
    u128::from_be_bytes(first)
}

/// What the cross-file rules judge: for each entry of a batch (a file, or
/// one claim of a several-claims file), the hashes of the keys it
/// contributed, in the order it contributed them; all of them end to end
/// in one list, with where each entry's start. Neither the claims nor the
/// keys' words are kept, so memory grows by about 20 bytes a key however
/// many files a run checks; the words are looked up only for the keys
/// that collide.
#[derive(Debug, Default)]
pub struct BatchKeys {
    hashes: Vec<u128>,
    starts: Vec<u32>,
}

impl BatchKeys {
    /// Adds the next entry's keys.
    pub fn push(&mut self, keys: impl IntoIterator<Item = u128>) {
        self.starts
            .push(u32::try_from(self.hashes.len()).unwrap_or(u32::MAX));
        self.hashes.extend(keys);
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The keys of entry `entry`.
    pub fn keys(&self, entry: usize) -> &[u128] {
        let start = self.starts[entry] as usize;
        let end = self
            .starts
            .get(entry + 1)
            .map_or(self.hashes.len(), |&e| e as usize);
        &self.hashes[start..end]
    }

    /// Every key of every entry, end to end.
    pub fn all(&self) -> &[u128] {
        &self.hashes
    }

    /// The entry whose keys hold the `position`th of [`BatchKeys::all`].
    pub fn entry_of(&self, position: usize) -> usize {
        self.starts
            .partition_point(|&start| start as usize <= position)
            .saturating_sub(1)
    }

    pub fn shrink_to_fit(&mut self) {
        self.hashes.shrink_to_fit();
        self.starts.shrink_to_fit();
    }
}

/// A cross-file finding before it is put in words: which key of which
/// entry collided, the first other entry holding it, and how many entries
/// take part. [`BatchCheck::finding`] makes the finding of it once the
/// key's words and the other entry's name are at hand (for `validate`, as
/// the report is written), so 100,000 collisions are 100,000 of these
/// small records, not 100,000 messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// The entry the finding belongs to.
    pub entry: u32,
    /// The index of the key in that entry's keys (its words and place).
    pub key: u32,
    /// The first other entry holding the key (or the group).
    pub other: u32,
    /// How many entries share it.
    pub count: u32,
}

impl Verdict {
    /// A verdict from indices and a count (as `u32`s: a run of four
    /// billion files is out of reach, and 100,000 verdicts of 16 bytes
    /// are a third of what `usize`s take).
    pub fn new(entry: usize, key: usize, other: usize, count: usize) -> Verdict {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Verdict {
            entry: small(entry),
            key: small(key),
            other: small(other),
            count: small(count),
        }
    }
}

/// A cross-file rule in three steps: `collect` runs on each claim as it is
/// checked (in parallel), `judge` once over the hashes every file
/// contributed, and `finding` turns each verdict into the finding shown:
/// the key (words and place), the other entry's name, the count. A
/// finding is made by `Finding::new` with the rule's default severity
/// (the engine counts each file's status before the words are made).
pub struct BatchCheck {
    pub collect: fn(&RuleCtx<'_>, &mut Vec<BatchKey>),
    pub judge: fn(&BatchKeys, &mut Vec<Verdict>),
    pub finding: fn(&BatchKey, &str, usize) -> Finding,
}

/// How and when a rule runs.
pub enum Check {
    /// Reported by the loader while it reads the file (syntax, fields).
    Load,
    /// Any claim kind.
    Claim(fn(&RuleCtx<'_>, &mut Vec<Finding>)),
    /// Claims of the listed kinds (`scope` names them in listings): the
    /// rules several kinds share, such as the PoE inspection rules.
    Kinds {
        kinds: &'static [crate::model::Kind],
        scope: &'static str,
        check: fn(&RuleCtx<'_>, &mut Vec<Finding>),
    },
    Cpor(fn(&RuleCtx<'_>, &CporClaim, &mut Vec<Finding>)),
    Coop(fn(&RuleCtx<'_>, &CoopClaim, &mut Vec<Finding>)),
    Plfunding(fn(&RuleCtx<'_>, &PlfClaim, &mut Vec<Finding>)),
    Score(fn(&RuleCtx<'_>, &ScoreHistory, &mut Vec<Finding>)),
    Por(fn(&RuleCtx<'_>, &PorOrder, &mut Vec<Finding>)),
    /// Across all files of a run; findings come with the file's index.
    Batch(BatchCheck),
}

/// One entry of the rule table.
pub struct Rule {
    /// Stable kebab-case id; never renamed or reused.
    pub id: &'static str,
    pub default_severity: Severity,
    /// When the severity depends on the case (deadlines), how.
    pub severity_note: Option<&'static str>,
    /// One line: what is wrong when the rule fires.
    pub summary: &'static str,
    /// Where the rule comes from: the guide (G), the facts file (F§n), a
    /// rejection reason (R#n).
    pub source: &'static str,
    /// Markdown: what it checks, why, how to fix, an example.
    pub docs: &'static str,
    pub check: Check,
}

impl Rule {
    /// Which claims the rule applies to, for listings.
    pub fn scope(&self) -> &'static str {
        match self.check {
            Check::Load | Check::Claim(_) => "any",
            Check::Batch(_) => "any (across files)",
            Check::Kinds { scope, .. } => scope,
            Check::Cpor(_) => "cpor",
            Check::Coop(_) => "coop",
            Check::Plfunding(_) => "plfunding",
            Check::Score(_) => "score",
            Check::Por(_) => "por",
        }
    }

    /// The severity column: `error`, or the note for rules that vary.
    pub fn severity_text(&self) -> String {
        self.severity_note
            .map_or_else(|| self.default_severity.to_string(), str::to_string)
    }

    /// Runs a per-claim check (not `Load`/`Batch`).
    pub fn run(&self, ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
        match (&self.check, ctx.claim) {
            (Check::Claim(f), _) => f(ctx, out),
            (Check::Kinds { kinds, check, .. }, claim) if kinds.contains(&claim.kind()) => {
                check(ctx, out);
            }
            (Check::Cpor(f), Claim::Cpor(c)) => f(ctx, c, out),
            (Check::Coop(f), Claim::Coop(c)) => f(ctx, c, out),
            (Check::Plfunding(f), Claim::Plfunding(c)) => f(ctx, c, out),
            (Check::Score(f), Claim::Score(c)) => f(ctx, c, out),
            (Check::Por(f), Claim::Por(c)) => f(ctx, c, out),
            _ => {}
        }
    }
}

/// The rule table, in documentation order.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    any::RULES
        .iter()
        .chain(poe::RULES)
        .chain(crate::kinds::KINDS.iter().flat_map(|k| k.rules))
        .copied()
}

pub fn find(id: &str) -> Option<&'static Rule> {
    all().find(|r| r.id == id)
}

/// `docs/rules.md`, generated from the table (a test keeps it current).
pub fn markdown_reference() -> String {
    let mut md = String::from(
        "# Rules\n\n<!-- Generated from the rule table by `claimtool rules --markdown`; \
         do not edit. A test fails when this file is stale. -->\n\n\
         Every finding carries one of these ids. Override a rule's severity in \
         `claimtool.toml` (`[rules] id = \"error\" | \"warning\" | \"info\" | \"off\"`) \
         or with `--deny`, `--warn`, `--allow`.\n\n\
         Each rule names its sources: `G` is the Partner Center incentives guide \
         claimtool was made from, `F§n.m` an item of claimtool's digest of Microsoft's \
         documented Partner Center facts (with the Microsoft Learn page it rests on and \
         how sure it is), `R#n` one of the top reasons claims are rejected, from \
         claimtool's study of partners' tools and rejection reasons. Each is spelled \
         out under the rule.\n\n\
         | id | applies to | severity | summary |\n|---|---|---|---|\n",
    );
    for rule in all() {
        let _ = writeln!(
            md,
            "| [`{id}`](#{id}) | {} | {} | {} |",
            rule.scope(),
            rule.severity_text(),
            rule.summary.replace('|', "\\|"),
            id = rule.id
        );
    }
    for rule in all() {
        let _ = write!(
            md,
            "\n## {}\n\n*{}* · applies to {} · source: {}\n\n{}\n\n{}\n",
            rule.id,
            rule.severity_text(),
            rule.scope(),
            rule.source,
            rule.summary,
            rule.docs.trim()
        );
        md.push_str(&citations_markdown(rule.source));
    }
    md
}

/// The "Sources" list under a rule in docs/rules.md: each cited item in
/// words, with its page as a link.
fn citations_markdown(source: &str) -> String {
    let cited = sources::cite(source);
    if cited.is_empty() {
        return String::new();
    }
    let mut md = String::from("\nSources:\n\n");
    for c in cited {
        let _ = match c.url {
            Some(url) => writeln!(md, "- {}: {} ([Microsoft Learn]({url}))", c.token, c.text),
            None => writeln!(md, "- {}: {}", c.token, c.text),
        };
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for rule in all() {
            assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
            assert!(
                rule.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not kebab-case",
                rule.id
            );
            assert!(!rule.summary.is_empty(), "{} has no summary", rule.id);
            assert!(!rule.source.is_empty(), "{} names no source", rule.id);
            assert!(
                rule.docs.contains("fix"),
                "{} docs say nothing of the fix",
                rule.id
            );
        }
    }

    /// Every file of `src/rules/any/` is a rule in [`any::RULES`], and every
    /// file of `src/rules/poe/` one in [`poe::RULES`] (the kinds' rule
    /// folders are checked by `crate::kinds`' tests).
    #[test]
    fn every_rule_file_for_any_kind_and_poe_is_registered() {
        for (folder, table) in [("any", any::RULES), ("poe", poe::RULES)] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("src/rules")
                .join(folder);
            for entry in std::fs::read_dir(&dir).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                let Some(stem) = name.strip_suffix(".rs").filter(|s| *s != "mod") else {
                    continue;
                };
                let id = stem.replace('_', "-");
                assert!(
                    table.iter().any(|r| r.id == id),
                    "src/rules/{folder}/{name} ({id}) is not in {folder}::RULES"
                );
            }
        }
    }
}
