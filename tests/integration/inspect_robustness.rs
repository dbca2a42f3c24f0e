//! Hostile and broken documents never panic or hang the inspector: random
//! bytes, mutated fixture PDFs and DOCX files (property tests), and
//! hand-made attacks (broken xref, a /ByteRange past the end, a 10 MB
//! /Contents, deep nesting, reference loops).

use std::sync::mpsc;
use std::time::Duration;

use claimtool::documents::detect;
use claimtool::inspect::{Inspection, inspect};
use proptest::prelude::*;

/// Inspects `bytes` on a thread (with a large stack, as rayon's workers
/// would not have: the parser must bound its recursion itself) and fails
/// the test if it takes longer than `secs`.
fn inspect_within(bytes: Vec<u8>, secs: u64) -> Inspection {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let detected = detect(&bytes);
            let _ = tx.send(inspect(&bytes, detected).0);
        })
        .unwrap();
    rx.recv_timeout(Duration::from_secs(secs))
        .expect("inspection hung or panicked")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/docs")
            .join(name),
    )
    .unwrap()
}

/// A PDF from object bodies, with a correct xref table and `trailer_extra`
/// in its trailer.
fn pdf(objects: &[String], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn page_objects(extra_catalog: &str) -> Vec<String> {
    vec![
        format!("<< /Type /Catalog /Pages 2 0 R {extra_catalog} >>"),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".into(),
    ]
}

#[test]
fn a_byte_range_past_the_end_is_a_broken_signature() {
    let mut bytes = fixture("signed-sow.pdf");
    let at = memchr::memmem::find(&bytes, b"/ByteRange [").unwrap() + 12;
    // Overwrite the numbers with 9s (same length, so every offset holds).
    let end = at + bytes[at..].iter().position(|&b| b == b']').unwrap();
    for b in &mut bytes[at..end] {
        if b.is_ascii_digit() {
            *b = b'9';
        }
    }
    let insp = inspect_within(bytes, 10);
    assert_eq!(insp.signatures.len(), 1);
    assert_eq!(insp.signatures[0].digest_ok, Some(false));
    assert_eq!(insp.signatures[0].covers_whole_file, Some(false));
}

#[test]
fn a_broken_xref_is_repaired_or_damaged() {
    let mut bytes = fixture("unsigned-sow.pdf");
    let at = memchr::memmem::rfind(&bytes, b"startxref").unwrap();
    bytes.truncate(at);
    bytes.extend_from_slice(b"startxref\n999999999\n%%EOF\n");
    let insp = inspect_within(bytes, 10);
    // lopdf rebuilds the table by scanning: either way, no panic.
    assert!(insp.readable || insp.unreadable_reason.is_some());
}

#[test]
fn truncated_pdfs_never_panic() {
    let bytes = fixture("signed-sow.pdf");
    for cut in [
        0,
        5,
        9,
        100,
        bytes.len() / 3,
        bytes.len() / 2,
        bytes.len() - 40,
    ] {
        inspect_within(bytes[..cut].to_vec(), 10);
    }
}

#[test]
fn a_10_mb_contents_is_read_quickly() {
    let contents = "00".repeat(10 * 1024 * 1024);
    let mut objects = page_objects("/AcroForm << /Fields [4 0 R] >>");
    objects.push("<< /FT /Sig /T (Sig) /V 5 0 R >>".into());
    objects.push(format!(
        "<< /Type /Sig /SubFilter /adbe.pkcs7.detached /ByteRange [0 10 20 30] /Contents <{contents}> >>"
    ));
    let insp = inspect_within(pdf(&objects, ""), 30);
    assert_eq!(insp.signatures.len(), 1);
    assert_eq!(insp.signatures[0].digest_ok, None);
}

#[test]
fn deeply_nested_objects_do_not_overflow_the_stack() {
    let depth = 100_000;
    let mut objects = page_objects("/Deep 4 0 R");
    objects.push(format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
    let mut dict = String::new();
    for _ in 0..depth {
        dict.push_str("<< /A ");
    }
    for _ in 0..depth {
        dict.push_str(">> ");
    }
    objects.push(dict);
    inspect_within(pdf(&objects, ""), 30);
}

#[test]
fn reference_loops_end() {
    // A field that is its own kid, a page tree that is its own kid, and an
    // xref whose /Prev is itself.
    let objects = vec![
        "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>".to_string(),
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".into(),
        "<< /Type /Page /Parent 2 0 R /Annots [4 0 R] >>".into(),
        "<< /FT /Sig /T (Loop) /Kids [4 0 R] /Parent 4 0 R >>".into(),
    ];
    let mut bytes = pdf(&objects, "");
    let xref = memchr::memmem::rfind(&bytes, b"xref\n").unwrap();
    let trailer = String::from_utf8_lossy(&bytes)
        .replace("/Root 1 0 R ", &format!("/Root 1 0 R /Prev {xref} "));
    bytes = trailer.into_bytes();
    inspect_within(bytes, 10);
}

#[test]
fn an_object_stream_that_extends_itself_ends() {
    let body = "4 0 << /FT /Sig >>";
    let mut objects = page_objects("");
    objects.push(format!(
        "<< /Type /ObjStm /N 1 /First 4 /Extends 4 0 R /Length {} >>\nstream\n{body}\nendstream",
        body.len()
    ));
    inspect_within(pdf(&objects, ""), 10);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_bytes_never_panic(head in prop::sample::select(vec![&b"%PDF-1.7\n"[..], b"PK\x03\x04", b"{\\rtf1", b""]),
                                bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let mut all = head.to_vec();
        all.extend(bytes);
        inspect_within(all, 10);
    }

    #[test]
    fn mutated_fixture_pdfs_never_panic(
        name in prop::sample::select(vec!["signed-sow.pdf", "signed-then-edited.pdf", "scan.pdf", "encrypted-sow.pdf"]),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = fixture(name);
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len()));
        }
        inspect_within(bytes, 10);
    }

    #[test]
    fn mutated_office_files_never_panic(
        name in prop::sample::select(vec!["sow.docx", "estimate.xlsx"]),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
    ) {
        let mut bytes = fixture(name);
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        inspect_within(bytes, 10);
    }
}

#[test]
fn a_file_above_the_cap_is_hashed_not_parsed() {
    use claimtool::documents::{DocRead, DocumentStore};
    use claimtool::inspect::{MAX_FILE, Unreadable};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.pdf");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&path).unwrap();
        f.write_all(b"%PDF-1.7\n").unwrap();
        // Sparse: the test does not write 100 MiB.
        f.set_len(MAX_FILE + 1).unwrap();
    }
    let read = DocumentStore::default().read(&path);
    let DocRead::Ok(info) = &*read else {
        panic!("not read");
    };
    assert_eq!(info.size, MAX_FILE + 1);
    assert_eq!(info.sha256.len(), 64);
    assert_eq!(info.detected, claimtool::documents::Detected::Pdf);
    assert_eq!(
        info.inspection.unreadable_reason,
        Some(Unreadable::TooLarge)
    );
    assert!(!info.inspection.readable);
}
