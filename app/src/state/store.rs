//! The reactive state the page edits: one signal per field of each mapping row (so typing in one
//! row re-renders only that row), the two user texts, the settings and the UI choices. It is
//! built from an [`AppState`] and turned back into one for saving and sharing.

use super::model::{AppState, Settings, UiState, STATE_VERSION};
use leptos::prelude::*;
use mapping_core::mapping::model::{AttributeMapping, FlowType, MappingKind, MappingSet};
use serde_json::{Map, Value as Json};

/// One mapping row's fields, each its own signal. `id` is stable for the row's life (DOM ids and
/// the keyed list use it); the row's number is its place in [`Store::rows`].
#[derive(Debug, Clone, Copy)]
pub struct RowSignals {
    pub id: u64,
    pub target: RwSignal<String>,
    pub kind: RwSignal<MappingKind>,
    pub source: RwSignal<String>,
    pub default_value: RwSignal<String>,
    pub flow_type: RwSignal<FlowType>,
    pub matching: RwSignal<u32>,
    pub enabled: RwSignal<bool>,
    /// Graph properties the page does not edit, kept for a faithful export.
    pub extra: StoredValue<Map<String, Json>>,
}

impl RowSignals {
    fn new(id: u64, m: AttributeMapping) -> Self {
        RowSignals {
            id,
            target: RwSignal::new(m.target),
            kind: RwSignal::new(m.kind),
            source: RwSignal::new(m.source),
            default_value: RwSignal::new(m.default_value.unwrap_or_default()),
            flow_type: RwSignal::new(m.flow_type),
            matching: RwSignal::new(m.matching_priority),
            enabled: RwSignal::new(m.enabled),
            extra: StoredValue::new(m.extra),
        }
    }

    /// The row as the engine's type (tracked: a memo calling this re-runs on any change).
    pub fn mapping(&self) -> AttributeMapping {
        let default_value = self.default_value.get();
        AttributeMapping {
            target: self.target.get(),
            kind: self.kind.get(),
            source: self.source.get(),
            default_value: (!default_value.is_empty()).then_some(default_value),
            flow_type: self.flow_type.get(),
            matching_priority: self.matching.get(),
            enabled: self.enabled.get(),
            extra: self.extra.get_value(),
        }
    }

    /// DOM id of one of the row's fields (`target`, `source`, `default`, `kind`…).
    pub fn field_id(&self, field: &str) -> String {
        format!("m{}-{field}", self.id)
    }
}

/// A text the admin edits in a large box (the users). `text` follows every edit; `loaded` counts
/// replacements from outside (a sample, a share link), the only times the box's content is set
/// from the signal: typing never re-renders the box.
#[derive(Debug, Clone, Copy)]
pub struct TextDoc {
    pub text: RwSignal<String>,
    pub loaded: RwSignal<u32>,
}

impl TextDoc {
    fn new(text: String) -> Self {
        TextDoc {
            text: RwSignal::new(text),
            loaded: RwSignal::new(0),
        }
    }

    /// Replaces the text from outside the box.
    pub fn load(&self, text: String) {
        self.text.set(text);
        self.loaded.update(|n| *n += 1);
    }
}

/// A message in the notice bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub error: bool,
    pub text: String,
}

/// The page's state.
#[derive(Debug, Clone, Copy)]
pub struct Store {
    pub rows: RwSignal<Vec<RowSignals>>,
    pub envelope: RwSignal<Option<Json>>,
    pub user: TextDoc,
    pub before: TextDoc,
    pub settings: RwSignal<Settings>,
    pub setup_tab: RwSignal<String>,
    pub results_tab: RwSignal<String>,
    pub trace_row: RwSignal<usize>,
    pub theme: RwSignal<String>,
    pub share_users: RwSignal<bool>,
    pub notices: RwSignal<Vec<Notice>>,
    /// Counts whole-state replacements ([`Store::load`]), for fields that only read the state
    /// when it is replaced.
    pub loads: RwSignal<u32>,
    next_id: StoredValue<u64>,
}

impl Store {
    pub fn new(state: AppState) -> Self {
        let next_id = StoredValue::new(0);
        let store = Store {
            rows: RwSignal::new(Vec::new()),
            envelope: RwSignal::new(state.mappings.envelope.clone()),
            user: TextDoc::new(state.user.clone()),
            before: TextDoc::new(state.before.clone()),
            settings: RwSignal::new(state.settings.clone()),
            setup_tab: RwSignal::new(state.ui.setup_tab.clone()),
            results_tab: RwSignal::new(state.ui.results_tab.clone()),
            trace_row: RwSignal::new(state.ui.trace_row),
            theme: RwSignal::new(state.ui.theme.clone()),
            share_users: RwSignal::new(state.ui.share_users),
            notices: RwSignal::new(Vec::new()),
            loads: RwSignal::new(0),
            next_id,
        };
        store.set_mappings(state.mappings);
        store
    }

    fn fresh_id(&self) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    /// Replaces the whole state (a share link, a reset).
    pub fn load(&self, state: AppState) {
        self.set_mappings(state.mappings);
        self.user.load(state.user);
        self.before.load(state.before);
        self.settings.set(state.settings);
        self.setup_tab.set(state.ui.setup_tab);
        self.results_tab.set(state.ui.results_tab);
        self.trace_row.set(state.ui.trace_row);
        self.theme.set(state.ui.theme);
        self.share_users.set(state.ui.share_users);
        self.loads.update(|n| *n += 1);
    }

    /// Replaces the mapping rows (a preset, an import).
    pub fn set_mappings(&self, set: MappingSet) {
        let rows: Vec<RowSignals> = set
            .mappings
            .into_iter()
            .map(|m| RowSignals::new(self.fresh_id(), m))
            .collect();
        self.envelope.set(set.envelope);
        self.rows.set(rows);
    }

    /// The mapping set (tracked).
    pub fn mapping_set(&self) -> MappingSet {
        MappingSet {
            mappings: self
                .rows
                .with(|rows| rows.iter().map(|r| r.mapping()).collect()),
            envelope: self.envelope.get(),
        }
    }

    /// The whole state (tracked).
    pub fn snapshot(&self) -> AppState {
        AppState {
            version: STATE_VERSION,
            mappings: self.mapping_set(),
            user: self.user.text.get(),
            before: self.before.text.get(),
            settings: self.settings.get(),
            ui: UiState {
                setup_tab: self.setup_tab.get(),
                results_tab: self.results_tab.get(),
                trace_row: self.trace_row.get(),
                theme: self.theme.get(),
                share_users: self.share_users.get(),
            },
        }
    }

    /// Subscribes the running effect to every part of the state, without copying anything.
    pub fn track(&self) {
        self.rows.with(|rows| {
            for r in rows {
                r.target.track();
                r.kind.track();
                r.source.track();
                r.default_value.track();
                r.flow_type.track();
                r.matching.track();
                r.enabled.track();
            }
        });
        self.envelope.track();
        self.user.text.track();
        self.before.text.track();
        self.settings.track();
        self.setup_tab.track();
        self.results_tab.track();
        self.trace_row.track();
        self.theme.track();
        self.share_users.track();
    }

    /// The size of the two user texts, in bytes (tracked).
    pub fn users_len(&self) -> usize {
        self.user.text.with(String::len) + self.before.text.with(String::len)
    }

    /// The whole state, read without subscribing.
    pub fn snapshot_untracked(&self) -> AppState {
        untrack(|| self.snapshot())
    }

    /// Appends an empty Direct row; returns its id.
    pub fn add_row(&self) -> u64 {
        let id = self.fresh_id();
        let row = RowSignals::new(id, AttributeMapping::direct("", ""));
        self.rows.update(|rows| rows.push(row));
        id
    }

    /// Removes the row with `id`.
    pub fn remove_row(&self, id: u64) {
        self.rows.update(|rows| rows.retain(|r| r.id != id));
    }

    /// Moves the row with `id` by `delta` places (clamped); returns whether it moved.
    pub fn move_row(&self, id: u64, delta: isize) -> bool {
        let mut moved = false;
        self.rows.update(|rows| {
            if let Some(i) = rows.iter().position(|r| r.id == id) {
                let j = (i as isize + delta).clamp(0, rows.len() as isize - 1) as usize;
                if i != j {
                    let row = rows.remove(i);
                    rows.insert(j, row);
                    moved = true;
                }
            }
        });
        moved
    }

    /// The row at place `index` (untracked).
    pub fn row_at(&self, index: usize) -> Option<RowSignals> {
        self.rows.with_untracked(|rows| rows.get(index).copied())
    }

    /// Shows a notice; returns its id.
    pub fn notify(&self, error: bool, text: impl Into<String>) -> u64 {
        let id = self.fresh_id();
        let text = text.into();
        self.notices.update(|n| {
            n.retain(|x| x.text != text);
            n.push(Notice { id, error, text });
        });
        id
    }

    pub fn dismiss(&self, id: u64) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_store_gives_back_the_state_it_was_made_from() {
        let mut state = AppState::default();
        state.mappings.mappings[2].default_value = Some("Unknown".into());
        state.settings.phone_region = "GB".into();
        state.ui.results_tab = "phones".into();
        let store = Store::new(state.clone());
        assert_eq!(store.snapshot(), state);
        // An empty default is no default.
        store.rows.get_untracked()[2]
            .default_value
            .set(String::new());
        assert_eq!(store.mapping_set().mappings[2].default_value, None);
    }

    #[test]
    fn rows_are_added_moved_and_removed_by_id() {
        let store = Store::new(AppState::default());
        let targets = || -> Vec<String> {
            store
                .mapping_set()
                .mappings
                .into_iter()
                .map(|m| m.target)
                .collect()
        };
        let first = store.row_at(0).unwrap().id;
        assert!(store.move_row(first, 1));
        assert_eq!(&targets()[..2], &["active", "userName"]);
        assert!(!store.move_row(first, -5) || targets()[0] == "userName");
        assert!(!store.move_row(first, -1), "already first");
        let id = store.add_row();
        assert_eq!(targets().len(), 11);
        assert_eq!(store.row_at(10).unwrap().id, id);
        store.remove_row(id);
        store.remove_row(first);
        assert_eq!(targets().len(), 9);
        assert!(!targets().contains(&"userName".to_string()));
        // Ids stay unique across replacements.
        let before: Vec<u64> = store.rows.get_untracked().iter().map(|r| r.id).collect();
        store.set_mappings(mapping_core::mapping::presets::genesys_teams());
        let after: Vec<u64> = store.rows.get_untracked().iter().map(|r| r.id).collect();
        assert!(after.iter().all(|id| !before.contains(id)));
        assert_eq!(after.len(), 12);
    }

    #[test]
    fn loading_replaces_everything_and_counts_loads() {
        let store = Store::new(AppState::default());
        let mut other = AppState {
            user: "{}".into(),
            ..AppState::default()
        };
        other.mappings.mappings.truncate(2);
        other.ui.theme = "dark".into();
        store.load(other.clone());
        assert_eq!(store.snapshot(), other);
        assert_eq!(store.loads.get_untracked(), 1);
        assert_eq!(store.user.loaded.get_untracked(), 1);
    }

    #[test]
    fn notices_are_deduplicated_and_dismissed() {
        let store = Store::new(AppState::default());
        let a = store.notify(true, "x");
        store.notify(true, "x");
        store.notify(false, "y");
        assert_eq!(store.notices.get_untracked().len(), 2);
        let last_x = store.notices.get_untracked()[0].id;
        assert_ne!(a, last_x);
        store.dismiss(last_x);
        assert_eq!(store.notices.get_untracked()[0].text, "y");
    }
}
