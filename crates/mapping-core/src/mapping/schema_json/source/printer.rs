//! The `expression` of a node inside an exported tree, printed the way Graph does.

use crate::diag::Span;
use crate::expr::lexer::{tokenize, Token, TokenKind};

/// Prints a piece of an expression the way Graph does: tokens as written, `, ` after commas,
/// no other spaces.
pub(super) struct Printer<'t> {
    text: &'t str,
    tokens: Vec<Token>,
}

impl<'t> Printer<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Printer {
            text,
            tokens: tokenize(text),
        }
    }

    /// The text of `span` in Graph's spelling.
    pub(super) fn canonical(&self, span: Span) -> String {
        let first = self.tokens.partition_point(|t| t.span.start < span.start);
        let mut out = String::new();
        let mut after_comma = false;
        let tokens = self.tokens.get(first..).unwrap_or_default();
        for token in tokens.iter().take_while(|t| t.span.end <= span.end) {
            if after_comma {
                out.push(' ');
            }
            out.push_str(
                self.text
                    .get(token.span.start..token.span.end)
                    .unwrap_or(""),
            );
            after_comma = matches!(token.kind, TokenKind::Comma);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::mapping::model::AttributeMapping;
    use crate::mapping::schema_json::test_support::exported_source;

    #[test]
    fn numbers_are_constants_and_nested_text_is_canonical() {
        let source = exported_source(AttributeMapping::expression(
            "alias",
            "Mid( [userPrincipalName],1,  8 )",
        ));
        assert_eq!(source["expression"], "Mid( [userPrincipalName],1,  8 )");
        assert_eq!(
            source["parameters"][1],
            json!({ "key": "start", "value": { "expression": "\"1\"", "name": "1", "parameters": [], "type": "Constant" } })
        );
        let nested = exported_source(AttributeMapping::expression(
            "x",
            "Not(Join( \",\" ,[a],,[b]))",
        ));
        assert_eq!(
            nested["parameters"][0]["value"]["expression"],
            "Join(\",\", [a], , [b])"
        );
    }
}
