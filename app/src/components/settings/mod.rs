//! Setup around the mappings: the region and Tenant URL, preview options, schema import and
//! export, and share links.

mod options_panel;
mod region_picker;
mod schema_panel;
mod share_button;

pub use options_panel::OptionsPanel;
pub use region_picker::RegionPicker;
pub use schema_panel::SchemaPanel;
pub use share_button::ShareButton;
