//! Learn mode: the list of lessons with progress, and the open lesson (situation, goal, the
//! core's check as the learner edits, hints one at a time, the explanation once solved). The
//! lesson's setup is loaded into the playground's own editors, shown below the lesson.
//! Decisions live in `playground_model::learn`; this is the rendering and the browser glue.

mod check_report;
mod learn_state;
mod learn_view;
mod lesson_list;
mod lesson_panel;

pub use learn_state::Learn;
pub use learn_view::LearnView;
