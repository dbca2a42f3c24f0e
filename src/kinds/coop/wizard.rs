//! The co-op wizard's questions, in the order of the guide's steps 4–6
//! (Partner Center > Incentives > Co-op management > Create new claim):
//! program, fund category, location, funding pool, usage period; the
//! activity's name, description, dates, amount and currency; then the
//! documents, invoices and CSRs with their amounts, and a running total of
//! those amounts against the claimed amount. The machinery (checking every
//! answer with the rules, drafts, review) is [`crate::wizard::Wizard`]'s; the
//! totals and requirements come from [`crate::kinds::coop::facts`], the periods from
//! [`crate::kinds::coop::fiscal`]: nothing here decides what is right.

use std::fmt::Write as _;
use std::path::Path;

use crate::decode::StrEnum;
use crate::kinds::coop::facts::{self, INVOICE_TYPES, InvoiceSum, Need};
use crate::kinds::coop::fiscal::{UsagePeriod, WindowState};
use crate::kinds::coop::model::{ActivityType, CoopClaim};
use crate::kinds::coop::rules::{
    activity_requirements, amount_mismatch, evidence_missing, fund_category, invoice_missing,
    program, receipt_missing,
};
use crate::model::{Claim, DocType, Kind};
use crate::money;
use crate::rules::Rule;

use crate::wizard::{Ask, Choice, Later, Script, Wizard, WizardError};

/// `claimtool coop new`.
pub static SCRIPT: Script = Script {
    kind: Kind::Coop,
    name_field: "activity.name",
    intro: "Partner Center > Incentives > Co-op management > Create new claim, in the guide's steps 4 to 6.",
    questions,
    later: &[Later {
        rule: &amount_mismatch::RULE,
        question: "the documents' amounts (Supporting documentation)",
    }],
    costly: &[&program::RULE, &fund_category::RULE, &receipt_missing::RULE],
};

/// The rules that say a document the claim needs is still missing.
static MISSING_RULES: &[&Rule] = &[
    &invoice_missing::RULE,
    &receipt_missing::RULE,
    &evidence_missing::RULE,
    &activity_requirements::RULE,
];

/// The document types a co-op claim uses, money first, then evidence.
const DOC_TYPES: &[DocType] = &[
    DocType::Invoice,
    DocType::Csr,
    DocType::PaymentReceipt,
    DocType::Screenshot,
    DocType::Photo,
    DocType::AttendanceSheet,
    DocType::Invitation,
    DocType::Agenda,
    DocType::LandingPage,
    DocType::CustomerEmail,
    DocType::StatementOfWork,
    DocType::Contract,
    DocType::Other,
];

fn doc_type_label(t: DocType) -> String {
    match t {
        DocType::Invoice => "invoice: a third-party invoice (amount and number)".into(),
        DocType::Csr => {
            "csr: Certification Statement and Report, for in-house work (amount and number)".into()
        }
        DocType::PaymentReceipt => "payment-receipt: proof the invoices were paid".into(),
        other => other.as_str().to_string(),
    }
}

/// `seminar (also needs: invitation, agenda, photo, registered_guests)`,
/// from the requirements table.
fn type_label(t: ActivityType) -> String {
    let needs: Vec<String> = facts::requirements_for(t)
        .map(|r| r.needs)
        .unwrap_or_default()
        .iter()
        .map(|n| match n {
            Need::Document(d) => d.as_str().to_string(),
            Need::Metric(m) => (*m).to_string(),
            Need::PreApproval => "pre-approval ID".to_string(),
        })
        .collect();
    if needs.is_empty() {
        t.as_str().to_string()
    } else {
        format!("{} (also needs: {})", t.as_str(), needs.join(", "))
    }
}

fn questions(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    create_new_claim(w)?;
    claim_details(w)?;
    documents(w)
}

/// Step 4: the claim's frame.
fn create_new_claim(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    w.section(
        "Create new claim",
        "Co-op management > Create new claim (G step 4)",
    );
    w.text(
        Ask::new("program", "Program")
            .comment(format!("\"{}\" for CSP co-op funds", facts::PROGRAM))
            .default(Some(facts::PROGRAM)),
    )?;
    w.text(
        Ask::new("fund_category", "Fund category")
            .comment(format!(
                "\"{}\" (the guide: \"{}\")",
                facts::FUND_CATEGORY,
                facts::GUIDE_FUND_CATEGORY
            ))
            .default(Some(facts::FUND_CATEGORY)),
    )?;
    location(w)?;
    w.text(
        Ask::new(
            "funding_pool",
            "Funding pool (as Co-op management lists it, e.g. CSP Indirect Reseller)",
        )
        .comment("the funding pool the funds come from"),
    )?;
    usage_period(w)?;
    w.text(
        Ask::new(
            "available_funds",
            "Funds available in this pool and period (optional, e.g. 20000.00)",
        )
        .comment("optional: what Co-op management shows as available")
        .money(None),
    )?;
    Ok(())
}

/// "Select a location": the one location in `claimtool.toml` is the
/// default; with several, a pick among them (the CPOR question's logic).
fn location(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    crate::wizard::questions::location_question(
        w,
        "the location (PartnerID, formerly MPN ID) that earned the funds",
        "Location (PartnerID)",
        "Location: your PartnerID",
    )
}

/// The usage periods worth offering today: the current half-year and the
/// three before it, each with its dates and claim window; the one whose
/// window is open is the default.
pub fn period_choices(today: chrono::NaiveDate) -> (Vec<Choice>, Option<String>) {
    let mut periods = Vec::new();
    let mut p = UsagePeriod::containing(today);
    while let Some(period) = p
        && periods.len() < 4
    {
        periods.push(period);
        p = period.previous();
    }
    let open = periods
        .iter()
        .find(|p| p.claim_window().state(today) == WindowState::Open)
        .map(ToString::to_string);
    let choices = periods
        .iter()
        .map(|p| {
            let w = p.claim_window();
            let state = match w.state(today) {
                WindowState::Open => "open",
                WindowState::NotYetOpen => "not open yet",
                WindowState::Closed => "closed",
            };
            Choice::new(
                p.to_string(),
                format!(
                    "{p}: activities {} to {}; claims {} to {} ({state})",
                    p.start(),
                    p.end(),
                    w.opens,
                    w.closes
                ),
            )
        })
        .collect();
    (choices, open)
}

fn usage_period(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    let (mut choices, open) = period_choices(w.today());
    // A value already in the draft is offered too, so editing keeps it.
    if let Some(current) = w.draft().str("usage_period").map(str::to_string)
        && !choices.iter().any(|c| c.value == current)
    {
        choices.push(Choice::new(current.as_str(), current.as_str()));
    }
    w.choose(
        Ask::new("usage_period", "Usage period (the half-year the activity ran in)")
            .comment("Microsoft fiscal half-year: FY27-H1 = 2026-07-01..2026-12-31, FY27-H2 = 2027-01-01..2027-06-30")
            .default(open),
        &choices,
    )?;
    Ok(())
}

/// Step 5: the activity.
fn claim_details(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    w.section("Claim details", "the activity (G step 5)");
    w.table_comment(
        "activity",
        "one activity per claim (G: \"Submit individual claims for each eligible activity\")",
    );
    w.text(Ask::new("activity.name", "Activity name"))?;
    w.text(Ask::new("activity.description", "Description"))?;
    w.choose(
        Ask::new("activity.category", "Activity category"),
        &Choice::all(|c| facts::category_name(c).to_string()),
    )?;
    let activity_type = w.choose(
        Ask::new("activity.type", "Activity type")
            .comment("what it needs as proof: docs/coop.md, \"What each activity type needs\""),
        &Choice::all(type_label),
    )?;
    let dates = [
        "activity.start_date".to_string(),
        "activity.end_date".to_string(),
    ];
    w.group(&dates, |w| {
        w.text(Ask::new("activity.start_date", "Start date (YYYY-MM-DD)").date())?;
        w.text(Ask::new("activity.end_date", "End date (YYYY-MM-DD)").date())?;
        Ok(())
    })?;
    // The amount's decimal places depend on the currency: checked together.
    let money_fields = [
        "activity.claimed_amount".to_string(),
        "currency".to_string(),
    ];
    w.group(&money_fields, |w| {
        w.text(
            Ask::new(
                "activity.claimed_amount",
                "Claimed amount (must match the invoices, e.g. 12500.00)",
            )
            .comment("\"must match supporting documents\" (G step 5): the invoices and CSRs add up to it")
            .money(None),
        )?;
        w.text(
            Ask::new("currency", "Currency (ISO 4217 code, e.g. AUD)")
                .comment("the invoices' currency, ISO 4217 code")
                .currency(),
        )?;
        Ok(())
    })?;
    let needs = ActivityType::parse(&activity_type)
        .and_then(facts::requirements_for)
        .map(|r| r.needs)
        .unwrap_or_default();
    for need in needs {
        match need {
            Need::Metric(name) => {
                w.text(
                    Ask::new(
                        format!("activity.metrics.{name}"),
                        format!("Metric: {} (a count)", name.replace('_', " ")),
                    )
                    .integer(),
                )?;
            }
            Need::PreApproval => {
                w.text(
                    Ask::new(
                        "activity.pre_approval_id",
                        "Pre-approval ID (required before a TV/radio activity runs)",
                    )
                    .comment("Microsoft's pre-approval of the activity"),
                )?;
            }
            Need::Document(_) => {}
        }
    }
    let domain = w.config().email_domains.first().cloned();
    let prompt = match &domain {
        Some(d) => format!("Your business email (optional; a bare name gets @{d})"),
        None => "Your business email (optional)".to_string(),
    };
    w.text(
        Ask::new("submitter_email", prompt)
            .comment("optional: who submits; a business address (G tips)")
            .email(domain),
    )?;
    Ok(())
}

/// The draft decoded as a claim, for totals between questions.
fn decoded(w: &Wizard<'_>) -> Option<CoopClaim> {
    let text = w.draft().render(&[]);
    match crate::load::load_text(text, Path::new("draft.toml"), "draft").claim {
        Some(Claim::Coop(c)) => Some(c),
        _ => None,
    }
}

/// The running total of invoice and CSR amounts against the claimed
/// amount, in words; `None` before any invoice has an amount.
pub fn progress(claim: &CoopClaim) -> Option<String> {
    let sum = InvoiceSum::of(claim);
    let total = sum.total.filter(|_| !sum.summed.is_empty())?;
    let code = claim.currency.as_ref().map_or("", |c| c.value.trim());
    let fmt = |d| money::format(d, code);
    let mut line = format!(
        "Invoices and CSRs so far: {} ({})",
        fmt(total),
        sum.describe(code)
    );
    if let Some(claimed) = claim
        .activity
        .as_ref()
        .and_then(|a| a.claimed_amount.as_deref())
        .copied()
    {
        let rest = claimed - total;
        let _ = write!(line, "; claimed {}: ", fmt(claimed));
        let verdict = if rest.is_zero() {
            "they match exactly.".to_string()
        } else if rest.is_sign_positive() {
            format!("{} still to document.", fmt(rest))
        } else {
            format!(
                "{} more than claimed (a partial claim needs a reason).",
                fmt(-rest)
            )
        };
        line.push_str(&verdict);
    }
    Some(line)
}

/// Shows the running total, when there is one.
fn show_progress(w: &mut Wizard<'_>) {
    if let Some(line) = decoded(w).as_ref().and_then(progress) {
        w.note(&line);
    }
}

/// What the rules still miss among the documents, one line each.
fn still_missing(w: &mut Wizard<'_>) -> Vec<String> {
    w.current_findings()
        .into_iter()
        .filter(|f| MISSING_RULES.iter().any(|r| r.id == f.rule))
        .map(|f| f.message)
        .collect()
}

/// Step 6: the documents.
fn documents(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    w.section(
        "Supporting documentation",
        "invoices and payment receipts, evidence of execution (G step 6)",
    );
    w.table_comment(
        "documents",
        "a supporting document; path is relative to this file",
    );
    w.note(crate::wizard::questions::PATHS_NOTE);
    w.entries(
        "documents",
        crate::wizard::questions::keep_document("document"),
        |w, i| {
            let missing = still_missing(w);
            for m in &missing {
                w.note(&format!("Still missing: {m}"));
            }
            let prompt = if i == 0 {
                "Add a document? (an invoice or CSR first)"
            } else {
                "Add another document?"
            };
            (prompt.into(), i == 0 || !missing.is_empty())
        },
        document,
    )?;
    show_progress(w);
    partial_reason(w)
}

fn document(w: &mut Wizard<'_>, i: usize) -> Result<(), WizardError> {
    let field = |key: &str| format!("documents[{i}].{key}");
    let n = i + 1;
    let path = w.text(
        Ask::new(
            field("path"),
            format!("Document {n}: file (leave empty for an online page)"),
        )
        .path(),
    )?;
    if path.is_none() {
        w.text(Ask::new(
            field("url"),
            format!("Document {n}: web address (https://...)"),
        ))?;
    } else {
        w.clear(&field("url"))?;
    }
    let doc_type = w.choose(
        Ask::new(field("type"), format!("Document {n}: type")),
        &DOC_TYPES
            .iter()
            .map(|&t| Choice::new(t.as_str(), doc_type_label(t)))
            .collect::<Vec<_>>(),
    )?;
    crate::wizard::questions::document_date(w, i, &format!("Document {n}"))?;
    let is_money = DocType::parse(&doc_type).is_some_and(|t| INVOICE_TYPES.contains(&t));
    if is_money {
        let currency = w.draft().str("currency").map(str::to_string);
        w.text(
            Ask::new(
                field("amount"),
                format!("Document {n}: amount (in the claim's currency, e.g. 10000.00)"),
            )
            .money(currency),
        )?;
        w.text(Ask::new(
            field("number"),
            format!("Document {n}: invoice or CSR number"),
        ))?;
        show_progress(w);
    } else {
        w.clear(&field("amount"))?;
        w.clear(&field("number"))?;
    }
    w.text(Ask::new(
        field("description"),
        format!("Document {n}: description (optional)"),
    ))?;
    Ok(())
}

/// Invoices above the claimed amount: a partial claim, which needs its
/// reason (`coop-amount-mismatch`).
fn partial_reason(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    let Some(claim) = decoded(w) else {
        return Ok(());
    };
    let sum = InvoiceSum::of(&claim);
    let claimed = claim
        .activity
        .as_ref()
        .and_then(|a| a.claimed_amount.as_deref())
        .copied();
    let partial = matches!((claimed, sum.complete_total()), (Some(c), Some(t)) if c < t);
    if partial || w.draft().has("activity.partial_claim_reason") {
        w.text(
            Ask::new(
                "activity.partial_claim_reason",
                "Why is the claim below the invoices? (e.g. capped at the remaining balance)",
            )
            .comment("why the claim is below the invoices"),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::config::Config;
    use crate::diag::{Overrides, Severity};

    use crate::rules::Env;
    use crate::wizard::scripted::{MAX_REPEATS, MAX_SHOWN, text};
    use crate::wizard::{Finished, Reply, Scripted, Setup, draft_path};

    const TODAY: &str = "2026-11-26";

    struct Fixture {
        dir: tempfile::TempDir,
    }

    impl Fixture {
        fn new() -> Fixture {
            let dir = tempfile::tempdir().unwrap();
            let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docs");
            // The claim is the example's: its first invoice shows AUD 10,000.10.
            std::fs::copy(
                docs.join("invoice-10000.10.pdf"),
                dir.path().join("invoice.pdf"),
            )
            .unwrap();
            for name in [
                "invoice-2.pdf",
                "receipt.pdf",
                "invitation.pdf",
                "agenda.pdf",
                "photo.png",
            ] {
                std::fs::copy(docs.join(name), dir.path().join(name)).unwrap();
            }
            Fixture { dir }
        }

        fn path(&self, name: &str) -> PathBuf {
            self.dir.path().join(name)
        }

        fn run(
            &self,
            replies: Vec<Reply>,
            today: &str,
        ) -> (Result<Finished, WizardError>, Scripted) {
            let mut p = Scripted::new(replies);
            let setup = Setup {
                config: Config::default(),
                today: today.parse().unwrap(),
                overrides: Overrides::default(),
                cwd: self.dir.path().to_path_buf(),
                out: None,
                from: None,
                force: false,
            };
            let result = Wizard::start(&mut p, &SCRIPT, setup).and_then(Wizard::run);
            (result, p)
        }

        fn validate(path: &Path) -> Vec<(&'static str, Severity)> {
            let env = Env::new(Config::default(), TODAY.parse().unwrap());
            crate::wizard::scripted::findings(path, &env)
        }
    }

    /// Step 4 with the defaults, the open period and the available funds.
    fn step4() -> Vec<Reply> {
        vec![
            text(""),
            text(""),
            text("4871236"),
            text("CSP Indirect Reseller"),
            Reply::Default,
            text("20000.00"),
        ]
    }

    fn step5(kind: &str, amount: &str, currency: &str) -> Vec<Reply> {
        vec![
            text("Azure migration webinar series"),
            text("Three webinars for SMB customers"),
            Reply::Pick("Demand".into()),
            Reply::Pick(kind.into()),
            text("2026-08-04"),
            text("2026-08-20"),
            text(amount),
            text(currency),
        ]
    }

    fn doc(path: &str, kind: &str, date: &str, money: Option<(&str, &str)>) -> Vec<Reply> {
        let mut r = vec![Reply::Yes, text(path), Reply::Pick(kind.into()), text(date)];
        if let Some((amount, number)) = money {
            r.push(text(amount));
            r.push(text(number));
        }
        r.push(text(""));
        r
    }

    fn seminar_documents() -> Vec<Reply> {
        [
            doc(
                "invoice.pdf",
                "invoice:",
                "2026-08-21",
                Some(("10000.10", "INV-1042")),
            ),
            doc(
                "invoice-2.pdf",
                "invoice:",
                "2026-08-25",
                Some(("2500.20", "INV-2210")),
            ),
            doc("receipt.pdf", "payment-receipt", "2026-09-02", None),
            doc("invitation.pdf", "invitation", "2026-07-20", None),
            doc("agenda.pdf", "agenda", "2026-07-28", None),
            doc("photo.png", "photo", "2026-08-04", None),
            vec![Reply::No],
        ]
        .concat()
    }

    fn full() -> Vec<Reply> {
        [
            step4(),
            step5("seminar", "12500.30", "AUD"),
            vec![text("140"), text("grace.hopper@fabrikam.com.au")],
            seminar_documents(),
            vec![Reply::Pick("Write the claim".into())],
        ]
        .concat()
    }

    #[test]
    fn a_full_run_follows_the_guide_and_writes_a_claim_that_validates() {
        let fx = Fixture::new();
        let (result, p) = fx.run(full(), TODAY);
        let out = fx.path("azure-migration-webinar-series.toml");
        p.assert_wrote(result, &out);
        assert!(!draft_path(&out).exists());

        // The questions in the guide's order (steps 4, 5, 6).
        let order = [
            "? Program",
            "? Fund category",
            "? Location",
            "? Funding pool",
            "? Usage period",
            "? Activity name",
            "? Description",
            "? Start date",
            "? End date",
            "? Claimed amount",
            "? Currency",
            "? Document 1: file",
            "? Document 1: amount",
        ];
        let mut at = 0;
        for q in order {
            let i = p.log[at..]
                .iter()
                .position(|l| l.starts_with(q))
                .unwrap_or_else(|| panic!("{q} not asked after line {at}: {:#?}", p.log));
            at += i;
        }
        // The open period is the default and its window is shown.
        assert!(
            p.log
                .iter()
                .any(|l| l.starts_with("? Usage period") && l.contains("FY27-H1"))
        );
        assert!(p.showed_rule("coop-claim-window"));
        // A running total after each invoice amount.
        assert!(p.log.iter().any(|l| l
            == "= Invoices and CSRs so far: AUD 10,000.10 (INV-1042 AUD 10,000.10); claimed AUD 12,500.30: AUD 2,500.20 still to document."),
            "{:#?}", p.log);
        assert!(p.log.iter().any(
            |l| l.starts_with("= Invoices and CSRs so far: AUD 12,500.30")
                && l.ends_with("they match exactly.")
        ));
        // What is still missing, from the rules, before adding documents.
        assert!(
            p.log
                .iter()
                .any(|l| l.starts_with("= Still missing:") && l.contains("agenda"))
        );

        let text = std::fs::read_to_string(&out).unwrap();
        for expected in [
            "program = \"Microsoft Commerce Incentives\"",
            "fund_category = \"Cloud Solution Provider\"",
            "usage_period = \"FY27-H1\"",
            "currency = \"AUD\"",
            "claimed_amount = \"12500.30\"",
            "start_date = 2026-08-04",
            "registered_guests = 140",
            "amount = \"10000.10\"",
            "number = \"INV-2210\"",
            "type = \"payment-receipt\"",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
        }
        let found = Fixture::validate(&out);
        assert!(
            found.iter().all(|(_, s)| *s == Severity::Info),
            "{found:?}\n{text}"
        );
    }

    #[test]
    fn amounts_are_read_as_people_write_them_and_stored_exactly() {
        let fx = Fixture::new();
        let replies = [
            step4(),
            step5("seminar", "AUD 12,500.30", "aud"),
            vec![text("140"), text("")],
            doc(
                "invoice.pdf",
                "invoice:",
                "2026-08-21",
                Some(("$10,000.10", "INV-1042")),
            ),
            doc(
                "invoice-2.pdf",
                "invoice:",
                "2026-08-25",
                Some(("USD 2,500.20", "INV-2210")),
            ),
        ]
        .concat();
        let (_, p) = fx.run(replies, TODAY);
        assert!(
            p.log.contains(&"= Understood: 12500.30 (AUD).".to_string()),
            "{:#?}",
            p.log
        );
        assert!(p.log.contains(&"= Understood: 10000.10.".to_string()));
        // Another currency than the claim's is not taken for it.
        assert!(p.log.contains(
            &"= The claim's currency is AUD, not USD: type the amount in AUD.".to_string()
        ));
        let draft =
            std::fs::read_to_string(fx.path("azure-migration-webinar-series.toml.draft")).unwrap();
        for expected in [
            "claimed_amount = \"12500.30\"",
            "currency = \"AUD\"",
            "amount = \"10000.10\"",
        ] {
            assert!(draft.contains(expected), "{expected} in\n{draft}");
        }
    }

    #[test]
    fn an_amount_that_does_not_fit_the_currency_asks_both_again() {
        let fx = Fixture::new();
        let replies = [
            step4(),
            step5("email-campaign", "15000.5", "JPY"),
            // coop-amount: JPY has no decimals; the pair is asked again.
            vec![text("15000"), text("JPY"), text("")],
            vec![Reply::No, Reply::Pick("Stop here".into())],
        ]
        .concat();
        let (result, p) = fx.run(replies, TODAY);
        assert!(
            matches!(result, Ok(Finished::NotWritten { .. })),
            "{:#?}",
            p.log
        );
        assert!(p.showed_rule("coop-amount"));
        assert_eq!(p.asked("Claimed amount"), 2);
        assert_eq!(p.asked("Currency"), 2);
    }

    #[test]
    fn swapped_dates_ask_the_pair_again() {
        let fx = Fixture::new();
        let mut replies = step4();
        replies.extend([
            text("Webinars"),
            text("Three webinars"),
            Reply::Pick("Demand".into()),
            Reply::Pick("email-campaign".into()),
            text("2026-08-20"),
            text("2026-08-04"),
            text("2026-08-04"),
            text("2026-08-20"),
        ]);
        let (_, p) = fx.run(replies, TODAY);
        assert!(p.showed_rule("coop-activity-dates"), "{:#?}", p.log);
        assert_eq!(p.asked("Start date"), 2);
        // Asked again, the pair offers what was typed.
        assert!(
            p.log
                .contains(&"? Start date (YYYY-MM-DD) [2026-08-20]".to_string()),
            "{:#?}",
            p.log
        );
        assert!(
            p.log
                .contains(&"? End date (YYYY-MM-DD) [2026-08-04]".to_string())
        );
        assert_eq!(p.asked("Claimed amount"), 1);
    }

    #[test]
    fn a_closed_usage_period_is_explained_and_asked_again() {
        let fx = Fixture::new();
        let replies = vec![
            text(""),
            text(""),
            text("4871236"),
            text("CSP Indirect Reseller"),
            Reply::Pick("FY26-H2".into()),
            Reply::Default,
        ];
        let (_, p) = fx.run(replies, TODAY);
        assert!(
            p.log
                .iter()
                .any(|l| l
                    .starts_with("! coop-claim-window: the claiming window for FY26-H2 closed")),
            "{:#?}",
            p.log
        );
        assert_eq!(p.asked("Usage period"), 2);
    }

    #[test]
    fn invoices_above_the_claim_ask_for_the_reason() {
        let fx = Fixture::new();
        let replies = [
            step4(),
            step5("email-campaign", "10000.00", "AUD"),
            vec![text("")],
            doc(
                "invoice.pdf",
                "invoice:",
                "2026-08-21",
                Some(("10000.10", "INV-1042")),
            ),
            doc("receipt.pdf", "payment-receipt", "2026-09-02", None),
            doc("photo.png", "photo", "2026-08-04", None),
            vec![
                Reply::No,
                text("Capped at the remaining balance"),
                Reply::Pick("Write the claim".into()),
            ],
        ]
        .concat();
        let (result, p) = fx.run(replies, TODAY);
        let out = fx.path("azure-migration-webinar-series.toml");
        assert_eq!(
            result.unwrap(),
            Finished::Written(out.clone()),
            "{:#?}",
            p.log
        );
        assert!(
            p.log
                .iter()
                .any(|l| l.contains("AUD 0.10 more than claimed"))
        );
        assert_eq!(p.asked("Why is the claim below the invoices?"), 1);
        let found = Fixture::validate(&out);
        assert!(
            !found.iter().any(|(r, _)| *r == "coop-amount-mismatch"),
            "{found:?}"
        );
    }

    #[test]
    fn tv_radio_asks_for_the_pre_approval() {
        let fx = Fixture::new();
        let replies = [
            step4(),
            step5("tv-radio", "10000.00", "AUD"),
            vec![text("PA-2026-0091")],
        ]
        .concat();
        let (_, p) = fx.run(replies, TODAY);
        assert_eq!(p.asked("Pre-approval ID"), 1, "{:#?}", p.log);
        assert_eq!(p.asked("Metric"), 0);
    }

    /// Far more questions than editing the example asks (about 60).
    const MAX_QUESTIONS: usize = 500;

    /// Takes every default: Enter on every question. Like [`Scripted`], it
    /// stops the run when the same question comes back more than
    /// [`MAX_REPEATS`] times in a row, or after [`MAX_QUESTIONS`] in all (a
    /// default refused over and over, also when two questions alternate:
    /// the answer and "Keep this answer anyway?", which defaults to no), so a
    /// rule that always fires fails the test instead of hanging it.
    ///
    /// [`Scripted`]: crate::wizard::Scripted
    #[derive(Default)]
    struct AcceptAll {
        asked: usize,
        last: (String, usize),
        /// Messages since the last question (a wizard looping without
        /// asking is stopped too).
        shown: usize,
    }

    impl AcceptAll {
        fn ask(&mut self, prompt: &str) -> Result<(), crate::wizard::Stop> {
            self.asked += 1;
            self.shown = 0;
            if self.last.0 == prompt {
                self.last.1 += 1;
            } else {
                self.last = (prompt.to_string(), 1);
            }
            if self.asked > MAX_QUESTIONS {
                return Err(crate::wizard::Stop(format!(
                    "{MAX_QUESTIONS} questions, the last `{prompt}`: the wizard is looping"
                )));
            }
            if self.last.1 > MAX_REPEATS {
                return Err(crate::wizard::Stop(format!(
                    "`{prompt}` was asked {MAX_REPEATS} times in a row: its default is refused"
                )));
            }
            Ok(())
        }
    }

    impl crate::wizard::Prompter for AcceptAll {
        fn input(
            &mut self,
            prompt: &str,
            default: Option<&str>,
        ) -> Result<String, crate::wizard::Stop> {
            self.ask(prompt)?;
            Ok(default.unwrap_or("").to_string())
        }
        fn select(
            &mut self,
            prompt: &str,
            _: &[String],
            default: usize,
        ) -> Result<usize, crate::wizard::Stop> {
            self.ask(prompt)?;
            Ok(default)
        }
        fn multi_select(
            &mut self,
            prompt: &str,
            _: &[String],
            checked: &[bool],
        ) -> Result<Vec<usize>, crate::wizard::Stop> {
            self.ask(prompt)?;
            Ok((0..checked.len()).filter(|&i| checked[i]).collect())
        }
        fn confirm(
            &mut self,
            prompt: &str,
            default: Option<bool>,
        ) -> Result<bool, crate::wizard::Stop> {
            self.ask(prompt)?;
            Ok(default.unwrap_or(true))
        }
        fn show(&mut self, _: crate::wizard::Message<'_>) {
            self.shown += 1;
            assert!(
                self.shown <= MAX_SHOWN,
                "{MAX_SHOWN} messages without a question: the wizard is looping"
            );
        }
    }

    #[test]
    fn editing_the_example_with_every_default_keeps_it_valid_and_commented() {
        let fx = Fixture::new();
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/coop");
        for sub in ["invoices", "evidence"] {
            std::fs::create_dir(fx.path(sub)).unwrap();
            for e in std::fs::read_dir(examples.join(sub)).unwrap() {
                let e = e.unwrap().path();
                std::fs::copy(&e, fx.path(sub).join(e.file_name().unwrap())).unwrap();
            }
        }
        std::fs::copy(
            examples.join("azure-webinar-series.toml"),
            fx.path("claim.toml"),
        )
        .unwrap();
        let mut p = AcceptAll::default();
        let setup = Setup {
            config: Config::default(),
            today: TODAY.parse().unwrap(),
            overrides: Overrides::default(),
            cwd: fx.dir.path().to_path_buf(),
            out: Some(PathBuf::from("edited.toml")),
            from: Some(PathBuf::from("claim.toml")),
            force: false,
        };
        let result = Wizard::start(&mut p, &SCRIPT, setup).and_then(Wizard::run);
        let out = fx.path("edited.toml");
        assert_eq!(result.unwrap(), Finished::Written(out.clone()));
        assert!(
            p.asked > 40,
            "every field was asked ({} questions)",
            p.asked
        );
        let text = std::fs::read_to_string(&out).unwrap();
        for kept in [
            "# Exactly the two invoices: 10,000.10 + 2,500.20.",
            "claimed_amount = \"12500.30\"",
            "metrics = { registered_guests = 140, attendees = 96 }",
            "url = \"https://events.fabrikam.example/azure-migration\"",
            "path = \"evidence/attendance.pdf\"",
        ] {
            assert!(text.contains(kept), "lost {kept:?}:\n{text}");
        }
        let found = Fixture::validate(&out);
        assert!(
            found.iter().all(|(_, s)| *s == Severity::Info),
            "{found:?}\n{text}"
        );
    }

    #[test]
    fn the_offered_periods_are_the_recent_ones_with_the_open_one_first_choice() {
        let (choices, open) = period_choices("2026-11-26".parse().unwrap());
        let values: Vec<&str> = choices.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(values, ["FY27-H1", "FY26-H2", "FY26-H1", "FY25-H2"]);
        assert_eq!(open.as_deref(), Some("FY27-H1"));
        assert!(
            choices[0]
                .label
                .contains("claims 2026-08-16 to 2027-02-15 (open)")
        );
        assert!(choices[1].label.ends_with("(closed)"));
        // Early August: this period's window is not open; last period's is.
        let (choices, open) = period_choices("2026-08-10".parse().unwrap());
        assert_eq!(open.as_deref(), Some("FY26-H2"));
        assert!(choices[0].label.ends_with("(not open yet)"));
    }
}
