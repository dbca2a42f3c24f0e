//! Putting a staged bundle in place, one run at a time, in steps a later
//! run can finish or undo.
//!
//! Three pieces:
//!
//! - [`DirLock`]: an exclusive lock on `DIR/.claimtool-bundle.lock`, held
//!   from before the "does the bundle exist?" check to the end of the swap,
//!   so two runs writing into the same DIR take turns: the second sees the
//!   first one's bundle (and exits 2 without `--force`). The lock is the
//!   operating system's (`flock`, `LockFileEx`), so a killed run releases
//!   it; the file is removed by the run holding it.
//! - The journal: before the first rename, the temporary folder gets a
//!   `swap` file naming the slug and whether the run writes a zip and
//!   replaces (`--force`). Everything the swap needs is then inside the
//!   temporary folder: the staged `<slug>/` and `<slug>.zip`, and
//!   `replaced/dir`, `replaced/zip` (the old bundle, moved aside). A `done`
//!   file marks a finished swap (only deleting is left); a `rollback` file
//!   a swap being undone after a failed rename.
//! - [`recover`]: run under the lock before anything else, it looks at every
//!   `.claimtool-bundle-*` folder in DIR (their runs are dead: they would
//!   hold the lock) and finishes an interrupted swap ([`forward`]: the
//!   same idempotent steps the swap itself takes), completes a rollback, or
//!   deletes a folder whose run never reached the swap. What it cannot
//!   settle it leaves in place and names.
//!
//! Renames that must not replace anything use `renameat2(RENAME_NOREPLACE)`
//! on Linux, and elsewhere (or on file systems without it) a check of the
//! target just before the rename, under the lock.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::write::TEMP_PREFIX;

/// The lock file's name in DIR.
pub const LOCK_NAME: &str = ".claimtool-bundle.lock";
const JOURNAL: &str = "swap";
const DONE: &str = "done";
const ROLLBACK: &str = "rollback";
const JOURNAL_HEADER: &str = "claimtool bundle swap 1";

pub(crate) fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// The exclusive lock on a bundle folder (see the module docs).
pub struct DirLock {
    file: File,
    path: PathBuf,
}

impl DirLock {
    /// Waits for the lock on `out` (which must exist).
    pub fn acquire(out: &Path) -> io::Result<DirLock> {
        let path = out.join(LOCK_NAME);
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)?;
            file.lock()?;
            // The holder before us may have removed the file after we
            // opened it: then our lock is on a file nobody else sees.
            if same_file(&file, &path) {
                return Ok(DirLock { file, path });
            }
        }
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    // An open file cannot be deleted here, so it is still the one at `path`.
    path.exists()
}

impl Drop for DirLock {
    fn drop(&mut self) {
        // Removed while still held, so a waiter notices (see `acquire`).
        #[cfg(unix)]
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
        #[cfg(not(unix))]
        let _ = fs::remove_file(&self.path);
    }
}

/// What a swap does, as its journal records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    pub slug: String,
    pub zip: bool,
    pub force: bool,
}

impl Journal {
    fn text(&self) -> String {
        format!(
            "{JOURNAL_HEADER}\nslug={}\nzip={}\nforce={}\n",
            self.slug, self.zip, self.force
        )
    }

    fn parse(text: &str) -> Option<Journal> {
        let mut lines = text.lines();
        if lines.next()? != JOURNAL_HEADER {
            return None;
        }
        let mut value = |key: &str| lines.next()?.strip_prefix(key)?.strip_prefix('=');
        let slug = value("slug")?.to_string();
        let zip = value("zip")?.parse().ok()?;
        let force = value("force")?.parse().ok()?;
        // Only what `bundle::slug` makes: no separator, no `..`.
        let safe = !slug.is_empty()
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        safe.then_some(Journal { slug, zip, force })
    }

    /// Writes the journal into the temporary folder, durably.
    pub fn write(&self, temp: &Path) -> io::Result<()> {
        create_synced(&temp.join(JOURNAL), self.text().as_bytes())?;
        sync_dir(temp);
        Ok(())
    }
}

/// The paths of one swap.
struct Paths {
    stage: PathBuf,
    staged_zip: PathBuf,
    final_dir: PathBuf,
    final_zip: PathBuf,
    aside_dir: PathBuf,
    aside_zip: PathBuf,
}

impl Paths {
    fn new(temp: &Path, out: &Path, slug: &str) -> Paths {
        let zip = format!("{slug}.zip");
        Paths {
            stage: temp.join(slug),
            staged_zip: temp.join(&zip),
            final_dir: out.join(slug),
            final_zip: out.join(zip),
            aside_dir: temp.join("replaced/dir"),
            aside_zip: temp.join("replaced/zip"),
        }
    }
}

/// A rename that failed, with the path it was about.
#[derive(Debug)]
pub struct StepError {
    pub action: &'static str,
    pub path: PathBuf,
    pub source: io::Error,
}

fn step(action: &'static str, path: &Path, result: io::Result<()>) -> Result<(), StepError> {
    result.map_err(|source| StepError {
        action,
        path: path.to_path_buf(),
        source,
    })
}

/// Moves the old bundle aside (with `force`) and the staged one into place.
/// Idempotent: each step looks at where things are, so a recovery runs it
/// again from wherever a killed run stopped. What has left the temporary
/// folder is in place; what is still there is not.
pub fn forward(temp: &Path, out: &Path, journal: &Journal) -> Result<Vec<PathBuf>, StepError> {
    let p = Paths::new(temp, out, &journal.slug);
    let mut replaced = Vec::new();
    if journal.force {
        let replaced_dir = temp.join("replaced");
        if !exists(&replaced_dir) {
            step("create", &replaced_dir, fs::create_dir(&replaced_dir))?;
        }
        // Without --zip this run, an older zip goes too: the folder and the
        // zip never disagree.
        let zip_pending = !journal.zip || exists(&p.staged_zip);
        for (pending, real, aside) in [
            (exists(&p.stage), &p.final_dir, &p.aside_dir),
            (zip_pending, &p.final_zip, &p.aside_zip),
        ] {
            if pending && exists(real) && !exists(aside) {
                step("move aside", real, fs::rename(real, aside))?;
                replaced.push(real.clone());
            }
        }
    }
    if exists(&p.stage) {
        let r = rename_noreplace(&p.stage, &p.final_dir);
        step("rename into place", &p.final_dir, r)?;
    }
    if journal.zip && exists(&p.staged_zip) {
        let r = rename_noreplace(&p.staged_zip, &p.final_zip);
        step("rename into place", &p.final_zip, r)?;
    }
    sync_dir(out);
    Ok(replaced)
}

/// Marks the swap finished: only deleting the temporary folder is left.
pub fn mark_done(temp: &Path) {
    let _ = create_synced(&temp.join(DONE), b"");
    sync_dir(temp);
}

/// Undoes a swap: takes this run's files back out of place and puts the old
/// bundle back. `Err` when something could not be put back: the temporary
/// folder must then be kept (it may hold the old bundle).
pub fn rollback(temp: &Path, out: &Path, journal: &Journal) -> Result<(), StepError> {
    if !exists(&temp.join(ROLLBACK)) {
        step(
            "create",
            &temp.join(ROLLBACK),
            create_synced(&temp.join(ROLLBACK), b""),
        )?;
        sync_dir(temp);
    }
    let p = Paths::new(temp, out, &journal.slug);
    // What left the temporary folder was put in place by this swap.
    if !exists(&p.stage) && exists(&p.final_dir) {
        step(
            "take back",
            &p.final_dir,
            fs::rename(&p.final_dir, &p.stage),
        )?;
    }
    if journal.zip && !exists(&p.staged_zip) && exists(&p.final_zip) {
        step(
            "take back",
            &p.final_zip,
            fs::rename(&p.final_zip, &p.staged_zip),
        )?;
    }
    for (real, aside) in [(&p.final_dir, &p.aside_dir), (&p.final_zip, &p.aside_zip)] {
        if exists(aside) {
            step("put back", real, rename_noreplace(aside, real))?;
        }
    }
    sync_dir(out);
    Ok(())
}

/// Settles every temporary folder left in `out` by a killed run (the lock
/// must be held). Returns one line per folder, saying what was done.
pub fn recover(out: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(out) else {
        return Vec::new();
    };
    let mut temps: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name().to_string_lossy().starts_with(TEMP_PREFIX)
                && e.file_type().is_ok_and(|t| t.is_dir())
        })
        .map(|e| e.path())
        .collect();
    temps.sort();
    temps.iter().map(|temp| recover_one(temp, out)).collect()
}

fn recover_one(temp: &Path, out: &Path) -> String {
    let shown = temp.display();
    let journal = fs::read_to_string(temp.join(JOURNAL)).ok();
    let Some(text) = journal else {
        if exists(&temp.join("replaced")) {
            // Not a swap of this version: leave whatever it holds.
            return format!(
                "left {shown}: an interrupted run moved a bundle into it; look inside and move it back by hand"
            );
        }
        // Killed while staging: it holds copies only.
        return remove(temp, "removed the unfinished bundle", &shown.to_string());
    };
    let Some(journal) = Journal::parse(&text) else {
        return format!("left {shown}: its `swap` journal cannot be read");
    };
    let bundle = out.join(&journal.slug).display().to_string();
    if exists(&temp.join(DONE)) {
        return remove(
            temp,
            "removed the leftovers of the finished bundle",
            &bundle,
        );
    }
    let undo = exists(&temp.join(ROLLBACK));
    let settled = if undo {
        rollback(temp, out, &journal).map(|()| "rolled back the interrupted bundle")
    } else {
        forward(temp, out, &journal).map(|_| "finished the interrupted bundle")
    };
    match settled {
        Ok(what) => remove(temp, what, &bundle),
        Err(e) => format!(
            "left {shown} (an interrupted bundle of {bundle}): cannot {} {}: {}",
            e.action,
            e.path.display(),
            e.source
        ),
    }
}

/// Removes a settled temporary folder; the note says what was done.
fn remove(temp: &Path, what: &str, bundle: &str) -> String {
    match fs::remove_dir_all(temp) {
        Ok(()) => format!("{what} {bundle}"),
        Err(e) => format!("{what} {bundle}, but cannot remove {}: {e}", temp.display()),
    }
}

/// `rename` that fails with `AlreadyExists` instead of replacing `to`.
pub fn rename_noreplace(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let c = |p: &Path| {
            CString::new(p.as_os_str().as_bytes())
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a NUL byte in a path"))
        };
        let (cfrom, cto) = (c(from)?, c(to)?);
        // SAFETY: two valid NUL-terminated paths, relative to the current folder.
        let r = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                cfrom.as_ptr(),
                libc::AT_FDCWD,
                cto.as_ptr(),
                libc::RENAME_NOREPLACE,
            )
        };
        if r == 0 {
            return Ok(());
        }
        let e = io::Error::last_os_error();
        // Kernels or file systems without the flag: the fallback below.
        if !matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) {
            return Err(e);
        }
    }
    // Under the lock, nothing of claimtool's can appear in between.
    if exists(to) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "the target exists",
        ));
    }
    fs::rename(from, to)
}

/// Creates `path` (it must not exist), writes `bytes`, fsyncs.
fn create_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Makes a folder's entries durable (Unix; elsewhere a no-op).
pub fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(path) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}
