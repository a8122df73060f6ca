//! The job's scope setting: "Sync only assigned users and groups" (the default) or "Sync all
//! users and groups". Who is assigned is not in a user export, so it is given: the assigned
//! groups (names or object ids, matched against the user's direct `memberOf`; nested groups do
//! not count), or a property/column that says so.

use serde_json::Value as Json;

/// The job's scope setting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Assignment {
    /// "Sync only assigned users and groups".
    #[default]
    Assigned,
    /// "Sync all users and groups".
    All,
}

/// Who is assigned, for [`Assignment::Assigned`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AssignedBy {
    /// Group display names (compared ignoring case) or object ids.
    pub groups: Vec<String>,
    /// A user property that is true (`true`, `yes`, `1`, `assigned`) for assigned users.
    pub property: Option<String>,
}

impl AssignedBy {
    /// Nothing says who is assigned: every user in the export is taken as assigned.
    pub fn is_unknown(&self) -> bool {
        self.groups.is_empty() && self.property.is_none()
    }

    /// `Ok(how)` when the user is assigned; `Err(why not)` otherwise.
    pub fn check(&self, user: &Json) -> Result<String, String> {
        if self.is_unknown() {
            return Ok("taken as assigned (no assigned groups or property given)".into());
        }
        if let Some(property) = &self.property {
            let yes = match user.get(property) {
                Some(Json::Bool(b)) => *b,
                Some(Json::String(s)) => {
                    matches!(
                        s.trim().to_ascii_lowercase().as_str(),
                        "true" | "yes" | "1" | "assigned"
                    )
                }
                Some(Json::Number(n)) => n.as_i64() == Some(1),
                _ => false,
            };
            if yes {
                return Ok(format!("assigned ({property})"));
            }
        }
        if let Some(group) = self.member_of_assigned(user) {
            return Ok(format!("assigned through the group {group}"));
        }
        Err(match (&self.property, self.groups.is_empty()) {
            (Some(p), true) => format!("not assigned ({p} is not true)"),
            (_, false) if user.get("memberOf").is_none() => {
                "not assigned: no memberOf in the export (expand memberOf to match assigned groups)"
                    .into()
            }
            _ => "not assigned: not a direct member of an assigned group".into(),
        })
    }

    fn member_of_assigned(&self, user: &Json) -> Option<String> {
        let groups = user.get("memberOf")?.as_array()?;
        groups.iter().find_map(|g| {
            let name = g.get("displayName").and_then(Json::as_str);
            let id = g.get("id").and_then(Json::as_str);
            self.groups
                .iter()
                .find(|a| {
                    name.is_some_and(|n| n.trim().eq_ignore_ascii_case(a.trim()))
                        || id == Some(a.trim())
                })
                .cloned()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn assigned_through_a_direct_group_by_name_or_id() {
        let by = AssignedBy {
            groups: vec!["contact centre".into(), "g-2".into()],
            property: None,
        };
        let u = json!({"memberOf": [{"id": "g-9", "displayName": "Contact Centre"}]});
        assert!(by.check(&u).unwrap().contains("contact centre"));
        assert!(by.check(&json!({"memberOf": [{"id": "g-2"}]})).is_ok());
        assert!(by
            .check(&json!({"memberOf": [{"id": "g-3", "displayName": "Sales"}]}))
            .is_err());
        assert!(by.check(&json!({})).unwrap_err().contains("no memberOf"));
    }

    #[test]
    fn assigned_by_a_property_and_unknown_means_everyone() {
        let by = AssignedBy {
            groups: vec![],
            property: Some("assigned".into()),
        };
        assert!(by.check(&json!({"assigned": "Yes"})).is_ok());
        assert!(by.check(&json!({"assigned": true})).is_ok());
        assert!(by.check(&json!({"assigned": "no"})).is_err());
        assert!(AssignedBy::default().check(&json!({})).is_ok());
    }
}
