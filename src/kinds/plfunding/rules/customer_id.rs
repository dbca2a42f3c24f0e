//! `plf-customer-id`: the customer ID does not fit its type.

use crate::diag::{Finding, Severity};
use crate::kinds::plfunding::model::{CustomerIdType, PlfClaim};
use crate::rules::any::is_real_guid;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "plf-customer-id",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "customer_id does not fit its customer ID type",
    source: "G (Step 5: \"enter test.com if customer email address is abc@test.com\"); F§3.4, F§5.8, F§5.9",
    docs: "Partner Center checks the *Customer ID* as the type chosen says: a domain \
name is resolved to the customer's tenant, other IDs are checked exactly as given \
(F§3.5), so a wrong form finds no customer or the wrong one. The forms:\n\n\
- `domain`: a bare domain name, \"enter test.com if customer email address is \
abc@test.com\" (no `@`, no `https://`, no path);\n\
- `tenant-id`, `azure-subscription-id`: a GUID (8-4-4-4-12 hex digits), not the \
all-zero one;\n\
- `tpid`: the Top Parent ID, digits only;\n\
- `msx-opportunity-id`: not empty (its format is not documented).\n\n\
How to fix: write the ID in the form of its type, or pick the type that matches the \
ID you have:\n\n```toml\ncustomer_id_type = \"domain\"\ncustomer_id = \"contoso.com\"\n```",
    check: Check::Plfunding(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &PlfClaim, out: &mut Vec<Finding>) {
    let (Some(id_type), Some(id)) = (&claim.customer_id_type, &claim.customer_id) else {
        return;
    };
    let text = id.value.trim();
    let problem: Option<(String, String, String)> = match id_type.value {
        CustomerIdType::Domain => domain_problem(text),
        CustomerIdType::TenantId | CustomerIdType::AzureSubscriptionId => {
            let what = if id_type.value == CustomerIdType::TenantId {
                "tenant ID"
            } else {
                "Azure subscription ID"
            };
            (!is_real_guid(text)).then(|| {
                let nil = uuid::Uuid::parse_str(text).is_ok_and(|u| u.is_nil());
                (
                    if nil {
                        format!("the customer {what} is the all-zero GUID")
                    } else {
                        format!("the customer {what} \"{text}\" is not a GUID")
                    },
                    "expected 8-4-4-4-12 hex digits".into(),
                    if id_type.value == CustomerIdType::TenantId {
                        "use the customer's tenant ID (Entra admin center > Overview > Tenant ID), or choose customer_id_type = \"domain\" for a domain name".into()
                    } else {
                        "use the subscription ID from the Azure portal (Subscriptions), a GUID".into()
                    },
                )
            })
        }
        CustomerIdType::Tpid => (text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| {
                (
                    format!("the customer TPID \"{text}\" is not a number"),
                    "expected digits only".into(),
                    "use the customer's Top Parent ID (digits), or the customer ID type of the ID you have".into(),
                )
            }),
        CustomerIdType::MsxOpportunityId => text.is_empty().then(|| {
            (
                "the MSX opportunity ID is empty".into(),
                "empty".into(),
                "enter the opportunity ID from MSX".into(),
            )
        }),
    };
    if let Some((message, label, help)) = problem {
        out.push(Finding::new(&RULE, message).at(id).label(label).help(help));
    }
}

/// Message, label and help when `text` is not a bare domain name (the form
/// is `cpor-customer-domain`'s; the help is the guide's wording).
fn domain_problem(text: &str) -> Option<(String, String, String)> {
    let why = crate::rules::any::domain_problem(text)?;
    if let Some((_, domain)) = text.rsplit_once('@') {
        return Some((
            format!("customer ID \"{text}\" is an email address, not a domain name"),
            "an email address".into(),
            format!(
                "enter the domain only: \"{domain}\" (Partner Center: enter test.com if customer email address is abc@test.com)"
            ),
        ));
    }
    let bare = text
        .split_once("://")
        .map_or(text, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    if bare != text {
        return Some((
            format!("customer ID \"{text}\" is a web address, not a domain name"),
            "not a bare domain".into(),
            format!("enter the domain only: \"{bare}\""),
        ));
    }
    Some((
        format!("customer ID \"{text}\" is not a domain name"),
        why.into(),
        "enter the customer's email domain, e.g. test.com for abc@test.com".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_names() {
        for ok in [
            "test.com",
            "contoso.com.au",
            "xn--bcher-kva.example",
            "bücher.de",
            "a-b.io",
        ] {
            assert!(domain_problem(ok).is_none(), "{ok}");
        }
        for bad in [
            "test", "-a.com", "a..com", "a.com.", "1.2.3.4", "a_b.com", "a b.com", "",
        ] {
            assert!(domain_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn an_email_address_suggests_its_domain() {
        let (_, _, help) = domain_problem("abc@test.com").unwrap();
        assert!(help.starts_with("enter the domain only: \"test.com\""));
        let (_, _, help) = domain_problem("https://contoso.com/about").unwrap();
        assert_eq!(help, "enter the domain only: \"contoso.com\"");
        assert!(domain_problem("contoso.com").is_none());
    }
}
