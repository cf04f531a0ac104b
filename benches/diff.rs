//! `redress diff` at scale (issue 11): the structural comparison and the
//! search of a 10,000-rule generated rulebook against itself with one rule
//! changed, the two versions already compiled (their compile time is
//! `benches/compile.rs`). Goal: ≤ 1 s. `cargo bench --bench diff`.
#![allow(
    missing_docs,
    clippy::panic,
    reason = "a benchmark binary: stopping on a broken generator is right"
)]

#[path = "generator/mod.rs"]
mod generator;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use redress::diff::{self, Options};
use redress::graph::DecisionGraph;
use redress::source::SourceFile;

const RULES: usize = 10_000;

fn compiled(name: &str, text: String) -> DecisionGraph {
    let (graph, diagnostics) = redress::compile(&SourceFile::new(name, text));
    graph.unwrap_or_else(|| panic!("{diagnostics:?}"))
}

fn diff(c: &mut Criterion) {
    let old = compiled("old.rules", generator::rulebook(RULES, generator::SEED));
    let new = compiled(
        "new.rules",
        generator::rulebook_with_one_change(RULES, generator::SEED),
    );
    let mut group = c.benchmark_group("diff");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("10000 rules, one changed", |b| {
        b.iter(|| {
            let report = diff::diff(black_box(&old), black_box(&new), &[], &Options::default());
            assert_eq!(report.structure.len(), 1);
            report
        });
    });
    group.bench_function("10000 rules, identical", |b| {
        b.iter(|| {
            let report = diff::diff(black_box(&old), black_box(&old), &[], &Options::default());
            assert!(report.structure.is_empty());
            report
        });
    });
    group.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
