//! Users from the CSV the Entra admin center's "Download users" produces. Its headers are
//! mapped to Microsoft Graph property names ([`HEADERS`]) so each row becomes a Graph user.

use super::counting::{Counting, Tracker};
use super::{Item, RawUser, Sink};
use crate::directory::position::{Position, ReadError};
use serde_json::{Map, Value as Json};
use std::io::BufRead;
use std::ops::ControlFlow;

/// How a column's text becomes a Graph value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// A string property of the same meaning.
    Text(&'static str),
    /// `True`/`False` (also `Yes`/`No`) → a JSON boolean.
    Boolean(&'static str),
    /// The first entry of a list property (`telephoneNumber` → `businessPhones`).
    FirstOf(&'static str),
    /// Not a user property (authentication methods): not read.
    Skipped,
}

/// Header (compared ignoring case, spaces and underscores) → Graph property. The classic
/// download and the 2021-style file with Graph names both appear; headers not listed keep
/// their own name.
pub const HEADERS: &[(&str, Column)] = &[
    ("objectId", Column::Text("id")),
    ("id", Column::Text("id")),
    ("userPrincipalName", Column::Text("userPrincipalName")),
    ("displayName", Column::Text("displayName")),
    ("givenName", Column::Text("givenName")),
    ("firstName", Column::Text("givenName")),
    ("surname", Column::Text("surname")),
    ("lastName", Column::Text("surname")),
    ("mail", Column::Text("mail")),
    ("jobTitle", Column::Text("jobTitle")),
    ("department", Column::Text("department")),
    ("accountEnabled", Column::Boolean("accountEnabled")),
    ("usageLocation", Column::Text("usageLocation")),
    ("physicalDeliveryOfficeName", Column::Text("officeLocation")),
    ("officeLocation", Column::Text("officeLocation")),
    ("mobile", Column::Text("mobilePhone")),
    ("mobilePhone", Column::Text("mobilePhone")),
    ("telephoneNumber", Column::FirstOf("businessPhones")),
    ("alternateEmailAddress", Column::FirstOf("otherMails")),
    ("directorySynced", Column::Boolean("onPremisesSyncEnabled")),
    ("invitationState", Column::Text("externalUserState")),
    ("employeeId", Column::Text("employeeId")),
    ("authenticationAlternativePhoneNumber", Column::Skipped),
    ("authenticationEmail", Column::Skipped),
];

fn normalize(header: &str) -> String {
    header
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// How the column headed `header` is read.
pub fn column(header: &str) -> Column {
    let key = normalize(header);
    HEADERS
        .iter()
        .find(|(name, _)| normalize(name) == key)
        .map(|(_, c)| *c)
        .unwrap_or(Column::Text(""))
}

/// Why a file whose first line names no known column is refused.
pub const NOT_A_USER_EXPORT: &str = "not a user export: neither JSON (a Graph page, an array, \
    NDJSON) nor a \"Download users\" CSV with known column names";

/// Reads every row of a "Download users" CSV as a Graph user; `sink` gets each user or
/// unreadable row and may stop the reading. Returns the number of rows, or the error that ended
/// the file.
pub fn read<R: BufRead>(reader: R, file: &str, sink: &mut Sink<'_>) -> Result<usize, ReadError> {
    // The counting reader refuses a record (the header line included) past the size limit,
    // counted from the parser's read position (at most one 8 KiB block ahead of the record).
    let tracker = Tracker::default();
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(Counting::new(reader, tracker.clone()));
    let headers = match csv.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => return Err(error(file, 0, &e, csv.position(), true)),
    };
    let columns: Vec<(String, Column)> = headers
        .iter()
        .map(|h| {
            let h = h.trim_start_matches('\u{feff}').trim();
            (h.to_string(), column(h))
        })
        .collect();
    // A header naming no column of the export is not a user export (an empty file has no
    // header: no users, and nothing wrong).
    let named = columns.iter().any(|(h, _)| !h.is_empty());
    if named && columns.iter().all(|(_, c)| *c == Column::Text("")) {
        return Err(ReadError {
            position: Position {
                file: file.to_string(),
                record: 0,
                line: Some(1),
                column: Some(1),
                byte: Some(0),
            },
            message: NOT_A_USER_EXPORT.to_string(),
            fatal: true,
        });
    }
    let mut record = csv::StringRecord::new();
    let mut index = 0usize;
    loop {
        tracker.start_record();
        let item = match csv.read_record(&mut record) {
            Ok(false) => return Ok(index),
            Ok(true) if record.len() != columns.len() => Item::Error(ReadError {
                position: position(file, index, record.position()),
                message: format!(
                    "{} fields where the header has {}",
                    record.len(),
                    columns.len()
                ),
                fatal: false,
            }),
            Ok(true) => Item::User(RawUser {
                json: user(&columns, &record),
                position: position(file, index, record.position()),
            }),
            Err(e) => {
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                let err = error(file, index, &e, csv.position(), fatal);
                if fatal {
                    return Err(err);
                }
                Item::Error(err)
            }
        };
        index += 1;
        if let ControlFlow::Break(()) = sink(item) {
            return Ok(index);
        }
    }
}

fn user(columns: &[(String, Column)], record: &csv::StringRecord) -> Json {
    let mut map = Map::new();
    for ((header, column), cell) in columns.iter().zip(record.iter()) {
        if cell.is_empty() {
            continue;
        }
        match column {
            Column::Text("") => {
                map.insert(header.clone(), Json::String(cell.to_string()));
            }
            Column::Text(name) => {
                map.insert((*name).to_string(), Json::String(cell.to_string()));
            }
            Column::Boolean(name) => {
                let value = match cell.trim().to_ascii_lowercase().as_str() {
                    "true" | "yes" => Json::Bool(true),
                    "false" | "no" => Json::Bool(false),
                    _ => Json::String(cell.to_string()),
                };
                map.insert((*name).to_string(), value);
            }
            Column::FirstOf(name) => {
                map.insert(
                    (*name).to_string(),
                    Json::Array(vec![Json::String(cell.to_string())]),
                );
            }
            Column::Skipped => {}
        }
    }
    if !map.contains_key("accountEnabled") {
        // The download has the column; a CSV without it says nothing about the account, and
        // Graph's own default is an enabled account. Marks the user as a Graph user.
        map.insert("accountEnabled".into(), Json::Bool(true));
    }
    Json::Object(map)
}

fn position(file: &str, record: usize, at: Option<&csv::Position>) -> Position {
    Position {
        file: file.to_string(),
        record,
        line: at.map(|p| p.line()),
        column: None,
        byte: at.map(|p| p.byte()),
    }
}

/// `at` is where the reader is, for an error that carries no position (an I/O error).
fn error(file: &str, record: usize, e: &csv::Error, at: &csv::Position, fatal: bool) -> ReadError {
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("not UTF-8 text (field {})", err.field() + 1),
        _ => e.to_string(),
    };
    ReadError {
        position: position(file, record, Some(e.position().unwrap_or(at))),
        message,
        fatal,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{read_all, Format};
    use super::*;
    use serde_json::json;

    #[test]
    fn a_first_line_naming_no_known_column_is_not_a_user_export() {
        for text in ["garbage\n", "hello,world\na,b\n"] {
            let (users, errors) = read_all(text, Format::Csv);
            assert!(users.is_empty(), "{text:?}");
            let [e] = errors.as_slice() else {
                panic!("{text:?}: {errors:?}");
            };
            assert!(e.fatal && e.message == NOT_A_USER_EXPORT, "{e}");
            let at = (e.position.line, e.position.column, e.position.byte);
            assert_eq!(at, (Some(1), Some(1), Some(0)));
        }
        let (users, errors) = read_all("", Format::Csv);
        assert!(users.is_empty() && errors.is_empty(), "{errors:?}");
        let (users, errors) = read_all("mail,whatever\na@b.example,x\n", Format::Csv);
        assert_eq!((users.len(), errors.len()), (1, 0), "{errors:?}");
    }

    #[test]
    fn classic_download_headers_become_graph_properties() {
        let text = "\u{feff}userPrincipalName,displayName,objectId,accountEnabled,telephoneNumber,mobile,physicalDeliveryOfficeName,authenticationEmail,extra\n\
                    jane@contoso.com,Jane Doe,0a21,False,+1 425 555 0100,,Building 4,j@home.example,x\n";
        let (users, errors) = read_all(text, Format::Csv);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            users[0].json,
            json!({"userPrincipalName": "jane@contoso.com", "displayName": "Jane Doe", "id": "0a21",
                   "accountEnabled": false, "businessPhones": ["+1 425 555 0100"],
                   "officeLocation": "Building 4", "extra": "x"})
        );
        assert_eq!(users[0].position.line, Some(2));
    }

    #[test]
    fn headers_match_ignoring_case_and_spaces() {
        assert_eq!(
            column("User Principal Name"),
            Column::Text("userPrincipalName")
        );
        assert_eq!(column("MOBILEPHONE"), Column::Text("mobilePhone"));
        assert_eq!(
            column("directory_synced"),
            Column::Boolean("onPremisesSyncEnabled")
        );
        assert_eq!(column("favouriteColour"), Column::Text(""));
    }

    #[test]
    fn a_short_row_is_reported_and_the_rest_go_on() {
        let text = "id,displayName\n1,A\n2\n3,\"C, the third\"\n";
        let (users, errors) = read_all(text, Format::Csv);
        assert_eq!(users.len(), 2);
        assert_eq!(users[1].json["displayName"], json!("C, the third"));
        assert_eq!(errors[0].position.line, Some(3));
        assert_eq!(errors[0].position.record, 1);
    }

    #[test]
    fn a_record_past_the_limit_ends_the_file_with_its_position() {
        // The CSV parser reads ahead in 8 KiB blocks, so the limit holds within a block.
        let limit = super::super::counting::MAX_USER_BYTES as usize + 8 * 1024;
        let mut text = String::from("id,displayName\n1,A\n2,\"");
        text.push_str(&"x".repeat(limit + 10));
        text.push_str("\"\n3,C\n");
        let (users, errors) = read_all(&text, Format::Csv);
        assert_eq!(users.len(), 1, "the record before the huge one is read");
        let e = &errors[0];
        assert!(e.fatal && e.message.contains("MiB"), "{e:?}");
        assert_eq!((e.position.line, e.position.record), (Some(3), 1), "{e:?}");
        let (users, errors) = read_all(&"x".repeat(limit + 10), Format::Csv);
        assert!(users.is_empty());
        assert_eq!(errors[0].position.line, Some(1), "{:?}", errors[0]);
    }
}
