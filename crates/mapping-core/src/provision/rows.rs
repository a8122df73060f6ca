//! Evaluates every row of a mapping set for one user, for a create or an update.

use super::compiled::{shift, CompiledRow, CompiledSet};
use crate::diag::Diagnostic;
use crate::expr::{EvalContext, Evaluation, Outcome, Value};
use crate::mapping::model::{AttributeMapping, MappingKind, MappingSet};
use crate::scim::path::{PathError, TargetPath};
use crate::scim::roles::RoleFunction;
use crate::source::SourceAttributes;
use serde::Serialize;

/// Whether the user is being created (POST) or updated (PATCH): defaults and "only during
/// object creation" rows apply to creates only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// The user is new in the target: every applicable row flows, defaults included.
    Create,
    /// The user exists in the target: create-only rows and defaults are skipped.
    Update,
}

/// What one row gives for one user.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum RowValue {
    /// This value is sent.
    Flows(Value),
    /// Null: nothing is sent, the target keeps what it has.
    Null,
    /// `IgnoreFlowIfNullOrEmpty` dropped it.
    Dropped,
    /// An `IIF` condition read a null or empty attribute; Entra fails the attribute. The value is
    /// what the expression would mean.
    ConditionFails(Value),
    /// The expression does not compile or fails for this user (see the row's diagnostics).
    Failed,
    /// The row does not apply: it is off, a None mapping, or create-only during an update.
    NotApplied,
}

impl RowValue {
    /// The value sent, if the row sends one ([`RowValue::Flows`]).
    pub fn flowing(&self) -> Option<&Value> {
        match self {
            RowValue::Flows(v) => Some(v),
            _ => None,
        }
    }
}

/// One row evaluated for one user: its target, what it gives, and why.
#[derive(Debug, Clone)]
pub struct RowResult {
    /// The row's 0-based index in the mapping set.
    pub index: usize,
    /// The row's target path, or why it could not be read.
    pub target: Result<TargetPath, PathError>,
    /// What the row gives for this user.
    pub value: RowValue,
    /// The evaluation, with its trace, when the row has an expression that compiled.
    pub evaluation: Option<Evaluation>,
    /// Compile or evaluation errors, with spans in the row's source text.
    pub diagnostics: Vec<Diagnostic>,
    /// The row's "default value if null" was used.
    pub default_used: bool,
    /// The app-role function the row's expression calls, which shapes its `roles` payload.
    pub role_function: Option<RoleFunction>,
}

/// Evaluates each row (on or off, in order) for `source`. Compiles the set first; to evaluate
/// many users, compile once with [`CompiledSet::new`] and use [`evaluate_compiled`].
pub fn evaluate_rows(
    set: &MappingSet,
    source: &SourceAttributes,
    ctx: &EvalContext,
    op: Operation,
) -> Vec<RowResult> {
    evaluate_compiled(&CompiledSet::new(set.clone()), source, ctx, op)
}

/// Evaluates each row of a compiled set (on or off, in order) for `source`.
pub fn evaluate_compiled(
    set: &CompiledSet,
    source: &SourceAttributes,
    ctx: &EvalContext,
    op: Operation,
) -> Vec<RowResult> {
    set.set()
        .mappings
        .iter()
        .zip(set.rows())
        .enumerate()
        .map(|(index, (row, compiled))| evaluate_row(index, row, compiled, source, ctx, op))
        .collect()
}

fn evaluate_row(
    index: usize,
    row: &AttributeMapping,
    compiled: &CompiledRow,
    source: &SourceAttributes,
    ctx: &EvalContext,
    op: Operation,
) -> RowResult {
    let mut result = RowResult {
        index,
        target: compiled.target.clone(),
        value: RowValue::NotApplied,
        evaluation: None,
        diagnostics: Vec::new(),
        default_used: false,
        role_function: None,
    };
    let applies = row.enabled && (op == Operation::Create || row.flow_type.applies_on_update());
    if !applies {
        return result;
    }
    result.role_function = compiled.role_function;
    result.value = match &compiled.expression {
        None => RowValue::Null,
        Some(Err(diagnostics)) => {
            result.diagnostics = diagnostics.clone();
            RowValue::Failed
        }
        Some(Ok(expr)) => match expr.evaluate(source, ctx) {
            Err(d) => {
                result.diagnostics = shift(vec![d], row);
                RowValue::Failed
            }
            Ok(evaluation) => {
                let value = match evaluation.outcome() {
                    Outcome::Flows(v) => RowValue::Flows(v.clone()),
                    Outcome::Null => RowValue::Null,
                    Outcome::Dropped => RowValue::Dropped,
                    Outcome::ConditionCheckFails => {
                        RowValue::ConditionFails(evaluation.value.clone())
                    }
                };
                result.evaluation = Some(evaluation);
                value
            }
        },
    };
    if op == Operation::Create && result.value == RowValue::Null {
        if let Some(default) = &row.default_value {
            result.value = RowValue::Flows(Value::str(default.clone()));
            result.default_used = true;
        }
    }
    if row.kind == MappingKind::None && !result.default_used {
        result.value = RowValue::NotApplied;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::model::AttributeMapping as Row;

    fn source() -> SourceAttributes {
        let mut s = SourceAttributes::new();
        s.set_str("mail", "a@b.com");
        s.set_str("IsSoftDeleted", "False");
        s
    }

    fn run(rows: Vec<Row>, op: Operation) -> Vec<RowValue> {
        evaluate_rows(
            &MappingSet::new(rows),
            &source(),
            &EvalContext::default(),
            op,
        )
        .into_iter()
        .map(|r| r.value)
        .collect()
    }

    #[test]
    fn kinds_of_rows() {
        let values = run(
            vec![
                Row::direct("emails[type eq \"work\"].value", "mail"),
                Row::constant("title", "Agent"),
                Row::expression("active", "Not([IsSoftDeleted])"),
                Row::direct("displayName", "displayName"),
                Row::expression("x", "IgnoreFlowIfNullOrEmpty([nope])"),
                Row::direct("title", "mail").off(),
                Row::none("externalId"),
            ],
            Operation::Create,
        );
        assert_eq!(
            values,
            vec![
                RowValue::Flows(Value::str("a@b.com")),
                RowValue::Flows(Value::str("Agent")),
                RowValue::Flows(Value::str("True")),
                RowValue::Null,
                RowValue::Dropped,
                RowValue::NotApplied,
                RowValue::NotApplied,
            ]
        );
    }

    #[test]
    fn defaults_and_create_only_rows_apply_on_create_only() {
        let rows = || {
            vec![
                Row::direct("displayName", "displayName").with_default("Unknown"),
                Row::constant("title", "New").only_on_create(),
                Row::none("department").with_default("Sales"),
            ]
        };
        assert_eq!(
            run(rows(), Operation::Create),
            vec![
                RowValue::Flows(Value::str("Unknown")),
                RowValue::Flows(Value::str("New")),
                RowValue::Flows(Value::str("Sales"))
            ]
        );
        assert_eq!(
            run(rows(), Operation::Update),
            vec![RowValue::Null, RowValue::NotApplied, RowValue::NotApplied]
        );
    }

    #[test]
    fn failures_keep_their_diagnostics_with_row_spans() {
        let results = evaluate_rows(
            &MappingSet::new(vec![
                Row::expression("title", "Jion([mail])"),
                Row::direct("x", "a]b"),
            ]),
            &source(),
            &EvalContext::default(),
            Operation::Create,
        );
        assert_eq!(results[0].value, RowValue::Failed);
        assert_eq!(results[0].diagnostics[0].span.start, 0);
        assert_eq!(results[1].value, RowValue::Failed);
        assert!(results[1].diagnostics[0].span.end <= 3);
    }

    #[test]
    fn condition_failures_are_their_own_outcome() {
        let v = run(
            vec![Row::expression(
                "title",
                "IIF(IsPresent([nope]), \"a\", \"b\")",
            )],
            Operation::Create,
        );
        assert_eq!(v, vec![RowValue::ConditionFails(Value::str("b"))]);
    }
}
