//! `redress serve`: the HTTP API (issue 17).
//!
//! Input: rulebooks compiled once at start (each under its file stem as id),
//! and HTTP requests. Output: the same JSON, JSON Lines and text the CLI
//! prints for the same input, built by the same library functions
//! (`eval --format json`, `eval --jsonl`, `explain --format json`,
//! `ask --format json`, `facts --format json|jsonschema`,
//! `check --format json`, `fmt`). The server holds no state but the compiled
//! rulebooks: every request is answered from its own body and query.
//!
//! This is the one library module that does network I/O; it is behind the
//! `serve` cargo feature (on by default). Files are read only through the
//! [`Loader`] the caller gives (the CLI's reader, with its limits), at start
//! and when `--watch` sees a rulebook change.
//!
//! - [`state`]: the rulebooks, swapped atomically when a changed one
//!   compiles; the previous version keeps serving when it does not.
//! - [`routes`]: the router and its handlers; [`error`]: errors as JSON;
//!   [`query`]: query strings; [`stream`]: the streamed batch endpoint;
//!   [`metrics`]: Prometheus text; [`middleware`]: the layers that count
//!   requests and bound how many are answered at once.
//! - [`worker`]: the case reader and evaluator each thread keeps per
//!   rulebook version, so a one-case request builds neither.

pub mod error;
pub mod metrics;
pub mod middleware;
pub mod playground;
pub mod query;
pub mod routes;
pub mod state;
pub mod stream;
pub mod worker;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

pub use routes::{App, router};
pub use state::{Loader, Registry, StartError};

use crate::limits::Limits;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The largest request body, in bytes, of every endpoint but the batch
    /// (whose lines are each capped at the `case_bytes` limit instead).
    pub max_body: usize,
    /// How long a request body may take to arrive (then 408; for the batch
    /// endpoint, each piece of it: then the stream ends). The work itself
    /// has no timeout: every evaluation, explanation, check and format is
    /// bounded by the limits.
    pub timeout: Duration,
    /// Requests handled at once (health, readiness and metrics aside); the
    /// next gets 503 at once rather than waiting.
    pub max_concurrency: usize,
    /// The limits rulebooks and cases are read with.
    pub limits: Limits,
    /// Poll the rulebook files this often and reload those that changed.
    pub watch: Option<Duration>,
    /// Serve the rulebook playground at `/` and its endpoints (`--playground`).
    pub playground: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_body: 2 << 20,
            timeout: Duration::from_secs(30),
            max_concurrency: 1024,
            limits: Limits::DEFAULT,
            watch: None,
            playground: false,
        }
    }
}

/// The stack of the server's threads: the default limits need 2 MiB in a
/// debug build; `--limit` may raise a depth limit only as far as this holds.
pub const STACK: usize = 16 << 20;

/// How the logs are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    /// One line per event, for people.
    Human,
    /// One JSON object per event, for log collectors.
    Json,
}

/// Send the `tracing` events at `level` and above to standard error.
pub fn init_logging(format: LogFormat, level: tracing::Level) {
    let builder = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(level)
        .with_target(false);
    // a second call (tests in one process) keeps the first subscriber
    let _ = match format {
        LogFormat::Human => builder.with_ansi(false).try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}

/// Bind `addr`, call `bound` with the address bound (the port the OS chose
/// for port 0), and serve until `shutdown` completes (or SIGTERM / Ctrl-C
/// when it is `None`); requests in flight then finish. Runs its own runtime.
pub fn run(
    app: Arc<App>,
    addr: SocketAddr,
    bound: impl FnOnce(SocketAddr),
    shutdown: Option<std::pin::Pin<Box<dyn Future<Output = ()> + Send>>>,
) -> std::io::Result<()> {
    // one worker thread per core (tokio's default; `TOKIO_WORKER_THREADS`
    // sets another number); a one-case evaluation runs on the worker that
    // read the request, only longer work goes to the blocking pool
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(64)
        .thread_stack_size(STACK)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        bound(local);
        tracing::info!(
            addr = %local,
            rulebooks = app.registry.ids().join(","),
            "redress serve listening"
        );
        if let Some(every) = app.config.watch {
            tokio::spawn(state::watch(app.clone(), every));
        }
        let signal = shutdown.unwrap_or_else(|| Box::pin(signal()));
        let draining = app.clone();
        let stop = async move {
            signal.await;
            draining.ready.store(false, Ordering::SeqCst);
            tracing::info!("shutting down: finishing the requests in flight");
        };
        axum::serve(listener, router(app.clone()))
            .with_graceful_shutdown(stop)
            .await?;
        tracing::info!("stopped");
        Ok(())
    })
}

/// SIGTERM or Ctrl-C.
async fn signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
