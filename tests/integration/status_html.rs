//! `claimtool status --format html`: escaping and self-containment as text,
//! then the page in a real headless Chromium: a screenshot and a print to
//! PDF (A4) whose text (pdftotext) has the claim names and every chart's
//! title on the same page as its caption, so no chart is cut across pages.
//!
//! Under `CI=true` a missing browser or poppler fails the test (`.ci/run`
//! installs them); elsewhere the browser part is skipped with a message.
//! `UPDATE_DOCS=1` also writes the screenshot of the example workspace's
//! page to docs/status.png (the README's picture).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Test, repo};

fn page(path: &str, today: &str) -> String {
    let run = Test::new()
        .today(today)
        .args(["status", path, "--format", "html"])
        .run();
    run.code(1);
    run.stdout().to_string()
}

#[test]
fn every_user_value_is_escaped_and_nothing_is_fetched() {
    let html = page("tests/fixtures/status", "2026-11-26");
    assert!(!html.to_lowercase().contains("<script"), "a user value ran");
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(
        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    assert!(
        html.matches("<svg").count() >= 2,
        "the timeline and the money chart"
    );
    for fetch in [" src=", "<link", "@import", "url(", "<iframe", "<object"] {
        assert!(!html.contains(fetch), "{fetch}");
    }
    // The hostile name drawn in the timeline is escaped by the SVG backend.
    let timeline = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    assert!(timeline.contains("=HYPERLINK(&quot;"), "{timeline}");
    assert!(html.contains("cannot be read: "));
}

/// A program on the PATH.
fn find(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// The browser and poppler, or the reason they are missing.
fn tools() -> Result<(PathBuf, PathBuf, PathBuf), String> {
    let browser = find(&["chromium", "chromium-browser", "google-chrome"])
        .ok_or("no chromium on the PATH (apt-get install chromium)")?;
    let pdftotext = find(&["pdftotext"]).ok_or("no pdftotext (apt-get install poppler-utils)")?;
    let pdfinfo = find(&["pdfinfo"]).ok_or("no pdfinfo (apt-get install poppler-utils)")?;
    Ok((browser, pdftotext, pdfinfo))
}

/// Runs `cmd` to its end within two minutes; its stdout.
fn run(mut cmd: Command) -> String {
    let line = format!("{cmd:?}");
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{line}: {e}"));
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).ok();
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{line}: still running after two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{line}: {status}");
    reader.join().unwrap()
}

fn chromium(browser: &Path, dir: &Path, args: &[String]) {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-extensions",
    ])
    .arg(format!("--user-data-dir={}", dir.join("profile").display()))
    .args(args);
    run(cmd);
}

/// Width and height of a PNG (its IHDR chunk).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn the_page_renders_and_prints_in_a_real_browser() {
    let (browser, pdftotext, pdfinfo) = match tools() {
        Ok(tools) => tools,
        Err(why) if std::env::var("CI").as_deref() == Ok("true") => panic!("CI=true: {why}"),
        Err(why) => {
            eprintln!("skipped: {why}; CI installs it (.ci/run)");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("status.html");
    std::fs::write(&html, page("examples", "2026-11-20")).unwrap();
    let url = format!("file://{}", html.display());
    let png = dir.path().join("status.png");
    chromium(
        &browser,
        dir.path(),
        &[
            "--window-size=1280,3450".into(),
            format!("--screenshot={}", png.display()),
            url.clone(),
        ],
    );
    let shot = std::fs::read(&png).unwrap();
    assert_eq!(png_size(&shot), (1280, 3450));
    assert!(
        shot.len() > 50_000,
        "an empty screenshot ({} bytes)",
        shot.len()
    );
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(repo().join("docs/status.png"), &shot).unwrap();
    }
    let pdf = dir.path().join("status.pdf");
    chromium(
        &browser,
        dir.path(),
        &[
            "--no-pdf-header-footer".into(),
            format!("--print-to-pdf={}", pdf.display()),
            url,
        ],
    );
    let info = run({
        let mut c = Command::new(&pdfinfo);
        c.arg(&pdf);
        c
    });
    assert!(info.contains("(A4)"), "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    let text_of = |page: usize| {
        let mut c = Command::new(&pdftotext);
        // -raw: the text in the order the page drew it (cell by cell),
        // not re-flowed into columns.
        c.args(["-raw", "-f", &page.to_string(), "-l", &page.to_string()])
            .arg(&pdf)
            .arg("-");
        run(c)
    };
    let texts: Vec<String> = (1..=pages).map(text_of).collect();
    // Table cells wrap: names are compared with their spaces and line
    // breaks folded to single spaces.
    let all = texts
        .concat()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for name in [
        "Azure migration webinar series",
        "Contoso - Sydney datacentre exit",
        "Contoso - Microsoft 365 E5 deployment",
        "Microsoft Teams roadshow",
        "Modern Work · PartnerID 4871236",
    ] {
        assert!(all.contains(name), "the PDF lacks {name}:\n{all}");
    }
    // Each chart's title and caption are on the same page: none is cut.
    let charts = [
        ("Deadlines in the next 90 days", "Red: passed; orange"),
        (
            "Co-op money at stake by usage period",
            "Claimed amounts of every co-op claim",
        ),
        ("Partner Capability Score: ", "Monthly points; the red line"),
    ];
    for (page, text) in texts.iter().enumerate() {
        for (title, caption) in charts {
            assert_eq!(
                text.matches(title).count(),
                text.matches(caption).count(),
                "page {}: a chart ({title}) is cut across pages:\n{text}",
                page + 1
            );
        }
    }
    assert_eq!(all.matches("Partner Capability Score: ").count(), 3);
}
