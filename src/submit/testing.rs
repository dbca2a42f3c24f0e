//! What the guides' unit tests share: a claim text loaded into a guide
//! context, and the contacts every CPOR and partner-led test claim has.

use std::path::Path;

use crate::model::Claim;
use crate::rules::Env;
use crate::submit::GuideCtx;

/// Both contact tables, valid (TOML tables may come after `[status]`).
pub(crate) const CONTACTS: &str = r#"
[customer_contact]
name = "Ada Lovelace"
email = "ada.lovelace@contoso.com"

[partner_contact]
name = "Grace Hopper"
email = "grace.hopper@fabrikam.com.au"
"#;

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
