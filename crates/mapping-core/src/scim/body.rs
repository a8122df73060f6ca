//! Builds a SCIM resource body from (target path, value) pairs the way Entra does: attributes in
//! mapping order, extension attributes under their schema URN, multi-valued complex attributes
//! grouped into one element per filter value (`phoneNumbers[type eq "work"].value` →
//! `{"type": "work", "value": …}`), `schemas` naming the schemas in use, and `meta.resourceType`.

use super::path::{TargetPath, CORE_USER};
use serde_json::{Map, Value as Json};

/// One value to write at one path.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub path: TargetPath,
    pub value: Json,
}

/// The `POST /Users` body for these assignments.
pub fn user_body(assignments: &[Assignment]) -> Json {
    let mut schemas = vec![CORE_USER.to_string()];
    let mut attributes = Map::new();
    for a in assignments {
        let container = match &a.path.schema {
            Some(urn) if a.path.is_extension() => {
                if !schemas.iter().any(|s| s.eq_ignore_ascii_case(urn)) {
                    schemas.push(urn.clone());
                }
                object_at(&mut attributes, urn)
            }
            _ => &mut attributes,
        };
        place(container, &a.path, a.value.clone());
    }
    let mut body = Map::new();
    body.insert(
        "schemas".into(),
        schemas.into_iter().map(Json::String).collect(),
    );
    body.extend(attributes);
    body.insert("meta".into(), serde_json::json!({ "resourceType": "User" }));
    Json::Object(body)
}

/// The object under `key`, created (or replacing a non-object) as needed.
fn object_at<'m>(map: &'m mut Map<String, Json>, key: &str) -> &'m mut Map<String, Json> {
    let slot = map
        .entry(key.to_string())
        .or_insert_with(|| Json::Object(Map::new()));
    if !slot.is_object() {
        *slot = Json::Object(Map::new());
    }
    match slot {
        Json::Object(m) => m,
        _ => unreachable!("replaced by an object just above"),
    }
}

/// Writes one value into `container` at the path's attribute (and filter / sub-attribute).
fn place(container: &mut Map<String, Json>, path: &TargetPath, value: Json) {
    match (&path.filter, &path.sub_attribute) {
        (None, None) => {
            container.insert(path.attribute.clone(), value);
        }
        (None, Some(sub)) => {
            object_at(container, &path.attribute).insert(sub.clone(), value);
        }
        (Some(filter), sub) => {
            let list = container
                .entry(path.attribute.clone())
                .or_insert_with(|| Json::Array(Vec::new()));
            if !list.is_array() {
                *list = Json::Array(Vec::new());
            }
            let Json::Array(items) = list else { return };
            let existing = items.iter().position(|item| {
                item.get(&filter.attribute).and_then(Json::as_str) == Some(filter.value.as_str())
            });
            let index = existing.unwrap_or_else(|| {
                let mut element = Map::new();
                element.insert(filter.attribute.clone(), Json::String(filter.value.clone()));
                items.push(Json::Object(element));
                items.len() - 1
            });
            if let Some(Json::Object(element)) = items.get_mut(index) {
                element.insert(sub.clone().unwrap_or_else(|| "value".into()), value);
                if is_primary_work_email(path) {
                    element.insert("primary".into(), Json::Bool(true));
                }
            }
        }
    }
}

/// Entra marks the work email it sends as primary (as in Microsoft's own create-user sample).
fn is_primary_work_email(path: &TargetPath) -> bool {
    path.attribute.eq_ignore_ascii_case("emails")
        && path.filter.as_ref().is_some_and(|f| {
            f.attribute.eq_ignore_ascii_case("type") && f.value.eq_ignore_ascii_case("work")
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scim::path::{ENTERPRISE_USER, GENESYS_USER};
    use serde_json::json;

    fn a(path: &str, value: Json) -> Assignment {
        Assignment {
            path: TargetPath::parse(path).unwrap(),
            value,
        }
    }

    #[test]
    fn groups_elements_and_extensions() {
        let body = user_body(&[
            a("userName", json!("a@b.com")),
            a("active", json!(true)),
            a("phoneNumbers[type eq \"work\"].value", json!("+1")),
            a("emails[type eq \"work\"].value", json!("a@b.com")),
            a("phoneNumbers[type eq \"mobile\"].value", json!("+2")),
            a("phoneNumbers[type eq \"work\"].primary", json!(true)),
            a(&format!("{ENTERPRISE_USER}:department"), json!("Retail")),
            a(
                &format!("{GENESYS_USER}:externalIds[authority eq \"microsoftteams\"].value"),
                json!("oid"),
            ),
            a("name.givenName", json!("Adele")),
        ]);
        assert_eq!(
            body,
            json!({
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE_USER, GENESYS_USER],
                "userName": "a@b.com",
                "active": true,
                "phoneNumbers": [{"type": "work", "value": "+1", "primary": true}, {"type": "mobile", "value": "+2"}],
                "emails": [{"type": "work", "value": "a@b.com", "primary": true}],
                ENTERPRISE_USER: {"department": "Retail"},
                GENESYS_USER: {"externalIds": [{"authority": "microsoftteams", "value": "oid"}]},
                "name": {"givenName": "Adele"},
                "meta": {"resourceType": "User"}
            })
        );
        let keys: Vec<&String> = body.as_object().unwrap().keys().collect();
        assert_eq!(keys.first().map(|k| k.as_str()), Some("schemas"));
        assert_eq!(keys.last().map(|k| k.as_str()), Some("meta"));
    }

    #[test]
    fn manager_as_plain_reference_or_value_sub_attribute() {
        let body = user_body(&[a(&format!("{ENTERPRISE_USER}:manager"), json!("g-1"))]);
        assert_eq!(body[ENTERPRISE_USER]["manager"], json!("g-1"));
        let body = user_body(&[a(&format!("{ENTERPRISE_USER}:manager.value"), json!("g-1"))]);
        assert_eq!(body[ENTERPRISE_USER]["manager"], json!({"value": "g-1"}));
    }

    #[test]
    fn empty_body_still_names_the_core_schema() {
        assert_eq!(
            user_body(&[]),
            json!({"schemas": [CORE_USER], "meta": {"resourceType": "User"}})
        );
    }
}
