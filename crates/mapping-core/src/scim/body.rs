//! Builds a SCIM resource body from (target path, value) pairs the way Entra does: attributes in
//! mapping order, extension attributes under their schema URN, multi-valued complex attributes
//! grouped into one element per filter value (`phoneNumbers[type eq "work"].value` →
//! `{"type": "work", "value": …}`), `schemas` naming the schemas Entra's client names, and
//! `meta.resourceType`.
//!
//! `schemas` lists the core User schema and, when used, the enterprise extension — never a
//! custom extension: Microsoft's attribute-mapping tutorial shows a create whose custom
//! extension URN is absent from `schemas`, because Entra's SCIM client does not send it. Genesys
//! Cloud's own extension (`urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User`)
//! is such a custom extension for Entra, so its attributes are sent under their URN key but the
//! URN is not listed ([`listed_in_schemas`]).

use super::path::{TargetPath, ValueFilter, CORE_USER, ENTERPRISE_USER};
use super::roles::ROLE_TYPE;
use serde_json::{Map, Value as Json};

/// One value to write at one path.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// Where the value goes.
    pub path: TargetPath,
    /// The value exactly as it is to appear in the body (a string, a boolean, an array…).
    pub value: Json,
}

/// The `POST /Users` body for these assignments.
pub fn user_body(assignments: &[Assignment]) -> Json {
    let mut schemas = vec![CORE_USER.to_string()];
    let mut attributes = Map::new();
    for a in assignments {
        let container = match &a.path.schema {
            Some(urn) if a.path.is_extension() => {
                if listed_in_schemas(urn) && !schemas.iter().any(|s| s.eq_ignore_ascii_case(urn)) {
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

/// Whether Entra's client names `urn` in `schemas`: the enterprise extension only (custom
/// extensions, Genesys's included, are not named).
pub fn listed_in_schemas(urn: &str) -> bool {
    urn.eq_ignore_ascii_case(ENTERPRISE_USER)
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
            let wanted = filter_value(filter);
            let existing = items
                .iter()
                .position(|item| item.get(&filter.attribute) == Some(&wanted));
            let index = existing.unwrap_or_else(|| {
                let mut element = Map::new();
                element.insert(filter.attribute.clone(), filter_value(filter));
                if is_primary_role(path) {
                    element.insert("type".into(), Json::String(ROLE_TYPE.into()));
                }
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

/// The filter's value as the element holds it: `primary` is a SCIM Boolean, so
/// `[primary eq "True"]` makes `"primary": true`; other filter values are strings.
fn filter_value(filter: &ValueFilter) -> Json {
    let boolean = filter.attribute.eq_ignore_ascii_case("primary");
    match filter.value.to_ascii_lowercase().as_str() {
        "true" if boolean => Json::Bool(true),
        "false" if boolean => Json::Bool(false),
        _ => Json::String(filter.value.clone()),
    }
}

/// `roles[primary eq "True"]`, the target of `SingleAppRoleAssignment`: Entra adds the role's
/// `type`, as Microsoft's tutorial shows.
fn is_primary_role(path: &TargetPath) -> bool {
    path.attribute.eq_ignore_ascii_case("roles")
        && path
            .filter
            .as_ref()
            .is_some_and(|f| f.attribute.eq_ignore_ascii_case("primary"))
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
    use crate::scim::path::GENESYS_USER;
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
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE_USER],
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
        assert!(
            !body["schemas"].to_string().contains("genesys"),
            "a custom extension's URN is not listed"
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
    fn single_role_as_microsoft_shows_it() {
        let body = user_body(&[a("roles[primary eq \"True\"].value", json!("Admin"))]);
        assert_eq!(
            serde_json::to_string(&body["roles"]).unwrap(),
            r#"[{"primary":true,"type":"WindowsAzureActiveDirectoryRole","value":"Admin"}]"#
        );
        let body = user_body(&[
            a("roles[primary eq \"True\"].value", json!("Admin")),
            a("roles[primary eq \"True\"].display", json!("Admin role")),
        ]);
        assert_eq!(body["roles"].as_array().map(Vec::len), Some(1));
        assert_eq!(body["roles"][0]["display"], "Admin role");
    }

    #[test]
    fn empty_body_still_names_the_core_schema() {
        assert_eq!(
            user_body(&[]),
            json!({"schemas": [CORE_USER], "meta": {"resourceType": "User"}})
        );
    }
}
