//! A lesson in the playground: its starting setup put into the page's state (so the learner
//! edits with the real editors and sees the real requests), the learner's edits turned back into
//! the core's [`Attempt`], and the playground's own setup kept aside while a lesson is open.
//!
//! The lesson's options that the playground has no field for (group visibility, scope, the
//! Tenant and token URLs) are edited as JSON in the lesson view; the playground's settings
//! follow them, so the previews match what the check sees.

use crate::state::ui::{Mode, ResultsTab, SetupTab};
use crate::state::{AppState, Settings};
use mapping_core::genesys::regions;
use mapping_core::learn::{Attempt, Lesson, LessonOptions};
use mapping_core::mapping::model::MappingSet;
use serde_json::Value as Json;

/// The page's state with `attempt` (usually the lesson's start) loaded: its mappings, the first
/// sample user (with its later version for update lessons), settings that follow the lesson's
/// options, Learn mode on the mappings tab. What the lesson does not set comes from `base`.
pub fn lesson_state(lesson: &Lesson, attempt: &Attempt, base: &AppState) -> AppState {
    let mut state = base.clone();
    state.mappings = attempt.mappings.clone();
    if let Some((user, before)) = lesson
        .setup
        .users
        .first()
        .and_then(|u| sample_texts(lesson, &u.id))
    {
        state.user = user;
        state.before = before;
    }
    state.settings = settings_for(&attempt.options, &base.settings);
    state.ui.mode = Mode::Learn;
    state.ui.setup_tab = SetupTab::Mappings;
    state.ui.results_tab = if lesson.setup.users.iter().any(|u| u.after.is_some()) {
        ResultsTab::Update
    } else {
        ResultsTab::Requests
    };
    state
}

/// The user and "before" texts for sample user `id`: for a user who changes (`after`), the
/// changed user with the original as "before", so the update preview shows the change.
pub fn sample_texts(lesson: &Lesson, id: &str) -> Option<(String, String)> {
    let user = lesson.user(id)?;
    Some(match &user.after {
        Some(after) => (pretty(after), pretty(&user.graph)),
        None => (pretty(&user.graph), pretty(&user.graph)),
    })
}

fn pretty(json: &Json) -> String {
    serde_json::to_string_pretty(json).expect("JSON values always serialize")
}

/// The playground's settings for a lesson's options: lifecycle, phone region, the public
/// Genesys groups, provisioned users and region; the rest stays as in `base`.
pub fn settings_for(options: &LessonOptions, base: &Settings) -> Settings {
    Settings {
        lifecycle: options.state,
        phone_region: options
            .phone_region
            .clone()
            .unwrap_or_else(|| base.phone_region.clone()),
        genesys_groups: options.public_group_names(),
        provisioned: options.provisioned.clone(),
        region: options
            .region
            .as_deref()
            .and_then(regions::find)
            .map_or_else(|| base.region.clone(), |r| r.api_host.to_string()),
        ..base.clone()
    }
}

/// The lesson's options as the JSON the learner edits.
pub fn options_text(options: &LessonOptions) -> String {
    serde_json::to_string_pretty(options).expect("options are plain data")
}

/// The learner's options JSON; the error names the line and column.
pub fn parse_options(text: &str) -> Result<LessonOptions, String> {
    serde_json::from_str(text).map_err(|e| format!("The lesson options are not valid: {e}."))
}

/// What the learner hands in: the playground's mappings and the options as edited.
pub fn attempt(mappings: MappingSet, options_text: &str) -> Result<Attempt, String> {
    Ok(Attempt {
        mappings,
        options: parse_options(options_text)?,
    })
}

/// The lesson after `current` in `ids`, if any.
pub fn next_lesson<'a>(ids: &[&'a str], current: &str) -> Option<&'a str> {
    let at = ids.iter().position(|id| *id == current)?;
    ids.get(at + 1).copied()
}

/// What the page saves as the playground's setup: while a lesson is open (`kept` holds the
/// playground's own setup, put aside when the lesson opened) that setup with the current mode,
/// so lesson edits never overwrite it; otherwise the current state.
pub fn state_to_save(kept: Option<&AppState>, current: AppState) -> AppState {
    match kept {
        Some(kept) => {
            let mut saved = kept.clone();
            saved.ui.mode = current.ui.mode;
            saved
        }
        None => current,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mapping_core::learn::{self, check};

    fn lessons() -> Vec<Lesson> {
        learn::all().unwrap()
    }

    /// The attempt the page hands in after loading `attempt` into the editors.
    fn through_the_page(lesson: &Lesson, loaded: &Attempt) -> Attempt {
        let state = lesson_state(lesson, loaded, &AppState::default());
        attempt(state.mappings, &options_text(&loaded.options)).unwrap()
    }

    #[test]
    fn every_lesson_fails_at_its_start_and_passes_with_its_reference_through_the_page() {
        for lesson in lessons() {
            let start = through_the_page(&lesson, &lesson.start().unwrap());
            let report = check(&lesson, &start);
            assert!(!report.solved, "{} solved at its start", lesson.id);
            assert!(report.explanation.is_none(), "{}", lesson.id);
            let reference = through_the_page(&lesson, &lesson.reference().unwrap());
            let report = check(&lesson, &reference);
            assert!(report.solved, "{}: {:?}", lesson.id, report.conditions);
        }
    }

    #[test]
    fn a_lesson_fills_the_editors_and_the_settings() {
        let lesson = learn::find("groups").unwrap();
        let start = lesson.start().unwrap();
        let mut base = AppState::default();
        base.settings.default_domain = "contoso.com".into();
        base.ui.share_users = false;
        let state = lesson_state(&lesson, &start, &base);
        assert_eq!(state.mappings, start.mappings);
        assert_eq!(state.ui.mode, Mode::Learn);
        assert_eq!(state.ui.setup_tab, SetupTab::Mappings);
        assert!(!state.ui.share_users, "the learner's own choices stay");
        // Only the public group reaches the playground's group list.
        assert_eq!(state.settings.genesys_groups, ["care agents"]);
        assert_eq!(state.settings.default_domain, "contoso.com");
        let noor = serde_json::to_string_pretty(&lesson.user("noor").unwrap().graph).unwrap();
        assert_eq!(state.user, noor);
    }

    #[test]
    fn update_lessons_load_the_change_and_open_the_update_preview() {
        let lesson = learn::find("emptied-value").unwrap();
        let state = lesson_state(&lesson, &lesson.start().unwrap(), &AppState::default());
        let li = lesson.user("li").unwrap();
        assert_eq!(state.before, pretty(&li.graph));
        assert_eq!(state.user, pretty(li.after.as_ref().unwrap()));
        assert_eq!(state.ui.results_tab, ResultsTab::Update);
        assert_eq!(sample_texts(&lesson, "nobody"), None);
    }

    #[test]
    fn settings_follow_the_options_and_keep_the_rest() {
        let options: LessonOptions = serde_json::from_value(serde_json::json!({
            "state": "unassigned",
            "region": "EMEA (Frankfurt)",
            "phoneRegion": "DE",
            "provisioned": {"a": "b"}
        }))
        .unwrap();
        let base = Settings {
            default_domain: "x.org".into(),
            ..Settings::default()
        };
        let s = settings_for(&options, &base);
        assert_eq!(s.lifecycle, mapping_core::graph::Lifecycle::Unassigned);
        assert_eq!(s.region, "api.mypurecloud.de");
        assert_eq!(s.phone_region, "DE");
        assert_eq!(s.provisioned.get("a").map(String::as_str), Some("b"));
        assert_eq!(s.default_domain, "x.org");
        let unknown = LessonOptions {
            region: Some("Atlantis".into()),
            ..LessonOptions::default()
        };
        assert_eq!(settings_for(&unknown, &base).region, base.region);
        assert_eq!(settings_for(&unknown, &base).phone_region, "US");
    }

    #[test]
    fn options_round_trip_and_errors_have_positions() {
        let lesson = learn::find("scope").unwrap();
        let options = lesson.reference().unwrap().options;
        assert_eq!(parse_options(&options_text(&options)).unwrap(), options);
        let err = parse_options("{\n  \"state\": \"gone\"\n}").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        assert!(attempt(MappingSet::default(), "{").is_err());
    }

    #[test]
    fn next_lesson_follows_the_list() {
        let ids = ["a", "b", "c"];
        assert_eq!(next_lesson(&ids, "a"), Some("b"));
        assert_eq!(next_lesson(&ids, "c"), None);
        assert_eq!(next_lesson(&ids, "zz"), None);
    }

    #[test]
    fn a_lesson_never_overwrites_the_saved_playground() {
        let mut playground = AppState::default();
        playground.settings.phone_region = "GB".into();
        let mut in_lesson = AppState {
            mappings: MappingSet::default(),
            ..AppState::default()
        };
        in_lesson.ui.mode = Mode::Learn;
        let saved = state_to_save(Some(&playground), in_lesson.clone());
        assert_eq!(saved.mappings, playground.mappings);
        assert_eq!(saved.settings.phone_region, "GB");
        assert_eq!(saved.ui.mode, Mode::Learn);
        assert_eq!(state_to_save(None, in_lesson.clone()), in_lesson);
    }
}
