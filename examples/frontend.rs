//! The front end's cold work on the generated 10,000-rule rulebook, one
//! stage at a time, for a profiler (issue 12): `cargo run --release --example
//! frontend -- STAGE [RUNS] [RULES]`, STAGE one of `parse`, `check`,
//! `compile` (parse + check + graph). Prints the median time of the runs;
//! under `valgrind --tool=callgrind` run it once.

#[path = "../benches/generator/mod.rs"]
mod generator;

use std::hint::black_box;
use std::time::Instant;

use redress::limits::Limits;
use redress::source::SourceFile;

fn main() {
    let mut args = std::env::args().skip(1);
    let stage = args.next().unwrap_or_else(|| "compile".into());
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let rules: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let file = SourceFile::new(
        "generated.rules",
        generator::rulebook(rules, generator::SEED),
    );
    let limits = Limits::DEFAULT;
    let parsed = (stage == "check").then(|| redress::syntax::parse_with(&file, &limits).0);
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        match stage.as_str() {
            "parse" => drop(black_box(redress::syntax::parse_with(&file, &limits))),
            "check" => {
                if let Some(ast) = &parsed {
                    drop(black_box(redress::check::check_with(&file, ast, &limits)));
                }
            }
            _ => drop(black_box(redress::compile_with(&file, &limits))),
        }
        times.push(start.elapsed());
    }
    times.sort();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    println!(
        "{stage} {rules} rules: median {:.1} ms of {runs}",
        median.as_secs_f64() * 1e3
    );
}
