//! Whether two checked expressions, each of its own version of a rulebook,
//! mean the same: compared node by node on the checked expression, not on its
//! printed text. Facts and derived facts match by name (their ids differ
//! between versions), one-of and set values by name, constants by value and
//! currency. A derived fact is compared by name only: whether its definition
//! changed is asked of the derived fact itself.

use crate::model::{Expr, Model};
use crate::value::Value;

/// What a node holds besides its children, comparable across versions.
#[derive(PartialEq, Eq, Debug)]
enum Local<'a> {
    Fact(&'a str),
    Derived(&'a str),
    Const(Shown<'a>),
    Not,
    And,
    Or,
    Cmp(crate::vocab::CmpOp),
    In(bool, Vec<Shown<'a>>),
    Includes(crate::vocab::SetTest, Vec<&'a str>),
    Arith(crate::vocab::ArithOp),
    Neg,
    Extremum(crate::vocab::Extremum),
    Shift(i64, crate::vocab::Unit),
    ShiftBy(crate::vocab::Unit, bool),
    DaysFrom,
    WorkingDaysFrom,
    If,
}

/// A constant across versions: one-of choices by name, everything else as
/// it is (money with its currency).
#[derive(PartialEq, Eq, Debug)]
enum Shown<'a> {
    Choice(&'a str),
    Set(Vec<&'a str>),
    Value(&'a Value),
}

fn shown<'a>(model: &'a Model, v: &'a Value) -> Shown<'a> {
    match v {
        Value::Choice(set, i) => Shown::Choice(
            model
                .one_of_values(*set)
                .get(*i as usize)
                .map_or("", String::as_str),
        ),
        Value::Set(set, held) => {
            let names = model.one_of_values(*set);
            Shown::Set(
                held.iter()
                    .filter_map(|i| names.get(*i as usize).map(String::as_str))
                    .collect(),
            )
        }
        other => Shown::Value(other),
    }
}

fn local<'a>(model: &'a Model, e: &'a Expr) -> Local<'a> {
    match e {
        Expr::Fact(f) => Local::Fact(model.fact_name(*f)),
        Expr::Derived(d) => Local::Derived(model.derived.get(d.index()).map_or("", |d| &d.name)),
        Expr::Const(v) => Local::Const(shown(model, v)),
        Expr::Not(_) => Local::Not,
        Expr::And(_) => Local::And,
        Expr::Or(_) => Local::Or,
        Expr::Cmp(op, ..) => Local::Cmp(*op),
        Expr::In {
            negated, values, ..
        } => Local::In(*negated, values.iter().map(|v| shown(model, v)).collect()),
        Expr::Includes {
            test, list, values, ..
        } => {
            let names = model.one_of_values(*list);
            Local::Includes(
                *test,
                values
                    .iter()
                    .filter_map(|i| names.get(*i as usize).map(String::as_str))
                    .collect(),
            )
        }
        Expr::Arith(op, ..) => Local::Arith(*op),
        Expr::Neg(_) => Local::Neg,
        Expr::Extremum(which, _) => Local::Extremum(*which),
        Expr::Shift(_, n, unit) => Local::Shift(*n, *unit),
        Expr::ShiftBy { unit, back, .. } => Local::ShiftBy(*unit, *back),
        Expr::DaysFrom(..) => Local::DaysFrom,
        Expr::WorkingDaysFrom(..) => Local::WorkingDaysFrom,
        Expr::If(..) => Local::If,
    }
}

/// Whether `a` (of `ma`) and `b` (of `mb`) mean the same. Iterative: an
/// expression may hold a thousand operators.
pub(super) fn same_expr(ma: &Model, a: &Expr, mb: &Model, b: &Expr) -> bool {
    let mut pairs = vec![(a, b)];
    while let Some((x, y)) = pairs.pop() {
        if local(ma, x) != local(mb, y) {
            return false;
        }
        let (xs, ys): (Vec<&Expr>, Vec<&Expr>) = (x.children().collect(), y.children().collect());
        if xs.len() != ys.len() {
            return false;
        }
        pairs.extend(xs.into_iter().zip(ys));
    }
    true
}

/// [`same_expr`] for optional expressions: both absent, or both the same.
pub(super) fn same_opt(ma: &Model, a: Option<&Expr>, mb: &Model, b: Option<&Expr>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => same_expr(ma, a, mb, b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::same_expr;

    fn model(text: &str) -> crate::graph::DecisionGraph {
        let file = crate::source::SourceFile::new("t.rules", text);
        let (graph, d) = crate::compile(&file);
        graph.unwrap_or_else(|| panic!("{d:?}"))
    }

    const HEAD: &str =
        "rulebook\n  title \"T\"\n  jurisdiction \"CN\"\n  version \"1\"\n  effective 2024-01-01\n";

    /// The same definition in two versions that declare their facts in
    /// another order (so every id differs) is the same; a changed constant,
    /// operator or one-of value is not.
    #[test]
    fn expressions_match_by_name_and_value_not_by_id() {
        let a = model(&format!(
            "{HEAD}fact price: money\nfact kind: one of food, drug\nfact paid: date\n\
             define d as price > 500 yuan and kind is drug and paid + 7 days > 2024-05-01\n"
        ));
        let b = model(&format!(
            "{HEAD}fact paid: date\nfact kind: one of drug, food\nfact price: money\n\
             define d as price > 500 yuan and kind is drug and paid + 7 days > 2024-05-01\n"
        ));
        let def = |g: &crate::graph::DecisionGraph| g.model().derived[0].expr.clone();
        assert!(same_expr(a.model(), &def(&a), b.model(), &def(&b)));
        for changed in [
            "price > 400 yuan and kind is drug and paid + 7 days > 2024-05-01",
            "price >= 500 yuan and kind is drug and paid + 7 days > 2024-05-01",
            "price > 500 yuan and kind is food and paid + 7 days > 2024-05-01",
            "price > 500 yuan and kind is drug and paid + 8 days > 2024-05-01",
            "price > 500 yuan or kind is drug and paid + 7 days > 2024-05-01",
        ] {
            let c = model(&format!(
                "{HEAD}fact paid: date\nfact kind: one of drug, food\nfact price: money\n\
                 define d as {changed}\n"
            ));
            assert!(
                !same_expr(a.model(), &def(&a), c.model(), &def(&c)),
                "{changed}"
            );
        }
    }
}
