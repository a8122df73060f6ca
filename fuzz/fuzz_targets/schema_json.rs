//! Any text as Microsoft Graph synchronization schema JSON (a schema, an objectMapping or an
//! attributeMappings array). Import works or is an error; what imports exports, and the export
//! imports again with the same rows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapping_core::mapping::schema_json::{export_schema, import, import_text};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(outcome) = import_text(text) else {
        return;
    };
    let exported = export_schema(&outcome.set);
    let again = import(&exported).unwrap_or_else(|e| panic!("the export does not import: {e}"));
    assert_eq!(
        again.set.enabled().count(),
        outcome.set.enabled().count(),
        "the round trip changed the rows"
    );
});
