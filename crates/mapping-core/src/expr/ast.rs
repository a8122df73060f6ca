//! The syntax tree of an expression. Every node keeps the byte span it was parsed from.

use super::lexer::CmpOp;
use crate::diag::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
/// A node of the syntax tree: what it is, and the byte span of its text in the expression.
pub struct Node {
    /// What the node is.
    pub kind: NodeKind,
    /// Byte span of the node's text (a call's span runs from its name to its `)`).
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// The kinds of syntax-tree nodes.
pub enum NodeKind {
    /// `Name(arg, , arg)`; an omitted argument is `None`.
    Call {
        /// The function name as written (its case is checked against the catalogue).
        name: String,
        /// Byte span of the name alone.
        name_span: Span,
        /// The arguments in order; `None` where one was left out (`Replace(x, , y)`).
        args: Vec<Option<Node>>,
    },
    /// `[attributeName]`
    Attribute(String),
    /// `"text"` with escapes resolved.
    Str(String),
    /// An integer literal (hex already converted), as decimal text: Entra treats numbers as
    /// string constants.
    Number(String),
    /// A bare name that is not a call, such as `vbTextCompare`.
    Ident(String),
    /// `left op right`
    Compare {
        /// The operator.
        op: CmpOp,
        /// The left operand.
        left: Box<Node>,
        /// The right operand.
        right: Box<Node>,
    },
}

impl Node {
    /// Calls `visit` on this node and every node below it, parents first, without recursion
    /// (so a tree nested a thousand deep cannot exhaust the stack).
    pub fn walk<'a>(&'a self, mut visit: impl FnMut(&'a Node)) {
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            visit(node);
            match &node.kind {
                NodeKind::Call { args, .. } => stack.extend(args.iter().rev().flatten()),
                NodeKind::Compare { left, right, .. } => {
                    stack.push(right);
                    stack.push(left);
                }
                _ => {}
            }
        }
    }

    /// The function name if this node is a call.
    pub fn call_name(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Call { name, .. } => Some(name),
            _ => None,
        }
    }
}
