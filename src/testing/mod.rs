//! Rulebook tests: cases with expected outcomes, and coverage by rule and
//! by condition.
//!
//! Input: test files ([`parse_test`] → [`TestFile`], then
//! [`TestFile::check`] against a rulebook's model → [`Test`]) and the
//! rulebook's [`DecisionGraph`]. Output: a [`TestResult`] per test (the
//! differences between what was expected and what came out, each with the
//! trace of the rules that gave or blocked the remedy) and a
//! [`CoverageReport`] per rulebook. Finding and reading files is the
//! caller's job: nothing here does I/O.
//!
//! ```
//! use redress::source::SourceFile;
//! use redress::testing::{Runner, parse_test};
//!
//! let book = SourceFile::new("book.rules", r#"
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
//! "#);
//! let graph = redress::compile(&book).0.expect("no errors");
//!
//! let file = SourceFile::new("tests/fraud.test.toml", r#"
//! [case]
//! consumer.deceived = true
//!
//! [expect]
//! applies = ["punitive_damages"]
//! "#);
//! let (test_file, _) = parse_test(&file);
//! let (test, _) = test_file.expect("well formed").check(graph.model());
//! let mut runner = Runner::new(&graph);
//! let result = runner.run(&test.expect("valid"));
//! assert!(result.passed());
//!
//! // one test: the rule fired, but its condition was never seen false
//! let coverage = runner.coverage();
//! assert_eq!(coverage.rules.percent(), 100.0);
//! assert_eq!(coverage.conditions.percent(), 50.0);
//! assert_eq!(coverage.uncovered_conditions[0].reason.english(), "no test has `consumer.deceived = no`");
//! ```

pub mod coverage;
mod file;
pub mod render;
pub mod suite;

use crate::diagnostic::{Arg, Text};
use crate::eval::{self, Options, Trace};
use crate::graph::DecisionGraph;
use crate::model::RuleId;
use crate::outcome::{AppliedRemedy, Ordered, Outcome, Shown};
use crate::text;
use crate::value::Truth;

pub use coverage::CoverageReport;
pub use file::{Expect, RemedyDetail, Test, TestFile, parse_test, same_value};

/// Runs tests against one rulebook and gathers coverage.
#[derive(Debug)]
pub struct Runner<'g> {
    graph: &'g DecisionGraph,
    probe: coverage::Probe,
    tally: coverage::Tally,
}

/// The result of one test.
#[derive(Clone, Debug)]
pub struct TestResult<'g> {
    /// The test's name.
    pub name: String,
    /// The test file.
    pub path: String,
    /// What differs from the expectation; empty when the test passed.
    pub mismatches: Vec<Mismatch<'g>>,
    /// The outcome of the case.
    pub outcome: Outcome<'g>,
}

impl TestResult<'_> {
    /// True when everything expected came out.
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }
}

/// One expectation not met.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Mismatch<'g> {
    /// The remedy.
    pub remedy: String,
    /// What was checked: `applies`, `not_applies`, `undetermined`, `amount`,
    /// `deadline`, or `params.NAME`.
    pub check: String,
    /// What the test expected, in words (in English in JSON;
    /// [`Text::render`] for another language).
    pub expected: Text,
    /// What came out, in words (as `expected`).
    pub actual: Text,
    /// The rules that gave or could give the remedy, and their exceptions.
    pub trace: Vec<RuleTrace<'g>>,
}

/// How one rule fared in a case.
#[derive(Clone, Debug, serde::Serialize)]
pub struct RuleTrace<'g> {
    /// The rule or exception.
    pub rule: String,
    /// For an exception, its rule (`misuse, as it applies to free_repair` for a copy
    /// of an exception to several rules; English in JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exception_to: Option<Text>,
    /// Its condition (for an exception, within its rule's): `yes`, `no` or `unknown`.
    pub condition: &'static str,
    /// Whether it applies (its condition, and none of its exceptions).
    pub applies: &'static str,
    /// Each atomic condition of its own condition, on its own, with its truth.
    pub parts: Vec<Part>,
    /// Its exceptions, with whether each applies.
    pub exceptions: Vec<ExceptionState>,
    /// The facts its condition reads, with their values (`null`: unknown).
    pub facts: Ordered<'g, Option<String>>,
}

/// An atomic condition and its truth in one case.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Part {
    /// The condition, in the rule language.
    pub condition: String,
    /// `yes`, `no` or `unknown`.
    pub value: &'static str,
}

/// An exception and whether it applies in one case.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ExceptionState {
    /// The exception (as `RuleTrace::exception_to` names a rule).
    pub rule: Text,
    /// `yes`, `no` or `unknown`.
    pub applies: &'static str,
}

/// The words for a truth value.
pub fn truth_word(t: Truth) -> &'static str {
    match t {
        Truth::Yes => "yes",
        Truth::No => "no",
        Truth::Unknown => "unknown",
    }
}

enum Status<'o, 'g> {
    Applied(Vec<&'o AppliedRemedy<'g>>),
    Undetermined(&'o [&'g str]),
    NotApplied,
}

fn status<'o, 'g>(outcome: &'o Outcome<'g>, remedy: &str) -> Status<'o, 'g> {
    let applied: Vec<&AppliedRemedy> = outcome.remedies.iter().filter(|r| r.id == remedy).collect();
    if !applied.is_empty() {
        return Status::Applied(applied);
    }
    match outcome.undetermined.iter().find(|u| u.id == remedy) {
        Some(u) => Status::Undetermined(&u.needs),
        None => Status::NotApplied,
    }
}

fn status_words(s: &Status<'_, '_>) -> Text {
    match s {
        Status::Applied(_) => text!("test-word-applies"),
        Status::Undetermined([]) => text!("test-word-undetermined"),
        Status::Undetermined(needs) => {
            text!("test-word-undetermined-needs", needs = Arg::list(*needs))
        }
        Status::NotApplied => text!("test-word-not-applies"),
    }
}

fn shown_words(s: &Shown) -> String {
    s.to_string()
}

impl<'g> Runner<'g> {
    /// A runner for a rulebook; coverage starts empty.
    pub fn new(graph: &'g DecisionGraph) -> Runner<'g> {
        let probe = coverage::Probe::new(graph);
        let tally = coverage::Tally::new(graph, &probe);
        Runner {
            graph,
            probe,
            tally,
        }
    }

    /// Run one test and count it towards coverage.
    pub fn run(&mut self, test: &Test) -> TestResult<'g> {
        let options = Options {
            as_of: test.as_of,
            ..Options::default()
        };
        let (outcome, trace) = eval::evaluate_traced(self.graph, &test.case, &options);
        let atoms = self.probe.eval(&test.case, &options);
        self.tally
            .record(self.graph, &self.probe, &test.case, &trace, &atoms);
        let mut mismatches = Vec::new();
        let ex = &test.expect;
        let mut check =
            |remedy: &str, what: &str, ok: &dyn Fn(&Status<'_, '_>) -> bool, expected: Text| {
                let s = status(&outcome, remedy);
                if !ok(&s) {
                    mismatches.push(Mismatch {
                        remedy: remedy.to_string(),
                        check: what.to_string(),
                        expected,
                        actual: status_words(&s),
                        trace: Vec::new(),
                    });
                }
            };
        for r in &ex.applies {
            check(
                r,
                "applies",
                &|s| matches!(s, Status::Applied(_)),
                text!("test-word-applies"),
            );
        }
        for r in &ex.not_applies {
            check(
                r,
                "not_applies",
                &|s| matches!(s, Status::NotApplied),
                text!("test-word-not-applies"),
            );
        }
        for r in &ex.undetermined {
            check(
                r,
                "undetermined",
                &|s| matches!(s, Status::Undetermined(_)),
                text!("test-word-undetermined"),
            );
        }
        for d in &ex.remedies {
            match status(&outcome, &d.remedy) {
                Status::Applied(entries) => details(d, &entries, &mut mismatches),
                s => {
                    if !ex.applies.contains(&d.remedy) {
                        mismatches.push(Mismatch {
                            remedy: d.remedy.clone(),
                            check: "applies".to_string(),
                            expected: text!("test-word-applies-with-details"),
                            actual: status_words(&s),
                            trace: Vec::new(),
                        });
                    }
                }
            }
        }
        for m in &mut mismatches {
            m.trace = self.trace_remedy(&m.remedy, &test.case, &trace, &atoms);
        }
        TestResult {
            name: test.name.clone(),
            path: test.path.clone(),
            mismatches,
            outcome,
        }
    }

    /// Coverage over the tests run so far.
    pub fn coverage(&self) -> CoverageReport {
        self.tally.report(self.graph, &self.probe)
    }

    /// The rules concluding a remedy, each followed by its exceptions
    /// (recursively), in declaration order.
    fn trace_remedy(
        &self,
        remedy: &str,
        case: &crate::case::Case,
        trace: &Trace,
        atoms: &[Truth],
    ) -> Vec<RuleTrace<'g>> {
        let model = self.graph.model();
        let Some(rid) = model.remedies.iter().position(|r| r.id == remedy) else {
            return Vec::new();
        };
        let mut order: Vec<usize> = Vec::new();
        for (i, r) in self.graph.rules().iter().enumerate() {
            if r.conclusion
                .as_ref()
                .is_some_and(|(id, _)| id.index() == rid)
            {
                self.with_exceptions(i, &mut order, 0);
            }
        }
        order
            .into_iter()
            .filter_map(|i| self.rule_trace(i, case, trace, atoms))
            .collect()
    }

    fn with_exceptions(&self, i: usize, order: &mut Vec<usize>, depth: usize) {
        if order.contains(&i) || depth > 1_000 {
            return;
        }
        order.push(i);
        if let Some(r) = self.graph.rules().get(i) {
            for e in &r.exceptions {
                self.with_exceptions(e.index(), order, depth + 1);
            }
        }
    }

    fn rule_trace(
        &self,
        i: usize,
        case: &crate::case::Case,
        trace: &Trace,
        atoms: &[Truth],
    ) -> Option<RuleTrace<'g>> {
        let model = self.graph.model();
        let rule = model.rules.get(i)?;
        let node = self.graph.rules().get(i)?;
        let id = RuleId(u32::try_from(i).ok()?);
        // a copy of an exception to several rules: under which rule
        let name_of = |r: RuleId| {
            let name = model.rules.get(r.index())?.name.clone();
            Some(
                match self
                    .graph
                    .rules()
                    .get(r.index())
                    .and_then(|n| n.under.as_deref())
                {
                    Some(under) => text!("test-rule-under", rule = name, under = under),
                    None => Text::from(name),
                },
            )
        };
        Some(RuleTrace {
            rule: rule.name.clone(),
            exception_to: rule.exception_to.and_then(name_of),
            condition: truth_word(trace.conditions.get(i).copied().unwrap_or(Truth::Unknown)),
            applies: truth_word(trace.applies.get(i).copied().unwrap_or(Truth::Unknown)),
            parts: self
                .probe
                .atoms
                .iter()
                .zip(atoms)
                .filter(|(a, _)| a.rule == id)
                .map(|(a, t)| Part {
                    condition: a.text.clone(),
                    value: truth_word(*t),
                })
                .collect(),
            exceptions: node
                .exceptions
                .iter()
                .filter_map(|e| {
                    let t = trace
                        .applies
                        .get(e.index())
                        .copied()
                        .unwrap_or(Truth::Unknown);
                    Some(ExceptionState {
                        rule: name_of(*e)?,
                        applies: truth_word(t),
                    })
                })
                .collect(),
            facts: Ordered(
                node.facts
                    .iter()
                    .filter_map(|f| {
                        let fact = model.facts.get(f.index())?;
                        Some((fact.name.as_str(), case.get(*f).map(|v| model.show(v))))
                    })
                    .collect(),
            ),
        })
    }
}

/// Check an applied remedy's details against every entry given for it.
fn details<'g>(d: &RemedyDetail, entries: &[&AppliedRemedy<'g>], out: &mut Vec<Mismatch<'g>>) {
    fn amount_of<'a>(a: &'a AppliedRemedy<'_>) -> Option<&'a Shown<'a>> {
        a.amount.as_ref()?.value.as_ref()
    }
    fn param_of<'a>(a: &'a AppliedRemedy<'_>, n: &str) -> Option<&'a Shown<'a>> {
        a.params.get(n).and_then(|c| c.value.as_ref())
    }
    let deadline_of = |a: &AppliedRemedy| a.deadline.as_ref().and_then(|d| d.date.clone());
    // a ceiling (`up_to`) matches only a ceiling, an amount only an amount;
    // an expected amount that names a currency (`"40.00 EUR"`) must be in it
    let ceiling_of = |a: &AppliedRemedy| a.amount.as_ref().is_some_and(|c| c.up_to);
    let amount_ok = |a: &AppliedRemedy, want: &String| {
        let currency = a.amount.as_ref().and_then(|c| c.currency);
        ceiling_of(a) == d.up_to
            && amount_of(a).is_some_and(|got| same_value(&Shown::Text(want.as_str().into()), got))
            && file::amount_parts(want)
                .1
                .is_none_or(|c| currency == Some(c.code()))
    };
    let param_ok = |a: &AppliedRemedy, n: &str, want: &Shown| {
        param_of(a, n).is_some_and(|got| same_value(want, got))
    };
    let all_ok = |a: &AppliedRemedy| {
        d.amount.as_ref().is_none_or(|want| amount_ok(a, want))
            && d.deadline
                .as_ref()
                .is_none_or(|want| deadline_of(a).as_ref() == Some(want))
            && d.params.iter().all(|(n, want)| param_ok(a, n, want))
    };
    if entries.iter().any(|a| all_ok(a)) {
        return;
    }
    // the value of each application, `unknown` where it has none
    let list = |f: &dyn Fn(&AppliedRemedy) -> Option<Text>| {
        entries
            .iter()
            .map(|a| f(a).unwrap_or_else(|| text!("test-word-unknown")))
            .reduce(|first, then| text!("test-word-alternatives", first = first, then = then))
            .unwrap_or_else(|| Text::from(""))
    };
    let mismatch = |check: String, expected: Text, actual: Text| Mismatch {
        remedy: d.remedy.clone(),
        check,
        expected,
        actual,
        trace: Vec::new(),
    };
    let before = out.len();
    if let Some(want) = &d.amount {
        if !entries.iter().any(|a| amount_ok(a, want)) {
            // an expected amount that names its currency is shown, and
            // answered with the actual one's, as people read money in the
            // report's language (`€125.40`, `500.00 元`); a ceiling reads
            // `up to …`
            let (number, named) = file::amount_parts(want);
            let shown = |amount: Arg, ceiling: bool| match (amount, ceiling) {
                (amount, true) => text!("test-word-up-to", amount = amount),
                (Arg::Plain(plain), false) => Text::from(plain),
                (amount, false) => text!("test-word-amount", amount = amount),
            };
            let actual = |a: &AppliedRemedy| {
                let currency = a.amount.as_ref().and_then(|c| c.currency);
                amount_of(a).map(|v| {
                    let amount = match currency.and_then(crate::value::Currency::active) {
                        Some(c) if named.is_some() => Arg::Money(shown_words(v), c),
                        _ => Arg::Plain(shown_words(v)),
                    };
                    shown(amount, ceiling_of(a))
                })
            };
            let expected = match named {
                Some(c) => Arg::Money(number.to_string(), c),
                None => Arg::Plain(want.clone()),
            };
            out.push(mismatch(
                "amount".to_string(),
                shown(expected, d.up_to),
                list(&actual),
            ));
        }
    }
    if let Some(want) = &d.deadline {
        if !entries
            .iter()
            .any(|a| deadline_of(a).as_ref() == Some(want))
        {
            out.push(mismatch(
                "deadline".to_string(),
                Text::from(want),
                list(&|a| deadline_of(a).map(Text::from)),
            ));
        }
    }
    for (n, want) in &d.params {
        if !entries.iter().any(|a| param_ok(a, n, want)) {
            out.push(mismatch(
                format!("params.{n}"),
                Text::from(shown_words(want)),
                list(&|a| param_of(a, n).map(|v| Text::from(shown_words(v)))),
            ));
        }
    }
    if out.len() == before {
        // each detail matches some application, but no one matches them all
        out.push(mismatch(
            "details".to_string(),
            text!("test-word-one-with-all-details"),
            text!("test-word-none-with-all-details", count = entries.len()),
        ));
    }
}
