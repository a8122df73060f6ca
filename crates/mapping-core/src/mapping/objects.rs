//! What an objectMapping does besides its rows: the target object actions (the portal's
//! "Target Object Actions": Create, Update, Delete; Graph's `flowTypes`, e.g.
//! `"Add, Update, Delete"`), and the group objectMapping of a SCIM app.
//!
//! Genesys Cloud's gallery app provisions groups by name: its group objectMapping maps
//! `displayName` (the matching attribute) and `members`. Genesys's SCIM API cannot create or
//! delete groups, so Genesys's own Entra article says to select only *Update* for groups
//! ([`GroupMapping::genesys_default`]); [`crate::lint`] reports a group mapping with Create or
//! Delete on.

use super::model::AttributeMapping;
use serde::{Deserialize, Serialize};

/// The target object actions of an objectMapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectActions {
    /// Create (`Add`): Entra creates objects the target does not have.
    pub create: bool,
    /// Update: Entra changes objects the target has.
    pub update: bool,
    /// Delete: Entra deletes (or disables) objects that leave scope.
    pub delete: bool,
}

impl Default for ObjectActions {
    /// Graph's default: `"Add, Update, Delete"`.
    fn default() -> Self {
        ObjectActions {
            create: true,
            update: true,
            delete: true,
        }
    }
}

impl ObjectActions {
    /// Reads Graph's `flowTypes` (`"Add, Update, Delete"`, any subset, any case, `None` for
    /// none); an unknown word is an error naming it.
    pub fn parse(flow_types: &str) -> Result<ObjectActions, String> {
        let mut actions = ObjectActions {
            create: false,
            update: false,
            delete: false,
        };
        for word in flow_types
            .split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            match word.to_ascii_lowercase().as_str() {
                "add" => actions.create = true,
                "update" => actions.update = true,
                "delete" => actions.delete = true,
                "none" => {}
                _ => {
                    return Err(format!(
                        "unknown flow type `{word}`: Graph's flowTypes are Add, Update and Delete"
                    ))
                }
            }
        }
        Ok(actions)
    }

    /// Graph's `flowTypes` text, e.g. `"Add, Update, Delete"` (`"None"` when none is on).
    pub fn to_flow_types(self) -> String {
        let words: Vec<&str> = [
            (self.create, "Add"),
            (self.update, "Update"),
            (self.delete, "Delete"),
        ]
        .into_iter()
        .filter_map(|(on, word)| on.then_some(word))
        .collect();
        if words.is_empty() {
            "None".to_string()
        } else {
            words.join(", ")
        }
    }
}

/// A word in `flowTypes` that is not Add, Update or Delete, at byte offset `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFlowType {
    /// The word as written, trimmed.
    pub word: String,
    /// Byte offset of the word in the `flowTypes` text.
    pub at: usize,
}

impl std::fmt::Display for UnknownFlowType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown flow type `{}` (at byte offset {}): Graph's flowTypes are Add, Update and Delete",
            self.word,
            self.at
        )
    }
}

impl std::error::Error for UnknownFlowType {}

/// The group objectMapping of a schema.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupMapping {
    /// The objectMapping's `enabled`: whether Entra provisions groups at all.
    pub enabled: bool,
    /// Its target object actions (Graph's `flowTypes`).
    pub actions: ObjectActions,
    /// The target object's name as the schema gives it (`Group`, or a SCIM app's
    /// `urn:ietf:params:scim:schemas:core:2.0:Group`).
    pub target_object_name: String,
    /// Its attribute mappings, in the schema's order.
    pub mappings: Vec<AttributeMapping>,
    /// Where it is in the schema, e.g. `synchronizationRules[0].objectMappings[0]`.
    pub path: String,
}

impl GroupMapping {
    /// The group mapping of Genesys Cloud's gallery app as Genesys's article wants it:
    /// `displayName` (matching) and `members`, Update only.
    pub fn genesys_default() -> GroupMapping {
        GroupMapping {
            enabled: true,
            actions: ObjectActions {
                create: false,
                update: true,
                delete: false,
            },
            target_object_name: "urn:ietf:params:scim:schemas:core:2.0:Group".into(),
            mappings: vec![
                AttributeMapping::direct("displayName", "displayName").matching(1),
                AttributeMapping::direct("members", "members"),
            ],
            path: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_types_read_and_write() {
        let all = ObjectActions::parse("Add, Update, Delete").unwrap();
        assert_eq!(all, ObjectActions::default());
        assert_eq!(all.to_flow_types(), "Add, Update, Delete");
        let update = ObjectActions::parse(" update ").unwrap();
        assert!(update.update && !update.create && !update.delete);
        assert_eq!(update.to_flow_types(), "Update");
        assert_eq!(ObjectActions::parse("").unwrap().to_flow_types(), "None");
        assert!(ObjectActions::parse("Add, Merge")
            .unwrap_err()
            .contains("`Merge`"));
    }

    #[test]
    fn the_genesys_default_only_updates() {
        let g = GroupMapping::genesys_default();
        assert_eq!(g.actions.to_flow_types(), "Update");
        let targets: Vec<&str> = g.mappings.iter().map(|m| m.target.as_str()).collect();
        assert_eq!(targets, ["displayName", "members"]);
        assert_eq!(g.mappings[0].matching_priority, 1);
    }
}
