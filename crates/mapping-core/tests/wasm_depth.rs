//! The nesting guarantees in a WASM build, whose stack is much smaller than a native thread's.
//! Run with `cargo test -p mapping-core --target wasm32-unknown-unknown --test wasm_depth`
//! (wasm-bindgen-test-runner in Node.js).
#![cfg(target_arch = "wasm32")]

use mapping_core::expr::{EvalContext, Value, MAX_NESTING};
use mapping_core::{compile, SourceAttributes};
use wasm_bindgen_test::wasm_bindgen_test;

fn nested(depth: usize) -> String {
    format!("{}[flag]{}", "Not(".repeat(depth), ")".repeat(depth))
}

#[wasm_bindgen_test]
fn a_thousand_deep_evaluates_in_wasm() {
    let mut source = SourceAttributes::new();
    source.set_str("flag", "False");
    let expr = compile(&nested(MAX_NESTING)).expect("accepted");
    let ev = expr
        .evaluate(&source, &EvalContext::default().with_trace())
        .expect("evaluates");
    assert_eq!(ev.value, Value::str("False"));
    assert_eq!(ev.trace.map(|t| t.len()), Some(MAX_NESTING + 1));
}

#[wasm_bindgen_test]
fn deeper_is_a_clean_error_in_wasm() {
    assert!(compile(&nested(MAX_NESTING + 1)).is_err());
    assert!(compile(&"Not(".repeat(2_500)).is_err());
}

#[wasm_bindgen_test]
fn the_seed_expressions_evaluate_in_wasm() {
    let mut source = SourceAttributes::new();
    source.set_str("telephoneNumber", "+1 317 872 3000");
    let ev = compile("StripSpaces([telephoneNumber])")
        .unwrap()
        .evaluate(&source, &EvalContext::default())
        .unwrap();
    assert_eq!(ev.value, Value::str("+13178723000"));
}
