//! Values that flow through expressions.

use serde::Serialize;
use std::fmt;

/// What an expression (or one of its parts) evaluates to.
///
/// As in Entra, every scalar is a string: numbers are decimal text, booleans are `"True"` /
/// `"False"`, dates are `M/d/yyyy h:mm:ss tt`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Value {
    /// No value: the attribute is absent. Nothing flows to the target.
    Null,
    /// One text value.
    Str(String),
    /// A multi-valued attribute, or the result of `Split`.
    List(Vec<String>),
    /// `IgnoreFlowIfNullOrEmpty` fired: the target attribute is dropped from the flow.
    /// Any function receiving it passes it on.
    Ignore,
}

impl Value {
    /// A text value.
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(s.into())
    }

    /// A boolean as Entra writes it: the text `True` or `False`.
    pub fn bool(b: bool) -> Value {
        Value::Str(if b { "True" } else { "False" }.into())
    }

    /// Whether the value is [`Value::Null`].
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Null, an empty string, or a list with no non-empty value.
    pub fn is_null_or_empty(&self) -> bool {
        match self {
            Value::Null | Value::Ignore => true,
            Value::Str(s) => s.is_empty(),
            Value::List(items) => items.iter().all(String::is_empty),
        }
    }

    /// The individual strings of the value (none for null).
    pub fn items(&self) -> Vec<&str> {
        match self {
            Value::Str(s) => vec![s.as_str()],
            Value::List(items) => items.iter().map(String::as_str).collect(),
            Value::Null | Value::Ignore => Vec::new(),
        }
    }

    /// Bytes of text the value holds (for the evaluation's memory limit).
    pub fn size(&self) -> usize {
        match self {
            Value::Str(s) => s.len(),
            Value::List(items) => items.iter().map(String::len).sum(),
            Value::Null | Value::Ignore => 0,
        }
    }

    /// The value as JSON the way a person reads it: a string, an array, or null.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Null | Value::Ignore => serde_json::Value::Null,
            Value::Str(s) => serde_json::Value::String(s.clone()),
            Value::List(items) => items
                .iter()
                .cloned()
                .map(serde_json::Value::String)
                .collect(),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Ignore => f.write_str("(dropped from the flow)"),
            Value::Str(s) => write!(f, "{s:?}"),
            Value::List(items) => write!(f, "{items:?}"),
        }
    }
}

/// Reads an `IIF` condition or `CBool` argument as a boolean.
pub(crate) fn truth(v: &Value) -> Result<bool, String> {
    match v {
        Value::Null | Value::Ignore => Ok(false),
        Value::Str(s) if s.eq_ignore_ascii_case("true") => Ok(true),
        Value::Str(s) if s.eq_ignore_ascii_case("false") => Ok(false),
        Value::Str(s) => s.trim().parse::<f64>().map(|n| n != 0.0).map_err(|_| {
            format!("the condition gave {s:?}, which is neither True/False nor a number")
        }),
        Value::List(_) => Err("the condition gave a multi-valued result".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_or_empty() {
        assert!(Value::Null.is_null_or_empty());
        assert!(Value::str("").is_null_or_empty());
        assert!(Value::List(vec![]).is_null_or_empty());
        assert!(!Value::str(" ").is_null_or_empty());
        assert!(!Value::List(vec!["a".into()]).is_null_or_empty());
    }

    #[test]
    fn display_and_json() {
        assert_eq!(Value::str("a\"b").to_string(), "\"a\\\"b\"");
        assert_eq!(Value::Null.to_string(), "null");
        assert_eq!(
            Value::List(vec!["a".into(), "b".into()]).to_json(),
            serde_json::json!(["a", "b"])
        );
        assert_eq!(Value::Ignore.to_json(), serde_json::Value::Null);
    }
}
