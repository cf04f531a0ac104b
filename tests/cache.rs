//! Parsing again with kept items (`syntax::parse_cached`) gives exactly what
//! a fresh parse gives, after every kind of edit, on every rulebook of the
//! repository: the tree (spans included) and the diagnostics.

use redress::limits::Limits;
use redress::source::SourceFile;
use redress::syntax::{ItemCache, parse_cached, parse_with};

use crate::{relative, render, root};

/// The tree and the rendered diagnostics of a fresh parse and of a cached one.
fn both(name: &str, text: &str, cache: &mut ItemCache) -> (String, String) {
    let file = SourceFile::new(name, text.to_string());
    let (fresh, fresh_diagnostics) = parse_with(&file, &Limits::DEFAULT);
    let (cached, cached_diagnostics) = parse_cached(&file, &Limits::DEFAULT, cache);
    let fresh = format!("{fresh:#?}\n{}", render(&fresh_diagnostics));
    let cached = format!("{cached:#?}\n{}", render(&cached_diagnostics));
    (fresh, cached)
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
fn cached_parses_equal_fresh_ones_after_edits() {
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
        let mut cache = ItemCache::default();
        let (fresh, cached) = both(&name, &text, &mut cache);
        assert_eq!(fresh, cached, "{name}: first parse");
        for (i, edited) in edits(&text).iter().enumerate() {
            let (fresh, cached) = both(&name, edited, &mut cache);
            assert_eq!(fresh, cached, "{name}: after edit {i}");
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
