//! Test results and coverage as text for people, and the JSON report for tools.
//!
//! The JSON report (`redress test --format json`) is one object:
//!
//! ```text
//! {
//!   "passed": 3, "failed": 1,
//!   "tests": [{
//!     "name": "…", "path": "…/tests/x.test.toml", "rulebook": "…/x.rules" | null,
//!     "status": "passed" | "failed" | "invalid",
//!     "mismatches": [{ "remedy", "check", "expected", "actual",
//!       "trace": [{ "rule", "exception_to"?, "condition", "applies",
//!                   "parts": [{ "condition", "value" }],
//!                   "exceptions": [{ "rule", "applies" }],
//!                   "facts": { "name": "value" | null } }] }],
//!     "diagnostics": [ /* as `redress check --format json` */ ] }],
//!   "coverage": [{ "rulebook", "tests",
//!     "rules": { "covered", "total", "percent" },
//!     "conditions": { "covered", "total", "percent" },
//!     "uncovered_rules": [{ "rule", "exception_to"?, "reason" }],
//!     "uncovered_conditions": [{ "rule", "condition", "via"?, "seen_true",
//!                                "seen_false", "unknown", "reason" }],
//!     "counted_per_rule"?: [["misuse", 3]] }],
//!   "min_coverage": 90.0 | null
//! }
//! ```
//!
//! Truth values are `"yes"`, `"no"` or `"unknown"`; `coverage` is empty
//! without `--coverage`; lists follow the test paths and declaration order.

use std::fmt::Write as _;

use serde::Serialize;

use super::coverage::{CoverageReport, Ratio};
use super::{Mismatch, RuleTrace, TestResult};
use crate::i18n::{FluentValue, Words, columns};
use crate::report::{JsonDiagnostic, visible_inline};

/// The summary line in `lang`: `N passed, M failed`.
///
/// ```
/// use redress::testing::render::summary;
/// assert_eq!(summary(8, 0, "en"), "8 passed, 0 failed");
/// assert_eq!(summary(8, 0, "zh"), "通过 8 个，失败 0 个");
/// ```
pub fn summary(passed: usize, failed: usize, lang: &str) -> String {
    Words::new(lang).get(
        "test-summary",
        &[("passed", number(passed)), ("failed", number(failed))],
    )
}

fn number(n: usize) -> FluentValue<'static> {
    FluentValue::from(i64::try_from(n).unwrap_or(i64::MAX))
}

/// `text` padded with spaces to `width` terminal columns (wide characters
/// take two).
fn pad(text: &str, width: usize) -> String {
    let mut s = text.to_string();
    for _ in columns(text)..width {
        s.push(' ');
    }
    s
}

/// One line for a test that passed, or the differences and traces of one
/// that failed, in `lang`.
/// Control characters in names and values are made visible
/// ([`crate::report::visible`]).
pub fn human_result(r: &TestResult, lang: &str) -> String {
    let words = Words::new(lang);
    let mut out = String::new();
    let line = |id: &str| words.text(id, &[("name", &r.name), ("path", &r.path)]);
    if r.passed() {
        let _ = writeln!(out, "{}", line("test-passed"));
    } else {
        let _ = writeln!(out, "{}", line("test-failed"));
        for m in &r.mismatches {
            mismatch(&mut out, m, words);
        }
        out.push('\n');
    }
    crate::report::visible(&out).into_owned()
}

fn mismatch(out: &mut String, m: &Mismatch, words: Words) {
    let lang = words.lang();
    let head = match m.check.as_str() {
        "applies" | "not_applies" | "undetermined" => {
            words.text("test-mismatch", &[("remedy", &m.remedy)])
        }
        other => words.text(
            "test-mismatch-detail",
            &[("remedy", &m.remedy), ("check", other)],
        ),
    };
    let _ = writeln!(out, "  {head}");
    // values from the test file and the case: one line each
    let expected = visible_inline(&m.expected.render(lang)).into_owned();
    let actual = visible_inline(&m.actual.render(lang)).into_owned();
    let _ = writeln!(
        out,
        "    {}",
        words.text("test-expected", &[("value", &expected)])
    );
    let _ = writeln!(
        out,
        "    {}",
        words.text("test-actual", &[("value", &actual)])
    );
    for t in &m.trace {
        rule_trace(out, t, words);
    }
}

/// A truth value (`yes`, `no`, `unknown`) in words.
fn truth(words: Words, value: &str) -> String {
    match value {
        "yes" => words.get("test-truth-yes", &[]),
        "no" => words.get("test-truth-no", &[]),
        _ => words.get("test-truth-unknown", &[]),
    }
}

fn rule_trace(out: &mut String, t: &RuleTrace, words: Words) {
    let kind = match &t.exception_to {
        Some(r) => words.text(
            "test-trace-exception",
            &[("rule", &t.rule), ("to", &r.render(words.lang()))],
        ),
        None => words.text("test-trace-rule", &[("rule", &t.rule)]),
    };
    let by = |value: &str| {
        let names: Vec<String> = t
            .exceptions
            .iter()
            .filter(|e| e.applies == value)
            .map(|e| e.rule.render(words.lang()))
            .collect();
        words.list(&names)
    };
    let verdict = match (t.applies, t.condition) {
        ("yes", _) => {
            let out = by("no");
            if out.is_empty() {
                words.get("test-trace-applies", &[])
            } else {
                words.text("test-trace-applies-ruled-out", &[("exceptions", &out)])
            }
        }
        (_, "no") => words.get("test-trace-not-applies", &[]),
        ("no", _) => words.text("test-trace-set-aside", &[("exceptions", &by("yes"))]),
        (_, "unknown") => words.get("test-trace-undetermined", &[]),
        _ => words.text(
            "test-trace-exception-unknown",
            &[("exceptions", &by("unknown"))],
        ),
    };
    let _ = writeln!(
        out,
        "    {}",
        words.text("test-trace", &[("rule", &kind), ("verdict", &verdict)])
    );
    for p in &t.parts {
        let _ = writeln!(
            out,
            "      {}{}",
            pad(&truth(words, p.value), 8),
            p.condition
        );
    }
    if !t.facts.0.is_empty() {
        let unknown = words.get("test-word-unknown", &[]);
        let facts: Vec<String> = t
            .facts
            .0
            .iter()
            .map(|(n, v)| {
                let v = v.as_deref().map_or(unknown.as_str().into(), visible_inline);
                format!("{n} = {v}")
            })
            .collect();
        let _ = writeln!(
            out,
            "      {}",
            words.text("test-facts-read", &[("facts", &words.list(&facts))])
        );
    }
}

fn ratio(r: Ratio, words: Words) -> String {
    words.text(
        "cov-ratio",
        &[
            ("covered", &r.covered.to_string()),
            ("total", &r.total.to_string()),
            ("percent", &format!("{:.1}", r.percent())),
        ],
    )
}

/// Coverage of one rulebook, for people, in `lang`.
pub fn human_coverage(rulebook: &str, c: &CoverageReport, lang: &str) -> String {
    let words = Words::new(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        words.get(
            "cov-heading",
            &[("rulebook", rulebook.into()), ("count", number(c.tests))]
        )
    );
    // the two ratios line up, two columns after the longer label
    let rules_label = words.get("cov-rules-applied", &[]);
    let conditions_label = words.get("cov-condition-outcomes", &[]);
    let width = columns(&rules_label).max(columns(&conditions_label)) + 2;
    let _ = writeln!(
        out,
        "  {}{}",
        pad(&rules_label, width),
        ratio(c.rules, words)
    );
    if !c.counted_per_rule.is_empty() {
        let each: Vec<String> = c
            .counted_per_rule
            .iter()
            .map(|(name, n)| {
                words.get(
                    "cov-counted-rules",
                    &[("name", visible_inline(name).into()), ("count", number(*n))],
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "    {}",
            words.text("cov-counted-per-rule", &[("each", &words.list(&each))])
        );
    }
    let _ = writeln!(
        out,
        "  {}{}",
        pad(&conditions_label, width),
        ratio(c.conditions, words)
    );
    let (rules, exceptions): (Vec<_>, Vec<_>) = c
        .uncovered_rules
        .iter()
        .partition(|r| r.exception_to.is_none());
    if !rules.is_empty() {
        let _ = writeln!(out, "  {}", words.get("cov-rules-never-fired", &[]));
        for r in rules {
            let reason = r.reason.render(lang);
            let _ = writeln!(
                out,
                "    {}",
                words.text("cov-rule-reason", &[("rule", &r.rule), ("reason", &reason)])
            );
        }
    }
    if !exceptions.is_empty() {
        let _ = writeln!(out, "  {}", words.get("cov-exceptions-never-taken", &[]));
        for r in exceptions {
            let to = r
                .exception_to
                .as_ref()
                .map(|t| t.render(lang))
                .unwrap_or_default();
            let reason = r.reason.render(lang);
            let _ = writeln!(
                out,
                "    {}",
                words.text(
                    "cov-exception-reason",
                    &[("rule", &r.rule), ("to", &to), ("reason", &reason)]
                )
            );
        }
    }
    if !c.uncovered_conditions.is_empty() {
        let _ = writeln!(out, "  {}", words.get("cov-conditions-one-way", &[]));
        for a in &c.uncovered_conditions {
            let rule = a.rule.render(lang);
            let line = match &a.via {
                Some(via) => words.text(
                    "cov-condition-via",
                    &[("rule", &rule), ("condition", &a.condition), ("via", via)],
                ),
                None => words.text(
                    "cov-condition",
                    &[("rule", &rule), ("condition", &a.condition)],
                ),
            };
            let _ = writeln!(out, "    {line}");
            let _ = writeln!(out, "      {}", a.reason.render(lang));
        }
    }
    crate::report::visible(&out).into_owned()
}

/// The JSON report of a whole run.
#[derive(Clone, Debug, Serialize)]
pub struct JsonReport<'g> {
    /// Tests that passed.
    pub passed: usize,
    /// Tests that failed or were invalid.
    pub failed: usize,
    /// Every test, by path.
    pub tests: Vec<JsonTest<'g>>,
    /// Coverage per rulebook (with `--coverage`).
    pub coverage: Vec<JsonCoverage>,
    /// The minimum asked for, if any.
    pub min_coverage: Option<f64>,
}

/// One test in the JSON report.
#[derive(Clone, Debug, Serialize)]
pub struct JsonTest<'g> {
    /// Its name.
    pub name: String,
    /// Its file.
    pub path: String,
    /// Its rulebook, when found.
    pub rulebook: Option<String>,
    /// `passed`, `failed` or `invalid`.
    pub status: &'static str,
    /// What differs.
    pub mismatches: Vec<Mismatch<'g>>,
    /// Problems with the test file, its case, or its rulebook.
    pub diagnostics: Vec<JsonDiagnostic>,
}

/// A ratio with its percentage.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct JsonRatio {
    /// Covered.
    pub covered: usize,
    /// Of.
    pub total: usize,
    /// Percent, 100 when the total is 0.
    pub percent: f64,
}

impl From<Ratio> for JsonRatio {
    fn from(r: Ratio) -> JsonRatio {
        JsonRatio {
            covered: r.covered,
            total: r.total,
            percent: (r.percent() * 10.0).round() / 10.0,
        }
    }
}

/// Coverage of one rulebook in the JSON report.
#[derive(Clone, Debug, Serialize)]
pub struct JsonCoverage {
    /// The rulebook.
    pub rulebook: String,
    /// Tests run.
    pub tests: usize,
    /// Rules and exceptions that applied.
    pub rules: JsonRatio,
    /// Condition outcomes seen.
    pub conditions: JsonRatio,
    /// Rules never fired, exceptions never taken.
    pub uncovered_rules: Vec<super::coverage::UncoveredRule>,
    /// Atomic conditions not seen both ways.
    pub uncovered_conditions: Vec<super::coverage::UncoveredCondition>,
}

impl JsonCoverage {
    /// The JSON view of a coverage report.
    pub fn new(rulebook: &str, c: &CoverageReport) -> JsonCoverage {
        JsonCoverage {
            rulebook: rulebook.to_string(),
            tests: c.tests,
            rules: c.rules.into(),
            conditions: c.conditions.into(),
            uncovered_rules: c.uncovered_rules.clone(),
            uncovered_conditions: c.uncovered_conditions.clone(),
        }
    }
}
