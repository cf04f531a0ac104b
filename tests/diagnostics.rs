//! `tests/diagnostics/*.rules`: broken rulebooks, one (or more) per
//! diagnostic code, each with its rendered report snapshotted; and
//! `tests/case_diagnostics/*`: broken case files for `rulebook.rules` there.

use std::collections::BTreeSet;

use redress::case::{Format, parse_case};
use redress::diagnostic::{Code, Diagnostic};

use crate::{relative, render, root, source};

#[test]
fn rulebook_diagnostics() {
    insta::glob!("diagnostics/*.rules", |path| {
        let file = source(path);
        let (_, diagnostics) = redress::compile(&file);
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let expected = Code::ALL
            .iter()
            .find(|c| stem.starts_with(c.name()))
            .copied();
        if let Some(code) = expected {
            assert!(
                diagnostics.iter().any(|d| d.code == code),
                "{} should report {code}",
                relative(path)
            );
        }
        insta::with_settings!({ snapshot_suffix => crate::snapshot_name(path, "tests/diagnostics") }, {
            insta::assert_snapshot!(render(&diagnostics));
        });
    });
}

#[test]
fn case_diagnostics() {
    let rulebook = source(&root().join("tests/case_diagnostics/rulebook.rules"));
    let (graph, diagnostics) = redress::compile(&rulebook);
    assert!(
        diagnostics.iter().all(|d| !d.is_error()),
        "{}",
        render(&diagnostics)
    );
    let graph = graph.unwrap();
    insta::glob!("case_diagnostics/*.{json,toml}", |path| {
        let file = source(path);
        let (case, diagnostics) =
            parse_case(graph.model(), &file, Format::from_path(&relative(path)));
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let code = Code::ALL
            .iter()
            .find(|c| stem.starts_with(c.name()))
            .copied();
        if let Some(code) = code {
            assert!(
                diagnostics.iter().any(|d| d.code == code),
                "{stem} should report {code}"
            );
            if diagnostics.iter().any(|d| d.is_error()) {
                assert!(case.is_none());
            }
        }
        insta::with_settings!({ snapshot_suffix => crate::snapshot_name(path, "tests/case_diagnostics") }, {
            insta::assert_snapshot!(render(&diagnostics));
        });
    });
}

/// `tests/case_diagnostics/working_days/*`: a number fact used as the count
/// of a duration must be a whole number of at least 0 in a case (another
/// number fact may be negative or fractional).
#[test]
fn case_count_diagnostics() {
    let rulebook = source(&root().join("tests/case_diagnostics/working_days/rulebook.rules"));
    let (graph, diagnostics) = redress::compile(&rulebook);
    assert!(diagnostics.is_empty(), "{}", render(&diagnostics));
    let graph = graph.unwrap();
    insta::glob!("case_diagnostics/working_days/*.{json,toml}", |path| {
        let file = source(path);
        let (case, diagnostics) =
            parse_case(graph.model(), &file, Format::from_path(&relative(path)));
        assert!(case.is_none());
        assert!(
            diagnostics.iter().all(
                |d| d.code == Code::CaseInvalidValue && d.message.contains("counts a duration")
            ),
            "{}",
            render(&diagnostics)
        );
        insta::with_settings!({ snapshot_suffix => crate::snapshot_name(path, "tests/case_diagnostics/working_days") }, {
            insta::assert_snapshot!(render(&diagnostics));
        });
    });
}

/// Every code in the registry has a fixture named after it somewhere under
/// `tests/` (a rulebook, a case file, or an evaluation or CLI fixture).
#[test]
fn every_code_has_a_fixture() {
    let mut names = BTreeSet::new();
    for dir in [
        "tests/diagnostics",
        "tests/case_diagnostics",
        "tests/eval",
        "tests/cli",
    ] {
        collect(&root().join(dir), &mut names);
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.name())
        .filter(|n| !names.iter().any(|f: &String| f.starts_with(n)))
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}

fn collect(dir: &std::path::Path, names: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        names.insert(p.file_name().unwrap().to_string_lossy().into_owned());
        if p.is_dir() {
            collect(&p, names);
        }
    }
}

/// The same rulebooks as [`rulebook_diagnostics`], their diagnostics in
/// Chinese (`Diagnostic::in_language("zh")`), the syntax stage's and the
/// checker's alike.
#[test]
fn rulebook_diagnostics_zh() {
    insta::glob!("diagnostics/*.rules", |path| {
        let file = source(path);
        let (_, diagnostics) = redress::compile(&file);
        let zh: Vec<_> = diagnostics.iter().map(|d| d.in_language("zh")).collect();
        let name = format!(
            "{}_zh",
            crate::snapshot_name(path, "tests/diagnostics").trim_end_matches(".rules")
        );
        insta::with_settings!({ snapshot_suffix => name }, {
            insta::assert_snapshot!(render(&zh));
        });
    });
}

/// The case diagnostics of `case_diagnostics` in Chinese: the same glob,
/// every part of each diagnostic rendered from the catalogue in `zh`.
#[test]
fn case_diagnostics_zh() {
    let rulebook = source(&root().join("tests/case_diagnostics/rulebook.rules"));
    let (graph, _) = redress::compile(&rulebook);
    let graph = graph.unwrap();
    insta::glob!("case_diagnostics/*.{json,toml}", |path| {
        let file = source(path);
        let (_, diagnostics) = parse_case(graph.model(), &file, Format::from_path(&relative(path)));
        let zh: Vec<Diagnostic> = diagnostics.iter().map(|d| d.in_language("zh")).collect();
        insta::with_settings!({ snapshot_suffix => format!("{}_zh", crate::snapshot_name(path, "tests/case_diagnostics")) }, {
            insta::assert_snapshot!(render(&zh));
        });
    });
}

/// Every diagnostic of the check stage, for each rulebook of
/// `tests/diagnostics`, is made of catalogue words only (it can be shown in
/// Chinese): none has an untranslated message, label, help or fix title.
/// The check stage is `redress::check::check` on the parsed rulebook, so
/// a code raised by both stages (`limit_exceeded`, `confusable_text`) is
/// held to this where the checker raises it, and the syntax stage's
/// diagnostics (`syntax_error`, `invalid_literal`, …) are held to it by
/// `reading_diagnostics_are_all_translated`.
#[test]
fn check_diagnostics_have_no_untranslated_words() {
    let mut untranslated = Vec::new();
    let mut checked = 0;
    insta::glob!("diagnostics/*.rules", |path| {
        let file = source(path);
        let (ast, _) = redress::syntax::parse(&file);
        let (_, diagnostics) = redress::check::check(&file, &ast);
        for d in &diagnostics {
            checked += 1;
            let words = d.untranslated();
            if !words.is_empty() {
                untranslated.push(format!("{} {}: {words:?}", relative(path), d.code));
            }
        }
    });
    assert!(checked > 100, "only {checked} diagnostics checked");
    assert!(
        untranslated.is_empty(),
        "untranslated words:\n{}",
        untranslated.join("\n")
    );
}

/// The fix of a did-you-mean (`DiagBuilder::meant`), which the language
/// server offers as a quick fix, is titled in the reader's language; its
/// replacement is the name meant in both.
#[test]
fn a_did_you_mean_fix_is_titled_in_chinese() {
    let file = source(&root().join("tests/diagnostics/undefined_fact.rules"));
    let (_, diagnostics) = redress::compile(&file);
    let d = diagnostics
        .iter()
        .find(|d| d.code == Code::UndefinedFact)
        .expect("an undefined_fact diagnostic");
    let fix = &d.fixes[0];
    assert_eq!(fix.message, "write `operator.location`");
    let zh = d.in_language("zh");
    assert_eq!(zh.fixes[0].message, "改为 `operator.location`");
    assert_eq!(zh.fixes[0].replacement, fix.replacement);
    assert_eq!(zh.message, "`operator.locaton` 不是已声明的事实或派生事实");
    assert_eq!(zh.help.as_deref(), Some("是不是 `operator.location`？"));
}

/// No diagnostic raised by reading a rulebook's text, a case file or a test
/// file on the fixtures under `tests/` has words outside the catalogue,
/// except messages of libraries (the TOML reader's), and every part renders
/// differently in Chinese.
#[test]
fn reading_diagnostics_are_all_translated() {
    let mut seen = 0;
    let mut check = |where_: &str, diagnostics: &[Diagnostic], toml: bool| {
        for d in diagnostics {
            seen += 1;
            let untranslated = d.untranslated();
            // the one exception: the TOML reader's (a library's) own
            // message, as the label of a case or test file's syntax error
            let allowed = |w: &&str| {
                toml && d.code.name().ends_with("syntax")
                    && d.labels.first().is_some_and(|l| l.text == **w)
            };
            assert!(
                untranslated.iter().all(allowed),
                "{where_}: {:?} has untranslated words {untranslated:?}",
                d.message
            );
            let zh = d.in_language("zh");
            assert_ne!(zh.message, d.message, "{where_}: {}", d.message);
        }
    };
    // rulebooks: what reading the text reports
    for entry in walk(&root().join("tests")) {
        let name = entry.to_string_lossy().into_owned();
        if name.ends_with(".rules")
            && let Ok(text) = std::fs::read_to_string(&entry)
        {
            let file = redress::source::SourceFile::new(relative(&entry), text);
            let (_, diagnostics) = redress::syntax::parse(&file);
            check(&name, &diagnostics, false);
        }
    }
    // case files, against their rulebook
    let rulebook = source(&root().join("tests/case_diagnostics/rulebook.rules"));
    let graph = redress::compile(&rulebook).0.unwrap();
    for entry in walk(&root().join("tests/case_diagnostics")) {
        let name = entry.to_string_lossy().into_owned();
        if (name.ends_with(".json") || name.ends_with(".toml")) && !name.contains("working_days") {
            let file = source(&entry);
            let (_, diagnostics) = parse_case(graph.model(), &file, Format::from_path(&name));
            check(&name, &diagnostics, name.ends_with(".toml"));
        }
    }
    // test files: their layout, and against their rulebook when it compiles
    for entry in walk(&root().join("tests")) {
        let name = entry.to_string_lossy().into_owned();
        if name.ends_with(".test.toml") || name.ends_with(".test.json") {
            let file = source(&entry);
            let (test, diagnostics) = redress::testing::parse_test(&file);
            check(&name, &diagnostics, name.ends_with(".toml"));
            let dir = entry.parent().unwrap();
            let book = match test.as_ref().and_then(|t| t.rulebook.as_ref()) {
                Some((p, _)) => Some(dir.join(p)),
                None => [dir, dir.parent().unwrap()].into_iter().find_map(|d| {
                    walk(d).into_iter().find(|p| {
                        p.parent() == Some(d) && p.extension().is_some_and(|x| x == "rules")
                    })
                }),
            };
            if let (Some(test), Some(book)) = (test, book.filter(|b| b.is_file())) {
                if let (Some(graph), _) = redress::compile(&source(&book)) {
                    let (_, diagnostics) = test.check(graph.model());
                    check(&name, &diagnostics, name.ends_with(".toml"));
                }
            }
        }
    }
    assert!(seen > 40, "only {seen} diagnostics seen");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
