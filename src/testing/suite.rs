//! A run of many test files over the rulebooks they name: each test's
//! status (passed, failed, invalid), coverage per rulebook, and what the CI
//! formats say of failures and of coverage under a minimum.
//!
//! The caller finds and reads the files (the library does no I/O) and gives
//! them here as [`Book`]s and [`Entry`]s; `redress test` is that caller.

use std::sync::Arc;

use crate::diagnostic::{Arg, Code, Diagnostic, Text};
use crate::graph::DecisionGraph;
use crate::source::{SourceFile, Span};
use crate::text;

use super::file::TestFile;
use super::{CoverageReport, Runner, Test, TestResult};

/// A rulebook named by some test.
#[derive(Debug)]
pub struct Book {
    /// As the report names it.
    pub path: String,
    /// Its text, once it compiled (coverage points into it).
    pub file: Option<Arc<SourceFile>>,
    /// Compiled, when it has no errors.
    pub graph: Option<DecisionGraph>,
    /// Why it could not be used.
    pub diagnostics: Vec<Diagnostic>,
}

/// A test file found, and what became of it.
#[derive(Debug)]
pub struct Entry {
    /// As the report names it.
    pub path: String,
    /// Its text, when it could be read.
    pub file: Option<Arc<SourceFile>>,
    /// Its rulebook, by index into the books.
    pub rulebook: Option<usize>,
    /// The test, when it is valid against its rulebook.
    pub test: Option<Test>,
    /// The test's name (empty when the file could not be read as a test).
    pub name: String,
    /// What is wrong with it.
    pub diagnostics: Vec<Diagnostic>,
}

impl Entry {
    /// A test file that was read: with no rulebook yet.
    pub fn new(path: String, file: Option<Arc<SourceFile>>) -> Entry {
        Entry {
            path,
            file,
            rulebook: None,
            test: None,
            name: String::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Check the test file against its rulebook (`book`, at index `index`),
    /// or say why it has none usable (`Err`: where it could not be found).
    pub fn attach(&mut self, test_file: &TestFile, book: Result<(usize, &Book), Text>) {
        let label = |d: Diagnostic| match &test_file.rulebook {
            Some((_, span)) => d.label(*span, text!("diag-test-this-rulebook")),
            None => d,
        };
        let in_file = |d: Diagnostic, file: &Option<Arc<SourceFile>>| match file {
            Some(f) => d.in_file(f),
            None => d,
        };
        match book {
            Ok((index, book)) => {
                self.rulebook = Some(index);
                match &book.graph {
                    Some(graph) => {
                        let (test, diagnostics) = test_file.check(graph.model());
                        self.test = test;
                        self.diagnostics.extend(diagnostics);
                    }
                    None => {
                        let d = Diagnostic::error(
                            Code::TestRulebook,
                            text!("diag-test-rulebook-errors", path = &book.path),
                        )
                        .help(text!("diag-test-run-check", path = &book.path));
                        let d = label(in_file(d, &self.file));
                        self.diagnostics.push(d);
                    }
                }
            }
            Err(message) => {
                let d = Diagnostic::error(Code::TestRulebook, message)
                    .help(text!("diag-test-name-rulebook-help"));
                let d = label(in_file(d, &self.file));
                self.diagnostics.push(d);
            }
        }
    }
}

/// What became of a test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Its outcome is the one it expects.
    Passed,
    /// Its outcome differs.
    Failed,
    /// It could not be run (not a valid test, or no usable rulebook).
    Invalid,
}

impl Status {
    /// `passed`, `failed`, `invalid`.
    pub fn word(self) -> &'static str {
        match self {
            Status::Passed => "passed",
            Status::Failed => "failed",
            Status::Invalid => "invalid",
        }
    }
}

/// A test's run.
#[derive(Debug)]
pub struct TestRun<'b> {
    /// Which entry.
    pub entry: usize,
    /// Passed, failed or invalid.
    pub status: Status,
    /// The result, when it ran.
    pub result: Option<TestResult<'b>>,
    /// For the CI formats: the failure as a `test_failed` error at the test
    /// file's first line.
    pub failure: Option<Diagnostic>,
}

/// A rulebook's coverage across its tests.
#[derive(Debug)]
pub struct BookCoverage {
    /// Which book.
    pub book: usize,
    /// The report.
    pub report: CoverageReport,
    /// Under the minimum asked for: one `coverage_below_minimum` error per
    /// rule never applied and per condition not seen both ways (empty when
    /// coverage is not under it).
    pub below_minimum: Vec<Diagnostic>,
}

/// The whole run.
#[derive(Debug, Default)]
pub struct SuiteReport<'b> {
    /// Each entry's run, in the entries' order.
    pub tests: Vec<TestRun<'b>>,
    /// Coverage per rulebook, when asked for (in the books' order).
    pub coverage: Vec<BookCoverage>,
    /// Tests passed.
    pub passed: usize,
    /// Tests failed or invalid.
    pub failed: usize,
    /// Some rulebook's coverage is under the minimum.
    pub under: bool,
}

impl SuiteReport<'_> {
    /// True when every test passed and coverage is not under the minimum.
    pub fn ok(&self) -> bool {
        self.failed == 0 && !self.under
    }
}

/// Run every entry's test on its rulebook; with `coverage` (or a
/// `min_coverage` percentage) measure coverage per rulebook.
pub fn run<'b>(
    books: &'b [Book],
    entries: &[Entry],
    coverage: bool,
    min_coverage: Option<f64>,
) -> SuiteReport<'b> {
    let mut runners: Vec<Option<Runner<'b>>> = books
        .iter()
        .map(|b| b.graph.as_ref().map(Runner::new))
        .collect();
    let mut report = SuiteReport::default();
    for (i, e) in entries.iter().enumerate() {
        let runner = e
            .rulebook
            .and_then(|b| runners.get_mut(b))
            .and_then(Option::as_mut);
        let run = match (&e.test, runner) {
            (Some(test), Some(runner)) => {
                let result = runner.run(test);
                let passed = result.passed();
                let failure = (!passed).then(|| failure(e, &result)).flatten();
                TestRun {
                    entry: i,
                    status: if passed {
                        Status::Passed
                    } else {
                        Status::Failed
                    },
                    result: Some(result),
                    failure,
                }
            }
            _ => TestRun {
                entry: i,
                status: Status::Invalid,
                result: None,
                failure: None,
            },
        };
        if run.status == Status::Passed {
            report.passed += 1;
        } else {
            report.failed += 1;
        }
        report.tests.push(run);
    }
    if coverage || min_coverage.is_some() {
        for (i, (book, runner)) in books.iter().zip(&runners).enumerate() {
            let Some(runner) = runner else { continue };
            let c = runner.coverage();
            let below = match min_coverage {
                Some(min) if c.rules.percent() < min || c.conditions.percent() < min => {
                    report.under = true;
                    below_minimum(book, &c, min)
                }
                _ => Vec::new(),
            };
            report.coverage.push(BookCoverage {
                book: i,
                report: c,
                below_minimum: below,
            });
        }
    }
    report
}

/// A failed test as one `test_failed` error at the test file's first line.
fn failure(e: &Entry, result: &TestResult) -> Option<Diagnostic> {
    let file = e.file.as_ref()?;
    let first_line = file.text().find('\n').unwrap_or(file.text().len());
    let what: Vec<Text> = result
        .mismatches
        .iter()
        .map(|m| {
            text!(
                "diag-test-mismatch",
                remedy = &m.remedy,
                check = &m.check,
                expected = m.expected.clone(),
                actual = m.actual.clone()
            )
        })
        .collect();
    Some(
        Diagnostic::error(
            Code::TestFailed,
            text!(
                "diag-test-failed",
                name = &e.name,
                what = what
                    .into_iter()
                    .map(Arg::from)
                    .reduce(|first, then| text!(
                        "diag-test-mismatch-then",
                        first = first,
                        then = then
                    )
                    .into())
                    .unwrap_or_else(|| Arg::from(""))
            ),
        )
        .in_file(file)
        .label(Span::new(0, first_line), text!("diag-test-this-test"))
        .help(text!("diag-test-failed-help", path = &e.path)),
    )
}

/// What the machine formats (GitHub annotations, SARIF) say of coverage
/// under the minimum: one error per rule never applied and per condition not
/// seen both ways, at the rule's name in the rulebook.
fn below_minimum(book: &Book, coverage: &CoverageReport, min: f64) -> Vec<Diagnostic> {
    let Some(file) = &book.file else {
        return Vec::new();
    };
    let (tree, _) = crate::syntax::parse(file);
    let at = |rule: &str| {
        tree.items.iter().find_map(|item| match item {
            crate::ast::Item::Rule(r) if r.name.text == rule => Some(r.name.span),
            _ => None,
        })
    };
    let with_span = |d: Diagnostic, rule: &str, label: Text| match at(rule) {
        Some(span) => d.in_file(file).label(span, label),
        None => d.in_file(file),
    };
    let under = text!(
        "diag-test-coverage-under",
        rules = format!("{:.1}", coverage.rules.percent()),
        conditions = format!("{:.1}", coverage.conditions.percent()),
        min = min.to_string()
    );
    let mut out = Vec::new();
    for r in &coverage.uncovered_rules {
        let d = Diagnostic::error(
            Code::CoverageBelowMinimum,
            text!(
                "diag-test-rule-uncovered",
                rule = &r.rule,
                reason = r.reason.clone()
            ),
        )
        .help(text!(
            "diag-test-rule-uncovered-help",
            under = under.clone()
        ));
        out.push(with_span(
            d,
            &r.rule,
            text!("diag-test-rule-uncovered-label"),
        ));
    }
    for c in &coverage.uncovered_conditions {
        let d = Diagnostic::error(
            Code::CoverageBelowMinimum,
            text!(
                "diag-test-condition-uncovered",
                condition = &c.condition,
                rule = c.rule.clone(),
                reason = c.reason.clone()
            ),
        )
        .help(text!(
            "diag-test-condition-uncovered-help",
            under = under.clone()
        ));
        out.push(with_span(
            d,
            c.rule.english(),
            text!("diag-test-condition-uncovered-label"),
        ));
    }
    if out.is_empty() {
        out.push(Diagnostic::error(Code::CoverageBelowMinimum, under).in_file(file));
    }
    out
}
