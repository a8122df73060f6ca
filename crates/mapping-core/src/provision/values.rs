//! Turns a row's value into the JSON Genesys receives, by target type: booleans, references
//! (the manager, resolved to a Genesys id), lists, strings.

use crate::expr::Value;
use crate::finding::{Field, Finding, FindingCode};
use crate::genesys::targets::{self, TargetType};
use crate::scim::path::TargetPath;
use serde_json::Value as Json;
use std::collections::BTreeMap;

/// Entra object ids (or user principal names) of users already provisioned, with their Genesys
/// user ids: how a reference such as the manager is resolved.
pub type ProvisionedUsers = BTreeMap<String, String>;

/// Converts a flowing value for `path`; `None` means the value is not sent (with a finding).
pub fn wire_value(
    row: usize,
    path: &TargetPath,
    value: &Value,
    provisioned: &ProvisionedUsers,
    findings: &mut Vec<Finding>,
) -> Option<Json> {
    let kind = targets::lookup(path).map(|t| t.kind);
    match (kind, value) {
        (_, Value::Null | Value::Ignore) => None,
        (Some(TargetType::Boolean), Value::Str(s)) => Some(boolean(row, path, s, findings)),
        (Some(TargetType::Reference), Value::Str(id)) => {
            reference(row, path, id, provisioned, findings)
        }
        (_, Value::Str(s)) => Some(Json::String(s.clone())),
        (Some(TargetType::Complex), Value::List(items)) => Some(
            items
                .iter()
                .map(|v| serde_json::json!({ "value": v }))
                .collect(),
        ),
        (_, Value::List(items)) => {
            findings.push(
                Finding::warning(
                    FindingCode::MultiValuedIntoSingle,
                    format!("{} gets {} values but holds one: Entra sends them as a list and Genesys is likely to reject it", path, items.len()),
                )
                .at(row, Field::Source)
                .help("pick one value with Item(), or combine them with Join()"),
            );
            Some(items.iter().cloned().map(Json::String).collect())
        }
    }
}

/// `"True"` / `"False"` (any case) become JSON booleans; anything else is sent as text, which
/// Genesys rejects for a Boolean attribute.
fn boolean(row: usize, path: &TargetPath, text: &str, findings: &mut Vec<Finding>) -> Json {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" => Json::Bool(true),
        "false" => Json::Bool(false),
        _ => {
            findings.push(
                Finding::error(FindingCode::BooleanTarget, format!("{path} is a Boolean but the mapping gives {text:?}; Genesys rejects it"))
                    .at(row, Field::Source)
                    .help("produce \"True\" or \"False\", e.g. Not([IsSoftDeleted]) or Switch([x], \"False\", \"yes\", \"True\")"),
            );
            Json::String(text.to_string())
        }
    }
}

/// A reference is sent as the referenced user's Genesys id, and only once that user exists
/// there.
fn reference(
    row: usize,
    path: &TargetPath,
    id: &str,
    provisioned: &ProvisionedUsers,
    findings: &mut Vec<Finding>,
) -> Option<Json> {
    match provisioned.get(id) {
        Some(genesys_id) => Some(Json::String(genesys_id.clone())),
        None => {
            findings.push(
                Finding::warning(
                    FindingCode::ManagerNotProvisioned,
                    format!("{path} refers to {id}, who is not known to be provisioned in Genesys: Entra sends the reference only once that user exists there, as their Genesys id"),
                )
                .at(row, Field::Source)
                .help("provision the manager too (assign them to the app), or list their Genesys id as already provisioned"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn convert(
        path: &str,
        value: Value,
        provisioned: &ProvisionedUsers,
    ) -> (Option<Json>, Vec<Finding>) {
        let mut findings = Vec::new();
        let v = wire_value(
            0,
            &TargetPath::parse(path).unwrap(),
            &value,
            provisioned,
            &mut findings,
        );
        (v, findings)
    }

    #[test]
    fn booleans() {
        let none = ProvisionedUsers::new();
        assert_eq!(
            convert("active", Value::str("True"), &none).0,
            Some(json!(true))
        );
        assert_eq!(
            convert("active", Value::str("false"), &none).0,
            Some(json!(false))
        );
        let (v, f) = convert("active", Value::str("yes"), &none);
        assert_eq!(v, Some(json!("yes")));
        assert_eq!(f[0].code, FindingCode::BooleanTarget);
    }

    #[test]
    fn references_resolve_or_wait() {
        let path = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager";
        let mut known = ProvisionedUsers::new();
        known.insert("m-1".into(), "g-77".into());
        assert_eq!(
            convert(path, Value::str("m-1"), &known).0,
            Some(json!("g-77"))
        );
        let (v, f) = convert(path, Value::str("m-2"), &known);
        assert_eq!(v, None);
        assert_eq!(f[0].code, FindingCode::ManagerNotProvisioned);
    }

    #[test]
    fn strings_and_lists() {
        let none = ProvisionedUsers::new();
        assert_eq!(
            convert("title", Value::str("Agent"), &none).0,
            Some(json!("Agent"))
        );
        assert_eq!(convert("title", Value::Null, &none).0, None);
        let (v, f) = convert("title", Value::List(vec!["a".into(), "b".into()]), &none);
        assert_eq!(v, Some(json!(["a", "b"])));
        assert_eq!(f[0].code, FindingCode::MultiValuedIntoSingle);
        assert_eq!(
            convert("roles", Value::List(vec!["Agent".into()]), &none).0,
            Some(json!([{"value": "Agent"}]))
        );
    }
}
