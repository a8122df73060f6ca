//! Parser: tokens → syntax tree.
//!
//! ```text
//! expression := operand ( compop operand )?
//! operand    := call | attribute | string | number | identifier
//! call       := name "(" ( arg ( "," arg )* )? ")"
//! arg        := expression | ε            ; ε = an omitted optional argument
//! ```
//!
//! The grammar is recursive but the parser is not: open calls and pending comparisons live on an
//! explicit stack, so nesting costs heap, not call stack. Nesting deeper than
//! [`super::MAX_NESTING`] is a diagnostic.

use super::ast::{Node, NodeKind};
use super::lexer::{tokenize, CmpOp, Token, TokenKind};
use super::MAX_NESTING;
use crate::diag::{Diagnostic, Span, Stage};

/// Parses a whole expression.
pub fn parse(text: &str) -> Result<Node, Diagnostic> {
    let tokens = tokenize(text);
    if let Some(bad) = tokens.iter().find_map(|t| match &t.kind {
        TokenKind::Error(e) => Some((e, t.span)),
        _ => None,
    }) {
        return Err(Diagnostic::error(Stage::Syntax, bad.1, bad.0.message()));
    }
    if tokens.is_empty() {
        return Err(Diagnostic::error(
            Stage::Syntax,
            Span::new(0, text.len()),
            "the expression is empty: write an attribute such as `[mail]` or a function call",
        ));
    }
    let mut parser = Parser {
        tokens: &tokens,
        pos: 0,
        end: text.len(),
        open: Vec::new(),
        calls: 0,
    };
    let node = parser.expression()?;
    if let Some(extra) = parser.peek() {
        let message = match extra.kind {
            TokenKind::RParen => "this `)` closes nothing: remove it or add the matching `(`",
            TokenKind::Comma => "a `,` outside any function call",
            _ => "unexpected text after the end of the expression (only one expression is allowed; use Join or Append to combine values)",
        };
        return Err(Diagnostic::error(Stage::Syntax, extra.span, message));
    }
    Ok(node)
}

/// Something begun but not finished, waiting for the operand being parsed.
enum Open<'t> {
    /// A call whose arguments so far are collected; the next finished expression is its next
    /// argument.
    Call {
        name: &'t Token,
        open: Span,
        args: Vec<Option<Node>>,
    },
    /// `left op` seen; the next finished operand is the right-hand side.
    Compare { op: CmpOp, left: Node },
}

struct Parser<'t> {
    tokens: &'t [Token],
    pos: usize,
    end: usize,
    open: Vec<Open<'t>>,
    /// How many `Open::Call`s are on the stack.
    calls: usize,
}

/// What the parser does next.
enum Step {
    /// Parse an operand (the start of an expression or argument).
    Operand,
    /// An operand is complete.
    Finished(Node),
    /// An argument (`None` = omitted) of the innermost open call is complete.
    Argument(Option<Node>),
}

impl<'t> Parser<'t> {
    fn peek(&self) -> Option<&'t Token> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Option<&'t Token> {
        let t = self.tokens.get(self.pos);
        self.pos += 1;
        t
    }

    fn peek_kind(&self) -> Option<&'t TokenKind> {
        self.peek().map(|t| &t.kind)
    }

    fn expression(&mut self) -> Result<Node, Diagnostic> {
        let mut step = Step::Operand;
        loop {
            step = match step {
                Step::Operand => self.operand()?,
                Step::Finished(node) => match self.finished(node)? {
                    Ok(step) => step,
                    Err(done) => return Ok(done),
                },
                Step::Argument(arg) => self.argument(arg)?,
            };
        }
    }

    /// Reads one operand: a leaf is finished at once, a call opens.
    fn operand(&mut self) -> Result<Step, Diagnostic> {
        let Some(token) = self.next() else {
            return Err(Diagnostic::error(
                Stage::Syntax,
                Span::new(self.end, self.end),
                "the expression ends too early: a value is missing",
            ));
        };
        let kind = match &token.kind {
            TokenKind::Attribute => NodeKind::Attribute(token.value.clone()),
            TokenKind::String => NodeKind::Str(token.value.clone()),
            TokenKind::Number => NodeKind::Number(token.value.clone()),
            TokenKind::Ident if self.peek_kind() == Some(&TokenKind::LParen) => return self.open_call(token),
            TokenKind::Ident => NodeKind::Ident(token.value.clone()),
            TokenKind::LParen => {
                return Err(Diagnostic::error(
                    Stage::Syntax,
                    token.span,
                    "a `(` must follow a function name; grouping with parentheses is not part of the language",
                ))
            }
            TokenKind::RParen | TokenKind::Comma | TokenKind::Op(_) => {
                return Err(Diagnostic::error(
                    Stage::Syntax,
                    token.span,
                    "a value is missing here: expected an attribute, a string, a number or a function call",
                ))
            }
            TokenKind::Error(e) => return Err(Diagnostic::error(Stage::Syntax, token.span, e.message())),
        };
        Ok(Step::Finished(Node {
            kind,
            span: token.span,
        }))
    }

    /// `name (` — the name is consumed, the `(` is next.
    fn open_call(&mut self, name: &'t Token) -> Result<Step, Diagnostic> {
        if self.calls >= MAX_NESTING {
            return Err(Diagnostic::error(
                Stage::Syntax,
                name.span,
                format!("functions are nested more than {MAX_NESTING} deep here; this preview stops there"),
            ));
        }
        let open = self.next().map_or(name.span, |t| t.span);
        if self.peek_kind() == Some(&TokenKind::RParen) {
            let close = self.next().map_or(open, |t| t.span);
            return Ok(Step::Finished(call_node(name, Vec::new(), close)));
        }
        self.open.push(Open::Call {
            name,
            open,
            args: Vec::new(),
        });
        self.calls += 1;
        Ok(self.argument_start())
    }

    /// At the start of an argument: an immediate `,` or `)` means it was omitted.
    fn argument_start(&self) -> Step {
        match self.peek_kind() {
            Some(TokenKind::Comma) | Some(TokenKind::RParen) => Step::Argument(None),
            _ => Step::Operand,
        }
    }

    /// An operand is complete: it may start or end a comparison, then it is an argument of the
    /// innermost call, or the whole expression (`Err(node)` = done).
    fn finished(&mut self, node: Node) -> Result<Result<Step, Node>, Diagnostic> {
        let node = match self.open.pop() {
            Some(Open::Compare { op, left }) => {
                if let Some(Token {
                    kind: TokenKind::Op(_),
                    span,
                    ..
                }) = self.peek()
                {
                    return Err(Diagnostic::error(
                        Stage::Syntax,
                        *span,
                        "only one comparison is allowed here; Entra has no AND/OR: nest IIF calls instead",
                    ));
                }
                Node {
                    span: left.span.to(node.span),
                    kind: NodeKind::Compare {
                        op,
                        left: Box::new(left),
                        right: Box::new(node),
                    },
                }
            }
            other => {
                self.open.extend(other);
                if let Some(Token {
                    kind: TokenKind::Op(op),
                    span,
                    ..
                }) = self.peek()
                {
                    self.pos += 1;
                    if self.peek().is_none() {
                        return Err(Diagnostic::error(
                            Stage::Syntax,
                            *span,
                            format!("`{}` needs a value on its right", op.as_str()),
                        ));
                    }
                    self.open.push(Open::Compare {
                        op: *op,
                        left: node,
                    });
                    return Ok(Ok(Step::Operand));
                }
                node
            }
        };
        Ok(match self.open.last() {
            Some(Open::Call { .. }) => Ok(Step::Argument(Some(node))),
            _ => Err(node),
        })
    }

    /// An argument of the innermost call is complete: `,` opens the next, `)` closes the call.
    fn argument(&mut self, arg: Option<Node>) -> Result<Step, Diagnostic> {
        let Some(Open::Call { name, open, args }) = self.open.last_mut() else {
            return Err(Diagnostic::error(
                Stage::Syntax,
                Span::new(self.end, self.end),
                "argument outside a call",
            ));
        };
        args.push(arg);
        let (name, open) = (*name, *open);
        match self.next() {
            Some(Token {
                kind: TokenKind::Comma,
                ..
            }) => {
                if self.peek().is_none() {
                    return Err(unclosed(name, open));
                }
                Ok(self.argument_start())
            }
            Some(
                close @ Token {
                    kind: TokenKind::RParen,
                    ..
                },
            ) => {
                let Some(Open::Call { args, .. }) = self.open.pop() else {
                    return Err(unclosed(name, open));
                };
                self.calls -= 1;
                Ok(Step::Finished(call_node(name, args, close.span)))
            }
            Some(other) => Err(Diagnostic::error(
                Stage::Syntax,
                other.span,
                format!("expected `,` or `)` in the arguments of `{}`", name.value),
            )
            .with_help("separate arguments with commas")),
            None => Err(unclosed(name, open)),
        }
    }
}

fn call_node(name: &Token, args: Vec<Option<Node>>, close: Span) -> Node {
    Node {
        kind: NodeKind::Call {
            name: name.value.clone(),
            name_span: name.span,
            args,
        },
        span: name.span.to(close),
    }
}

fn unclosed(name: &Token, open: Span) -> Diagnostic {
    Diagnostic::error(
        Stage::Syntax,
        name.span.to(open),
        format!("the call to `{}` is never closed: add a `)`", name.value),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::lexer::CmpOp;

    fn args_of(node: &Node) -> &Vec<Option<Node>> {
        match &node.kind {
            NodeKind::Call { args, .. } => args,
            other => panic!("not a call: {other:?}"),
        }
    }

    #[test]
    fn bare_attribute_is_an_expression() {
        let n = parse("[mail]").unwrap();
        assert_eq!(n.kind, NodeKind::Attribute("mail".into()));
        assert_eq!(n.span, Span::new(0, 6));
    }

    #[test]
    fn nested_calls_with_spans() {
        let text = "Append(Mid([givenName], 1, 3), \"x\")";
        let n = parse(text).unwrap();
        assert_eq!(n.span, Span::new(0, text.len()));
        let args = args_of(&n);
        assert_eq!(args.len(), 2);
        let mid = args[0].as_ref().unwrap();
        assert_eq!(mid.call_name(), Some("Mid"));
        assert_eq!(
            &text[mid.span.start..mid.span.end],
            "Mid([givenName], 1, 3)"
        );
    }

    #[test]
    fn omitted_arguments_including_trailing() {
        let n = parse("Replace([a], , \"x\", , \"\", , )").unwrap();
        let present: Vec<bool> = args_of(&n).iter().map(Option::is_some).collect();
        assert_eq!(present, vec![true, false, true, false, true, false, false]);
        let n = parse("ToUpper(Word([u], 1, \"@\"), )").unwrap();
        assert_eq!(args_of(&n).len(), 2);
    }

    #[test]
    fn empty_call_has_no_arguments() {
        assert!(args_of(&parse("Now()").unwrap()).is_empty());
    }

    #[test]
    fn comparison_inside_iif() {
        let n = parse("IIF([country]=\"USA\",[country],[department])").unwrap();
        let cond = args_of(&n)[0].as_ref().unwrap();
        match &cond.kind {
            NodeKind::Compare { op, left, right } => {
                assert_eq!(*op, CmpOp::Eq);
                assert_eq!(left.kind, NodeKind::Attribute("country".into()));
                assert_eq!(right.kind, NodeKind::Str("USA".into()));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn identifiers_as_arguments() {
        let n = parse("InStr(\"repEated\",\"e\",3,vbBinaryCompare)").unwrap();
        assert_eq!(
            args_of(&n)[3].as_ref().unwrap().kind,
            NodeKind::Ident("vbBinaryCompare".into())
        );
    }

    #[test]
    fn errors_have_positions() {
        let cases = [
            ("Join(\",\", [a]", Span::new(0, 5)),
            ("Append([a], \"x)", Span::new(12, 15)),
            ("Join(\",\" [a])", Span::new(9, 12)),
            ("[a] [b]", Span::new(4, 7)),
            ("[a])", Span::new(3, 4)),
            ("[a] = ", Span::new(4, 5)),
            ("[a] = [b] = [c]", Span::new(10, 11)),
            ("(\"x\")", Span::new(0, 1)),
            ("", Span::new(0, 0)),
            ("Join(,", Span::new(0, 5)),
        ];
        for (text, span) in cases {
            let err = parse(text).expect_err(text);
            assert_eq!(err.span, span, "{text}: {}", err.message);
            assert_eq!(err.stage, Stage::Syntax);
        }
    }

    #[test]
    fn nesting_limit_is_a_clean_error() {
        let deep = |n: usize| format!("{}[x]{}", "Not(".repeat(n), ")".repeat(n));
        assert!(parse(&deep(MAX_NESTING)).is_ok());
        let err = parse(&deep(MAX_NESTING + 1)).unwrap_err();
        assert!(err.message.contains("nested more than"), "{}", err.message);
    }
}
