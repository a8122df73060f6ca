//! The syntax tree of an expression. Every node keeps the byte span it was parsed from.

use super::lexer::CmpOp;
use crate::diag::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    /// `Name(arg, , arg)`; an omitted argument is `None`.
    Call {
        name: String,
        name_span: Span,
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
        op: CmpOp,
        left: Box<Node>,
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
