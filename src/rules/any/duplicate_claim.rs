//! `duplicate-claim` (batch): two files claim the same thing.

use std::collections::{BTreeSet, HashMap};

use crate::diag::{Finding, Severity};
use crate::rules::{BatchCheck, BatchKey, BatchKeys, Check, Rule, RuleCtx, Verdict};

pub static RULE: Rule = Rule {
    id: "duplicate-claim",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "two files claim the same thing (same co-op activity, or same CPOR tenant and workload)",
    source: "G: \"Submit individual claims for each eligible activity\"; F§1.8 (one partner per workload)",
    docs: "Checked across all files of a `validate` run. CPOR: two claims for the same \
customer tenant and workload (a workload can be associated with one partner only; \
claims at stage `rejected-final` are left out). Co-op: the same activity claimed \
twice (same PartnerID, activity name and dates), or the same invoice file attached \
to two claims. One finding per file, naming the first other file and how many files \
share the claim.\n\nHow to fix: keep one claim and delete or merge the others; if \
they are different activities, give them distinct names and dates.",
    check: Check::Batch(BatchCheck {
        collect,
        judge,
        finding,
    }),
};

/// What a file claims, as comparable keys: each kind's own part
/// ([`crate::kinds::KindSpec::duplicate_keys`]).
fn collect(ctx: &RuleCtx<'_>, out: &mut Vec<BatchKey>) {
    if let Some(keys) = crate::kinds::spec(ctx.claim.kind()).duplicate_keys {
        keys(ctx, out);
    }
}

fn judge(files: &BatchKeys, out: &mut Vec<Verdict>) {
    // Key → the files holding it, in file order without repeats, for the
    // keys more than one file holds (few). Found by sorting the positions
    // of every key (4 bytes a key; a map of every key to its owners took
    // about 100, 13 MB of a 100,000-file run, issue 16).
    let all = files.all();
    let mut order: Vec<u32> = (0..all.len())
        .map(|p| u32::try_from(p).unwrap_or(u32::MAX))
        .collect();
    order.sort_unstable_by_key(|&p| all[p as usize]);
    let owners: HashMap<u128, Vec<usize>> = order
        .chunk_by(|&a, &b| all[a as usize] == all[b as usize])
        .filter(|run| run.len() > 1)
        .filter_map(|run| {
            let mut holders: Vec<usize> = run.iter().map(|&p| files.entry_of(p as usize)).collect();
            holders.sort_unstable();
            holders.dedup();
            (holders.len() > 1).then(|| (all[run[0] as usize], holders))
        })
        .collect();
    drop(order);
    // The files sharing any of a file's shared keys: the same for every file
    // of a group of copies, so worked out once per set of shared keys (a
    // thousand copies of one claim would otherwise cost a million steps).
    // The size of the group, and its first two files.
    let mut groups: HashMap<Vec<u128>, (usize, [usize; 2])> = HashMap::new();
    for i in 0..files.len() {
        let keys = files.keys(i);
        let mut shared: Vec<u128> = keys
            .iter()
            .copied()
            .filter(|k| owners.contains_key(k))
            .collect();
        let Some(first) = keys.iter().position(|k| shared.contains(k)) else {
            continue;
        };
        shared.sort_unstable();
        shared.dedup();
        let &mut (size, firsts) = groups.entry(shared).or_insert_with_key(|shared| {
            let group: BTreeSet<usize> = shared
                .iter()
                .flat_map(|k| owners[k].iter().copied())
                .collect();
            let mut firsts = group.iter().copied();
            let one = firsts.next().unwrap_or(i);
            (group.len(), [one, firsts.next().unwrap_or(one)])
        });
        let other = if firsts[0] == i { firsts[1] } else { firsts[0] };
        out.push(Verdict::new(i, first, other, size));
    }
}

/// `... is also claimed in b.toml (3 files claim it)`.
fn finding(key: &BatchKey, other: &str, size: usize) -> Finding {
    Finding::new(
        &RULE,
        format!(
            "{} is also claimed in {other} ({} files claim it)",
            key.what,
            group_digits(size)
        ),
    )
    .at_key(key)
    .label(match size {
        2 => "claimed twice".to_string(),
        n => format!("claimed in {} files", group_digits(n)),
    })
    .help("keep one claim and remove the other, or make them distinct activities")
}

/// `20,000`: a count with thousands separators.
fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> BatchKey {
        BatchKey {
            key: crate::rules::key_hash(k),
            what: format!("thing {k}"),
            field: "f".to_string(),
            span: 0..1,
            position: None,
        }
    }

    /// The judge's verdicts put in words, as the engine does.
    fn judged(keys: &[Vec<BatchKey>]) -> Vec<(usize, Finding)> {
        let mut files = BatchKeys::default();
        for k in keys {
            files.push(k.iter().map(|k| k.key));
        }
        let mut out = Vec::new();
        judge(&files, &mut out);
        out.into_iter()
            .map(|v| {
                let [entry, key, other, count] =
                    [v.entry, v.key, v.other, v.count].map(|n| n as usize);
                (
                    entry,
                    finding(&keys[entry][key], &format!("f{other}"), count),
                )
            })
            .collect()
    }

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1_000), "1,000");
        assert_eq!(group_digits(20_000), "20,000");
        assert_eq!(group_digits(100_000), "100,000");
    }

    #[test]
    fn a_key_twice_in_one_file_is_not_a_duplicate_claim() {
        assert!(judged(&[vec![key("k1"), key("k1")], vec![key("k2")]]).is_empty());
    }

    #[test]
    fn each_file_names_the_first_other_file_and_the_size_of_its_group() {
        let keys: Vec<Vec<BatchKey>> = vec![
            vec![key("k1")],
            vec![key("k1")],
            vec![key("k1")],
            vec![key("k1"), key("k2")],
            vec![key("k2")],
            vec![key("k3")],
        ];
        let found: Vec<(usize, String)> = judged(&keys)
            .into_iter()
            .map(|(i, f)| (i, f.message))
            .collect();
        assert_eq!(
            found,
            [
                (
                    0,
                    "thing k1 is also claimed in f1 (4 files claim it)".to_string()
                ),
                (
                    1,
                    "thing k1 is also claimed in f0 (4 files claim it)".to_string()
                ),
                (
                    2,
                    "thing k1 is also claimed in f0 (4 files claim it)".to_string()
                ),
                // Both of its keys are shared: the group is all who share either.
                (
                    3,
                    "thing k1 is also claimed in f0 (5 files claim it)".to_string()
                ),
                (
                    4,
                    "thing k2 is also claimed in f3 (2 files claim it)".to_string()
                ),
            ]
        );
    }

    #[test]
    fn the_label_says_how_many_files_claim_it() {
        let keys: Vec<Vec<BatchKey>> = (0..1200).map(|_| vec![key("k1")]).collect();
        let out = judged(&keys);
        assert_eq!(out[0].1.label.as_deref(), Some("claimed in 1,200 files"));
        assert!(out[0].1.message.ends_with("(1,200 files claim it)"));
        let two = judged(&keys[..2]);
        assert_eq!(two[0].1.label.as_deref(), Some("claimed twice"));
    }
}
