//! Writing a [`BundlePlan`] to disk, all or nothing.
//!
//! Flow: refuse when `DIR/<slug>/` or `DIR/<slug>.zip` exists (unless
//! `force`) → create DIR → a temporary folder inside DIR (same filesystem,
//! so renames are atomic) → write every file there and fsync it, hashing
//! the bytes written → manifest.json → the zip, read back from the staged
//! files so it holds exactly the same tree → move any old bundle aside
//! (into the temporary folder) → rename the new folder and zip into place →
//! drop the temporary folder, which deletes the old bundle with it.
//!
//! Any failure before the final renames leaves DIR as it was (the
//! temporary folder is removed on drop); a failure during them puts the old
//! bundle back. A run killed outright can leave only a hidden
//! `.claimtool-bundle-*` folder, never a half bundle under the real name.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;

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

fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Writes the bundle into `out` (see the module docs).
pub fn write(plan: &BundlePlan, out: &Path, options: WriteOptions) -> Result<Written, WriteError> {
    let final_dir = out.join(&plan.slug);
    let final_zip = out.join(format!("{}.zip", plan.slug));
    if !options.force {
        for path in [&final_dir, &final_zip] {
            if exists(path) {
                return Err(WriteError::Exists(path.clone()));
            }
        }
    }
    fs::create_dir_all(out).map_err(io_err("create", out))?;
    let temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempdir_in(out)
        .map_err(io_err("create a temporary folder in", out))?;
    let stage = temp.path().join(&plan.slug);
    fs::create_dir(&stage).map_err(io_err("create", &stage))?;

    let mut entries = Vec::with_capacity(plan.files.len());
    for file in &plan.files {
        let bytes = match &file.content {
            Content::Bytes(b) => std::borrow::Cow::Borrowed(b.as_slice()),
            Content::Copy(path) => {
                std::borrow::Cow::Owned(fs::read(path).map_err(io_err("read", path))?)
            }
        };
        let target = stage.join(&file.name);
        if let Some(parent) = target.parent()
            && !parent.exists()
        {
            fs::create_dir_all(parent).map_err(io_err("create", parent))?;
        }
        write_synced(&target, &bytes)?;
        entries.push(ManifestEntry {
            name: file.name.clone(),
            source: file.source.clone(),
            size: bytes.len() as u64,
            sha256: hex::encode(Sha256::digest(&bytes)),
            file_type: file.file_type.map_or_else(
                || documents::detect(&bytes).name().to_string(),
                str::to_string,
            ),
        });
    }
    let mut manifest = serde_json::to_string_pretty(&Manifest { files: &entries })
        .map_err(|e| io_err("serialise", &stage.join("manifest.json"))(io::Error::other(e)))?;
    manifest.push('\n');
    write_synced(&stage.join("manifest.json"), manifest.as_bytes())?;
    sync_dir(&stage.join("documents"));
    sync_dir(&stage);

    let staged_zip = temp.path().join(format!("{}.zip", plan.slug));
    if options.zip {
        let mut names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        names.push("manifest.json");
        write_zip(&stage, &plan.slug, &names, plan.today, &staged_zip)?;
    }

    // Swap into place. Old bundles go into the temporary folder first so
    // they can be put back if a rename fails, and vanish with it otherwise.
    let old = temp.path().join("replaced");
    fs::create_dir(&old).map_err(io_err("create", &old))?;
    let mut moved_aside: Vec<(PathBuf, PathBuf)> = Vec::new();
    for (path, aside) in [(&final_dir, old.join("dir")), (&final_zip, old.join("zip"))] {
        if exists(path) {
            if let Err(e) = fs::rename(path, &aside) {
                restore(&moved_aside);
                return Err(io_err("move aside", path)(e));
            }
            moved_aside.push((path.clone(), aside));
        }
    }
    if let Err(e) = fs::rename(&stage, &final_dir) {
        restore(&moved_aside);
        return Err(io_err("rename into place", &final_dir)(e));
    }
    if options.zip
        && let Err(e) = fs::rename(&staged_zip, &final_zip)
    {
        // Take the new folder back out so the old bundle can return whole.
        let _ = fs::rename(&final_dir, &stage);
        restore(&moved_aside);
        return Err(io_err("rename into place", &final_zip)(e));
    }
    sync_dir(out);
    let replaced = moved_aside.into_iter().map(|(path, _)| path).collect();
    // Dropping `temp` deletes the replaced bundle.
    drop(temp);
    Ok(Written {
        dir: final_dir,
        zip: options.zip.then_some(final_zip),
        files: entries,
        replaced,
    })
}

/// Puts moved-aside paths back (best effort: we are already failing).
fn restore(moved: &[(PathBuf, PathBuf)]) {
    for (path, aside) in moved {
        let _ = fs::rename(aside, path);
    }
}

/// Creates `path` (it must not exist), writes `bytes`, fsyncs.
fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io_err("create", path))?;
    f.write_all(bytes).map_err(io_err("write", path))?;
    f.sync_all().map_err(io_err("sync", path))
}

/// Makes a folder's entries durable (Unix; elsewhere a no-op).
fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(path) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// The zip: `<slug>/` and every staged file under it, deflated, with a
/// fixed timestamp (today at midnight) so the same bundle gives the same
/// bytes.
fn write_zip(
    stage: &Path,
    slug: &str,
    names: &[&str],
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
    for name in names {
        if let Some((dir, _)) = name.rsplit_once('/')
            && dirs_added.insert(dir.to_string())
        {
            zip.add_directory(format!("{slug}/{dir}/"), dir_options)
                .map_err(zerr)?;
        }
        let path = stage.join(name);
        let mut bytes = Vec::new();
        File::open(&path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map_err(io_err("read", &path))?;
        zip.start_file(format!("{slug}/{name}"), options)
            .map_err(zerr)?;
        zip.write_all(&bytes).map_err(io_err("write", target))?;
    }
    let file = zip.finish().map_err(zerr)?;
    file.sync_all().map_err(io_err("sync", target))
}

#[cfg(test)]
mod tests {
    use super::super::PlannedFile;
    use super::*;

    fn plan(files: Vec<PlannedFile>) -> BundlePlan {
        BundlePlan {
            slug: "acme".into(),
            files,
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
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
}
