//! Money: ISO 4217 currencies, their minor units, exact sums and display.
//!
//! Amounts are read from claim files as exact decimals
//! ([`crate::decode::parse_decimal`]: `0.1` is one tenth, never a binary
//! float) and stay [`Decimal`] through every sum and comparison, so
//! 0.10 + 0.20 == 0.30 to the cent. The currency (from the `iso_currency`
//! table, ISO 4217) says how many decimal places an amount may have: 2 for
//! AUD, USD and EUR, 0 for JPY, 3 for BHD. Rules ask [`currency`] for the
//! code, [`decimal_places`] for an amount, [`sum`] for totals; reports and
//! bundles show amounts with [`format`] (`AUD 12,500.00`), which never
//! rounds.

use iso_currency::Currency;
use rust_decimal::Decimal;

/// A currency code that can carry a claim, with its minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyInfo {
    pub code: &'static str,
    /// English name ("Australian dollar").
    pub name: String,
    /// Decimal places of the minor unit (cents): 2 for AUD, 0 for JPY.
    pub minor_units: u32,
}

/// Why a currency code cannot carry a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CurrencyProblem {
    /// Not an ISO 4217 alphabetic code at all.
    Unknown,
    /// A valid code written in lower or mixed case (`aud`): ISO 4217 codes are upper case.
    NotUpperCase(&'static str),
    /// A code that is not money you can be paid in: precious metals, SDR,
    /// test and "no currency" codes (XAU, XDR, XTS, XXX).
    Special(&'static str),
    /// A fund code (CLF, BOV, USN...): units of account, not payment currencies.
    Fund(&'static str),
    /// A code ISO 4217 has replaced (HRK by EUR).
    Superseded {
        code: &'static str,
        by: &'static str,
    },
}

/// Looks up an ISO 4217 code. Only upper case is accepted (the format says
/// so); a lower-case code that would be valid says which code was meant.
pub fn currency(code: &str) -> Result<CurrencyInfo, CurrencyProblem> {
    let trimmed = code.trim();
    let Some(found) = Currency::from_code(trimmed) else {
        return match Currency::from_code(&trimmed.to_ascii_uppercase()) {
            Some(c) if trimmed.len() == 3 => Err(CurrencyProblem::NotUpperCase(c.code())),
            _ => Err(CurrencyProblem::Unknown),
        };
    };
    if found.is_special() {
        return Err(CurrencyProblem::Special(found.code()));
    }
    if found.is_fund() {
        return Err(CurrencyProblem::Fund(found.code()));
    }
    if let Some(by) = found.is_superseded() {
        return Err(CurrencyProblem::Superseded {
            code: found.code(),
            by: by.code(),
        });
    }
    match found.exponent() {
        Some(minor) => Ok(CurrencyInfo {
            code: found.code(),
            name: found.name().to_string(),
            minor_units: u32::from(minor),
        }),
        // Only special codes lack an exponent; they were refused above.
        None => Err(CurrencyProblem::Special(found.code())),
    }
}

/// The minor units of a code, or `None` when it cannot carry a claim.
pub fn minor_units(code: &str) -> Option<u32> {
    currency(code).ok().map(|c| c.minor_units)
}

/// Decimal places an amount needs: trailing zeros do not count, so
/// `12500.000` needs 0 and `0.105` needs 3.
pub fn decimal_places(amount: Decimal) -> u32 {
    amount.normalize().scale()
}

/// Whether `amount` fits the currency's minor units (`12.345` does not fit
/// AUD; `1000.5` does not fit JPY).
pub fn fits_minor_units(amount: Decimal, minor_units: u32) -> bool {
    decimal_places(amount) <= minor_units
}

/// The exact sum of `amounts`; `None` when it cannot be kept exactly:
/// beyond 28 significant digits (spec claim-files.md), or a sum `Decimal`
/// would have had to round (a huge amount plus a fraction). A caller turns
/// `None` into a finding, never into a missing total that passes.
pub fn sum<'a>(amounts: impl IntoIterator<Item = &'a Decimal>) -> Option<Decimal> {
    amounts
        .into_iter()
        .try_fold(Decimal::ZERO, |total, a| exact_add(total, *a))
}

/// `a + b` when it is exact and within 28 significant digits.
fn exact_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let total = a.checked_add(b)?;
    // Decimal rounds instead of failing when the digits do not fit: an
    // exact sum keeps the larger scale of the two.
    let exact = total.scale() >= a.scale().max(b.scale());
    (exact && significant_digits(total) <= crate::decode::MAX_SIGNIFICANT_DIGITS).then_some(total)
}

/// The significant digits of an amount: those of its mantissa without
/// trailing zeros after the point (`12500.00` has 5, `0.05` has 1,
/// 5×10²⁸ has 29).
pub fn significant_digits(amount: Decimal) -> u32 {
    let mut mantissa = amount.normalize().mantissa().unsigned_abs();
    let mut digits = 0;
    while mantissa > 0 {
        mantissa /= 10;
        digits += 1;
    }
    digits
}

/// An amount as people write it, read into the exact decimal string a
/// claim file holds: what [`parse_written`] understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The plain decimal, digits exactly as written (`6250.00`).
    pub amount: String,
    /// The currency written with it (`AUD 6,250`, `A$6,250`), upper case.
    pub currency: Option<String>,
}

/// Currency signs that name one currency; `$` alone does not.
const SIGNS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("AU$", "AUD"),
    ("A$", "AUD"),
    ("NZ$", "NZD"),
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("$", ""),
];

/// Reads an amount written the common ways: `12500`, `12,500`,
/// `$6,250.00`, `AUD 6,250`, `6250 aud`, `A$6,250.50`. Thousands
/// separators must group by three; the decimal point is `.`. The digits
/// are kept exactly (`6,250.00` → `6250.00`), so the rules see the places
/// that were written. `None` when it is not such an amount.
pub fn parse_written(text: &str) -> Option<Written> {
    let mut rest = text.trim();
    let mut currency: Option<String> = None;
    let (sign, body) = rest
        .strip_prefix('-')
        .map_or(("", rest), |t| ("-", t.trim_start()));
    rest = body;
    // A code before or after the number: `AUD 6,250`, `6,250 AUD`.
    let code_at = |word: &str| {
        (word.len() == 3 && word.bytes().all(|b| b.is_ascii_alphabetic()))
            .then(|| word.to_ascii_uppercase())
            .filter(|c| currency_info(c).is_some())
    };
    if let Some((word, after)) = rest.split_once(char::is_whitespace)
        && let Some(code) = code_at(word)
    {
        currency = Some(code);
        rest = after.trim_start();
    } else if let Some((before, word)) = rest.rsplit_once(char::is_whitespace)
        && let Some(code) = code_at(word)
    {
        currency = Some(code);
        rest = before.trim_end();
    } else if rest.len() > 3
        && let Some(code) = code_at(&rest[..3])
        && rest[3..].starts_with(|c: char| c.is_ascii_digit() || c == '$')
    {
        // `AUD6,250`, `USD$2,300`
        currency = Some(code);
        rest = &rest[3..];
    }
    for (s, code) in SIGNS {
        if let Some(after) = rest.strip_prefix(s) {
            rest = after.trim_start();
            if !code.is_empty() {
                match &currency {
                    Some(c) if c != code => return None,
                    _ => currency = Some((*code).to_string()),
                }
            }
            break;
        }
    }
    let (whole, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    let whole = if whole.contains(',') {
        let groups: Vec<&str> = whole.split(',').collect();
        let ok = (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
        if !ok {
            return None;
        }
        groups.concat()
    } else {
        whole.to_string()
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let amount = match frac {
        Some(f) if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) => return None,
        Some(f) => format!("{sign}{whole}.{f}"),
        None => format!("{sign}{whole}"),
    };
    Some(Written { amount, currency })
}

fn currency_info(code: &str) -> Option<CurrencyInfo> {
    currency(code).ok()
}

/// `AUD 12,500.00`: the code, thousands separators, at least the
/// currency's minor units, and every further digit the value has (display
/// never rounds, so a wrong amount is shown as written). An unknown code
/// is shown as written, with 2 decimal places.
pub fn format(amount: Decimal, code: &str) -> String {
    let code = code.trim();
    let places = minor_units(code).unwrap_or(2);
    let code = if code.is_empty() { "" } else { code };
    let number = format_number(amount, places);
    if code.is_empty() {
        number
    } else {
        format!("{code} {number}")
    }
}

/// `12500.00`: the amount as a plain decimal string (no grouping) with at
/// least the currency's minor units, never rounded; for JSON.
pub fn decimal_string(amount: Decimal, code: &str) -> String {
    let places = minor_units(code.trim()).unwrap_or(2);
    let mut value = amount.normalize();
    let scale = value.scale().max(places);
    value.rescale(scale);
    value.to_string()
}

/// `12,500.00` with at least `min_places` decimals, never rounding.
pub fn format_number(amount: Decimal, min_places: u32) -> String {
    let normalized = amount.normalize();
    let places = normalized.scale().max(min_places);
    let mut value = normalized;
    value.rescale(places);
    let text = value.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_people_write_them() {
        let w = |t: &str| parse_written(t).map(|w| (w.amount, w.currency));
        let some = |a: &str, c: Option<&str>| Some((a.to_string(), c.map(str::to_string)));
        assert_eq!(w("12,500"), some("12500", None));
        assert_eq!(w("$6,250.00"), some("6250.00", None));
        assert_eq!(w("AUD 6,250"), some("6250", Some("AUD")));
        assert_eq!(w("6250.50 aud"), some("6250.50", Some("AUD")));
        assert_eq!(w("A$6,250"), some("6250", Some("AUD")));
        assert_eq!(w("US$ 2,300.00"), some("2300.00", Some("USD")));
        assert_eq!(w("12500.30"), some("12500.30", None));
        for bad in [
            "1,23", "12,3456", "abc", "1e3", ".5", "5.", "25 000", "XYZ 5", "AUD US$5",
        ] {
            assert_eq!(w(bad), None, "{bad}");
        }
    }
    use crate::decode::parse_decimal;

    fn dec(s: &str) -> Decimal {
        parse_decimal(s).unwrap()
    }

    #[test]
    fn amounts_that_cannot_be_kept_exactly_are_refused() {
        use crate::decode::{DecimalProblem, parse_decimal_exact};
        // Rounded to 12500.30 before: now refused, as the spec says.
        for text in [
            "12500.3000000000000000000000001",
            "50000000000000000000000000000",
            "0.00000000000000000000000000001",
            "99999999999999999999999999999999",
        ] {
            assert_eq!(
                parse_decimal_exact(text),
                Err(DecimalProblem::TooManyDigits),
                "{text}"
            );
        }
        assert_eq!(
            parse_decimal_exact("12,500.00"),
            Err(DecimalProblem::NotANumber)
        );
        assert_eq!(dec("9999999999999999999999999999").to_string().len(), 28);
        assert_eq!(dec("0.0000000000000000000000000001").scale(), 28);
    }

    #[test]
    fn a_sum_beyond_28_digits_or_rounded_is_none() {
        let big = dec("9999999999999999999999999999");
        assert_eq!(sum(&[big, dec("1")]), None);
        assert_eq!(
            sum(&[dec("1000000000000000000000000000"), dec("0.01")]),
            None
        );
        assert_eq!(sum(&[big]), Some(big));
        assert_eq!(significant_digits(dec("12500.00")), 5);
        assert_eq!(significant_digits(dec("0.05")), 1);
    }

    #[test]
    fn ten_cents_plus_twenty_cents_is_thirty_cents() {
        let total = sum(&[dec("0.10"), dec("0.20")]).unwrap();
        assert_eq!(total, dec("0.30"));
        assert_eq!(format(total, "AUD"), "AUD 0.30");
    }

    #[test]
    fn minor_units_come_from_iso_4217() {
        assert_eq!(minor_units("AUD"), Some(2));
        assert_eq!(minor_units("USD"), Some(2));
        assert_eq!(minor_units("JPY"), Some(0));
        assert_eq!(minor_units("BHD"), Some(3));
        assert_eq!(minor_units("ZZZ"), None);
    }

    #[test]
    fn codes_that_cannot_carry_a_claim_say_why() {
        assert_eq!(currency("aud"), Err(CurrencyProblem::NotUpperCase("AUD")));
        assert_eq!(currency("A$"), Err(CurrencyProblem::Unknown));
        assert_eq!(currency("XXX"), Err(CurrencyProblem::Special("XXX")));
        assert_eq!(currency("XAU"), Err(CurrencyProblem::Special("XAU")));
        assert_eq!(currency("CLF"), Err(CurrencyProblem::Fund("CLF")));
        assert_eq!(currency("AUD").map(|c| c.code), Ok("AUD"));
    }

    #[test]
    fn trailing_zeros_are_not_decimal_places() {
        assert_eq!(decimal_places(dec("12500.000")), 0);
        assert_eq!(decimal_places(dec("0.105")), 3);
        assert!(fits_minor_units(dec("12500.50"), 2));
        assert!(!fits_minor_units(dec("12500.505"), 2));
        assert!(!fits_minor_units(dec("1000.5"), 0));
        assert!(fits_minor_units(dec("1000.00"), 0));
    }

    #[test]
    fn display_groups_thousands_and_never_rounds() {
        assert_eq!(format(dec("12500"), "AUD"), "AUD 12,500.00");
        assert_eq!(format(dec("1234567.5"), "USD"), "USD 1,234,567.50");
        assert_eq!(format(dec("150000"), "JPY"), "JPY 150,000");
        assert_eq!(format(dec("12.345"), "AUD"), "AUD 12.345");
        assert_eq!(format(dec("-500"), "AUD"), "AUD -500.00");
        assert_eq!(format(dec("999"), "AUD"), "AUD 999.00");
        assert_eq!(format(dec("100"), "ZZZ"), "ZZZ 100.00");
        assert_eq!(decimal_string(dec("12500.3"), "AUD"), "12500.30");
        assert_eq!(decimal_string(dec("150000.00"), "JPY"), "150000");
    }

    #[test]
    fn overflowing_sums_are_none_not_a_panic() {
        assert_eq!(sum(&[Decimal::MAX, Decimal::ONE]), None);
    }
}
