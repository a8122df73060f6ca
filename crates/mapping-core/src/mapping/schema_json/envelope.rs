//! The envelope ([`MappingSet::envelope`](crate::mapping::MappingSet::envelope)): what surrounds
//! the rows, kept on import without them ([`finish_envelope`], [`object_mapping_envelope`]) and
//! given them back on export ([`schema_with_rows`]); the minimal schema stands in for a set
//! without one.

use serde_json::{json, Value as Json};

use super::fields::Object;
use super::user_mapping::locate_user_mapping;
use super::USER_MAPPING_POINTER_KEY;

/// Where the minimal schema keeps its User objectMapping.
const MINIMAL_POINTER: &str = "/synchronizationRules/0/objectMappings/0";

/// The minimal schema: one outbound rule from Entra to the Genesys Cloud gallery app, with one
/// User → User objectMapping holding `rows`. Keys in Graph's (alphabetical) order.
fn minimal_schema(rows: Json) -> Json {
    json!({
        "directories": [],
        "synchronizationRules": [{
            "editable": true,
            "metadata": [],
            "name": "USER_OUTBOUND_USER",
            "objectMappings": [{
                "attributeMappings": rows,
                "enabled": true,
                "flowTypes": "Add, Update, Delete",
                "metadata": [],
                "name": "Provision Azure Active Directory Users",
                "scope": null,
                "sourceObjectName": "User",
                "targetObjectName": "User"
            }],
            "priority": 1,
            "sourceDirectoryName": "Azure Active Directory",
            "targetDirectoryName": "Genesys Cloud for Azure"
        }]
    })
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

/// `envelope` with the rows at `pointer` emptied and the pointer recorded; `None` when that is
/// just the minimal schema.
pub(super) fn finish_envelope(mut envelope: Json, pointer: &str) -> Option<Json> {
    put_rows(&mut envelope, pointer, Json::Array(Vec::new()));
    record_pointer(&mut envelope, pointer);
    (envelope != default_envelope()).then_some(envelope)
}

/// What [`finish_envelope`] makes of the minimal schema.
fn default_envelope() -> Json {
    let mut envelope = minimal_schema(Json::Array(Vec::new()));
    record_pointer(&mut envelope, MINIMAL_POINTER);
    envelope
}

/// The minimal schema with `object_mapping`'s properties laid over its User objectMapping (a
/// `null` object name does not replace `User`).
pub(super) fn object_mapping_envelope(object_mapping: &Object) -> Option<Json> {
    let mut envelope = minimal_schema(Json::Array(Vec::new()));
    if let Some(slot) = object_mapping_at(&mut envelope, MINIMAL_POINTER) {
        for (key, value) in object_mapping {
            let null_name = value.is_null() && key.ends_with("ObjectName");
            if key != "attributeMappings" && !null_name {
                slot.insert(key.clone(), value.clone());
            }
        }
    }
    finish_envelope(envelope, MINIMAL_POINTER)
}

fn record_pointer(envelope: &mut Json, pointer: &str) {
    if let Some(top) = envelope.as_object_mut() {
        top.insert(USER_MAPPING_POINTER_KEY.to_string(), pointer.into());
    }
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/// The envelope (or the minimal schema) without the recorded pointer, `rows` in its User
/// objectMapping: the one the pointer leads to, else the one an import would read. An envelope
/// without one gives way to the minimal schema.
pub(super) fn schema_with_rows(envelope: Option<&Json>, rows: Json) -> Json {
    let mut doc = envelope
        .cloned()
        .unwrap_or_else(|| minimal_schema(Json::Array(Vec::new())));
    let recorded = take_recorded_pointer(&mut doc);
    let pointer = recorded
        .filter(|p| doc.pointer(p).is_some_and(Json::is_object))
        .or_else(|| locate_user_mapping(&doc).ok().map(|found| found.pointer()));
    match pointer {
        Some(pointer) => {
            put_rows(&mut doc, &pointer, rows);
            doc
        }
        None => minimal_schema(rows),
    }
}

fn take_recorded_pointer(doc: &mut Json) -> Option<String> {
    match doc
        .as_object_mut()?
        .shift_remove(USER_MAPPING_POINTER_KEY)?
    {
        Json::String(pointer) => Some(pointer),
        _ => None,
    }
}

/// Sets the `attributeMappings` of the objectMapping at `pointer`, if there is one.
fn put_rows(doc: &mut Json, pointer: &str, rows: Json) {
    if let Some(object_mapping) = object_mapping_at(doc, pointer) {
        object_mapping.insert("attributeMappings".to_string(), rows);
    }
}

fn object_mapping_at<'a>(doc: &'a mut Json, pointer: &str) -> Option<&'a mut Object> {
    doc.pointer_mut(pointer).and_then(Json::as_object_mut)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::mapping::model::AttributeMapping;
    use crate::mapping::schema_json::test_support::{attr, import_ok, row, schema, user_mapping};
    use crate::mapping::schema_json::{export_schema, USER_MAPPING_POINTER_KEY};

    #[test]
    fn a_bare_array_has_no_envelope_and_exports_the_minimal_schema() {
        let outcome = import_ok(json!([row(attr("jobTitle"))]));
        assert_eq!(outcome.set.envelope, None);
        let doc = export_schema(&outcome.set);
        let rule = &doc["synchronizationRules"][0];
        assert_eq!(rule["name"], "USER_OUTBOUND_USER");
        assert_eq!(rule["sourceDirectoryName"], "Azure Active Directory");
        assert_eq!(rule["targetDirectoryName"], "Genesys Cloud for Azure");
        let om = &rule["objectMappings"][0];
        assert_eq!(
            (
                om["sourceObjectName"].as_str(),
                om["targetObjectName"].as_str()
            ),
            (Some("User"), Some("User"))
        );
        assert_eq!(
            (om["flowTypes"].as_str(), om["enabled"].as_bool()),
            (Some("Add, Update, Delete"), Some(true))
        );
        assert_eq!(om["attributeMappings"][0]["targetAttributeName"], "title");
        assert_eq!(import_ok(doc).set, outcome.set);
    }

    #[test]
    fn an_object_mapping_is_wrapped_in_the_minimal_schema() {
        let om = json!({ "attributeMappings": [row(attr("jobTitle"))], "name": "Users to Genesys", "scope": { "groups": [] } });
        let outcome = import_ok(om);
        let envelope = outcome.set.envelope.clone().expect("an envelope");
        let slot = &envelope["synchronizationRules"][0]["objectMappings"][0];
        assert_eq!(slot["name"], "Users to Genesys");
        assert_eq!(slot["attributeMappings"], json!([]));
        assert_eq!(slot["sourceObjectName"], "User");
        let exported = export_schema(&outcome.set);
        assert!(exported.get(USER_MAPPING_POINTER_KEY).is_none());
        assert_eq!(import_ok(exported).set, outcome.set);
    }

    #[test]
    fn the_envelope_holds_no_rows_and_the_pointer() {
        let rules = json!([{ "objectMappings": [
            { "attributeMappings": [row(attr("g"))], "sourceObjectName": "Group", "targetObjectName": "Group" },
            user_mapping(json!([row(attr("jobTitle"))]))
        ], "targetDirectoryName": "Genesys Cloud for Azure" }]);
        let envelope = import_ok(schema(rules)).set.envelope.expect("an envelope");
        assert_eq!(
            envelope[USER_MAPPING_POINTER_KEY],
            "/synchronizationRules/0/objectMappings/1"
        );
        let oms = &envelope["synchronizationRules"][0]["objectMappings"];
        assert_eq!(oms[1]["attributeMappings"], json!([]));
        assert_eq!(
            oms[0]["attributeMappings"].as_array().map(Vec::len),
            Some(1)
        );
    }

    #[test]
    fn export_finds_the_user_mapping_when_the_pointer_is_stale() {
        let mut set = import_ok(schema(
            json!([{ "objectMappings": [user_mapping(json!([]))], "version": 2 }]),
        ))
        .set;
        set.mappings
            .push(AttributeMapping::direct("title", "jobTitle"));
        if let Some(env) = set.envelope.as_mut() {
            env[USER_MAPPING_POINTER_KEY] = json!("/nowhere/3");
        }
        let doc = export_schema(&set);
        assert_eq!(doc["synchronizationRules"][0]["version"], 2);
        assert_eq!(
            doc["synchronizationRules"][0]["objectMappings"][0]["attributeMappings"][0]
                ["targetAttributeName"],
            "title"
        );
        set.envelope = Some(json!(["not", "a", "schema"]));
        let doc = export_schema(&set);
        assert_eq!(doc["synchronizationRules"][0]["name"], "USER_OUTBOUND_USER");
    }
}
