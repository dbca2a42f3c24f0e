//! Rules for every claim file, whatever its kind.

pub mod business_email;
pub mod date_in_future;
pub mod document_empty;
pub mod document_format;
pub mod document_missing;
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
