//! The page's parts, one job each, grouped by the part of the page they belong to.

pub mod common;
pub mod connect;
pub mod directory;
pub mod editor;
pub mod layout;
pub mod learn;
pub mod mappings;
pub mod results;
pub mod settings;
pub mod user;
