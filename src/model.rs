//! The checked rulebook: names resolved to ids, expressions typed.
//!
//! Produced by [`crate::check`] only when the rulebook has no errors;
//! consumed by [`crate::graph`]. Vectors are in declaration order, and ids
//! index them.

use jiff::civil::Date;

use crate::value::{Type, Value};
use crate::vocab::{ArithOp, CmpOp, Extremum, Unit};

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
    /// Free text.
    pub text: Option<String>,
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
    /// Default amount.
    pub amount: Option<Expr>,
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
    /// The condition, including the period of force.
    pub condition: Expr,
    /// The remedy, if any.
    pub conclusion: Option<Conclusion>,
    /// Amount (the rule's, else the remedy's).
    pub amount: Option<Expr>,
    /// Deadline (the rule's, else the remedy's).
    pub deadline: Option<Expr>,
    /// Citations of the rule.
    pub cites: Vec<Citation>,
    /// In force from/until.
    pub period: Option<(Option<Date>, Option<Date>)>,
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
}

/// A whole checked rulebook.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// Header.
    pub header: Header,
    /// Laws.
    pub laws: Vec<Law>,
    /// One-of value lists.
    pub one_ofs: Vec<Vec<String>>,
    /// Facts.
    pub facts: Vec<Fact>,
    /// Derived facts.
    pub derived: Vec<Derived>,
    /// Remedies.
    pub remedies: Vec<Remedy>,
    /// Rules and exceptions.
    pub rules: Vec<Rule>,
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
            Value::Bool(b) => Cow::Borrowed(if *b { "yes" } else { "no" }),
            Value::Money(m) => Cow::Owned(format!("{} yuan", crate::value::format_money(*m))),
        }
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
