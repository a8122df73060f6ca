//! `Replace`'s .NET regular expressions and the evaluation limits give the same results natively
//! and in WebAssembly: the same table runs as a native test and, with
//! `cargo test -p mapping-core --target wasm32-unknown-unknown --test wasm_regex`
//! (wasm-bindgen-test-runner in Node.js), as a WASM test.

use mapping_core::expr::{EvalContext, Value};
use mapping_core::{compile, SourceAttributes};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;

/// (source, pattern, replacement, expected result).
const CASES: &[(&str, &str, &str, &str)] = &[
    ("a\u{A0}b", r"\s", "_", "a_b"),
    ("café au lait", r"\w+", "<$0>", "<café> <au> <lait>"),
    ("١٢٣-456", r"\d+", "#", "#-#"),
    ("x é y", r"\bé\b", "E", "x E y"),
    ("ΚΑΤΑ abc", r"\p{IsGreek}+", "G", "G abc"),
    ("aBcΔ", r"\p{Lu}", "^", "a^c^"),
    (
        "The dog is a Malamute.",
        r"\b\w+(?=\sis\b)",
        "cat",
        "The cat is a Malamute.",
    ),
    (
        "2010 1999 2009",
        r"(?<=\b20)\d{2}\b",
        "xx",
        "20xx 1999 20xx",
    ),
    ("I saw a a dog", r"\b(\w+)\s\1\b", "$1", "I saw a dog"),
    ("the the end", r"(?<w>\w+)\s\k<w>", "${w}", "the end"),
    ("aaaa", r"(?>(\w)\1+).\b", "x", "aaaa"),
    ("ÉCOLE", r"(?i)école", "ok", "ok"),
    ("a\n", "a$", "b", "b\n"),
    ("ab1", r"(?n)(\w)(?<d>\d)", "[$1]", "a[1]"),
    ("13579 123", r"\b[0-9-[2468]]+\b", "odd", "odd 123"),
];

fn replace(source: &str, pattern: &str, replacement: &str) -> Result<Value, String> {
    let mut attrs = SourceAttributes::new();
    attrs.set_str("v", source);
    let text = format!(
        "Replace([v], , \"{}\", , \"{}\", , )",
        pattern.replace('"', "\"\""),
        replacement
    );
    let expr = compile(&text).map_err(|d| d[0].message.clone())?;
    expr.evaluate(&attrs, &EvalContext::default())
        .map(|e| e.value)
        .map_err(|d| d.message)
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn dotnet_semantics_are_the_same_on_every_target() {
    for &(source, pattern, replacement, expected) in CASES {
        assert_eq!(
            replace(source, pattern, replacement),
            Ok(Value::str(expected)),
            "{pattern}"
        );
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn catastrophic_backtracking_is_an_error_not_a_frozen_page() {
    let err = replace(&format!("{}!", "a".repeat(40)), r"^(a|aa)+(?!a)b", "x").unwrap_err();
    assert!(err.contains("backtracking limit"), "{err}");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn runaway_growth_is_an_error_not_an_abort() {
    let mut text = "[v]".to_string();
    for _ in 0..10 {
        text = format!("Replace({text}, , \"^(.*)$\", , \"$1$1$1$1$1$1$1$1$1$1\", , )");
    }
    let mut attrs = SourceAttributes::new();
    attrs.set_str("v", "abcdefgh");
    let err = compile(&text)
        .unwrap()
        .evaluate(&attrs, &EvalContext::default())
        .unwrap_err();
    assert!(err.message.contains("value size limit"), "{}", err.message);
}
