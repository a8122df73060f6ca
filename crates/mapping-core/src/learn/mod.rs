//! Learn: short lessons that train admins before they switch provisioning on.
//!
//! Each [`Lesson`] is data (a JSON file under `learn/lessons/`, compiled in): a realistic
//! situation, a starting setup (sample Graph users, a preset plus edits, options such as the
//! lifecycle state, the Genesys groups, the scope or the region), a goal in one sentence, hints,
//! an explanation with its sources, and a reference solution. [`check()`] runs the real engine
//! (preview, update, lint, phone analysis, scope) on a learner's [`Attempt`] and explains each
//! condition. Everything is serializable, so the page renders lessons and reports as they are.

pub mod check;
pub mod edit;
pub mod lesson;
pub mod scope;

pub use check::{check, CheckReport, Condition, ConditionResult};
pub use lesson::{Attempt, Lesson, LessonOptions};
use serde::Serialize;

/// The lessons' JSON texts, in teaching order.
pub const LESSON_FILES: &[&str] = &[
    include_str!("lessons/default-rows.json"),
    include_str!("lessons/strip-spaces.json"),
    include_str!("lessons/extension-only.json"),
    include_str!("lessons/number-and-extension.json"),
    include_str!("lessons/emptied-value.json"),
    include_str!("lessons/groups.json"),
    include_str!("lessons/divisions.json"),
    include_str!("lessons/manager-first.json"),
    include_str!("lessons/leaving.json"),
    include_str!("lessons/scope.json"),
    include_str!("lessons/teams.json"),
    include_str!("lessons/region.json"),
];

/// Parses one lesson's JSON; the error names the line and column.
pub fn parse(text: &str) -> Result<Lesson, String> {
    serde_json::from_str(text).map_err(|e| format!("lesson JSON: {e}"))
}

/// Every lesson, in order.
pub fn all() -> Result<Vec<Lesson>, String> {
    LESSON_FILES.iter().map(|t| parse(t)).collect()
}

/// The lesson with this id.
pub fn find(id: &str) -> Result<Lesson, String> {
    let lessons = all()?;
    let ids: Vec<String> = lessons.iter().map(|l| l.id.clone()).collect();
    lessons
        .into_iter()
        .find(|l| l.id == id.trim())
        .ok_or_else(|| format!("no lesson {id:?}; the lessons are {}", ids.join(", ")))
}

/// A lesson as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The lesson's id.
    pub id: String,
    /// The lesson's title.
    pub title: String,
    /// The goal in one sentence.
    pub goal: String,
}

/// The list of lessons.
pub fn summaries() -> Result<Vec<Summary>, String> {
    Ok(all()?
        .into_iter()
        .map(|l| Summary {
            id: l.id,
            title: l.title,
            goal: l.goal,
        })
        .collect())
}

#[cfg(test)]
mod tests;
