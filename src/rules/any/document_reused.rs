//! `document-reused` (batch): the same document content in several claims.

use std::collections::BTreeMap;

use crate::diag::{Finding, Severity};
use crate::documents::DocRead;
use crate::rules::{BatchCheck, BatchKey, BatchKeys, Check, Rule, RuleCtx, Verdict};

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
    check: Check::Batch(BatchCheck {
        collect,
        judge,
        finding,
    }),
};

/// Each readable, non-empty document, keyed by its content hash.
fn collect(ctx: &RuleCtx<'_>, out: &mut Vec<BatchKey>) {
    for doc in ctx.claim.documents() {
        let Some(path) = &doc.path else { continue };
        if let DocRead::Ok(info) = &*ctx.document(&path.value)
            && info.size > 0
        {
            out.push(BatchKey {
                key: crate::rules::key_hash(&info.sha256),
                what: path.value.clone(),
                field: path.path.to_string(),
                span: path.span.clone(),
                position: None,
            });
        }
    }
}

fn judge(files: &BatchKeys, out: &mut Vec<Verdict>) {
    // sha256 → the files holding it, in file order, and each use (the
    // file's index and the key's, as `u32`s: every claim of a large run
    // attaches documents, so this holds a pair for each).
    let mut by_hash: BTreeMap<u128, Vec<(u32, u32)>> = BTreeMap::new();
    let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    for i in 0..files.len() {
        for (k, &key) in files.keys(i).iter().enumerate() {
            by_hash.entry(key).or_default().push((small(i), small(k)));
        }
    }
    for uses in by_hash.values() {
        let uses = uses.iter().map(|&(i, k)| (i as usize, k as usize));
        let mut claims: Vec<usize> = uses.clone().map(|(i, _)| i).collect();
        claims.dedup();
        if claims.len() < 2 {
            continue;
        }
        for (i, k) in uses {
            // Name one other claim and count the rest: a document shared by
            // a thousand claims must not make a thousand-name message each.
            let Some(&other) = claims.iter().find(|&&j| j != i) else {
                continue;
            };
            out.push(Verdict::new(i, k, other, claims.len()));
        }
    }
}

/// `` `sow.pdf` is also attached to a.toml and 3 other claims ``.
fn finding(key: &BatchKey, other: &str, claims: usize) -> Finding {
    let more = claims - 2;
    let others = if more == 0 {
        other.to_string()
    } else {
        format!(
            "{other} and {more} other claim{}",
            if more == 1 { "" } else { "s" }
        )
    };
    Finding::new(
        &RULE,
        format!("`{}` is also attached to {others}", key.what),
    )
    .at_key(key)
    .label("same content in another claim")
    .help("fine if it evidences each claim; otherwise attach the right document")
}
