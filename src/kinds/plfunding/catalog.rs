//! The partner-led engagement catalogue and Partner Center's eligibility
//! screen ("Add customer | Associate engagement").
//!
//! Engagements change often and their terms are not public, so they are
//! data, not code: [`DEFAULT_TOML`] (the guide's list, compiled into the
//! binary) or the user's own file (`[catalog] engagements` in
//! `claimtool.toml`, or `--catalog FILE`). Either is decoded with the same
//! [`Table`] reader as claim files, so a typo in a catalogue is reported with
//! line and column; a catalogue with any problem is refused as a whole
//! ([`CatalogError`], the command stops with exit 2).
//!
//! Flow: [`Catalog::resolve`] picks and parses the catalogue once per run; it
//! lives in [`crate::rules::Env`]. The `plf-` rules look the claim's
//! engagement up ([`Catalog::find`]) and each checks one thing on its own;
//! [`screen`] gives the single reason Partner Center shows per engagement
//! (closed, then location, then customer ID type) for
//! `claimtool plfunding engagements` and the wizard.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;

use crate::config::Config;
use crate::decode::{OPTIONAL, REQUIRED, Sp, StrEnum, Table, quoted_list};
use crate::diag::Finding;
use crate::kinds::plfunding::model::{CustomerIdType, SolutionArea};
use crate::rules::any::{missing_field, syntax, wrong_type};
use crate::source::SourceFile;
use crate::str_enum;

/// The default catalogue, exactly `spec/engagements-default.toml`.
pub const DEFAULT_TOML: &str = include_str!("../../../data/engagements-default.toml");

/// How reports name the built-in catalogue.
pub const DEFAULT_NAME: &str = "built-in catalogue (data/engagements-default.toml)";

str_enum! {
    /// An engagement's size: it sets the expiry timelines (F§3.10).
    pub enum Size {
        Assessment = "assessment",
        Workshop = "workshop",
        Xs = "xs",
        Small = "small",
        Medium = "medium",
        Large = "large",
        Xl = "xl",
        Xxl = "xxl",
    }
}

impl Size {
    /// The row of F§3.10's expiry table this size falls in.
    pub fn timeline_group(self) -> &'static str {
        match self {
            Size::Assessment => "Assessments",
            Size::Workshop => "Workshops",
            Size::Xs | Size::Small => "XS, Small projects",
            Size::Medium => "Medium projects",
            Size::Large | Size::Xl | Size::Xxl => "Large, XL, XXL projects",
        }
    }

    /// Days from consent received to the first submission.
    pub fn submit_days(self) -> u64 {
        match self {
            Size::Assessment => 60,
            Size::Workshop => 90,
            Size::Xs | Size::Small => 120,
            Size::Medium => 200,
            Size::Large | Size::Xl | Size::Xxl => 260,
        }
    }

    /// Days from consent received to the end of Microsoft's review.
    pub fn review_days(self) -> u64 {
        self.submit_days() + 30
    }
}

str_enum! {
    /// Fixed pay (a set amount) or variable pay (per hour, MSX opportunity ID).
    pub enum Pay {
        Fixed = "fixed",
        Variable = "variable",
    }
}

str_enum! {
    /// Whether Partner Center takes new claims for the engagement.
    pub enum EngagementStatus {
        Open = "open",
        Closed = "closed",
    }
}

/// One `[[engagement]]` of a catalogue.
#[derive(Debug, Clone, Serialize)]
pub struct Engagement {
    pub name: String,
    pub program: String,
    pub solution_area: SolutionArea,
    pub size: Size,
    pub pay: Pay,
    pub customer_id_types: Vec<CustomerIdType>,
    pub status: EngagementStatus,
    /// Empty: any enrolled location; else the location needs one of these.
    pub partner_segments: Vec<String>,
    pub requires_azure_calculator: bool,
    /// Whether the claim package needs the customer survey (default true).
    pub customer_survey: bool,
}

impl Engagement {
    /// Whether the engagement takes a customer identified by `id_type`.
    /// Variable pay takes only the MSX opportunity ID (F§3.4), whatever the
    /// list says (a catalogue saying otherwise is refused when read).
    pub fn accepts(&self, id_type: CustomerIdType) -> bool {
        match self.pay {
            Pay::Variable => id_type == CustomerIdType::MsxOpportunityId,
            Pay::Fixed => self.customer_id_types.contains(&id_type),
        }
    }

    /// Whether a location with `segments` may claim it. Segments compare
    /// without regard to case ("ISV" is "isv").
    pub fn location_eligible(&self, segments: &[String]) -> bool {
        self.partner_segments.is_empty()
            || self.partner_segments.iter().any(|wanted| {
                segments
                    .iter()
                    .any(|have| have.trim().eq_ignore_ascii_case(wanted.trim()))
            })
    }

    /// `"tenant-id", "tpid" or "azure-subscription-id"`, for messages.
    pub fn customer_id_types_text(&self) -> String {
        quoted_list(self.customer_id_types.iter().map(|t| t.as_str()))
    }
}

/// Why Partner Center lists an engagement under *Ineligible*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    Closed,
    Location,
    CustomerIdType,
}

impl Reason {
    /// Partner Center's own text.
    pub fn text(self) -> &'static str {
        match self {
            Reason::Closed => "Engagement closed to new claims",
            Reason::Location => "Your location ID is not eligible",
            Reason::CustomerIdType => "Invalid customer ID type",
        }
    }
}

/// What is known of the customer and the location when screening. `None`
/// leaves that check out.
#[derive(Debug, Clone, Default)]
pub struct Screening<'a> {
    pub customer_id_type: Option<CustomerIdType>,
    /// The location's segments (none when it is not configured).
    pub segments: Option<&'a [String]>,
}

/// The one reason Partner Center shows for `engagement`, or `None` when it
/// is eligible. Order: closed, then location, then customer ID type.
pub fn screen(engagement: &Engagement, with: &Screening<'_>) -> Option<Reason> {
    if engagement.status == EngagementStatus::Closed {
        return Some(Reason::Closed);
    }
    if let Some(segments) = with.segments
        && !engagement.location_eligible(segments)
    {
        return Some(Reason::Location);
    }
    if let Some(id_type) = with.customer_id_type
        && !engagement.accepts(id_type)
    {
        return Some(Reason::CustomerIdType);
    }
    None
}

/// The segments of the location `partner_id`: those `claimtool.toml` gives
/// it, none when it is not configured.
pub fn location_segments<'c>(config: &'c Config, partner_id: &str) -> &'c [String] {
    config
        .location(partner_id.trim())
        .map_or(&[][..], |l| l.segments.as_slice())
}

/// One line of the screen: an engagement and why it is ineligible, if it is.
#[derive(Debug, Clone, Serialize)]
pub struct Screened<'c> {
    #[serde(flatten)]
    pub engagement: &'c Engagement,
    pub eligible: bool,
    /// Partner Center's reason text; `None` when eligible.
    #[serde(serialize_with = "reason_text")]
    pub reason: Option<Reason>,
}

fn reason_text<S: serde::Serializer>(reason: &Option<Reason>, s: S) -> Result<S::Ok, S::Error> {
    match reason {
        Some(r) => s.serialize_str(r.text()),
        None => s.serialize_none(),
    }
}

/// The location the screen is for, as `plfunding engagements` resolves it.
#[derive(Debug, Clone, Serialize)]
pub struct ScreenLocation {
    pub partner_id: Option<String>,
    /// Whether `claimtool.toml` lists it (else it has no segments).
    pub configured: bool,
    pub name: Option<String>,
    pub segments: Vec<String>,
}

impl ScreenLocation {
    /// `partner_id` as given; without one, the only location of the config
    /// when it has exactly one, else an unnamed location with no segments.
    pub fn resolve(config: &Config, partner_id: Option<&str>) -> ScreenLocation {
        let location = match partner_id {
            Some(id) => config.location(id.trim()),
            None if config.locations.len() == 1 => config.locations.first(),
            None => None,
        };
        ScreenLocation {
            partner_id: partner_id
                .map(|id| id.trim().to_string())
                .or_else(|| location.map(|l| l.partner_id.clone())),
            configured: location.is_some(),
            name: location.and_then(|l| l.name.clone()),
            segments: location.map(|l| l.segments.clone()).unwrap_or_default(),
        }
    }
}

/// Partner Center's *Associate engagement* screen for one customer and
/// location: the `plfunding engagements` JSON document.
#[derive(Debug, Clone, Serialize)]
pub struct ScreenReport<'c> {
    pub version: u32,
    pub catalog: String,
    pub solution_area: Option<SolutionArea>,
    pub customer_id_type: Option<CustomerIdType>,
    pub location: ScreenLocation,
    /// Eligible first, then ineligible, each in catalogue order (as the
    /// screen's two tabs).
    pub engagements: Vec<Screened<'c>>,
    pub summary: ScreenSummary,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct ScreenSummary {
    pub eligible: usize,
    pub ineligible: usize,
}

/// Partner Center's text when nothing is eligible.
pub const NONE_ELIGIBLE: &str = "You or your customer are not eligible for any engagements at this time. Please review the eligibility criteria of the engagements for next steps";

impl<'c> ScreenReport<'c> {
    /// Screens every engagement of `catalog` on the `solution_area` tab (all
    /// tabs when `None`).
    pub fn new(
        catalog: &'c Catalog,
        solution_area: Option<SolutionArea>,
        customer_id_type: Option<CustomerIdType>,
        location: ScreenLocation,
    ) -> Self {
        let with = Screening {
            customer_id_type,
            segments: Some(&location.segments),
        };
        let (eligible, ineligible): (Vec<Screened<'c>>, Vec<Screened<'c>>) = catalog
            .engagements
            .iter()
            .filter(|e| solution_area.is_none_or(|a| e.solution_area == a))
            .map(|engagement| {
                let reason = screen(engagement, &with);
                Screened {
                    engagement,
                    eligible: reason.is_none(),
                    reason,
                }
            })
            .partition(|s| s.eligible);
        let summary = ScreenSummary {
            eligible: eligible.len(),
            ineligible: ineligible.len(),
        };
        ScreenReport {
            version: 1,
            catalog: catalog.name(),
            solution_area,
            customer_id_type,
            location,
            engagements: eligible.into_iter().chain(ineligible).collect(),
            summary,
        }
    }
}

/// A loaded catalogue.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Where it was read from; `None` for the built-in default.
    pub path: Option<PathBuf>,
    pub engagements: Vec<Engagement>,
}

/// Why a catalogue could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The message names the file and what is wrong with it.
    #[error("{}", .0.describe("the engagement catalogue"))]
    Read(#[from] crate::fsutil::ReadError),
    #[error("the engagement catalogue {path} has problems:\n{problems}")]
    Invalid { path: String, problems: String },
}

impl Catalog {
    /// The built-in default, parsed once per process.
    pub fn builtin() -> &'static Catalog {
        static BUILTIN: OnceLock<Catalog> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let file = SourceFile::new(
                DEFAULT_NAME,
                "engagements-default.toml",
                DEFAULT_TOML.into(),
            );
            // Compiled-in data; `builtin_catalogue_parses` keeps it valid.
            Catalog::parse(&file).unwrap_or_else(|findings| {
                panic!(
                    "the built-in catalogue is invalid: {}",
                    crate::diag::problem_lines(&file, &findings)
                )
            })
        })
    }

    /// The run's catalogue: `--catalog FILE`, else `[catalog] engagements`
    /// of the config, else the built-in default.
    pub fn resolve(cli: Option<&Path>, config: &Config) -> Result<Catalog, CatalogError> {
        match cli.or(config.catalog.as_deref()) {
            Some(path) => Catalog::load(path),
            None => Ok(Catalog::builtin().clone()),
        }
    }

    pub fn load(path: &Path) -> Result<Catalog, CatalogError> {
        let text = crate::fsutil::read_text_bounded(
            path,
            crate::fsutil::MAX_CATALOG_BYTES,
            "an engagement catalogue",
        )?;
        let file = SourceFile::new(path.display().to_string(), path, text);
        let mut catalog = Catalog::parse(&file).map_err(|findings| CatalogError::Invalid {
            path: path.display().to_string(),
            problems: crate::diag::problem_lines(&file, &findings),
        })?;
        catalog.path = Some(path.to_path_buf());
        Ok(catalog)
    }

    /// How reports name it: its path, or the built-in default.
    pub fn name(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| DEFAULT_NAME.to_string(), |p| p.display().to_string())
    }

    /// The engagement of that exact name (surrounding spaces ignored).
    pub fn find(&self, name: &str) -> Option<&Engagement> {
        let name = name.trim();
        self.engagements.iter().find(|e| e.name == name)
    }

    /// Up to `n` names closest to `name`, best first, for "did you mean".
    pub fn nearest_names(&self, name: &str, n: usize) -> Vec<&str> {
        let wanted = name.trim().to_lowercase();
        let mut scored: Vec<(f64, &str)> = self
            .engagements
            .iter()
            .map(|e| {
                (
                    strsim::jaro_winkler(&wanted, &e.name.to_lowercase()),
                    e.name.as_str(),
                )
            })
            .filter(|(score, _)| *score >= 0.75)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.into_iter().take(n).map(|(_, name)| name).collect()
    }

    /// Decodes a catalogue text; every problem is returned as a finding.
    pub fn parse(file: &SourceFile) -> Result<Catalog, Vec<Finding>> {
        let doc = match crate::toml_tree::parse(&file.text) {
            Ok(doc) => doc,
            Err(e) => {
                let mut f = Finding::new(&syntax::RULE, e.message())
                    .help("correct the TOML at this position");
                f.span = e.span();
                return Err(vec![f]);
            }
        };
        let mut out = Vec::new();
        let mut root = Table::root(&doc);
        let tables = root.tables(&mut out, "engagement");
        if tables.is_empty() && out.is_empty() {
            out.push(
                Finding::new(
                    &missing_field::RULE,
                    "the catalogue has no `[[engagement]]`",
                )
                .at_span("engagement", 0..0)
                .help("add one `[[engagement]]` table per engagement (see docs/plfunding.md)"),
            );
        }
        let mut engagements = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (index, mut t) in tables.into_iter().enumerate() {
            let name = t.string(&mut out, "name", REQUIRED);
            let program = t.string(&mut out, "program", REQUIRED);
            let solution_area = t.enumeration::<SolutionArea>(&mut out, "solution_area", REQUIRED);
            let size = t.enumeration::<Size>(&mut out, "size", REQUIRED);
            let pay = t.enumeration::<Pay>(&mut out, "pay", REQUIRED);
            let id_types = customer_id_types(&mut t, &mut out);
            let status = t.enumeration::<EngagementStatus>(&mut out, "status", REQUIRED);
            let segments = t.string_list(&mut out, "partner_segments", REQUIRED);
            let calculator = t.boolean(&mut out, "requires_azure_calculator", REQUIRED);
            let survey = t.boolean(&mut out, "customer_survey", OPTIONAL);
            if let Some(name) = &name {
                note_duplicate_name(name, index, &mut seen, &mut out);
            }
            if let (Some(pay), Some((types, span))) = (&pay, &id_types) {
                check_pay_id_types(pay, types, span, t.path(), &mut out);
            }
            t.finish(&mut out);
            if let (
                Some(name),
                Some(program),
                Some(solution_area),
                Some(size),
                Some(pay),
                Some((customer_id_types, _)),
                Some(status),
                Some(segments),
                Some(calculator),
            ) = (
                name,
                program,
                solution_area,
                size,
                pay,
                id_types,
                status,
                segments,
                calculator,
            ) {
                engagements.push(Engagement {
                    name: name.value.trim().to_string(),
                    program: program.value,
                    solution_area: solution_area.value,
                    size: size.value,
                    pay: pay.value,
                    customer_id_types,
                    status: status.value,
                    partner_segments: segments.value.into_iter().map(|s| s.value).collect(),
                    requires_azure_calculator: calculator.value,
                    customer_survey: survey.is_none_or(|s| s.value),
                });
            }
        }
        root.finish(&mut out);
        out.sort_by_key(|f| f.span.as_ref().map_or(0, |s| s.start));
        if out.is_empty() {
            Ok(Catalog {
                path: None,
                engagements,
            })
        } else {
            Err(out)
        }
    }
}

/// `customer_id_types`: a non-empty list of known types, each once.
fn customer_id_types(
    t: &mut Table<'_, '_>,
    out: &mut Vec<Finding>,
) -> Option<(Vec<CustomerIdType>, std::ops::Range<usize>)> {
    let list = t.string_list(out, "customer_id_types", REQUIRED)?;
    if list.value.is_empty() {
        out.push(
            Finding::new(
                &missing_field::RULE,
                format!(
                    "`{}` is empty: the engagement would take no customer",
                    list.path
                ),
            )
            .at(&list)
            .label("no customer ID type")
            .help(format!(
                "list the types it accepts: {}",
                CustomerIdType::allowed()
            )),
        );
        return None;
    }
    let mut types = Vec::new();
    let mut ok = true;
    for item in &list.value {
        match CustomerIdType::parse(item.value.trim()) {
            Some(v) if !types.contains(&v) => types.push(v),
            Some(v) => {
                ok = false;
                out.push(
                    Finding::new(&wrong_type::RULE, format!("\"{v}\" is listed twice"))
                        .at(item)
                        .label("duplicate")
                        .help("list each customer ID type once"),
                );
            }
            None => {
                ok = false;
                let mut f = Finding::new(
                    &wrong_type::RULE,
                    format!(
                        "`{}` must be one of {}, not \"{}\"",
                        item.path,
                        CustomerIdType::allowed(),
                        item.value
                    ),
                )
                .at(item)
                .label("not a customer ID type");
                if let Some(near) = crate::decode::nearest(
                    &item.value,
                    CustomerIdType::ALL.iter().map(|v| v.as_str()),
                ) {
                    f = f.help(format!("did you mean \"{near}\"?"));
                }
                out.push(f);
            }
        }
    }
    ok.then_some((types, list.span))
}

/// An engagement named twice: the later one is reported, pointing at the
/// first.
fn note_duplicate_name(
    name: &Sp<String>,
    index: usize,
    seen: &mut HashMap<String, usize>,
    out: &mut Vec<Finding>,
) {
    let trimmed = name.value.trim().to_string();
    if let Some(first) = seen.get(&trimmed) {
        out.push(
            Finding::new(
                &wrong_type::RULE,
                format!("engagement \"{trimmed}\" is listed twice"),
            )
            .at(name)
            .label(format!("also engagement[{first}]"))
            .help("give each engagement once: claims name engagements by name"),
        );
    } else {
        seen.insert(trimmed, index);
    }
}

/// Pay and customer ID types agree (F§3.4): variable pay takes only the MSX
/// opportunity ID, fixed pay never does.
fn check_pay_id_types(
    pay: &Sp<Pay>,
    types: &[CustomerIdType],
    span: &std::ops::Range<usize>,
    path: &str,
    out: &mut Vec<Finding>,
) {
    let msx_only = types == [CustomerIdType::MsxOpportunityId];
    let has_msx = types.contains(&CustomerIdType::MsxOpportunityId);
    let problem = match pay.value {
        Pay::Variable if !msx_only => Some((
            "a variable-pay engagement takes only the MSX opportunity ID (F§3.4)",
            "write customer_id_types = [\"msx-opportunity-id\"]",
        )),
        Pay::Fixed if has_msx => Some((
            "the MSX opportunity ID is for variable-pay engagements only (F§3.4)",
            "remove \"msx-opportunity-id\", or set pay = \"variable\"",
        )),
        _ => None,
    };
    if let Some((message, help)) = problem {
        out.push(
            Finding::new(&wrong_type::RULE, message)
                .at_span(format!("{path}.customer_id_types"), span.clone())
                .label(format!("pay is \"{}\"", pay.value))
                .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Catalog, Vec<Finding>> {
        Catalog::parse(&SourceFile::new("c.toml", "c.toml", text.into()))
    }

    const ENTRY: &str = "[[engagement]]\nname = \"E\"\nprogram = \"P\"\nsolution_area = \"azure\"\n\
        size = \"small\"\npay = \"fixed\"\ncustomer_id_types = [\"tenant-id\"]\nstatus = \"open\"\n\
        partner_segments = []\nrequires_azure_calculator = false\n";

    #[test]
    fn builtin_catalogue_parses_with_every_guide_engagement() {
        let c = Catalog::builtin();
        assert_eq!(c.engagements.len(), 25);
        assert!(c.path.is_none());
        let isv = c.find("AMM PL for ISV SAP RISE (L)").unwrap();
        assert_eq!(isv.partner_segments, ["isv"]);
        assert_eq!(isv.size, Size::Large);
        assert!(c.engagements.iter().all(|e| e.customer_survey));
    }

    #[test]
    fn a_minimal_entry_reads_and_customer_survey_defaults_to_true() {
        let c = parse(ENTRY).unwrap();
        assert_eq!(c.engagements[0].name, "E");
        assert!(c.engagements[0].customer_survey);
        assert_eq!(
            c.engagements[0].customer_id_types,
            [CustomerIdType::TenantId]
        );
    }

    #[test]
    fn typos_wrong_types_and_missing_fields_are_reported_at_their_place() {
        let text = ENTRY
            .replace("size = \"small\"", "size = \"smal\"")
            .replace("status = \"open\"\n", "")
            .replace(
                "requires_azure_calculator = false",
                "requires_azure_calculator = \"no\"\nnmae = 1",
            );
        let errs = parse(&text).unwrap_err();
        let rules: Vec<&str> = errs.iter().map(|f| f.rule).collect();
        assert_eq!(errs.len(), 4, "{errs:?}");
        assert!(rules.contains(&"missing-field"));
        assert!(rules.contains(&"unknown-field"));
        let size = errs.iter().find(|f| f.message.contains("size")).unwrap();
        assert_eq!(size.help.as_deref(), Some("did you mean \"small\"?"));
        let file = SourceFile::new("c.toml", "c.toml", text.clone());
        assert!(
            crate::diag::problem_lines(&file, &errs)
                .contains("c.toml:5:8: `engagement[0].size` must be one of")
        );
    }

    #[test]
    fn inconsistent_pay_and_id_types_duplicates_and_emptiness_are_refused() {
        let variable = ENTRY.replace("pay = \"fixed\"", "pay = \"variable\"");
        assert!(
            parse(&variable).unwrap_err()[0]
                .message
                .contains("variable-pay")
        );
        let fixed_msx = ENTRY.replace("[\"tenant-id\"]", "[\"tenant-id\", \"msx-opportunity-id\"]");
        assert!(
            parse(&fixed_msx).unwrap_err()[0]
                .message
                .contains("variable-pay engagements only")
        );
        let twice = format!("{ENTRY}{ENTRY}");
        assert!(
            parse(&twice).unwrap_err()[0]
                .message
                .contains("listed twice")
        );
        assert_eq!(parse("").unwrap_err()[0].rule, "missing-field");
        let empty = ENTRY.replace("[\"tenant-id\"]", "[]");
        assert_eq!(parse(&empty).unwrap_err()[0].rule, "missing-field");
        assert_eq!(parse("[[engagement]\n").unwrap_err()[0].rule, "syntax");
    }

    #[test]
    fn screening_gives_one_reason_closed_then_location_then_id_type() {
        let mut e = parse(ENTRY).unwrap().engagements.remove(0);
        let domain = Screening {
            customer_id_type: Some(CustomerIdType::Domain),
            segments: Some(&[]),
        };
        assert_eq!(screen(&e, &domain), Some(Reason::CustomerIdType));
        e.partner_segments = vec!["isv".into()];
        assert_eq!(screen(&e, &domain), Some(Reason::Location));
        e.status = EngagementStatus::Closed;
        assert_eq!(screen(&e, &domain), Some(Reason::Closed));
        e.status = EngagementStatus::Open;
        let isv = ["ISV".to_string()];
        let tenant = Screening {
            customer_id_type: Some(CustomerIdType::TenantId),
            segments: Some(&isv),
        };
        assert_eq!(screen(&e, &tenant), None);
        assert_eq!(screen(&e, &Screening::default()), None);
    }

    #[test]
    fn expiry_days_follow_the_table() {
        let rows: Vec<(u64, u64)> = [
            Size::Assessment,
            Size::Workshop,
            Size::Xs,
            Size::Small,
            Size::Medium,
            Size::Large,
            Size::Xl,
            Size::Xxl,
        ]
        .iter()
        .map(|s| (s.submit_days(), s.review_days()))
        .collect();
        assert_eq!(
            rows,
            [
                (60, 90),
                (90, 120),
                (120, 150),
                (120, 150),
                (200, 230),
                (260, 290),
                (260, 290),
                (260, 290)
            ]
        );
    }
}
