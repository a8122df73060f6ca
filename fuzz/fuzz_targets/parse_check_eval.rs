//! Any bytes, read as an expression (and, after a NUL, as a user's JSON attributes), go through
//! parse + check + evaluate with a trace. The only acceptable outcomes are a value or a
//! diagnostic; a panic, an overflow or a hang is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mapping_core::expr::EvalContext;
use mapping_core::{compile, SourceAttributes};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (expr, user) = text.split_once('\0').unwrap_or((text, ""));
    let source = SourceAttributes::from_json_text(user).unwrap_or_else(|_| {
        let mut s = SourceAttributes::new();
        s.set_str("a", "x y");
        s.set_str("e", "");
        s.set_str("IsSoftDeleted", "False");
        s.set_str("telephoneNumber", "+1 317 872 3000");
        s
    });
    match compile(expr) {
        Ok(e) => {
            if let Err(d) = e.evaluate(&source, &EvalContext::default().with_trace()) {
                let _ = d.render(expr);
            }
        }
        Err(diagnostics) => {
            for d in diagnostics {
                assert!(d.span.end <= expr.len(), "span past the end: {d:?}");
                let _ = d.render(expr);
            }
        }
    }
});
