//! `redress serve`: the HTTP API (the library's `redress::serve`); this
//! file reads the arguments and the rulebook files and reports a failed
//! start with its exit code.

use std::io::{self, Write};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use redress::serve::{self, App, Config, LogFormat, Registry, StartError};

use super::{INPUT_ERRORS, OK, ReadError, USAGE};

/// Log formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Logs {
    /// One line per event, for people.
    Human,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Log levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Level {
    /// Errors only.
    Error,
    /// And warnings (a reload that failed).
    Warn,
    /// And start, reloads and shutdown.
    Info,
    /// And every request.
    Debug,
    /// Everything.
    Trace,
}

/// Serve rulebooks over HTTP: eval, batch, explain, ask, facts, check and fmt as JSON (docs/api.md).
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Each rulebook is served under its file stem: rulebooks/example/example.rules as /v1/rulebooks/example.\n\nExamples:\n  redress serve rulebooks/*/*.rules\n  redress serve --addr 0.0.0.0:8080 --watch --log-format json book.rules\n  curl -s localhost:8080/v1/rulebooks/book/eval -d @case.json"
)]
pub(crate) struct Args {
    /// The rulebooks (`.rules`); two with one file stem are a usage error.
    #[arg(required = true, value_name = "RULEBOOK")]
    rulebooks: Vec<String>,
    /// The address to listen on (port 0: one the system picks; the address bound is printed).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT", value_parser = super::values::address)]
    addr: SocketAddr,
    /// Recompile a rulebook when its file changes, and serve the new version if it has no errors.
    #[arg(long)]
    watch: bool,
    /// How often `--watch` looks at the files, in seconds.
    #[arg(long, default_value = "1", value_name = "SECONDS", requires = "watch", value_parser = super::values::seconds)]
    watch_interval: Duration,
    /// The largest request body in bytes (the batch endpoint excepted: each of its lines is capped at `case_bytes`).
    #[arg(long, default_value_t = 2 << 20, value_name = "BYTES", value_parser = super::values::count)]
    max_body: usize,
    /// Seconds a request body may take to arrive (then 408).
    #[arg(long, default_value = "30", value_name = "SECONDS", value_parser = super::values::seconds)]
    timeout: Duration,
    /// Requests answered at once; more are told 503 at once.
    #[arg(long, default_value_t = 1024, value_name = "N", value_parser = super::values::positive_u32)]
    max_concurrency: u32,
    /// Log format (on standard error).
    #[arg(long, value_enum, default_value = "human")]
    log_format: Logs,
    /// The least important events logged.
    #[arg(long, value_enum, default_value = "info")]
    log_level: Level,
    /// Also serve the rulebook playground, a page for editing a rulebook and trying cases on it, at / (docs/playground.md).
    #[arg(long)]
    playground: bool,
}

pub(crate) fn run(out: &mut dyn Write, args: &Args) -> io::Result<u8> {
    let limits = super::limits();
    for (name, value) in [
        ("nesting", limits.nesting),
        ("check_depth", limits.check_depth),
        ("depth", limits.depth),
        ("exception_depth", limits.exception_depth),
        ("case_depth", limits.case_depth),
    ] {
        if let Some(most) = redress::limits::Limits::max_on_stack(name, serve::STACK) {
            if value > most {
                super::words::fail(
                    "cli-serve-stack",
                    &[
                        ("name", name),
                        ("most", &most.to_string()),
                        ("value", &value.to_string()),
                    ],
                );
                return Ok(USAGE);
            }
        }
    }
    let timeout = args.timeout;
    let watch = args.watch.then_some(args.watch_interval);
    let loader: serve::Loader = Arc::new(|path: &str| match super::read_source(path) {
        Ok(file) => Ok(file),
        Err(ReadError::Input(d)) => Err(d),
        Err(ReadError::Usage(m)) => Err(redress::diagnostic::Diagnostic::error(
            redress::diagnostic::Code::Io,
            m,
        )),
    });
    let registry = match Registry::load(&args.rulebooks, loader, limits) {
        Ok(r) => r,
        Err(StartError::Duplicate { id, first, second }) => {
            super::words::fail(
                "cli-serve-same-id",
                &[
                    ("first", &redress::report::visible_inline(&first)),
                    ("second", &redress::report::visible_inline(&second)),
                    ("id", &redress::report::visible_inline(&id)),
                ],
            );
            return Ok(USAGE);
        }
        Err(StartError::Unreadable(d)) => {
            if d.code == redress::diagnostic::Code::Io && d.file.is_none() {
                super::words::error(&d.message);
                return Ok(USAGE);
            }
            super::eprint_diagnostics(&[d]);
            return Ok(INPUT_ERRORS);
        }
        Err(StartError::Invalid { path, diagnostics }) => {
            super::eprint_diagnostics(&diagnostics);
            errln!(
                "{}",
                super::words::say("cli-rulebook-has-errors", &[("path", &path)])
            );
            return Ok(INPUT_ERRORS);
        }
    };
    let level = match args.log_level {
        Level::Error => tracing::Level::ERROR,
        Level::Warn => tracing::Level::WARN,
        Level::Info => tracing::Level::INFO,
        Level::Debug => tracing::Level::DEBUG,
        Level::Trace => tracing::Level::TRACE,
    };
    let format = match args.log_format {
        Logs::Human => LogFormat::Human,
        Logs::Json => LogFormat::Json,
    };
    serve::init_logging(format, level);
    let config = Config {
        max_body: args.max_body,
        timeout,
        max_concurrency: usize::try_from(args.max_concurrency).unwrap_or(usize::MAX),
        limits,
        watch,
        playground: args.playground,
    };
    let app = App::new(registry, config);
    let mut printed = Ok(());
    let result = serve::run(
        app,
        args.addr,
        |addr| {
            // the one line on standard output: where to send requests
            printed = writeln!(out, "listening on http://{addr}")
                .and_then(|()| {
                    if args.playground {
                        writeln!(out, "playground at http://{addr}/")
                    } else {
                        Ok(())
                    }
                })
                .and_then(|()| out.flush());
        },
        None,
    );
    printed?;
    match result {
        Ok(()) => Ok(OK),
        Err(e) => {
            super::words::fail(
                "cli-serve-cannot",
                &[
                    ("addr", &args.addr.to_string()),
                    ("error", &super::words::io_error(&e)),
                ],
            );
            Ok(USAGE)
        }
    }
}
