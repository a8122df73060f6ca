//! Evaluations per second for the Genesys article's expressions (compile once, evaluate many).
//! `cargo bench -p mapping-core` prints criterion's timings and a line per expression with
//! evaluations per second.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use mapping_core::expr::EvalContext;
use mapping_core::{compile, SourceAttributes};
use std::time::Instant;

const SEED_EXPRESSIONS: &[(&str, &str)] = &[
    ("active", "Not([IsSoftDeleted])"),
    ("work phone", "StripSpaces([telephoneNumber])"),
    ("extension only", "Join(\";ext=\", \"tel:\", StripSpaces([extensionAttribute1]))"),
    (
        "phone with extension",
        "IIF(IsNullOrEmpty(StripSpaces([extensionAttribute1])), StripSpaces([telephoneNumber]), Join(\";ext=\", Append(\"tel:\", StripSpaces([telephoneNumber])), StripSpaces([extensionAttribute1])))",
    ),
];

fn user() -> SourceAttributes {
    let mut s = SourceAttributes::new();
    s.set_str("IsSoftDeleted", "False");
    s.set_str("telephoneNumber", "+1 317 872 3000");
    s.set_str("extensionAttribute1", "105");
    s
}

fn bench(c: &mut Criterion) {
    let source = user();
    let ctx = EvalContext::default();
    let mut group = c.benchmark_group("seed expressions");
    group.throughput(Throughput::Elements(1));
    for (name, text) in SEED_EXPRESSIONS {
        let expr = compile(text).expect("seed expressions compile");
        group.bench_function(*name, |b| {
            b.iter(|| black_box(expr.evaluate(black_box(&source), &ctx)))
        });
        group.bench_function(format!("{name} (compile + evaluate)"), |b| {
            b.iter(|| black_box(compile(black_box(text)).map(|e| e.evaluate(&source, &ctx))))
        });
    }
    group.finish();
    print_rates(&source, &ctx);
}

/// A plain figure per expression, easy to quote in the README.
fn print_rates(source: &SourceAttributes, ctx: &EvalContext) {
    for (name, text) in SEED_EXPRESSIONS {
        let expr = compile(text).expect("seed expressions compile");
        let runs = 200_000u32;
        let start = Instant::now();
        for _ in 0..runs {
            black_box(expr.evaluate(black_box(source), ctx).ok());
        }
        let rate = f64::from(runs) / start.elapsed().as_secs_f64();
        println!("evaluations/s  {name:<22} {rate:>12.0}   {text}");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
