//! Any text as a phone number, with a region and a Genesys phone type: `REGION\0TYPE\0NUMBER`
//! (or just `NUMBER`, read for the US and `work`). The analysis always answers, and a suggested
//! fix is an expression that parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapping_core::phone::analyze;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(3, '\0');
    let (region, phone_type, number) = match (parts.next(), parts.next(), parts.next()) {
        (Some(r), Some(t), Some(n)) => ((!r.is_empty()).then_some(r), t, n),
        _ => (Some("US"), "work", text),
    };
    let analysis = analyze(number, region, phone_type, None);
    if let Some(fix) = &analysis.suggestion {
        assert!(
            mapping_core::compile(&fix.expression).is_ok(),
            "the suggested fix does not compile: {:?}",
            fix.expression
        );
    }
});
