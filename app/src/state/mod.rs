//! The page's state glue: the reactive [`Store`] over the model's [`AppState`], and where it is
//! kept in the browser ([`persist`]). The state itself, its codecs and samples live in
//! `playground-model` and are re-exported here.

pub mod persist;
pub mod store;

pub use playground_model::state::*;
pub use store::{choice_from, Part, RowSignals, Store};
