//! A structural JSON scanner over a `BufRead`'s own buffer: it finds where a value ends by
//! following strings (with their `\` escapes) and `{}`/`[]` nesting, a buffer at a time
//! (`fill_buf`/`consume`, string ends found with `memchr`), without parsing anything. It keeps
//! the [`Place`] of the next byte (byte offset, line, column in characters) and can record the
//! bytes it passes, up to [`MAX_USER_BYTES`], so that a record can then be parsed from a slice.

use super::counting::{Place, MAX_USER_BYTES};
use std::io::{self, BufRead};

/// Nesting deeper than this ends the scan (serde_json refuses more than 128 levels anyway); it
/// keeps the scanner's own memory bounded on input such as `[[[[…`.
pub const MAX_DEPTH: usize = 128;

/// The UTF-8 byte-order mark, skipped between top-level values.
const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Why a scan stopped before the end of a value.
#[derive(Debug)]
pub enum Stop {
    /// Reading failed.
    Io(io::Error),
    /// The input ended inside the value.
    Eof,
    /// A closing bracket that does not close the open one (consumed, and recorded).
    Mismatch,
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The recording grew past [`MAX_USER_BYTES`].
    TooLarge,
    /// The next byte cannot start a value (not consumed).
    NotAValue,
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Self {
        Stop::Io(e)
    }
}

/// Where the scanner is, and what it records.
#[derive(Default)]
struct Tally {
    place: Place,
    recording: bool,
    recorded: Vec<u8>,
}

impl Tally {
    /// The scanner moves past `bytes`.
    fn take(&mut self, bytes: &[u8]) -> Result<(), Stop> {
        if self.recording {
            if self.recorded.len() + bytes.len() > MAX_USER_BYTES as usize {
                return Err(Stop::TooLarge);
            }
            self.recorded.extend_from_slice(bytes);
        }
        self.place.advance(bytes);
        Ok(())
    }
}

/// A `BufRead` scanned for JSON structure.
pub struct Input<R> {
    reader: R,
    tally: Tally,
    /// The closing brackets expected, innermost last (kept to reuse its allocation).
    closers: Vec<u8>,
}

impl<R: BufRead> Input<R> {
    /// Scans `reader` from its current position, counted as the start of the file.
    pub fn new(reader: R) -> Self {
        Input {
            reader,
            tally: Tally::default(),
            closers: Vec::new(),
        }
    }

    /// Where the next byte is.
    pub fn place(&self) -> Place {
        self.tally.place
    }

    /// From here on, the bytes passed are kept (what was kept before is dropped).
    pub fn start_recording(&mut self) {
        self.tally.recorded.clear();
        self.tally.recording = true;
    }

    /// Stops keeping bytes; what was kept stays readable through [`Input::recorded`].
    pub fn stop_recording(&mut self) {
        self.tally.recording = false;
    }

    /// The bytes kept since [`Input::start_recording`].
    pub fn recorded(&self) -> &[u8] {
        &self.tally.recorded
    }

    /// The bytes kept since [`Input::start_recording`], moved out rather than copied; the next
    /// recording starts in a buffer of the same size.
    pub fn take_recorded(&mut self) -> Vec<u8> {
        let next = Vec::with_capacity(self.tally.recorded.len());
        std::mem::replace(&mut self.tally.recorded, next)
    }

    /// Moves past `n` bytes of the buffer `fill_buf` returned last.
    fn consume(&mut self, n: usize) -> Result<(), Stop> {
        let buf = self.reader.fill_buf()?;
        self.tally.take(&buf[..n])?;
        self.reader.consume(n);
        Ok(())
    }

    /// Moves past JSON whitespace (and byte-order marks when `bom`); the next byte, not
    /// consumed, or `None` at the end of the input.
    fn skip_whitespace(&mut self, bom: bool) -> Result<Option<u8>, Stop> {
        loop {
            let buf = self.reader.fill_buf()?;
            let Some(at) = buf
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            else {
                if buf.is_empty() {
                    return Ok(None);
                }
                let n = buf.len();
                self.consume(n)?;
                continue;
            };
            let next = buf[at];
            self.consume(at)?;
            if !(bom && next == BOM[0] && self.skip_bom()?) {
                return Ok(Some(next));
            }
        }
    }

    /// Moves past a byte-order mark, which may straddle buffers; `false` (and nothing
    /// consumed) when the next bytes are not one. Only its first byte may be consumed when the
    /// rest is not there, and then its first byte is what [`Input::peek_top`] reports.
    fn skip_bom(&mut self) -> Result<bool, Stop> {
        if self.reader.fill_buf()?.starts_with(BOM) {
            self.consume(BOM.len())?;
            return Ok(true);
        }
        if BOM.starts_with(self.reader.fill_buf()?) {
            // Only part of it is in this buffer.
            for &expected in BOM {
                if self.reader.fill_buf()?.first() != Some(&expected) {
                    return Ok(false);
                }
                self.consume(1)?;
            }
            return Ok(true);
        }
        Ok(false)
    }

    /// The next byte after whitespace, not consumed; `None` at the end.
    pub fn peek(&mut self) -> Result<Option<u8>, Stop> {
        self.skip_whitespace(false)
    }

    /// [`Input::peek`] between top-level values, where a byte-order mark may also stand.
    pub fn peek_top(&mut self) -> Result<Option<u8>, Stop> {
        self.skip_whitespace(true)
    }

    /// Moves past the next byte (one [`Input::peek`] has seen).
    pub fn bump(&mut self) -> Result<(), Stop> {
        let available = self.reader.fill_buf()?.len();
        self.consume(available.min(1))
    }

    /// Moves past the value that starts at the next byte (no whitespace before it): a string,
    /// an object or an array as far as its closing bracket, or a bare word (number, `true`…)
    /// as far as the first byte that cannot be part of one. Nothing is checked inside.
    pub fn skip_value(&mut self) -> Result<(), Stop> {
        match self.reader.fill_buf()?.first() {
            None => Err(Stop::Eof),
            Some(b'{' | b'[' | b'"') => self.skip_nested(),
            Some(&b) if is_word_byte(b) => self.skip_word(),
            Some(_) => Err(Stop::NotAValue),
        }
    }

    /// A string, object or array (the next byte opens it).
    fn skip_nested(&mut self) -> Result<(), Stop> {
        let mut closers = std::mem::take(&mut self.closers);
        closers.clear();
        let result = self.skip_nested_with(&mut closers);
        self.closers = closers;
        result
    }

    fn skip_nested_with(&mut self, closers: &mut Vec<u8>) -> Result<(), Stop> {
        let mut in_string = false;
        // The previous buffer ended with a backslash inside a string: this one starts with the
        // escaped byte.
        let mut escaped = false;
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Err(Stop::Eof);
            }
            let mut i = usize::from(escaped);
            escaped = false;
            // `Some((n, outcome))`: the value ended, or the scan stopped, after `n` bytes.
            let mut ended = None;
            while i < buf.len() {
                if in_string {
                    let Some(found) = memchr::memchr2(b'"', b'\\', &buf[i..]) else {
                        i = buf.len();
                        break;
                    };
                    let at = i + found;
                    if buf[at] == b'\\' {
                        i = at + 2;
                        escaped = i > buf.len();
                        continue;
                    }
                    in_string = false;
                    i = at + 1;
                    if closers.is_empty() {
                        ended = Some((i, Ok(())));
                        break;
                    }
                    continue;
                }
                let b = buf[i];
                i += 1;
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => {
                        if closers.len() == MAX_DEPTH {
                            ended = Some((i, Err(Stop::TooDeep)));
                            break;
                        }
                        closers.push(if b == b'{' { b'}' } else { b']' });
                    }
                    b'}' | b']' => {
                        if closers.pop() != Some(b) {
                            ended = Some((i, Err(Stop::Mismatch)));
                            break;
                        }
                        if closers.is_empty() {
                            ended = Some((i, Ok(())));
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let n = ended.as_ref().map_or(buf.len(), |(n, _)| *n);
            self.tally.take(&buf[..n])?;
            self.reader.consume(n);
            if let Some((_, outcome)) = ended {
                return outcome;
            }
        }
    }

    /// A bare word: a number, `true`, `false`, `null` (or something that only looks like one;
    /// the parser says so). The end of the input ends it.
    fn skip_word(&mut self) -> Result<(), Stop> {
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(());
            }
            let end = buf.iter().position(|&b| !is_word_byte(b));
            let n = end.unwrap_or(buf.len());
            self.consume(n)?;
            if end.is_some() {
                return Ok(());
            }
        }
    }
}

/// A byte of a number or of a literal (and of the misspellings the parser will report).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Skips one value at the start of `text` (after whitespace); what was recorded and what
    /// the next byte is.
    fn skipped(text: &str) -> (Result<String, String>, Option<u8>) {
        let mut input = Input::new(text.as_bytes());
        input.peek().unwrap();
        input.start_recording();
        let result = input.skip_value();
        input.stop_recording();
        let recorded = String::from_utf8_lossy(input.recorded()).into_owned();
        let next = input.peek().unwrap();
        (
            result.map(|()| recorded).map_err(|e| format!("{e:?}")),
            next,
        )
    }

    #[test]
    fn strings_hide_brackets_and_escaped_quotes() {
        let text = r#"{"a": "}]{[", "b": "say \"}\" \\", "c": ["\\\"", {}]} ,"#;
        let (value, next) = skipped(text);
        assert_eq!(value.unwrap(), text[..text.len() - 2]);
        assert_eq!(next, Some(b','));
    }

    #[test]
    fn strings_words_and_nesting_end_where_they_should() {
        assert_eq!(skipped(r#""x\"y" ]"#), (Ok(r#""x\"y""#.into()), Some(b']')));
        assert_eq!(skipped("-12.5e3,"), (Ok("-12.5e3".into()), Some(b',')));
        assert_eq!(skipped("true"), (Ok("true".into()), None));
        assert_eq!(
            skipped("[[1, [2]], {\"a\": [[]]}]]"),
            (Ok("[[1, [2]], {\"a\": [[]]}]".into()), Some(b']'))
        );
    }

    #[test]
    fn broken_values_stop_the_scan() {
        assert_eq!(skipped("[1}").0, Err("Mismatch".into()));
        assert_eq!(skipped("{\"a\": \"open").0, Err("Eof".into()));
        assert_eq!(skipped(":").0, Err("NotAValue".into()));
        assert_eq!(skipped(&"[".repeat(MAX_DEPTH + 1)).0, Err("TooDeep".into()));
        assert_eq!(skipped(&"[".repeat(MAX_DEPTH)).0, Err("Eof".into()));
    }

    #[test]
    fn a_string_that_never_closes_stops_at_the_record_limit() {
        let text = format!("\"{}", "x".repeat(MAX_USER_BYTES as usize + 10));
        assert_eq!(skipped(&text).0, Err("TooLarge".into()));
    }

    /// The buffer boundary can fall anywhere, even between a backslash and the byte it escapes.
    #[test]
    fn buffer_boundaries_do_not_matter() {
        let text = "\n  {\"a\\\\\": \"\\\"}\", \"é\": [1, {\"b\": \"ü\\n\"}]}\n  7";
        for capacity in 1..12 {
            let reader = io::BufReader::with_capacity(capacity, text.as_bytes());
            let mut input = Input::new(reader);
            assert_eq!(input.peek().unwrap(), Some(b'{'));
            let start = input.place();
            assert_eq!((start.line, start.column, start.byte), (1, 2, 3));
            input.start_recording();
            input.skip_value().unwrap();
            input.stop_recording();
            let end = text.rfind('}').unwrap() + 1;
            assert_eq!(input.recorded(), &text.as_bytes()[3..end], "{capacity}");
            assert_eq!(input.peek().unwrap(), Some(b'7'));
            let p = input.place();
            assert_eq!((p.line, p.column, p.byte), (2, 2, text.len() as u64 - 1));
        }
    }

    #[test]
    fn byte_order_marks_are_skipped_between_top_level_values_only() {
        let mut input = Input::new("\u{feff} \u{feff}[".as_bytes());
        assert_eq!(input.peek_top().unwrap(), Some(b'['));
        assert_eq!(input.place().column, 3);
        let mut input = Input::new("\u{feff}[".as_bytes());
        assert_eq!(input.peek().unwrap(), Some(0xEF));
        for capacity in 1..4 {
            let text = "\u{feff}\u{feff} [";
            let mut input = Input::new(io::BufReader::with_capacity(capacity, text.as_bytes()));
            assert_eq!(input.peek_top().unwrap(), Some(b'['));
            assert_eq!(input.place().byte, 7);
            // Half a mark at the end, or one followed by something else, is what is there.
            for bytes in [&b"\xEF\xBB\xBF\xEF\xBB"[..], b"\xEF\xBB\xBF\xEFx"] {
                let mut input = Input::new(io::BufReader::with_capacity(capacity, bytes));
                assert_eq!(input.peek_top().unwrap(), Some(0xEF), "{bytes:?}");
            }
        }
    }
}
