//! Autocomplete for the expression editor: what is being typed at the caret (a function name or
//! an attribute in brackets), and the matching suggestions from the function catalogue or the
//! pasted user's attribute names.

use super::text::floor_boundary;
use mapping_core::expr::catalog::FUNCTIONS;
use mapping_core::expr::lexer::{tokenize, LexError, TokenKind};

/// Most suggestions shown at once.
pub const MAX_SUGGESTIONS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// What a suggestion completes.
pub enum Kind {
    /// A function name from the catalogue.
    Function,
    /// A source attribute name, in brackets.
    Attribute,
}

/// What the caret is in: the kind, where the word starts (bytes) and what has been typed of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// Whether a function or an attribute is being typed.
    pub kind: Kind,
    /// Byte offset of the start of the text to replace (the `[` for an attribute).
    pub start: usize,
    /// What has been typed of the word (without the `[`).
    pub prefix: String,
}

/// One suggestion: what the list shows, what it inserts, and help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// What the list shows.
    pub label: String,
    /// Replaces `text[start..caret]`.
    pub insert: String,
    /// The signature, or the attribute in brackets.
    pub detail: String,
    /// A sentence about the function or attribute.
    pub help: String,
}

/// The completion context at byte offset `caret`, if the caret ends a function name or an
/// unclosed `[attribute`. With `forced` (Ctrl+Space) an empty context offers the functions.
pub fn context(text: &str, caret: usize, forced: bool) -> Option<Context> {
    if caret > text.len() || !text.is_char_boundary(caret) {
        return None;
    }
    let before = &text[..caret];
    let tokens = tokenize(before);
    let last = tokens.last();
    match last {
        Some(t) if t.span.end == caret => match &t.kind {
            TokenKind::Ident => Some(Context {
                kind: Kind::Function,
                start: t.span.start,
                prefix: before[t.span.start..].to_string(),
            }),
            TokenKind::Error(LexError::UnterminatedAttribute) => Some(Context {
                kind: Kind::Attribute,
                start: t.span.start,
                prefix: before[t.span.start + 1..].to_string(),
            }),
            TokenKind::Error(LexError::UnterminatedString) | TokenKind::String => None,
            _ if forced => Some(Context {
                kind: Kind::Function,
                start: caret,
                prefix: String::new(),
            }),
            _ => None,
        },
        _ if forced => Some(Context {
            kind: Kind::Function,
            start: caret,
            prefix: String::new(),
        }),
        _ => None,
    }
}

/// The suggestions for `ctx`: names starting with the prefix first, then names containing it,
/// ignoring case. An exact, complete match offers nothing (the word is done).
pub fn suggestions(ctx: &Context, attributes: &[String]) -> Vec<Suggestion> {
    let prefix = ctx.prefix.to_ascii_lowercase();
    let rank = |name: &str| {
        let n = name.to_ascii_lowercase();
        if n.starts_with(&prefix) {
            Some(0)
        } else if !prefix.is_empty() && n.contains(&prefix) {
            Some(1)
        } else {
            None
        }
    };
    let mut out: Vec<(u8, Suggestion)> = match ctx.kind {
        Kind::Function => FUNCTIONS
            .iter()
            .filter_map(|f| {
                rank(f.name).map(|r| {
                    (
                        r,
                        Suggestion {
                            label: f.name.to_string(),
                            insert: format!("{}(", f.name),
                            detail: f.signature(),
                            help: f.summary.to_string(),
                        },
                    )
                })
            })
            .collect(),
        Kind::Attribute => attributes
            .iter()
            .filter_map(|a| {
                rank(a).map(|r| {
                    (
                        r,
                        Suggestion {
                            label: a.clone(),
                            insert: format!("[{a}]"),
                            detail: format!("[{a}]"),
                            help: "source attribute of the pasted user".into(),
                        },
                    )
                })
            })
            .collect(),
    };
    if out.len() == 1 && out[0].1.label == ctx.prefix && ctx.kind == Kind::Function {
        return Vec::new();
    }
    out.sort_by_key(|(r, _)| *r);
    out.into_iter()
        .map(|(_, s)| s)
        .take(MAX_SUGGESTIONS)
        .collect()
}

/// The text after accepting `s` in `ctx` with the caret at `caret`: the new text and the caret
/// (bytes). A `(` or `]` already right after the caret is not doubled.
pub fn accept(text: &str, caret: usize, ctx: &Context, s: &Suggestion) -> (String, usize) {
    // The text may have changed since the context was read: stay on character boundaries.
    let caret = floor_boundary(text, caret);
    let start = floor_boundary(text, ctx.start.min(caret));
    let rest = &text[caret..];
    let closes_existing = (s.insert.ends_with('(') && rest.starts_with('('))
        || (s.insert.ends_with(']') && rest.starts_with(']'));
    let skip = usize::from(closes_existing);
    let mut out = String::with_capacity(text.len() + s.insert.len());
    out.push_str(&text[..start]);
    out.push_str(&s.insert);
    let new_caret = out.len();
    out.push_str(&rest[skip..]);
    (out, new_caret)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs() -> Vec<String> {
        ["mail", "mobile", "telephoneNumber", "displayName"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn function_names_complete() {
        let text = "Join(\",\", Str";
        let ctx = context(text, text.len(), false).unwrap();
        assert_eq!(ctx.kind, Kind::Function);
        assert_eq!((ctx.start, ctx.prefix.as_str()), (10, "Str"));
        let s = suggestions(&ctx, &attrs());
        assert_eq!(s[0].label, "StripSpaces");
        assert!(s[0].detail.starts_with("StripSpaces("));
        assert!(!s[0].help.is_empty());
        let (text, caret) = accept(text, text.len(), &ctx, &s[0]);
        assert_eq!(text, "Join(\",\", StripSpaces(");
        assert_eq!(caret, text.len());
    }

    #[test]
    fn attributes_complete_inside_brackets() {
        let ctx = context("StripSpaces([mo", 15, false).unwrap();
        assert_eq!(ctx.kind, Kind::Attribute);
        assert_eq!(ctx.prefix, "mo");
        let s = suggestions(&ctx, &attrs());
        assert_eq!(s[0].label, "mobile");
        let (text, caret) = accept("StripSpaces([mo", 15, &ctx, &s[0]);
        assert_eq!(text, "StripSpaces([mobile]");
        assert_eq!(caret, text.len());
        // An existing `]` after the caret is reused.
        let t = "StripSpaces([mo])";
        let ctx = context(t, 15, false).unwrap();
        let (text, caret) = accept(t, 15, &ctx, &s[0]);
        assert_eq!(text, "StripSpaces([mobile])");
        assert_eq!(&text[..caret], "StripSpaces([mobile]");
        // A bare `[` lists everything; "contains" matches come after prefix matches.
        let ctx = context("[", 1, false).unwrap();
        assert_eq!(suggestions(&ctx, &attrs()).len(), 4);
        let ctx = context("[name", 5, false).unwrap();
        assert_eq!(suggestions(&ctx, &attrs())[0].label, "displayName");
    }

    #[test]
    fn no_completion_inside_strings_or_after_closed_tokens() {
        assert_eq!(context("\"Jo", 3, false), None);
        assert_eq!(context("[mail]", 6, false), None);
        assert_eq!(context("Join(", 5, false), None);
        assert_eq!(context("Join(", 5, true).unwrap().prefix, "");
        assert_eq!(context("é", 1, false), None, "not a boundary");
        let ctx = context("Join", 4, false).unwrap();
        assert!(suggestions(&ctx, &[]).is_empty(), "complete word");
    }

    #[test]
    fn accepting_against_changed_text_stays_in_bounds() {
        let ctx = context("[mo", 3, false).unwrap();
        let s = &suggestions(&ctx, &attrs())[0];
        for text in ["", "é", "[m", "ééé[mo"] {
            let (out, caret) = accept(text, 99, &ctx, s);
            assert!(out.is_char_boundary(caret) && caret <= out.len(), "{text}");
        }
    }

    #[test]
    fn an_existing_paren_is_not_doubled() {
        let t = "Stri([mail])";
        let ctx = context(t, 4, false).unwrap();
        let s = &suggestions(&ctx, &[])[0];
        let (text, caret) = accept(t, 4, &ctx, s);
        assert_eq!(text, "StripSpaces([mail])");
        assert_eq!(&text[..caret], "StripSpaces(");
    }
}
