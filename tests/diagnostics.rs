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
