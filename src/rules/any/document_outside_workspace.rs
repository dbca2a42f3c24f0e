//! `document-outside-workspace`: a document whose path, with symlinks
//! followed, leads out of the workspace ([`crate::workspace`]).

use crate::diag::{Finding, Severity};
use crate::rules::{Check, Rule, RuleCtx};
use crate::workspace::Located;

pub static RULE: Rule = Rule {
    id: "document-outside-workspace",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a document's file (symlinks followed) is outside the workspace",
    source: "claimtool safety: a bundle copies documents for upload to Partner Center, and a claim file may come from someone else",
    docs: "A document's `path` must lead, once `..` is applied and symlinks are \
followed, to a file inside the workspace: the folder of the `claimtool.toml` in use \
(or its `[workspace] root`), or, without a config, the claim file's own folder. \
Otherwise a claim file received from someone else could name `../secret/creds.csv`, \
`/etc/shadow` or a symlink `poe/x.eml -> /etc/shadow`, and `bundle` would copy that \
file next to the claim and SUBMIT.md would say to upload it.\n\n`bundle` refuses such \
a document even when this rule is switched off: a bundle never copies from outside \
the workspace.\n\nHow to fix: move (or copy) the file into the workspace and point \
`path` at it; or, if the claims and their documents are meant to live side by side in \
a larger folder, run `claimtool init` in the folder that holds both (its \
`claimtool.toml` makes it the workspace).",
    check: Check::Claim(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let ws = &ctx.env.workspace;
    for doc in ctx.claim.documents() {
        let Some(path) = &doc.path else { continue };
        let joined = ctx.file.dir().join(&path.value);
        let Located::Outside { resolved, root } =
            ws.locate(&ctx.env.config, &ctx.file.path, &joined)
        else {
            continue;
        };
        let workspace = match &ctx.env.config.path {
            Some(config) => format!("the workspace of {}", config.display()),
            None => "the workspace (the claim file's folder: there is no claimtool.toml)".into(),
        };
        out.push(
            Finding::new(
                &RULE,
                format!(
                    "document `{}` is outside the workspace: it leads to {}",
                    path.value,
                    resolved.display()
                ),
            )
            .at(path)
            .label("outside the workspace")
            .help(format!(
                "{workspace} is {}; move the file into it and point `path` at it, or run \
                 `claimtool init` in a folder that holds both the claims and their documents",
                root.display()
            )),
        );
    }
}
