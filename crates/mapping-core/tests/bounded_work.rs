//! Bounded work and memory: no expression or value makes one evaluation run away. Each case
//! ends with a positioned error that names the limit, instead of gigabytes or minutes.

use mapping_core::expr::EvalContext;
use mapping_core::{compile, SourceAttributes};
use serde_json::json;

/// Evaluates `text` for a user with attribute `v` = `value`; the error message and span.
fn failure(text: &str, value: &str) -> (String, usize, usize) {
    let source = SourceAttributes::from_json(&json!({ "v": value })).unwrap();
    let expr = compile(text).unwrap_or_else(|d| panic!("{text}: {}", d[0].message));
    let d = expr
        .evaluate(&source, &EvalContext::default())
        .expect_err("the evaluation should stop at a limit");
    (d.message, d.span.start, d.span.end)
}

/// `Replace(…Replace([v], , "^(.*)$", , "$1$1…", , )…)` nested `depth` times.
fn doubling(depth: usize, copies: usize) -> String {
    let replacement = "$1".repeat(copies);
    let mut text = "[v]".to_string();
    for _ in 0..depth {
        text = format!("Replace({text}, , \"^(.*)$\", , \"{replacement}\", , )");
    }
    text
}

#[test]
fn nested_doubling_replace_stops_at_the_value_size_limit() {
    let text = doubling(10, 10);
    assert!(text.len() >= 500, "{}", text.len());
    let (message, start, end) = failure(&text, "abcdefgh");
    assert!(
        message.contains("value size limit (4,194,304 bytes)"),
        "{message}"
    );
    assert!(message.starts_with("Replace: "), "{message}");
    // The error points into the expression, at the pattern of the Replace that grew too large.
    assert!(start > 0 && end < text.len(), "{start}..{end}");
    assert_eq!(&text[start..end], "\"^(.*)$\"");
}

#[test]
fn nested_counted_repetition_over_a_megabyte_is_refused_quickly() {
    let value = "a".repeat(1 << 20);
    for pattern in [
        "(a{1,100}){1,100}",
        "(?:a{1,100}){1,100}$",
        "((a{1,10}){1,10}){1,100}",
    ] {
        let text = format!("Replace([v], , \"{pattern}\", , \"x\", , )");
        let (message, start, end) = failure(&text, &value);
        assert!(
            message.contains("work limit of one evaluation (200,000,000 steps)"),
            "{message}"
        );
        assert!(message.contains("over 1,048,576 characters"), "{message}");
        assert_eq!(
            &text[start..end],
            format!("\"{pattern}\""),
            "the pattern is blamed"
        );
    }
}

#[test]
fn a_linear_pattern_over_a_megabyte_runs() {
    // 256 KB here (debug builds are slow); the README gives the release time for 1 MB.
    let value = "ab".repeat(1 << 17);
    let source = SourceAttributes::from_json(&json!({ "v": value })).unwrap();
    let expr = compile("Len(Replace([v], , \"(a)(b)\", , \"$2$1\", , ))").unwrap();
    let ev = expr.evaluate(&source, &EvalContext::default()).unwrap();
    assert_eq!(ev.value.to_string(), "\"262144\"");
}

#[test]
fn growth_through_join_append_and_literal_replace_is_capped() {
    let big = "x".repeat(1 << 20);
    // Join of the same megabyte five times: 5 MB.
    let (message, ..) = failure("Join(\",\", [v], [v], [v], [v], [v])", &big);
    assert!(
        message.starts_with("Join: ") && message.contains("value size limit"),
        "{message}"
    );
    // Append nested: each level doubles.
    let mut text = "[v]".to_string();
    for _ in 0..4 {
        text = format!("Append({text}, {text})");
    }
    let (message, ..) = failure(&text, &big);
    assert!(message.contains("limit"), "{message}");
    // A literal Replace that multiplies every character.
    let (message, ..) = failure(
        "Replace([v], \"x\", , , \"xxxxxxxxxx\", , )",
        &"x".repeat(1 << 19),
    );
    assert!(message.contains("value size limit"), "{message}");
    // A template that repeats the source.
    let (message, ..) = failure(
        &format!("Replace([v], \"#\", , , , , \"{}\")", "#".repeat(100)),
        &big,
    );
    assert!(message.contains("value size limit"), "{message}");
}

#[test]
fn many_calls_over_a_large_value_stop_at_the_memory_limit() {
    // Each call copies 3 MB; the evaluation may produce 64 MB in all.
    let mut text = "[v]".to_string();
    for _ in 0..30 {
        text = format!("CStr({text})");
    }
    let (message, ..) = failure(&text, &"x".repeat(3 << 20));
    assert!(
        message.contains("memory limit (67,108,864 bytes in all)"),
        "{message}"
    );
}
