//! `PATCH /Users/{id}` bodies in Entra's two dialects.
//!
//! * [`Dialect::Default`] — what Entra sends unless told otherwise: capitalised ops (`Add`,
//!   `Replace`), one operation per attribute, and every value as the string the mapping produced
//!   (so `active` is `"False"`, not `false`).
//! * [`Dialect::AadOptscim062020`] — with the `aadOptscim062020` flag on the Tenant URL. The flag
//!   changes only the four requests Microsoft's SCIM-compatibility article lists; every other
//!   request is the same as without it:
//!   1. *disabling a user*: `{"op": "replace", "path": "active", "value": false}` (lower-case
//!      op, a JSON boolean);
//!   2. *adding a single-value string attribute*: the op is `add`;
//!   3. *replacing multiple attributes* (two or more `Replace`s in one request): lower-case
//!      `replace`, and the attributes without a value filter grouped into one path-less
//!      `replace` whose value object has the paths as keys (filtered paths keep their own op);
//!   4. *removing a group member* (see [`crate::provision::groups`]): a `remove` whose path
//!      filters the member, with no value.
//!
//!   So, under the flag, a request replacing one attribute (other than the disable), adding a
//!   multi-valued value (roles), enabling a user or adding a group member is sent exactly as
//!   without it.
//!
//! `Add` is used for an attribute the target had no value for, `Replace` otherwise.

use super::path::TargetPath;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value as Json};

/// The URN every SCIM `PATCH` body lists in its `schemas` (RFC 7644 §3.5.2).
pub const PATCH_OP_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/// Which of Entra's two ways of writing `PATCH` bodies to use (see the module docs); written
/// `default` or `aadOptscim062020`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Dialect {
    /// Entra's behaviour without the flag: `Add`/`Replace`, every value a string.
    #[default]
    #[serde(rename = "default")]
    Default,
    /// Entra's behaviour with `aadOptscim062020` on the Tenant URL: the four SCIM-compliant
    /// rewrites.
    #[serde(rename = "aadOptscim062020")]
    AadOptscim062020,
}

impl Dialect {
    /// The dialect named `text` (`default` or `aadOptscim062020`, any case, surrounding
    /// whitespace ignored); `None` for anything else.
    pub fn parse(text: &str) -> Option<Dialect> {
        match text.trim().to_ascii_lowercase().as_str() {
            "default" => Some(Dialect::Default),
            "aadoptscim062020" => Some(Dialect::AadOptscim062020),
            _ => None,
        }
    }

    /// The dialect's name, as [`Dialect::parse`] and serde read it.
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Default => "default",
            Dialect::AadOptscim062020 => "aadOptscim062020",
        }
    }
}

/// The op name: lower case when the flag's rewrite applies to this request (`listed`).
fn op(add: bool, listed: bool) -> &'static str {
    match (add, listed) {
        (true, false) => "Add",
        (false, false) => "Replace",
        (true, true) => "add",
        (false, true) => "replace",
    }
}

/// One attribute whose value changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The target attribute that changes.
    pub path: TargetPath,
    /// The target had no value before (so the op is `Add`).
    pub was_empty: bool,
    /// The value as the mapping produced it (a string, or a list of strings).
    pub value: Json,
    /// The target is a Boolean: the SCIM-compliant dialect sends a JSON boolean.
    pub boolean: bool,
}

impl Change {
    /// The change that disables the user: the Boolean `active` becoming false.
    fn is_disable(&self) -> bool {
        self.boolean
            && self.path.attribute.eq_ignore_ascii_case("active")
            && !self.path.is_extension()
            && self.path.filter.is_none()
            && self.path.sub_attribute.is_none()
            && self
                .value
                .as_str()
                .is_some_and(|s| s.trim().eq_ignore_ascii_case("false"))
    }
}

/// The PATCH body for these changes, or `None` when nothing changes (Entra sends no request).
pub fn patch_body(changes: &[Change], dialect: Dialect) -> Option<Json> {
    if changes.is_empty() {
        return None;
    }
    let flag = dialect == Dialect::AadOptscim062020;
    let replace_count = changes.iter().filter(|c| !c.was_empty).count();
    let multi_replace = flag && replace_count >= 2;
    let mut operations = Vec::new();
    let mut grouped = Map::new();
    for change in changes {
        let path = change.path.to_patch_path();
        if change.was_empty {
            let listed = flag && change.value.is_string();
            operations.push(json!({ "op": op(true, listed), "path": path, "value": change.value }));
            continue;
        }
        let disable = flag && change.is_disable();
        if multi_replace && !disable && change.path.filter.is_none() {
            grouped.insert(path, change.value.clone());
            continue;
        }
        let value = if disable {
            Json::Bool(false)
        } else {
            change.value.clone()
        };
        operations.push(json!({
            "op": op(false, multi_replace || disable),
            "path": path,
            "value": value,
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
    fn flag_listed_case_add_single_value_string() {
        let body = patch_body(
            &[change("nickName", true, json!("Babs"), false)],
            Dialect::AadOptscim062020,
        )
        .unwrap();
        assert_eq!(
            body["Operations"],
            json!([{"op": "add", "path": "nickName", "value": "Babs"}])
        );
    }

    #[test]
    fn flag_listed_case_replace_multiple_attributes_as_microsoft_shows() {
        let changes = [
            change("emails[type eq \"work\"].value", false, json!("T@x"), false),
            change("displayName", false, json!("Bjfe"), false),
            change("name.givenName", false, json!("Kkom"), false),
            change("name.familyName", false, json!("Unua"), false),
            change(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                false,
                json!("Aklq"),
                false,
            ),
        ];
        let body = patch_body(&changes, Dialect::AadOptscim062020).unwrap();
        assert_eq!(
            body["Operations"],
            json!([
                {"op": "replace", "path": "emails[type eq \"work\"].value", "value": "T@x"},
                {"op": "replace", "value": {
                    "displayName": "Bjfe",
                    "name.givenName": "Kkom",
                    "name.familyName": "Unua",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "Aklq"
                }}
            ])
        );
        let default = patch_body(&changes, Dialect::Default).unwrap();
        assert_eq!(default["Operations"].as_array().map(Vec::len), Some(5));
        assert!(default["Operations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["op"] == "Replace" && o.get("path").is_some()));
    }

    /// Requests the compatibility article does not list are the same with and without the flag.
    #[test]
    fn flag_leaves_unlisted_requests_alone() {
        let unlisted: Vec<Vec<Change>> = vec![
            // one replaced attribute
            vec![change("title", false, json!("Lead"), false)],
            // enabling a user: a Boolean replace that is not a disable
            vec![change("active", false, json!("True"), true)],
            // adding a multi-valued value (roles)
            vec![change("roles", true, json!([{"value": "x"}]), false)],
            // a Boolean other than active
            vec![change(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:flag",
                false,
                json!("False"),
                true,
            )],
        ];
        for changes in unlisted {
            assert_eq!(
                patch_body(&changes, Dialect::AadOptscim062020),
                patch_body(&changes, Dialect::Default),
                "{changes:?}"
            );
        }
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
