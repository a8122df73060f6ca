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
    let assignments: Vec<Assignment> = assignments(rows, provisioned, findings)
        .map(|(path, value)| Assignment {
            path: path.clone(),
            value,
        })
        .collect();
    user_body(&assignments)
}

/// The findings [`create_body`] adds, without building the body (for callers that only report).
pub fn create_findings(
    rows: &[RowResult],
    provisioned: &ProvisionedUsers,
    findings: &mut Vec<Finding>,
) {
    assignments(rows, provisioned, findings).for_each(drop);
}

/// What each flowing row puts into the body; values that cannot be sent add findings instead.
fn assignments<'a>(
    rows: &'a [RowResult],
    provisioned: &'a ProvisionedUsers,
    findings: &'a mut Vec<Finding>,
) -> impl Iterator<Item = (&'a TargetPath, Json)> + 'a {
    rows.iter().filter_map(move |row| {
        let (Ok(path), RowValue::Flows(value)) = (&row.target, &row.value) else {
            return None;
        };
        let value = match row.role_function {
            Some(RoleFunction::Complex) if is_roles(path) => {
                roles::complex_elements(&value.items())
            }
            _ => wire_value(row.index, path, value, provisioned, findings)?,
        };
        Some((path, value))
    })
}

/// The whole `roles` attribute (not one element of it).
pub(super) fn is_roles(path: &TargetPath) -> bool {
    path.attribute.eq_ignore_ascii_case("roles") && !path.is_extension() && path.filter.is_none()
}
