//! The claim kinds: one folder each, one [`KindSpec`] each, one list
//! ([`KINDS`]).
//!
//! A kind's folder (`src/kinds/<kind>/`) holds everything claimtool knows
//! about it: its model, facts (deadlines, windows, labels, lists), rules,
//! Partner Center guide and wizard. The shared machinery (engine, load,
//! decode, diag, report, bundle, checklist, wizard) knows no kind by name:
//! it reaches a kind through its entry here. The rule table
//! ([`crate::rules::all`]), guide lookup ([`crate::submit::guide_for`]), the
//! schema names, `claimtool init`'s examples and the per-kind keys of
//! `duplicate-claim` all come from [`KINDS`].
//!
//! Adding a kind: a new folder with a `SPEC`, one line in [`KINDS`], and
//! the `Kind`/`Claim` variants the compiler then asks for
//! (docs/architecture.md walks through it).

pub mod coop;
pub mod cpor;
pub mod plfunding;
pub mod por;
pub mod score;

use crate::checklist::Declarations;
use crate::model::{Claim, Kind};
use crate::rules::deadline::Due;
use crate::rules::{BatchKey, Rule, RuleCtx};
use crate::submit::KindGuide;
use crate::wizard::Script;

/// What the shared machinery needs to know of one kind.
pub struct KindSpec {
    pub kind: Kind,
    /// What a file of this kind is, in words ("CPOR claim").
    pub title: &'static str,
    /// The kind's rules, in documentation order.
    pub rules: &'static [&'static Rule],
    /// The claim's Partner Center guide (SUBMIT.md, checklist, claim.json),
    /// for kinds that are submitted.
    pub guide: fn(&Claim) -> Option<&dyn KindGuide>,
    /// The `<kind> new` wizard.
    pub wizard: &'static Script,
    /// The example `claimtool init` writes.
    pub example: Example,
    /// The kind's part of `duplicate-claim`: keys that are equal when two
    /// files claim the same thing.
    pub duplicate_keys: Option<fn(&RuleCtx<'_>, &mut Vec<BatchKey>)>,
    /// Reports of files the kind read besides the claims (`por`: its
    /// reseller list's own findings), added to a run's report.
    pub input_reports: Option<fn(&crate::rules::Env) -> Vec<crate::engine::FileReport>>,
    /// The kind's dated deadlines for a claim (`claimtool status`): calls
    /// the deadline rules' own `deadlines` functions, the computation their
    /// findings use ([`crate::rules::deadline`]).
    pub deadlines: fn(&RuleCtx<'_>, &mut Vec<Due>),
    /// Which of the kind's checklist rules judge only what the claim file
    /// declares about a document, and which read the documents: the
    /// checklist marks an item "declared" unless a reading rule verified it
    /// ([`crate::checklist::mark_declared`]).
    pub declarations: Declarations,
}

/// An example claim for `claimtool init`: `claims/<kind>-example.toml`
/// (a template whose `{{...}}` dates are filled in around today) and the
/// placeholder documents it names.
pub struct Example {
    pub template: &'static str,
    /// Each placeholder PDF: its path in the workspace and what the real
    /// document must show.
    pub documents: &'static [(&'static str, &'static str)],
    /// Other files the example needs (`por`: a small reseller list): path
    /// in the workspace and contents.
    pub files: &'static [(&'static str, &'static str)],
}

/// Every kind, in the order of the docs and the rule table.
pub static KINDS: &[&KindSpec] = &[
    &cpor::SPEC,
    &coop::SPEC,
    &plfunding::SPEC,
    &score::SPEC,
    &por::SPEC,
];

/// The entry of `kind` (an exhaustive match, so a new `Kind` variant
/// does not compile until it has one; a test checks it is also in [`KINDS`]).
pub fn spec(kind: Kind) -> &'static KindSpec {
    match kind {
        Kind::Cpor => &cpor::SPEC,
        Kind::Coop => &coop::SPEC,
        Kind::Plfunding => &plfunding::SPEC,
        Kind::Score => &score::SPEC,
        Kind::Por => &por::SPEC,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::decode::StrEnum;

    /// Like cargo's `ensure_updated_lints`: every `src/kinds/*` folder is a
    /// registered kind, every `Kind` has an entry, and every rule file of a
    /// kind's `rules/` folder is in that kind's rule list.
    #[test]
    fn every_kind_folder_and_rule_file_is_registered() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/kinds");
        let mut folders = Vec::new();
        for entry in std::fs::read_dir(&root).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                folders.push(entry.file_name().to_string_lossy().into_owned());
            }
        }
        folders.sort();
        let mut registered: Vec<String> =
            KINDS.iter().map(|s| s.kind.as_str().to_string()).collect();
        registered.sort();
        assert_eq!(folders, registered, "src/kinds/* folders vs KINDS");
        for kind in Kind::ALL {
            assert_eq!(spec(*kind).kind, *kind);
        }
        for spec in KINDS {
            let dir = root.join(spec.kind.as_str()).join("rules");
            for entry in std::fs::read_dir(&dir).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                let Some(stem) = name.strip_suffix(".rs") else {
                    continue;
                };
                if stem == "mod" {
                    continue;
                }
                let id = format!("{}{}", rule_prefix(spec.kind), stem.replace('_', "-"));
                assert!(
                    spec.rules.iter().any(|r| r.id == id),
                    "{}/{name} ({id}) is not in {}'s rule list",
                    dir.display(),
                    spec.kind.as_str()
                );
            }
        }
    }

    #[test]
    fn rule_ids_carry_their_kind_prefix() {
        for spec in KINDS {
            for rule in spec.rules {
                assert!(
                    rule.id.starts_with(rule_prefix(spec.kind)),
                    "{} is not a {} rule id",
                    rule.id,
                    rule_prefix(spec.kind)
                );
            }
        }
    }

    /// `cpor-`, `coop-`, `plf-`, `score-`.
    fn rule_prefix(kind: Kind) -> &'static str {
        match kind {
            Kind::Cpor => "cpor-",
            Kind::Coop => "coop-",
            Kind::Plfunding => "plf-",
            Kind::Score => "score-",
            Kind::Por => "por-",
        }
    }
}
