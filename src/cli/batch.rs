//! `redress eval --jsonl`: stream a JSON Lines file through the evaluator on
//! all cores, in input order, in bounded memory.
//!
//! With one job, one thread reads, evaluates and writes. With more, a reader
//! thread cuts the input into numbered chunks, `jobs` workers (each with its
//! own [`LineEvaluator`]) turn a chunk into its output bytes and counts, and
//! this thread writes the chunks back in input order. At most
//! [`CHUNKS_IN_FLIGHT`] chunks per job exist at once (a ticket per chunk,
//! returned when the chunk is written), whatever the input size.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal as _, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use redress::batch::{ErrorRecord, LineError, LineEvaluator, LineOutcome, Tally};
use redress::eval::Options;
use redress::graph::DecisionGraph;

use super::{INPUT_ERRORS, OK, USAGE};

/// Lines per chunk handed to a worker.
const LINES_PER_CHUNK: usize = 64;
/// Chunks per job that may be read, evaluated or waiting to be written.
const CHUNKS_IN_FLIGHT: usize = 4;

/// A line as read: its number, and its text or why it is not text.
type Line = (usize, Result<String, String>);

/// A chunk's output: the bytes to write and what the summary needs.
struct Done<'g> {
    bytes: Vec<u8>,
    tally: Tally<'g>,
}

/// Evaluate the JSON Lines file at `path`, writing one line per input line
/// to `out`. A failed write (the reader went away) stops reading and
/// evaluating at once, and the threads are joined before the error is
/// returned (see `out::finish` for what it becomes).
pub(crate) fn run(
    out: &mut dyn Write,
    graph: &DecisionGraph,
    path: &str,
    jobs: usize,
    options: &Options,
) -> io::Result<u8> {
    let input: Box<dyn BufRead + Send> = if path == "-" {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
            Err(e) => {
                errln!("error: cannot read `{path}`: {e}");
                return Ok(USAGE);
            }
        }
    };
    let limits = super::limits();
    let out = BufWriter::with_capacity(1 << 16, out);
    let start = Instant::now();
    let mut writer = Writer {
        out,
        tally: Tally::default(),
        progress: io::stderr().is_terminal(),
        shown: false,
        start,
        last_progress: start,
    };
    let (written, read_error) = if jobs <= 1 {
        one_thread(graph, input, options, limits, &mut writer)
    } else {
        threads(graph, input, jobs, options, limits, &mut writer)
    };
    // whatever happened, leave no progress line behind
    writer.clear_progress();
    written?;
    writer.out.flush()?;
    if let Some((number, e)) = read_error {
        errln!("error: reading `{path}` stopped at line {number}: {e}");
        return Ok(INPUT_ERRORS);
    }
    summary(&writer.tally, start.elapsed());
    Ok(if writer.tally.errors > 0 {
        INPUT_ERRORS
    } else {
        OK
    })
}

/// Writes chunks in order, tallies them, shows progress on a terminal.
struct Writer<'g, W: Write> {
    out: W,
    tally: Tally<'g>,
    progress: bool,
    shown: bool,
    start: Instant,
    last_progress: Instant,
}

impl<'g, W: Write> Writer<'g, W> {
    fn write(&mut self, done: Done<'g>) -> io::Result<()> {
        self.out.write_all(&done.bytes)?;
        self.tally.merge(done.tally);
        if self.progress && self.last_progress.elapsed() > Duration::from_millis(200) {
            self.last_progress = Instant::now();
            let rate = self.tally.cases as f64 / self.start.elapsed().as_secs_f64().max(1e-9);
            err!(
                "\r{} cases, {:.0} cases/s, {} errors   ",
                self.tally.cases,
                rate,
                self.tally.errors
            );
            self.shown = true;
        }
        Ok(())
    }

    fn clear_progress(&mut self) {
        if self.shown {
            err!("\r{}\r", " ".repeat(60));
            self.shown = false;
        }
    }
}

/// Read up to a chunk of lines (as bytes, so that invalid UTF-8 is one bad
/// line, not the end). `Err` carries the number of the line that failed.
fn read_chunk(
    input: &mut dyn BufRead,
    number: &mut usize,
) -> Result<Vec<Line>, (usize, std::io::Error)> {
    let mut lines = Vec::with_capacity(LINES_PER_CHUNK);
    while lines.len() < LINES_PER_CHUNK {
        let mut buf = Vec::new();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {
                *number += 1;
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                }
                let line = String::from_utf8(buf).map_err(|e| {
                    format!(
                        "the line is not UTF-8 text (invalid byte at column {})",
                        e.utf8_error().valid_up_to() + 1
                    )
                });
                lines.push((*number, line));
            }
            Err(e) => return Err((*number + 1, e)),
        }
    }
    Ok(lines)
}

/// Evaluate a chunk into its output bytes and counts.
fn evaluate_chunk<'g>(lines: &[Line], evaluator: &mut LineEvaluator<'g>) -> Done<'g> {
    let mut bytes = Vec::with_capacity(lines.len() * 256);
    let mut tally = Tally::default();
    for (number, line) in lines {
        let outcome = match line {
            Ok(text) => evaluator.evaluate(text, *number),
            Err(message) => LineOutcome::Error(ErrorRecord {
                line: *number,
                errors: vec![LineError {
                    code: "redress::io".into(),
                    message: message.clone(),
                    column: None,
                }],
            }),
        };
        outcome.count(&mut tally);
        outcome.write_json(&mut bytes);
    }
    Done { bytes, tally }
}

type ReadError = Option<(usize, std::io::Error)>;

fn one_thread<'g, W: Write>(
    graph: &'g DecisionGraph,
    mut input: Box<dyn BufRead + Send>,
    options: &Options,
    limits: redress::limits::Limits,
    writer: &mut Writer<'g, W>,
) -> (io::Result<()>, ReadError) {
    let mut evaluator = LineEvaluator::new(graph, options.clone(), limits);
    let mut number = 0;
    loop {
        let lines = match read_chunk(&mut *input, &mut number) {
            Ok(lines) if lines.is_empty() => return (Ok(()), None),
            Ok(lines) => lines,
            Err(e) => return (Ok(()), Some(e)),
        };
        if let Err(e) = writer.write(evaluate_chunk(&lines, &mut evaluator)) {
            return (Err(e), None);
        }
    }
}

fn threads<'g, W: Write>(
    graph: &'g DecisionGraph,
    mut input: Box<dyn BufRead + Send>,
    jobs: usize,
    options: &Options,
    limits: redress::limits::Limits,
    writer: &mut Writer<'g, W>,
) -> (io::Result<()>, ReadError) {
    let in_flight = CHUNKS_IN_FLIGHT * jobs;
    // a ticket per chunk that may exist; the writer gives one back per chunk written
    let (ticket_tx, ticket_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = ticket_tx.send(());
    }
    let (chunk_tx, chunk_rx) = sync_channel::<(usize, Vec<Line>)>(in_flight);
    let chunk_rx = Arc::new(Mutex::new(chunk_rx));
    let (done_tx, done_rx) = sync_channel::<(usize, Done<'g>)>(in_flight);
    std::thread::scope(|s| {
        let reader = s.spawn(move || read_all(&mut *input, &ticket_rx, &chunk_tx));
        for _ in 0..jobs {
            let chunk_rx = Arc::clone(&chunk_rx);
            let done_tx = done_tx.clone();
            let options = options.clone();
            s.spawn(move || work(graph, options, limits, &chunk_rx, &done_tx));
        }
        // the workers hold the only receivers and senders now: when they
        // stop, the reader's sends fail; when they all stop, the writer's loop ends
        drop(chunk_rx);
        drop(done_tx);
        let written = write_in_order(writer, &done_rx, &ticket_tx);
        // stop the reader and the workers if writing stopped early
        drop(ticket_tx);
        drop(done_rx);
        let read_error = reader.join().unwrap_or(None);
        (written, read_error)
    })
}

/// The reader thread: a chunk per ticket, numbered from 0.
fn read_all(
    input: &mut dyn BufRead,
    tickets: &Receiver<()>,
    chunks: &SyncSender<(usize, Vec<Line>)>,
) -> ReadError {
    let mut number = 0;
    for seq in 0.. {
        if tickets.recv().is_err() {
            return None; // the writer stopped
        }
        match read_chunk(input, &mut number) {
            Ok(lines) if lines.is_empty() => return None,
            Ok(lines) => {
                if chunks.send((seq, lines)).is_err() {
                    return None;
                }
            }
            Err(e) => return Some(e),
        }
    }
    None
}

/// A worker thread: evaluate chunks until there are none.
fn work<'g>(
    graph: &'g DecisionGraph,
    options: Options,
    limits: redress::limits::Limits,
    chunks: &Mutex<Receiver<(usize, Vec<Line>)>>,
    done: &SyncSender<(usize, Done<'g>)>,
) {
    let mut evaluator = LineEvaluator::new(graph, options, limits);
    loop {
        let next = match chunks.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, lines)) = next else {
            return; // the reader is done
        };
        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            evaluate_chunk(&lines, &mut evaluator)
        }))
        // one record per line, whatever happens (each case starts afresh, so
        // the evaluator can go on)
        .unwrap_or_else(|_| worker_failed(&lines));
        if done.send((seq, out)).is_err() {
            return; // the writer stopped
        }
    }
}

fn worker_failed<'g>(lines: &[Line]) -> Done<'g> {
    let mut bytes = Vec::new();
    for (n, _) in lines {
        bytes.extend_from_slice(
            format!(
                r#"{{"line":{n},"errors":[{{"code":"redress::io","message":"a worker stopped unexpectedly"}}]}}"#
            )
            .as_bytes(),
        );
        bytes.push(b'\n');
    }
    Done {
        bytes,
        tally: Tally {
            cases: lines.len(),
            errors: lines.len(),
            remedies: BTreeMap::new(),
        },
    }
}

/// Write the chunks in input order as they come back; a ticket back per chunk.
fn write_in_order<'g, W: Write>(
    writer: &mut Writer<'g, W>,
    done: &Receiver<(usize, Done<'g>)>,
    tickets: &SyncSender<()>,
) -> io::Result<()> {
    let mut waiting: BTreeMap<usize, Done<'g>> = BTreeMap::new();
    let mut next = 0;
    for (seq, chunk) in done {
        waiting.insert(seq, chunk);
        while let Some(chunk) = waiting.remove(&next) {
            writer.write(chunk)?;
            next += 1;
            let _ = tickets.send(());
        }
    }
    Ok(())
}

fn summary(tally: &Tally<'_>, elapsed: Duration) {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        tally.cases as f64 / secs
    } else {
        0.0
    };
    errln!(
        "{} cases, {} errors, {:.2} s ({:.0} cases/s)",
        tally.cases,
        tally.errors,
        secs,
        rate
    );
    for (id, n) in &tally.remedies {
        errln!("  {id}: {n}");
    }
}
