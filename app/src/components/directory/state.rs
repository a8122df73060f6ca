//! The Directory view's reactive state: the run's status, the last result's summary, the
//! table's query and the rows on screen. The worker holds the data; this holds what is shown.

use leptos::prelude::*;
use playground_model::directory::protocol::{ExportKind, Progress};
use playground_model::directory::summary::SummaryView;
use playground_model::directory::table::{Query, Row};
use playground_model::state::ui::Mode;
use playground_model::state::NoticeLevel;
use std::sync::Arc;

/// Where a run is.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Status {
    #[default]
    Idle,
    /// The worker is loading.
    Starting,
    Running(Progress),
    Cancelled,
}

impl Status {
    pub fn is_busy(&self) -> bool {
        matches!(self, Status::Starting | Status::Running(_))
    }
}

/// The last finished result.
#[derive(Debug, Clone, PartialEq)]
pub struct Result {
    /// Counts up with every result (the table starts over).
    pub id: u64,
    pub summary: Arc<SummaryView>,
    pub rows: usize,
    pub read_errors: Arc<Vec<String>>,
    pub millis: f64,
    /// How many workers prepared the users.
    pub workers: usize,
}

/// Rows the worker sent for the table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TablePage {
    pub seq: u64,
    pub total: usize,
    pub offset: usize,
    pub rows: Vec<Row>,
}

#[derive(Clone, Copy)]
pub struct DirectoryState {
    pub status: RwSignal<Status>,
    pub result: RwSignal<Option<Result>>,
    /// The last error (a file that could not be read, a failed request); the result stays.
    pub error: RwSignal<Option<String>>,
    pub query: RwSignal<Query>,
    pub page: RwSignal<TablePage>,
    /// The sequence number of the last page asked for (older answers are dropped).
    pub asked: StoredValue<u64>,
    pub exporting: RwSignal<Option<ExportKind>>,
    /// Set when the worker sent a user to open in the playground.
    pub opened: RwSignal<Option<String>>,
}

impl DirectoryState {
    pub fn new() -> DirectoryState {
        DirectoryState {
            status: RwSignal::new(Status::Idle),
            result: RwSignal::new(None),
            error: RwSignal::new(None),
            query: RwSignal::new(Query::default()),
            page: RwSignal::new(TablePage::default()),
            asked: StoredValue::new(0),
            exporting: RwSignal::new(None),
            opened: RwSignal::new(None),
        }
    }

    pub fn fail(&self, message: String) {
        self.status.set(Status::Idle);
        self.error.set(Some(message));
    }

    pub fn finish(
        &self,
        summary: serde_json::Value,
        rows: usize,
        read_errors: Vec<String>,
        millis: f64,
        workers: usize,
    ) {
        let summary: SummaryView = serde_json::from_value(summary).unwrap_or_default();
        let id = self
            .result
            .with_untracked(|r| r.as_ref().map_or(0, |r| r.id))
            + 1;
        self.page.set(TablePage::default());
        self.result.set(Some(Result {
            id,
            summary: Arc::new(summary),
            rows,
            read_errors: Arc::new(read_errors),
            millis,
            workers,
        }));
        self.status.set(Status::Idle);
        self.error.set(None);
    }

    pub fn page_arrived(&self, page: TablePage) {
        if page.seq == self.asked.get_value() {
            self.page.set(page);
        }
    }

    pub fn open_user(&self, json: String) {
        self.opened.set(Some(json));
    }
}

impl Default for DirectoryState {
    fn default() -> Self {
        Self::new()
    }
}

/// Opens users the worker sends in the playground, with the page's mappings.
pub fn open_users_in_the_playground(state: DirectoryState) {
    let store = expect_context::<crate::state::Store>();
    Effect::new(move |_| {
        let Some(json) = state.opened.get() else {
            return;
        };
        state.opened.set(None);
        store.user.load(json);
        store.mode().set(Mode::Playground);
        store.notify(
            NoticeLevel::Info,
            "Opened a user from the directory check in the playground, with the same mappings.",
        );
    });
}
