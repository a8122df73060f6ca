//! A lesson's provisioning scope, as data: "sync only assigned users and groups" or "sync all",
//! plus attribute scoping filters (clauses AND-ed inside a filter, filters OR-ed). Kept small
//! and self-contained for teaching: the operators Microsoft's scoping-filter article lists for
//! single-valued text and Boolean attributes, each false on an empty attribute except `IS NULL`.

use crate::source::{SourceAttributes, SourceValue};
use serde::{Deserialize, Serialize};

/// Which users the provisioning job takes: the assignment setting and the scoping filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Scope {
    /// "Sync all users and groups" (true) or the default "Sync only assigned users and groups".
    #[serde(default)]
    pub sync_all: bool,
    /// Attribute scoping filters; none means every user the assignment setting lets in.
    #[serde(default)]
    pub filters: Vec<FilterGroup>,
}

/// One scoping filter: every clause must hold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterGroup {
    /// The filter's name, for messages.
    #[serde(default)]
    pub name: String,
    /// The clauses, all of which must hold.
    pub clauses: Vec<Clause>,
}

/// `attribute OPERATOR value`, e.g. `department EQUALS Contact Centre`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// The source attribute's name.
    pub attribute: String,
    /// `EQUALS`, `NOT EQUALS`, `INCLUDES`, `ENDS WITH`, `IS NULL`, `IS NOT NULL`, `IS TRUE`,
    /// `IS FALSE`, `GREATER THAN`, `GREATER THAN OR EQUALS` (any case; `_` for a space). Any
    /// other is an error that puts the user out of scope.
    pub operator: String,
    /// The value compared with (case-sensitive; integers for the `GREATER THAN` forms).
    #[serde(default)]
    pub value: String,
}

/// Whether a user is in scope, and why (in words).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScopeDecision {
    /// Whether the user is provisioned.
    pub in_scope: bool,
    /// The reason, in words.
    pub why: String,
}

/// Decides scope for a user with `attributes`, assigned to the app or not.
pub fn decide(scope: &Scope, assigned: bool, attributes: &SourceAttributes) -> ScopeDecision {
    if !scope.sync_all && !assigned {
        return ScopeDecision {
            in_scope: false,
            why:
                "not assigned to the app, and the scope is \"sync only assigned users and groups\""
                    .into(),
        };
    }
    if scope.filters.is_empty() {
        let why = if assigned {
            "assigned, and no scoping filter"
        } else {
            "\"sync all users and groups\", and no scoping filter"
        };
        return ScopeDecision {
            in_scope: true,
            why: why.into(),
        };
    }
    let mut reasons = Vec::new();
    for (i, group) in scope.filters.iter().enumerate() {
        let label = if group.name.is_empty() {
            format!("filter {}", i + 1)
        } else {
            format!("filter {:?}", group.name)
        };
        match group
            .clauses
            .iter()
            .map(|c| clause(c, attributes).map_err(|e| (c, e)))
            .find(|r| r != &Ok(true))
        {
            None => {
                return ScopeDecision {
                    in_scope: true,
                    why: format!("{label} matches"),
                }
            }
            Some(Ok(_)) => reasons.push(format!("{label} does not match")),
            Some(Err((c, e))) => {
                reasons.push(format!("{label}: {} {}: {e}", c.attribute, c.operator))
            }
        }
    }
    ScopeDecision {
        in_scope: false,
        why: reasons.join("; "),
    }
}

/// One clause; `Err` names an operator this model does not know.
fn clause(c: &Clause, attributes: &SourceAttributes) -> Result<bool, String> {
    let value = match attributes.get(&c.attribute) {
        Some(SourceValue::Single(s)) if !s.is_empty() => Some(s.as_str()),
        Some(SourceValue::Multi(_)) => {
            return Err("multi-valued attributes cannot be used in a scoping filter".into())
        }
        _ => None,
    };
    let op = c.operator.trim().to_ascii_uppercase().replace('_', " ");
    if op == "IS NULL" {
        return Ok(value.is_none());
    }
    let Some(v) = value else {
        // Every other operator is false on an empty attribute.
        return Ok(false);
    };
    let integer = |s: &str| s.trim().parse::<i64>().ok();
    Ok(match op.as_str() {
        "IS NOT NULL" => true,
        "IS TRUE" => v.eq_ignore_ascii_case("true"),
        "IS FALSE" => v.eq_ignore_ascii_case("false"),
        "EQUALS" => v == c.value,
        "NOT EQUALS" => v != c.value,
        "INCLUDES" => v.contains(&c.value),
        "ENDS WITH" => v.ends_with(&c.value),
        "GREATER THAN" | "GREATER THAN OR EQUALS" => match (integer(v), integer(&c.value)) {
            (Some(a), Some(b)) => a > b || (op.ends_with("EQUALS") && a == b),
            _ => return Err("both sides must be integers".into()),
        },
        _ => return Err(format!("unknown operator {:?}", c.operator)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(pairs: &[(&str, &str)]) -> SourceAttributes {
        let mut a = SourceAttributes::new();
        for (k, v) in pairs {
            a.set_str(*k, *v);
        }
        a
    }

    fn filter(clauses: &[(&str, &str, &str)]) -> FilterGroup {
        FilterGroup {
            name: String::new(),
            clauses: clauses
                .iter()
                .map(|(a, o, v)| Clause {
                    attribute: a.to_string(),
                    operator: o.to_string(),
                    value: v.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn assignment_comes_first() {
        let a = attrs(&[("department", "Support")]);
        assert!(!decide(&Scope::default(), false, &a).in_scope);
        assert!(decide(&Scope::default(), true, &a).in_scope);
        let all = Scope {
            sync_all: true,
            filters: vec![],
        };
        assert!(decide(&all, false, &a).in_scope);
    }

    #[test]
    fn clauses_and_filters_or() {
        let scope = Scope {
            sync_all: true,
            filters: vec![
                filter(&[
                    ("department", "EQUALS", "Support"),
                    ("country", "EQUALS", "DE"),
                ]),
                filter(&[("jobTitle", "Includes", "Agent")]),
            ],
        };
        let support_de = attrs(&[("department", "Support"), ("country", "DE")]);
        let support_fr = attrs(&[("department", "Support"), ("country", "FR")]);
        let agent = attrs(&[("jobTitle", "Senior Agent")]);
        assert!(decide(&scope, false, &support_de).in_scope);
        assert!(!decide(&scope, false, &support_fr).in_scope);
        assert!(decide(&scope, false, &agent).in_scope);
    }

    #[test]
    fn equals_is_case_sensitive_and_empty_is_false() {
        let eq = Scope {
            sync_all: true,
            filters: vec![filter(&[("department", "EQUALS", "Support")])],
        };
        assert!(!decide(&eq, true, &attrs(&[("department", "support")])).in_scope);
        let ne = Scope {
            sync_all: true,
            filters: vec![filter(&[("department", "NOT EQUALS", "Sales")])],
        };
        assert!(!decide(&ne, true, &attrs(&[])).in_scope);
        let null = Scope {
            sync_all: true,
            filters: vec![filter(&[("department", "IS NULL", "")])],
        };
        assert!(decide(&null, true, &attrs(&[])).in_scope);
    }

    #[test]
    fn unknown_operators_and_numbers_are_explained() {
        let bad = Scope {
            sync_all: true,
            filters: vec![filter(&[("department", "SOUNDS_LIKE", "x")])],
        };
        let d = decide(&bad, true, &attrs(&[("department", "x")]));
        assert!(
            !d.in_scope && d.why.contains("unknown operator"),
            "{}",
            d.why
        );
        let gt = Scope {
            sync_all: true,
            filters: vec![filter(&[("employeeId", "Greater_Than_OR_EQUALS", "100")])],
        };
        assert!(decide(&gt, true, &attrs(&[("employeeId", "100")])).in_scope);
        assert!(!decide(&gt, true, &attrs(&[("employeeId", "99")])).in_scope);
        let d = decide(&gt, true, &attrs(&[("employeeId", "A7")]));
        assert!(d.why.contains("integers"), "{}", d.why);
    }
}
