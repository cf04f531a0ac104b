//! JSON Lines, one thread, in process (issue 6): serde_json parsing each
//! line to a `Value` (the floor) next to `redress::batch::LineEvaluator` +
//! `write_json` (what `redress eval --jsonl` does per line), as throughput in
//! cases per second. The CLI end to end, on 1 and 2 cores, is timed by
//! `benches/run.sh`. `cargo bench --bench jsonl`.
//!
//! The group `jsonl-output` (issue 17) runs the same lines at 10,000 rules at
//! each output level, one after the other (`--output ids|summary|full`), so
//! that their rates are compared back to back on a shared machine:
//! `cargo bench --bench jsonl -- jsonl-output`.
#![allow(
    missing_docs,
    clippy::panic,
    reason = "a benchmark binary: stopping on a broken generator is right"
)]

#[path = "generator/mod.rs"]
mod generator;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use redress::batch::LineEvaluator;
use redress::eval::Options;
use redress::limits::Limits;
use redress::outcome::Detail;
use redress::source::SourceFile;

/// Lines per iteration.
const CASES: usize = 1_000;

fn jsonl(c: &mut Criterion) {
    let text = generator::cases(CASES, 0, generator::SEED);
    let lines: Vec<&str> = text.lines().collect();
    let mut group = c.benchmark_group("jsonl");
    group
        .throughput(Throughput::Elements(lines.len() as u64))
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("serde_json-parse-only", |b| {
        b.iter(|| {
            for line in &lines {
                let value: Result<serde_json::Value, _> = serde_json::from_str(black_box(line));
                drop(black_box(value));
            }
        });
    });
    let (options, limits) = (Options::default(), Limits::DEFAULT);
    for rules in generator::SIZES {
        let file = SourceFile::new(
            "generated.rules",
            generator::rulebook(rules, generator::SEED),
        );
        let Some(graph) = redress::compile(&file).0 else {
            panic!("the generated rulebook has errors");
        };
        group.bench_with_input(
            BenchmarkId::new("line_evaluator", rules),
            &lines,
            |b, lines| {
                let mut evaluator = LineEvaluator::new(&graph, options.clone(), limits);
                let mut buffer = Vec::new();
                b.iter(|| {
                    for (i, line) in lines.iter().enumerate() {
                        buffer.clear();
                        evaluator
                            .evaluate(black_box(line), i + 1)
                            .write_json(&mut buffer);
                        black_box(&buffer);
                    }
                });
            },
        );
    }
    group.finish();
}

/// `LineEvaluator` + `write_json` at each output level, 10,000 rules, the
/// complete cases of the generated workload (those of `cases-10000.jsonl`).
fn output_levels(c: &mut Criterion) {
    let text = generator::cases(CASES, 0, generator::SEED);
    let lines: Vec<&str> = text.lines().collect();
    let rules = 10_000;
    let file = SourceFile::new(
        "generated.rules",
        generator::rulebook(rules, generator::SEED),
    );
    let Some(graph) = redress::compile(&file).0 else {
        panic!("the generated rulebook has errors");
    };
    let mut group = c.benchmark_group("jsonl-output");
    group
        .throughput(Throughput::Elements(lines.len() as u64))
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for detail in Detail::ALL {
        let options = Options {
            detail,
            ..Options::default()
        };
        group.bench_with_input(
            BenchmarkId::new(detail.name(), rules),
            &lines,
            |b, lines| {
                let mut evaluator = LineEvaluator::new(&graph, options.clone(), Limits::DEFAULT);
                let mut buffer = Vec::new();
                b.iter(|| {
                    for (i, line) in lines.iter().enumerate() {
                        buffer.clear();
                        evaluator
                            .evaluate(black_box(line), i + 1)
                            .write_json(&mut buffer);
                        black_box(&buffer);
                    }
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, jsonl, output_levels);
criterion_main!(benches);
