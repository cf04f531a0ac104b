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

/// Re-checking after a one-line edit (issue 12): parse with the items kept
/// from the text before ([`redress::syntax::parse_cached`]), then check. Each
/// iteration checks the other of two texts that differ in one rule's line,
/// so each re-parses one item.
fn recheck(c: &mut Criterion) {
    let mut group = c.benchmark_group("recheck_one_line_edit");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for rules in generator::SIZES {
        let text = generator::rulebook(rules, generator::SEED);
        let Some(at) = text.rfind("\nrule ") else {
            panic!("the generated rulebook has rules");
        };
        let mut edited = text.clone();
        edited.insert_str(at + 1, "# edited\n");
        let texts = [
            SourceFile::new("generated.rules", text),
            SourceFile::new("generated.rules", edited),
        ];
        let limits = redress::limits::Limits::DEFAULT;
        let mut cache = redress::syntax::ItemCache::default();
        let _ = redress::syntax::parse_cached(&texts[0], &limits, &mut cache);
        let mut turn = 0;
        group.bench_with_input(BenchmarkId::from_parameter(rules), &texts, |b, texts| {
            b.iter(|| {
                turn += 1;
                let [first, second] = texts;
                let file = if turn % 2 == 0 { first } else { second };
                let (ast, _) = redress::syntax::parse_cached(black_box(file), &limits, &mut cache);
                let (model, diagnostics) = redress::check::check(file, &ast);
                assert!(model.is_some(), "{diagnostics:?}");
                model
            });
        });
    }
    group.finish();
}

criterion_group!(benches, compile, recheck);
criterion_main!(benches);
