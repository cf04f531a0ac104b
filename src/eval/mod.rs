//! Decision graph + case → outcome.
//!
//! Input: a [`DecisionGraph`] and a [`Case`]. Output: an [`Outcome`]. Each
//! node is evaluated at most once per case (a memo indexed by node id), `and`
//! and `or` stop early, and nothing here reads a name or an AST node. A
//! missing fact is unknown, and unknown spreads by Kleene's rules.

use jiff::ToSpan;
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::ast::{ArithOp, CmpOp, Extremum, Unit};
use crate::case::Case;
use crate::graph::{DecisionGraph, Node, NodeId, for_each_child};
use crate::model::{Citation, FactId, Model, RemedyId, Texts};
use crate::outcome::{
    AppliedRemedy, Because, CitationOut, Computed, Deadline, EvalError, Ordered, Outcome,
    Overridden, RulebookInfo, Shown, Undetermined,
};
use crate::value::{Truth, Value, format_money};

/// Options for one evaluation.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Judge the case as of this date: it fills the rulebook's `as of` fact
    /// (overriding the case) and decides which deadlines have expired.
    pub as_of: Option<Date>,
    /// Evaluate every rule, without the rule index (same answers, more work;
    /// for testing the index).
    pub without_index: bool,
}

/// What evaluation saw, for tools that explain or measure coverage.
#[derive(Clone, Debug)]
pub struct Trace {
    /// Each rule's condition (for an exception, within its rule), by [`crate::model::RuleId`].
    pub conditions: Vec<Truth>,
    /// Whether each rule applies (its condition, and none of its exceptions).
    pub applies: Vec<Truth>,
    nodes: Vec<NodeState>,
}

/// A node's state after evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeState {
    /// Not evaluated: an `and`/`or` stopped before it, or nothing needed it.
    NotEvaluated,
    /// Evaluated, unknown.
    Unknown,
    /// Evaluated, known.
    Known(Value),
}

impl Trace {
    /// The state of a node.
    pub fn node(&self, id: NodeId) -> NodeState {
        self.nodes
            .get(id.index())
            .cloned()
            .unwrap_or(NodeState::NotEvaluated)
    }
}

/// Evaluate a case.
pub fn evaluate(graph: &DecisionGraph, case: &Case, options: &Options) -> Outcome {
    evaluate_traced(graph, case, options).0
}

/// Evaluate a case, and say what each node and rule came to.
pub fn evaluate_traced(graph: &DecisionGraph, case: &Case, options: &Options) -> (Outcome, Trace) {
    let model = graph.model();
    let mut case_values = None;
    if let (Some(date), Some(fact)) = (options.as_of, model.header.as_of) {
        let mut c = case.clone();
        c.set(fact, Value::Date(date));
        case_values = Some(c);
    }
    let case = case_values.as_ref().unwrap_or(case);
    let mut ev = Evaluator {
        graph,
        case,
        memo: vec![Slot::Pending; graph.nodes().len()],
        errors: Vec::new(),
        marks: Marks::new(graph.nodes().len()),
    };
    let as_of = options
        .as_of
        .or_else(|| match model.header.as_of.and_then(|f| case.get(f)) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        });

    let n = graph.rules().len();
    // Rules the index rules out have a false condition; evaluate the rest.
    let mut candidate = vec![options.without_index; n];
    if !options.without_index {
        graph.index().candidates(|f| case.get(f), &mut candidate);
    }
    let conds: Vec<Truth> = graph
        .rules()
        .iter()
        .zip(&candidate)
        .map(|(r, c)| if *c { ev.truth(r.condition) } else { Truth::No })
        .collect();
    let mut applies: Vec<Option<Truth>> = vec![None; n];
    for i in 0..n {
        rule_applies(graph, &conds, &mut applies, i, 0);
    }
    let applies: Vec<Truth> = applies
        .into_iter()
        .map(|a| a.unwrap_or(Truth::Unknown))
        .collect();

    // Remedies that apply, grouped per remedy in catalogue order.
    let mut remedies: Vec<AppliedRemedy> = Vec::new();
    let mut undetermined: Vec<Undetermined> = Vec::new();
    let mut overridden: Vec<Overridden> = Vec::new();
    let mut seen = Marks::new(graph.nodes().len());
    for (rid, remedy) in model.remedies.iter().enumerate() {
        let mut open_rules: Vec<usize> = Vec::new();
        let mut applied_here: Vec<AppliedRemedy> = Vec::new();
        let remedy_id = RemedyId(u32::try_from(rid).unwrap_or(u32::MAX));
        for rule_id in graph.rules_of(remedy_id) {
            let i = rule_id.index();
            let Some(rule) = graph.rules().get(i) else {
                continue;
            };
            let Some((_, args)) = &rule.conclusion else {
                continue;
            };
            match applies.get(i).copied().unwrap_or(Truth::Unknown) {
                Truth::Yes => {
                    let params: Ordered<Computed> = Ordered(
                        remedy
                            .params
                            .iter()
                            .zip(args)
                            .map(|((name, _), node)| (name.clone(), ev.computed(*node)))
                            .collect(),
                    );
                    let amount = rule.amount.map(|a| ev.computed(a));
                    let deadline = rule.deadline.map(|d| ev.deadline(d, as_of));
                    let model_rule = model.rules.get(i);
                    let because = Because {
                        exceptions_ruled_out: rule
                            .exceptions
                            .iter()
                            .filter(|e| applies.get(e.index()) == Some(&Truth::No))
                            .filter_map(|e| model.rules.get(e.index()).map(|r| r.name.clone()))
                            .collect(),
                        rule: model_rule.map(|r| r.name.clone()).unwrap_or_default(),
                        facts: {
                            let mut deciding = vec![false; model.facts.len()];
                            seen.fresh();
                            ev.deciding_facts(rule.condition, &mut deciding, &mut seen);
                            for e in &rule.exceptions {
                                if applies.get(e.index()) == Some(&Truth::No) {
                                    ev.why_not(
                                        e.index(),
                                        &conds,
                                        &applies,
                                        &mut deciding,
                                        &mut seen,
                                        0,
                                    );
                                }
                            }
                            Ordered(
                                deciding
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, d)| **d)
                                    .filter_map(|(i, _)| {
                                        let f = FactId(u32::try_from(i).ok()?);
                                        case.get(f).map(|v| {
                                            (model.fact_name(f).to_string(), shown(model, v))
                                        })
                                    })
                                    .collect(),
                            )
                        },
                    };
                    let mut cites: Vec<CitationOut> = remedy
                        .cites
                        .iter()
                        .map(|c| citation(model, c, as_of))
                        .collect();
                    for c in model_rule.map(|r| r.cites.as_slice()).unwrap_or(&[]) {
                        let c = citation(model, c, as_of);
                        if !cites.contains(&c) {
                            cites.push(c);
                        }
                    }
                    let same = applied_here.iter_mut().find(|a| {
                        a.params == params && a.amount == amount && a.deadline == deadline
                    });
                    match same {
                        Some(a) => {
                            for c in cites {
                                if !a.citations.contains(&c) {
                                    a.citations.push(c);
                                }
                            }
                            a.because.push(because);
                        }
                        None => applied_here.push(AppliedRemedy {
                            id: remedy.id.clone(),
                            title: texts(&remedy.titles),
                            category: remedy.category.clone(),
                            params,
                            amount,
                            deadline,
                            citations: cites,
                            because: vec![because],
                        }),
                    }
                }
                Truth::Unknown => open_rules.push(i),
                Truth::No => {}
            }
        }
        if applied_here.is_empty() && !open_rules.is_empty() {
            let mut needed = vec![false; model.facts.len()];
            seen.fresh();
            for &i in &open_rules {
                ev.rule_needs(&applies, &conds, i, &mut needed, &mut seen, 0);
            }
            undetermined.push(Undetermined {
                id: remedy.id.clone(),
                title: texts(&remedy.titles),
                category: remedy.category.clone(),
                needs: names_of(model, &needed),
                rules: open_rules
                    .iter()
                    .filter_map(|i| model.rules.get(*i).map(|r| r.name.clone()))
                    .collect(),
            });
        }
        remedies.extend(applied_here);
    }
    for (i, rule) in graph.rules().iter().enumerate() {
        if conds.get(i) != Some(&Truth::Yes) {
            continue;
        }
        let by: Vec<String> = rule
            .exceptions
            .iter()
            .filter(|e| applies.get(e.index()) == Some(&Truth::Yes))
            .filter_map(|e| model.rules.get(e.index()).map(|r| r.name.clone()))
            .collect();
        if !by.is_empty() {
            overridden.push(Overridden {
                rule: model
                    .rules
                    .get(i)
                    .map(|r| r.name.clone())
                    .unwrap_or_default(),
                exception_to: model
                    .rules
                    .get(i)
                    .and_then(|r| r.exception_to)
                    .and_then(|t| model.rules.get(t.index()))
                    .map(|t| t.name.clone()),
                remedy: rule
                    .conclusion
                    .as_ref()
                    .and_then(|(r, _)| model.remedies.get(r.index()))
                    .map(|r| r.id.clone()),
                by,
            });
        }
    }
    let trace = Trace {
        conditions: conds,
        applies,
        nodes: ev
            .memo
            .iter()
            .map(|s| match s {
                Slot::Pending => NodeState::NotEvaluated,
                Slot::Unknown => NodeState::Unknown,
                Slot::Known(v) => NodeState::Known(v.clone()),
            })
            .collect(),
    };
    let outcome = Outcome {
        rulebook: RulebookInfo {
            title: texts(&model.header.titles),
            jurisdiction: model.header.jurisdiction.clone(),
            version: model.header.version.clone(),
            effective: model.header.effective.map(|d| d.to_string()),
        },
        as_of: as_of.map(|d| d.to_string()),
        remedies,
        undetermined,
        overridden,
        errors: std::mem::take(&mut ev.errors),
    };
    (outcome, trace)
}

/// Whether a rule applies: its condition holds and none of its exceptions
/// applies (Kleene). Exceptions form no loop (checked), `depth` guards anyway.
fn rule_applies(
    graph: &DecisionGraph,
    conds: &[Truth],
    memo: &mut [Option<Truth>],
    i: usize,
    depth: usize,
) -> Truth {
    if let Some(Some(t)) = memo.get(i) {
        return *t;
    }
    let cond = conds.get(i).copied().unwrap_or(Truth::Unknown);
    let mut result = cond;
    if cond != Truth::No && depth < 10_000 {
        let exceptions = graph
            .rules()
            .get(i)
            .map(|r| r.exceptions.as_slice())
            .unwrap_or(&[]);
        let mut any = Truth::No;
        for e in exceptions {
            any = any.or(rule_applies(graph, conds, memo, e.index(), depth + 1));
        }
        result = cond.and(!any);
    }
    if let Some(slot) = memo.get_mut(i) {
        *slot = Some(result);
    }
    result
}

fn names_of(model: &Model, needed: &[bool]) -> Vec<String> {
    needed
        .iter()
        .enumerate()
        .filter(|(_, n)| **n)
        .filter_map(|(i, _)| model.facts.get(i).map(|f| f.name.clone()))
        .collect()
}

fn texts(t: &Texts) -> Ordered<String> {
    Ordered(t.clone())
}

fn shown(model: &Model, v: &Value) -> Shown {
    match v {
        Value::Bool(b) => Shown::Bool(*b),
        Value::Money(m) => Shown::Text(format_money(*m)),
        other => Shown::Text(model.show(other)),
    }
}

fn citation(model: &Model, c: &Citation, as_of: Option<Date>) -> CitationOut {
    let law = c.law.and_then(|l| model.laws.get(l.index()));
    let in_force = match (law, as_of) {
        (Some(l), Some(d)) if l.from.is_some() || l.until.is_some() => {
            Some(l.from.is_none_or(|f| f <= d) && l.until.is_none_or(|u| d <= u))
        }
        _ => None,
    };
    CitationOut {
        in_force,
        law: law.map(|l| l.name.clone()),
        title: law.map(|l| texts(&l.titles)),
        article: c.article.clone(),
        text: c.text.clone(),
    }
}

/// A memo slot.
#[derive(Clone, Debug)]
enum Slot {
    Pending,
    Unknown,
    Known(Value),
}

struct Evaluator<'g> {
    graph: &'g DecisionGraph,
    case: &'g Case,
    memo: Vec<Slot>,
    errors: Vec<EvalError>,
    /// Reused by the walks that list missing facts.
    marks: Marks,
}

impl Evaluator<'_> {
    fn truth(&mut self, id: NodeId) -> Truth {
        match self.value(id) {
            Some(Value::Bool(b)) => Truth::from_bool(b),
            _ => Truth::Unknown,
        }
    }

    fn value(&mut self, id: NodeId) -> Option<Value> {
        match self.memo.get(id.index()) {
            Some(Slot::Known(v)) => return Some(v.clone()),
            Some(Slot::Unknown) | None => return None,
            Some(Slot::Pending) => {}
        }
        let graph = self.graph;
        let result = match graph.nodes().get(id.index())? {
            Node::Fact(f) => self.case.get(*f).cloned(),
            Node::Const(v) => Some(v.clone()),
            Node::Not(a) => truth_value(!self.truth(*a)),
            Node::And(list) => {
                let mut acc = Truth::Yes;
                for x in list.iter() {
                    acc = acc.and(self.truth(*x));
                    if acc == Truth::No {
                        break;
                    }
                }
                truth_value(acc)
            }
            Node::Or(list) => {
                let mut acc = Truth::No;
                for x in list.iter() {
                    acc = acc.or(self.truth(*x));
                    if acc == Truth::Yes {
                        break;
                    }
                }
                truth_value(acc)
            }
            Node::Cmp(op, a, b) => {
                let (a, b) = (self.value(*a), self.value(*b));
                match (a, b) {
                    (Some(a), Some(b)) => Some(Value::Bool(compare(*op, &a, &b))),
                    _ => None,
                }
            }
            Node::In {
                negated,
                subject,
                values,
            } => self
                .value(*subject)
                .map(|v| Value::Bool(values.contains(&v) != *negated)),
            Node::Arith(op, a, b) => {
                let (a, b) = (self.value(*a), self.value(*b));
                match (a, b) {
                    (Some(a), Some(b)) => self.arith(*op, &a, &b),
                    _ => None,
                }
            }
            Node::Neg(a) => match self.value(*a) {
                Some(Value::Number(n)) => Some(Value::Number(-n)),
                Some(Value::Money(n)) => Some(Value::Money(-n)),
                _ => None,
            },
            Node::Extremum(which, list) => {
                let mut best: Option<Value> = None;
                let mut unknown = false;
                for x in list.iter() {
                    match self.value(*x) {
                        Some(v) => {
                            let better = best.as_ref().is_none_or(|b| {
                                let ord = v.compare(b);
                                match which {
                                    Extremum::Max => ord == Some(std::cmp::Ordering::Greater),
                                    Extremum::Min => ord == Some(std::cmp::Ordering::Less),
                                }
                            });
                            if better {
                                best = Some(v);
                            }
                        }
                        None => unknown = true,
                    }
                }
                if unknown { None } else { best }
            }
            Node::Shift(a, n, unit) => match self.value(*a) {
                Some(Value::Date(d)) => self.shift(d, *n, *unit),
                _ => None,
            },
            Node::DaysFrom(a, b) => match (self.value(*a), self.value(*b)) {
                (Some(Value::Date(a)), Some(Value::Date(b))) => {
                    let days = b.to_jiff_days() - a.to_jiff_days();
                    Some(Value::Number(Decimal::from(days)))
                }
                _ => None,
            },
        };
        if let Some(slot) = self.memo.get_mut(id.index()) {
            *slot = match &result {
                Some(v) => Slot::Known(v.clone()),
                None => Slot::Unknown,
            };
        }
        result
    }

    fn fail(&mut self, message: String) -> Option<Value> {
        self.errors.push(EvalError {
            code: crate::diagnostic::Code::Arithmetic.to_string(),
            message,
        });
        None
    }

    fn arith(&mut self, op: ArithOp, a: &Value, b: &Value) -> Option<Value> {
        let (x, y, money) = match (a, b) {
            (Value::Number(x), Value::Number(y)) => (*x, *y, false),
            (Value::Money(x), Value::Money(y)) => (*x, *y, op != ArithOp::Div),
            (Value::Number(x), Value::Money(y)) | (Value::Money(y), Value::Number(x))
                if op == ArithOp::Mul =>
            {
                (*x, *y, true)
            }
            (Value::Money(x), Value::Number(y)) => (*x, *y, true),
            _ => return None,
        };
        let result = match op {
            ArithOp::Add => x.checked_add(y),
            ArithOp::Sub => x.checked_sub(y),
            ArithOp::Mul => x.checked_mul(y),
            ArithOp::Div => {
                if y.is_zero() {
                    return self.fail(format!("division by zero: {x} / {y}"));
                }
                x.checked_div(y)
            }
        };
        match result {
            Some(r) if money => Some(Value::Money(r)),
            Some(r) => Some(Value::Number(r)),
            None => self.fail(format!(
                "the result of {x} {} {y} is too large",
                op.symbol()
            )),
        }
    }

    fn shift(&mut self, d: Date, n: i64, unit: Unit) -> Option<Value> {
        let span = match unit {
            Unit::Days => n.days(),
            Unit::Weeks => n.weeks(),
            Unit::Months => n.months(),
            Unit::Years => n.years(),
        };
        match d.checked_add(span) {
            Ok(r) => Some(Value::Date(r)),
            Err(_) => self.fail(format!(
                "{d} + {n} {} is outside the supported dates",
                unit.word()
            )),
        }
    }

    fn computed(&mut self, id: NodeId) -> Computed {
        match self.value(id) {
            Some(v) => {
                let currency = matches!(v, Value::Money(_)).then(|| "CNY".to_string());
                Computed {
                    value: Some(shown(self.graph.model(), &v)),
                    currency,
                    needs: Vec::new(),
                }
            }
            None => Computed {
                value: None,
                currency: None,
                needs: self.needs_of(id),
            },
        }
    }

    fn deadline(&mut self, id: NodeId, as_of: Option<Date>) -> Deadline {
        match self.value(id) {
            Some(Value::Date(d)) => Deadline {
                date: Some(d.to_string()),
                expired: as_of.map(|a| d < a),
                needs: Vec::new(),
            },
            _ => Deadline {
                date: None,
                expired: None,
                needs: self.needs_of(id),
            },
        }
    }

    fn needs_of(&mut self, id: NodeId) -> Vec<String> {
        let model = self.graph.model();
        let mut needed = vec![false; model.facts.len()];
        let mut seen = std::mem::replace(&mut self.marks, Marks::new(0));
        seen.fresh();
        self.collect_needs(id, &mut needed, &mut seen);
        self.marks = seen;
        names_of(model, &needed)
    }

    /// Mark the facts that show why a rule does not apply: its condition
    /// failed, or one of its own exceptions applies (and why that one does).
    fn why_not(
        &mut self,
        i: usize,
        conds: &[Truth],
        applies: &[Truth],
        out: &mut [bool],
        seen: &mut Marks,
        depth: usize,
    ) {
        let graph = self.graph;
        let Some(rule) = graph.rules().get(i) else {
            return;
        };
        if conds.get(i) == Some(&Truth::No) || depth > 10_000 {
            // the index may have ruled it out unevaluated: evaluate it to explain it
            self.truth(rule.condition);
            self.deciding_facts(rule.condition, out, seen);
            return;
        }
        for e in &rule.exceptions {
            if applies.get(e.index()) != Some(&Truth::Yes) {
                continue;
            }
            let Some(ex) = graph.rules().get(e.index()) else {
                continue;
            };
            self.deciding_facts(ex.condition, out, seen);
            for sub in &ex.exceptions {
                if applies.get(sub.index()) == Some(&Truth::No) {
                    self.why_not(sub.index(), conds, applies, out, seen, depth + 1);
                }
            }
        }
    }

    /// Mark the facts that decided a known node: all of an `and` that held,
    /// the first false part of one that failed; the first true part of an
    /// `or` that held, all of one that failed; every input of anything else.
    fn deciding_facts(&self, root: NodeId, out: &mut [bool], seen: &mut Marks) {
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if !seen.visit(id) {
                continue;
            }
            let Some(Slot::Known(value)) = self.memo.get(id.index()) else {
                continue;
            };
            let Some(node) = self.graph.nodes().get(id.index()) else {
                continue;
            };
            match node {
                Node::Fact(f) => {
                    if let Some(o) = out.get_mut(f.index()) {
                        *o = true;
                    }
                }
                Node::And(list) | Node::Or(list) => {
                    let is_and = matches!(node, Node::And(_));
                    let held = value == &Value::Bool(true);
                    if is_and == held {
                        // an `and` that held, an `or` that failed: every part decided it
                        stack.extend(list.iter().copied());
                    } else {
                        // otherwise the first part, in the order written, that
                        // gave the result (the one evaluation stopped at), so the
                        // explanation does not depend on what other rules evaluated
                        let wanted = Value::Bool(held);
                        let first = list.iter().find(|c| {
                            matches!(self.memo.get(c.index()), Some(Slot::Known(v)) if *v == wanted)
                        });
                        stack.extend(first.copied());
                    }
                }
                _ => for_each_child(node, |c| stack.push(c)),
            }
        }
    }

    /// Mark the missing facts under an unknown node.
    fn collect_needs(&mut self, root: NodeId, needed: &mut [bool], seen: &mut Marks) {
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if !seen.visit(id) {
                continue;
            }
            if !matches!(self.memo.get(id.index()), Some(Slot::Unknown)) {
                continue;
            }
            let Some(node) = self.graph.nodes().get(id.index()) else {
                continue;
            };
            if let Node::Fact(f) = node {
                if let Some(n) = needed.get_mut(f.index()) {
                    *n = true;
                }
            }
            for_each_child(node, |c| stack.push(c));
        }
    }

    /// The facts that would settle an undetermined rule: those under its
    /// condition, and under its exceptions that are still open.
    fn rule_needs(
        &mut self,
        applies: &[Truth],
        conds: &[Truth],
        i: usize,
        needed: &mut [bool],
        seen: &mut Marks,
        depth: usize,
    ) {
        let Some(rule) = self.graph.rules().get(i) else {
            return;
        };
        if depth > 10_000 {
            return;
        }
        if conds.get(i) == Some(&Truth::Unknown) {
            self.collect_needs(rule.condition, needed, seen);
        }
        if conds.get(i) == Some(&Truth::No) {
            return;
        }
        for e in rule.exceptions.clone() {
            if applies.get(e.index()) == Some(&Truth::Unknown) {
                self.rule_needs(applies, conds, e.index(), needed, seen, depth + 1);
            }
        }
    }
}

trait JiffDays {
    fn to_jiff_days(self) -> i64;
}

impl JiffDays for Date {
    /// Days since 1970-01-01 (negative before).
    fn to_jiff_days(self) -> i64 {
        let epoch = Date::constant(1970, 1, 1);
        i64::from(epoch.until(self).map(|s| s.get_days()).unwrap_or(0))
    }
}

fn truth_value(t: Truth) -> Option<Value> {
    match t {
        Truth::Yes => Some(Value::Bool(true)),
        Truth::No => Some(Value::Bool(false)),
        Truth::Unknown => None,
    }
}

fn compare(op: CmpOp, a: &Value, b: &Value) -> bool {
    use std::cmp::Ordering::{Equal, Greater, Less};
    match op {
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Lt => a.compare(b) == Some(Less),
        CmpOp::Le => matches!(a.compare(b), Some(Less | Equal)),
        CmpOp::Gt => a.compare(b) == Some(Greater),
        CmpOp::Ge => matches!(a.compare(b), Some(Greater | Equal)),
    }
}

/// Nodes visited by one walk over the graph: a stamp per node, so that a new
/// walk needs no clearing (and no allocation) of its own.
struct Marks {
    stamps: Vec<u32>,
    current: u32,
}

impl Marks {
    fn new(nodes: usize) -> Marks {
        Marks {
            stamps: vec![0; nodes],
            current: 1,
        }
    }

    /// Start a new walk.
    fn fresh(&mut self) {
        self.current = self.current.wrapping_add(1);
        if self.current == 0 {
            self.stamps.iter_mut().for_each(|s| *s = 0);
            self.current = 1;
        }
    }

    /// True the first time a node is visited in this walk.
    fn visit(&mut self, id: NodeId) -> bool {
        match self.stamps.get_mut(id.index()) {
            Some(s) if *s != self.current => {
                *s = self.current;
                true
            }
            _ => false,
        }
    }
}
