//! `business-email`: a contact email on a free webmail domain, or a partner
//! email outside the partner's own domains.

use crate::diag::{Finding, Severity};
use crate::model::Side;
use crate::rules::{Check, Rule, RuleCtx};

/// Free webmail domains (exact), and prefixes for families like `yahoo.*`.
const WEBMAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.com",
    "gmx.net",
    "mail.com",
    "zoho.com",
    "yandex.com",
    "yandex.ru",
    "qq.com",
    "163.com",
    "bigpond.com",
    "fastmail.com",
    "tutanota.com",
];
const WEBMAIL_FAMILIES: &[&str] = &["yahoo.", "hotmail.", "outlook.", "live.", "ymail."];

pub fn is_webmail(domain: &str) -> bool {
    WEBMAIL.contains(&domain) || WEBMAIL_FAMILIES.iter().any(|p| domain.starts_with(p))
}

pub static RULE: Rule = Rule {
    id: "business-email",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "a contact email is on a free webmail domain, or not one of the partner's domains",
    source: "G: \"Use professional or business emails when submitting claims\"",
    docs: "Reviewers treat gmail.com, outlook.com, hotmail.com, yahoo.* and similar \
addresses as unverifiable. For partner-side emails (`partner_contact`, \
`submitter_email`), when `claimtool.toml` sets `partner.email_domains` the address \
must be on one of them.\n\nHow to fix: use the person's company address.",
    check: Check::Claim(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    let own = &ctx.env.config.email_domains;
    for (email, side) in ctx.claim.emails() {
        let address = email.value.trim();
        if !ctx.email_is_valid(address) {
            continue;
        }
        let domain = address.rsplit('@').next().unwrap_or("").to_lowercase();
        if is_webmail(&domain) {
            out.push(
                Finding::new(&RULE, format!("`{address}` is a free webmail address"))
                    .at(email)
                    .label("webmail")
                    .help("use the contact's business address"),
            );
        } else if side == Side::Partner && !own.is_empty() && !own.contains(&domain) {
            out.push(
                Finding::new(
                    &RULE,
                    format!("`{address}` is not on your company's email domains"),
                )
                .at(email)
                .label("not a partner domain")
                .help(format!(
                    "use an address on {} (partner.email_domains in claimtool.toml)",
                    own.join(", ")
                )),
            );
        }
    }
}
