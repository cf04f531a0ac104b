//! Coverage by rule and by condition, across the tests of one rulebook.
//!
//! Input: the [`DecisionGraph`] and, per test, the case. Output: a
//! [`CoverageReport`]: rules never fired, exceptions never taken, and atomic
//! conditions not seen both true and false, each with a reason.
//!
//! An *atomic condition* is a part of a rule's own condition (its period of
//! force included) that `and`, `or` and `not` combine: a comparison, an
//! `is one of`, or a yes/no fact; derived facts are looked through. Since
//! `and`/`or` stop early, an atom may not be evaluated for a case at all; so
//! each atom is evaluated on its own, as a condition of a rule of a *probe*
//! graph (the rulebook plus one conclusion-less rule per atom). An atom counts
//! as seen true (false) when some test makes it true (false) on its own; an
//! unknown atom (a fact it reads is missing) counts as neither.

use crate::case::Case;
use crate::diagnostic::{Arg, Text};
use crate::eval::{Options, Trace, evaluate_traced};
use crate::graph::DecisionGraph;
use crate::model::{Expr, FactId, Model, Rule, RuleId};
use crate::text;
use crate::value::{Truth, Type, Value};

/// One atomic condition of a rule.
#[derive(Clone, Debug)]
pub struct Atom {
    /// The rule (or exception) whose condition holds it.
    pub rule: RuleId,
    /// The atom in the rule language, e.g. `items.count >= 1`.
    pub text: String,
    /// The derived fact it was reached through, if any.
    pub via: Option<String>,
    expr: Expr,
    facts: Vec<FactId>,
}

/// The rulebook plus one rule per atom, to evaluate atoms on their own.
#[derive(Debug)]
pub(crate) struct Probe {
    graph: DecisionGraph,
    rules: usize,
    pub(crate) atoms: Vec<Atom>,
}

impl Probe {
    pub(crate) fn new(graph: &DecisionGraph) -> Probe {
        let model = graph.model();
        let mut atoms = Vec::new();
        for (i, rule) in model.rules.iter().enumerate() {
            let id = RuleId(u32::try_from(i).unwrap_or(u32::MAX));
            collect_atoms(model, &rule.condition, id, None, &mut atoms, 0);
            // the conditions of `if`s in what the rule computes
            let computed = rule
                .amount
                .iter()
                .chain(&rule.deadline)
                .chain(rule.conclusion.iter().flat_map(|c| &c.args));
            for e in computed {
                if_conditions(model, e, id, None, &mut atoms, 0);
            }
        }
        let mut probe_model = model.clone();
        let rules = probe_model.rules.len();
        for (k, atom) in atoms.iter().enumerate() {
            probe_model.rules.push(Rule {
                name: format!("atom {k}"),
                exception_to: None,
                targets: Vec::new(),
                condition: atom.expr.clone(),
                conclusion: None,
                amount: None,
                amount_up_to: false,
                deadline: None,
                cites: Vec::new(),
                period: None,
                titles: Vec::new(),
            });
        }
        Probe {
            graph: DecisionGraph::compile(probe_model),
            rules,
            atoms,
        }
    }

    /// Each atom's truth for a case, in atom order.
    pub(crate) fn eval(&self, case: &Case, options: &Options) -> Vec<Truth> {
        let (_, trace): (_, Trace) = evaluate_traced(&self.graph, case, options);
        (0..self.atoms.len())
            .map(|k| {
                trace
                    .conditions
                    .get(self.rules + k)
                    .copied()
                    .unwrap_or(Truth::Unknown)
            })
            .collect()
    }
}

fn collect_atoms(
    model: &Model,
    e: &Expr,
    rule: RuleId,
    via: Option<&str>,
    out: &mut Vec<Atom>,
    depth: usize,
) {
    if depth > 1_000 {
        return;
    }
    match e {
        Expr::And(list) | Expr::Or(list) => {
            for x in list {
                collect_atoms(model, x, rule, via, out, depth + 1);
            }
        }
        Expr::Not(x) => collect_atoms(model, x, rule, via, out, depth + 1),
        Expr::Derived(d) => {
            if let Some(def) = model.derived.get(d.index()) {
                collect_atoms(
                    model,
                    &def.expr,
                    rule,
                    Some(via.unwrap_or(&def.name)),
                    out,
                    depth + 1,
                );
            }
        }
        Expr::Const(_) => {}
        other => {
            let mut facts = Vec::new();
            facts_of(model, other, &mut facts);
            facts.sort();
            facts.dedup();
            out.push(Atom {
                rule,
                text: model.expr_text(other).to_string(),
                via: via.map(str::to_string),
                expr: other.clone(),
                facts,
            });
            // an `if` inside it (`price > (if fresh then … else …)`) has a
            // condition of its own, to be seen true and false
            if_conditions(model, other, rule, via, out, depth + 1);
        }
    }
}

/// The atoms of the condition of every `if` in an expression (through the
/// derived facts it uses, each once), after the atoms already collected.
fn if_conditions(
    model: &Model,
    e: &Expr,
    rule: RuleId,
    via: Option<&str>,
    out: &mut Vec<Atom>,
    depth: usize,
) {
    if depth > 1_000 {
        return;
    }
    let mut seen = vec![false; model.derived.len()];
    // the condition of an `if` is left to `collect_atoms`, which finds the
    // `if`s inside it, so that each is counted once
    let mut pending = vec![(e, via)];
    while let Some((x, via)) = pending.pop() {
        match x {
            Expr::If(c, a, b) => {
                collect_atoms(model, c, rule, via, out, depth + 1);
                pending.push((b, via));
                pending.push((a, via));
            }
            Expr::Derived(d) => {
                if let (Some(done @ false), Some(def)) =
                    (seen.get_mut(d.index()), model.derived.get(d.index()))
                {
                    *done = true;
                    pending.push((&def.expr, Some(via.unwrap_or(&def.name))));
                }
            }
            other => pending.extend(other.children().rev().map(|c| (c, via))),
        }
    }
}

/// The facts an expression reads, through the derived facts it uses.
fn facts_of(model: &Model, e: &Expr, out: &mut Vec<FactId>) {
    let mut seen = vec![false; model.derived.len()];
    let mut pending = vec![e];
    while let Some(e) = pending.pop() {
        for (_, x) in e.walk() {
            match x {
                Expr::Fact(f) => out.push(*f),
                Expr::Derived(d) => {
                    if let (Some(done @ false), Some(def)) =
                        (seen.get_mut(d.index()), model.derived.get(d.index()))
                    {
                        *done = true;
                        pending.push(&def.expr);
                    }
                }
                _ => {}
            }
        }
    }
}

/// What the tests showed of one rule.
#[derive(Clone, Debug, Default)]
struct RuleTally {
    fired: usize,
    cond_yes: usize,
    cond_no: usize,
    cond_unknown: usize,
    /// Exceptions that set it aside, with how often.
    overridden_by: Vec<(RuleId, usize)>,
    /// Condition held but an exception was unknown.
    exception_unknown: usize,
}

/// What the tests showed of one atom.
#[derive(Clone, Debug, Default)]
struct AtomTally {
    yes: usize,
    no: usize,
    unknown: usize,
    /// Facts missing when it was unknown.
    missing: Vec<FactId>,
}

/// Coverage being gathered over the tests of one rulebook.
#[derive(Clone, Debug)]
pub(crate) struct Tally {
    tests: usize,
    rules: Vec<RuleTally>,
    atoms: Vec<AtomTally>,
}

impl Tally {
    pub(crate) fn new(graph: &DecisionGraph, probe: &Probe) -> Tally {
        Tally {
            tests: 0,
            rules: vec![RuleTally::default(); graph.rules().len()],
            atoms: vec![AtomTally::default(); probe.atoms.len()],
        }
    }

    /// Record one test: the main trace and the atoms' truths.
    pub(crate) fn record(
        &mut self,
        graph: &DecisionGraph,
        probe: &Probe,
        case: &Case,
        trace: &Trace,
        atoms: &[Truth],
    ) {
        self.tests += 1;
        for (i, tally) in self.rules.iter_mut().enumerate() {
            let cond = trace.conditions.get(i).copied().unwrap_or(Truth::Unknown);
            let applies = trace.applies.get(i).copied().unwrap_or(Truth::Unknown);
            match cond {
                Truth::Yes => tally.cond_yes += 1,
                Truth::No => tally.cond_no += 1,
                Truth::Unknown => tally.cond_unknown += 1,
            }
            if applies == Truth::Yes {
                tally.fired += 1;
            }
            if cond == Truth::Yes && applies != Truth::Yes {
                let exceptions = graph
                    .rules()
                    .get(i)
                    .map(|r| r.exceptions.as_slice())
                    .unwrap_or(&[]);
                let mut any = false;
                for e in exceptions {
                    if trace.applies.get(e.index()) == Some(&Truth::Yes) {
                        any = true;
                        match tally.overridden_by.iter_mut().find(|(r, _)| r == e) {
                            Some((_, n)) => *n += 1,
                            None => tally.overridden_by.push((*e, 1)),
                        }
                    }
                }
                if !any {
                    tally.exception_unknown += 1;
                }
            }
        }
        for ((tally, truth), atom) in self.atoms.iter_mut().zip(atoms).zip(&probe.atoms) {
            match truth {
                Truth::Yes => tally.yes += 1,
                Truth::No => tally.no += 1,
                Truth::Unknown => {
                    tally.unknown += 1;
                    for f in &atom.facts {
                        if case.get(*f).is_none() && !tally.missing.contains(f) {
                            tally.missing.push(*f);
                        }
                    }
                }
            }
        }
    }

    pub(crate) fn report(&self, graph: &DecisionGraph, probe: &Probe) -> CoverageReport {
        let model = graph.model();
        // an exception to several rules counts once per rule it sets aside,
        // and says under which: `misuse, as it applies to free_repair`
        let name = |r: RuleId| {
            let written = model
                .rules
                .get(r.index())
                .map(|r| r.name.clone())
                .unwrap_or_default();
            match graph
                .rules()
                .get(r.index())
                .and_then(|n| n.under.as_deref())
            {
                Some(under) => text!("test-rule-under", rule = written, under = under),
                None => Text::from(written),
            }
        };
        let mut rules = Vec::new();
        for (i, (tally, rule)) in self.rules.iter().zip(&model.rules).enumerate() {
            if tally.fired > 0 {
                continue;
            }
            let id = RuleId(u32::try_from(i).unwrap_or(u32::MAX));
            rules.push(UncoveredRule {
                rule: rule.name.clone(),
                exception_to: rule.exception_to.map(name),
                reason: self.rule_reason(tally, id, probe, model, &name),
            });
        }
        let mut conditions = Vec::new();
        let mut outcomes = 0;
        for (tally, atom) in self.atoms.iter().zip(&probe.atoms) {
            outcomes += usize::from(tally.yes > 0) + usize::from(tally.no > 0);
            if tally.yes > 0 && tally.no > 0 {
                continue;
            }
            conditions.push(UncoveredCondition {
                rule: name(atom.rule),
                condition: atom.text.clone(),
                via: atom.via.clone(),
                seen_true: tally.yes,
                seen_false: tally.no,
                unknown: tally.unknown,
                reason: atom_reason(model, atom, tally),
            });
        }
        let mut counted_per_rule: Vec<(String, usize)> = Vec::new();
        for (r, node) in model.rules.iter().zip(graph.rules()) {
            if node.under.is_none() {
                continue;
            }
            match counted_per_rule.iter_mut().find(|(n, _)| *n == r.name) {
                Some((_, k)) => *k += 1,
                None => counted_per_rule.push((r.name.clone(), 1)),
            }
        }
        let total_rules = self.rules.len();
        CoverageReport {
            tests: self.tests,
            rules: Ratio::new(total_rules - rules.len(), total_rules),
            conditions: Ratio::new(outcomes, 2 * self.atoms.len()),
            uncovered_rules: rules,
            uncovered_conditions: conditions,
            counted_per_rule,
        }
    }

    fn rule_reason(
        &self,
        tally: &RuleTally,
        id: RuleId,
        probe: &Probe,
        model: &Model,
        name: &dyn Fn(RuleId) -> Text,
    ) -> Text {
        if self.tests == 0 {
            return text!("cov-no-test-ran");
        }
        if tally.cond_yes > 0 {
            let by: Vec<Text> = tally
                .overridden_by
                .iter()
                .map(|(r, n)| text!("cov-set-aside-by", rule = name(*r), count = *n))
                .collect();
            return match (by.is_empty(), tally.exception_unknown) {
                (true, _) => text!("cov-held-exception-undetermined", count = tally.cond_yes),
                (false, 0) => text!(
                    "cov-held-set-aside",
                    count = tally.cond_yes,
                    by = Arg::list(by)
                ),
                (false, unknown) => text!(
                    "cov-held-set-aside-undetermined",
                    count = tally.cond_yes,
                    by = Arg::list(by),
                    unknown = unknown
                ),
            };
        }
        let mut s = text!("cov-never-true");
        let mut counts = Vec::new();
        if tally.cond_no > 0 {
            counts.push(text!("cov-false-in", count = tally.cond_no));
        }
        if tally.cond_unknown > 0 {
            counts.push(text!("cov-unknown-in", count = tally.cond_unknown));
        }
        if !counts.is_empty() {
            s = text!("cov-with-counts", reason = s, counts = Arg::list(counts));
        }
        // the atoms of its own condition (and its rule's, for an exception) never true
        let mut scope = vec![id];
        let mut r = model.rules.get(id.index()).and_then(|r| r.exception_to);
        while let Some(t) = r {
            if scope.contains(&t) {
                break;
            }
            scope.push(t);
            r = model.rules.get(t.index()).and_then(|r| r.exception_to);
        }
        let never: Vec<String> = probe
            .atoms
            .iter()
            .zip(&self.atoms)
            .filter(|(a, t)| scope.contains(&a.rule) && t.yes == 0)
            .map(|(a, _)| format!("`{}`", a.text))
            .collect();
        if !never.is_empty() {
            s = text!("cov-never-true-atoms", reason = s, atoms = Arg::list(never));
        }
        s
    }
}

/// Why an atom was not seen both ways, in words.
fn atom_reason(model: &Model, atom: &Atom, tally: &AtomTally) -> Text {
    let mut parts = Vec::new();
    if tally.yes == 0 {
        parts.push(missing_side(model, atom, true));
    }
    if tally.no == 0 {
        parts.push(missing_side(model, atom, false));
    }
    let mut s = parts
        .into_iter()
        .reduce(|first, then| text!("cov-and-then", first = first, then = then))
        .unwrap_or_else(|| Text::from(""));
    if tally.unknown > 0 {
        let missing: Vec<String> = {
            let mut m = tally.missing.clone();
            m.sort();
            m.iter()
                .filter_map(|f| model.facts.get(f.index()).map(|f| format!("`{}`", f.name)))
                .collect()
        };
        s = text!(
            "cov-unknown-missing",
            reason = s,
            count = tally.unknown,
            missing = Arg::list(missing)
        );
    }
    s
}

/// "no test has …" for the side (true or false) never seen.
fn missing_side(model: &Model, atom: &Atom, want: bool) -> Text {
    let fact_name = |f: &FactId| {
        model
            .facts
            .get(f.index())
            .map(|f| f.name.clone())
            .unwrap_or_default()
    };
    let generic = || {
        if want {
            text!("cov-no-test-makes-true", condition = &atom.text)
        } else {
            text!("cov-no-test-makes-false", condition = &atom.text)
        }
    };
    match &atom.expr {
        Expr::Fact(f) => text!(
            "cov-no-test-has",
            condition = format!("{} = {}", fact_name(f), if want { "yes" } else { "no" })
        ),
        Expr::In {
            negated,
            subject,
            values,
        } => {
            let Expr::Fact(f) = subject.as_ref() else {
                return generic();
            };
            let inside = want != *negated;
            let chosen: Vec<String> = if inside {
                values.iter().map(|v| model.value_text(v)).collect()
            } else {
                let Some(Type::OneOf(set)) = model.facts.get(f.index()).map(|f| f.ty) else {
                    return generic();
                };
                let all = model
                    .one_ofs
                    .get(set.0 as usize)
                    .cloned()
                    .unwrap_or_default();
                all.into_iter()
                    .enumerate()
                    .filter(|(i, _)| {
                        !values
                            .iter()
                            .any(|v| matches!(v, Value::Choice(_, j) if *j as usize == *i))
                    })
                    .map(|(_, name)| name)
                    .collect()
            };
            match chosen.as_slice() {
                [] => generic(),
                [one] => text!(
                    "cov-no-test-has",
                    condition = format!("{} = {one}", fact_name(f))
                ),
                many => text!(
                    "cov-no-test-has-one-of",
                    fact = fact_name(f),
                    values = Arg::list(many)
                ),
            }
        }
        Expr::Cmp(op, a, b) if matches!(a.as_ref(), Expr::Fact(_)) => {
            let op = if want { *op } else { op.negate() };
            // printed whole, so that an `if` on the right keeps its parentheses
            let wanted = Expr::Cmp(op, a.clone(), b.clone());
            text!(
                "cov-no-test-has",
                condition = model.expr_text(&wanted).to_string()
            )
        }
        _ => generic(),
    }
}

/// A count out of a total.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Ratio {
    /// Covered.
    pub covered: usize,
    /// Of.
    pub total: usize,
}

impl Ratio {
    fn new(covered: usize, total: usize) -> Ratio {
        Ratio { covered, total }
    }

    /// As a percentage; 100 when there is nothing to cover.
    pub fn percent(self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            // counts are far below 2^52: exact as f64
            #[expect(clippy::cast_precision_loss, reason = "counts are small")]
            let p = 100.0 * self.covered as f64 / self.total as f64;
            p
        }
    }
}

/// A rule never fired, or an exception never taken.
#[derive(Clone, Debug, serde::Serialize)]
pub struct UncoveredRule {
    /// Its name.
    pub rule: String,
    /// For an exception, the rule it is an exception to (English in JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exception_to: Option<Text>,
    /// Why, in words (in English in JSON; [`Text::render`] for another
    /// language).
    pub reason: Text,
}

/// An atomic condition not seen both true and false.
#[derive(Clone, Debug, serde::Serialize)]
pub struct UncoveredCondition {
    /// The rule whose condition holds it (`misuse, as it applies to free_repair` for
    /// a copy of an exception to several rules; English in JSON).
    pub rule: Text,
    /// The condition, in the rule language.
    pub condition: String,
    /// The derived fact it is part of, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// Tests where it was true.
    pub seen_true: usize,
    /// Tests where it was false.
    pub seen_false: usize,
    /// Tests where it was unknown.
    pub unknown: usize,
    /// Why, in words (in English in JSON; [`Text::render`] for another
    /// language).
    pub reason: Text,
}

/// Coverage of one rulebook by its tests.
#[derive(Clone, Debug, serde::Serialize)]
pub struct CoverageReport {
    /// How many tests ran.
    pub tests: usize,
    /// Rules and exceptions that applied in some test.
    pub rules: Ratio,
    /// Outcomes (true, false) of atomic conditions seen: two per atom.
    pub conditions: Ratio,
    /// Rules never fired and exceptions never taken, in declaration order.
    pub uncovered_rules: Vec<UncoveredRule>,
    /// Atomic conditions not seen both ways, in declaration order.
    pub uncovered_conditions: Vec<UncoveredCondition>,
    /// Exceptions to several rules (and those below one), each counted once
    /// per rule it sets aside: the name and how many times, in declaration
    /// order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub counted_per_rule: Vec<(String, usize)>,
}
