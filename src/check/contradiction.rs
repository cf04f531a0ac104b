//! Conditions that can never be true.
//!
//! A condition is read as a conjunction of simple tests on single facts
//! (`price > 500`, `category is food`, `deceived`), looking through derived
//! facts; if the tests on one fact leave no value possible, the condition can
//! never be true. Tests this cannot read are ignored, so this finds
//! contradictions, never false alarms.

use std::cmp::Ordering;

use crate::diagnostic::Code;
use crate::model::{Expr, FactId, Model, RuleId};
use crate::value::{Type, Value};
use crate::vocab::CmpOp;

use super::Checker;

/// A simple test on one fact.
#[derive(Clone, Debug)]
enum Atom {
    Cmp(FactId, CmpOp, Value),
    In(FactId, bool, Vec<Value>),
}

impl Atom {
    fn fact(&self) -> FactId {
        match self {
            Atom::Cmp(f, ..) | Atom::In(f, ..) => *f,
        }
    }
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
            _ => {}
        }
    }

    /// The first fact whose tests leave no value, with those tests.
    fn infeasible(&self, atoms: &[Atom]) -> Option<(FactId, Vec<Atom>)> {
        let mut facts: Vec<FactId> = atoms.iter().map(Atom::fact).collect();
        facts.sort();
        facts.dedup();
        for f in facts {
            let on: Vec<Atom> = atoms.iter().filter(|a| a.fact() == f).cloned().collect();
            if !satisfiable(&self.model, f, &on) {
                return Some((f, on));
            }
        }
        None
    }

    fn show_atoms(&self, f: FactId, atoms: &[Atom]) -> String {
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
                Atom::In(_, neg, vs) => {
                    let list = vs
                        .iter()
                        .map(|v| self.model.show(v))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let not = if *neg { "not " } else { "" };
                    format!("`{name} is {not}one of {list}`")
                }
            })
            .collect::<Vec<_>>()
            .join(" and ")
    }

    pub(super) fn contradictions(&mut self) {
        let n = self.model.rules.len();
        let mut dead = vec![false; n];
        for i in 0..n {
            let (Some(rule), Some(decl)) =
                (self.model.rules.get(i), self.rule_decls.get(i).copied())
            else {
                continue;
            };
            let mut atoms = Vec::new();
            self.conjuncts(&rule.condition, false, 0, &mut atoms);
            if let Some((f, on)) = self.infeasible(&atoms) {
                let shown = self.show_atoms(f, &on);
                let what = if rule.exception_to.is_some() {
                    "exception"
                } else {
                    "rule"
                };
                let name = rule.name.clone();
                if let Some(d) = dead.get_mut(i) {
                    *d = true;
                }
                self.error(
                    Code::Contradiction,
                    format!("the {what} `{name}` can never apply: {shown} cannot all hold"),
                )
                .label(decl.condition.span, "this condition is never true")
                .help("check the limits and values; as written, no case can satisfy it")
                .emit();
            }
        }
        for i in 0..n {
            let Some(rule) = self.model.rules.get(i) else {
                continue;
            };
            // an exception to several rules is checked against each
            let targets: Vec<RuleId> = rule
                .exception_to
                .into_iter()
                .chain(self.also_to.get(i).into_iter().flatten().copied())
                .collect();
            for target in targets {
                self.never_together(i, target, &dead);
            }
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
        if let Some((f, on)) = self.infeasible(&atoms) {
            let shown = self.show_atoms(f, &on);
            let (name, tname) = (rule.name.clone(), t.name.clone());
            let span = self
                .rule_decls
                .get(i)
                .map(|d| d.condition.span)
                .unwrap_or_default();
            self.warning(
                Code::ExceptionNeverApplies,
                format!("the exception `{name}` can never apply when `{tname}` does: {shown} cannot all hold"),
            )
            .label(span, format!("never true together with `{tname}`"))
            .help("an exception should narrow its rule; check that both talk about the same cases")
            .emit();
        }
    }
}

fn satisfiable(model: &Model, f: FactId, atoms: &[Atom]) -> bool {
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
            Atom::Cmp(_, CmpOp::Eq, v) => {
                allowed = Some(intersect(allowed, std::slice::from_ref(v)))
            }
            Atom::Cmp(_, CmpOp::Ne, v) => excluded.push(v.clone()),
            Atom::In(_, false, vs) => allowed = Some(intersect(allowed, vs)),
            Atom::In(_, true, vs) => excluded.extend(vs.iter().cloned()),
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
