//! A claim's values as `claim.json` writes them: normalised, without spans,
//! `null` where the claim file has no (readable) value. Each kind's model
//! has a `to_json` built from these, beside its `decode`.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::decode::{Sp, StrEnum};
use crate::model::Contact;

pub(crate) fn string(v: &Option<Sp<String>>) -> Value {
    json!(v.as_ref().map(|s| &s.value))
}

pub(crate) fn enumeration<E: StrEnum>(v: &Option<Sp<E>>) -> Value {
    json!(v.as_ref().map(|s| s.value.as_str()))
}

pub(crate) fn boolean(v: &Option<Sp<bool>>) -> Value {
    json!(v.as_ref().map(|s| s.value))
}

pub(crate) fn date(v: &Option<Sp<NaiveDate>>) -> Value {
    json!(v.as_ref().map(|s| s.value.to_string()))
}

/// A contact table: name, email, title.
pub(crate) fn contact(c: &Option<Contact>) -> Value {
    json!(c.as_ref().map(|c| json!({
        "name": string(&c.name),
        "email": string(&c.email),
        "title": string(&c.title),
    })))
}
