//! File-system helpers shared by the library and the binary.
//!
//! [`write_atomic`] is the one way claimtool replaces a file in place (a
//! wizard's draft and claim, `score import --out`): a temporary file in the
//! same folder, flushed to disk, renamed over the target. Bundles are
//! written the same way a folder at a time (`bundle::write`).

use std::io::{self, Write as _};
use std::path::Path;

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
    use super::{create_parent, write_atomic};

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
