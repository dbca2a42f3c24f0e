//! The score wizard's questions (`claimtool score new`): the location and
//! solution area, then Partner Center's scoring history one month at a
//! time (Membership > Partner capability score > Scoring history), with
//! the month's CSP revenue from the partner's billing. The machinery
//! (checking each answer with the `score-` rules, drafts, review) is
//! [`crate::wizard::Wizard`]'s; this file only says what to ask.

use crate::kinds::score::YearMonth;
use crate::kinds::score::model::ScoreArea;
use crate::model::Kind;

use crate::wizard::{Ask, Choice, Script, Wizard, WizardError};

/// `claimtool score new`.
pub static SCRIPT: Script = Script {
    kind: Kind::Score,
    name_field: "solution_area",
    intro: "Partner Center > Membership > Partner capability score > Scoring history, month by month \
            (with each month's CSP revenue from your billing).",
    questions,
    later: &[],
    costly: &[],
};

fn questions(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    w.section(
        "Location and solution area",
        "one history per partner location and solution area",
    );
    crate::wizard::questions::partner_id(w)?;
    w.choose(
        Ask::new("solution_area", "Solution area").comment("the area these scores belong to"),
        &Choice::all(|a: ScoreArea| a.title().to_string()),
    )?;
    months(w)
}

/// The month after the latest month already in the draft, or the first of
/// the last 12 months (the revenue test looks at 12 months; the points
/// window, the current month and the five before it, is inside them).
fn next_month(w: &Wizard<'_>, now: YearMonth) -> YearMonth {
    (0..w.draft().count("month"))
        .filter_map(|i| w.draft().str(&format!("month[{i}].month")))
        .filter_map(|m| YearMonth::parse(m.trim()))
        .max()
        .map_or(now.plus(-11), |last| last.plus(1))
}

fn months(w: &mut Wizard<'_>) -> Result<(), WizardError> {
    w.section(
        "Scoring history",
        "one [[month]] per calendar month, holding the best score of that month",
    );
    w.table_comment(
        "month",
        "the month's best score (Partner Center's scoring history) and its CSP revenue",
    );
    w.note(
        "Eligibility needs 25 points in a month of the window (the month and the five before it) \
         and USD 25,000 CSP revenue over 12 months: enter the last 12 months if you have them.",
    );
    w.review_one_row("month");
    let now = YearMonth::of(w.today());
    w.entries(
        "month",
        |draft, i| {
            let month = draft
                .str(&format!("month[{i}].month"))
                .unwrap_or("no month");
            format!("Keep month {month}?")
        },
        |w, i| {
            let prompt = if i == 0 {
                "Add a month?"
            } else {
                "Add another month?"
            };
            // Offered until the current month is in.
            (prompt.into(), next_month(w, now) <= now)
        },
        |w, i| {
            let default = next_month(w, now);
            month(w, i, default)
        },
    )
}

fn month(w: &mut Wizard<'_>, i: usize, default: YearMonth) -> Result<(), WizardError> {
    let field = |key: &str| format!("month[{i}].{key}");
    let month = w.text(
        Ask::new(field("month"), "Month (YYYY-MM)")
            .comment("the calendar month")
            .default(Some(default.to_string())),
    )?;
    let label = month.unwrap_or_else(|| format!("Month {}", i + 1));
    // The three categories are checked together (with the month, where a
    // total above 100 is reported): a slip asks all three again.
    let group = [
        field("performance"),
        field("skilling"),
        field("customer_success"),
        field("month"),
    ];
    w.group(&group, |w| {
        for (key, name) in [
            ("performance", "Performance"),
            ("skilling", "Skilling"),
            ("customer_success", "Customer success"),
        ] {
            w.text(
                Ask::new(field(key), format!("{label}: {name} points"))
                    .number()
                    .default(Some("0")),
            )?;
        }
        Ok(())
    })?;
    w.text(
        Ask::new(
            field("csp_revenue_usd"),
            format!("{label}: CSP revenue billed, USD (e.g. 2100.00)"),
        )
        .comment("CSP licensing billed in that month")
        .money(Some("USD".to_string())),
    )?;
    w.flag(
        Ask::new(
            field("designation"),
            format!("{label}: Solutions Partner designation for this area?"),
        ),
        Some(false),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::config::{Config, ScoreSettings};
    use crate::diag::Overrides;
    use crate::model::Claim;
    use crate::wizard::scripted::text;
    use crate::wizard::{Finished, Reply, Scripted, Setup};

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn run(dir: &Path, replies: Vec<Reply>) -> (Result<Finished, WizardError>, Scripted) {
        let mut p = Scripted::new(replies);
        let setup = Setup {
            config: Config::default(),
            today: today(),
            overrides: Overrides::default(),
            cwd: dir.to_path_buf(),
            out: None,
            from: None,
            force: false,
        };
        let result = Wizard::start(&mut p, &SCRIPT, setup).and_then(Wizard::run);
        (result, p)
    }

    /// Replies for one month: the month (Enter takes the offered one), the
    /// three categories, the revenue, no designation.
    fn month(month: &str, points: [&str; 3], revenue: &str) -> Vec<Reply> {
        vec![
            text(month),
            text(points[0]),
            text(points[1]),
            text(points[2]),
            text(revenue),
            Reply::No,
        ]
    }

    fn load(path: &PathBuf) -> crate::kinds::score::model::ScoreHistory {
        let text = std::fs::read_to_string(path).unwrap();
        let loaded = crate::load::load_text(text, path, "h.toml");
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        match loaded.claim {
            Some(Claim::Score(h)) => h,
            other => panic!("not a score history: {other:?}"),
        }
    }

    #[test]
    fn asks_month_by_month_and_writes_the_history() {
        let dir = tempfile::tempdir().unwrap();
        let mut replies = vec![text("4871236"), Reply::Pick("Modern Work".into())];
        // Six months, from 2026-06 (the window of 2026-11) onward.
        for (i, m) in [
            "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
        ]
        .iter()
        .enumerate()
        {
            replies.push(Reply::Yes); // add a month
            let points = if *m == "2026-08" {
                ["8", "10", "7.5"]
            } else {
                ["1", "0", "0"]
            };
            // The first month typed (the last 12 are offered); then Enter
            // takes the offered one, the next month.
            let typed = if i == 0 { m } else { "" };
            replies.extend(month(typed, points, "5000.00"));
        }
        replies.push(Reply::No); // no further month
        replies.push(Reply::Pick("Write the claim".into()));
        let (result, p) = run(dir.path(), replies);
        let out = dir.path().join("modern-work.toml");
        p.assert_wrote(result, &out);
        assert!(
            p.log
                .iter()
                .any(|l| l.contains("Month (YYYY-MM) [2025-12]")),
            "the last 12 months are offered, from 2025-12: {:#?}",
            p.log
        );
        // The review: one row a month.
        let rows: Vec<&String> = p.log.iter().filter(|l| l.starts_with("| ")).collect();
        assert_eq!(rows.len(), 2 + 6, "{rows:#?}");
        assert!(
            rows.iter().any(|r| r.contains("Month 2026-08")
                && r.contains(
                    "Performance points 8; Skilling points 10; Customer success points 7.5"
                )),
            "{rows:#?}"
        );
        let history = load(&out);
        assert_eq!(history.months.len(), 6);
        assert_eq!(history.partner_id.as_ref().unwrap().value, "4871236");
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains("customer_success = 7.5\n"), "{text}");
        assert!(text.contains("csp_revenue_usd = \"5000.00\"\n"), "{text}");
        // The written file is the input of the eligibility computation.
        let e = crate::kinds::score::evaluate(&history, today(), &ScoreSettings::default(), &[])
            .unwrap();
        assert!(e.eligible_now);
        assert_eq!(e.eligible_through.unwrap().to_string(), "2027-01");
        assert!(!dir.path().join("modern-work.toml.draft").exists());
    }

    #[test]
    fn a_month_after_today_and_a_total_above_100_are_asked_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut replies = vec![text("4871236"), Reply::Pick("Security".into()), Reply::Yes];
        replies.push(text("2026-12")); // after today: score-month
        replies.push(text("2026-11"));
        replies.extend([text("60"), text("30"), text("20")]); // 110: score-points
        replies.extend([text("40"), text("30"), text("20")]);
        replies.extend([text("abc")]); // revenue: wrong-type
        replies.extend([text("30000"), Reply::No]);
        replies.extend([Reply::No, Reply::Pick("Write the claim".into())]);
        let (result, p) = run(dir.path(), replies);
        assert!(matches!(result, Ok(Finished::Written(_))), "{:#?}", p.log);
        assert!(p.showed_rule("score-month"));
        assert!(p.showed_rule("score-points"));
        assert!(p.showed_rule("wrong-type"));
        assert_eq!(p.asked("Month (YYYY-MM)"), 2);
        assert_eq!(p.asked("2026-11: Performance points"), 2);
        let history = load(&dir.path().join("security.toml"));
        assert_eq!(history.months[0].points().unwrap().to_string(), "90");
        assert_eq!(
            history.months[0]
                .csp_revenue_usd
                .as_ref()
                .unwrap()
                .value
                .to_string(),
            "30000"
        );
    }
}
