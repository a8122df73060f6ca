//! One attributeMapping row, read into an [`AttributeMapping`] and written back in Graph's form.
//! The row's `source` is the business of the `source` module.

use std::fmt;

use serde_json::{Map, Value as Json};

use super::error::{expected, index_path, key_path, ImportError};
use super::fields::{array_field, choice_field, str_field, Object};
use super::source::{export_source, import_source};
use crate::mapping::model::{AttributeMapping, FlowType};

/// The row properties [`AttributeMapping`] has fields for; everything else is `extra`.
const ROW_FIELDS: &[&str] = &[
    "defaultValue",
    "flowType",
    "matchingPriority",
    "source",
    "targetAttributeName",
];

const DEFAULT_FLOW_BEHAVIOR: &str = "FlowWhenChanged";

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

/// The rows of an objectMapping at `path` (`""` when the objectMapping is the document).
pub(super) fn object_mapping_rows(
    object_mapping: &Object,
    path: &str,
) -> Result<Vec<AttributeMapping>, ImportError> {
    let rows = array_field(object_mapping, "attributeMappings", path)?;
    import_rows(rows, &key_path(path, "attributeMappings"))
}

pub(super) fn import_rows(rows: &[Json], path: &str) -> Result<Vec<AttributeMapping>, ImportError> {
    rows.iter()
        .enumerate()
        .map(|(i, row)| import_row(row, &index_path(path, i)))
        .collect()
}

fn import_row(row: &Json, path: &str) -> Result<AttributeMapping, ImportError> {
    let row = row.as_object().ok_or_else(|| {
        expected(
            path,
            "an attributeMapping object (with `targetAttributeName` and `source`)",
            row,
        )
    })?;
    let target = target_name(row, path)?;
    let (kind, source) = import_source(row, path)?;
    Ok(AttributeMapping {
        target,
        kind,
        source,
        default_value: default_value(row, path)?,
        flow_type: flow_type(row, path)?,
        matching_priority: matching_priority(row, path)?,
        enabled: true,
        extra: extra_properties(row),
    })
}

fn target_name(row: &Object, path: &str) -> Result<String, ImportError> {
    let path = key_path(path, "targetAttributeName");
    match row.get("targetAttributeName") {
        Some(Json::String(name)) if !name.trim().is_empty() => Ok(name.clone()),
        Some(Json::String(_)) => Err(ImportError::new(
            &path,
            "is empty; every attributeMapping names the attribute it sets",
        )),
        Some(other) => Err(expected(&path, "a string", other)),
        None => Err(ImportError::new(
            &path,
            "missing; every attributeMapping names the attribute it sets",
        )),
    }
}

fn default_value(row: &Object, path: &str) -> Result<Option<String>, ImportError> {
    Ok(str_field(row, "defaultValue", path)?.map(str::to_string))
}

fn flow_type(row: &Object, path: &str) -> Result<FlowType, ImportError> {
    let flow_type = choice_field(
        row,
        "flowType",
        path,
        "flow type",
        &FlowType::ALL,
        FlowType::as_str,
    )?;
    Ok(flow_type.unwrap_or_default())
}

fn matching_priority(row: &Object, path: &str) -> Result<u32, ImportError> {
    let path = key_path(path, "matchingPriority");
    let out_of_range = |shown: &dyn fmt::Display| {
        ImportError::new(
            &path,
            format!(
                "{shown} is not a matching precedence; expected a whole number from 0 (not a \
                 matching attribute) to {}",
                i32::MAX
            ),
        )
    };
    match row.get("matchingPriority") {
        None | Some(Json::Null) => Ok(0),
        Some(Json::Number(n)) => n
            .as_u64()
            .filter(|&v| v <= i32::MAX as u64)
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| out_of_range(n)),
        Some(other) => Err(expected(&path, "a whole number", other)),
    }
}

/// The row's properties this product does not interpret, less Graph's defaults.
fn extra_properties(row: &Object) -> Object {
    row.iter()
        .filter(|(key, value)| !ROW_FIELDS.contains(&key.as_str()) && !is_graph_default(key, value))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

fn is_graph_default(key: &str, value: &Json) -> bool {
    match key {
        "flowBehavior" => value == DEFAULT_FLOW_BEHAVIOR,
        "exportMissingReferences" => value == &Json::Bool(false),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/// One row with every property Graph returns, its extras merged back, keys in Graph's
/// (alphabetical) order.
pub(super) fn export_row(row: &AttributeMapping) -> Json {
    let mut out = Map::new();
    let default_value = row.default_value.clone().map_or(Json::Null, Json::String);
    out.insert("defaultValue".to_string(), default_value);
    out.insert("exportMissingReferences".to_string(), Json::Bool(false));
    out.insert("flowBehavior".to_string(), DEFAULT_FLOW_BEHAVIOR.into());
    out.insert("flowType".to_string(), row.flow_type.as_str().into());
    out.insert("matchingPriority".to_string(), row.matching_priority.into());
    out.insert("source".to_string(), export_source(row));
    out.insert("targetAttributeName".to_string(), row.target.clone().into());
    for (key, value) in &row.extra {
        if !ROW_FIELDS.contains(&key.as_str()) {
            out.insert(key.clone(), value.clone());
        }
    }
    out.sort_keys();
    Json::Object(out)
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value as Json};

    use crate::mapping::model::{AttributeMapping, FlowType, MappingKind, MappingSet};
    use crate::mapping::schema_json::export_mappings;
    use crate::mapping::schema_json::test_support::{
        attr, import_err, import_ok, only_row, row, schema,
    };

    #[test]
    fn attribute_mappings_must_be_an_array() {
        let om = json!({ "attributeMappings": {}, "sourceObjectName": "User", "targetObjectName": "User" });
        let e = import_err(schema(json!([{ "objectMappings": [om] }])));
        assert_eq!(
            e.path,
            "synchronizationRules[0].objectMappings[0].attributeMappings"
        );
        let e = import_err(json!({ "attributeMappings": 5 }));
        assert_eq!(e.path, "attributeMappings");
    }

    #[test]
    fn missing_attribute_mappings_are_no_rows() {
        let om = json!({ "sourceObjectName": "User", "targetObjectName": "User" });
        let outcome = import_ok(schema(json!([{ "objectMappings": [om] }])));
        assert!(outcome.set.mappings.is_empty());
    }

    #[test]
    fn a_row_must_be_an_object() {
        let e = import_err(json!({ "attributeMappings": ["mail"] }));
        assert_eq!(e.path, "attributeMappings[0]");
        assert!(e.message.ends_with("found a string"), "{e}");
    }

    #[test]
    fn target_attribute_name_errors() {
        let e = import_err(json!([{ "source": null }]));
        assert_eq!(e.path, "[0].targetAttributeName");
        assert!(e.message.starts_with("missing"), "{e}");
        let e = import_err(json!([{ "source": null, "targetAttributeName": "  " }]));
        assert!(e.message.starts_with("is empty"), "{e}");
        let e = import_err(json!([{ "source": null, "targetAttributeName": 4 }]));
        assert!(
            e.message.contains("expected a string, found a number"),
            "{e}"
        );
    }

    #[test]
    fn flow_type_errors_and_values() {
        let mut r = row(attr("mail"));
        r["flowType"] = json!(1);
        assert_eq!(import_err(json!([r.clone()])).path, "[0].flowType");
        r["flowType"] = json!("objectaddonly");
        assert_eq!(only_row(r.clone()).flow_type, FlowType::ObjectAddOnly);
        r["flowType"] = Json::Null;
        assert_eq!(only_row(r).flow_type, FlowType::Always);
    }

    #[test]
    fn matching_priority_errors_and_values() {
        let mut r = row(attr("mail"));
        for bad in [json!(-1), json!(1.5), json!(2_147_483_648_u64)] {
            r["matchingPriority"] = bad;
            let e = import_err(json!([r.clone()]));
            assert_eq!(e.path, "[0].matchingPriority");
            assert!(e.message.contains("is not a matching precedence"), "{e}");
        }
        r["matchingPriority"] = json!("1");
        assert!(import_err(json!([r.clone()]))
            .message
            .contains("expected a whole number"));
        r["matchingPriority"] = json!(2);
        assert_eq!(only_row(r).matching_priority, 2);
    }

    #[test]
    fn default_value_errors_and_values() {
        let mut r = row(Json::Null);
        r["defaultValue"] = json!(false);
        let e = import_err(json!([r.clone()]));
        assert_eq!(e.path, "[0].defaultValue");
        assert!(
            e.message
                .contains("expected a string or null, found a boolean"),
            "{e}"
        );
        r["defaultValue"] = json!("True");
        let m = only_row(r);
        assert_eq!(
            (m.kind, m.default_value.as_deref()),
            (MappingKind::None, Some("True"))
        );
    }

    #[test]
    fn extra_properties_are_kept_without_graphs_defaults() {
        let mut r = row(attr("mail"));
        r["flowBehavior"] = json!("FlowWhenChanged");
        r["exportMissingReferences"] = json!(false);
        r["note"] = json!({ "by": "admin" });
        let m = only_row(r.clone());
        assert_eq!(
            Json::Object(m.extra.clone()),
            json!({ "note": { "by": "admin" } })
        );
        r["flowBehavior"] = json!("FlowAlways");
        r["exportMissingReferences"] = json!(true);
        let m = only_row(r);
        assert_eq!(m.extra["flowBehavior"], "FlowAlways");
        assert_eq!(m.extra["exportMissingReferences"], true);
    }

    #[test]
    fn rows_that_are_off_are_not_exported() {
        let set = MappingSet::new(vec![
            AttributeMapping::direct("title", "jobTitle").off(),
            AttributeMapping::direct("displayName", "displayName"),
        ]);
        let rows = export_mappings(&set);
        assert_eq!(rows.as_array().map(Vec::len), Some(1));
        assert_eq!(rows[0]["targetAttributeName"], "displayName");
    }

    #[test]
    fn a_row_in_graphs_form_and_order() {
        let mut m = AttributeMapping::direct("userName", "userPrincipalName")
            .matching(1)
            .only_on_create()
            .with_default("x");
        m.extra.insert("zeta".into(), json!(1));
        m.extra.insert("apex".into(), json!(2));
        m.extra.insert("flowBehavior".into(), json!("FlowAlways"));
        m.extra
            .insert("targetAttributeName".into(), json!("ignored"));
        let row = export_mappings(&MappingSet::new(vec![m]))[0].clone();
        let keys: Vec<&str> = row
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(
            keys,
            [
                "apex",
                "defaultValue",
                "exportMissingReferences",
                "flowBehavior",
                "flowType",
                "matchingPriority",
                "source",
                "targetAttributeName",
                "zeta"
            ]
        );
        assert_eq!(row["flowBehavior"], "FlowAlways");
        assert_eq!(row["flowType"], "ObjectAddOnly");
        assert_eq!(row["matchingPriority"], 1);
        assert_eq!(row["defaultValue"], "x");
        assert_eq!(row["targetAttributeName"], "userName");
        assert_eq!(
            row["source"],
            json!({ "expression": "[userPrincipalName]", "name": "userPrincipalName", "parameters": [], "type": "Attribute" })
        );
    }
}
