//! `document-missing`: a document path that cannot be read, or a document
//! with neither `path` nor `url`.

use crate::diag::{Finding, Severity};
use crate::documents::DocRead;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "document-missing",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a document's file does not exist or cannot be read, or it has neither path nor url",
    source: "G step 8 / co-op step 6 (upload the PoE); F§1.11 \"Missing all PoE\"",
    docs: "Every `[[documents]]` entry must point at something to upload: a file \
(`path`, relative to the claim file's folder, or absolute) or, for online evidence, \
a `url`. A path that does not exist, is a folder, or cannot be read would leave the \
claim without its proof at upload time.\n\nHow to fix: correct the path (it is \
relative to the claim file), or add the missing file.",
    check: Check::Claim(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for doc in ctx.claim.documents() {
        let Some(path) = &doc.path else {
            // A blank or mistyped `path`/`url` is already reported where it is.
            let reported = doc.blank_location
                || ctx.is_unreadable(&doc.field_path("path"))
                || ctx.is_unreadable(&doc.field_path("url"));
            if doc.url.is_none() && !reported {
                out.push(
                    Finding::new(
                        &RULE,
                        format!("documents[{}] has neither `path` nor `url`", doc.index),
                    )
                    .at_span(format!("documents[{}]", doc.index), doc.span.clone())
                    .label("nothing to upload")
                    .help("add `path = \"poe/file.pdf\"` (relative to this file) or `url = \"https://...\"`"),
                );
            }
            continue;
        };
        let problem = match &*ctx.document(&path.value) {
            DocRead::Ok(_) => continue,
            DocRead::Missing => "does not exist".to_string(),
            DocRead::NotAFile => "is not a regular file".to_string(),
            DocRead::Unreadable(e) => format!("cannot be read ({e})"),
        };
        out.push(
            Finding::new(&RULE, format!("document `{}` {problem}", path.value))
                .at(path)
                .label(problem)
                .help(format!(
                    "paths are relative to the claim file's folder; looked for {}",
                    ctx.file.dir().join(&path.value).display()
                )),
        );
    }
}
