//! Conditions that can never be true.
//!
//! A condition is read as a conjunction of simple tests on single facts
//! (`price > 500`, `category is food`, `deceived`), looking through derived
//! facts; if the tests on one fact leave no value possible, the condition can
//! never be true. Tests between dates (`dispute.date <= purchase.date + 7
//! days`, `days from a to b > 15`) are also read as difference constraints
//! (`difference.rs`): when they cannot all hold, the message shows the chain
//! of dates that would have to come after itself. Tests this cannot read are
//! ignored, so this finds contradictions, never false alarms.

use std::cmp::Ordering;

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::difference::{Constraint, Var, negative_cycle};
use crate::diagnostic::{Arg, Code, Text};
use crate::model::{Expr, FactId, Model, RuleId};
use crate::text;
use crate::value::{OneOfId, Type, Value};
use crate::vocab::{CmpOp, SetTest, Unit};

use super::Checker;

/// A simple test on one fact, or a test between dates.
#[derive(Clone, Debug)]
enum Atom {
    Cmp(FactId, CmpOp, Value),
    In(FactId, bool, Vec<Value>),
    /// Tests between dates as `x - y <= c` days, and the test as written.
    Dates(Vec<Constraint>, Expr),
    /// An `includes` test on a set-valued fact (its list, the values named).
    Set(FactId, SetAtom, OneOfId, Vec<u32>),
}

/// What an `includes` test, or its negation, asks of a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SetAtom {
    /// at least one of the values
    Any,
    /// every one of the values
    All,
    /// none of the values
    None,
    /// not every one of the values (`not … includes all of …`)
    NotAll,
}

impl Atom {
    fn fact(&self) -> Option<FactId> {
        match self {
            Atom::Cmp(f, ..) | Atom::In(f, ..) | Atom::Set(f, ..) => Some(*f),
            Atom::Dates(..) => None,
        }
    }
}

/// Why a condition can never be true: the tests that cannot all hold, and
/// for tests between dates the chain that proves it.
struct Proof {
    tests: Arg,
    /// The chain of dates, and how many days before itself it puts its first.
    chain: Option<(String, i128)>,
}

impl Proof {
    fn sentence(&self) -> Text {
        let tests = self.tests.clone();
        match &self.chain {
            None => text!("diag-check-proof", tests = tests),
            Some((chain, 1)) => text!(
                "diag-check-proof-chain-one-day",
                tests = tests,
                chain = chain
            ),
            Some((chain, days)) => text!(
                "diag-check-proof-chain",
                tests = tests,
                chain = chain,
                days = days.to_string()
            ),
        }
    }
}

/// A date expression read as a variable plus an offset between `lo` and `hi`
/// days: `purchase.date + 30 days` is (purchase.date, 30, 30); `+ 1 month`
/// adds 28 to 31 days; a constant date is the fixed point plus its days since
/// 1970-01-01.
type Term = (Var, i128, i128);

/// The days `n` units can add: exact for days and weeks, a range for months
/// and years (month ends are clamped: 31 January + 1 month is 28 February),
/// at least `n` for working days.
fn unit_days(n: i64, unit: Unit) -> (i128, i128) {
    let n = i128::from(n);
    let (lo, hi) = match unit {
        Unit::Days => (n, n),
        Unit::Weeks => (7 * n, 7 * n),
        Unit::Months => (28 * n, 31 * n),
        Unit::Years => (365 * n, 366 * n),
        // at least a day each; how many days off come between depends on
        // the calendar, so no upper bound (beyond any date's reach)
        Unit::WorkingDays => {
            const FAR: i128 = 1 << 60;
            if n >= 0 { (n, FAR) } else { (-FAR, n) }
        }
    };
    (lo.min(hi), lo.max(hi))
}

/// Days since 1970-01-01.
fn day_number(d: Date) -> i128 {
    let epoch = Date::constant(1970, 1, 1);
    i128::from(epoch.until(d).map(|s| s.get_days()).unwrap_or(0))
}

/// Constraints no wider than an `i64`, else none.
fn constraint(x: Var, y: Var, c: i128) -> Option<Constraint> {
    Some(Constraint {
        x,
        y,
        c: i64::try_from(c).ok()?,
        test: 0,
    })
}

impl Checker<'_> {
    fn conjuncts(&self, e: &Expr, negated: bool, depth: usize, out: &mut Vec<Atom>) {
        if depth > 64 {
            return;
        }
        match (e, negated) {
            (Expr::And(list), false) | (Expr::Or(list), true) => {
                for x in list {
                    self.conjuncts(x, negated, depth + 1, out);
                }
            }
            (Expr::Not(x), _) => self.conjuncts(x, !negated, depth + 1, out),
            (Expr::Derived(d), _) => {
                if let Some(Some(def)) = self.derived_done.get(d.index()) {
                    let expr = def.expr.clone();
                    self.conjuncts(&expr, negated, depth + 1, out);
                }
            }
            (Expr::Fact(f), _)
                if self.model.facts.get(f.index()).map(|f| f.ty) == Some(Type::Bool) =>
            {
                out.push(Atom::Cmp(*f, CmpOp::Eq, Value::Bool(!negated)));
            }
            (Expr::Cmp(op, a, b), _) => {
                let op = if negated { op.negate() } else { *op };
                match (a.as_ref(), b.as_ref()) {
                    (Expr::Fact(f), Expr::Const(v)) => out.push(Atom::Cmp(*f, op, v.clone())),
                    (Expr::Const(v), Expr::Fact(f)) => {
                        out.push(Atom::Cmp(*f, op.flip(), v.clone()))
                    }
                    _ => {}
                }
                let dates = self.date_constraints(op, a, b);
                if !dates.is_empty() {
                    let shown = Expr::Cmp(op, a.clone(), b.clone());
                    out.push(Atom::Dates(dates, shown));
                }
            }
            (
                Expr::In {
                    negated: n,
                    subject,
                    values,
                },
                _,
            ) => {
                if let Expr::Fact(f) = subject.as_ref() {
                    out.push(Atom::In(*f, *n != negated, values.clone()));
                }
            }
            (
                Expr::Includes {
                    test,
                    list,
                    subject,
                    values,
                },
                _,
            ) => {
                if let Expr::Fact(f) = subject.as_ref() {
                    let asks = match (test, negated) {
                        (SetTest::Any, false) | (SetTest::None, true) => SetAtom::Any,
                        (SetTest::None, false) | (SetTest::Any, true) => SetAtom::None,
                        (SetTest::All, false) => SetAtom::All,
                        (SetTest::All, true) => SetAtom::NotAll,
                    };
                    out.push(Atom::Set(*f, asks, *list, values.clone()));
                }
            }
            _ => {}
        }
    }

    /// A date expression as a variable and an offset range, looking through
    /// derived facts; `None` for anything else.
    fn date_term(&self, e: &Expr, depth: usize) -> Option<Term> {
        if depth > 64 {
            return None;
        }
        match e {
            Expr::Fact(f) if self.model.facts.get(f.index()).map(|f| f.ty) == Some(Type::Date) => {
                Some((Some(*f), 0, 0))
            }
            Expr::Const(Value::Date(d)) => {
                let n = day_number(*d);
                Some((None, n, n))
            }
            Expr::Derived(d) => {
                let def = self.derived_done.get(d.index())?.as_ref()?;
                self.date_term(&def.expr, depth + 1)
            }
            Expr::Shift(a, n, unit) => {
                let (v, lo, hi) = self.date_term(a, depth + 1)?;
                let (dlo, dhi) = unit_days(*n, *unit);
                Some((v, lo + dlo, hi + dhi))
            }
            _ => None,
        }
    }

    /// The difference constraints a comparison implies (none when it is not
    /// between dates, or not between a fact and anything).
    fn date_constraints(&self, op: CmpOp, a: &Expr, b: &Expr) -> Vec<Constraint> {
        let mut out = Vec::new();
        let mut push = |k: Option<Constraint>| out.extend(k.filter(|k| k.x != k.y || k.c < 0));
        if let (Some((x, l1, h1)), Some((y, l2, h2))) = (self.date_term(a, 0), self.date_term(b, 0))
        {
            if x.is_none() && y.is_none() {
                return out;
            }
            // x + o1 op y + o2, with o1 in l1..=h1 and o2 in l2..=h2
            let le = |strict: i128| constraint(x, y, h2 - l1 - strict);
            let ge = |strict: i128| constraint(y, x, h1 - l2 - strict);
            match op {
                CmpOp::Le => push(le(0)),
                CmpOp::Lt => push(le(1)),
                CmpOp::Ge => push(ge(0)),
                CmpOp::Gt => push(ge(1)),
                CmpOp::Eq => {
                    push(le(0));
                    push(ge(0));
                }
                CmpOp::Ne => {}
            }
            return out;
        }
        // days from A to B op n (or n op days from A to B)
        let (days, n, op) = match (a, b) {
            (Expr::DaysFrom(..), Expr::Const(Value::Number(n))) => (a, *n, op),
            (Expr::Const(Value::Number(n)), Expr::DaysFrom(..)) => (b, *n, op.flip()),
            _ => return out,
        };
        let Expr::DaysFrom(from, to) = days else {
            return out;
        };
        let (Some((x, l1, h1)), Some((y, l2, h2))) =
            (self.date_term(from, 0), self.date_term(to, 0))
        else {
            return out;
        };
        if x.is_none() && y.is_none() {
            return out;
        }
        let whole = |d: Decimal| i64::try_from(d).ok().map(i128::from);
        let (Some(floor), Some(ceil)) = (whole(n.floor()), whole(n.ceil())) else {
            return out;
        };
        // days = (y + o2) - (x + o1): at most `m` days gives y - x <= m - l2 + h1,
        // at least `m` gives x - y <= h2 - l1 - m
        let at_most = |m: i128| constraint(y, x, m - l2 + h1);
        let at_least = |m: i128| constraint(x, y, h2 - l1 - m);
        match op {
            CmpOp::Le => push(at_most(floor)),
            CmpOp::Lt => push(at_most(ceil - 1)),
            CmpOp::Ge => push(at_least(ceil)),
            CmpOp::Gt => push(at_least(floor + 1)),
            CmpOp::Eq => {
                push(at_most(floor));
                push(at_least(ceil));
            }
            CmpOp::Ne => {}
        }
        out
    }

    /// The first fact whose tests leave no value, or else tests between dates
    /// that cannot all hold, with the proof.
    fn infeasible(&self, atoms: &[Atom]) -> Option<Proof> {
        let mut facts: Vec<FactId> = atoms.iter().filter_map(Atom::fact).collect();
        facts.sort();
        facts.dedup();
        for f in facts {
            let on: Vec<Atom> = atoms
                .iter()
                .filter(|a| a.fact() == Some(f))
                .cloned()
                .collect();
            if !satisfiable(&self.model, f, &on) {
                return Some(Proof {
                    tests: self.show_atoms(f, &on),
                    chain: None,
                });
            }
        }
        self.dates_infeasible(atoms)
    }

    /// Tests between dates that cannot all hold: the tests, and the chain of
    /// dates that would have to come after itself.
    fn dates_infeasible(&self, atoms: &[Atom]) -> Option<Proof> {
        let mut shown: Vec<&Expr> = Vec::new();
        let mut constraints = Vec::new();
        for a in atoms {
            if let Atom::Dates(ks, test) = a {
                constraints.extend(ks.iter().map(|k| Constraint {
                    test: shown.len(),
                    ..*k
                }));
                shown.push(test);
            }
        }
        let cycle = negative_cycle(&constraints)?;
        let mut used: Vec<usize> = cycle.iter().map(|k| k.test).collect();
        used.sort_unstable();
        used.dedup();
        let tests: Vec<String> = used
            .iter()
            .filter_map(|i| shown.get(*i))
            .map(|e| format!("`{}`", self.model.expr_text(e)))
            .collect();
        // x0 <= x1 + c0 <= x2 + c0 + c1 <= ... <= x0 + sum
        let mut chain = vec![self.show_term(cycle.first()?.x, 0)];
        let mut offset: i128 = 0;
        for k in &cycle {
            offset += i128::from(k.c);
            chain.push(self.show_term(k.y, offset));
        }
        Some(Proof {
            tests: Arg::and_list(tests),
            chain: Some((chain.join(" ≤ "), -offset)),
        })
    }

    /// `purchase.date + 24 days`, or the date the fixed point plus `offset` is.
    fn show_term(&self, v: Var, offset: i128) -> String {
        match v {
            None => i64::try_from(offset)
                .ok()
                .and_then(|n| {
                    Date::constant(1970, 1, 1)
                        .checked_add(jiff::Span::new().try_days(n).ok()?)
                        .ok()
                })
                .map_or_else(
                    || format!("{offset} days after 1970-01-01"),
                    |d| d.to_string(),
                ),
            Some(f) => {
                let name = self.model.fact_name(f);
                match offset.cmp(&0) {
                    Ordering::Equal => name.to_string(),
                    Ordering::Greater => format!("{name} + {}", days_text(offset)),
                    Ordering::Less => format!("{name} - {}", days_text(-offset)),
                }
            }
        }
    }

    fn show_atoms(&self, f: FactId, atoms: &[Atom]) -> Arg {
        let name = self
            .model
            .facts
            .get(f.index())
            .map(|f| f.name.as_str())
            .unwrap_or("?");
        atoms
            .iter()
            .map(|a| match a {
                Atom::Cmp(_, op, v) => match (op, v) {
                    (CmpOp::Eq, Value::Bool(true)) => format!("`{name}`"),
                    (CmpOp::Eq, Value::Bool(false)) => format!("`not {name}`"),
                    _ => format!("`{name} {} {}`", op.symbol(), self.model.show(v)),
                },
                Atom::Dates(_, test) => format!("`{}`", self.model.expr_text(test)),
                Atom::In(_, neg, vs) => {
                    let list = vs
                        .iter()
                        .map(|v| self.model.show(v))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let not = if *neg { "not " } else { "" };
                    format!("`{name} is {not}one of {list}`")
                }
                Atom::Set(_, asks, list, values) => {
                    let names = self.model.set_names(*list, values).join(", ");
                    let (not, test) = match asks {
                        SetAtom::Any => ("", SetTest::Any),
                        SetAtom::All => ("", SetTest::All),
                        SetAtom::None => ("", SetTest::None),
                        SetAtom::NotAll => ("not ", SetTest::All),
                    };
                    format!("`{not}{name} {} {names}`", test.words(values.len()))
                }
            })
            .map(Arg::from)
            .reduce(|a, b| Arg::from(text!("diag-check-and", a = a, b = b)))
            .unwrap_or_else(|| Arg::from(""))
    }

    pub(super) fn contradictions(&mut self, mut marks: Option<&mut super::Marks>) {
        let n = self.model.rules.len();
        let mut dead = vec![false; n];
        for i in 0..n {
            self.own_contradiction(i, &mut dead);
            if let Some(m) = marks.as_deref_mut() {
                m.own.push(self.diagnostics.len());
            }
        }
        for i in 0..n {
            self.never_togethers(i, &dead);
            if let Some(m) = marks.as_deref_mut() {
                m.together.push(self.diagnostics.len());
            }
        }
        if let Some(m) = marks {
            m.dead = dead;
        }
    }

    /// Report the `i`th rule when its condition can never hold, and mark it
    /// in `dead`.
    pub(super) fn own_contradiction(&mut self, i: usize, dead: &mut [bool]) {
        let (Some(rule), Some(decl)) = (self.model.rules.get(i), self.rule_decls.get(i).copied())
        else {
            return;
        };
        let mut atoms = Vec::new();
        self.conjuncts(&rule.condition, false, 0, &mut atoms);
        if let Some(proof) = self.infeasible(&atoms) {
            let shown = proof.sentence();
            let what = if rule.exception_to.is_some() {
                text!("diag-kind-exception")
            } else {
                text!("diag-kind-rule")
            };
            let name = rule.name.clone();
            if let Some(d) = dead.get_mut(i) {
                *d = true;
            }
            self.error(
                Code::Contradiction,
                text!(
                    "diag-check-never-applies",
                    what = what,
                    name = name,
                    proof = shown
                ),
            )
            .label(decl.condition.span, text!("diag-check-never-applies-label"))
            .help(text!("diag-check-never-applies-help"))
            .emit();
        }
    }

    /// Warn when the `i`th rule, an exception, can never apply together with
    /// a rule it is an exception to.
    pub(super) fn never_togethers(&mut self, i: usize, dead: &[bool]) {
        let Some(rule) = self.model.rules.get(i) else {
            return;
        };
        // an exception to several rules is checked against each
        let targets: Vec<RuleId> = rule
            .exception_to
            .into_iter()
            .chain(self.also_to.get(i).into_iter().flatten().copied())
            .collect();
        for target in targets {
            self.never_together(i, target, dead);
        }
    }

    /// Warn when exception `i` can never apply together with `target`, one
    /// of the rules it is an exception to.
    fn never_together(&mut self, i: usize, target: RuleId, dead: &[bool]) {
        let Some(rule) = self.model.rules.get(i) else {
            return;
        };
        if dead.get(i).copied().unwrap_or(true) || dead.get(target.index()).copied().unwrap_or(true)
        {
            return;
        }
        let Some(t) = self.model.rules.get(target.index()) else {
            return;
        };
        let mut atoms = Vec::new();
        self.conjuncts(&t.condition, false, 0, &mut atoms);
        self.conjuncts(&rule.condition, false, 0, &mut atoms);
        if let Some(proof) = self.infeasible(&atoms) {
            let shown = proof.sentence();
            let (name, tname) = (rule.name.clone(), t.name.clone());
            let span = self
                .rule_decls
                .get(i)
                .map(|d| d.condition.span)
                .unwrap_or_default();
            self.warning(
                Code::ExceptionNeverApplies,
                text!(
                    "diag-check-never-together",
                    name = name,
                    target = &tname,
                    proof = shown
                ),
            )
            .label(
                span,
                text!("diag-check-never-together-label", target = tname),
            )
            .help(text!("diag-check-never-together-help"))
            .emit();
        }
    }
}

/// Whether `includes` tests on one set can all hold. Sound, not complete:
/// false only when values must be both held and not held, an `any of` names
/// only values that must not be held, or a `not all of` only values that
/// must be.
fn set_satisfiable(atoms: &[Atom]) -> bool {
    let (mut held, mut not_held): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
    for a in atoms {
        match a {
            Atom::Set(_, SetAtom::All, _, vs) => held.extend(vs),
            Atom::Set(_, SetAtom::None, _, vs) => not_held.extend(vs),
            // one value: `any of` is `includes`, `not all of` is `does not include`
            Atom::Set(_, SetAtom::Any, _, vs) if vs.len() == 1 => held.extend(vs),
            Atom::Set(_, SetAtom::NotAll, _, vs) if vs.len() == 1 => not_held.extend(vs),
            _ => {}
        }
    }
    if held.iter().any(|v| not_held.contains(v)) {
        return false;
    }
    atoms.iter().all(|a| match a {
        Atom::Set(_, SetAtom::Any, _, vs) => vs.iter().any(|v| !not_held.contains(v)),
        Atom::Set(_, SetAtom::NotAll, _, vs) => vs.iter().any(|v| !held.contains(v)),
        _ => true,
    })
}

fn satisfiable(model: &Model, f: FactId, atoms: &[Atom]) -> bool {
    if atoms.iter().any(|a| matches!(a, Atom::Set(..))) {
        return set_satisfiable(atoms);
    }
    let ty = model.facts.get(f.index()).map(|f| f.ty);
    let universe: Option<Vec<Value>> = match ty {
        Some(Type::Bool) => Some(vec![Value::Bool(true), Value::Bool(false)]),
        Some(Type::OneOf(set)) => model.one_ofs.get(set.0 as usize).map(|vs| {
            (0..vs.len())
                .map(|i| Value::Choice(set, u32::try_from(i).unwrap_or(u32::MAX)))
                .collect()
        }),
        _ => None,
    };
    let mut allowed = universe;
    let mut excluded: Vec<Value> = Vec::new();
    let mut lower: Option<(Value, bool)> = None;
    let mut upper: Option<(Value, bool)> = None;
    for a in atoms {
        match a {
            Atom::Dates(..) => {}
            Atom::Cmp(_, CmpOp::Eq, v) => {
                allowed = Some(intersect(allowed, std::slice::from_ref(v)))
            }
            Atom::Cmp(_, CmpOp::Ne, v) => excluded.push(v.clone()),
            Atom::In(_, false, vs) => allowed = Some(intersect(allowed, vs)),
            Atom::In(_, true, vs) => excluded.extend(vs.iter().cloned()),
            Atom::Set(..) => {}
            Atom::Cmp(_, op, v) => {
                let strict = matches!(op, CmpOp::Lt | CmpOp::Gt);
                if matches!(op, CmpOp::Gt | CmpOp::Ge) {
                    lower = Some(tighter(lower, v, strict, Ordering::Greater));
                } else {
                    upper = Some(tighter(upper, v, strict, Ordering::Less));
                }
            }
        }
    }
    let in_bounds = |v: &Value| {
        let lo = lower.as_ref().is_none_or(|(l, s)| match v.compare(l) {
            Some(Ordering::Greater) => true,
            Some(Ordering::Equal) => !s,
            _ => false,
        });
        let hi = upper.as_ref().is_none_or(|(u, s)| match v.compare(u) {
            Some(Ordering::Less) => true,
            Some(Ordering::Equal) => !s,
            _ => false,
        });
        lo && hi
    };
    match allowed {
        Some(list) => list.iter().any(|v| !excluded.contains(v) && in_bounds(v)),
        None => match (&lower, &upper) {
            (Some((l, ls)), Some((u, us))) => match l.compare(u) {
                Some(Ordering::Less) => true,
                Some(Ordering::Equal) => !ls && !us && !excluded.contains(l),
                Some(Ordering::Greater) => false,
                None => true,
            },
            _ => true,
        },
    }
}

/// `1 day`, `24 days`.
fn days_text(n: i128) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

fn intersect(allowed: Option<Vec<Value>>, with: &[Value]) -> Vec<Value> {
    match allowed {
        None => with.to_vec(),
        Some(list) => list.into_iter().filter(|v| with.contains(v)).collect(),
    }
}

/// The tighter of a bound and a new one; `keep` is the ordering that wins.
fn tighter(old: Option<(Value, bool)>, v: &Value, strict: bool, keep: Ordering) -> (Value, bool) {
    match old {
        None => (v.clone(), strict),
        Some((o, os)) => match v.compare(&o) {
            Some(ord) if ord == keep => (v.clone(), strict),
            Some(Ordering::Equal) => (o, os || strict),
            _ => (o, os),
        },
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;
    use proptest::prelude::*;

    use super::{day_number, unit_days};
    use crate::vocab::Unit;

    proptest! {
        /// The offset range of `+ n months` / `+ n years` holds what the
        /// evaluator's date arithmetic (jiff, month ends clamped) adds.
        #[test]
        fn month_and_year_offsets_lie_in_their_day_range(
            year in 1990i16..2060, month in 1i8..=12, day in 1i8..=31, n in -40i64..40,
        ) {
            let Ok(d) = Date::new(year, month, day) else { return Ok(()); };
            for (unit, span) in [
                (Unit::Months, jiff::Span::new().months(n)),
                (Unit::Years, jiff::Span::new().years(n)),
            ] {
                let shifted = d.checked_add(span).unwrap();
                let days = day_number(shifted) - day_number(d);
                let (lo, hi) = unit_days(n, unit);
                prop_assert!(lo <= days && days <= hi, "{d} + {n} {unit:?}: {days} not in {lo}..={hi}");
            }
        }
    }

    use super::{Atom, SetAtom, set_satisfiable};
    use crate::model::FactId;
    use crate::value::OneOfId;

    /// Whether a set (a bit mask over three values) passes a test.
    fn holds(set: u8, asks: SetAtom, values: &[u32]) -> bool {
        let held = values.iter().filter(|v| set & (1 << **v) != 0).count();
        match asks {
            SetAtom::Any => held > 0,
            SetAtom::All => held == values.len(),
            SetAtom::None => held == 0,
            SetAtom::NotAll => held < values.len(),
        }
    }

    /// Every combination of up to three tests on a set of three values:
    /// when the check says they cannot all hold, no set satisfies them.
    #[test]
    fn set_contradictions_are_never_false_alarms() {
        let mut atoms = Vec::new();
        for asks in [SetAtom::Any, SetAtom::All, SetAtom::None, SetAtom::NotAll] {
            for mask in 1..8u32 {
                let values: Vec<u32> = (0..3).filter(|i| mask & (1 << i) != 0).collect();
                atoms.push((asks, values));
            }
        }
        let mut found = 0;
        for a in &atoms {
            for b in &atoms {
                for c in &atoms {
                    let tests = [a, b, c];
                    let as_atoms: Vec<Atom> = tests
                        .iter()
                        .map(|(asks, vs)| Atom::Set(FactId(0), *asks, OneOfId(0), vs.clone()))
                        .collect();
                    if set_satisfiable(&as_atoms) {
                        continue;
                    }
                    found += 1;
                    let some_set =
                        (0..8u8).any(|s| tests.iter().all(|(asks, vs)| holds(s, *asks, vs)));
                    assert!(!some_set, "{tests:?} can hold");
                }
            }
        }
        assert!(found > 1000, "only {found} contradictions found");
    }
}
