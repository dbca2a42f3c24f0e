//! `kind = "por"`: one planned CSP order or subscription change, and the
//! reseller to be set as its Partner of Record.
//!
//! An order comes from a TOML file ([`PorOrder::decode`], through the
//! shared loader like every claim) or from one row of an orders CSV
//! ([`super::orders_csv`]); both give the same [`PorOrder`], with each
//! value's span in its file, so the rules and the reports do not know
//! which it was.

use chrono::NaiveDate;

use crate::decode::{OPTIONAL, REQUIRED, Sp, Table};
use crate::diag::Finding;
use crate::str_enum;

str_enum! {
    /// What the order does to the subscription.
    pub enum Action {
        New = "new",
        SeatChange = "seat-change",
        BillingPlanChange = "billing-plan-change",
        TermChange = "term-change",
        PartnerTransfer = "partner-transfer",
        NceMigration = "nce-migration",
        AutoRenewal = "auto-renewal",
    }
}

impl Action {
    /// In words, for messages.
    pub fn title(self) -> &'static str {
        match self {
            Action::New => "new order",
            Action::SeatChange => "seat change",
            Action::BillingPlanChange => "billing plan change",
            Action::TermChange => "term change",
            Action::PartnerTransfer => "partner-to-partner transfer",
            Action::NceMigration => "legacy-to-NCE migration",
            Action::AutoRenewal => "auto-renewal",
        }
    }
}

/// One planned order.
#[derive(Debug, Clone)]
pub struct PorOrder {
    pub order: Option<Sp<String>>,
    pub reseller_partner_id: Option<Sp<String>>,
    pub customer_name: Option<Sp<String>>,
    pub customer_tenant_id: Option<Sp<String>>,
    /// An ISO 3166-1 alpha-2 code in capitals (anything else was reported
    /// as `wrong-type` and is `None`).
    pub customer_country: Option<Sp<String>>,
    pub action: Option<Sp<Action>>,
    pub date: Option<Sp<NaiveDate>>,
    pub subscription_id: Option<Sp<String>>,
}

impl PorOrder {
    /// Decodes a `kind = "por"` TOML file's table.
    pub fn decode(t: &mut Table<'_, '_>, out: &mut Vec<Finding>) -> Self {
        PorOrder {
            order: t.string(out, "order", REQUIRED),
            reseller_partner_id: t.id(out, "reseller_partner_id", REQUIRED),
            customer_name: t.string(out, "customer_name", REQUIRED),
            customer_tenant_id: t.string(out, "customer_tenant_id", OPTIONAL),
            customer_country: t
                .string(out, "customer_country", REQUIRED)
                .and_then(|c| country(c, out)),
            action: t.enumeration(out, "action", REQUIRED),
            date: t.date(out, "date", REQUIRED),
            subscription_id: t.string(out, "subscription_id", OPTIONAL),
        }
    }
}

/// The country as an ISO code, or a `wrong-type` finding with the code
/// probably meant.
pub fn country(value: Sp<String>, out: &mut Vec<Finding>) -> Option<Sp<String>> {
    match super::country::parse(&value.value) {
        Some(code) => Some(Sp::new(code, value.span, value.path)),
        None => {
            let (message, label, help) = super::country::problem(&value.path, &value.value);
            out.push(
                Finding::new(&crate::rules::any::wrong_type::RULE, message)
                    .at(&value)
                    .label(label)
                    .help(help),
            );
            None
        }
    }
}
