//! `redress eval --jsonl`: stream a JSON Lines file through the evaluator on
//! all cores, in input order, in bounded memory.
//!
//! With one job, one thread reads, evaluates and writes. With more, a reader
//! thread fills numbered chunks of lines, `jobs` workers (each with its own
//! [`LineEvaluator`]) turn a chunk's lines into its output bytes and counts,
//! and this thread writes the chunks back in input order. There are
//! [`CHUNKS_IN_FLIGHT`] chunks per job, made once: the writer hands each
//! written chunk back to the reader empty, so memory stays bounded whatever
//! the input size and buffers are reused rather than allocated per line. A
//! chunk holds about a megabyte of output (16 to 1,024 lines, as the lines
//! of the rulebook at hand turn out), so that threads hand over work rarely
//! when outcomes are small and memory stays low when they are large.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal as _, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use redress::batch::{ErrorRecord, LineError, LineEvaluator, LineOutcome, Tally};
use redress::eval::Options;
use redress::graph::DecisionGraph;
use redress::model::Model;

use super::{INPUT_ERRORS, OK, USAGE};

/// Lines in the first chunks handed to the workers; later chunks hold as
/// many lines as give about [`CHUNK_BYTES`] of output, within
/// [`MIN_LINES_PER_CHUNK`]..=[`MAX_LINES_PER_CHUNK`] (many small outcomes per
/// chunk keep the threads' hand-overs rare; few large ones keep memory low).
const FIRST_LINES_PER_CHUNK: usize = 64;
const MIN_LINES_PER_CHUNK: usize = 16;
const MAX_LINES_PER_CHUNK: usize = 1024;
/// About this much output, and at most this much input, per chunk.
const CHUNK_BYTES: usize = 1 << 20;
/// Chunks per job that may be read, evaluated or waiting to be written.
const CHUNKS_IN_FLIGHT: usize = 4;
/// A chunk buffer grown past this (by very long lines or outcomes) is not
/// kept for the next chunk.
const KEEP_BUFFER_BYTES: usize = 8 << 20;

/// Lines on their way through the pipeline: read into `text`, evaluated
/// into `out` and `tally`, written, then handed back to the reader empty, so
/// that a run allocates its buffers once rather than per line or chunk.
struct Chunk {
    /// The lines' bytes one after the other, without their newlines.
    text: Vec<u8>,
    /// Each line's number and where it is in `text`.
    lines: Vec<(usize, std::ops::Range<usize>)>,
    /// The output lines, each with its newline.
    out: Vec<u8>,
    /// What the summary needs.
    tally: Tally,
    /// How many lines to read into it next.
    next_lines: usize,
}

impl Chunk {
    fn new() -> Chunk {
        Chunk {
            text: Vec::new(),
            lines: Vec::with_capacity(FIRST_LINES_PER_CHUNK),
            out: Vec::new(),
            tally: Tally::default(),
            next_lines: FIRST_LINES_PER_CHUNK,
        }
    }

    /// Empty, for the next lines: as many as gave about [`CHUNK_BYTES`] of
    /// output this time.
    fn clear(&mut self) {
        if !self.lines.is_empty() {
            let per_line = (self.out.len() / self.lines.len()).max(1);
            self.next_lines =
                (CHUNK_BYTES / per_line).clamp(MIN_LINES_PER_CHUNK, MAX_LINES_PER_CHUNK);
        }
        for buffer in [&mut self.text, &mut self.out] {
            if buffer.capacity() > KEEP_BUFFER_BYTES {
                *buffer = Vec::new();
            }
            buffer.clear();
        }
        self.lines.clear();
        self.tally.clear();
    }
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
    summary(&writer.tally, graph.model(), start.elapsed());
    Ok(if writer.tally.errors > 0 {
        INPUT_ERRORS
    } else {
        OK
    })
}

/// Writes chunks in order, tallies them, shows progress on a terminal.
struct Writer<W: Write> {
    out: W,
    tally: Tally,
    progress: bool,
    shown: bool,
    start: Instant,
    last_progress: Instant,
}

impl<W: Write> Writer<W> {
    /// Write a chunk's output and count it; the chunk is left empty.
    fn write(&mut self, chunk: &mut Chunk) -> io::Result<()> {
        self.out.write_all(&chunk.out)?;
        self.tally.merge(&chunk.tally);
        chunk.clear();
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

/// Read up to a chunk of lines into an empty chunk (as bytes, so that
/// invalid UTF-8 is one bad line, not the end). `Err` carries the number of
/// the line that failed.
fn read_chunk(
    input: &mut dyn BufRead,
    number: &mut usize,
    chunk: &mut Chunk,
) -> Result<(), (usize, std::io::Error)> {
    while chunk.lines.len() < chunk.next_lines && chunk.text.len() < CHUNK_BYTES {
        let start = chunk.text.len();
        match input.read_until(b'\n', &mut chunk.text) {
            Ok(0) => break,
            Ok(_) => {
                *number += 1;
                if chunk.text.last() == Some(&b'\n') {
                    chunk.text.pop();
                }
                chunk.lines.push((*number, start..chunk.text.len()));
            }
            Err(e) => return Err((*number + 1, e)),
        }
    }
    Ok(())
}

/// Evaluate a chunk's lines into its output bytes and counts.
fn evaluate_chunk<'g>(chunk: &mut Chunk, evaluator: &mut LineEvaluator<'g>) {
    let Chunk {
        text,
        lines,
        out,
        tally,
        ..
    } = chunk;
    out.reserve(lines.len() * 256);
    for (number, range) in lines.iter() {
        let bytes = text.get(range.clone()).unwrap_or_default();
        let outcome = match std::str::from_utf8(bytes) {
            Ok(line) => evaluator.evaluate(line, *number),
            Err(e) => LineOutcome::Error(ErrorRecord {
                line: *number,
                errors: vec![LineError {
                    code: "redress::io".into(),
                    message: format!(
                        "the line is not UTF-8 text (invalid byte at column {})",
                        e.valid_up_to() + 1
                    ),
                    column: None,
                }],
            }),
        };
        outcome.count(tally);
        outcome.write_json(out);
    }
}

type ReadError = Option<(usize, std::io::Error)>;

fn one_thread<W: Write>(
    graph: &DecisionGraph,
    mut input: Box<dyn BufRead + Send>,
    options: &Options,
    limits: redress::limits::Limits,
    writer: &mut Writer<W>,
) -> (io::Result<()>, ReadError) {
    let mut evaluator = LineEvaluator::new(graph, options.clone(), limits);
    let mut number = 0;
    let mut chunk = Chunk::new();
    loop {
        if let Err(e) = read_chunk(&mut *input, &mut number, &mut chunk) {
            return (Ok(()), Some(e));
        }
        if chunk.lines.is_empty() {
            return (Ok(()), None);
        }
        evaluate_chunk(&mut chunk, &mut evaluator);
        if let Err(e) = writer.write(&mut chunk) {
            return (Err(e), None);
        }
    }
}

fn threads<W: Write>(
    graph: &DecisionGraph,
    mut input: Box<dyn BufRead + Send>,
    jobs: usize,
    options: &Options,
    limits: redress::limits::Limits,
    writer: &mut Writer<W>,
) -> (io::Result<()>, ReadError) {
    let in_flight = CHUNKS_IN_FLIGHT * jobs;
    // the chunks that may exist, empty; the writer gives one back per chunk written
    let (empty_tx, empty_rx) = sync_channel::<Chunk>(in_flight);
    for _ in 0..in_flight {
        let _ = empty_tx.send(Chunk::new());
    }
    let (chunk_tx, chunk_rx) = sync_channel::<(usize, Chunk)>(in_flight);
    let chunk_rx = Arc::new(Mutex::new(chunk_rx));
    let (done_tx, done_rx) = sync_channel::<(usize, Chunk)>(in_flight);
    std::thread::scope(|s| {
        let reader = s.spawn(move || read_all(&mut *input, &empty_rx, &chunk_tx));
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
        let written = write_in_order(writer, &done_rx, &empty_tx);
        // stop the reader and the workers if writing stopped early
        drop(empty_tx);
        drop(done_rx);
        let read_error = reader.join().unwrap_or(None);
        (written, read_error)
    })
}

/// The reader thread: fills each empty chunk it is given, numbered from 0.
fn read_all(
    input: &mut dyn BufRead,
    empty: &Receiver<Chunk>,
    chunks: &SyncSender<(usize, Chunk)>,
) -> ReadError {
    let mut number = 0;
    for seq in 0.. {
        let Ok(mut chunk) = empty.recv() else {
            return None; // the writer stopped
        };
        if let Err(e) = read_chunk(input, &mut number, &mut chunk) {
            return Some(e);
        }
        if chunk.lines.is_empty() || chunks.send((seq, chunk)).is_err() {
            return None;
        }
    }
    None
}

/// A worker thread: evaluate chunks until there are none.
fn work(
    graph: &DecisionGraph,
    options: Options,
    limits: redress::limits::Limits,
    chunks: &Mutex<Receiver<(usize, Chunk)>>,
    done: &SyncSender<(usize, Chunk)>,
) {
    let mut evaluator = LineEvaluator::new(graph, options, limits);
    loop {
        let next = match chunks.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, mut chunk)) = next else {
            return; // the reader is done
        };
        let evaluated = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            evaluate_chunk(&mut chunk, &mut evaluator);
        }));
        if evaluated.is_err() {
            // one record per line, whatever happens (each case starts afresh,
            // so the evaluator can go on)
            worker_failed(&mut chunk);
        }
        if done.send((seq, chunk)).is_err() {
            return; // the writer stopped
        }
    }
}

/// Replace a chunk's output with an error record per line.
fn worker_failed(chunk: &mut Chunk) {
    chunk.out.clear();
    for (n, _) in &chunk.lines {
        chunk.out.extend_from_slice(
            format!(
                r#"{{"line":{n},"errors":[{{"code":"redress::io","message":"a worker stopped unexpectedly"}}]}}"#
            )
            .as_bytes(),
        );
        chunk.out.push(b'\n');
    }
    chunk.tally.clear();
    chunk.tally.cases = chunk.lines.len();
    chunk.tally.errors = chunk.lines.len();
}

/// Write the chunks in input order as they come back, and give each back
/// empty.
fn write_in_order<W: Write>(
    writer: &mut Writer<W>,
    done: &Receiver<(usize, Chunk)>,
    empty: &SyncSender<Chunk>,
) -> io::Result<()> {
    let mut waiting: BTreeMap<usize, Chunk> = BTreeMap::new();
    let mut next = 0;
    for (seq, chunk) in done {
        waiting.insert(seq, chunk);
        while let Some(mut chunk) = waiting.remove(&next) {
            writer.write(&mut chunk)?;
            next += 1;
            let _ = empty.send(chunk);
        }
    }
    Ok(())
}

fn summary(tally: &Tally, model: &Model, elapsed: Duration) {
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
    for (id, n) in tally.by_id(model) {
        errln!("  {id}: {n}");
    }
}
