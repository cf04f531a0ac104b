//! Model parts as text with names, so two versions of a rulebook (whose ids
//! differ) can be compared and shown to reviewers.

use crate::model::{Citation, Expr, Model, Rule, Texts};
use crate::value::{Type, Value};
use crate::vocab::ArithOp;

/// A value as written in a rulebook (`500.00 yuan`, `2024-01-01`, `"Beijing"`).
pub(crate) fn value(model: &Model, v: &Value) -> String {
    match v {
        Value::Text(t) => format!("{t:?}"),
        other => model.show(other),
    }
}

/// A type as written in a fact declaration.
pub(crate) fn ty(model: &Model, t: Type) -> String {
    match t {
        Type::OneOf(set) => format!("one of {}", model.one_of_values(set).join(", ")),
        other => other.name().to_string(),
    }
}

/// An expression as written, with names; derived facts by name.
pub(crate) fn expr(model: &Model, e: &Expr) -> String {
    let mut out = String::new();
    write(model, e, &mut out);
    out
}

/// How tightly an expression binds: a child is put in parentheses when it
/// binds less tightly than its place needs. `and` and `or` mixed, and
/// anything under `not`, always get parentheses, for readers.
fn level(e: &Expr) -> u8 {
    match e {
        Expr::Or(_) => 1,
        Expr::And(_) => 2,
        Expr::Not(_) => 3,
        Expr::Cmp(..) | Expr::In { .. } => 4,
        Expr::Arith(ArithOp::Add | ArithOp::Sub, ..) | Expr::Shift(..) => 5,
        Expr::Arith(ArithOp::Mul | ArithOp::Div, ..) => 6,
        Expr::DaysFrom(..) => 4,
        Expr::Fact(_) | Expr::Derived(_) | Expr::Const(_) | Expr::Neg(_) | Expr::Extremum(..) => 7,
    }
}

fn child(model: &Model, e: &Expr, min: u8, out: &mut String) {
    if level(e) < min {
        out.push('(');
        write(model, e, out);
        out.push(')');
    } else {
        write(model, e, out);
    }
}

fn write(model: &Model, e: &Expr, out: &mut String) {
    match e {
        Expr::Fact(f) => out.push_str(model.facts.get(f.index()).map_or("?", |f| &f.name)),
        Expr::Derived(d) => out.push_str(model.derived.get(d.index()).map_or("?", |d| &d.name)),
        Expr::Const(v) => out.push_str(&value(model, v)),
        Expr::Not(a) => {
            out.push_str("not ");
            child(model, a, 7, out);
        }
        Expr::And(list) | Expr::Or(list) => {
            let sep = if matches!(e, Expr::And(_)) {
                " and "
            } else {
                " or "
            };
            for (i, x) in list.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                child(model, x, 3, out);
            }
        }
        Expr::Cmp(op, a, b) => {
            child(model, a, 5, out);
            out.push_str(&format!(" {} ", op.symbol()));
            child(model, b, 5, out);
        }
        Expr::In {
            negated,
            subject,
            values,
        } => {
            child(model, subject, 5, out);
            out.push_str(if *negated {
                " is not one of "
            } else {
                " is one of "
            });
            let shown: Vec<String> = values.iter().map(|v| model.show(v)).collect();
            out.push_str(&shown.join(", "));
        }
        Expr::Arith(op, a, b) => {
            let (left, right) = match op {
                ArithOp::Add | ArithOp::Sub => (5, 6),
                ArithOp::Mul | ArithOp::Div => (6, 7),
            };
            child(model, a, left, out);
            out.push_str(&format!(" {} ", op.symbol()));
            child(model, b, right, out);
        }
        Expr::Neg(a) => {
            out.push('-');
            child(model, a, 7, out);
        }
        Expr::Extremum(which, list) => {
            out.push_str(match which {
                crate::vocab::Extremum::Max => "max(",
                crate::vocab::Extremum::Min => "min(",
            });
            for (i, x) in list.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(model, x, out);
            }
            out.push(')');
        }
        Expr::Shift(a, n, unit) => {
            child(model, a, 5, out);
            let sign = if *n < 0 { '-' } else { '+' };
            out.push_str(&format!(" {sign} {} {}", n.unsigned_abs(), unit.word()));
        }
        Expr::DaysFrom(a, b) => {
            out.push_str("days from ");
            child(model, a, 7, out);
            out.push_str(" to ");
            child(model, b, 7, out);
        }
    }
}

/// A rule's condition without the period of force folded into it.
pub(crate) fn own_condition<'m>(model: &Model, rule: &'m Rule) -> &'m Expr {
    if let (Some(_), Some(_), Expr::And(parts)) = (rule.period, model.header.as_of, &rule.condition)
    {
        if let Some(first) = parts.first() {
            return first;
        }
    }
    &rule.condition
}

/// A period of force as written.
pub(crate) fn period(p: Option<(Option<jiff::civil::Date>, Option<jiff::civil::Date>)>) -> String {
    match p {
        None => "always".to_string(),
        Some((from, until)) => {
            let mut parts = Vec::new();
            if let Some(f) = from {
                parts.push(format!("from {f}"));
            }
            if let Some(u) = until {
                parts.push(format!("until {u}"));
            }
            format!("in force {}", parts.join(" "))
        }
    }
}

/// Citations as written, `; `-separated.
pub(crate) fn citations(model: &Model, cites: &[Citation]) -> String {
    let shown: Vec<String> = cites
        .iter()
        .map(|c| {
            let mut parts = Vec::new();
            if let Some(l) = c.law.and_then(|l| model.laws.get(l.index())) {
                parts.push(l.name.clone());
            }
            if let Some(a) = &c.article {
                parts.push(format!("article {a}"));
            }
            if let Some(t) = &c.text {
                parts.push(format!("{t:?}"));
            }
            parts.join(" ")
        })
        .collect();
    if shown.is_empty() {
        "none".to_string()
    } else {
        shown.join("; ")
    }
}

/// Texts by language as written (`en "Refund"; zh "退款"`).
pub(crate) fn texts(t: &Texts) -> String {
    let shown: Vec<String> = t
        .iter()
        .map(|(lang, text)| {
            if lang.is_empty() {
                format!("{text:?}")
            } else {
                format!("{lang} {text:?}")
            }
        })
        .collect();
    if shown.is_empty() {
        "none".to_string()
    } else {
        shown.join("; ")
    }
}
