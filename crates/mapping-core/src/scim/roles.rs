//! App roles in SCIM requests, as Microsoft's "Customize attribute mappings" tutorial shows them
//! (section "Provisioning a role to a SCIM app").
//!
//! * `SingleAppRoleAssignment([appRoleAssignments])` → target `roles[primary eq "True"].value`:
//!   the create carries `"roles": [{"primary": true, "type": "WindowsAzureActiveDirectoryRole",
//!   "value": "Admin"}]` — `primary` a JSON boolean, `type` added by Entra (see
//!   [`crate::scim::body`]).
//! * `AppRoleAssignmentsComplex([appRoleAssignments])` → target `roles`: every assigned role is
//!   an element `{"primary": false, "type": "WindowsAzureActiveDirectoryRole", "displayName": …,
//!   "value": …}` ("all roles are provisioned as primary = false") — [`complex_elements`].
//! * In a PATCH both send `{"op": "Add", "path": "roles", "value": [...]}` whose items carry a
//!   JSON-encoded *string* `{"id": …, "value": …, "displayName": …}` — [`patch_elements`]. The
//!   `id` is the app role's id, which only the tenant knows; the preview writes a placeholder.
//!   `Add` only: Entra never removes roles this way.

use crate::expr::ast::Node;
use serde_json::{json, Value as Json};

/// The `type` Entra gives every app role it sends.
pub const ROLE_TYPE: &str = "WindowsAzureActiveDirectoryRole";

/// Which app-role function a row's expression uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum RoleFunction {
    /// `SingleAppRoleAssignment`: one role, primary.
    Single,
    /// `AppRoleAssignmentsComplex`: every role, none primary.
    Complex,
}

impl RoleFunction {
    /// The app-role function called in the expression (the complex one wins if both are).
    pub fn used_in(root: &Node) -> Option<RoleFunction> {
        let mut found = None;
        root.walk(|node| match node.call_name() {
            Some("AppRoleAssignmentsComplex") => found = Some(RoleFunction::Complex),
            Some("SingleAppRoleAssignment") if found.is_none() => {
                found = Some(RoleFunction::Single)
            }
            _ => {}
        });
        found
    }
}

/// The `roles` of a create for `AppRoleAssignmentsComplex`.
pub fn complex_elements(roles: &[&str]) -> Json {
    roles
        .iter()
        .map(|role| {
            json!({
                "primary": false,
                "type": ROLE_TYPE,
                "displayName": role,
                "value": role,
            })
        })
        .collect()
}

/// The value of the PATCH `Add` on `roles`: one item per role, each a JSON-encoded string.
pub fn patch_elements(roles: &[&str]) -> Json {
    roles
        .iter()
        .map(|role| {
            let inner = json!({
                "id": format!("{{app role id of {role}}}"),
                "value": role,
                "displayName": role,
            });
            json!({ "value": inner.to_string() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_function() {
        let root = |t: &str| crate::compile(t).unwrap();
        assert_eq!(
            RoleFunction::used_in(root("SingleAppRoleAssignment([appRoleAssignments])").root()),
            Some(RoleFunction::Single)
        );
        assert_eq!(
            RoleFunction::used_in(
                root("IgnoreFlowIfNullOrEmpty(AppRoleAssignmentsComplex([appRoleAssignments]))")
                    .root()
            ),
            Some(RoleFunction::Complex)
        );
        assert_eq!(RoleFunction::used_in(root("[mail]").root()), None);
    }

    #[test]
    fn complex_and_patch_forms() {
        assert_eq!(
            complex_elements(&["Admin", "User"]),
            json!([
                {"primary": false, "type": "WindowsAzureActiveDirectoryRole", "displayName": "Admin", "value": "Admin"},
                {"primary": false, "type": "WindowsAzureActiveDirectoryRole", "displayName": "User", "value": "User"}
            ])
        );
        let items = patch_elements(&["Admin"]);
        let text = items[0]["value"].as_str().unwrap();
        let inner: Json = serde_json::from_str(text).unwrap();
        assert_eq!(inner["value"], "Admin");
        assert_eq!(inner["displayName"], "Admin");
        assert_eq!(
            serde_json::to_string(&items[0]).unwrap(),
            r#"{"value":"{\"id\":\"{app role id of Admin}\",\"value\":\"Admin\",\"displayName\":\"Admin\"}"}"#
        );
    }
}
