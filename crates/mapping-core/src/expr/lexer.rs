//! Lexer: expression text → tokens with byte spans.
//!
//! The lexer never fails as a whole: a malformed piece of text becomes an [`TokenKind::Error`]
//! token, so an editor can still colour everything else. The parser turns the first error token
//! into a diagnostic.

use crate::diag::Span;

/// The comparison operators allowed in an `IIF` condition (and anywhere an argument goes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `=`: equal.
    Eq,
    /// `<>`: not equal.
    Ne,
    /// `>`: greater than.
    Gt,
    /// `>=`: greater than or equal.
    Ge,
    /// `<`: less than.
    Lt,
    /// `<=`: less than or equal.
    Le,
}

impl CmpOp {
    /// The operator as the lexer reads it.
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "<>",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
        }
    }
}

/// What went wrong in a piece of text the lexer could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LexError {
    /// A `"` string with no closing `"`.
    UnterminatedString,
    /// A `[` attribute name with no closing `]`.
    UnterminatedAttribute,
    /// `[]`: brackets with no name between them.
    EmptyAttribute,
    /// `&H` not followed by hexadecimal digits.
    BadHex,
    /// A number that does not fit in 64 bits.
    NumberTooLarge,
    /// A character that starts no token.
    UnexpectedChar(char),
    /// A typographic quote (“ ” „ ″) where a straight `"` is needed.
    CurlyQuote(char),
}

impl LexError {
    /// The error in words, with how to fix it.
    pub fn message(&self) -> String {
        match self {
            LexError::UnterminatedString => {
                "this string is never closed: add a `\"` at its end (write `\\\"` for a quote inside it)".into()
            }
            LexError::UnterminatedAttribute => {
                "this attribute name is never closed: add a `]`".into()
            }
            LexError::EmptyAttribute => "`[]` names no attribute: write one such as `[mail]`".into(),
            LexError::BadHex => "`&H` must be followed by hexadecimal digits, as in `&HF7`".into(),
            LexError::NumberTooLarge => "this number does not fit in 64 bits".into(),
            LexError::UnexpectedChar(c) => format!("unexpected character `{c}`"),
            LexError::CurlyQuote(c) => format!(
                "typographic quote `{c}`: Entra needs straight double quotes `\"` (text pasted from a document often has curly ones)"
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// What a token is.
pub enum TokenKind {
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `,`
    Comma,
    /// `[name]`; the name is `text[span.start + 1 .. span.end - 1]`.
    Attribute,
    /// A double-quoted string; its value is in [`Token::value`].
    String,
    /// A decimal integer, possibly negative, or a `&H` hex literal; the decimal text is in
    /// [`Token::value`].
    Number,
    /// A bare name: a function name or an enum such as `vbTextCompare`.
    Ident,
    /// A comparison operator.
    Op(CmpOp),
    /// Text the lexer could not read; the token's span covers it.
    Error(LexError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// One token: its kind and the byte span of its text.
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Byte span of the token in the expression's text.
    pub span: Span,
    /// The decoded value of strings (escapes resolved) and numbers (decimal text).
    pub value: String,
}

/// Splits `text` into tokens. Whitespace (including newlines) separates tokens and is dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut lexer = Lexer {
        text,
        pos: 0,
        tokens: Vec::new(),
    };
    lexer.run();
    lexer.tokens
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    tokens: Vec<Token>,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.text.get(self.pos + offset..)?.chars().next()
    }

    fn push(&mut self, kind: TokenKind, start: usize, value: String) {
        self.tokens.push(Token {
            kind,
            span: Span::new(start, self.pos),
            value,
        });
    }

    fn run(&mut self) {
        while let Some(c) = self.peek() {
            let start = self.pos;
            match c {
                c if c.is_whitespace() => self.pos += c.len_utf8(),
                '(' | ')' | ',' => {
                    self.pos += 1;
                    let kind = match c {
                        '(' => TokenKind::LParen,
                        ')' => TokenKind::RParen,
                        _ => TokenKind::Comma,
                    };
                    self.push(kind, start, String::new());
                }
                '[' => self.attribute(),
                '"' => self.string(),
                '“' | '”' | '„' | '″' => {
                    self.pos += c.len_utf8();
                    self.push(
                        TokenKind::Error(LexError::CurlyQuote(c)),
                        start,
                        String::new(),
                    );
                }
                '=' | '<' | '>' => self.operator(c),
                '&' => self.hex(),
                '-' if self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) => self.number(),
                d if d.is_ascii_digit() => self.number(),
                a if a.is_alphabetic() || a == '_' => self.ident(),
                other => {
                    self.pos += other.len_utf8();
                    self.push(
                        TokenKind::Error(LexError::UnexpectedChar(other)),
                        start,
                        String::new(),
                    );
                }
            }
        }
    }

    fn attribute(&mut self) {
        let start = self.pos;
        match self.text[start + 1..].find(']') {
            Some(len) => {
                self.pos = start + 1 + len + 1;
                let kind = if len == 0 {
                    TokenKind::Error(LexError::EmptyAttribute)
                } else {
                    TokenKind::Attribute
                };
                let name = self.text[start + 1..start + 1 + len].to_string();
                self.push(kind, start, name);
            }
            None => {
                self.pos = self.text.len();
                self.push(
                    TokenKind::Error(LexError::UnterminatedAttribute),
                    start,
                    String::new(),
                );
            }
        }
    }

    /// `"…"` with `\"` → `"` and `\\` → `\`; any other `\x` is kept as the two characters, so a
    /// regular expression written `"\+"` or `"\\+"` means the same.
    fn string(&mut self) {
        let start = self.pos;
        self.pos += 1;
        let mut value = String::new();
        let mut chars = self.text[self.pos..].char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.pos += i + 1;
                    self.push(TokenKind::String, start, value);
                    return;
                }
                '\\' => match chars.next() {
                    Some((_, e @ ('"' | '\\'))) => value.push(e),
                    Some((_, other)) => {
                        value.push('\\');
                        value.push(other);
                    }
                    None => value.push('\\'),
                },
                other => value.push(other),
            }
        }
        self.pos = self.text.len();
        self.push(
            TokenKind::Error(LexError::UnterminatedString),
            start,
            String::new(),
        );
    }

    fn operator(&mut self, first: char) {
        let start = self.pos;
        self.pos += 1;
        let second = self.peek();
        let op = match (first, second) {
            ('<', Some('>')) => Some(CmpOp::Ne),
            ('<', Some('=')) => Some(CmpOp::Le),
            ('>', Some('=')) => Some(CmpOp::Ge),
            _ => None,
        };
        let op = match op {
            Some(op) => {
                self.pos += 1;
                op
            }
            None => match first {
                '=' => CmpOp::Eq,
                '<' => CmpOp::Lt,
                _ => CmpOp::Gt,
            },
        };
        self.push(TokenKind::Op(op), start, String::new());
    }

    fn number(&mut self) {
        let start = self.pos;
        if self.peek() == Some('-') {
            self.pos += 1;
        }
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let whole_end = self.pos;
        // A decimal fraction, as in Microsoft's `Len(42568.75)`: kept as written.
        if self.peek() == Some('.') && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) {
            self.pos += 1;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
        }
        let digits = &self.text[start..self.pos];
        let kind = if self.text[start..whole_end].parse::<i64>().is_ok() {
            TokenKind::Number
        } else {
            TokenKind::Error(LexError::NumberTooLarge)
        };
        self.push(kind, start, digits.to_string());
    }

    /// `&H` followed by hex digits, as in VB: `&HF7` is 247.
    fn hex(&mut self) {
        let start = self.pos;
        self.pos += 1;
        if !matches!(self.peek(), Some('H' | 'h')) {
            self.push(
                TokenKind::Error(LexError::UnexpectedChar('&')),
                start,
                String::new(),
            );
            return;
        }
        self.pos += 1;
        let digits_start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
            self.pos += 1;
        }
        let digits = &self.text[digits_start..self.pos];
        let parsed = if digits.is_empty() {
            Err(LexError::BadHex)
        } else {
            i64::from_str_radix(digits, 16).map_err(|_| LexError::NumberTooLarge)
        };
        match parsed {
            Ok(n) => self.push(TokenKind::Number, start, n.to_string()),
            Err(e) => self.push(TokenKind::Error(e), start, String::new()),
        }
    }

    fn ident(&mut self) {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.pos += self.peek().map_or(1, char::len_utf8);
        }
        let name = self.text[start..self.pos].to_string();
        self.push(TokenKind::Ident, start, name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TokenKind> {
        tokenize(text).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn call_with_attribute_and_string() {
        let toks = tokenize("Append([userPrincipalName], \".test\")");
        let k: Vec<_> = toks.iter().map(|t| t.kind.clone()).collect();
        assert_eq!(
            k,
            vec![
                TokenKind::Ident,
                TokenKind::LParen,
                TokenKind::Attribute,
                TokenKind::Comma,
                TokenKind::String,
                TokenKind::RParen
            ]
        );
        assert_eq!(toks[2].value, "userPrincipalName");
        assert_eq!(toks[4].value, ".test");
        assert_eq!(toks[2].span, Span::new(7, 26));
    }

    #[test]
    fn string_escapes() {
        let toks = tokenize(r#""Company: \"Contoso\" \\ \+ \d""#);
        assert_eq!(toks[0].value, r#"Company: "Contoso" \ \+ \d"#);
    }

    #[test]
    fn attribute_may_hold_anything_but_a_closing_bracket() {
        let toks = tokenize("[passwordProfile.password] [urn:x:y] [a b]");
        let names: Vec<_> = toks.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(names, vec!["passwordProfile.password", "urn:x:y", "a b"]);
    }

    #[test]
    fn numbers_negative_and_hex() {
        let toks = tokenize("-10 7 &HF7 &hff 42568.75 -0.5");
        let vals: Vec<_> = toks.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(vals, vec!["-10", "7", "247", "255", "42568.75", "-0.5"]);
        assert!(toks.iter().all(|t| t.kind == TokenKind::Number));
    }

    #[test]
    fn operators() {
        assert_eq!(
            kinds("= <> > >= < <="),
            vec![
                TokenKind::Op(CmpOp::Eq),
                TokenKind::Op(CmpOp::Ne),
                TokenKind::Op(CmpOp::Gt),
                TokenKind::Op(CmpOp::Ge),
                TokenKind::Op(CmpOp::Lt),
                TokenKind::Op(CmpOp::Le)
            ]
        );
    }

    #[test]
    fn errors_are_tokens() {
        assert_eq!(
            kinds("\"abc"),
            vec![TokenKind::Error(LexError::UnterminatedString)]
        );
        assert_eq!(
            kinds("[abc"),
            vec![TokenKind::Error(LexError::UnterminatedAttribute)]
        );
        assert_eq!(
            kinds("[]"),
            vec![TokenKind::Error(LexError::EmptyAttribute)]
        );
        assert_eq!(
            kinds("&HZ"),
            vec![TokenKind::Error(LexError::BadHex), TokenKind::Ident]
        );
        assert_eq!(kinds("“x”")[0], TokenKind::Error(LexError::CurlyQuote('“')));
        assert_eq!(
            kinds("99999999999999999999"),
            vec![TokenKind::Error(LexError::NumberTooLarge)]
        );
        assert_eq!(
            kinds("#"),
            vec![TokenKind::Error(LexError::UnexpectedChar('#'))]
        );
    }

    #[test]
    fn whitespace_and_newlines_are_skipped() {
        assert_eq!(
            kinds("  Now (\n\t)\r\n"),
            vec![TokenKind::Ident, TokenKind::LParen, TokenKind::RParen]
        );
    }

    #[test]
    fn multibyte_text_keeps_valid_spans() {
        for t in tokenize("Join(\"é\", [naïve], ä)") {
            assert!(t.span.start <= t.span.end);
        }
    }
}
