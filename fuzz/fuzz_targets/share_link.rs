//! Any text as a share link's fragment (`#s=<payload>`, or the payload alone) and as the saved
//! state's JSON. Decoding answers with a state or a message, never a panic or an unbounded
//! inflate; a state that decodes encodes again (as a link and as JSON) and decodes to itself.
//! Random text rarely is a whole state, so a JSON object is also laid over the default state
//! (its keys replace the default's) to reach the round trip with states that are nearly valid.
#![no_main]

use libfuzzer_sys::fuzz_target;
use playground_model::state::codec::{
    from_json, from_link_payload, from_value, payload_in_hash, to_json, to_link_payload,
};
use playground_model::state::model::AppState;
use serde_json::Value as Json;

/// Encoding a decoded state and decoding it again gives the same state.
fn round_trips(state: &AppState) {
    let payload = to_link_payload(state);
    let again = from_link_payload(&payload)
        .unwrap_or_else(|e| panic!("a decoded state's link does not decode: {e}"));
    assert_eq!(&again, state, "the link round trip changed the state");
    let again = from_json(&to_json(state))
        .unwrap_or_else(|e| panic!("a decoded state's JSON does not decode: {e}"));
    assert_eq!(&again, state, "the JSON round trip changed the state");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let payload = payload_in_hash(text).unwrap_or(text);
    match from_link_payload(payload) {
        Ok(state) => round_trips(&state),
        Err(e) => assert!(!e.is_empty()),
    }
    match from_json(text) {
        Ok(state) => round_trips(&state),
        Err(e) => assert!(!e.is_empty()),
    }
    if let Ok(Json::Object(overlay)) = serde_json::from_str::<Json>(text) {
        let mut json = serde_json::to_value(AppState::default()).expect("the default serializes");
        if let Json::Object(fields) = &mut json {
            fields.extend(overlay);
        }
        if let Ok(state) = from_value(json) {
            round_trips(&state);
        }
    }
});
