//! The playground: an identity admin designs, tests and explains a Microsoft Entra ID → Genesys
//! Cloud SCIM provisioning setup before switching it on. Paste a user, adjust the mappings, and
//! see what Entra will send and what will go wrong — computed in the browser by `mapping-core`,
//! sending nothing anywhere.
//!
//! Everything the page decides lives in the `playground-model` crate (state, codecs, view
//! models, editor state machines), tested natively. This crate is the shell:
//!
//! * [`state`]: the reactive [`state::Store`] over the model's `AppState`, saving (localStorage)
//!   and share links (`#s=` fragment);
//! * [`derived`]: the memos every panel reads (mapping set, parsed users, [`view::analysis`]);
//! * [`debounce`]: the one timer that waits for typing to pause;
//! * [`dom`]: the few browser services (clipboard, downloads, focus, caret position);
//! * [`components`]: small components, one job each: DOM events in, model events out; the
//!   header's mode switch shows the playground, Learn ([`components::learn`]) or Connect
//!   ([`components::connect`]).

pub mod components;
pub mod debounce;
pub mod derived;
pub mod dom;
pub mod state;

/// The pure view models, from `playground-model`.
pub use playground_model::view;

use components::common::Notices;
use components::connect::ConnectView;
use components::directory::DirectoryView;
use components::layout::{PageHeader, SetupPane};
use components::learn::{Learn, LearnView};
use components::results::ResultsPane;
use debounce::Debouncer;
use derived::Derived;
use leptos::prelude::*;
use playground_model::state::startup::{self, Saved};
use playground_model::state::{Mode, NoticeLevel};
use playground_model::timing::{self, Deferred};
use state::{codec, persist, Store};

/// The whole page, with its state read from a share link, the saved state or the defaults.
#[component]
pub fn App() -> impl IntoView {
    let start = persist::initial_state();
    app_with(Store::new(start.state), start.notices)
}

/// The page on a given store (component tests start from a known state).
pub fn app_with(store: Store, notices: Vec<(NoticeLevel, String)>) -> impl IntoView {
    for (level, text) in notices {
        store.notify(level, text);
    }
    provide_context(store);
    // One clock reading for the session, so Now()-based results stay put while typing.
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let derived = Derived::new(store, now);
    provide_context(derived);
    let learn = Learn::new(store, derived.set);
    provide_context(learn);
    learn.open_from_link(persist::location_hash().as_deref());
    save_on_change(store, learn);
    follow_theme(store);
    open_links_pasted_into_this_tab(store, learn);

    let mode = Memo::new(move |_| store.mode().get());
    let directory_opened = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || mode.get() == Mode::Directory
    });
    view! {
        <PageHeader />
        <Notices />
        {move || match mode.get() {
            Mode::Playground => view! {
                <main class="workspace">
                    <SetupPane />
                    <ResultsPane />
                </main>
            }
            .into_any(),
            Mode::Learn => view! { <LearnView /> }.into_any(),
            Mode::Connect => view! { <ConnectView /> }.into_any(),
            Mode::Directory => ().into_any(),
        }}
        // The Directory view mounts the first time it opens and then stays (hidden), so its
        // result survives a visit to the other views.
        <Show when=move || directory_opened.get()>
            <main class="directory-main" hidden=move || mode.get() != Mode::Directory>
                <DirectoryView />
            </main>
        </Show>
        <footer class="page-footer">
            <p>
                "Previews follow Microsoft's documented provisioning behaviour and Genesys Cloud's SCIM rules; test with provisioning on demand before a full sync."
            </p>
        </footer>
    }
}

/// Saves the state once edits pause, and when the page is left; drops a share fragment from the
/// address once the state changes, so a reload keeps the edits. While a lesson is open, the
/// playground's own setup is what is saved.
fn save_on_change(store: Store, learn: Learn) {
    let debouncer = Debouncer::new();
    let warned = StoredValue::new(false);
    let save = move || {
        let state = learn.state_to_save(store.snapshot_untracked());
        let saved = startup::save_with(&state, persist::save_json);
        if let Some((level, text)) = saved.notice(warned.get_value()) {
            store.notify(level, text);
        }
        warned.set_value(saved != Saved::Whole);
    };
    Effect::new(move |first_run_done: Option<bool>| {
        store.track();
        if first_run_done.is_some()
            && persist::location_hash().is_some_and(|h| codec::payload_in_hash(&h).is_some())
        {
            persist::clear_hash();
        }
        debouncer.run(timing::delay(Deferred::Save, store.users_len()), save);
        true
    });
    // A reload or a closed tab right after typing still keeps the last keystroke.
    let handle = window_event_listener(leptos::ev::pagehide, move |_| {
        if debouncer.flush() {
            save();
        }
    });
    on_cleanup(move || handle.remove());
}

/// `data-theme` on the root element: `light`, `dark`, or absent to follow the system.
fn follow_theme(store: Store) {
    Effect::new(move |_| {
        let theme = store.theme().get();
        if let Some(root) = document().document_element() {
            let _ = match theme.data_theme() {
                Some(name) => root.set_attribute("data-theme", name),
                None => root.remove_attribute("data-theme"),
            };
        }
    });
}

/// A share or lesson link pasted into the address bar of an open page only changes the
/// fragment: open it.
fn open_links_pasted_into_this_tab(store: Store, learn: Learn) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let Some(hash) = persist::location_hash() else {
            return;
        };
        if learn.open_from_link(Some(&hash)) {
            return;
        }
        let Some(result) = startup::link_pasted(&hash) else {
            return;
        };
        persist::clear_hash();
        match result {
            Ok(state) => {
                learn.forget_kept();
                store.load(state);
                store.notify(NoticeLevel::Info, startup::OPENED_LINK);
            }
            Err(message) => {
                store.notify(NoticeLevel::Error, message);
            }
        }
    });
    on_cleanup(move || handle.remove());
}
