//! A finding about a mapping set or a preview: a Genesys rule, a lint rule, a warning about what
//! Entra will (not) send. Each points at a row of the mapping set (and a span of its text) when
//! it is about one.

use crate::diag::{Severity, Span};
use serde::Serialize;

/// Which part of a row a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    Target,
    Source,
    DefaultValue,
    /// The row as a whole (its flow type, its matching precedence…).
    Row,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub severity: Severity,
    /// A stable identifier such as `iif-null-condition`, for filtering and documentation.
    pub code: &'static str,
    /// The row of the mapping set (0-based), if the finding is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Field>,
    /// Byte span in that field's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Finding {
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Finding {
            severity,
            code,
            row: None,
            field: None,
            span: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    pub fn info(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, message)
    }

    pub fn at(mut self, row: usize, field: Field) -> Self {
        self.row = Some(row);
        self.field = Some(field);
        self
    }

    pub fn span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// One line for a terminal: `warning[code] row 3 target: message (help: …)`.
    pub fn render(&self) -> String {
        let mut out = format!("{}[{}]", self.severity.as_str(), self.code);
        if let Some(row) = self.row {
            out.push_str(&format!(" row {}", row + 1));
        }
        if let Some(field) = self.field {
            let name = match field {
                Field::Target => "target",
                Field::Source => "source",
                Field::DefaultValue => "default",
                Field::Row => "",
            };
            if !name.is_empty() {
                out.push(' ');
                out.push_str(name);
            }
        }
        out.push_str(": ");
        out.push_str(&self.message);
        if let Some(help) = &self.help {
            out.push_str("\n    help: ");
            out.push_str(help);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_one_line_with_help() {
        let f = Finding::warning("x-code", "something")
            .at(2, Field::Target)
            .help("fix it");
        assert_eq!(
            f.render(),
            "warning[x-code] row 3 target: something\n    help: fix it"
        );
        assert_eq!(Finding::error("e", "m").render(), "error[e]: m");
    }
}
