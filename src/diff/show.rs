//! Model parts as text with names, so two versions of a rulebook (whose ids
//! differ) can be compared and shown to reviewers.

use crate::diagnostic::Text;
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
            parts.extend(cited_texts(c));
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
    if t.is_empty() {
        "none".to_string()
    } else {
        written_texts(t).join("; ")
    }
}

/// What an aspect or a summary holds, kept beside its English text so a
/// report says it in any language: the rulebook's own text stays as
/// written (quoted as code), the framing words come from the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Said {
    /// Nothing: no citation, no deadline, no remedy… (`none`).
    Nothing,
    /// Rulebook text as written: an expression, a name, a code.
    Written(String),
    /// A type in words (`facts` shows types the same way).
    Type(Text),
    /// A period of force: from, until (neither: always).
    Period(Option<jiff::civil::Date>, Option<jiff::civil::Date>),
    /// An amount that is a ceiling: `up to` the expression.
    UpTo(String),
    /// A date.
    Date(jiff::civil::Date),
    /// Citations: each a law, an article and free texts as written.
    Citations(Vec<Cited>),
    /// Texts by language as written (`en "Refund"`), apart.
    Texts(Vec<String>),
    /// A fact's value labels: each value with its texts as written.
    ValueLabels(Vec<(String, Vec<String>)>),
    /// A remedy's parameters: each name with its type.
    Params(Vec<(String, Text)>),
    /// A fact, by its name (said by its label, the name beside).
    Fact(String),
    /// Names as written, a list (`exception to a, b`, the languages).
    Names(Vec<String>),
    /// The header's summary: its version.
    Version(String),
    /// A fact's summary: its name and type.
    Declared(String, Text),
    /// A remedy's summary: its id and titles as written.
    Remedy(String, Vec<String>),
}

/// One citation, its parts as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cited {
    pub(crate) law: Option<String>,
    pub(crate) article: Option<String>,
    pub(crate) texts: Vec<String>,
}

/// A type in words, as `facts` says it (`one of a, b`, `yes/no`), with
/// the currency of money in another currency than the rulebook's.
pub(crate) fn type_said(model: &Model, t: Type) -> Said {
    Said::Type(crate::report::facts::type_words(model, t))
}

/// [`period`], to be said in a language.
pub(crate) fn period_said(
    p: Option<(Option<jiff::civil::Date>, Option<jiff::civil::Date>)>,
) -> Said {
    match p {
        None => Said::Period(None, None),
        Some((from, until)) => Said::Period(from, until),
    }
}

/// [`citations`], to be said in a language.
pub(crate) fn citations_said(model: &Model, cites: &[Citation]) -> Said {
    if cites.is_empty() {
        return Said::Nothing;
    }
    Said::Citations(
        cites
            .iter()
            .map(|c| Cited {
                law: c
                    .law
                    .and_then(|l| model.laws.get(l.index()))
                    .map(|l| l.name.clone()),
                article: c.article.clone(),
                texts: cited_texts(c),
            })
            .collect(),
    )
}

/// [`value_labels`], to be said in a language.
pub(crate) fn value_labels_said(labels: &[(String, Texts)]) -> Said {
    if labels.is_empty() {
        return Said::Nothing;
    }
    Said::ValueLabels(
        labels
            .iter()
            .map(|(value, t)| (value.clone(), written_texts(t)))
            .collect(),
    )
}

/// [`texts`], to be said in a language.
pub(crate) fn texts_said(t: &Texts) -> Said {
    if t.is_empty() {
        Said::Nothing
    } else {
        Said::Texts(written_texts(t))
    }
}

/// A citation's free text as written: each language's (`zh "…"`), else the
/// one text of a plain `cite "…"`.
fn cited_texts(c: &Citation) -> Vec<String> {
    if c.texts.is_empty() {
        c.text.iter().map(|t| format!("{t:?}")).collect()
    } else {
        written_texts(&c.texts)
    }
}

/// Each text as written: `en "Refund"`, or `"Refund"` without a language.
fn written_texts(t: &Texts) -> Vec<String> {
    t.iter()
        .map(|(lang, text)| {
            if lang.is_empty() {
                format!("{text:?}")
            } else {
                format!("{lang} {text:?}")
            }
        })
        .collect()
}
