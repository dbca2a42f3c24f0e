//! `email-format`: a contact email is not a valid address.

use crate::diag::{Finding, Severity};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "email-format",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "a contact email is not a valid address",
    source: "G (Contact information: \"Customer contact email*\", \"Partner contact email*\")",
    docs: "Microsoft emails the customer contact to confirm the association and sends \
surveys to it; an address that cannot receive mail loses the claim. Checked: one \
address (no display name), a local part, `@`, and a dotted domain.\n\nHow to fix: \
write the plain address, e.g. `ada.lovelace@contoso.com`.",
    check: Check::Claim(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Finding>) {
    for (email, _) in ctx.claim.emails() {
        if !ctx.email_is_valid(email.value.trim()) {
            out.push(
                Finding::new(
                    &RULE,
                    format!("`{}` is not a valid email address", email.value),
                )
                .at(email)
                .label("not an email address")
                .help("write a plain address like name@company.com"),
            );
        }
    }
}
