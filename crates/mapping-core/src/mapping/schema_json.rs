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

use std::fmt;

use serde_json::{json, Map, Value as Json};

use super::model::{AttributeMapping, FlowType, MappingKind, MappingSet};
use crate::diag::Span;
use crate::expr::ast::{Node, NodeKind};
use crate::expr::catalog::{self, FunctionDef, Param};
use crate::expr::lexer::{tokenize, Token, TokenKind};
use crate::expr::parser;

/// The envelope key holding the JSON pointer of the User objectMapping (see the module docs).
pub const USER_MAPPING_POINTER_KEY: &str = "@mappingCore.userObjectMapping";

/// How many levels of a `parameters` tree an import rebuilds an expression from. JSON text
/// cannot nest deeper than serde_json's limit of 128 anyway (about 40 levels of calls).
pub const MAX_PARAMETER_DEPTH: usize = 64;

/// How many levels of calls an export spells out as `parameters`. Deeper calls are written with
/// their `expression` and no parameters, so the exported schema stays within the 128 levels of
/// nesting JSON parsers (serde_json included) accept.
pub const EXPORT_PARAMETER_DEPTH: usize = 32;

/// Where the minimal schema keeps its User objectMapping.
const MINIMAL_POINTER: &str = "/synchronizationRules/0/objectMappings/0";

/// Names synchronization rules give Entra's own directory.
const ENTRA_DIRECTORY_NAMES: &[&str] = &["Azure Active Directory", "Microsoft Entra ID"];

/// The row properties [`AttributeMapping`] has fields for; everything else is `extra`.
const ROW_FIELDS: &[&str] = &[
    "defaultValue",
    "flowType",
    "matchingPriority",
    "source",
    "targetAttributeName",
];

const DEFAULT_FLOW_BEHAVIOR: &str = "FlowWhenChanged";

const FLOW_TYPES: &[FlowType] = &[
    FlowType::Always,
    FlowType::ObjectAddOnly,
    FlowType::MultiValueAddOnly,
    FlowType::ValueAddOnly,
    FlowType::AttributeAddOnly,
];

/// Graph's parameter keys where they differ from the catalogue's names: (function, catalogue
/// name, Graph key).
const GRAPH_PARAMETER_KEYS: &[(&str, &str, &str)] = &[
    ("Replace", "oldValue", "Find"),
    ("Replace", "replacementValue", "Replacement"),
];

/// Comparisons have no documented Graph form; this product writes `a = b` as a Function source
/// named after the operator, with `left` and `right` parameters, and reads that form back.
const COMPARISON_OPERATORS: &[&str] = &["=", "<>", ">", ">=", "<", "<="];

/// SCIM core User attributes (RFC 7643 §4.1): a target whose first segment is one of these, or
/// that starts with a SCIM schema URN, is a SCIM path.
const SCIM_USER_ATTRIBUTES: &[&str] = &[
    "id",
    "externalId",
    "userName",
    "name",
    "displayName",
    "nickName",
    "profileUrl",
    "title",
    "userType",
    "preferredLanguage",
    "locale",
    "timezone",
    "active",
    "password",
    "emails",
    "phoneNumbers",
    "ims",
    "photos",
    "addresses",
    "groups",
    "entitlements",
    "roles",
    "x509Certificates",
];

const EXPECTED_DOCUMENT: &str =
    "expected a Microsoft Graph synchronization schema (an object with \
     `synchronizationRules`), one objectMapping (an object with `attributeMappings`) or an array \
     of attributeMappings";

// ---------------------------------------------------------------------------------------------
// Results and errors
// ---------------------------------------------------------------------------------------------

/// Why a JSON document could not be read as a mapping set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// Where in the document, e.g.
    /// `synchronizationRules[0].objectMappings[2].attributeMappings[5].flowType`; empty for the
    /// document as a whole.
    pub path: String,
    /// What is wrong there and what was expected.
    pub message: String,
}

impl ImportError {
    fn new(path: &str, message: impl Into<String>) -> Self {
        ImportError {
            path: path.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ImportError {}

/// A successful import: the set, and what looked wrong without stopping the import (a schema of
/// another application, targets that are not SCIM paths, a disabled objectMapping).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportOutcome {
    pub set: MappingSet,
    pub warnings: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Import: the document
// ---------------------------------------------------------------------------------------------

/// Reads a mapping set from a synchronization schema, an objectMapping or an attributeMappings
/// array (see the module docs). The set comes with the warnings of an import that worked but
/// looks wrong ([`ImportOutcome`]); a document that cannot be read is an [`ImportError`]. Never
/// panics.
pub fn import(json: &Json) -> Result<ImportOutcome, ImportError> {
    match json {
        Json::String(text) => import_embedded(text),
        Json::Array(rows) => import_row_array(rows),
        Json::Object(doc) if doc.contains_key("synchronizationRules") => import_schema(json),
        Json::Object(doc) if doc.contains_key("attributeMappings") => import_object_mapping(doc),
        other => Err(not_a_mapping(other)),
    }
}

/// [`import`] for JSON text.
pub fn import_text(text: &str) -> Result<ImportOutcome, ImportError> {
    let json: Json = serde_json::from_str(text)
        .map_err(|e| ImportError::new("", format!("this is not valid JSON: {e}")))?;
    import(&json)
}

/// A JSON string whose content is the document (copied out of a log line or a JSON field).
/// Unwrapped once only.
fn import_embedded(text: &str) -> Result<ImportOutcome, ImportError> {
    match serde_json::from_str::<Json>(text) {
        Ok(inner) if !inner.is_string() => import(&inner),
        _ => Err(ImportError::new(
            "",
            format!("{EXPECTED_DOCUMENT}; found a string"),
        )),
    }
}

fn import_schema(doc: &Json) -> Result<ImportOutcome, ImportError> {
    let found = locate_user_mapping(doc)?;
    let mappings = object_mapping_rows(found.object_mapping, &found.path())?;
    let warnings = [
        target_directory_warning(found.rule),
        disabled_warning(found.object_mapping),
        non_scim_warning(&mappings),
    ]
    .into_iter()
    .flatten()
    .collect();
    let envelope = finish_envelope(doc.clone(), &found.pointer());
    Ok(ImportOutcome {
        set: MappingSet { mappings, envelope },
        warnings,
    })
}

fn import_object_mapping(object_mapping: &Map<String, Json>) -> Result<ImportOutcome, ImportError> {
    check_object_names(object_mapping)?;
    let mappings = object_mapping_rows(object_mapping, "")?;
    let warnings = [
        disabled_warning(object_mapping),
        non_scim_warning(&mappings),
    ]
    .into_iter()
    .flatten()
    .collect();
    Ok(ImportOutcome {
        set: MappingSet {
            mappings,
            envelope: object_mapping_envelope(object_mapping),
        },
        warnings,
    })
}

fn import_row_array(rows: &[Json]) -> Result<ImportOutcome, ImportError> {
    let mappings = import_rows(rows, "")?;
    let warnings = non_scim_warning(&mappings).into_iter().collect();
    Ok(ImportOutcome {
        set: MappingSet::new(mappings),
        warnings,
    })
}

/// The error for a document of the wrong shape, naming what it looks like.
fn not_a_mapping(found: &Json) -> ImportError {
    let found = match found {
        Json::Object(doc) => describe_object(doc),
        other => crate::source::json_kind(other).to_string(),
    };
    ImportError::new("", format!("{EXPECTED_DOCUMENT}; found {found}"))
}

fn describe_object(doc: &Map<String, Json>) -> String {
    if doc.is_empty() {
        return "an empty object".to_string();
    }
    let keys: Vec<String> = doc.keys().take(5).map(|k| format!("`{k}`")).collect();
    let more = if doc.len() > 5 { ", …" } else { "" };
    let hint = if doc.contains_key("objectMappings") {
        " (a synchronizationRule: paste the whole schema, or one of its objectMappings)"
    } else if doc.contains_key("userPrincipalName") {
        " (this looks like a user, not a mapping)"
    } else {
        ""
    };
    format!("an object with keys {}{more}{hint}", keys.join(", "))
}

// ---------------------------------------------------------------------------------------------
// Import: finding the User objectMapping
// ---------------------------------------------------------------------------------------------

type Object = Map<String, Json>;

/// The User objectMapping of a schema and the rule holding it.
struct Located<'a> {
    rule_index: usize,
    mapping_index: usize,
    rule: &'a Object,
    object_mapping: &'a Object,
}

impl Located<'_> {
    /// The JSON pointer of the objectMapping.
    fn pointer(&self) -> String {
        format!(
            "/synchronizationRules/{}/objectMappings/{}",
            self.rule_index, self.mapping_index
        )
    }

    /// The objectMapping's path, as error messages write it.
    fn path(&self) -> String {
        format!(
            "synchronizationRules[{}].objectMappings[{}]",
            self.rule_index, self.mapping_index
        )
    }
}

/// The User → User objectMapping: of the first rule that provisions out of Entra, else of the
/// first rule that has one.
fn locate_user_mapping(doc: &Json) -> Result<Located<'_>, ImportError> {
    let rules = schema_rules(doc)?;
    let mut first = None;
    for (index, rule) in rules.iter().enumerate() {
        let Some(found) = user_mapping_in_rule(index, rule)? else {
            continue;
        };
        if !targets_entra(found.rule) {
            return Ok(found);
        }
        first.get_or_insert(found);
    }
    first.ok_or_else(|| no_user_mapping(rules))
}

fn schema_rules(doc: &Json) -> Result<&[Json], ImportError> {
    let path = "synchronizationRules";
    match doc.get(path) {
        Some(Json::Array(rules)) => Ok(rules),
        Some(other) => Err(expected(path, "an array of synchronizationRules", other)),
        None => Err(ImportError::new(path, "missing")),
    }
}

fn user_mapping_in_rule(index: usize, rule: &Json) -> Result<Option<Located<'_>>, ImportError> {
    let path = index_path("synchronizationRules", index);
    let rule = rule
        .as_object()
        .ok_or_else(|| expected(&path, "a synchronizationRule object", rule))?;
    let object_mappings = match rule.get("objectMappings") {
        None | Some(Json::Null) => return Ok(None),
        Some(Json::Array(list)) => list,
        Some(other) => {
            let path = key_path(&path, "objectMappings");
            return Err(expected(&path, "an array of objectMappings", other));
        }
    };
    Ok(object_mappings
        .iter()
        .enumerate()
        .find_map(|(mapping_index, om)| {
            let object_mapping = om.as_object().filter(|om| is_user_to_user(om))?;
            Some(Located {
                rule_index: index,
                mapping_index,
                rule,
                object_mapping,
            })
        }))
}

fn is_user_to_user(object_mapping: &Object) -> bool {
    ["sourceObjectName", "targetObjectName"]
        .iter()
        .all(|key| object_name(object_mapping, key).eq_ignore_ascii_case("User"))
}

fn object_name<'a>(object_mapping: &'a Object, key: &str) -> &'a str {
    object_mapping
        .get(key)
        .and_then(Json::as_str)
        .unwrap_or("?")
}

/// Whether a rule provisions into Entra (an inbound rule), judged by its target directory.
fn targets_entra(rule: &Object) -> bool {
    rule.get("targetDirectoryName")
        .and_then(Json::as_str)
        .is_some_and(|name| {
            ENTRA_DIRECTORY_NAMES
                .iter()
                .any(|entra| entra.eq_ignore_ascii_case(name.trim()))
        })
}

fn no_user_mapping(rules: &[Json]) -> ImportError {
    let found: Vec<String> = rules
        .iter()
        .filter_map(|rule| rule.get("objectMappings")?.as_array())
        .flatten()
        .filter_map(Json::as_object)
        .map(|om| {
            format!(
                "{} → {}",
                object_name(om, "sourceObjectName"),
                object_name(om, "targetObjectName")
            )
        })
        .collect();
    let found = if found.is_empty() {
        "it has none".to_string()
    } else {
        format!("found {}", found.join(", "))
    };
    ImportError::new(
        "synchronizationRules",
        format!("no objectMapping maps User to User ({found}); the preview needs the User mapping"),
    )
}

// ---------------------------------------------------------------------------------------------
// Import: the envelope
// ---------------------------------------------------------------------------------------------

/// The minimal schema: one outbound rule from Entra to the Genesys Cloud gallery app, with one
/// User → User objectMapping holding `rows`. Keys in Graph's (alphabetical) order.
fn minimal_schema(rows: Json) -> Json {
    json!({
        "directories": [],
        "synchronizationRules": [{
            "editable": true,
            "metadata": [],
            "name": "USER_OUTBOUND_USER",
            "objectMappings": [{
                "attributeMappings": rows,
                "enabled": true,
                "flowTypes": "Add, Update, Delete",
                "metadata": [],
                "name": "Provision Azure Active Directory Users",
                "scope": null,
                "sourceObjectName": "User",
                "targetObjectName": "User"
            }],
            "priority": 1,
            "sourceDirectoryName": "Azure Active Directory",
            "targetDirectoryName": "Genesys Cloud for Azure"
        }]
    })
}

/// `envelope` with the rows at `pointer` emptied and the pointer recorded; `None` when that is
/// just the minimal schema.
fn finish_envelope(mut envelope: Json, pointer: &str) -> Option<Json> {
    if let Some(object_mapping) = envelope.pointer_mut(pointer).and_then(Json::as_object_mut) {
        object_mapping.insert("attributeMappings".to_string(), Json::Array(Vec::new()));
    }
    if let Some(top) = envelope.as_object_mut() {
        top.insert(USER_MAPPING_POINTER_KEY.to_string(), pointer.into());
    }
    (envelope != default_envelope()).then_some(envelope)
}

/// What [`finish_envelope`] makes of the minimal schema.
fn default_envelope() -> Json {
    let mut envelope = minimal_schema(Json::Array(Vec::new()));
    if let Some(top) = envelope.as_object_mut() {
        top.insert(USER_MAPPING_POINTER_KEY.to_string(), MINIMAL_POINTER.into());
    }
    envelope
}

/// The minimal schema with `object_mapping`'s properties laid over its User objectMapping (a
/// `null` object name does not replace `User`).
fn object_mapping_envelope(object_mapping: &Object) -> Option<Json> {
    let mut envelope = minimal_schema(Json::Array(Vec::new()));
    if let Some(slot) = envelope
        .pointer_mut(MINIMAL_POINTER)
        .and_then(Json::as_object_mut)
    {
        for (key, value) in object_mapping {
            let null_name = value.is_null() && key.ends_with("ObjectName");
            if key != "attributeMappings" && !null_name {
                slot.insert(key.clone(), value.clone());
            }
        }
    }
    finish_envelope(envelope, MINIMAL_POINTER)
}

// ---------------------------------------------------------------------------------------------
// Import: rows
// ---------------------------------------------------------------------------------------------

/// The rows of an objectMapping at `path` (`""` when the objectMapping is the document).
fn object_mapping_rows(
    object_mapping: &Object,
    path: &str,
) -> Result<Vec<AttributeMapping>, ImportError> {
    let path = key_path(path, "attributeMappings");
    match object_mapping.get("attributeMappings") {
        None | Some(Json::Null) => Ok(Vec::new()),
        Some(Json::Array(rows)) => import_rows(rows, &path),
        Some(other) => Err(expected(&path, "an array of attributeMappings", other)),
    }
}

fn import_rows(rows: &[Json], path: &str) -> Result<Vec<AttributeMapping>, ImportError> {
    rows.iter()
        .enumerate()
        .map(|(i, row)| import_row(row, &index_path(path, i)))
        .collect()
}

fn import_row(row: &Json, path: &str) -> Result<AttributeMapping, ImportError> {
    let row = row.as_object().ok_or_else(|| {
        expected(
            path,
            "an attributeMapping object (with `targetAttributeName` and `source`)",
            row,
        )
    })?;
    let target = target_name(row, path)?;
    let (kind, source) = import_source(row, path)?;
    Ok(AttributeMapping {
        target,
        kind,
        source,
        default_value: default_value(row, path)?,
        flow_type: flow_type(row, path)?,
        matching_priority: matching_priority(row, path)?,
        enabled: true,
        extra: extra_properties(row),
    })
}

fn target_name(row: &Object, path: &str) -> Result<String, ImportError> {
    let path = key_path(path, "targetAttributeName");
    match row.get("targetAttributeName") {
        Some(Json::String(name)) if !name.trim().is_empty() => Ok(name.clone()),
        Some(Json::String(_)) => Err(ImportError::new(
            &path,
            "is empty; every attributeMapping names the attribute it sets",
        )),
        Some(other) => Err(expected(&path, "a string", other)),
        None => Err(ImportError::new(
            &path,
            "missing; every attributeMapping names the attribute it sets",
        )),
    }
}

fn default_value(row: &Object, path: &str) -> Result<Option<String>, ImportError> {
    Ok(str_field(row, "defaultValue", path)?.map(str::to_string))
}

fn flow_type(row: &Object, path: &str) -> Result<FlowType, ImportError> {
    let path = key_path(path, "flowType");
    match row.get("flowType") {
        None | Some(Json::Null) => Ok(FlowType::default()),
        Some(Json::String(text)) => FlowType::parse(text).ok_or_else(|| {
            let allowed: Vec<&str> = FLOW_TYPES.iter().map(|f| f.as_str()).collect();
            ImportError::new(
                &path,
                format!(
                    "\"{text}\" is not a flow type; expected one of {}",
                    allowed.join(", ")
                ),
            )
        }),
        Some(other) => Err(expected(&path, "a flow type string", other)),
    }
}

fn matching_priority(row: &Object, path: &str) -> Result<u32, ImportError> {
    let path = key_path(path, "matchingPriority");
    let out_of_range = |shown: &dyn fmt::Display| {
        ImportError::new(
            &path,
            format!(
                "{shown} is not a matching precedence; expected a whole number from 0 (not a \
                 matching attribute) to {}",
                i32::MAX
            ),
        )
    };
    match row.get("matchingPriority") {
        None | Some(Json::Null) => Ok(0),
        Some(Json::Number(n)) => n
            .as_u64()
            .filter(|&v| v <= i32::MAX as u64)
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| out_of_range(n)),
        Some(other) => Err(expected(&path, "a whole number", other)),
    }
}

/// The row's properties this product does not interpret, less Graph's defaults.
fn extra_properties(row: &Object) -> Object {
    row.iter()
        .filter(|(key, value)| !ROW_FIELDS.contains(&key.as_str()) && !is_graph_default(key, value))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

fn is_graph_default(key: &str, value: &Json) -> bool {
    match key {
        "flowBehavior" => value == DEFAULT_FLOW_BEHAVIOR,
        "exportMissingReferences" => value == &Json::Bool(false),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Import: sources
// ---------------------------------------------------------------------------------------------

/// The `type` of an attributeMappingSource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SourceType {
    Attribute,
    Constant,
    Function,
}

impl SourceType {
    const ALL: [SourceType; 3] = [
        SourceType::Attribute,
        SourceType::Constant,
        SourceType::Function,
    ];

    fn as_str(self) -> &'static str {
        match self {
            SourceType::Attribute => "Attribute",
            SourceType::Constant => "Constant",
            SourceType::Function => "Function",
        }
    }

    fn parse(text: &str) -> Option<SourceType> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// A row's kind and source text from its `source`.
fn import_source(row: &Object, path: &str) -> Result<(MappingKind, String), ImportError> {
    let path = key_path(path, "source");
    let node = match row.get("source") {
        None | Some(Json::Null) => return Ok((MappingKind::None, String::new())),
        Some(Json::Object(node)) => node,
        Some(other) => return Err(expected(&path, "a source object or null", other)),
    };
    Ok(match source_type(node, &path)? {
        SourceType::Attribute => (MappingKind::Direct, attribute_name(node, &path)?),
        SourceType::Constant => (MappingKind::Constant, constant_value(node, &path)?),
        SourceType::Function => (MappingKind::Expression, node_text(node, &path, 0)?),
    })
}

/// The node's `type`; Graph's default is `Attribute`.
fn source_type(node: &Object, path: &str) -> Result<SourceType, ImportError> {
    let path = key_path(path, "type");
    match node.get("type") {
        None | Some(Json::Null) => Ok(SourceType::Attribute),
        Some(Json::String(text)) => SourceType::parse(text).ok_or_else(|| {
            let allowed: Vec<&str> = SourceType::ALL.iter().map(|t| t.as_str()).collect();
            ImportError::new(
                &path,
                format!(
                    "\"{text}\" is not a source type; expected one of {}",
                    allowed.join(", ")
                ),
            )
        }),
        Some(other) => Err(expected(&path, "a source type string", other)),
    }
}

/// An Attribute node's attribute: its `name`, else the `[name]` of its `expression`.
fn attribute_name(node: &Object, path: &str) -> Result<String, ImportError> {
    let name = str_field(node, "name", path)?;
    if let Some(name) = name.filter(|n| !n.is_empty()) {
        return Ok(name.to_string());
    }
    let from_expression = str_field(node, "expression", path)?
        .and_then(|text| parser::parse(text).ok())
        .and_then(|root| match root.kind {
            NodeKind::Attribute(name) => Some(name),
            _ => None,
        });
    from_expression
        .or_else(|| name.map(str::to_string))
        .ok_or_else(|| {
            ImportError::new(
                path,
                "an Attribute source needs a `name` (or an `expression` such as `[mail]`)",
            )
        })
}

/// A Constant node's value: its `name`, else its `expression` unquoted.
fn constant_value(node: &Object, path: &str) -> Result<String, ImportError> {
    if let Some(name) = str_field(node, "name", path)? {
        return Ok(name.to_string());
    }
    let literal = str_field(node, "expression", path)?
        .and_then(|text| parser::parse(text).ok())
        .and_then(|root| match root.kind {
            NodeKind::Str(value) | NodeKind::Number(value) | NodeKind::Ident(value) => Some(value),
            _ => None,
        });
    literal.ok_or_else(|| {
        ImportError::new(
            path,
            "a Constant source needs a `name` (the value) or an `expression` that is a quoted \
             string such as `\"Sales\"`",
        )
    })
}

/// The expression text of any node: its `expression` when given, else rebuilt from the node.
fn node_text(node: &Object, path: &str, depth: usize) -> Result<String, ImportError> {
    let expression = str_field(node, "expression", path)?;
    if let Some(text) = expression.filter(|t| !t.trim().is_empty()) {
        return Ok(text.to_string());
    }
    match source_type(node, path)? {
        SourceType::Attribute => Ok(format!("[{}]", attribute_name(node, path)?)),
        SourceType::Constant => Ok(constant_literal(&constant_value(node, path)?)),
        SourceType::Function => match (str_field(node, "name", path)?, expression) {
            (Some(name), _) if !name.is_empty() => rebuild_call(name, node, path, depth),
            (_, Some(blank)) => Ok(blank.to_string()),
            _ => Err(ImportError::new(
                path,
                "a Function source needs an `expression`, or a `name` and `parameters` to \
                 rebuild it from",
            )),
        },
    }
}

/// One entry of a Function node's `parameters`.
struct Parameter<'a> {
    key: &'a str,
    value: &'a Object,
    /// The entry's path.
    path: String,
}

impl Parameter<'_> {
    fn value_path(&self) -> String {
        key_path(&self.path, "value")
    }
}

/// `Name(arg, , arg)` from a Function node's name and parameters, each argument at the position
/// its key names.
fn rebuild_call(
    name: &str,
    node: &Object,
    path: &str,
    depth: usize,
) -> Result<String, ImportError> {
    if depth >= MAX_PARAMETER_DEPTH {
        return Err(ImportError::new(
            path,
            format!(
                "the parameters are nested more than {MAX_PARAMETER_DEPTH} levels deep; give \
                 this source an `expression` instead"
            ),
        ));
    }
    let parameters = parameter_list(node, path)?;
    if COMPARISON_OPERATORS.contains(&name) {
        return rebuild_comparison(name, &parameters, path, depth);
    }
    let def = catalog::lookup(name).or_else(|| catalog::lookup_ignoring_case(name));
    let mut slots: Vec<Option<String>> = Vec::new();
    let mut cursor = 0;
    for parameter in &parameters {
        let slot = match def {
            Some(def) => slot_for(def, parameter.key, cursor)
                .ok_or_else(|| misplaced_parameter(def, parameter))?,
            None => cursor,
        };
        let text = node_text(parameter.value, &parameter.value_path(), depth + 1)?;
        if slots.len() <= slot {
            slots.resize(slot + 1, None);
        }
        if let Some(place) = slots.get_mut(slot) {
            *place = Some(text);
        }
        cursor = slot + 1;
    }
    let arguments: Vec<&str> = slots.iter().map(|s| s.as_deref().unwrap_or("")).collect();
    Ok(format!("{name}({})", arguments.join(", ")))
}

fn rebuild_comparison(
    op: &str,
    parameters: &[Parameter<'_>],
    path: &str,
    depth: usize,
) -> Result<String, ImportError> {
    let side = |key: &str| {
        let parameter = parameters
            .iter()
            .find(|p| p.key.eq_ignore_ascii_case(key))
            .ok_or_else(|| {
                ImportError::new(
                    &key_path(path, "parameters"),
                    format!("the comparison `{op}` needs a `left` and a `right` parameter"),
                )
            })?;
        node_text(parameter.value, &parameter.value_path(), depth + 1)
    };
    Ok(format!("{}{op}{}", side("left")?, side("right")?))
}

fn parameter_list<'a>(node: &'a Object, path: &str) -> Result<Vec<Parameter<'a>>, ImportError> {
    let path = key_path(path, "parameters");
    match node.get("parameters") {
        None | Some(Json::Null) => Ok(Vec::new()),
        Some(Json::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(i, entry)| parameter(entry, index_path(&path, i)))
            .collect(),
        Some(other) => Err(expected(&path, "an array of parameters", other)),
    }
}

fn parameter(entry: &Json, path: String) -> Result<Parameter<'_>, ImportError> {
    let entry = entry
        .as_object()
        .ok_or_else(|| expected(&path, "a parameter object with `key` and `value`", entry))?;
    let key = match entry.get("key") {
        Some(Json::String(key)) => key.as_str(),
        Some(other) => return Err(expected(&key_path(&path, "key"), "a parameter name", other)),
        None => {
            return Err(ImportError::new(
                &key_path(&path, "key"),
                "missing; every parameter names the function parameter it fills",
            ))
        }
    };
    let value = match entry.get("value") {
        Some(Json::Object(value)) => value,
        Some(other) => {
            return Err(expected(
                &key_path(&path, "value"),
                "a source object",
                other,
            ))
        }
        None => return Err(ImportError::new(&key_path(&path, "value"), "missing")),
    };
    Ok(Parameter { key, value, path })
}

/// The argument position for a parameter named `key`, given that positions before `cursor` are
/// taken. A parameter declared before the repeating one (if any) has its own position, which
/// leaves gaps for omitted optional arguments; a repetition, or a parameter declared after the
/// repetition, goes at the cursor.
fn slot_for(def: &FunctionDef, key: &str, cursor: usize) -> Option<usize> {
    let name = catalog_parameter_name(def.name, key);
    let repeating = def.params.iter().position(|p| p.repeats);
    let named = def
        .params
        .iter()
        .position(|p| !p.repeats && p.name.eq_ignore_ascii_case(name));
    match (named, repeating) {
        (Some(i), _) if i >= cursor && repeating.is_none_or(|r| i < r) => Some(i),
        (Some(i), Some(r)) if i > r => Some(cursor),
        _ => repeating
            .filter(|&r| def.params.get(r).is_some_and(|p| repeats_as(p, name)))
            .map(|r| cursor.max(r)),
    }
}

/// Whether a repeating parameter accepts `name` (Switch's repeating `key, value` takes either).
fn repeats_as(param: &Param, name: &str) -> bool {
    param
        .name
        .split(", ")
        .any(|part| part.eq_ignore_ascii_case(name))
}

fn misplaced_parameter(def: &FunctionDef, parameter: &Parameter<'_>) -> ImportError {
    ImportError::new(
        &key_path(&parameter.path, "key"),
        format!(
            "\"{}\" is not a parameter of {} at this place; its parameters are, in order: {}",
            parameter.key,
            def.name,
            def.signature()
        ),
    )
}

/// A Graph parameter key as the catalogue names the parameter (`Find` → `oldValue`).
fn catalog_parameter_name<'a>(function: &str, key: &'a str) -> &'a str {
    GRAPH_PARAMETER_KEYS
        .iter()
        .find(|(f, _, graph)| *f == function && graph.eq_ignore_ascii_case(key))
        .map_or(key, |(_, catalog_name, _)| catalog_name)
}

/// A constant as expression text: a quoted string, or a bare name such as `vbTextCompare`.
fn constant_literal(value: &str) -> String {
    if catalog::IDENTIFIERS.contains(&value) {
        value.to_string()
    } else {
        quote(value)
    }
}

fn quote(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

// ---------------------------------------------------------------------------------------------
// Import: warnings
// ---------------------------------------------------------------------------------------------

fn target_directory_warning(rule: &Object) -> Option<String> {
    let name = rule.get("targetDirectoryName")?.as_str()?;
    let lower = name.to_ascii_lowercase();
    let genesys = lower.contains("genesys") || lower.contains("purecloud");
    (!genesys).then(|| {
        format!(
            "this schema provisions to \"{name}\", not to Genesys Cloud; the preview shows what \
             Genesys Cloud's SCIM API would receive from these rows"
        )
    })
}

fn disabled_warning(object_mapping: &Object) -> Option<String> {
    (object_mapping.get("enabled") == Some(&Json::Bool(false))).then(|| {
        "the User objectMapping is disabled (`enabled: false`): Entra provisions no users with it"
            .to_string()
    })
}

/// An objectMapping given on its own may leave out its object names (the User mapping is meant),
/// but names it gives must be `User`: another object's rows are not user mappings, and an export
/// of them could not be read back.
fn check_object_names(object_mapping: &Object) -> Result<(), ImportError> {
    for key in ["sourceObjectName", "targetObjectName"] {
        match object_mapping.get(key) {
            None | Some(Json::Null) => {}
            Some(Json::String(name)) if name.eq_ignore_ascii_case("User") => {}
            Some(Json::String(name)) => {
                return Err(ImportError::new(
                    key,
                    format!("\"{name}\": this objectMapping is not the User mapping; the preview reads User → User rows only"),
                ))
            }
            Some(other) => return Err(expected(key, "an object name string", other)),
        }
    }
    Ok(())
}

fn non_scim_warning(rows: &[AttributeMapping]) -> Option<String> {
    let foreign: Vec<&str> = rows
        .iter()
        .map(|row| row.target.as_str())
        .filter(|target| !is_scim_path(target))
        .collect();
    if foreign.is_empty() {
        return None;
    }
    let examples: Vec<String> = foreign.iter().take(3).map(|t| format!("`{t}`")).collect();
    let more = if foreign.len() > 3 { ", …" } else { "" };
    Some(format!(
        "{} of {} rows set attributes that are not SCIM paths ({}{more}); Genesys Cloud only \
         understands SCIM attributes, so this may be another application's mapping",
        foreign.len(),
        rows.len(),
        examples.join(", ")
    ))
}

/// Whether a target attribute is a SCIM path: a core User attribute (`userName`,
/// `emails[type eq "work"].value`, `name.givenName`…, case as RFC 7643 writes it) or anything
/// under a SCIM schema URN (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`).
pub fn is_scim_path(target: &str) -> bool {
    let target = target.trim();
    if target.starts_with("urn:ietf:params:scim:schemas:") {
        return true;
    }
    let first = target.split(['[', '.']).next().unwrap_or(target);
    SCIM_USER_ATTRIBUTES.contains(&first)
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/// The whole schema: the envelope (or the minimal schema) with the User objectMapping's
/// `attributeMappings` set to the rows that are on.
pub fn export_schema(set: &MappingSet) -> Json {
    let rows = export_mappings(set);
    let mut doc = set
        .envelope
        .clone()
        .unwrap_or_else(|| minimal_schema(Json::Array(Vec::new())));
    let recorded = take_recorded_pointer(&mut doc);
    let pointer = recorded
        .filter(|p| doc.pointer(p).is_some_and(Json::is_object))
        .or_else(|| locate_user_mapping(&doc).ok().map(|found| found.pointer()));
    match pointer {
        Some(pointer) => {
            put_rows(&mut doc, &pointer, rows);
            doc
        }
        None => minimal_schema(rows),
    }
}

/// The `attributeMappings` array: the rows that are on, in order, in Graph's form.
pub fn export_mappings(set: &MappingSet) -> Json {
    Json::Array(set.enabled().map(|(_, row)| export_row(row)).collect())
}

fn take_recorded_pointer(doc: &mut Json) -> Option<String> {
    match doc
        .as_object_mut()?
        .shift_remove(USER_MAPPING_POINTER_KEY)?
    {
        Json::String(pointer) => Some(pointer),
        _ => None,
    }
}

fn put_rows(doc: &mut Json, pointer: &str, rows: Json) {
    if let Some(object_mapping) = doc.pointer_mut(pointer).and_then(Json::as_object_mut) {
        object_mapping.insert("attributeMappings".to_string(), rows);
    }
}

/// One row with every property Graph returns, its extras merged back, keys in Graph's
/// (alphabetical) order.
fn export_row(row: &AttributeMapping) -> Json {
    let mut out = Map::new();
    let default_value = row.default_value.clone().map_or(Json::Null, Json::String);
    out.insert("defaultValue".to_string(), default_value);
    out.insert("exportMissingReferences".to_string(), Json::Bool(false));
    out.insert("flowBehavior".to_string(), DEFAULT_FLOW_BEHAVIOR.into());
    out.insert("flowType".to_string(), row.flow_type.as_str().into());
    out.insert("matchingPriority".to_string(), row.matching_priority.into());
    out.insert("source".to_string(), export_source(row));
    out.insert("targetAttributeName".to_string(), row.target.clone().into());
    for (key, value) in &row.extra {
        if !ROW_FIELDS.contains(&key.as_str()) {
            out.insert(key.clone(), value.clone());
        }
    }
    out.sort_keys();
    Json::Object(out)
}

fn export_source(row: &AttributeMapping) -> Json {
    match row.kind {
        MappingKind::None => Json::Null,
        MappingKind::Direct => attribute_node(&row.source),
        MappingKind::Constant => constant_node(&row.source),
        MappingKind::Expression => expression_node(&row.source),
    }
}

fn source_node(expression: String, name: &str, parameters: Vec<Json>, kind: SourceType) -> Json {
    json!({
        "expression": expression,
        "name": name,
        "parameters": parameters,
        "type": kind.as_str()
    })
}

fn attribute_node(name: &str) -> Json {
    source_node(format!("[{name}]"), name, Vec::new(), SourceType::Attribute)
}

fn constant_node(value: &str) -> Json {
    source_node(quote(value), value, Vec::new(), SourceType::Constant)
}

/// An Expression row's source: the parsed tree as Graph nodes, the top node keeping the row's
/// text as its `expression`. Text that does not parse is a Function node with no name.
fn expression_node(text: &str) -> Json {
    match parser::parse(text) {
        Ok(root) => {
            let printer = Printer::new(text);
            tree_node(&root, text.to_string(), &printer, 0)
        }
        Err(_) => source_node(text.to_string(), "", Vec::new(), SourceType::Function),
    }
}

/// A syntax-tree node as a Graph source node. `expression` is the node's text.
fn tree_node(node: &Node, expression: String, printer: &Printer<'_>, depth: usize) -> Json {
    match &node.kind {
        NodeKind::Attribute(name) => attribute_node(name),
        NodeKind::Str(value) | NodeKind::Number(value) => constant_node(value),
        NodeKind::Ident(name) => source_node(name.clone(), name, Vec::new(), SourceType::Constant),
        NodeKind::Call { name, args, .. } => {
            let parameters = call_parameters(name, args, printer, depth);
            source_node(expression, name, parameters, SourceType::Function)
        }
        NodeKind::Compare { op, left, right } => {
            let parameters = if depth < EXPORT_PARAMETER_DEPTH {
                vec![
                    parameter_node("left", left, printer, depth),
                    parameter_node("right", right, printer, depth),
                ]
            } else {
                Vec::new()
            };
            source_node(expression, op.as_str(), parameters, SourceType::Function)
        }
    }
}

/// The `parameters` of a call: one per argument given, keyed by parameter name.
fn call_parameters(
    name: &str,
    args: &[Option<Node>],
    printer: &Printer<'_>,
    depth: usize,
) -> Vec<Json> {
    if depth >= EXPORT_PARAMETER_DEPTH {
        return Vec::new();
    }
    let keys = parameter_keys(name, args.len());
    args.iter()
        .zip(keys)
        .filter_map(|(arg, key)| Some(parameter_node(&key, arg.as_ref()?, printer, depth)))
        .collect()
}

fn parameter_node(key: &str, arg: &Node, printer: &Printer<'_>, depth: usize) -> Json {
    let value = tree_node(arg, printer.canonical(arg.span), printer, depth + 1);
    json!({ "key": key, "value": value })
}

/// The Graph key of each of `count` arguments of `function`. Unknown functions get
/// `argument1`, `argument2`…
fn parameter_keys(function: &str, count: usize) -> Vec<String> {
    let Some(def) = catalog::lookup(function).or_else(|| catalog::lookup_ignoring_case(function))
    else {
        return (1..=count).map(|i| format!("argument{i}")).collect();
    };
    (0..count)
        .map(|index| graph_parameter_key(def.name, parameter_name_at(def, index, count)))
        .collect()
}

/// The catalogue name of argument `index` in a call with `count` arguments. With a repeating
/// parameter, the parameters declared after it take the last arguments (Coalesce's
/// `defaultValue`), and a repeated `key, value` alternates (Switch).
fn parameter_name_at(def: &FunctionDef, index: usize, count: usize) -> &'static str {
    let Some(repeating) = def.params.iter().position(|p| p.repeats) else {
        return def.param_name(index);
    };
    let declared_after = def.params.len() - repeating - 1;
    let repetitions = count.saturating_sub(repeating + declared_after).max(1);
    if index < repeating {
        def.param_name(index)
    } else if index < repeating + repetitions {
        let name = def.param_name(repeating);
        let parts = name.split(", ").count();
        name.split(", ")
            .nth((index - repeating) % parts)
            .unwrap_or(name)
    } else {
        def.param_name(index - repetitions + 1)
    }
}

/// A catalogue parameter name as Graph keys it (`oldValue` → `Find`).
fn graph_parameter_key(function: &str, name: &str) -> String {
    GRAPH_PARAMETER_KEYS
        .iter()
        .find(|(f, catalog_name, _)| *f == function && *catalog_name == name)
        .map_or(name, |(_, _, graph)| graph)
        .to_string()
}

/// Prints a piece of an expression the way Graph does: tokens as written, `, ` after commas,
/// no other spaces.
struct Printer<'t> {
    text: &'t str,
    tokens: Vec<Token>,
}

impl<'t> Printer<'t> {
    fn new(text: &'t str) -> Self {
        Printer {
            text,
            tokens: tokenize(text),
        }
    }

    fn canonical(&self, span: Span) -> String {
        let first = self.tokens.partition_point(|t| t.span.start < span.start);
        let mut out = String::new();
        let mut after_comma = false;
        let tokens = self.tokens.get(first..).unwrap_or_default();
        for token in tokens.iter().take_while(|t| t.span.end <= span.end) {
            if after_comma {
                out.push(' ');
            }
            out.push_str(
                self.text
                    .get(token.span.start..token.span.end)
                    .unwrap_or(""),
            );
            after_comma = matches!(token.kind, TokenKind::Comma);
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

fn key_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn index_path(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

fn expected(path: &str, what: &str, found: &Json) -> ImportError {
    ImportError::new(
        path,
        format!("expected {what}, found {}", crate::source::json_kind(found)),
    )
}

/// An optional string property: absent and `null` are `None`; anything but a string is an error.
fn str_field<'a>(
    object: &'a Object,
    key: &str,
    path: &str,
) -> Result<Option<&'a str>, ImportError> {
    match object.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(text)) => Ok(Some(text)),
        Some(other) => Err(expected(&key_path(path, key), "a string or null", other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(source: Json) -> Json {
        json!({ "source": source, "targetAttributeName": "title" })
    }

    fn import_ok(json: Json) -> ImportOutcome {
        import(&json).unwrap_or_else(|e| panic!("{e}"))
    }

    fn import_err(json: Json) -> ImportError {
        match import(&json) {
            Ok(outcome) => panic!("imported: {outcome:?}"),
            Err(e) => e,
        }
    }

    fn only_row(json: Json) -> AttributeMapping {
        let mut rows = import_ok(json!([json])).set.mappings;
        assert_eq!(rows.len(), 1);
        rows.remove(0)
    }

    fn rebuilt(node: Json) -> String {
        only_row(row(node)).source
    }

    fn attr(name: &str) -> Json {
        json!({ "name": name, "type": "Attribute" })
    }

    fn constant(value: &str) -> Json {
        json!({ "name": value, "type": "Constant" })
    }

    fn call(name: &str, parameters: &[(&str, Json)]) -> Json {
        let parameters: Vec<Json> = parameters
            .iter()
            .map(|(key, value)| json!({ "key": key, "value": value }))
            .collect();
        json!({ "name": name, "parameters": parameters, "type": "Function" })
    }

    fn schema(rules: Json) -> Json {
        json!({ "synchronizationRules": rules })
    }

    fn user_mapping(rows: Json) -> Json {
        json!({ "attributeMappings": rows, "sourceObjectName": "User", "targetObjectName": "User" })
    }

    // --- the document --------------------------------------------------------------------------

    #[test]
    fn text_that_is_not_json() {
        let e = import_text("{ nope").unwrap_err();
        assert_eq!(e.path, "");
        assert!(e.message.starts_with("this is not valid JSON"), "{e}");
    }

    #[test]
    fn scalars_are_not_mappings() {
        for (value, found) in [
            (json!(null), "found null"),
            (json!(3), "found a number"),
            (json!(true), "found a boolean"),
            (json!("hello"), "found a string"),
        ] {
            let e = import_err(value);
            assert!(e.message.starts_with("expected a Microsoft Graph"), "{e}");
            assert!(e.message.ends_with(found), "{e}");
        }
    }

    #[test]
    fn a_user_object_is_not_a_mapping() {
        let e = import_err(json!({ "id": "1", "userPrincipalName": "a@b.c", "mail": "a@b.c" }));
        assert!(e.message.contains("`userPrincipalName`"), "{e}");
        assert!(e.message.contains("looks like a user"), "{e}");
        let e = import_err(json!({}));
        assert!(e.message.ends_with("found an empty object"), "{e}");
        let e = import_err(json!({ "a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6 }));
        assert!(e.message.contains("`e`, …"), "{e}");
    }

    #[test]
    fn a_synchronization_rule_gets_a_hint() {
        let e = import_err(json!({ "name": "USER_OUTBOUND_USER", "objectMappings": [] }));
        assert!(e.message.contains("synchronizationRule"), "{e}");
    }

    #[test]
    fn an_array_of_numbers_is_not_a_mapping() {
        let e = import_err(json!([1, 2, 3]));
        assert_eq!(e.path, "[0]");
        assert!(
            e.message.contains("expected an attributeMapping object"),
            "{e}"
        );
        assert!(e.message.ends_with("found a number"), "{e}");
    }

    #[test]
    fn a_json_string_holding_a_document_is_read_once() {
        let inner = json!([row(attr("jobTitle"))]).to_string();
        let outcome = import_ok(Json::String(inner.clone()));
        assert_eq!(outcome.set.mappings[0].source, "jobTitle");
        let twice = Json::String(Json::String(inner).to_string());
        assert!(import_err(twice).message.ends_with("found a string"));
    }

    #[test]
    fn an_empty_array_is_an_empty_set() {
        assert_eq!(import_ok(json!([])).set, MappingSet::default());
    }

    // --- schemas -------------------------------------------------------------------------------

    #[test]
    fn rules_must_be_an_array_of_objects() {
        let e = import_err(schema(json!({})));
        assert_eq!(e.path, "synchronizationRules");
        assert!(
            e.message
                .contains("expected an array of synchronizationRules"),
            "{e}"
        );
        let e = import_err(schema(json!([7])));
        assert_eq!(e.path, "synchronizationRules[0]");
        assert!(
            e.message
                .contains("a synchronizationRule object, found a number"),
            "{e}"
        );
    }

    #[test]
    fn object_mappings_must_be_an_array() {
        let e = import_err(schema(json!([{ "objectMappings": "User" }])));
        assert_eq!(e.path, "synchronizationRules[0].objectMappings");
        assert!(e.message.contains("found a string"), "{e}");
    }

    #[test]
    fn a_schema_without_a_user_mapping() {
        let group = json!({ "attributeMappings": [], "sourceObjectName": "Group", "targetObjectName": "Group" });
        let e = import_err(schema(json!([{ "objectMappings": [group] }])));
        assert_eq!(e.path, "synchronizationRules");
        assert!(
            e.message
                .contains("no objectMapping maps User to User (found Group → Group)"),
            "{e}"
        );
        let e = import_err(schema(json!([])));
        assert!(e.message.contains("it has none"), "{e}");
    }

    #[test]
    fn user_mapping_names_ignore_case() {
        let om = json!({ "attributeMappings": [row(attr("jobTitle"))], "sourceObjectName": "user", "targetObjectName": "USER" });
        let outcome = import_ok(schema(json!([{ "objectMappings": [om] }])));
        assert_eq!(outcome.set.mappings.len(), 1);
    }

    #[test]
    fn an_outbound_rule_is_preferred_over_an_inbound_one() {
        let inbound = json!({ "objectMappings": [user_mapping(json!([row(attr("inbound"))]))], "targetDirectoryName": "Azure Active Directory" });
        let outbound = json!({ "objectMappings": [user_mapping(json!([row(attr("outbound"))]))], "targetDirectoryName": "Genesys Cloud for Azure" });
        let outcome = import_ok(schema(json!([inbound.clone(), outbound])));
        assert_eq!(outcome.set.mappings[0].source, "outbound");
        let envelope = outcome.set.envelope.expect("an envelope");
        assert_eq!(
            envelope[USER_MAPPING_POINTER_KEY],
            "/synchronizationRules/1/objectMappings/0"
        );
        let only_inbound = import_ok(schema(json!([inbound])));
        assert_eq!(only_inbound.set.mappings[0].source, "inbound");
    }

    #[test]
    fn attribute_mappings_must_be_an_array() {
        let om = json!({ "attributeMappings": {}, "sourceObjectName": "User", "targetObjectName": "User" });
        let e = import_err(schema(json!([{ "objectMappings": [om] }])));
        assert_eq!(
            e.path,
            "synchronizationRules[0].objectMappings[0].attributeMappings"
        );
        let e = import_err(json!({ "attributeMappings": 5 }));
        assert_eq!(e.path, "attributeMappings");
    }

    #[test]
    fn missing_attribute_mappings_are_no_rows() {
        let om = json!({ "sourceObjectName": "User", "targetObjectName": "User" });
        let outcome = import_ok(schema(json!([{ "objectMappings": [om] }])));
        assert!(outcome.set.mappings.is_empty());
    }

    #[test]
    fn errors_carry_the_full_path() {
        let mut bad = row(attr("mail"));
        bad["flowType"] = json!("Sometimes");
        let rows = json!([row(attr("a")), row(attr("b")), bad]);
        let rules = json!([{ "objectMappings": [
            { "sourceObjectName": "Group", "targetObjectName": "Group" },
            user_mapping(rows)
        ] }]);
        let e = import_err(schema(rules));
        assert_eq!(
            e.to_string(),
            "synchronizationRules[0].objectMappings[1].attributeMappings[2].flowType: \"Sometimes\" \
             is not a flow type; expected one of Always, ObjectAddOnly, MultiValueAddOnly, \
             ValueAddOnly, AttributeAddOnly"
        );
    }

    // --- rows ----------------------------------------------------------------------------------

    #[test]
    fn a_row_must_be_an_object() {
        let e = import_err(json!({ "attributeMappings": ["mail"] }));
        assert_eq!(e.path, "attributeMappings[0]");
        assert!(e.message.ends_with("found a string"), "{e}");
    }

    #[test]
    fn target_attribute_name_errors() {
        let e = import_err(json!([{ "source": null }]));
        assert_eq!(e.path, "[0].targetAttributeName");
        assert!(e.message.starts_with("missing"), "{e}");
        let e = import_err(json!([{ "source": null, "targetAttributeName": "  " }]));
        assert!(e.message.starts_with("is empty"), "{e}");
        let e = import_err(json!([{ "source": null, "targetAttributeName": 4 }]));
        assert!(
            e.message.contains("expected a string, found a number"),
            "{e}"
        );
    }

    #[test]
    fn flow_type_errors_and_values() {
        let mut r = row(attr("mail"));
        r["flowType"] = json!(1);
        assert_eq!(import_err(json!([r.clone()])).path, "[0].flowType");
        r["flowType"] = json!("objectaddonly");
        assert_eq!(only_row(r.clone()).flow_type, FlowType::ObjectAddOnly);
        r["flowType"] = Json::Null;
        assert_eq!(only_row(r).flow_type, FlowType::Always);
    }

    #[test]
    fn matching_priority_errors_and_values() {
        let mut r = row(attr("mail"));
        for bad in [json!(-1), json!(1.5), json!(2_147_483_648_u64)] {
            r["matchingPriority"] = bad;
            let e = import_err(json!([r.clone()]));
            assert_eq!(e.path, "[0].matchingPriority");
            assert!(e.message.contains("is not a matching precedence"), "{e}");
        }
        r["matchingPriority"] = json!("1");
        assert!(import_err(json!([r.clone()]))
            .message
            .contains("expected a whole number"));
        r["matchingPriority"] = json!(2);
        assert_eq!(only_row(r).matching_priority, 2);
    }

    #[test]
    fn default_value_errors_and_values() {
        let mut r = row(Json::Null);
        r["defaultValue"] = json!(false);
        let e = import_err(json!([r.clone()]));
        assert_eq!(e.path, "[0].defaultValue");
        assert!(
            e.message
                .contains("expected a string or null, found a boolean"),
            "{e}"
        );
        r["defaultValue"] = json!("True");
        let m = only_row(r);
        assert_eq!(
            (m.kind, m.default_value.as_deref()),
            (MappingKind::None, Some("True"))
        );
    }

    #[test]
    fn extra_properties_are_kept_without_graphs_defaults() {
        let mut r = row(attr("mail"));
        r["flowBehavior"] = json!("FlowWhenChanged");
        r["exportMissingReferences"] = json!(false);
        r["note"] = json!({ "by": "admin" });
        let m = only_row(r.clone());
        assert_eq!(
            Json::Object(m.extra.clone()),
            json!({ "note": { "by": "admin" } })
        );
        r["flowBehavior"] = json!("FlowAlways");
        r["exportMissingReferences"] = json!(true);
        let m = only_row(r);
        assert_eq!(m.extra["flowBehavior"], "FlowAlways");
        assert_eq!(m.extra["exportMissingReferences"], true);
    }

    // --- sources -------------------------------------------------------------------------------

    #[test]
    fn source_must_be_an_object_or_null() {
        let e = import_err(json!([row(json!("mail"))]));
        assert_eq!(e.path, "[0].source");
        assert!(
            e.message.contains("expected a source object or null"),
            "{e}"
        );
        let missing = only_row(json!({ "targetAttributeName": "title" }));
        assert_eq!(missing.kind, MappingKind::None);
    }

    #[test]
    fn source_type_errors() {
        let e = import_err(json!([row(json!({ "name": "x", "type": "Lookup" }))]));
        assert_eq!(e.path, "[0].source.type");
        assert_eq!(
            e.message,
            "\"Lookup\" is not a source type; expected one of Attribute, Constant, Function"
        );
        let e = import_err(json!([row(json!({ "name": "x", "type": 2 }))]));
        assert!(e.message.contains("expected a source type string"), "{e}");
    }

    #[test]
    fn attribute_sources() {
        let m = only_row(row(json!({ "name": "mail" })));
        assert_eq!((m.kind, m.source.as_str()), (MappingKind::Direct, "mail"));
        let m = only_row(row(
            json!({ "expression": "[jobTitle]", "type": "attribute" }),
        ));
        assert_eq!(m.source, "jobTitle");
        let e = import_err(json!([row(json!({ "type": "Attribute" }))]));
        assert_eq!(e.path, "[0].source");
        assert!(
            e.message.starts_with("an Attribute source needs a `name`"),
            "{e}"
        );
        let e = import_err(json!([row(
            json!({ "expression": "Foo()", "type": "Attribute" })
        )]));
        assert!(e.message.starts_with("an Attribute source needs"), "{e}");
        let e = import_err(json!([row(json!({ "name": 3, "type": "Attribute" }))]));
        assert_eq!(e.path, "[0].source.name");
    }

    #[test]
    fn constant_sources() {
        let m = only_row(row(constant("Sales")));
        assert_eq!(
            (m.kind, m.source.as_str()),
            (MappingKind::Constant, "Sales")
        );
        let m = only_row(row(
            json!({ "expression": "\"say \\\"hi\\\"\"", "type": "Constant" }),
        ));
        assert_eq!(m.source, "say \"hi\"");
        let m = only_row(row(json!({ "expression": "42", "type": "Constant" })));
        assert_eq!(m.source, "42");
        let m = only_row(row(constant("")));
        assert_eq!(m.source, "");
        let e = import_err(json!([row(
            json!({ "expression": "[mail]", "type": "Constant" })
        )]));
        assert!(e.message.starts_with("a Constant source needs"), "{e}");
    }

    #[test]
    fn function_sources_use_their_expression_verbatim() {
        let m = only_row(row(json!({
            "expression": "Join(\" \",  [givenName], [surname])",
            "name": "Join",
            "parameters": [],
            "type": "Function"
        })));
        assert_eq!(m.kind, MappingKind::Expression);
        assert_eq!(m.source, "Join(\" \",  [givenName], [surname])");
    }

    #[test]
    fn a_function_source_needs_something() {
        let e = import_err(json!([row(json!({ "type": "Function" }))]));
        assert_eq!(e.path, "[0].source");
        assert!(
            e.message
                .starts_with("a Function source needs an `expression`"),
            "{e}"
        );
        assert_eq!(
            rebuilt(json!({ "expression": "", "name": "", "type": "Function" })),
            ""
        );
    }

    // --- rebuilding from parameters ------------------------------------------------------------

    #[test]
    fn rebuilds_simple_calls() {
        assert_eq!(
            rebuilt(call("Not", &[("source", attr("IsSoftDeleted"))])),
            "Not([IsSoftDeleted])"
        );
        let mid = call(
            "Mid",
            &[
                ("source", attr("userPrincipalName")),
                ("start", constant("1")),
                ("length", constant("8")),
            ],
        );
        assert_eq!(rebuilt(mid), "Mid([userPrincipalName], \"1\", \"8\")");
        assert_eq!(rebuilt(call("Guid", &[])), "Guid()");
    }

    #[test]
    fn rebuilds_replace_with_graphs_keys_and_gaps() {
        let replace = call(
            "Replace",
            &[
                ("source", attr("preferredLanguage")),
                ("Find", constant("-")),
                ("Replacement", constant("_")),
            ],
        );
        assert_eq!(
            rebuilt(replace),
            "Replace([preferredLanguage], \"-\", , , \"_\")"
        );
        let by_catalog = call(
            "Replace",
            &[
                ("source", attr("a")),
                ("regexPattern", constant("x")),
                ("replacementValue", constant("y")),
            ],
        );
        assert_eq!(rebuilt(by_catalog), "Replace([a], , \"x\", , \"y\")");
    }

    #[test]
    fn rebuilds_omitted_optional_arguments() {
        let f = call(
            "FormatDateTime",
            &[
                ("source", attr("d")),
                ("inputFormat", constant("yyyyMMdd")),
                ("outputFormat", constant("yyyy")),
            ],
        );
        assert_eq!(rebuilt(f), "FormatDateTime([d], , \"yyyyMMdd\", \"yyyy\")");
    }

    #[test]
    fn rebuilds_repeating_parameters() {
        let join = call(
            "Join",
            &[
                ("separator", constant(" ")),
                ("source", attr("givenName")),
                ("source", attr("surname")),
            ],
        );
        assert_eq!(rebuilt(join), "Join(\" \", [givenName], [surname])");
        let coalesce = call(
            "Coalesce",
            &[
                ("source", attr("mail")),
                ("source", attr("upn")),
                ("defaultValue", constant("none")),
            ],
        );
        assert_eq!(rebuilt(coalesce), "Coalesce([mail], [upn], \"none\")");
        let switch = call(
            "Switch",
            &[
                ("source", attr("c")),
                ("key", constant("A")),
                ("value", constant("1")),
                ("key", constant("B")),
                ("value", constant("2")),
            ],
        );
        assert_eq!(rebuilt(switch), "Switch([c], , \"A\", \"1\", \"B\", \"2\")");
    }

    #[test]
    fn rebuilds_nested_calls_comparisons_and_identifiers() {
        let condition = call("=", &[("left", attr("country")), ("right", constant("US"))]);
        let iif = call(
            "IIF",
            &[
                ("condition", condition),
                ("valueIfTrue", constant("yes")),
                ("valueIfFalse", call("ToLower", &[("source", attr("c"))])),
            ],
        );
        assert_eq!(rebuilt(iif), "IIF([country]=\"US\", \"yes\", ToLower([c]))");
        let instr = call(
            "InStr",
            &[
                ("value1", attr("a")),
                ("value2", constant("b")),
                ("compareType", constant("vbTextCompare")),
            ],
        );
        assert_eq!(rebuilt(instr), "InStr([a], \"b\", , vbTextCompare)");
        let unknown = call("Frob", &[("x", attr("a")), ("y", constant("b"))]);
        assert_eq!(rebuilt(unknown), "Frob([a], \"b\")");
    }

    #[test]
    fn nested_expressions_are_preferred() {
        let nested = json!({ "expression": "Trim-me ( [x] )", "type": "Function" });
        assert_eq!(
            rebuilt(call("Not", &[("source", nested)])),
            "Not(Trim-me ( [x] ))"
        );
    }

    #[test]
    fn comparison_needs_both_sides() {
        let e = import_err(json!([row(call("=", &[("left", attr("a"))]))]));
        assert_eq!(e.path, "[0].source.parameters");
        assert!(e.message.contains("needs a `left` and a `right`"), "{e}");
    }

    #[test]
    fn unknown_or_misplaced_parameter_keys() {
        let e = import_err(json!([row(call(
            "Mid",
            &[
                ("source", attr("a")),
                ("start", constant("1")),
                ("size", constant("2"))
            ]
        ))]));
        assert_eq!(e.path, "[0].source.parameters[2].key");
        assert!(
            e.message.contains("\"size\" is not a parameter of Mid"),
            "{e}"
        );
        assert!(e.message.contains("Mid(source, start, length)"), "{e}");
        let e = import_err(json!([row(call(
            "Not",
            &[("source", attr("a")), ("source", attr("b"))]
        ))]));
        assert_eq!(e.path, "[0].source.parameters[1].key");
    }

    #[test]
    fn parameter_shape_errors() {
        let not_array = json!({ "name": "Not", "parameters": {}, "type": "Function" });
        assert_eq!(
            import_err(json!([row(not_array)])).path,
            "[0].source.parameters"
        );
        let not_object = json!({ "name": "Not", "parameters": [1], "type": "Function" });
        assert_eq!(
            import_err(json!([row(not_object)])).path,
            "[0].source.parameters[0]"
        );
        let no_key =
            json!({ "name": "Not", "parameters": [{ "value": attr("a") }], "type": "Function" });
        assert_eq!(
            import_err(json!([row(no_key)])).path,
            "[0].source.parameters[0].key"
        );
        let bad_key = json!({ "name": "Not", "parameters": [{ "key": 1, "value": attr("a") }], "type": "Function" });
        assert_eq!(
            import_err(json!([row(bad_key)])).path,
            "[0].source.parameters[0].key"
        );
        let no_value =
            json!({ "name": "Not", "parameters": [{ "key": "source" }], "type": "Function" });
        assert_eq!(
            import_err(json!([row(no_value)])).path,
            "[0].source.parameters[0].value"
        );
        let bad_value = json!({ "name": "Not", "parameters": [{ "key": "source", "value": "a" }], "type": "Function" });
        let e = import_err(json!([row(bad_value)]));
        assert_eq!(e.path, "[0].source.parameters[0].value");
        assert!(
            e.message
                .contains("expected a source object, found a string"),
            "{e}"
        );
        let bad_nested = call("Not", &[("source", json!({ "type": "Gadget" }))]);
        assert_eq!(
            import_err(json!([row(bad_nested)])).path,
            "[0].source.parameters[0].value.type"
        );
    }

    #[test]
    fn parameter_trees_deeper_than_the_limit_are_refused() {
        let mut node = attr("flag");
        for _ in 0..=MAX_PARAMETER_DEPTH {
            node = call("Not", &[("source", node)]);
        }
        let e = import_err(json!([row(node)]));
        assert!(e.message.contains("nested more than 64 levels"), "{e}");
        assert!(e.path.starts_with("[0].source.parameters[0].value"), "{e}");
    }

    // --- warnings ------------------------------------------------------------------------------

    #[test]
    fn warns_about_another_applications_schema() {
        let om = user_mapping(json!([
            { "source": attr("mail"), "targetAttributeName": "Email" },
            { "source": attr("upn"), "targetAttributeName": "userName" }
        ]));
        let outcome = import_ok(schema(
            json!([{ "objectMappings": [om], "targetDirectoryName": "ServiceNow" }]),
        ));
        assert_eq!(outcome.warnings.len(), 2, "{:?}", outcome.warnings);
        assert!(outcome.warnings[0].contains("\"ServiceNow\", not to Genesys Cloud"));
        assert!(outcome.warnings[1]
            .starts_with("1 of 2 rows set attributes that are not SCIM paths (`Email`)"));
    }

    #[test]
    fn warns_about_a_disabled_object_mapping() {
        let om = json!({ "attributeMappings": [], "enabled": false, "sourceObjectName": "User" });
        let warnings = import_ok(om).warnings;
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("disabled"));
    }

    #[test]
    fn an_object_mapping_of_another_object_is_refused() {
        let e = import_err(
            json!({ "attributeMappings": [], "sourceObjectName": "Group", "targetObjectName": "Group" }),
        );
        assert_eq!(e.path, "sourceObjectName");
        assert!(
            e.message
                .contains("\"Group\": this objectMapping is not the User mapping"),
            "{e}"
        );
        let e = import_err(json!({ "attributeMappings": [], "targetObjectName": 1 }));
        assert_eq!(e.path, "targetObjectName");
        assert!(
            e.message
                .contains("expected an object name string, found a number"),
            "{e}"
        );
    }

    #[test]
    fn scim_paths() {
        for ok in [
            "userName",
            "emails[type eq \"work\"].value",
            "name.givenName",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
        ] {
            assert!(is_scim_path(ok), "{ok}");
        }
        for foreign in ["Email", "IsActive", "Username", "u_department", ""] {
            assert!(!is_scim_path(foreign), "{foreign}");
        }
    }

    // --- envelope ------------------------------------------------------------------------------

    #[test]
    fn a_bare_array_has_no_envelope_and_exports_the_minimal_schema() {
        let outcome = import_ok(json!([row(attr("jobTitle"))]));
        assert_eq!(outcome.set.envelope, None);
        let doc = export_schema(&outcome.set);
        let rule = &doc["synchronizationRules"][0];
        assert_eq!(rule["name"], "USER_OUTBOUND_USER");
        assert_eq!(rule["sourceDirectoryName"], "Azure Active Directory");
        assert_eq!(rule["targetDirectoryName"], "Genesys Cloud for Azure");
        let om = &rule["objectMappings"][0];
        assert_eq!(
            (
                om["sourceObjectName"].as_str(),
                om["targetObjectName"].as_str()
            ),
            (Some("User"), Some("User"))
        );
        assert_eq!(
            (om["flowTypes"].as_str(), om["enabled"].as_bool()),
            (Some("Add, Update, Delete"), Some(true))
        );
        assert_eq!(om["attributeMappings"][0]["targetAttributeName"], "title");
        assert_eq!(import_ok(doc).set, outcome.set);
    }

    #[test]
    fn an_object_mapping_is_wrapped_in_the_minimal_schema() {
        let om = json!({ "attributeMappings": [row(attr("jobTitle"))], "name": "Users to Genesys", "scope": { "groups": [] } });
        let outcome = import_ok(om);
        let envelope = outcome.set.envelope.clone().expect("an envelope");
        let slot = &envelope["synchronizationRules"][0]["objectMappings"][0];
        assert_eq!(slot["name"], "Users to Genesys");
        assert_eq!(slot["attributeMappings"], json!([]));
        assert_eq!(slot["sourceObjectName"], "User");
        let exported = export_schema(&outcome.set);
        assert!(exported.get(USER_MAPPING_POINTER_KEY).is_none());
        assert_eq!(import_ok(exported).set, outcome.set);
    }

    #[test]
    fn the_envelope_holds_no_rows_and_the_pointer() {
        let rules = json!([{ "objectMappings": [
            { "attributeMappings": [row(attr("g"))], "sourceObjectName": "Group", "targetObjectName": "Group" },
            user_mapping(json!([row(attr("jobTitle"))]))
        ], "targetDirectoryName": "Genesys Cloud for Azure" }]);
        let envelope = import_ok(schema(rules)).set.envelope.expect("an envelope");
        assert_eq!(
            envelope[USER_MAPPING_POINTER_KEY],
            "/synchronizationRules/0/objectMappings/1"
        );
        let oms = &envelope["synchronizationRules"][0]["objectMappings"];
        assert_eq!(oms[1]["attributeMappings"], json!([]));
        assert_eq!(
            oms[0]["attributeMappings"].as_array().map(Vec::len),
            Some(1)
        );
    }

    #[test]
    fn export_finds_the_user_mapping_when_the_pointer_is_stale() {
        let mut set = import_ok(schema(
            json!([{ "objectMappings": [user_mapping(json!([]))], "version": 2 }]),
        ))
        .set;
        set.mappings
            .push(AttributeMapping::direct("title", "jobTitle"));
        if let Some(env) = set.envelope.as_mut() {
            env[USER_MAPPING_POINTER_KEY] = json!("/nowhere/3");
        }
        let doc = export_schema(&set);
        assert_eq!(doc["synchronizationRules"][0]["version"], 2);
        assert_eq!(
            doc["synchronizationRules"][0]["objectMappings"][0]["attributeMappings"][0]
                ["targetAttributeName"],
            "title"
        );
        set.envelope = Some(json!(["not", "a", "schema"]));
        let doc = export_schema(&set);
        assert_eq!(doc["synchronizationRules"][0]["name"], "USER_OUTBOUND_USER");
    }

    // --- export --------------------------------------------------------------------------------

    fn exported_source(row: AttributeMapping) -> Json {
        export_mappings(&MappingSet::new(vec![row]))[0]["source"].clone()
    }

    #[test]
    fn rows_that_are_off_are_not_exported() {
        let set = MappingSet::new(vec![
            AttributeMapping::direct("title", "jobTitle").off(),
            AttributeMapping::direct("displayName", "displayName"),
        ]);
        let rows = export_mappings(&set);
        assert_eq!(rows.as_array().map(Vec::len), Some(1));
        assert_eq!(rows[0]["targetAttributeName"], "displayName");
    }

    #[test]
    fn a_row_in_graphs_form_and_order() {
        let mut m = AttributeMapping::direct("userName", "userPrincipalName")
            .matching(1)
            .only_on_create()
            .with_default("x");
        m.extra.insert("zeta".into(), json!(1));
        m.extra.insert("apex".into(), json!(2));
        m.extra.insert("flowBehavior".into(), json!("FlowAlways"));
        m.extra
            .insert("targetAttributeName".into(), json!("ignored"));
        let row = export_mappings(&MappingSet::new(vec![m]))[0].clone();
        let keys: Vec<&str> = row
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(
            keys,
            [
                "apex",
                "defaultValue",
                "exportMissingReferences",
                "flowBehavior",
                "flowType",
                "matchingPriority",
                "source",
                "targetAttributeName",
                "zeta"
            ]
        );
        assert_eq!(row["flowBehavior"], "FlowAlways");
        assert_eq!(row["flowType"], "ObjectAddOnly");
        assert_eq!(row["matchingPriority"], 1);
        assert_eq!(row["defaultValue"], "x");
        assert_eq!(row["targetAttributeName"], "userName");
        assert_eq!(
            row["source"],
            json!({ "expression": "[userPrincipalName]", "name": "userPrincipalName", "parameters": [], "type": "Attribute" })
        );
    }

    #[test]
    fn none_and_constant_sources() {
        let none = export_mappings(&MappingSet::new(vec![
            AttributeMapping::none("x").with_default("d")
        ]));
        assert_eq!(none[0]["source"], Json::Null);
        assert_eq!(none[0]["defaultValue"], "d");
        assert_eq!(
            exported_source(AttributeMapping::constant("x", "say \"hi\"")),
            json!({ "expression": "\"say \\\"hi\\\"\"", "name": "say \"hi\"", "parameters": [], "type": "Constant" })
        );
    }

    #[test]
    fn function_sources_from_the_tree() {
        let text = "Replace([preferredLanguage], \"-\", , , \"_\", , )";
        let source = exported_source(AttributeMapping::expression("locale", text));
        assert_eq!(source["expression"], text);
        assert_eq!(source["name"], "Replace");
        let keys: Vec<&Json> = source["parameters"]
            .as_array()
            .map(|p| p.iter().map(|e| &e["key"]).collect())
            .unwrap_or_default();
        assert_eq!(
            keys,
            [&json!("source"), &json!("Find"), &json!("Replacement")]
        );
        assert_eq!(
            source["parameters"][1]["value"],
            json!({ "expression": "\"-\"", "name": "-", "parameters": [], "type": "Constant" })
        );
    }

    #[test]
    fn numbers_are_constants_and_nested_text_is_canonical() {
        let source = exported_source(AttributeMapping::expression(
            "alias",
            "Mid( [userPrincipalName],1,  8 )",
        ));
        assert_eq!(source["expression"], "Mid( [userPrincipalName],1,  8 )");
        assert_eq!(
            source["parameters"][1],
            json!({ "key": "start", "value": { "expression": "\"1\"", "name": "1", "parameters": [], "type": "Constant" } })
        );
        let nested = exported_source(AttributeMapping::expression(
            "x",
            "Not(Join( \",\" ,[a],,[b]))",
        ));
        assert_eq!(
            nested["parameters"][0]["value"]["expression"],
            "Join(\",\", [a], , [b])"
        );
    }

    #[test]
    fn repeating_parameter_keys() {
        let keys = |text: &str| -> Vec<String> {
            let source = exported_source(AttributeMapping::expression("x", text));
            source["parameters"]
                .as_array()
                .map(|p| {
                    p.iter()
                        .filter_map(|e| e["key"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(
            keys("Switch([c], , \"A\", \"1\", \"B\", \"2\")"),
            ["source", "key", "value", "key", "value"]
        );
        assert_eq!(
            keys("Coalesce([a], [b], \"c\")"),
            ["source", "source", "defaultValue"]
        );
        assert_eq!(keys("Coalesce([a])"), ["source"]);
        assert_eq!(
            keys("Join(\" \", [a], [b], [c])"),
            ["separator", "source", "source", "source"]
        );
        assert_eq!(keys("Frob([a], [b])"), ["argument1", "argument2"]);
    }

    #[test]
    fn comparisons_identifiers_and_bare_values() {
        let iif = exported_source(AttributeMapping::expression(
            "x",
            "IIF([c] = \"US\", \"a\", \"b\")",
        ));
        let condition = &iif["parameters"][0]["value"];
        assert_eq!(condition["expression"], "[c]=\"US\"");
        assert_eq!(condition["name"], "=");
        assert_eq!(condition["parameters"][1]["key"], "right");
        let instr = exported_source(AttributeMapping::expression(
            "x",
            "InStr([a], \"b\", , vbTextCompare)",
        ));
        assert_eq!(instr["parameters"][2]["key"], "compareType");
        assert_eq!(
            instr["parameters"][2]["value"]["expression"],
            "vbTextCompare"
        );
        assert_eq!(
            exported_source(AttributeMapping::expression("x", " [mail] "))["type"],
            "Attribute"
        );
        assert_eq!(
            exported_source(AttributeMapping::expression("x", "\"Sales\""))["type"],
            "Constant"
        );
    }

    #[test]
    fn text_that_does_not_parse_still_exports() {
        let source = exported_source(AttributeMapping::expression("x", "Join(\",\", [a]"));
        assert_eq!(
            source,
            json!({ "expression": "Join(\",\", [a]", "name": "", "parameters": [], "type": "Function" })
        );
        let back = only_row(row(source));
        assert_eq!(
            (back.kind, back.source.as_str()),
            (MappingKind::Expression, "Join(\",\", [a]")
        );
    }

    #[test]
    fn deep_trees_export_within_json_nesting_limits() {
        let depth = crate::expr::MAX_NESTING;
        let text = format!("{}[flag]{}", "Not(".repeat(depth), ")".repeat(depth));
        let set = MappingSet::new(vec![AttributeMapping::expression("active", &text)]);
        let out = serde_json::to_string(&export_schema(&set)).unwrap_or_default();
        let back = import_text(&out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.set.mappings[0].source, text);
    }
}
