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
pub fn write_atomic(path: &Path, contents: impl AsRef<[u8]>) -> io::Result<()> {
    let mut tmp = tempfile::NamedTempFile::new_in(parent(path))?;
    tmp.write_all(contents.as_ref())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
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

    #[test]
    fn write_atomic_does_not_create_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/history.toml");
        assert!(write_atomic(&path, "x").is_err());
        assert!(!dir.path().join("missing").exists());
    }
}
