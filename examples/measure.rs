//! The figures of `docs/performance.md` that need timing inside the
//! process: compile time per size, evaluation time per pre-parsed case as
//! percentiles (criterion gives means and medians, not p99), the firing
//! rate, and single-threaded JSON Lines throughput next to serde_json's
//! parse-only floor. Run through `benches/run.sh`, or alone:
//! `cargo run --release --example measure [-- QUICK]` (any argument: fewer rounds).

#[path = "../benches/generator/mod.rs"]
mod generator;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use redress::batch::LineEvaluator;
use redress::case::{Case, CaseReader, Format, parse_case};
use redress::eval::{Evaluator, Options};
use redress::graph::DecisionGraph;
use redress::limits::Limits;
use redress::source::SourceFile;

fn main() {
    let quick = std::env::args().nth(1).is_some();
    let cases_full = generator::cases(generator::CASES, 0, generator::SEED);
    let cases_missing = generator::cases(generator::CASES, generator::MISSING, generator::SEED);

    println!("## Compile (parse + check + graph), median of runs\n");
    println!("| rules | parse | check | graph | total | runs |");
    println!("|---:|---:|---:|---:|---:|---:|");
    let mut graphs = Vec::new();
    for rules in generator::SIZES {
        let text = generator::rulebook(rules, generator::SEED);
        let runs = if quick { 2 } else { 200_000 / rules.max(1) }.clamp(2, 50);
        let (graph, [parse, check, build, total]) = compile_timed(&text, runs);
        println!(
            "| {rules} | {} | {} | {} | {} | {runs} |",
            ms(parse),
            ms(check),
            ms(build),
            ms(total)
        );
        graphs.push((rules, graph));
    }

    println!("\n## Evaluation per pre-parsed case, one thread\n");
    println!(
        "| rules | cases | timed evaluations | p50 | p99 | mean | rules fired per case | firing rate | undetermined per case |"
    );
    println!("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    for (rules, graph) in &graphs {
        for (label, lines) in [("complete", &cases_full), ("10 % missing", &cases_missing)] {
            let cases = parse_all(graph, lines);
            let budget = Duration::from_secs(if quick { 1 } else { 4 });
            let m = eval_timed(graph, &cases, budget);
            println!(
                "| {rules} | {label} | {} | {} | {} | {} | {:.1} | {:.2} % | {:.1} |",
                m.samples,
                us(m.p50),
                us(m.p99),
                us(m.mean),
                m.fired,
                100.0 * m.fired / *rules as f64,
                m.undetermined
            );
        }
    }

    println!("\n## JSON Lines, one thread, in process (complete cases)\n");
    println!(
        "| rules | serde_json parse only | parse_case | evaluate | serialise (serde_json) | serialise (write_json) | LineEvaluator + write_json | output bytes per case | of the floor |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (rules, graph) in &graphs {
        // as many lines as take about a second per step (evaluation may be slow)
        let lines = (1_000_000 / (*rules as u64).max(1)).clamp(100, generator::CASES as u64);
        let head: String = cases_full
            .lines()
            .take(lines as usize)
            .flat_map(|l| [l, "\n"])
            .collect();
        let j = jsonl_timed(graph, &head, if quick || *rules > 1_000 { 1 } else { 3 });
        println!(
            "| {rules} | {} | {} | {} | {} | {} | {} | {:.0} | {:.0} % |",
            rate(j.floor),
            rate(j.parse_case),
            rate(j.evaluate),
            rate(j.serde),
            rate(j.serialise),
            rate(j.line),
            j.out_bytes,
            100.0 * j.floor.as_secs_f64() / j.line.as_secs_f64()
        );
    }
    println!("\n(throughputs in cases per second; each column times that step alone)");
}

/// Compile `runs` times; the graph and the median of each step.
fn compile_timed(text: &str, runs: usize) -> (DecisionGraph, [Duration; 4]) {
    let file = SourceFile::new("generated.rules", text.to_owned());
    let limits = Limits::DEFAULT;
    let mut steps: [Vec<Duration>; 4] = Default::default();
    let mut graph = None;
    for _ in 0..runs {
        let t0 = Instant::now();
        let (ast, diagnostics) = redress::syntax::parse_with(&file, &limits);
        let t1 = Instant::now();
        let (model, more) = redress::check::check_with(&file, &ast, &limits);
        let t2 = Instant::now();
        let Some(model) = model else {
            eprintln!("the generated rulebook has errors: {diagnostics:?} {more:?}");
            std::process::exit(1);
        };
        let g = DecisionGraph::compile(model);
        let t3 = Instant::now();
        drop(black_box(ast));
        for (step, d) in steps.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2, t3 - t0]) {
            step.push(d);
        }
        graph = Some(g);
    }
    let Some(graph) = graph else {
        eprintln!("no run");
        std::process::exit(1);
    };
    (graph, steps.map(|mut s| percentile(&mut s, 50.0)))
}

fn parse_all(graph: &DecisionGraph, lines: &str) -> Vec<Case> {
    lines
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let file = SourceFile::new(format!("line {}", i + 1), line);
            let (case, diagnostics) = parse_case(graph.model(), &file, Format::Json);
            if case.is_none() {
                eprintln!("line {}: {diagnostics:?}", i + 1);
            }
            case
        })
        .collect()
}

struct EvalFigures {
    samples: usize,
    p50: Duration,
    p99: Duration,
    mean: Duration,
    fired: f64,
    undetermined: f64,
}

/// Time every evaluation on its own, cycling through the cases until about
/// `budget` is spent (at least 200 evaluations, at most 30 rounds); the
/// first pass over the cases also counts what fired.
fn eval_timed(graph: &DecisionGraph, cases: &[Case], budget: Duration) -> EvalFigures {
    let options = Options::default();
    let (mut fired, mut undetermined, mut counted) = (0usize, 0usize, 0usize);
    let mut times = Vec::new();
    let mut spent = Duration::ZERO;
    // one evaluator reused across cases, as a batch worker thread does
    let mut evaluator = Evaluator::new(graph);
    for (i, case) in cases.iter().cycle().take(cases.len() * 30).enumerate() {
        if times.len() >= 200 && spent >= budget {
            break;
        }
        // timed: evaluating the case and dropping its outcome
        let t = Instant::now();
        let outcome = evaluator.evaluate(black_box(case), &options);
        let counts = (outcome.remedies.len(), outcome.undetermined.len());
        drop(black_box(outcome));
        let d = t.elapsed();
        if i < cases.len() {
            fired += counts.0;
            undetermined += counts.1;
            counted += 1;
        }
        times.push(d);
        spent += d;
    }
    let total: Duration = times.iter().sum();
    let n = counted.max(1) as f64;
    EvalFigures {
        samples: times.len(),
        mean: total / times.len().max(1) as u32,
        p50: percentile(&mut times, 50.0),
        p99: percentile(&mut times, 99.0),
        fired: fired as f64 / n,
        undetermined: undetermined as f64 / n,
    }
}

struct JsonlFigures {
    floor: Duration,
    parse_case: Duration,
    evaluate: Duration,
    serde: Duration,
    serialise: Duration,
    line: Duration,
    out_bytes: f64,
}

/// Per-case time of each step over all lines, best of `rounds`.
fn jsonl_timed(graph: &DecisionGraph, text: &str, rounds: usize) -> JsonlFigures {
    let lines: Vec<&str> = text.lines().collect();
    let n = lines.len().max(1) as u32;
    let options = Options::default();
    let limits = Limits::DEFAULT;
    let best = |f: &mut dyn FnMut()| {
        (0..rounds.max(1))
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
            / n
    };
    let floor = best(&mut || {
        for line in &lines {
            let v: Result<serde_json::Value, _> = serde_json::from_str(line);
            drop(black_box(v));
        }
    });
    let files: Vec<Arc<SourceFile>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| SourceFile::new(format!("line {}", i + 1), *l))
        .collect();
    let reader = CaseReader::new(graph.model(), limits);
    let parse_only = best(&mut || {
        for (i, line) in lines.iter().enumerate() {
            // as LineEvaluator does: the source file is named only for a diagnostic
            let name = || format!("line {}", i + 1);
            drop(black_box(reader.read_str(line, &name, Format::Json)));
        }
    });
    let cases: Vec<Case> = files
        .iter()
        .filter_map(|f| parse_case(graph.model(), f, Format::Json).0)
        .collect();
    let mut evaluator = Evaluator::new(graph);
    let evaluate_only = best(&mut || {
        for case in &cases {
            drop(black_box(evaluator.evaluate(case, &options)));
        }
    });
    let outcomes: Vec<_> = cases
        .iter()
        .map(|c| evaluator.evaluate(c, &options))
        .collect();
    let mut out_bytes = 0usize;
    let serde = best(&mut || {
        for o in &outcomes {
            drop(black_box(serde_json::to_string(o).unwrap_or_default()));
        }
    });
    let mut out = Vec::new();
    let serialise = best(&mut || {
        out_bytes = 0;
        for o in &outcomes {
            // as `redress eval --jsonl` does: appended to the output buffer
            out.clear();
            o.write_json(&mut out);
            out_bytes += out.len() + 1;
            black_box(&out);
        }
    });
    let mut line_evaluator = LineEvaluator::new(graph, options.clone(), limits);
    let mut buffer = Vec::new();
    let line = best(&mut || {
        for (i, line) in lines.iter().enumerate() {
            // as `redress eval --jsonl` does: into the output buffer
            buffer.clear();
            line_evaluator.evaluate(line, i + 1).write_json(&mut buffer);
            black_box(&buffer);
        }
    });
    JsonlFigures {
        floor,
        parse_case: parse_only,
        evaluate: evaluate_only,
        serde,
        serialise,
        line,
        out_bytes: out_bytes as f64 / f64::from(n),
    }
}

/// The `p`th percentile (nearest rank) of `times`, which it sorts.
fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort_unstable();
    let rank = ((p / 100.0) * times.len() as f64).ceil() as usize;
    times
        .get(rank.saturating_sub(1).min(times.len().saturating_sub(1)))
        .copied()
        .unwrap_or_default()
}

fn us(d: Duration) -> String {
    format!("{:.2} µs", d.as_secs_f64() * 1e6)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Cases per second for a per-case time.
fn rate(per_case: Duration) -> String {
    let s = per_case.as_secs_f64();
    if s == 0.0 {
        return "—".to_owned();
    }
    let r = 1.0 / s;
    if r >= 1e6 {
        format!("{:.2} M/s", r / 1e6)
    } else if r >= 1e3 {
        format!("{:.0} k/s", r / 1e3)
    } else {
        format!("{r:.1} /s")
    }
}
