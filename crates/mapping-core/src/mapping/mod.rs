//! Mapping sets: the rows of Entra's attribute-mapping blade ([`model`]), the built-in presets
//! ([`presets`]) and their Microsoft Graph synchronization schema JSON form ([`schema_json`]).

pub mod model;
pub mod presets;
pub mod schema_json;

pub use model::{AttributeMapping, FlowType, MappingKind, MappingSet};
pub use schema_json::{
    export_mappings, export_schema, import, import_text, ImportError, ImportOutcome,
};
