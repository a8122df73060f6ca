//! A record found in a file but not parsed yet. The JSON and NDJSON readers find where each user
//! starts and ends without parsing it; whoever takes the record parses it, so the parsing can
//! run on another thread (the CLI's workers) or be skipped (a browser worker that checks only
//! every K-th user of a file).

use super::counting::Place;
use super::json_stream::not_valid_json;
use super::{Item, RawUser};
use crate::directory::position::{Position, ReadError};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use std::ops::ControlFlow;

/// A user's JSON as it stands in the file, with where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Unparsed {
    /// The record's bytes (at most [`super::counting::MAX_USER_BYTES`]).
    bytes: Vec<u8>,
    /// Where the first of `bytes` is in the file, to place a syntax error inside the record.
    start: Place,
    /// Where the record is reported to be.
    position: Position,
}

impl Unparsed {
    /// A record whose `bytes` start at `start` in the file and is reported at `position`.
    pub fn new(bytes: Vec<u8>, start: Place, position: Position) -> Unparsed {
        Unparsed {
            bytes,
            start,
            position,
        }
    }

    /// The record's JSON as written in the file.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The user, or the error saying why the record is not one: not an object, or broken JSON
    /// placed at the line, column and byte where parsing stopped.
    pub fn parse(self) -> Item {
        let Unparsed {
            bytes,
            start,
            position,
        } = self;
        match serde_json::from_slice::<Json>(&bytes) {
            Ok(json) if json.is_object() => Item::User(RawUser { json, position }),
            Ok(json) => Item::Error(ReadError {
                message: format!(
                    "expected a user object, found {}",
                    crate::source::json_kind(&json)
                ),
                position,
                fatal: false,
            }),
            Err(e) => {
                let at = start.of_json_error(&bytes, &e);
                Item::Error(ReadError {
                    message: not_valid_json(&e),
                    position: Position {
                        line: Some(at.line + 1),
                        column: Some(at.column + 1),
                        byte: Some(at.byte),
                        ..position
                    },
                    fatal: false,
                })
            }
        }
    }
}

/// What a reader hands over when the parsing is left to the taker.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// A JSON record found but not parsed.
    Unparsed(Unparsed),
    /// A record the reader had to read to find (a CSV row), or one it could not find the end of.
    Read(Item),
}

impl Record {
    /// Where the record is.
    pub fn position(&self) -> &Position {
        match self {
            Record::Unparsed(u) => &u.position,
            Record::Read(Item::User(u)) => &u.position,
            Record::Read(Item::Error(e)) => &e.position,
        }
    }

    /// The record as an [`Item`]: parsed now if it was not.
    pub fn parse(self) -> Item {
        match self {
            Record::Unparsed(u) => u.parse(),
            Record::Read(item) => item,
        }
    }

    /// [`Record::parse`], with where the user's JSON can be had again ([`UserText`]): its place
    /// in the file when the record came unparsed (the text is not copied), the JSON written out
    /// when the reader built the user (a CSV row); `None` for a record that is not a user.
    pub fn parse_with_text(self) -> (Item, Option<UserText>) {
        let text = match &self {
            Record::Unparsed(u) => Some(UserText::InFile {
                byte: u.start.byte,
                len: u.bytes.len() as u64,
            }),
            Record::Read(Item::User(u)) => Some(UserText::Written(u.json.to_string())),
            Record::Read(Item::Error(_)) => None,
        };
        let item = self.parse();
        let text = match item {
            Item::User(_) => text,
            Item::Error(_) => None,
        };
        (item, text)
    }
}

/// Where a user's JSON can be had again after its record is parsed, without keeping every
/// user's text while a directory is checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum UserText {
    /// The text as written in the file the record was read from.
    InFile {
        /// Where the text starts, in bytes from the start of the file.
        byte: u64,
        /// How many bytes it takes.
        len: u64,
    },
    /// The user as JSON, written out by the reader (a CSV row has no JSON in the file).
    Written(String),
}

impl UserText {
    /// How many bytes of text are kept in memory (none for text left in the file).
    pub fn kept_bytes(&self) -> usize {
        match self {
            UserText::InFile { .. } => 0,
            UserText::Written(text) => text.len(),
        }
    }
}

/// Receives each record; `Break` stops the reading.
pub type RecordSink<'s> = dyn FnMut(Record) -> ControlFlow<()> + 's;

#[cfg(test)]
mod tests {
    use super::*;

    fn unparsed(text: &str) -> Unparsed {
        let start = Place {
            byte: 100,
            line: 4,
            column: 2,
            ..Place::default()
        };
        let position = Position {
            file: "f".into(),
            record: 7,
            line: Some(5),
            column: Some(3),
            byte: Some(100),
        };
        Unparsed::new(text.as_bytes().to_vec(), start, position)
    }

    #[test]
    fn a_user_keeps_the_record_position() {
        let Item::User(u) = unparsed("{\"id\": \"1\"}").parse() else {
            panic!("not a user");
        };
        assert_eq!(u.json["id"], "1");
        assert_eq!((u.position.record, u.position.byte), (7, Some(100)));
    }

    #[test]
    fn broken_json_is_placed_in_the_file_and_a_non_object_is_named() {
        let Item::Error(e) = unparsed("{\"id\":\n  tru}").parse() else {
            panic!("parsed");
        };
        assert!(!e.fatal && e.message.starts_with("not valid JSON"), "{e}");
        assert_eq!(e.position.line, Some(6));
        assert_eq!(e.position.record, 7);
        let Item::Error(e) = unparsed("[1, 2]").parse() else {
            panic!("parsed");
        };
        assert!(e.message.contains("array"), "{e}");
        assert_eq!(e.position.column, Some(3));
    }

    #[test]
    fn a_user_comes_with_its_place_in_the_file_a_built_user_with_its_text_an_error_without() {
        let written = "{ \"id\" : \"1\" }";
        let (item, text) = Record::Unparsed(unparsed(written)).parse_with_text();
        assert!(matches!(item, Item::User(_)));
        let len = written.len() as u64;
        assert_eq!(text, Some(UserText::InFile { byte: 100, len }));
        assert_eq!(text.map(|t| t.kept_bytes()), Some(0));
        let (item, text) = Record::Unparsed(unparsed("[1]")).parse_with_text();
        assert!(matches!(item, Item::Error(_)) && text.is_none());
        let Item::User(user) = Record::Unparsed(unparsed(written)).parse() else {
            panic!("not a user");
        };
        let (_, text) = Record::Read(Item::User(user)).parse_with_text();
        assert_eq!(text, Some(UserText::Written("{\"id\":\"1\"}".into())));
    }

    #[test]
    fn a_record_reports_its_position_before_and_after_parsing() {
        let record = Record::Unparsed(unparsed("{}"));
        assert_eq!(record.position().record, 7);
        assert!(matches!(record.parse(), Item::User(_)));
    }
}
