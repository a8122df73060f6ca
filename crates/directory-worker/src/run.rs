//! One check over the picked files: the configuration from the page's options, the Genesys
//! export and the schema; then every users file, user after user, into the core's `Checker`.
//! A file that is not a user export, or that breaks off, ends the run with an error naming the
//! file and the position; a single unreadable record is reported and the run goes on.

use crate::blob_reader::BlobReader;
use crate::post;
use mapping_core::directory::check::{Checker, Config, UserRecord};
use mapping_core::directory::matching::existing::{read_genesys_users, ExistingUsers, GenesysUser};
use mapping_core::directory::readers::{self, csv_users, Format, Item};
use mapping_core::directory::scope::{AssignedBy, Assignment, Scope, ScopeFilter};
use mapping_core::directory::summary::Summary;
use playground_model::directory::progress;
use playground_model::directory::protocol::{FromWorker, Progress, RunOptions};
use std::cell::Cell;
use std::ops::ControlFlow;
use std::rc::Rc;
use web_sys::File;

/// What a run reads.
pub struct Inputs {
    pub users: Vec<File>,
    pub existing: Vec<File>,
    pub schema: Option<File>,
    pub options: RunOptions,
}

/// Unreadable records before any user that make a file "not a user export".
const ERRORS_BEFORE_GIVING_UP: usize = 100;
/// Read errors listed for the page (all are counted).
pub const ERRORS_LISTED: usize = 100;

/// What a run found besides the records.
pub struct Finished {
    pub summary: Summary,
    pub read_errors: Vec<String>,
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Checks every user of `inputs.users`, handing each record to `each`. The first run of a
/// result (`first`) posts progress and hands over each user's raw JSON as text too; a re-run
/// for a report does neither.
pub fn check(
    inputs: &Inputs,
    first: bool,
    each: &mut dyn FnMut(Option<String>, UserRecord),
) -> Result<Finished, String> {
    if inputs.users.is_empty() {
        return Err("pick at least one users file".into());
    }
    let mut checker = Checker::new(config(inputs)?);
    let counted = Rc::new(Cell::new(0u64));
    let total_bytes: u64 = inputs.users.iter().map(|f| f.size() as u64).sum();
    let mut last_post: Option<f64> = None;
    let mut read_errors = Vec::new();
    for file in &inputs.users {
        let name = file.name();
        let mut reader = BlobReader::new(file.clone().into(), counted.clone())
            .map_err(|e| format!("{name}: {e}"))?;
        let format = readers::detect(&mut reader).map_err(|e| format!("{name}: {e}"))?;
        if format == Format::Csv {
            not_a_csv_export(&name, &mut reader)?;
        }
        let (mut users, mut errors) = (0usize, 0usize);
        let mut first_error = None;
        let mut gave_up = false;
        let result = readers::read(&mut reader, Some(format), &name, &mut |item| {
            match item {
                Item::User(raw) => {
                    users += 1;
                    let json = first.then(|| raw.json.to_string());
                    let record = checker.check(raw);
                    each(json, record);
                }
                Item::Error(e) => {
                    errors += 1;
                    checker.read_error(&e);
                    if read_errors.len() < ERRORS_LISTED {
                        read_errors.push(e.to_string());
                    }
                    first_error.get_or_insert_with(|| e.to_string());
                    if users == 0 && errors >= ERRORS_BEFORE_GIVING_UP {
                        gave_up = true;
                        return ControlFlow::Break(());
                    }
                }
            }
            if first && progress::due(last_post, now()) {
                last_post = Some(now());
                post(
                    &FromWorker::Progress(Progress {
                        users: checker.progress().users,
                        bytes: counted.get(),
                        total_bytes,
                        file: name.clone(),
                    }),
                    None,
                );
            }
            ControlFlow::Continue(())
        });
        let (_, records) = result.map_err(|e| e.to_string())?;
        if gave_up || users == 0 {
            let why = first_error.unwrap_or_else(|| format!("{name}: no users in the file"));
            return Err(if records == 0 && errors == 0 {
                why
            } else {
                format!("not a user export: {why}")
            });
        }
    }
    Ok(Finished {
        summary: checker.finish(),
        read_errors,
    })
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
            "{name}:1:1 (byte 0): not a user export: neither JSON (a Graph page, an array, NDJSON) nor a \"Download users\" CSV with known column names"
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

fn config(inputs: &Inputs) -> Result<Config, String> {
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
