//! Parse + check + compile time of the generated rulebooks, per size
//! (issue 6). `cargo bench --bench compile`; the figures and the machine are
//! in `docs/performance.md`, reproduced by `benches/run.sh`.
#![allow(
    missing_docs,
    clippy::panic,
    reason = "a benchmark binary: stopping on a broken generator is right"
)]

#[path = "generator/mod.rs"]
mod generator;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use redress::source::SourceFile;

fn compile(c: &mut Criterion) {
    let mut group = c.benchmark_group("compile");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for rules in generator::SIZES {
        let file = SourceFile::new(
            "generated.rules",
            generator::rulebook(rules, generator::SEED),
        );
        group.bench_with_input(BenchmarkId::from_parameter(rules), &file, |b, file| {
            b.iter(|| {
                let (graph, diagnostics) = redress::compile(black_box(file));
                assert!(graph.is_some(), "{diagnostics:?}");
                graph
            });
        });
    }
    group.finish();
}

criterion_group!(benches, compile);
criterion_main!(benches);
