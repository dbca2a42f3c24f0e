//! ISO 3166-1 alpha-2 country codes: the form every `por` country takes
//! (a reseller's `country`/`location`, an order's `customer_country`, the
//! region table's lists), read with the `iso_country` crate's table.
//!
//! [`parse`] accepts a code in any case and returns it in capitals; for
//! anything else [`suggest`] offers the code meant (`UK` -> `GB`, `AUS` ->
//! `AU`, `Australia` -> `AU`) for the `wrong-type`-style message.

use std::str::FromStr;
use std::sync::LazyLock;

use iso_country::Country;

/// Codes people write that ISO does not have, and the code they mean.
const ALIASES: &[(&str, &str)] = &[
    // The United Kingdom's ISO code is GB; UK is exceptionally reserved.
    ("UK", "GB"),
    // The EU's code for Greece.
    ("EL", "GR"),
    // Kosovo's user-assigned code has no ISO entry (and no CSP region).
];

/// Every ISO entry: alpha-2, alpha-3, English name.
static ALL: LazyLock<Vec<iso_country::data::CountryCode<'static>>> =
    LazyLock::new(iso_country::data::all);

/// The ISO 3166-1 alpha-2 code `text` is (any case, surrounding blanks
/// ignored), in capitals; `None` when it is not one.
pub fn parse(text: &str) -> Option<String> {
    let code = text.trim().to_ascii_uppercase();
    if code.len() != 2 {
        return None;
    }
    // `Country::from_str("")` is `Unspecified`: the length check keeps it out.
    Country::from_str(&code).ok().map(|_| code)
}

/// The code `text` probably means: an alias (`UK`), an alpha-3 code
/// (`AUS`), or a country name (`Australia`, `australia`, `Austraila`).
pub fn suggest(text: &str) -> Option<&'static str> {
    let upper = text.trim().to_ascii_uppercase();
    if let Some((_, code)) = ALIASES.iter().find(|(alias, _)| *alias == upper) {
        return Some(code);
    }
    if let Some(c) = ALL.iter().find(|c| c.alpha3 == upper) {
        return Some(c.alpha2);
    }
    if let Some(c) = ALL
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(text.trim()))
    {
        return Some(c.alpha2);
    }
    if text.trim().len() > 3 {
        let name = crate::decode::nearest(text.trim(), ALL.iter().map(|c| c.name))?;
        return ALL.iter().find(|c| c.name == name).map(|c| c.alpha2);
    }
    None
}

/// The message, label and help of a country that is not a code: the same
/// words for an order's field, a CSV cell and a reseller list.
pub fn problem(field: &str, text: &str) -> (String, String, String) {
    let message = format!("`{field}` must be an ISO 3166-1 alpha-2 country code, not \"{text}\"");
    let help = match suggest(text) {
        Some(code) => format!("did you mean \"{code}\"?"),
        None => "write the two-letter ISO 3166-1 code of the country, e.g. AU, GB, US".to_string(),
    };
    (
        message,
        "expected a two-letter country code".to_string(),
        help,
    )
}

/// The country's English name, for messages (`AU` -> `Australia`).
pub fn name(code: &str) -> &'static str {
    ALL.iter().find(|c| c.alpha2 == code).map_or("", |c| c.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_in_any_case_and_others_get_a_suggestion() {
        assert_eq!(parse("au").as_deref(), Some("AU"));
        assert_eq!(parse(" GB ").as_deref(), Some("GB"));
        assert_eq!(parse("UK"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("AUS"), None);
        assert_eq!(suggest("UK"), Some("GB"));
        assert_eq!(suggest("AUS"), Some("AU"));
        assert_eq!(suggest("australia"), Some("AU"));
        assert_eq!(suggest("Austrailia"), Some("AU"));
        assert_eq!(suggest("ZZ"), None);
        assert_eq!(name("NZ"), "New Zealand");
    }
}
