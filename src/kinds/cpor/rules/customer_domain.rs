//! `cpor-customer-domain`: `customer_domain` is not a domain name.

use crate::diag::{Finding, Severity};
use crate::kinds::cpor::model::CporClaim;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "cpor-customer-domain",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "customer_domain is not a domain name",
    source: "G (\"Enter the tenant ID corresponding to domain.onmicrosoft.com\"); F§1.17 (\"Domain-tenant mismatch\")",
    docs: "`customer_domain` (optional) is the customer's domain, usually the \
`name.onmicrosoft.com` of the tenant, or a verified custom domain. Partner Center \
matches the tenant ID against the domain (F§1.17 \"Domain-tenant mismatch\"), so it must \
be a bare domain name: labels of letters, digits and hyphens separated by dots, at \
least two labels, no `@`, no `https://`, no path, no spaces. An email address or a \
URL is the usual mistake.\n\nHow to fix: keep only the domain: `contoso.com` for \
`ada@contoso.com` or `https://contoso.com/`.\n\n\
```toml\ncustomer_domain = \"contoso.onmicrosoft.com\"\n```",
    check: Check::Cpor(check),
};

/// The domain the user probably meant (the part after `@`, the host of a
/// URL, without a trailing dot or slash), when that is a valid domain.
fn suggestion(text: &str) -> Option<String> {
    let mut s = text.trim();
    if let Some((_, host)) = s.rsplit_once('@') {
        s = host;
    }
    if let Some((_, rest)) = s.split_once("://") {
        s = rest;
    }
    s = s.split(['/', '?', '#']).next().unwrap_or(s);
    s = s.split(':').next().unwrap_or(s);
    let s = s.trim_end_matches('.').to_lowercase();
    (s != text && crate::rules::any::domain_problem(&s).is_none()).then_some(s)
}

fn check(_ctx: &RuleCtx<'_>, claim: &CporClaim, out: &mut Vec<Finding>) {
    let Some(domain) = &claim.customer_domain else {
        return;
    };
    let Some(problem) = crate::rules::any::domain_problem(&domain.value) else {
        return;
    };
    let help = match suggestion(&domain.value) {
        Some(s) => format!("write the bare domain: customer_domain = \"{s}\""),
        None => {
            "write the customer's bare domain, like contoso.onmicrosoft.com, or remove the field"
                .to_string()
        }
    };
    out.push(
        Finding::new(
            &RULE,
            format!("customer_domain \"{}\" is not a domain name", domain.value),
        )
        .at(domain)
        .label(problem)
        .help(help),
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run, valid_with};
    use super::*;

    #[test]
    fn bare_domains_pass_and_the_usual_mistakes_do_not() {
        for ok in [
            "contoso.onmicrosoft.com",
            "contoso.com.au",
            "xn--bcher-kva.example",
            "bücher.de",
            "a-b.io",
        ] {
            assert_eq!(crate::rules::any::domain_problem(ok), None, "{ok}");
        }
        for bad in [
            "",
            "ada@contoso.com",
            "https://contoso.com",
            "contoso",
            "contoso..com",
            "contoso.com.",
            "-contoso.com",
            "con_toso.com",
            "contoso.com/x",
            "10.0.0.1",
            "contoso com",
        ] {
            assert!(crate::rules::any::domain_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn suggests_the_domain_inside_an_email_or_url() {
        assert_eq!(
            suggestion("ada@Contoso.com").as_deref(),
            Some("contoso.com")
        );
        assert_eq!(
            suggestion("https://contoso.com/about").as_deref(),
            Some("contoso.com")
        );
        assert_eq!(suggestion("contoso.com.").as_deref(), Some("contoso.com"));
        assert_eq!(suggestion("contoso"), None);
    }

    #[test]
    fn no_suggestion_that_is_itself_no_domain() {
        // What is left after the `@` or of the URL must be a domain itself.
        assert_eq!(suggestion("ada@contoso"), None);
        assert_eq!(suggestion("https://intranet/"), None);
        assert_eq!(suggestion("Contoso"), None);
        let text = valid_with(
            "customer_domain = \"contoso.onmicrosoft.com\"",
            "customer_domain = \"ada@contoso\"",
        );
        let found = run(&RULE, &text, "2026-11-26", &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        let help = found[0].help.as_deref().unwrap();
        assert!(help.contains("like contoso.onmicrosoft.com"), "{help}");
    }
}
