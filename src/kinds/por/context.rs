//! What the `por-` rules check an order against: the distributor's CSP
//! region, the region table, the reseller list and the saved validation
//! response.
//!
//! `[por]` in `claimtool.toml` is decoded into [`PorSettings`] (paths
//! resolved against the config's folder); the command line (`--resellers`,
//! `--validation`, `--region`) overrides it before the run. The files are
//! read once per run, the first time a rule asks ([`PorSlot::get`], a
//! `OnceLock` in the run's [`crate::rules::Env`]), or up front by the `por`
//! commands ([`PorEnv::load`]), which exit 2 when they cannot be read.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::regions::RegionTable;
use super::roster::{Roster, Validation};
use crate::config::Config;
use crate::decode::{OPTIONAL, Table};
use crate::diag::Finding;

/// `[por]` of `claimtool.toml`, plus the command line's overrides.
#[derive(Debug, Clone, Default)]
pub struct PorSettings {
    /// The distributor's CSP region by name, and who gave it (for messages).
    pub csp_region: Option<(String, String)>,
    /// The distributor's CSP country (its region is looked up).
    pub country: Option<String>,
    pub resellers: Option<PathBuf>,
    pub validation: Option<PathBuf>,
    /// A region table replacing the shipped one.
    pub regions: Option<PathBuf>,
}

impl PorSettings {
    /// Decodes `[por]` (or describes it, in schema mode).
    pub fn decode(root: &mut Table<'_, '_>, out: &mut Vec<Finding>, dir: &Path) -> Option<Self> {
        let mut t = root.table(out, "por", OPTIONAL)?;
        let path = |s: crate::decode::Sp<String>| dir.join(s.value.trim());
        let settings = PorSettings {
            csp_region: t
                .string(out, "csp_region", OPTIONAL)
                .map(|s| (s.value, "[por] csp_region".to_string())),
            country: t.string(out, "country", OPTIONAL).and_then(|s| {
                let code = super::country::parse(&s.value);
                if code.is_none() {
                    let (message, label, help) = super::country::problem("por.country", &s.value);
                    out.push(
                        Finding::new(&crate::rules::any::wrong_type::RULE, message)
                            .at(&s)
                            .label(label)
                            .help(help),
                    );
                }
                code
            }),
            resellers: t.string(out, "resellers", OPTIONAL).map(path),
            validation: t.string(out, "validation", OPTIONAL).map(path),
            regions: t.string(out, "regions", OPTIONAL).map(path),
        };
        t.finish(out);
        Some(settings)
    }
}

/// Everything the rules need, read.
#[derive(Debug)]
pub struct PorEnv {
    pub regions: Arc<RegionTable>,
    /// The distributor's region (an index into `regions`).
    pub region: usize,
    pub roster: Roster,
    pub validation: Option<Validation>,
}

impl PorEnv {
    /// Reads the files `settings` names. The `Err` says what is missing or
    /// wrong and how to fix it (the commands exit 2 with it).
    pub fn load(settings: Option<&PorSettings>) -> Result<PorEnv, String> {
        let empty = PorSettings::default();
        let s = settings.unwrap_or(&empty);
        let regions = match &s.regions {
            Some(path) => Arc::new(RegionTable::load(path)?),
            None => Arc::new(RegionTable::builtin().clone()),
        };
        let Some(list) = &s.resellers else {
            return Err(NO_LIST.to_string());
        };
        let region = distributor_region(s, &regions)?;
        let roster = Roster::load(list, &display(list))?;
        let validation = match &s.validation {
            Some(path) => Some(Validation::load(path, &display(path))?),
            None => None,
        };
        Ok(PorEnv {
            regions,
            region,
            roster,
            validation,
        })
    }

    /// The distributor's region name.
    pub fn region_name(&self) -> &str {
        self.regions.name(self.region)
    }
}

/// How to give a reseller list.
pub const NO_LIST: &str = "no reseller list: give one with --resellers FILE or set `resellers = \"FILE\"` \
under [por] in claimtool.toml (Partner Center's GET /v1/relationships JSON, or a CSV with \
partner_id,name,country columns; docs/por.md says how to export it)";

fn distributor_region(s: &PorSettings, regions: &RegionTable) -> Result<usize, String> {
    if let Some((name, given_by)) = &s.csp_region {
        return regions
            .find(name)
            .ok_or_else(|| regions.unknown(name, given_by));
    }
    if let Some(country) = &s.country {
        return regions.region_of(country).ok_or_else(|| {
            format!(
                "[por] country: {country} is in no CSP region of the table; set csp_region to one of {}",
                regions.names()
            )
        });
    }
    Err(format!(
        "no distributor CSP region: give --region NAME or set `csp_region = \"NAME\"` (or \
         `country = \"AU\"`) under [por] in claimtool.toml; the regions are {}",
        regions.names()
    ))
}

/// A path as messages show it (`./` dropped).
fn display(path: &Path) -> String {
    path.strip_prefix("./")
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The run's [`PorEnv`], read the first time a rule asks for it.
#[derive(Debug, Default)]
pub struct PorSlot(OnceLock<Result<Arc<PorEnv>, String>>);

impl PorSlot {
    /// The run's por context, read from `config.por` on first use.
    pub fn get(&self, config: &Config) -> Result<&PorEnv, &str> {
        match self
            .0
            .get_or_init(|| PorEnv::load(config.por.as_ref()).map(Arc::new))
        {
            Ok(env) => Ok(env),
            Err(e) => Err(e),
        }
    }

    /// The context, if a rule (or [`PorSlot::set`]) read it.
    pub fn loaded(&self) -> Option<&PorEnv> {
        self.0.get().and_then(|r| r.as_deref().ok())
    }

    /// Uses an already read context (the `por` commands read it first, to
    /// exit 2 on a bad file before any order is checked).
    pub fn set(&self, env: Arc<PorEnv>) {
        let _ = self.0.set(Ok(env));
    }
}
