//! The worst cases of the evaluation limits, timed once each in a release build:
//! `cargo bench -p mapping-core --bench worst_cases`. Each line prints the wall time and how the
//! evaluation ended (a value's length, or the limit it stopped at).

use mapping_core::expr::EvalContext;
use mapping_core::{compile, SourceAttributes};
use std::time::Instant;

fn doubling(depth: usize, copies: usize) -> String {
    let replacement = "$1".repeat(copies);
    let mut text = "[v]".to_string();
    for _ in 0..depth {
        text = format!("Replace({text}, , \"^(.*)$\", , \"{replacement}\", , )");
    }
    text
}

fn run(name: &str, text: &str, value: &str) {
    let mut source = SourceAttributes::new();
    source.set_str("v", value);
    let expr = compile(text).expect("compiles");
    let start = Instant::now();
    let result = expr.evaluate(&source, &EvalContext::default());
    let elapsed = start.elapsed();
    let ending = match result {
        Ok(ev) => format!("value of {} bytes", ev.value.size()),
        Err(d) => format!("error: {}", d.message.chars().take(90).collect::<String>()),
    };
    println!(
        "{name:<46} {:>9.1} ms  {ending}",
        elapsed.as_secs_f64() * 1e3
    );
}

fn main() {
    let mb_a = "a".repeat(1 << 20);
    let mb_ab = "ab".repeat(1 << 19);
    let nested = doubling(10, 10);
    println!("(expression of {} characters below)", nested.len());
    run("nested doubling Replace (10 levels)", &nested, "abcdefgh");
    run(
        "(a{1,100}){1,100} over 1 MB",
        "Replace([v], , \"(a{1,100}){1,100}\", , \"x\", , )",
        &mb_a,
    );
    run(
        "a{1,100} over 1 MB (allowed)",
        "Replace([v], , \"a{1,100}\", , \"x\", , )",
        &mb_a,
    );
    run(
        "(a)(b) -> $2$1 over 1 MB (512k matches)",
        "Replace([v], , \"(a)(b)\", , \"$2$1\", , )",
        &mb_ab,
    );
    run(
        "\\b\\w+\\b over 1 MB (lookaround engine)",
        "Replace([v], , \"\\b\\w+\\b\", , \"x\", , )",
        &"word ".repeat(1 << 18),
    );
    run(
        "^(a|aa)+(?!a)b, 40 a's (backtracking limit)",
        "Replace([v], , \"^(a|aa)+(?!a)b\", , \"x\", , )",
        &format!("{}!", "a".repeat(40)),
    );
    run(
        "Join of 1 MB five times",
        "Join(\",\", [v], [v], [v], [v], [v])",
        &mb_a,
    );
}
