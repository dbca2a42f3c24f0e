//! The fast reader against `toml`: whenever [`fast::parse`] accepts a text,
//! `toml` must accept it too and give the same tree, spans included.

use std::path::{Path, PathBuf};

use super::*;

/// `None` when the two readers agree on `text`, else what differs.
fn disagreement(text: &str) -> Option<String> {
    let fast = fast::parse(text)?;
    let (slow, errors) = parse_with_toml_only(text);
    if !errors.is_empty() {
        return Some(format!("toml refuses it: {}", errors[0]));
    }
    (fast != slow).then(|| format!("trees differ:\nfast {fast:#?}\ntoml {slow:#?}"))
}

fn assert_agree(text: &str, what: &str) {
    if let Some(problem) = disagreement(text) {
        panic!("{what}: {problem}\n--- text ---\n{text}");
    }
}

/// Every `.toml` file under `dir`, sorted.
fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    out.sort();
}

fn repository_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["examples", "tests/fixtures", "src", "data"] {
        toml_files(&root.join(dir), &mut files);
    }
    files
}

/// The public toml-test suite's invalid documents (../shared/testdata, as
/// tests/integration/robustness.rs reads them): `toml` refuses each, so the
/// fast reader must give up on each. Empty when the corpus is absent.
fn invalid_corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/toml-test-invalid");
    let mut files = Vec::new();
    toml_files(&dir, &mut files);
    files
}

/// One claim of the validate benchmark, filled in (benches/validate_bench.py's
/// template, which benches/claim_cost.rs also fills in): the shape the
/// 1.5x-of-`cat` target is measured on must stay on the fast reader.
const BENCH_CLAIM: &str = r#"#:schema ../cpor.schema.json
kind = "cpor"
claim_name = "Customer 7 - Microsoft 365 rollout"
partner_id = "4871236"
solution_area = "modern-work-security"
partner_role = "transacting"
customer_name = "Customer 7 Pty Ltd"
customer_tenant_id = "00000007-8b7d-4e6f-9a1b-00000000dea9"
workloads = ["Exchange Online", "Microsoft Teams"]
workloads_active = true
recognition_only = false

[customer_contact]
name = "Customer Contact 7"
email = "it@customer7.com.au"
title = "IT Manager"

[partner_contact]
name = "Grace Hopper"
email = "grace.hopper@fabrikam.com.au"

[[documents]]
path = "../docs/sow-7.pdf"
type = "statement-of-work"
date = 2026-09-01
signature = "digital"
signed_on = 2026-09-03
workloads = ["Exchange Online", "Microsoft Teams"]

[status]
stage = "draft"
since = 2026-09-12
"#;

#[test]
fn the_readers_agree_on_every_toml_file_of_the_repository() {
    let files = repository_files();
    assert!(files.len() > 100, "only {} files found", files.len());
    let mut fast = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        assert_agree(&text, &path.display().to_string());
        fast += usize::from(fast::parse(&text).is_some());
    }
    // Most claim files are plain: if the fast reader gave up on them, it
    // would be no use (and these tests would compare nothing).
    assert!(
        fast * 2 > files.len(),
        "{fast} of {} read fast",
        files.len()
    );
}

#[test]
fn the_fast_reader_gives_up_on_every_invalid_toml_test_document() {
    let files = invalid_corpus();
    if files.is_empty() {
        // As tests/integration/robustness.rs does with the same corpus.
        eprintln!("../shared/testdata/toml-test-invalid is not present: skipped");
        return;
    }
    assert!(files.len() >= 400, "only {} files", files.len());
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        assert!(
            fast::parse(&text).is_none(),
            "{} is read fast, though toml refuses it",
            path.display()
        );
        assert_agree(&text, &path.display().to_string());
    }
}

#[test]
fn plain_claims_take_the_fast_reader() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in [
        "examples/cpor/contoso-e5.toml",
        "examples/coop/azure-webinar-series.toml",
        "examples/plfunding/contoso-dc-exit.toml",
        "src/kinds/score/example.toml",
    ] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        assert!(fast::parse(&text).is_some(), "{file} is not read fast");
    }
    assert!(fast::parse(BENCH_CLAIM).is_some());
    assert!(fast::parse(&BENCH_CLAIM.replace('\n', "\r\n")).is_some());
    assert_agree(BENCH_CLAIM, "the benchmark claim");
    assert_agree(
        &BENCH_CLAIM.replace('\n', "\r\n"),
        "the benchmark claim, CRLF",
    );
}

/// Texts the fast reader must leave to `toml`, because `toml` refuses them
/// or reads them in a way the fast reader does not build.
#[test]
fn doubtful_texts_are_left_to_toml() {
    for text in [
        "a = 1\na = 2\n",
        "[a]\n[a]\n",
        "[a.b]\n[a]\n",
        "a = {}\n[a.b]\n",
        "a = []\n[[a]]\n",
        "a = [1]\n[[a]]\n",
        "a = [{ x = 1 }]\n[a.b]\n",
        "a = [{ x = 1 }]\n[[a]]\n",
        "a = { b = {} }\n[a.b.c]\n",
        "[a]\n[[a]]\n",
        "[[a]]\n[a]\n",
        "a = \"x\\ty\"\n",
        "a = \"\"\"x\"\"\"\n",
        "a = '''x'''\n",
        "a = \"x\ny\"\n",
        "a = 1_000\n",
        "a = 0x1F\n",
        "a = 01\n",
        "a = 1e5\n",
        "a = 1.\n",
        "a = .5\n",
        "a = inf\n",
        "a = 2026-09-01T10:00:00\n",
        "a = 2026-09-01 10:00:00\n",
        "a = 2026-02-30\n",
        "a = 10:00:00\n",
        "a.b = 1\n",
        "\"a\" = 1\n",
        "[ a ]\n",
        "a = { b = 1, }\n",
        "a = { b = 1,\n c = 2 }\n",
        "a = 1 b = 2\n",
        "a = 1\rb = 2\n",
        "a = [1,\r2]\n",
        "a = \"next line \u{85}\"\n",
        "a = 'del \u{7f}'\n",
        "a = \"\tbell \u{7}\"\n",
        "# bell \u{7}\n",
        "a = \"nul \u{0}\"\n",
        "a = 12345678901234567890\n",
        "a = [1, 2\n",
        "a = \"open\n",
        "\u{feff}a = 1\n",
        "a = true1\n",
        "a = -\n",
        "=1\n",
        format!("[{}]\n", ["a"; 17].join(".")).as_str(),
        format!("[{}]\nx = 1\n", ["a"; 81].join(".")).as_str(),
        format!("[[{}]]\n", ["a"; 100].join(".")).as_str(),
    ] {
        assert!(fast::parse(text).is_none(), "read fast: {text:?}");
        // Whatever `toml` makes of it, the public entry points agree with it.
        let (tree, errors) = parse_recoverable(text);
        let (toml_tree, toml_errors) = parse_with_toml_only(text);
        assert_eq!(errors.len(), toml_errors.len(), "{text:?}");
        assert_eq!(tree, toml_tree, "{text:?}");
    }
}

/// Shapes the fast reader does take, each checked against `toml`.
#[test]
fn plain_shapes_are_read_fast_and_as_toml_reads_them() {
    for text in [
        "",
        "\n\n# only a comment\n",
        "a = 1",
        "a = -12\nb = +3\nc = 0\nd = -0\n",
        "a = 5.0\nb = -0.25\nc = +7.5\n",
        "a = true\nb = false\n",
        "a = 2026-09-01\nb = [2026-01-01, 2026-02-01]\n",
        "a = \"\"\nb = ''\nc = 'C:\\path'\nd = \"it's\"\n",
        "a = \"été — ok\" # 💡 comment\n",
        "a = [ 1, 2 , ]\nb = []\nc = [[1], [\"x\", 'y']]\n",
        "a = [\n  \"x\", # one\n  \"y\",\n]\n",
        "t = { a = 1, b = \"x\", c = { d = [] } }\ne = {}\n",
        "[contact]\nname = \"N\"   # c\n[[documents]]\npath = \"p\"\n[[documents]]\npath = \"q\"\n",
        "[a.b]\nx = 1\n[a.c]\ny = 2\n",
        "[a]\nx = 1\n[a.b]\ny = 2\n",
        "[[fruit]]\nname = \"apple\"\n[fruit.physical]\ncolor = \"red\"\n[[fruit]]\nname = \"pear\"\n",
        "[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n",
        "1234 = 1\n-_- = 2\ntrue = 3\n",
        "a\t=\t1\t\n",
        "a = { b = [\n1, # one\n2\n] }\n",
        "a = [\r\n  1, # one\r\n  2\r\n]\r\nb = 3\r\n",
        // Tabs and characters written with a C2 or 82 byte in UTF-8 take
        // the byte-by-byte check of plain text, and pass it.
        "a = \"tab\there\"\nb = '£5 © 2026 €9'\n# a\tcomment £ €\n",
        format!("[{}]\nx = 1\n", ["a"; 16].join(".")).as_str(),
    ] {
        assert!(fast::parse(text).is_some(), "not read fast: {text:?}");
        assert_agree(text, "shape");
    }
}

/// Random one- to three-byte edits of every example and the benchmark
/// claim (a fixed seed, so a failure repeats): the readers still agree.
#[test]
fn the_readers_agree_on_edited_claims() {
    // Bytes that change TOML's structure, more often than random ones would.
    const ALPHABET: &[u8] = b"\"'[]{}=,.#\n\r\t -+_:0123456789abcefinrtuxTZ\\\x00\x7f";
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<String> = vec![BENCH_CLAIM.to_string()];
    for file in [
        "examples/cpor/contoso-e5.toml",
        "examples/coop/azure-webinar-series.toml",
        "examples/plfunding/contoso-dc-exit.toml",
        "src/kinds/score/example.toml",
    ] {
        texts.push(std::fs::read_to_string(root.join(file)).unwrap());
    }
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        // xorshift64: reproducible, no dependency.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut read_fast = 0;
    for round in 0..3000 {
        let mut bytes = texts[round % texts.len()].clone().into_bytes();
        for _ in 0..=(next() % 3) {
            let at = usize::try_from(next()).unwrap() % (bytes.len() + 1);
            let byte = ALPHABET[usize::try_from(next()).unwrap() % ALPHABET.len()];
            match next() % 3 {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => {}
            }
        }
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        read_fast += usize::from(fast::parse(&text).is_some());
        assert_agree(&text, &format!("edit round {round}"));
    }
    // Many edits land inside strings and comments and keep the text plain.
    assert!(read_fast > 300, "only {read_fast} edited texts read fast");
}

/// Values nested up to 16 deep are read fast; deeper ones go to `toml`.
#[test]
fn nesting_deeper_than_16_is_left_to_toml() {
    let array = |n: usize| format!("a = {}1{}\n", "[".repeat(n), "]".repeat(n));
    let table = |n: usize| format!("a = {}1{}\n", "{ b = ".repeat(n), " }".repeat(n));
    for text in [array(16), table(16)] {
        assert!(fast::parse(&text).is_some(), "not read fast: {text}");
        assert_agree(&text, "16 deep");
    }
    for text in [array(17), table(17)] {
        assert!(fast::parse(&text).is_none(), "read fast: {text}");
    }
}

/// A header 100,000 keys deep (200 KB, under the claim file cap): `toml`
/// refuses it, and reading it must not build a tree so deep that dropping
/// it overflows a worker's stack (the test thread has the same 2 MiB).
#[test]
fn a_very_deep_header_is_refused_not_a_crash() {
    let text = format!("[{}]\nx = 1\n", vec!["a"; 100_000].join("."));
    assert!(fast::parse(&text).is_none());
    let (_, errors) = parse_recoverable(&text);
    assert!(!errors.is_empty());
}
