//! `coop-currency`: the currency is not an ISO 4217 code.

use crate::diag::{Finding, Severity};
use crate::kinds::coop::model::CoopClaim;
use crate::money::{self, CurrencyProblem};
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "coop-currency",
    default_severity: Severity::Error,
    severity_note: None,
    summary: "the currency is not an ISO 4217 currency code",
    source: "G step 5 (\"Currency\"); ISO 4217",
    docs: "The claim's currency is an ISO 4217 alphabetic code in upper case \
(`\"AUD\"`, `\"USD\"`, `\"JPY\"`): it sets how many decimal places amounts may have \
and the currency every invoice is summed in. A symbol (`\"$\"`), a name \
(`\"dollars\"`) or a lower-case code is reported; so are codes that are not money \
you can be paid in: precious metals and test codes (XAU, XXX, XTS), fund codes (CLF, \
USN) and codes ISO 4217 has replaced.\n\nHow to fix: write the three-letter code of \
the currency your invoices are in, in capitals: `currency = \"AUD\"`.",
    check: Check::Coop(check),
};

fn check(_ctx: &RuleCtx<'_>, claim: &CoopClaim, out: &mut Vec<Finding>) {
    let Some(code) = &claim.currency else { return };
    let Err(problem) = money::currency(&code.value) else {
        return;
    };
    let written = code.value.trim();
    let (message, help) = match problem {
        CurrencyProblem::NotUpperCase(c) => (
            format!("currency \"{written}\" must be written in capitals"),
            format!("write `currency = \"{c}\"`"),
        ),
        CurrencyProblem::Unknown => (
            format!("currency \"{written}\" is not an ISO 4217 code"),
            "write the three-letter ISO 4217 code of your invoices' currency, e.g. \"AUD\", \"USD\", \"EUR\""
                .to_string(),
        ),
        CurrencyProblem::Special(c) => (
            format!("currency \"{c}\" is an ISO 4217 code for no currency, a metal or testing, not money to claim in"),
            "write the code of the currency your invoices are in, e.g. \"AUD\"".to_string(),
        ),
        CurrencyProblem::Fund(c) => (
            format!("currency \"{c}\" is an ISO 4217 fund code (a unit of account), not a currency claims are paid in"),
            "write the code of the currency your invoices are in, e.g. \"USD\"".to_string(),
        ),
        CurrencyProblem::Superseded { code: c, by } => (
            format!("currency \"{c}\" has been replaced by {by} in ISO 4217"),
            format!("write `currency = \"{by}\"` and the amounts in {by}"),
        ),
    };
    out.push(
        Finding::new(&RULE, message)
            .at(code)
            .label("not an ISO 4217 currency")
            .help(help),
    );
}
