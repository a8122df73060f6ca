//! The part of the core's go-live summary the page shows, read from the JSON the worker sends
//! (the page does not link the directory check itself).

use super::chart;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SummaryView {
    pub users: usize,
    pub outcomes: BTreeMap<String, usize>,
    pub read_errors: usize,
    pub findings: BTreeMap<String, usize>,
    pub users_with_errors: usize,
    pub users_with_warnings: usize,
    pub rejected_phone_formats: Vec<PhoneFormat>,
    pub duplicate_matching_value_count: usize,
    pub managers_missing: usize,
    pub missing_groups: Vec<MissingGroup>,
    pub quarantine: Quarantine,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PhoneFormat {
    pub shape: String,
    pub count: usize,
    pub example_user: String,
    pub example_value: String,
    pub verdict: String,
    pub suggested_expression: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MissingGroup {
    pub group: String,
    pub members: usize,
    pub example_user: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Quarantine {
    pub rule: String,
    pub operations: usize,
    pub failures: usize,
    pub failure_percent: f64,
    pub at_risk: bool,
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
