//! `claimtool plfunding ...`: validate partner-led claims, their submission
//! bundle and checklist (the shared `bundle` commands, with the partner-led
//! guide of `claimtool::kinds::plfunding::guide`), and the *Associate engagement*
//! eligibility screen (`engagements`).

use anyhow::{Context as _, anyhow, bail};
use claimtool::decode::StrEnum;
use claimtool::kinds::plfunding::catalog::{NONE_ELIGIBLE, ScreenLocation, ScreenReport};
use claimtool::kinds::plfunding::model::{CustomerIdType, SolutionArea};
use claimtool::model::Kind;
use claimtool::rules::any::partner_id_is_valid;
use clap::builder::PossibleValuesParser;
use clap::{Args, Subcommand};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::args::{self, HumanOrJson, KindValidateArgs};
use super::bundle::{self, BundleArgs, ChecklistArgs};
use super::wizard::NewArgs;
use super::{GlobalArgs, Outcome, context, validate, wizard};

const ENGAGEMENTS_AFTER_HELP: &str = "\
Examples:
  claimtool plfunding engagements --customer-id-type domain --partner-id 4871236
      the screen Partner Center shows for a customer identified by domain name
  claimtool plfunding engagements --customer-id-type tenant-id --solution-area azure --format json
  claimtool plfunding engagements --catalog my-engagements.toml

The catalogue is --catalog FILE, else `[catalog] engagements` in claimtool.toml, else the
built-in one (the guide's list). A location has the segments claimtool.toml gives it under
[[partner.locations]], and none when it is not listed there. Without --partner-id, the only
location of claimtool.toml is used when there is exactly one.";

const NEW_HELP: &str = "\
Asks for every field in the guide's order (the Customer claims tab, Associate
customer, Associate engagement, Contact information, then the documents of the
claim package), checks each answer with the same rules as `validate`, and saves
FILE.draft after every answer: Ctrl-C loses nothing. At Associate engagement it
offers only the engagements this customer and location are eligible for, and
lists the others with Partner Center's reason, as `plfunding engagements` does;
a variable-pay engagement asks for the hours, which cannot change later.

Examples:
  claimtool plfunding new                                  name the file after the claim
  claimtool plfunding new --out claims/contoso-amm.toml
  claimtool plfunding new --from claims/contoso-amm.toml.draft   resume a draft
  claimtool plfunding new --catalog my-engagements.toml    offer your own catalogue

Needs a terminal. Without one (or with --no-input) it exits 2 at once: write the
TOML yourself and check it with `claimtool plfunding validate FILE`.";

#[derive(Debug, Subcommand)]
pub(crate) enum PlfCommand {
    /// Build a partner-led funding claim interactively, checking each answer
    #[command(after_help = NEW_HELP)]
    New(NewArgs),
    /// Check plfunding claim files
    Validate(KindValidateArgs),
    /// Write the submission bundle: claim, SUBMIT.md walk-through, PoE checklist, documents
    #[command(after_help = bundle::BUNDLE_HELP)]
    Bundle(BundleArgs),
    /// Print the PoE checklist (--format md, html or json)
    #[command(after_help = bundle::CHECKLIST_HELP)]
    Checklist(ChecklistArgs),
    /// Which engagements a customer and location are eligible for, with Partner Center's reasons
    #[command(after_help = ENGAGEMENTS_AFTER_HELP)]
    Engagements(EngagementsArgs),
}

#[derive(Debug, Args)]
pub(crate) struct EngagementsArgs {
    /// How the customer is identified (the Customer ID type of Add customer)
    #[arg(long, value_name = "T", value_parser = PossibleValuesParser::new(CustomerIdType::ALL.iter().map(|v| v.as_str())))]
    pub customer_id_type: Option<String>,
    /// The partner location (PartnerID) claiming
    #[arg(long, value_name = "ID")]
    pub partner_id: Option<String>,
    /// Only the engagements of this solution-area tab
    #[arg(long, value_name = "A", value_parser = PossibleValuesParser::new(SolutionArea::ALL.iter().map(|v| v.as_str())))]
    pub solution_area: Option<String>,
    /// Output format [default: human]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<HumanOrJson>,
}

impl PlfCommand {
    /// A `--format` given before the command (`Cli::settle_format`).
    pub(crate) fn inherit_format(&mut self, value: &str) -> Result<(), clap::Error> {
        match self {
            PlfCommand::New(_) => Err(args::takes_no_format("plfunding new")),
            PlfCommand::Validate(args) => args::inherit_format(&mut args.format, value),
            PlfCommand::Bundle(args) => args::inherit_format(&mut args.format, value),
            PlfCommand::Checklist(args) => args::inherit_format(&mut args.format, value),
            PlfCommand::Engagements(args) => args::inherit_format(&mut args.format, value),
        }
    }
}

pub(super) fn run(global: &GlobalArgs, cmd: PlfCommand) -> anyhow::Result<Outcome> {
    match cmd {
        PlfCommand::New(args) => {
            wizard::run(global, args, &claimtool::kinds::plfunding::wizard::SCRIPT)
        }
        PlfCommand::Validate(args) => validate::run(
            global,
            &args.files,
            args.format.unwrap_or_default(),
            Some(Kind::Plfunding),
        ),
        PlfCommand::Bundle(args) => bundle::run_bundle(global, &args, Kind::Plfunding),
        PlfCommand::Checklist(args) => bundle::run_checklist(global, &args, Kind::Plfunding),
        PlfCommand::Engagements(args) => engagements(global, &args),
    }
}

/// Parses a value clap has already checked against `E`'s list.
fn parse_enum<E: StrEnum>(flag: &str, value: Option<&String>) -> anyhow::Result<Option<E>> {
    value
        .map(|v| E::parse(v).ok_or_else(|| anyhow!("{flag} must be one of {}", E::allowed())))
        .transpose()
}

fn engagements(global: &GlobalArgs, args: &EngagementsArgs) -> anyhow::Result<Outcome> {
    let customer_id_type =
        parse_enum::<CustomerIdType>("--customer-id-type", args.customer_id_type.as_ref())?;
    let solution_area = parse_enum::<SolutionArea>("--solution-area", args.solution_area.as_ref())?;
    if let Some(id) = &args.partner_id
        && !partner_id_is_valid(id.trim())
    {
        bail!("--partner-id \"{id}\" is not a PartnerID (6 to 10 digits, e.g. 4871236)");
    }
    let (env, _) = context::load(global)?;
    let location = ScreenLocation::resolve(&env.config, args.partner_id.as_deref());
    let report = ScreenReport::new(&env.catalog, solution_area, customer_id_type, location);
    if args.format.unwrap_or_default() == HumanOrJson::Json {
        let json = serde_json::to_string_pretty(&report)
            .context("cannot render the engagements as JSON")?;
        println!("{json}");
    } else {
        print_screen(&report);
    }
    Ok(Outcome::Clean)
}

fn print_screen(report: &ScreenReport<'_>) {
    let location = &report.location;
    let segments = if location.segments.is_empty() {
        "no segments".to_string()
    } else {
        format!("segments {}", location.segments.join(", "))
    };
    let who = match (&location.partner_id, location.configured) {
        (Some(id), true) => format!(
            "location {id}{} ({segments})",
            location
                .name
                .as_ref()
                .map_or(String::new(), |n| format!(" {n}"))
        ),
        (Some(id), false) => {
            format!("location {id} (not in claimtool.toml: no segments)")
        }
        (None, _) => "a location with no segments (give --partner-id)".to_string(),
    };
    let id_type = report.customer_id_type.map_or_else(
        || "customer ID type not screened (give --customer-id-type)".to_string(),
        |t| format!("customer ID type {t}"),
    );
    let tab = report
        .solution_area
        .map_or_else(|| "all tabs".to_string(), |a| format!("the {a} tab"));
    let visible = claimtool::term::visible;
    println!("Associate engagement: {id_type}; {}; {tab}", visible(&who));
    println!("Catalogue: {}", visible(&report.catalog));

    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header([
            "engagement",
            "size",
            "pay",
            "customer ID types",
            "eligibility",
            "reason",
        ]);
    for s in &report.engagements {
        let e = s.engagement;
        table.add_row([
            visible(&e.name).into_owned(),
            e.size.to_string(),
            e.pay.to_string(),
            e.customer_id_types
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            if s.eligible { "Eligible" } else { "Ineligible" }.to_string(),
            s.reason.map_or(String::new(), |r| r.text().to_string()),
        ]);
    }
    println!("{table}");
    println!(
        "{} eligible, {} ineligible.",
        report.summary.eligible, report.summary.ineligible
    );
    if report.summary.eligible == 0 {
        println!("{NONE_ELIGIBLE}.");
    }
}
