//! The scoping filters of a Graph synchronization schema: the user object mapping's `scope`,
//! `groups` of `clauses`. A user is in scope when every clause of at least one group holds (AND
//! within a group, OR between groups); with no groups, every user is.

use super::operators::Operator;
use crate::source::{SourceAttributes, SourceValue};
use serde_json::Value as Json;

/// One clause: a source attribute, an operator and its values.
#[derive(Debug, Clone)]
pub struct Clause {
    /// The source attribute the clause reads.
    pub attribute: String,
    /// The operator as the schema writes it.
    pub operator_name: String,
    /// The operator, read.
    pub operator: Operator,
    /// The clause's target values as given.
    pub values: Vec<String>,
}

/// Clauses that must all hold.
#[derive(Debug, Clone)]
pub struct FilterGroup {
    /// The group's `name` in the schema (empty when it has none).
    pub name: String,
    /// The clauses, in the schema's order.
    pub clauses: Vec<Clause>,
}

/// The scoping filters of one object mapping.
#[derive(Debug, Clone, Default)]
pub struct ScopeFilter {
    /// `scope.groups`: users that stop matching are deprovisioned.
    pub groups: Vec<FilterGroup>,
    /// `scope.inputFilterGroups`: users not matching are dropped before anything else.
    pub input_groups: Vec<FilterGroup>,
}

/// Why a user is out of scope: the first clause that failed in each group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterMiss {
    /// The failed clauses, in words.
    pub reason: String,
}

impl ScopeFilter {
    /// Reads the filters from a synchronization schema (`synchronizationRules[].objectMappings[]`,
    /// a bare `objectMappings` list, one object mapping, or a bare `scope` object). The user
    /// mapping is the one whose `sourceObjectName` is `User`.
    pub fn from_schema(schema: &Json) -> Result<ScopeFilter, String> {
        let scope = find_scope(schema).ok_or(
            "no user object mapping with a scope in the schema (expected synchronizationRules[].objectMappings[].scope)",
        )?;
        if scope.is_null() {
            return Ok(ScopeFilter::default());
        }
        Ok(ScopeFilter {
            groups: groups(
                scope.get("groups").or(scope.get("scopeFilterGroups")),
                "groups",
            )?,
            input_groups: groups(scope.get("inputFilterGroups"), "inputFilterGroups")?,
        })
    }

    /// No filter at all: every user passes.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.input_groups.is_empty()
    }

    /// `Ok` when the user passes; otherwise why not.
    pub fn evaluate(&self, attributes: &SourceAttributes) -> Result<(), FilterMiss> {
        for (set, label) in [
            (&self.input_groups, "input filter"),
            (&self.groups, "scoping filter"),
        ] {
            if set.is_empty() {
                continue;
            }
            let mut misses = Vec::new();
            if !set.iter().any(|g| match first_failing(g, attributes) {
                None => true,
                Some(why) => {
                    misses.push(why);
                    false
                }
            }) {
                return Err(FilterMiss {
                    reason: format!("fails the {label}: {}", misses.join("; ")),
                });
            }
        }
        Ok(())
    }
}

fn first_failing(group: &FilterGroup, attributes: &SourceAttributes) -> Option<String> {
    group.clauses.iter().find_map(|c| {
        let (value, note) = match attributes.get(&c.attribute) {
            None => (None, ""),
            Some(SourceValue::Single(v)) => (Some(v.as_str()), ""),
            Some(SourceValue::Multi(_)) => {
                return Some(format!(
                    "{:?}: {} is multi-valued, which scoping filters cannot test",
                    group.name, c.attribute
                ))
            }
        };
        (!c.operator.holds(value)).then(|| {
            let shown = value.map_or("empty".to_string(), |v| format!("{v:?}"));
            format!(
                "{:?}: {} {} {} is false ({} is {shown}){note}",
                group.name,
                c.attribute,
                c.operator_name,
                c.values.join(", "),
                c.attribute
            )
        })
    })
}

fn find_scope(json: &Json) -> Option<&Json> {
    if let Some(rules) = json.get("synchronizationRules").and_then(Json::as_array) {
        return rules
            .iter()
            .find_map(|r| find_scope(r.get("objectMappings")?));
    }
    if let Some(list) = json.get("objectMappings") {
        return find_scope(list);
    }
    if let Some(list) = json.as_array() {
        let is_user = |m: &&Json| {
            m.get("sourceObjectName")
                .and_then(Json::as_str)
                .is_some_and(|n| n.eq_ignore_ascii_case("user"))
        };
        let mapping = list.iter().find(is_user).or(list.first())?;
        return find_scope(mapping);
    }
    if json.get("attributeMappings").is_some() || json.get("sourceObjectName").is_some() {
        return Some(json.get("scope").unwrap_or(&Json::Null));
    }
    (json.get("groups").is_some() || json.get("scopeFilterGroups").is_some()).then_some(json)
}

fn groups(json: Option<&Json>, label: &str) -> Result<Vec<FilterGroup>, String> {
    let Some(json) = json.filter(|j| !j.is_null()) else {
        return Ok(Vec::new());
    };
    let list = json
        .as_array()
        .ok_or(format!("scope.{label} must be an array"))?;
    list.iter()
        .enumerate()
        .map(|(i, g)| {
            let name = g
                .get("name")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_string();
            let clauses = g
                .get("clauses")
                .and_then(Json::as_array)
                .ok_or(format!("scope.{label}[{i}] has no clauses array"))?;
            let clauses = clauses
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    clause(c).map_err(|e| format!("scope.{label}[{i}].clauses[{j}]: {e}"))
                })
                .collect::<Result<_, _>>()?;
            Ok(FilterGroup { name, clauses })
        })
        .collect()
}

fn clause(json: &Json) -> Result<Clause, String> {
    let text = |key: &str| json.get(key).and_then(Json::as_str).map(str::to_string);
    let operator_name = text("operatorName").ok_or("no operatorName")?;
    let attribute = text("sourceOperandName").ok_or("no sourceOperandName")?;
    let values: Vec<String> = json
        .pointer("/targetOperand/values")
        .and_then(Json::as_array)
        .map(|vs| {
            vs.iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let operator = Operator::parse(&operator_name, &values).map_err(|e| e.0)?;
    Ok(Clause {
        attribute,
        operator_name,
        operator,
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn clause(op: &str, attr: &str, values: &[&str]) -> Json {
        json!({"operatorName": op, "sourceOperandName": attr, "targetOperand": {"values": values}})
    }

    fn user(pairs: &[(&str, &str)]) -> SourceAttributes {
        let mut a = SourceAttributes::new();
        for (k, v) in pairs {
            a.set_str(*k, *v);
        }
        a
    }

    fn schema(groups: Json) -> Json {
        json!({"synchronizationRules": [{"objectMappings": [
            {"sourceObjectName": "Group", "scope": {"groups": [{"name": "never", "clauses": [clause("IS NULL", "x", &[])]}]}},
            {"sourceObjectName": "User", "attributeMappings": [], "scope": {"groups": groups}}
        ]}]})
    }

    #[test]
    fn and_within_a_group_or_between_groups() {
        let filter = ScopeFilter::from_schema(&schema(json!([
            {"name": "Support in GB", "clauses": [clause("EQUALS", "department", &["Support"]), clause("EQUALS", "usageLocation", &["GB"])]},
            {"name": "Managers", "clauses": [clause("Includes", "jobTitle", &["Manager"])]}
        ])))
        .unwrap();
        assert!(filter
            .evaluate(&user(&[("department", "Support"), ("usageLocation", "GB")]))
            .is_ok());
        assert!(filter
            .evaluate(&user(&[("jobTitle", "Retail Manager")]))
            .is_ok());
        let miss = filter
            .evaluate(&user(&[("department", "Support"), ("usageLocation", "US")]))
            .unwrap_err();
        assert!(
            miss.reason.contains("usageLocation EQUALS GB is false"),
            "{}",
            miss.reason
        );
        assert!(miss.reason.contains("Managers"), "{}", miss.reason);
    }

    #[test]
    fn no_scope_means_everyone_and_bad_clauses_are_errors() {
        let none = json!({"synchronizationRules": [{"objectMappings": [{"sourceObjectName": "User", "attributeMappings": [], "scope": null}]}]});
        assert!(ScopeFilter::from_schema(&none).unwrap().is_empty());
        let bad = schema(json!([{"name": "x", "clauses": [clause("Less_Than", "a", &["1"])]}]));
        let e = ScopeFilter::from_schema(&bad).unwrap_err();
        assert!(e.contains("clauses[0]") && e.contains("Less_Than"), "{e}");
        assert!(ScopeFilter::from_schema(&json!({"x": 1})).is_err());
    }

    #[test]
    fn multi_valued_attributes_are_not_filtered() {
        let filter = ScopeFilter::from_schema(&json!({"groups": [{"name": "g", "clauses": [clause("IS NOT NULL", "proxyAddresses", &[])]}]})).unwrap();
        let mut a = SourceAttributes::new();
        a.set(
            "proxyAddresses",
            SourceValue::Multi(vec!["smtp:a@x".into()]),
        );
        assert!(filter
            .evaluate(&a)
            .unwrap_err()
            .reason
            .contains("multi-valued"));
    }
}
