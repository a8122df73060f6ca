//! What a learner has done, kept in the browser under its own key: the lessons solved, how many
//! hints each lesson has shown, and the lesson open last. An unreadable saved value starts
//! afresh rather than failing.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The storage key of the progress (apart from the playground's state).
pub const PROGRESS_KEY: &str = "scim-playground.learn";

/// The most lessons the saved progress keeps (far more than exist; bounds a tampered value).
const MAX_ENTRIES: usize = 256;

/// A learner's progress through the lessons, as saved in the browser.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Progress {
    /// Ids of the lessons solved.
    pub solved: BTreeSet<String>,
    /// Lesson id → how many hints are shown.
    pub hints: BTreeMap<String, usize>,
    /// The lesson open last (reopened when the page comes back to Learn).
    pub current: Option<String>,
}

impl Progress {
    /// The saved progress, or a fresh one when there is none or it cannot be read.
    pub fn from_saved(text: Option<&str>) -> Progress {
        let mut progress: Progress = text
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default();
        while progress.solved.len() > MAX_ENTRIES {
            progress.solved.pop_last();
        }
        while progress.hints.len() > MAX_ENTRIES {
            progress.hints.pop_last();
        }
        progress
    }

    /// The JSON to save.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("progress is plain data")
    }

    /// Whether lesson `id` is solved.
    pub fn is_solved(&self, id: &str) -> bool {
        self.solved.contains(id)
    }

    /// Records lesson `id` as solved; whether it was not before.
    pub fn mark_solved(&mut self, id: &str) -> bool {
        self.solved.insert(id.to_string())
    }

    /// How many of lesson `id`'s `total` hints are shown.
    pub fn hints_shown(&self, id: &str, total: usize) -> usize {
        self.hints.get(id).copied().unwrap_or(0).min(total)
    }

    /// Shows one more of lesson `id`'s `total` hints; whether there was one more.
    pub fn reveal_hint(&mut self, id: &str, total: usize) -> bool {
        let shown = self.hints_shown(id, total);
        if shown >= total {
            return false;
        }
        self.hints.insert(id.to_string(), shown + 1);
        true
    }

    /// How many of `ids` are solved.
    pub fn solved_among<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter().filter(|id| self.is_solved(id)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_are_revealed_one_at_a_time_up_to_the_last() {
        let mut p = Progress::default();
        assert_eq!(p.hints_shown("groups", 3), 0);
        assert!(p.reveal_hint("groups", 3));
        assert_eq!(p.hints_shown("groups", 3), 1);
        assert!(p.reveal_hint("groups", 3));
        assert!(p.reveal_hint("groups", 3));
        assert!(!p.reveal_hint("groups", 3));
        assert_eq!(p.hints_shown("groups", 3), 3);
        assert_eq!(p.hints_shown("scope", 2), 0);
        // A lesson that now has fewer hints shows at most those.
        assert_eq!(p.hints_shown("groups", 2), 2);
    }

    #[test]
    fn progress_round_trips_and_counts_solved_lessons() {
        let mut p = Progress::default();
        assert!(p.mark_solved("groups"));
        assert!(!p.mark_solved("groups"));
        p.reveal_hint("scope", 2);
        p.current = Some("scope".into());
        let back = Progress::from_saved(Some(&p.to_json()));
        assert_eq!(back, p);
        assert_eq!(back.solved_among(["groups", "scope", "teams"]), 1);
    }

    #[test]
    fn unreadable_or_missing_progress_starts_afresh() {
        for text in [
            None,
            Some(""),
            Some("{"),
            Some("[1,2]"),
            Some("{\"solved\":7}"),
        ] {
            assert_eq!(Progress::from_saved(text), Progress::default(), "{text:?}");
        }
        let partial = Progress::from_saved(Some(r#"{"solved":["teams"]}"#));
        assert!(partial.is_solved("teams"));
        assert_eq!(partial.current, None);
    }

    #[test]
    fn a_tampered_progress_is_bounded() {
        let solved: Vec<String> = (0..1000).map(|i| format!("l{i}")).collect();
        let text = serde_json::json!({ "solved": solved }).to_string();
        assert_eq!(Progress::from_saved(Some(&text)).solved.len(), MAX_ENTRIES);
    }
}
