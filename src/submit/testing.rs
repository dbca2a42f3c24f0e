//! What the guides' unit tests share: a claim text loaded into a guide
//! context, and a check that a walk-through says things in order.

use std::path::Path;

use crate::config::Config;
use crate::model::Claim;
use crate::rules::Env;
use crate::submit::GuideCtx;

/// An environment with the default config, on `today` (YYYY-MM-DD).
pub(crate) fn env(today: &str) -> Env {
    Env::new(Config::default(), today.parse().expect("a date"))
}

/// Loads `text` and calls `f` with its claim and a guide context over
/// `env`; `names` are the documents' bundle file names by index (a missing
/// one is a document without a file).
pub(crate) fn with_claim(
    text: &str,
    env: &Env,
    names: &[Option<String>],
    f: impl FnOnce(&Claim, &GuideCtx<'_>),
) {
    let loaded = crate::load::load_text(text.into(), Path::new("c.toml"), "c.toml");
    let Some(claim) = &loaded.claim else {
        panic!("not decoded: {:?}", loaded.findings)
    };
    let ctx = GuideCtx {
        env,
        source: &loaded.source,
        document_names: names,
    };
    f(claim, &ctx);
}

/// Asserts that each of `needles` occurs in `text` after the one before it.
pub(crate) fn assert_in_order(text: &str, needles: &[&str]) {
    let mut at = 0;
    for needle in needles {
        let found = text[at..]
            .find(needle)
            .unwrap_or_else(|| panic!("missing {needle:?} after byte {at} in\n{text}"));
        at += found + needle.len();
    }
}
