//! Merging, ranking and de-duplicating findings.

use crate::diag::Severity;
use crate::finding::{Finding, FindingCode};

/// The findings about a set and a user, as one list to read: lint's and the create preview's,
/// then those of the update preview that say something new (the update repeats, in other
/// words, what the create already says about a row: a finding with the same code about the same
/// row is left out), ranked by [`rank`].
pub fn merge(lint: Vec<Finding>, create: Vec<Finding>, update: Vec<Finding>) -> Vec<Finding> {
    let mut all = lint;
    all.extend(create);
    let known: Vec<(FindingCode, Option<usize>)> = all.iter().map(|f| (f.code, f.row)).collect();
    all.extend(
        update
            .into_iter()
            .filter(|f| !known.contains(&(f.code, f.row))),
    );
    rank(all)
}

/// Errors first, then warnings, then notes; within each, by row (findings about the whole set
/// last), keeping the order they were found in otherwise. The same message about the same
/// place (lint and the preview both report a broken expression) is kept once.
pub fn rank(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by_key(|f| (severity_rank(f.severity), f.row.unwrap_or(usize::MAX)));
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings {
        let repeat = out
            .iter()
            .any(|o| o.row == f.row && o.field == f.field && o.message == f.message);
        if !repeat {
            out.push(f);
        }
    }
    out
}

fn severity_rank(s: Severity) -> u8 {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Field;

    fn codes(findings: &[Finding]) -> Vec<(Severity, Option<usize>, FindingCode)> {
        findings
            .iter()
            .map(|f| (f.severity, f.row, f.code))
            .collect()
    }

    #[test]
    fn errors_come_first_then_rows_in_order_and_set_wide_last() {
        let ranked = rank(vec![
            Finding::info(FindingCode::NeverCleared, "n").at(0, Field::Target),
            Finding::warning(FindingCode::NoDisable, "set-wide"),
            Finding::warning(FindingCode::DuplicateTarget, "w").at(3, Field::Target),
            Finding::error(FindingCode::Expression, "e").at(5, Field::Source),
            Finding::warning(FindingCode::TypographicQuote, "w1").at(1, Field::Source),
        ]);
        assert_eq!(
            codes(&ranked),
            vec![
                (Severity::Error, Some(5), FindingCode::Expression),
                (Severity::Warning, Some(1), FindingCode::TypographicQuote),
                (Severity::Warning, Some(3), FindingCode::DuplicateTarget),
                (Severity::Warning, None, FindingCode::NoDisable),
                (Severity::Info, Some(0), FindingCode::NeverCleared),
            ]
        );
    }

    #[test]
    fn the_same_message_about_the_same_place_is_kept_once() {
        let broken = || Finding::error(FindingCode::Expression, "missing )").at(2, Field::Source);
        let elsewhere =
            Finding::error(FindingCode::Expression, "missing )").at(2, Field::DefaultValue);
        let ranked = rank(vec![broken(), broken(), elsewhere]);
        assert_eq!(ranked.len(), 2, "{ranked:?}");
        assert_eq!(ranked[1].field, Some(Field::DefaultValue));
    }

    #[test]
    fn the_update_adds_only_what_the_create_does_not_say() {
        let merged = merge(
            vec![Finding::warning(FindingCode::NeverCleared, "lint").at(4, Field::Target)],
            vec![Finding::error(FindingCode::Evaluation, "create").at(1, Field::Source)],
            vec![
                Finding::error(FindingCode::Evaluation, "update, in other words")
                    .at(1, Field::Source),
                Finding::error(FindingCode::Evaluation, "update, another row").at(2, Field::Source),
                Finding::warning(FindingCode::NeverCleared, "again").at(4, Field::Target),
            ],
        );
        let messages: Vec<&str> = merged.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(messages, vec!["create", "update, another row", "lint"]);
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(merge(Vec::new(), Vec::new(), Vec::new()).is_empty());
    }
}
