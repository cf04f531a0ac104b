//! Why a remedy applies, and why not (`redress explain`).
//!
//! Input: a [`DecisionGraph`], a [`Case`] and evaluation [`Options`]. Output:
//! an [`Explanation`]: for each remedy of the catalogue (or one), whether it
//! applies, every rule that could give it with the parts of its condition
//! and their values, the exceptions and why they held or not, the facts that
//! would settle an undetermined remedy, and the smallest change of the case
//! that would flip it ([`Flip`]). Every node of the graph gets its value for
//! the case ([`crate::eval::Evaluator::evaluate_all`]); the renderers in
//! [`crate::report::explain`] print the nodes with those values substituted.

use std::collections::BTreeSet;

use crate::case::Case;
use crate::eval::{Evaluator, Options, Trace};
use crate::graph::{DecisionGraph, Node, NodeId, for_each_child};
use crate::model::{FactId, RemedyId, RuleId};
use crate::outcome::Outcome;
use crate::value::{Truth, Type, Value};

/// Where a remedy stands for the case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// A rule gives it.
    Applies,
    /// A rule gives it, but its deadline has passed.
    Expired,
    /// No rule gives it.
    NotApplies,
    /// It may apply once missing facts are known.
    Undetermined,
}

/// One part of a condition (a conjunct, `and`s flattened) and what it came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    /// Its node.
    pub node: NodeId,
    /// Whether it held.
    pub truth: Truth,
}

/// An exception to a rule, and why it did or did not set the rule aside.
#[derive(Clone, Debug)]
pub struct ExceptionWhy {
    /// The exception.
    pub rule: RuleId,
    /// Whether it applies.
    pub applies: Truth,
    /// The parts of its own condition that explain it (the first that failed,
    /// or all of them when it held, or those still unknown).
    pub parts: Vec<Part>,
}

/// A rule that could give the remedy.
#[derive(Clone, Debug)]
pub struct RuleWhy {
    /// The rule.
    pub rule: RuleId,
    /// Whether it applies (its condition, and none of its exceptions).
    pub applies: Truth,
    /// Whether its condition held.
    pub condition: Truth,
    /// The parts of its condition that explain it: all of them when it held,
    /// the first that failed when it failed, those unknown when unknown.
    pub parts: Vec<Part>,
    /// Its exceptions.
    pub exceptions: Vec<ExceptionWhy>,
    /// Its amount's node.
    pub amount: Option<NodeId>,
    /// Its deadline's node.
    pub deadline: Option<NodeId>,
}

/// The smallest change of the case found that flips a remedy.
#[derive(Clone, Debug, PartialEq)]
pub struct Flip {
    /// The facts to change and their new values (empty: none found).
    pub changes: Vec<(FactId, Value)>,
    /// Every combination of at most two changed facts over the candidate
    /// values was tried.
    pub exhaustive: bool,
}

/// One remedy explained.
#[derive(Clone, Debug)]
pub struct RemedyWhy {
    /// The remedy.
    pub remedy: RemedyId,
    /// Where it stands.
    pub status: Status,
    /// The rules that could give it, in declaration order.
    pub rules: Vec<RuleWhy>,
    /// For an undetermined remedy: the missing facts that would settle it,
    /// in declaration order.
    pub needs: Vec<FactId>,
    /// The smallest change that would flip it, when asked for.
    pub flip: Option<Flip>,
}

/// A case explained.
#[derive(Clone, Debug)]
pub struct Explanation<'g> {
    /// The graph.
    pub graph: &'g DecisionGraph,
    /// The outcome of the case.
    pub outcome: Outcome<'g>,
    /// Every node's value for the case, by node id.
    pub values: Vec<Option<Value>>,
    /// The remedies explained, in catalogue order.
    pub remedies: Vec<RemedyWhy>,
}

impl Explanation<'_> {
    /// A node's value for the case.
    pub fn value(&self, node: NodeId) -> Option<&Value> {
        self.values.get(node.index()).and_then(Option::as_ref)
    }
}

/// The most evaluations a flip search makes before it stops (and says it
/// was not exhaustive).
pub const FLIP_BUDGET: usize = 20_000;

/// Explain a case: every remedy (`remedy: None`) or one. `full` says which
/// remedies to explain with their flip search (the others get their status,
/// rules and needs).
pub fn explain<'g>(
    graph: &'g DecisionGraph,
    case: &Case,
    options: &Options,
    remedy: Option<RemedyId>,
) -> Explanation<'g> {
    let mut evaluator = Evaluator::new(graph);
    let (outcome, trace, values) = evaluator.evaluate_all(case, options);
    let model = graph.model();
    let ids: Vec<RemedyId> = match remedy {
        Some(r) => vec![r],
        None => (0..model.remedies.len())
            .filter_map(|i| u32::try_from(i).ok().map(RemedyId))
            .collect(),
    };
    let mut remedies = Vec::with_capacity(ids.len());
    for id in ids {
        let status = status_of(graph, &outcome, id);
        // why: the rules that give it; why not: every rule that could
        let rules: Vec<RuleWhy> = graph
            .rules_of(id)
            .iter()
            .filter_map(|r| rule_why(graph, &trace, &values, *r))
            .filter(|r| {
                status == Status::NotApplies
                    || status == Status::Undetermined
                    || r.applies == Truth::Yes
            })
            .collect();
        let needs = if status == Status::Undetermined {
            needs_of(graph, &values, &rules)
        } else {
            Vec::new()
        };
        // the search for every remedy when one is asked for, else for those
        // that apply (explained in full)
        let flip = (remedy.is_some() || matches!(status, Status::Applies)).then(|| {
            let shown = shown_facts(graph, &rules);
            flip(graph, case, options, id, status, &shown)
        });
        remedies.push(RemedyWhy {
            remedy: id,
            status,
            rules,
            needs,
            flip,
        });
    }
    Explanation {
        graph,
        outcome,
        values,
        remedies,
    }
}

fn status_of(graph: &DecisionGraph, outcome: &Outcome<'_>, id: RemedyId) -> Status {
    if let Some(r) = outcome.remedies.iter().find(|r| r.remedy == id) {
        if r.deadline.as_ref().and_then(|d| d.expired) == Some(true) {
            return Status::Expired;
        }
        return Status::Applies;
    }
    let name = graph
        .model()
        .remedies
        .get(id.index())
        .map(|r| r.id.as_str());
    if outcome.undetermined.iter().any(|u| Some(u.id) == name) {
        return Status::Undetermined;
    }
    Status::NotApplies
}

fn truth(values: &[Option<Value>], node: NodeId) -> Truth {
    match values.get(node.index()) {
        Some(Some(Value::Bool(b))) => Truth::from_bool(*b),
        _ => Truth::Unknown,
    }
}

/// The conjuncts of a node, nested `and`s flattened, in the order written.
fn conjuncts(graph: &DecisionGraph, node: NodeId, out: &mut Vec<NodeId>, depth: usize) {
    match graph.nodes().get(node.index()) {
        Some(Node::And(list)) if depth < 64 => {
            for c in list {
                conjuncts(graph, *c, out, depth + 1);
            }
        }
        _ => out.push(node),
    }
}

/// The parts that explain a condition that came to `result`.
fn explaining(values: &[Option<Value>], nodes: &[NodeId], result: Truth) -> Vec<Part> {
    let parts = nodes.iter().map(|n| Part {
        node: *n,
        truth: truth(values, *n),
    });
    match result {
        Truth::Yes => parts.collect(),
        Truth::No => parts.filter(|p| p.truth == Truth::No).take(1).collect(),
        Truth::Unknown => parts.filter(|p| p.truth == Truth::Unknown).collect(),
    }
}

fn rule_why(
    graph: &DecisionGraph,
    trace: &Trace,
    values: &[Option<Value>],
    id: RuleId,
) -> Option<RuleWhy> {
    let rule = graph.rules().get(id.index())?;
    let mut own = Vec::new();
    conjuncts(graph, rule.condition, &mut own, 0);
    let condition = truth(values, rule.condition);
    let applies = trace
        .applies
        .get(id.index())
        .copied()
        .unwrap_or(Truth::Unknown);
    let exceptions = rule
        .exceptions
        .iter()
        .filter_map(|e| {
            let ex = graph.rules().get(e.index())?;
            let mut parts = Vec::new();
            conjuncts(graph, ex.condition, &mut parts, 0);
            // an exception's condition holds its rule's: show its own parts
            parts.retain(|p| !own.contains(p));
            let applies = trace
                .applies
                .get(e.index())
                .copied()
                .unwrap_or(Truth::Unknown);
            let own_result = parts
                .iter()
                .fold(Truth::Yes, |t, p| t.and(truth(values, *p)));
            Some(ExceptionWhy {
                rule: *e,
                applies,
                parts: explaining(values, &parts, own_result),
            })
        })
        .collect();
    Some(RuleWhy {
        rule: id,
        applies,
        condition,
        parts: explaining(values, &own, condition),
        exceptions,
        amount: rule.amount,
        deadline: rule.deadline,
    })
}

/// The missing facts under the unknown parts of the rules and exceptions
/// still open.
fn needs_of(graph: &DecisionGraph, values: &[Option<Value>], rules: &[RuleWhy]) -> Vec<FactId> {
    let mut facts = BTreeSet::new();
    let mut stack: Vec<NodeId> = Vec::new();
    for r in rules.iter().filter(|r| r.applies == Truth::Unknown) {
        stack.extend(
            r.parts
                .iter()
                .filter(|p| p.truth == Truth::Unknown)
                .map(|p| p.node),
        );
        for e in r.exceptions.iter().filter(|e| e.applies == Truth::Unknown) {
            stack.extend(
                e.parts
                    .iter()
                    .filter(|p| p.truth == Truth::Unknown)
                    .map(|p| p.node),
            );
        }
    }
    let mut seen = BTreeSet::new();
    while let Some(n) = stack.pop() {
        if !seen.insert(n) {
            continue;
        }
        let Some(node) = graph.nodes().get(n.index()) else {
            continue;
        };
        match node {
            Node::Fact(f) => {
                if values.get(n.index()).is_none_or(Option::is_none) {
                    facts.insert(*f);
                }
            }
            // a known part of an unknown `and`/`or` settles nothing
            _ if values.get(n.index()).is_some_and(Option::is_some) => {}
            _ => for_each_child(node, |c| stack.push(c)),
        }
    }
    facts.into_iter().collect()
}

/// The facts under the parts an explanation shows.
fn shown_facts(graph: &DecisionGraph, rules: &[RuleWhy]) -> Vec<FactId> {
    let mut stack: Vec<NodeId> = Vec::new();
    for r in rules {
        stack.extend(r.parts.iter().map(|p| p.node));
        for e in &r.exceptions {
            stack.extend(e.parts.iter().map(|p| p.node));
        }
    }
    let mut facts = BTreeSet::new();
    let mut seen = BTreeSet::new();
    while let Some(n) = stack.pop() {
        if !seen.insert(n) {
            continue;
        }
        match graph.nodes().get(n.index()) {
            Some(Node::Fact(f)) => {
                facts.insert(*f);
            }
            Some(node) => for_each_child(node, |c| stack.push(c)),
            None => {}
        }
    }
    facts.into_iter().collect()
}

/// The facts the rules of a remedy (and their exceptions) read, in
/// declaration order.
fn facts_read(graph: &DecisionGraph, remedy: RemedyId) -> Vec<FactId> {
    let mut facts = BTreeSet::new();
    let mut rules: Vec<RuleId> = graph.rules_of(remedy).to_vec();
    let mut seen = BTreeSet::new();
    while let Some(r) = rules.pop() {
        if !seen.insert(r) {
            continue;
        }
        if let Some(rule) = graph.rules().get(r.index()) {
            facts.extend(rule.facts.iter().copied());
            rules.extend(rule.exceptions.iter().copied());
        }
    }
    facts.into_iter().collect()
}

/// The values worth trying for a fact: both answers of a yes/no, every
/// value of a one-of, and for numbers, amounts and dates the constants the
/// graph compares them with and their neighbours (the boundary values), and
/// the case's other dates moved by the graph's day counts.
fn candidates(graph: &DecisionGraph, case: &Case, fact: FactId) -> Vec<Value> {
    let model = graph.model();
    let Some(decl) = model.facts.get(fact.index()) else {
        return Vec::new();
    };
    let current = case.get(fact);
    let mut out: Vec<Value> = Vec::new();
    match &decl.ty {
        Type::Bool => out.extend([Value::Bool(true), Value::Bool(false)]),
        Type::OneOf(list) => {
            let n = model.one_of_values(*list).len();
            out.extend(
                (0..n).filter_map(|i| u32::try_from(i).ok().map(|i| Value::Choice(*list, i))),
            );
        }
        Type::Set(list) => {
            // none, and each value alone
            let n = u32::try_from(model.one_of_values(*list).len()).unwrap_or(0);
            out.push(Value::Set(*list, std::sync::Arc::from(Vec::new())));
            out.extend((0..n).map(|i| Value::Set(*list, std::sync::Arc::from(vec![i]))));
        }
        Type::Number | Type::Money(_) => {
            for node in graph.nodes() {
                if let Node::Const(v @ (Value::Number(_) | Value::Money(..))) = node {
                    let step = rust_decimal::Decimal::new(1, 2);
                    let (n, make): (_, Box<dyn Fn(rust_decimal::Decimal) -> Value>) =
                        match (&decl.ty, v) {
                            (Type::Money(_), Value::Money(m, c)) => {
                                let c = *c;
                                (*m, Box::new(move |d| Value::Money(d, c)))
                            }
                            (Type::Number, Value::Number(m)) => (*m, Box::new(Value::Number)),
                            _ => continue,
                        };
                    let step = if decl.ty == Type::Number {
                        rust_decimal::Decimal::ONE
                    } else {
                        step
                    };
                    out.push(make(n));
                    if let Some(a) = n.checked_sub(step) {
                        out.push(make(a));
                    }
                    if let Some(b) = n.checked_add(step) {
                        out.push(make(b));
                    }
                }
            }
        }
        Type::Date => {
            // the case's dates moved by the graph's durations, and the
            // graph's dates; each with the day before and after
            let mut spans: Vec<jiff::Span> = vec![jiff::Span::new()];
            for node in graph.nodes() {
                if let Node::Shift(_, n, unit) = node {
                    let span = match unit {
                        crate::vocab::Unit::Days => jiff::Span::new().try_days(*n),
                        crate::vocab::Unit::Weeks => jiff::Span::new().try_weeks(*n),
                        crate::vocab::Unit::Months => jiff::Span::new().try_months(*n),
                        crate::vocab::Unit::Years => jiff::Span::new().try_years(*n),
                        crate::vocab::Unit::WorkingDays => continue,
                    };
                    if let Ok(span) = span {
                        spans.extend([span, span.negate()]);
                    }
                }
            }
            let mut moved = Vec::new();
            for f in 0..model.facts.len() {
                let Ok(id) = u32::try_from(f) else { continue };
                if let Some(Value::Date(d)) = case.get(FactId(id)) {
                    moved.extend(spans.iter().filter_map(|s| d.checked_add(*s).ok()));
                }
            }
            for node in graph.nodes() {
                if let Node::Const(Value::Date(d)) = node {
                    moved.push(*d);
                }
            }
            for d in moved {
                for k in [-1, 0, 1] {
                    if let Ok(d) = d.checked_add(jiff::Span::new().days(k)) {
                        out.push(Value::Date(d));
                    }
                }
            }
        }
        _ => {}
    }
    out.retain(|v| Some(v) != current);
    let mut unique: Vec<Value> = Vec::with_capacity(out.len());
    for v in out {
        if !unique.contains(&v) {
            unique.push(v);
        }
    }
    // the nearest values first: the change found is the smallest one
    unique.sort_by_key(|v| distance(current, v));
    unique
}

/// How far a value is from the case's (days for dates; yes/no and one-of
/// values are all alike).
fn distance(current: Option<&Value>, v: &Value) -> rust_decimal::Decimal {
    match (current, v) {
        (Some(Value::Date(a)), Value::Date(b)) => {
            let days = b.since(*a).map_or(i64::MAX, |s| i64::from(s.get_days()));
            rust_decimal::Decimal::from(days.unsigned_abs())
        }
        (Some(Value::Number(a)), Value::Number(b))
        | (Some(Value::Money(a, _)), Value::Money(b, _)) => a
            .checked_sub(*b)
            .map_or(rust_decimal::Decimal::MAX, |d| d.abs()),
        _ => rust_decimal::Decimal::ZERO,
    }
}

/// The fewest facts whose change flips a remedy: one that applies stops
/// applying, one that does not (or is undetermined) comes to apply. Tries
/// every single change, then every pair, over [`candidates`], within
/// [`FLIP_BUDGET`] evaluations.
///
/// `first`: facts to try first (those the explanation shows), so that a
/// search cut short has tried the likeliest changes.
pub fn flip(
    graph: &DecisionGraph,
    case: &Case,
    options: &Options,
    remedy: RemedyId,
    status: Status,
    first: &[FactId],
) -> Flip {
    let want_applies = !matches!(status, Status::Applies | Status::Expired);
    let mut facts: Vec<FactId> = facts_read(graph, remedy)
        .into_iter()
        .filter(|f| graph.model().header.as_of != Some(*f) || options.as_of.is_none())
        .collect();
    // stable: declaration order within each group
    facts.sort_by_key(|f| !first.contains(f));
    let tries: Vec<(FactId, Vec<Value>)> = facts
        .iter()
        .map(|f| (*f, candidates(graph, case, *f)))
        .collect();
    let mut evaluator = Evaluator::new(graph);
    let mut budget = FLIP_BUDGET;
    let mut flips = |case: &Case, budget: &mut usize| -> bool {
        *budget = budget.saturating_sub(1);
        let outcome = evaluator.evaluate(case, options);
        let applies = outcome.remedies.iter().any(|r| {
            r.remedy == remedy && r.deadline.as_ref().and_then(|d| d.expired) != Some(true)
        });
        applies == want_applies
    };
    let mut trial = case.clone();
    for (f, values) in &tries {
        for v in values {
            if budget == 0 {
                return Flip {
                    changes: Vec::new(),
                    exhaustive: false,
                };
            }
            trial.set(*f, v.clone());
            if flips(&trial, &mut budget) {
                return Flip {
                    changes: vec![(*f, v.clone())],
                    exhaustive: true,
                };
            }
        }
        restore(&mut trial, case, *f);
    }
    for (i, (f, values)) in tries.iter().enumerate() {
        for (g, others) in tries.iter().skip(i + 1) {
            for v in values {
                trial.set(*f, v.clone());
                for w in others {
                    if budget == 0 {
                        return Flip {
                            changes: Vec::new(),
                            exhaustive: false,
                        };
                    }
                    trial.set(*g, w.clone());
                    if flips(&trial, &mut budget) {
                        return Flip {
                            changes: vec![(*f, v.clone()), (*g, w.clone())],
                            exhaustive: true,
                        };
                    }
                }
                restore(&mut trial, case, *g);
            }
            restore(&mut trial, case, *f);
        }
    }
    Flip {
        changes: Vec::new(),
        exhaustive: true,
    }
}

fn restore(trial: &mut Case, case: &Case, f: FactId) {
    match case.get(f) {
        Some(v) => trial.set(f, v.clone()),
        None => trial.clear(f),
    }
}
