//! Where a user stands in Entra, which decides the request Entra sends.

use serde::{Deserialize, Serialize};

/// The state of a user in Entra, as far as provisioning is concerned; written in kebab case
/// (`soft-deleted`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Lifecycle {
    /// Assigned to the app and enabled: created, then kept in sync.
    #[default]
    Assigned,
    /// `accountEnabled` is false: Entra sets `active` to false.
    Disabled,
    /// Unassigned from the app or out of a scoping filter: `active` false.
    Unassigned,
    /// Deleted in Entra, restorable for 30 days: `active` false.
    SoftDeleted,
    /// Permanently deleted (or 30 days after a soft delete): `DELETE /Users/{id}`.
    HardDeleted,
}

impl Lifecycle {
    /// Every state, from assigned to hard-deleted.
    pub const ALL: [Lifecycle; 5] = [
        Lifecycle::Assigned,
        Lifecycle::Disabled,
        Lifecycle::Unassigned,
        Lifecycle::SoftDeleted,
        Lifecycle::HardDeleted,
    ];

    /// The kebab-case name, e.g. `soft-deleted`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Assigned => "assigned",
            Lifecycle::Disabled => "disabled",
            Lifecycle::Unassigned => "unassigned",
            Lifecycle::SoftDeleted => "soft-deleted",
            Lifecycle::HardDeleted => "hard-deleted",
        }
    }

    /// Accepts the kebab-case names and a few spellings admins use.
    pub fn parse(text: &str) -> Option<Lifecycle> {
        let t = text.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        match t.as_str() {
            "assigned" | "active" | "enabled" => Some(Lifecycle::Assigned),
            "disabled" => Some(Lifecycle::Disabled),
            "unassigned" | "out-of-scope" => Some(Lifecycle::Unassigned),
            "soft-deleted" | "softdeleted" => Some(Lifecycle::SoftDeleted),
            "hard-deleted" | "harddeleted" | "deleted" => Some(Lifecycle::HardDeleted),
            _ => None,
        }
    }

    /// Whether Entra's computed `IsSoftDeleted` is true in this state (disabled accounts,
    /// unassigned or out-of-scope users and soft-deleted users all count).
    pub fn is_soft_deleted(self) -> bool {
        self != Lifecycle::Assigned
    }

    /// What Entra does to the Genesys user, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Lifecycle::Assigned => "created if no user matches, otherwise updated",
            Lifecycle::Disabled => "disabled: a PATCH sets active to false",
            Lifecycle::Unassigned => {
                "out of scope: a PATCH sets active to false (the user stays in Genesys, inactive)"
            }
            Lifecycle::SoftDeleted => {
                "soft-deleted: a PATCH sets active to false; 30 days later Entra deletes the user"
            }
            Lifecycle::HardDeleted => {
                "hard-deleted: DELETE /Users/{id} removes the user from Genesys"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for l in Lifecycle::ALL {
            assert_eq!(Lifecycle::parse(l.as_str()), Some(l));
        }
        assert_eq!(
            Lifecycle::parse("Soft Deleted"),
            Some(Lifecycle::SoftDeleted)
        );
        assert_eq!(
            Lifecycle::parse("out_of_scope"),
            Some(Lifecycle::Unassigned)
        );
        assert_eq!(Lifecycle::parse("archived"), None);
    }

    #[test]
    fn only_assigned_is_not_soft_deleted() {
        let soft: Vec<bool> = Lifecycle::ALL.iter().map(|l| l.is_soft_deleted()).collect();
        assert_eq!(soft, vec![false, true, true, true, true]);
    }
}
