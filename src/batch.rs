//! One case per line: a JSON line → one JSON line, the outcome or an error
//! record. The CLI streams a file through this on all cores, in input order.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::case::{Format, parse_case_with};
use crate::diagnostic::Diagnostic;
use crate::eval::{Evaluator, Options};
use crate::limits::Limits;
use crate::outcome::Outcome;
use crate::source::SourceFile;

/// The record written for a line that could not be evaluated.
#[derive(Debug, Serialize)]
pub struct ErrorRecord {
    /// The line number, from 1.
    pub line: usize,
    /// What was wrong, each with its stable code.
    pub errors: Vec<LineError>,
}

/// One problem in a line.
#[derive(Debug, Serialize)]
pub struct LineError {
    /// `redress::…`
    pub code: String,
    /// What is wrong, naming the key and the value.
    pub message: String,
    /// 1-based column in characters, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// What became of one line.
#[derive(Debug)]
pub enum LineOutcome<'g> {
    /// Evaluated.
    Outcome(Box<Outcome<'g>>),
    /// Not evaluated: the errors.
    Error(ErrorRecord),
}

impl LineOutcome<'_> {
    /// The line as written to the output, without the newline.
    pub fn to_json(&self) -> String {
        let written = match self {
            LineOutcome::Outcome(o) => serde_json::to_string(o),
            LineOutcome::Error(e) => serde_json::to_string(e),
        };
        written.unwrap_or_else(|e| {
            format!(r#"{{"errors":[{{"code":"redress::io","message":"{e}"}}]}}"#)
        })
    }
}

/// Evaluate one line of a JSON Lines file.
pub fn evaluate_line<'g>(
    evaluator: &mut Evaluator<'g>,
    line: &str,
    number: usize,
    options: &Options,
    limits: &Limits,
) -> LineOutcome<'g> {
    let graph = evaluator.graph();
    let text = line.strip_suffix('\r').unwrap_or(line);
    let file = SourceFile::new(format!("line {number}"), text);
    let (case, diagnostics) = parse_case_with(graph.model(), &file, Format::Json, limits);
    match case {
        Some(case) => LineOutcome::Outcome(Box::new(evaluator.evaluate(&case, options))),
        None => LineOutcome::Error(ErrorRecord {
            line: number,
            errors: diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| line_error(d, &file))
                .collect(),
        }),
    }
}

fn line_error(d: &Diagnostic, file: &Arc<SourceFile>) -> LineError {
    LineError {
        code: d.code.to_string(),
        message: d.message.clone(),
        column: d.primary_span().map(|s| file.line_col(s.start).1),
    }
}

/// Counts kept while a batch runs, for the summary.
#[derive(Debug, Default)]
pub struct Tally {
    /// Lines read.
    pub cases: usize,
    /// Lines that could not be evaluated.
    pub errors: usize,
    /// How often each remedy applied, by id.
    pub remedies: BTreeMap<String, usize>,
}
