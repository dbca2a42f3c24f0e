//! `por-roster-duplicate`: the reseller list has a PartnerID twice
//! (reported by the list's loader, on the list file).

use crate::diag::{Finding, Severity};
use crate::kinds::por::model::PorOrder;
use crate::rules::{Check, Rule, RuleCtx};

pub static RULE: Rule = Rule {
    id: "por-roster-duplicate",
    default_severity: Severity::Warning,
    severity_note: None,
    summary: "the reseller list has the same PartnerID twice",
    source: "F§5.1 (\"one-to-one relationship between a CSP tenant and a ... location ID\"); F§5.13",
    docs: "A location PartnerID belongs to one CSP tenant (F§5.1), so a reseller list \
holding a PartnerID twice was merged or edited by hand (F§5.13: Partner Center's own \
list has one item per relationship). Orders are checked against the first entry; \
the finding points at the later one, in the list file's own entry of the \
report.\n\nHow to fix: remove the duplicate row (or item) and keep the entry that is \
current.",
    check: Check::Por(check),
};

/// Nothing per order: the list's loader reports the duplicates
/// ([`crate::kinds::por::roster::Roster::parse`]).
fn check(_ctx: &RuleCtx<'_>, _order: &PorOrder, _out: &mut Vec<Finding>) {}
