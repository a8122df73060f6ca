//! Reading directory users from the files admins hold, one user at a time.
//!
//! * [`json_stream`]: Microsoft Graph `GET /users` pages (one or many, `@odata.nextLink` and
//!   all), Genesys SCIM `GET /Users` ListResponse pages, a JSON array, or concatenated objects,
//!   each user found by [`json_scan`] and parsed on its own;
//! * [`ndjson`]: one user per line;
//! * [`csv_users`]: the Entra admin center's "Download users" CSV, headers mapped to Graph names.
//!
//! Every reader pushes [`Item`]s into a sink as it reads, so memory holds one user (plus the
//! read buffer) whatever the size of the file; the sink may stop the reading (cancel). A user
//! that cannot be read is an [`Item::Error`] with its [`Position`], and reading goes on; an error
//! that ends the file (JSON broken between users or the file ending inside one, a record over
//! [`counting::MAX_USER_BYTES`], an I/O error) is returned.

pub mod counting;
pub mod csv_users;
pub mod json_scan;
pub mod json_stream;
pub mod ndjson;
pub mod record;

use super::position::{Position, ReadError};
use record::{Record, RecordSink};
use serde::Serialize;
use serde_json::Value as Json;
use std::io::BufRead;
use std::ops::ControlFlow;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    /// JSON: Graph pages, SCIM ListResponse pages, an array of users, or one user after another.
    Json,
    /// One JSON user per line.
    Ndjson,
    /// The admin center's "Download users" CSV.
    Csv,
}

impl Format {
    /// `graph`, `scim` and `json` are the same reader.
    pub fn parse(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "graph" | "json" | "scim" => Some(Format::Json),
            "ndjson" | "jsonl" => Some(Format::Ndjson),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The format's name, as `--format` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
        }
    }
}

/// A user as read, before any interpretation.
#[derive(Debug, Clone, PartialEq)]
pub struct RawUser {
    /// The user's JSON (a CSV row is turned into Graph properties).
    pub json: Json,
    /// Where the record starts.
    pub position: Position,
}

/// What a reader hands over.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A user record.
    User(RawUser),
    /// A record that could not be read (or, when fatal, the end of the file).
    Error(ReadError),
}

/// Receives each item; `Break` stops the reading.
pub type Sink<'s> = dyn FnMut(Item) -> ControlFlow<()> + 's;

/// Guesses the format from the first bytes (without consuming them): `[` is JSON; `{` is NDJSON
/// when the first line alone is a complete user object, JSON otherwise; anything else is CSV.
pub fn detect<R: BufRead>(reader: &mut R) -> std::io::Result<Format> {
    // Nothing is consumed, so that the reader then counts lines and bytes from the start of
    // the file: whitespace and byte-order marks are looked past in the first buffer.
    let buf = reader.fill_buf()?;
    let mut rest = buf;
    loop {
        let blank = rest
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .count();
        rest = &rest[blank..];
        match rest.strip_prefix(BOM) {
            Some(after) => rest = after,
            None => break,
        }
    }
    Ok(match rest.first() {
        Some(b'[') => Format::Json,
        Some(b'{') => {
            let first_line = rest.split(|&b| b == b'\n').next().unwrap_or_default();
            let complete = rest.contains(&b'\n');
            match serde_json::from_slice::<Json>(first_line) {
                Ok(Json::Object(m))
                    if complete && !m.contains_key("value") && !m.contains_key("Resources") =>
                {
                    Format::Ndjson
                }
                _ => Format::Json,
            }
        }
        // A first buffer of nothing but whitespace: the JSON reader skips it, counting.
        None if !buf.is_empty() => Format::Json,
        _ => Format::Csv,
    })
}

/// A UTF-8 byte-order mark.
const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Reads every user of one input in `format` (detected when `None`). Returns the format read
/// and the number of records; an `Err` is an error that ended the input (reported with its
/// position; the items before it were handed over).
pub fn read<R: BufRead>(
    reader: R,
    format: Option<Format>,
    file: &str,
    sink: &mut Sink<'_>,
) -> Result<(Format, usize), ReadError> {
    read_records(reader, format, file, &mut |record| sink(record.parse()))
}

/// [`read`], handing over JSON and NDJSON records unparsed ([`Record::Unparsed`]): the taker
/// parses them (on another thread) or skips them.
pub fn read_records<R: BufRead>(
    mut reader: R,
    format: Option<Format>,
    file: &str,
    sink: &mut RecordSink<'_>,
) -> Result<(Format, usize), ReadError> {
    let format = match format {
        Some(f) => f,
        None => detect(&mut reader).map_err(|e| ReadError {
            position: Position {
                file: file.to_string(),
                ..Position::default()
            },
            message: e.to_string(),
            fatal: true,
        })?,
    };
    let records = match format {
        Format::Json => json_stream::read(reader, file, sink)?,
        Format::Ndjson => ndjson::read(reader, file, sink)?,
        Format::Csv => csv_users::read(reader, file, &mut |item| sink(Record::Read(item)))?,
    };
    Ok((format, records))
}

/// Reads a whole (small) input into users and errors: for tests and small files.
pub fn read_all(text: &str, format: Format) -> (Vec<RawUser>, Vec<ReadError>) {
    let (mut users, mut errors) = (Vec::new(), Vec::new());
    let result = read(text.as_bytes(), Some(format), "test", &mut |item| {
        match item {
            Item::User(u) => users.push(u),
            Item::Error(e) => errors.push(e),
        }
        ControlFlow::Continue(())
    });
    if let Err(e) = result {
        errors.push(e);
    }
    (users, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detected(text: &str) -> Format {
        detect(&mut text.as_bytes()).unwrap()
    }

    #[test]
    fn formats_are_told_apart_by_their_first_bytes() {
        assert_eq!(detected("  [{\"id\": 1}]"), Format::Json);
        assert_eq!(detected("{\"value\": []}\n{\"value\": []}\n"), Format::Json);
        assert_eq!(detected("{\n  \"id\": \"1\"\n}"), Format::Json);
        assert_eq!(
            detected("{\"id\": \"1\"}\n{\"id\": \"2\"}\n"),
            Format::Ndjson
        );
        assert_eq!(
            detected("\u{feff}userPrincipalName,displayName\n"),
            Format::Csv
        );
        assert_eq!(detected("\"userPrincipalName\",\"id\"\n"), Format::Csv);
    }

    /// The users' texts, read again from the file at the place each record gives.
    fn texts_in_file(file: &str) -> Vec<String> {
        let mut texts = Vec::new();
        read_records(file.as_bytes(), None, "f", &mut |record| {
            match record.parse_with_text() {
                (Item::User(_), Some(record::UserText::InFile { byte, len })) => {
                    let (from, to) = (byte as usize, (byte + len) as usize);
                    texts.push(file[from..to].to_string());
                }
                other => panic!("not a user in the file: {other:?}"),
            }
            ControlFlow::Continue(())
        })
        .unwrap();
        texts
    }

    #[test]
    fn a_users_place_in_the_file_gives_back_its_text_as_written() {
        let paged =
            "\n \u{feff}{\"value\": [\n  {\"id\": \"é1\", \"n\": \"日本\"},\n  {\"id\": \"2\"}]}\n\
                     {\"value\": [ {\"id\" : \"3\"} ]}";
        assert_eq!(
            texts_in_file(paged),
            [
                "{\"id\": \"é1\", \"n\": \"日本\"}",
                "{\"id\": \"2\"}",
                "{\"id\" : \"3\"}"
            ]
        );
        let lines = "\u{feff}{\"id\": \"ü\"}\r\n   {\"id\": \"2\"}  \n\n{\"id\": \"3\"}";
        assert_eq!(
            texts_in_file(lines),
            ["{\"id\": \"ü\"}", "{\"id\": \"2\"}", "{\"id\": \"3\"}"]
        );
    }

    #[test]
    fn lines_and_bytes_count_from_the_start_of_the_file_before_any_blank_or_mark() {
        let error_at = |text: &str| {
            let mut at = None;
            read(text.as_bytes(), None, "f", &mut |item| {
                if let Item::Error(e) = item {
                    at = Some((e.position.line, e.position.byte));
                }
                ControlFlow::Continue(())
            })
            .unwrap();
            at
        };
        // serde_json stops at the `}` after `tru`: line 4, byte 17 (3 of them the mark).
        assert_eq!(
            error_at("\u{feff}\n\n[\n{\"id\": tru}]"),
            Some((Some(4), Some(17)))
        );
        assert_eq!(
            error_at("\u{feff}{\"id\": \"1\"}\n\n{\"id\": tru}\n"),
            Some((Some(3), Some(26)))
        );
    }

    #[test]
    fn cancelling_stops_after_the_current_user() {
        let text = "[{\"id\": \"1\"}, {\"id\": \"2\"}, {\"id\": \"3\"}]";
        let mut seen = 0;
        let (_, records) = read(text.as_bytes(), None, "f", &mut |_| {
            seen += 1;
            if seen == 2 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .unwrap();
        assert_eq!((seen, records), (2, 2));
    }
}
