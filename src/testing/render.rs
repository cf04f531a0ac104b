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
use crate::report::{JsonDiagnostic, visible_inline};

/// The summary line: `N passed, M failed`.
pub fn summary(passed: usize, failed: usize) -> String {
    format!("{passed} passed, {failed} failed")
}

/// One line for a test that passed, or the differences and traces of one
/// that failed.
/// Control characters in names and values are made visible
/// ([`crate::report::visible`]).
pub fn human_result(r: &TestResult) -> String {
    let mut out = String::new();
    if r.passed() {
        let _ = writeln!(out, "ok   {} ({})", r.name, r.path);
    } else {
        let _ = writeln!(out, "FAIL {} ({})", r.name, r.path);
        for m in &r.mismatches {
            mismatch(&mut out, m);
        }
        out.push('\n');
    }
    crate::report::visible(&out).into_owned()
}

fn mismatch(out: &mut String, m: &Mismatch) {
    let what = match m.check.as_str() {
        "applies" | "not_applies" | "undetermined" => String::new(),
        other => format!(", {other}"),
    };
    let _ = writeln!(out, "  {}{what}:", m.remedy);
    // values from the test file and the case: one line each
    let _ = writeln!(out, "    - expected: {}", visible_inline(&m.expected));
    let _ = writeln!(out, "    + actual:   {}", visible_inline(&m.actual));
    for t in &m.trace {
        rule_trace(out, t);
    }
}

fn rule_trace(out: &mut String, t: &RuleTrace) {
    let kind = match &t.exception_to {
        Some(r) => format!("exception {} (to {r})", t.rule),
        None => format!("rule {}", t.rule),
    };
    let by = |value: &str| {
        t.exceptions
            .iter()
            .filter(|e| e.applies == value)
            .map(|e| e.rule.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let verdict = match (t.applies, t.condition) {
        ("yes", _) => {
            let out = by("no");
            if out.is_empty() {
                "applies: its condition is yes".to_string()
            } else {
                format!("applies: its condition is yes; exceptions ruled out: {out}")
            }
        }
        (_, "no") => "does not apply: its condition is no".to_string(),
        ("no", _) => format!(
            "does not apply: its condition is yes, but exception {} applies",
            by("yes")
        ),
        (_, "unknown") => "is undetermined: its condition is unknown".to_string(),
        _ => format!(
            "is undetermined: its condition is yes, but exception {} is unknown",
            by("unknown")
        ),
    };
    let _ = writeln!(out, "    {kind} {verdict}");
    for p in &t.parts {
        let _ = writeln!(out, "      {:<8}{}", p.value, p.condition);
    }
    if !t.facts.0.is_empty() {
        let facts: Vec<String> = t
            .facts
            .0
            .iter()
            .map(|(n, v)| {
                let v = v.as_deref().map_or("unknown".into(), visible_inline);
                format!("{n} = {v}")
            })
            .collect();
        let _ = writeln!(out, "      facts read: {}", facts.join(", "));
    }
}

fn ratio(r: Ratio) -> String {
    format!("{}/{} ({:.1}%)", r.covered, r.total, r.percent())
}

/// Coverage of one rulebook, for people.
pub fn human_coverage(rulebook: &str, c: &CoverageReport) -> String {
    let mut out = String::new();
    let tests = if c.tests == 1 { "test" } else { "tests" };
    let _ = writeln!(out, "Coverage of {rulebook} ({} {tests})", c.tests);
    let _ = writeln!(
        out,
        "  rules and exceptions applied:      {}",
        ratio(c.rules)
    );
    if !c.counted_per_rule.is_empty() {
        let each: Vec<String> = c
            .counted_per_rule
            .iter()
            .map(|(name, n)| format!("{} ({n} rules)", visible_inline(name)))
            .collect();
        let _ = writeln!(
            out,
            "    counted once per rule it sets aside: {}",
            each.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "  condition outcomes (true, false):  {}",
        ratio(c.conditions)
    );
    let (rules, exceptions): (Vec<_>, Vec<_>) = c
        .uncovered_rules
        .iter()
        .partition(|r| r.exception_to.is_none());
    if !rules.is_empty() {
        let _ = writeln!(out, "  rules never fired:");
        for r in rules {
            let _ = writeln!(out, "    {}: {}", r.rule, r.reason);
        }
    }
    if !exceptions.is_empty() {
        let _ = writeln!(out, "  exceptions never taken:");
        for r in exceptions {
            let to = r.exception_to.as_deref().unwrap_or("");
            let _ = writeln!(out, "    {} (to {to}): {}", r.rule, r.reason);
        }
    }
    if !c.uncovered_conditions.is_empty() {
        let _ = writeln!(out, "  conditions not seen both true and false:");
        for a in &c.uncovered_conditions {
            let via = a
                .via
                .as_ref()
                .map(|v| format!(" (in {v})"))
                .unwrap_or_default();
            let _ = writeln!(out, "    {}: `{}`{via}", a.rule, a.condition);
            let _ = writeln!(out, "      {}", a.reason);
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
