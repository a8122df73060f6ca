//! Users from JSON read as a stream: Microsoft Graph `GET /users` pages (`{"value": [...]}`,
//! several pages one after another), Genesys SCIM ListResponse pages (`{"Resources": [...]}`),
//! a JSON array of users, or user objects one after another (or just one).
//!
//! The structure around the users is followed by [`json_scan`](super::json_scan), which finds
//! where each user record starts and ends in the read buffer without parsing it; each record's
//! bytes (at most [`MAX_USER_BYTES`](super::counting::MAX_USER_BYTES)) are then parsed from a
//! slice by serde_json. So only one user is held, and a user whose brackets balance but whose
//! JSON is broken inside is reported with its position while the rest go on. Broken structure
//! around the users (a missing comma between them, a bracket that closes the wrong thing, the
//! file ending) ends the file, at the position where it was found.

use super::counting::{too_large_message, Place};
use super::json_scan::{Input, Stop};
use super::{Item, RawUser, Sink};
use crate::directory::position::{Position, ReadError};
use serde_json::Value as Json;
use std::io::BufRead;
use std::ops::ControlFlow;

/// The property holding the users in a Graph page and in a SCIM ListResponse.
const USER_ARRAYS: &[&str] = &["value", "Resources"];

/// Why reading stopped before the end of the file.
enum Halt {
    /// The sink asked to stop.
    Cancelled,
    /// The error that ends the file.
    Fatal(ReadError),
}

struct Reader<'a, 's, R> {
    input: Input<R>,
    file: &'a str,
    /// Records handed over so far (the index of the next one).
    record: usize,
    sink: &'a mut Sink<'s>,
}

/// Reads every user in `reader`; `sink` gets each user or unreadable record and may stop the
/// reading. Returns the number of records, or the error that ended the file.
pub fn read<R: BufRead>(reader: R, file: &str, sink: &mut Sink<'_>) -> Result<usize, ReadError> {
    let mut reader = Reader {
        input: Input::new(reader),
        file,
        record: 0,
        sink,
    };
    match reader.documents() {
        Ok(()) | Err(Halt::Cancelled) => Ok(reader.record),
        Err(Halt::Fatal(e)) => Err(e),
    }
}

impl<R: BufRead> Reader<'_, '_, R> {
    /// Top-level values one after another, until the end of the file.
    fn documents(&mut self) -> Result<(), Halt> {
        loop {
            let next = self.input.peek_top().map_err(|s| self.stopped(s, "a value"))?;
            match next {
                None => return Ok(()),
                Some(b'[') => {
                    self.bump()?;
                    self.users()?;
                }
                Some(b'{') => self.object()?,
                Some(_) => {
                    return Err(self.fatal_here(
                        "expected a Graph page, a SCIM ListResponse, an array of users or a user object",
                    ))
                }
            }
        }
    }

    /// The elements of an array of users, each one record; the opening `[` is read.
    fn users(&mut self) -> Result<(), Halt> {
        if self.peek("a list")? == b']' {
            return self.bump();
        }
        loop {
            let start = self.input.place();
            self.input.start_recording();
            let scanned = self.input.skip_value();
            self.input.stop_recording();
            match scanned {
                Ok(()) => self.record_read(start)?,
                Err(stop) => return Err(self.broken_record(start, stop)),
            }
            match self.peek("a list")? {
                b',' => {
                    self.bump()?;
                    if self.peek("a list")? == b']' {
                        return Err(self.fatal_here("trailing comma"));
                    }
                }
                b']' => return self.bump(),
                _ => return Err(self.fatal_here("expected `,` or `]`")),
            }
        }
    }

    /// A top-level object: a page whose users array is read element by element (its other
    /// properties skipped), or, without such an array, one user.
    fn object(&mut self) -> Result<(), Halt> {
        let start = self.input.place();
        self.input.start_recording();
        self.bump()?;
        let mut paged = false;
        let mut next = self.peek("an object")?;
        if next != b'}' {
            loop {
                if next != b'"' {
                    return Err(self.fatal_here("key must be a string"));
                }
                let key_at = self.input.recorded().len();
                self.skip_value(start, paged)?;
                let users_key = !paged && is_users_key(&self.input.recorded()[key_at..]);
                if self.peek("an object")? != b':' {
                    return Err(self.fatal_here("expected `:`"));
                }
                self.bump()?;
                let value = self.peek("a value")?;
                if users_key {
                    if value != b'[' {
                        return Err(self.fatal_here(
                            "expected the array of users after `value` or `Resources`",
                        ));
                    }
                    paged = true;
                    self.input.stop_recording();
                    self.bump()?;
                    self.users()?;
                } else {
                    self.skip_value(start, paged)?;
                }
                next = self.peek("an object")?;
                match next {
                    b',' => {
                        self.bump()?;
                        next = self.peek("an object")?;
                    }
                    b'}' => break,
                    _ => return Err(self.fatal_here("expected `,` or `}`")),
                }
            }
        }
        self.bump()?;
        if !paged {
            self.input.stop_recording();
            self.record_read(start)?;
        }
        Ok(())
    }

    /// Moves past a value of the top-level object that starts at `start`: recorded while the
    /// object may still be a user (`!paged`), skipped after its users array.
    fn skip_value(&mut self, start: Place, paged: bool) -> Result<(), Halt> {
        match self.input.skip_value() {
            Ok(()) => Ok(()),
            Err(stop @ (Stop::Io(_) | Stop::NotAValue)) => Err(self.stopped(stop, "a value")),
            Err(stop) if paged => Err(self.stopped(stop, "an object")),
            Err(stop) => Err(self.broken_record(start, stop)),
        }
    }

    /// The record just recorded, which starts at `start`, parsed and handed over.
    fn record_read(&mut self, start: Place) -> Result<(), Halt> {
        let item = match serde_json::from_slice::<Json>(self.input.recorded()) {
            Ok(json) => user_or_error(json, self.position(start)),
            Err(e) => Item::Error(ReadError {
                position: self.position(start.of_json_error(self.input.recorded(), &e)),
                message: not_valid_json(&e),
                fatal: false,
            }),
        };
        self.record += 1;
        match (self.sink)(item) {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(()) => Err(Halt::Cancelled),
        }
    }

    /// The error that ends the file when the record starting at `start` could not be scanned
    /// to its end: serde_json says what is wrong with the bytes recorded, and where.
    fn broken_record(&mut self, start: Place, stop: Stop) -> Halt {
        match stop {
            Stop::Io(_) | Stop::NotAValue => self.stopped(stop, "a value"),
            Stop::TooLarge => self.fatal_at(start, too_large_message()),
            Stop::Eof | Stop::Mismatch | Stop::TooDeep => {
                let recorded = self.input.recorded();
                match serde_json::from_slice::<Json>(recorded) {
                    Err(e) => {
                        let at = start.of_json_error(recorded, &e);
                        self.fatal_at(at, not_valid_json(&e))
                    }
                    Ok(_) => self.stopped(stop, "a value"),
                }
            }
        }
    }

    /// The error that ends the file when the scanner stopped outside a record (`what` is
    /// being read), at the current place.
    fn stopped(&self, stop: Stop, what: &str) -> Halt {
        self.fatal_here(&match stop {
            Stop::Io(e) => return self.fatal_at(self.input.place(), e.to_string()),
            Stop::Eof => format!("EOF while parsing {what}"),
            Stop::Mismatch => "a closing bracket that closes nothing open".into(),
            Stop::TooDeep => "recursion limit exceeded".into(),
            Stop::TooLarge => return self.fatal_at(self.input.place(), too_large_message()),
            Stop::NotAValue => "expected value".into(),
        })
    }

    /// The next byte after whitespace; the end of the file here ends it with an error.
    fn peek(&mut self, what: &str) -> Result<u8, Halt> {
        match self.input.peek() {
            Ok(Some(b)) => Ok(b),
            Ok(None) => Err(self.stopped(Stop::Eof, what)),
            Err(stop) => Err(self.stopped(stop, what)),
        }
    }

    fn bump(&mut self) -> Result<(), Halt> {
        self.input.bump().map_err(|s| self.stopped(s, "a value"))
    }

    fn position(&self, place: Place) -> Position {
        Position {
            file: self.file.to_string(),
            record: self.record,
            line: Some(place.line + 1),
            column: Some(place.column + 1),
            byte: Some(place.byte),
        }
    }

    fn fatal_at(&self, place: Place, message: String) -> Halt {
        Halt::Fatal(ReadError {
            position: self.position(place),
            message,
            fatal: true,
        })
    }

    /// A JSON syntax error at the current place that ends the file.
    fn fatal_here(&self, message: &str) -> Halt {
        self.fatal_at(self.input.place(), format!("not valid JSON: {message}"))
    }
}

/// A user, or the error for a record that is not an object.
fn user_or_error(json: Json, position: Position) -> Item {
    if json.is_object() {
        Item::User(RawUser { json, position })
    } else {
        Item::Error(ReadError {
            message: format!(
                "expected a user object, found {}",
                crate::source::json_kind(&json)
            ),
            position,
            fatal: false,
        })
    }
}

/// Whether a key, as written (quotes and escapes included), names the users array.
fn is_users_key(quoted: &[u8]) -> bool {
    match quoted.strip_prefix(b"\"").and_then(|k| k.strip_suffix(b"\"")) {
        Some(plain) if !plain.contains(&b'\\') => {
            USER_ARRAYS.iter().any(|name| name.as_bytes() == plain)
        }
        _ => serde_json::from_slice::<String>(quoted)
            .is_ok_and(|key| USER_ARRAYS.contains(&key.as_str())),
    }
}

/// serde_json's message without the "at line L column C" it ends with (counted from the start
/// of the record; the position reported is the file's).
pub fn not_valid_json(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => &message,
    };
    format!("not valid JSON: {message}")
}

#[cfg(test)]
mod tests {
    use super::super::{read_all, Format};
    use serde_json::json;

    #[test]
    fn graph_pages_one_after_another() {
        let text = r#"{"@odata.context": "x", "value": [{"id": "1"}, {"id": "2"}],
            "@odata.nextLink": "https://graph/next"}
            {"value": [{"id": "3"}]}"#;
        let (users, errors) = read_all(text, Format::Json);
        assert!(errors.is_empty(), "{errors:?}");
        let ids: Vec<_> = users.iter().map(|u| u.json["id"].clone()).collect();
        assert_eq!(ids, vec![json!("1"), json!("2"), json!("3")]);
        assert_eq!(users[2].position.record, 2);
        assert_eq!(users[2].position.line, Some(3));
    }

    #[test]
    fn scim_list_response_and_bare_array_and_single_user() {
        let scim = r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            "totalResults": 2, "Resources": [{"id": "g1", "userName": "a@x"}, {"id": "g2"}]}"#;
        assert_eq!(read_all(scim, Format::Json).0.len(), 2);
        assert_eq!(
            read_all(r#"[{"id":"a"},{"id":"b"}]"#, Format::Json).0.len(),
            2
        );
        let (one, _) = read_all(r#"{"id": "solo", "displayName": "S"}"#, Format::Json);
        assert_eq!(one[0].json["displayName"], json!("S"));
    }

    #[test]
    fn a_record_that_is_not_an_object_is_reported_and_the_rest_go_on() {
        let (users, errors) = read_all(
            r#"{"value": [{"id": "1"}, "oops", {"id": "3"}]}"#,
            Format::Json,
        );
        assert_eq!(users.len(), 2);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].position.record, 1);
        assert!(!errors[0].fatal);
        assert!(
            errors[0].message.contains("string"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn truncated_json_is_a_fatal_error_with_a_position() {
        let (users, errors) = read_all("{\"value\": [{\"id\": \"1\"},\n {\"id\": ", Format::Json);
        assert_eq!(users.len(), 1);
        assert!(errors[0].fatal);
        assert_eq!(errors[0].position.line, Some(2));
        assert!(errors[0].message.contains("EOF"), "{}", errors[0].message);
    }

    #[test]
    fn an_oversized_record_stops_the_file() {
        let big = "x".repeat(5 * 1024 * 1024);
        let text = format!("[{{\"id\": \"{big}\"}}]");
        let (users, errors) = read_all(&text, Format::Json);
        assert!(users.is_empty());
        assert!(
            errors[0].message.contains("larger than 4 MiB"),
            "{}",
            errors[0].message
        );
    }
}
