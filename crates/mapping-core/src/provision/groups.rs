//! Group membership: Entra adds a user to the Genesys groups whose names match the user's Entra
//! groups, ignoring case. It never creates groups, so a group missing in Genesys is skipped.
//!
//! Matching is linear: the Genesys names are hashed once by their case-folded, trimmed form
//! ([`GroupIndex`]), so 50,000 Entra groups against 25,000 Genesys groups is 75,000 hash
//! operations, not 1.25 billion comparisons.

use crate::finding::{Finding, FindingCode};
use crate::scim::patch::{Dialect, PATCH_OP_SCHEMA};
use crate::scim::request::{filter_string, ScimRequest};
use serde_json::json;
use std::collections::{HashMap, HashSet};

/// The Genesys group names by their case-folded, trimmed form (the first of equal names wins).
pub struct GroupIndex<'a> {
    by_key: HashMap<String, &'a str>,
}

impl<'a> GroupIndex<'a> {
    /// Indexes the names of the groups that exist in Genesys.
    pub fn new(genesys_groups: &'a [String]) -> Self {
        let mut by_key = HashMap::with_capacity(genesys_groups.len());
        for g in genesys_groups {
            by_key.entry(fold(g)).or_insert(g.as_str());
        }
        GroupIndex { by_key }
    }

    /// The Genesys group named like `entra_name`, ignoring case and surrounding spaces.
    pub fn get(&self, entra_name: &str) -> Option<&'a str> {
        self.by_key.get(&fold(entra_name)).copied()
    }
}

/// The form names are compared in: trimmed and lower-cased (Unicode).
fn fold(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The Entra group names that have a Genesys group of the same name (ignoring case), each with
/// the Genesys name.
pub fn matched<'a>(
    entra_groups: &'a [String],
    genesys_groups: &'a [String],
) -> Vec<(&'a str, &'a str)> {
    let index = GroupIndex::new(genesys_groups);
    entra_groups
        .iter()
        .filter_map(|e| index.get(e).map(|g| (e.as_str(), g)))
        .collect()
}

/// The pairs of `a` that are not in `b`, in `a`'s order (linear).
pub fn difference<'a>(a: &[(&'a str, &'a str)], b: &[(&'a str, &'a str)]) -> Vec<&'a str> {
    let b: HashSet<&(&str, &str)> = b.iter().collect();
    a.iter()
        .filter(|pair| !b.contains(pair))
        .map(|(_, g)| *g)
        .collect()
}

/// One `PATCH /Groups/{id}` per group the user joins (`add`) or leaves (`add == false`).
pub fn membership_requests(
    groups: &[&str],
    user_id: &str,
    add: bool,
    dialect: Dialect,
) -> Vec<ScimRequest> {
    groups
        .iter()
        .map(|name| {
            // The flag changes only the removal (Microsoft's compatibility article lists
            // "requests to remove a group member", not additions).
            let operation = match (add, dialect) {
                (true, _) => json!({"op": "Add", "path": "members", "value": [{"$ref": null, "value": user_id}]}),
                (false, Dialect::Default) => json!({"op": "Remove", "path": "members", "value": [{"$ref": null, "value": user_id}]}),
                (false, Dialect::AadOptscim062020) => json!({"op": "remove", "path": format!("members[value eq \"{}\"]", filter_string(user_id))}),
            };
            ScimRequest::new(
                "PATCH",
                format!("/Groups/{{id of {name}}}"),
                Some(json!({"schemas": [PATCH_OP_SCHEMA], "Operations": [operation]})),
                format!("{} the user {} the Genesys group {name}", if add { "adds" } else { "removes" }, if add { "to" } else { "from" }),
            )
        })
        .collect()
}

/// Findings for Entra groups with no Genesys counterpart.
pub fn unmatched_findings(entra_groups: &[String], genesys_groups: &[String]) -> Vec<Finding> {
    if entra_groups.is_empty() {
        return Vec::new();
    }
    let index = GroupIndex::new(genesys_groups);
    let missing: Vec<&String> = entra_groups
        .iter()
        .filter(|e| index.get(e).is_none())
        .collect();
    let none_matched = missing.len() == entra_groups.len();
    if missing.is_empty() {
        return Vec::new();
    }
    const SHOWN: usize = 10;
    let mut names = missing
        .iter()
        .take(SHOWN)
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ");
    if missing.len() > SHOWN {
        names.push_str(&format!(" and {} more", missing.len() - SHOWN));
    }
    let message = if none_matched {
        format!("none of the user's groups ({names}) exists in Genesys: Entra never creates groups, so no membership is synced")
    } else {
        format!("no Genesys group is named {names}: Entra never creates groups, so these memberships are skipped")
    };
    vec![Finding::warning(FindingCode::GroupNotInGenesys, message).help(
        "create the group in Genesys with the same name (case does not matter) before provisioning",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn matches_ignoring_case() {
        let entra = names(&["Sales Agents", "Finance"]);
        let genesys = names(&["sales agents", "Support"]);
        assert_eq!(
            matched(&entra, &genesys),
            vec![("Sales Agents", "sales agents")]
        );
        let f = unmatched_findings(&entra, &genesys);
        assert!(f[0].message.contains("\"Finance\"") && f[0].message.contains("skipped"));
        let f = unmatched_findings(&names(&["Finance"]), &genesys);
        assert!(f[0].message.starts_with("none of the user's groups"));
        assert!(unmatched_findings(&[], &genesys).is_empty());
        let many: Vec<String> = (0..25).map(|i| format!("G{i}")).collect();
        let f = unmatched_findings(&many, &genesys);
        assert!(
            f[0].message.contains("\"G9\"")
                && !f[0].message.contains("\"G10\"")
                && f[0].message.contains("and 15 more"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn case_folding_is_unicode_and_trims() {
        let genesys = names(&["Équipe Ventes ", "Support"]);
        let entra = names(&["équipe ventes"]);
        assert_eq!(
            matched(&entra, &genesys),
            vec![("équipe ventes", "Équipe Ventes ")]
        );
    }

    /// 50,000 Entra groups against 25,000 Genesys groups: quadratic matching would take about a
    /// billion comparisons here; hashing keeps this test quick in a debug build.
    #[test]
    fn large_group_lists_match_in_linear_time() {
        let genesys: Vec<String> = (0..25_000)
            .map(|i| format!("Genesys Group {i:05}"))
            .collect();
        let entra: Vec<String> = (0..50_000)
            .map(|i| format!("genesys group {:05}", i * 2))
            .collect();
        let found = matched(&entra, &genesys);
        assert_eq!(found.len(), 12_500);
        assert_eq!(found[1], ("genesys group 00002", "Genesys Group 00002"));
        let f = unmatched_findings(&entra, &genesys);
        assert!(f[0].message.contains("and 37490 more"), "{}", f[0].message);
        let left = matched(&entra[..10_000], &genesys);
        assert_eq!(difference(&found, &left).len(), 12_500 - 10_000);
        assert_eq!(difference(&left, &found).len(), 0);
    }

    #[test]
    fn requests_in_both_dialects() {
        let add = membership_requests(&["Support"], "u-1", true, Dialect::Default);
        assert_eq!(add[0].path, "/Groups/{id of Support}");
        assert_eq!(
            add[0].body.as_ref().unwrap()["Operations"][0],
            json!({"op": "Add", "path": "members", "value": [{"$ref": null, "value": "u-1"}]})
        );
        let flagged_add = membership_requests(&["Support"], "u-1", true, Dialect::AadOptscim062020);
        assert_eq!(flagged_add, add, "the flag does not change additions");
        let remove = membership_requests(&["Support"], "u-1", false, Dialect::AadOptscim062020);
        assert_eq!(
            remove[0].body.as_ref().unwrap()["Operations"][0],
            json!({"op": "remove", "path": "members[value eq \"u-1\"]"})
        );
    }
}
