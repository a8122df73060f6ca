//! A window of text around a span, for showing where a problem is.

use super::text::{ceil_boundary, floor_boundary};

/// Characters of context shown on each side of a highlighted span.
const CONTEXT_CHARS: usize = 48;
/// Longest highlighted span shown whole; longer ones are cut in the middle.
const MARK_CHARS: usize = 120;

/// A piece of text around a span: `before`, the `marked` span itself, `after`. Rendered as text
/// nodes with a `<mark>` around `marked`. `marked` is empty for a point (an insertion place).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Excerpt {
    /// The text before the span.
    pub before: String,
    /// The span itself (cut in the middle when long).
    pub marked: String,
    /// The text after the span.
    pub after: String,
}

/// The line around the byte span `start..end`, cut to a readable window. Offsets out of range or
/// inside a character are moved to the nearest valid place.
pub fn excerpt(text: &str, start: usize, end: usize) -> Excerpt {
    let start = floor_boundary(text, start);
    let end = ceil_boundary(text, end.max(start));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);

    let before = &text[line_start..start];
    let before_chars = before.chars().count();
    let before = if before_chars > CONTEXT_CHARS {
        let skip = before
            .char_indices()
            .nth(before_chars - CONTEXT_CHARS)
            .map_or(0, |(i, _)| i);
        format!("…{}", &before[skip..])
    } else {
        before.to_string()
    };

    let marked = &text[start..end];
    let marked_chars = marked.chars().count();
    let marked = if marked_chars > MARK_CHARS {
        let head: String = marked.chars().take(MARK_CHARS / 2).collect();
        let tail: String = marked.chars().skip(marked_chars - MARK_CHARS / 2).collect();
        format!("{head} … {tail}")
    } else {
        marked.to_string()
    };

    let after = &text[end..line_end];
    let after = if after.chars().count() > CONTEXT_CHARS {
        format!("{}…", after.chars().take(CONTEXT_CHARS).collect::<String>())
    } else {
        after.to_string()
    };
    Excerpt {
        before,
        marked,
        after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_survive_any_span() {
        let text = "Join(\"é\", [x])";
        for start in 0..=text.len() + 2 {
            for end in 0..=text.len() + 2 {
                let e = excerpt(text, start, end);
                assert!(e.before.len() + e.marked.len() + e.after.len() <= text.len() + 2);
            }
        }
        let e = excerpt(text, 0, 4);
        assert_eq!((e.before.as_str(), e.marked.as_str()), ("", "Join"));
    }

    #[test]
    fn long_lines_are_windowed() {
        let text = format!("{}[x]{}", "a".repeat(500), "b".repeat(500));
        let e = excerpt(&text, 500, 503);
        assert_eq!(e.marked, "[x]");
        assert!(e.before.starts_with('…') && e.before.chars().count() == CONTEXT_CHARS + 1);
        assert!(e.after.ends_with('…'));
    }
}
