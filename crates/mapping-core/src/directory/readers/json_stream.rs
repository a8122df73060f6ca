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
use super::record::{Record, RecordSink, Unparsed};
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
    sink: &'a mut RecordSink<'s>,
}

/// Reads every user record in `reader`, unparsed; `sink` gets each one and may stop the
/// reading. Returns the number of records, or the error that ended the file.
pub fn read<R: BufRead>(
    reader: R,
    file: &str,
    sink: &mut RecordSink<'_>,
) -> Result<usize, ReadError> {
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
            let next = self
                .input
                .peek_top()
                .map_err(|s| self.stopped(s, "a value"))?;
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

    /// The record just recorded, which starts at `start`, handed over unparsed.
    fn record_read(&mut self, start: Place) -> Result<(), Halt> {
        let bytes = self.input.take_recorded();
        let record = Unparsed::new(bytes, start, self.position(start));
        self.record += 1;
        match (self.sink)(Record::Unparsed(record)) {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(()) => Err(Halt::Cancelled),
        }
    }

    /// The error that ends the file when the record starting at `start` could not be scanned
    /// to its end: serde_json says what is wrong with the bytes recorded, and where.
    fn broken_record(&self, start: Place, stop: Stop) -> Halt {
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
        let syntax = match stop {
            Stop::Io(e) => return self.fatal_at(self.input.place(), e.to_string()),
            Stop::TooLarge => return self.fatal_at(self.input.place(), too_large_message()),
            Stop::Eof => format!("EOF while parsing {what}"),
            Stop::Mismatch => {
                // Reported at the bracket, which the scanner consumed (one byte, one column).
                let mut at = self.input.place();
                at.byte = at.byte.saturating_sub(1);
                at.column = at.column.saturating_sub(1);
                let message = "a closing bracket that does not match the open one";
                return self.fatal_at(at, format!("not valid JSON: {message}"));
            }
            Stop::TooDeep => "recursion limit exceeded".into(),
            Stop::NotAValue => "expected value".into(),
        };
        self.fatal_here(&syntax)
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

/// Whether a key, as written (quotes and escapes included), names the users array.
fn is_users_key(quoted: &[u8]) -> bool {
    match quoted
        .strip_prefix(b"\"")
        .and_then(|k| k.strip_suffix(b"\""))
    {
        Some(plain) if !plain.contains(&b'\\') => {
            USER_ARRAYS.iter().any(|name| name.as_bytes() == plain)
        }
        _ => serde_json::from_slice::<String>(quoted)
            .is_ok_and(|key| USER_ARRAYS.contains(&key.as_str())),
    }
}

/// serde_json's message without the "at line L column C" it ends with (counted from the start
/// of the record; the position reported is the file's).
pub(super) fn not_valid_json(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => &message,
    };
    format!("not valid JSON: {message}")
}

#[cfg(test)]
mod tests {
    use super::super::counting::MAX_USER_BYTES;
    use super::super::{read, read_all, Format, Item};
    use serde_json::{json, Value as Json};
    use std::ops::ControlFlow;

    /// The 1-based line and column (in characters) of byte `at` of `text`, as positions count.
    fn line_column(text: &str, at: usize) -> (u64, u64) {
        let before = &text[..at];
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        (
            before.matches('\n').count() as u64 + 1,
            before[line_start..].chars().count() as u64 + 1,
        )
    }

    /// Reads `text` as JSON through a buffer of `capacity` bytes.
    fn read_buffered(text: &str, capacity: usize) -> (Vec<Item>, Result<usize, String>) {
        let mut items = Vec::new();
        let reader = std::io::BufReader::with_capacity(capacity, text.as_bytes());
        let result = read(reader, Some(Format::Json), "test", &mut |item| {
            items.push(item);
            ControlFlow::Continue(())
        });
        (items, result.map(|(_, n)| n).map_err(|e| e.to_string()))
    }

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

    #[test]
    fn brackets_and_quotes_inside_strings_do_not_end_a_record() {
        let text = r#"[{"a": "}{][", "b": "say \"}]\" \\", "c": [[1, [2]], {"d": "]"}]},
            {"id": "2", "e": "\\\""}]"#;
        let (users, errors) = read_all(text, Format::Json);
        assert!(errors.is_empty(), "{errors:?}");
        let whole: Json = serde_json::from_str(text).unwrap();
        let read: Vec<Json> = users.into_iter().map(|u| u.json).collect();
        assert_eq!(Json::Array(read), whole);
    }

    #[test]
    fn positions_count_characters_and_lines_with_a_bom_and_crlf() {
        let text = "\u{feff}{\"value\": [\r\n  {\"name\": \"Zoë 漢字\"},\r\n  {\"n\": \"é\"}, {\"id\": \"3\"}\r\n]}";
        let (users, errors) = read_all(text, Format::Json);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(users.len(), 3);
        assert_eq!(users[0].json["name"], json!("Zoë 漢字"));
        let third = &users[2].position;
        let at = text.find("{\"id\"").unwrap();
        assert_eq!((third.record, third.byte), (2, Some(at as u64)));
        // Line 3, after `  {"n": "é"}, ` (14 characters, 15 bytes).
        assert_eq!((third.line, third.column), (Some(3), Some(15)));
        assert_eq!(line_column(text, at), (3, 15));
    }

    #[test]
    fn properties_around_the_users_array_are_skipped() {
        let text = r#"{"@odata.context": "x", "meta": {"value": [{"id": "no"}]},
            "value": [{"id": "1"}], "@odata.nextLink": "https://graph/next?$skiptoken=]}",
            "other": {"value": [{"id": "no"}]}, "value": [{"id": "duplicate"}]}
            {"Resources": [{"id": "2"}], "totalResults": 1}"#;
        let (users, errors) = read_all(text, Format::Json);
        assert!(errors.is_empty(), "{errors:?}");
        let ids: Vec<_> = users.iter().map(|u| u.json["id"].clone()).collect();
        assert_eq!(ids, vec![json!("1"), json!("2")]);
        // A key written with escapes is still the users array.
        let (users, _) = read_all(r#"{"valu\u0065": [{"id": "1"}]}"#, Format::Json);
        assert_eq!(users[0].json, json!({"id": "1"}));
    }

    #[test]
    fn empty_and_whitespace_only_files_have_no_users_and_no_errors() {
        for text in [
            "",
            "  \n\t \r\n",
            "\u{feff}",
            "[]",
            "{\"value\": []}",
            "[ ]\n[]",
        ] {
            let (items, result) = read_buffered(text, 8);
            assert_eq!((items.len(), result), (0, Ok(0)), "{text:?}");
        }
        let (users, _) = read_all("{}", Format::Json);
        assert_eq!(users[0].json, json!({}));
    }

    #[test]
    fn a_record_with_broken_json_inside_is_reported_and_the_rest_go_on() {
        let text = "[{\"id\": \"1\"}, {\"id\": \"2\" \"x\": 1},\n {\"id\": tru}, {\"id\": \"4\",\n  \"bad\": [1 2]},\n {\"id\": \"5\"}]";
        let (users, errors) = read_all(text, Format::Json);
        let ids: Vec<_> = users.iter().map(|u| u.json["id"].clone()).collect();
        assert_eq!(ids, vec![json!("1"), json!("5")]);
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors
            .iter()
            .all(|e| !e.fatal && e.message.starts_with("not valid JSON")));
        let records: Vec<_> = errors.iter().map(|e| e.position.record).collect();
        assert_eq!(records, vec![1, 2, 3]);
        assert!(
            errors[0].message.contains("expected `,` or `}`"),
            "{}",
            errors[0].message
        );
        // Each error is where serde_json stopped, counted from the start of the file.
        for (error, at) in errors.iter().zip([
            text.find("\"x\"").unwrap(),
            text.find("tru}").unwrap() + 3,
            text.find("2]").unwrap(),
        ]) {
            let (line, column) = line_column(text, at);
            assert_eq!(error.position.byte, Some(at as u64), "{error}");
            assert_eq!(
                (error.position.line, error.position.column),
                (Some(line), Some(column))
            );
        }
        assert_eq!(users[1].position.record, 4);
    }

    #[test]
    fn broken_structure_between_records_ends_the_file_where_it_is() {
        let cases = [
            (
                r#"[{"id": "1"} {"id": "2"}]"#,
                r#"{"id": "2"}]"#,
                "expected `,` or `]`",
            ),
            (
                r#"[{"id": "1"}, {"a": [1}, {"b": 2}]"#,
                "}, {\"b",
                "expected `,` or `]`",
            ),
            (r#"[{"id": "1"},]"#, "]", "trailing comma"),
            (r#"{"value": {"id": "1"}}"#, "{\"id", "array of users"),
            (r#"{"id": "1" "x": 2}"#, "\"x", "expected `,` or `}`"),
            (r#"[{"id": "1"}, :]"#, ":]", "expected value"),
            ("42", "42", "expected a Graph page"),
            ("{garbage", "garbage", "key must be a string"),
            (
                r#"{"value": [], "x": [1}}"#,
                "}",
                "does not match the open one",
            ),
        ];
        for (text, at, message) in cases {
            let (items, result) = read_buffered(text, 5);
            let error = result.expect_err(text);
            let byte = text.find(at).unwrap();
            assert!(error.contains(message), "{text}: {error}");
            assert!(
                error.contains(&format!("test:1:{} (byte {byte})", byte + 1)),
                "{text}: {error}"
            );
            let users = items.iter().filter(|i| matches!(i, Item::User(_))).count();
            assert_eq!(users, usize::from(text.starts_with('[')), "{text}");
        }
    }

    #[test]
    fn garbage_and_runaway_input_stop_quickly_with_a_clear_error() {
        let start = std::time::Instant::now();
        let words = format!("[{}", "a".repeat(20 << 20));
        let nested = "[".repeat(50 << 20);
        let string = format!("[{{\"id\": \"{}", "x".repeat(20 << 20));
        // An oversized record is named by where it starts; nesting, by where it got too deep.
        for (text, message, at) in [
            (&words, "larger than 4 MiB", "test:1:2 (byte 1)"),
            (&nested, "recursion limit exceeded", "test:1:129 (byte 128)"),
            (&string, "larger than 4 MiB", "test:1:2 (byte 1)"),
        ] {
            let (items, result) = read_buffered(text, 64 * 1024);
            assert!(items.is_empty());
            let error = result.unwrap_err();
            assert!(error.contains(message), "{error}");
            assert!(error.contains(at), "{error}");
        }
        // A debug build reads these 90 MB well within this; the point is that nothing is parsed
        // past the limits.
        assert!(start.elapsed().as_secs() < 30);
    }

    #[test]
    fn the_file_ending_after_the_users_array_is_fatal_too() {
        let text = "{\"value\": [{\"id\": \"1\"}],\n \"@odata.nextLink\": \"https://gra";
        let (users, errors) = read_all(text, Format::Json);
        assert_eq!(users.len(), 1);
        assert!(errors[0].fatal);
        assert_eq!(
            errors[0].message,
            "not valid JSON: EOF while parsing an object"
        );
        assert_eq!(errors[0].position.line, Some(2));
        assert_eq!(errors[0].position.byte, Some(text.len() as u64));
    }

    #[test]
    fn a_truncated_single_user_is_fatal_with_the_parsers_message() {
        let (users, errors) = read_all("{\"id\": \"1\",\n \"name\": \"unfinished", Format::Json);
        assert!(users.is_empty());
        assert!(errors[0].fatal);
        assert!(
            errors[0].message.contains("EOF while parsing a string"),
            "{}",
            errors[0].message
        );
        assert_eq!(errors[0].position.line, Some(2));
    }

    #[test]
    fn cancelling_stops_inside_a_page_and_between_single_users() {
        for text in [
            r#"{"value": [{"id": "1"}, {"id": "2"}, {"id": "3"}]}"#,
            r#"{"id": "1"} {"id": "2"} {"id": "3"}"#,
        ] {
            let mut seen = 0;
            let result = read(text.as_bytes(), Some(Format::Json), "f", &mut |_| {
                seen += 1;
                if seen == 2 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            });
            assert_eq!((seen, result.unwrap().1), (2, 2), "{text}");
        }
    }

    #[test]
    fn nested_arrays_are_records_that_are_not_users() {
        let (users, errors) = read_all(r#"[[{"id": "1"}], {"id": "2"}, null]"#, Format::Json);
        assert_eq!(users.len(), 1);
        assert_eq!(users[0].position.record, 1);
        let messages: Vec<_> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "expected a user object, found an array",
                "expected a user object, found null"
            ]
        );
    }

    #[test]
    fn the_oversized_record_is_named_by_its_start() {
        let big = "x".repeat(MAX_USER_BYTES as usize);
        let text = format!("[{{\"id\": \"1\"}},\n  {{\"id\": \"{big}\"}}]");
        let (users, errors) = read_all(&text, Format::Json);
        assert_eq!(users.len(), 1);
        let p = &errors[0].position;
        assert_eq!((p.record, p.line, p.column), (1, Some(2), Some(3)));
        // A record of exactly the limit is read.
        let exact = format!(
            "[{{\"id\": \"{}\"}}]",
            "x".repeat(MAX_USER_BYTES as usize - 12)
        );
        let (users, errors) = read_all(&exact, Format::Json);
        assert_eq!((users.len(), errors.len()), (1, 0));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// What serde_json reads from the whole document, by the reader's rules: each
        /// top-level array's elements; a top-level object's first `value`/`Resources` array, or
        /// the object itself.
        fn expected(doc: &str) -> Vec<Json> {
            let mut records = Vec::new();
            for value in serde_json::Deserializer::from_str(doc).into_iter::<Json>() {
                match value.unwrap() {
                    Json::Array(items) => records.extend(items),
                    Json::Object(map) => {
                        let users = map
                            .iter()
                            .find(|(k, _)| ["value", "Resources"].contains(&k.as_str()));
                        match users {
                            Some((_, Json::Array(items))) => records.extend(items.iter().cloned()),
                            _ => records.push(Json::Object(map)),
                        }
                    }
                    other => panic!("not a document: {other}"),
                }
            }
            records
        }

        /// Writes `value` with whitespace picked by `rng` between its tokens.
        fn write(value: &Json, rng: &mut fastrand::Rng, out: &mut String) {
            fn space(rng: &mut fastrand::Rng, out: &mut String) {
                out.push_str(["", "", " ", "\n", "\r\n", "\t", "  \n  "][rng.usize(..7)]);
            }
            let mut sequence = |open: char,
                                close: char,
                                items: Vec<(Option<&String>, &Json)>,
                                out: &mut String| {
                out.push(open);
                for (i, (key, item)) in items.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    space(rng, out);
                    if let Some(key) = key {
                        out.push_str(&Json::String(key.clone()).to_string());
                        space(rng, out);
                        out.push(':');
                        space(rng, out);
                    }
                    write(item, rng, out);
                    space(rng, out);
                }
                out.push(close);
            };
            match value {
                Json::Array(items) => {
                    sequence('[', ']', items.iter().map(|v| (None, v)).collect(), out)
                }
                Json::Object(map) => sequence(
                    '{',
                    '}',
                    map.iter().map(|(k, v)| (Some(k), v)).collect(),
                    out,
                ),
                scalar => out.push_str(&scalar.to_string()),
            }
        }

        fn text() -> impl Strategy<Value = String> {
            "[a-z{}\\[\\]\"\\\\:, é漢😀\u{feff}\n\t/]{0,12}"
        }

        fn value() -> impl Strategy<Value = Json> {
            let leaf = prop_oneof![
                Just(Json::Null),
                any::<bool>().prop_map(Json::from),
                any::<i64>().prop_map(Json::from),
                (-1e9f64..1e9).prop_map(Json::from),
                text().prop_map(Json::from),
            ];
            leaf.prop_recursive(3, 24, 4, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
                    prop::collection::vec((text(), inner), 0..4)
                        .prop_map(|kv| Json::Object(kv.into_iter().collect())),
                ]
            })
        }

        fn user() -> impl Strategy<Value = Json> {
            prop_oneof![
                8 => prop::collection::vec((text(), value()), 0..5)
                    .prop_map(|kv| Json::Object(kv.into_iter().collect())),
                1 => value(),
            ]
        }

        /// A document: Graph or SCIM pages, bare arrays, or single users, one after another.
        fn document() -> impl Strategy<Value = Vec<Json>> {
            let top = prop_oneof![
                (
                    text(),
                    prop::collection::vec(user(), 0..5),
                    prop::option::of(value()),
                    any::<bool>()
                )
                    .prop_map(|(context, users, after, scim)| {
                        let mut page = serde_json::Map::new();
                        page.insert("@odata.context".into(), context.into());
                        page.insert(
                            if scim { "Resources" } else { "value" }.into(),
                            users.into(),
                        );
                        if let Some(after) = after {
                            page.insert("@odata.nextLink".into(), after);
                        }
                        Json::Object(page)
                    }),
                prop::collection::vec(user(), 0..5).prop_map(Json::Array),
                prop::collection::vec((text(), value()), 0..4)
                    .prop_map(|kv| Json::Object(kv.into_iter().collect())),
            ];
            prop::collection::vec(top, 0..4)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]

            #[test]
            fn the_reader_reads_what_serde_json_reads(
                tops in document(),
                seed in any::<u64>(),
                bom in any::<bool>(),
                capacity in 1usize..64,
            ) {
                let mut rng = fastrand::Rng::with_seed(seed);
                let mut doc = String::new();
                for top in &tops {
                    write(top, &mut rng, &mut doc);
                    doc.push_str(["", " ", "\n", "\r\n"][rng.usize(..4)]);
                }
                let records = expected(&doc);
                let text = if bom { format!("\u{feff}{doc}") } else { doc };
                let (items, result) = read_buffered(&text, capacity);
                prop_assert_eq!(result, Ok(records.len()));
                prop_assert_eq!(items.len(), records.len());
                for (item, record) in items.iter().zip(&records) {
                    match item {
                        Item::User(user) => {
                            prop_assert_eq!(&user.json, record);
                            // The position is the record's first byte, exactly.
                            let at = user.position.byte.unwrap() as usize;
                            let first = serde_json::Deserializer::from_str(&text[at..])
                                .into_iter::<Json>()
                                .next();
                            prop_assert_eq!(first.unwrap().unwrap(), record.clone());
                            let (line, column) = line_column(&text, at);
                            prop_assert_eq!(user.position.line, Some(line));
                            prop_assert_eq!(user.position.column, Some(column));
                        }
                        Item::Error(e) => {
                            prop_assert!(!record.is_object(), "{}", e);
                            prop_assert!(e.message.starts_with("expected a user object"));
                        }
                    }
                }
            }

            #[test]
            fn cut_or_damaged_documents_never_panic_and_keep_the_users_before(
                tops in document(),
                seed in any::<u64>(),
                cut in any::<prop::sample::Index>(),
                damage in prop::option::of((any::<prop::sample::Index>(), prop::sample::select(vec![b'"', b'{', b'}', b'[', b']', b',', b'\\', b':', b'x']))),
            ) {
                let mut rng = fastrand::Rng::with_seed(seed);
                let mut doc = String::new();
                for top in &tops {
                    write(top, &mut rng, &mut doc);
                }
                let mut bytes = doc.into_bytes();
                bytes.truncate(cut.index(bytes.len() + 1));
                if let Some((at, byte)) = damage {
                    if !bytes.is_empty() {
                        let at = at.index(bytes.len());
                        bytes[at] = byte;
                    }
                }
                let mut items = 0usize;
                let result = read(&bytes[..], Some(Format::Json), "f", &mut |item| {
                    items += 1;
                    if let Item::User(user) = &item {
                        assert!(user.position.byte.unwrap() < bytes.len() as u64);
                    }
                    ControlFlow::Continue(())
                });
                match result {
                    Ok((_, n)) => prop_assert_eq!(n, items),
                    Err(e) => {
                        prop_assert!(e.fatal);
                        prop_assert!(e.position.byte.unwrap() <= bytes.len() as u64, "{}", e);
                        prop_assert_eq!(e.position.record, items);
                    }
                }
            }
        }
    }
}
