//! One node's value: memoised, `and`/`or` stopping early, unknown spreading
//! by Kleene's rules, arithmetic that fails recorded as an error.

use std::borrow::Cow;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::diagnostic::Text;
use crate::graph::{Node, NodeId};
use crate::text;
use crate::value::{Truth, Value};
use crate::vocab::{ArithOp, CmpOp, Extremum, Unit};

use super::Run;
use super::scratch::Slot;

impl<'s> Run<'_, 's> {
    pub(super) fn truth(&mut self, id: NodeId) -> Truth {
        match self.scratch.slot(id) {
            Slot::Known(Value::Bool(b)) => return Truth::from_bool(*b),
            Slot::Known(_) | Slot::Unknown => return Truth::Unknown,
            Slot::Pending => {}
        }
        match self.value(id) {
            Some(Value::Bool(b)) => Truth::from_bool(b),
            _ => Truth::Unknown,
        }
    }

    pub(super) fn value(&mut self, id: NodeId) -> Option<Value> {
        match self.scratch.slot(id) {
            Slot::Known(v) => return Some(v.clone()),
            Slot::Unknown => return None,
            Slot::Pending => {}
        }
        let graph = self.graph;
        let result = match graph.node(id) {
            Node::Fact(f) => self.facts.get(*f).cloned(),
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
                let (a, b) = (self.operand(*a), self.operand(*b));
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
                .operand(*subject)
                .map(|v| Value::Bool(values.contains(&v) != *negated)),
            Node::Includes {
                test,
                subject,
                values,
            } => match self.operand(*subject).as_deref() {
                Some(Value::Set(_, chosen)) => Some(Value::Bool(test.holds(chosen, values))),
                _ => None,
            },
            Node::Arith(op, a, b) => {
                let (a, b) = (self.value(*a), self.value(*b));
                match (a, b) {
                    (Some(a), Some(b)) => self.arith(*op, &a, &b),
                    _ => None,
                }
            }
            Node::Neg(a) => match self.value(*a) {
                Some(Value::Number(n)) => Some(Value::Number(-n)),
                Some(Value::Money(n, c)) => Some(Value::Money(-n, c)),
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
                    let days = days_since_epoch(b) - days_since_epoch(a);
                    Some(Value::Number(Decimal::from(days)))
                }
                _ => None,
            },
            Node::ShiftBy(a, n, unit, back) => match (self.value(*a), self.value(*n)) {
                (Some(Value::Date(d)), Some(Value::Number(n))) => match count(n, *unit) {
                    Ok(n) => self.shift(d, if *back { -n } else { n }, *unit),
                    Err(message) => self.fail(message),
                },
                _ => None,
            },
            Node::WorkingDaysFrom(a, b) => match (self.value(*a), self.value(*b)) {
                (Some(Value::Date(a)), Some(Value::Date(b))) => {
                    let calendar = graph.model().header.calendar?;
                    match calendar.working_days_between(a, b) {
                        Ok(n) => Some(Value::Number(Decimal::from(n))),
                        Err(e) => self.fail(e.text()),
                    }
                }
                _ => None,
            },
            // only the branch taken is evaluated; an unknown condition
            // leaves the value unknown
            Node::If(c, a, b) => match self.truth(*c) {
                Truth::Yes => self.value(*a),
                Truth::No => self.value(*b),
                Truth::Unknown => None,
            },
        };
        // an error pushed by this node's own computation (its children
        // have recorded theirs already) belongs to it
        if self.errors.len() > self.failed.len() {
            self.failed.push(id);
        }
        self.scratch.set_slot(id, result.as_ref());
        result
    }

    /// An operand's value: a fact or a constant is read where it is, without
    /// a copy or a memo slot of its own; anything else is evaluated.
    fn operand(&mut self, id: NodeId) -> Option<Cow<'s, Value>> {
        match self.graph.node(id) {
            Node::Fact(f) => self.facts.get(*f).map(Cow::Borrowed),
            Node::Const(v) => Some(Cow::Borrowed(v)),
            _ => self.value(id).map(Cow::Owned),
        }
    }

    fn fail(&mut self, message: Text) -> Option<Value> {
        self.errors.push(crate::outcome::EvalError {
            code: crate::diagnostic::Code::Arithmetic.to_string(),
            message,
        });
        None
    }

    fn arith(&mut self, op: ArithOp, a: &Value, b: &Value) -> Option<Value> {
        // the checker lets money meet money only in one currency
        let (x, y, money) = match (a, b) {
            (Value::Number(x), Value::Number(y)) => (*x, *y, None),
            (Value::Money(x, c), Value::Money(y, d)) if c == d => {
                (*x, *y, (op != ArithOp::Div).then_some(*c))
            }
            (Value::Number(x), Value::Money(y, c)) | (Value::Money(y, c), Value::Number(x))
                if op == ArithOp::Mul =>
            {
                (*x, *y, Some(*c))
            }
            (Value::Money(x, c), Value::Number(y)) => (*x, *y, Some(*c)),
            _ => return None,
        };
        let result = match op {
            ArithOp::Add => x.checked_add(y),
            ArithOp::Sub => x.checked_sub(y),
            ArithOp::Mul => x.checked_mul(y),
            ArithOp::Div => {
                if y.is_zero() {
                    return self.fail(text!(
                        "diag-eval-division-by-zero",
                        x = x.to_string(),
                        y = y.to_string()
                    ));
                }
                x.checked_div(y)
            }
        };
        match result {
            Some(r) => Some(match money {
                Some(c) => Value::Money(r, c),
                None => Value::Number(r),
            }),
            None => self.fail(text!(
                "diag-eval-overflow",
                x = x.to_string(),
                op = op.symbol(),
                y = y.to_string()
            )),
        }
    }

    fn shift(&mut self, d: Date, n: i64, unit: Unit) -> Option<Value> {
        let span = match unit {
            Unit::Days => jiff::Span::new().try_days(n),
            Unit::Weeks => jiff::Span::new().try_weeks(n),
            Unit::Months => jiff::Span::new().try_months(n),
            Unit::Years => jiff::Span::new().try_years(n),
            Unit::WorkingDays => {
                let calendar = self.graph.model().header.calendar?;
                return match calendar.add_working_days(d, n) {
                    Ok(r) => Some(Value::Date(r)),
                    Err(e) => self.fail(e.text()),
                };
            }
        };
        match span.and_then(|span| d.checked_add(span)) {
            Ok(r) => Some(Value::Date(r)),
            Err(_) => self.fail(text!(
                "diag-eval-date-overflow",
                date = d.to_string(),
                sign = if n < 0 { "-" } else { "+" },
                duration = unit.count_text(n.unsigned_abs().to_string())
            )),
        }
    }
}

/// The count of a duration, which must be a whole number of at least 0.
fn count(n: Decimal, unit: Unit) -> Result<i64, Text> {
    if n.is_sign_negative() && !n.is_zero() || !n.fract().is_zero() {
        return Err(text!(
            "diag-eval-count-not-whole",
            unit = unit.name_text(),
            n = n.normalize().to_string()
        ));
    }
    i64::try_from(n)
        .ok()
        .filter(|n| *n <= crate::calendar::MAX_COUNT)
        .ok_or_else(|| {
            text!(
                "diag-eval-duration-overflow",
                duration = unit.count_text(n.normalize().to_string())
            )
        })
}

/// Days since 1970-01-01 (negative before).
fn days_since_epoch(d: Date) -> i64 {
    let epoch = Date::constant(1970, 1, 1);
    i64::from(epoch.until(d).map(|s| s.get_days()).unwrap_or(0))
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
