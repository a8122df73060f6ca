//! Reading a document: a whole schema, one objectMapping or a bare attributeMappings array (or
//! any of them as a JSON string), into an [`ImportOutcome`].

use serde_json::Value as Json;

use super::envelope::{finish_envelope, object_mapping_envelope};
use super::error::{code_list, ImportError};
use super::fields::Object;
use super::row::{import_rows, object_mapping_rows};
use super::user_mapping::{check_object_names, locate_user_mapping};
use super::warnings::{disabled_warning, non_scim_warning, target_directory_warning};
use super::ImportOutcome;
use crate::mapping::model::{AttributeMapping, MappingSet};

const EXPECTED_DOCUMENT: &str =
    "expected a Microsoft Graph synchronization schema (an object with \
     `synchronizationRules`), one objectMapping (an object with `attributeMappings`) or an array \
     of attributeMappings";

/// [`import`](super::import()): tells the kinds of document apart.
pub(super) fn import_document(json: &Json) -> Result<ImportOutcome, ImportError> {
    match json {
        Json::String(text) => import_embedded(text),
        Json::Array(rows) => import_row_array(rows),
        Json::Object(doc) if doc.contains_key("synchronizationRules") => import_schema(json),
        Json::Object(doc) if doc.contains_key("attributeMappings") => import_object_mapping(doc),
        other => Err(not_a_mapping(other)),
    }
}

/// A JSON string whose content is the document (copied out of a log line or a JSON field).
/// Unwrapped once only.
fn import_embedded(text: &str) -> Result<ImportOutcome, ImportError> {
    match serde_json::from_str::<Json>(text) {
        Ok(inner) if !inner.is_string() => import_document(&inner),
        _ => Err(ImportError::new(
            "",
            format!("{EXPECTED_DOCUMENT}; found a string"),
        )),
    }
}

fn import_schema(doc: &Json) -> Result<ImportOutcome, ImportError> {
    let found = locate_user_mapping(doc)?;
    let (mappings, warnings) =
        read_user_mapping(found.object_mapping, &found.path(), Some(found.rule))?;
    let envelope = finish_envelope(doc.clone(), &found.pointer());
    Ok(ImportOutcome {
        set: MappingSet { mappings, envelope },
        warnings,
    })
}

fn import_object_mapping(object_mapping: &Object) -> Result<ImportOutcome, ImportError> {
    check_object_names(object_mapping)?;
    let (mappings, warnings) = read_user_mapping(object_mapping, "", None)?;
    Ok(ImportOutcome {
        set: MappingSet {
            mappings,
            envelope: object_mapping_envelope(object_mapping),
        },
        warnings,
    })
}

/// The rows of the User objectMapping at `path` and the warnings about them; `rule` is the
/// synchronizationRule holding it when the document is a whole schema.
fn read_user_mapping(
    object_mapping: &Object,
    path: &str,
    rule: Option<&Object>,
) -> Result<(Vec<AttributeMapping>, Vec<String>), ImportError> {
    let mappings = object_mapping_rows(object_mapping, path)?;
    let warnings = [
        rule.and_then(target_directory_warning),
        disabled_warning(object_mapping),
        non_scim_warning(&mappings),
    ]
    .into_iter()
    .flatten()
    .collect();
    Ok((mappings, warnings))
}

fn import_row_array(rows: &[Json]) -> Result<ImportOutcome, ImportError> {
    let mappings = import_rows(rows, "")?;
    let warnings = non_scim_warning(&mappings).into_iter().collect();
    Ok(ImportOutcome {
        set: MappingSet::new(mappings),
        warnings,
    })
}

/// The error for a document of the wrong shape, naming what it looks like.
fn not_a_mapping(found: &Json) -> ImportError {
    let found = match found {
        Json::Object(doc) => describe_object(doc),
        other => crate::source::json_kind(other).to_string(),
    };
    ImportError::new("", format!("{EXPECTED_DOCUMENT}; found {found}"))
}

fn describe_object(doc: &Object) -> String {
    if doc.is_empty() {
        return "an empty object".to_string();
    }
    let keys: Vec<&str> = doc.keys().map(String::as_str).collect();
    let hint = if doc.contains_key("objectMappings") {
        " (a synchronizationRule: paste the whole schema, or one of its objectMappings)"
    } else if doc.contains_key("userPrincipalName") {
        " (this looks like a user, not a mapping)"
    } else {
        ""
    };
    format!("an object with keys {}{hint}", code_list(&keys, 5))
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value as Json};

    use crate::mapping::model::MappingSet;
    use crate::mapping::schema_json::import_text;
    use crate::mapping::schema_json::test_support::{
        attr, import_err, import_ok, row, schema, user_mapping,
    };

    #[test]
    fn text_that_is_not_json() {
        let e = import_text("{ nope").unwrap_err();
        assert_eq!(e.path, "");
        assert!(e.message.starts_with("this is not valid JSON"), "{e}");
    }

    #[test]
    fn scalars_are_not_mappings() {
        for (value, found) in [
            (json!(null), "found null"),
            (json!(3), "found a number"),
            (json!(true), "found a boolean"),
            (json!("hello"), "found a string"),
        ] {
            let e = import_err(value);
            assert!(e.message.starts_with("expected a Microsoft Graph"), "{e}");
            assert!(e.message.ends_with(found), "{e}");
        }
    }

    #[test]
    fn a_user_object_is_not_a_mapping() {
        let e = import_err(json!({ "id": "1", "userPrincipalName": "a@b.c", "mail": "a@b.c" }));
        assert!(e.message.contains("`userPrincipalName`"), "{e}");
        assert!(e.message.contains("looks like a user"), "{e}");
        let e = import_err(json!({}));
        assert!(e.message.ends_with("found an empty object"), "{e}");
        let e = import_err(json!({ "a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6 }));
        assert!(e.message.contains("`e`, …"), "{e}");
    }

    #[test]
    fn a_synchronization_rule_gets_a_hint() {
        let e = import_err(json!({ "name": "USER_OUTBOUND_USER", "objectMappings": [] }));
        assert!(e.message.contains("synchronizationRule"), "{e}");
    }

    #[test]
    fn an_array_of_numbers_is_not_a_mapping() {
        let e = import_err(json!([1, 2, 3]));
        assert_eq!(e.path, "[0]");
        assert!(
            e.message.contains("expected an attributeMapping object"),
            "{e}"
        );
        assert!(e.message.ends_with("found a number"), "{e}");
    }

    #[test]
    fn a_json_string_holding_a_document_is_read_once() {
        let inner = json!([row(attr("jobTitle"))]).to_string();
        let outcome = import_ok(Json::String(inner.clone()));
        assert_eq!(outcome.set.mappings[0].source, "jobTitle");
        let twice = Json::String(Json::String(inner).to_string());
        assert!(import_err(twice).message.ends_with("found a string"));
    }

    #[test]
    fn an_empty_array_is_an_empty_set() {
        assert_eq!(import_ok(json!([])).set, MappingSet::default());
    }

    #[test]
    fn errors_carry_the_full_path() {
        let mut bad = row(attr("mail"));
        bad["flowType"] = json!("Sometimes");
        let rows = json!([row(attr("a")), row(attr("b")), bad]);
        let rules = json!([{ "objectMappings": [
            { "sourceObjectName": "Group", "targetObjectName": "Group" },
            user_mapping(rows)
        ] }]);
        let e = import_err(schema(rules));
        assert_eq!(
            e.to_string(),
            "synchronizationRules[0].objectMappings[1].attributeMappings[2].flowType: \"Sometimes\" \
             is not a flow type; expected one of Always, ObjectAddOnly, MultiValueAddOnly, \
             ValueAddOnly, AttributeAddOnly"
        );
    }
}
