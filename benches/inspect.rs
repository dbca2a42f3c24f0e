//! Inspection timings (not a timed test): `cargo bench --bench inspect`.
//!
//! Inspects the fixture documents many times in the release profile and
//! prints the best and median time per document, then reads a 150 MiB file
//! (above the 100 MiB inspection cap) through the document store and
//! prints the process's peak memory, to show it is hashed as a stream and
//! never loaded whole. Figures go into docs/performance.md.

use std::path::Path;
use std::time::{Duration, Instant};

use claimtool::documents::{DocRead, DocumentStore, detect};
use claimtool::inspect::inspect;

fn time(name: &str, bytes: &[u8], runs: usize) {
    let detected = detect(bytes);
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let (insp, text) = inspect(bytes, detected);
            std::hint::black_box((insp, text));
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{name:<28} {:>9} bytes  best {:>8.2} ms  median {:>8.2} ms",
        bytes.len(),
        times[0].as_secs_f64() * 1e3,
        times[runs / 2].as_secs_f64() * 1e3
    );
}

fn peak_rss_mib() -> f64 {
    #[cfg(unix)]
    {
        // SAFETY: getrusage only writes the struct it is given.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &raw mut usage) } == 0 {
            // KiB to MiB for a report; far below 2^52.
            #[allow(clippy::cast_precision_loss)]
            return usage.ru_maxrss as f64 / 1024.0;
        }
    }
    f64::NAN
}

fn main() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docs");
    for (name, runs) in [
        ("long-signed-sow.pdf", 30),
        ("signed-sow.pdf", 200),
        ("signed-then-edited.pdf", 200),
        ("scan.pdf", 200),
        ("sow.docx", 200),
        ("estimate.xlsx", 200),
        ("customer-email.eml", 200),
    ] {
        let bytes = std::fs::read(docs.join(name)).expect("fixture document");
        time(name, &bytes, runs);
    }
    let before = peak_rss_mib();
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.pdf");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&big).expect("create");
        f.write_all(b"%PDF-1.7\n").expect("write");
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..150 {
            f.write_all(&chunk).expect("write");
        }
    }
    let start = Instant::now();
    let store = DocumentStore::default();
    let read = store.read(&big);
    let DocRead::Ok(info) = &*read else {
        panic!("big file not read");
    };
    println!(
        "150 MiB PDF above the cap: {:?} in {:.0} ms, peak memory {:.1} MiB (before: {:.1} MiB)",
        info.inspection.unreadable_reason,
        start.elapsed().as_secs_f64() * 1e3,
        peak_rss_mib(),
        before
    );
}
