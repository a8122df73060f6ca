//! The `PATCH /Users/{id}` Entra sends when a user changes: one change per attribute whose
//! value differs, and nothing at all for attributes that became empty — Entra never clears a
//! value in the target, so Genesys keeps the old one.

use super::rows::{RowResult, RowValue};
use super::values::{wire_value, ProvisionedUsers};
use crate::expr::Value;
use crate::finding::{Field, Finding, FindingCode};
use crate::genesys::targets::{self, TargetType};
use crate::scim::patch::Change;

/// Compares each row's value before and after (both evaluated for an update) and returns the
/// changes to send; findings explain what is not sent.
pub fn changes(
    before: &[RowResult],
    after: &[RowResult],
    provisioned: &ProvisionedUsers,
    findings: &mut Vec<Finding>,
) -> Vec<Change> {
    let mut out = Vec::new();
    for (old, new) in before.iter().zip(after) {
        let Ok(path) = &new.target else { continue };
        let old_value = old.value.flowing().filter(|v| !v.is_null_or_empty());
        match &new.value {
            RowValue::Flows(v) if !v.is_null_or_empty() => {
                if old_value == Some(v) {
                    continue;
                }
                if new.role_function.is_some() && path.attribute.eq_ignore_ascii_case("roles") {
                    out.push(role_change(v));
                    continue;
                }
                let mut scratch = Vec::new();
                let Some(value) = wire_value(new.index, path, v, provisioned, &mut scratch) else {
                    findings.extend(scratch);
                    continue;
                };
                findings.extend(scratch);
                let boolean = targets::lookup(path).is_some_and(|t| t.kind == TargetType::Boolean);
                out.push(Change {
                    path: path.clone(),
                    was_empty: old_value.is_none(),
                    value: patch_value(v, value, boolean),
                    boolean,
                });
            }
            RowValue::NotApplied | RowValue::Failed | RowValue::ConditionFails(_) => {}
            cleared => {
                if let Some(old) = old_value {
                    findings.push(cleared_finding(new.index, path, old, cleared));
                }
            }
        }
    }
    out
}

/// Roles from `SingleAppRoleAssignment` or `AppRoleAssignmentsComplex`: always an `Add` on
/// `roles` whose items are JSON-encoded strings (Microsoft's tutorial; existing roles stay).
fn role_change(v: &Value) -> Change {
    Change {
        path: crate::scim::path::TargetPath {
            schema: None,
            attribute: "roles".into(),
            filter: None,
            sub_attribute: None,
        },
        was_empty: true,
        value: crate::scim::roles::patch_elements(&v.items()),
        boolean: false,
    }
}

/// In a PATCH Entra sends the mapping's own string (e.g. `"False"`); references are sent as the
/// resolved id; the dialect decides later whether a boolean becomes JSON `false`.
fn patch_value(v: &Value, wire: serde_json::Value, boolean: bool) -> serde_json::Value {
    match v {
        Value::Str(s) if boolean => serde_json::Value::String(s.clone()),
        _ => wire,
    }
}

fn cleared_finding(
    row: usize,
    path: &crate::scim::path::TargetPath,
    old: &Value,
    now: &RowValue,
) -> Finding {
    let how = match now {
        RowValue::Dropped => "is dropped from the flow",
        RowValue::Flows(_) => "is now empty",
        _ => "is now null",
    };
    Finding::warning(
        FindingCode::ClearedValueKept,
        format!("{path} {how}: Entra sends nothing, so Genesys keeps the old value {old}"),
    )
    .at(row, Field::Source)
    .help("Entra cannot clear attributes in Genesys; clear it by hand in Genesys, or map a placeholder value instead of an empty one")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::EvalContext;
    use crate::mapping::model::{AttributeMapping as Row, MappingSet};
    use crate::provision::rows::{evaluate_rows, Operation};
    use crate::source::SourceAttributes;
    use serde_json::json;

    fn user(pairs: &[(&str, &str)]) -> SourceAttributes {
        let mut s = SourceAttributes::new();
        for (k, v) in pairs {
            s.set_str(*k, *v);
        }
        s
    }

    fn diff(before: SourceAttributes, after: SourceAttributes) -> (Vec<Change>, Vec<Finding>) {
        let set = MappingSet::new(vec![
            Row::expression("active", "Not([IsSoftDeleted])"),
            Row::direct("title", "jobTitle"),
            Row::direct(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                "department",
            ),
            Row::direct("displayName", "displayName"),
        ]);
        let ctx = EvalContext::default();
        let b = evaluate_rows(&set, &before, &ctx, Operation::Update);
        let a = evaluate_rows(&set, &after, &ctx, Operation::Update);
        let mut findings = Vec::new();
        let c = changes(&b, &a, &ProvisionedUsers::new(), &mut findings);
        (c, findings)
    }

    #[test]
    fn changed_added_and_cleared() {
        let (c, f) = diff(
            user(&[
                ("IsSoftDeleted", "False"),
                ("department", "Retail"),
                ("displayName", "Adele"),
            ]),
            user(&[
                ("IsSoftDeleted", "True"),
                ("jobTitle", "Lead"),
                ("displayName", "Adele"),
            ]),
        );
        let summary: Vec<(String, bool, serde_json::Value)> = c
            .iter()
            .map(|c| (c.path.to_string(), c.was_empty, c.value.clone()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("active".to_string(), false, json!("False")),
                ("title".to_string(), true, json!("Lead"))
            ]
        );
        assert!(c[0].boolean);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, FindingCode::ClearedValueKept);
        assert!(f[0].message.contains("\"Retail\""), "{}", f[0].message);
    }

    #[test]
    fn empty_string_is_not_sent_either() {
        let (c, f) = diff(
            user(&[("department", "Retail")]),
            user(&[("department", "")]),
        );
        assert!(c.iter().all(|c| !c.path.to_string().contains("department")));
        assert!(f[0].message.contains("is now empty"));
    }

    #[test]
    fn roles_are_added_as_json_encoded_strings() {
        for (target, text) in [
            ("roles", "AppRoleAssignmentsComplex([appRoleAssignments])"),
            (
                "roles[primary eq \"True\"].value",
                "SingleAppRoleAssignment([appRoleAssignments])",
            ),
        ] {
            let set = MappingSet::new(vec![Row::expression(target, text)]);
            let ctx = EvalContext::default();
            let mut before = SourceAttributes::new();
            before.set(
                "appRoleAssignments",
                crate::source::SourceValue::Multi(vec!["User".into()]),
            );
            let mut after = SourceAttributes::new();
            after.set(
                "appRoleAssignments",
                crate::source::SourceValue::Multi(vec!["Admin".into()]),
            );
            let b = evaluate_rows(&set, &before, &ctx, Operation::Update);
            let a = evaluate_rows(&set, &after, &ctx, Operation::Update);
            let c = changes(&b, &a, &ProvisionedUsers::new(), &mut Vec::new());
            let body = crate::scim::patch::patch_body(&c, crate::scim::Dialect::Default).unwrap();
            assert_eq!(
                body["Operations"],
                json!([{"op": "Add", "path": "roles", "value": [
                    {"value": "{\"id\":\"{app role id of Admin}\",\"value\":\"Admin\",\"displayName\":\"Admin\"}"}
                ]}]),
                "{text}"
            );
            let flagged =
                crate::scim::patch::patch_body(&c, crate::scim::Dialect::AadOptscim062020);
            assert_eq!(
                flagged,
                Some(body),
                "the flag does not change role requests"
            );
        }
    }

    #[test]
    fn unchanged_sends_nothing() {
        let u = || user(&[("IsSoftDeleted", "False"), ("jobTitle", "Lead")]);
        let (c, f) = diff(u(), u());
        assert!(c.is_empty() && f.is_empty());
    }
}
