//! The playground's state: one serde struct ([`model::AppState`]) that is saved, shared and
//! restored whole, the codecs that turn it into text ([`codec`]), the reactive store the page
//! edits ([`store`]), where it is kept in the browser ([`persist`]), and the built-in samples.

pub mod codec;
pub mod model;
pub mod persist;
pub mod samples;
pub mod store;

pub use model::{AppState, Settings, UiState, STATE_VERSION};
pub use store::{RowSignals, Store};
