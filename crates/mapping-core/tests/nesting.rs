#![cfg(not(target_arch = "wasm32"))]
//! Deep nesting evaluates within the limits and fails cleanly beyond them (native build; the
//! WASM build runs the same checks in `wasm_depth.rs`).

use mapping_core::expr::{EvalContext, Value, MAX_LENGTH, MAX_NESTING};
use mapping_core::{compile, SourceAttributes};

fn nested(depth: usize) -> String {
    format!("{}[flag]{}", "Not(".repeat(depth), ")".repeat(depth))
}

fn source() -> SourceAttributes {
    let mut s = SourceAttributes::new();
    s.set_str("flag", "True");
    s
}

#[test]
fn a_thousand_deep_within_the_length_limit_evaluates_with_trace() {
    let text = nested(MAX_NESTING);
    assert!(text.len() <= MAX_LENGTH);
    let expr = compile(&text).expect("1,000 levels are accepted");
    let ev = expr
        .evaluate(&source(), &EvalContext::default().with_trace())
        .unwrap();
    // An even number of Not()s gives the input back.
    assert_eq!(ev.value, Value::str("True"));
    assert_eq!(ev.trace.unwrap().len(), MAX_NESTING + 1);
}

#[test]
fn one_level_more_is_a_clean_error() {
    let errors = compile(&nested(MAX_NESTING + 1)).unwrap_err();
    assert!(
        errors[0].message.contains("nested more than 1000"),
        "{}",
        errors[0].message
    );
}

#[test]
fn the_deepest_text_that_fits_the_length_limit_is_refused_cleanly() {
    // 2,500 levels of the shortest call that nests.
    let text = format!("{}[a]{}", "F(".repeat(2_498), ")".repeat(2_498));
    assert!(text.chars().count() <= MAX_LENGTH);
    assert!(compile(&text).is_err());
    let unclosed = "Not(".repeat(2_500);
    assert!(compile(&unclosed).is_err());
}
