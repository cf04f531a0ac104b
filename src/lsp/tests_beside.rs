//! The rulebook's test files (`*.test.toml`, `*.test.json` in its folder and
//! its `tests/` folder), where facts and remedies are named too: find
//! references and rename reach them. The server reads no file itself: the
//! caller hands it a [`TestFiles`] that does.

use std::path::{Path, PathBuf};

use lsp_types::{Location, TextEdit, Url};

use crate::source::Span;

use super::analysis::Kind;
use super::position::LineIndex;

/// Reads the test files beside a rulebook.
pub trait TestFiles {
    /// The test files beside the rulebook at `rulebook`, with their text, in
    /// the order of their paths.
    fn beside(&self, rulebook: &Path) -> Vec<(PathBuf, String)>;
}

/// Where a test file names `name` (a fact or derived fact when `kind` says
/// so, else a remedy): the name as a whole word, `consumer.deceived = true`
/// under `[case]`, `"punitive_damages"` in `applies`, `[expect.remedy.x]`.
fn mentions(text: &str, name: &str, kind: Kind) -> Vec<Span> {
    let inner = |c: char| c.is_alphanumeric() || c == '_' || (kind != Kind::Remedy && c == '.');
    text.match_indices(name)
        .filter(|(at, _)| {
            let before = text.get(..*at).and_then(|t| t.chars().next_back());
            let after = text.get(at + name.len()..).and_then(|t| t.chars().next());
            !before.is_some_and(inner) && !after.is_some_and(inner)
        })
        .map(|(at, _)| Span::new(at, at + name.len()))
        .collect()
}

/// The mentions of a fact, derived fact or remedy in the test files beside
/// the rulebook at `uri`, each with the text that replaces it on a rename.
pub fn edits(
    files: &dyn TestFiles,
    uri: &Url,
    kind: Kind,
    name: &str,
    new_name: &str,
) -> Vec<(Url, Vec<TextEdit>)> {
    if !matches!(kind, Kind::Fact | Kind::Derived | Kind::Remedy) {
        return Vec::new();
    }
    let Ok(rulebook) = uri.to_file_path() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (path, text) in files.beside(&rulebook) {
        let found = mentions(&text, name, kind);
        let Ok(file) = Url::from_file_path(&path) else {
            continue;
        };
        if found.is_empty() {
            continue;
        }
        let lines = LineIndex::new(&text);
        let edits = found
            .into_iter()
            .map(|s| TextEdit::new(lines.range(&text, s), new_name.to_string()))
            .collect();
        out.push((file, edits));
    }
    out
}

/// The mentions as locations.
pub fn locations(files: &dyn TestFiles, uri: &Url, kind: Kind, name: &str) -> Vec<Location> {
    edits(files, uri, kind, name, name)
        .into_iter()
        .flat_map(|(file, edits)| {
            edits
                .into_iter()
                .map(move |e| Location::new(file.clone(), e.range))
        })
        .collect()
}
