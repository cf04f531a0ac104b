//! Space reused from one case to the next: memo slots per node and state
//! per rule, each valid only when stamped with the current case's
//! generation, so that starting a case clears nothing and allocates nothing.
//!
//! A node's memo is one `u32`: the generation in the high bits, and whether
//! the node is unknown, no, yes, or has a value kept on the side (numbers,
//! dates, texts) in the low two. Most nodes are conditions, so the memo a
//! case touches stays four bytes a node, small enough to stay in cache.

use crate::graph::{IndexScratch, NodeId};
use crate::model::FactId;
use crate::value::{Truth, Value};

/// A node's memo slot.
#[derive(Clone, Copy, Debug)]
pub(super) enum Slot<'a> {
    /// Not evaluated in this case.
    Pending,
    /// Evaluated, unknown.
    Unknown,
    /// Evaluated, known.
    Known(&'a Value),
}

static YES: Value = Value::Bool(true);
static NO: Value = Value::Bool(false);

/// The low bits of a memo word.
const UNKNOWN: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
const VALUE: u32 = 3;
/// Generations live in the high 30 bits.
const GENERATIONS: u32 = 1 << 30;

/// What a rule came to in this case.
#[derive(Clone, Copy, Debug)]
struct RuleState {
    at: u32,
    /// Its condition (within its rule's scope, for an exception).
    cond: Truth,
    /// Whether it applies (its condition and none of its exceptions),
    /// once worked out.
    applies: Option<Truth>,
}

/// The space one thread needs to evaluate cases against one graph.
#[derive(Clone, Debug, Default)]
pub(super) struct Scratch {
    generation: u32,
    /// Per node: `generation << 2 | UNKNOWN/FALSE/TRUE/VALUE`.
    memo: Vec<u32>,
    /// Per node: its value, when the memo says `VALUE`.
    values: Vec<Value>,
    rules: Vec<RuleState>,
    /// The rules the index did not rule out, ascending.
    pub candidates: Vec<u32>,
    pub index: IndexScratch,
    /// Visit marks for walks over the graph.
    pub marks: Marks,
    /// Facts marked by a walk (deciding or needed), with a stamp per fact.
    pub facts: FactSet,
    /// The stack of a walk.
    pub stack: Vec<NodeId>,
    /// (remedy, rule) for the rules that apply or may apply.
    pub open: Vec<(u32, u32)>,
}

impl Scratch {
    pub fn new(nodes: usize, rules: usize, facts: usize) -> Scratch {
        Scratch {
            generation: 1,
            memo: vec![0; nodes],
            values: vec![Value::Bool(false); nodes],
            rules: vec![
                RuleState {
                    at: 0,
                    cond: Truth::No,
                    applies: None,
                };
                rules
            ],
            candidates: Vec::new(),
            index: IndexScratch::default(),
            marks: Marks::new(nodes),
            facts: FactSet::new(facts),
            stack: Vec::new(),
            open: Vec::new(),
        }
    }

    /// Start a case: every memo slot pending, every rule's condition no
    /// (until [`Scratch::set_cond`]).
    pub fn start(&mut self) {
        self.generation += 1;
        if self.generation >= GENERATIONS {
            self.memo.iter_mut().for_each(|m| *m = 0);
            self.rules.iter_mut().for_each(|r| r.at = 0);
            self.generation = 1;
        }
    }

    pub fn slot(&self, id: NodeId) -> Slot<'_> {
        match self.memo.get(id.index()) {
            Some(m) if m >> 2 == self.generation => match m & 3 {
                FALSE => Slot::Known(&NO),
                TRUE => Slot::Known(&YES),
                VALUE => self
                    .values
                    .get(id.index())
                    .map_or(Slot::Unknown, Slot::Known),
                _ => Slot::Unknown,
            },
            _ => Slot::Pending,
        }
    }

    pub fn set_slot(&mut self, id: NodeId, value: Option<&Value>) {
        let low = match value {
            None => UNKNOWN,
            Some(Value::Bool(false)) => FALSE,
            Some(Value::Bool(true)) => TRUE,
            Some(v) => match self.values.get_mut(id.index()) {
                Some(slot) => {
                    slot.clone_from(v);
                    VALUE
                }
                None => UNKNOWN,
            },
        };
        let word = self.generation << 2 | low;
        if let Some(m) = self.memo.get_mut(id.index()) {
            *m = word;
        }
    }

    /// A rule's condition: no unless set in this case.
    pub fn cond(&self, rule: usize) -> Truth {
        match self.rules.get(rule) {
            Some(r) if r.at == self.generation => r.cond,
            _ => Truth::No,
        }
    }

    pub fn set_cond(&mut self, rule: usize, cond: Truth) {
        let generation = self.generation;
        if let Some(r) = self.rules.get_mut(rule) {
            *r = RuleState {
                at: generation,
                cond,
                applies: None,
            };
        }
    }

    /// Whether a rule applies, once worked out; a rule whose condition was
    /// never set does not apply.
    pub fn applies(&self, rule: usize) -> Option<Truth> {
        match self.rules.get(rule) {
            Some(r) if r.at == self.generation => r.applies,
            _ => Some(Truth::No),
        }
    }

    pub fn set_applies(&mut self, rule: usize, applies: Truth) {
        let generation = self.generation;
        if let Some(r) = self.rules.get_mut(rule) {
            if r.at != generation {
                *r = RuleState {
                    at: generation,
                    cond: Truth::No,
                    applies: None,
                };
            }
            r.applies = Some(applies);
        }
    }

    /// Whether a rule applies (unknown if not worked out).
    pub fn applies_or_unknown(&self, rule: usize) -> Truth {
        self.applies(rule).unwrap_or(Truth::Unknown)
    }
}

/// Nodes visited by one walk over the graph: a stamp per node, so that a new
/// walk needs no clearing (and no allocation) of its own.
#[derive(Clone, Debug, Default)]
pub(super) struct Marks {
    stamps: Vec<u32>,
    current: u32,
}

impl Marks {
    pub fn new(nodes: usize) -> Marks {
        Marks {
            stamps: vec![0; nodes],
            current: 1,
        }
    }

    /// Start a new walk.
    pub fn fresh(&mut self) {
        self.current = self.current.wrapping_add(1);
        if self.current == 0 {
            self.stamps.iter_mut().for_each(|s| *s = 0);
            self.current = 1;
        }
    }

    /// True when a node has been visited in this walk.
    pub fn visited(&self, id: NodeId) -> bool {
        self.stamps.get(id.index()) == Some(&self.current)
    }

    /// True the first time a node is visited in this walk.
    pub fn visit(&mut self, id: NodeId) -> bool {
        match self.stamps.get_mut(id.index()) {
            Some(s) if *s != self.current => {
                *s = self.current;
                true
            }
            _ => false,
        }
    }
}

/// A set of facts built by a walk, listed in declaration order on demand.
#[derive(Clone, Debug, Default)]
pub(super) struct FactSet {
    stamps: Vec<u32>,
    current: u32,
    list: Vec<FactId>,
}

impl FactSet {
    pub fn new(facts: usize) -> FactSet {
        FactSet {
            stamps: vec![0; facts],
            current: 1,
            list: Vec::new(),
        }
    }

    /// Empty the set.
    pub fn clear(&mut self) {
        self.list.clear();
        self.current = self.current.wrapping_add(1);
        if self.current == 0 {
            self.stamps.iter_mut().for_each(|s| *s = 0);
            self.current = 1;
        }
    }

    pub fn insert(&mut self, f: FactId) {
        if let Some(s) = self.stamps.get_mut(f.index()) {
            if *s != self.current {
                *s = self.current;
                self.list.push(f);
            }
        }
    }

    /// The facts, in declaration order.
    pub fn sorted(&mut self) -> &[FactId] {
        self.list.sort_unstable();
        &self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past the last generation everything is cleared, so nothing from an old
    /// case looks current again.
    #[test]
    fn generations_wrap_without_stale_state() {
        let mut s = Scratch::new(3, 2, 1);
        s.generation = GENERATIONS - 2;
        s.start();
        let node = NodeId(1);
        s.set_slot(node, Some(&Value::Bool(true)));
        s.set_cond(0, Truth::Yes);
        assert!(matches!(s.slot(node), Slot::Known(Value::Bool(true))));
        assert_eq!(s.cond(0), Truth::Yes);
        s.start(); // wraps: generation 1, all stamps cleared
        assert_eq!(s.generation, 1);
        assert!(matches!(s.slot(node), Slot::Pending));
        assert_eq!(s.cond(0), Truth::No);
        assert_eq!(s.applies(0), Some(Truth::No));
        s.set_slot(node, Some(&Value::Number(rust_decimal::Decimal::from(7))));
        assert!(
            matches!(s.slot(node), Slot::Known(Value::Number(n)) if *n == rust_decimal::Decimal::from(7))
        );
        s.start();
        assert!(matches!(s.slot(node), Slot::Pending));
    }
}
