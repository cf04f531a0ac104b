//! The syntax tree: the rulebook as written.
//!
//! Names are strings and every node has a byte [`Span`]; nothing here has been
//! resolved or type-checked. Produced by [`crate::syntax::parse`], consumed by
//! [`crate::check`].

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::source::Span;
use crate::vocab::{ArithOp, CmpOp, Extremum, Unit};

/// A name as written, with where.
#[derive(Clone, Debug)]
pub struct Ident {
    /// The text (dotted for facts: `operator.location`).
    pub text: String,
    /// Where.
    pub span: Span,
}

/// A string in a given language (`title zh "…"`), or in none.
#[derive(Clone, Debug)]
pub struct LangText {
    /// `zh`, `en`, … when given.
    pub lang: Option<Ident>,
    /// The text without quotes, escapes resolved.
    pub text: String,
    /// The whole attribute.
    pub span: Span,
}

/// A date with where it was written.
#[derive(Clone, Copy, Debug)]
pub struct DateLit {
    /// The date.
    pub date: Date,
    /// Where.
    pub span: Span,
}

/// A whole rulebook.
#[derive(Clone, Debug, Default)]
pub struct Rulebook {
    /// Items in the order written.
    pub items: Vec<Item>,
}

/// One top-level item.
#[derive(Clone, Debug)]
pub enum Item {
    /// `rulebook …`
    Header(Header),
    /// `law …`
    Law(Law),
    /// `fact …`
    Fact(Fact),
    /// `define …`
    Define(Define),
    /// `remedy …`
    Remedy(Remedy),
    /// `rule …` or `exception … to …`
    Rule(Rule),
}

/// The rulebook header.
#[derive(Clone, Debug, Default)]
pub struct Header {
    /// The `rulebook` keyword.
    pub span: Span,
    /// Titles.
    pub titles: Vec<LangText>,
    /// `jurisdiction "CN"`.
    pub jurisdiction: Vec<LangText>,
    /// `version "1.0"`.
    pub version: Vec<LangText>,
    /// `effective 2024-07-01`.
    pub effective: Vec<DateLit>,
    /// `languages zh, en`.
    pub languages: Vec<Ident>,
    /// `as of dispute.date`.
    pub as_of: Vec<Ident>,
}

/// A period of force: `in force from … until …` (both ends inclusive).
#[derive(Clone, Debug)]
pub struct Period {
    /// First day in force.
    pub from: Option<DateLit>,
    /// Last day in force.
    pub until: Option<DateLit>,
    /// The whole clause.
    pub span: Span,
}

/// A declared law, for citations.
#[derive(Clone, Debug)]
pub struct Law {
    /// Its short id.
    pub name: Ident,
    /// Titles by language.
    pub titles: Vec<LangText>,
    /// When it is in force.
    pub in_force: Vec<Period>,
}

/// A type as written.
#[derive(Clone, Debug)]
pub enum TypeExpr {
    /// `yes/no`
    YesNo,
    /// `number`
    Number,
    /// `money`
    Money,
    /// `date`
    Date,
    /// `text`
    Text,
    /// `one of a, b, c`
    OneOf(Vec<Ident>),
}

/// A fact the case supplies.
#[derive(Clone, Debug)]
pub struct Fact {
    /// Dotted name.
    pub name: Ident,
    /// Type.
    pub ty: TypeExpr,
    /// Where the type is written.
    pub ty_span: Span,
    /// Question texts.
    pub questions: Vec<LangText>,
    /// Labels by language.
    pub labels: Vec<LangText>,
}

/// A derived fact: `define name as expr`.
#[derive(Clone, Debug)]
pub struct Define {
    /// Name.
    pub name: Ident,
    /// Definition.
    pub expr: Expr,
    /// Labels by language.
    pub labels: Vec<LangText>,
}

/// A parameter of a remedy.
#[derive(Clone, Debug)]
pub struct Param {
    /// Name.
    pub name: Ident,
    /// Type.
    pub ty: TypeExpr,
    /// Where the type is written.
    pub ty_span: Span,
}

/// A citation.
#[derive(Clone, Debug)]
pub struct Cite {
    /// `cite crpl …`: the law's id.
    pub law: Option<Ident>,
    /// `article 25(1)`.
    pub article: Option<String>,
    /// `cite "free text"`.
    pub text: Option<String>,
    /// Whole clause.
    pub span: Span,
}

/// A remedy in the catalogue.
#[derive(Clone, Debug)]
pub struct Remedy {
    /// Stable id.
    pub name: Ident,
    /// Titles by language.
    pub titles: Vec<LangText>,
    /// Category.
    pub category: Vec<Ident>,
    /// Phrase templates.
    pub phrases: Vec<LangText>,
    /// Parameters.
    pub params: Vec<Param>,
    /// Default amount.
    pub amount: Vec<Expr>,
    /// Default deadline.
    pub deadline: Vec<Expr>,
    /// Citations.
    pub cites: Vec<Cite>,
}

/// A word of a remedy phrase in a rule.
#[derive(Clone, Debug)]
pub struct Word {
    /// The word (for a quoted word, the text inside the quotes).
    pub text: String,
    /// True for `"quoted"` words.
    pub quoted: bool,
    /// Where.
    pub span: Span,
}

/// What a rule concludes.
#[derive(Clone, Debug)]
pub enum Conclusion {
    /// `remedy_id(arg, …)`
    Call {
        /// Remedy id.
        name: Ident,
        /// Arguments.
        args: Vec<Expr>,
        /// Whole call.
        span: Span,
    },
    /// `forward to association at operator location`
    Phrase {
        /// The words.
        words: Vec<Word>,
        /// Whole phrase.
        span: Span,
    },
}

impl Conclusion {
    /// Where it is written.
    pub fn span(&self) -> Span {
        match self {
            Conclusion::Call { span, .. } | Conclusion::Phrase { span, .. } => *span,
        }
    }
}

/// A rule, or an exception to a rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Name.
    pub name: Ident,
    /// For an exception: the rule it is an exception to.
    pub exception_to: Option<Ident>,
    /// Condition.
    pub condition: Expr,
    /// Remedy (optional for exceptions).
    pub conclusion: Option<Conclusion>,
    /// Amounts.
    pub amount: Vec<Expr>,
    /// Deadlines.
    pub deadline: Vec<Expr>,
    /// Citations.
    pub cites: Vec<Cite>,
    /// Periods of force.
    pub in_force: Vec<Period>,
}

/// An expression with its span.
#[derive(Clone, Debug)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where.
    pub span: Span,
}

/// Expression forms.
#[derive(Clone, Debug)]
pub enum ExprKind {
    /// A fact, derived fact or (in context) a one-of value.
    Name(String),
    /// `yes` / `no`
    Bool(bool),
    /// `42`, `2.5`
    Number(Decimal),
    /// `500 yuan`
    Money(Decimal),
    /// `2024-07-01`
    Date(Date),
    /// `7 days`
    Duration(i64, Unit),
    /// `"text"`
    Text(String),
    /// `not a`
    Not(Box<Expr>),
    /// `a and b and …`
    And(Vec<Expr>),
    /// `a or b or …`
    Or(Vec<Expr>),
    /// `a < b`, `a is b`, …
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    /// `a is one of x, y` (negated: `is not one of`)
    OneOf {
        /// `is not one of`
        negated: bool,
        /// Tested value.
        subject: Box<Expr>,
        /// The choices (names or strings).
        choices: Vec<Expr>,
    },
    /// `a + b`, …
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    /// `-a`
    Neg(Box<Expr>),
    /// `max(a, b, …)` / `min(…)`
    Extremum(Extremum, Vec<Expr>),
    /// `days from a to b`
    DaysFrom(Box<Expr>, Box<Expr>),
}
