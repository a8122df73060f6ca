//! Syntax colouring for the expression editor: the text cut into classed pieces from the lexer's
//! tokens, with the error span (if any) marked. The editor shows these pieces in a `<pre>` behind
//! a transparent textarea, so they must cover the text exactly, in order.

use super::text::{ceil_boundary, floor_boundary};
use mapping_core::expr::catalog;
use mapping_core::expr::lexer::{tokenize, TokenKind};

/// One piece of the text and its CSS class (`""` for whitespace).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub class: &'static str,
    /// Inside the error span.
    pub error: bool,
}

/// The pieces of `text`; `error` is a byte span to mark (a point when `start == end`, shown as a
/// zero-width marker).
pub fn segments(text: &str, error: Option<(usize, usize)>) -> Vec<Segment> {
    let mut pieces: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut pos = 0;
    for token in tokenize(text) {
        let (start, end) = (
            floor_boundary(text, token.span.start),
            ceil_boundary(text, token.span.end),
        );
        if start < pos || end < start {
            continue;
        }
        if start > pos {
            pieces.push((pos, start, ""));
        }
        let class = match &token.kind {
            TokenKind::Ident if catalog::lookup_ignoring_case(&text[start..end]).is_some() => {
                "tok-fn"
            }
            TokenKind::Ident => "tok-ident",
            TokenKind::Attribute => "tok-attr",
            TokenKind::String => "tok-str",
            TokenKind::Number => "tok-num",
            TokenKind::Op(_) => "tok-op",
            TokenKind::LParen | TokenKind::RParen | TokenKind::Comma => "tok-punct",
            TokenKind::Error(_) => "tok-bad",
        };
        pieces.push((start, end, class));
        pos = end;
    }
    if pos < text.len() {
        pieces.push((pos, text.len(), ""));
    }

    let Some((es, ee)) = error.map(|(s, e)| {
        let s = floor_boundary(text, s);
        (s, ceil_boundary(text, e.max(s)))
    }) else {
        return pieces
            .into_iter()
            .map(|(s, e, class)| Segment {
                text: text[s..e].to_string(),
                class,
                error: false,
            })
            .collect();
    };

    let mut out = Vec::with_capacity(pieces.len() + 3);
    let mut point_done = es != ee;
    for (s, e, class) in pieces {
        if !point_done && es <= s {
            out.push(point());
            point_done = true;
        }
        // Cut the piece at the error span's edges.
        let mut cuts = vec![s];
        for c in [es, ee] {
            if c > s && c < e {
                cuts.push(c);
            }
        }
        cuts.push(e);
        cuts.dedup();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            if !point_done && es > a && es < b {
                // Cannot happen: es is a cut.
                out.push(point());
                point_done = true;
            }
            out.push(Segment {
                text: text[a..b].to_string(),
                class,
                error: es != ee && a >= es && b <= ee,
            });
            if !point_done && es == b {
                out.push(point());
                point_done = true;
            }
        }
    }
    if !point_done {
        out.push(point());
    }
    out
}

fn point() -> Segment {
    Segment {
        text: String::new(),
        class: "err-point",
        error: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn joined(s: &[Segment]) -> String {
        s.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn covers_the_text_with_classes() {
        let text = "Join(\",\", [mail],  \"é\", 12) = <> x";
        let s = segments(text, None);
        assert_eq!(joined(&s), text);
        let classes: Vec<&str> = s
            .iter()
            .map(|s| s.class)
            .filter(|c| !c.is_empty())
            .collect();
        assert_eq!(
            &classes[..4],
            &["tok-fn", "tok-punct", "tok-str", "tok-punct"]
        );
        assert!(classes.contains(&"tok-attr") && classes.contains(&"tok-num"));
        assert!(classes.contains(&"tok-op") && classes.contains(&"tok-ident"));
    }

    #[test]
    fn marks_the_error_span_and_points() {
        let text = "Jion([mail])";
        let s = segments(text, Some((0, 4)));
        assert_eq!(joined(&s), text);
        assert!(s[0].error && s[0].text == "Jion");
        assert!(!s[1].error);
        // A span cutting through a token.
        let s = segments(text, Some((2, 7)));
        assert_eq!(joined(&s), text);
        let marked: String = s
            .iter()
            .filter(|s| s.error)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, "on([m");
        // A point at the end and in the middle.
        let s = segments("Not(", Some((4, 4)));
        assert_eq!(s.last().unwrap().class, "err-point");
        let s = segments("a b", Some((1, 1)));
        assert_eq!(joined(&s), "a b");
        assert_eq!(s.iter().filter(|s| s.class == "err-point").count(), 1);
    }

    #[test]
    fn never_panics() {
        for text in ["", "\"unterminated", "[open", "é\u{0}[]&Hzz", "“curly”"] {
            for a in 0..text.len() + 2 {
                for b in 0..text.len() + 2 {
                    let s = segments(text, Some((a, b)));
                    assert_eq!(joined(&s), text);
                }
            }
        }
    }
}
