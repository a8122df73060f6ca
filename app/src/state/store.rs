//! The reactive state the page edits: one signal per field of each mapping row (so typing in one
//! row re-renders only that row), the two user texts, and one signal each for the settings and
//! the UI choices. It is built from an [`AppState`] and turned back into one for saving and
//! sharing.
//!
//! Every conversion destructures its struct in full, so a field added to [`AppState`],
//! [`AttributeMapping`], [`Store`] or [`RowSignals`] fails to compile until it is built, saved
//! and tracked: leaving a field out of saving is not possible.

use leptos::prelude::*;
use mapping_core::mapping::model::{AttributeMapping, FlowType, MappingKind, MappingSet};
use playground_model::state::ui::{Choice, Notices};
use playground_model::state::{AppState, NoticeLevel, Settings, UiState, STATE_VERSION};
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
        let AttributeMapping {
            target,
            kind,
            source,
            default_value,
            flow_type,
            matching_priority,
            enabled,
            extra,
        } = m;
        RowSignals {
            id,
            target: RwSignal::new(target),
            kind: RwSignal::new(kind),
            source: RwSignal::new(source),
            default_value: RwSignal::new(default_value.unwrap_or_default()),
            flow_type: RwSignal::new(flow_type),
            matching: RwSignal::new(matching_priority),
            enabled: RwSignal::new(enabled),
            extra: StoredValue::new(extra),
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

    /// Subscribes the running effect to every field, copying nothing.
    fn track(&self) {
        let RowSignals {
            id: _,
            target,
            kind,
            source,
            default_value,
            flow_type,
            matching,
            enabled,
            // Not edited on the page: it only changes with the row.
            extra: _,
        } = *self;
        target.track();
        kind.track();
        source.track();
        default_value.track();
        flow_type.track();
        matching.track();
        enabled.track();
    }

    /// Frees the row's signals (a removed row; the Leptos todomvc pattern: signals made by the
    /// store belong to the page, not to the row's component, so they outlive the row unless
    /// disposed).
    fn dispose(self) {
        let RowSignals {
            id: _,
            target,
            kind,
            source,
            default_value,
            flow_type,
            matching,
            enabled,
            extra,
        } = self;
        target.dispose();
        kind.dispose();
        source.dispose();
        default_value.dispose();
        flow_type.dispose();
        matching.dispose();
        enabled.dispose();
        extra.dispose();
    }

    /// DOM id of one of the row's fields (`target`, `source`, `default`, `kind`…).
    pub fn field_id(&self, field: &str) -> String {
        format!("m{}-{field}", self.id)
    }
}

/// Disposes removed rows once the page has re-rendered without them (a zero timeout runs after
/// the effects now queued, which may still read them on their way out).
fn dispose_rows(rows: Vec<RowSignals>) {
    if rows.is_empty() {
        return;
    }
    gloo_timers::callback::Timeout::new(0, move || rows.into_iter().for_each(RowSignals::dispose))
        .forget();
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

/// The page's state.
#[derive(Debug, Clone, Copy)]
pub struct Store {
    pub rows: RwSignal<Vec<RowSignals>>,
    pub envelope: RwSignal<Option<Json>>,
    pub user: TextDoc,
    pub before: TextDoc,
    pub settings: RwSignal<Settings>,
    /// Tabs, trace row, theme, sharing choice: one signal over the model's [`UiState`].
    pub ui: RwSignal<UiState>,
    pub notices: RwSignal<Notices>,
    /// Counts whole-state replacements ([`Store::load`]), for fields that only read the state
    /// when it is replaced.
    pub loads: RwSignal<u32>,
    next_id: StoredValue<u64>,
}

/// One part of the UI state (a tab, the theme), read and written on its own. Copy and free to
/// make: it holds the one UI signal and which field it is.
#[derive(Clone, Copy)]
pub struct Part<T: 'static> {
    ui: RwSignal<UiState>,
    read: fn(&UiState) -> T,
    write: fn(&mut UiState, T),
}

impl<T: 'static> Part<T> {
    /// The value (tracked).
    pub fn get(&self) -> T {
        self.ui.with(self.read)
    }

    /// The value, read without subscribing.
    pub fn get_untracked(&self) -> T {
        self.ui.with_untracked(self.read)
    }

    /// Sets the value.
    pub fn set(&self, value: T) {
        self.ui.update(|u| (self.write)(u, value));
    }
}

impl Store {
    pub fn new(state: AppState) -> Self {
        let AppState {
            version: _,
            mappings,
            user,
            before,
            settings,
            ui,
        } = state;
        let store = Store {
            rows: RwSignal::new(Vec::new()),
            envelope: RwSignal::new(None),
            user: TextDoc::new(user),
            before: TextDoc::new(before),
            settings: RwSignal::new(settings),
            ui: RwSignal::new(ui),
            notices: RwSignal::new(Notices::default()),
            loads: RwSignal::new(0),
            next_id: StoredValue::new(0),
        };
        store.set_mappings(mappings);
        store
    }

    fn fresh_id(&self) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    /// Replaces the whole state (a share link, a reset).
    pub fn load(&self, state: AppState) {
        let AppState {
            version: _,
            mappings,
            user,
            before,
            settings,
            ui,
        } = state;
        self.set_mappings(mappings);
        self.user.load(user);
        self.before.load(before);
        self.settings.set(settings);
        self.ui.set(ui);
        self.loads.update(|n| *n += 1);
    }

    /// Replaces the mapping rows (a preset, an import).
    pub fn set_mappings(&self, set: MappingSet) {
        let MappingSet { mappings, envelope } = set;
        let rows: Vec<RowSignals> = mappings
            .into_iter()
            .map(|m| RowSignals::new(self.fresh_id(), m))
            .collect();
        self.envelope.set(envelope);
        let old = self.rows.try_update(|r| std::mem::replace(r, rows));
        dispose_rows(old.unwrap_or_default());
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
            ui: self.ui.get(),
        }
    }

    /// Subscribes the running effect to every saved part of the state, without copying
    /// anything.
    pub fn track(&self) {
        let Store {
            rows,
            envelope,
            user,
            before,
            settings,
            ui,
            // Not saved: messages about this visit, and bookkeeping.
            notices: _,
            loads: _,
            next_id: _,
        } = *self;
        rows.with(|rows| rows.iter().for_each(RowSignals::track));
        envelope.track();
        user.text.track();
        before.text.track();
        settings.track();
        ui.track();
    }

    /// The size of the two user texts, in bytes (tracked).
    pub fn users_len(&self) -> usize {
        self.user.text.with(String::len) + self.before.text.with(String::len)
    }

    /// The whole state, read without subscribing.
    pub fn snapshot_untracked(&self) -> AppState {
        untrack(|| self.snapshot())
    }

    fn part<T>(&self, read: fn(&UiState) -> T, write: fn(&mut UiState, T)) -> Part<T> {
        Part {
            ui: self.ui,
            read,
            write,
        }
    }

    /// Playground, Learn or Connect.
    pub fn mode(&self) -> Part<playground_model::state::Mode> {
        self.part(|u| u.mode, |u, m| u.mode = m)
    }

    /// The open setup tab.
    pub fn setup_tab(&self) -> Part<playground_model::state::SetupTab> {
        self.part(|u| u.setup_tab, |u, t| u.setup_tab = t)
    }

    /// The open results tab.
    pub fn results_tab(&self) -> Part<playground_model::state::ResultsTab> {
        self.part(|u| u.results_tab, |u, t| u.results_tab = t)
    }

    /// The row whose evaluation the trace shows.
    pub fn trace_row(&self) -> Part<usize> {
        self.part(|u| u.trace_row, |u, r| u.trace_row = r)
    }

    /// The colour theme.
    pub fn theme(&self) -> Part<playground_model::state::Theme> {
        self.part(|u| u.theme, |u, t| u.theme = t)
    }

    /// Whether share links carry the users.
    pub fn share_users(&self) -> Part<bool> {
        self.part(|u| u.share_users, |u, s| u.share_users = s)
    }

    /// Appends an empty Direct row; returns its id.
    pub fn add_row(&self) -> u64 {
        let id = self.fresh_id();
        let row = RowSignals::new(id, AttributeMapping::direct("", ""));
        self.rows.update(|rows| rows.push(row));
        id
    }

    /// Removes the row with `id` (its signals are disposed once the page has re-rendered).
    pub fn remove_row(&self, id: u64) {
        let removed = self.rows.try_update(|rows| {
            let (keep, gone): (Vec<RowSignals>, Vec<RowSignals>) =
                rows.drain(..).partition(|r| r.id != id);
            *rows = keep;
            gone
        });
        dispose_rows(removed.unwrap_or_default());
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
    pub fn notify(&self, level: NoticeLevel, text: impl Into<String>) -> u64 {
        let id = self.fresh_id();
        let text = text.into();
        self.notices.update(|n| n.push(id, level, text));
        id
    }

    pub fn dismiss(&self, id: u64) {
        self.notices.update(|n| n.dismiss(id));
    }
}

/// Reads a choice from a `<select>`'s value (an unknown value leaves it as it was).
pub fn choice_from<C: Choice>(value: &str, current: C) -> C {
    C::from_name(value).unwrap_or(current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use playground_model::state::{Mode, ResultsTab, SetupTab, Theme};
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// A state in which every field differs from the default.
    fn changed_everywhere() -> AppState {
        let mut state = AppState::default();
        state.mappings.mappings[2].default_value = Some("Unknown".into());
        state.mappings.envelope = Some(serde_json::json!({"id": "x"}));
        state.user = "{\"a\": 1}".into();
        state.before = "{\"b\": 2}".into();
        state.settings.phone_region = "GB".into();
        state.settings.default_domain = "contoso.com".into();
        state.ui = UiState {
            mode: Mode::Connect,
            setup_tab: SetupTab::Schema,
            results_tab: ResultsTab::Phones,
            trace_row: 5,
            theme: Theme::Dark,
            share_users: false,
        };
        state
    }

    #[test]
    fn a_store_gives_back_the_state_it_was_made_from() {
        let state = changed_everywhere();
        let store = Store::new(state.clone());
        assert_eq!(store.snapshot(), state);
        // An empty default is no default.
        store.rows.get_untracked()[2]
            .default_value
            .set(String::new());
        assert_eq!(store.mapping_set().mappings[2].default_value, None);
    }

    #[test]
    fn every_saved_field_is_tracked() {
        let store = Store::new(AppState::default());
        let runs = StoredValue::new(0u32);
        let probe = Memo::new(move |_| {
            store.track();
            runs.update_value(|n| *n += 1);
            runs.get_value()
        });
        let mut last = probe.get_untracked();
        let mut changed = |what: &str, edit: &dyn Fn()| {
            edit();
            let now = probe.get_untracked();
            assert!(now > last, "changing {what} is not saved");
            last = now;
        };
        let row = store.row_at(0).unwrap();
        changed("target", &|| row.target.set("x".into()));
        changed("kind", &|| row.kind.set(MappingKind::Constant));
        changed("source", &|| row.source.set("y".into()));
        changed("default", &|| row.default_value.set("d".into()));
        changed("flow", &|| row.flow_type.set(FlowType::ObjectAddOnly));
        changed("matching", &|| row.matching.set(9));
        changed("enabled", &|| row.enabled.set(false));
        changed("rows", &|| {
            store.add_row();
        });
        changed("envelope", &|| store.envelope.set(Some(Json::Null)));
        changed("user", &|| store.user.text.set("{}".into()));
        changed("before", &|| store.before.text.set("{}".into()));
        changed("settings", &|| store.settings.update(|s| s.region.clear()));
        changed("theme", &|| store.theme().set(Theme::Light));
        changed("tab", &|| store.results_tab().set(ResultsTab::Trace));
        // And a whole replacement is seen too.
        changed("load", &|| store.load(changed_everywhere()));
        assert_eq!(store.snapshot_untracked(), changed_everywhere());
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
        let other = changed_everywhere();
        store.load(other.clone());
        assert_eq!(store.snapshot(), other);
        assert_eq!(store.loads.get_untracked(), 1);
        assert_eq!(store.user.loaded.get_untracked(), 1);
    }

    #[test]
    fn notices_are_deduplicated_and_dismissed() {
        let store = Store::new(AppState::default());
        let a = store.notify(NoticeLevel::Error, "x");
        store.notify(NoticeLevel::Error, "x");
        store.notify(NoticeLevel::Info, "y");
        assert_eq!(store.notices.with_untracked(|n| n.list.len()), 2);
        let last_x = store.notices.with_untracked(|n| n.list[0].id);
        assert_ne!(a, last_x);
        store.dismiss(last_x);
        assert_eq!(
            store.notices.with_untracked(|n| n.list[0].text.clone()),
            "y"
        );
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod disposal {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    async fn removed_rows_are_disposed_after_the_page_re_renders() {
        let store = Store::new(AppState::default());
        let row = store.row_at(0).unwrap();
        store.remove_row(row.id);
        assert!(
            row.target.try_get_untracked().is_some(),
            "still there this turn"
        );
        gloo_timers::future::TimeoutFuture::new(5).await;
        assert!(row.target.try_get_untracked().is_none());
        assert!(row.source.try_get_untracked().is_none());
        let kept = store.row_at(0).unwrap();
        assert!(kept.target.try_get_untracked().is_some());
    }
}
