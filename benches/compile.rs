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

/// Re-checking after a one-line edit (issue 12): a
/// [`redress::workspace::Workspace`] holding the text before takes the
/// edited text (parsing the changed item, checking the changed rule). Each
/// iteration gives it the other of two texts that differ in one rule's line.
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
        // the end of the rule's first line, in the middle of the rulebook
        let middle = text[..text.len() / 2].rfind("\nrule ").unwrap_or(at) + 1;
        let Some(line_end) = text[middle..].find('\n').map(|e| middle + e) else {
            panic!("a rule's line ends");
        };
        let mut edited = text.clone();
        edited.insert_str(line_end, " # edited");
        let texts = [text, edited];
        let mut workspace =
            redress::workspace::Workspace::new("generated.rules", redress::limits::Limits::DEFAULT);
        let _ = workspace.update(&texts[0]);
        let mut turn = 0;
        group.bench_with_input(BenchmarkId::from_parameter(rules), &texts, |b, texts| {
            b.iter(|| {
                turn += 1;
                let [first, second] = texts;
                let text = if turn % 2 == 0 { first } else { second };
                let diagnostics = workspace.update(black_box(text)).len();
                assert!(
                    workspace.last_work() == redress::workspace::Work::OneRule,
                    "{:?}",
                    workspace.last_work()
                );
                assert!(workspace.model().is_some());
                diagnostics
            });
        });
    }
    group.finish();
}

criterion_group!(benches, compile, recheck);
criterion_main!(benches);
