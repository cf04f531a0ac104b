//! The syntax tree: the rulebook as written.
//!
//! Names are strings and every node has a byte [`Span`]; nothing here has been
//! resolved or type-checked. Produced by [`crate::syntax::parse`], consumed by
//! [`crate::check`].

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::source::Span;
use crate::vocab::{ArithOp, CmpOp, Extremum, SetTest, Unit};

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
    /// `calendar cn-mainland`.
    pub calendar: Vec<Ident>,
    /// `currency EUR`: the code as written.
    pub currency: Vec<Ident>,
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
    /// `money`, or `money EUR` (the code as written)
    Money(Option<Ident>),
    /// `date`
    Date,
    /// `text`
    Text,
    /// `one of a, b, c`
    OneOf(Vec<Ident>),
    /// `some of a, b, c` (a set-valued fact)
    SomeOf(Vec<Ident>),
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
    /// Labels of the fact's values: `value online_platform zh "电商平台"`.
    pub value_labels: Vec<ValueLabel>,
}

/// A label of one value of a one-of or set-valued fact.
#[derive(Clone, Debug)]
pub struct ValueLabel {
    /// The value labelled.
    pub value: Ident,
    /// The label, in its language.
    pub label: LangText,
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
    /// Labels by language: `param location: text label zh "所在地"`.
    pub labels: Vec<LangText>,
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
    /// `cite zh "…" en "…"`: the free text by language, as written (empty
    /// for the other forms).
    pub texts: Vec<LangText>,
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
    /// `up to` in an `amount` clause (the amount is a ceiling), where written.
    pub amount_up_to: Vec<Span>,
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
    /// For an exception to several rules (`exception misuse to a, b, c`):
    /// the rules after the first, in the order written.
    pub also_to: Vec<Ident>,
    /// Condition.
    pub condition: Expr,
    /// Remedy (optional for exceptions).
    pub conclusion: Option<Conclusion>,
    /// Amounts.
    pub amount: Vec<Expr>,
    /// `up to` in an `amount` clause (the amount is a ceiling), where written.
    pub amount_up_to: Vec<Span>,
    /// Deadlines.
    pub deadline: Vec<Expr>,
    /// Citations.
    pub cites: Vec<Cite>,
    /// Periods of force.
    pub in_force: Vec<Period>,
    /// Titles by language (`title zh "…"`): how the advice text names it.
    pub titles: Vec<LangText>,
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
    /// `500 yuan`, `40 EUR`, `€40`: the amount and the currency word or
    /// sign as written (`yuan`, `元`, `¥`, `€`, `EUR`)
    Money(Decimal, Ident),
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
    /// `a includes x`, `a includes any of x, y`, `a includes all of x, y`,
    /// `a includes none of x, y`, `a does not include x`
    Includes {
        /// any, all or none of the values
        test: SetTest,
        /// Tested set.
        subject: Box<Expr>,
        /// The values (names).
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
    /// `warranty.months months`, `(n + 2) working days`: a duration whose
    /// count is an expression
    Scaled(Box<Expr>, Unit),
    /// `working days from a to b`
    WorkingDaysFrom(Box<Expr>, Box<Expr>),
    /// `if condition then a else b`
    If(Box<Expr>, Box<Expr>, Box<Expr>),
}

// ------------------------------------------------------------- moving

/// Every span of a node, moved from one place of the text to another: an
/// item parsed at byte `from` and found again, unchanged, at byte `to` (see
/// `workspace::Workspace`). Fields are destructured whole, so a new field with a
/// span does not compile until it moves too.
pub(crate) trait Rebase {
    /// Move every span by `to - from` bytes.
    fn rebase(&mut self, from: usize, to: usize);
}

impl Rebase for Span {
    fn rebase(&mut self, from: usize, to: usize) {
        *self = Span::new(
            self.start.saturating_sub(from) + to,
            self.end.saturating_sub(from) + to,
        );
    }
}

impl<T: Rebase> Rebase for Vec<T> {
    fn rebase(&mut self, from: usize, to: usize) {
        for x in self {
            x.rebase(from, to);
        }
    }
}

impl<T: Rebase> Rebase for Option<T> {
    fn rebase(&mut self, from: usize, to: usize) {
        if let Some(x) = self {
            x.rebase(from, to);
        }
    }
}

impl Rebase for Ident {
    fn rebase(&mut self, from: usize, to: usize) {
        let Ident { text: _, span } = self;
        span.rebase(from, to);
    }
}

impl Rebase for LangText {
    fn rebase(&mut self, from: usize, to: usize) {
        let LangText {
            lang,
            text: _,
            span,
        } = self;
        lang.rebase(from, to);
        span.rebase(from, to);
    }
}

impl Rebase for DateLit {
    fn rebase(&mut self, from: usize, to: usize) {
        let DateLit { date: _, span } = self;
        span.rebase(from, to);
    }
}

impl Rebase for Period {
    fn rebase(&mut self, from: usize, to: usize) {
        let Period {
            from: start,
            until,
            span,
        } = self;
        start.rebase(from, to);
        until.rebase(from, to);
        span.rebase(from, to);
    }
}

impl Rebase for TypeExpr {
    fn rebase(&mut self, from: usize, to: usize) {
        match self {
            TypeExpr::YesNo | TypeExpr::Number | TypeExpr::Date | TypeExpr::Text => {}
            TypeExpr::Money(code) => code.rebase(from, to),
            TypeExpr::OneOf(values) | TypeExpr::SomeOf(values) => values.rebase(from, to),
        }
    }
}

impl Rebase for Cite {
    fn rebase(&mut self, from: usize, to: usize) {
        let Cite {
            law,
            article: _,
            text: _,
            texts,
            span,
        } = self;
        law.rebase(from, to);
        texts.rebase(from, to);
        span.rebase(from, to);
    }
}

impl Rebase for Param {
    fn rebase(&mut self, from: usize, to: usize) {
        let Param {
            name,
            ty,
            ty_span,
            labels,
        } = self;
        name.rebase(from, to);
        ty.rebase(from, to);
        ty_span.rebase(from, to);
        labels.rebase(from, to);
    }
}

impl Rebase for Word {
    fn rebase(&mut self, from: usize, to: usize) {
        let Word {
            text: _,
            quoted: _,
            span,
        } = self;
        span.rebase(from, to);
    }
}

impl Rebase for Conclusion {
    fn rebase(&mut self, from: usize, to: usize) {
        match self {
            Conclusion::Call { name, args, span } => {
                name.rebase(from, to);
                args.rebase(from, to);
                span.rebase(from, to);
            }
            Conclusion::Phrase { words, span } => {
                words.rebase(from, to);
                span.rebase(from, to);
            }
        }
    }
}

impl Rebase for Expr {
    /// Without recursion: an item may hold a thousand operators in a row.
    fn rebase(&mut self, from: usize, to: usize) {
        // room for most conditions without allocating (a re-check moves
        // the spans of every item after an edit)
        let mut stack: smallvec::SmallVec<[&mut Expr; 16]> = smallvec::SmallVec::new();
        stack.push(self);
        while let Some(e) = stack.pop() {
            e.span.rebase(from, to);
            match &mut e.kind {
                ExprKind::Money(_, currency) => currency.rebase(from, to),
                ExprKind::Name(_)
                | ExprKind::Bool(_)
                | ExprKind::Number(_)
                | ExprKind::Date(_)
                | ExprKind::Duration(..)
                | ExprKind::Text(_) => {}
                ExprKind::Not(a) | ExprKind::Neg(a) | ExprKind::Scaled(a, _) => stack.push(a),
                ExprKind::And(list) | ExprKind::Or(list) | ExprKind::Extremum(_, list) => {
                    stack.extend(list.iter_mut());
                }
                ExprKind::Cmp(_, a, b)
                | ExprKind::Arith(_, a, b)
                | ExprKind::DaysFrom(a, b)
                | ExprKind::WorkingDaysFrom(a, b) => {
                    stack.push(a);
                    stack.push(b);
                }
                ExprKind::OneOf {
                    negated: _,
                    subject,
                    choices,
                }
                | ExprKind::Includes {
                    test: _,
                    subject,
                    choices,
                } => {
                    stack.push(subject);
                    stack.extend(choices.iter_mut());
                }
                ExprKind::If(c, a, b) => {
                    stack.push(c);
                    stack.push(a);
                    stack.push(b);
                }
            }
        }
    }
}

impl Rebase for Item {
    fn rebase(&mut self, from: usize, to: usize) {
        match self {
            Item::Header(Header {
                span,
                titles,
                jurisdiction,
                version,
                effective,
                languages,
                as_of,
                calendar,
                currency,
            }) => {
                span.rebase(from, to);
                titles.rebase(from, to);
                jurisdiction.rebase(from, to);
                version.rebase(from, to);
                effective.rebase(from, to);
                languages.rebase(from, to);
                as_of.rebase(from, to);
                calendar.rebase(from, to);
                currency.rebase(from, to);
            }
            Item::Law(Law {
                name,
                titles,
                in_force,
            }) => {
                name.rebase(from, to);
                titles.rebase(from, to);
                in_force.rebase(from, to);
            }
            Item::Fact(Fact {
                name,
                ty,
                ty_span,
                questions,
                labels,
                value_labels,
            }) => {
                name.rebase(from, to);
                ty.rebase(from, to);
                ty_span.rebase(from, to);
                questions.rebase(from, to);
                labels.rebase(from, to);
                for v in value_labels {
                    v.value.rebase(from, to);
                    v.label.rebase(from, to);
                }
            }
            Item::Define(Define { name, expr, labels }) => {
                name.rebase(from, to);
                expr.rebase(from, to);
                labels.rebase(from, to);
            }
            Item::Remedy(Remedy {
                name,
                titles,
                category,
                phrases,
                params,
                amount,
                amount_up_to,
                deadline,
                cites,
            }) => {
                name.rebase(from, to);
                titles.rebase(from, to);
                category.rebase(from, to);
                phrases.rebase(from, to);
                params.rebase(from, to);
                amount.rebase(from, to);
                amount_up_to.rebase(from, to);
                deadline.rebase(from, to);
                cites.rebase(from, to);
            }
            Item::Rule(Rule {
                name,
                exception_to,
                also_to,
                condition,
                conclusion,
                amount,
                amount_up_to,
                deadline,
                cites,
                in_force,
                titles,
            }) => {
                titles.rebase(from, to);
                name.rebase(from, to);
                exception_to.rebase(from, to);
                also_to.rebase(from, to);
                condition.rebase(from, to);
                conclusion.rebase(from, to);
                amount.rebase(from, to);
                amount_up_to.rebase(from, to);
                deadline.rebase(from, to);
                cites.rebase(from, to);
                in_force.rebase(from, to);
            }
        }
    }
}
