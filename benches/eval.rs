//! Evaluation time per pre-parsed case, per rulebook size, for complete
//! cases and for cases with about 10 % of the facts missing (issue 6).
//! Criterion reports the mean and median; `examples/measure.rs` times each
//! evaluation for the p99. `cargo bench --bench eval`.
#![allow(
    missing_docs,
    clippy::panic,
    reason = "a benchmark binary: stopping on a broken generator is right"
)]

#[path = "generator/mod.rs"]
mod generator;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use redress::case::{Case, Format, parse_case};
use redress::eval::{Evaluator, Options};
use redress::graph::DecisionGraph;
use redress::source::SourceFile;

/// Cases cycled through per benchmark (enough that branch predictors do
/// not learn one case).
const CASES: usize = 1_000;

fn graph(rules: usize) -> DecisionGraph {
    let file = SourceFile::new(
        "generated.rules",
        generator::rulebook(rules, generator::SEED),
    );
    let (graph, diagnostics) = redress::compile(&file);
    let Some(graph) = graph else {
        panic!("the generated rulebook has errors: {diagnostics:?}");
    };
    graph
}

fn cases(graph: &DecisionGraph, missing_per_mille: u64) -> Vec<Case> {
    generator::cases(CASES, missing_per_mille, generator::SEED)
        .lines()
        .filter_map(|line| {
            parse_case(graph.model(), &SourceFile::new("case", line), Format::Json).0
        })
        .collect()
}

fn eval(c: &mut Criterion) {
    let options = Options::default();
    for (name, missing) in [
        ("eval/complete", 0),
        ("eval/missing-10pc", generator::MISSING),
    ] {
        let mut group = c.benchmark_group(name);
        for rules in generator::SIZES {
            let graph = graph(rules);
            let cases = cases(&graph, missing);
            assert_eq!(cases.len(), CASES);
            group.bench_with_input(BenchmarkId::from_parameter(rules), &cases, |b, cases| {
                let mut next = cases.iter().cycle();
                let mut evaluator = Evaluator::new(&graph);
                b.iter(|| {
                    let case = next.next().unwrap_or_else(|| unreachable!("a cycle"));
                    evaluator.evaluate(black_box(case), &options)
                });
            });
        }
        group.finish();
    }
}

criterion_group!(benches, eval);
criterion_main!(benches);
