//! [`ImportError`], and how its paths and messages are written.

use std::fmt;

use serde_json::Value as Json;

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
    pub(super) fn new(path: &str, message: impl Into<String>) -> Self {
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

/// The path of property `key` of the value at `path`.
pub(super) fn key_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The path of element `index` of the array at `path`.
pub(super) fn index_path(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// The error for a value of the wrong JSON type at `path`.
pub(super) fn expected(path: &str, what: &str, found: &Json) -> ImportError {
    ImportError::new(
        path,
        format!("expected {what}, found {}", crate::source::json_kind(found)),
    )
}

/// The first `most` of `items` in backticks, separated by commas, and `, …` when there are more.
pub(super) fn code_list(items: &[&str], most: usize) -> String {
    let shown: Vec<String> = items.iter().take(most).map(|i| format!("`{i}`")).collect();
    let more = if items.len() > most { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}
