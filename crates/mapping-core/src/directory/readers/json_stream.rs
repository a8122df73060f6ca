//! Users from JSON read as a stream: Microsoft Graph `GET /users` pages (`{"value": [...]}`,
//! several pages one after another), Genesys SCIM ListResponse pages (`{"Resources": [...]}`),
//! a JSON array of users, or user objects one after another. serde_json parses; a visitor hands
//! each element of the users array over as soon as it is read, so only one user is held.

use super::counting::{peek_past_whitespace, Counting, Tracker};
use super::{Item, RawUser, Sink};
use crate::directory::position::{Position, ReadError};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value as Json};
use std::fmt;
use std::io::BufRead;
use std::ops::ControlFlow;

/// The property holding the users in a Graph page and in a SCIM ListResponse.
const USER_ARRAYS: &[&str] = &["value", "Resources"];

const CANCELLED: &str = "\u{0}cancelled";

struct Ctx<'a, 's> {
    file: &'a str,
    tracker: Tracker,
    record: usize,
    sink: &'a mut Sink<'s>,
    cancelled: bool,
}

impl Ctx<'_, '_> {
    fn position(&self) -> Position {
        let p = self.tracker.get();
        Position {
            file: self.file.to_string(),
            record: self.record,
            line: Some(p.line + 1),
            column: Some(p.column + 1),
            byte: Some(p.byte),
        }
    }

    fn emit(&mut self, item: Item) -> bool {
        self.record += 1;
        if let ControlFlow::Break(()) = (self.sink)(item) {
            self.cancelled = true;
        }
        !self.cancelled
    }

    fn user(&mut self, json: Json, position: Position) -> bool {
        let item = if json.is_object() {
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
        };
        self.emit(item)
    }
}

/// Reads every user in `reader`; `sink` gets each user or unreadable record and may stop the
/// reading. Returns the number of records, or the error that ended the file.
pub fn read<R: BufRead>(reader: R, file: &str, sink: &mut Sink<'_>) -> Result<usize, ReadError> {
    let tracker = Tracker::default();
    let mut input = Counting::new(reader, tracker.clone());
    let mut ctx = Ctx {
        file,
        tracker,
        record: 0,
        sink,
        cancelled: false,
    };
    loop {
        match peek_past_whitespace(&mut input) {
            Ok(None) => return Ok(ctx.record),
            Ok(Some(_)) => {}
            Err(e) => return Err(fatal(&ctx, e.to_string())),
        }
        ctx.tracker.start_record();
        let mut de = serde_json::Deserializer::from_reader(&mut input);
        let result = de::Deserializer::deserialize_any(&mut de, Page { ctx: &mut ctx });
        if ctx.cancelled {
            return Ok(ctx.record);
        }
        if let Err(e) = result {
            let message = match e.io_error_kind() {
                Some(_) => e.to_string(),
                None => strip_position(&e.to_string()),
            };
            return Err(fatal(&ctx, format!("not valid JSON: {message}")));
        }
    }
}

fn fatal(ctx: &Ctx<'_, '_>, message: String) -> ReadError {
    ReadError {
        position: ctx.position(),
        message,
        fatal: true,
    }
}

/// serde_json ends messages with "at line L column C" counted from where this page began; the
/// position we report is counted from the start of the file instead.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// One top-level value: a page object, an array of users, or one user.
struct Page<'c, 'a, 's> {
    ctx: &'c mut Ctx<'a, 's>,
}

impl<'de> DeserializeSeed<'de> for Page<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Page<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Graph page, a SCIM ListResponse, an array of users or a user object")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        users(self.ctx, seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let start = self.ctx.position();
        let mut single = Map::new();
        let mut paged = false;
        while let Some(key) = map.next_key::<String>()? {
            if USER_ARRAYS.contains(&key.as_str()) && !paged {
                paged = true;
                map.next_value_seed(UserArray { ctx: self.ctx })?;
                if self.ctx.cancelled {
                    return Err(de::Error::custom(CANCELLED));
                }
            } else {
                let value: Json = map.next_value()?;
                if !paged {
                    single.insert(key, value);
                }
            }
        }
        if !paged {
            self.ctx.tracker.end_record();
            self.ctx.user(Json::Object(single), start);
        }
        Ok(())
    }
}

/// The `value` / `Resources` array.
struct UserArray<'c, 'a, 's> {
    ctx: &'c mut Ctx<'a, 's>,
}

impl<'de> DeserializeSeed<'de> for UserArray<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for UserArray<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of users")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        users(self.ctx, seq)
    }
}

/// Hands over each element of an array of users.
fn users<'de, A: SeqAccess<'de>>(ctx: &mut Ctx<'_, '_>, mut seq: A) -> Result<(), A::Error> {
    loop {
        ctx.tracker.start_record();
        let position = ctx.position();
        let Some(json) = seq.next_element::<Json>()? else {
            return Ok(());
        };
        ctx.tracker.end_record();
        if !ctx.user(json, position) {
            return Err(de::Error::custom(CANCELLED));
        }
    }
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
