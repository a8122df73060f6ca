//! Edits to a mapping set, as a lesson writes them: its starting set is a preset plus edits, and
//! its reference solution is more edits on top.

use crate::mapping::model::{AttributeMapping, MappingKind, MappingSet};
use serde::{Deserialize, Serialize};

/// One change to a mapping set, addressed by the row's target attribute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Edit {
    /// Changes the given fields of the row writing `target`; fields left out stay as they are.
    Set {
        /// The SCIM target path of the row to change.
        target: String,
        /// The new mapping type (direct, constant, expression, or none).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<MappingKind>,
        /// The new source text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
        /// Turns the row on or off.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        enabled: Option<bool>,
        /// The new matching precedence (0: not a matching attribute).
        #[serde(
            default,
            rename = "matchingPriority",
            skip_serializing_if = "Option::is_none"
        )]
        matching_priority: Option<u32>,
    },
    /// Deletes the row writing `target`.
    Remove {
        /// The SCIM target path of the row to delete.
        target: String,
    },
    /// Appends a row.
    Add {
        /// The row to append.
        row: AttributeMapping,
    },
}

/// Applies `edits` in order; an edit naming a target no row writes is an error.
pub fn apply(set: &mut MappingSet, edits: &[Edit]) -> Result<(), String> {
    for edit in edits {
        match edit {
            Edit::Set {
                target,
                kind,
                source,
                enabled,
                matching_priority,
            } => {
                let row = row_mut(set, target)?;
                if let Some(k) = kind {
                    row.kind = *k;
                }
                if let Some(s) = source {
                    row.source = s.clone();
                }
                if let Some(e) = enabled {
                    row.enabled = *e;
                }
                if let Some(m) = matching_priority {
                    row.matching_priority = *m;
                }
            }
            Edit::Remove { target } => {
                let index = position(set, target)?;
                set.mappings.remove(index);
            }
            Edit::Add { row } => set.mappings.push(row.clone()),
        }
    }
    Ok(())
}

fn position(set: &MappingSet, target: &str) -> Result<usize, String> {
    set.mappings
        .iter()
        .position(|m| m.target == target)
        .ok_or_else(|| format!("no row writes {target}"))
}

fn row_mut<'a>(set: &'a mut MappingSet, target: &str) -> Result<&'a mut AttributeMapping, String> {
    let index = position(set, target)?;
    Ok(&mut set.mappings[index])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::presets::{genesys_default, WORK2_PHONE};

    #[test]
    fn set_remove_add() {
        let mut set = genesys_default();
        let edits: Vec<Edit> = serde_json::from_str(&format!(
            r#"[{{"op": "set", "target": {w2:?}, "enabled": true, "source": "[x]", "kind": "Direct"}},
                {{"op": "remove", "target": "title"}},
                {{"op": "add", "row": {{"target": "nickName", "kind": "Direct", "source": "givenName"}}}}]"#,
            w2 = WORK2_PHONE
        ))
        .unwrap();
        apply(&mut set, &edits).unwrap();
        let w2 = set
            .mappings
            .iter()
            .find(|m| m.target == WORK2_PHONE)
            .unwrap();
        assert!(w2.enabled);
        assert_eq!((w2.kind, w2.source.as_str()), (MappingKind::Direct, "[x]"));
        assert!(!set.mappings.iter().any(|m| m.target == "title"));
        assert_eq!(set.mappings.last().unwrap().source, "givenName");
    }

    #[test]
    fn unknown_target_is_an_error() {
        let mut set = genesys_default();
        let e = apply(
            &mut set,
            &[Edit::Remove {
                target: "nope".into(),
            }],
        );
        assert_eq!(e, Err("no row writes nope".into()));
    }
}
