//! Rules for every claim file, whatever its kind.

pub mod business_email;
pub mod date_in_future;
pub mod document_empty;
pub mod document_format;
pub mod document_missing;
pub mod document_outside_workspace;
pub mod document_placeholder;
pub mod document_reused;
pub mod document_signed_on;
pub mod document_undated;
pub mod duplicate_claim;
pub mod email_format;
pub mod file_too_large;
pub mod missing_field;
pub mod partner_id_format;
pub mod partner_id_unknown;
pub mod syntax;
pub mod unknown_field;
pub mod unknown_kind;
pub mod wrong_type;

use super::Rule;

pub static RULES: &[&Rule] = &[
    &syntax::RULE,
    &file_too_large::RULE,
    &unknown_kind::RULE,
    &unknown_field::RULE,
    &missing_field::RULE,
    &wrong_type::RULE,
    &partner_id_format::RULE,
    &partner_id_unknown::RULE,
    &email_format::RULE,
    &business_email::RULE,
    &date_in_future::RULE,
    &document_missing::RULE,
    &document_outside_workspace::RULE,
    &document_empty::RULE,
    &document_format::RULE,
    &document_signed_on::RULE,
    &document_undated::RULE,
    &duplicate_claim::RULE,
    &document_reused::RULE,
    &document_placeholder::RULE,
];

/// Whether a PartnerID has the documented shape: 6 to 10 digits.
pub fn partner_id_is_valid(id: &str) -> bool {
    (6..=10).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit())
}

/// A strict email check: one address, no display name, a dotted domain.
pub fn email_is_valid(email: &str) -> bool {
    email_address::EmailAddress::parse_with_options(
        email,
        email_address::Options::default()
            .with_required_tld()
            .without_domain_literal()
            .without_display_text(),
    )
    .is_ok()
}

/// Whether text is a GUID in the 8-4-4-4-12 form (braces and case allowed
/// as Entra shows them), and not the all-zero GUID.
pub fn is_real_guid(text: &str) -> bool {
    let t = text.trim();
    // Braces as a pair or not at all.
    let t = t
        .strip_prefix('{')
        .and_then(|r| r.strip_suffix('}'))
        .unwrap_or(t);
    t.len() == 36
        && t.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
        && uuid::Uuid::parse_str(t).is_ok_and(|u| !u.is_nil())
}

/// Why `text` is not a bare domain name, or `None` when it is one.
pub fn domain_problem(text: &str) -> Option<&'static str> {
    if text.trim().is_empty() {
        return Some("empty");
    }
    if text.contains('@') {
        return Some("an email address, not a domain");
    }
    if text.contains("://") {
        return Some("a URL, not a domain");
    }
    if text.chars().any(char::is_whitespace) {
        return Some("contains spaces");
    }
    if text.contains('/') {
        return Some("contains a path");
    }
    if text.len() > 253 {
        return Some("longer than 253 characters");
    }
    let labels: Vec<&str> = text.split('.').collect();
    if labels.len() < 2 {
        return Some("a single label: a domain has a dot, like contoso.com");
    }
    for label in &labels {
        if label.is_empty() {
            return Some("an empty label (two dots, or a dot at an end)");
        }
        if label.chars().count() > 63 {
            return Some("a label longer than 63 characters");
        }
        if !label.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return Some("only letters, digits, hyphens and dots are allowed");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Some("a label starts or ends with a hyphen");
        }
    }
    if labels
        .last()
        .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
    {
        return Some("an IP address, not a domain");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::domain_problem;

    /// The DNS limits are inclusive: 253 characters for the name, 63 for a
    /// label (boundaries found by mutation testing, docs/testing.md).
    #[test]
    fn domain_limits_are_inclusive() {
        let label = |n: usize| "a".repeat(n);
        assert_eq!(domain_problem(&format!("{}.com", label(63))), None);
        assert_eq!(
            domain_problem(&format!("{}.com", label(64))),
            Some("a label longer than 63 characters")
        );
        // 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 characters.
        let at_limit = format!("{0}.{0}.{0}.{1}", label(63), label(61));
        assert_eq!(at_limit.len(), 253);
        assert_eq!(domain_problem(&at_limit), None);
        let over = format!("{0}.{0}.{0}.{1}", label(63), label(62));
        assert_eq!(domain_problem(&over), Some("longer than 253 characters"));
    }
}
