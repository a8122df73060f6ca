//! Learn mode's decisions, with no browser in it: the learner's progress ([`progress`]), the
//! link that opens one lesson ([`link`]), and how a lesson meets the playground ([`session`]):
//! its starting setup loaded into the editors, the learner's edits turned back into an attempt
//! for the core's check, and the playground's own setup kept aside meanwhile.
//!
//! The lessons and their checks are `mapping_core::learn`; this module only decides what the
//! page shows and keeps.

pub mod link;
pub mod progress;
pub mod session;

pub use link::{lesson_hash, lesson_in_hash};
pub use progress::{Progress, PROGRESS_KEY};
