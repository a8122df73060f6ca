//! Diagnostics: errors and warnings as values, each pointing at a span of the expression text.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-open byte range `start..end` into the expression text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    /// Byte offset of the first byte covered.
    pub start: usize,
    /// Byte offset just past the last byte covered; equal to `start` for an empty span.
    pub end: usize,
}

impl Span {
    /// The span `start..end` (byte offsets; the caller keeps `start <= end`).
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

/// How serious a diagnostic or a [`crate::Finding`] is; serialized in lowercase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Wrong: the expression, row or request fails, or will be refused.
    Error,
    /// Probably wrong, or fragile: it works, but is likely to surprise.
    Warning,
    /// Worth knowing, not wrong: e.g. "this value can never be cleared in Genesys".
    Info,
}

impl Severity {
    /// The lowercase name used in rendered output and JSON: `error`, `warning` or `info`.
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
    /// The pipeline stage that raised it.
    pub stage: Stage,
    /// How serious it is: an error stops the expression, a warning does not.
    pub severity: Severity,
    /// The bytes of the source text it is about.
    pub span: Span,
    /// What is wrong, in one plain sentence.
    pub message: String,
    /// An optional suggestion: a corrected spelling, a rewrite, a next step.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error raised at `stage` about `span`, with no help text.
    pub fn error(stage: Stage, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            stage,
            severity: Severity::Error,
            span,
            message: message.into(),
            help: None,
        }
    }

    /// A warning raised at `stage` about `span`, with no help text.
    pub fn warning(stage: Stage, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(stage, span, message)
        }
    }

    /// The same diagnostic with `help` as its suggestion (replacing any earlier one).
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
        let shown = SourceLine::at(text, self.span);
        let gutter = line_no.to_string().len();
        let pad = " ".repeat(gutter);
        let kind = self.severity.as_str();
        let mut out = format!(
            "{kind}: {}\n{pad}--> {line_no}:{col}\n{pad} |\n{line_no} | {}\n{pad} | {}{}\n",
            self.message,
            shown.display,
            " ".repeat(shown.caret_column),
            "^".repeat(shown.caret_width)
        );
        if let Some(help) = &self.help {
            out.push_str(&format!("{pad} = help: {help}\n"));
        }
        out
    }
}

/// How many columns a tab takes in a rendered line (tabs are shown as spaces, so the carets
/// line up whatever the terminal's tab stops are).
const TAB_WIDTH: usize = 4;

/// The line a span starts on, as shown under a diagnostic, and where its carets go, in terminal
/// columns: tabs become [`TAB_WIDTH`] spaces, wide characters (CJK, emoji) take two columns,
/// combining marks none, and control characters are shown as U+FFFD so they cannot move the
/// cursor.
struct SourceLine {
    display: String,
    caret_column: usize,
    caret_width: usize,
}

impl SourceLine {
    fn at(text: &str, span: Span) -> SourceLine {
        let start = floor_char_boundary(text, span.start);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = &text[line_start..line_end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        let split = (start - line_start).min(line.len());
        let span_end =
            (ceil_char_boundary(text, span.end.max(start)) - line_start).clamp(split, line.len());
        SourceLine {
            caret_column: display_width(&line[..split]),
            caret_width: display_width(&line[split..span_end]).max(1),
            display: shown(line),
        }
    }
}

/// The largest char boundary of `text` at or before `at` (clamped to the text).
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary of `text` at or after `at` (clamped to the text).
fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// `text` as shown in a rendered diagnostic: tabs expanded, control characters replaced.
fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str(&" ".repeat(TAB_WIDTH)),
            c if c.is_control() => out.push(char::REPLACEMENT_CHARACTER),
            c => out.push(c),
        }
    }
    out
}

/// Terminal columns `text` takes as shown (East Asian wide characters and emoji count two).
fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(shown(text).as_str())
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

    /// The caret line of a rendered diagnostic.
    fn caret_line(out: &str) -> &str {
        out.lines().nth(4).unwrap()
    }

    /// Renders an error over the first `needle` in `text`.
    fn render_over(text: &str, needle: &str) -> String {
        let at = text.find(needle).unwrap();
        Diagnostic::error(Stage::Check, Span::new(at, at + needle.len()), "m").render(text)
    }

    /// `  | ` then `spaces` spaces then `carets` carets.
    fn carets(spaces: usize, carets: usize) -> String {
        format!("  | {}{}", " ".repeat(spaces), "^".repeat(carets))
    }

    #[test]
    fn carets_line_up_after_tabs() {
        let out = render_over("Join(\t\",\", [a])", "[a]");
        assert!(out.contains("1 | Join(    \",\", [a])\n"), "{out}");
        assert_eq!(caret_line(&out), carets(14, 3));
    }

    #[test]
    fn carets_line_up_after_wide_characters() {
        // Each CJK character takes two terminal columns.
        let out = render_over("Join(\"東京\", Jion)", "Jion");
        assert_eq!(caret_line(&out), carets(13, 4));
        // A CJK span is twice as wide as it has characters.
        let out = render_over("Jion(\"東京\")", "東京");
        assert_eq!(caret_line(&out), carets(6, 4));
    }

    #[test]
    fn carets_line_up_after_emoji() {
        let out = render_over("Append(\"😀\", Jion)", "Jion");
        assert_eq!(caret_line(&out), carets(13, 4));
        // A family emoji (a ZWJ sequence) is one two-column picture.
        let out = render_over("Append(\"👨\u{200D}👩\u{200D}👧\", Jion)", "Jion");
        assert_eq!(caret_line(&out), carets(13, 4));
        // A combining accent takes no column.
        let out = render_over("Append(\"e\u{301}\", Jion)", "Jion");
        assert_eq!(caret_line(&out), carets(12, 4));
    }

    #[test]
    fn control_characters_cannot_move_the_carets() {
        let out = render_over("Append(\"\u{1b}[2J\", Jion)", "Jion");
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(
            out.contains("1 | Append(\"\u{FFFD}[2J\", Jion)\n"),
            "{out:?}"
        );
        assert_eq!(caret_line(&out), carets(15, 4));
    }

    #[test]
    fn carets_on_a_later_line_and_inside_a_character() {
        let text = "Join(\",\",\r\n\t東, [a])";
        let out = render_over(text, "[a]");
        assert!(out.contains("2 |     東, [a])\n"), "{out:?}");
        assert_eq!(caret_line(&out), carets(8, 3));
        // A span that starts inside a multi-byte character points at that character.
        let at = text.find('東').unwrap() + 1;
        let d = Diagnostic::error(Stage::Syntax, Span::new(at, at + 1), "m");
        assert_eq!(caret_line(&d.render(text)), carets(4, 2));
    }

    #[test]
    fn render_survives_a_span_past_the_end() {
        let d = Diagnostic::error(Stage::Syntax, Span::new(50, 60), "unexpected end");
        let out = d.render("Join(");
        assert!(out.starts_with("error: unexpected end"));
    }
}
