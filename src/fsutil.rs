//! File-system helpers shared by the library and the binary.
//!
//! [`read_bounded`] is the one way claimtool reads a file it was given
//! (claim files, `claimtool.toml`, engagement catalogues, wizard drafts and
//! `--from` files, `score import` CSVs; claim *documents* are read by
//! `documents`): the path's type is checked with `metadata` before it is
//! opened (opening a FIFO would block), only regular files are read
//! (symbolic links are followed), and a file over its cap is refused without
//! being read, so `/dev/zero` or a 1 GB log costs nothing. Each
//! [`ReadError`] names the file and says what it is ("is a folder", "is not
//! a regular file", "is a link that loops", "is N bytes; ... at most M").
//! [`read_bounded_regular`] is its form for a path the caller has just seen
//! to be a regular file (a folder walk's entry, a file named on the command
//! line): the same checks and cap, asked of the opened file only when it
//! reads as empty or longer than 8 KiB, instead of a second look-up of the
//! path before opening, which was a twentieth of checking a folder.
//!
//! [`write_atomic`] is the one way claimtool replaces a file in place (a
//! wizard's draft and claim, `score import --out`): a temporary file in the
//! same folder, flushed to disk, renamed over the target. Bundles are
//! written the same way a folder at a time (`bundle::write`).

use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};

/// Claim files, `claimtool.toml` and drafts: a few kilobytes each.
pub const MAX_TEXT_FILE_BYTES: u64 = 1024 * 1024;
/// An engagement catalogue: the built-in one is 9 KB.
pub const MAX_CATALOG_BYTES: u64 = 4 * 1024 * 1024;
/// A `score import` CSV: a few lines per month of scoring history.
pub const MAX_CSV_BYTES: u64 = 4 * 1024 * 1024;

/// Why a file was not read. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{} does not exist", shown(.path))]
    Missing { path: PathBuf },
    #[error("{} is a broken link: it points to {}, which does not exist", shown(.path), shown(.target))]
    BrokenLink { path: PathBuf, target: PathBuf },
    #[error("{} is a symbolic link that loops (it leads back to itself)", shown(.path))]
    LinkLoop { path: PathBuf },
    #[error("{} is a folder, not a file", shown(.path))]
    Folder { path: PathBuf },
    #[error(
        "{} is not a regular file (a device, FIFO or socket); give a regular file",
        shown(.path)
    )]
    NotAFile { path: PathBuf },
    #[error(
        "{} is {size} bytes; {what} is at most {cap} bytes, so it was not read",
        shown(.path)
    )]
    TooLarge {
        path: PathBuf,
        /// The size on disk (at least this many for a file that grew).
        size: u64,
        cap: u64,
        /// What the file was meant to be ("a claim file").
        what: &'static str,
    },
    #[error(
        "{} is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8",
        shown(.path)
    )]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("cannot read {}: {source}", shown(.path))]
    Io { path: PathBuf, source: io::Error },
}

/// [`read_bounded`], as UTF-8 text.
pub fn read_text_bounded(path: &Path, cap: u64, what: &'static str) -> Result<String, ReadError> {
    String::from_utf8(read_bounded(path, cap, what)?).map_err(|e| ReadError::NotUtf8 {
        path: path.into(),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

impl ReadError {
    /// The message with what the file is for: `config x is a folder, not a
    /// file`, `cannot read config x: Input/output error`.
    pub fn describe(&self, what: &str) -> String {
        match self {
            ReadError::Io { path, source } => {
                format!("cannot read {what} {}: {source}", shown(path))
            }
            other => format!("{what} {other}"),
        }
    }
}

/// The metadata of `path` when it is a regular file (links followed);
/// otherwise what it is instead. Never opens the file.
pub fn regular_file(path: &Path) -> Result<std::fs::Metadata, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| not_readable(path, e))?;
    if meta.is_dir() {
        return Err(ReadError::Folder { path: path.into() });
    }
    if !meta.is_file() {
        return Err(ReadError::NotAFile { path: path.into() });
    }
    Ok(meta)
}

/// Reads a regular file of at most `cap` bytes; `what` says what the file
/// is for the too-large message ("a claim file", "a catalogue").
pub fn read_bounded(path: &Path, cap: u64, what: &'static str) -> Result<Vec<u8>, ReadError> {
    let meta = regular_file(path)?;
    // Refused before it is opened.
    if meta.len() > cap {
        return Err(too_large(path, meta.len(), cap, what));
    }
    let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    read_on(path, &file, &meta, bytes, cap, what)
}

/// [`read_bounded`] for a path the caller has just found to be a regular
/// file (a folder walk's entry or a file named on the command line, links
/// followed): it is opened at once, without being looked up first, and
/// without blocking should a FIFO have been swapped in since. What the
/// opened file is (`fstat`) is asked only when it reads as empty or longer
/// than a claim usually is ([`USUAL_TEXT_BYTES`]): a FIFO or a device is
/// then refused as [`read_bounded`] refuses it, and a file over the cap
/// after its first 8 KiB. A path that cannot be opened goes through
/// [`read_bounded`], so its message is the usual one (does not exist, a
/// broken link, a loop, too large).
pub fn read_bounded_regular(
    path: &Path,
    cap: u64,
    what: &'static str,
) -> Result<Vec<u8>, ReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let Ok(file) = options.open(path) else {
        return read_bounded(path, cap, what);
    };
    let usual = USUAL_TEXT_BYTES.min(cap);
    let mut bytes = Vec::with_capacity(usize::try_from(usual).unwrap_or(0) + 1);
    (&file)
        .take(usual + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    if bytes.is_empty() || bytes.len() as u64 > usual {
        let meta = file.metadata().map_err(|e| io_error(path, e))?;
        bytes = read_on(path, &file, &meta, bytes, cap, what)?;
    }
    // The guessed buffer is given back: the text lives as long as its
    // file's check, and hundreds of files are checked at once.
    if bytes.capacity() > 2 * bytes.len() + 64 {
        bytes.shrink_to_fit();
    }
    Ok(bytes)
}

/// The rest of an opened file, after the `bytes` already read from it:
/// refused unless `meta` says it is a regular file of at most `cap` bytes,
/// then read to its end, at most one byte past the cap should it have
/// grown since.
fn read_on(
    path: &Path,
    file: &std::fs::File,
    meta: &std::fs::Metadata,
    mut bytes: Vec<u8>,
    cap: u64,
    what: &'static str,
) -> Result<Vec<u8>, ReadError> {
    if !meta.is_file() {
        return Err(ReadError::NotAFile { path: path.into() });
    }
    if meta.len() > cap {
        return Err(too_large(path, meta.len(), cap, what));
    }
    let rest = (cap + 1).saturating_sub(bytes.len() as u64);
    file.take(rest)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    if bytes.len() as u64 > cap {
        return Err(too_large(path, bytes.len() as u64, cap, what));
    }
    Ok(bytes)
}

fn too_large(path: &Path, size: u64, cap: u64, what: &'static str) -> ReadError {
    ReadError::TooLarge {
        path: path.into(),
        size,
        cap,
        what,
    }
}

fn io_error(path: &Path, source: io::Error) -> ReadError {
    ReadError::Io {
        path: path.into(),
        source,
    }
}

/// What a claim file or a config usually stays under: read at once by
/// [`read_bounded_regular`] before anything else is asked of the file.
const USUAL_TEXT_BYTES: u64 = 8 * 1024;

/// What a failed `metadata` means: missing, a broken link, a loop.
fn not_readable(path: &Path, e: io::Error) -> ReadError {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return ReadError::LinkLoop { path: path.into() };
    }
    if e.kind() == io::ErrorKind::NotFound {
        return match std::fs::read_link(path) {
            Ok(target) => ReadError::BrokenLink {
                path: path.into(),
                target,
            },
            Err(_) => ReadError::Missing { path: path.into() },
        };
    }
    io_error(path, e)
}

/// Writes `contents` to `path` through a temporary file in the same folder,
/// flushed to disk, then renamed over `path`: readers see the old file or
/// the new one, never a part, and an interrupted run leaves no half-written
/// file. The folder must exist; [`create_parent`] makes it when a caller
/// wants that.
///
/// The file gets the mode any other tool would give it: a new file the
/// person's umask applied to 0666 (not the 0600 of a temporary file); a
/// replaced file keeps its own mode.
pub fn write_atomic(path: &Path, contents: impl AsRef<[u8]>) -> io::Result<()> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    builder.permissions(new_file_permissions(path));
    let mut tmp = builder.tempfile_in(parent(path))?;
    tmp.write_all(contents.as_ref())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The mode to create `path`'s temporary file with: the existing file's, or
/// 0666 (open(2) applies the umask to it, as for any new file).
#[cfg(unix)]
fn new_file_permissions(path: &Path) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt as _;
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => meta.permissions(),
        _ => std::fs::Permissions::from_mode(0o666),
    }
}

/// Creates the folder `path` is in, and its parents, when missing.
pub fn create_parent(path: &Path) -> io::Result<()> {
    std::fs::create_dir_all(parent(path))
}

/// The folder `path` is in (`.` for a bare file name).
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::{ReadError, create_parent, read_bounded, read_bounded_regular, write_atomic};

    #[test]
    fn read_bounded_reads_regular_files_up_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "kind = 1\n").unwrap();
        assert_eq!(read_bounded(&path, 9, "x").unwrap(), b"kind = 1\n");
        let e = read_bounded(&path, 8, "a claim file").unwrap_err();
        assert!(matches!(
            e,
            ReadError::TooLarge {
                size: 9,
                cap: 8,
                ..
            }
        ));
        assert!(
            e.to_string().ends_with(
                "a.toml is 9 bytes; a claim file is at most 8 bytes, so it was not read"
            )
        );
    }

    #[test]
    fn read_bounded_regular_keeps_the_cap_and_never_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "kind = 1\n").unwrap();
        assert_eq!(read_bounded_regular(&path, 9, "x").unwrap(), b"kind = 1\n");
        // Longer than a claim usually is, under the cap: read whole.
        let long = "x".repeat(9_000);
        std::fs::write(&path, &long).unwrap();
        assert_eq!(
            read_bounded_regular(&path, 10_000, "x").unwrap(),
            long.as_bytes()
        );
        std::fs::write(&path, "").unwrap();
        assert_eq!(read_bounded_regular(&path, 10, "x").unwrap(), b"");
        // Exactly the cap is allowed; one byte more is not.
        let at_cap = "x".repeat(10_000);
        std::fs::write(&path, &at_cap).unwrap();
        assert_eq!(
            read_bounded_regular(&path, 10_000, "x").unwrap(),
            at_cap.as_bytes()
        );
        assert!(matches!(
            read_bounded_regular(&path, 9_999, "x"),
            Err(ReadError::TooLarge {
                size: 10_000,
                cap: 9_999,
                ..
            })
        ));
        // Too large: refused with the file's real size, before it is read
        // past its first 8 KiB.
        std::fs::write(&path, "x".repeat(20_000)).unwrap();
        let e = read_bounded_regular(&path, 10_000, "a claim file").unwrap_err();
        assert!(
            matches!(
                e,
                ReadError::TooLarge {
                    size: 20_000,
                    cap: 10_000,
                    ..
                }
            ),
            "{e:?}"
        );
        // What cannot be opened is said as `read_bounded` says it.
        let is = |p: &std::path::Path| read_bounded_regular(p, 100, "x").unwrap_err().to_string();
        assert!(is(&dir.path().join("gone.toml")).ends_with("gone.toml does not exist"));
        // A device in a walked file's place is refused, not read.
        assert!(is(std::path::Path::new("/dev/zero")).contains("is not a regular file"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("nowhere", dir.path().join("dangling")).unwrap();
            assert!(
                is(&dir.path().join("dangling")).contains("is a broken link: it points to nowhere")
            );
            // A FIFO swapped in after the walk: the open does not wait for
            // a writer (the test would hang if it did), and it is refused.
            let fifo = dir.path().join("fifo");
            let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
            // SAFETY: a valid NUL-terminated path.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            assert!(is(&fifo).contains("is not a regular file"));
        }
    }

    #[test]
    fn read_bounded_says_what_the_path_is() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let is = |p: &std::path::Path| read_bounded(p, 100, "x").unwrap_err().to_string();
        assert!(is(d).ends_with("is a folder, not a file"));
        assert!(is(&d.join("nope")).ends_with("nope does not exist"));
        assert!(is(std::path::Path::new("/dev/zero")).contains("is not a regular file"));
        #[cfg(unix)]
        {
            let fifo = d.join("fifo");
            let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
            // SAFETY: a valid NUL-terminated path.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            // Checked before opening: returns at once instead of blocking.
            assert!(is(&fifo).contains("is not a regular file"));
            std::os::unix::fs::symlink("self", d.join("self")).unwrap();
            assert!(is(&d.join("self")).contains("symbolic link that loops"));
            std::os::unix::fs::symlink("gone", d.join("dangling")).unwrap();
            assert!(is(&d.join("dangling")).contains("is a broken link: it points to gone"));
        }
    }

    #[test]
    fn write_atomic_replaces_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/claim.toml");
        create_parent(&path).unwrap();
        write_atomic(&path, "a = 1\n").unwrap();
        write_atomic(&path, "a = 2\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a = 2\n");
        assert_eq!(
            std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1
        );
    }

    /// Files written by the wizards and `score import --out` get the mode
    /// of any new file (the umask applied to 0666), not tempfile's 0600;
    /// a replaced file keeps its mode (issue 15, item 14).
    #[cfg(unix)]
    #[test]
    fn write_atomic_honours_the_umask_and_keeps_an_existing_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claim.toml");
        // What the process umask gives a plain new file here.
        let probe = dir.path().join("probe");
        std::fs::write(&probe, "").unwrap();
        let expected = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
        write_atomic(&path, "a = 1\n").unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), expected);
        assert_ne!(mode(&path), 0o600, "a temporary file's mode leaked");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, "a = 2\n").unwrap();
        assert_eq!(mode(&path), 0o640);
    }

    #[test]
    fn write_atomic_does_not_create_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/history.toml");
        assert!(write_atomic(&path, "x").is_err());
        assert!(!dir.path().join("missing").exists());
    }
}
