//! Users one per line (NDJSON, JSON Lines). A line that is not a user is reported with its line
//! and column, and the next line is read; a line longer than the record limit is skipped.

use super::counting::{Place, MAX_USER_BYTES};
use super::record::{Record, RecordSink, Unparsed};
use super::Item;
use crate::directory::position::{Position, ReadError};
use std::io::{BufRead, Read};
use std::ops::ControlFlow;

/// A UTF-8 byte-order mark.
const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Reads one JSON user per line (blank lines skipped), unparsed; `sink` gets each line (or the
/// error for a line too long to be a user) and may stop the reading. Returns the number of
/// records, or the error that ended the file.
pub fn read<R: BufRead>(
    mut reader: R,
    file: &str,
    sink: &mut RecordSink<'_>,
) -> Result<usize, ReadError> {
    let mut line = Vec::new();
    let (mut number, mut byte, mut record) = (0u64, 0u64, 0usize);
    loop {
        line.clear();
        number += 1;
        let start = byte;
        let read = (&mut reader)
            .take(MAX_USER_BYTES + 1)
            .read_until(b'\n', &mut line)
            .map_err(|e| io_error(file, record, number, start, e))?;
        if read == 0 {
            return Ok(record);
        }
        byte += read as u64;
        let position = Position {
            file: file.to_string(),
            record,
            line: Some(number),
            column: Some(1),
            byte: Some(start),
        };
        let item = if line.len() as u64 > MAX_USER_BYTES {
            byte += skip_line(&mut reader).map_err(|e| io_error(file, record, number, start, e))?;
            Record::Read(Item::Error(ReadError {
                position,
                message: format!(
                    "line longer than {} MiB skipped",
                    MAX_USER_BYTES / (1024 * 1024)
                ),
                fatal: false,
            }))
        } else {
            // The file's first line may start with a byte-order mark (one character).
            let bom = usize::from(number == 1 && line.starts_with(BOM)) * BOM.len();
            let body = &line[bom..];
            let text = body.trim_ascii();
            if text.is_empty() {
                continue;
            }
            let indent = body.len() - body.trim_ascii_start().len();
            let at = Place {
                byte: start + (bom + indent) as u64,
                line: number - 1,
                column: (usize::from(bom > 0) + indent) as u64,
                ..Place::default()
            };
            Record::Unparsed(Unparsed::new(text.to_vec(), at, position))
        };
        record += 1;
        if let ControlFlow::Break(()) = sink(item) {
            return Ok(record);
        }
    }
}

/// Consumes the rest of an over-long line; returns the bytes skipped.
fn skip_line<R: BufRead>(reader: &mut R) -> std::io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(at) => {
                reader.consume(at + 1);
                return Ok(skipped + at as u64 + 1);
            }
            None => {
                let n = buf.len();
                reader.consume(n);
                skipped += n as u64;
            }
        }
    }
}

fn io_error(file: &str, record: usize, line: u64, byte: u64, e: std::io::Error) -> ReadError {
    ReadError {
        position: Position {
            file: file.to_string(),
            record,
            line: Some(line),
            column: None,
            byte: Some(byte),
        },
        message: e.to_string(),
        fatal: true,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{read_all, Format};

    #[test]
    fn one_user_per_line_with_bad_lines_reported() {
        let text = "{\"id\": \"1\"}\n\n{\"id\": \n[1]\n{\"id\": \"4\"}\n";
        let (users, errors) = read_all(text, Format::Ndjson);
        assert_eq!(users.len(), 2);
        assert_eq!(users[1].position.line, Some(5));
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].position.line, Some(3));
        assert!(errors[0].message.contains("not valid JSON"));
        assert!(errors[1].message.contains("array"));
    }

    #[test]
    fn an_over_long_line_is_skipped_and_reading_goes_on() {
        let text = format!("{}\n{{\"id\": \"2\"}}\n", "x".repeat(5 * 1024 * 1024));
        let (users, errors) = read_all(&text, Format::Ndjson);
        assert_eq!(users.len(), 1);
        assert_eq!(users[0].position.line, Some(2));
        assert!(errors[0].message.contains("longer than"));
    }

    #[test]
    fn a_broken_line_is_placed_where_the_parser_stopped_in_characters() {
        let text = "{\"id\": \"1\"}\n  {\"é\": 1 2}\n";
        let (_, errors) = read_all(text, Format::Ndjson);
        let p = &errors[0].position;
        let byte = text.find("2}").unwrap() as u64;
        assert_eq!((p.line, p.column, p.byte), (Some(2), Some(11), Some(byte)));
    }
}
