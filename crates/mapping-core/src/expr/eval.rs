//! Evaluator: walks the syntax tree with Entra's semantics.
//!
//! The walk itself lives here (attributes, literals, comparisons, the lazy `IIF`, the trace);
//! each function's meaning lives in [`super::apply`], reached through the one table in
//! [`super::catalog`]. Frames are kept small — the per-function
//! work happens in a separate, non-inlined call — so a thousand-deep expression evaluates within
//! WASM's stack.
//!
//! ## `IIF` over a null or empty attribute
//!
//! Microsoft documents that when "the source attribute used within the IIF function is empty or
//! null, the condition check fails", without saying what then flows. This evaluator does not
//! pick a branch silently: it evaluates the condition as written (the *logical* result, kept in
//! [`Evaluation::value`]) and records a [`ConditionFailure`] naming the attributes and, where
//! the pattern is recognisable, a `Switch` rewrite that behaves the same in Entra.
//! [`Evaluation::outcome`] then reports [`Outcome::ConditionCheckFails`]: in Entra, expect
//! this attribute not to flow for this user.

use super::apply::{Args, Call, Fail};
use super::ast::{Node, NodeKind};
use super::catalog::{self, Implementation};
pub use super::context::EvalContext;
use super::functions::budget::Budget;
use super::lexer::CmpOp;
use super::trace::TraceNode;
use super::value::{truth, Value};
use crate::diag::{Diagnostic, Span, Stage};
use crate::source::{SourceAttributes, SourceValue};

/// An `IIF` whose condition uses an attribute that is null or empty for this user.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ConditionFailure {
    /// The whole `IIF(...)` call.
    pub span: Span,
    /// The attributes in the condition that are null or empty, without brackets.
    pub attributes: Vec<String>,
    /// A `Switch` expression that gives the intended result in Entra, when one can be derived.
    pub rewrite: Option<String>,
}

impl ConditionFailure {
    /// The warning shown for this failure: which attributes, and that the row will not flow.
    pub fn message(&self) -> String {
        let names: Vec<String> = self.attributes.iter().map(|a| format!("[{a}]")).collect();
        format!(
            "{} is null or empty for this user, and Entra's IIF condition check fails when an attribute it uses is null or empty: expect this attribute not to flow",
            names.join(", ")
        )
    }
}

/// What Entra does with the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<'a> {
    /// This value is sent.
    Flows(&'a Value),
    /// The value is null: nothing is sent, and the target keeps whatever it had.
    Null,
    /// `IgnoreFlowIfNullOrEmpty` dropped the attribute from the flow.
    Dropped,
    /// An `IIF` condition used a null or empty attribute; see [`Evaluation::condition_failures`].
    ConditionCheckFails,
}

/// The result of evaluating an expression for one user.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The value the expression means; with condition failures, what it would give if IIF
    /// evaluated its condition normally.
    pub value: Value,
    /// The `IIF` calls whose condition Entra's engine fails for this user.
    pub condition_failures: Vec<ConditionFailure>,
    /// Non-fatal remarks (an attribute name in the wrong case, an unpredictable role…).
    pub warnings: Vec<Diagnostic>,
    /// The evaluation's trace, when the context asked for one.
    pub trace: Option<TraceNode>,
}

impl Evaluation {
    /// What happens to the target: a value flows, nothing flows, or the row fails.
    pub fn outcome(&self) -> Outcome<'_> {
        if !self.condition_failures.is_empty() {
            return Outcome::ConditionCheckFails;
        }
        match &self.value {
            Value::Null => Outcome::Null,
            Value::Ignore => Outcome::Dropped,
            v => Outcome::Flows(v),
        }
    }
}

/// Evaluates a checked syntax tree. `text` is the expression's source, used for rewrites.
pub fn evaluate(
    root: &Node,
    text: &str,
    source: &SourceAttributes,
    ctx: &EvalContext,
) -> Result<Evaluation, Diagnostic> {
    let mut ev = Evaluator {
        text,
        source,
        ctx,
        rng: fastrand::Rng::with_seed(ctx.seed),
        failures: Vec::new(),
        warnings: Vec::new(),
        budget: Budget::default(),
    };
    let (value, trace) = ev.eval(root)?;
    Ok(Evaluation {
        value,
        condition_failures: ev.failures,
        warnings: ev.warnings,
        trace,
    })
}

struct Evaluator<'a> {
    text: &'a str,
    source: &'a SourceAttributes,
    ctx: &'a EvalContext,
    rng: fastrand::Rng,
    failures: Vec<ConditionFailure>,
    warnings: Vec<Diagnostic>,
    /// What is left of this evaluation's work and memory allowance.
    budget: Budget,
}

type Step = (Value, Option<TraceNode>);

/// The evaluator's agenda. The tree is walked with this explicit stack instead of recursion, so
/// nesting depth costs heap, not call stack (WASM's stack is small).
enum Task<'n> {
    /// Evaluate a node; its result goes on the results stack.
    Visit(&'n Node),
    /// The given arguments of this call are the top results: apply the function.
    Apply(&'n Node),
    /// Both sides of this comparison are the top results.
    Compare(&'n Node),
    /// The condition of this `IIF` is the top result: pick the branch to evaluate.
    Choose(&'n Node),
    /// The chosen branch (top) and the condition (below it) of this `IIF` are evaluated.
    Close {
        iif: &'n Node,
        holds: bool,
        note: Option<String>,
    },
}

impl Evaluator<'_> {
    fn eval(&mut self, root: &Node) -> Result<Step, Diagnostic> {
        let mut tasks = vec![Task::Visit(root)];
        let mut results: Vec<Step> = Vec::new();
        while let Some(task) = tasks.pop() {
            match task {
                Task::Visit(node) => match &node.kind {
                    NodeKind::Attribute(name) => {
                        let value = self.attribute(name, node.span);
                        results.push(self.leaf(node, format!("[{name}]"), value));
                    }
                    NodeKind::Str(s) => {
                        results.push(self.leaf(node, format!("{s:?}"), Value::str(s.clone())))
                    }
                    NodeKind::Number(n) | NodeKind::Ident(n) => {
                        results.push(self.leaf(node, n.clone(), Value::str(n.clone())))
                    }
                    NodeKind::Compare { left, right, .. } => {
                        tasks.extend([Task::Compare(node), Task::Visit(right), Task::Visit(left)]);
                    }
                    NodeKind::Call { name, args, .. } if name == "IIF" => match args.first() {
                        Some(Some(cond)) if args.len() == 3 => {
                            tasks.extend([Task::Choose(node), Task::Visit(cond)])
                        }
                        _ => {
                            return Err(Diagnostic::error(
                                Stage::Eval,
                                node.span,
                                "IIF needs a condition and two values",
                            ))
                        }
                    },
                    NodeKind::Call { args, .. } => {
                        tasks.push(Task::Apply(node));
                        tasks.extend(args.iter().rev().flatten().map(Task::Visit));
                    }
                },
                Task::Apply(node) => {
                    let step = self.call(node, &mut results)?;
                    results.push(step);
                }
                Task::Compare(node) => {
                    let step = self.compare(node, &mut results)?;
                    results.push(step);
                }
                Task::Choose(node) => {
                    let (holds, note, chosen) = self.choose(node, &results)?;
                    tasks.push(Task::Close {
                        iif: node,
                        holds,
                        note,
                    });
                    tasks.push(Task::Visit(chosen));
                }
                Task::Close { iif, holds, note } => {
                    let step = self.close_iif(iif, holds, note, &mut results);
                    results.push(step);
                }
            }
        }
        results
            .pop()
            .ok_or_else(|| Diagnostic::error(Stage::Eval, root.span, "nothing was evaluated"))
    }

    fn leaf(&self, node: &Node, label: String, value: Value) -> Step {
        let trace = self.ctx.trace.then(|| TraceNode {
            label,
            span: node.span,
            value: value.clone(),
            note: None,
            children: Vec::new(),
        });
        (value, trace)
    }

    fn attribute(&mut self, name: &str, span: Span) -> Value {
        match self.source.get(name) {
            Some(SourceValue::Single(s)) => Value::str(s.clone()),
            Some(SourceValue::Multi(items)) => Value::List(items.clone()),
            None => {
                if let Some(near) = self.source.name_ignoring_case(name) {
                    let warning = Diagnostic::warning(
                        Stage::Eval,
                        span,
                        format!("[{name}] is null, but the user has [{near}]: attribute names are case-sensitive"),
                    )
                    .with_help(format!("write [{near}]"));
                    self.warnings.push(warning);
                }
                Value::Null
            }
        }
    }

    /// Applies a (non-IIF) call to its evaluated arguments, taken off the results stack.
    fn call(&mut self, node: &Node, results: &mut Vec<Step>) -> Result<Step, Diagnostic> {
        let NodeKind::Call { name, args, .. } = &node.kind else {
            return Err(Diagnostic::error(Stage::Eval, node.span, "not a call"));
        };
        let given = args.iter().flatten().count();
        let mut evaluated = results
            .split_off(results.len().saturating_sub(given))
            .into_iter();
        let mut values = Vec::with_capacity(args.len());
        let mut children = Vec::with_capacity(given);
        for arg in args {
            match arg.as_ref().and_then(|_| evaluated.next()) {
                Some((v, t)) => {
                    values.push(Some(v));
                    children.extend(t);
                }
                None => values.push(None),
            }
        }
        let mut note = None;
        let value = if values.iter().any(|v| matches!(v, Some(Value::Ignore))) {
            note = Some("an argument was dropped from the flow, so this call is too".to_string());
            Value::Ignore
        } else {
            self.budget
                .spend(1, "this call")
                .map_err(|m| self.fail_at(node, name, args, Fail::from(m)))?;
            let value = self
                .apply(name, args, values, &mut note)
                .map_err(|fail| self.fail_at(node, name, args, fail))?;
            self.budget
                .produce(value.size())
                .map_err(|m| self.fail_at(node, name, args, Fail::from(m)))?;
            value
        };
        Ok(self.branch(node, name.to_string(), value, note, children))
    }

    /// Runs the function's implementation from the catalogue on its evaluated arguments.
    fn apply(
        &mut self,
        name: &str,
        nodes: &[Option<Node>],
        values: Vec<Option<Value>>,
        note: &mut Option<String>,
    ) -> Result<Value, Fail> {
        let apply = match catalog::lookup(name).map(|def| def.implementation) {
            Some(Implementation::Apply(apply)) => apply,
            Some(Implementation::ChooseBranch) | None => {
                return Err(format!(
                    "`{name}` cannot be evaluated here (it is not an app-provisioning function)"
                )
                .into())
            }
        };
        let literals = nodes
            .iter()
            .map(|n| match n.as_ref().map(|n| &n.kind) {
                Some(NodeKind::Str(s)) => Some(s.as_str()),
                _ => None,
            })
            .collect();
        let mut call = Call {
            args: Args(values),
            literals,
            ctx: self.ctx,
            source: self.source,
            rng: &mut self.rng,
            budget: &mut self.budget,
            note: None,
        };
        let value = apply(&mut call)?;
        *note = call.note;
        Ok(value)
    }

    fn branch(
        &self,
        node: &Node,
        label: String,
        value: Value,
        note: Option<String>,
        children: Vec<TraceNode>,
    ) -> Step {
        let trace = self.ctx.trace.then(|| TraceNode {
            label,
            span: node.span,
            value: value.clone(),
            note,
            children,
        });
        (value, trace)
    }

    fn fail_at(&self, node: &Node, name: &str, args: &[Option<Node>], fail: Fail) -> Diagnostic {
        let span = fail
            .arg
            .and_then(|i| args.get(i))
            .and_then(Option::as_ref)
            .map_or(node.span, |a| a.span);
        Diagnostic::error(
            Stage::Eval,
            span,
            format!("{name}: {}", without_function_prefix(&fail.message)),
        )
    }

    fn compare(&mut self, node: &Node, results: &mut Vec<Step>) -> Result<Step, Diagnostic> {
        let NodeKind::Compare { op, left, right } = &node.kind else {
            return Err(Diagnostic::error(
                Stage::Eval,
                node.span,
                "not a comparison",
            ));
        };
        let (r, rt) = results.pop().unwrap_or((Value::Null, None));
        let (l, lt) = results.pop().unwrap_or((Value::Null, None));
        let text = |v: &Value, side: &Node| -> Result<String, Diagnostic> {
            match v {
                Value::Null | Value::Ignore => Ok(String::new()),
                Value::Str(s) => Ok(s.clone()),
                Value::List(items) if items.len() == 1 => Ok(items[0].clone()),
                Value::List(items) => Err(Diagnostic::error(
                    Stage::Eval,
                    side.span,
                    format!(
                        "cannot compare a multi-valued attribute ({} values); pick one with Item()",
                        items.len()
                    ),
                )),
            }
        };
        let (a, b) = (text(&l, left)?, text(&r, right)?);
        let value = Value::bool(compare_values(&a, &b, *op));
        let children = lt.into_iter().chain(rt).collect();
        Ok(self.branch(node, op.as_str().to_string(), value, None, children))
    }

    /// `IIF(condition, valueIfTrue, valueIfFalse)`, first half: with the condition evaluated
    /// (top of `results`), records a condition failure if it reads a null or empty attribute and
    /// returns which branch to evaluate — only that one is.
    fn choose<'n>(
        &mut self,
        node: &'n Node,
        results: &[Step],
    ) -> Result<(bool, Option<String>, &'n Node), Diagnostic> {
        let NodeKind::Call { args, .. } = &node.kind else {
            return Err(Diagnostic::error(Stage::Eval, node.span, "not a call"));
        };
        let [Some(cond), Some(if_true), Some(if_false)] = args.as_slice() else {
            return Err(Diagnostic::error(
                Stage::Eval,
                node.span,
                "IIF needs a condition and two values",
            ));
        };
        let mut note = None;
        let empty = self.null_or_empty_attributes(cond);
        if !empty.is_empty() {
            let failure = ConditionFailure {
                span: node.span,
                rewrite: switch_rewrite(self.text, cond, if_true, if_false),
                attributes: empty,
            };
            note = Some(failure.message());
            self.failures.push(failure);
        }
        let condition = results.last().map_or(&Value::Null, |(v, _)| v);
        let holds = truth(condition)
            .map_err(|m| Diagnostic::error(Stage::Eval, cond.span, format!("IIF: {m}")))?;
        Ok((holds, note, if holds { if_true } else { if_false }))
    }

    /// `IIF`, second half: the chosen branch's value is the result; the trace shows the
    /// condition, both branches, and which one was not evaluated.
    fn close_iif(
        &mut self,
        node: &Node,
        holds: bool,
        note: Option<String>,
        results: &mut Vec<Step>,
    ) -> Step {
        let (value, vt) = results.pop().unwrap_or((Value::Null, None));
        let (_, ct) = results.pop().unwrap_or((Value::Null, None));
        let mut children: Vec<TraceNode> = ct.into_iter().chain(vt).collect();
        if let (true, NodeKind::Call { args, .. }) = (self.ctx.trace, &node.kind) {
            if let Some(Some(skipped)) = args.get(if holds { 2 } else { 1 }) {
                let not_taken = TraceNode {
                    label: source_text(self.text, skipped.span).to_string(),
                    span: skipped.span,
                    value: Value::Null,
                    note: Some("not evaluated: the other branch was taken".into()),
                    children: Vec::new(),
                };
                children.insert(if holds { 2 } else { 1 }.min(children.len()), not_taken);
            }
        }
        self.branch(node, "IIF".to_string(), value, note, children)
    }

    /// Attributes referenced in `cond` whose value is null or empty for this user.
    fn null_or_empty_attributes(&self, cond: &Node) -> Vec<String> {
        let mut names = Vec::new();
        cond.walk(|n| {
            if let NodeKind::Attribute(name) = &n.kind {
                let empty = match self.source.get(name) {
                    None => true,
                    Some(SourceValue::Single(s)) => s.is_empty(),
                    Some(SourceValue::Multi(items)) => items.iter().all(String::is_empty),
                };
                if empty && !names.contains(name) {
                    names.push(name.clone());
                }
            }
        });
        names
    }
}

/// The helpers in `functions/` start some messages with a function name (`CDate: …`, also when
/// DateAdd reads a date through CDate's parser); the diagnostic names the call itself instead.
fn without_function_prefix(message: &str) -> &str {
    match message.split_once(": ") {
        Some((head, rest)) if catalog::lookup(head).is_some() => rest,
        _ => message,
    }
}

/// Numbers compare as numbers when both sides are numeric; anything else compares as
/// case-sensitive ordinal text (like Switch and Replace).
fn compare_values(a: &str, b: &str, op: CmpOp) -> bool {
    let ordering = match (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
        (Ok(x), Ok(y)) if x.is_finite() && y.is_finite() => x.partial_cmp(&y),
        _ => Some(a.cmp(b)),
    };
    let Some(ordering) = ordering else {
        return false;
    };
    match op {
        CmpOp::Eq => ordering.is_eq(),
        CmpOp::Ne => ordering.is_ne(),
        CmpOp::Gt => ordering.is_gt(),
        CmpOp::Ge => ordering.is_ge(),
        CmpOp::Lt => ordering.is_lt(),
        CmpOp::Le => ordering.is_le(),
    }
}

pub(super) fn source_text(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// For the recognisable null tests, the `Switch` that Entra evaluates reliably:
/// `IIF(IsNullOrEmpty(X), A, B)` / `IIF(IsNull(X), A, B)` / `IIF(X = "", A, B)` →
/// `Switch(X, B, "", A)`, and `IIF(IsPresent(X), A, B)` / `IIF(X <> "", A, B)` → `Switch(X, A, "", B)`.
pub(crate) fn switch_rewrite(
    text: &str,
    cond: &Node,
    if_true: &Node,
    if_false: &Node,
) -> Option<String> {
    let (subject, empty_branch, other_branch) = match &cond.kind {
        NodeKind::Call { name, args, .. } if args.len() == 1 => {
            let subject = args[0].as_ref()?;
            match name.as_str() {
                "IsNullOrEmpty" | "IsNull" => (subject, if_true, if_false),
                "IsPresent" => (subject, if_false, if_true),
                _ => return None,
            }
        }
        NodeKind::Compare { op, left, right } if right.kind == NodeKind::Str(String::new()) => {
            match op {
                CmpOp::Eq => (left.as_ref(), if_true, if_false),
                CmpOp::Ne => (left.as_ref(), if_false, if_true),
                _ => return None,
            }
        }
        _ => return None,
    };
    let t = |n: &Node| source_text(text, n.span).to_string();
    Some(format!(
        "Switch({}, {}, \"\", {})",
        t(subject),
        t(other_branch),
        t(empty_branch)
    ))
}
