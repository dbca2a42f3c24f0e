//! `validate` of a folder, with memory that grows by about 0.2 KiB a file
//! instead of 3 (issue 16): each file's report is written to a temporary
//! file as soon as it is checked ([`crate::spill`]) and read back, one file
//! at a time, while the reporter writes.
//!
//! Data flow: the inputs' names are kept as one text (`Names`), each
//! input made whole again only while it is checked. The inputs are checked in chunks of `CHUNK` files, the
//! files of a chunk in parallel (`engine::check_one`, the same per-file
//! step as every other command). Each file leaves behind, in memory, only
//! its status, the index of its input and the 128-bit hashes of its
//! cross-file keys ([`crate::rules::BatchKeys`]); everything else (findings, the
//! text the human report quotes, the words and places of its keys) goes to
//! the spill, in file order. The judges then run over the hashes and give
//! verdicts (which key of which file collided, with which other file, in a
//! group of how many), a few bytes each; each file's status takes its
//! verdicts' severity in. When the reporter asks for the files
//! ([`ReportSource::each_file`]), each is read back, its verdicts are put
//! in words (the key's words are in its record, the other file's name in
//! the inputs), overrides applied, findings sorted: the same
//! [`FileReport`] the in-memory [`engine::Report`] would hold. The
//! reporters ask through [`ReportSource::each_rendered`]: a chunk of
//! records is read in order, then made into reports and rendered on the
//! thread pool while this thread writes the chunk before it and reads the
//! chunk after it; the bytes are written in order.

use std::io;
use std::sync::Mutex;

use rayon::prelude::*;

use crate::diag::{Finding, Overrides, Severity};
use crate::engine::{self, Counts, FileReport, Input, Keep, ReportSource, Status};
use crate::model::Kind;
use crate::rules::{BatchCheck, BatchKeys, Env};
use crate::source::SourceFile;
use crate::spill::{self, Record, Spill, SpillReader};

/// Files checked together before their records are written: enough for
/// both cores to stay busy, few enough that their records are small.
const CHUNK: usize = 512;

/// Why a streamed run stopped.
#[derive(Debug)]
pub enum Failure {
    /// A file could not be read (its display name).
    Read(String, io::Error),
    /// The temporary file could not be written.
    Spill(io::Error),
}

/// What to keep and flag; see [`check_paths`].
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Keep each file's text (the human report quotes the lines).
    pub sources: bool,
    /// `<kind> validate`: files of another kind get an `unknown-kind`
    /// finding first (as [`engine::flag_other_kinds`] gives them).
    pub expected: Option<Kind>,
}

/// A checked run whose reports wait in a temporary file.
pub struct Streamed<'a> {
    inputs: Names,
    overrides: &'a Overrides,
    /// Per checked file: its input's index.
    input_of: Vec<u32>,
    /// Per checked file: its status, its own findings' and its verdicts'.
    status: Vec<Status>,
    /// The verdicts, sorted by file: (file, rule, key, other file, count),
    /// the rule as its index in [`engine::batch_rules`].
    verdicts: Vec<[u32; 5]>,
    /// The reports of files the kinds read besides the claims (a reseller
    /// list), few and small: held, written after the others.
    extra: Vec<FileReport>,
    reader: Mutex<Option<SpillReader>>,
}

/// Checks `inputs` as [`engine::check_paths_with_progress`] does, writing
/// each file's report to a temporary file.
///
/// # Errors
/// A file that could not be read at all, or a temporary file that could
/// not be written.
pub fn check_paths<'a>(
    inputs: Vec<Input>,
    env: &Env,
    overrides: &'a Overrides,
    options: Options,
    on_checked: &(dyn Fn() + Sync),
) -> Result<Streamed<'a>, Failure> {
    let rules: Vec<&BatchCheck> = engine::batch_rules().collect();
    let mut tables: Vec<BatchKeys> = rules.iter().map(|_| BatchKeys::default()).collect();
    let mut input_of = Vec::new();
    let mut status = Vec::new();
    let mut spill = Spill::new();
    let mut bytes = Vec::new();
    // The inputs as one text (a display name and a path each would be
    // 200,000 allocations for 100,000 files, the largest part of what
    // such a run holds); each is made whole again only while it is checked.
    let inputs = Names::new(inputs);
    for start in (0..inputs.len()).step_by(CHUNK) {
        let chunk = start..inputs.len().min(start + CHUNK);
        let checked: Vec<Option<Spilled>> = chunk
            .into_par_iter()
            .map(|i| {
                let spilled = check_one(&inputs.get(i), env, overrides, options);
                on_checked();
                spilled
            })
            .collect::<Result<_, _>>()?;
        bytes.clear();
        for (i, one) in checked.into_iter().enumerate() {
            let Some(one) = one else { continue };
            bytes.extend_from_slice(&one.bytes);
            // A file without a claim has no keys, but an entry all the same.
            for (n, table) in tables.iter_mut().enumerate() {
                table.push(one.hashes.get(n).into_iter().flatten().copied());
            }
            input_of.push(u32::try_from(start + i).unwrap_or(u32::MAX));
            status.push(one.status);
        }
        spill.append(&bytes).map_err(Failure::Spill)?;
    }
    tables.iter_mut().for_each(BatchKeys::shrink_to_fit);
    let verdicts = verdicts(&rules, &tables, &mut status, overrides);
    drop(tables);
    let extra = extra_reports(env, overrides, options);
    let reader = spill.reader().map_err(Failure::Spill)?;
    Ok(Streamed {
        inputs,
        overrides,
        input_of,
        status,
        verdicts,
        extra,
        reader: Mutex::new(Some(reader)),
    })
}

/// The inputs' display names end to end in one text, and their paths:
/// most paths are their display name (or `./` and it), so only the others
/// are kept apart.
struct Names {
    text: String,
    ends: Vec<u32>,
    /// Per input: 0, the path is the display name; 1, it is `./` and the
    /// display name; 2, it is in `paths`; plus [`Names::REGULAR`] when the
    /// input is known to be a regular file ([`Input::regular`]).
    how: Vec<u8>,
    paths: std::collections::HashMap<usize, std::path::PathBuf>,
}

impl Names {
    const REGULAR: u8 = 4;

    fn new(inputs: Vec<Input>) -> Names {
        let mut names = Names {
            text: String::with_capacity(inputs.iter().map(|i| i.display.len()).sum()),
            ends: Vec::with_capacity(inputs.len()),
            how: Vec::with_capacity(inputs.len()),
            paths: std::collections::HashMap::new(),
        };
        for (i, input) in inputs.into_iter().enumerate() {
            names.text.push_str(&input.display);
            names
                .ends
                .push(u32::try_from(names.text.len()).unwrap_or(u32::MAX));
            let path = input.path.to_str();
            let how = if path == Some(input.display.as_str()) {
                0
            } else if path.and_then(|p| p.strip_prefix("./")) == Some(input.display.as_str()) {
                1
            } else {
                names.paths.insert(i, input.path);
                2
            };
            names
                .how
                .push(how | if input.regular { Names::REGULAR } else { 0 });
        }
        names
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn display(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        &self.text[start..self.ends[i] as usize]
    }

    fn get(&self, i: usize) -> Input {
        let display = self.display(i).to_string();
        let how = self.how[i];
        let path = match how & !Names::REGULAR {
            0 => std::path::PathBuf::from(&display),
            1 => std::path::PathBuf::from(format!("./{display}")),
            _ => self.paths.get(&i).cloned().unwrap_or_default(),
        };
        Input {
            display,
            path,
            regular: how & Names::REGULAR != 0,
        }
    }
}

/// One checked file: its record, encoded; its status; its keys' hashes.
struct Spilled {
    bytes: Vec<u8>,
    status: Status,
    hashes: Vec<Vec<u128>>,
}

fn check_one(
    input: &Input,
    env: &Env,
    overrides: &Overrides,
    options: Options,
) -> Result<Option<Spilled>, Failure> {
    let loaded =
        crate::load::load_input(input).map_err(|e| Failure::Read(input.display.clone(), e))?;
    if loaded.is_catalog {
        return Ok(None);
    }
    let keep = Keep {
        claims: false,
        sources: options.sources || options.expected.is_some(),
    };
    let checked = engine::check_one(loaded, env, keep, &|_| ());
    let report = checked.report;
    let lead = options.expected.and_then(|expected| {
        engine::other_kind(report.kind, &report.source.text, expected, overrides)
    });
    let findings: Vec<Finding> = report
        .findings
        .into_iter()
        .filter_map(|f| overrides.apply(f))
        .collect();
    let worst = lead.iter().chain(&findings).map(|f| f.severity).max();
    let keys = checked
        .units
        .into_iter()
        .next()
        .map(|u| u.keys)
        .unwrap_or_default();
    let hashes = keys
        .iter()
        .map(|keys| keys.iter().map(|k| k.key).collect())
        .collect();
    let record = Record {
        kind: report.kind,
        // Empty unless kept above: then the reporters count each finding's
        // line and column from it.
        text: report.source.text,
        lead,
        findings,
        keys,
    };
    let mut bytes = Vec::new();
    spill::encode(&record, &mut bytes);
    Ok(Some(Spilled {
        bytes,
        status: status_of(worst),
        hashes,
    }))
}

fn status_of(worst: Option<Severity>) -> Status {
    match worst {
        Some(Severity::Error) => Status::Error,
        Some(Severity::Warning) => Status::Warning,
        _ => Status::Ok,
    }
}

/// Judges the keys, keeps the verdicts whose rule is not switched off
/// (sorted by file, each rule's in its judge's order) and takes their
/// severity into each file's status.
fn verdicts(
    rules: &[&BatchCheck],
    tables: &[BatchKeys],
    status: &mut [Status],
    overrides: &Overrides,
) -> Vec<[u32; 5]> {
    let judged = engine::judge_all(tables);
    let ids: Vec<&crate::rules::Rule> = crate::rules::all()
        .filter(|r| matches!(r.check, crate::rules::Check::Batch(_)))
        .collect();
    debug_assert_eq!(ids.len(), rules.len());
    let mut all = Vec::with_capacity(judged.iter().map(Vec::len).sum());
    for (n, verdicts) in judged.into_iter().enumerate() {
        // A cross-file finding has its rule's default severity; the
        // overrides decide the rest, as they will for the finding itself.
        let probe = Finding::new(ids[n], String::new());
        let Some(severity) = overrides.apply(probe).map(|f| f.severity) else {
            continue;
        };
        for v in verdicts {
            let file = v.entry as usize;
            status[file] = status[file].max(status_of(Some(severity)));
            let rule = u32::try_from(n).unwrap_or(u32::MAX);
            all.push([v.entry, rule, v.key, v.other, v.count]);
        }
    }
    // Stable: a file's verdicts stay in rule order, then judge order.
    all.sort_by_key(|v| v[0]);
    all
}

/// The kinds' own input reports ([`engine::input_reports`]), flagged as
/// [`engine::flag_other_kinds`] would for `<kind> validate`.
fn extra_reports(env: &Env, overrides: &Overrides, options: Options) -> Vec<FileReport> {
    let mut extra = engine::input_reports(env, overrides);
    for file in &mut extra {
        if let Some(expected) = options.expected
            && let Some(f) = engine::other_kind(file.kind, &file.source.text, expected, overrides)
        {
            file.findings.insert(0, f);
        }
        if !options.sources && options.expected.is_none() {
            file.source.text = String::new();
        }
    }
    extra
}

impl Streamed<'_> {
    pub fn has_errors(&self) -> bool {
        self.counts().errors > 0
    }

    /// The reader of the temporary file: a run's report is written once,
    /// so a second call is an error.
    fn take_reader(&self) -> io::Result<SpillReader> {
        self.reader
            .lock()
            .map_err(|_| io::Error::other("a reporter thread panicked"))?
            .take()
            .ok_or_else(|| io::Error::other("the files of a streamed run are read once"))
    }

    /// The report of checked file `file`, from its record.
    fn report(&self, file: usize, record: Record, verdicts: &[[u32; 5]]) -> FileReport {
        let rules: Vec<&BatchCheck> = engine::batch_rules().collect();
        let mut findings = record.findings;
        for v in verdicts {
            let [_, rule, key, other, count] = v.map(|n| n as usize);
            let display = self.inputs.display(self.input_of[other] as usize);
            let finding = (rules[rule].finding)(&record.keys[rule][key], display, count);
            findings.extend(self.overrides.apply(finding));
        }
        engine::sort_findings(&mut findings);
        if let Some(lead) = record.lead {
            findings.insert(0, lead);
        }
        let input = self.inputs.get(self.input_of[file] as usize);
        FileReport {
            source: SourceFile::new(input.display, input.path, record.text),
            kind: record.kind,
            claim: None,
            findings,
        }
    }
}

impl ReportSource for Streamed<'_> {
    fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for &s in &self.status {
            counts.add(s);
        }
        for file in &self.extra {
            counts.add(file.status());
        }
        counts
    }

    /// Reads the files back from the temporary file: once only (a run's
    /// report is written once); a second call is an error.
    fn each_file(&self, each: &mut dyn FnMut(&FileReport) -> io::Result<()>) -> io::Result<()> {
        let mut reader = self.take_reader()?;
        let mut rest = self.verdicts.as_slice();
        for file in 0..self.status.len() {
            let mine = take_verdicts(&mut rest, file);
            let record = reader.next_record()?;
            each(&self.report(file, record, mine))?;
        }
        self.extra.iter().try_for_each(each)
    }

    /// Reads `CHUNK` records at a time in order, then decodes, completes
    /// and renders them in parallel; the bytes are handed on in order.
    /// While the pool renders one chunk, this thread writes the chunk
    /// before it and reads the chunk after it, so the workers do not wait
    /// for the reading and writing. At most three chunks (one being read,
    /// one rendered, one written) are held at once.
    fn each_rendered(
        &self,
        render: &(dyn Fn(&FileReport) -> Vec<u8> + Sync),
        each: &mut dyn FnMut(&[u8]) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut reader = self.take_reader()?;
        let mut rest = self.verdicts.as_slice();
        let files = self.status.len();
        let render_chunk = |chunk: &[Encoded<'_>]| -> io::Result<Vec<Vec<u8>>> {
            chunk
                .par_iter()
                .map(|(file, bytes, mine)| {
                    let record = spill::decode_record(bytes)?;
                    Ok(render(&self.report(*file, record, mine)))
                })
                .collect()
        };
        let mut next = read_chunk(&mut reader, &mut rest, 0..files.min(CHUNK))?;
        let mut written: Vec<Vec<u8>> = Vec::new();
        let mut start = 0;
        while !next.is_empty() {
            let current = std::mem::take(&mut next);
            start += current.len();
            let mut rendered = None;
            let mut io_result = Ok(());
            rayon::in_place_scope(|scope| {
                scope.spawn(|_| rendered = Some(render_chunk(&current)));
                // Meanwhile, on this thread: the previous chunk out, the
                // next one in.
                io_result = written
                    .iter()
                    .try_for_each(|bytes| each(bytes))
                    .and_then(|()| {
                        next = read_chunk(&mut reader, &mut rest, start..files.min(start + CHUNK))?;
                        Ok(())
                    });
            });
            io_result?;
            written = rendered.unwrap_or_else(|| Ok(Vec::new()))?;
        }
        written.iter().try_for_each(|bytes| each(bytes))?;
        self.extra.iter().try_for_each(|file| each(&render(file)))
    }
}

/// A checked file's index, its record still encoded, and its verdicts.
type Encoded<'v> = (usize, Vec<u8>, Verdicts<'v>);

/// The records of `files`, read in order, each with its verdicts (taken
/// from the front of `rest`).
fn read_chunk<'v>(
    reader: &mut SpillReader,
    rest: &mut Verdicts<'v>,
    files: std::ops::Range<usize>,
) -> io::Result<Vec<Encoded<'v>>> {
    let mut chunk = Vec::with_capacity(files.len());
    for file in files {
        let mine = take_verdicts(rest, file);
        let mut bytes = Vec::new();
        reader.next_encoded(&mut bytes)?;
        chunk.push((file, bytes, mine));
    }
    Ok(chunk)
}

/// A file's verdicts: (file, rule, key, other file, count) each.
type Verdicts<'v> = &'v [[u32; 5]];

/// The verdicts of `file` from the front of `rest` (sorted by file).
fn take_verdicts<'v>(rest: &mut Verdicts<'v>, file: usize) -> Verdicts<'v> {
    let n = rest.iter().take_while(|v| v[0] as usize == file).count();
    let (mine, later) = rest.split_at(n);
    *rest = later;
    mine
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::decode::StrEnum;
    use crate::engine::tests::fixture_inputs;
    use crate::report::{ci, human, json, junit, sarif};
    use chrono::NaiveDate;

    /// The streamed run writes every format byte for byte as the
    /// in-memory report does, with and without `<kind> validate`, with
    /// overrides that switch a cross-file rule's severity.
    #[test]
    fn every_format_is_the_same_as_from_the_report_held_in_memory() {
        let inputs = fixture_inputs();
        assert!(inputs.len() > 100, "the rule fixtures were not found");
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let env = Env::new(Config::default(), today);
        let mut overrides = Overrides::default();
        overrides
            .cli
            .insert("document-reused".into(), crate::diag::Level::Error);
        for expected in [None, Some(Kind::ALL[0])] {
            let keep = Keep {
                claims: false,
                sources: true,
            };
            let mut held =
                engine::check_paths_with_progress(&inputs, &env, &overrides, keep, &|| {}).unwrap();
            if let Some(kind) = expected {
                engine::flag_other_kinds(&mut held, kind, &overrides);
            }
            let streamed = |sources| {
                let options = Options { sources, expected };
                check_paths(inputs.clone(), &env, &overrides, options, &|| {}).unwrap()
            };
            assert_eq!(streamed(false).counts(), held.counts());
            assert!(streamed(false).has_errors());
            let options = human::HumanOptions::default();
            assert_eq!(
                human::render(&streamed(true), options),
                human::render(&held, options)
            );
            assert_eq!(
                json::render(&streamed(false), today),
                json::render(&held, today)
            );
            assert_eq!(sarif::render(&streamed(false)), sarif::render(&held));
            assert_eq!(junit::render(&streamed(false)), junit::render(&held));
            assert_eq!(ci::github(&streamed(false)), ci::github(&held));
            assert_eq!(ci::azure(&streamed(false)), ci::azure(&held));
        }
        // The cross-file findings are there, pointed at their key.
        let text = json::render(
            &check_paths(
                inputs.clone(),
                &env,
                &overrides,
                Options {
                    sources: false,
                    expected: None,
                },
                &|| {},
            )
            .unwrap(),
            today,
        );
        assert!(text.contains("\"document-reused\""));
        assert!(text.contains("\"duplicate-claim\""));
    }

    /// Over several chunks (the last one partial), the pipelined report
    /// (one chunk rendered while the one before is written and the one
    /// after is read) keeps every file in order.
    #[test]
    fn a_report_of_several_chunks_keeps_the_files_in_order() {
        let fixtures = fixture_inputs();
        let inputs: Vec<Input> = fixtures
            .iter()
            .cycle()
            .take(2 * CHUNK + 77)
            .cloned()
            .collect();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let env = Env::new(Config::default(), today);
        let overrides = Overrides::default();
        let keep = Keep {
            claims: false,
            sources: false,
        };
        let held =
            engine::check_paths_with_progress(&inputs, &env, &overrides, keep, &|| {}).unwrap();
        let options = Options {
            sources: false,
            expected: None,
        };
        let streamed = check_paths(inputs.clone(), &env, &overrides, options, &|| {}).unwrap();
        assert_eq!(json::render(&streamed, today), json::render(&held, today));
    }

    /// A claim whose only findings are cross-file ones (the complete
    /// example, given twice) still has them placed at a line and column
    /// when its text is let go.
    #[test]
    fn cross_file_findings_of_a_clean_claim_keep_their_place() {
        let example =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cpor/contoso-e5.toml");
        let input = Input {
            display: "contoso-e5.toml".into(),
            path: example,
            regular: false,
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let env = Env::new(Config::default(), today);
        let options = Options {
            sources: false,
            expected: None,
        };
        let overrides = Overrides::default();
        let streamed = check_paths(
            vec![input.clone(), input],
            &env,
            &overrides,
            options,
            &|| {},
        )
        .unwrap();
        let report: serde_json::Value =
            serde_json::from_str(&json::render(&streamed, today)).unwrap();
        let diagnostics: Vec<&serde_json::Value> = report["files"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| f["diagnostics"].as_array().unwrap())
            .collect();
        let rules: std::collections::BTreeSet<&str> = diagnostics
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        assert_eq!(
            rules,
            ["document-reused", "duplicate-claim"].into_iter().collect()
        );
        for d in diagnostics {
            assert!(d["line"].as_u64().is_some_and(|l| l > 1), "{d}");
            assert!(d["column"].as_u64().is_some(), "{d}");
        }
    }

    #[test]
    fn the_files_are_read_back_once() {
        let inputs = fixture_inputs();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let env = Env::new(Config::default(), today);
        let overrides = Overrides::default();
        let options = Options {
            sources: false,
            expected: None,
        };
        let run = check_paths(inputs.clone(), &env, &overrides, options, &|| {}).unwrap();
        let mut first = 0;
        run.each_file(&mut |_| {
            first += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(first, run.counts().files);
        assert!(run.each_file(&mut |_| Ok(())).is_err());
    }

    /// Every report format `validate` writes.
    const FORMATS: [&str; 6] = ["json", "human", "sarif", "junit", "github", "azure"];

    /// `report` written in `format` (one of [`FORMATS`]) into `out`; the
    /// human report needs a run that kept the files' texts.
    fn write_as(format: &str, report: &Streamed<'_>, out: &mut dyn io::Write) -> io::Result<()> {
        match format {
            "json" => json::write(report, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(), out),
            "human" => human::write(report, human::HumanOptions::default(), out),
            "sarif" => sarif::write(report, out),
            "junit" => junit::write(report, out),
            "github" => ci::write_github(report, out),
            "azure" => ci::write_azure(report, out),
            other => unreachable!("not a format: {other}"),
        }
    }

    /// A sink that takes `room` bytes, then fails every write, as a full
    /// disk or a closed pipe would.
    struct FailsAfter {
        room: usize,
        taken: usize,
    }

    impl std::io::Write for FailsAfter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.taken >= self.room {
                return Err(io::Error::other("no space left"));
            }
            let n = buf.len().min(self.room - self.taken);
            self.taken += n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A writer that fails partway through the files (three quarters of
    /// the way into each format's whole report), while the files are
    /// rendered in parallel: every format gives the writer's error back,
    /// neither swallowed nor a panic.
    #[test]
    fn a_writer_that_fails_partway_stops_the_report_with_its_error() {
        let inputs = fixture_inputs();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let env = Env::new(Config::default(), today);
        let overrides = Overrides::default();
        let run = |sources| {
            let options = Options {
                sources,
                expected: None,
            };
            check_paths(inputs.clone(), &env, &overrides, options, &|| {}).unwrap()
        };
        for format in FORMATS {
            let write = |out: &mut dyn io::Write| write_as(format, &run(format == "human"), out);
            let mut whole = Vec::new();
            write(&mut whole).unwrap();
            let mut sink = FailsAfter {
                room: whole.len() * 3 / 4,
                taken: 0,
            };
            let error = write(&mut sink).expect_err(format);
            assert_eq!(error.to_string(), "no space left", "{format}");
            assert_eq!(sink.taken, sink.room, "{format}");
        }
    }

    /// The temporary file changed under a whole run (cut short, a length
    /// made huge, bytes overwritten at random): every format's report
    /// ends with the error that says so, or, when the changed bytes still
    /// read as records, is written; never a panic or an abort.
    #[test]
    fn a_changed_temporary_file_stops_every_format_without_a_panic() {
        let inputs = fixture_inputs();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let env = Env::new(Config::default(), today);
        let overrides = Overrides::default();
        let options = Options {
            sources: true,
            expected: None,
        };
        let run = check_paths(inputs, &env, &overrides, options, &|| {}).unwrap();
        // The temporary file's bytes, framed as it frames them.
        let mut file = Vec::new();
        let mut reader = run.take_reader().unwrap();
        let mut record = Vec::new();
        for _ in 0..run.status.len() {
            reader.next_encoded(&mut record).unwrap();
            file.extend_from_slice(&(record.len() as u64).to_le_bytes());
            file.extend_from_slice(&record);
        }
        let with_file = |bytes: &[u8]| {
            let mut spill = Spill::new();
            spill.append(bytes).unwrap();
            *run.reader.lock().unwrap() = Some(spill.reader().unwrap());
        };
        let write = |format: &str| write_as(format, &run, &mut io::sink());
        let changed = |result: io::Result<()>, what: &str| {
            let error = result.expect_err(what);
            assert!(
                error.to_string().contains("was changed while it ran"),
                "{what}: {error}"
            );
        };
        let mut huge = file.clone();
        huge[..8].copy_from_slice(&(1u64 << 60).to_le_bytes());
        for format in FORMATS {
            with_file(&file);
            write(format).expect(format);
            with_file(&file[..file.len() / 2]);
            changed(write(format), &format!("{format}, cut short"));
            with_file(&huge);
            changed(write(format), &format!("{format}, a huge length"));
        }
        // Bytes overwritten at random (a fixed xorshift, so a failure is
        // found again): whatever they read as, the reports end.
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..40 {
            let mut bytes = file.clone();
            for _ in 0..4 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let at = usize::try_from(seed % bytes.len() as u64).unwrap();
                bytes[at] = (seed >> 32) as u8;
            }
            for format in FORMATS {
                with_file(&bytes);
                // Written, or the error: a panic here fails the test.
                let _ = write(format);
            }
        }
    }

    #[test]
    fn input_names_come_back_whole() {
        let inputs: Vec<Input> = [
            ("a.toml", "a.toml"),
            ("b/c.toml", "./b/c.toml"),
            ("x.toml", "/elsewhere/x.toml"),
            ("", ""),
            ("ü.toml", "./ü.toml"),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, (display, path))| Input {
            display: display.to_string(),
            path: path.into(),
            regular: i % 2 == 0,
        })
        .collect();
        let names = Names::new(inputs.clone());
        assert_eq!(names.len(), inputs.len());
        for (i, input) in inputs.iter().enumerate() {
            let back = names.get(i);
            assert_eq!(
                (&back.display, &back.path, back.regular),
                (&input.display, &input.path, input.regular)
            );
            assert_eq!(names.display(i), input.display);
        }
    }
}
