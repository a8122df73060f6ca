//! The playground's state: one serde struct ([`model::AppState`]) that is saved, shared and
//! restored whole, its typed parts ([`ui`]), the codecs that turn it into text ([`codec`]),
//! where the page starts from ([`startup`]), and the built-in samples.

pub mod codec;
pub mod model;
pub mod samples;
pub mod settings_text;
pub mod startup;
pub mod ui;

pub use model::{AppState, Settings, UiState, STATE_VERSION};
pub use ui::{Mode, Notice, NoticeLevel, ResultsTab, SetupTab, Theme};
