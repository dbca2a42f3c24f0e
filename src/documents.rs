//! Reading PoE documents: size, SHA-256, file type by content, and what
//! inspection finds inside.
//!
//! Rules and bundles ask the [`DocumentStore`] for a path; it reads each
//! distinct file (by resolved path: symlinks followed, `a/../b.pdf` is
//! `b.pdf`) once per run (a thousand claims sharing one SOW read it once) and
//! keeps only what the checks need: size, hash, detected type, and the
//! [`Inspection`] and text of [`crate::inspect`]. The type is found from the
//! bytes (magic numbers, the parts inside Office zip containers), so a PNG
//! renamed to `.pdf` is caught before Partner Center rejects it. A file above
//! [`crate::inspect::MAX_FILE`] is hashed as a stream and never loaded whole.

use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use sha2::{Digest, Sha256};

use crate::inspect::{DocText, Inspection, MAX_FILE, Unreadable};

/// What a document's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    Pdf,
    /// An OLE2 compound file: legacy .doc, .xls, .ppt, or an Outlook .msg.
    Ole2,
    Docx,
    Xlsx,
    Pptx,
    Xps,
    /// A zip that is none of the Office formats.
    Zip,
    Rtf,
    Png,
    Jpeg,
    Gif,
    Tiff,
    Bmp,
    /// Readable text (csv, eml, html, mht).
    Text,
    /// Something else (an executable, an archive, a format we do not know).
    Other(&'static str),
}

impl Detected {
    /// The canonical extension for this content (for a file whose name has
    /// none).
    pub fn extension(self) -> &'static str {
        match self {
            Detected::Pdf => "pdf",
            Detected::Ole2 => "doc",
            Detected::Docx => "docx",
            Detected::Xlsx => "xlsx",
            Detected::Pptx => "pptx",
            Detected::Xps => "xps",
            Detected::Zip => "zip",
            Detected::Rtf => "rtf",
            Detected::Png => "png",
            Detected::Jpeg => "jpg",
            Detected::Gif => "gif",
            Detected::Tiff => "tif",
            Detected::Bmp => "bmp",
            Detected::Text => "txt",
            Detected::Other(_) => "bin",
        }
    }

    /// A short name for messages and the bundle manifest.
    pub fn name(self) -> &'static str {
        match self {
            Detected::Pdf => "pdf",
            Detected::Ole2 => "ole2 (doc/xls/ppt/msg)",
            Detected::Docx => "docx",
            Detected::Xlsx => "xlsx",
            Detected::Pptx => "pptx",
            Detected::Xps => "xps",
            Detected::Zip => "zip",
            Detected::Rtf => "rtf",
            Detected::Png => "png",
            Detected::Jpeg => "jpeg",
            Detected::Gif => "gif",
            Detected::Tiff => "tiff",
            Detected::Bmp => "bmp",
            Detected::Text => "text",
            Detected::Other(name) => name,
        }
    }

    /// Whether a file with extension `ext` (lower case) may hold this
    /// content. `None` when Partner Center does not accept the extension.
    pub fn matches_extension(self, ext: &str) -> Option<bool> {
        let expected: &[Detected] = match ext {
            "pdf" => &[Detected::Pdf],
            "doc" | "xls" | "ppt" | "msg" => &[Detected::Ole2],
            "docx" => &[Detected::Docx],
            "xlsx" => &[Detected::Xlsx],
            "pptx" => &[Detected::Pptx],
            "xps" => &[Detected::Xps],
            "rtf" => &[Detected::Rtf],
            "csv" | "eml" | "htm" | "html" | "mht" => &[Detected::Text],
            "png" => &[Detected::Png],
            "jpg" | "jpeg" | "jpe" | "jfif" => &[Detected::Jpeg],
            "gif" => &[Detected::Gif],
            "tif" | "tiff" => &[Detected::Tiff],
            "bmp" | "dib" => &[Detected::Bmp],
            _ => return None,
        };
        Some(expected.contains(&self))
    }
}

/// The extensions Partner Center accepts (F§1.22, plus eml and tif).
pub const ACCEPTED_EXTENSIONS: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "csv", "ppt", "pptx", "msg", "eml", "rtf", "htm", "html",
    "mht", "xps", "png", "jpg", "jpeg", "jpe", "jfif", "gif", "tif", "tiff", "bmp", "dib",
];

/// A document that could be read.
#[derive(Debug, Clone)]
pub struct DocInfo {
    pub size: u64,
    /// 64 lower-case hex digits.
    pub sha256: String,
    pub detected: Detected,
    /// The file carries the `claimtool init` placeholder marker.
    pub placeholder: bool,
    /// What inspection found (signatures, readability).
    pub inspection: Inspection,
    /// The text read, when the document is readable.
    pub text: Option<DocText>,
}

/// The outcome of reading one document path.
#[derive(Debug, Clone)]
pub enum DocRead {
    Ok(DocInfo),
    Missing,
    NotAFile,
    Unreadable(String),
}

/// Reads and hashes each document path once per run; safe to share across
/// threads.
#[derive(Debug, Default)]
pub struct DocumentStore {
    /// One cell per file (under its resolved path and every spelling asked
    /// for): the map's lock is held only to find the cell, and
    /// a second thread asking for a path being read waits for that read
    /// instead of reading and hashing the document again.
    cache: Mutex<HashMap<PathBuf, Arc<OnceLock<Arc<DocRead>>>>>,
}

impl DocumentStore {
    pub fn read(&self, path: &Path) -> Arc<DocRead> {
        // A path seen before (as written) needs no system call.
        let seen = match self.cache.lock() {
            Ok(cache) => cache.get(path).map(Arc::clone),
            Err(_) => return Arc::new(read_document(path)),
        };
        let cell = match seen {
            Some(cell) => cell,
            None => {
                // One entry per file, however the path spells it: the
                // resolved path's cell, also filed under this spelling.
                let resolved = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
                let Ok(mut cache) = self.cache.lock() else {
                    return Arc::new(read_document(path));
                };
                let cell = Arc::clone(cache.entry(resolved).or_default());
                cache.insert(path.to_path_buf(), Arc::clone(&cell));
                cell
            }
        };
        Arc::clone(cell.get_or_init(|| Arc::new(read_document(path))))
    }
}

fn read_document(path: &Path) -> DocRead {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return DocRead::Missing,
        Err(e) => return DocRead::Unreadable(e.to_string()),
    };
    // Checked before opening: opening a FIFO would block.
    if !meta.is_file() {
        return DocRead::NotAFile;
    }
    match read_file(path, meta.len()) {
        Ok(info) => DocRead::Ok(info),
        Err(e) => DocRead::Unreadable(e.to_string()),
    }
}

/// A regular file of `len` bytes (as `metadata` said): loaded whole and
/// inspected when at most [`MAX_FILE`], otherwise (also when it grew past
/// the cap since) streamed: never more than [`MAX_FILE`] bytes in memory.
fn read_file(path: &Path, len: u64) -> std::io::Result<DocInfo> {
    let mut file = std::fs::File::open(path)?;
    if len > MAX_FILE {
        return read_large(file);
    }
    let capacity = usize::try_from(len).unwrap_or(0).saturating_add(1);
    let mut bytes = Vec::with_capacity(capacity);
    (&mut file).take(MAX_FILE + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE {
        drop(bytes);
        file.seek(SeekFrom::Start(0))?;
        return read_large(file);
    }
    let detected = detect(&bytes);
    let (inspection, text) = crate::inspect::inspect(&bytes, detected);
    Ok(DocInfo {
        size: bytes.len() as u64,
        sha256: hex::encode(Sha256::digest(&bytes)),
        detected,
        placeholder: contains(
            &bytes,
            crate::rules::any::document_placeholder::MARKER.as_bytes(),
        ),
        inspection,
        text,
    })
}

/// A file above the inspection cap: hashed in chunks, its type from its
/// first bytes (and a zip's central directory), never parsed (unreadable,
/// `too-large`).
fn read_large(mut file: std::fs::File) -> std::io::Result<DocInfo> {
    let streamed = stream(&mut file, &mut std::io::sink())?;
    let detected = detect_file(&streamed.head, &mut file);
    Ok(DocInfo {
        size: streamed.size,
        sha256: streamed.sha256,
        detected,
        placeholder: false,
        inspection: Inspection::unreadable(Unreadable::TooLarge),
        text: None,
    })
}

/// How many first bytes of a stream [`stream`] keeps for [`detect`].
pub const HEAD: usize = 8192;

/// What [`stream`] learnt of the bytes it passed on.
#[derive(Debug, Clone)]
pub struct Streamed {
    pub size: u64,
    /// 64 lower-case hex digits.
    pub sha256: String,
    /// The first [`HEAD`] bytes (fewer for a shorter stream).
    pub head: Vec<u8>,
}

/// Copies `reader` into `sink` in 256 KiB chunks, hashing on the way and
/// keeping the first bytes: memory does not grow with the size.
pub fn stream(reader: &mut impl Read, sink: &mut impl Write) -> std::io::Result<Streamed> {
    let mut hasher = Sha256::new();
    let mut head = Vec::with_capacity(HEAD);
    let mut buf = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if head.len() < HEAD {
            head.extend_from_slice(&buf[..n.min(HEAD - head.len())]);
        }
        hasher.update(&buf[..n]);
        sink.write_all(&buf[..n])?;
        size += n as u64;
    }
    Ok(Streamed {
        size,
        sha256: hex::encode(hasher.finalize()),
        head,
    })
}

/// The type of a file from its first bytes ([`Streamed::head`]); a zip's
/// parts are listed from `file`'s central directory (read from its end,
/// not loaded whole).
pub fn detect_file<F: Read + Seek>(head: &[u8], file: &mut F) -> Detected {
    if !head.starts_with(b"PK\x03\x04") {
        return detect(head);
    }
    zip::ZipArchive::new(file).map_or(Detected::Other("broken zip"), |mut a| {
        detect_zip_names(&mut a)
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

/// The type of a document from its bytes.
pub fn detect(bytes: &[u8]) -> Detected {
    if bytes.starts_with(b"%PDF-") {
        return Detected::Pdf;
    }
    if bytes.starts_with(b"{\\rtf") {
        return Detected::Rtf;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Detected::Ole2;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return detect_zip(bytes);
    }
    if let Some(kind) = infer::get(bytes).filter(|k| k.mime_type().starts_with("image/")) {
        return match kind.mime_type() {
            "image/png" => Detected::Png,
            "image/jpeg" => Detected::Jpeg,
            "image/gif" => Detected::Gif,
            "image/tiff" => Detected::Tiff,
            "image/bmp" => Detected::Bmp,
            _ => Detected::Other(kind.extension()),
        };
    }
    // Text before infer's other guesses: HTML, XML, an email or a CSV whose
    // first line looks like a script are all text, which is what csv, eml,
    // htm/html and mht must be.
    if is_text(bytes) {
        return Detected::Text;
    }
    match infer::get(bytes) {
        Some(kind) => Detected::Other(kind.extension()),
        None => Detected::Other("binary"),
    }
}

/// Office Open XML and XPS are zips; which one is told by the parts inside
/// (infer alone reports some valid .docx files as plain zip).
fn detect_zip(bytes: &[u8]) -> Detected {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Detected::Other("broken zip");
    };
    detect_zip_names(&mut archive)
}

fn detect_zip_names<R: std::io::Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
) -> Detected {
    let names: Vec<String> = (0..archive.len())
        .filter_map(|i| {
            archive
                .name_for_index(i)?
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
        .collect();
    let has = |prefix: &str| names.iter().any(|n| n.starts_with(prefix));
    if has("word/") {
        Detected::Docx
    } else if has("xl/") {
        Detected::Xlsx
    } else if has("ppt/") {
        Detected::Pptx
    // XPS part names are lower case by the format's own rules.
    } else if names.iter().any(|n| {
        #[allow(clippy::case_sensitive_file_extension_comparisons)]
        n.ends_with(".fdseq")
    }) || has("Documents/1/")
    {
        Detected::Xps
    } else {
        // A zip with a content-types part but none of the above is still not
        // an accepted document; read one byte to be sure it is not corrupt.
        let readable = archive
            .by_index(0)
            .is_ok_and(|mut f| f.read(&mut [0u8; 1]).is_ok());
        if readable {
            Detected::Zip
        } else {
            Detected::Other("broken zip")
        }
    }
}

/// UTF-8 (or Latin-1 style) text without NUL bytes in its first 8 KiB.
fn is_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    !head.contains(&0)
        && head
            .iter()
            .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b))
            .count()
            * 100
            <= head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_content_not_extension() {
        assert_eq!(detect(b"%PDF-1.4\n..."), Detected::Pdf);
        assert_eq!(
            detect(&[
                0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D
            ]),
            Detected::Png
        );
        assert_eq!(detect(b"From: a@b.com\nSubject: x\n\nbody"), Detected::Text);
        assert_eq!(
            detect(b"<!DOCTYPE html><html><body>hi</body></html>"),
            Detected::Text
        );
        assert_eq!(detect(b"<?xml version=\"1.0\"?><html/>"), Detected::Text);
        assert_eq!(detect(b"#!a,b\n1,2\n"), Detected::Text);
        assert_eq!(
            detect(b"MZ\x90\x00\x03\x00\x00\x00"),
            Detected::Other("exe")
        );
        assert_eq!(Detected::Png.matches_extension("pdf"), Some(false));
        assert_eq!(Detected::Pdf.matches_extension("exe"), None);
    }

    /// One read per file however it is spelled (issue 16, item 8): the
    /// same cell for `a/../shared/x.pdf`, `b/../shared/x.pdf` and a link.
    #[test]
    fn the_store_reads_a_file_once_whatever_its_spelling() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for sub in ["a", "b", "shared"] {
            std::fs::create_dir(d.join(sub)).unwrap();
        }
        std::fs::write(d.join("shared/x.pdf"), b"%PDF-1.4\n").unwrap();
        let store = DocumentStore::default();
        let first = store.read(&d.join("a/../shared/x.pdf"));
        let mut spellings = vec![d.join("b/../shared/x.pdf"), d.join("shared/./x.pdf")];
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("../shared/x.pdf", d.join("a/link.pdf")).unwrap();
            spellings.push(d.join("a/link.pdf"));
        }
        for path in spellings {
            assert!(
                Arc::ptr_eq(&first, &store.read(&path)),
                "{}",
                path.display()
            );
        }
        assert!(matches!(*first, DocRead::Ok(_)));
    }

    #[test]
    fn office_zips_are_told_apart_by_their_parts() {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            w.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut w, b"<workbook/>").unwrap();
            w.finish().unwrap();
        }
        assert_eq!(detect(buf.get_ref()), Detected::Xlsx);
    }
}
