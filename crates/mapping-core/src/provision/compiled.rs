//! A mapping set made ready once for many users: every row's target parsed and its expression
//! compiled and checked, so evaluating a user does only that user's work.

use crate::diag::Diagnostic;
use crate::expr::{compile, Expression};
use crate::mapping::model::{AttributeMapping, MappingKind, MappingSet};
use crate::scim::path::{PathError, TargetPath};
use crate::scim::roles::RoleFunction;

/// A [`MappingSet`] with every row prepared: see [`CompiledSet::new`].
#[derive(Debug, Clone)]
pub struct CompiledSet {
    set: MappingSet,
    rows: Vec<CompiledRow>,
    matching: Vec<usize>,
}

/// One row prepared for evaluation.
#[derive(Debug, Clone)]
pub struct CompiledRow {
    /// The row's target path, or why it could not be read.
    pub target: Result<TargetPath, PathError>,
    /// The row as expression text (`[mail]`, `"text"` or the expression); `None` for a None row.
    pub text: Option<String>,
    /// The compiled expression, or its diagnostics with spans in the row's source text; `None`
    /// for a None row.
    pub expression: Option<Result<Expression, Vec<Diagnostic>>>,
    /// The app-role function the expression calls, which shapes its `roles` payload.
    pub role_function: Option<RoleFunction>,
}

impl CompiledSet {
    /// Parses every row's target and compiles every row's expression (on or off) once.
    pub fn new(set: MappingSet) -> CompiledSet {
        let rows = set.mappings.iter().map(CompiledRow::new).collect();
        let matching = set.matching().into_iter().map(|(i, _)| i).collect();
        CompiledSet {
            set,
            rows,
            matching,
        }
    }

    /// The mapping set as given.
    pub fn set(&self) -> &MappingSet {
        &self.set
    }

    /// The prepared rows, in the set's order.
    pub fn rows(&self) -> &[CompiledRow] {
        &self.rows
    }

    /// The row indices of the matching attributes, in precedence order (as
    /// [`MappingSet::matching`]).
    pub fn matching(&self) -> &[usize] {
        &self.matching
    }
}

impl From<MappingSet> for CompiledSet {
    fn from(set: MappingSet) -> CompiledSet {
        CompiledSet::new(set)
    }
}

impl CompiledRow {
    fn new(row: &AttributeMapping) -> CompiledRow {
        let text = row.expression_text();
        let expression = text
            .as_deref()
            .map(|t| compile(t).map_err(|d| shift(d, row)));
        let role_function = match &expression {
            Some(Ok(e)) => RoleFunction::used_in(e.root()),
            _ => None,
        };
        CompiledRow {
            target: TargetPath::parse(&row.target),
            text,
            expression,
            role_function,
        }
    }
}

/// A Direct or Constant row is evaluated as `[name]` or a quoted string; spans are moved back
/// onto the row's raw source.
pub(crate) fn shift(diagnostics: Vec<Diagnostic>, row: &AttributeMapping) -> Vec<Diagnostic> {
    let offset = match row.kind {
        MappingKind::Direct | MappingKind::Constant => 1,
        _ => 0,
    };
    diagnostics
        .into_iter()
        .map(|mut d| {
            d.span.start = d.span.start.saturating_sub(offset).min(row.source.len());
            d.span.end = d.span.end.saturating_sub(offset).min(row.source.len());
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::presets;

    #[test]
    fn every_row_is_prepared_once_in_order() {
        let set = presets::genesys_default();
        let compiled = CompiledSet::new(set.clone());
        assert_eq!(compiled.rows().len(), set.mappings.len());
        for (row, c) in set.mappings.iter().zip(compiled.rows()) {
            assert_eq!(c.text, row.expression_text());
            assert_eq!(c.target, TargetPath::parse(&row.target));
            match (&c.expression, &c.text) {
                (Some(Ok(e)), Some(t)) => assert_eq!(e.text(), t),
                (None, None) => {}
                other => panic!("{other:?}"),
            }
        }
        let matching: Vec<usize> = set.matching().into_iter().map(|(i, _)| i).collect();
        assert_eq!(compiled.matching(), matching.as_slice());
    }

    #[test]
    fn a_row_that_does_not_compile_keeps_its_diagnostics_on_the_raw_source() {
        let set = MappingSet::new(vec![
            AttributeMapping::expression("title", "Jion([mail])"),
            AttributeMapping::direct("x", "a]b"),
        ]);
        let compiled = CompiledSet::new(set);
        let Some(Err(d)) = &compiled.rows()[0].expression else {
            panic!("compiled")
        };
        assert_eq!(d[0].span.start, 0);
        let Some(Err(d)) = &compiled.rows()[1].expression else {
            panic!("compiled")
        };
        assert!(d[0].span.end <= 3);
    }
}
