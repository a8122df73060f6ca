//! One check over the picked files: the configuration from the page's options, the Genesys
//! export and the schema (built the same way by the coordinator and by every preparer); each
//! users file opened and read; and the sequential run, user after user, into the in-order
//! check ([`OrderedCheck`]) — used when no preparer workers can help, and for the reports.
//! A file that is not a user export, or that breaks off, ends the run with an error naming the
//! file and the position; a single unreadable record is reported and the run goes on.

use crate::blob_reader::BlobReader;
use crate::post;
use js_sys::Array;
use mapping_core::directory::check::{Checker, Config};
use mapping_core::directory::matching::existing::{read_genesys_users, ExistingUsers, GenesysUser};
use mapping_core::directory::readers::record::RecordSink;
use mapping_core::directory::readers::{self, csv_users, Format, Item};
use mapping_core::directory::scope::{AssignedBy, Assignment, Scope, ScopeFilter};
use playground_model::directory::ordered_check::{Checked, Finished, OrderedCheck};
use playground_model::directory::progress;
use playground_model::directory::protocol::{FromWorker, Progress, RunOptions};
use std::cell::Cell;
use std::ops::ControlFlow;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::File;

/// What a run reads.
pub struct Inputs {
    pub users: Vec<File>,
    pub existing: Vec<File>,
    pub schema: Option<File>,
    pub options: RunOptions,
}

fn files(value: JsValue) -> Vec<File> {
    if !Array::is_array(&value) {
        return Vec::new();
    }
    Array::from(&value)
        .iter()
        .filter_map(|f| f.dyn_into::<File>().ok())
        .collect()
}

impl Inputs {
    /// The files a message carries beside its text (users files, Genesys export files, the
    /// schema or null), with the run's options.
    pub fn from_message(data: &Array, options: RunOptions) -> Inputs {
        Inputs {
            users: files(data.get(1)),
            existing: files(data.get(2)),
            schema: data.get(3).dyn_into::<File>().ok(),
            options,
        }
    }

    /// The files to send beside a message, as [`Inputs::from_message`] reads them.
    pub fn beside(&self) -> [JsValue; 3] {
        let array = |files: &[File]| JsValue::from(files.iter().collect::<Array>());
        [
            array(&self.users),
            array(&self.existing),
            self.schema.clone().map_or(JsValue::NULL, JsValue::from),
        ]
    }

    /// The users files' names, in order.
    pub fn names(&self) -> Vec<String> {
        self.users.iter().map(File::name).collect()
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Posts the progress to the page at most every 50 ms.
pub struct Reporter {
    last: Option<f64>,
    total_bytes: u64,
}

impl Reporter {
    pub fn new(inputs: &Inputs) -> Reporter {
        Reporter {
            last: None,
            total_bytes: inputs.users.iter().map(|f| f.size() as u64).sum(),
        }
    }

    /// `users` checked and `bytes` of the users files read, in the file named `file`.
    pub fn tick(&mut self, users: usize, bytes: u64, file: &str) {
        if progress::due(self.last, now()) {
            self.last = Some(now());
            post(
                &FromWorker::Progress(Progress {
                    users,
                    bytes,
                    total_bytes: self.total_bytes,
                    file: file.to_string(),
                }),
                None,
            );
        }
    }
}

/// An error that ended a users file: the records handed over before it, and the message with
/// the file's name and the position.
pub struct FileError {
    pub records: usize,
    pub message: String,
}

/// Reads the users file `file` (its bytes counted in `counted`), handing each record to `sink`
/// (JSON records unparsed: a preparer parses only its own); the number of records, or the
/// error that ended the file.
pub fn read_file(
    file: &File,
    counted: &Rc<Cell<u64>>,
    sink: &mut RecordSink<'_>,
) -> Result<usize, FileError> {
    let name = file.name();
    let before_reading = |message: String| FileError {
        records: 0,
        message,
    };
    let mut reader = BlobReader::new(file.clone().into(), counted.clone())
        .map_err(|e| before_reading(format!("{name}: {e}")))?;
    let format =
        readers::detect(&mut reader).map_err(|e| before_reading(format!("{name}: {e}")))?;
    if format == Format::Csv {
        not_a_csv_export(&name, &mut reader).map_err(before_reading)?;
    }
    match readers::read_records(&mut reader, Some(format), &name, sink) {
        Ok((_, records)) => Ok(records),
        // A fatal error's record is the count of records before it.
        Err(e) => Err(FileError {
            records: e.position.record,
            message: e.to_string(),
        }),
    }
}

/// Checks every user of `inputs.users` here, one after another, handing each completed user to
/// `each`. The first run of a result (`first`) posts progress and hands over where each user's
/// JSON can be had again too; a re-run for a report does neither.
pub fn check(
    inputs: &Inputs,
    first: bool,
    each: &mut dyn FnMut(Checked),
) -> Result<Finished, String> {
    if inputs.users.is_empty() {
        return Err("pick at least one users file".into());
    }
    let mut check = OrderedCheck::new(Checker::new(config(inputs)?), inputs.names());
    let engine = check.engine();
    let mut options = engine.options();
    let counted = Rc::new(Cell::new(0u64));
    let mut reporter = Reporter::new(inputs);
    for (index, file) in inputs.users.iter().enumerate() {
        let mut failed = None;
        let result = read_file(file, &counted, &mut |record| {
            let (item, json) = match first {
                true => record.parse_with_text(),
                false => (record.parse(), None),
            };
            match item {
                Item::User(raw) => {
                    let record = check.user(engine.prepare(&mut options, raw));
                    each(Checked {
                        file: index,
                        text: json,
                        record,
                    });
                }
                Item::Error(e) => {
                    if let Err(why) = check.read_error(&e) {
                        failed = Some(why);
                        return ControlFlow::Break(());
                    }
                }
            }
            if first {
                reporter.tick(check.users(), counted.get(), check.file_name());
            }
            ControlFlow::Continue(())
        });
        if let Some(why) = failed {
            return Err(why);
        }
        match result {
            Ok(records) => check.end_file(records, None)?,
            Err(e) => check.end_file(e.records, Some(e.message))?,
        }
    }
    Ok(check.finish())
}

/// A file that is neither JSON nor NDJSON is read as the admin center's CSV: its header row
/// must name at least one known column, or the file is refused at line 1.
fn not_a_csv_export(name: &str, reader: &mut BlobReader) -> Result<(), String> {
    use std::io::BufRead;
    let buf = reader.fill_buf().map_err(|e| format!("{name}: {e}"))?;
    if known_csv_header(buf) {
        Ok(())
    } else {
        Err(format!(
            "{name}:1:1 (byte 0): {}",
            csv_users::NOT_A_USER_EXPORT
        ))
    }
}

/// Whether the first line of `start` names a column of the "Download users" CSV.
fn known_csv_header(start: &[u8]) -> bool {
    let line = start.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = String::from_utf8_lossy(&line[..line.len().min(64 * 1024)]);
    line.split([',', ';', '\t']).any(|cell| {
        let cell = cell.trim().trim_matches('"').trim_start_matches('\u{feff}');
        !matches!(csv_users::column(cell), csv_users::Column::Text(""))
    })
}

/// The check's configuration from the page's options and the picked Genesys export and schema.
pub fn config(inputs: &Inputs) -> Result<Config, String> {
    let options = &inputs.options;
    let filter = match &inputs.schema {
        Some(file) => {
            let name = file.name();
            let text = BlobReader::text(file).map_err(|e| format!("{name}: {e}"))?;
            let json: serde_json::Value = serde_json::from_str(&text)
                .map_err(|e| format!("{name}:{}:{}: {e}", e.line(), e.column()))?;
            ScopeFilter::from_schema(&json).map_err(|e| format!("{name}: {e}"))?
        }
        None => ScopeFilter::default(),
    };
    let scope = Scope {
        assignment: if options.sync_all {
            Assignment::All
        } else {
            Assignment::Assigned
        },
        assigned_by: AssignedBy {
            groups: options.assigned_groups.clone(),
            property: None,
        },
        filter,
    };
    let existing = if inputs.existing.is_empty() {
        None
    } else {
        Some(ExistingUsers::new(
            existing_users(&inputs.existing)?,
            &options.mappings,
        ))
    };
    let non_empty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    Ok(Config {
        mappings: options.mappings.clone(),
        after: None,
        scope,
        existing,
        genesys_groups: (!options.genesys_groups.is_empty())
            .then(|| options.genesys_groups.clone()),
        default_region: non_empty(&options.region),
        dialect: options.dialect,
    })
}

/// The Genesys SCIM users of every file (see `read_genesys_users`); any unreadable one ends the
/// run.
fn existing_users(files: &[File]) -> Result<Vec<GenesysUser>, String> {
    let mut users = Vec::new();
    for file in files {
        let name = file.name();
        let reader = BlobReader::new(file.clone().into(), Rc::new(Cell::new(0)))
            .map_err(|e| format!("{name}: {e}"))?;
        read_genesys_users(reader, &name, &mut users)?;
    }
    Ok(users)
}

#[cfg(test)]
mod tests {
    use super::known_csv_header;

    #[test]
    fn a_download_users_header_is_known_and_garbage_is_not() {
        assert!(known_csv_header(
            b"\xef\xbb\xbfuserPrincipalName,displayName,objectId\nx,y,z\n"
        ));
        assert!(known_csv_header(b"\"Display name\";\"Mobile\"\r\n"));
        assert!(!known_csv_header(b"GIF89a\x01\x00\xff\xff"));
        assert!(!known_csv_header(b"hello,world\nuserPrincipalName\n"));
        assert!(!known_csv_header(b""));
    }
}
