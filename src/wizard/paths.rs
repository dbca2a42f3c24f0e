//! Paths in a wizard: one rule for every document path. A path is typed
//! relative to the folder claimtool runs in (as a shell completes it) and
//! stored relative to the claim file's folder (as the claim format
//! requires), whether the file exists yet or not: both ends are
//! [`resolve`]d the same way, so a file created later where the path was
//! typed is the file `validate` finds.

use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

/// An absolute path with `.` and `..` resolved. The longest part that
/// exists is canonicalised (symlinks resolved, as the file system sees
/// them); the rest, which does not exist yet, is appended as written.
pub(super) fn resolve(path: &Path) -> PathBuf {
    let whole = lexical(path);
    let mut base = whole.clone();
    let mut rest: Vec<OsString> = Vec::new();
    loop {
        if let Ok(mut found) = base.canonicalize() {
            found.extend(rest.iter().rev());
            return found;
        }
        match (base.file_name().map(ToOwned::to_owned), base.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                base = parent.to_path_buf();
            }
            _ => return whole,
        }
    }
}

/// `a/./b/../c` → `a/c`, without looking at the file system.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                let at_root = matches!(
                    out.components().next_back(),
                    None | Some(Component::RootDir | Component::Prefix(_) | Component::ParentDir)
                );
                if at_root {
                    out.push("..");
                } else {
                    out.pop();
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// `target` relative to the folder `dir` (both resolved), with `/`.
pub(super) fn relative(dir: &Path, target: &Path) -> String {
    let dir: Vec<Component<'_>> = dir.components().collect();
    let target: Vec<Component<'_>> = target.components().collect();
    let common = dir.iter().zip(&target).take_while(|(a, b)| a == b).count();
    if common == 0 {
        // Another drive: only an absolute path works.
        return target.iter().collect::<PathBuf>().display().to_string();
    }
    let ups = std::iter::repeat_n("..".to_string(), dir.len() - common);
    let downs = target[common..]
        .iter()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let parts: Vec<String> = ups.chain(downs).collect();
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// The field of an entry after entry `index` of `table` was removed:
/// `documents[2].date` → `documents[1].date`; `None` when it does not move.
pub(super) fn entry_moved_up(field: &str, table: &str, index: usize) -> Option<String> {
    let rest = field.strip_prefix(table)?.strip_prefix('[')?;
    let (n, rest) = rest.split_once(']')?;
    let n: usize = n.parse().ok()?;
    (n > index).then(|| format!("{table}[{}]{rest}", n - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_does_not_exist_resolves_like_one_that_does() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("claims")).unwrap();
        let claims = resolve(&dir.path().join("claims"));
        let later = resolve(&dir.path().join("./poe/../poe/later.pdf"));
        assert_eq!(relative(&claims, &later), "../poe/later.pdf");
        std::fs::create_dir(dir.path().join("poe")).unwrap();
        std::fs::write(dir.path().join("poe/later.pdf"), "x").unwrap();
        let now = resolve(&dir.path().join("poe/later.pdf"));
        assert_eq!(now, later);
    }

    #[test]
    fn entries_move_up() {
        assert_eq!(
            entry_moved_up("documents[2].date", "documents", 0).as_deref(),
            Some("documents[1].date")
        );
        assert_eq!(entry_moved_up("documents[0].date", "documents", 0), None);
        assert_eq!(entry_moved_up("documentsx[3].a", "documents", 0), None);
    }
}
