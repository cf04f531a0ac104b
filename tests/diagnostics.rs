//! `tests/diagnostics/*.rules`: broken rulebooks, one (or more) per
//! diagnostic code, each with its rendered report snapshotted; and
//! `tests/case_diagnostics/*`: broken case files for `rulebook.rules` there.

use std::collections::BTreeSet;

use redress::case::{Format, parse_case};
use redress::diagnostic::Code;

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
/// Chinese (`Diagnostic::in_language("zh")`). The checker's words are all
/// in the catalogue; a syntax diagnostic's are English until that stage's
/// messages are.
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

/// Every diagnostic of the check stage, for each rulebook of
/// `tests/diagnostics`, is made of catalogue words only (it can be shown in
/// Chinese): none has an untranslated message, label, help or fix title.
/// The check stage is `redress::check::check` on the parsed rulebook, so
/// a code raised by both stages (`limit_exceeded`, `confusable_text`) is
/// held to this where the checker raises it, and the syntax stage's
/// diagnostics (`syntax_error`, `invalid_literal`, …) are not. Nor are the
/// words the checker takes from the syntax stage: a malformed date read as
/// a number (`2001-11-5`) is explained by `syntax::malformed_date`.
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
            if !words.is_empty() && !malformed_date_words(&file, d, &words) {
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

/// Whether `words` are the message and help of the syntax stage's
/// malformed date at the diagnostic's primary span.
fn malformed_date_words(
    file: &redress::source::SourceFile,
    d: &redress::diagnostic::Diagnostic,
    words: &[&str],
) -> bool {
    use redress::diagnostic::Text;
    let Some(found) = d
        .primary_span()
        .and_then(|span| redress::syntax::malformed_date(file.slice(span)))
    else {
        return false;
    };
    let message = Text::from(found.message.clone());
    let help = Text::from(found.help());
    words == [message.english(), help.english()]
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
