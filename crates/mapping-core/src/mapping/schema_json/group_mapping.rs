//! The group objectMapping of a schema (Entra's `Group` to `Group`, or to a SCIM app's
//! `urn:ietf:params:scim:schemas:core:2.0:Group`), read from an imported set's envelope, where
//! it is kept whole.

use serde_json::Value as Json;

use super::error::{index_path, ImportError};
use super::row::object_mapping_rows;
use super::user_mapping::is_group_object_name;
use crate::mapping::objects::{GroupMapping, ObjectActions};

/// The first group objectMapping of the schema, or `None` when it has none. A group mapping that
/// cannot be read is an [`ImportError`] with its path.
pub fn group_mapping(schema: &Json) -> Option<Result<GroupMapping, ImportError>> {
    let rules = schema.get("synchronizationRules")?.as_array()?;
    rules.iter().enumerate().find_map(|(r, rule)| {
        let mappings = rule.get("objectMappings")?.as_array()?;
        mappings.iter().enumerate().find_map(|(m, om)| {
            let om = om.as_object()?;
            let name = |key: &str| om.get(key).and_then(Json::as_str).unwrap_or("");
            let is_group = name("sourceObjectName").eq_ignore_ascii_case("Group")
                && is_group_object_name(name("targetObjectName"));
            if !is_group {
                return None;
            }
            let path = format!(
                "{}.objectMappings[{m}]",
                index_path("synchronizationRules", r)
            );
            Some(read(om, name("targetObjectName"), path))
        })
    })
}

fn read(
    om: &serde_json::Map<String, Json>,
    target: &str,
    path: String,
) -> Result<GroupMapping, ImportError> {
    let actions = match om.get("flowTypes") {
        None | Some(Json::Null) => ObjectActions::default(),
        Some(Json::String(text)) => ObjectActions::parse(text)
            .map_err(|e| ImportError::new(&format!("{path}.flowTypes"), e.to_string()))?,
        Some(other) => {
            return Err(super::error::expected(
                &format!("{path}.flowTypes"),
                "a string such as \"Add, Update, Delete\"",
                other,
            ))
        }
    };
    Ok(GroupMapping {
        enabled: om.get("enabled").and_then(Json::as_bool).unwrap_or(true),
        actions,
        target_object_name: target.to_string(),
        mappings: object_mapping_rows(om, &path)?,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::schema_json::test_support::{attr, row, schema, user_mapping};
    use serde_json::json;

    #[test]
    fn finds_the_group_mapping_by_either_name() {
        for target in ["Group", "urn:ietf:params:scim:schemas:core:2.0:Group"] {
            let groups = json!({
                "attributeMappings": [row(attr("displayName"))],
                "enabled": true,
                "flowTypes": "Update",
                "sourceObjectName": "Group",
                "targetObjectName": target
            });
            let doc = schema(json!([{ "objectMappings": [user_mapping(json!([])), groups] }]));
            let g = group_mapping(&doc).unwrap().unwrap();
            assert_eq!(g.target_object_name, target);
            assert_eq!(g.actions.to_flow_types(), "Update");
            assert_eq!(g.mappings.len(), 1);
            assert_eq!(g.path, "synchronizationRules[0].objectMappings[1]");
        }
        let doc = schema(json!([{ "objectMappings": [user_mapping(json!([]))] }]));
        assert!(group_mapping(&doc).is_none());
    }

    #[test]
    fn bad_flow_types_are_errors_with_a_path() {
        let groups = json!({ "attributeMappings": [], "flowTypes": "Add, Sync", "sourceObjectName": "Group", "targetObjectName": "Group" });
        let doc = schema(json!([{ "objectMappings": [groups] }]));
        let e = group_mapping(&doc).unwrap().unwrap_err();
        assert_eq!(
            e.path,
            "synchronizationRules[0].objectMappings[0].flowTypes"
        );
        assert!(e.message.contains("`Sync`"));
    }
}
