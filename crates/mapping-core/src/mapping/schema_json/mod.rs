//! Reading and writing mapping sets as Microsoft Graph synchronization schema JSON
//! (`GET|PUT /servicePrincipals/{id}/synchronization/jobs/{jobId}/schema`).
//!
//! # What [`import`] reads
//!
//! * a whole `synchronizationSchema`: the rows come from the objectMapping that maps `User` to
//!   `User` (names compared ignoring case). When several synchronizationRules have one, the first
//!   rule whose `targetDirectoryName` is not Entra itself wins (an outbound rule), else the first;
//! * one `objectMapping` (an object with `attributeMappings`);
//! * a bare `attributeMappings` array;
//! * any of these as JSON text ([`import_text`]), or as a JSON string holding such text.
//!
//! A document for another application (Salesforce, ServiceNow…) imports, with warnings in
//! [`ImportOutcome::warnings`]. Anything else is an [`ImportError`] with a path into the document.
//!
//! # Rows
//!
//! `source: null` is a None row; a `type: "Attribute"` source is Direct, `"Constant"` is Constant,
//! `"Function"` is an Expression whose text is the source's `expression` (rebuilt from the
//! `parameters` tree when absent). The properties of a row this product does not interpret go to
//! [`AttributeMapping::extra`], except Graph's defaults (`flowBehavior: "FlowWhenChanged"`,
//! `exportMissingReferences: false`): those are implied, and export writes them back, so a row
//! written by hand with only `source` and `targetAttributeName` and the same row as Graph returns
//! it import to the same value.
//!
//! # The envelope
//!
//! [`MappingSet::envelope`] keeps what surrounds the rows, so [`export_schema`] gives back the
//! document it came from with only the rows changed:
//!
//! * it is always a whole schema: an imported objectMapping is laid over the minimal schema's
//!   User objectMapping (its own properties win);
//! * the User objectMapping's `attributeMappings` is `[]` there: the rows live in
//!   [`MappingSet::mappings`] only, so the envelope does not depend on them;
//! * the JSON pointer of that objectMapping (e.g. `/synchronizationRules/1/objectMappings/0`) is
//!   recorded at the top of the envelope under [`USER_MAPPING_POINTER_KEY`]; export removes the
//!   key, and finds the objectMapping again by the import rule if the pointer no longer leads to
//!   one;
//! * an envelope that says no more than the minimal schema is `None`, so a bare array, the
//!   presets, and their exports all import to sets without one.
//!
//! Hence `import(export_schema(import(x)))` equals `import(x)`, and for a schema written in
//! Graph's own form (every row property present, `expression`s as Graph prints them)
//! `export_schema(import(x))` equals `x`.
//!
//! # Where the code lives
//!
//! This file holds the public API. [`import`] reads the three kinds of document in the private
//! module `document`, which finds the User objectMapping of a schema with `user_mapping`, reads
//! its rows with `row` and their sources with `source`, and collects the `warnings`. `envelope`
//! keeps what surrounds the rows and puts them back on export. `error` is [`ImportError`] and how
//! its paths are written, `fields` reads the optional properties of a JSON object.
//!
//! [`AttributeMapping::extra`]: crate::mapping::AttributeMapping::extra

mod document;
mod envelope;
mod error;
mod fields;
mod group_mapping;
mod row;
mod source;
#[cfg(test)]
mod test_support;
mod user_mapping;
mod warnings;

use serde_json::Value as Json;

use super::model::MappingSet;

pub use error::ImportError;
pub use group_mapping::group_mapping;
pub use user_mapping::{is_group_object_name, is_user_object_name};
pub use warnings::is_scim_path;

/// The envelope key holding the JSON pointer of the User objectMapping (see the module docs).
pub const USER_MAPPING_POINTER_KEY: &str = "@mappingCore.userObjectMapping";

/// How many levels of a `parameters` tree an import rebuilds an expression from. JSON text
/// cannot nest deeper than serde_json's limit of 128 anyway (about 40 levels of calls).
pub const MAX_PARAMETER_DEPTH: usize = 64;

/// How many levels of calls an export spells out as `parameters`. Deeper calls are written with
/// their `expression` and no parameters, so the exported schema stays within the 128 levels of
/// nesting JSON parsers (serde_json included) accept.
pub const EXPORT_PARAMETER_DEPTH: usize = 32;

/// A successful import: the set, and what looked wrong without stopping the import (a schema of
/// another application, targets that are not SCIM paths, a disabled objectMapping).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportOutcome {
    /// The rows read; a surrounding schema or objectMapping is kept as the set's envelope.
    pub set: MappingSet,
    /// One sentence per thing that looked wrong, in the order found; empty when all is well.
    pub warnings: Vec<String>,
}

/// Reads a mapping set from a synchronization schema, an objectMapping or an attributeMappings
/// array (see the module docs). The set comes with the warnings of an import that worked but
/// looks wrong ([`ImportOutcome`]); a document that cannot be read is an [`ImportError`]. Never
/// panics.
pub fn import(json: &Json) -> Result<ImportOutcome, ImportError> {
    document::import_document(json)
}

/// [`import`] for JSON text.
pub fn import_text(text: &str) -> Result<ImportOutcome, ImportError> {
    let json: Json = serde_json::from_str(text)
        .map_err(|e| ImportError::new("", format!("this is not valid JSON: {e}")))?;
    import(&json)
}

/// The whole schema: the envelope (or the minimal schema) with the User objectMapping's
/// `attributeMappings` set to the rows that are on.
pub fn export_schema(set: &MappingSet) -> Json {
    envelope::schema_with_rows(set.envelope.as_ref(), export_mappings(set))
}

/// The `attributeMappings` array: the rows that are on, in order, in Graph's form.
pub fn export_mappings(set: &MappingSet) -> Json {
    Json::Array(set.enabled().map(|(_, row)| row::export_row(row)).collect())
}
