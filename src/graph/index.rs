//! Rule indexes: skip, without evaluating them, the rules that the case's
//! fact values already rule out.
//!
//! Every conjunct of a rule's condition (nested `and`s flattened) that tests
//! one fact against constants is an *atom*: `deceived`, `not deceived`,
//! `category is one of a, b`, `category = a`, `location = "X"`,
//! `price > 500 yuan` (or `500 yuan < price`), and so on. A rule is *ruled
//! out* for a case when any of its atoms is false for the case's value of
//! its fact: the whole conjunction is then false, so the rule is known not to
//! apply and is never evaluated. The other rules (those whose atoms all hold
//! or are on unknown facts, and those with no atom) are the *candidates*,
//! evaluated as usual. The answer is the same either way (tested against the
//! plain evaluation); only the work differs.
//!
//! A case sets bits in a "ruled out" bitset over the rules, one fact at a
//! time, then lists the rules whose bit is clear:
//!
//! - Discrete tests (yes/no, one-of, text equality): the constants a fact is
//!   tested against form its *slots*, plus one slot for any other value. With
//!   few slots and enough atoms, each slot keeps the bitset of the rules its
//!   value rules out, and a case ORs one bitset per fact. Otherwise the fact
//!   keeps the rules with an `is one of`/`=` atom on it and, per slot, the
//!   sorted list of those whose every such atom admits the slot's value; a
//!   case sets the difference.
//! - Set tests (`includes` on a `some of` fact): per value of the list, the
//!   rules an `includes x` or `includes all of …, x, …` atom rules out when
//!   the set lacks `x`, and those an `includes none of …, x, …` atom rules
//!   out when it holds `x`; an `includes any of` atom of several values is
//!   kept as it is and rules its rule out when the set holds none of them.
//! - Ordered tests (`<`, `<=`, `>`, `>=` on numbers, money, dates): the
//!   `>`/`>=` atoms of a fact are sorted by constant so that those a value
//!   falsifies are a suffix, and likewise the `<`/`<=` atoms. Every `step`
//!   entries a checkpoint keeps the bitset of the suffix from there, so a case
//!   ORs one checkpoint and sets fewer than `step` bits by hand.
//!
//! Memory stays linear in the number of atoms: precomputed bitsets are capped
//! per fact and allowed only while they cost a bounded number of words per
//! atom (see [`RuleIndex::heap_bytes`]).
//!
//! A value falsifies an atom exactly when evaluating the atom would give
//! `no`: equality and `is one of` compare values with `==`; an order
//! comparison across types is `no`; a yes/no fact used as a condition (or
//! under `not`) is unknown unless its value is yes/no. An unknown fact rules
//! nothing out.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::model::FactId;
use crate::value::{Currency, OneOfId, Value};
use crate::vocab::{CmpOp, SetTest};

use super::{Node, NodeId};

/// At most this many precomputed slot bitsets per fact.
const MAX_SLOT_BITSETS: usize = 64;
/// At most this many checkpoints per fact and direction.
const MAX_CHECKPOINTS: usize = 64;
/// Slot bitsets are precomputed only while they cost at most this many
/// words per atom of their fact.
const DENSE_WORDS_PER_ATOM: usize = 8;
/// Checkpoints are at least `words / CHECKPOINT_SPACING` entries apart, so
/// that they cost at most about this many words per atom.
const CHECKPOINT_SPACING: usize = 8;
/// Choice indexes below this are looked up in a vector, others in a map.
const MAX_DIRECT_CHOICE: u32 = 1 << 16;

/// An atom's test on its fact.
#[derive(Clone, Debug)]
enum Test {
    /// A yes/no fact used as a condition: false exactly when it is no.
    IsTrue,
    /// `not fact`: false exactly when the fact is yes.
    IsFalse,
    /// `is one of` or `=`: false when the value is known and none of these.
    Set(Vec<Value>),
    /// `fact > c` (strict) or `fact >= c`.
    Above(Value, bool),
    /// `fact < c` (strict) or `fact <= c`.
    Below(Value, bool),
    /// `includes` on a set-valued fact: any, all or none of these values
    /// (indexes into the fact's list).
    Includes(SetTest, Vec<u32>),
}

/// Space reused across cases by [`RuleIndex::candidates`] (one per thread).
#[derive(Clone, Debug, Default)]
pub struct IndexScratch {
    /// One bit per rule: ruled out.
    ruled_out: Vec<u64>,
}

/// The rule index of a graph.
#[derive(Clone, Debug, Default)]
pub struct RuleIndex {
    /// Indexed facts, by ascending id.
    facts: Vec<FactIndex>,
    /// Rules in the graph.
    rules: usize,
    /// Words of a bitset over the rules.
    words: usize,
}

/// The indexes of one fact.
#[derive(Clone, Debug)]
struct FactIndex {
    fact: FactId,
    discrete: Option<Discrete>,
    above: Option<Side>,
    below: Option<Side>,
    includes: Option<Includes>,
}

/// The `includes` tests on one set-valued fact.
#[derive(Clone, Debug)]
struct Includes {
    /// Per value (by index): the rules ruled out when the set lacks it.
    need: Vec<Vec<u32>>,
    /// Per value (by index): the rules ruled out when the set holds it.
    forbid: Vec<Vec<u32>>,
    /// `includes any of` atoms of several values: the rule, ruled out when
    /// the set holds none of them.
    any: Vec<(u32, Box<[u32]>)>,
}

impl Includes {
    fn new(atoms: Vec<(u32, SetTest, Vec<u32>)>) -> Option<Includes> {
        if atoms.is_empty() {
            return None;
        }
        let mut index = Includes {
            need: Vec::new(),
            forbid: Vec::new(),
            any: Vec::new(),
        };
        let grow = |lists: &mut Vec<Vec<u32>>, v: u32, rule: u32| {
            let v = v as usize;
            if lists.len() <= v {
                lists.resize(v + 1, Vec::new());
            }
            if let Some(list) = lists.get_mut(v) {
                list.push(rule);
            }
        };
        for (rule, test, values) in atoms {
            match (test, values.as_slice()) {
                (SetTest::Any | SetTest::All, [v]) => grow(&mut index.need, *v, rule),
                (SetTest::All, _) => values.iter().for_each(|v| grow(&mut index.need, *v, rule)),
                (SetTest::None, _) => values
                    .iter()
                    .for_each(|v| grow(&mut index.forbid, *v, rule)),
                (SetTest::Any, _) => index.any.push((rule, values.into())),
            }
        }
        for list in index.need.iter_mut().chain(index.forbid.iter_mut()) {
            list.sort_unstable();
            list.dedup();
        }
        Some(index)
    }

    /// Rule out the rules whose atoms `v` falsifies (only a set's value
    /// falsifies any).
    fn rule_out(&self, v: &Value, out: &mut [u64]) {
        let Value::Set(_, chosen) = v else { return };
        let held = |i: usize| u32::try_from(i).is_ok_and(|i| chosen.binary_search(&i).is_ok());
        for (i, rules) in self.need.iter().enumerate() {
            if !held(i) {
                rules.iter().for_each(|r| set_bit(out, *r));
            }
        }
        for i in chosen.iter() {
            if let Some(rules) = self.forbid.get(*i as usize) {
                rules.iter().for_each(|r| set_bit(out, *r));
            }
        }
        for (rule, values) in &self.any {
            if !values.iter().any(|x| chosen.binary_search(x).is_ok()) {
                set_bit(out, *rule);
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        self.need
            .iter()
            .chain(&self.forbid)
            .map(|l| l.capacity() * 4 + std::mem::size_of::<Vec<u32>>())
            .sum::<usize>()
            + self
                .any
                .iter()
                .map(|(_, v)| v.len() * 4 + std::mem::size_of::<(u32, Box<[u32]>)>())
                .sum::<usize>()
    }
}

/// The discrete tests (yes/no, `is one of`, `=`) on one fact.
#[derive(Clone, Debug)]
struct Discrete {
    slots: SlotLookup,
    store: Store,
}

/// How the rules ruled out by each slot are kept.
#[derive(Clone, Debug)]
enum Store {
    /// Per slot, the last one being "any other value", the bitset of the
    /// rules ruled out (empty when none).
    Dense(Vec<Vec<u64>>),
    /// The rules with a `Set` atom on the fact (all ruled out by a value of
    /// no slot), the sorted rules each slot's value keeps among them, and
    /// the rules with an `IsTrue` / `IsFalse` atom.
    Complement {
        base: Base,
        kept: Vec<Vec<u32>>,
        if_no: Vec<u32>,
        if_yes: Vec<u32>,
    },
}

/// The rules with a `Set` atom on a fact.
#[derive(Clone, Debug)]
enum Base {
    /// Sorted, for facts with few atoms.
    Sparse(Vec<u32>),
    /// A bitset.
    Words(Vec<u64>),
}

/// A fact's value → its slot.
#[derive(Clone, Debug, Default)]
struct SlotLookup {
    /// Slots of no and yes.
    bools: [Option<u32>; 2],
    /// The one-of list of the fact's choices and the slot of each index.
    choices: Option<(OneOfId, Vec<Option<u32>>)>,
    /// The slots of any other value.
    others: HashMap<Value, u32>,
}

impl SlotLookup {
    fn get(&self, v: &Value) -> Option<usize> {
        let slot = match v {
            Value::Bool(b) => self.bools.get(usize::from(*b)).copied().flatten(),
            Value::Choice(list, i) => match &self.choices {
                Some((id, slots)) if id == list && *i < MAX_DIRECT_CHOICE => {
                    slots.get(*i as usize).copied().flatten()
                }
                _ => self.others.get(v).copied(),
            },
            _ => self.others.get(v).copied(),
        };
        slot.map(|s| s as usize)
    }

    /// Record the slot of a value (the next one when new); returns it.
    fn insert(&mut self, v: &Value, next: u32) -> u32 {
        if let Some(s) = self.get(v) {
            return u32::try_from(s).unwrap_or(u32::MAX);
        }
        match v {
            Value::Bool(b) => {
                if let Some(s) = self.bools.get_mut(usize::from(*b)) {
                    *s = Some(next);
                }
            }
            Value::Choice(list, i) if *i < MAX_DIRECT_CHOICE => {
                let (id, slots) = self.choices.get_or_insert_with(|| (*list, Vec::new()));
                if id == list {
                    let i = *i as usize;
                    if slots.len() <= i {
                        slots.resize(i + 1, None);
                    }
                    if let Some(s) = slots.get_mut(i) {
                        *s = Some(next);
                    }
                } else {
                    self.others.insert(v.clone(), next);
                }
            }
            _ => {
                self.others.insert(v.clone(), next);
            }
        }
        next
    }
}

/// The `>`/`>=` (or `<`/`<=`) atoms on one fact.
#[derive(Clone, Debug)]
struct Side {
    /// `Greater` for `>`/`>=`, `Less` for `<`/`<=`.
    want: Ordering,
    /// Constants and strictness, ordered so that the entries a value meets
    /// are a prefix and those it falsifies the rest.
    keys: Keys,
    /// The rule of each entry.
    rules: Vec<u32>,
    /// Entries between checkpoints; 0 when there are none.
    step: usize,
    /// Checkpoint `k`: the bitset of the rules of entries `k * step..`,
    /// `words` words each, one after the other.
    checkpoints: Vec<u64>,
    /// Entries whose constant is of another type than the first one's
    /// (not seen from checked rulebooks): tested one by one.
    odd: Vec<(Value, bool, u32)>,
}

/// The sorted constants of a [`Side`], all of one type.
#[derive(Clone, Debug)]
enum Keys {
    /// Thresholds as integers, ascending, such that a value met by an
    /// entry is one whose [`Keys::position`] is at least its threshold.
    ///
    /// A number or money amount is an integer `q` in units of
    /// `10^-scale` plus `f` (1 when finer than that, else 0); a date is
    /// `year * 10000 + month * 100 + day` (`f` = 0). Its position is
    /// `2q + f`, negated for `<`/`<=`. `> k` is met from `2k + 1`, `>= k`
    /// from `2k`, `< k` from `1 - 2k`, `<= k` from `-2k`: the same answers as
    /// [`Value::compare`], with one integer comparison.
    Scaled {
        thresholds: Vec<i128>,
        kind: Kind,
        scale: u32,
        below: bool,
    },
    /// Constants that do not fit: compared as values.
    Values(Vec<(Value, bool)>),
}

/// The type of a [`Keys::Scaled`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Number,
    /// Money thresholds of one currency (a fact's money has one currency:
    /// amounts of another one are never compared with them).
    Money(Currency),
    Date,
}

/// Keys beyond this magnitude are not scaled (so that every query value,
/// saturated, compares with them as it should).
const MAX_SCALED: i128 = i128::MAX / 4;

/// A value as a scaled integer, and whether it lies strictly above it (a
/// finer decimal than the keys' scale). `None` when it is of another type.
fn scaled(v: &Value, kind: Kind, scale: u32) -> Option<(i128, bool)> {
    let d = match (v, kind) {
        (Value::Number(d), Kind::Number) => d,
        (Value::Money(d, c), Kind::Money(k)) if *c == k => d,
        (Value::Date(d), Kind::Date) => {
            let key =
                i128::from(d.year()) * 10_000 + i128::from(d.month()) * 100 + i128::from(d.day());
            return Some((key, false));
        }
        _ => return None,
    };
    let (m, s) = (d.mantissa(), d.scale());
    if s <= scale {
        let factor = 10i128.checked_pow(scale - s);
        // beyond i128, the value is beyond every key (which all fit)
        let key = factor.and_then(|f| m.checked_mul(f)).unwrap_or(if m < 0 {
            i128::MIN
        } else {
            i128::MAX
        });
        Some((key, false))
    } else {
        let factor = 10i128.checked_pow(s - scale)?;
        Some((m.div_euclid(factor), m.rem_euclid(factor) != 0))
    }
}

impl Keys {
    /// Sorted keys for entries whose constants share one type, and the
    /// rules in the same order.
    fn new(same: Vec<(Value, bool, u32)>, want: Ordering) -> (Keys, Vec<u32>) {
        let below = want == Ordering::Less;
        let kind = match same.first().map(|e| &e.0) {
            Some(Value::Number(_)) => Some(Kind::Number),
            Some(Value::Money(_, c)) => Some(Kind::Money(*c)),
            Some(Value::Date(_)) => Some(Kind::Date),
            _ => None,
        };
        let scale = same
            .iter()
            .map(|(c, _, _)| match c {
                Value::Number(d) | Value::Money(d, _) => d.scale(),
                _ => 0,
            })
            .max()
            .unwrap_or(0);
        let threshold = |kind: Kind, c: &Value, strict: bool| -> Option<i128> {
            let (k, finer) = scaled(c, kind, scale)?;
            if finer || !(-MAX_SCALED..=MAX_SCALED).contains(&k) {
                return None;
            }
            let strict = i128::from(strict);
            Some(if below {
                strict - 2 * k
            } else {
                2 * k + strict
            })
        };
        let fast: Option<Vec<(i128, u32)>> = kind.and_then(|kind| {
            same.iter()
                .map(|(c, strict, r)| threshold(kind, c, *strict).map(|t| (t, *r)))
                .collect()
        });
        if let (Some(mut entries), Some(kind)) = (fast, kind) {
            entries.sort_unstable();
            let (thresholds, rules) = entries.into_iter().unzip();
            let keys = Keys::Scaled {
                thresholds,
                kind,
                scale,
                below,
            };
            return (keys, rules);
        }
        // above: ascending constants; below: descending; `>=`/`<=` first at a tie
        let mut entries = same;
        entries.sort_by(|a, b| {
            let o = a.0.compare(&b.0).unwrap_or(Ordering::Equal);
            let o = if below { o.reverse() } else { o };
            o.then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
        });
        let rules = entries.iter().map(|e| e.2).collect();
        let keys = entries.into_iter().map(|(c, s, _)| (c, s)).collect();
        (Keys::Values(keys), rules)
    }

    /// The position of a value among [`Keys::Scaled`] thresholds.
    fn position(q: i128, finer: bool, below: bool) -> i128 {
        let p = q.saturating_mul(2).saturating_add(i128::from(finer));
        if below { p.saturating_neg() } else { p }
    }

    /// How many entries, from the first, `v` meets.
    fn met(&self, v: &Value, want: Ordering) -> usize {
        match self {
            Keys::Scaled {
                thresholds,
                kind,
                scale,
                below,
            } => match scaled(v, *kind, *scale) {
                Some((q, finer)) => {
                    let p = Keys::position(q, finer, *below);
                    if thresholds.len() <= 32 {
                        thresholds.iter().map(|t| usize::from(*t <= p)).sum()
                    } else {
                        thresholds.partition_point(|t| *t <= p)
                    }
                }
                // compared across types: false
                None => 0,
            },
            Keys::Values(keys) => keys.partition_point(|(c, strict)| meets(v, c, *strict, want)),
        }
    }

    fn heap_bytes(&self) -> usize {
        match self {
            Keys::Scaled { thresholds, .. } => thresholds.capacity() * 16,
            Keys::Values(keys) => keys.capacity() * std::mem::size_of::<(Value, bool)>(),
        }
    }
}

impl Side {
    fn new(want: Ordering, mut entries: Vec<(Value, bool, u32)>, words: usize) -> Option<Side> {
        // one type, and for money one currency
        let kind = |v: &Value| {
            let currency = match v {
                Value::Money(_, c) => Some(*c),
                _ => None,
            };
            (std::mem::discriminant(v), currency)
        };
        let first = kind(&entries.first()?.0);
        let (same, odd): (Vec<_>, Vec<_>) =
            entries.drain(..).partition(|(c, _, _)| kind(c) == first);
        let (keys, rules) = Keys::new(same, want);
        let n = rules.len();
        // a power of two, so that finding a checkpoint is a shift
        let step = n
            .div_ceil(MAX_CHECKPOINTS)
            .max(words.div_ceil(CHECKPOINT_SPACING))
            .max(1)
            .next_power_of_two();
        let step = if n > step { step } else { 0 };
        let mut checkpoints = Vec::new();
        if step > 0 {
            let count = n.div_ceil(step);
            checkpoints = vec![0u64; count * words];
            // from the last checkpoint back, each the next one plus its entries
            let mut acc = vec![0u64; words];
            for k in (0..count).rev() {
                for r in rules.iter().skip(k * step).take(step) {
                    set_bit(&mut acc, *r);
                }
                if let Some(dst) = checkpoints.get_mut(k * words..(k + 1) * words) {
                    dst.copy_from_slice(&acc);
                }
            }
        }
        Some(Side {
            want,
            keys,
            rules,
            step,
            checkpoints,
            odd,
        })
    }

    /// Rule out the rules of the entries `v` falsifies.
    fn rule_out(&self, v: &Value, words: usize, out: &mut [u64]) {
        let met = self.keys.met(v, self.want);
        let mut end = self.rules.len();
        if self.step > 0 {
            let shift = self.step.trailing_zeros();
            let k = (met + self.step - 1) >> shift;
            let from = k << shift;
            if from < end {
                if let Some(bits) = self.checkpoints.get(k * words..(k + 1) * words) {
                    or_into(out, bits);
                    end = from;
                }
            }
        }
        for r in self.rules.get(met..end).unwrap_or(&[]) {
            set_bit(out, *r);
        }
        for (c, strict, r) in &self.odd {
            if !meets(v, c, *strict, self.want) {
                set_bit(out, *r);
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        self.keys.heap_bytes()
            + self.rules.capacity() * 4
            + self.checkpoints.capacity() * 8
            + self.odd.capacity() * std::mem::size_of::<(Value, bool, u32)>()
    }
}

/// The atoms of one fact while the index is built.
#[derive(Default)]
struct Atoms {
    sets: Vec<(u32, Vec<Value>)>,
    if_no: Vec<u32>,
    if_yes: Vec<u32>,
    above: Vec<(Value, bool, u32)>,
    below: Vec<(Value, bool, u32)>,
    includes: Vec<(u32, SetTest, Vec<u32>)>,
}

impl RuleIndex {
    /// Build the index for rules with the given condition nodes.
    pub(super) fn build(nodes: &[Node], conditions: &[NodeId]) -> RuleIndex {
        let rules = conditions.len();
        let words = rules.div_ceil(64);
        let mut by_fact: HashMap<FactId, Atoms> = HashMap::new();
        let mut conjuncts = Vec::new();
        for (i, &cond) in conditions.iter().enumerate() {
            let rule = u32::try_from(i).unwrap_or(u32::MAX);
            flatten(nodes, cond, &mut conjuncts);
            for &c in &conjuncts {
                let Some((fact, test)) = atom(nodes, c) else {
                    continue;
                };
                let a = by_fact.entry(fact).or_default();
                match test {
                    Test::IsTrue => a.if_no.push(rule),
                    Test::IsFalse => a.if_yes.push(rule),
                    Test::Set(values) => a.sets.push((rule, values)),
                    Test::Above(c, strict) => a.above.push((c, strict, rule)),
                    Test::Below(c, strict) => a.below.push((c, strict, rule)),
                    Test::Includes(t, values) => a.includes.push((rule, t, values)),
                }
            }
        }
        let mut facts: Vec<FactIndex> = by_fact
            .into_iter()
            .map(|(fact, a)| FactIndex {
                fact,
                discrete: Discrete::new(a.sets, a.if_no, a.if_yes, words),
                above: Side::new(Ordering::Greater, a.above, words),
                below: Side::new(Ordering::Less, a.below, words),
                includes: Includes::new(a.includes),
            })
            .collect();
        facts.sort_by_key(|f| f.fact);
        RuleIndex {
            facts,
            rules,
            words,
        }
    }

    /// The rules that the case's known facts do not rule out, in ascending
    /// order, into `out` (cleared first). `value(f)` gives a fact's value.
    pub fn candidates<'v>(
        &self,
        value: impl Fn(FactId) -> Option<&'v Value>,
        scratch: &mut IndexScratch,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        let words = self.words;
        let ruled = &mut scratch.ruled_out;
        ruled.clear();
        ruled.resize(words, 0);
        for fi in &self.facts {
            let Some(v) = value(fi.fact) else {
                continue;
            };
            if let Some(d) = &fi.discrete {
                d.rule_out(v, ruled);
            }
            if let Some(side) = &fi.above {
                side.rule_out(v, words, ruled);
            }
            if let Some(side) = &fi.below {
                side.rule_out(v, words, ruled);
            }
            if let Some(set) = &fi.includes {
                set.rule_out(v, ruled);
            }
        }
        for (w, bits) in ruled.iter().enumerate() {
            let base = w * 64;
            let mut free = !*bits;
            if base + 64 > self.rules {
                let valid = self.rules.saturating_sub(base);
                free &= if valid >= 64 {
                    u64::MAX
                } else {
                    (1u64 << valid) - 1
                };
            }
            while free != 0 {
                let r = base + free.trailing_zeros() as usize;
                out.push(u32::try_from(r).unwrap_or(u32::MAX));
                free &= free - 1;
            }
        }
    }

    /// About how many bytes the index holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.facts.capacity() * std::mem::size_of::<FactIndex>()
            + self
                .facts
                .iter()
                .map(|f| {
                    f.discrete.as_ref().map_or(0, Discrete::heap_bytes)
                        + f.above.as_ref().map_or(0, Side::heap_bytes)
                        + f.below.as_ref().map_or(0, Side::heap_bytes)
                        + f.includes.as_ref().map_or(0, Includes::heap_bytes)
                })
                .sum::<usize>()
    }
}

impl Discrete {
    fn new(
        sets: Vec<(u32, Vec<Value>)>,
        if_no: Vec<u32>,
        if_yes: Vec<u32>,
        words: usize,
    ) -> Option<Discrete> {
        if sets.is_empty() && if_no.is_empty() && if_yes.is_empty() {
            return None;
        }
        // the slots: every constant, and both yes/no values when a fact is
        // used as a condition (so that "any other value" is not yes/no then)
        let mut slots = SlotLookup::default();
        let mut universe: Vec<Value> = Vec::new();
        if !if_no.is_empty() || !if_yes.is_empty() {
            for b in [false, true] {
                let v = Value::Bool(b);
                let next = u32::try_from(universe.len()).unwrap_or(u32::MAX);
                if slots.insert(&v, next) == next {
                    universe.push(v);
                }
            }
        }
        // (slot, rule, atom) for each value each `Set` atom admits
        let mut admits: Vec<(u32, u32, usize)> = Vec::new();
        let mut atoms_of: HashMap<u32, u32> = HashMap::new();
        let mut base: Vec<u32> = Vec::with_capacity(sets.len());
        for (atom, (rule, values)) in sets.iter().enumerate() {
            *atoms_of.entry(*rule).or_insert(0) += 1;
            base.push(*rule);
            for v in values {
                let next = u32::try_from(universe.len()).unwrap_or(u32::MAX);
                let s = slots.insert(v, next);
                if s == next {
                    universe.push(v.clone());
                }
                admits.push((s, *rule, atom));
            }
        }
        base.sort_unstable();
        base.dedup();
        // a value listed twice in one atom counts once
        admits.sort_unstable();
        admits.dedup();
        // a slot keeps a rule when every `Set` atom of the rule admits it
        let mut kept: Vec<Vec<u32>> = vec![Vec::new(); universe.len()];
        for run in admits.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            let Some(&(s, rule, _)) = run.first() else {
                continue;
            };
            let needed = atoms_of.get(&rule).copied().unwrap_or(0) as usize;
            if run.len() == needed {
                if let Some(list) = kept.get_mut(s as usize) {
                    list.push(rule);
                }
            }
        }
        let mut if_no = if_no;
        let mut if_yes = if_yes;
        for list in [&mut if_no, &mut if_yes] {
            list.sort_unstable();
            list.dedup();
        }

        let atoms = sets.len() + if_no.len() + if_yes.len();
        let slot_count = universe.len() + 1;
        let store = if atoms * 4 <= words {
            Store::Complement {
                base: Base::Sparse(base),
                kept,
                if_no,
                if_yes,
            }
        } else if slot_count <= MAX_SLOT_BITSETS
            && slot_count * words <= DENSE_WORDS_PER_ATOM * atoms
        {
            let mut base_bits = vec![0u64; words];
            for r in &base {
                set_bit(&mut base_bits, *r);
            }
            let mut dense: Vec<Vec<u64>> = Vec::with_capacity(slot_count);
            for (v, keep) in universe.iter().zip(&kept) {
                let mut bits = base_bits.clone();
                for r in keep {
                    clear_bit(&mut bits, *r);
                }
                let extra = match v {
                    Value::Bool(false) => if_no.as_slice(),
                    Value::Bool(true) => if_yes.as_slice(),
                    _ => &[],
                };
                for r in extra {
                    set_bit(&mut bits, *r);
                }
                dense.push(shrink(bits));
            }
            dense.push(shrink(base_bits));
            Store::Dense(dense)
        } else {
            let mut bits = vec![0u64; words];
            for r in &base {
                set_bit(&mut bits, *r);
            }
            Store::Complement {
                base: Base::Words(bits),
                kept,
                if_no,
                if_yes,
            }
        };
        Some(Discrete { slots, store })
    }

    /// Rule out the rules whose atoms `v` falsifies.
    fn rule_out(&self, v: &Value, out: &mut [u64]) {
        let slot = self.slots.get(v);
        match &self.store {
            Store::Dense(bitsets) => {
                let s = slot.unwrap_or(bitsets.len().saturating_sub(1));
                if let Some(bits) = bitsets.get(s) {
                    or_into(out, bits);
                }
            }
            Store::Complement {
                base,
                kept,
                if_no,
                if_yes,
            } => {
                let keep: &[u32] = slot.and_then(|s| kept.get(s)).map_or(&[], Vec::as_slice);
                match base {
                    Base::Sparse(list) => {
                        let mut keep = keep.iter().peekable();
                        for r in list {
                            while keep.next_if(|k| **k < *r).is_some() {}
                            if keep.next_if_eq(&r).is_none() {
                                set_bit(out, *r);
                            }
                        }
                    }
                    Base::Words(bits) => {
                        let mut keep = keep.iter().peekable();
                        for (w, (o, b)) in out.iter_mut().zip(bits).enumerate() {
                            let mut m = *b;
                            while let Some(k) = keep.next_if(|k| (**k as usize) / 64 == w) {
                                m &= !(1u64 << (k % 64));
                            }
                            *o |= m;
                        }
                    }
                }
                let extra = match v {
                    Value::Bool(false) => if_no.as_slice(),
                    Value::Bool(true) => if_yes.as_slice(),
                    _ => &[],
                };
                for r in extra {
                    set_bit(out, *r);
                }
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        let lookup = self
            .slots
            .choices
            .as_ref()
            .map_or(0, |(_, s)| s.capacity() * 8)
            + self.slots.others.capacity() * (std::mem::size_of::<(Value, u32)>() + 8);
        let store = match &self.store {
            Store::Dense(bitsets) => bitsets
                .iter()
                .map(|b| b.capacity() * 8 + std::mem::size_of::<Vec<u64>>())
                .sum::<usize>(),
            Store::Complement {
                base,
                kept,
                if_no,
                if_yes,
            } => {
                let base = match base {
                    Base::Sparse(list) => list.capacity() * 4,
                    Base::Words(bits) => bits.capacity() * 8,
                };
                base + kept
                    .iter()
                    .map(|k| k.capacity() * 4 + std::mem::size_of::<Vec<u32>>())
                    .sum::<usize>()
                    + (if_no.capacity() + if_yes.capacity()) * 4
            }
        };
        lookup + store
    }
}

/// An all-zero bitset as an empty vector (nothing to OR).
fn shrink(bits: Vec<u64>) -> Vec<u64> {
    if bits.iter().all(|w| *w == 0) {
        Vec::new()
    } else {
        bits
    }
}

fn set_bit(bits: &mut [u64], r: u32) {
    if let Some(w) = bits.get_mut((r / 64) as usize) {
        *w |= 1u64 << (r % 64);
    }
}

fn clear_bit(bits: &mut [u64], r: u32) {
    if let Some(w) = bits.get_mut((r / 64) as usize) {
        *w &= !(1u64 << (r % 64));
    }
}

fn or_into(out: &mut [u64], bits: &[u64]) {
    for (o, b) in out.iter_mut().zip(bits) {
        *o |= *b;
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

/// Whether every conjunct of a condition is an atom.
pub(super) fn atomic(nodes: &[Node], cond: NodeId) -> bool {
    let mut conjuncts = Vec::new();
    flatten(nodes, cond, &mut conjuncts);
    conjuncts.iter().all(|c| atom(nodes, *c).is_some())
}

/// The conjuncts of a condition (nested `and`s flattened) into `out`.
fn flatten(nodes: &[Node], cond: NodeId, out: &mut Vec<NodeId>) {
    out.clear();
    let mut stack = vec![cond];
    while let Some(id) = stack.pop() {
        match nodes.get(id.index()) {
            Some(Node::And(list)) => stack.extend(list.iter().copied()),
            Some(_) => out.push(id),
            None => {}
        }
    }
}

/// The test of a conjunct on one fact against constants, if it is one.
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
        Node::Fact(f) => Some((*f, Test::IsTrue)),
        Node::Not(inner) => fact_of(*inner).map(|f| (f, Test::IsFalse)),
        Node::In {
            negated: false,
            subject,
            values,
        } => {
            let f = fact_of(*subject)?;
            let all_slots = values
                .iter()
                .all(|v| matches!(v, Value::Choice(..) | Value::Bool(_)));
            all_slots.then(|| (f, Test::Set(values.to_vec())))
        }
        Node::Includes {
            test,
            subject,
            values,
        } => fact_of(*subject).map(|f| (f, Test::Includes(*test, values.to_vec()))),
        Node::Cmp(op, a, b) => {
            let (f, c, op) = match (fact_of(*a), const_of(*b), fact_of(*b), const_of(*a)) {
                (Some(f), Some(c), _, _) => (f, c, *op),
                (_, _, Some(f), Some(c)) => (f, c, op.flip()),
                _ => return None,
            };
            match (op, &c) {
                (CmpOp::Eq, Value::Bool(_) | Value::Choice(..) | Value::Text(_)) => {
                    Some((f, Test::Set(vec![c])))
                }
                (CmpOp::Gt, Value::Number(_) | Value::Money(..) | Value::Date(_)) => {
                    Some((f, Test::Above(c, true)))
                }
                (CmpOp::Ge, Value::Number(_) | Value::Money(..) | Value::Date(_)) => {
                    Some((f, Test::Above(c, false)))
                }
                (CmpOp::Lt, Value::Number(_) | Value::Money(..) | Value::Date(_)) => {
                    Some((f, Test::Below(c, true)))
                }
                (CmpOp::Le, Value::Number(_) | Value::Money(..) | Value::Date(_)) => {
                    Some((f, Test::Below(c, false)))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::sync::Arc;

    use rust_decimal::Decimal;

    use super::*;

    /// Nodes and rule conditions built by hand.
    #[derive(Default)]
    struct Book {
        nodes: Vec<Node>,
        conds: Vec<NodeId>,
    }

    impl Book {
        fn node(&mut self, n: Node) -> NodeId {
            if let Some(i) = self.nodes.iter().position(|x| *x == n) {
                return NodeId(i as u32);
            }
            self.nodes.push(n);
            NodeId(self.nodes.len() as u32 - 1)
        }
        fn fact(&mut self, f: u32) -> NodeId {
            self.node(Node::Fact(FactId(f)))
        }
        fn not(&mut self, f: u32) -> NodeId {
            let a = self.fact(f);
            self.node(Node::Not(a))
        }
        fn cmp(&mut self, f: u32, op: CmpOp, c: Value) -> NodeId {
            let (a, b) = (self.fact(f), self.node(Node::Const(c)));
            self.node(Node::Cmp(op, a, b))
        }
        /// `c op f`
        fn cmp_flipped(&mut self, c: Value, op: CmpOp, f: u32) -> NodeId {
            let (a, b) = (self.node(Node::Const(c)), self.fact(f));
            self.node(Node::Cmp(op, a, b))
        }
        fn one_of(&mut self, f: u32, values: &[Value]) -> NodeId {
            let subject = self.fact(f);
            self.node(Node::In {
                negated: false,
                subject,
                values: values.into(),
            })
        }
        fn and(&mut self, list: &[NodeId]) -> NodeId {
            self.node(Node::And(list.into()))
        }
        fn rule(&mut self, cond: NodeId) {
            self.conds.push(cond);
        }
        fn index(&self) -> RuleIndex {
            RuleIndex::build(&self.nodes, &self.conds)
        }
    }

    type Case = HashMap<u32, Value>;

    fn candidates(index: &RuleIndex, case: &Case) -> Vec<u32> {
        let mut scratch = IndexScratch::default();
        let mut out = vec![7, 7, 7];
        index.candidates(|f| case.get(&f.0), &mut scratch, &mut out);
        out
    }

    /// The evaluator's semantics, on the nodes the tests use.
    fn eval(nodes: &[Node], id: NodeId, case: &Case) -> Option<Value> {
        let truth = |v: Option<Value>| match v {
            Some(Value::Bool(b)) => Some(b),
            _ => None,
        };
        match &nodes[id.index()] {
            Node::Fact(f) => case.get(&f.0).cloned(),
            Node::Const(v) => Some(v.clone()),
            Node::Not(a) => truth(eval(nodes, *a, case)).map(|b| Value::Bool(!b)),
            Node::And(list) => {
                let ts: Vec<Option<bool>> =
                    list.iter().map(|x| truth(eval(nodes, *x, case))).collect();
                if ts.contains(&Some(false)) {
                    Some(Value::Bool(false))
                } else if ts.iter().all(|t| *t == Some(true)) {
                    Some(Value::Bool(true))
                } else {
                    None
                }
            }
            Node::Or(list) => {
                let ts: Vec<Option<bool>> =
                    list.iter().map(|x| truth(eval(nodes, *x, case))).collect();
                if ts.contains(&Some(true)) {
                    Some(Value::Bool(true))
                } else if ts.iter().all(|t| *t == Some(false)) {
                    Some(Value::Bool(false))
                } else {
                    None
                }
            }
            Node::Cmp(op, a, b) => {
                let (a, b) = (eval(nodes, *a, case)?, eval(nodes, *b, case)?);
                let o = a.compare(&b);
                Some(Value::Bool(match op {
                    CmpOp::Eq => a == b,
                    CmpOp::Ne => a != b,
                    CmpOp::Lt => o == Some(Ordering::Less),
                    CmpOp::Le => matches!(o, Some(Ordering::Less | Ordering::Equal)),
                    CmpOp::Gt => o == Some(Ordering::Greater),
                    CmpOp::Ge => matches!(o, Some(Ordering::Greater | Ordering::Equal)),
                }))
            }
            Node::In {
                negated,
                subject,
                values,
            } => eval(nodes, *subject, case).map(|v| Value::Bool(values.contains(&v) != *negated)),
            Node::Includes {
                test,
                subject,
                values,
            } => match eval(nodes, *subject, case)? {
                Value::Set(_, chosen) => {
                    let held = values.iter().filter(|v| chosen.contains(v)).count();
                    Some(Value::Bool(match test {
                        SetTest::Any => held > 0,
                        SetTest::All => held == values.len(),
                        SetTest::None => held == 0,
                    }))
                }
                _ => None,
            },
            other => unreachable!("not used in these tests: {other:?}"),
        }
    }

    /// The rules none of whose atoms the case falsifies; checks too that a
    /// rule ruled out has a false condition.
    fn expected(book: &Book, case: &Case) -> Vec<u32> {
        let mut out = Vec::new();
        let mut conjuncts = Vec::new();
        for (i, cond) in book.conds.iter().enumerate() {
            flatten(&book.nodes, *cond, &mut conjuncts);
            let ruled_out = conjuncts.iter().any(|c| {
                atom(&book.nodes, *c).is_some()
                    && eval(&book.nodes, *c, case) == Some(Value::Bool(false))
            });
            if ruled_out {
                assert_eq!(eval(&book.nodes, *cond, case), Some(Value::Bool(false)));
            } else {
                out.push(i as u32);
            }
        }
        out
    }

    fn check(book: &Book, index: &RuleIndex, case: &Case) {
        assert_eq!(
            candidates(index, case),
            expected(book, case),
            "case {case:?}"
        );
    }

    fn num(n: i64) -> Value {
        Value::Number(Decimal::from(n))
    }
    fn dec(s: &str) -> Value {
        Value::Number(s.parse().unwrap())
    }
    fn text(s: &str) -> Value {
        Value::Text(Arc::from(s))
    }
    fn choice(i: u32) -> Value {
        Value::Choice(OneOfId(0), i)
    }
    fn case(values: &[(u32, Value)]) -> Case {
        values.iter().cloned().collect()
    }

    /// Every `includes` test on three values, alone and two at a time, and
    /// every set of the three (and unknown, and a value of another type).
    #[test]
    fn set_tests() {
        let mut book = Book::default();
        let mut tests = Vec::new();
        for test in [SetTest::Any, SetTest::All, SetTest::None] {
            for mask in 1..8u32 {
                let values: Vec<u32> = (0..3).filter(|i| mask & (1 << i) != 0).collect();
                let subject = book.fact(0);
                tests.push(book.node(Node::Includes {
                    test,
                    subject,
                    values: values.into(),
                }));
            }
        }
        let b = book.fact(1);
        for (i, t) in tests.iter().enumerate() {
            book.rule(*t);
            let other = tests[(i * 7 + 3) % tests.len()];
            let both = book.and(&[*t, other, b]);
            book.rule(both);
        }
        let index = book.index();
        for mask in 0..8u32 {
            let chosen: Vec<u32> = (0..3).filter(|i| mask & (1 << i) != 0).collect();
            let set = Value::set(OneOfId(1), chosen);
            check(&book, &index, &case(&[(0, set.clone())]));
            check(&book, &index, &case(&[(0, set), (1, Value::Bool(false))]));
        }
        check(&book, &index, &case(&[]));
        check(&book, &index, &case(&[(0, num(3)), (1, Value::Bool(true))]));
    }

    #[test]
    fn thresholds_at_every_boundary() {
        // 4 × 200 rules on one fact: checkpoints every few entries
        let mut book = Book::default();
        for k in 0..200 {
            for op in [CmpOp::Gt, CmpOp::Ge, CmpOp::Lt, CmpOp::Le] {
                let c = book.cmp(0, op, num(k));
                book.rule(c);
            }
        }
        let index = book.index();
        let side = index.facts[0].above.as_ref().unwrap();
        assert!(side.step > 1 && side.step < 200, "step {}", side.step);
        for v in -3..=203 {
            let case = case(&[(0, num(v))]);
            let got = candidates(&index, &case);
            let want: Vec<u32> = (0..200)
                .flat_map(|k| {
                    let r = 4 * k as u32;
                    [(v > k, r), (v >= k, r + 1), (v < k, r + 2), (v <= k, r + 3)]
                })
                .filter_map(|(ok, r)| ok.then_some(r))
                .collect();
            assert_eq!(got, want, "value {v}");
            check(&book, &index, &case);
        }
        for v in ["-0.5", "0.5", "99.5", "99.000", "100.0001", "1e5", "-1e5"] {
            let v = Value::Number(v.parse().or_else(|_| Decimal::from_scientific(v)).unwrap());
            check(&book, &index, &case(&[(0, v)]));
        }
    }

    #[test]
    fn flipped_comparisons_and_mixed_scales() {
        let mut book = Book::default();
        let consts = ["1.5", "2", "2.00", "-0.25", "1000000000000", "0.0000001"];
        for c in consts {
            for op in [CmpOp::Gt, CmpOp::Ge, CmpOp::Lt, CmpOp::Le] {
                let a = book.cmp(0, op, dec(c));
                book.rule(a);
                let b = book.cmp_flipped(dec(c), op, 0);
                book.rule(b);
            }
        }
        let index = book.index();
        for v in [
            "1.49",
            "1.5",
            "1.50",
            "1.500001",
            "1.51",
            "2",
            "1.9999999999",
            "2.000",
            "-0.25",
            "-0.26",
            "-0.2500",
            "0",
            "0.00000009",
            "0.0000001",
            "0.00000011",
            "999999999999.99",
            "1000000000000",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
        ] {
            check(&book, &index, &case(&[(0, dec(v))]));
        }
    }

    #[test]
    fn values_of_another_type() {
        let mut book = Book::default();
        for k in 0..100 {
            let a = book.cmp(0, if k % 2 == 0 { CmpOp::Gt } else { CmpOp::Le }, num(k));
            book.rule(a);
        }
        let b = book.fact(1);
        book.rule(b);
        let c = book.not(1);
        book.rule(c);
        let d = book.cmp(1, CmpOp::Eq, Value::Bool(true));
        book.rule(d);
        let e = book.one_of(2, &[choice(1), choice(2)]);
        book.rule(e);
        let index = book.index();
        let money = Value::Money(Decimal::from(5), crate::value::Currency::CNY);
        let other_list = Value::Choice(OneOfId(9), 1);
        for v in [
            money,
            text("x"),
            num(5),
            other_list,
            Value::Bool(true),
            choice(1),
        ] {
            for f in 0..3 {
                check(&book, &index, &case(&[(f, v.clone())]));
            }
        }
        // a text value for a yes/no fact: `b` and `not b` are unknown, `b = yes` is no
        let got = candidates(&index, &case(&[(1, text("x"))]));
        assert!(got.contains(&100) && got.contains(&101) && !got.contains(&102));
    }

    #[test]
    fn dates() {
        let date = |y, m, d| Value::Date(jiff::civil::date(y, m, d));
        let mut book = Book::default();
        for (i, (y, m, d)) in [(2024, 1, 31), (2024, 2, 1), (2023, 12, 31), (-5, 1, 1)]
            .into_iter()
            .enumerate()
        {
            for op in [CmpOp::Gt, CmpOp::Ge, CmpOp::Lt, CmpOp::Le] {
                let a = book.cmp(i as u32 % 2, op, date(y, m, d));
                book.rule(a);
            }
        }
        let index = book.index();
        for (y, m, d) in [
            (2024, 1, 30),
            (2024, 1, 31),
            (2024, 2, 1),
            (2024, 2, 2),
            (-6, 12, 31),
        ] {
            check(&book, &index, &case(&[(0, date(y, m, d))]));
            check(&book, &index, &case(&[(1, date(y, m, d))]));
        }
        check(&book, &index, &case(&[(0, num(20240131))]));
    }

    #[test]
    fn text_with_many_values() {
        // more distinct texts than slot bitsets: the complement with a bitset base
        let mut book = Book::default();
        for i in 0..300 {
            let a = book.cmp(0, CmpOp::Eq, text(&format!("s{}", i % 150)));
            let b = book.cmp(1, CmpOp::Gt, num(i));
            let both = book.and(&[a, b]);
            book.rule(if i % 3 == 0 { both } else { a });
        }
        // one rule twice on the fact: equal to two texts at once is never
        let x = book.cmp(0, CmpOp::Eq, text("s1"));
        let y = book.cmp(0, CmpOp::Eq, text("s2"));
        let z = book.and(&[x, y]);
        book.rule(z);
        let index = book.index();
        assert!(matches!(
            index.facts[0].discrete.as_ref().unwrap().store,
            Store::Complement {
                base: Base::Words(_),
                ..
            }
        ));
        for v in ["s0", "s1", "s2", "s149", "s150", "", "nope"] {
            let got = candidates(&index, &case(&[(0, text(v))]));
            check(&book, &index, &case(&[(0, text(v))]));
            check(&book, &index, &case(&[(0, text(v)), (1, num(100))]));
            if v == "s1" {
                assert_eq!(got, [1, 151]);
            }
        }
        check(&book, &index, &case(&[(0, num(1))]));
    }

    #[test]
    fn few_atoms_among_many_rules() {
        // a fact with few atoms: the sorted base, merged with the kept rules
        let mut book = Book::default();
        let always = book.node(Node::Const(Value::Bool(true)));
        for _ in 0..1000 {
            book.rule(always);
        }
        let a = book.one_of(0, &[choice(1), choice(3)]);
        let b = book.one_of(0, &[choice(3), choice(4), choice(3)]);
        let ab = book.and(&[a, b]);
        book.conds[10] = a;
        book.conds[500] = ab;
        book.conds[999] = b;
        let n = book.not(1);
        book.conds[700] = n;
        let index = book.index();
        assert!(matches!(
            index.facts[0].discrete.as_ref().unwrap().store,
            Store::Complement {
                base: Base::Sparse(_),
                ..
            }
        ));
        for i in 0..6 {
            check(
                &book,
                &index,
                &case(&[(0, choice(i)), (1, Value::Bool(i % 2 == 0))]),
            );
        }
        let all_but = |out: &[u32]| {
            (0..1000u32)
                .filter(|r| !out.contains(r))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            all_but(&candidates(&index, &case(&[(0, choice(1))]))),
            [500, 999]
        );
        assert_eq!(
            all_but(&candidates(&index, &case(&[(0, choice(3))]))),
            [] as [u32; 0]
        );
        assert_eq!(
            all_but(&candidates(&index, &case(&[(0, choice(4))]))),
            [10, 500]
        );
    }

    #[test]
    fn unknown_facts_and_rules_without_atoms() {
        let mut book = Book::default();
        let a = book.fact(0);
        let b = book.not(1);
        let or = book.node(Node::Or(Box::new([a, b])));
        book.rule(or);
        let c = book.cmp(2, CmpOp::Ne, num(3));
        book.rule(c);
        let d = book.cmp(2, CmpOp::Gt, num(3));
        let e = book.and(&[a, d]);
        book.rule(e);
        let f = book.node(Node::In {
            negated: true,
            subject: a,
            values: Box::new([Value::Bool(true)]),
        });
        book.rule(f);
        let index = book.index();
        assert_eq!(candidates(&index, &Case::new()), [0, 1, 2, 3]);
        let case_ = case(&[(0, Value::Bool(false)), (1, Value::Bool(true)), (2, num(3))]);
        assert_eq!(candidates(&index, &case_), [0, 1, 3]);
        check(&book, &index, &case_);
        // no rules at all
        assert_eq!(candidates(&Book::default().index(), &case_), [] as [u32; 0]);
    }

    #[test]
    fn several_atoms_on_one_fact() {
        let mut book = Book::default();
        let a = book.cmp(0, CmpOp::Gt, num(5));
        let b = book.cmp(0, CmpOp::Lt, num(10));
        let inner = book.and(&[a, b]);
        let yes = book.fact(1);
        let outer = book.and(&[inner, yes]);
        book.rule(outer);
        let p = book.fact(1);
        let q = book.not(1);
        let pq = book.and(&[p, q]);
        book.rule(pq);
        let r = book.one_of(2, &[choice(0), choice(1)]);
        let s = book.one_of(2, &[choice(1), choice(2)]);
        let rs = book.and(&[r, s]);
        book.rule(rs);
        let index = book.index();
        let got = |n: i64, b: bool, c: u32| {
            candidates(
                &index,
                &case(&[(0, num(n)), (1, Value::Bool(b)), (2, choice(c))]),
            )
        };
        assert_eq!(got(7, true, 1), [0, 2]);
        assert_eq!(got(5, true, 0), [] as [u32; 0]);
        assert_eq!(got(10, false, 2), [] as [u32; 0]);
        assert_eq!(got(9, false, 1), [2]);
        for n in 3..12 {
            for c in 0..4 {
                let case_ = case(&[(0, num(n)), (1, Value::Bool(c % 2 == 0)), (2, choice(c))]);
                check(&book, &index, &case_);
            }
        }
    }

    /// Random rulebooks of every size the modes switch at, against the
    /// evaluator's semantics.
    #[test]
    fn random_rulebooks() {
        let mut seed = 0x1234_5678_9abc_def0u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n.max(1)
        };
        // facts 0–3 yes/no, 4–7 numbers, 8–10 one-of, 11 text
        let value = |f: u32, next: &mut dyn FnMut(u64) -> u64| match f {
            0..=3 => Value::Bool(next(2) == 0),
            4..=7 => num(next(24) as i64 - 2),
            8..=10 => choice(next(9) as u32),
            _ => text(&format!("t{}", next(90))),
        };
        for rules in [1usize, 3, 63, 64, 65, 130, 700, 2500] {
            let mut book = Book::default();
            for _ in 0..rules {
                let mut conj = Vec::new();
                for _ in 0..1 + next(5) {
                    let f = next(12) as u32;
                    let node = match f {
                        0..=3 => match next(3) {
                            0 => book.fact(f),
                            1 => book.not(f),
                            _ => book.cmp(f, CmpOp::Eq, Value::Bool(next(2) == 0)),
                        },
                        4..=7 => {
                            let op = [CmpOp::Gt, CmpOp::Ge, CmpOp::Lt, CmpOp::Le, CmpOp::Eq]
                                [next(5) as usize];
                            let c = num(next(20) as i64);
                            if next(2) == 0 {
                                book.cmp(f, op, c)
                            } else {
                                book.cmp_flipped(c, op, f)
                            }
                        }
                        8..=10 => {
                            let vals: Vec<Value> =
                                (0..1 + next(3)).map(|_| choice(next(8) as u32)).collect();
                            if next(4) == 0 {
                                book.cmp(f, CmpOp::Eq, vals[0].clone())
                            } else {
                                book.one_of(f, &vals)
                            }
                        }
                        _ => book.cmp(f, CmpOp::Eq, text(&format!("t{}", next(80)))),
                    };
                    conj.push(node);
                }
                let cond = if conj.len() == 1 {
                    conj[0]
                } else if conj.len() > 3 {
                    let tail = book.and(&conj[2..]);
                    book.and(&[conj[0], tail, conj[1]])
                } else {
                    book.and(&conj)
                };
                book.rule(cond);
            }
            let index = book.index();
            for _ in 0..60 {
                let mut case_ = Case::new();
                for f in 0..12 {
                    match next(10) {
                        0 => {}
                        1 => {
                            case_.insert(f, value(next(12) as u32, &mut next));
                        }
                        _ => {
                            case_.insert(f, value(f, &mut next));
                        }
                    }
                }
                check(&book, &index, &case_);
            }
        }
    }
}
