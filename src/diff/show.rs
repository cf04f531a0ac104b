//! Model parts as text with names, so two versions of a rulebook (whose ids
//! differ) can be compared and shown to reviewers.

use crate::model::{Citation, Expr, Model, Rule, Texts};
use crate::value::Type;

/// A type as written in a fact declaration.
pub(crate) fn ty(model: &Model, t: Type) -> String {
    match t {
        Type::OneOf(set) => format!("one of {}", model.one_of_values(set).join(", ")),
        // as written: `money` in the header's currency, else `money EUR`
        Type::Money(c) if c != model.header.currency => format!("money {c}"),
        Type::Set(set) => format!("some of {}", model.one_of_values(set).join(", ")),
        other => other.name().to_string(),
    }
}

/// An expression as written, with names; derived facts by name.
pub(crate) fn expr(model: &Model, e: &Expr) -> String {
    model.expr_text(e).to_string()
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
            if c.texts.is_empty() {
                if let Some(t) = &c.text {
                    parts.push(format!("{t:?}"));
                }
            }
            for (lang, t) in &c.texts {
                parts.push(format!("{lang} {t:?}"));
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

/// A fact's value labels: `online_platform: zh "电商平台"; en "online platform"`,
/// values apart by ` | `.
pub(crate) fn value_labels(labels: &[(String, Texts)]) -> String {
    if labels.is_empty() {
        return "none".to_string();
    }
    let shown: Vec<String> = labels
        .iter()
        .map(|(value, t)| format!("{value}: {}", texts(t)))
        .collect();
    shown.join(" | ")
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
