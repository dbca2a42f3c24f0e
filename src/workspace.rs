//! The workspace: the folder a claim's documents may come from.
//!
//! A claim file can come from someone else, and its `[[documents]]` paths
//! are copied into bundles and listed in SUBMIT.md for upload. So a
//! document must resolve (symlinks followed, `..` applied) to a file inside
//! the workspace: the folder of the `claimtool.toml` in use (or its
//! `[workspace] root`), or, without a config, the claim file's own folder.
//! The `document-outside-workspace` rule reports the others, and
//! `bundle` refuses to copy them whatever the rule's severity.
//!
//! Flow: [`Workspace::root_for`] gives the (canonical) root for a claim
//! file; [`Workspace::locate`] resolves a document's path and says whether
//! it is inside. Both results are cached for the run (many claims share a
//! folder and documents), behind a lock, as the rules run in parallel.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use crate::config::Config;

/// Where a document's path leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Located {
    /// Inside the workspace, at this resolved path.
    Inside(PathBuf),
    /// Outside: the resolved path and the workspace root.
    Outside { resolved: PathBuf, root: PathBuf },
    /// It does not resolve (missing, unreadable folder): other rules say so.
    Unresolved,
}

/// The workspace of one run: the configured root, and a cache of resolved
/// paths.
#[derive(Debug, Default)]
pub struct Workspace {
    /// The configured root, resolved once: `None` until first asked;
    /// `Some(None)` when there is no config (each claim's folder is its root).
    configured: OnceLock<Option<PathBuf>>,
    resolved: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
}

impl Workspace {
    /// `path` with symlinks followed and `..` applied, or `None` when it
    /// does not exist; cached.
    pub fn canonical(&self, path: &Path) -> Option<PathBuf> {
        if let Some(hit) = self.cache().get(path) {
            return hit.clone();
        }
        let real = std::fs::canonicalize(path).ok();
        self.cache().insert(path.to_path_buf(), real.clone());
        real
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Option<PathBuf>>> {
        // A panic elsewhere while holding the lock leaves the map usable.
        self.resolved
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The root for a claim at `claim_file`: the config's workspace folder,
    /// else the claim file's own folder; canonical. `None` when neither
    /// resolves (then nothing can be said to be inside).
    pub fn root_for(&self, config: &Config, claim_file: &Path) -> Option<PathBuf> {
        let configured = self
            .configured
            .get_or_init(|| config.workspace_dir().and_then(|d| self.canonical(&d)));
        match configured {
            Some(root) => Some(root.clone()),
            None if config.workspace_dir().is_some() => None,
            None => {
                let dir = claim_file.parent().unwrap_or(Path::new(""));
                let dir = if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                };
                self.canonical(dir)
            }
        }
    }

    /// Where the document at `path` (already joined to the claim file's
    /// folder) leads, for a claim at `claim_file`.
    pub fn locate(&self, config: &Config, claim_file: &Path, path: &Path) -> Located {
        let Some(resolved) = self.canonical(path) else {
            return Located::Unresolved;
        };
        match self.root_for(config, claim_file) {
            Some(root) if resolved.starts_with(&root) => Located::Inside(resolved),
            Some(root) => Located::Outside { resolved, root },
            // A workspace that does not exist holds nothing.
            None => Located::Outside {
                resolved,
                root: config.workspace_dir().unwrap_or_default(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn symlinks_and_dot_dots_are_followed_before_judging() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("ws");
        std::fs::create_dir_all(ws.join("poe")).unwrap();
        std::fs::create_dir_all(dir.path().join("secret")).unwrap();
        std::fs::write(dir.path().join("secret/creds.csv"), "x").unwrap();
        std::fs::write(ws.join("poe/sow.pdf"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret/creds.csv"), ws.join("poe/x.eml"))
            .unwrap();
        let claim = ws.join("claim.toml");
        let config = Config::default();
        let w = Workspace::default();
        let inside = |p: &str| matches!(w.locate(&config, &claim, &ws.join(p)), Located::Inside(_));
        assert!(inside("poe/sow.pdf"));
        assert!(inside("poe/../poe/sow.pdf"));
        assert!(!inside("../secret/creds.csv"));
        assert!(!inside("poe/x.eml"));
        assert!(!inside("/etc/passwd"));
        assert_eq!(
            w.locate(&config, &claim, &ws.join("poe/none.pdf")),
            Located::Unresolved
        );
        // With a config, its folder is the root, wherever the claim is.
        let config = Config {
            path: Some(dir.path().join("claimtool.toml")),
            ..Config::default()
        };
        let w = Workspace::default();
        assert!(matches!(
            w.locate(&config, &claim, &ws.join("../secret/creds.csv")),
            Located::Inside(_)
        ));
    }
}
