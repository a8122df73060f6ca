//! The state as text: plain JSON for the browser's storage, and deflated, base64url JSON for the
//! `#s=` fragment of a share link. Decoding never panics: every problem is a message for the
//! notice bar.

use super::model::{AppState, STATE_VERSION};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value as Json;

/// The fragment prefix of a share link: `https://…/#s=<payload>`.
pub const FRAGMENT_KEY: &str = "s=";

/// The largest state a link may inflate to (a 5 MB pasted user fits; a zip bomb does not).
pub const MAX_INFLATED: usize = 16 * 1024 * 1024;

/// The state as JSON (for localStorage).
pub fn to_json(state: &AppState) -> String {
    serde_json::to_string(state).unwrap_or_default()
}

/// Reads a state saved by [`to_json`].
pub fn from_json(text: &str) -> Result<AppState, String> {
    let json: Json = serde_json::from_str(text)
        .map_err(|e| format!("the saved setup is not valid JSON ({e})"))?;
    from_value(json)
}

/// Checks the version, then reads the state.
pub fn from_value(json: Json) -> Result<AppState, String> {
    let version = json
        .get("version")
        .and_then(Json::as_u64)
        .ok_or("the setup has no version number")?;
    if version == 0 || version > u64::from(STATE_VERSION) {
        return Err(format!(
            "the setup was saved by version {version} of this page, which this page (version {STATE_VERSION}) cannot read"
        ));
    }
    let mut state: AppState =
        serde_json::from_value(json).map_err(|e| format!("the setup is not complete ({e})"))?;
    state.version = STATE_VERSION;
    Ok(state)
}

/// The payload of a share link: raw deflate of the JSON, in base64url without padding.
pub fn to_link_payload(state: &AppState) -> String {
    let json = to_json(state);
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    URL_SAFE_NO_PAD.encode(packed)
}

/// Reads a share-link payload made by [`to_link_payload`].
pub fn from_link_payload(payload: &str) -> Result<AppState, String> {
    let packed = URL_SAFE_NO_PAD
        .decode(payload.trim().as_bytes())
        .map_err(|_| "the link is damaged (it is not base64url text)".to_string())?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED)
        .map_err(|_| "the link is damaged (its data does not unpack)".to_string())?;
    let text =
        String::from_utf8(bytes).map_err(|_| "the link is damaged (not UTF-8 text)".to_string())?;
    from_json(&text).map_err(|e| e.replace("the saved setup", "the link's setup"))
}

/// The share payload in a location hash (`#s=…`), if the hash is a share link.
pub fn payload_in_hash(hash: &str) -> Option<&str> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix(FRAGMENT_KEY)
}

/// The state as it goes into a link: the users are left out when the admin asks for it.
pub fn for_sharing(state: &AppState, with_users: bool) -> AppState {
    let mut shared = state.clone();
    if !with_users {
        shared.user = "{}".into();
        shared.before = "{}".into();
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use mapping_core::mapping::model::AttributeMapping;

    #[test]
    fn link_round_trip_keeps_everything() {
        let mut state = AppState::default();
        state.mappings.mappings[1].source = "Switch([IsSoftDeleted], , \"False\", \"True\")".into();
        state
            .mappings
            .mappings
            .push(AttributeMapping::constant("title", "Zoë & <b>co</b>"));
        state.settings.phone_region = "GB".into();
        state.ui.trace_row = 4;
        let payload = to_link_payload(&state);
        assert!(payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert!(payload.len() < to_json(&state).len(), "compressed");
        assert_eq!(from_link_payload(&payload).unwrap(), state);
        assert_eq!(
            payload_in_hash(&format!("#s={payload}")),
            Some(payload.as_str())
        );
        assert_eq!(payload_in_hash("#other"), None);
    }

    #[test]
    fn damaged_links_are_errors_not_panics() {
        let good = to_link_payload(&AppState::default());
        for bad in [
            "",
            "%%%",
            "AAAA",
            &good[..good.len() / 2],
            // (A character appended only fails when it breaks the base64 length, so the test
            // damages the start.)
            &format!("x{good}"),
            "eJzLSM3JyVcozy_KSQEAGgQEXQ",
        ] {
            assert!(from_link_payload(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn versions_are_checked() {
        let mut json = serde_json::to_value(AppState::default()).unwrap();
        json["version"] = 99.into();
        let e = from_value(json.clone()).unwrap_err();
        assert!(e.contains("version 99"), "{e}");
        json.as_object_mut().unwrap().remove("version");
        assert!(from_value(json).is_err());
        assert!(from_json("{not json").is_err());
        assert!(from_json("{\"version\":1}").is_err());
    }

    #[test]
    fn a_zip_bomb_is_refused() {
        let huge = vec![b' '; MAX_INFLATED + 10];
        let packed = miniz_oxide::deflate::compress_to_vec(&huge, 9);
        let e = from_link_payload(&URL_SAFE_NO_PAD.encode(packed)).unwrap_err();
        assert!(e.contains("damaged"), "{e}");
    }

    #[test]
    fn sharing_without_users_blanks_them() {
        let s = for_sharing(&AppState::default(), false);
        assert_eq!((s.user.as_str(), s.before.as_str()), ("{}", "{}"));
        assert_eq!(for_sharing(&AppState::default(), true), AppState::default());
    }
}
