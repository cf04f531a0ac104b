//! The rulebooks served: each compiled once at start, under its file stem
//! as id, in the order given. Under `--watch` a changed file is compiled
//! again and, when it has no errors, swapped in atomically (a request holds
//! the version it started with, an `Arc`, to its end); when it has errors,
//! the previous version keeps serving and the diagnostics are logged and
//! shown at `GET /v1/rulebooks/{id}`. A file that is empty (an editor
//! between truncating and writing it) or cannot be read (deleted, being
//! replaced) never replaces the version serving; a file back to the text
//! serving clears the failure shown.

use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use crate::diagnostic::Diagnostic;
use crate::graph::DecisionGraph;
use crate::limits::Limits;
use crate::source::SourceFile;

use super::App;

/// Reads a rulebook file (the CLI's reader: capped, UTF-8 checked); a
/// file that cannot be read is one diagnostic.
pub type Loader = Arc<dyn Fn(&str) -> Result<Arc<SourceFile>, Diagnostic> + Send + Sync>;

/// A compiled rulebook, as served.
#[derive(Debug)]
pub struct Version {
    /// The graph.
    pub graph: DecisionGraph,
    /// Its warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// The text it was compiled from.
    pub file: Arc<SourceFile>,
    /// 1 for the version compiled at start, one more for each reload.
    pub generation: u64,
}

/// The last reload that failed (the previous version still serving).
#[derive(Debug)]
pub struct Failure {
    /// What was wrong.
    pub diagnostics: Vec<Diagnostic>,
}

/// One rulebook: its id, its file, the version serving and the last failure.
#[derive(Debug)]
pub struct Slot {
    /// The file stem.
    pub id: String,
    /// The path given.
    pub path: String,
    serving: RwLock<Arc<Version>>,
    failure: RwLock<Option<Arc<Failure>>>,
    stamp: Mutex<Option<Stamp>>,
}

/// What tells a changed file: modification time, length and inode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    inode: u64,
}

fn stamp(path: &str) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        modified: meta.modified().ok(),
        len: meta.len(),
        inode,
    })
}

impl Slot {
    /// The version serving now.
    pub fn current(&self) -> Arc<Version> {
        self.serving
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The last reload's failure, while it is not fixed.
    pub fn failure(&self) -> Option<Arc<Failure>> {
        self.failure
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

/// Why the server cannot start.
#[derive(Debug)]
pub enum StartError {
    /// Two files with one stem (a usage error).
    Duplicate {
        /// The stem.
        id: String,
        /// The first file.
        first: String,
        /// The second.
        second: String,
    },
    /// A file that cannot be read (a usage error).
    Unreadable(Diagnostic),
    /// A rulebook with errors (an input error).
    Invalid {
        /// The file.
        path: String,
        /// Its diagnostics.
        diagnostics: Vec<Diagnostic>,
    },
}

/// The rulebooks served, in the order given.
pub struct Registry {
    slots: Vec<Slot>,
    loader: Loader,
    limits: Limits,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registry")
            .field("slots", &self.slots)
            .finish_non_exhaustive()
    }
}

/// A rulebook's id: its file stem (`rulebooks/x/cn-online-shopping.rules`
/// → `cn-online-shopping`).
pub fn rulebook_id(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned())
}

impl Registry {
    /// Read and compile every rulebook; the first problem stops the start.
    pub fn load(paths: &[String], loader: Loader, limits: Limits) -> Result<Registry, StartError> {
        let mut slots: Vec<Slot> = Vec::new();
        for path in paths {
            let id = rulebook_id(path);
            if let Some(other) = slots.iter().find(|s| s.id == id) {
                return Err(StartError::Duplicate {
                    id,
                    first: other.path.clone(),
                    second: path.clone(),
                });
            }
            let before = stamp(path);
            let file = loader(path).map_err(StartError::Unreadable)?;
            let (graph, diagnostics) = crate::compile_with(&file, &limits);
            let Some(graph) = graph else {
                return Err(StartError::Invalid {
                    path: path.clone(),
                    diagnostics,
                });
            };
            slots.push(Slot {
                id,
                path: path.clone(),
                serving: RwLock::new(Arc::new(Version {
                    graph,
                    diagnostics,
                    file,
                    generation: 1,
                })),
                failure: RwLock::new(None),
                stamp: Mutex::new(before),
            });
        }
        Ok(Registry {
            slots,
            loader,
            limits,
        })
    }

    /// The rulebooks, in the order given.
    pub fn slots(&self) -> &[Slot] {
        &self.slots
    }

    /// The ids, in the order given.
    pub fn ids(&self) -> Vec<&str> {
        self.slots.iter().map(|s| s.id.as_str()).collect()
    }

    /// The rulebook with this id.
    pub fn get(&self, id: &str) -> Option<&Slot> {
        self.slots.iter().find(|s| s.id == id)
    }

    /// Reload every rulebook whose file changed (modification time, length
    /// or inode) since it was last looked at; each reload and failure is
    /// logged and counted.
    pub fn reload_changed(&self, app: &App) {
        for slot in &self.slots {
            let now = stamp(&slot.path);
            {
                let mut seen = slot
                    .stamp
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                if *seen == now {
                    continue;
                }
                *seen = now;
            }
            self.reload(slot, app);
        }
    }

    fn reload(&self, slot: &Slot, app: &App) {
        let failed = |diagnostics: Vec<Diagnostic>| {
            for d in &diagnostics {
                let at = d
                    .primary_span()
                    .zip(d.file.as_ref())
                    .map(|(s, f)| f.line_col(s.start));
                tracing::warn!(
                    rulebook = slot.id,
                    code = %d.code,
                    line = at.map(|a| a.0),
                    column = at.map(|a| a.1),
                    "{}",
                    d.message
                );
            }
            tracing::warn!(
                rulebook = slot.id,
                file = slot.path,
                "reload failed: the previous version keeps serving"
            );
            app.metrics.reloaded(&slot.id, "failed");
            *slot
                .failure
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner) =
                Some(Arc::new(Failure { diagnostics }));
        };
        let file = match (self.loader)(&slot.path) {
            Ok(file) => file,
            Err(d) => return failed(vec![d]),
        };
        if file.text().trim().is_empty() {
            // an editor saving it (truncated, then written), most likely:
            // not a failure to show, but said, and the next change reloads
            tracing::warn!(
                rulebook = slot.id,
                file = slot.path,
                "the file is empty: the previous version keeps serving"
            );
            app.metrics.reloaded(&slot.id, "empty");
            return;
        }
        let current = slot.current();
        if current.file.text() == file.text() {
            // back to the text serving (re-created, or saved unchanged)
            let cleared = slot
                .failure
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take();
            if cleared.is_some() {
                tracing::info!(
                    rulebook = slot.id,
                    file = slot.path,
                    generation = current.generation,
                    "the file is the version serving again"
                );
            }
            return;
        }
        let (graph, diagnostics) = crate::compile_with(&file, &self.limits);
        let Some(graph) = graph else {
            return failed(diagnostics);
        };
        let generation = current.generation + 1;
        *slot
            .serving
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(Version {
            graph,
            diagnostics,
            file,
            generation,
        });
        *slot
            .failure
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        app.metrics.reloaded(&slot.id, "ok");
        tracing::info!(rulebook = slot.id, file = slot.path, generation, "reloaded");
    }
}

/// Poll the files every `every` and reload those that changed, until the
/// server stops.
pub async fn watch(app: Arc<App>, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if !app.ready.load(Ordering::SeqCst) {
            continue;
        }
        let app2 = app.clone();
        // reading and compiling are blocking work
        let _ = tokio::task::spawn_blocking(move || app2.registry.reload_changed(&app2)).await;
    }
}
