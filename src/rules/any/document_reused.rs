//! `document-reused` (batch): the same document content in several claims.

use std::collections::BTreeMap;

use crate::diag::{Finding, Severity};
use crate::documents::DocRead;
use crate::rules::{BatchFile, Check, Env, Rule};

pub static RULE: Rule = Rule {
    id: "document-reused",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "the same document content (SHA-256) is attached to several claims",
    source: "F§2.16 (a document may support several claims when it evidences each)",
    docs: "Attaching one document to several claims is allowed when it really \
supports each of them (one invoice covering two activities, one SOW for two \
workloads). It is also what a copied claim file looks like, so it is worth a look. \
Compared by content, so renamed copies are found too.\n\nHow to fix: nothing, if \
the document evidences every claim it is attached to; otherwise attach the right \
document.",
    check: Check::Batch(check),
};

fn check(files: &[BatchFile<'_>], env: &Env, out: &mut Vec<(usize, Finding)>) {
    // sha256 → (file index, document path value) in file order.
    let mut by_hash: BTreeMap<String, Vec<(usize, &crate::decode::Sp<String>)>> = BTreeMap::new();
    for (i, f) in files.iter().enumerate() {
        for doc in f.claim.documents() {
            let Some(path) = &doc.path else { continue };
            if let DocRead::Ok(info) = &*env.documents.read(&f.file.dir().join(&path.value))
                && info.size > 0
            {
                by_hash
                    .entry(info.sha256.clone())
                    .or_default()
                    .push((i, path));
            }
        }
    }
    for uses in by_hash.values() {
        let mut claims: Vec<usize> = uses.iter().map(|(i, _)| *i).collect();
        claims.dedup();
        if claims.len() < 2 {
            continue;
        }
        for (i, path) in uses {
            let others: Vec<&str> = claims
                .iter()
                .filter(|&&j| j != *i)
                .map(|&j| files[j].file.display.as_str())
                .collect();
            out.push((
                *i,
                Finding::new(
                    &RULE,
                    format!("`{}` is also attached to {}", path.value, others.join(", ")),
                )
                .at(path)
                .label("same content in another claim")
                .help("fine if it evidences each claim; otherwise attach the right document"),
            ));
        }
    }
}
