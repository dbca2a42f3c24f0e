//! Running the rules over files: the heart of `validate`, the wizards and
//! `bundle`, which all call [`check_loaded`] so that a rule has one copy.
//!
//! Flow: paths → [`crate::load`] (in parallel, one file per task) → the
//! per-claim rules of the table → the cross-file (batch) rules → the user's
//! severity overrides → findings sorted by position. The result is a
//! [`Report`] that every reporter (human, JSON, CI formats) renders.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::diag::{Finding, Overrides, Severity};
use crate::load::{Loaded, load_path};
use crate::model::{Claim, Kind};
use crate::rules::{self, BatchFile, Check, Env, RuleCtx};
use crate::source::SourceFile;

/// The outcome for one file.
#[derive(Debug)]
pub struct FileReport {
    pub source: SourceFile,
    pub kind: Option<Kind>,
    pub claim: Option<Claim>,
    /// Sorted by position, after overrides.
    pub findings: Vec<Finding>,
}

/// `ok`, `warning` or `error`: the worst finding, info never counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Ok,
    Warning,
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warning => "warning",
            Status::Error => "error",
        }
    }
}

impl FileReport {
    pub fn status(&self) -> Status {
        match self.findings.iter().map(|f| f.severity).max() {
            Some(Severity::Error) => Status::Error,
            Some(Severity::Warning) => Status::Warning,
            _ => Status::Ok,
        }
    }
}

/// The outcome of one run.
#[derive(Debug)]
pub struct Report {
    pub files: Vec<FileReport>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.files.iter().any(|f| f.status() == Status::Error)
    }

    pub fn count(&self, status: Status) -> usize {
        self.files.iter().filter(|f| f.status() == status).count()
    }
}

/// A file to check: how reports name it, and where to read it.
#[derive(Debug, Clone)]
pub struct Input {
    pub display: String,
    pub path: PathBuf,
}

/// Loads and checks `inputs` in parallel, then runs the cross-file rules.
/// An `Err` names a file that could not be read at all.
pub fn check_paths(
    inputs: &[Input],
    env: &Env,
    overrides: &Overrides,
) -> Result<Report, (String, std::io::Error)> {
    let loaded: Vec<Loaded> = inputs
        .par_iter()
        .map(|input| load_path(&input.path, &input.display).map_err(|e| (input.display.clone(), e)))
        .collect::<Result<_, _>>()?;
    Ok(check_loaded(loaded, env, overrides))
}

/// The fields the loader reported as written but unreadable (`wrong-type`).
pub fn unreadable_fields(load_findings: &[Finding]) -> Vec<String> {
    load_findings
        .iter()
        .filter(|f| f.rule == rules::any::wrong_type::RULE.id)
        .filter_map(|f| f.field.clone())
        .collect()
}

/// Checks already loaded files (the wizard loads its draft from memory).
pub fn check_loaded(loaded: Vec<Loaded>, env: &Env, overrides: &Overrides) -> Report {
    let mut files: Vec<FileReport> = loaded
        .into_par_iter()
        .map(|l| {
            let mut findings = l.findings;
            if let Some(claim) = &l.claim {
                let unreadable = unreadable_fields(&findings);
                let ctx = RuleCtx {
                    file: &l.source,
                    claim,
                    env,
                    unreadable: &unreadable,
                };
                for rule in rules::all() {
                    rule.run(&ctx, &mut findings);
                }
            }
            FileReport {
                source: l.source,
                kind: l.kind,
                claim: l.claim,
                findings,
            }
        })
        .collect();

    let batch: Vec<(usize, BatchFile<'_>)> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            f.claim.as_ref().map(|claim| {
                (
                    i,
                    BatchFile {
                        file: &f.source,
                        claim,
                    },
                )
            })
        })
        .collect();
    let (indices, batch_files): (Vec<usize>, Vec<BatchFile<'_>>) = batch.into_iter().unzip();
    let mut cross = Vec::new();
    for rule in rules::all() {
        if let Check::Batch(f) = rule.check {
            f(&batch_files, env, &mut cross);
        }
    }
    drop(batch_files);
    for (i, finding) in cross {
        files[indices[i]].findings.push(finding);
    }

    for file in &mut files {
        let findings = std::mem::take(&mut file.findings);
        file.findings = findings
            .into_iter()
            .filter_map(|f| overrides.apply(f))
            .collect();
        file.findings.sort_by(|a, b| {
            let pos = |f: &Finding| f.span.as_ref().map_or(usize::MAX, |s| s.start);
            pos(a).cmp(&pos(b)).then_with(|| a.rule.cmp(b.rule))
        });
    }
    Report { files }
}
