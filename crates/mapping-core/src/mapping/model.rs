//! A mapping set as Entra's attribute-mapping blade shows it: one row per target attribute.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

/// Where a row's value comes from (the blade's "Mapping type").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MappingKind {
    /// The value of one source attribute (`source` is its name, e.g. `mail`).
    Direct,
    /// A fixed string (`source` is the string).
    Constant,
    /// An expression (`source` is its text, e.g. `Not([IsSoftDeleted])`).
    Expression,
    /// No source: the target is left alone, but gets the default value when created.
    None,
}

/// When a row applies (Graph's `flowType`). The blade offers the first two as "Always" and
/// "Only during object creation".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum FlowType {
    /// Applied on create and on every update (Graph's default).
    #[default]
    Always,
    /// Applied only when the user is created in the target ("Only during object creation").
    ObjectAddOnly,
    /// Graph: flows only additions of new values to a multi-valued attribute. The engine
    /// applies it like [`FlowType::Always`].
    MultiValueAddOnly,
    /// Graph: once a value exists, flows adds but not removals. The engine applies it like
    /// [`FlowType::Always`].
    ValueAddOnly,
    /// Graph: flows only while the target has no value at all. The engine applies it like
    /// [`FlowType::Always`].
    AttributeAddOnly,
}

impl FlowType {
    /// Graph's spelling, e.g. `ObjectAddOnly`.
    pub fn as_str(self) -> &'static str {
        match self {
            FlowType::Always => "Always",
            FlowType::ObjectAddOnly => "ObjectAddOnly",
            FlowType::MultiValueAddOnly => "MultiValueAddOnly",
            FlowType::ValueAddOnly => "ValueAddOnly",
            FlowType::AttributeAddOnly => "AttributeAddOnly",
        }
    }

    /// Every flow type, in Graph's order.
    pub const ALL: [FlowType; 5] = [
        FlowType::Always,
        FlowType::ObjectAddOnly,
        FlowType::MultiValueAddOnly,
        FlowType::ValueAddOnly,
        FlowType::AttributeAddOnly,
    ];

    /// The flow type with Graph's name `text`, ignoring ASCII case and surrounding whitespace;
    /// `None` for any other text.
    pub fn parse(text: &str) -> Option<FlowType> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// Whether the row is applied when an existing user is updated.
    pub fn applies_on_update(self) -> bool {
        self != FlowType::ObjectAddOnly
    }
}

/// One row of the mapping set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttributeMapping {
    /// The target attribute path, e.g. `phoneNumbers[type eq "work"].value`.
    pub target: String,
    /// Where the value comes from; says how `source` is read.
    pub kind: MappingKind,
    /// Attribute name (Direct), value (Constant), expression text (Expression), or "" (None).
    pub source: String,
    /// "Default value if null": sent on create only, when the source evaluates to null.
    #[serde(default)]
    pub default_value: Option<String>,
    /// When the row applies: on create only, or on updates too.
    #[serde(default)]
    pub flow_type: FlowType,
    /// 0 = not a matching attribute; 1, 2, … = matching precedence, lowest first.
    #[serde(default)]
    pub matching_priority: u32,
    /// Rows that are off are kept in the set but not evaluated (and not exported to Graph).
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
    /// Graph properties this product does not interpret (`flowBehavior`,
    /// `exportMissingReferences`, unknown future fields), kept so a round trip loses nothing.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub extra: Map<String, Json>,
}

fn enabled_by_default() -> bool {
    true
}

impl AttributeMapping {
    fn new(target: &str, kind: MappingKind, source: &str) -> Self {
        AttributeMapping {
            target: target.to_string(),
            kind,
            source: source.to_string(),
            default_value: None,
            flow_type: FlowType::Always,
            matching_priority: 0,
            enabled: true,
            extra: Map::new(),
        }
    }

    /// A Direct row copying source `attribute` into `target`; always on, not matching.
    pub fn direct(target: &str, attribute: &str) -> Self {
        Self::new(target, MappingKind::Direct, attribute)
    }

    /// A Constant row writing the string `value` into `target`.
    pub fn constant(target: &str, value: &str) -> Self {
        Self::new(target, MappingKind::Constant, value)
    }

    /// An Expression row evaluating `text` into `target` (the text is not checked here).
    pub fn expression(target: &str, text: &str) -> Self {
        Self::new(target, MappingKind::Expression, text)
    }

    /// A row with no source, useful only with a default value.
    pub fn none(target: &str) -> Self {
        Self::new(target, MappingKind::None, "")
    }

    /// The same row with matching precedence `priority` (0 makes it not a matching row).
    pub fn matching(mut self, priority: u32) -> Self {
        self.matching_priority = priority;
        self
    }

    /// The same row with `value` as its "Default value if null".
    pub fn with_default(mut self, value: &str) -> Self {
        self.default_value = Some(value.to_string());
        self
    }

    /// The same row applied only on create ([`FlowType::ObjectAddOnly`]).
    pub fn only_on_create(mut self) -> Self {
        self.flow_type = FlowType::ObjectAddOnly;
        self
    }

    /// The same row switched off (kept, but not evaluated or exported).
    pub fn off(mut self) -> Self {
        self.enabled = false;
        self
    }

    /// The row as an expression text: `[mail]` for Direct, `"text"` for Constant.
    pub fn expression_text(&self) -> Option<String> {
        match self.kind {
            MappingKind::Direct => Some(format!("[{}]", self.source)),
            MappingKind::Constant => Some(format!(
                "\"{}\"",
                self.source.replace('\\', "\\\\").replace('"', "\\\"")
            )),
            MappingKind::Expression => Some(self.source.clone()),
            MappingKind::None => None,
        }
    }
}

/// A whole mapping configuration for the User object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct MappingSet {
    /// The rows, in the blade's order; findings refer to them by 0-based index.
    pub mappings: Vec<AttributeMapping>,
    /// The Graph synchronization schema this set was imported from, if any, so an export can
    /// put the rows back into it unchanged around them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<Json>,
}

impl MappingSet {
    /// A set of these rows, not tied to any imported schema.
    pub fn new(mappings: Vec<AttributeMapping>) -> Self {
        MappingSet {
            mappings,
            envelope: None,
        }
    }

    /// The rows that are on.
    pub fn enabled(&self) -> impl Iterator<Item = (usize, &AttributeMapping)> {
        self.mappings.iter().enumerate().filter(|(_, m)| m.enabled)
    }

    /// The group objectMapping of the schema this set was imported from, if it has one (see
    /// [`crate::mapping::objects`]).
    pub fn group_mapping(
        &self,
    ) -> Option<Result<super::objects::GroupMapping, super::schema_json::ImportError>> {
        super::schema_json::group_mapping(self.envelope.as_ref()?)
    }

    /// The matching rows, lowest precedence number first.
    pub fn matching(&self) -> Vec<(usize, &AttributeMapping)> {
        let mut rows: Vec<_> = self
            .enabled()
            .filter(|(_, m)| m.matching_priority > 0)
            .collect();
        rows.sort_by_key(|(_, m)| m.matching_priority);
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_type_names_round_trip() {
        for f in [
            "Always",
            "ObjectAddOnly",
            "MultiValueAddOnly",
            "ValueAddOnly",
            "AttributeAddOnly",
        ] {
            assert_eq!(FlowType::parse(f).unwrap().as_str(), f);
        }
        assert_eq!(
            FlowType::parse(" objectaddonly "),
            Some(FlowType::ObjectAddOnly)
        );
        assert_eq!(FlowType::parse("Sometimes"), None);
        assert!(!FlowType::ObjectAddOnly.applies_on_update());
        assert!(FlowType::Always.applies_on_update());
    }

    #[test]
    fn rows_as_expressions() {
        assert_eq!(
            AttributeMapping::direct("userName", "userPrincipalName")
                .expression_text()
                .unwrap(),
            "[userPrincipalName]"
        );
        assert_eq!(
            AttributeMapping::constant("x", "say \"hi\"")
                .expression_text()
                .unwrap(),
            "\"say \\\"hi\\\"\""
        );
        assert_eq!(AttributeMapping::none("x").expression_text(), None);
    }

    #[test]
    fn matching_rows_in_precedence_order() {
        let set = MappingSet::new(vec![
            AttributeMapping::direct("a", "a").matching(2),
            AttributeMapping::direct("b", "b"),
            AttributeMapping::direct("c", "c").matching(1),
            AttributeMapping::direct("d", "d").matching(3).off(),
        ]);
        let order: Vec<&str> = set
            .matching()
            .iter()
            .map(|(_, m)| m.target.as_str())
            .collect();
        assert_eq!(order, vec!["c", "a"]);
    }
}
