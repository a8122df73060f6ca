//! Where the state lives in the browser: localStorage (saved on every change) and the `#s=`
//! fragment of a share link. A fragment is never sent to a server.

use super::codec;
use super::model::AppState;

/// The localStorage key of the saved state.
pub const STORAGE_KEY: &str = "scim-playground.state";
/// Where an unreadable saved state is moved, so nothing the admin had is lost.
pub const BROKEN_KEY: &str = "scim-playground.unreadable-state";

/// The state to start with, and notices about how it was found: a share link in the address
/// wins, then the saved state, then the defaults. Nothing here fails: a damaged link or saved
/// state gives a notice and the next source.
pub fn initial_state() -> (AppState, Vec<(bool, String)>) {
    let mut notices = Vec::new();
    if let Some(hash) = location_hash() {
        if let Some(payload) = codec::payload_in_hash(&hash) {
            clear_hash();
            match codec::from_link_payload(payload) {
                Ok(state) => {
                    notices.push((false, "Opened the setup from the shared link.".to_string()));
                    return (state, notices);
                }
                Err(e) => notices.push((
                    true,
                    format!("The shared link could not be opened: {e}. You are working with your saved setup or the defaults instead."),
                )),
            }
        }
    }
    match load_saved() {
        Some(Ok(state)) => (state, notices),
        Some(Err(e)) => {
            notices.push((
                true,
                format!("Your saved setup could not be read: {e}. Started with the defaults (the unreadable copy is kept in this browser's storage as \"{BROKEN_KEY}\")."),
            ));
            if let (Some(storage), Some(text)) = (storage(), saved_text()) {
                let _ = storage.set_item(BROKEN_KEY, &text);
            }
            (AppState::default(), notices)
        }
        None => (AppState::default(), notices),
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn saved_text() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok()?
}

/// The saved state, if there is one.
pub fn load_saved() -> Option<Result<AppState, String>> {
    saved_text().map(|t| codec::from_json(&t))
}

/// Saves the JSON of the state; an error says why (storage full, storage off).
pub fn save_json(json: &str) -> Result<(), String> {
    let storage = storage().ok_or("this browser does not allow storage for the page")?;
    storage.set_item(STORAGE_KEY, json).map_err(|_| {
        "the setup is too large for this browser's storage (about 5 MB): it will not survive a reload".to_string()
    })
}

/// Forgets the saved state.
pub fn clear_saved() {
    if let Some(s) = storage() {
        let _ = s.remove_item(STORAGE_KEY);
    }
}

pub fn location_hash() -> Option<String> {
    web_sys::window()?.location().hash().ok()
}

/// Removes the fragment from the address without reloading or adding history.
pub fn clear_hash() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The share link for `state`, also put in the address bar (replacing the current entry).
pub fn share_link(state: &AppState) -> String {
    let payload = codec::to_link_payload(state);
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let location = window.location();
    let base = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let hash = format!("#{}{payload}", codec::FRAGMENT_KEY);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
    }
    format!("{base}{hash}")
}
