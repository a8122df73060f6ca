//! The evaluation trace: a tree of every node evaluated, with its value — the "why" view.

use super::value::Value;
use crate::diag::Span;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
/// One step of an evaluation: what was evaluated, where, its value, and the steps it needed.
pub struct TraceNode {
    /// What was evaluated: `Join`, `[mail]`, `"text"`, `=`.
    pub label: String,
    /// Byte span of the step's text in the expression.
    pub span: Span,
    /// The value the step gave.
    pub value: Value,
    /// A remark on this step: "not evaluated", "matched key \"QLD\"", "condition check fails …".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    /// The steps this one evaluated (a call's arguments), in order.
    pub children: Vec<TraceNode>,
}

impl TraceNode {
    /// Renders the tree as indented text, one node a line: `Join → "a,b"`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut stack = vec![(self, 0usize)];
        while let Some((node, depth)) = stack.pop() {
            out.push_str(&"  ".repeat(depth));
            out.push_str(&node.label);
            out.push_str(" → ");
            out.push_str(&node.value.to_string());
            if let Some(note) = &node.note {
                out.push_str("   (");
                out.push_str(note);
                out.push(')');
            }
            out.push('\n');
            stack.extend(node.children.iter().rev().map(|c| (c, depth + 1)));
        }
        out
    }

    /// Number of nodes in the tree.
    pub fn len(&self) -> usize {
        let mut count = 0;
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            count += 1;
            stack.extend(node.children.iter());
        }
        count
    }

    /// Always `false`: a tree has at least its root.
    pub fn is_empty(&self) -> bool {
        false
    }
}

impl Drop for TraceNode {
    /// Drops deep trees iteratively so a thousand-deep trace cannot overflow the stack.
    fn drop(&mut self) {
        let mut pending = std::mem::take(&mut self.children);
        while let Some(mut node) = pending.pop() {
            pending.append(&mut node.children);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(label: &str, v: &str) -> TraceNode {
        TraceNode {
            label: label.into(),
            span: Span::default(),
            value: Value::str(v),
            note: None,
            children: vec![],
        }
    }

    #[test]
    fn renders_indented() {
        let mut root = leaf("Join", "a,b");
        root.children = vec![leaf("\",\"", ","), leaf("[x]", "a")];
        root.note = Some("skipped empty values".into());
        assert_eq!(
            root.render(),
            "Join → \"a,b\"   (skipped empty values)\n  \",\" → \",\"\n  [x] → \"a\"\n"
        );
        assert_eq!(root.len(), 3);
    }

    #[test]
    fn deep_trees_drop_without_overflow() {
        let mut node = leaf("x", "");
        for _ in 0..100_000 {
            let mut parent = leaf("p", "");
            parent.children.push(node);
            node = parent;
        }
        assert_eq!(node.len(), 100_001);
        drop(node);
    }
}
