//! The page's view models: pure functions from the state to what the panels show. Components
//! only render these, so every decision is unit-tested here without a browser.

pub mod analysis;
pub mod completion;
pub mod excerpt;
pub mod highlight;
pub mod json;
pub mod text;
pub mod text_window;
pub mod trace_tree;
