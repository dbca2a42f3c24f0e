//! The CSP region table: which country is in which Cloud Solution Provider
//! region (Microsoft's "CSP regional markets and currencies").
//!
//! The table ships with the crate (`data/csp-regions.toml`, read once with
//! [`RegionTable::builtin`]); `[por] regions = "FILE"` in `claimtool.toml`
//! replaces it with the user's copy in the same format ([`RegionTable::load`]).
//! The rules ask [`RegionTable::region_of`] for a country's region and
//! compare it with the distributor's ([`RegionTable::find`]).

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::Deserialize;

/// The table as shipped.
const BUILTIN: &str = include_str!("../../../data/csp-regions.toml");

/// One CSP region.
#[derive(Debug, Clone)]
pub struct Region {
    pub name: String,
    pub currency: Option<String>,
    pub countries: Vec<String>,
}

/// Every region, and each country's.
#[derive(Debug, Clone)]
pub struct RegionTable {
    /// Where the table came from: "built-in" or the file's path.
    pub origin: String,
    pub as_of: Option<NaiveDate>,
    pub regions: Vec<Region>,
    by_country: HashMap<String, usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    as_of: Option<toml::value::Datetime>,
    region: Vec<RawRegion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegion {
    name: String,
    currency: Option<String>,
    countries: Vec<String>,
}

static BUILTIN_TABLE: LazyLock<RegionTable> = LazyLock::new(|| {
    // The shipped file is tested below: it always parses.
    RegionTable::parse(BUILTIN, "built-in").unwrap_or_else(|e| panic!("data/csp-regions.toml: {e}"))
});

impl RegionTable {
    /// The table shipped with claimtool, parsed once per process.
    pub fn builtin() -> &'static RegionTable {
        &BUILTIN_TABLE
    }

    /// A user's table (`[por] regions`): the same format as the shipped one.
    pub fn load(path: &Path) -> Result<RegionTable, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the CSP region table {}: {e}", path.display()))?;
        RegionTable::parse(&text, &path.display().to_string())
            .map_err(|e| format!("the CSP region table {} is not usable: {e}", path.display()))
    }

    /// Parses a table; a country that is not an ISO code, or in two
    /// regions, or a region named twice, is refused.
    pub fn parse(text: &str, origin: &str) -> Result<RegionTable, String> {
        let raw: RawTable = toml::from_str(text).map_err(|e| e.to_string().trim().to_string())?;
        let as_of = raw
            .as_of
            .and_then(|d| d.date)
            .and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()));
        let mut by_country = HashMap::new();
        let mut regions = Vec::with_capacity(raw.region.len());
        for (i, r) in raw.region.into_iter().enumerate() {
            if regions
                .iter()
                .any(|o: &Region| o.name.eq_ignore_ascii_case(&r.name))
            {
                return Err(format!("the region \"{}\" is listed twice", r.name));
            }
            let mut countries = Vec::with_capacity(r.countries.len());
            for c in &r.countries {
                let Some(code) = super::country::parse(c) else {
                    return Err(format!(
                        "region \"{}\": \"{c}\" is not an ISO 3166-1 alpha-2 code",
                        r.name
                    ));
                };
                if let Some(&other) = by_country.get(&code) {
                    let other: &Region = &regions[other];
                    return Err(format!(
                        "{code} is in two regions, \"{}\" and \"{}\"",
                        other.name, r.name
                    ));
                }
                by_country.insert(code.clone(), i);
                countries.push(code);
            }
            regions.push(Region {
                name: r.name,
                currency: r.currency,
                countries,
            });
        }
        Ok(RegionTable {
            origin: origin.to_string(),
            as_of,
            regions,
            by_country,
        })
    }

    /// The region named `name` (case-insensitive, blanks trimmed).
    pub fn find(&self, name: &str) -> Option<usize> {
        self.regions
            .iter()
            .position(|r| r.name.eq_ignore_ascii_case(name.trim()))
    }

    /// The region of an ISO country code (capitals), if any.
    pub fn region_of(&self, country: &str) -> Option<usize> {
        self.by_country.get(country).copied()
    }

    pub fn name(&self, region: usize) -> &str {
        &self.regions[region].name
    }

    /// Every region name, quoted, for messages.
    pub fn names(&self) -> String {
        crate::decode::quoted_list(self.regions.iter().map(|r| r.name.as_str()))
    }

    /// The message for a region name that is not in the table.
    pub fn unknown(&self, name: &str, given_by: &str) -> String {
        let near = crate::decode::nearest(name, self.regions.iter().map(|r| r.name.as_str()))
            .map_or(String::new(), |n| format!(" (did you mean \"{n}\"?)"));
        format!(
            "{given_by}: no CSP region is named \"{name}\"{near}; the regions of {} are {}",
            if self.origin == "built-in" {
                "claimtool's table".to_string()
            } else {
                self.origin.clone()
            },
            self.names()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_parses_and_places_countries() {
        let t = RegionTable::builtin();
        assert_eq!(t.regions.len(), 16);
        let au = t.find("australia").unwrap();
        assert_eq!(t.region_of("AU"), Some(au));
        assert_eq!(t.region_of("FJ"), Some(au));
        assert_ne!(t.region_of("NZ"), Some(au));
        assert_eq!(t.region_of("KP"), None);
        assert_eq!(t.as_of, NaiveDate::from_ymd_opt(2021, 9, 20));
    }

    #[test]
    fn a_bad_table_is_refused_with_the_reason() {
        let e = RegionTable::parse("[[region]]\nname = \"A\"\ncountries = [\"UK\"]\n", "x")
            .unwrap_err();
        assert!(e.contains("\"UK\" is not an ISO"), "{e}");
        let e = RegionTable::parse(
            "[[region]]\nname = \"A\"\ncountries = [\"AU\"]\n[[region]]\nname = \"B\"\ncountries = [\"AU\"]\n",
            "x",
        )
        .unwrap_err();
        assert!(e.contains("two regions"), "{e}");
        assert!(
            RegionTable::builtin()
                .unknown("Austrlia", "--region")
                .contains("did you mean \"Australia\"")
        );
    }
}
