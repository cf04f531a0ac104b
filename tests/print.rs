//! The printer of checked expressions (`Model::expr_text`), which diff,
//! coverage and explanations show: each define of `tests/print/exprs.rules`
//! printed (snapshot), and the printed text compiled again gives the same
//! expression.

use std::fmt::Write as _;

use redress::model::Model;
use redress::source::SourceFile;

use crate::{root, source};

fn model(name: &str, text: String) -> Model {
    let file = SourceFile::new(name.to_string(), text);
    let (graph, diagnostics) = redress::compile(&file);
    assert!(
        diagnostics.iter().all(|d| !d.is_error()),
        "{}",
        crate::render(&diagnostics)
    );
    graph.expect("compiles").model().clone()
}

#[test]
fn printed_expressions_read_back_as_the_same_expressions() {
    let file = source(&root().join("tests/print/exprs.rules"));
    let text = file.text();
    let marker = text.find("# defines").expect("marker line");
    let original = model("exprs.rules", text.to_string());

    let mut printed = String::new();
    let mut reprinted = text[..marker].to_string();
    for d in &original.derived {
        let shown = original.expr_text(&d.expr).to_string();
        writeln!(printed, "{}: {shown}", d.name).unwrap();
        writeln!(reprinted, "define {} as {shown}", d.name).unwrap();
    }
    let again = model("reprinted.rules", reprinted);
    assert_eq!(original.derived.len(), again.derived.len());
    for (a, b) in original.derived.iter().zip(&again.derived) {
        assert_eq!(
            a.expr,
            b.expr,
            "`{}` printed as `{}`",
            a.name,
            original.expr_text(&a.expr)
        );
    }
    insta::assert_snapshot!("printed_defines", printed);
}

/// `tests/print/working_days.rules`: working days and counted durations
/// print as text that compiles to the same expression (snapshot).
#[test]
fn printed_working_days_read_back_as_the_same_expressions() {
    let file = source(&root().join("tests/print/working_days.rules"));
    let text = file.text();
    let marker = text.find("# defines").expect("marker line");
    let original = model("working_days.rules", text.to_string());
    let mut printed = String::new();
    let mut reprinted = text[..marker].to_string();
    for d in &original.derived {
        let shown = original.expr_text(&d.expr).to_string();
        writeln!(printed, "{}: {shown}", d.name).unwrap();
        writeln!(reprinted, "define {} as {shown}", d.name).unwrap();
    }
    let again = model("reprinted.rules", reprinted);
    assert_eq!(original.derived.len(), again.derived.len());
    for (a, b) in original.derived.iter().zip(&again.derived) {
        assert_eq!(
            a.expr,
            b.expr,
            "`{}` printed as `{}`",
            a.name,
            original.expr_text(&a.expr)
        );
    }
    insta::assert_snapshot!("printed_working_days", printed);
}
