//! CPOR rules (`cpor-`): the customer association and the claim for payment.

pub mod poe_unsigned;
pub mod tenant_id;

use super::Rule;

pub static RULES: &[&Rule] = &[&tenant_id::RULE, &poe_unsigned::RULE];

/// Whether text is a GUID in the 8-4-4-4-12 form (braces and case allowed
/// as Entra shows them), and not the all-zero GUID.
pub fn is_real_guid(text: &str) -> bool {
    let t = text.trim().trim_start_matches('{').trim_end_matches('}');
    t.len() == 36 && uuid::Uuid::parse_str(t).is_ok_and(|u| !u.is_nil())
}
