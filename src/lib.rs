//! redress: a rules engine for legal remedy rules.
//!
//! Legal editors write *rulebooks*: facts, derived facts, a catalogue of
//! remedies with citations, and rules with exceptions. redress checks a
//! rulebook, compiles it into an immutable decision graph, and evaluates
//! case files against the graph with three-valued logic: a missing fact is
//! unknown, never silently false.
//!
//! The pipeline, one module per stage:
//! [`syntax`] (text → [`ast`]) → [`check`] (→ [`model`]) → [`graph`]
//! (→ [`graph::DecisionGraph`]) → [`eval`] (with a [`case::Case`] →
//! [`outcome::Outcome`]) → [`report`].
//!
//! ```
//! use redress::{compile, source::SourceFile, case, eval};
//!
//! let text = r#"
//! rulebook
//!   title en "Demo"
//!   jurisdiction "CN"
//!   version "1"
//!   effective 2024-01-01
//!
//! fact consumer.deceived: yes/no
//!
//! remedy punitive_damages
//!   title en "Punitive damages"
//!   category civil
//!   cite "CRPL art. 55"
//!
//! rule fraud
//!   consumer.deceived => punitive damages
//!   cite "CRPL art. 55"
//! "#;
//! let rulebook = SourceFile::new("demo.rules", text);
//! let (graph, diagnostics) = compile(&rulebook);
//! assert!(diagnostics.is_empty());
//! let graph = graph.expect("no errors");
//!
//! let case_file = SourceFile::new("case.json", r#"{"consumer": {"deceived": true}}"#);
//! let (case, _) = case::parse_case(graph.model(), &case_file, case::Format::Json);
//! let outcome = eval::evaluate(&graph, &case.expect("valid"), &eval::Options::default());
//! assert_eq!(outcome.remedies[0].id, "punitive_damages");
//!
//! // A missing fact is unknown: the remedy is undetermined, not refused.
//! let empty = SourceFile::new("empty.json", "{}");
//! let (case, _) = case::parse_case(graph.model(), &empty, case::Format::Json);
//! let outcome = eval::evaluate(&graph, &case.expect("valid"), &eval::Options::default());
//! assert_eq!(outcome.undetermined[0].needs[..], ["consumer.deceived"]);
//! ```
#![warn(missing_docs)]

pub mod ask;
pub mod ast;
pub mod batch;
pub mod calendar;
pub mod case;
pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod eval;
pub mod explain;
pub mod export;
pub mod fmt;
pub mod graph;
pub mod i18n;
pub mod limits;
pub mod lsp;
pub mod model;
pub mod outcome;
pub mod report;
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
pub mod source;
pub mod syntax;
pub mod testing;
pub mod value;
pub mod vocab;
pub mod workspace;

use std::sync::Arc;

use diagnostic::Diagnostic;
use graph::DecisionGraph;
use source::SourceFile;

/// Parse, check and compile a rulebook. The graph is `None` when any error
/// was found; the diagnostics hold every error and warning. Syntax errors
/// stop before the checks, which would only repeat them.
pub fn compile(file: &Arc<SourceFile>) -> (Option<DecisionGraph>, Vec<Diagnostic>) {
    compile_with(file, &limits::Limits::DEFAULT)
}

/// [`compile`], with limits other than the defaults (see [`limits`]).
pub fn compile_with(
    file: &Arc<SourceFile>,
    limits: &limits::Limits,
) -> (Option<DecisionGraph>, Vec<Diagnostic>) {
    let (ast, mut diagnostics) = syntax::parse_with(file, limits);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return (None, diagnostics);
    }
    let (model, more) = check::check_with(file, &ast, limits);
    // the tree is not needed any more: its memory serves the graph
    drop(ast);
    diagnostics.extend(more);
    (model.map(DecisionGraph::compile), diagnostics)
}
