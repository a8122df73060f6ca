//! Diagnostics: errors and warnings as values, each pointing at a span of the expression text.

use serde::Serialize;
use std::fmt;

/// A half-open byte range `start..end` into the expression text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The 1-based line and column (in characters) where the span starts.
    pub fn line_col(&self, text: &str) -> (usize, usize) {
        let before = text.get(..self.start.min(text.len())).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }
}

/// Where in the pipeline a diagnostic was raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Lexing or parsing: the text is not an expression.
    Syntax,
    /// Checking: the expression is well-formed but Entra would reject it when saving.
    Check,
    /// Evaluation: the expression failed for this user's values.
    Eval,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Worth knowing, not wrong: e.g. "this value can never be cleared in Genesys".
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One finding about an expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub stage: Stage,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    /// An optional suggestion: a corrected spelling, a rewrite, a next step.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(stage: Stage, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            stage,
            severity: Severity::Error,
            span,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(stage: Stage, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(stage, span, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Renders the diagnostic under the line of `text` it points at, with carets under the span:
    ///
    /// ```text
    /// error: unknown function `Jion`
    ///   --> 1:1
    ///   |
    /// 1 | Jion(",", [a])
    ///   | ^^^^
    ///   = help: did you mean `Join`?
    /// ```
    pub fn render(&self, text: &str) -> String {
        let (line_no, col) = self.span.line_col(text);
        let line = text.lines().nth(line_no - 1).unwrap_or("");
        let line_chars = line.chars().count();
        let start_col = (col - 1).min(line_chars);
        let span_text = text
            .get(self.span.start..self.span.end.min(text.len()))
            .unwrap_or("");
        let first_span_line = span_text.split('\n').next().unwrap_or("");
        let width = first_span_line.chars().count().max(1);
        let gutter = line_no.to_string().len();
        let pad = " ".repeat(gutter);
        let kind = self.severity.as_str();
        let mut out = format!(
            "{kind}: {}\n{pad}--> {line_no}:{col}\n{pad} |\n{line_no} | {line}\n{pad} | {}{}\n",
            self.message,
            " ".repeat(start_col),
            "^".repeat(width)
        );
        if let Some(help) = &self.help {
            out.push_str(&format!("{pad} = help: {help}\n"));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (at {}..{})",
            self.message, self.span.start, self.span.end
        )
    }
}

impl std::error::Error for Diagnostic {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "Join(\"é\",\n  [x]";
        let at = text.find('[').unwrap();
        assert_eq!(Span::new(at, at + 3).line_col(text), (2, 3));
    }

    #[test]
    fn render_puts_carets_under_the_span() {
        let d = Diagnostic::error(Stage::Check, Span::new(0, 4), "unknown function `Jion`")
            .with_help("did you mean `Join`?");
        let out = d.render("Jion(\",\", [a])");
        assert!(out.contains("1 | Jion(\",\", [a])\n  | ^^^^\n"), "{out}");
        assert!(out.contains("help: did you mean `Join`?"));
    }

    #[test]
    fn render_survives_a_span_past_the_end() {
        let d = Diagnostic::error(Stage::Syntax, Span::new(50, 60), "unexpected end");
        let out = d.render("Join(");
        assert!(out.starts_with("error: unexpected end"));
    }
}
