//! Reading pasted JSON, with the error positioned for the editor.

use super::excerpt::{excerpt, Excerpt};
use super::text::floor_boundary;
use serde_json::Value as Json;

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// serde_json's message without its " at line … column …" suffix.
    pub message: String,
    /// 1-based line; 0 when the parser gave no position.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset of the position in the text.
    pub offset: usize,
    /// The text around the position.
    pub excerpt: Excerpt,
}

/// Parses `text`; an error says where.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        let message = match full.rfind(" at line ") {
            Some(at) => full[..at].to_string(),
            None => full,
        };
        let offset = offset_of(text, e.line(), e.column());
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        JsonError {
            message,
            line: e.line(),
            column: if e.line() == 0 { 0 } else { column },
            offset,
            excerpt: excerpt(text, offset, offset),
        }
    })
}

/// The byte offset of 1-based `line` and byte `column` (serde_json counts columns in bytes; its
/// column points at the offending character, or 0 at a line start), clamped to the text.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    floor_boundary(text, (start + column.saturating_sub(1)).min(line_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_positioned() {
        let e = parse("{\n  \"a\": ,\n}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 8));
        assert!(!e.message.contains("line"), "{}", e.message);
        assert_eq!(&"{\n  \"a\": ,\n}"[e.offset..e.offset + 1], ",");
        let e = parse("{\"é\": 1,}").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(parse("{}").is_ok());
        let e = parse("").unwrap_err();
        assert_eq!(e.offset, 0);
    }
}
