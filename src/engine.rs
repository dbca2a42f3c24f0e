//! Running the rules over files: the heart of `validate`, the wizards and
//! `bundle`, which all call [`check_loaded`] so that a rule has one copy.
//!
//! Flow: paths → [`crate::load`] (in parallel, one file per task) → the
//! per-claim rules of the table → the cross-file (batch) rules, which judge
//! the 128-bit hashes of each claim's keys ([`BatchKeys`]) and give
//! [`Verdict`]s, put in words with the keys' texts afterwards → the user's
//! severity overrides → findings sorted by position. The result is a
//! [`Report`] that every reporter (human, JSON, CI formats) renders, through
//! [`ReportSource`]. `validate` runs the same steps through
//! [`crate::streamed`], which keeps each file's report in a temporary file
//! instead of a [`Report`].

use std::path::PathBuf;

use rayon::prelude::*;

use crate::diag::{Finding, Overrides, Severity};
use crate::load::{Loaded, load_input};
use crate::model::{Claim, Kind};
use crate::rules::{self, BatchCheck, BatchKey, BatchKeys, Check, Env, RuleCtx, Verdict};
use crate::source::{Position, SourceFile};

/// The outcome for one file.
#[derive(Debug)]
pub struct FileReport {
    pub source: SourceFile,
    pub kind: Option<Kind>,
    /// Boxed: a claim is large, and most reports (validate) drop it.
    pub claim: Option<Box<Claim>>,
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
    /// Where a finding of this file is in lines and columns.
    pub fn position(&self, finding: &Finding) -> Option<Position> {
        finding
            .position
            .or_else(|| finding.span.as_ref().map(|span| self.source.position(span)))
    }

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

/// How many files a report has, and how many of them are in each status:
/// what the reporters write before the files (JUnit) or after them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub files: usize,
    pub ok: usize,
    pub warnings: usize,
    pub errors: usize,
}

impl Counts {
    pub fn add(&mut self, status: Status) {
        self.files += 1;
        match status {
            Status::Ok => self.ok += 1,
            Status::Warning => self.warnings += 1,
            Status::Error => self.errors += 1,
        }
    }
}

/// What every reporter writes from: the counts, then each file's report in
/// order, one at a time. A [`Report`] holds them all; a
/// [`crate::streamed::Streamed`] run reads each back from its temporary
/// file when it is asked for, so a reporter holds one file at a time.
pub trait ReportSource {
    fn counts(&self) -> Counts;
    /// Calls `each` on every file's report in order, stopping at the
    /// first error.
    fn each_file(
        &self,
        each: &mut dyn FnMut(&FileReport) -> std::io::Result<()>,
    ) -> std::io::Result<()>;

    /// Turns every file's report into bytes with `render` and hands them
    /// to `each` in file order, stopping at the first error. A source
    /// that can renders many files at once on the thread pool (a streamed
    /// run does: writing the report was a fifth of a folder check, done on
    /// one core); by default one at a time, through [`Self::each_file`].
    fn each_rendered(
        &self,
        render: &(dyn Fn(&FileReport) -> Vec<u8> + Sync),
        each: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        self.each_file(&mut |file| each(&render(file)))
    }
}

impl ReportSource for Report {
    fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for file in &self.files {
            counts.add(file.status());
        }
        counts
    }

    fn each_file(
        &self,
        each: &mut dyn FnMut(&FileReport) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        self.files.iter().try_for_each(each)
    }
}

/// A file to check: how reports name it, and where to read it.
#[derive(Debug, Clone)]
pub struct Input {
    pub display: String,
    pub path: PathBuf,
    /// Whether the caller has just seen a regular file at `path` (a folder
    /// walk's entry, a file checked on the command line): it is then opened
    /// without being looked up again ([`crate::fsutil::read_bounded_regular`]).
    pub regular: bool,
}

/// What a report keeps of each file besides its findings.
#[derive(Debug, Clone, Copy)]
pub struct Keep {
    /// The decoded claim (bundles and checklists render it).
    pub claims: bool,
    /// The file's text (the human report quotes the lines; `<kind>
    /// validate` looks up `kind`). Without it, each finding's line and
    /// column are counted while the text is at hand and the text is let go.
    pub sources: bool,
}

impl Keep {
    /// Texts and claims: what the wizards, bundles and checklists need.
    pub const ALL: Keep = Keep {
        claims: true,
        sources: true,
    };
}

/// Loads and checks `inputs` in parallel, then runs the cross-file rules.
/// Each file is loaded, checked and reduced to its report in one step, so
/// only reports (not parsed claims) are held. An `Err` names a file that
/// could not be read at all.
pub fn check_paths(
    inputs: &[Input],
    env: &Env,
    overrides: &Overrides,
) -> Result<Report, (String, std::io::Error)> {
    let keep = Keep {
        claims: false,
        sources: true,
    };
    check_paths_with_progress(inputs, env, overrides, keep, &|| {})
}

/// [`check_paths`], keeping each report's decoded claim (for bundles and
/// checklists, which render it).
pub fn check_paths_keeping_claims(
    inputs: &[Input],
    env: &Env,
    overrides: &Overrides,
) -> Result<Report, (String, std::io::Error)> {
    check_paths_with_progress(inputs, env, overrides, Keep::ALL, &|| {})
}

/// [`check_paths`] keeping what `keep` says, and calling `on_checked` after
/// each file (from any thread), for a progress bar. With
/// `keep.sources == false` a report holds only paths and findings, so
/// memory grows little with the size of the folder.
pub fn check_paths_with_progress(
    inputs: &[Input],
    env: &Env,
    overrides: &Overrides,
    keep: Keep,
    on_checked: &(dyn Fn() + Sync),
) -> Result<Report, (String, std::io::Error)> {
    check_paths_and_files_extracting(
        inputs,
        Vec::new(),
        env,
        overrides,
        keep,
        on_checked,
        &|_| (),
    )
    .map(|(r, _)| r)
}

/// [`check_paths_with_progress`], plus files that hold several claims
/// (an orders CSV), already checked by their kind's reader: they take part
/// in the cross-file rules and come after `inputs` in the report. The
/// reports of files the kinds read besides the claims (a reseller list's
/// own findings) come last.
pub fn check_paths_and_files(
    inputs: &[Input],
    multi: Vec<MultiFile>,
    env: &Env,
    overrides: &Overrides,
    keep: Keep,
    on_checked: &(dyn Fn() + Sync),
) -> Result<Report, (String, std::io::Error)> {
    check_paths_and_files_extracting(inputs, multi, env, overrides, keep, on_checked, &|_| ())
        .map(|(r, _)| r)
}

/// A report and, for each of its files, what the extractor took from its
/// claim.
pub type Extracted<T> = (Report, Vec<Option<T>>);

/// [`check_paths_with_progress`], also calling `extract` on each decoded
/// claim while it is at hand (in parallel, after the file's own rules): what
/// it returns is kept, in the order of [`Report::files`] (`None` for a file
/// without a claim), and the claim can be let go. `claimtool status` takes
/// each claim's deadlines and amount this way, so 10,000 claims are never
/// held at once.
pub fn check_paths_extracting<T: Send + Sync>(
    inputs: &[Input],
    env: &Env,
    overrides: &Overrides,
    keep: Keep,
    on_checked: &(dyn Fn() + Sync),
    extract: &(dyn Fn(&RuleCtx<'_>) -> T + Sync),
) -> Result<Extracted<T>, (String, std::io::Error)> {
    check_paths_and_files_extracting(
        inputs,
        Vec::new(),
        env,
        overrides,
        keep,
        on_checked,
        extract,
    )
}

/// The one walk behind the functions above: every input file, the
/// several-claims files, the cross-file rules, the kinds' own input reports.
fn check_paths_and_files_extracting<T: Send + Sync>(
    inputs: &[Input],
    multi: Vec<MultiFile>,
    env: &Env,
    overrides: &Overrides,
    keep: Keep,
    on_checked: &(dyn Fn() + Sync),
    extract: &(dyn Fn(&RuleCtx<'_>) -> T + Sync),
) -> Result<Extracted<T>, (String, std::io::Error)> {
    let mut checked: Vec<Checked<T>> = inputs
        .par_iter()
        .filter_map(|input| {
            let loaded = match load_input(input) {
                Ok(loaded) => loaded,
                Err(e) => return Some(Err((input.display.clone(), e))),
            };
            let checked = (!loaded.is_catalog).then(|| check_one(loaded, env, keep, extract));
            on_checked();
            checked.map(Ok)
        })
        .collect::<Result<_, _>>()?;
    checked.extend(multi.into_iter().map(|m| Checked {
        report: m.report,
        units: m.units,
        extracted: None,
    }));
    let (mut report, extracted) = finish(checked, overrides);
    for mut file in input_reports(env, overrides) {
        if !keep.sources {
            file.source.text = String::new();
        }
        report.files.push(file);
    }
    Ok((report, extracted))
}

/// The reports of the files the kinds read besides the claims
/// ([`crate::kinds::KindSpec::input_reports`]: a reseller list), overrides
/// applied; every run appends them after the claims.
pub(crate) fn input_reports(env: &Env, overrides: &Overrides) -> Vec<FileReport> {
    let mut reports = Vec::new();
    for spec in crate::kinds::KINDS {
        for mut file in spec.input_reports.map_or_else(Vec::new, |f| f(env)) {
            file.findings = std::mem::take(&mut file.findings)
                .into_iter()
                .filter_map(|f| overrides.apply(f))
                .collect();
            reports.push(file);
        }
    }
    reports
}

/// Checks already loaded files (the wizard loads its draft from memory);
/// the reports keep their decoded claims for bundles and checklists.
pub fn check_loaded(loaded: Vec<Loaded>, env: &Env, overrides: &Overrides) -> Report {
    let checked = loaded
        .into_par_iter()
        .map(|l| check_one(l, env, Keep::ALL, &|_| ()))
        .collect();
    finish(checked, overrides).0
}

/// A file after its own rules: the report, what each of its claims
/// contributed to the cross-file rules, and what [`check_paths_extracting`]'s
/// `extract` took from its claim.
pub(crate) struct Checked<T> {
    pub(crate) report: FileReport,
    pub(crate) units: Vec<Unit>,
    pub(crate) extracted: Option<T>,
}

/// One claim's part in the cross-file rules: its keys for each of them (in
/// the order of [`batch_rules`]), and how their findings name it when the
/// file holds several claims (`orders.csv line 12`).
#[derive(Debug)]
pub struct Unit {
    pub display: Option<String>,
    pub keys: Vec<Vec<BatchKey>>,
}

/// A file holding several claims (a CSV of orders), checked by its kind's
/// reader with [`check_claim`]: its report and one [`Unit`] per claim.
#[derive(Debug)]
pub struct MultiFile {
    pub report: FileReport,
    pub units: Vec<Unit>,
}

/// Runs every per-claim rule on one claim into `findings`, and returns its
/// keys for each cross-file rule (their positions are the caller's to set).
pub fn check_claim(ctx: &RuleCtx<'_>, findings: &mut Vec<Finding>) -> Vec<Vec<BatchKey>> {
    for rule in rules::all() {
        rule.run(ctx, findings);
    }
    let mut all: Vec<Vec<BatchKey>> = batch_rules()
        .map(|b| {
            let mut keys = Vec::new();
            (b.collect)(ctx, &mut keys);
            // A first push reserves room for four keys; most claims have
            // one, and a 100,000-row orders CSV keeps them all.
            keys.shrink_to_fit();
            keys
        })
        .collect();
    all.shrink_to_fit();
    all
}

pub(crate) fn batch_rules() -> impl Iterator<Item = &'static BatchCheck> {
    rules::all().filter_map(|r| match &r.check {
        Check::Batch(b) => Some(b),
        _ => None,
    })
}

pub(crate) fn check_one<T>(
    l: Loaded,
    env: &Env,
    keep: Keep,
    extract: &(dyn Fn(&RuleCtx<'_>) -> T + Sync),
) -> Checked<T> {
    let mut findings = l.findings;
    let mut batch_keys = Vec::new();
    let mut extracted = None;
    if let Some(claim) = &l.claim {
        let unreadable = unreadable_fields(&findings);
        let ctx = RuleCtx::new(&l.source, claim, env, &unreadable);
        batch_keys = check_claim(&ctx, &mut findings);
        extracted = Some(extract(&ctx));
    }
    findings.shrink_to_fit();
    let mut source = l.source;
    let has_keys = batch_keys.iter().any(|keys| !keys.is_empty());
    let to_place = !keep.sources && findings.iter().any(|f| f.span.is_some());
    if has_keys || to_place {
        let lines = source.lines();
        for key in batch_keys.iter_mut().flatten() {
            key.position = Some(lines.position(&key.span));
        }
        if to_place {
            for finding in &mut findings {
                if let Some(span) = &finding.span {
                    finding.position = Some(lines.position(span));
                }
            }
        }
    }
    if !keep.sources {
        source.text = String::new();
    }
    Checked {
        report: FileReport {
            source,
            kind: l.kind,
            claim: if keep.claims {
                l.claim.map(Box::new)
            } else {
                None
            },
            findings,
        },
        units: vec![Unit {
            display: None,
            keys: batch_keys,
        }],
        extracted,
    }
}

/// Runs each cross-file rule's judge over its table (in parallel: they
/// judge independently, and with thousands of files none is negligible):
/// the verdicts of each rule, in the order of [`batch_rules`].
pub(crate) fn judge_all(tables: &[BatchKeys]) -> Vec<Vec<Verdict>> {
    let judges: Vec<&BatchCheck> = batch_rules().collect();
    judges
        .par_iter()
        .zip(tables)
        .map(|(rule, table)| {
            let mut found = Vec::new();
            (rule.judge)(table, &mut found);
            found
        })
        .collect()
}

/// The order of a file's findings: by position, then rule (stable, so
/// the cross-file findings stay after the file's own at one place).
pub(crate) fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        let pos = |f: &Finding| f.span.as_ref().map_or(usize::MAX, |s| s.start);
        pos(a).cmp(&pos(b)).then_with(|| a.rule.cmp(b.rule))
    });
}

/// Runs the cross-file rules, applies the overrides, sorts the findings.
fn finish<T: Send + Sync>(
    checked: Vec<Checked<T>>,
    overrides: &Overrides,
) -> (Report, Vec<Option<T>>) {
    let rules: Vec<&BatchCheck> = batch_rules().collect();
    // One entry per claim; `owner` maps it back to its file, `unit` to
    // its keys and name.
    let mut tables: Vec<BatchKeys> = rules.iter().map(|_| BatchKeys::default()).collect();
    let mut units: Vec<(usize, &Unit)> = Vec::new();
    for (i, c) in checked.iter().enumerate() {
        for u in &c.units {
            for (n, table) in tables.iter_mut().enumerate() {
                table.push(u.keys.get(n).into_iter().flatten().map(|k| k.key));
            }
            units.push((i, u));
        }
    }
    let verdicts = judge_all(&tables);
    let display = |entry: usize| {
        let (i, u) = units[entry];
        u.display
            .as_deref()
            .unwrap_or(&checked[i].report.source.display)
    };
    let mut cross: Vec<(usize, Finding)> = Vec::new();
    for (n, (rule, verdicts)) in rules.iter().zip(verdicts).enumerate() {
        for v in verdicts {
            let (i, u) = units[v.entry as usize];
            let key = &u.keys[n][v.key as usize];
            let finding = (rule.finding)(key, display(v.other as usize), v.count as usize);
            cross.push((i, finding));
        }
    }
    drop(units);
    let (mut files, extracted): (Vec<FileReport>, Vec<Option<T>>) = checked
        .into_par_iter()
        .map(|c| (c.report, c.extracted))
        .unzip();
    // Each file's findings were shrunk to fit: room for exactly its
    // cross-file findings, not the doubling a first `push` would reserve
    // (10,000 files: megabytes of spare capacity held until the report is
    // written).
    let mut extra = vec![0usize; files.len()];
    for (i, _) in &cross {
        extra[*i] += 1;
    }
    for (file, n) in files.iter_mut().zip(extra) {
        file.findings.reserve_exact(n);
    }
    for (i, finding) in cross {
        files[i].findings.push(finding);
    }
    files.par_iter_mut().for_each(|file| {
        let findings = std::mem::take(&mut file.findings);
        file.findings = findings
            .into_iter()
            .filter_map(|f| overrides.apply(f))
            .collect();
        // The cross-file findings pushed above doubled the room of most
        // files' lists (kept by the in-place collect): give it back, it is
        // held until the whole report is written.
        file.findings.shrink_to_fit();
        sort_findings(&mut file.findings);
    });
    (Report { files }, extracted)
}

/// For `<kind> validate` (and bundle, checklist, score): a file of another
/// kind is an `unknown-kind` error at its `kind` value, subject to the
/// overrides like every finding.
pub fn flag_other_kinds(report: &mut Report, expected: Kind, overrides: &Overrides) {
    for file in &mut report.files {
        if let Some(finding) = other_kind(file.kind, &file.source.text, expected, overrides) {
            file.findings.insert(0, finding);
        }
    }
}

/// The `unknown-kind` finding of a file of kind `found` (with the text
/// `text`) checked as `expected`, overrides applied; `None` when the kinds
/// agree or the rule is off.
pub(crate) fn other_kind(
    found: Option<Kind>,
    text: &str,
    expected: Kind,
    overrides: &Overrides,
) -> Option<Finding> {
    use crate::decode::StrEnum;
    let found = found.filter(|&k| k != expected)?;
    let span = crate::toml_tree::parse(text)
        .ok()
        .and_then(|doc| doc.get("kind").map(crate::toml_tree::Node::span));
    let mut finding = Finding::new(
        &rules::any::unknown_kind::RULE,
        format!(
            "this is a {} claim, not {}",
            found.as_str(),
            expected.as_str()
        ),
    )
    .field("kind")
    .label(format!("kind is \"{}\"", found.as_str()))
    .help(format!(
        "check it with `claimtool {} validate` or `claimtool validate`",
        found.as_str()
    ));
    finding.span = span;
    overrides.apply(finding)
}

/// The fields the loader reported as written but unreadable (`wrong-type`).
pub fn unreadable_fields(load_findings: &[Finding]) -> Vec<String> {
    load_findings
        .iter()
        .filter(|f| f.rule == rules::any::wrong_type::RULE.id)
        .filter_map(|f| f.field.clone())
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::config::Config;
    use chrono::NaiveDate;

    /// Every rule fixture checked and held in memory as `validate
    /// --format json` keeps it (texts let go), on 2026-11-26: what the
    /// reporters' tests render.
    pub(crate) fn fixture_report() -> Report {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let env = Env::new(Config::default(), today);
        let keep = Keep {
            claims: false,
            sources: false,
        };
        check_paths_with_progress(&fixture_inputs(), &env, &Overrides::default(), keep, &|| {})
            .unwrap()
    }

    /// Every rule fixture (each rule's failing files included), as inputs
    /// (also the streamed run's tests).
    pub(crate) fn fixture_inputs() -> Vec<Input> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
        let mut inputs: Vec<Input> = walkdir::WalkDir::new(&root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && e.path().extension() == Some("toml".as_ref()))
            .map(|e| Input {
                display: e.path().display().to_string(),
                path: e.path().to_path_buf(),
                regular: false,
            })
            .collect();
        inputs.sort_by(|a, b| a.path.cmp(&b.path));
        inputs
    }

    #[test]
    fn letting_texts_go_keeps_every_line_and_column() {
        let inputs = fixture_inputs();
        assert!(inputs.len() > 100, "the rule fixtures were not found");
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let check = |sources| {
            let env = Env::new(Config::default(), today);
            let keep = Keep {
                claims: false,
                sources,
            };
            check_paths_with_progress(&inputs, &env, &Overrides::default(), keep, &|| {}).unwrap()
        };
        let (kept, let_go) = (check(true), check(false));
        assert!(let_go.files.iter().all(|f| f.source.text.is_empty()));
        assert!(kept.files.iter().any(|f| !f.source.text.is_empty()));
        // Positions were taken for per-file findings and for cross-file
        // ones (pointed at from their keys) alike.
        for rule in ["cpor-tenant-id", "document-reused", "duplicate-claim"] {
            assert!(
                let_go
                    .files
                    .iter()
                    .flat_map(|f| &f.findings)
                    .any(|f| f.rule == rule && f.position.is_some()),
                "{rule}"
            );
        }
        assert_eq!(
            crate::report::json::value(&kept, today),
            crate::report::json::value(&let_go, today)
        );
        assert_eq!(
            crate::report::sarif::render(&kept),
            crate::report::sarif::render(&let_go)
        );
        assert_eq!(
            crate::report::junit::render(&kept),
            crate::report::junit::render(&let_go)
        );
        assert_eq!(
            crate::report::ci::github(&kept),
            crate::report::ci::github(&let_go)
        );
        assert_eq!(
            crate::report::ci::azure(&kept),
            crate::report::ci::azure(&let_go)
        );
    }
}
