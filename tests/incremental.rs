//! A [`Workspace`] updated after edits gives exactly what a cold parse and
//! check of the same text give: the diagnostics (spans, labels, fixes) and the
//! model; and a one-line edit of a rule checks that rule only.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use redress::diagnostic::Diagnostic;
use redress::limits::Limits;
use redress::source::SourceFile;
use redress::workspace::{Work, Workspace};

use crate::{relative, root};

/// What `redress check` finds in `text`, cold: diagnostics and model.
fn cold(name: &str, text: &str) -> (Vec<String>, String) {
    let file = SourceFile::new(name, text.to_string());
    let (ast, mut diagnostics) = redress::syntax::parse_with(&file, &Limits::DEFAULT);
    let mut model = None;
    if !diagnostics.iter().any(Diagnostic::is_error) {
        let (m, more) = redress::check::check_with(&file, &ast, &Limits::DEFAULT);
        diagnostics.extend(more);
        model = m;
    }
    (
        diagnostics.iter().map(Diagnostic::key).collect(),
        format!("{model:#?}"),
    )
}

/// Update `ws` to `text` and compare it with a cold check.
fn same_as_cold(ws: &mut Workspace, name: &str, text: &str, what: &str) {
    let found: Vec<String> = ws.update(text).iter().map(Diagnostic::key).collect();
    let model = format!("{:#?}", ws.model());
    let (want, want_model) = cold(name, text);
    assert_eq!(found, want, "{name}: diagnostics after {what}");
    assert_eq!(model, want_model, "{name}: model after {what}");
}

fn rulebook_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for dir in ["rulebooks", "tests"] {
        collect(&root().join(dir), &mut files);
    }
    files.sort();
    files
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

/// Typing, one character at a time, into the middle of every rule's first
/// line, then deleting it again, in every rulebook of the repository.
#[test]
fn typing_into_every_rule_matches_cold_checks() {
    let files = rulebook_files();
    assert!(files.len() > 20, "{files:?}");
    for path in files {
        let name = relative(&path);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // one fixture is not UTF-8 on purpose
        };
        let mut ws = Workspace::new(name.clone(), Limits::DEFAULT);
        same_as_cold(&mut ws, &name, &text, "the first text");
        // two rules per file, so the test stays quick
        let starts: Vec<usize> = text
            .match_indices("\nrule ")
            .chain(text.match_indices("\nexception "))
            .map(|(i, _)| i + 1)
            .take(2)
            .collect();
        for start in starts {
            let line_end = text[start..].find('\n').map_or(text.len(), |e| start + e);
            let at = line_end;
            for typed in [" or x", "(("] {
                let mut edited = text.clone();
                for (n, ch) in typed.char_indices() {
                    edited.insert(at + n, ch);
                    same_as_cold(
                        &mut ws,
                        &name,
                        &edited,
                        &format!("typing {typed:?} at {at}"),
                    );
                }
                same_as_cold(&mut ws, &name, &text, "undoing it");
            }
        }
    }
}

/// A one-line edit of a rule's condition checks that rule only.
#[test]
fn editing_a_condition_checks_one_rule() {
    let text = std::fs::read_to_string(root().join("rulebooks/example/example.rules")).unwrap();
    let mut ws = Workspace::new("example.rules", Limits::DEFAULT);
    same_as_cold(&mut ws, "example.rules", &text, "the first text");
    assert_eq!(ws.last_work(), Work::Whole);
    let rule = text.find("\nrule ").unwrap() + 1;
    let line_end = rule + text[rule..].find('\n').unwrap();
    let mut edited = text.clone();
    edited.insert_str(line_end, " # edited");
    same_as_cold(&mut ws, "example.rules", &edited, "a comment in a rule");
    assert_eq!(ws.last_work(), Work::OneRule);
    same_as_cold(&mut ws, "example.rules", &edited, "the same text");
    assert_eq!(ws.last_work(), Work::Unchanged);
    // a half-typed word: a syntax error, then the rule checked again
    let mut broken = edited.clone();
    broken.insert_str(line_end, " and (");
    same_as_cold(&mut ws, "example.rules", &broken, "a syntax error");
    assert_eq!(ws.last_work(), Work::SyntaxErrors);
    same_as_cold(&mut ws, "example.rules", &edited, "the error undone");
    assert_eq!(ws.last_work(), Work::OneRule);
}

/// Random edits (inserting words, punctuation, lines and item keywords;
/// deleting runs of text) on the repository's rulebooks, each update
/// compared with a cold check of the same text.
#[test]
fn random_edits_match_cold_checks() {
    // a random edit can leave a sum deeper than the checker's limit, whose
    // check needs more than a test's 2 MiB in a debug build (see
    // `a_sum_of_1000_terms_cut_by_a_typed_comment_on_a_4_mib_thread`)
    std::thread::Builder::new()
        .name("random edits".into())
        .stack_size(8 << 20)
        .spawn(random_edits)
        .unwrap()
        .join()
        .unwrap();
}

fn random_edits() {
    let texts: Vec<(String, String)> = rulebook_files()
        .into_iter()
        .filter_map(|p| Some((relative(&p), std::fs::read_to_string(&p).ok()?)))
        .collect();
    let pieces = [
        " ",
        "\n",
        "x",
        "(",
        ")",
        " and ",
        " or not ",
        " > 3",
        "\"",
        "#",
        "rule r9\n",
        "\nrule ",
        "\nfact ",
        "exception e to ",
        " => ",
        "=",
        "1",
        "é",
        "yes",
        "\n  cite x\n",
    ];
    let edit = (
        any::<prop::sample::Index>(),
        0usize..24,
        0usize..pieces.len(),
    );
    let strategy = (
        any::<prop::sample::Index>(),
        proptest::collection::vec(edit, 1..12),
    );
    let mut runner = TestRunner::new(Config {
        cases: 48,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&strategy, |(file, edits)| {
            let (name, text) = file.get(&texts);
            let mut ws = Workspace::new(name.clone(), Limits::DEFAULT);
            let mut text = text.clone();
            same_as_cold(&mut ws, name, &text, "the first text");
            for (at, delete, piece) in edits {
                let mut at = at.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + delete).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                if delete % 2 == 0 {
                    text.replace_range(at..end, "");
                } else {
                    text.insert_str(at, pieces[piece]);
                }
                same_as_cold(&mut ws, name, &text, &format!("an edit at {at}"));
            }
            Ok(())
        })
        .unwrap();
}

/// `tests/diagnostics/limit_exceeded.rules` with a `#` typed into its sum of
/// 1,000 terms, so that about 700 are left before the comment (under the
/// operator limit, over the checker's depth of 600): both a cold check and
/// the workspace's update report the depth limit, on 2 MiB threads in a debug
/// build (found by `random_edits_match_cold_checks`, which overflowed a
/// test's 2 MiB thread when the checker recursed down such a sum; it now
/// walks a chain of operators in a loop).
#[test]
fn a_sum_of_1000_terms_cut_by_a_typed_comment_on_a_2_mib_thread() {
    let before =
        std::fs::read_to_string(root().join("tests/diagnostics/limit_exceeded.rules")).unwrap();
    // the `#` typed at byte 3,585, inside the sum
    let mut after = before.clone();
    after.insert(3585, '#');
    assert!(after.contains("+ n #+ n"));
    let cold_after = after.clone();
    let cold = std::thread::Builder::new()
        .name("cold check".into())
        .stack_size(2 << 20)
        .spawn(move || cold("limit_exceeded.rules", &cold_after).0)
        .unwrap()
        .join()
        .unwrap();
    assert!(cold.iter().any(|d| d.contains("600 levels")), "{cold:?}");
    let updated = std::thread::Builder::new()
        .name("workspace update".into())
        .stack_size(2 << 20)
        .spawn(move || {
            let mut ws = Workspace::new("limit_exceeded.rules", Limits::DEFAULT);
            ws.update(&before);
            ws.update(&after)
                .iter()
                .map(Diagnostic::key)
                .collect::<Vec<_>>()
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(updated, cold);
}
