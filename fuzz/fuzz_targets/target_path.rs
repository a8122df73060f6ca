//! Any text as a SCIM target path (`phoneNumbers[type eq "work"].value`, `urn:…:User:manager`).
//! A path parses or is a positioned error; whatever parses can be shown in every form the engine
//! uses, and its PATCH form reads back as the same attribute.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapping_core::scim::path::TargetPath;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match TargetPath::parse(text) {
        Ok(path) => {
            let _ = (path.schema_urn(), path.is_extension());
            let key = path.key();
            let shown = path.to_patch_path();
            if let Ok(again) = TargetPath::parse(&shown) {
                assert_eq!(again.key(), key, "{text:?} → {shown:?}");
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
