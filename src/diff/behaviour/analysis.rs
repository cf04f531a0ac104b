//! What the conditions of both versions say about each fact: boundary
//! values, relations between facts to solve at each seed, and the
//! conditions the search cannot aim at.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use jiff::ToSpan as _;
use rust_decimal::Decimal;

use super::*;
use crate::model::{Expr, FactId, Model};
use crate::value::{Type, Value};
use crate::vocab::{CmpOp, Unit};

// ------------------------------------------------------------- analysis

/// A fact compared with a constant or with another fact.
#[derive(Default, Debug)]
pub(super) struct Probe {
    /// Boundary values and choices.
    pub(super) values: BTreeSet<CaseValue>,
    /// False when some condition reads the fact in a way the values do not
    /// partition (arithmetic, another fact, months).
    pub(super) incomplete: Vec<String>,
    /// The same texts, to keep the list free of repeats in linear time.
    pub(super) noted: HashSet<String>,
    /// For a set-valued fact: the values its `includes` tests name, in the
    /// order first named (the sets tried are every subset of them).
    pub(super) named: Vec<String>,
}

impl Probe {
    /// Note a condition that reads the fact in a way the values do not partition.
    pub(super) fn note(&mut self, text: &str) {
        if self.noted.insert(text.to_string()) {
            self.incomplete.push(text.to_string());
        }
    }
}

/// Where a comparison between facts puts its boundary for the fact `a`.
#[derive(Clone, Debug)]
pub(super) struct Relation {
    pub(super) a: String,
    pub(super) to: Target,
    pub(super) text: String,
}

#[derive(Clone, Debug)]
pub(super) enum Target {
    /// `a = b` between facts of a type without order: `a` equal to `b`, and not.
    Same(String),
    /// `a ⋈ b + months + days` between dates, with whole months (a month
    /// is 28 to 31 days, so this is not linear): `a` the day before, of and
    /// after that date.
    Calendar { b: String, months: i64, days: i64 },
    /// `a ⋈ b + n working days` on a calendar: `a` the working days around
    /// that day and the days next to them, so that a threshold is crossed
    /// both ways even across a holiday.
    WorkingDays {
        b: String,
        n: i64,
        calendar: crate::calendar::Calendar,
    },
    /// `a ⋈ Σ scale · other + offset` (dates in days): `a` a step below, on
    /// and above the boundary, the others at their seed or anchor values.
    Linear {
        others: Vec<(String, Decimal)>,
        offset: Decimal,
        /// The type of `a`.
        ty: Type,
    },
}

impl Relation {
    /// The facts it reads besides `a`.
    pub(super) fn others(&self) -> Vec<&String> {
        match &self.to {
            Target::Same(b) | Target::Calendar { b, .. } | Target::WorkingDays { b, .. } => {
                vec![b]
            }
            Target::Linear { others, .. } => others.iter().map(|(n, _)| n).collect(),
        }
    }
}

/// What the conditions of both versions say about each fact.
#[derive(Default)]
pub(super) struct Analysis {
    pub(super) probes: BTreeMap<String, Probe>,
    pub(super) relations: Vec<Relation>,
    /// Conditions the search has no way to put on either side: not a
    /// comparison with a constant, nor linear in facts (in order, once).
    pub(super) unreached: Vec<String>,
}

pub(super) fn fact_type(model: &Model, f: FactId) -> Option<Type> {
    model.facts.get(f.index()).map(|f| f.ty)
}

/// Facts an expression reads directly (not through derived facts).
pub(super) fn direct_facts(model: &Model, e: &Expr, out: &mut BTreeSet<String>) {
    for (_, x) in e.walk() {
        if let Expr::Fact(f) = x {
            out.insert(model.fact_name(*f).to_string());
        }
    }
}

/// Derived facts an expression reads directly.
pub(super) fn direct_derived(model: &Model, e: &Expr, out: &mut BTreeSet<String>) {
    for (_, x) in e.walk() {
        if let Some(d) = match x {
            Expr::Derived(d) => model.derived.get(d.index()),
            _ => None,
        } {
            out.insert(d.name.clone());
        }
    }
}

/// Per model: the facts and derived facts each derived fact reads, transitively.
pub(super) struct Reads {
    pub(super) facts: HashMap<String, BTreeSet<String>>,
    pub(super) derived: HashMap<String, BTreeSet<String>>,
}

impl Reads {
    pub(super) fn new(model: &Model) -> Reads {
        // derived facts are declared before use or not: each is completed
        // after the ones it reads (a depth-first walk without recursion,
        // each definition visited once; the checker ruled out cycles, and a
        // definition met again while open is skipped)
        let index: HashMap<&str, usize> = model
            .derived
            .iter()
            .enumerate()
            .map(|(i, d)| (d.name.as_str(), i))
            .collect();
        let direct: Vec<(BTreeSet<String>, Vec<usize>)> = model
            .derived
            .iter()
            .map(|d| {
                let mut f = BTreeSet::new();
                direct_facts(model, &d.expr, &mut f);
                let mut ds = BTreeSet::new();
                direct_derived(model, &d.expr, &mut ds);
                let inner = ds
                    .iter()
                    .filter_map(|n| index.get(n.as_str()).copied())
                    .collect();
                (f, inner)
            })
            .collect();
        let n = model.derived.len();
        let mut done: Vec<Option<(BTreeSet<String>, BTreeSet<String>)>> = vec![None; n];
        let mut open = vec![false; n];
        for start in 0..n {
            let mut stack = vec![(start, false)];
            while let Some((i, expanded)) = stack.pop() {
                if done.get(i).is_some_and(Option::is_some) {
                    continue;
                }
                let Some((f, inner)) = direct.get(i) else {
                    continue;
                };
                if !expanded {
                    if open.get(i).copied().unwrap_or(true) {
                        continue;
                    }
                    if let Some(o) = open.get_mut(i) {
                        *o = true;
                    }
                    stack.push((i, true));
                    stack.extend(inner.iter().map(|&j| (j, false)));
                    continue;
                }
                let mut facts = f.clone();
                let mut derived = BTreeSet::new();
                for &j in inner {
                    if let Some(name) = model.derived.get(j).map(|d| d.name.clone()) {
                        derived.insert(name);
                    }
                    if let Some(Some((jf, jd))) = done.get(j) {
                        facts.extend(jf.iter().cloned());
                        derived.extend(jd.iter().cloned());
                    }
                }
                if let Some(slot) = done.get_mut(i) {
                    *slot = Some((facts, derived));
                }
            }
        }
        let mut facts = HashMap::new();
        let mut derived = HashMap::new();
        for (d, sets) in model.derived.iter().zip(done) {
            let (f, ds) = sets.unwrap_or_default();
            facts.insert(d.name.clone(), f);
            derived.insert(d.name.clone(), ds);
        }
        Reads { facts, derived }
    }

    /// Facts and derived facts an expression reads, through derived facts.
    pub(super) fn of(&self, model: &Model, e: &Expr) -> (BTreeSet<String>, BTreeSet<String>) {
        let mut f = BTreeSet::new();
        direct_facts(model, e, &mut f);
        let mut d = BTreeSet::new();
        direct_derived(model, e, &mut d);
        for name in d.clone() {
            f.extend(self.facts.get(&name).cloned().unwrap_or_default());
            d.extend(self.derived.get(&name).cloned().unwrap_or_default());
        }
        (f, d)
    }
}

impl Analysis {
    pub(super) fn probe(&mut self, name: String) -> &mut Probe {
        self.probes.entry(name).or_default()
    }

    /// A condition the search cannot aim at: noted on its facts, and as
    /// unreached.
    pub(super) fn unreached(&mut self, model: &Model, e: &Expr) {
        let text = show::expr(model, e);
        if !self.unreached.contains(&text) {
            self.unreached.push(text);
        }
        self.incomplete(model, e);
    }

    pub(super) fn incomplete(&mut self, model: &Model, e: &Expr) {
        let mut facts = BTreeSet::new();
        direct_facts(model, e, &mut facts);
        let text = show::expr(model, e);
        for f in facts {
            let p = self.probe(f);
            p.note(&text);
        }
    }

    /// Read the condition of every `if` in a value (not through derived
    /// facts): `scan` of the condition finds the `if`s inside it, so each
    /// condition is read once.
    pub(super) fn scan_ifs(&mut self, model: &Model, e: &Expr) {
        let mut pending = vec![e];
        while let Some(x) = pending.pop() {
            match x {
                Expr::If(c, a, b) => {
                    self.scan(model, c);
                    pending.push(b);
                    pending.push(a);
                }
                other => pending.extend(other.children().rev()),
            }
        }
    }

    /// Read one condition (a yes/no expression) of a model.
    pub(super) fn scan(&mut self, model: &Model, e: &Expr) {
        match e {
            // a yes/no `if`: its condition, and each branch as a condition
            Expr::If(c, a, b) => {
                self.scan(model, c);
                self.scan(model, a);
                self.scan(model, b);
            }
            Expr::And(l) | Expr::Or(l) => {
                for x in l {
                    self.scan(model, x);
                }
            }
            Expr::Not(a) => self.scan(model, a),
            Expr::Fact(f) => {
                let p = self.probe(model.fact_name(*f).to_string());
                p.values.insert(CaseValue::Bool(true));
                p.values.insert(CaseValue::Bool(false));
            }
            Expr::Derived(_) | Expr::Const(_) => {}
            Expr::Cmp(op, a, b) => {
                self.counts(model, e);
                self.scan_ifs(model, a);
                self.scan_ifs(model, b);
                if !(self.against_const(model, *op, a, b)
                    || self.against_const(model, *op, b, a)
                    || self.relation(model, e, a, b))
                {
                    self.unreached(model, e);
                }
            }
            Expr::In {
                subject, values, ..
            } => match subject.as_ref() {
                Expr::Fact(f) => {
                    let p = self.probe(model.fact_name(*f).to_string());
                    for v in values {
                        p.values.insert(CaseValue::from_value(model, v));
                    }
                    if let Some(Type::Text) = fact_type(model, *f) {
                        p.values.insert(other_text(values));
                    }
                }
                _ => self.unreached(model, e),
            },
            Expr::Includes {
                list,
                subject,
                values,
                ..
            } => match subject.as_ref() {
                Expr::Fact(f) => {
                    let text = show::expr(model, e);
                    let p = self.probe(model.fact_name(*f).to_string());
                    set_values(model, *list, p);
                    // A set's tests depend only on which of the values they
                    // name it holds: every subset of those values covers
                    // every class, when they are few enough to try.
                    for n in model.set_names(*list, values) {
                        if !p.named.iter().any(|m| m == n) {
                            p.named.push(n.to_string());
                        }
                    }
                    if p.named.len() <= MAX_NAMED_SET_VALUES {
                        let order = model.one_of_values(*list);
                        let at = |n: &String| order.iter().position(|v| v == n);
                        for mask in 0..(1u32 << p.named.len()) {
                            let mut subset: Vec<String> = p
                                .named
                                .iter()
                                .enumerate()
                                .filter(|(i, _)| mask & (1 << i) != 0)
                                .map(|(_, n)| n.clone())
                                .collect();
                            subset.sort_by_key(at);
                            p.values.insert(CaseValue::Set(subset));
                        }
                    } else {
                        p.note(&text);
                    }
                }
                _ => self.unreached(model, e),
            },
            _ => self.unreached(model, e),
        }
    }

    /// `fact (± days) ⋈ constant`: the boundary values. False when the
    /// comparison has another form.
    pub(super) fn against_const(&mut self, model: &Model, op: CmpOp, a: &Expr, b: &Expr) -> bool {
        let Expr::Const(c) = b else { return false };
        let (f, shift) = match a {
            Expr::Fact(f) => (*f, None),
            Expr::Shift(inner, n, unit) => match inner.as_ref() {
                Expr::Fact(f) => (*f, Some((*n, *unit))),
                _ => return false,
            },
            _ => return false,
        };
        let name = model.fact_name(f).to_string();
        let exact = !matches!(
            shift,
            Some((_, Unit::Months | Unit::Years | Unit::WorkingDays))
        );
        let values: Vec<CaseValue> = match c {
            Value::Number(n) => around(*n, step(*n, false))
                .into_iter()
                .map(CaseValue::Number)
                .collect(),
            Value::Money(n, cur) => around(*n, step(*n, true))
                .into_iter()
                .map(|m| CaseValue::Money(m, *cur))
                .collect(),
            Value::Date(d) => {
                let base = match shift {
                    None => Some(*d),
                    // the date n working days before: the fact's value that
                    // lands on the constant
                    Some((n, Unit::WorkingDays)) => model
                        .header
                        .calendar
                        .and_then(|c| c.add_working_days(*d, n.checked_neg()?).ok()),
                    Some((n, unit)) => d.checked_sub(span(n, unit)).ok(),
                };
                [-1, 0, 1]
                    .into_iter()
                    .filter_map(|k| base?.checked_add(k.days()).ok())
                    .map(CaseValue::Date)
                    .collect()
            }
            Value::Bool(_) => vec![CaseValue::Bool(true), CaseValue::Bool(false)],
            Value::Text(t) => vec![
                CaseValue::Text(t.to_string()),
                other_text(std::slice::from_ref(c)),
            ],
            Value::Choice(..) | Value::Set(..) => vec![CaseValue::from_value(model, c)],
        };
        let text = show::expr(
            model,
            &Expr::Cmp(op, Box::new(a.clone()), Box::new(b.clone())),
        );
        let p = self.probe(name);
        p.values.extend(values);
        if !exact {
            p.note(&text);
        }
        true
    }

    /// A comparison of a fact with other facts, or with a constant through
    /// derived facts or arithmetic: read as a linear form (`linear.rs`), it
    /// gives the boundary values of one fact, or a relation between facts
    /// that the search solves at each seed. False when it is not linear.
    pub(super) fn relation(&mut self, model: &Model, e: &Expr, a: &Expr, b: &Expr) -> bool {
        let text = show::expr(model, e);
        // working days: `working days from x to y ⋈ c` and `x + n working
        // days ⋈ y` (either side), counted on the calendar
        if let Some(calendar) = model.header.calendar {
            let found = match (a, b) {
                (Expr::WorkingDaysFrom(x, y), Expr::Const(Value::Number(c))) => {
                    match (x.as_ref(), y.as_ref(), i64::try_from(*c)) {
                        (Expr::Fact(x), Expr::Fact(y), Ok(c)) => Some((*y, *x, c)),
                        _ => None,
                    }
                }
                (Expr::Shift(x, n, Unit::WorkingDays), Expr::Fact(y)) => match x.as_ref() {
                    // x + n ⋈ y: x's boundary is y - n working days
                    Expr::Fact(x) => Some((*x, *y, n.saturating_neg())),
                    _ => None,
                },
                (Expr::Fact(y), Expr::Shift(x, n, Unit::WorkingDays)) => match x.as_ref() {
                    // y ⋈ x + n: y's boundary is x + n working days
                    Expr::Fact(x) => Some((*y, *x, *n)),
                    _ => None,
                },
                _ => None,
            };
            if let Some((fa, fb, n)) = found {
                for f in [fa, fb] {
                    self.probe(model.fact_name(f).to_string()).note(&text);
                }
                self.relations.push(Relation {
                    a: model.fact_name(fa).to_string(),
                    to: Target::WorkingDays {
                        b: model.fact_name(fb).to_string(),
                        n,
                        calendar,
                    },
                    text,
                });
                return true;
            }
        }
        // facts without order compared with each other
        if let (Expr::Fact(fa), Expr::Fact(fb)) = (a, b) {
            if fact_type(model, *fa).is_some_and(|t| !t.is_ordered()) {
                let rel = Relation {
                    a: model.fact_name(*fa).to_string(),
                    to: Target::Same(model.fact_name(*fb).to_string()),
                    text: text.clone(),
                };
                for f in [model.fact_name(*fa), model.fact_name(*fb)] {
                    self.probe(f.to_string()).note(&text);
                }
                self.relations.push(rel);
                return true;
            }
        }
        let (Some(fa), Some(fb)) = (linear::form(model, a, 0), linear::form(model, b, 0)) else {
            // dates months or years apart
            let (Some((x, xm, xd)), Some((y, ym, yd))) =
                (linear::calendar(model, a, 0), linear::calendar(model, b, 0))
            else {
                return false;
            };
            if x == y {
                return false;
            }
            let (Some(months), Some(days)) = (ym.checked_sub(xm), yd.checked_sub(xd)) else {
                return false;
            };
            for f in [x, y] {
                self.probe(model.fact_name(f).to_string()).note(&text);
            }
            self.relations.push(Relation {
                a: model.fact_name(x).to_string(),
                to: Target::Calendar {
                    b: model.fact_name(y).to_string(),
                    months,
                    days,
                },
                text,
            });
            return true;
        };
        let Some(form) = linear::Form::difference(&fa, &fb) else {
            return false;
        };
        // solve for a fact of coefficient ±1 if there is one (a date fact
        // first: other dates and numbers are then counted in days from it)
        let pick = form
            .terms
            .iter()
            .position(|(f, c)| c.abs() == Decimal::ONE && fact_type(model, *f) == Some(Type::Date))
            .or_else(|| form.terms.iter().position(|(_, c)| c.abs() == Decimal::ONE))
            .or(if form.terms.is_empty() { None } else { Some(0) });
        let Some((target, coef)) = pick.and_then(|i| form.terms.get(i)).copied() else {
            return false;
        };
        let Some(ty) = fact_type(model, target) else {
            return false;
        };
        // target ⋈ -(constant + Σ others) / coef
        let scale = |c: Decimal| (-c).checked_div(coef);
        let Some(offset) = scale(form.constant) else {
            return false;
        };
        let mut others = Vec::new();
        for (f, c) in &form.terms {
            if *f != target {
                let Some(k) = scale(*c) else { return false };
                others.push((model.fact_name(*f).to_string(), k));
            }
        }
        let name = model.fact_name(target).to_string();
        if others.is_empty() {
            // one fact against a constant: its boundary values now
            let values = boundary(ty, offset);
            let p = self.probe(name);
            p.values.extend(values);
            if coef.abs() != Decimal::ONE {
                p.note(&text);
            }
            return true;
        }
        self.probe(name.clone()).note(&text);
        for (o, _) in &others {
            self.probe(o.clone()).note(&text);
        }
        self.relations.push(Relation {
            a: name,
            to: Target::Linear { others, offset, ty },
            text,
        });
        true
    }
}

impl Analysis {
    /// A number fact that is the count of a duration (`d + warranty.months
    /// months`) gets counts to try: none, one, a week's and a month's worth.
    pub(super) fn counts(&mut self, model: &Model, e: &Expr) {
        for (_, x) in e.walk() {
            if let Expr::ShiftBy { count, .. } = x
                && let Expr::Fact(f) = count.as_ref()
            {
                let p = self.probe(model.fact_name(*f).to_string());
                for n in [0, 1, 7, 30] {
                    p.values.insert(CaseValue::Number(Decimal::from(n)));
                }
                let text = show::expr(model, e);
                p.note(&text);
            }
        }
    }
}

/// A step below, on and a step above `at` (days for a date, a fen for
/// money, the last digit of `at` for a number).
pub(super) fn boundary(ty: Type, at: Decimal) -> Vec<CaseValue> {
    match ty {
        Type::Date => {
            let (lo, hi) = (at.floor(), at.ceil());
            let mut days = vec![lo - Decimal::ONE, lo, hi, hi + Decimal::ONE];
            days.dedup();
            days.into_iter()
                .filter_map(linear::date_of)
                .map(CaseValue::Date)
                .collect()
        }
        Type::Money(currency) => {
            let at = at.round_dp(2);
            around(at, step(at, true))
                .into_iter()
                .map(|m| CaseValue::Money(m, currency))
                .collect()
        }
        Type::Number => {
            let at = at.round_dp(10).normalize();
            around(at, step(at, false).min(Decimal::ONE))
                .into_iter()
                .map(CaseValue::Number)
                .collect()
        }
        _ => Vec::new(),
    }
}

pub(super) fn span(n: i64, unit: Unit) -> jiff::Span {
    match unit {
        Unit::Days => n.days(),
        Unit::Weeks => n.weeks(),
        Unit::Months => n.months(),
        Unit::Years => n.years(),
        // counted on a calendar, not a span (see `against_const`)
        Unit::WorkingDays => n.days(),
    }
}

/// The smallest step at a constant: a fen for money, the constant's last
/// digit for numbers.
pub(super) fn step(c: Decimal, money: bool) -> Decimal {
    let scale = if money {
        c.normalize().scale().max(2)
    } else {
        c.normalize().scale()
    };
    Decimal::new(1, scale)
}

pub(super) fn around(c: Decimal, step: Decimal) -> Vec<Decimal> {
    [c.checked_sub(step), Some(c), c.checked_add(step)]
        .into_iter()
        .flatten()
        .collect()
}

/// The most values of a set-valued fact that its `includes` tests may name
/// for the search to try every subset of them (16 sets).
pub(super) const MAX_NAMED_SET_VALUES: usize = 4;

/// The sets every `some of` fact is tried with: none of its values, each
/// value alone, and all of them.
pub(super) fn set_values(model: &Model, list: crate::value::OneOfId, p: &mut Probe) {
    let all: Vec<String> = model.one_of_values(list).to_vec();
    p.values.insert(CaseValue::Set(Vec::new()));
    for v in &all {
        p.values.insert(CaseValue::Set(vec![v.clone()]));
    }
    p.values.insert(CaseValue::Set(all));
}

/// A text equal to none of the given values.
pub(super) fn other_text(values: &[Value]) -> CaseValue {
    let mut candidate = "something else".to_string();
    while values
        .iter()
        .any(|v| matches!(v, Value::Text(t) if t.as_ref() == candidate))
    {
        candidate.push('!');
    }
    CaseValue::Text(candidate)
}
