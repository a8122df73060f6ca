//! Every lesson parses, fails at its start and passes with its reference solution.

use super::*;
use std::collections::BTreeSet;

#[test]
fn there_are_at_least_twelve_lessons_with_unique_ids() {
    let lessons = all().expect("every lesson parses");
    assert!(lessons.len() >= 12, "{}", lessons.len());
    let ids: BTreeSet<&str> = lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids.len(), lessons.len(), "duplicate lesson ids");
    for l in &lessons {
        assert!(
            l.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            l.id
        );
        assert!(!l.hints.is_empty(), "{}: no hints", l.id);
        assert!(!l.sources.is_empty(), "{}: no source", l.id);
        assert!(!l.checks.is_empty(), "{}: no check", l.id);
        assert!(
            l.goal.ends_with('.') && !l.goal.trim_end_matches('.').contains(". "),
            "{}: the goal is one sentence",
            l.id
        );
    }
}

#[test]
fn every_lesson_fails_at_its_start() {
    for lesson in all().unwrap() {
        let start = lesson.start().unwrap();
        let report = check(&lesson, &start);
        assert!(!report.solved, "{} is solved at its start", lesson.id);
        assert!(report.explanation.is_none() && report.sources.is_empty());
        assert!(
            report
                .conditions
                .iter()
                .any(|c| !c.passed && !c.details.is_empty()),
            "{}: a failing condition explains itself",
            lesson.id
        );
    }
}

#[test]
fn every_lesson_passes_with_its_reference_solution() {
    for lesson in all().unwrap() {
        let reference = lesson.reference().unwrap();
        let report = check(&lesson, &reference);
        assert!(
            report.solved,
            "{}: {:#?}",
            lesson.id,
            report
                .conditions
                .iter()
                .filter(|c| !c.passed)
                .collect::<Vec<_>>()
        );
        assert_eq!(
            report.explanation.as_deref(),
            Some(lesson.explanation.as_str())
        );
        assert_eq!(report.sources, lesson.sources);
    }
}

#[test]
fn lessons_and_reports_serialize_for_the_page() {
    for lesson in all().unwrap() {
        let json = serde_json::to_value(&lesson).unwrap();
        let back: Lesson = serde_json::from_value(json).unwrap();
        assert_eq!(back, lesson);
        let report = check(&lesson, &lesson.start().unwrap());
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["solved"], false);
        assert!(json["conditions"][0]["says"].is_string());
        let attempt = serde_json::to_string(&lesson.reference().unwrap()).unwrap();
        let back: Attempt = serde_json::from_str(&attempt).unwrap();
        assert!(check(&lesson, &back).solved, "{}", lesson.id);
    }
}

#[test]
fn the_iif_lesson_explains_the_empty_extension() {
    let lesson = find("number-and-extension").unwrap();
    let report = check(&lesson, &lesson.start().unwrap());
    let flows = &report.conditions[0];
    assert!(!flows.passed);
    let line = |who: &str| {
        flows
            .details
            .iter()
            .find(|d| d.text.starts_with(who))
            .unwrap()
    };
    assert!(!line("jonas:").passed && line("jonas:").text.contains("IIF"));
    let noor = line("noor:");
    assert!(noor.passed, "{noor:?}");
    assert!(noor
        .text
        .starts_with("noor: flows \"tel:+13178723000;ext=402\""));
}

#[test]
fn a_partial_fix_passes_some_conditions_only() {
    let lesson = find("groups").unwrap();
    let mut attempt = lesson.start().unwrap();
    attempt.options.genesys_groups[1].visibility = lesson::Visibility::Public;
    let report = check(&lesson, &attempt);
    let passed: Vec<bool> = report.conditions.iter().map(|c| c.passed).collect();
    assert_eq!(passed, vec![true, true, false]);
    assert!(
        report.conditions[2].details[0].text.contains("Quality"),
        "{:?}",
        report.conditions[2]
    );
}

#[test]
fn find_and_bad_json_are_errors() {
    assert!(find("nope").unwrap_err().contains("default-rows"));
    assert_eq!(find(" teams ").unwrap().id, "teams");
    let e = parse("{\"id\": 1}").unwrap_err();
    assert!(e.contains("line 1"), "{e}");
    assert_eq!(summaries().unwrap().len(), LESSON_FILES.len());
}

#[test]
fn a_target_may_be_written_with_single_quotes() {
    let lesson = find("teams").unwrap();
    let mut attempt = lesson.reference().unwrap();
    let row = attempt.mappings.mappings.last_mut().unwrap();
    row.target = row.target.replace("\"microsoftteams\"", "'microsoftteams'");
    assert!(row.target.contains("'microsoftteams'"));
    assert!(check(&lesson, &attempt).solved);
}
