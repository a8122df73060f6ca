//! A user's provisioning source attributes: the names Entra's engine uses (`telephoneNumber`,
//! `mobile`, `IsSoftDeleted`, …), each single- or multi-valued. An absent attribute is null.

use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::fmt;

/// A user's JSON that cannot be read: where (the property's path, and for text the line and
/// column) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserError {
    /// Which document, when there are several (`before`, `after`); `None` otherwise.
    pub document: Option<&'static str>,
    /// The property's path inside the user, e.g. `accountEnabled`, `manager.id`,
    /// `memberOf[2]`; empty for the user as a whole.
    pub property: String,
    /// For JSON text that does not parse: the 1-based line and column.
    pub line_column: Option<(usize, usize)>,
    /// What is wrong, in one plain sentence.
    pub message: String,
}

impl UserError {
    /// An error about `property` (empty for the whole user), in no named document and
    /// without a line and column.
    pub fn new(property: impl Into<String>, message: impl Into<String>) -> Self {
        UserError {
            document: None,
            property: property.into(),
            line_column: None,
            message: message.into(),
        }
    }

    /// The same error, said of the document `name` (`before`, `after`).
    pub fn in_document(mut self, name: &'static str) -> Self {
        self.document = Some(name);
        self
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(document) = self.document {
            write!(f, "{document}: ")?;
        }
        if let Some((line, column)) = self.line_column {
            write!(f, "line {line}, column {column}: ")?;
        }
        if !self.property.is_empty() {
            write!(f, "`{}`: ", self.property)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for UserError {}

/// For callers that report errors as text.
impl From<UserError> for String {
    fn from(e: UserError) -> String {
        e.to_string()
    }
}

/// The value of one source attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceValue {
    /// A single-valued attribute, e.g. `mail`.
    Single(String),
    /// A multi-valued attribute, e.g. `proxyAddresses`, in the order given.
    Multi(Vec<String>),
}

/// The attributes of one user, by exact (case-sensitive) name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceAttributes {
    attributes: BTreeMap<String, SourceValue>,
}

impl SourceAttributes {
    /// A user with no attributes: every lookup is null.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets attribute `name` to `value`, replacing any earlier value of exactly that name.
    pub fn set(&mut self, name: impl Into<String>, value: SourceValue) {
        self.attributes.insert(name.into(), value);
    }

    /// Sets attribute `name` to the single value `value`.
    pub fn set_str(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.set(name, SourceValue::Single(value.into()));
    }

    /// The value of attribute `name`, matched case-sensitively; `None` means null.
    pub fn get(&self, name: &str) -> Option<&SourceValue> {
        self.attributes.get(name)
    }

    /// An attribute whose name differs from `name` only in case, for a hint when a lookup fails.
    pub fn name_ignoring_case(&self, name: &str) -> Option<&str> {
        self.attributes
            .keys()
            .find(|k| k.eq_ignore_ascii_case(name))
            .map(String::as_str)
    }

    /// The attribute names, in sorted (byte) order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.attributes.keys().map(String::as_str)
    }

    /// Every attribute and its value, in sorted (byte) order of name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &SourceValue)> {
        self.attributes.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many attributes are set.
    pub fn len(&self) -> usize {
        self.attributes.len()
    }

    /// Whether no attribute is set.
    pub fn is_empty(&self) -> bool {
        self.attributes.is_empty()
    }

    /// Reads flat source attributes from a JSON object: strings as they are, numbers as decimal
    /// text, booleans as `"True"`/`"False"`, arrays as multi-valued attributes, `null` as absent.
    pub fn from_json(json: &Json) -> Result<Self, UserError> {
        let Json::Object(map) = json else {
            return Err(UserError::new(
                "",
                format!(
                    "source attributes must be a JSON object of name → value, not {}",
                    json_kind(json)
                ),
            ));
        };
        let mut attrs = SourceAttributes::new();
        for (name, value) in map {
            let value = match value {
                Json::Null => continue,
                Json::Array(items) => SourceValue::Multi(
                    items
                        .iter()
                        .enumerate()
                        .filter(|(_, v)| !v.is_null())
                        .map(|(i, v)| {
                            scalar_text(v).ok_or_else(|| nested_error(&format!("{name}[{i}]"), v))
                        })
                        .collect::<Result<_, _>>()?,
                ),
                other => SourceValue::Single(
                    scalar_text(other).ok_or_else(|| nested_error(name, other))?,
                ),
            };
            attrs.set(name.clone(), value);
        }
        Ok(attrs)
    }

    /// Parses [`SourceAttributes::from_json`] input from text; a syntax error carries its line
    /// and column.
    pub fn from_json_text(text: &str) -> Result<Self, UserError> {
        let json: Json = serde_json::from_str(text).map_err(|e| UserError {
            line_column: Some((e.line(), e.column())),
            ..UserError::new("", format!("the user is not valid JSON: {e}"))
        })?;
        Self::from_json(&json)
    }
}

/// The text Entra would see for a JSON scalar.
fn scalar_text(v: &Json) -> Option<String> {
    match v {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        Json::Bool(b) => Some(if *b { "True" } else { "False" }.to_string()),
        _ => None,
    }
}

fn nested_error(name: &str, value: &Json) -> UserError {
    UserError::new(
        name,
        format!(
            "holds {}; source attributes are strings or lists of strings",
            json_kind(value)
        ),
    )
}

/// "a string", "an object", …: a JSON value's kind, for error messages.
pub fn json_kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_scalars_lists_and_nulls() {
        let a = SourceAttributes::from_json(&json!({
            "mail": "a@b", "n": 7, "IsSoftDeleted": false, "gone": null, "proxyAddresses": ["x", "y"]
        }))
        .unwrap();
        assert_eq!(a.get("mail"), Some(&SourceValue::Single("a@b".into())));
        assert_eq!(a.get("n"), Some(&SourceValue::Single("7".into())));
        assert_eq!(
            a.get("IsSoftDeleted"),
            Some(&SourceValue::Single("False".into()))
        );
        assert_eq!(a.get("gone"), None);
        assert_eq!(
            a.get("proxyAddresses"),
            Some(&SourceValue::Multi(vec!["x".into(), "y".into()]))
        );
        assert_eq!(a.len(), 4);
    }

    #[test]
    fn rejects_what_is_not_flat() {
        assert!(SourceAttributes::from_json(&json!([1]))
            .unwrap_err()
            .message
            .contains("JSON object"));
        let e = SourceAttributes::from_json(&json!({"manager": {"id": "1"}})).unwrap_err();
        assert_eq!(e.property, "manager");
        assert_eq!(
            e.to_string(),
            "`manager`: holds an object; source attributes are strings or lists of strings"
        );
        let e = SourceAttributes::from_json(&json!({"tags": ["a", ["b"]]})).unwrap_err();
        assert_eq!(e.property, "tags[1]");
        let e = SourceAttributes::from_json_text("{\n  \"a\": ,\n}").unwrap_err();
        assert_eq!(e.line_column, Some((2, 8)));
        assert!(
            e.to_string()
                .starts_with("line 2, column 8: the user is not valid JSON"),
            "{e}"
        );
        let e: Box<dyn std::error::Error> = Box::new(e.in_document("before"));
        assert!(e.to_string().starts_with("before: line 2"));
    }

    #[test]
    fn case_hint() {
        let mut a = SourceAttributes::new();
        a.set_str("department", "x");
        assert_eq!(a.name_ignoring_case("Department"), Some("department"));
        assert_eq!(a.get("Department"), None);
    }
}
