//! The part of the core's go-live summary the page shows, read from the JSON the worker sends
//! (the page does not link the directory check itself).

use super::chart;
use serde::Deserialize;
use std::collections::BTreeMap;

/// What the page shows of the core's go-live summary.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SummaryView {
    /// Users checked.
    pub users: usize,
    /// Outcome name (`create`, `update`, …) → users with that outcome.
    pub outcomes: BTreeMap<String, usize>,
    /// Users or records that could not be read.
    pub read_errors: usize,
    /// Finding code → users with at least one finding of that code.
    pub findings: BTreeMap<String, usize>,
    /// Users with at least one error.
    pub users_with_errors: usize,
    /// Users with warnings but no error.
    pub users_with_warnings: usize,
    /// The rejected phone formats, most common first.
    pub rejected_phone_formats: Vec<PhoneFormat>,
    /// How many matching values are held by several users.
    pub duplicate_matching_value_count: usize,
    /// Users whose manager is neither provisioned nor in Genesys.
    pub managers_missing: usize,
    /// Groups that do not exist in Genesys, with their members.
    pub missing_groups: Vec<MissingGroup>,
    /// Where the first cycle stands against Entra's quarantine rule.
    pub quarantine: Quarantine,
    /// Assumptions the numbers rest on.
    pub notes: Vec<String>,
}

/// A format of rejected phone values, with an example.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PhoneFormat {
    /// The values' shape, digits written as `N`.
    pub shape: String,
    /// How many values have this shape.
    pub count: usize,
    /// The first user with such a value.
    pub example_user: String,
    /// That user's value.
    pub example_value: String,
    /// What Genesys would do with it, in words.
    pub verdict: String,
    /// An expression that fixes the example, when the core found one.
    pub suggested_expression: Option<String>,
}

/// A group the users are in that does not exist in Genesys.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MissingGroup {
    /// The group's name or id.
    pub group: String,
    /// Users in scope who are members.
    pub members: usize,
    /// The first of them.
    pub example_user: String,
}

/// The first cycle measured against Entra's quarantine rule.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Quarantine {
    /// The rule, in words.
    pub rule: String,
    /// Users Entra acts on.
    pub operations: usize,
    /// Users Entra fails.
    pub failures: usize,
    /// Failures as a share of operations, in percent.
    pub failure_percent: f64,
    /// Whether the first cycle would most likely quarantine the job.
    pub at_risk: bool,
    /// Where the directory stands, in words.
    pub verdict: String,
}

/// The outcomes in the order the page shows them, with their labels.
pub const OUTCOMES: [(&str, &str); 5] = [
    ("create", "create"),
    ("update", "update"),
    ("unchanged", "unchanged"),
    ("out of scope", "out of scope"),
    ("fail", "fail"),
];

impl SummaryView {
    /// Users with `outcome` (an outcome name); 0 when absent.
    pub fn count(&self, outcome: &str) -> usize {
        self.outcomes.get(outcome).copied().unwrap_or(0)
    }

    /// (label, count) per outcome, for the outcome chart.
    pub fn outcome_values(&self) -> Vec<(String, usize)> {
        OUTCOMES
            .iter()
            .map(|(key, label)| (label.to_string(), self.count(key)))
            .collect()
    }

    /// The `n` most frequent finding codes, for the findings chart.
    pub fn top_findings(&self, n: usize) -> Vec<(String, usize)> {
        chart::top(self.findings.iter().map(|(k, v)| (k.clone(), *v)), n)
    }

    /// `N users: C create, U update, K unchanged, S out of scope, F fail`, as the CLI ends.
    pub fn last_line(&self) -> String {
        format!(
            "{} users: {} create, {} update, {} unchanged, {} out of scope, {} fail",
            self.users,
            self.count("create"),
            self.count("update"),
            self.count("unchanged"),
            self.count("out of scope"),
            self.count("fail")
        )
    }

    /// Ready: no user fails and nothing was unreadable.
    pub fn ready(&self) -> bool {
        self.count("fail") == 0 && self.read_errors == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mapping_core::directory::check::{Checker, Config};
    use mapping_core::directory::readers::{read_all, Format};
    use mapping_core::mapping::presets;

    #[test]
    fn reads_the_core_summary_json() {
        let users = r#"[{"id":"1","userPrincipalName":"a@x.com","displayName":"A","givenName":"A","surname":"B","mail":"a@x.com","accountEnabled":true},
                        {"id":"2","displayName":"no upn"},
                        {"id":"3","userPrincipalName":"c@x.com","displayName":"C","givenName":"C","surname":"D","mail":"c@x.com","accountEnabled":false}]"#;
        let (raw, errors) = read_all(users, Format::Json);
        assert!(errors.is_empty());
        let mut checker = Checker::new(Config {
            mappings: presets::genesys_default(),
            ..Config::default()
        });
        for u in raw {
            checker.check(u);
        }
        let summary = checker.finish();
        let json = serde_json::to_value(&summary).unwrap();
        let view: SummaryView = serde_json::from_value(json).unwrap();
        assert_eq!(view.users, 3);
        assert_eq!(
            view.count("out of scope"),
            1,
            "a disabled user is not created"
        );
        let outcomes: usize = view.outcome_values().iter().map(|(_, c)| c).sum();
        assert_eq!(outcomes, 3, "every outcome has its key");
        assert_eq!(view.last_line(), summary.last_line());
        assert_eq!(
            view.count("fail"),
            summary.count(mapping_core::directory::check::Outcome::Fail)
        );
        assert_eq!(view.ready(), view.count("fail") == 0);
        assert_eq!(view.outcome_values().len(), 5);
        assert_eq!(view.quarantine.operations, summary.quarantine.operations);
        let findings: usize = view.top_findings(100).iter().map(|(_, c)| c).sum();
        assert_eq!(findings, summary.findings.values().sum::<usize>());
    }
}
