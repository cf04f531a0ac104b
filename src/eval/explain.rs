//! Which facts explain a result: those that decided a known condition, those
//! that show why an exception does not apply, and those still missing from
//! an undetermined one. Each walk marks facts in [`super::scratch::FactSet`]
//! and visits a node once per walk ([`super::scratch::Marks`]); the caller
//! starts the walk. A fact read by a comparison has no memo slot of its own
//! (see `Run::operand`): the walks look its value up in the case.

use crate::graph::{Node, NodeId, for_each_child};
use crate::value::{Truth, Value};

use super::Run;
use super::scratch::Slot;

impl Run<'_, '_> {
    /// Mark the facts that decided a known node: all of an `and` that held,
    /// the first false part of one that failed; the first true part of an
    /// `or` that held, all of one that failed; every input of anything else.
    pub(super) fn deciding_facts(&mut self, root: NodeId) {
        // a condition the rule index decided has no node evaluated yet
        self.truth(root);
        let graph = self.graph;
        let facts = self.facts;
        let s = &mut *self.scratch;
        let mut stack = std::mem::take(&mut s.stack);
        stack.clear();
        stack.push(root);
        while let Some(id) = stack.pop() {
            if !s.marks.visit(id) {
                continue;
            }
            if let Some(Node::Fact(f)) = graph.nodes().get(id.index()) {
                // reached only from a known node: known, unless an `and`/`or`
                // part that evaluation never read
                if facts.get(*f).is_some() {
                    s.facts.insert(*f);
                }
                continue;
            }
            let held = match s.slot(id) {
                Slot::Known(Value::Bool(b)) => Some(*b),
                Slot::Known(_) => None,
                Slot::Pending | Slot::Unknown => continue,
            };
            let Some(node) = graph.nodes().get(id.index()) else {
                continue;
            };
            match node {
                Node::And(list) | Node::Or(list) => {
                    let is_and = matches!(node, Node::And(_));
                    let held = held == Some(true);
                    if is_and == held {
                        // an `and` that held, an `or` that failed: every part decided it
                        stack.extend(list.iter().copied());
                    } else {
                        // otherwise the first part, in the order written, that
                        // gave the result (the one evaluation stopped at), so the
                        // explanation does not depend on what other rules evaluated
                        let first = list.iter().find(
                            |c| matches!(s.slot(**c), Slot::Known(Value::Bool(b)) if *b == held),
                        );
                        stack.extend(first.copied());
                    }
                }
                // the condition and the branch taken (its value was read
                // when the `if` was evaluated)
                Node::If(c, a, b) => {
                    stack.push(*c);
                    match s.slot(*c) {
                        Slot::Known(Value::Bool(true)) => stack.push(*a),
                        Slot::Known(Value::Bool(false)) => stack.push(*b),
                        _ => {}
                    }
                }
                _ => for_each_child(node, |c| stack.push(c)),
            }
        }
        s.stack = stack;
    }

    /// Mark the facts that show why a rule does not apply: its condition
    /// failed, or one of its own exceptions applies (and why that one does).
    pub(super) fn why_not(&mut self, i: usize, depth: usize) {
        let graph = self.graph;
        let Some(rule) = graph.rules().get(i) else {
            return;
        };
        if self.scratch.cond(i) == Truth::No || depth > 10_000 {
            // the index may have ruled it out unevaluated: evaluate it to explain it
            self.truth(rule.condition);
            self.deciding_facts(rule.condition);
            return;
        }
        for e in &rule.exceptions {
            if self.scratch.applies_or_unknown(e.index()) != Truth::Yes {
                continue;
            }
            let Some(ex) = graph.rules().get(e.index()) else {
                continue;
            };
            self.deciding_facts(ex.condition);
            for sub in &ex.exceptions {
                if self.scratch.applies_or_unknown(sub.index()) == Truth::No {
                    self.why_not(sub.index(), depth + 1);
                }
            }
        }
    }

    /// Mark the missing facts under an unknown node.
    pub(super) fn collect_needs(&mut self, root: NodeId) {
        // a condition the rule index decided has no node evaluated yet
        let _ = self.value(root);
        let graph = self.graph;
        let facts = self.facts;
        let s = &mut *self.scratch;
        let mut stack = std::mem::take(&mut s.stack);
        stack.clear();
        stack.push(root);
        while let Some(id) = stack.pop() {
            if !s.marks.visit(id) {
                continue;
            }
            let Some(node) = graph.nodes().get(id.index()) else {
                continue;
            };
            if let Node::Fact(f) = node {
                if facts.get(*f).is_none() {
                    s.facts.insert(*f);
                }
                continue;
            }
            if !matches!(s.slot(id), Slot::Unknown) {
                continue;
            }
            if let Node::If(c, a, b) = node {
                // an unknown condition needs its facts; else the branch taken
                match s.slot(*c) {
                    Slot::Known(Value::Bool(true)) => stack.push(*a),
                    Slot::Known(Value::Bool(false)) => stack.push(*b),
                    _ => stack.push(*c),
                }
                continue;
            }
            for_each_child(node, |c| stack.push(c));
        }
        s.stack = stack;
    }

    /// Mark the facts that would settle an undetermined rule: those under its
    /// condition, and under its exceptions that are still open.
    pub(super) fn rule_needs(&mut self, i: usize, depth: usize) {
        let graph = self.graph;
        let Some(rule) = graph.rules().get(i) else {
            return;
        };
        if depth > 10_000 {
            return;
        }
        let cond = self.scratch.cond(i);
        if cond == Truth::Unknown {
            if rule.atomic {
                // a conjunction of tests of one fact each, none false: those
                // on missing facts are what is unknown
                for f in &rule.facts {
                    if self.facts.get(*f).is_none() {
                        self.scratch.facts.insert(*f);
                    }
                }
            } else {
                self.collect_needs(rule.condition);
            }
        }
        if cond == Truth::No {
            return;
        }
        for e in &rule.exceptions {
            if self.scratch.applies_or_unknown(e.index()) == Truth::Unknown {
                self.rule_needs(e.index(), depth + 1);
            }
        }
    }
}
