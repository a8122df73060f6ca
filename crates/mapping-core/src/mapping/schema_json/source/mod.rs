//! A row's `source`, an attributeMappingSource: `null` for a None row, else a node with a
//! `type` (`Attribute`, `Constant` or `Function`), a `name`, an `expression` and, for a
//! Function, `parameters` whose values are nodes again.
//!
//! # Where the code lives
//!
//! `read` makes a row's kind and source text of a node, and `rebuild` writes the text of a
//! Function node that has no `expression` from its `parameters`. `write` goes the other way,
//! turning a row's parsed expression into a tree of nodes, with `printer` writing each node's
//! `expression` as Graph does. `keys` knows which parameter key names which argument, in both
//! directions.

mod keys;
mod printer;
mod read;
mod rebuild;
mod write;

pub(super) use read::import_source;
pub(super) use write::export_source;

use crate::expr::catalog;

/// Comparisons have no documented Graph form; this product writes `a = b` as a Function source
/// named after the operator, with `left` and `right` parameters, and reads that form back.
const COMPARISON_OPERATORS: &[&str] = &["=", "<>", ">", ">=", "<", "<="];

/// The `type` of an attributeMappingSource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SourceType {
    Attribute,
    Constant,
    Function,
}

impl SourceType {
    const ALL: [SourceType; 3] = [
        SourceType::Attribute,
        SourceType::Constant,
        SourceType::Function,
    ];

    fn as_str(self) -> &'static str {
        match self {
            SourceType::Attribute => "Attribute",
            SourceType::Constant => "Constant",
            SourceType::Function => "Function",
        }
    }
}

/// A constant as expression text: a quoted string, or a bare name such as `vbTextCompare`.
fn constant_literal(value: &str) -> String {
    if catalog::IDENTIFIERS.contains(&value) {
        value.to_string()
    } else {
        quote(value)
    }
}

fn quote(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}
