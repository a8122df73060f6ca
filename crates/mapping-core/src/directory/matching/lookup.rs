//! Reading a value out of a Genesys SCIM user at a mapping's target path, and comparing it with
//! the value Entra would send.

use crate::scim::path::TargetPath;
use serde_json::Value as Json;

/// The JSON at `path` in a SCIM user (`None` when absent or null).
pub fn value_at<'a>(user: &'a Json, path: &TargetPath) -> Option<&'a Json> {
    let container = match &path.schema {
        Some(urn) if !urn.eq_ignore_ascii_case(crate::scim::path::CORE_USER) => get(user, urn)?,
        _ => user,
    };
    let mut value = get(container, &path.attribute)?;
    if let Some(filter) = &path.filter {
        value = value.as_array()?.iter().find(|item| {
            get(item, &filter.attribute)
                .and_then(Json::as_str)
                .is_some_and(|v| v.eq_ignore_ascii_case(&filter.value))
        })?;
    }
    if let Some(sub) = &path.sub_attribute {
        value = get(value, sub)?;
    }
    (!value.is_null()).then_some(value)
}

/// A property by name, ignoring case (SCIM attribute names are case-insensitive).
fn get<'a>(object: &'a Json, name: &str) -> Option<&'a Json> {
    let map = object.as_object()?;
    map.get(name).or_else(|| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    })
}

/// Whether Genesys already holds `sent`: strings compare exactly (ignoring case for
/// `case_insensitive` attributes such as userName), booleans ignoring case, lists item by item.
pub fn same(sent: &Json, held: &Json, case_insensitive: bool) -> bool {
    match (sent, held) {
        (Json::String(a), Json::Bool(b)) => {
            a.eq_ignore_ascii_case(if *b { "true" } else { "false" })
        }
        (Json::String(a), Json::String(b)) if case_insensitive => a.eq_ignore_ascii_case(b),
        (Json::String(a), Json::String(b)) => a == b,
        (Json::String(a), Json::Number(n)) => *a == n.to_string(),
        (Json::String(a), Json::Object(o)) => o
            .get("value")
            .is_some_and(|v| same(sent, v, case_insensitive) || v.as_str() == Some(a)),
        (Json::Array(a), Json::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y, case_insensitive))
        }
        (a, b) => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn path(p: &str) -> TargetPath {
        TargetPath::parse(p).unwrap()
    }

    #[test]
    fn reads_core_filtered_and_extension_values() {
        let u = json!({
            "userName": "a@x", "Title": "Agent",
            "phoneNumbers": [{"type": "mobile", "value": "+1"}, {"type": "work", "value": "+2"}],
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Ops", "manager": {"value": "g-1"}}
        });
        assert_eq!(value_at(&u, &path("title")), Some(&json!("Agent")));
        assert_eq!(
            value_at(&u, &path("phoneNumbers[type eq \"work\"].value")),
            Some(&json!("+2"))
        );
        assert_eq!(
            value_at(
                &u,
                &path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")
            ),
            Some(&json!("Ops"))
        );
        assert_eq!(value_at(&u, &path("name.givenName")), None);
    }

    #[test]
    fn comparisons() {
        assert!(same(&json!("True"), &json!(true), false));
        assert!(!same(&json!("False"), &json!(true), false));
        assert!(same(&json!("A@X"), &json!("a@x"), true));
        assert!(!same(&json!("A@X"), &json!("a@x"), false));
    }
}
