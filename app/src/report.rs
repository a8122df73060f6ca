//! The page's view model: everything shown for one (expression, user) pair, computed by one pure
//! function from the two texts. Components only render it, so all decisions live here.

use mapping_core::diag::{Severity, Stage};
use mapping_core::expr::{EvalContext, Evaluation, Outcome, Value};
use mapping_core::{Diagnostic, SourceAttributes, Span};

/// Characters of context shown on each side of a highlighted span.
const CONTEXT_CHARS: usize = 48;
/// Longest highlighted span shown whole; longer ones are cut in the middle.
const MARK_CHARS: usize = 120;

/// Everything the page shows for one expression and one user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub result: ResultView,
    /// Errors and warnings about the expression, in text order (errors first).
    pub diagnostics: Vec<DiagnosticView>,
    /// Why the user JSON could not be read, if it could not.
    pub user_error: Option<UserError>,
    /// The evaluation trace in document order (a pre-order walk), each row with its depth.
    pub trace: Vec<TraceRow>,
}

/// The headline: what Entra would do with the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultView {
    /// A value flows to the target.
    Flows { text: String, kind: ValueKind },
    /// The value is null: nothing is sent.
    Null,
    /// `IgnoreFlowIfNullOrEmpty` dropped the attribute from the flow.
    Dropped,
    /// An `IIF` condition used a null or empty attribute.
    ConditionCheckFails {
        /// What the expression means if the condition were evaluated normally.
        logical: String,
        failures: Vec<FailureView>,
    },
    /// Nothing was evaluated; the reason says why.
    NotEvaluated { reason: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    EmptyText,
    List,
}

impl ResultView {
    /// A stable name for the outcome, used as `data-outcome` (tests and CSS).
    pub fn name(&self) -> &'static str {
        match self {
            ResultView::Flows { .. } => "flows",
            ResultView::Null => "null",
            ResultView::Dropped => "dropped",
            ResultView::ConditionCheckFails { .. } => "condition-fails",
            ResultView::NotEvaluated { .. } => "not-evaluated",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureView {
    pub message: String,
    pub rewrite: Option<String>,
    pub excerpt: Excerpt,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosticView {
    pub is_error: bool,
    /// `syntax`, `check` or `eval`.
    pub stage: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub line: usize,
    pub column: usize,
    pub excerpt: Excerpt,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserError {
    pub message: String,
    /// Where in the JSON, when the parser said so.
    pub position: Option<(usize, usize)>,
    pub excerpt: Option<Excerpt>,
}

/// A piece of text around a span: `before`, the `marked` span itself, `after`. Rendered as text
/// nodes with a `<mark>` around `marked`. `marked` is empty for a point (an insertion place).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Excerpt {
    pub before: String,
    pub marked: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceRow {
    pub depth: usize,
    pub label: String,
    pub value: String,
    pub note: Option<String>,
}

/// Compiles `expr`, reads `user_json`, evaluates the one against the other with the clock at
/// `now_unix` (seconds), and describes the result. Never fails: every problem becomes part of
/// the report.
pub fn analyse(expr: &str, user_json: &str, now_unix: i64) -> Report {
    let user = SourceAttributes::from_json_text(user_json);
    let user_error = user.as_ref().err().map(|e| user_error(e, user_json));
    let mut report = Report {
        result: ResultView::NotEvaluated {
            reason: String::new(),
        },
        diagnostics: Vec::new(),
        user_error,
        trace: Vec::new(),
    };

    let expression = match mapping_core::compile(expr) {
        Ok(e) => e,
        Err(diagnostics) => {
            report.diagnostics = diagnostics.iter().map(|d| diagnostic(d, expr)).collect();
            report.result = ResultView::NotEvaluated {
                reason: "not evaluated: the expression has an error (see below)".into(),
            };
            return report;
        }
    };
    let Ok(user) = user else {
        report.result = ResultView::NotEvaluated {
            reason: "not evaluated: the user JSON has an error".into(),
        };
        return report;
    };

    let ctx = EvalContext::from_unix_seconds(now_unix).with_trace();
    match expression.evaluate(&user, &ctx) {
        Ok(evaluation) => {
            report.result = result_view(&evaluation, expr);
            report.diagnostics = evaluation
                .warnings
                .iter()
                .map(|d| diagnostic(d, expr))
                .collect();
            if let Some(root) = &evaluation.trace {
                report.trace = trace_rows(root);
            }
        }
        Err(d) => {
            report.diagnostics = vec![diagnostic(&d, expr)];
            report.result = ResultView::NotEvaluated {
                reason: "not evaluated: the expression failed for this user (see below)".into(),
            };
        }
    }
    report
}

fn result_view(evaluation: &Evaluation, expr: &str) -> ResultView {
    match evaluation.outcome() {
        Outcome::Flows(value) => {
            let kind = match value {
                Value::List(_) => ValueKind::List,
                Value::Str(s) if s.is_empty() => ValueKind::EmptyText,
                _ => ValueKind::Text,
            };
            ResultView::Flows {
                text: value_text(value),
                kind,
            }
        }
        Outcome::Null => ResultView::Null,
        Outcome::Dropped => ResultView::Dropped,
        Outcome::ConditionCheckFails => ResultView::ConditionCheckFails {
            logical: evaluation.value.to_string(),
            failures: evaluation
                .condition_failures
                .iter()
                .map(|f| FailureView {
                    message: f.message(),
                    rewrite: f.rewrite.clone(),
                    excerpt: excerpt(expr, f.span),
                })
                .collect(),
        },
    }
}

/// A flowing value as a person reads it: text as it is, a list as a JSON array.
fn value_text(value: &Value) -> String {
    match value {
        Value::Str(s) => s.clone(),
        other => other.to_json().to_string(),
    }
}

fn diagnostic(d: &Diagnostic, text: &str) -> DiagnosticView {
    let (line, column) = d.span.line_col(text);
    DiagnosticView {
        is_error: d.severity == Severity::Error,
        stage: match d.stage {
            Stage::Syntax => "syntax",
            Stage::Check => "check",
            Stage::Eval => "eval",
        },
        message: d.message.clone(),
        help: d.help.clone(),
        line,
        column,
        excerpt: excerpt(text, d.span),
    }
}

/// The trace as rows, walked iteratively so a thousand-deep trace needs no deep recursion.
fn trace_rows(root: &mapping_core::expr::trace::TraceNode) -> Vec<TraceRow> {
    let mut rows = Vec::with_capacity(root.len());
    let mut stack = vec![(root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        rows.push(TraceRow {
            depth,
            label: node.label.clone(),
            value: node.value.to_string(),
            note: node.note.clone(),
        });
        stack.extend(node.children.iter().rev().map(|c| (c, depth + 1)));
    }
    rows
}

fn user_error(message: &str, json: &str) -> UserError {
    match json_position(message) {
        Some((line, column, at)) => {
            let offset = offset_of(json, line, column);
            UserError {
                // The position is shown separately, like an expression diagnostic's.
                message: message[..at].to_string(),
                position: Some((line, column)),
                excerpt: Some(excerpt(json, Span::new(offset, offset))),
            }
        }
        None => UserError {
            message: message.to_string(),
            position: None,
            excerpt: None,
        },
    }
}

/// serde_json ends its syntax messages with `at line L column C`: the line, the column and where
/// that suffix starts.
fn json_position(message: &str) -> Option<(usize, usize, usize)> {
    let at = message.rfind(" at line ")?;
    let rest = &message[at + " at line ".len()..];
    let (line, column) = rest.split_once(" column ")?;
    Some((line.parse().ok()?, column.parse().ok()?, at))
}

/// The byte offset of 1-based `line` and `column` (serde_json counts columns in bytes), clamped
/// to the text and to a character boundary.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    floor_boundary(text, (start + column.saturating_sub(1)).min(line_end))
}

/// The line(s) around `span`, cut to a readable window. Spans are byte offsets; any offset that
/// is out of range or inside a character is moved to the nearest valid place.
pub fn excerpt(text: &str, span: Span) -> Excerpt {
    let start = floor_boundary(text, span.start.min(text.len()));
    let end = ceil_boundary(text, span.end.clamp(start, text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);

    let before = &text[line_start..start];
    let before_chars = before.chars().count();
    let before = if before_chars > CONTEXT_CHARS {
        let skip = before
            .char_indices()
            .nth(before_chars - CONTEXT_CHARS)
            .map_or(0, |(i, _)| i);
        format!("…{}", &before[skip..])
    } else {
        before.to_string()
    };

    let marked = &text[start..end];
    let marked_chars = marked.chars().count();
    let marked = if marked_chars > MARK_CHARS {
        let head: String = marked.chars().take(MARK_CHARS / 2).collect();
        let tail: String = marked.chars().skip(marked_chars - MARK_CHARS / 2).collect();
        format!("{head} … {tail}")
    } else {
        marked.to_string()
    };

    let after = &text[end..line_end];
    let after = if after.chars().count() > CONTEXT_CHARS {
        format!("{}…", after.chars().take(CONTEXT_CHARS).collect::<String>())
    } else {
        after.to_string()
    };

    Excerpt {
        before,
        marked,
        after,
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::SAMPLE_USER;
    // Runs natively as #[test], and in Node under `cargo test --target wasm32-unknown-unknown`.
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const NOW: i64 = 1_704_067_200;

    #[test]
    fn the_sample_user_is_valid_and_not_is_soft_deleted_is_true() {
        let r = analyse("Not([IsSoftDeleted])", SAMPLE_USER, NOW);
        assert_eq!(r.user_error, None);
        assert_eq!(
            r.result,
            ResultView::Flows {
                text: "True".into(),
                kind: ValueKind::Text
            }
        );
        assert!(r.trace.len() >= 2, "{:?}", r.trace);
        assert_eq!(r.trace[0].depth, 0);
        assert_eq!(r.trace[1].depth, 1);
    }

    #[test]
    fn every_example_compiles_against_the_sample() {
        for (label, expr) in crate::samples::EXAMPLES {
            let r = analyse(expr, SAMPLE_USER, NOW);
            assert!(
                r.diagnostics.iter().all(|d| !d.is_error),
                "{label}: {:?}",
                r.diagnostics
            );
            assert_ne!(r.result.name(), "not-evaluated", "{label}");
        }
    }

    #[test]
    fn a_syntax_error_is_positioned() {
        let r = analyse("Join(\",\",\n  [mail]", SAMPLE_USER, NOW);
        assert_eq!(r.result.name(), "not-evaluated");
        let d = &r.diagnostics[0];
        assert!(d.is_error);
        assert_eq!(d.stage, "syntax");
        assert!(d.line >= 1 && d.column >= 1);
    }

    #[test]
    fn bad_json_is_positioned_and_blocks_only_evaluation() {
        let r = analyse("Not([IsSoftDeleted])", "{\n  \"a\": ,\n}", NOW);
        let e = r.user_error.expect("an error");
        assert_eq!(e.position, Some((2, 8)));
        assert!(!e.message.contains("line 2"), "{}", e.message);
        assert!(e.excerpt.is_some());
        assert!(r.diagnostics.is_empty());
        assert_eq!(r.result.name(), "not-evaluated");
    }

    #[test]
    fn json_that_is_not_an_object_is_an_error_without_position() {
        let r = analyse("Not([IsSoftDeleted])", "[1]", NOW);
        let e = r.user_error.expect("an error");
        assert_eq!(e.position, None);
    }

    #[test]
    fn excerpts_survive_any_span() {
        let text = "Join(\"é\", [x])";
        for start in 0..=text.len() + 2 {
            for end in 0..=text.len() + 2 {
                let e = excerpt(text, Span::new(start, end));
                assert!(e.before.len() + e.marked.len() + e.after.len() <= text.len() + 2);
            }
        }
        let e = excerpt(text, Span::new(0, 4));
        assert_eq!((e.before.as_str(), e.marked.as_str()), ("", "Join"));
    }

    #[test]
    fn long_lines_are_windowed() {
        let text = format!("{}[x]{}", "a".repeat(500), "b".repeat(500));
        let e = excerpt(&text, Span::new(500, 503));
        assert_eq!(e.marked, "[x]");
        assert!(e.before.starts_with('…') && e.before.chars().count() == CONTEXT_CHARS + 1);
        assert!(e.after.ends_with('…'));
    }

    #[test]
    fn thousand_deep_evaluates_and_deeper_is_refused() {
        let deep = |n: usize| format!("{}[IsSoftDeleted]{}", "Not(".repeat(n), ")".repeat(n));
        let r = analyse(&deep(1000), SAMPLE_USER, NOW);
        assert_eq!(
            r.result,
            ResultView::Flows {
                text: "False".into(),
                kind: ValueKind::Text
            }
        );
        assert_eq!(r.trace.len(), 1001);
        let r = analyse(&deep(1001), SAMPLE_USER, NOW);
        assert_eq!(r.result.name(), "not-evaluated");
        assert!(r.diagnostics[0].is_error);
    }
}
