//! The PoE inspection rules (`poe-`): what the documents themselves show,
//! as read by [`crate::inspect`] (docs/inspection.md).
//!
//! Each rule is a [`Check::Kinds`](crate::rules::Check::Kinds) over the
//! kinds the spec names. The helpers here give each rule the documents it
//! looks at, already inspected by the shared
//! [`DocumentStore`](crate::documents::DocumentStore) (once per run), and
//! what a claim says of its customer. Rules that need text look only at
//! readable documents; `poe-unreadable` is the one finding about the others.

pub mod poe_customer_not_named;
pub mod poe_modified_after_signing;
pub mod poe_signature_broken;
pub mod poe_signature_missing;
pub mod poe_signed_on_mismatch;
pub mod poe_unreadable;
pub mod poe_workload_not_named;

use std::sync::Arc;

use crate::decode::Sp;
use crate::documents::{DocInfo, DocRead};
use crate::inspect::DocText;
use crate::inspect::matching::{customer_needle, normalize, words_contain};
use crate::kinds::plfunding::model::CustomerIdType;
use crate::model::{Claim, DocType, Document, Kind};
use crate::rules::{Rule, RuleCtx};

pub static RULES: &[&Rule] = &[
    &poe_signature_missing::RULE,
    &poe_signature_broken::RULE,
    &poe_modified_after_signing::RULE,
    &poe_signed_on_mismatch::RULE,
    &poe_customer_not_named::RULE,
    &poe_workload_not_named::RULE,
    &poe_unreadable::RULE,
];

/// The kinds whose PoE carries the customer's signature.
pub const SIGNED_POE_KINDS: &[Kind] = &[Kind::Cpor, Kind::Plfunding];

/// Partner-led documents that are not PoE (money, estimate, surveys).
const PLF_NOT_POE: &[DocType] = &[
    DocType::Invoice,
    DocType::Csr,
    DocType::PaymentReceipt,
    DocType::AzureCalculator,
    DocType::CustomerSurvey,
    DocType::PartnerSurvey,
];

/// A claim's document with a path, read and inspected.
pub struct Inspected<'a> {
    pub doc: &'a Document,
    pub path: &'a Sp<String>,
    read: Arc<DocRead>,
}

impl Inspected<'_> {
    /// What was read ([`inspected`] keeps only documents that were).
    pub fn info(&self) -> Option<&DocInfo> {
        match &*self.read {
            DocRead::Ok(info) => Some(info),
            _ => None,
        }
    }

    /// The text, when the document is readable.
    pub fn text(&self) -> Option<&DocText> {
        self.info()?.text.as_ref()
    }
}

/// Every document of the claim that has a path and could be read, except
/// `claimtool init` placeholders.
pub fn inspected<'a>(
    ctx: &RuleCtx<'_>,
    docs: impl IntoIterator<Item = &'a Document>,
) -> Vec<Inspected<'a>> {
    docs.into_iter()
        .filter_map(|doc| {
            let path = doc.path.as_ref().filter(|p| !p.value.trim().is_empty())?;
            let read = ctx.document(&path.value);
            // A `claimtool init` placeholder is `document-placeholder`'s.
            matches!(&*read, DocRead::Ok(info) if !info.placeholder).then_some(Inspected {
                doc,
                path,
                read,
            })
        })
        .collect()
}

/// Whether a partner-led document is PoE for the text rules (not money,
/// estimate or survey).
pub fn is_plf_poe(doc: &Document) -> bool {
    doc.doc_type
        .as_deref()
        .is_none_or(|t| !PLF_NOT_POE.contains(t))
}

/// The PoE documents of a claim for the text rules: every document of a
/// CPOR claim; a partner-led claim's documents except money, estimate and
/// survey types.
pub fn poe_documents(claim: &Claim) -> Vec<&Document> {
    match claim {
        Claim::Cpor(c) => c.documents.iter().collect(),
        Claim::Plfunding(c) => c.documents.iter().filter(|d| is_plf_poe(d)).collect(),
        _ => Vec::new(),
    }
}

/// What names the customer: its name, tenant ID and domain, as declared.
#[derive(Debug, Default)]
pub struct CustomerNeedles {
    pub name: Option<String>,
    /// Lower case.
    pub tenant: Option<String>,
    /// Lower case.
    pub domain: Option<String>,
}

impl CustomerNeedles {
    pub fn of(claim: &Claim) -> Self {
        let non_blank = |s: &Option<Sp<String>>| {
            s.as_ref()
                .map(|v| v.value.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        match claim {
            Claim::Cpor(c) => CustomerNeedles {
                name: non_blank(&c.customer_name),
                tenant: non_blank(&c.customer_tenant_id).map(|t| t.to_lowercase()),
                domain: non_blank(&c.customer_domain).map(|d| d.to_lowercase()),
            },
            Claim::Plfunding(c) => {
                let id = non_blank(&c.customer_id).map(|i| i.to_lowercase());
                let id_type = c.customer_id_type.as_deref().copied();
                CustomerNeedles {
                    name: non_blank(&c.customer_name),
                    tenant: id
                        .clone()
                        .filter(|_| id_type == Some(CustomerIdType::TenantId)),
                    domain: id.filter(|_| id_type == Some(CustomerIdType::Domain)),
                }
            }
            _ => CustomerNeedles::default(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.tenant.is_none() && self.domain.is_none()
    }

    /// Whether `text` names the customer one of these ways.
    pub fn named_in(&self, text: &DocText) -> bool {
        // The name first; the IDs are looked for only when it is not found.
        let name = || {
            self.name
                .as_deref()
                .map(customer_needle)
                .is_some_and(|n| words_contain(&text.words, &n))
        };
        let id = || {
            [&self.tenant, &self.domain]
                .into_iter()
                .flatten()
                // memchr's searcher, as `words_contain` uses: std's
                // `contains` sets up a two-way search each time, a visible
                // part of the rule over thousands of claims.
                .any(|needle| {
                    memchr::memmem::find(text.folded.as_bytes(), needle.as_bytes()).is_some()
                })
        };
        name() || id()
    }
}

/// Whether the normalised text names `what` (a workload) at word boundaries.
pub fn names(text: &DocText, what: &str) -> bool {
    words_contain(&text.words, &normalize(what))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::CustomerNeedles;

    /// The partner-led example with another customer ID.
    fn plfunding(id_type: &str, id: &str) -> CustomerNeedles {
        let example = include_str!("../../../examples/plfunding/contoso-dc-exit.toml")
            .replace(
                "customer_id_type = \"tenant-id\"",
                &format!("customer_id_type = \"{id_type}\""),
            )
            .replace(
                "customer_id = \"3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b\"",
                &format!("customer_id = \"{id}\""),
            );
        let loaded = crate::load::load_text(example, Path::new("c.toml"), "c.toml");
        CustomerNeedles::of(loaded.claim.as_ref().expect("the example decodes"))
    }

    /// Only a tenant ID or a domain names the customer in a document; a
    /// TPID or a subscription ID is not looked for (the spec's list).
    #[test]
    fn a_partner_led_customer_id_counts_only_as_a_tenant_or_a_domain() {
        let tenant = plfunding("tenant-id", "3F2A1C9E-8B7D-4E6F-9A1B-2C3D4E5F6A7B");
        assert_eq!(
            tenant.tenant.as_deref(),
            Some("3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b")
        );
        assert_eq!(tenant.domain, None);
        let domain = plfunding("domain", "Contoso.onmicrosoft.com");
        assert_eq!(domain.domain.as_deref(), Some("contoso.onmicrosoft.com"));
        assert_eq!(domain.tenant, None);
        let tpid = plfunding("tpid", "12345678");
        assert_eq!((tpid.tenant, tpid.domain), (None, None));
        assert_eq!(tpid.name.as_deref(), Some("Contoso Ltd"));
    }

    #[test]
    fn needles_are_empty_only_when_all_three_are_missing() {
        assert!(CustomerNeedles::default().is_empty());
        for one in [
            CustomerNeedles {
                name: Some("Contoso".into()),
                ..CustomerNeedles::default()
            },
            CustomerNeedles {
                tenant: Some("3f2a".into()),
                ..CustomerNeedles::default()
            },
            CustomerNeedles {
                domain: Some("contoso.com".into()),
                ..CustomerNeedles::default()
            },
        ] {
            assert!(!one.is_empty());
        }
    }
}
