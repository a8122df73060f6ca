//! Helpers shared by the schema JSON tests: documents to import and what becomes of them.

use serde_json::{json, Value as Json};

use super::{export_mappings, import, ImportError, ImportOutcome};
use crate::mapping::model::{AttributeMapping, MappingSet};

pub(super) fn row(source: Json) -> Json {
    json!({ "source": source, "targetAttributeName": "title" })
}

pub(super) fn import_ok(json: Json) -> ImportOutcome {
    import(&json).unwrap_or_else(|e| panic!("{e}"))
}

pub(super) fn import_err(json: Json) -> ImportError {
    match import(&json) {
        Ok(outcome) => panic!("imported: {outcome:?}"),
        Err(e) => e,
    }
}

pub(super) fn only_row(json: Json) -> AttributeMapping {
    let mut rows = import_ok(json!([json])).set.mappings;
    assert_eq!(rows.len(), 1);
    rows.remove(0)
}

pub(super) fn rebuilt(node: Json) -> String {
    only_row(row(node)).source
}

pub(super) fn attr(name: &str) -> Json {
    json!({ "name": name, "type": "Attribute" })
}

pub(super) fn constant(value: &str) -> Json {
    json!({ "name": value, "type": "Constant" })
}

pub(super) fn call(name: &str, parameters: &[(&str, Json)]) -> Json {
    let parameters: Vec<Json> = parameters
        .iter()
        .map(|(key, value)| json!({ "key": key, "value": value }))
        .collect();
    json!({ "name": name, "parameters": parameters, "type": "Function" })
}

pub(super) fn schema(rules: Json) -> Json {
    json!({ "synchronizationRules": rules })
}

pub(super) fn user_mapping(rows: Json) -> Json {
    json!({ "attributeMappings": rows, "sourceObjectName": "User", "targetObjectName": "User" })
}

pub(super) fn exported_source(row: AttributeMapping) -> Json {
    export_mappings(&MappingSet::new(vec![row]))[0]["source"].clone()
}
