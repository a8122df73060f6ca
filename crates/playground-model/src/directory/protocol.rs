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
    pub mappings: MappingSet,
    /// `true`: sync all users; `false`: only assigned users and groups (Entra's default).
    pub sync_all: bool,
    /// The assigned groups (names or ids); empty = everyone in the export counts as assigned.
    pub assigned_groups: Vec<String>,
    /// Phone region for users with neither `usageLocation` nor a two-letter `country`.
    pub region: String,
    /// The groups that exist in Genesys; empty = not checked.
    pub genesys_groups: Vec<String>,
    pub dialect: Dialect,
}

/// The report formats the page can download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ExportKind {
    Csv,
    Json,
    Markdown,
}

impl ExportKind {
    pub const ALL: [ExportKind; 3] = [ExportKind::Csv, ExportKind::Json, ExportKind::Markdown];

    /// The download's file name and MIME type.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            ExportKind::Csv => ("go-live-check.csv", "text/csv"),
            ExportKind::Json => ("go-live-check.json", "application/json"),
            ExportKind::Markdown => ("go-live-check.md", "text/markdown"),
        }
    }

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
    Run { options: Box<RunOptions> },
    /// Rows `offset..offset + limit` of the table under `query`; `seq` comes back with them.
    Page {
        seq: u64,
        query: Query,
        offset: usize,
        limit: usize,
    },
    /// The raw JSON of the user at row index `index` (to open them in the playground).
    User { index: u32 },
    /// The report of the last run, written by the core's writers.
    Export { kind: ExportKind },
}

/// Worker → page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum FromWorker {
    /// Loaded and listening.
    Ready,
    Progress(Progress),
    /// A run finished: the core's summary as JSON, the number of rows, and the records that
    /// could not be read (with their positions; the run still covers every other user).
    Done {
        summary: Json,
        rows: usize,
        read_errors: Vec<String>,
        millis: f64,
    },
    /// A run that could not be done (a file that is not a user export, broken JSON): the
    /// message names the file and the position.
    Failed {
        message: String,
    },
    Page {
        seq: u64,
        total: usize,
        offset: usize,
        rows: Vec<Row>,
    },
    User {
        index: u32,
        json: String,
    },
    /// The report, as a `Blob` beside this message (never a string on the page's thread).
    Export {
        kind: ExportKind,
        bytes: usize,
    },
    /// A request that could not be answered (no result yet, a user not kept).
    Error {
        message: String,
    },
}

/// How far a run is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub users: usize,
    pub bytes: u64,
    pub total_bytes: u64,
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
