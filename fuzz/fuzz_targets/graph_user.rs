//! Any bytes as a pasted user: JSON → a Microsoft Graph user (or flat source attributes) read in
//! every lifecycle state, then the phone region derived from it. A user is read or refused with
//! a message; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapping_core::graph::{phone_region, read_user, Lifecycle};
use serde_json::Value as Json;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = serde_json::from_slice::<Json>(data) else {
        return;
    };
    for state in Lifecycle::ALL {
        if let Ok(user) = read_user(&json, state) {
            let _ = phone_region(&user.attributes, Some("US"));
        }
    }
});
