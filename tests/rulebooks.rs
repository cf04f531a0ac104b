//! The shipped rulebooks: each checks clean (no errors, no warnings) and
//! each case under `rulebooks/*/cases/` has its outcome, as an advisor
//! reads it, snapshotted.

use crate::{eval::case_of, relative, render, snapshot_name, source};

#[test]
fn shipped_rulebooks_check_clean() {
    insta::glob!("../rulebooks", "*/*.rules", |path| {
        let file = source(path);
        let (graph, diagnostics) = redress::compile(&file);
        assert!(
            graph.is_some() && diagnostics.is_empty(),
            "{}:\n{}",
            relative(path),
            render(&diagnostics)
        );
    });
}

#[test]
fn shipped_cases() {
    insta::glob!("../rulebooks", "*/cases/*.{json,toml}", |path| {
        let (graph, case) = case_of(path);
        let outcome = redress::eval::evaluate(&graph, &case, &Default::default());
        let text = crate::advice_text::computed_in_both_languages(
            &graph,
            &case,
            &outcome,
            &relative(path),
        );
        insta::with_settings!({ snapshot_suffix => snapshot_name(path, "rulebooks") }, {
            insta::assert_snapshot!(text);
        });
    });
}
