//! The integration tests, one binary (links once on a 2-core CI).
//! Test data lives in files beside this one; see each module.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod advice_text;
mod ask;
mod cache;
mod calendar;
mod ci;
mod citations;
mod cli;
mod cli_words;
mod command_words;
#[cfg(feature = "serve")]
mod deploy;
mod diagnostic_language;
mod diagnostics;
mod diff;
mod docs;
mod editor_diagnostics;
mod eval;
mod explain;
mod facts;
mod fmt;
mod generator;
mod graph;
mod hostile;
mod incremental;
mod json_order;
mod limits;
mod lsp;
mod output_levels;
mod playground;
mod print;
mod proptests;
mod reference;
mod rulebooks;
#[cfg(feature = "serve")]
mod serve;
#[cfg(feature = "serve")]
mod serve_layers;
mod support;
mod testing;
mod words;
mod zh_typography;

use std::path::Path;
use std::sync::Arc;

use redress::source::SourceFile;

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file as a source, named by its path relative to the repository root
/// (with `/`), so snapshots do not depend on where the checkout is.
pub fn source(path: &Path) -> Arc<SourceFile> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    SourceFile::new(relative(path), text)
}

/// A path relative to the repository root, with `/`.
pub fn relative(path: &Path) -> String {
    let rel = path.strip_prefix(root()).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Render diagnostics as the CLI does, without colour, at a fixed width.
pub fn render(diagnostics: &[redress::diagnostic::Diagnostic]) -> String {
    redress::report::render_diagnostics(
        diagnostics,
        redress::report::Style {
            color: false,
            width: 100,
        },
    )
}

/// A snapshot name for a data file, stable whatever else the glob matches:
/// its path below `base` with `/` as `__`.
pub fn snapshot_name(path: &Path, base: &str) -> String {
    let rel = relative(path);
    rel.strip_prefix(base)
        .unwrap_or(&rel)
        .trim_start_matches('/')
        .replace('/', "__")
}
