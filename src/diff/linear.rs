//! Comparisons read as linear forms over facts, so the search can solve for
//! the values that put a case on either side of a threshold.
//!
//! `repair_days > 30`, where `repair_days` is `days from repair.sent_date to
//! dispute.date`, reads as `dispute.date - repair.sent_date - 30 > 0` (dates
//! counted in days); `purchase.price + shipping.fee > 500 yuan` as
//! `purchase.price + shipping.fee - 500 > 0`. Derived facts are read through,
//! `+ N days`/`weeks` are exact; months and years (28 to 31 days) and anything
//! non-linear leave the comparison to the general search.

use rust_decimal::Decimal;

use crate::model::{Expr, FactId, Model};
use crate::value::{Type, Value};
use crate::vocab::{ArithOp, Unit};

/// `Σ coefficient · fact + constant`: dates in days since 1970-01-01,
/// numbers and money as themselves.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Form {
    /// Each fact once, in the order first met, with a coefficient other than 0.
    pub terms: Vec<(FactId, Decimal)>,
    pub constant: Decimal,
}

impl Form {
    fn constant(c: Decimal) -> Form {
        Form {
            terms: Vec::new(),
            constant: c,
        }
    }

    /// `self + k · other`.
    fn add_scaled(mut self, other: &Form, k: Decimal) -> Option<Form> {
        for (f, c) in &other.terms {
            let add = c.checked_mul(k)?;
            match self.terms.iter_mut().find(|(g, _)| g == f) {
                Some((_, mine)) => *mine = mine.checked_add(add)?,
                None => self.terms.push((*f, add)),
            }
        }
        self.terms.retain(|(_, c)| !c.is_zero());
        self.constant = self.constant.checked_add(other.constant.checked_mul(k)?)?;
        Some(self)
    }

    fn scaled(&self, k: Decimal) -> Option<Form> {
        Form::default().add_scaled(self, k)
    }

    /// `a - b`: the comparison `a ⋈ b` is `a - b ⋈ 0`.
    pub fn difference(a: &Form, b: &Form) -> Option<Form> {
        a.clone().add_scaled(b, Decimal::NEGATIVE_ONE)
    }
}

/// Days since 1970-01-01.
pub(super) fn day_number(d: jiff::civil::Date) -> Decimal {
    let epoch = jiff::civil::Date::constant(1970, 1, 1);
    Decimal::from(epoch.until(d).map(|s| s.get_days()).unwrap_or(0))
}

/// The date `n` days after 1970-01-01, for a whole `n`.
pub(super) fn date_of(n: Decimal) -> Option<jiff::civil::Date> {
    if !n.fract().is_zero() {
        return None;
    }
    let days = i64::try_from(n).ok()?;
    jiff::civil::Date::constant(1970, 1, 1)
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

/// A number, amount or date expression as a linear form, reading through
/// derived facts (at most `64` deep); `None` when it is not linear.
pub(super) fn form(model: &Model, e: &Expr, depth: usize) -> Option<Form> {
    if depth > 64 {
        return None;
    }
    let next = depth + 1;
    match e {
        Expr::Fact(f) => match model.facts.get(f.index())?.ty {
            Type::Number | Type::Money(_) | Type::Date => Some(Form {
                terms: vec![(*f, Decimal::ONE)],
                constant: Decimal::ZERO,
            }),
            _ => None,
        },
        Expr::Const(Value::Number(n) | Value::Money(n, _)) => Some(Form::constant(*n)),
        Expr::Const(Value::Date(d)) => Some(Form::constant(day_number(*d))),
        Expr::Derived(d) => form(model, &model.derived.get(d.index())?.expr, next),
        Expr::Shift(a, n, unit) => {
            let per = match unit {
                Unit::Days => 1,
                Unit::Weeks => 7,
                Unit::Months | Unit::Years | Unit::WorkingDays => return None,
            };
            let days = Decimal::from(n.checked_mul(per)?);
            form(model, a, next)?.add_scaled(&Form::constant(days), Decimal::ONE)
        }
        Expr::DaysFrom(a, b) => Form::difference(&form(model, b, next)?, &form(model, a, next)?),
        Expr::Neg(a) => form(model, a, next)?.scaled(Decimal::NEGATIVE_ONE),
        Expr::Arith(op, a, b) => {
            let (x, y) = (form(model, a, next)?, form(model, b, next)?);
            match op {
                ArithOp::Add => x.add_scaled(&y, Decimal::ONE),
                ArithOp::Sub => x.add_scaled(&y, Decimal::NEGATIVE_ONE),
                ArithOp::Mul if y.terms.is_empty() => x.scaled(y.constant),
                ArithOp::Mul if x.terms.is_empty() => y.scaled(x.constant),
                ArithOp::Div if y.terms.is_empty() && !y.constant.is_zero() => {
                    x.scaled(Decimal::ONE.checked_div(y.constant)?)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// A date fact shifted by whole months and days (`purchase.date + 1 year`
/// is 12 months), reading through derived facts: `(fact, months, days)`.
/// The months are added first, as the evaluator does for `+ 1 month + 3 days`
/// written in that order; `None` for anything else.
pub(super) fn calendar(model: &Model, e: &Expr, depth: usize) -> Option<(FactId, i64, i64)> {
    if depth > 64 {
        return None;
    }
    match e {
        Expr::Fact(f) if model.facts.get(f.index())?.ty == Type::Date => Some((*f, 0, 0)),
        Expr::Derived(d) => calendar(model, &model.derived.get(d.index())?.expr, depth + 1),
        Expr::Shift(a, n, unit) => {
            let (f, months, days) = calendar(model, a, depth + 1)?;
            match unit {
                Unit::Days => Some((f, months, days.checked_add(*n)?)),
                Unit::Weeks => Some((f, months, days.checked_add(n.checked_mul(7)?)?)),
                // months after days would not be months then days
                Unit::Months if days == 0 => Some((f, months.checked_add(*n)?, 0)),
                Unit::Years if days == 0 => Some((f, months.checked_add(n.checked_mul(12)?)?, 0)),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::{Form, date_of, day_number, form};
    use crate::model::{Expr, FactId};

    #[test]
    fn days_and_dates_round_trip() {
        let d = jiff::civil::date(2024, 2, 29);
        assert_eq!(date_of(day_number(d)), Some(d));
        assert_eq!(date_of(Decimal::new(15, 1)), None);
    }

    #[test]
    fn days_from_a_derived_fact_is_a_difference_of_dates() {
        let src = crate::source::SourceFile::new(
            "t.rules",
            "rulebook\n  title \"T\"\n  jurisdiction \"CN\"\n  version \"1\"\n  effective 2024-01-01\n\
             fact a: date\nfact b: date\nfact price: money\n\
             define waited as days from a to b + 1 week\n\
             define total as price * 2 - 5 yuan\n",
        );
        let (graph, diagnostics) = crate::compile(&src);
        let graph = graph.unwrap_or_else(|| panic!("{diagnostics:?}"));
        let model = graph.model();
        let waited = form(model, &Expr::Derived(crate::model::DerivedId(0)), 0).unwrap();
        assert_eq!(
            waited,
            Form {
                terms: vec![
                    (FactId(1), Decimal::ONE),
                    (FactId(0), Decimal::NEGATIVE_ONE)
                ],
                constant: Decimal::from(7),
            }
        );
        let total = form(model, &Expr::Derived(crate::model::DerivedId(1)), 0).unwrap();
        assert_eq!(total.terms, vec![(FactId(2), Decimal::from(2))]);
        assert_eq!(total.constant, Decimal::from(-5));
    }
}
