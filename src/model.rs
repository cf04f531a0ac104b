//! The checked rulebook: names resolved to ids, expressions typed.
//!
//! Produced by [`crate::check`] only when the rulebook has no errors;
//! consumed by [`crate::graph`]. Vectors are in declaration order, and ids
//! index them.

use jiff::civil::Date;

use crate::value::{Currency, OneOfId, Type, Value};
use crate::vocab::{ArithOp, CmpOp, Extremum, SetTest, Unit};

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            /// As an index.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id!(
    /// A fact the case supplies.
    FactId
);
id!(
    /// A derived fact.
    DerivedId
);
id!(
    /// A remedy in the catalogue.
    RemedyId
);
id!(
    /// A rule or exception.
    RuleId
);
id!(
    /// A declared law.
    LawId
);

/// Texts by language, in the order written; the language is "" when none was given.
pub type Texts = Vec<(String, String)>;

/// The header.
#[derive(Clone, Debug, Default)]
pub struct Header {
    /// Titles.
    pub titles: Texts,
    /// Jurisdiction.
    pub jurisdiction: String,
    /// Version.
    pub version: String,
    /// Takes effect on.
    pub effective: Option<Date>,
    /// Languages, first is the main one.
    pub languages: Vec<String>,
    /// The fact that gives the as-of date.
    pub as_of: Option<FactId>,
    /// The calendar working days count on (`calendar cn-mainland`).
    pub calendar: Option<crate::calendar::Calendar>,
    /// The currency of money facts and parameters declared without one
    /// (`currency EUR`; CNY when the header names none).
    pub currency: Currency,
}

/// A law.
#[derive(Clone, Debug)]
pub struct Law {
    /// Id.
    pub name: String,
    /// Titles.
    pub titles: Texts,
    /// In force from (inclusive).
    pub from: Option<Date>,
    /// In force until (inclusive).
    pub until: Option<Date>,
}

/// A citation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// The law, when declared.
    pub law: Option<LawId>,
    /// The article.
    pub article: Option<String>,
    /// Free text: as written for `cite "…"`; for `cite zh "…" en "…"`, the
    /// text in the rulebook's first language (else the first written).
    pub text: Option<String>,
    /// `cite zh "…" en "…"`: the free text by language, in the order
    /// written (empty for the other forms).
    pub texts: Texts,
}

impl Citation {
    /// The free text in `lang`, else [`Citation::text`].
    pub fn text_in(&self, lang: &str) -> Option<&str> {
        self.texts
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, t)| t.as_str())
            .or(self.text.as_deref())
    }
}

/// A fact.
#[derive(Clone, Debug)]
pub struct Fact {
    /// Dotted name.
    pub name: String,
    /// Type.
    pub ty: Type,
    /// Questions.
    pub questions: Texts,
    /// Labels.
    pub labels: Texts,
    /// Labels of its values (one-of and set-valued facts), by value in
    /// declaration order: `value online_platform zh "电商平台"`.
    pub value_labels: Vec<(String, Texts)>,
}

impl Fact {
    /// The label of one of its values in `lang` (or its first language).
    pub fn value_label(&self, value: &str, lang: &str) -> Option<&str> {
        self.value_labels
            .iter()
            .find(|(v, _)| v == value)
            .and_then(|(_, t)| Model::pick(t, lang))
    }
}

/// A derived fact.
#[derive(Clone, Debug)]
pub struct Derived {
    /// Name.
    pub name: String,
    /// Type.
    pub ty: Type,
    /// Definition.
    pub expr: Expr,
    /// Labels.
    pub labels: Texts,
}

/// A remedy.
#[derive(Clone, Debug)]
pub struct Remedy {
    /// Stable id.
    pub id: String,
    /// Titles.
    pub titles: Texts,
    /// Category.
    pub category: String,
    /// Parameters.
    pub params: Vec<(String, Type)>,
    /// The parameters' labels by language (`label zh "…"`), one list per
    /// parameter, in the order of `params`.
    pub param_labels: Vec<Texts>,
    /// Default amount.
    pub amount: Option<Expr>,
    /// The amount is a ceiling (`amount up to …`).
    pub amount_up_to: bool,
    /// Default deadline.
    pub deadline: Option<Expr>,
    /// Citations.
    pub cites: Vec<Citation>,
}

/// A rule's conclusion.
#[derive(Clone, Debug)]
pub struct Conclusion {
    /// The remedy.
    pub remedy: RemedyId,
    /// One argument per parameter.
    pub args: Vec<Expr>,
}

/// A rule or exception.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Name.
    pub name: String,
    /// For an exception, its rule.
    pub exception_to: Option<RuleId>,
    /// For an exception, the names of the rules it is an exception to, as
    /// written (`exception misuse to a, b, c`). An exception to several
    /// rules is one model rule per rule it sets aside (each with its own
    /// `exception_to`, and the exceptions below it copied under each), all
    /// with this list; empty for a rule.
    pub targets: Vec<String>,
    /// The condition, including the period of force.
    pub condition: Expr,
    /// The remedy, if any.
    pub conclusion: Option<Conclusion>,
    /// Amount (the rule's, else the remedy's).
    pub amount: Option<Expr>,
    /// The amount is a ceiling (`amount up to …`, the rule's or the remedy's
    /// with the amount it goes with).
    pub amount_up_to: bool,
    /// Deadline (the rule's, else the remedy's).
    pub deadline: Option<Expr>,
    /// Citations of the rule.
    pub cites: Vec<Citation>,
    /// In force from/until.
    pub period: Option<(Option<Date>, Option<Date>)>,
    /// Titles by language (`title zh "…"`): how the advice text names it.
    pub titles: Texts,
}

/// A checked, typed expression.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Expr {
    /// A fact's value.
    Fact(FactId),
    /// A derived fact's value.
    Derived(DerivedId),
    /// A constant.
    Const(Value),
    /// not
    Not(Box<Expr>),
    /// and
    And(Vec<Expr>),
    /// or
    Or(Vec<Expr>),
    /// comparison
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    /// `is (not) one of`
    In {
        /// `is not one of`
        negated: bool,
        /// tested value
        subject: Box<Expr>,
        /// choices
        values: Vec<Value>,
    },
    /// `includes` on a set-valued (`some of`) fact
    Includes {
        /// any, all or none of the values
        test: SetTest,
        /// the value list of the subject's type
        list: OneOfId,
        /// tested set
        subject: Box<Expr>,
        /// the values named (indexes into the list), sorted, each once
        values: Vec<u32>,
    },
    /// arithmetic on numbers and money
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    /// negation of a number or amount
    Neg(Box<Expr>),
    /// min / max
    Extremum(Extremum, Vec<Expr>),
    /// date ± duration (count may be negative)
    Shift(Box<Expr>, i64, Unit),
    /// days from the first date to the second
    DaysFrom(Box<Expr>, Box<Expr>),
    /// date ± a duration whose count is a number expression
    /// (`purchase.date + warranty.months months`); the count must come out
    /// a whole number of at least 0
    ShiftBy {
        /// the date
        date: Box<Expr>,
        /// the count
        count: Box<Expr>,
        /// the unit
        unit: Unit,
        /// `-`: counted back
        back: bool,
    },
    /// working days from the first date to the second, on the model's calendar
    WorkingDaysFrom(Box<Expr>, Box<Expr>),
    /// `if condition then a else b`: only the branch taken is evaluated
    If(Box<Expr>, Box<Expr>, Box<Expr>),
}

/// A whole checked rulebook.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// Header.
    pub header: Header,
    /// Laws.
    pub laws: Vec<Law>,
    /// Value lists of `one of` and `some of` facts (shared: a list is kept
    /// once, whichever declared it).
    pub one_ofs: Vec<Vec<String>>,
    /// Facts.
    pub facts: Vec<Fact>,
    /// Derived facts.
    pub derived: Vec<Derived>,
    /// Remedies.
    pub remedies: Vec<Remedy>,
    /// Rules and exceptions.
    pub rules: Vec<Rule>,
    /// The number facts used directly as the count of a duration
    /// (`+ warranty.months months`), in declaration order, each with the
    /// unit of its first such use: a case must give them as whole numbers
    /// of at least 0.
    pub counts: Vec<(FactId, Unit)>,
}

impl Model {
    /// A fact by dotted name.
    pub fn fact_id(&self, name: &str) -> Option<FactId> {
        self.facts
            .iter()
            .position(|f| f.name == name)
            .and_then(|i| u32::try_from(i).ok())
            .map(FactId)
    }

    /// A fact's dotted name ("" for an unknown id).
    pub fn fact_name(&self, f: FactId) -> &str {
        self.facts.get(f.index()).map_or("", |f| f.name.as_str())
    }

    /// The values of a one-of list (empty for an unknown id).
    pub fn one_of_values(&self, set: crate::value::OneOfId) -> &[String] {
        self.one_ofs.get(set.0 as usize).map_or(&[], Vec::as_slice)
    }

    /// The names of some values of a list (indexes out of range are
    /// skipped), in the order given.
    pub fn set_names(&self, list: OneOfId, chosen: &[u32]) -> Vec<&str> {
        let values = self.one_of_values(list);
        chosen
            .iter()
            .filter_map(|i| values.get(*i as usize).map(String::as_str))
            .collect()
    }

    /// The text of a value, for people (one-of values by their name).
    pub fn show(&self, value: &Value) -> String {
        self.show_text(value).into_owned()
    }

    /// [`Model::show`], borrowing one-of names and yes/no from the model.
    pub fn show_text(&self, value: &Value) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match value {
            Value::Number(n) => Cow::Owned(n.normalize().to_string()),
            Value::Date(d) => Cow::Owned(d.to_string()),
            Value::Text(t) => Cow::Owned(t.to_string()),
            Value::Choice(set, i) => Cow::Borrowed(
                self.one_ofs
                    .get(set.0 as usize)
                    .and_then(|v| v.get(*i as usize))
                    .map_or("", String::as_str),
            ),
            Value::Set(list, chosen) => {
                let names = self.set_names(*list, chosen);
                Cow::Owned(if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                })
            }
            Value::Bool(b) => Cow::Borrowed(if *b { "yes" } else { "no" }),
            Value::Money(m, c) => Cow::Owned(crate::value::money_for_people(
                &crate::value::format_money(*m),
                *c,
                "en",
            )),
        }
    }

    /// The remedy a reader names: by its id, else by one of its titles in
    /// any language (white space around it ignored).
    pub fn remedy_named(&self, name: &str) -> Option<RemedyId> {
        let name = name.trim();
        let found = self
            .remedies
            .iter()
            .position(|r| r.id == name)
            .or_else(|| {
                self.remedies
                    .iter()
                    .position(|r| r.titles.iter().any(|(_, t)| t == name))
            })?;
        u32::try_from(found).ok().map(RemedyId)
    }

    /// What a reader may call the remedies ([`Model::remedy_named`]): each
    /// remedy's id and titles, in declaration order, for did-you-mean help.
    pub fn remedy_names(&self) -> impl Iterator<Item = &str> {
        self.remedies.iter().flat_map(|r| {
            std::iter::once(r.id.as_str()).chain(r.titles.iter().map(|(_, t)| t.as_str()))
        })
    }

    /// The remedy a reader probably meant by a name that is no remedy's id
    /// or title: the closest id or title, else the first title or id that
    /// contains what was written (a title written in part).
    pub fn remedy_meant(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        crate::diagnostic::did_you_mean(name, self.remedy_names()).or_else(|| {
            (!name.is_empty())
                .then(|| self.remedy_names().find(|n| n.contains(name)))
                .flatten()
        })
    }

    /// A text of the rulebook in a reader's language: the one in `lang`, else
    /// the one in the first of the rulebook's `languages` that has one, else
    /// the first written (the order the advice text and `ask` use).
    pub fn local<'a>(&self, texts: &'a [(String, String)], lang: &str) -> Option<&'a str> {
        texts
            .iter()
            .find(|(l, _)| l == lang)
            .or_else(|| {
                self.header
                    .languages
                    .iter()
                    .find_map(|lang| texts.iter().find(|(l, _)| l == lang))
            })
            .or_else(|| texts.first())
            .map(|(_, t)| t.as_str())
    }

    /// A text in the preferred language, else the first one.
    pub fn pick<'a>(texts: &'a Texts, lang: &str) -> Option<&'a str> {
        texts
            .iter()
            .find(|(l, _)| l == lang)
            .or_else(|| texts.first())
            .map(|(_, t)| t.as_str())
    }
}

// ------------------------------------------------------------ walking

impl Expr {
    /// The direct sub-expressions, left to right. Derived facts are not
    /// entered: their definitions are in [`Model::derived`].
    pub fn children(&self) -> impl DoubleEndedIterator<Item = &Expr> {
        type Parts<'a> = (
            Option<&'a Expr>,
            Option<&'a Expr>,
            Option<&'a Expr>,
            &'a [Expr],
        );
        let (first, second, third, list): Parts<'_> = match self {
            Expr::Fact(_) | Expr::Derived(_) | Expr::Const(_) => (None, None, None, &[]),
            Expr::Not(a) | Expr::Neg(a) | Expr::Shift(a, _, _) => (Some(a), None, None, &[]),
            Expr::In { subject, .. } | Expr::Includes { subject, .. } => {
                (Some(subject), None, None, &[])
            }
            Expr::And(list) | Expr::Or(list) | Expr::Extremum(_, list) => (None, None, None, list),
            Expr::Cmp(_, a, b)
            | Expr::Arith(_, a, b)
            | Expr::DaysFrom(a, b)
            | Expr::WorkingDaysFrom(a, b)
            | Expr::ShiftBy {
                date: a, count: b, ..
            } => (Some(a), Some(b), None, &[]),
            Expr::If(c, a, b) => (Some(c), Some(a), Some(b), &[]),
        };
        first.into_iter().chain(second).chain(third).chain(list)
    }

    /// This expression and every sub-expression, parents before children,
    /// left to right, each with its depth (0 for this one). Iterative, so
    /// no expression overflows the stack.
    pub fn walk(&self) -> Walk<'_> {
        Walk {
            stack: vec![(0, self)],
        }
    }
}

/// The iterator of [`Expr::walk`].
#[derive(Debug)]
pub struct Walk<'e> {
    stack: Vec<(usize, &'e Expr)>,
}

impl<'e> Iterator for Walk<'e> {
    type Item = (usize, &'e Expr);

    fn next(&mut self) -> Option<Self::Item> {
        let (depth, e) = self.stack.pop()?;
        self.stack
            .extend(e.children().rev().map(|child| (depth + 1, child)));
        Some((depth, e))
    }
}

// ----------------------------------------------------------- printing

impl Model {
    /// An expression as a rulebook would write it: facts and derived facts by
    /// name, text quoted, parentheses only where they are needed (and around
    /// `and`/`or` mixed or under `not`, for readers).
    pub fn expr_text<'m>(&'m self, expr: &'m Expr) -> ExprText<'m> {
        ExprText { model: self, expr }
    }

    /// A value as a rulebook would write it (`500.00 yuan`, `40.00 EUR`,
    /// `2024-01-01`, `"Beijing"`).
    pub fn value_text(&self, value: &Value) -> String {
        match value {
            Value::Text(t) => format!("{t:?}"),
            Value::Money(m, c) => crate::value::money_literal(*m, *c),
            other => self.show(other),
        }
    }
}

/// The printed form of an expression: see [`Model::expr_text`].
#[derive(Clone, Copy, Debug)]
pub struct ExprText<'m> {
    model: &'m Model,
    expr: &'m Expr,
}

impl std::fmt::Display for ExprText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_expr(self.model, self.expr, f)
    }
}

/// How tightly an expression binds: a child is put in parentheses when it
/// binds less tightly than its place needs.
fn binding(e: &Expr) -> u8 {
    match e {
        // `else` extends as far right as it can: parenthesised under any
        // operator, and as a condition or `then` branch
        Expr::If(..) => 0,
        Expr::Or(_) => 1,
        Expr::And(_) => 2,
        Expr::Not(_) => 3,
        Expr::Cmp(..)
        | Expr::In { .. }
        | Expr::Includes { .. }
        | Expr::DaysFrom(..)
        | Expr::WorkingDaysFrom(..) => 4,
        Expr::Arith(ArithOp::Add | ArithOp::Sub, ..) | Expr::Shift(..) | Expr::ShiftBy { .. } => 5,
        Expr::Arith(ArithOp::Mul | ArithOp::Div, ..) => 6,
        Expr::Fact(_) | Expr::Derived(_) | Expr::Const(_) | Expr::Neg(_) | Expr::Extremum(..) => 7,
    }
}

fn write_child(
    model: &Model,
    e: &Expr,
    min: u8,
    f: &mut std::fmt::Formatter<'_>,
) -> std::fmt::Result {
    if binding(e) < min {
        f.write_str("(")?;
        write_expr(model, e, f)?;
        f.write_str(")")
    } else {
        write_expr(model, e, f)
    }
}

fn write_list(
    model: &Model,
    list: &[Expr],
    sep: &str,
    min: u8,
    f: &mut std::fmt::Formatter<'_>,
) -> std::fmt::Result {
    for (i, x) in list.iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        write_child(model, x, min, f)?;
    }
    Ok(())
}

fn write_expr(model: &Model, e: &Expr, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    match e {
        Expr::Fact(id) => f.write_str(model.facts.get(id.index()).map_or("?", |x| &x.name)),
        Expr::Derived(id) => f.write_str(model.derived.get(id.index()).map_or("?", |x| &x.name)),
        Expr::Const(v) => f.write_str(&model.value_text(v)),
        Expr::Not(a) => {
            f.write_str("not ")?;
            write_child(model, a, 7, f)
        }
        Expr::And(list) => write_list(model, list, " and ", 3, f),
        Expr::Or(list) => write_list(model, list, " or ", 3, f),
        Expr::Cmp(op, a, b) => {
            write_child(model, a, 5, f)?;
            write!(f, " {} ", op.symbol())?;
            write_child(model, b, 5, f)
        }
        Expr::In {
            negated,
            subject,
            values,
        } => {
            write_child(model, subject, 5, f)?;
            f.write_str(if *negated {
                " is not one of "
            } else {
                " is one of "
            })?;
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                f.write_str(&model.value_text(v))?;
            }
            Ok(())
        }
        Expr::Includes {
            test,
            list,
            subject,
            values,
        } => {
            write_child(model, subject, 5, f)?;
            write!(f, " {} ", test.words(values.len()))?;
            f.write_str(&model.set_names(*list, values).join(", "))
        }
        Expr::Arith(op, a, b) => {
            let (left, right) = match op {
                ArithOp::Add | ArithOp::Sub => (5, 6),
                ArithOp::Mul | ArithOp::Div => (6, 7),
            };
            write_child(model, a, left, f)?;
            write!(f, " {} ", op.symbol())?;
            write_child(model, b, right, f)
        }
        Expr::Neg(a) => {
            f.write_str("-")?;
            write_child(model, a, 7, f)
        }
        Expr::Extremum(which, list) => {
            f.write_str(match which {
                Extremum::Max => "max(",
                Extremum::Min => "min(",
            })?;
            write_list(model, list, ", ", 0, f)?;
            f.write_str(")")
        }
        Expr::Shift(a, n, unit) => {
            write_child(model, a, 5, f)?;
            let sign = if *n < 0 { '-' } else { '+' };
            let word = unit.word();
            // `1 month`, not `1 months`
            let word = match n.unsigned_abs() {
                1 => word.strip_suffix('s').unwrap_or(word),
                _ => word,
            };
            write!(f, " {sign} {} {word}", n.unsigned_abs())
        }
        Expr::DaysFrom(a, b) => {
            f.write_str("days from ")?;
            write_child(model, a, 7, f)?;
            f.write_str(" to ")?;
            write_child(model, b, 7, f)
        }
        Expr::WorkingDaysFrom(a, b) => {
            f.write_str("working days from ")?;
            write_child(model, a, 7, f)?;
            f.write_str(" to ")?;
            write_child(model, b, 7, f)
        }
        Expr::ShiftBy {
            date,
            count,
            unit,
            back,
        } => {
            write_child(model, date, 5, f)?;
            f.write_str(if *back { " - " } else { " + " })?;
            // a count is a name or in parentheses: `n months`, `(n + 2) months`
            match count.as_ref() {
                Expr::Fact(_) | Expr::Derived(_) => write_expr(model, count, f)?,
                _ => {
                    f.write_str("(")?;
                    write_expr(model, count, f)?;
                    f.write_str(")")?;
                }
            }
            write!(f, " {}", unit.word())
        }
        Expr::If(c, a, b) => {
            f.write_str("if ")?;
            write_child(model, c, 1, f)?;
            f.write_str(" then ")?;
            write_child(model, a, 1, f)?;
            f.write_str(" else ")?;
            write_child(model, b, 0, f)
        }
    }
}
