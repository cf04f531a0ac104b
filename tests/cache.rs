//! A [`Workspace`] updated after every kind of edit holds exactly the tree
//! (spans included) and the diagnostics of a fresh parse and check of the
//! same text, on every rulebook of the repository: the items it kept from
//! before the edit, their spans moved, are the items a fresh parse makes.

use redress::diagnostic::Diagnostic;
use redress::limits::Limits;
use redress::source::SourceFile;
use redress::syntax::parse_with;
use redress::workspace::Workspace;

use crate::{relative, root};

/// The tree and the diagnostics of a fresh parse and check, and of the
/// workspace updated to `text`.
fn both(name: &str, text: &str, ws: &mut Workspace) -> (String, String) {
    let file = SourceFile::new(name, text.to_string());
    let (fresh, mut diagnostics) = parse_with(&file, &Limits::DEFAULT);
    if !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.extend(redress::check::check_with(&file, &fresh, &Limits::DEFAULT).1);
    }
    let keys = |d: &[Diagnostic]| d.iter().map(Diagnostic::key).collect::<Vec<_>>().join("\n");
    let fresh = format!("{fresh:#?}\n{}", keys(&diagnostics));
    let updated = keys(ws.update(text));
    let updated = format!("{:#?}\n{updated}", ws.rulebook());
    (fresh, updated)
}

/// Edits of a text: a line removed, repeated, grown, broken; two items
/// swapped by moving a line block; everything moved by a line at the top.
fn edits(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for at in [
        lines.len() / 3,
        lines.len() / 2,
        lines.len().saturating_sub(2),
    ] {
        let mut removed = lines.clone();
        if at < removed.len() {
            removed.remove(at);
        }
        out.push(removed.join("\n"));
        let mut repeated = lines.clone();
        if let Some(line) = lines.get(at) {
            repeated.insert(at, line);
        }
        out.push(repeated.join("\n"));
        let grown: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == at {
                    format!("{l} ")
                } else {
                    l.to_string()
                }
            })
            .collect();
        out.push(grown.join("\n"));
        let broken: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == at {
                    format!("{l} ((")
                } else {
                    l.to_string()
                }
            })
            .collect();
        out.push(broken.join("\n"));
    }
    out.push(format!("# a comment on top\n\n{text}"));
    out.push(format!("{text}\n{text}"));
    out.push(text.to_string());
    out
}

#[test]
fn workspace_trees_equal_fresh_ones_after_edits() {
    let mut files = Vec::new();
    for dir in ["rulebooks", "tests"] {
        collect(&root().join(dir), &mut files);
    }
    files.sort();
    assert!(files.len() > 20, "{files:?}");
    for path in files {
        let name = relative(&path);
        // (one fixture is not UTF-8 on purpose)
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let mut ws = Workspace::new(name.clone(), Limits::DEFAULT);
        let (fresh, updated) = both(&name, &text, &mut ws);
        assert_eq!(fresh, updated, "{name}: first parse");
        for (i, edited) in edits(&text).iter().enumerate() {
            let (fresh, updated) = both(&name, edited, &mut ws);
            assert_eq!(fresh, updated, "{name}: after edit {i}");
        }
    }
}

fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rules") {
            out.push(path);
        }
    }
}
