//! Writing a [`BundlePlan`] to disk, all or nothing, one run at a time.
//!
//! Flow: create DIR → take DIR's lock ([`super::swap::DirLock`]) →
//! settle what killed runs left ([`super::swap::recover`]) → refuse when
//! `DIR/<slug>/` or `DIR/<slug>.zip` exists (unless `force`) → a temporary folder inside DIR (same file
//! system, so renames are atomic) → write every file there and fsync it,
//! hashing the bytes written → manifest.json → the zip, read back from the
//! staged files so it holds exactly the same tree → the journal → move any
//! old bundle aside (into the temporary folder) and rename the new folder
//! and zip into place ([`super::swap::forward`]) → mark it done → drop the
//! temporary folder, which deletes the old bundle with it → release the lock.
//!
//! Any failure before the journal leaves DIR as it was (the temporary
//! folder is removed on drop, and DIR itself when this run created it); a failed rename puts the old bundle back
//! ([`super::swap::rollback`]). A run killed outright leaves a hidden
//! `.claimtool-bundle-*` folder whose journal lets the next run finish or
//! undo the swap: never a half bundle for longer than that.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;

use super::swap::{self, DirLock, Journal, exists, sync_dir};
use super::{BundlePlan, Content};
use crate::documents;

/// The prefix of the temporary folder inside DIR.
pub const TEMP_PREFIX: &str = ".claimtool-bundle-";

#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Also write `DIR/<slug>.zip`.
    pub zip: bool,
    /// Replace an existing bundle (folder and zip).
    pub force: bool,
}

/// One line of manifest.json.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ManifestEntry {
    /// The path inside the bundle, `/`-separated.
    pub name: String,
    /// Where it was copied from; `null` for generated files.
    pub source: Option<String>,
    pub size: u64,
    /// 64 lower-case hex digits.
    pub sha256: String,
    /// `toml`, `json`, `markdown`, `html`, or the document's detected type.
    #[serde(rename = "type")]
    pub file_type: String,
}

#[derive(Serialize)]
struct Manifest<'a> {
    files: &'a [ManifestEntry],
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Written {
    pub dir: PathBuf,
    pub zip: Option<PathBuf>,
    /// The manifest's entries (every file but manifest.json itself).
    pub files: Vec<ManifestEntry>,
    /// Old bundle paths that were replaced (`--force`).
    pub replaced: Vec<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{} already exists; use --force to replace it", .0.display())]
    Exists(PathBuf),
    #[error(
        "refusing to copy {}: it leads to {}, outside the workspace{}; a bundle never copies from outside the workspace",
        .path.display(),
        .resolved.display(),
        .root.as_ref().map(|r| format!(" {}", r.display())).unwrap_or_default()
    )]
    OutsideWorkspace {
        path: PathBuf,
        resolved: PathBuf,
        root: Option<PathBuf>,
    },
    #[error("cannot {action} {}: {source}", .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> WriteError {
    let path = path.to_path_buf();
    move |source| WriteError::Io {
        action,
        path,
        source,
    }
}

/// Writes the bundle into `out` (see the module docs).
pub fn write(plan: &BundlePlan, out: &Path, options: WriteOptions) -> Result<Written, WriteError> {
    write_with_notes(plan, out, options, &mut |_| {})
}

/// [`write`], telling `on_note` what was done about each temporary folder
/// left in `out` by a killed run (one line each, see
/// [`super::swap::recover`]), also when the write then fails.
pub fn write_with_notes(
    plan: &BundlePlan,
    out: &Path,
    options: WriteOptions,
    on_note: &mut dyn FnMut(String),
) -> Result<Written, WriteError> {
    let mut created = Vec::new();
    let written = create_dirs(out, &mut created)
        .map_err(io_err("create", out))
        .and_then(|()| write_locked(plan, out, options, on_note));
    if written.is_err() {
        remove_created(&created);
    }
    written
}

/// Creates `out` and its missing parents, pushing onto `created` each
/// folder this call made (outermost first): a folder another process made
/// meanwhile is not pushed.
fn create_dirs(out: &Path, created: &mut Vec<PathBuf>) -> io::Result<()> {
    let missing: Vec<&Path> = out
        .ancestors()
        .filter(|p| !p.as_os_str().is_empty())
        .take_while(|p| !exists(p))
        .collect();
    for dir in missing.into_iter().rev() {
        match fs::create_dir(dir) {
            Ok(()) => created.push(dir.to_path_buf()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    if out.is_dir() {
        Ok(())
    } else {
        fs::create_dir(out)
    }
}

/// After a failed write, DIR is left as it was: the folders [`create_dirs`]
/// made are removed, innermost first, each only while empty (a folder
/// holding anything, e.g. what a failed rollback kept, stays).
fn remove_created(created: &[PathBuf]) {
    for dir in created.iter().rev() {
        if fs::remove_dir(dir).is_err() {
            break;
        }
    }
}

/// [`write_with_notes`] once `out` exists: under its lock.
fn write_locked(
    plan: &BundlePlan,
    out: &Path,
    options: WriteOptions,
    on_note: &mut dyn FnMut(String),
) -> Result<Written, WriteError> {
    let final_dir = out.join(&plan.slug);
    let final_zip = out.join(format!("{}.zip", plan.slug));
    let lock = DirLock::acquire(out).map_err(io_err("lock", &out.join(swap::LOCK_NAME)))?;
    swap::recover(out).into_iter().for_each(&mut *on_note);
    if !options.force {
        refuse_existing(&final_dir, &final_zip)?;
    }
    let temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempdir_in(out)
        .map_err(io_err("create a temporary folder in", out))?;
    let entries = stage(plan, temp.path(), options)?;
    let journal = Journal {
        slug: plan.slug.clone(),
        zip: options.zip,
        force: options.force,
    };
    journal
        .write(temp.path())
        .map_err(io_err("write the journal of", temp.path()))?;
    let replaced = match swap::forward(temp.path(), out, &journal) {
        Ok(replaced) => replaced,
        Err(e) => return Err(undo(temp, out, &journal, e)),
    };
    swap::mark_done(temp.path());
    // Dropping `temp` deletes the replaced bundle; then the lock goes.
    drop(temp);
    drop(lock);
    Ok(Written {
        dir: final_dir,
        zip: options.zip.then_some(final_zip),
        files: entries,
        replaced,
    })
}

fn refuse_existing(final_dir: &Path, final_zip: &Path) -> Result<(), WriteError> {
    for path in [final_dir, final_zip] {
        if exists(path) {
            return Err(WriteError::Exists(path.to_path_buf()));
        }
    }
    Ok(())
}

/// A swap step failed: put everything back, and say what happened. When
/// even that fails, the temporary folder is kept: it may hold the old
/// bundle, and the next run finishes the rollback.
fn undo(temp: tempfile::TempDir, out: &Path, journal: &Journal, e: swap::StepError) -> WriteError {
    let failed = if e.source.kind() == io::ErrorKind::AlreadyExists && !journal.force {
        WriteError::Exists(e.path.clone())
    } else {
        io_err(e.action, &e.path)(e.source)
    };
    match swap::rollback(temp.path(), out, journal) {
        Ok(()) => failed,
        Err(r) => {
            let kept = temp.keep();
            WriteError::Io {
                action: "put back the old bundle after failing to write",
                path: e.path,
                source: io::Error::other(format!(
                    "{failed}; then cannot {} {}: {}; everything is kept in {} \
                     and the next `bundle` run into {} puts it back",
                    r.action,
                    r.path.display(),
                    r.source,
                    kept.display(),
                    out.display()
                )),
            }
        }
    }
}

/// Writes every file of the plan into `temp/<slug>/`, fsynced, then
/// manifest.json and (with `zip`) `temp/<slug>.zip`.
fn stage(
    plan: &BundlePlan,
    temp: &Path,
    options: WriteOptions,
) -> Result<Vec<ManifestEntry>, WriteError> {
    let stage = temp.join(&plan.slug);
    fs::create_dir(&stage).map_err(io_err("create", &stage))?;
    let mut entries = Vec::with_capacity(plan.files.len());
    let mut modes = Vec::with_capacity(plan.files.len() + 1);
    for file in &plan.files {
        let target = stage.join(&file.name);
        if let Some(parent) = target.parent()
            && !parent.exists()
        {
            fs::create_dir_all(parent).map_err(io_err("create", parent))?;
        }
        let (entry, mode) = stage_file(plan, file, &target)?;
        modes.push(mode);
        entries.push(entry);
    }
    let mut manifest = serde_json::to_string_pretty(&Manifest { files: &entries })
        .map_err(|e| io_err("serialise", &stage.join("manifest.json"))(io::Error::other(e)))?;
    manifest.push('\n');
    write_synced(&stage.join("manifest.json"), manifest.as_bytes(), FILE_MODE)?;
    modes.push(FILE_MODE);
    sync_dir(&stage.join("documents"));
    sync_dir(&stage);
    if options.zip {
        let mut names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        names.push("manifest.json");
        let names: Vec<(&str, u32)> = names.into_iter().zip(modes).collect();
        let staged_zip = temp.join(format!("{}.zip", plan.slug));
        write_zip(&stage, &plan.slug, &names, plan.today, &staged_zip)?;
    }
    sync_dir(temp);
    Ok(entries)
}

/// Writes one planned file at `target`: generated bytes, or a document
/// copied in chunks (never loaded whole, whatever its size), hashing the
/// bytes written. Returns its manifest entry and mode.
fn stage_file(
    plan: &BundlePlan,
    file: &super::PlannedFile,
    target: &Path,
) -> Result<(ManifestEntry, u32), WriteError> {
    let (streamed, detected, mode) = match &file.content {
        Content::Bytes(bytes) => {
            write_synced(target, bytes, FILE_MODE)?;
            let streamed = documents::Streamed {
                size: bytes.len() as u64,
                sha256: hex::encode(Sha256::digest(bytes)),
                head: Vec::new(),
            };
            (streamed, documents::detect(bytes), FILE_MODE)
        }
        Content::Copy(path) => {
            let (mut source, mode) = open_document(path, plan.workspace.as_deref())?;
            let streamed = copy_synced(&mut source, path, target, mode)?;
            let detected = documents::detect_file(&streamed.head, &mut source);
            (streamed, detected, mode)
        }
    };
    let entry = ManifestEntry {
        name: file.name.clone(),
        source: file.source.clone(),
        size: streamed.size,
        sha256: streamed.sha256,
        file_type: file
            .file_type
            .map_or_else(|| detected.name().to_string(), str::to_string),
    };
    Ok((entry, mode))
}

/// Creates `target` (it must not exist) with permissions `mode` less the
/// umask, copies `source` (read from `path`) into it in chunks, fsyncs.
fn copy_synced(
    source: &mut File,
    path: &Path,
    target: &Path,
    mode: u32,
) -> Result<documents::Streamed, WriteError> {
    /// Tells a failed write from a failed read.
    struct Sink<'a> {
        file: &'a mut File,
        failed: bool,
    }
    impl Write for Sink<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.file.write(buf).inspect_err(|_| self.failed = true)
        }
        fn flush(&mut self) -> io::Result<()> {
            self.file.flush().inspect_err(|_| self.failed = true)
        }
    }
    let mut out = create_new(target, mode)?;
    let mut sink = Sink {
        file: &mut out,
        failed: false,
    };
    let streamed = documents::stream(source, &mut sink).map_err(|e| {
        if sink.failed {
            io_err("write", target)(e)
        } else {
            io_err("read", path)(e)
        }
    })?;
    out.sync_all().map_err(io_err("sync", target))?;
    Ok(streamed)
}

/// The permissions claimtool's own files are created with (before the umask).
const FILE_MODE: u32 = 0o666;

/// A document, opened, and the permissions its copy may have: the source's
/// read/write bits (never execute), so a copy is never more open than its
/// source. Refuses a file that does not resolve inside `workspace`, and
/// reads the resolved path without following a symlink at its end, so the
/// file checked is the file read.
fn open_document(path: &Path, workspace: Option<&Path>) -> Result<(File, u32), WriteError> {
    let resolved = fs::canonicalize(path).map_err(io_err("read", path))?;
    if !workspace.is_some_and(|root| resolved.starts_with(root)) {
        return Err(WriteError::OutsideWorkspace {
            path: path.to_path_buf(),
            resolved,
            root: workspace.map(Path::to_path_buf),
        });
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    let file = options.open(&resolved).map_err(io_err("read", path))?;
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        let meta = file.metadata().map_err(io_err("read", path))?;
        meta.permissions().mode() & FILE_MODE
    };
    #[cfg(not(unix))]
    let mode = FILE_MODE;
    Ok((file, mode))
}

/// Creates `path` (it must not exist) with permissions `mode` less the
/// umask (Unix), writes `bytes`, fsyncs.
fn write_synced(path: &Path, bytes: &[u8], mode: u32) -> Result<(), WriteError> {
    let mut f = create_new(path, mode)?;
    f.write_all(bytes).map_err(io_err("write", path))?;
    f.sync_all().map_err(io_err("sync", path))
}

/// Creates `path` (it must not exist) with permissions `mode` less the
/// umask (Unix).
fn create_new(path: &Path, mode: u32) -> Result<File, WriteError> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    #[cfg(not(unix))]
    let _ = mode;
    options.open(path).map_err(io_err("create", path))
}

/// The zip: `<slug>/` and every staged file under it, deflated, with a
/// fixed timestamp (today at midnight) so the same bundle gives the same
/// bytes.
fn write_zip(
    stage: &Path,
    slug: &str,
    names: &[(&str, u32)],
    today: chrono::NaiveDate,
    target: &Path,
) -> Result<(), WriteError> {
    use chrono::Datelike;
    let zerr = |e: zip::result::ZipError| io_err("write", target)(io::Error::other(e));
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)
        .map_err(io_err("create", target))?;
    let time = u16::try_from(today.year())
        .ok()
        .and_then(|y| {
            zip::DateTime::from_date_and_time(y, today.month() as u8, today.day() as u8, 0, 0, 0)
                .ok()
        })
        .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(time)
        .unix_permissions(0o644);
    let dir_options = options.unix_permissions(0o755);
    let mut zip = zip::ZipWriter::new(file);
    zip.add_directory(format!("{slug}/"), dir_options)
        .map_err(zerr)?;
    let mut dirs_added = std::collections::BTreeSet::new();
    for &(name, mode) in names {
        if let Some((dir, _)) = name.rsplit_once('/')
            && dirs_added.insert(dir.to_string())
        {
            zip.add_directory(format!("{slug}/{dir}/"), dir_options)
                .map_err(zerr)?;
        }
        let path = stage.join(name);
        let mut staged = File::open(&path).map_err(io_err("read", &path))?;
        // 0644, or narrower when the source was (a 0600 document stays 0600).
        let file_options = options.unix_permissions(0o644 & mode);
        zip.start_file(format!("{slug}/{name}"), file_options)
            .map_err(zerr)?;
        // In chunks: a large document is never loaded whole.
        io::copy(&mut staged, &mut zip).map_err(io_err("write", target))?;
    }
    let file = zip.finish().map_err(zerr)?;
    file.sync_all().map_err(io_err("sync", target))
}

#[cfg(test)]
mod tests {
    use super::super::PlannedFile;
    use super::*;
    use std::io::Read;

    fn plan(files: Vec<PlannedFile>) -> BundlePlan {
        BundlePlan {
            slug: "acme".into(),
            files,
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            workspace: None,
        }
    }

    fn bytes(name: &str, content: &str) -> PlannedFile {
        PlannedFile {
            name: name.into(),
            source: None,
            content: Content::Bytes(content.as_bytes().to_vec()),
            file_type: Some("markdown"),
        }
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_failure_while_writing_leaves_nothing_behind() {
        let out = tempfile::tempdir().unwrap();
        let missing = out.path().join("no-such-file.pdf");
        let p = plan(vec![
            bytes("a.md", "a"),
            PlannedFile {
                name: "documents/01-x.pdf".into(),
                source: None,
                content: Content::Copy(missing),
                file_type: None,
            },
        ]);
        let err = write(
            &p,
            out.path(),
            WriteOptions {
                zip: true,
                force: false,
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("cannot read"), "{err}");
        assert!(listing(out.path()).is_empty(), "{:?}", listing(out.path()));
    }

    #[test]
    fn force_replaces_folder_and_drops_a_stale_zip() {
        let out = tempfile::tempdir().unwrap();
        let first = plan(vec![bytes("a.md", "first"), bytes("old-only.md", "x")]);
        write(
            &first,
            out.path(),
            WriteOptions {
                zip: true,
                force: false,
            },
        )
        .unwrap();
        assert_eq!(listing(out.path()), ["acme", "acme.zip"]);

        let second = plan(vec![bytes("a.md", "second")]);
        let err = write(&second, out.path(), WriteOptions::default()).unwrap_err();
        assert!(matches!(err, WriteError::Exists(_)));
        assert_eq!(
            fs::read_to_string(out.path().join("acme/a.md")).unwrap(),
            "first"
        );

        let w = write(
            &second,
            out.path(),
            WriteOptions {
                zip: false,
                force: true,
            },
        )
        .unwrap();
        assert_eq!(w.replaced.len(), 2);
        assert_eq!(listing(out.path()), ["acme"]);
        assert_eq!(listing(&out.path().join("acme")), ["a.md", "manifest.json"]);
        assert_eq!(
            fs::read_to_string(out.path().join("acme/a.md")).unwrap(),
            "second"
        );
    }

    #[test]
    fn a_lone_zip_also_counts_as_an_existing_bundle() {
        let out = tempfile::tempdir().unwrap();
        fs::write(out.path().join("acme.zip"), b"old").unwrap();
        let err = write(
            &plan(vec![bytes("a.md", "a")]),
            out.path(),
            WriteOptions::default(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("acme.zip"), "{err}");
        assert_eq!(listing(out.path()), ["acme.zip"]);
    }

    #[test]
    fn the_zip_is_reproducible() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let p = plan(vec![
            bytes("a.md", "same"),
            bytes("documents/01-x.txt", "doc"),
        ]);
        write(
            &p,
            a.path(),
            WriteOptions {
                zip: true,
                force: false,
            },
        )
        .unwrap();
        write(
            &p,
            b.path(),
            WriteOptions {
                zip: true,
                force: false,
            },
        )
        .unwrap();
        assert_eq!(
            fs::read(a.path().join("acme.zip")).unwrap(),
            fs::read(b.path().join("acme.zip")).unwrap()
        );
    }

    fn zip_force() -> WriteOptions {
        WriteOptions {
            zip: true,
            force: true,
        }
    }

    /// The bytes of `name` in the zip at `zip`, under `acme/`.
    fn in_zip(zip: &Path, name: &str) -> String {
        let mut archive = zip::ZipArchive::new(File::open(zip).unwrap()).unwrap();
        let mut text = String::new();
        archive
            .by_name(&format!("acme/{name}"))
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    /// A `--force --zip` swap of "second" over "first" stopped after `done`
    /// of its four renames, as a killed run leaves it.
    fn interrupted(out: &Path, done: usize, rollback: bool) {
        write(&plan(vec![bytes("a.md", "first")]), out, zip_force()).unwrap();
        let temp = out.join(format!("{TEMP_PREFIX}killed"));
        fs::create_dir(&temp).unwrap();
        stage(&plan(vec![bytes("a.md", "second")]), &temp, zip_force()).unwrap();
        Journal {
            slug: "acme".into(),
            zip: true,
            force: true,
        }
        .write(&temp)
        .unwrap();
        fs::create_dir(temp.join("replaced")).unwrap();
        let steps = [
            (out.join("acme"), temp.join("replaced/dir")),
            (out.join("acme.zip"), temp.join("replaced/zip")),
            (temp.join("acme"), out.join("acme")),
            (temp.join("acme.zip"), out.join("acme.zip")),
        ];
        for (from, to) in &steps[..done] {
            fs::rename(from, to).unwrap();
        }
        if rollback {
            fs::write(temp.join("rollback"), "").unwrap();
        }
        // A lock file left by the killed run does not block the next one.
        fs::write(out.join(swap::LOCK_NAME), "").unwrap();
    }

    #[test]
    fn the_next_run_finishes_a_swap_killed_at_any_step() {
        for done in 0..=4 {
            let out = tempfile::tempdir().unwrap();
            interrupted(out.path(), done, false);
            let mut notes = Vec::new();
            let other = BundlePlan {
                slug: "other".into(),
                ..plan(vec![bytes("b.md", "b")])
            };
            write_with_notes(&other, out.path(), WriteOptions::default(), &mut |n| {
                notes.push(n);
            })
            .unwrap();
            assert_eq!(listing(out.path()), ["acme", "acme.zip", "other"], "{done}");
            assert_eq!(
                fs::read_to_string(out.path().join("acme/a.md")).unwrap(),
                "second"
            );
            assert_eq!(in_zip(&out.path().join("acme.zip"), "a.md"), "second");
            assert_eq!(notes.len(), 1, "{notes:?}");
            assert!(
                notes[0].contains("finished the interrupted bundle"),
                "{notes:?}"
            );
        }
    }

    #[test]
    fn the_next_run_completes_an_interrupted_rollback() {
        for done in 0..=4 {
            let out = tempfile::tempdir().unwrap();
            interrupted(out.path(), done, true);
            let err = write(
                &plan(vec![bytes("a.md", "third")]),
                out.path(),
                WriteOptions::default(),
            )
            .unwrap_err();
            assert!(matches!(err, WriteError::Exists(_)), "{err}");
            assert_eq!(listing(out.path()), ["acme", "acme.zip"], "{done}");
            assert_eq!(
                fs::read_to_string(out.path().join("acme/a.md")).unwrap(),
                "first"
            );
            assert_eq!(in_zip(&out.path().join("acme.zip"), "a.md"), "first");
        }
    }

    #[test]
    fn a_run_killed_while_staging_leaves_nothing_the_next_run_keeps() {
        let out = tempfile::tempdir().unwrap();
        let temp = out.path().join(format!("{TEMP_PREFIX}staging"));
        fs::create_dir_all(temp.join("acme/documents")).unwrap();
        fs::write(temp.join("acme/a.md"), "half").unwrap();
        // Not a swap of this version (no journal) but holding a bundle: kept.
        let foreign = out.path().join(format!("{TEMP_PREFIX}old"));
        fs::create_dir_all(foreign.join("replaced/dir")).unwrap();
        let mut notes = Vec::new();
        write_with_notes(
            &plan(vec![bytes("a.md", "a")]),
            out.path(),
            WriteOptions::default(),
            &mut |n| {
                notes.push(n);
            },
        )
        .unwrap();
        assert_eq!(
            listing(out.path()),
            [format!("{TEMP_PREFIX}old").as_str(), "acme"]
        );
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes.iter().any(|n| n.contains("look inside")), "{notes:?}");
    }

    #[test]
    fn a_foreign_bundle_appearing_during_the_swap_is_not_replaced() {
        let out = tempfile::tempdir().unwrap();
        let temp = out.path().join(format!("{TEMP_PREFIX}x"));
        fs::create_dir(&temp).unwrap();
        stage(&plan(vec![bytes("a.md", "new")]), &temp, zip_force()).unwrap();
        let journal = Journal {
            slug: "acme".into(),
            zip: true,
            force: false,
        };
        fs::create_dir(out.path().join("acme")).unwrap();
        fs::write(out.path().join("acme/theirs.md"), "theirs").unwrap();
        let e = swap::forward(&temp, out.path(), &journal).unwrap_err();
        assert_eq!(e.source.kind(), io::ErrorKind::AlreadyExists);
        swap::rollback(&temp, out.path(), &journal).unwrap();
        assert_eq!(listing(&out.path().join("acme")), ["theirs.md"]);
    }

    fn copy(name: &str, from: &Path) -> PlannedFile {
        PlannedFile {
            name: name.into(),
            source: None,
            content: Content::Copy(from.to_path_buf()),
            file_type: None,
        }
    }

    #[cfg(unix)]
    #[test]
    fn nothing_is_copied_from_outside_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("ws");
        fs::create_dir_all(ws.join("poe")).unwrap();
        fs::write(dir.path().join("secret.csv"), "secret").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.csv"), ws.join("poe/x.eml")).unwrap();
        let root = Some(fs::canonicalize(&ws).unwrap());
        for from in [
            dir.path().join("secret.csv"),
            ws.join("poe/x.eml"),
            ws.join("../secret.csv"),
        ] {
            for workspace in [root.clone(), None] {
                let p = BundlePlan {
                    workspace,
                    ..plan(vec![copy("documents/01-x.eml", &from)])
                };
                let err = write(&p, &ws.join("out"), WriteOptions::default()).unwrap_err();
                assert!(matches!(err, WriteError::OutsideWorkspace { .. }), "{err}");
                assert!(err.to_string().contains("outside the workspace"), "{err}");
                // DIR is left as it was: not there.
                assert!(!ws.join("out").exists());
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_copy_is_never_more_open_than_its_source() {
        use std::os::unix::fs::PermissionsExt;
        let ws = tempfile::tempdir().unwrap();
        let private = ws.path().join("private.pdf");
        fs::write(&private, "%PDF-").unwrap();
        fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).unwrap();
        let p = BundlePlan {
            workspace: Some(fs::canonicalize(ws.path()).unwrap()),
            ..plan(vec![
                bytes("a.md", "a"),
                copy("documents/01-private.pdf", &private),
            ])
        };
        let out = ws.path().join("out");
        write(&p, &out, zip_force()).unwrap();
        let mode = |name: &str| {
            fs::metadata(out.join("acme").join(name))
                .unwrap()
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(
            mode("documents/01-private.pdf") & 0o077,
            0,
            "group and others get nothing"
        );
        assert_eq!(mode("a.md") & 0o600, 0o600);
        let mut archive = zip::ZipArchive::new(File::open(out.join("acme.zip")).unwrap()).unwrap();
        let entry = archive.by_name("acme/documents/01-private.pdf").unwrap();
        assert_eq!(entry.unix_mode().map(|m| m & 0o777), Some(0o600));
        drop(entry);
        let entry = archive.by_name("acme/a.md").unwrap();
        assert_eq!(entry.unix_mode().map(|m| m & 0o777), Some(0o644));
    }
}
