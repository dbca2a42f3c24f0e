//! What every command needs before it runs: the workspace config, "today",
//! the engagement catalogue, and the severity overrides from the config and
//! the command line.

use claimtool::config::Config;
use claimtool::diag::{Level, Overrides};
use claimtool::kinds::plfunding::catalog::Catalog;
use claimtool::rules::{self, Env};

use anyhow::bail;

use super::GlobalArgs;

/// The run's environment and overrides.
pub(super) fn load(global: &GlobalArgs) -> anyhow::Result<(Env, Overrides)> {
    let config_path = match &global.config {
        // Config::load says what a path that is no readable file is
        // (missing, a folder, a FIFO, a link loop, too large).
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| Config::discover(&dir)),
    };
    let config = match &config_path {
        // The message names the file and says why ("cannot read config
        // FILE: ...", "config FILE has problems: ...").
        Some(path) => Config::load(path).map_err(anyhow::Error::msg)?,
        None => Config::default(),
    };
    if global.verbose {
        match &config.path {
            Some(p) => eprintln!("using config {}", super::shown_path(p)),
            None => eprintln!("no claimtool.toml found; using the built-in defaults"),
        }
    }
    // Read once per run, and refused as a whole when it has a problem: checking
    // claims against a half-read catalogue would mislead.
    // The message names the file, as the config's does.
    let catalog =
        Catalog::resolve(global.catalog.as_deref(), &config).map_err(anyhow::Error::msg)?;
    if global.verbose {
        eprintln!(
            "using the engagement catalogue {}",
            claimtool::term::visible(&catalog.name())
        );
    }
    let mut overrides = Overrides {
        config: config.rules.clone(),
        deny_warnings: global.deny_warnings,
        ..Overrides::default()
    };
    for (ids, level) in [
        (&global.allow, Level::Off),
        (&global.warn, Level::Warning),
        (&global.deny, Level::Error),
    ] {
        for id in ids {
            if rules::find(id).is_none() {
                let hint = claimtool::decode::nearest(id, rules::all().map(|r| r.id))
                    .map_or(String::new(), |n| format!(" (did you mean `{n}`?)"));
                bail!("no rule `{id}`{hint}; `claimtool rules` lists them");
            }
            overrides.cli.insert(id.clone(), level);
        }
    }
    let today = global
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut env = Env::new(config, today);
    env.catalog = catalog;
    Ok((env, overrides))
}
