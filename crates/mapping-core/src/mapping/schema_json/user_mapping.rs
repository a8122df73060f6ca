//! Which objectMapping holds the rows: in a schema, the one that maps Entra's `User` to the
//! target's user object ([`locate_user_mapping`]); given on its own, one whose object names, if
//! any, name users ([`check_object_names`]).
//!
//! Entra's SCIM apps (gallery and non-gallery, Genesys Cloud's among them) name the target user
//! object by its SCIM schema URN, `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`
//! (groups: `urn:ietf:params:scim:schemas:core:2.0:Group`); Graph's Salesforce-style examples
//! name it `User`. Both are the user object ([`is_user_object_name`]). The names are never
//! rewritten: the envelope keeps them as imported, so an export gives them back.

use serde_json::Value as Json;

use super::error::{expected, index_path, ImportError};
use super::fields::{array_field, Object};

/// Names synchronization rules give Entra's own directory.
const ENTRA_DIRECTORY_NAMES: &[&str] = &["Azure Active Directory", "Microsoft Entra ID"];

/// The properties naming the objects an objectMapping maps from and to.
const OBJECT_NAME_KEYS: [&str; 2] = ["sourceObjectName", "targetObjectName"];

/// Names of the user object besides `User`: how Entra's SCIM apps name their target users.
pub const SCIM_USER_OBJECT_NAMES: [&str; 2] = [
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    "urn:ietf:params:scim:schemas:core:2.0:User",
];

/// Names of the group object besides `Group`: how Entra's SCIM apps name their target groups.
pub const SCIM_GROUP_OBJECT_NAMES: [&str; 1] = ["urn:ietf:params:scim:schemas:core:2.0:Group"];

/// Whether `name` names the user object (`User`, or a SCIM user schema URN), ignoring case.
pub fn is_user_object_name(name: &str) -> bool {
    names_object(name, "User", &SCIM_USER_OBJECT_NAMES)
}

/// Whether `name` names the group object (`Group`, or the SCIM group schema URN), ignoring case.
pub fn is_group_object_name(name: &str) -> bool {
    names_object(name, "Group", &SCIM_GROUP_OBJECT_NAMES)
}

/// `name` is `plain` or one of the `urns`, ignoring case and surrounding spaces.
fn names_object(name: &str, plain: &str, urns: &[&str]) -> bool {
    let name = name.trim();
    name.eq_ignore_ascii_case(plain) || urns.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// The User objectMapping of a schema and the rule holding it.
pub(super) struct Located<'a> {
    rule_index: usize,
    mapping_index: usize,
    pub(super) rule: &'a Object,
    pub(super) object_mapping: &'a Object,
}

impl Located<'_> {
    /// The JSON pointer of the objectMapping.
    pub(super) fn pointer(&self) -> String {
        format!(
            "/synchronizationRules/{}/objectMappings/{}",
            self.rule_index, self.mapping_index
        )
    }

    /// The objectMapping's path, as error messages write it.
    pub(super) fn path(&self) -> String {
        format!(
            "synchronizationRules[{}].objectMappings[{}]",
            self.rule_index, self.mapping_index
        )
    }
}

/// The User → User objectMapping: of the first rule that provisions out of Entra, else of the
/// first rule that has one.
pub(super) fn locate_user_mapping(doc: &Json) -> Result<Located<'_>, ImportError> {
    let rules = schema_rules(doc)?;
    let mut first = None;
    for (index, rule) in rules.iter().enumerate() {
        let Some(found) = user_mapping_in_rule(index, rule)? else {
            continue;
        };
        if !targets_entra(found.rule) {
            return Ok(found);
        }
        first.get_or_insert(found);
    }
    first.ok_or_else(|| no_user_mapping(rules))
}

fn schema_rules(doc: &Json) -> Result<&[Json], ImportError> {
    let path = "synchronizationRules";
    match doc.get(path) {
        Some(Json::Array(rules)) => Ok(rules),
        Some(other) => Err(expected(path, "an array of synchronizationRules", other)),
        None => Err(ImportError::new(path, "missing")),
    }
}

fn user_mapping_in_rule(index: usize, rule: &Json) -> Result<Option<Located<'_>>, ImportError> {
    let path = index_path("synchronizationRules", index);
    let rule = rule
        .as_object()
        .ok_or_else(|| expected(&path, "a synchronizationRule object", rule))?;
    let object_mappings = array_field(rule, "objectMappings", &path)?;
    Ok(object_mappings
        .iter()
        .enumerate()
        .find_map(|(mapping_index, om)| {
            let object_mapping = om.as_object().filter(|om| is_user_to_user(om))?;
            Some(Located {
                rule_index: index,
                mapping_index,
                rule,
                object_mapping,
            })
        }))
}

fn is_user_to_user(object_mapping: &Object) -> bool {
    OBJECT_NAME_KEYS
        .iter()
        .all(|key| is_user_object_name(object_name(object_mapping, key)))
}

fn object_name<'a>(object_mapping: &'a Object, key: &str) -> &'a str {
    object_mapping
        .get(key)
        .and_then(Json::as_str)
        .unwrap_or("?")
}

/// Whether a rule provisions into Entra (an inbound rule), judged by its target directory.
fn targets_entra(rule: &Object) -> bool {
    rule.get("targetDirectoryName")
        .and_then(Json::as_str)
        .is_some_and(|name| {
            ENTRA_DIRECTORY_NAMES
                .iter()
                .any(|entra| entra.eq_ignore_ascii_case(name.trim()))
        })
}

fn no_user_mapping(rules: &[Json]) -> ImportError {
    let found: Vec<String> = rules
        .iter()
        .filter_map(|rule| rule.get("objectMappings")?.as_array())
        .flatten()
        .filter_map(Json::as_object)
        .map(|om| {
            format!(
                "{} → {}",
                object_name(om, "sourceObjectName"),
                object_name(om, "targetObjectName")
            )
        })
        .collect();
    let found = if found.is_empty() {
        "it has none".to_string()
    } else {
        format!("found {}", found.join(", "))
    };
    ImportError::new(
        "synchronizationRules",
        format!("no objectMapping maps User to User or to {} ({found}); the preview needs the User mapping", SCIM_USER_OBJECT_NAMES[0]),
    )
}

/// An objectMapping given on its own may leave out its object names (the User mapping is meant),
/// but names it gives must be `User`: another object's rows are not user mappings, and an export
/// of them could not be read back.
pub(super) fn check_object_names(object_mapping: &Object) -> Result<(), ImportError> {
    for key in OBJECT_NAME_KEYS {
        match object_mapping.get(key) {
            None | Some(Json::Null) => {}
            Some(Json::String(name)) if is_user_object_name(name) => {}
            Some(Json::String(name)) => {
                return Err(ImportError::new(
                    key,
                    format!("\"{name}\": this objectMapping is not the User mapping; the preview reads User → User rows only"),
                ))
            }
            Some(other) => return Err(expected(key, "an object name string", other)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::mapping::schema_json::test_support::{
        attr, import_err, import_ok, row, schema, user_mapping,
    };
    use crate::mapping::schema_json::USER_MAPPING_POINTER_KEY;

    #[test]
    fn rules_must_be_an_array_of_objects() {
        let e = import_err(schema(json!({})));
        assert_eq!(e.path, "synchronizationRules");
        assert!(
            e.message
                .contains("expected an array of synchronizationRules"),
            "{e}"
        );
        let e = import_err(schema(json!([7])));
        assert_eq!(e.path, "synchronizationRules[0]");
        assert!(
            e.message
                .contains("a synchronizationRule object, found a number"),
            "{e}"
        );
    }

    #[test]
    fn object_mappings_must_be_an_array() {
        let e = import_err(schema(json!([{ "objectMappings": "User" }])));
        assert_eq!(e.path, "synchronizationRules[0].objectMappings");
        assert!(e.message.contains("found a string"), "{e}");
    }

    #[test]
    fn a_schema_without_a_user_mapping() {
        let group = json!({ "attributeMappings": [], "sourceObjectName": "Group", "targetObjectName": "Group" });
        let e = import_err(schema(json!([{ "objectMappings": [group] }])));
        assert_eq!(e.path, "synchronizationRules");
        assert!(
            e.message
                .contains("no objectMapping maps User to User or to urn:ietf:params:scim:schemas:extension:enterprise:2.0:User (found Group → Group)"),
            "{e}"
        );
        let e = import_err(schema(json!([])));
        assert!(e.message.contains("it has none"), "{e}");
    }

    #[test]
    fn user_mapping_names_ignore_case() {
        let om = json!({ "attributeMappings": [row(attr("jobTitle"))], "sourceObjectName": "user", "targetObjectName": "USER" });
        let outcome = import_ok(schema(json!([{ "objectMappings": [om] }])));
        assert_eq!(outcome.set.mappings.len(), 1);
    }

    #[test]
    fn an_outbound_rule_is_preferred_over_an_inbound_one() {
        let inbound = json!({ "objectMappings": [user_mapping(json!([row(attr("inbound"))]))], "targetDirectoryName": "Azure Active Directory" });
        let outbound = json!({ "objectMappings": [user_mapping(json!([row(attr("outbound"))]))], "targetDirectoryName": "Genesys Cloud for Azure" });
        let outcome = import_ok(schema(json!([inbound.clone(), outbound])));
        assert_eq!(outcome.set.mappings[0].source, "outbound");
        let envelope = outcome.set.envelope.expect("an envelope");
        assert_eq!(
            envelope[USER_MAPPING_POINTER_KEY],
            "/synchronizationRules/1/objectMappings/0"
        );
        let only_inbound = import_ok(schema(json!([inbound])));
        assert_eq!(only_inbound.set.mappings[0].source, "inbound");
    }

    #[test]
    fn an_object_mapping_of_another_object_is_refused() {
        let e = import_err(
            json!({ "attributeMappings": [], "sourceObjectName": "Group", "targetObjectName": "Group" }),
        );
        assert_eq!(e.path, "sourceObjectName");
        assert!(
            e.message
                .contains("\"Group\": this objectMapping is not the User mapping"),
            "{e}"
        );
        let e = import_err(json!({ "attributeMappings": [], "targetObjectName": 1 }));
        assert_eq!(e.path, "targetObjectName");
        assert!(
            e.message
                .contains("expected an object name string, found a number"),
            "{e}"
        );
    }
}
