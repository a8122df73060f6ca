//! Where a reader is in a file ([`Place`]: byte offset, line, column in characters, counted a
//! slice at a time), the record size limit, and a `Read` wrapper (for the CSV parser) that
//! counts as it reads and refuses to let one user record grow past the limit, so a hostile file
//! cannot make memory unbounded.

use std::cell::Cell;
use std::io::{self, BufRead, Read};
use std::rc::Rc;

/// The largest user record read (bytes of JSON or one NDJSON line): 4 MiB.
pub const MAX_USER_BYTES: u64 = 4 * 1024 * 1024;

/// Where a reader is.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Bytes read so far.
    pub byte: u64,
    /// 0-based line of the next byte.
    pub line: u64,
    /// 0-based column (in characters) of the next byte.
    pub column: u64,
    /// Byte offset where the current record started (the limit counts from here).
    pub record_start: u64,
}

/// The [`Place`], shared between the [`Counting`] reader and the parser reading through it.
#[derive(Clone, Default)]
pub struct Tracker(Rc<Cell<Place>>);

impl Tracker {
    /// Where the reader is now.
    pub fn get(&self) -> Place {
        self.0.get()
    }

    /// A new record starts at the current byte.
    pub fn start_record(&self) {
        let mut p = self.0.get();
        p.record_start = p.byte;
        self.0.set(p);
    }
}

/// A reader that counts bytes, lines and columns into a [`Tracker`] and refuses to read a record
/// past [`MAX_USER_BYTES`].
pub struct Counting<R> {
    inner: R,
    tracker: Tracker,
    limit: u64,
}

impl<R: BufRead> Counting<R> {
    /// Counts what is read from `inner` into `tracker`.
    pub fn new(inner: R, tracker: Tracker) -> Self {
        Counting {
            inner,
            tracker,
            limit: MAX_USER_BYTES,
        }
    }
}

/// Moves the place past `bytes`; an error when the current record grows past `limit`.
fn advance(tracker: &Tracker, limit: u64, bytes: &[u8]) -> io::Result<()> {
    let mut p = tracker.0.get();
    p.advance(bytes);
    tracker.0.set(p);
    if p.byte - p.record_start > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            too_large_message(),
        ));
    }
    Ok(())
}

/// What a record past [`MAX_USER_BYTES`] is told with, whatever the format.
pub fn too_large_message() -> String {
    format!(
        "a user record is larger than {} MiB; the file is not a user export",
        MAX_USER_BYTES / (1024 * 1024)
    )
}

impl Place {
    /// Moves past `bytes`, counted in bulk: newlines over the whole slice, characters (UTF-8
    /// lead bytes) only after its last newline.
    pub fn advance(&mut self, bytes: &[u8]) {
        self.byte += bytes.len() as u64;
        match memchr::memrchr(b'\n', bytes) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', &bytes[..=last]).count() as u64;
                self.column = characters(&bytes[last + 1..]);
            }
            None => self.column += characters(bytes),
        }
    }

    /// Where serde_json's error `e`, met while parsing `record` (whose first byte is at this
    /// place), is in the file. serde_json counts lines from 1 and columns in bytes from 1 (the
    /// column of the byte it stopped at).
    pub fn of_json_error(self, record: &[u8], e: &serde_json::Error) -> Place {
        let mut line_start = 0usize;
        for _ in 1..e.line() {
            match memchr::memchr(b'\n', &record[line_start..]) {
                Some(at) => line_start += at + 1,
                None => break,
            }
        }
        let at = (line_start + e.column().saturating_sub(1)).min(record.len());
        let mut place = self;
        place.advance(&record[..at]);
        place
    }
}

/// Characters in UTF-8 `bytes` (bytes that do not continue a character), as columns count them.
fn characters(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.inner.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.inner.consume(n);
        advance(&self.tracker, self.limit, &buf[..n])?;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if let Ok(b) = self.inner.fill_buf() {
            // Whitespace between records: the limit cannot be exceeded here in a way that
            // matters, the next read reports it.
            let _ = advance(&self.tracker, self.limit, &b[..amount.min(b.len())]);
        }
        self.inner.consume(amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(line: u64, column: u64, byte: u64) -> Place {
        Place {
            line,
            column,
            byte,
            ..Place::default()
        }
    }

    fn at(p: Place) -> (u64, u64, u64) {
        (p.line, p.column, p.byte)
    }

    #[test]
    fn places_count_lines_and_characters_in_bulk() {
        let mut p = Place::default();
        p.advance("ab".as_bytes());
        assert_eq!(at(p), (0, 2, 2));
        p.advance("é漢".as_bytes());
        assert_eq!(at(p), (0, 4, 7));
        p.advance("x\r\n\n😀y".as_bytes());
        assert_eq!(at(p), (2, 2, 16));
        // A character split between two slices counts once.
        let mut p = Place::default();
        p.advance(&"é".as_bytes()[..1]);
        p.advance(&"é".as_bytes()[1..]);
        assert_eq!(at(p), (0, 1, 2));
    }

    #[test]
    fn a_parser_error_is_placed_in_the_file() {
        let record = "{\"a\": \"é\",\n  \"b\" 1}";
        let e = serde_json::from_str::<serde_json::Value>(record).unwrap_err();
        // The record starts at line 5 (0-based 4), column 3 (0-based 2), byte 100.
        let p = place(4, 2, 100).of_json_error(record.as_bytes(), &e);
        let byte = record.find(" 1}").unwrap() as u64 + 1;
        assert_eq!(at(p), (5, 6, 100 + byte));
        // On the record's first line the columns continue the line's.
        let record = "{\"é\" 1}";
        let e = serde_json::from_str::<serde_json::Value>(record).unwrap_err();
        assert_eq!(
            at(place(0, 10, 10).of_json_error(record.as_bytes(), &e)),
            (0, 15, 16)
        );
    }

    #[test]
    fn the_counting_reader_refuses_a_record_past_the_limit() {
        let text = "a\n".repeat(10);
        let tracker = Tracker::default();
        let mut reader = Counting::new(text.as_bytes(), tracker.clone());
        reader.limit = 8;
        let mut buf = [0u8; 6];
        assert_eq!(reader.read(&mut buf).unwrap(), 6);
        assert_eq!((tracker.get().line, tracker.get().column), (3, 0));
        let e = reader.read(&mut buf).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        tracker.start_record();
        assert!(reader.read(&mut buf).is_ok());
    }
}
