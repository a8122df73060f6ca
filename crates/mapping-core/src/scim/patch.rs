//! `PATCH /Users/{id}` bodies in Entra's two dialects.
//!
//! * [`Dialect::Default`] — what Entra sends unless told otherwise: capitalised ops (`Add`,
//!   `Replace`), one operation per attribute, and every value as the string the mapping produced
//!   (so `active` is `"False"`, not `false`).
//! * [`Dialect::AadOptscim062020`] — with the `aadOptscim062020` flag on the Tenant URL:
//!   lower-case ops, booleans as JSON booleans, and the replaced attributes without a value filter
//!   grouped into one path-less `replace` whose value object has the paths as keys.
//!
//! `Add` is used for an attribute the target had no value for, `Replace` otherwise.

use super::path::TargetPath;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value as Json};

pub const PATCH_OP_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Dialect {
    #[default]
    #[serde(rename = "default")]
    Default,
    #[serde(rename = "aadOptscim062020")]
    AadOptscim062020,
}

impl Dialect {
    pub fn parse(text: &str) -> Option<Dialect> {
        match text.trim().to_ascii_lowercase().as_str() {
            "default" => Some(Dialect::Default),
            "aadoptscim062020" => Some(Dialect::AadOptscim062020),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Default => "default",
            Dialect::AadOptscim062020 => "aadOptscim062020",
        }
    }

    fn op(self, add: bool) -> &'static str {
        match (self, add) {
            (Dialect::Default, true) => "Add",
            (Dialect::Default, false) => "Replace",
            (Dialect::AadOptscim062020, true) => "add",
            (Dialect::AadOptscim062020, false) => "replace",
        }
    }
}

/// One attribute whose value changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub path: TargetPath,
    /// The target had no value before (so the op is `Add`).
    pub was_empty: bool,
    /// The value as the mapping produced it (a string, or a list of strings).
    pub value: Json,
    /// The target is a Boolean: the SCIM-compliant dialect sends a JSON boolean.
    pub boolean: bool,
}

impl Change {
    fn wire_value(&self, dialect: Dialect) -> Json {
        match (&self.value, dialect, self.boolean) {
            (Json::String(s), Dialect::AadOptscim062020, true)
                if s.eq_ignore_ascii_case("true") =>
            {
                Json::Bool(true)
            }
            (Json::String(s), Dialect::AadOptscim062020, true)
                if s.eq_ignore_ascii_case("false") =>
            {
                Json::Bool(false)
            }
            (v, _, _) => v.clone(),
        }
    }
}

/// The PATCH body for these changes, or `None` when nothing changes (Entra sends no request).
pub fn patch_body(changes: &[Change], dialect: Dialect) -> Option<Json> {
    if changes.is_empty() {
        return None;
    }
    let mut operations = Vec::new();
    let mut grouped = Map::new();
    let groupable = |c: &Change| {
        dialect == Dialect::AadOptscim062020 && !c.was_empty && c.path.filter.is_none()
    };
    let group_count = changes.iter().filter(|c| groupable(c)).count();
    for change in changes {
        if group_count > 1 && groupable(change) {
            grouped.insert(change.path.to_patch_path(), change.wire_value(dialect));
            continue;
        }
        operations.push(json!({
            "op": dialect.op(change.was_empty),
            "path": change.path.to_patch_path(),
            "value": change.wire_value(dialect),
        }));
    }
    if !grouped.is_empty() {
        operations.push(json!({ "op": "replace", "value": Json::Object(grouped) }));
    }
    Some(json!({ "schemas": [PATCH_OP_SCHEMA], "Operations": operations }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(path: &str, was_empty: bool, value: Json, boolean: bool) -> Change {
        Change {
            path: TargetPath::parse(path).unwrap(),
            was_empty,
            value,
            boolean,
        }
    }

    #[test]
    fn default_dialect_one_op_each_with_strings() {
        let body = patch_body(
            &[
                change("active", false, json!("False"), true),
                change("title", true, json!("Lead"), false),
                change("emails[type eq 'work'].value", false, json!("n@x"), false),
            ],
            Dialect::Default,
        )
        .unwrap();
        assert_eq!(
            body,
            json!({"schemas": [PATCH_OP_SCHEMA], "Operations": [
                {"op": "Replace", "path": "active", "value": "False"},
                {"op": "Add", "path": "title", "value": "Lead"},
                {"op": "Replace", "path": "emails[type eq \"work\"].value", "value": "n@x"}
            ]})
        );
    }

    #[test]
    fn compliant_dialect_groups_replaces_and_uses_booleans() {
        let body = patch_body(
            &[
                change("displayName", false, json!("Pat"), false),
                change("emails[type eq \"work\"].value", false, json!("n@x"), false),
                change(
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                    false,
                    json!("Ops"),
                    false,
                ),
                change("title", true, json!("Lead"), false),
            ],
            Dialect::AadOptscim062020,
        )
        .unwrap();
        assert_eq!(
            body["Operations"],
            json!([
                {"op": "replace", "path": "emails[type eq \"work\"].value", "value": "n@x"},
                {"op": "add", "path": "title", "value": "Lead"},
                {"op": "replace", "value": {
                    "displayName": "Pat",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department": "Ops"
                }}
            ])
        );
    }

    #[test]
    fn compliant_disable_keeps_its_path() {
        let body = patch_body(
            &[change("active", false, json!("False"), true)],
            Dialect::AadOptscim062020,
        )
        .unwrap();
        assert_eq!(
            body["Operations"],
            json!([{"op": "replace", "path": "active", "value": false}])
        );
    }

    #[test]
    fn nothing_to_change_sends_nothing() {
        assert_eq!(patch_body(&[], Dialect::Default), None);
        assert_eq!(
            Dialect::parse("AADOPTSCIM062020"),
            Some(Dialect::AadOptscim062020)
        );
        assert_eq!(Dialect::parse("x"), None);
    }
}
