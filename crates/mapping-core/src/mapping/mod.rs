//! Mapping sets: the rows of Entra's attribute-mapping blade ([`model`]), the built-in presets
//! ([`presets`]), their Microsoft Graph synchronization schema JSON form ([`schema_json`]), and
//! what an objectMapping does besides its rows ([`objects`]: target object actions, groups).

pub mod model;
pub mod objects;
pub mod presets;
pub mod schema_json;

pub use model::{AttributeMapping, FlowType, MappingKind, MappingSet};
pub use objects::{GroupMapping, ObjectActions};
pub use schema_json::{
    export_mappings, export_schema, import, import_text, ImportError, ImportOutcome,
};
