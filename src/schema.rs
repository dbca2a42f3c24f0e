//! JSON Schema (draft-07) of each claim kind and of `claimtool.toml`, for
//! editors with TOML schema support (taplo / Even Better TOML), which then
//! complete keys, list enum values and flag errors as the user types.
//!
//! The schema is not written by hand: each kind's decoder is run over an
//! empty table in schema mode ([`Table::describe`]), which records every key
//! it asks for with its type and requiredness. Descriptions come from
//! [`DESCRIPTIONS`]. `docs/schema/` holds the generated files; a test keeps
//! them current.

use serde_json::{Map, Value, json};

use crate::decode::{PropertySchema, SchemaNode, StrEnum, Table};
use crate::model::{Kind, decode_claim};

/// What `claimtool schema` can describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaTarget {
    Claim(Kind),
    /// The workspace configuration, `claimtool.toml`.
    Config,
}

impl SchemaTarget {
    /// Every name `claimtool schema` takes: each registered kind, then
    /// `config`.
    pub fn names() -> Vec<&'static str> {
        crate::kinds::KINDS
            .iter()
            .map(|k| k.kind.as_str())
            .chain(["config"])
            .collect()
    }

    pub fn parse(name: &str) -> Option<SchemaTarget> {
        match name {
            "config" => Some(SchemaTarget::Config),
            other => Kind::parse(other).map(SchemaTarget::Claim),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SchemaTarget::Claim(kind) => kind.as_str(),
            SchemaTarget::Config => "config",
        }
    }

    /// The file name under `docs/schema/`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }
}

/// Field descriptions, by key (`parent.key` where a key means different
/// things in different tables).
pub const DESCRIPTIONS: &[(&str, &str)] = &[
    ("kind", "The claim kind: selects the file format."),
    (
        "claim_name",
        "Claim name*: the name you track the claim by in Partner Center.",
    ),
    (
        "partner_id",
        "Partner location*: YOUR location's PartnerID (PLA, formerly MPN ID), a whole number of 6 to 10 digits; not the global PartnerID.",
    ),
    (
        "solution_area",
        "The solution-area tab of Incentives > Customer claims.",
    ),
    (
        "partner_role",
        "Partner role: use-or-consume for Modern Work and Security and Azure; never partner-activities (that is for partner-led funding).",
    ),
    ("customer_name", "The customer's company name."),
    (
        "customer_tenant_id",
        "Customer tenant ID*: the Entra tenant (directory) ID of the customer's domain.onmicrosoft.com, a GUID.",
    ),
    (
        "customer_domain",
        "The customer's domain (contoso.onmicrosoft.com), without https:// or an email address.",
    ),
    (
        "subscription_id",
        "Business Applications: the customer's Dynamics subscription ID (a GUID).",
    ),
    (
        "workloads",
        "The workloads claimed (CPOR) or evidenced by this document.",
    ),
    (
        "workloads_active",
        "The customer has these workloads deployed and active (required to be true).",
    ),
    (
        "recognition_only",
        "The 'opt out of incentive payment' box: leave false to be paid.",
    ),
    (
        "customer_contact",
        "Contact information: the customer's primary contact.",
    ),
    (
        "partner_contact",
        "Contact information: your own company's contact for this customer.",
    ),
    ("name", "Name."),
    ("email", "Email address (a business address, not webmail)."),
    ("title", "Customer contact work title."),
    ("documents", "Proof of Execution and supporting documents."),
    (
        "path",
        "The file, relative to the claim file's folder (or absolute).",
    ),
    (
        "url",
        "Online evidence (landing page, post) instead of a file.",
    ),
    ("type", "The document type (or the co-op activity type)."),
    ("date", "The date the document carries."),
    ("description", "What the document (or activity) is."),
    (
        "signature",
        "How the customer signed: wet (scanned ink), digital (DocuSign, Adobe Sign), or none.",
    ),
    (
        "signed_on",
        "The date of the customer's signature; required when signed.",
    ),
    (
        "amount",
        "Co-op: the invoice, CSR or receipt amount, summed against the claimed amount.",
    ),
    ("number", "Co-op: the invoice or CSR number."),
    (
        "status",
        "Where the claim stands in Partner Center; deadlines are computed from it.",
    ),
    ("stage", "The claim's stage in Partner Center."),
    ("since", "The day the claim entered this stage."),
    (
        "consent_requested_on",
        "The day customer consent was requested (the claim is created then).",
    ),
    (
        "consent_received_on",
        "The day the customer gave consent; expiry is counted from it.",
    ),
    (
        "program",
        "Co-op: the program, Microsoft Commerce Incentives.",
    ),
    (
        "fund_category",
        "Co-op: the fund category, Cloud Solution Provider.",
    ),
    ("funding_pool", "Co-op: the funding pool."),
    (
        "usage_period",
        "Co-op: the Microsoft fiscal half-year the funds belong to, FYnn-H1 or FYnn-H2.",
    ),
    (
        "currency",
        "ISO 4217 currency code, upper case (AUD, USD, JPY).",
    ),
    (
        "available_funds",
        "Co-op: what is left in this pool and period.",
    ),
    (
        "submitter_email",
        "Co-op: the submitter's business email address.",
    ),
    (
        "activity",
        "Co-op: the activity claimed (one claim per activity).",
    ),
    ("category", "Co-op: the activity category."),
    ("start_date", "The activity's first day."),
    ("end_date", "The activity's last day."),
    (
        "claimed_amount",
        "Claimed amount: must match the invoices and CSRs.",
    ),
    (
        "partial_claim_reason",
        "Why the claim is below the invoice total (a capped or partial claim).",
    ),
    (
        "pre_approval_id",
        "The pre-approval ID, where the activity type needs one.",
    ),
    (
        "metrics",
        "Activity metrics (co-op) or the metric-level detail of a month (score).",
    ),
    (
        "engagement",
        "Partner-led: the engagement's exact name in the catalogue.",
    ),
    ("customer_id_type", "Partner-led: Customer ID type*."),
    (
        "customer_id",
        "Partner-led: Customer ID*; a domain is test.com, never abc@test.com.",
    ),
    (
        "hours",
        "Partner-led, variable pay: the hours; they cannot be changed later.",
    ),
    (
        "customer_informed_funding_not_guaranteed",
        "The customer was told funding is subject to Microsoft's final approval.",
    ),
    (
        "customer_survey_completed",
        "The customer completed Microsoft's survey.",
    ),
    (
        "partner_survey_completed",
        "You completed the partner survey.",
    ),
    (
        "month",
        "Score: one month of the scoring history (the month key: YYYY-MM).",
    ),
    ("performance", "Score: Performance points."),
    ("skilling", "Score: Skilling points."),
    ("customer_success", "Score: Customer Success points."),
    (
        "csp_revenue_usd",
        "Score: CSP licensing billed in the month, in USD.",
    ),
    (
        "designation",
        "Score: holds the Solutions Partner designation for this area in this month.",
    ),
    ("partner", "Your company."),
    (
        "email_domains",
        "Partner contact emails are checked against these domains.",
    ),
    (
        "locations",
        "Your locations (PartnerIDs); claims must use one of them.",
    ),
    (
        "segments",
        "The location's segments, matched against engagement partner_segments (e.g. isv, gsi).",
    ),
    ("calendar", "Business-day deadlines."),
    (
        "holidays",
        "Public holidays excluded from business-day deadlines.",
    ),
    ("catalog", "The partner-led engagement catalogue."),
    (
        "engagements",
        "A catalogue file replacing the built-in one, relative to claimtool.toml.",
    ),
    (
        "score",
        "Capability score thresholds (Microsoft's figures; they can change).",
    ),
    (
        "threshold_points",
        "Points needed in the 6-month window (25).",
    ),
    (
        "threshold_revenue_usd",
        "Trailing-12-month CSP revenue needed, USD (25,000).",
    ),
    (
        "rules",
        "Severity overrides by rule id: error, warning, info or off.",
    ),
];

fn description(key: &str) -> Option<&'static str> {
    DESCRIPTIONS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, d)| *d)
}

/// The JSON Schema of `target`.
pub fn schema(target: SchemaTarget) -> Value {
    let empty = crate::toml_tree::Map::new();
    let (mut root, node) = Table::describe(&empty);
    let mut ignored = Vec::new();
    match target {
        SchemaTarget::Claim(kind) => {
            root.note_schema(
                "kind",
                true,
                || json!({"type": "string", "const": kind.as_str()}),
            );
            decode_claim(kind, &mut root, &mut ignored);
        }
        SchemaTarget::Config => {
            crate::config::Config::decode(&mut root, &mut ignored, std::path::Path::new("."));
        }
    }
    let title = match target {
        SchemaTarget::Claim(kind) => format!("claimtool {} claim file", kind.as_str()),
        SchemaTarget::Config => "claimtool workspace configuration (claimtool.toml)".to_string(),
    };
    let mut doc = object(&node);
    if let Value::Object(map) = &mut doc {
        let mut head = Map::new();
        head.insert(
            "$schema".into(),
            json!("http://json-schema.org/draft-07/schema#"),
        );
        head.insert(
            "$id".into(),
            json!(format!(
                "https://claimtool.invalid/schema/{}",
                target.file_name()
            )),
        );
        head.insert("title".into(), json!(title));
        head.append(map);
        *map = head;
    }
    doc
}

/// The pretty-printed schema, as committed under `docs/schema/`.
pub fn schema_text(target: SchemaTarget) -> String {
    let mut text = serde_json::to_string_pretty(&schema(target)).unwrap_or_default();
    text.push('\n');
    text
}

fn object(node: &SchemaNode) -> Value {
    let node = node.borrow();
    let mut properties = Map::new();
    for (key, property) in &node.properties {
        let mut value = match property {
            PropertySchema::Value(fragment) => fragment.clone(),
            PropertySchema::Table(child) => object(child),
            PropertySchema::Tables(child) => json!({"type": "array", "items": object(child)}),
        };
        if let (Value::Object(map), Some(text)) = (&mut value, description(key)) {
            map.insert("description".into(), json!(text));
        }
        properties.insert(key.clone(), value);
    }
    let mut schema = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !node.required.is_empty() {
        schema["required"] = json!(node.required);
    }
    schema
}

/// A TOML document as JSON (dates become `YYYY-MM-DD` strings), the shape
/// the schema describes.
pub fn toml_to_json(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => json!(s),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => json!(b),
        toml::Value::Datetime(d) => json!(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpor_schema_lists_fields_enums_and_requirements() {
        let s = schema(SchemaTarget::Claim(Kind::Cpor));
        assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(s["properties"]["kind"]["const"], "cpor");
        let roles = s["properties"]["partner_role"]["enum"].as_array().unwrap();
        assert!(roles.contains(&json!("use-or-consume")));
        let required = s["required"].as_array().unwrap();
        assert!(required.contains(&json!("customer_tenant_id")));
        assert!(!required.contains(&json!("customer_domain")));
        let doc = &s["properties"]["documents"]["items"];
        assert_eq!(doc["properties"]["signed_on"]["format"], "date");
        assert_eq!(doc["additionalProperties"], false);
        assert!(s["properties"]["customer_tenant_id"]["description"].is_string());
    }

    #[test]
    fn config_schema_has_rules_and_holidays() {
        let s = schema(SchemaTarget::Config);
        assert!(s["properties"]["rules"]["propertyNames"]["enum"].is_array());
        assert_eq!(
            s["properties"]["calendar"]["properties"]["holidays"]["items"]["format"],
            "date"
        );
        assert!(s.get("required").is_none());
    }
}
