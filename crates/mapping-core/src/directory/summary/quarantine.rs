//! Entra's quarantine rule (its escrow thresholds) and where a directory stands against it.

use serde::Serialize;

/// The documented rule, in our words.
pub const RULE: &str = "Entra starts judging a job by its failures once 5,000 have failed; it then quarantines the job when more than 40 % of the operations fail or more than 40,000 fail (60,000 counting manager and group-member reference failures). In quarantine the job runs once a day and is disabled after four weeks.";

/// Where a directory stands against the quarantine rule in its first cycle.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuarantineRisk {
    /// The rule ([`RULE`]).
    pub rule: &'static str,
    /// Users Entra acts on.
    pub operations: usize,
    /// Users Entra fails.
    pub failures: usize,
    /// Failures as a share of operations, in percent.
    pub failure_percent: f64,
    /// The first cycle would most likely quarantine the job.
    pub at_risk: bool,
    /// Where the directory stands, in words.
    pub verdict: String,
}

/// `operations`: users Entra acts on in the first cycle (creates, updates, unchanged, fails).
pub fn assess(operations: usize, failures: usize) -> QuarantineRisk {
    let percent = if operations == 0 {
        0.0
    } else {
        failures as f64 * 100.0 / operations as f64
    };
    let judged = failures >= 5_000;
    let at_risk = judged && (percent > 40.0 || failures > 40_000);
    let verdict = if at_risk {
        format!("at risk: {failures} failures ({percent:.1} %) pass the thresholds; the first cycle would most likely quarantine the job")
    } else if judged {
        format!("{failures} failures ({percent:.1} %) are judged but stay under 40 % and 40,000")
    } else if percent > 40.0 {
        format!("{failures} failures ({percent:.1} %): over 40 %, but fewer than the 5,000 failures from which Entra judges; no quarantine, yet every failure is retried each cycle")
    } else {
        format!("{failures} failures ({percent:.1} %): under the thresholds")
    };
    QuarantineRisk {
        rule: RULE,
        operations,
        failures,
        failure_percent: (percent * 10.0).round() / 10.0,
        at_risk,
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds() {
        assert!(!assess(100, 90).at_risk);
        assert!(assess(10_000, 5_000).at_risk);
        assert!(!assess(20_000, 6_000).at_risk);
        assert!(assess(200_000, 40_001).at_risk);
        assert_eq!(assess(0, 0).failure_percent, 0.0);
    }
}
