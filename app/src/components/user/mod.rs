//! The users: a JSON editor for the Graph user (and its "before" version), samples, and the
//! source attributes the provisioning engine sees.

mod before_panel;
mod json_editor;
mod source_attributes;
mod user_panel;

pub use before_panel::BeforePanel;
pub use json_editor::JsonEditor;
pub use source_attributes::SourceAttributes;
pub use user_panel::UserPanel;
