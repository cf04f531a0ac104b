//! Rule indexes: skip, without evaluating them, the rules that a single
//! fact's value already rules out.
//!
//! Each rule whose condition is a conjunction gets a *guard*: one of its
//! conjuncts that tests one fact against constants (`category is one of a,
//! b`, `deceived`, `not deceived`, `price > 500 yuan`, `location = "X"`). The
//! guards are indexed by fact: by one-of value, by yes/no, by text, and by
//! sorted thresholds. For a case, a guard that is false makes the whole
//! conjunction false, so the rule is known not to apply and is never
//! evaluated; rules whose guard holds, is unknown, or who have no guard, are
//! the candidates evaluated as usual. The answer is the same either way
//! (tested against the plain evaluation); only the work differs.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

use crate::ast::CmpOp;
use crate::model::FactId;
use crate::value::Value;

use super::{Node, NodeId};

/// A guard's test on its fact.
#[derive(Clone, Debug)]
enum Test {
    /// The fact's value is one of these (one-of choices or yes/no).
    OneOf(Vec<Value>),
    /// The fact's text equals this.
    Text(Arc<str>),
    /// `fact > c` (strict) or `fact >= c`.
    Above(Value, bool),
    /// `fact < c` (strict) or `fact <= c`.
    Below(Value, bool),
}

/// The indexes of one fact.
#[derive(Clone, Debug, Default)]
struct FactIndex {
    /// Rules by one-of choice index, or by yes/no (0 = no, 1 = yes).
    by_slot: Vec<Vec<u32>>,
    /// Rules by text value.
    by_text: HashMap<Arc<str>, Vec<u32>>,
    /// `fact > c`/`>= c`: sorted so that the guards a value meets are a prefix.
    above: Vec<(Value, bool, u32)>,
    /// `fact < c`/`<= c`: sorted so that the guards a value meets are a prefix.
    below: Vec<(Value, bool, u32)>,
    /// Every rule guarded on this fact (candidates when it is unknown).
    all: Vec<u32>,
}

/// Space reused across cases by [`RuleIndex::candidates`] (one per thread).
#[derive(Clone, Debug, Default)]
pub struct IndexScratch {
    marks: Vec<bool>,
}

/// The rule index of a graph.
#[derive(Clone, Debug, Default)]
pub struct RuleIndex {
    rules: usize,
    facts: Vec<(FactId, FactIndex)>,
    /// Rules without a guard: always candidates.
    unguarded: Vec<u32>,
}

impl RuleIndex {
    /// Build the index for rules with the given condition nodes.
    pub(super) fn build(nodes: &[Node], conditions: &[NodeId]) -> RuleIndex {
        let mut index = RuleIndex {
            rules: conditions.len(),
            ..RuleIndex::default()
        };
        let mut by_fact: HashMap<FactId, usize> = HashMap::new();
        for (i, &cond) in conditions.iter().enumerate() {
            let rule = u32::try_from(i).unwrap_or(u32::MAX);
            let Some((fact, test)) = guard(nodes, cond) else {
                index.unguarded.push(rule);
                continue;
            };
            let slot = *by_fact.entry(fact).or_insert_with(|| {
                index.facts.push((fact, FactIndex::default()));
                index.facts.len() - 1
            });
            let Some((_, fi)) = index.facts.get_mut(slot) else {
                continue;
            };
            fi.all.push(rule);
            match test {
                Test::OneOf(values) => {
                    for v in values {
                        let s = slot_of(&v);
                        if fi.by_slot.len() <= s {
                            fi.by_slot.resize_with(s + 1, Vec::new);
                        }
                        if let Some(list) = fi.by_slot.get_mut(s) {
                            list.push(rule);
                        }
                    }
                }
                Test::Text(t) => fi.by_text.entry(t).or_default().push(rule),
                Test::Above(c, strict) => fi.above.push((c, strict, rule)),
                Test::Below(c, strict) => fi.below.push((c, strict, rule)),
            }
        }
        for (_, fi) in &mut index.facts {
            // above: ascending constants, `>=` before `>` at a tie; below: the reverse
            fi.above.sort_by(|a, b| {
                a.0.compare(&b.0)
                    .unwrap_or(Ordering::Equal)
                    .then(a.1.cmp(&b.1))
            });
            fi.below.sort_by(|a, b| {
                b.0.compare(&a.0)
                    .unwrap_or(Ordering::Equal)
                    .then(a.1.cmp(&b.1))
            });
        }
        index.facts.sort_by_key(|(f, _)| *f);
        index
    }

    /// The rules that the case's known facts do not rule out, in ascending
    /// order, into `out` (cleared first). `value(f)` gives a fact's value.
    pub fn candidates<'v>(
        &self,
        value: impl Fn(FactId) -> Option<&'v Value>,
        scratch: &mut IndexScratch,
        out: &mut Vec<u32>,
    ) {
        scratch.marks.clear();
        scratch.marks.resize(self.rules, false);
        self.mark_candidates(value, &mut scratch.marks);
        out.clear();
        out.extend(
            scratch
                .marks
                .iter()
                .enumerate()
                .filter(|(_, m)| **m)
                .filter_map(|(i, _)| u32::try_from(i).ok()),
        );
    }

    fn mark_candidates<'v>(&self, value: impl Fn(FactId) -> Option<&'v Value>, out: &mut [bool]) {
        fn mark<'a>(out: &mut [bool], rules: impl IntoIterator<Item = &'a u32>) {
            for r in rules {
                if let Some(o) = out.get_mut(*r as usize) {
                    *o = true;
                }
            }
        }
        mark(out, &self.unguarded);
        for (fact, fi) in &self.facts {
            let Some(v) = value(*fact) else {
                mark(out, &fi.all);
                continue;
            };
            match v {
                Value::Bool(_) | Value::Choice(..) => {
                    if let Some(list) = fi.by_slot.get(slot_of(v)) {
                        mark(out, list);
                    }
                }
                Value::Text(t) => {
                    if let Some(list) = fi.by_text.get(t) {
                        mark(out, list);
                    }
                }
                Value::Number(_) | Value::Money(_) | Value::Date(_) => {
                    let met_above = fi
                        .above
                        .partition_point(|(c, strict, _)| meets(v, c, *strict, Ordering::Greater));
                    let met_below = fi
                        .below
                        .partition_point(|(c, strict, _)| meets(v, c, *strict, Ordering::Less));
                    let met = fi
                        .above
                        .iter()
                        .take(met_above)
                        .chain(fi.below.iter().take(met_below));
                    mark(out, met.map(|(_, _, r)| r));
                }
            }
        }
    }
}

/// Whether `v` is beyond `c` in the direction `want` (or equal, when not strict).
fn meets(v: &Value, c: &Value, strict: bool, want: Ordering) -> bool {
    match v.compare(c) {
        Some(o) if o == want => true,
        Some(Ordering::Equal) => !strict,
        _ => false,
    }
}

fn slot_of(v: &Value) -> usize {
    match v {
        Value::Bool(b) => usize::from(*b),
        Value::Choice(_, i) => *i as usize,
        _ => usize::MAX,
    }
}

/// The most selective conjunct of a condition that tests one fact against
/// constants, if any.
fn guard(nodes: &[Node], cond: NodeId) -> Option<(FactId, Test)> {
    let mut conjuncts = Vec::new();
    let mut stack = vec![cond];
    while let Some(id) = stack.pop() {
        match nodes.get(id.index()) {
            Some(Node::And(list)) => stack.extend(list.iter().copied()),
            Some(_) => conjuncts.push(id),
            None => {}
        }
    }
    conjuncts
        .into_iter()
        .filter_map(|c| atom(nodes, c))
        .min_by_key(|(_, t)| match t {
            Test::Text(_) => 0,
            Test::OneOf(v) => v.len(),
            Test::Above(..) | Test::Below(..) => 100,
        })
}

fn atom(nodes: &[Node], id: NodeId) -> Option<(FactId, Test)> {
    let fact_of = |n: NodeId| match nodes.get(n.index()) {
        Some(Node::Fact(f)) => Some(*f),
        _ => None,
    };
    let const_of = |n: NodeId| match nodes.get(n.index()) {
        Some(Node::Const(v)) => Some(v.clone()),
        _ => None,
    };
    match nodes.get(id.index())? {
        // a yes/no fact used as a condition; its type is yes/no, or the
        // checker would have refused it
        Node::Fact(f) => Some((*f, Test::OneOf(vec![Value::Bool(true)]))),
        Node::Not(inner) => fact_of(*inner).map(|f| (f, Test::OneOf(vec![Value::Bool(false)]))),
        Node::In {
            negated: false,
            subject,
            values,
        } => {
            let f = fact_of(*subject)?;
            let all_slots = values
                .iter()
                .all(|v| matches!(v, Value::Choice(..) | Value::Bool(_)));
            all_slots.then(|| (f, Test::OneOf(values.to_vec())))
        }
        Node::Cmp(op, a, b) => {
            let (f, c, op) = match (fact_of(*a), const_of(*b), fact_of(*b), const_of(*a)) {
                (Some(f), Some(c), _, _) => (f, c, *op),
                (_, _, Some(f), Some(c)) => (f, c, op.flip()),
                _ => return None,
            };
            match (op, &c) {
                (CmpOp::Eq, Value::Bool(_) | Value::Choice(..)) => Some((f, Test::OneOf(vec![c]))),
                (CmpOp::Eq, Value::Text(t)) => Some((f, Test::Text(Arc::clone(t)))),
                (CmpOp::Gt, Value::Number(_) | Value::Money(_) | Value::Date(_)) => {
                    Some((f, Test::Above(c, true)))
                }
                (CmpOp::Ge, Value::Number(_) | Value::Money(_) | Value::Date(_)) => {
                    Some((f, Test::Above(c, false)))
                }
                (CmpOp::Lt, Value::Number(_) | Value::Money(_) | Value::Date(_)) => {
                    Some((f, Test::Below(c, true)))
                }
                (CmpOp::Le, Value::Number(_) | Value::Money(_) | Value::Date(_)) => {
                    Some((f, Test::Below(c, false)))
                }
                _ => None,
            }
        }
        _ => None,
    }
}
