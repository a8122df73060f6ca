//! The `POST /Users` Entra sends to create a user.

use super::rows::{RowResult, RowValue};
use super::values::{wire_value, ProvisionedUsers};
use crate::finding::Finding;
use crate::scim::body::{user_body, Assignment};
use crate::scim::path::TargetPath;
use crate::scim::roles::{self, RoleFunction};
use serde_json::Value as Json;

/// The body of the create request, from the rows evaluated for a create. Null, dropped, failed
/// and rows that do not apply send nothing.
pub fn create_body(
    rows: &[RowResult],
    provisioned: &ProvisionedUsers,
    findings: &mut Vec<Finding>,
) -> Json {
    let assignments: Vec<Assignment> = rows
        .iter()
        .filter_map(|row| {
            let (Ok(path), RowValue::Flows(value)) = (&row.target, &row.value) else {
                return None;
            };
            let value = match row.role_function {
                Some(RoleFunction::Complex) if is_roles(path) => {
                    roles::complex_elements(&value.items())
                }
                _ => wire_value(row.index, path, value, provisioned, findings)?,
            };
            Some(Assignment {
                path: path.clone(),
                value,
            })
        })
        .collect();
    user_body(&assignments)
}

/// The whole `roles` attribute (not one element of it).
pub(super) fn is_roles(path: &TargetPath) -> bool {
    path.attribute.eq_ignore_ascii_case("roles") && !path.is_extension() && path.filter.is_none()
}
