//! Syntax colouring for the expression editor: the text cut into classed pieces from the lexer's
//! tokens, with the error span (if any) marked. The editor shows these pieces in a `<pre>` behind
//! a transparent textarea, so they must cover the text exactly, in order.

use super::text::{ceil_boundary, floor_boundary};
use mapping_core::expr::lexer::{tokenize, TokenKind};
use mapping_core::expr::{catalog, MAX_LENGTH};

/// One piece of the text and its CSS class (`""` for whitespace).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The piece of the text.
    pub text: String,
    /// Its CSS class, from the token kind.
    pub class: &'static str,
    /// Inside the error span.
    pub error: bool,
}

/// The pieces of `text`; `error` is a byte span to mark (a point when `start == end`, shown as a
/// zero-width marker).
pub fn segments(text: &str, error: Option<(usize, usize)>) -> Vec<Segment> {
    let mut pieces: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut pos = 0;
    // Past Entra's limit the text is one uncoloured piece: Entra rejects it anyway, and a
    // pasted megabyte cut into tokens would make every keystroke slow.
    let coloured = text
        .char_indices()
        .nth(MAX_LENGTH)
        .map_or(text.len(), |(i, _)| i);
    for token in tokenize(&text[..coloured]) {
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
    if pos < coloured {
        pieces.push((pos, coloured, ""));
    }
    if coloured < text.len() {
        pieces.push((coloured, text.len(), "tok-over"));
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

/// What changed from `old` to `new`: they share their first `same_start` pieces and their last
/// `old.len() - old_end` (= `new.len() - new_end`) pieces, so only `old[same_start..old_end]`
/// needs replacing with `new[same_start..new_end]`. A keystroke changes a piece or two, so the
/// editor redraws those, not the thousands of pieces of a long expression.
pub fn changed(old: &[Segment], new: &[Segment]) -> (usize, usize, usize) {
    let same_start = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - same_start;
    let same_end = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    (same_start, old.len() - same_end, new.len() - same_end)
}

impl Segment {
    /// The CSS classes of the piece's `<span>`.
    pub fn classes(&self) -> String {
        if self.error {
            format!("{} err", self.class)
        } else {
            self.class.to_string()
        }
    }
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
    fn a_keystroke_changes_only_the_pieces_around_it() {
        let before = segments("Join(\",\", [mail], [upn])", None);
        let after = segments("Join(\",\", [mail2], [upn])", None);
        let (start, old_end, new_end) = changed(&before, &after);
        assert_eq!(&before[..start], &after[..start]);
        assert_eq!(&before[old_end..], &after[new_end..]);
        assert_eq!(old_end - start, 1, "only [mail] is replaced");
        assert_eq!(after[start].text, "[mail2]");
        assert_eq!(
            changed(&before, &before),
            (before.len(), before.len(), before.len())
        );
        // Inserting a piece, and clearing everything.
        let (s, o, n) = changed(&before, &segments("Join(\",\",  [mail], [upn])", None));
        assert_eq!((o - s, n - s), (1, 1), "the widened space");
        assert_eq!(changed(&before, &[]), (0, before.len(), 0));
        // A repeated piece is not counted twice as shared.
        let a = segments("[a] [a]", None);
        let b = segments("[a]", None);
        let (s, o, n) = changed(&a, &b);
        assert!(
            s <= n && n <= b.len() && o <= a.len() && s <= o,
            "{s} {o} {n}"
        );
        assert_eq!(a.len() - o, b.len() - n);
    }

    #[test]
    fn text_past_the_limit_is_one_uncoloured_piece() {
        let text = format!("Join(\",\", {})", "\"ab\", ".repeat(MAX_LENGTH));
        let s = segments(&text, Some((MAX_LENGTH, MAX_LENGTH)));
        assert_eq!(s.iter().map(|p| p.text.as_str()).collect::<String>(), text);
        assert_eq!(s.last().map(|p| p.class), Some("tok-over"));
        assert!(s.len() < MAX_LENGTH, "{} pieces", s.len());
        assert_eq!(s[0].class, "tok-fn");
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
