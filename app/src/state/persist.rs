//! Where the state lives in the browser: localStorage (through `gloo-storage`) and the `#s=`
//! fragment of a share link. A fragment is never sent to a server. What to do with what is found
//! is decided in the model ([`startup`]); this is only the reading and writing.

use gloo_storage::{LocalStorage, Storage};
use playground_model::state::startup::{self, Start, BROKEN_KEY, STORAGE_KEY};
use playground_model::state::{codec, AppState};

/// The state to start with, from the address's share link, the saved state or the defaults,
/// with notices about how it was found.
pub fn initial_state() -> Start {
    let hash = location_hash();
    let start = startup::start(hash.as_deref(), saved_text());
    if start.clear_hash {
        clear_hash();
    }
    if let Some(text) = &start.keep_broken {
        let _ = LocalStorage::raw().set_item(BROKEN_KEY, text);
    }
    start
}

fn saved_text() -> Option<String> {
    LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten()
}

/// Saves the JSON of the state; an error says why (storage full, storage off).
pub fn save_json(json: &str) -> Result<(), String> {
    LocalStorage::raw().set_item(STORAGE_KEY, json).map_err(|_| {
        "the setup is too large for this browser's storage (about 5 MB): it will not survive a reload".to_string()
    })
}

/// Forgets the saved state.
pub fn clear_saved() {
    LocalStorage::delete(STORAGE_KEY);
}

pub fn location_hash() -> Option<String> {
    gloo_utils::window().location().hash().ok()
}

/// Removes the fragment from the address without reloading or adding history.
pub fn clear_hash() {
    let location = gloo_utils::window().location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let _ =
        gloo_utils::history().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

/// The share link for `state`, also put in the address bar (replacing the current entry).
pub fn share_link(state: &AppState) -> String {
    let payload = codec::to_link_payload(state);
    let location = gloo_utils::window().location();
    let base = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let hash = format!("#{}{payload}", codec::FRAGMENT_KEY);
    let _ =
        gloo_utils::history().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
    format!("{base}{hash}")
}
