//! The playground's model, with no browser in it: everything the page decides, tested with a
//! plain `cargo test`.
//!
//! * [`state`]: the one serializable [`state::AppState`] with its typed parts ([`state::ui`]:
//!   tabs, theme, notice levels), the saved-state and share-link codecs, the built-in samples,
//!   and how the page picks its starting state;
//! * [`view`]: pure view models (analysis, highlighting, completion, excerpts, the long-text
//!   window, the trace tree);
//! * [`editor`]: the editors' state machines (events in, commands out): the long-text (JSON)
//!   editor and the expression editor's autocomplete;
//! * [`timing`]: the one place that says when work waits for typing to pause.
//!
//! The Leptos app (`app/`) only turns DOM events into model events and applies the commands.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod directory;
pub mod editor;
pub mod learn;
pub mod state;
pub mod timing;
pub mod view;
