//! The playground: an identity admin designs, tests and explains a Microsoft Entra ID → Genesys
//! Cloud SCIM provisioning setup before switching it on. Paste a user, adjust the mappings, and
//! see what Entra will send and what will go wrong — computed in the browser by `mapping-core`,
//! sending nothing anywhere.
//!
//! * [`state`]: the one serializable [`state::AppState`], the reactive [`state::Store`], saving
//!   (localStorage) and share links (`#s=` fragment, deflated);
//! * [`derived`]: the memos every panel reads (mapping set, parsed users, [`view::analysis`]);
//! * [`view`]: pure view models (analysis, highlighting, completion), unit-tested;
//! * [`components`]: small components, one job each.

pub mod components;
pub mod derived;
pub mod dom;
pub mod state;
pub mod view;

use components::common::Notices;
use components::layout::{PageHeader, SetupPane};
use components::results::ResultsPane;
use derived::Derived;
use leptos::prelude::*;
use state::{codec, persist, Store};
use std::time::Duration;

/// How long edits must pause before the state is saved: serializing and storing it is kept off
/// the keystroke (a large user waits longer). Leaving the page saves at once.
const SAVE_DELAY: Duration = Duration::from_millis(250);
const LARGE_STATE: usize = 200_000;
const LARGE_SAVE_DELAY: Duration = Duration::from_millis(600);

/// The whole page, with its state read from a share link, the saved state or the defaults.
#[component]
pub fn App() -> impl IntoView {
    let (state, notices) = persist::initial_state();
    app_with(Store::new(state), notices)
}

/// The page on a given store (component tests start from a known state).
pub fn app_with(store: Store, notices: Vec<(bool, String)>) -> impl IntoView {
    for (error, text) in notices {
        store.notify(error, text);
    }
    provide_context(store);
    // One clock reading for the session, so Now()-based results stay put while typing.
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let derived = Derived::new(store, now);
    provide_context(derived);
    save_on_change(store);
    follow_theme(store);
    open_links_pasted_into_this_tab(store);

    view! {
        <PageHeader />
        <Notices />
        <main class="workspace">
            <SetupPane />
            <ResultsPane />
        </main>
        <footer class="page-footer">
            <p>
                "Previews follow Microsoft's documented provisioning behaviour and Genesys Cloud's SCIM rules; test with provisioning on demand before a full sync."
            </p>
        </footer>
    }
}

/// Saves the state once edits pause, and when the page is left; drops a share fragment from the
/// address once the state changes, so a reload keeps the edits.
fn save_on_change(store: Store) {
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let warned = StoredValue::new(false);
    let save = move || {
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        timer.set_value(None);
        let state = store.snapshot_untracked();
        // Too large with the users (a multi-megabyte paste): keep the mappings and settings.
        let saved = persist::save_json(&codec::to_json(&state))
            .map(|()| true)
            .or_else(|e| {
                if state.user.len() + state.before.len() > LARGE_STATE {
                    let without = codec::for_sharing(&state, false);
                    persist::save_json(&codec::to_json(&without))
                        .map(|()| false)
                        .map_err(|_| e)
                } else {
                    Err(e)
                }
            });
        match saved {
            Ok(true) => warned.set_value(false),
            _ if warned.get_value() => {}
            Ok(false) => {
                warned.set_value(true);
                store.notify(
                    false,
                    "The users are too large for this browser's storage: the mappings and settings are saved, the users will not survive a reload.",
                );
            }
            Err(e) => {
                warned.set_value(true);
                store.notify(true, format!("Not saved: {e}."));
            }
        }
    };
    Effect::new(move |first_run_done: Option<bool>| {
        store.track();
        if first_run_done.is_some()
            && persist::location_hash().is_some_and(|h| codec::payload_in_hash(&h).is_some())
        {
            persist::clear_hash();
        }
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        let delay = if store.users_len() > LARGE_STATE {
            LARGE_SAVE_DELAY
        } else {
            SAVE_DELAY
        };
        timer.set_value(set_timeout_with_handle(save, delay).ok());
        true
    });
    // A reload or a closed tab right after typing still keeps the last keystroke.
    let handle = window_event_listener(leptos::ev::pagehide, move |_| {
        if timer.get_value().is_some() {
            save();
        }
    });
    on_cleanup(move || handle.remove());
}

/// `data-theme` on the root element: `light`, `dark`, or absent to follow the system.
fn follow_theme(store: Store) {
    Effect::new(move |_| {
        let theme = store.theme.get();
        if let Some(root) = document().document_element() {
            let _ = match theme.as_str() {
                "light" | "dark" => root.set_attribute("data-theme", &theme),
                _ => root.remove_attribute("data-theme"),
            };
        }
    });
}

/// A share link pasted into the address bar of an open page only changes the fragment: load it.
fn open_links_pasted_into_this_tab(store: Store) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let Some(hash) = persist::location_hash() else {
            return;
        };
        let Some(payload) = codec::payload_in_hash(&hash) else {
            return;
        };
        let result = codec::from_link_payload(payload);
        persist::clear_hash();
        match result {
            Ok(state) => {
                store.load(state);
                store.notify(false, "Opened the setup from the shared link.");
            }
            Err(e) => {
                store.notify(
                    true,
                    format!("The shared link could not be opened: {e}. Your setup is unchanged."),
                );
            }
        }
    });
    on_cleanup(move || handle.remove());
}
