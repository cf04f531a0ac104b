//! `redress eval --jsonl`: stream a JSON Lines file through the evaluator on
//! all cores, in input order, in constant memory.

use std::io::{BufRead, BufReader, BufWriter, IsTerminal as _, Write as _};
use std::time::{Duration, Instant};

use redress::batch::{ErrorRecord, LineError, LineOutcome, Tally, evaluate_line};
use redress::eval::{Evaluator, Options};
use redress::graph::DecisionGraph;

use super::{INPUT_ERRORS, OK, USAGE};

/// Lines read, evaluated and written at a time, per thread.
const LINES_PER_JOB: usize = 512;

/// One line's output and what the summary needs of it.
struct Done {
    json: String,
    remedies: Option<Vec<String>>,
}

pub(crate) fn run(graph: &DecisionGraph, path: &str, jobs: usize, options: &Options) -> u8 {
    let input: Box<dyn BufRead> = if path == "-" {
        Box::new(BufReader::new(std::io::stdin().lock()))
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
            Err(e) => {
                eprintln!("error: cannot read `{path}`: {e}");
                return USAGE;
            }
        }
    };
    let limits = super::limits();
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let progress = std::io::stderr().is_terminal();
    let start = Instant::now();
    let mut last_progress = start;
    let mut tally = Tally::default();
    let mut input = input;
    let mut number = 0usize;
    let chunk = LINES_PER_JOB * jobs.max(1);
    loop {
        // read a chunk of lines (bytes, so that invalid UTF-8 is one bad line, not the end)
        let mut lines: Vec<(usize, Result<String, String>)> = Vec::with_capacity(chunk);
        while lines.len() < chunk {
            let mut buf = Vec::new();
            match input.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {
                    number += 1;
                    if buf.last() == Some(&b'\n') {
                        buf.pop();
                    }
                    let line = String::from_utf8(buf).map_err(|e| {
                        format!(
                            "the line is not UTF-8 text (invalid byte at column {})",
                            e.utf8_error().valid_up_to() + 1
                        )
                    });
                    lines.push((number, line));
                }
                Err(e) => {
                    eprintln!(
                        "error: reading `{path}` stopped at line {}: {e}",
                        number + 1
                    );
                    return INPUT_ERRORS;
                }
            }
        }
        if lines.is_empty() {
            break;
        }
        let done = evaluate_chunk(graph, &lines, jobs, options, &limits);
        for d in done {
            tally.cases += 1;
            match d.remedies {
                Some(ids) => {
                    for id in ids {
                        *tally.remedies.entry(id).or_default() += 1;
                    }
                }
                None => tally.errors += 1,
            }
            if writeln!(out, "{}", d.json).is_err() {
                // the reader went away (a closed pipe): stop quietly
                return INPUT_ERRORS;
            }
        }
        if progress && last_progress.elapsed() > Duration::from_millis(200) {
            last_progress = Instant::now();
            let rate = tally.cases as f64 / start.elapsed().as_secs_f64().max(1e-9);
            eprint!(
                "\r{} cases, {:.0} cases/s, {} errors   ",
                tally.cases, rate, tally.errors
            );
        }
    }
    if out.flush().is_err() {
        return INPUT_ERRORS;
    }
    if progress {
        eprint!("\r{}\r", " ".repeat(60));
    }
    summary(&tally, start.elapsed());
    if tally.errors > 0 { INPUT_ERRORS } else { OK }
}

fn evaluate_chunk(
    graph: &DecisionGraph,
    lines: &[(usize, Result<String, String>)],
    jobs: usize,
    options: &Options,
    limits: &redress::limits::Limits,
) -> Vec<Done> {
    let one = |evaluator: &mut Evaluator<'_>,
               (number, line): &(usize, Result<String, String>)|
     -> Done {
        let outcome = match line {
            Ok(text) if text.trim().is_empty() => LineOutcome::Error(ErrorRecord {
                line: *number,
                errors: vec![LineError {
                    code: "redress::case_syntax".into(),
                    message: "the line is empty; write one case (a JSON object) per line".into(),
                    column: None,
                }],
            }),
            Ok(text) => evaluate_line(evaluator, text, *number, options, limits),
            Err(message) => LineOutcome::Error(ErrorRecord {
                line: *number,
                errors: vec![LineError {
                    code: "redress::io".into(),
                    message: message.clone(),
                    column: None,
                }],
            }),
        };
        let remedies = match &outcome {
            LineOutcome::Outcome(o) => Some(o.remedies.iter().map(|r| r.id.to_string()).collect()),
            LineOutcome::Error(_) => None,
        };
        Done {
            json: outcome.to_json(),
            remedies,
        }
    };
    if jobs <= 1 || lines.len() < 64 {
        let mut evaluator = Evaluator::new(graph);
        return lines.iter().map(|l| one(&mut evaluator, l)).collect();
    }
    let per = lines.len().div_ceil(jobs);
    std::thread::scope(|s| {
        let handles: Vec<_> = lines
            .chunks(per)
            .map(|part| {
                (
                    part,
                    s.spawn(move || {
                        let mut evaluator = Evaluator::new(graph);
                        part.iter()
                            .map(|l| one(&mut evaluator, l))
                            .collect::<Vec<_>>()
                    }),
                )
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(part, h)| {
                // one record per line, whatever happens
                h.join().unwrap_or_else(|_| {
                    part.iter()
                        .map(|(n, _)| Done {
                            json: format!(
                                r#"{{"line":{n},"errors":[{{"code":"redress::io","message":"a worker stopped unexpectedly"}}]}}"#
                            ),
                            remedies: None,
                        })
                        .collect()
                })
            })
            .collect()
    })
}

fn summary(tally: &Tally, elapsed: Duration) {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        tally.cases as f64 / secs
    } else {
        0.0
    };
    eprintln!(
        "{} cases, {} errors, {:.2} s ({:.0} cases/s)",
        tally.cases, tally.errors, secs, rate
    );
    for (id, n) in &tally.remedies {
        eprintln!("  {id}: {n}");
    }
}
