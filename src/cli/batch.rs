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
//! when outcomes are small and memory stays low when they are large. A line
//! keeps at most the `case_bytes` limit in memory (a longer one is read on
//! and dropped, and becomes an error record), so a chunk holds at most about
//! a megabyte plus one line.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, IsTerminal as _, Write};
use std::ops::Range;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use redress::batch::{Line, LineEvaluator, Tally, read_line};
use redress::eval::Options;
use redress::graph::DecisionGraph;
use redress::i18n::FluentValue;
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
    /// Each line's number and where it is in `text` (`None`: the line is
    /// longer than the `case_bytes` limit, and was not kept).
    lines: Vec<(usize, Option<Range<usize>>)>,
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

/// How a run ended, when standard output did not fail.
enum End {
    /// Every line was read and written.
    Done,
    /// Reading stopped at this line with this error; every complete line
    /// before it was written.
    ReadFailed(usize, io::Error),
    /// A thread could not be started; nothing was read.
    SpawnFailed(io::Error),
}

/// Evaluate the JSON Lines file at `path`, writing one line per input line
/// to `out`. A failed write (the reader went away) stops reading and
/// evaluating at once, and the threads are joined before the error is
/// returned (see `out::finish` for what it becomes). A read error ends the
/// run after every complete line read before it is written (status 2, as
/// for any input that cannot be read). SIGINT or SIGTERM end it after the
/// chunk being written, so that the output ends with a complete line (see
/// [`Interrupt`]).
pub(crate) fn run(
    out: &mut dyn Write,
    graph: &DecisionGraph,
    path: &str,
    jobs: usize,
    options: &Options,
    id_field: Option<&str>,
) -> io::Result<u8> {
    let what = if path == "-" {
        super::words::say("cli-standard-input", &[])
    } else {
        format!("`{path}`")
    };
    let input: Box<dyn BufRead + Send> = if path == "-" {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        let opened = std::fs::File::open(path).and_then(|f| f.metadata().map(|m| (f, m)));
        match opened {
            Ok((_, meta)) if meta.is_dir() => {
                super::words::fail("cli-is-folder", &[("path", path)]);
                return Ok(USAGE);
            }
            Ok((f, _)) => Box::new(BufReader::with_capacity(1 << 16, f)),
            Err(e) => {
                super::words::fail(
                    "cli-cannot-read",
                    &[("path", path), ("error", &super::words::io_error(&e))],
                );
                return Ok(USAGE);
            }
        }
    };
    let limits = super::limits();
    let start = Instant::now();
    let writing = Arc::new(Mutex::new(()));
    let interrupt = Interrupt::install(&writing);
    let mut writer = Writer {
        out,
        writing,
        tally: Tally::default(),
        progress: io::stderr().is_terminal(),
        shown: false,
        start,
        last_progress: start,
    };
    let ended = if jobs <= 1 {
        one_thread(graph, input, options, id_field, limits, &mut writer)
    } else {
        threads(graph, input, jobs, options, id_field, limits, &mut writer)
    };
    // whatever happened, leave no progress line behind
    writer.clear_progress();
    if let Some(interrupt) = interrupt {
        interrupt.uninstall();
    }
    let ended = ended?;
    writer.out.flush()?;
    match ended {
        End::Done => {}
        End::ReadFailed(number, e) => {
            summary(&writer.tally, graph.model(), start.elapsed());
            super::words::fail(
                "cli-batch-read-stopped",
                &[
                    ("what", &what),
                    ("number", &number.to_string()),
                    ("error", &e.to_string()),
                ],
            );
            return Ok(USAGE);
        }
        End::SpawnFailed(e) => {
            super::words::fail(
                "cli-batch-no-threads",
                &[("jobs", &jobs.to_string()), ("error", &e.to_string())],
            );
            return Ok(USAGE);
        }
    }
    summary(&writer.tally, graph.model(), start.elapsed());
    Ok(if writer.tally.errors > 0 {
        INPUT_ERRORS
    } else {
        OK
    })
}

/// SIGINT and SIGTERM while a stream runs: a thread waits for the signal,
/// then for the chunk being written (the writer holds `writing` while it
/// writes one, and writes nothing unbuffered in between), and ends the
/// process with status 128 + the signal, so the output ends with a complete
/// line. Killed by the default action instead, the process could stop in
/// the middle of a write of many lines (a write to a pipe that is full
/// blocks, and a signal ends it after part of the bytes). A second signal
/// ends the process at once (the user insists: say, the output is a pipe
/// that nobody reads).
struct Interrupt {
    handle: signal_hook::iterator::Handle,
    thread: std::thread::JoinHandle<()>,
    ids: Vec<signal_hook::SigId>,
}

impl Interrupt {
    /// `None` when the handlers cannot be set up: signals then do what
    /// they do by default.
    fn install(writing: &Arc<Mutex<()>>) -> Option<Interrupt> {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]).ok()?;
        let handle = signals.handle();
        let writing = Arc::clone(writing);
        let thread = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // held until the process ends: no chunk starts after this
                    let _writing = writing.lock().unwrap_or_else(PoisonError::into_inner);
                    errln!("{}", super::words::say("cli-batch-interrupted", &[]));
                    std::process::exit(128 + signal);
                }
            })
            .ok()?;
        // Only once the thread that handles the first signal runs: the second
        // one ends the process at once.
        let second = Arc::new(AtomicBool::new(false));
        let mut ids = Vec::new();
        for signal in [SIGINT, SIGTERM] {
            // in this order: the first signal finds the flag unset, then sets it
            let exit = signal_hook::flag::register_conditional_shutdown(
                signal,
                128 + signal,
                Arc::clone(&second),
            );
            let flag = signal_hook::flag::register(signal, Arc::clone(&second));
            ids.extend(exit.iter().chain(flag.iter()).copied());
        }
        Some(Interrupt {
            handle,
            thread,
            ids,
        })
    }

    /// Stop handling signals: the handling thread ends and the actions are
    /// removed. (signal-hook keeps its low-level handler installed, so a
    /// signal from here until the process exits is ignored; the run is
    /// ending anyway.)
    fn uninstall(self) {
        self.handle.close();
        let _ = self.thread.join();
        for id in self.ids {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Writes chunks in order, tallies them, shows progress on a terminal.
struct Writer<'o> {
    /// Standard output, which holds no incomplete line between writes (it
    /// is line-buffered, and a chunk ends with a newline): no `BufWriter`
    /// here, so that what a chunk write leaves behind is only complete lines.
    out: &'o mut dyn Write,
    /// Held while a chunk is written (see [`Interrupt`]).
    writing: Arc<Mutex<()>>,
    tally: Tally,
    progress: bool,
    shown: bool,
    start: Instant,
    last_progress: Instant,
}

impl Writer<'_> {
    /// Write a chunk's output and count it; the chunk is left empty.
    fn write(&mut self, chunk: &mut Chunk) -> io::Result<()> {
        {
            let _writing = self.writing.lock().unwrap_or_else(PoisonError::into_inner);
            self.out.write_all(&chunk.out)?;
        }
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
/// invalid UTF-8 is one bad line, not the end), keeping at most `max_line`
/// bytes of a line. `Err` carries the number of the line that failed; the
/// complete lines before it stay in the chunk.
fn read_chunk(
    input: &mut dyn BufRead,
    number: &mut usize,
    chunk: &mut Chunk,
    max_line: usize,
) -> Result<(), (usize, io::Error)> {
    while chunk.lines.len() < chunk.next_lines && chunk.text.len() < CHUNK_BYTES {
        let start = chunk.text.len();
        match read_line(input, &mut chunk.text, max_line) {
            Ok(Line::End) => break,
            Ok(Line::Kept) => {
                *number += 1;
                chunk.lines.push((*number, Some(start..chunk.text.len())));
            }
            Ok(Line::TooLong) => {
                *number += 1;
                chunk.lines.push((*number, None));
            }
            Err(e) => {
                chunk.text.truncate(start);
                return Err((*number + 1, e));
            }
        }
    }
    Ok(())
}

/// Evaluate a chunk's lines into its output bytes and counts (`max_line`:
/// the limit a line that was not kept went past).
fn evaluate_chunk<'g>(chunk: &mut Chunk, evaluator: &mut LineEvaluator<'g>, max_line: usize) {
    let Chunk {
        text,
        lines,
        out,
        tally,
        ..
    } = chunk;
    out.reserve(lines.len() * 256);
    for (number, range) in lines.iter() {
        let bytes = range
            .as_ref()
            .map(|r| text.get(r.clone()).unwrap_or_default());
        let outcome = evaluator.evaluate_bytes(bytes, *number, max_line);
        outcome.count(tally);
        outcome.write_json(out);
    }
}

fn one_thread(
    graph: &DecisionGraph,
    mut input: Box<dyn BufRead + Send>,
    options: &Options,
    id_field: Option<&str>,
    limits: redress::limits::Limits,
    writer: &mut Writer<'_>,
) -> io::Result<End> {
    let mut evaluator = LineEvaluator::new(graph, options.clone(), limits)
        .with_id_field(id_field.map(str::to_string))
        .with_lang(super::diagnostic_language());
    let mut number = 0;
    let mut chunk = Chunk::new();
    loop {
        let read = read_chunk(&mut *input, &mut number, &mut chunk, limits.case_bytes);
        if !chunk.lines.is_empty() {
            evaluate_chunk(&mut chunk, &mut evaluator, limits.case_bytes);
            writer.write(&mut chunk)?;
        } else if read.is_ok() {
            return Ok(End::Done);
        }
        if let Err((number, e)) = read {
            return Ok(End::ReadFailed(number, e));
        }
    }
}

fn threads(
    graph: &DecisionGraph,
    mut input: Box<dyn BufRead + Send>,
    jobs: usize,
    options: &Options,
    id_field: Option<&str>,
    limits: redress::limits::Limits,
    writer: &mut Writer<'_>,
) -> io::Result<End> {
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
        // the workers first, then the reader: if one cannot be started,
        // the others end as their channels close, and nothing was read
        let mut spawned = Ok(());
        for _ in 0..jobs {
            let chunk_rx = Arc::clone(&chunk_rx);
            let done_tx = done_tx.clone();
            let options = options.clone();
            spawned = std::thread::Builder::new()
                .spawn_scoped(s, move || {
                    work(graph, options, id_field, limits, &chunk_rx, &done_tx)
                })
                .map(|_| ());
            if spawned.is_err() {
                break;
            }
        }
        let reader = match spawned {
            Ok(()) => std::thread::Builder::new().spawn_scoped(s, move || {
                read_all(&mut *input, &empty_rx, &chunk_tx, limits.case_bytes)
            }),
            Err(e) => Err(e),
        };
        // the workers hold the only receivers and senders now: when they
        // stop, the reader's sends fail; when they all stop, the writer's loop ends
        drop(chunk_rx);
        drop(done_tx);
        let reader = match reader {
            Ok(reader) => reader,
            Err(e) => return Ok(End::SpawnFailed(e)),
        };
        let written = write_in_order(writer, &done_rx, &empty_tx);
        // stop the reader and the workers if writing stopped early
        drop(empty_tx);
        drop(done_rx);
        let read_error = reader.join().unwrap_or(None);
        written?;
        Ok(match read_error {
            Some((number, e)) => End::ReadFailed(number, e),
            None => End::Done,
        })
    })
}

/// The reader thread: fills each empty chunk it is given, numbered from 0.
/// On a read error, the complete lines read before it are sent on.
fn read_all(
    input: &mut dyn BufRead,
    empty: &Receiver<Chunk>,
    chunks: &SyncSender<(usize, Chunk)>,
    max_line: usize,
) -> Option<(usize, io::Error)> {
    let mut number = 0;
    for seq in 0.. {
        let Ok(mut chunk) = empty.recv() else {
            return None; // the writer stopped
        };
        let read = read_chunk(input, &mut number, &mut chunk, max_line);
        if chunk.lines.is_empty() || chunks.send((seq, chunk)).is_err() {
            return read.err();
        }
        if let Err(e) = read {
            return Some(e);
        }
    }
    None
}

/// A worker thread: evaluate chunks until there are none.
fn work(
    graph: &DecisionGraph,
    options: Options,
    id_field: Option<&str>,
    limits: redress::limits::Limits,
    chunks: &Mutex<Receiver<(usize, Chunk)>>,
    done: &SyncSender<(usize, Chunk)>,
) {
    let mut evaluator = LineEvaluator::new(graph, options, limits)
        .with_id_field(id_field.map(str::to_string))
        .with_lang(super::diagnostic_language());
    loop {
        let next = match chunks.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, mut chunk)) = next else {
            return; // the reader is done
        };
        let evaluated = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            evaluate_chunk(&mut chunk, &mut evaluator, limits.case_bytes);
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
fn write_in_order(
    writer: &mut Writer<'_>,
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
    // counts as numbers, for the plural forms; the figures as text, as written
    let said = super::words::words().get(
        "cli-batch-summary",
        &[
            ("cases", FluentValue::from(tally.cases)),
            ("errors", FluentValue::from(tally.errors)),
            ("seconds", FluentValue::from(format!("{secs:.2}"))),
            ("rate", FluentValue::from(format!("{rate:.0}"))),
        ],
    );
    errln!("{said}");
    for (id, n) in tally.by_id(model) {
        errln!("  {id}: {n}");
    }
}
