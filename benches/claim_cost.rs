//! What one claim of the `validate` benchmark costs, step by step (not a
//! timed test): `cargo bench --bench claim_cost`.
//!
//! `benches/validate_bench.py` compares a whole `validate` run with `cat`
//! reading the same files. This splits the per-claim work of that run into
//! its steps, on one thread, in the release profile: reading the file (what
//! `cat` does per file), parsing the TOML (claimtool's fast reader, which
//! the benchmark's claims take, and the `toml` crate's `DeTable` that it
//! falls back to, for comparison), parsing and decoding into the typed
//! claim (`load_text`), the rules (`check_loaded`, which parses again, on a one-thread pool so that no
//! hand-over between threads is timed), and
//! writing the JSON report of one checked file. The claim and its document
//! are the benchmark's: one of its "broken" claims and one of its others,
//! each naming a copy of the signed fixture PDF with a line appended.
//! Figures go into docs/performance.md ("What one claim costs").

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use claimtool::config::Config;
use claimtool::diag::Overrides;
use claimtool::engine;
use claimtool::load::load_text;
use claimtool::rules::Env;

/// The claim template of `benches/validate_bench.py` (`CLAIM`), filled in
/// as its generator fills it for claim `i` (a change there belongs here too).
fn claim(i: usize) -> String {
    let broken = i.is_multiple_of(3);
    let role = if broken && i % 2 == 1 {
        "partner-activities"
    } else {
        "use-or-consume"
    };
    let tenant = if broken && i.is_multiple_of(2) {
        "not-a-guid".to_string()
    } else {
        format!(
            "{:08x}-8b7d-4e6f-9a1b-{:012x}",
            i + 1,
            ((i + 1) * 7919) % (1 << 48)
        )
    };
    let (signature, signed_on) = if broken {
        ("none", "")
    } else {
        ("digital", "signed_on = 2026-09-03\n")
    };
    format!(
        r#"#:schema ../cpor.schema.json
kind = "cpor"
claim_name = "Customer {i} - Microsoft 365 rollout"
partner_id = "4871236"
solution_area = "modern-work-security"
partner_role = "{role}"
customer_name = "Customer {i} Pty Ltd"
customer_tenant_id = "{tenant}"
workloads = ["Exchange Online", "Microsoft Teams"]
workloads_active = true
recognition_only = false

[customer_contact]
name = "Customer Contact {i}"
email = "contact{i}@customer{i}.com"
title = "IT Manager"

[partner_contact]
name = "Grace Hopper"
email = "grace.hopper@fabrikam.com.au"

[[documents]]
path = "../docs/sow-0.pdf"
type = "statement-of-work"
date = 2026-09-01
signature = "{signature}"
{signed_on}workloads = ["Exchange Online", "Microsoft Teams"]

[status]
stage = "draft"
since = 2026-09-12
"#
    )
}

/// Prints the best and median of `runs` timings of `step`; returns the
/// best, in microseconds (on a shared machine the median wanders by half
/// from run to run, the best much less).
fn time(name: &str, runs: usize, mut step: impl FnMut()) -> f64 {
    // Warm up: the first runs read the document and fill the caches.
    for _ in 0..runs / 10 {
        step();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            step();
            start.elapsed()
        })
        .collect();
    times.sort();
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "{name:<44} best {:>7.2} µs  median {:>7.2} µs",
        micros(times[0]),
        micros(times[runs / 2])
    );
    micros(times[0])
}

fn main() -> std::io::Result<()> {
    // One thread, and the engine's parallel loops run on it: no hand-over
    // to another thread is timed.
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .map_err(std::io::Error::other)?
        .install(measure)
}

fn measure() -> std::io::Result<()> {
    let root = tempfile::tempdir()?;
    let claims = root.path().join("claims");
    let docs = root.path().join("docs");
    std::fs::create_dir_all(&claims)?;
    std::fs::create_dir_all(&docs)?;
    std::fs::write(root.path().join("claimtool.toml"), "")?;
    let mut sow = std::fs::read(Path::new("tests/fixtures/docs/signed-sow.pdf"))?;
    sow.extend_from_slice(b"\n% copy 0\n");
    std::fs::write(docs.join("sow-0.pdf"), sow)?;
    let config =
        Config::load(&root.path().join("claimtool.toml")).map_err(std::io::Error::other)?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).expect("a real date");
    let env = Env::new(config, today);
    let overrides = Overrides::default();
    let runs = 20_000;

    for i in [1, 3] {
        let text = claim(i);
        let path = claims.join(format!("claim-{i:05}.toml"));
        std::fs::write(&path, &text)?;
        let display = format!("claims/claim-{i:05}.toml");
        println!(
            "claim {i} ({} bytes, {}):",
            text.len(),
            if i.is_multiple_of(3) {
                "broken"
            } else {
                "clean"
            }
        );
        let read = time("  read the file (what cat does)", runs, || {
            std::hint::black_box(std::fs::read(&path).expect("the claim file"));
        });
        let parse = time("  parse: toml_tree::parse_recoverable (fast)", runs, || {
            std::hint::black_box(claimtool::toml_tree::parse_recoverable(&text));
        });
        time("  parse: toml DeTable::parse_recoverable", runs, || {
            std::hint::black_box(toml::de::DeTable::parse_recoverable(&text));
        });
        time("  parse and decode: load_text", runs, || {
            std::hint::black_box(load_text(text.clone(), &path, &display));
        });
        let check = time("  load_text and the rules: check_loaded", runs, || {
            let loaded = load_text(text.clone(), &path, &display);
            std::hint::black_box(engine::check_loaded(vec![loaded], &env, &overrides));
        });
        let report = engine::check_loaded(
            vec![load_text(text.clone(), &path, &display)],
            &env,
            &overrides,
        );
        let render = time("  the JSON report of the checked file", runs, || {
            let mut out = Vec::with_capacity(8192);
            claimtool::report::json::write(&report, today, &mut out).expect("written to memory");
            std::hint::black_box(out);
        });
        println!(
            "  best: the parse is {:.0}% of load, rules and report; they are {:.1}x the read\n",
            100.0 * parse / (check + render),
            (check + render) / read
        );
    }
    Ok(())
}
