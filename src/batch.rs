//! One case per line: a JSON line → one JSON line, the outcome or an error
//! record. The CLI streams a file through this on all cores, in input order.

use std::io::{self, BufRead};
use std::sync::Arc;

use serde::Serialize;

use crate::case::{CaseReader, Format};
use crate::diagnostic::Diagnostic;
use crate::eval::{Evaluator, Options};
use crate::graph::DecisionGraph;
use crate::limits::Limits;
use crate::model::Model;
use crate::outcome::Outcome;
use crate::source::SourceFile;

/// The record written for a line that could not be evaluated.
#[derive(Debug, Serialize)]
pub struct ErrorRecord {
    /// The line's id (`--id-field`), as written in the line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Box<serde_json::value::RawValue>>,
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
    /// Evaluated; with the line's id (`--id-field`) as written, if it gave one.
    Outcome(Box<Outcome<'g>>, Option<Box<serde_json::value::RawValue>>),
    /// Not evaluated: the errors.
    Error(ErrorRecord),
}

impl<'g> LineOutcome<'g> {
    /// Append the line as written to the output, with its newline.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let before = out.len();
        match self {
            LineOutcome::Outcome(o, id) => {
                o.write_json(out);
                // `{"id":…,` in place of the outcome's `{`
                if let (Some(id), Some(b'{')) = (id, out.get(before)) {
                    let mut head = Vec::with_capacity(id.get().len() + 7);
                    head.extend_from_slice(b"{\"id\":");
                    head.extend_from_slice(id.get().as_bytes());
                    head.push(b',');
                    out.splice(before..=before, head);
                }
            }
            LineOutcome::Error(e) => {
                if serde_json::to_writer(&mut *out, e).is_err() {
                    out.truncate(before);
                    out.extend_from_slice(self.to_json().as_bytes());
                }
            }
        }
        out.push(b'\n');
    }

    /// Count the line in a tally.
    pub fn count(&self, tally: &mut Tally) {
        tally.cases += 1;
        match self {
            LineOutcome::Outcome(o, _) => {
                // once per case: a remedy given with two amounts or deadlines
                // has two entries in the full record, one in ids
                for (remedy, _) in o.applied() {
                    let i = remedy.index();
                    if tally.remedies.len() <= i {
                        tally.remedies.resize(i + 1, 0);
                    }
                    if let Some(n) = tally.remedies.get_mut(i) {
                        *n += 1;
                    }
                }
            }
            LineOutcome::Error(_) => tally.errors += 1,
        }
    }

    /// The line as written to the output, without the newline.
    pub fn to_json(&self) -> String {
        let written = match self {
            LineOutcome::Outcome(o, None) => serde_json::to_string(o),
            LineOutcome::Outcome(o, Some(id)) => serde_json::to_string(&WithId { id, outcome: o }),
            LineOutcome::Error(e) => serde_json::to_string(e),
        };
        written.unwrap_or_else(|e| {
            format!(r#"{{"errors":[{{"code":"redress::io","message":"{e}"}}]}}"#)
        })
    }
}

/// An outcome with the line's id first, as `write_json` writes it.
#[derive(Serialize)]
struct WithId<'a, 'g> {
    id: &'a serde_json::value::RawValue,
    #[serde(flatten)]
    outcome: &'a Outcome<'g>,
}

/// Evaluates the lines of a JSON Lines file, keeping its working space (the
/// evaluator's memo, the case reader's name tables) from one line to the
/// next; one per thread.
#[derive(Clone, Debug)]
pub struct LineEvaluator<'g> {
    evaluator: Evaluator<'g>,
    reader: CaseReader<'g>,
    options: Options,
    /// The language of the error records' messages.
    lang: &'static str,
}

impl<'g> LineEvaluator<'g> {
    /// A line evaluator for a graph.
    pub fn new(graph: &'g DecisionGraph, options: Options, limits: Limits) -> LineEvaluator<'g> {
        LineEvaluator {
            evaluator: Evaluator::new(graph),
            reader: CaseReader::new(graph.model(), limits),
            options,
            lang: "en",
        }
    }

    /// Write the messages of error records in `lang` (English when redress
    /// has no words in it).
    pub fn with_lang(mut self, lang: &str) -> LineEvaluator<'g> {
        self.lang = crate::i18n::Words::new(lang).lang();
        self
    }

    /// Copy each line's top-level key `name` (not a fact of the rulebook) into
    /// its output line, first, as written (`eval --jsonl --id-field`).
    pub fn with_id_field(mut self, name: Option<String>) -> LineEvaluator<'g> {
        self.reader = self.reader.with_id_field(name);
        self
    }

    /// Evaluate one line (`number` counts from 1).
    pub fn evaluate(&mut self, line: &str, number: usize) -> LineOutcome<'g> {
        let text = line.strip_suffix('\r').unwrap_or(line);
        if text.trim().is_empty() {
            return LineOutcome::Error(ErrorRecord {
                id: None,
                line: number,
                errors: vec![LineError {
                    code: crate::diagnostic::Code::CaseSyntax.to_string(),
                    message: crate::text!("diag-batch-empty-line").render(self.lang),
                    column: None,
                }],
            });
        }
        // the source file is named and copied only for a line with diagnostics
        let (case, diagnostics, id) =
            self.reader
                .read_str_with_id(text, &|| format!("line {number}"), Format::Json);
        // the id as written: a JSON value the reader has read whole
        let id = id
            .and_then(|span| text.get(span.start..span.end))
            .and_then(|raw| serde_json::value::RawValue::from_string(raw.to_string()).ok());
        match case {
            Some(case) => {
                LineOutcome::Outcome(Box::new(self.evaluator.evaluate(&case, &self.options)), id)
            }
            None => {
                let file = SourceFile::new(format!("line {number}"), text);
                LineOutcome::Error(ErrorRecord {
                    id,
                    line: number,
                    errors: diagnostics
                        .iter()
                        .filter(|d| d.is_error())
                        .map(|d| line_error(d, &file, self.lang))
                        .collect(),
                })
            }
        }
    }

    /// Evaluate one line as [`read_line`] kept it: `None` for a line longer
    /// than `max_line` bytes (the `case_bytes` limit), which becomes a
    /// `limit_exceeded` record; a line that is not UTF-8 becomes an `io`
    /// record (`eval --jsonl` and the server's batch endpoint both call this).
    pub fn evaluate_bytes(
        &mut self,
        bytes: Option<&[u8]>,
        number: usize,
        max_line: usize,
    ) -> LineOutcome<'g> {
        match bytes.map(std::str::from_utf8) {
            Some(Ok(line)) => self.evaluate(line, number),
            Some(Err(e)) => one_error(
                number,
                crate::diagnostic::Code::Io.to_string(),
                crate::text!(
                    "diag-batch-not-utf8",
                    column = (e.valid_up_to() + 1).to_string()
                )
                .render(self.lang),
            ),
            None => one_error(
                number,
                crate::diagnostic::Code::LimitExceeded.to_string(),
                crate::text!(
                    "diag-batch-too-long",
                    max = crate::diagnostic::grouped(max_line)
                )
                .render(self.lang),
            ),
        }
    }
}

/// The record of a line that was not evaluated, with one error.
fn one_error<'g>(line: usize, code: String, message: String) -> LineOutcome<'g> {
    LineOutcome::Error(ErrorRecord {
        id: None,
        line,
        errors: vec![LineError {
            code,
            message,
            column: None,
        }],
    })
}

/// What [`read_line`] read.
pub enum Line {
    /// The end of the input: no more lines.
    End,
    /// A line, appended.
    Kept,
    /// A line longer than the limit: read to its end, nothing appended.
    TooLong,
}

/// Read a line (up to a newline or the end of the input) and append it to
/// `buf` without its newline, unless it is longer than `max` bytes: then
/// the rest of it is read and dropped as it comes, so that no line, however
/// long (`/dev/zero`), takes more than `max` bytes of memory.
pub fn read_line(input: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    let start = buf.len();
    let mut read_any = false;
    let mut too_long = false;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                buf.truncate(start);
                return Err(e);
            }
        };
        if available.is_empty() {
            // the end of the input, after a last line without a newline or not
            return Ok(match (read_any, too_long) {
                (false, _) => Line::End,
                (true, false) => Line::Kept,
                (true, true) => Line::TooLong,
            });
        }
        read_any = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let text = available
            .get(..newline.unwrap_or(available.len()))
            .unwrap_or_default();
        if !too_long {
            if buf.len() - start + text.len() > max {
                too_long = true;
                buf.truncate(start);
            } else {
                buf.extend_from_slice(text);
            }
        }
        let used = newline.map_or(available.len(), |at| at + 1);
        input.consume(used);
        if newline.is_some() {
            return Ok(if too_long { Line::TooLong } else { Line::Kept });
        }
    }
}

fn line_error(d: &Diagnostic, file: &Arc<SourceFile>, lang: &str) -> LineError {
    LineError {
        code: d.code.to_string(),
        message: d.in_language(lang).message,
        column: d.primary_span().map(|s| file.line_col(s.start).1),
    }
}

/// Counts kept while a batch runs, for the summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Lines read.
    pub cases: usize,
    /// Lines that could not be evaluated.
    pub errors: usize,
    /// In how many cases each remedy applied (once per case, however many
    /// entries it has in the outcome's `remedies`, so that every output
    /// level counts alike), by [`RemedyId`](crate::model::RemedyId);
    /// remedies past the end never applied.
    pub remedies: Vec<usize>,
}

impl Tally {
    /// Add another tally's counts to this one.
    pub fn merge(&mut self, other: &Tally) {
        self.cases += other.cases;
        self.errors += other.errors;
        if self.remedies.len() < other.remedies.len() {
            self.remedies.resize(other.remedies.len(), 0);
        }
        for (n, m) in self.remedies.iter_mut().zip(&other.remedies) {
            *n += m;
        }
    }

    /// Zero every count (keeping the space).
    pub fn clear(&mut self) {
        self.cases = 0;
        self.errors = 0;
        self.remedies.fill(0);
    }

    /// The remedies that applied, with how often, ordered by id.
    pub fn by_id<'g>(&self, model: &'g Model) -> Vec<(&'g str, usize)> {
        let mut counts: Vec<(&'g str, usize)> = self
            .remedies
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .filter_map(|(i, n)| model.remedies.get(i).map(|r| (r.id.as_str(), *n)))
            .collect();
        counts.sort_unstable();
        counts
    }
}
