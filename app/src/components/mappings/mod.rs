//! The attribute-mapping table, like Entra's blade: presets, the rows, add/remove/reorder.

mod mapping_row;
mod mappings_panel;
mod source_field;

pub use mapping_row::MappingRow;
pub use mappings_panel::MappingsPanel;
pub use source_field::SourceField;
