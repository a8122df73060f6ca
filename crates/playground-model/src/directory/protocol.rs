//! The messages between the page and the directory worker. Each is JSON text, posted as the
//! first element of an array: a `Run` also carries the picked `File` objects beside the text
//! (structured clone, never read on the page), an `Export` answer the report as a `Blob`.

use super::table::{Query, Row};
use mapping_core::mapping::model::MappingSet;
use mapping_core::scim::Dialect;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

/// The page's setup that a run uses: its mapping set and options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunOptions {
    /// The mapping set the users are checked against.
    pub mappings: MappingSet,
    /// `true`: sync all users; `false`: only assigned users and groups (Entra's default).
    pub sync_all: bool,
    /// The assigned groups (names or ids); empty = everyone in the export counts as assigned.
    pub assigned_groups: Vec<String>,
    /// Phone region for users with neither `usageLocation` nor a two-letter `country`.
    pub region: String,
    /// The groups that exist in Genesys; empty = not checked.
    pub genesys_groups: Vec<String>,
    /// The SCIM dialect the mappings' output is read as.
    pub dialect: Dialect,
}

/// The report formats the page can download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ExportKind {
    /// Comma-separated values, one line per user.
    Csv,
    /// The full report as JSON.
    Json,
    /// A Markdown report.
    Markdown,
}

impl ExportKind {
    /// Every format, in the order the page offers them.
    pub const ALL: [ExportKind; 3] = [ExportKind::Csv, ExportKind::Json, ExportKind::Markdown];

    /// The download's file name and MIME type.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            ExportKind::Csv => ("go-live-check.csv", "text/csv"),
            ExportKind::Json => ("go-live-check.json", "application/json"),
            ExportKind::Markdown => ("go-live-check.md", "text/markdown"),
        }
    }

    /// The format's name on the download button.
    pub fn label(self) -> &'static str {
        match self {
            ExportKind::Csv => "CSV",
            ExportKind::Json => "JSON",
            ExportKind::Markdown => "Markdown",
        }
    }
}

/// Page → worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ToWorker {
    /// Check the files sent beside this message (users files, Genesys export files, at most one
    /// schema).
    Run {
        /// The page's setup for the run.
        options: Box<RunOptions>,
    },
    /// Rows `offset..offset + limit` of the table under `query`; `seq` comes back with them.
    Page {
        /// The request's number, echoed in the answer so stale answers can be dropped.
        seq: u64,
        /// The filter, search and sort.
        query: Query,
        /// Index of the first row wanted (0-based, among the rows `query` keeps).
        offset: usize,
        /// The most rows wanted.
        limit: usize,
    },
    /// The raw JSON of the user at row index `index` (to open them in the playground).
    User {
        /// Row index of the user (see [`Row::index`]).
        index: u32,
    },
    /// The report of the last run, written by the core's writers.
    Export {
        /// The report's format.
        kind: ExportKind,
    },
}

/// Worker → page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum FromWorker {
    /// Loaded and listening.
    Ready,
    /// How far the running check is.
    Progress(Progress),
    /// A run finished: the core's summary as JSON, the number of rows, and the records that
    /// could not be read (with their positions; the run still covers every other user).
    Done {
        /// The core's summary, serialized as JSON.
        summary: Json,
        /// Number of users in the table.
        rows: usize,
        /// The records that could not be read, each with its position.
        read_errors: Vec<String>,
        /// How long the run took (milliseconds, wall clock).
        millis: f64,
        /// How many workers prepared the users (1: the worker alone).
        #[serde(default)]
        workers: usize,
    },
    /// A run that could not be done (a file that is not a user export, broken JSON): the
    /// message names the file and the position.
    Failed {
        /// What went wrong, in words.
        message: String,
    },
    /// Rows asked for with [`ToWorker::Page`].
    Page {
        /// The `seq` of the request answered.
        seq: u64,
        /// How many rows the query keeps in all.
        total: usize,
        /// Index of the first row sent (among the rows the query keeps).
        offset: usize,
        /// At most `limit` rows, from `offset` on.
        rows: Vec<Row>,
    },
    /// The user asked for with [`ToWorker::User`].
    User {
        /// Row index of the user, as asked.
        index: u32,
        /// The user's raw JSON, as read from the export.
        json: String,
    },
    /// The report, as a `Blob` beside this message (never a string on the page's thread).
    Export {
        /// The report's format.
        kind: ExportKind,
        /// The report's size (bytes).
        bytes: usize,
    },
    /// A request that could not be answered (no result yet, a user not kept).
    Error {
        /// Why the request could not be answered, in words.
        message: String,
    },
}

/// How far a run is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Users read so far.
    pub users: usize,
    /// Bytes of the users files read so far, over all files.
    pub bytes: u64,
    /// Size of all the users files together (bytes); 0 = unknown.
    pub total_bytes: u64,
    /// Name of the file being read.
    pub file: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::table::{Sort, SortKey};

    #[test]
    fn messages_round_trip_through_json_with_a_type_tag() {
        let page = ToWorker::Page {
            seq: 7,
            query: Query {
                outcome: Some("fail".into()),
                code: None,
                search: "anna".into(),
                sort: Sort {
                    key: SortKey::UserName,
                    descending: true,
                },
            },
            offset: 40,
            limit: 60,
        };
        let text = serde_json::to_string(&page).unwrap();
        assert!(text.starts_with(r#"{"type":"page""#), "{text}");
        assert_eq!(serde_json::from_str::<ToWorker>(&text).unwrap(), page);
        let progress = FromWorker::Progress(Progress {
            users: 3,
            bytes: 10,
            total_bytes: 20,
            file: "a.json".into(),
        });
        let text = serde_json::to_string(&progress).unwrap();
        assert!(text.contains(r#""type":"progress""#), "{text}");
        assert_eq!(serde_json::from_str::<FromWorker>(&text).unwrap(), progress);
    }

    #[test]
    fn export_files_have_the_format_s_extension() {
        for kind in ExportKind::ALL {
            let (name, _) = kind.file();
            let ext = serde_json::to_string(&kind).unwrap();
            let ext = ext.trim_matches('"');
            let expected = if ext == "markdown" { "md" } else { ext };
            assert!(name.ends_with(expected), "{name}");
        }
    }
}
