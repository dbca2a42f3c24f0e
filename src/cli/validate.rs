//! `claimtool validate PATH...` and `claimtool <kind> validate FILE...`.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow, bail};
use claimtool::engine::{Input, ReportSource};
use claimtool::model::Kind;
use claimtool::report;
use claimtool::rules::Env;
use claimtool::streamed;

use super::args::ValidateFormat;
use super::{GlobalArgs, Outcome, context};

pub(super) fn run(
    global: &GlobalArgs,
    paths: &[PathBuf],
    format: ValidateFormat,
    kind: Option<Kind>,
) -> anyhow::Result<Outcome> {
    let (env, overrides) = context::load(global)?;
    let inputs = collect_inputs(paths, &env)?;
    let progress = progress_bar(inputs.len(), global.quiet);
    // Each file's report goes to a temporary file as it is checked and is
    // read back as the report is written (memory stays flat with the number
    // of files). Only the human report quotes the files' lines, and only
    // `<kind> validate` looks for `kind` again; otherwise the texts are let
    // go as soon as each file is checked.
    let options = streamed::Options {
        sources: format == ValidateFormat::Human,
        expected: kind,
    };
    // A hidden bar is not told: its counter and clock, shared by the
    // threads checking files, would be touched for nothing.
    let shown = !progress.is_hidden();
    let report = streamed::check_paths(inputs, &env, &overrides, options, &|| {
        if shown {
            progress.inc(1);
        }
    })
    .map_err(|failure| match failure {
        streamed::Failure::Read(path, e) => {
            anyhow::Error::new(e).context(format!("cannot read {path}"))
        }
        streamed::Failure::Spill(e) => {
            anyhow::Error::new(e).context("cannot write the run's temporary file")
        }
    })?;
    progress.finish_and_clear();
    print_report(global, format, &report, &env)?;
    Ok(if report.has_errors() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Below this many files a run is too quick for a progress bar to help.
const PROGRESS_MIN_FILES: usize = 200;

/// A bar on stderr for large runs on a terminal; hidden for pipes, CI logs
/// and `--quiet` (indicatif draws nothing when stderr is not a terminal).
fn progress_bar(files: usize, quiet: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if quiet || files < PROGRESS_MIN_FILES || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files checked ({eta})")
    {
        bar.set_style(style);
    }
    bar
}

/// Writes the report to stdout in the chosen format. A report that cannot
/// be written (a full disk, a closed file) is a failure (exit 2), never a
/// silent success: CI would otherwise upload a cut-off SARIF or JUnit file.
pub(super) fn print_report<R: ReportSource + ?Sized>(
    global: &GlobalArgs,
    format: ValidateFormat,
    report: &R,
    env: &Env,
) -> anyhow::Result<()> {
    let stdout = || std::io::stdout().lock();
    let written = match format {
        // Streamed: a report of thousands of files is never held as text.
        ValidateFormat::Json => report::json::write(report, env.today, stdout()),
        ValidateFormat::Junit => report::junit::write(report, stdout()),
        ValidateFormat::Sarif => report::sarif::write(report, stdout()),
        ValidateFormat::Github => report::ci::write_github(report, stdout()),
        ValidateFormat::Azure => report::ci::write_azure(report, stdout()),
        ValidateFormat::Human => {
            // anstream strips the colour when stdout is not a terminal, under
            // NO_COLOR, and with --color never.
            report::human::write(
                report,
                report::human::HumanOptions {
                    color: true,
                    quiet: global.quiet,
                },
                anstream::stdout().lock(),
            )
        }
    };
    match written {
        // A reader that stopped early (`| head`) wanted no more.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e).context("cannot write the report"),
        Ok(()) => Ok(()),
    }
}

/// The claim files under `paths`, in a stable order. A path that does not
/// exist stops the run (exit 2).
pub(super) fn collect_inputs(paths: &[PathBuf], env: &Env) -> anyhow::Result<Vec<Input>> {
    let excluded: Vec<PathBuf> = env
        .config
        .path
        .iter()
        .chain(env.config.catalog.iter())
        .chain(env.catalog.path.iter())
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let excluded_names: Vec<&std::ffi::OsStr> =
        excluded.iter().filter_map(|e| e.file_name()).collect();
    let mut inputs = Vec::new();
    for path in paths {
        if !path.exists() {
            // Missing, a broken link or a link loop: say which.
            match claimtool::fsutil::regular_file(path) {
                Err(e) => bail!("{e}"),
                Ok(_) => bail!("{} does not exist", path.display()),
            }
        }
        if path.is_file() {
            inputs.push(input(path));
            continue;
        }
        if !path.is_dir() {
            // A device, a FIFO, a socket: nothing claimtool can check, and
            // skipping it would report "0 files" as a success.
            bail!("{} is neither a claim file nor a folder", path.display());
        }
        let mut found = Vec::new();
        // A bundle given itself is checked through its claim.toml; its
        // claim.source.toml is the source's copy (its paths point outside).
        let root_is_bundle = claimtool::bundle::is_bundle_dir(path);
        // Links are followed (a claims folder may link shared claims in);
        // walkdir reports a link loop as an error, which stops the run.
        // Not `sort_by_file_name`: it re-parses both paths on every
        // comparison, which was a visible part of a 10,000-file run. The
        // files found are sorted once below instead.
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_skipped_dir(e));
        // Bundles below the given path are skipped: their claim is the
        // claim already checked where it lives.
        for entry in walker {
            let entry = entry.map_err(|e| walk_failure(path, &e))?;
            // The name is taken apart once per entry: parsing the path
            // for each question was a visible part of the (serial) walk.
            let name = entry.file_name();
            if entry.file_type().is_dir() || !is_toml_name(name) {
                continue;
            }
            let p = entry.path();
            if root_is_bundle && entry.depth() == 1 && name == claimtool::bundle::SOURCE_COPY {
                continue;
            }
            // A `.toml` that is not a regular file (a FIFO, a socket) is
            // named, not skipped: it may be a claim CI would miss.
            if !entry.file_type().is_file() {
                bail!("{} is not a regular file", p.display());
            }
            // The config and the catalogue are compared by name first, so
            // the costly canonical path is only taken for a likely match.
            if name == claimtool::config::FILE_NAME
                || (excluded_names.contains(&name)
                    && p.canonicalize().is_ok_and(|c| excluded.contains(&c)))
            {
                continue;
            }
            found.push(input(p));
        }
        found.sort_by_cached_key(|input| path_order_key(&input.path));
        inputs.extend(found);
    }
    Ok(inputs)
}

/// Sorting by this key orders paths component by component, as a sorted
/// walk visits them (`a/z.toml` before `a-b/c.toml`): the path's bytes with
/// each separator as the lowest byte. The paths of one walk share their
/// root, so this is the order of [`Path`]'s `Ord`, without parsing
/// components on every comparison (keys compare with `memcmp`).
fn path_order_key(path: &Path) -> Vec<u8> {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(|&b| {
            if std::path::is_separator(char::from(b)) {
                0
            } else {
                b
            }
        })
        .collect()
}

/// Whether a file name has the extension `toml`, as [`Path::extension`]
/// says (`.toml` alone is a hidden file without one), from its bytes.
fn is_toml_name(name: &std::ffi::OsStr) -> bool {
    let bytes = name.as_encoded_bytes();
    bytes.len() > ".toml".len() && bytes.ends_with(b".toml")
}

fn input(path: &Path) -> Input {
    // Most paths do not start with `./`: they skip parsing it off.
    let shown = if path.as_os_str().as_encoded_bytes().starts_with(b".") {
        path.strip_prefix("./").unwrap_or(path)
    } else {
        path
    };
    let display = shown.to_string_lossy().into_owned();
    // Only regular files get here: the walk and the command-line check
    // have looked.
    Input {
        display,
        path: path.to_path_buf(),
        regular: true,
    }
}

/// Why a folder walk stopped. A link that points nowhere stops it whatever
/// its name (it could have led to a folder of claims): it is named, with
/// what to do. (walkdir's message includes its cause, so it is taken as
/// one message.)
fn walk_failure(root: &Path, e: &walkdir::Error) -> anyhow::Error {
    if let Some(ancestor) = e.loop_ancestor() {
        let link = e.path().map_or(String::new(), |p| p.display().to_string());
        return anyhow!(
            "cannot walk {}: the link {link} leads back to {}",
            root.display(),
            ancestor.display()
        );
    }
    if let Some(link) = e.path().filter(|p| p.is_symlink() && !p.exists())
        && let Err(loops @ claimtool::fsutil::ReadError::LinkLoop { .. }) =
            claimtool::fsutil::regular_file(link)
    {
        return anyhow!(
            "cannot walk {}: {loops}; fix or remove it (it could hide claims)",
            root.display()
        );
    }
    if let Some(link) = e.path().filter(|p| p.is_symlink() && !p.exists()) {
        return anyhow!(
            "cannot walk {}: {} is a broken link; fix or remove it (it could hide claims)",
            root.display(),
            link.display()
        );
    }
    anyhow!("cannot walk {}: {e}", root.display())
}

/// Hidden folders, `target/` and submission bundles are not entered.
fn is_skipped_dir(entry: &walkdir::DirEntry) -> bool {
    entry.file_type().is_dir()
        && (entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with('.') || n == "target")
            || claimtool::bundle::is_bundle_dir(entry.path()))
}

#[cfg(test)]
mod tests {
    use super::{input, is_toml_name, path_order_key};
    use std::cmp::Ordering;
    use std::path::Path;

    /// The byte test says what `Path::extension` says of every name.
    #[test]
    fn a_toml_name_is_what_path_calls_one() {
        for name in [
            "a.toml",
            ".toml",
            "..toml",
            "a.b.toml",
            "a.TOML",
            "atoml",
            "a.toml.bak",
            "toml",
            ".a.toml",
            "a.",
            "é.toml",
            ".",
        ] {
            let by_path = Path::new(name).extension().is_some_and(|e| e == "toml");
            assert_eq!(is_toml_name(name.as_ref()), by_path, "{name}");
        }
    }

    /// A name that is not UTF-8 (allowed on Unix) is judged by its bytes.
    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_is_judged_by_its_bytes() {
        use std::os::unix::ffi::OsStrExt as _;
        for name in [&b"\xff.toml"[..], b"\xff.tom\xff", b".\xfftoml"] {
            let name = std::ffi::OsStr::from_bytes(name);
            let by_path = Path::new(name).extension().is_some_and(|e| e == "toml");
            assert_eq!(is_toml_name(name), by_path, "{name:?}");
        }
    }

    /// A leading `./` is left out of the name shown; nothing else is.
    #[test]
    fn only_a_leading_dot_slash_is_left_out_of_the_name_shown() {
        for (path, shown) in [
            ("./a/b.toml", "a/b.toml"),
            (".//a.toml", "a.toml"),
            ("../a.toml", "../a.toml"),
            (".a/b.toml", ".a/b.toml"),
            ("a/./b.toml", "a/./b.toml"),
            ("a.toml", "a.toml"),
        ] {
            let by_std = Path::new(path)
                .strip_prefix("./")
                .unwrap_or(Path::new(path));
            assert_eq!(input(Path::new(path)).display, shown, "{path}");
            assert_eq!(by_std.to_string_lossy(), shown, "{path}");
        }
    }

    #[test]
    fn paths_sort_component_by_component() {
        let order =
            |a: &str, b: &str| path_order_key(Path::new(a)).cmp(&path_order_key(Path::new(b)));
        // `a` ends before `a-b` starts, whatever follows the separator.
        assert_eq!(order("c/a/z.toml", "c/a-b/a.toml"), Ordering::Less);
        // The folder `a` sorts before the file `a.toml`, as `Path` has it.
        assert_eq!(order("c/a.toml", "c/a/b.toml"), Ordering::Greater);
        assert_eq!(order("c/b.toml", "c/a/b.toml"), Ordering::Greater);
        assert_eq!(order("c/x.toml", "c/x.toml"), Ordering::Equal);
        let mut paths = vec!["c/b/1.toml", "c/a-b.toml", "c/a/2.toml", "c/a.toml"];
        paths.sort_by(|a, b| order(a, b));
        let mut by_std = paths.clone();
        by_std.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
        assert_eq!(paths, by_std);
        assert_eq!(
            paths,
            ["c/a/2.toml", "c/a-b.toml", "c/a.toml", "c/b/1.toml"]
        );
    }
}
