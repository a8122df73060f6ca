//! Entra's attribute-mapping expression language: lexer → parser → checker → evaluator.

pub mod apply;
pub mod ast;
pub mod catalog;
pub mod checker;
pub mod context;
pub mod eval;
pub mod functions;
pub mod lexer;
pub mod parser;
pub mod trace;
pub mod value;

use crate::diag::Diagnostic;
use crate::source::SourceAttributes;
pub use eval::{ConditionFailure, EvalContext, Evaluation, Outcome};
pub use value::Value;

/// Entra's limit on the length of one expression, in characters.
pub const MAX_LENGTH: usize = 10_000;

/// How deep function calls may nest. Ten thousand characters allow about 2,500 levels of
/// `Not(…)`; this preview evaluates up to a thousand and refuses deeper text with a diagnostic.
pub const MAX_NESTING: usize = 1_000;

/// A parsed and checked expression, ready to evaluate against any number of users.
#[derive(Debug, Clone)]
pub struct Expression {
    text: String,
    root: ast::Node,
}

/// Parses and checks `text`. On failure, every diagnostic found (at least one), in text order.
pub fn compile(text: &str) -> Result<Expression, Vec<Diagnostic>> {
    checker::check_length(text).map_err(|d| vec![d])?;
    let root = parser::parse(text).map_err(|d| vec![d])?;
    let problems = checker::check(&root);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Expression {
        text: text.to_string(),
        root,
    })
}

impl Expression {
    /// The expression's text, as compiled.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The root of its syntax tree.
    pub fn root(&self) -> &ast::Node {
        &self.root
    }

    /// Evaluates for one user.
    pub fn evaluate(
        &self,
        source: &SourceAttributes,
        ctx: &EvalContext,
    ) -> Result<Evaluation, Diagnostic> {
        eval::evaluate(&self.root, &self.text, source, ctx)
    }

    /// The names of the source attributes the expression reads, in text order, once each.
    pub fn attributes(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        self.root.walk(|n| {
            if let ast::NodeKind::Attribute(name) = &n.kind {
                if !names.contains(&name.as_str()) {
                    names.push(name);
                }
            }
        });
        names
    }
}
