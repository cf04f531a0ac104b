//! pest pairs → syntax tree, with literal checks.

use std::sync::Arc;

use jiff::civil::Date;
use pest::iterators::Pair;
use rust_decimal::Decimal;

use super::Rule;
use crate::ast::{
    Cite, Conclusion, DateLit, Define, Expr, ExprKind, Fact, Header, Ident, Item, LangText, Law,
    Param, Period, Remedy, Rule as RuleItem, TypeExpr, ValueLabel, Word,
};
use crate::diagnostic::{Code, Diagnostic, Text};
use crate::source::{SourceFile, Span};
use crate::vocab::{ArithOp, CmpOp, Extremum, SetTest, Unit};

pub(super) struct Lowerer<'a> {
    pub file: &'a Arc<SourceFile>,
    pub offset: usize,
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

type P<'i> = Pair<'i, Rule>;

impl Lowerer<'_> {
    fn span(&self, p: &P<'_>) -> Span {
        let s = p.as_span();
        Span::new(s.start() + self.offset, s.end() + self.offset)
    }

    fn ident(&self, p: &P<'_>) -> Ident {
        Ident {
            text: p.as_str().to_string(),
            span: self.span(p),
        }
    }

    fn invalid(&mut self, span: Span, message: Text, help: Text) {
        self.diagnostics.push(
            Diagnostic::error(Code::InvalidLiteral, message)
                .in_file(self.file)
                .label(span, crate::text!("diag-syntax-this-value"))
                .help(help),
        );
    }

    pub fn item(&mut self, p: P<'_>) -> Option<Item> {
        let inner = p.into_inner().find(|p| p.as_rule() != Rule::EOI)?;
        Some(match inner.as_rule() {
            Rule::header => Item::Header(self.header(inner)),
            Rule::law => Item::Law(self.law(inner)),
            Rule::fact => Item::Fact(self.fact(inner)),
            Rule::define => Item::Define(self.define(inner)),
            Rule::remedy => Item::Remedy(self.remedy(inner)),
            Rule::rule | Rule::exception => Item::Rule(self.rule(inner)),
            _ => return None,
        })
    }

    fn header(&mut self, p: P<'_>) -> Header {
        let mut h = Header::default();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::kw_rulebook => h.span = self.span(&c),
                Rule::title_attr => h.titles.push(self.lang_text(c)),
                Rule::jurisdiction => h.jurisdiction.push(self.lang_text(c)),
                Rule::version => h.version.push(self.lang_text(c)),
                Rule::effective => {
                    if let Some(d) = c.into_inner().find(|c| c.as_rule() == Rule::date) {
                        h.effective.push(self.date(&d));
                    }
                }
                Rule::languages => h.languages.extend(
                    c.into_inner()
                        .filter(|c| c.as_rule() == Rule::lang)
                        .map(|c| self.ident(&c)),
                ),
                Rule::calendar => h.calendar.extend(
                    c.into_inner()
                        .filter(|c| c.as_rule() == Rule::calendar_name)
                        .map(|c| self.ident(&c)),
                ),
                Rule::currency_attr => h.currency.extend(
                    c.into_inner()
                        .filter(|c| c.as_rule() == Rule::currency_code)
                        .map(|c| self.ident(&c)),
                ),
                Rule::as_of => h.as_of.extend(
                    c.into_inner()
                        .filter(|c| c.as_rule() == Rule::name)
                        .map(|c| self.ident(&c)),
                ),
                _ => {}
            }
        }
        h
    }

    /// `title zh "…"`, `label "…"`, `jurisdiction "…"`, `question "…"`, …
    fn lang_text(&mut self, p: P<'_>) -> LangText {
        let span = self.span(&p);
        let mut lang = None;
        let mut text = String::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::lang => lang = Some(self.ident(&c)),
                Rule::string => text = unescape(&c),
                _ => {}
            }
        }
        LangText { lang, text, span }
    }

    fn date(&mut self, p: &P<'_>) -> DateLit {
        let span = self.span(p);
        let date = match p.as_str().parse::<Date>() {
            Ok(d) => d,
            Err(_) => {
                self.invalid(
                    span,
                    crate::text!("diag-syntax-no-such-date", date = p.as_str()),
                    crate::text!("diag-syntax-no-such-date-help"),
                );
                Date::constant(2000, 1, 1)
            }
        };
        DateLit { date, span }
    }

    fn period(&mut self, p: P<'_>) -> Period {
        let span = self.span(&p);
        let mut from = None;
        let mut until = None;
        for c in p.into_inner() {
            let is_from = c.as_rule() == Rule::from_date;
            if is_from || c.as_rule() == Rule::until_date {
                if let Some(d) = c.into_inner().find(|c| c.as_rule() == Rule::date) {
                    let d = self.date(&d);
                    if is_from {
                        from = Some(d);
                    } else {
                        until = Some(d);
                    }
                }
            }
        }
        Period { from, until, span }
    }

    fn law(&mut self, p: P<'_>) -> Law {
        let mut inner = p.into_inner().filter(|c| c.as_rule() != Rule::kw_law);
        let name = inner
            .next()
            .map(|c| self.ident(&c))
            .unwrap_or_else(|| Ident {
                text: String::new(),
                span: Span::default(),
            });
        let mut law = Law {
            name,
            titles: Vec::new(),
            in_force: Vec::new(),
        };
        for c in inner {
            match c.as_rule() {
                Rule::title_attr => law.titles.push(self.lang_text(c)),
                Rule::in_force => law.in_force.push(self.period(c)),
                _ => {}
            }
        }
        law
    }

    fn type_expr(&mut self, p: P<'_>) -> (TypeExpr, Span) {
        let span = self.span(&p);
        let ty = match p.into_inner().next() {
            Some(t) => match t.as_rule() {
                Rule::ty_yes_no => TypeExpr::YesNo,
                Rule::ty_number => TypeExpr::Number,
                Rule::ty_money => TypeExpr::Money(
                    t.into_inner()
                        .find(|c| c.as_rule() == Rule::currency_code)
                        .map(|c| self.ident(&c)),
                ),
                Rule::ty_date => TypeExpr::Date,
                Rule::ty_one_of => TypeExpr::OneOf(
                    t.into_inner()
                        .filter(|c| c.as_rule() == Rule::ident)
                        .map(|c| self.ident(&c))
                        .collect(),
                ),
                Rule::ty_some_of => TypeExpr::SomeOf(
                    t.into_inner()
                        .filter(|c| c.as_rule() == Rule::ident)
                        .map(|c| self.ident(&c))
                        .collect(),
                ),
                _ => TypeExpr::Text,
            },
            None => TypeExpr::Text,
        };
        (ty, span)
    }

    fn fact(&mut self, p: P<'_>) -> Fact {
        let mut fact = Fact {
            name: Ident {
                text: String::new(),
                span: Span::default(),
            },
            ty: TypeExpr::Text,
            ty_span: Span::default(),
            questions: Vec::new(),
            labels: Vec::new(),
            value_labels: Vec::new(),
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::name => fact.name = self.ident(&c),
                Rule::fact_type => (fact.ty, fact.ty_span) = self.type_expr(c),
                Rule::question => fact.questions.push(self.lang_text(c)),
                Rule::label_attr => fact.labels.push(self.lang_text(c)),
                Rule::value_label => {
                    let value = c.clone().into_inner().find(|v| v.as_rule() == Rule::ident);
                    if let Some(value) = value {
                        let value = self.ident(&value);
                        let label = self.lang_text(c);
                        fact.value_labels.push(ValueLabel { value, label });
                    }
                }
                _ => {}
            }
        }
        fact
    }

    fn define(&mut self, p: P<'_>) -> Define {
        let mut name = None;
        let mut expr = None;
        let mut labels = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::ident => name = Some(self.ident(&c)),
                Rule::expr => expr = Some(self.expr(c)),
                Rule::label_attr => labels.push(self.lang_text(c)),
                _ => {}
            }
        }
        let name = name.unwrap_or_else(|| Ident {
            text: String::new(),
            span: Span::default(),
        });
        let expr = expr.unwrap_or(Expr {
            kind: ExprKind::Bool(false),
            span: name.span,
        });
        Define { name, expr, labels }
    }

    fn cite(&mut self, p: P<'_>) -> Cite {
        let span = self.span(&p);
        let mut cite = Cite {
            law: None,
            article: None,
            text: None,
            texts: Vec::new(),
            span,
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::string => cite.text = Some(unescape(&c)),
                Rule::cite_texts => {
                    for t in c.into_inner() {
                        let text = self.lang_text(t);
                        cite.texts.push(text);
                    }
                    // the clause ends with its last text, not with the
                    // white space read after it when looking for another
                    if let Some(last) = cite.texts.last() {
                        cite.span.end = last.span.end;
                    }
                }
                Rule::ident => cite.law = Some(self.ident(&c)),
                Rule::article_ref => {
                    if let Some(a) = c.into_inner().next() {
                        cite.article = Some(if a.as_rule() == Rule::string {
                            unescape(&a)
                        } else {
                            a.as_str().to_string()
                        });
                    }
                }
                _ => {}
            }
        }
        cite
    }

    fn remedy(&mut self, p: P<'_>) -> Remedy {
        let mut r = Remedy {
            name: Ident {
                text: String::new(),
                span: Span::default(),
            },
            titles: Vec::new(),
            category: Vec::new(),
            phrases: Vec::new(),
            params: Vec::new(),
            amount: Vec::new(),
            amount_up_to: Vec::new(),
            deadline: Vec::new(),
            cites: Vec::new(),
        };
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::ident => r.name = self.ident(&c),
                Rule::title_attr => r.titles.push(self.lang_text(c)),
                Rule::category => {
                    if let Some(i) = c.into_inner().find(|c| c.as_rule() == Rule::ident) {
                        r.category.push(self.ident(&i));
                    }
                }
                Rule::phrase_decl => r.phrases.push(self.lang_text(c)),
                Rule::param => {
                    let mut name = None;
                    let mut ty = (TypeExpr::Text, Span::default());
                    let mut labels = Vec::new();
                    for pc in c.into_inner() {
                        match pc.as_rule() {
                            Rule::ident => name = Some(self.ident(&pc)),
                            Rule::fact_type => ty = self.type_expr(pc),
                            Rule::label_attr => labels.push(self.lang_text(pc)),
                            _ => {}
                        }
                    }
                    if let Some(name) = name {
                        r.params.push(Param {
                            name,
                            ty: ty.0,
                            ty_span: ty.1,
                            labels,
                        });
                    }
                }
                Rule::amount => {
                    r.amount_up_to.extend(self.up_to(&c));
                    r.amount.extend(self.attr_expr(c));
                }
                Rule::deadline => r.deadline.extend(self.attr_expr(c)),
                Rule::cite => r.cites.push(self.cite(c)),
                _ => {}
            }
        }
        // (a list grown by pushing holds room for four: most hold one)
        r.titles.shrink_to_fit();
        r.category.shrink_to_fit();
        r.phrases.shrink_to_fit();
        r.params.shrink_to_fit();
        r.cites.shrink_to_fit();
        r
    }

    /// The span of `up to` in an `amount` clause, when written.
    fn up_to(&self, p: &P<'_>) -> Option<Span> {
        p.clone()
            .into_inner()
            .find(|c| c.as_rule() == Rule::up_to)
            .map(|c| self.span(&c))
    }

    fn attr_expr(&mut self, p: P<'_>) -> Option<Expr> {
        p.into_inner()
            .find(|c| c.as_rule() == Rule::expr)
            .map(|c| self.expr(c))
    }

    fn rule(&mut self, p: P<'_>) -> RuleItem {
        let is_exception = p.as_rule() == Rule::exception;
        let mut idents = Vec::new();
        let mut condition = None;
        let mut conclusion = None;
        let mut amount = Vec::new();
        let mut amount_up_to = Vec::new();
        let mut deadline = Vec::new();
        let mut cites = Vec::new();
        let mut in_force = Vec::new();
        let mut titles = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::ident => idents.push(self.ident(&c)),
                Rule::title_attr => titles.push(self.lang_text(c)),
                Rule::expr => condition = Some(self.expr(c)),
                Rule::conclusion => {
                    conclusion = c
                        .into_inner()
                        .find(|c| c.as_rule() != Rule::arrow)
                        .map(|c| self.conclusion(c));
                }
                Rule::amount => {
                    amount_up_to.extend(self.up_to(&c));
                    amount.extend(self.attr_expr(c));
                }
                Rule::deadline => deadline.extend(self.attr_expr(c)),
                Rule::cite => cites.push(self.cite(c)),
                Rule::in_force => in_force.push(self.period(c)),
                _ => {}
            }
        }
        let mut idents = idents.into_iter();
        let name = idents.next().unwrap_or_else(|| Ident {
            text: String::new(),
            span: Span::default(),
        });
        let exception_to = if is_exception { idents.next() } else { None };
        let also_to = tight(idents.collect());
        let condition = condition.unwrap_or(Expr {
            kind: ExprKind::Bool(false),
            span: name.span,
        });
        RuleItem {
            name,
            exception_to,
            also_to,
            condition,
            conclusion,
            amount,
            amount_up_to,
            deadline,
            cites: tight(cites),
            in_force,
            titles,
        }
    }

    fn conclusion(&mut self, p: P<'_>) -> Conclusion {
        let span = self.span(&p);
        if p.as_rule() == Rule::call {
            let mut inner = p.into_inner();
            let name = inner.next().map(|c| self.ident(&c)).unwrap_or(Ident {
                text: String::new(),
                span,
            });
            let args = inner
                .flat_map(|c| c.into_inner())
                .filter(|c| c.as_rule() == Rule::expr)
                .map(|c| self.expr(c))
                .collect();
            return Conclusion::Call { name, args, span };
        }
        let words = p
            .into_inner()
            .map(|w| {
                let text = w.as_str();
                let quoted = text.starts_with('"');
                Word {
                    text: if quoted {
                        unescape_str(text)
                    } else {
                        text.to_string()
                    },
                    quoted,
                    span: self.span(&w),
                }
            })
            .collect();
        Conclusion::Phrase { words, span }
    }

    // ------------------------------------------------------------ expressions

    fn expr(&mut self, mut p: P<'_>) -> Expr {
        // An operand alone at a level of precedence is a rule with one child:
        // go down such chains in a loop, so that only real nesting (a
        // parenthesis, a `not`) recurses, and the nesting limit holds on a
        // small stack.
        while matches!(
            p.as_rule(),
            Rule::expr
                | Rule::or_expr
                | Rule::and_expr
                | Rule::not_expr
                | Rule::comparison
                | Rule::sum
                | Rule::product
                | Rule::unary
        ) {
            let mut inner = p.clone().into_inner();
            match (inner.next(), inner.next()) {
                (Some(only), None) if !matches!(only.as_rule(), Rule::kw_not | Rule::neg) => {
                    p = only;
                }
                _ => break,
            }
        }
        let span = self.span(&p);
        match p.as_rule() {
            Rule::expr => match p.into_inner().next() {
                Some(c) => self.expr(c),
                None => bool_expr(span),
            },
            Rule::or_expr | Rule::and_expr => {
                let is_or = p.as_rule() == Rule::or_expr;
                let mut parts: Vec<Expr> = p
                    .into_inner()
                    .filter(|c| !matches!(c.as_rule(), Rule::kw_or | Rule::kw_and))
                    .map(|c| self.expr(c))
                    .collect();
                parts.shrink_to_fit();
                if parts.len() == 1 {
                    parts.pop().unwrap_or_else(|| bool_expr(span))
                } else if is_or {
                    Expr {
                        kind: ExprKind::Or(parts),
                        span,
                    }
                } else {
                    Expr {
                        kind: ExprKind::And(parts),
                        span,
                    }
                }
            }
            Rule::not_expr => {
                let mut negate = false;
                let mut inner = None;
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::kw_not => negate = true,
                        _ => inner = Some(self.expr(c)),
                    }
                }
                let inner = inner.unwrap_or_else(|| bool_expr(span));
                if negate {
                    Expr {
                        kind: ExprKind::Not(Box::new(inner)),
                        span,
                    }
                } else {
                    inner
                }
            }
            Rule::comparison => self.comparison(p, span),
            Rule::sum | Rule::product => {
                let mut inner = p.into_inner();
                let mut acc = match inner.next() {
                    Some(c) => self.expr(c),
                    None => return bool_expr(span),
                };
                while let (Some(op), Some(rhs)) = (inner.next(), inner.next()) {
                    let op = match op.as_str() {
                        "+" => ArithOp::Add,
                        "-" => ArithOp::Sub,
                        "*" | "×" => ArithOp::Mul,
                        _ => ArithOp::Div,
                    };
                    let rhs = self.expr(rhs);
                    let s = acc.span.to(rhs.span);
                    acc = Expr {
                        kind: ExprKind::Arith(op, Box::new(acc), Box::new(rhs)),
                        span: s,
                    };
                }
                acc
            }
            Rule::unary => {
                let mut negate = false;
                let mut inner = None;
                let mut unit = None;
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::neg => negate = true,
                        Rule::lparen | Rule::rparen => {}
                        Rule::unit => unit = Some((unit_of(c.as_str()), self.span(&c))),
                        _ => inner = Some(self.expr(c)),
                    }
                }
                let mut inner = inner.unwrap_or_else(|| bool_expr(span));
                if let Some((unit, end)) = unit {
                    let s = inner.span.to(end);
                    inner = Expr {
                        kind: ExprKind::Scaled(Box::new(inner), unit),
                        span: s,
                    };
                }
                if negate {
                    Expr {
                        kind: ExprKind::Neg(Box::new(inner)),
                        span,
                    }
                } else {
                    inner
                }
            }
            Rule::function => {
                let mut inner = p.into_inner();
                let which = match inner.next().map(|f| f.as_str().to_string()) {
                    Some(f) if f == "min" => Extremum::Min,
                    _ => Extremum::Max,
                };
                let args = inner
                    .filter(|c| c.as_rule() == Rule::expr)
                    .map(|c| self.expr(c))
                    .collect();
                Expr {
                    kind: ExprKind::Extremum(which, args),
                    span,
                }
            }
            Rule::working_days_from => {
                let mut parts = p
                    .into_inner()
                    .filter(|c| c.as_rule() == Rule::sum)
                    .map(|c| self.expr(c));
                let a = parts.next().unwrap_or_else(|| bool_expr(span));
                let b = parts.next().unwrap_or_else(|| bool_expr(span));
                Expr {
                    kind: ExprKind::WorkingDaysFrom(Box::new(a), Box::new(b)),
                    span,
                }
            }
            Rule::conditional => {
                let mut parts = p
                    .into_inner()
                    .filter(|c| c.as_rule() == Rule::expr)
                    .map(|c| self.expr(c));
                let cond = parts.next().unwrap_or_else(|| bool_expr(span));
                let then = parts.next().unwrap_or_else(|| bool_expr(span));
                let otherwise = parts.next().unwrap_or_else(|| bool_expr(span));
                Expr {
                    kind: ExprKind::If(Box::new(cond), Box::new(then), Box::new(otherwise)),
                    span,
                }
            }
            Rule::days_from => {
                let mut parts = p
                    .into_inner()
                    .filter(|c| c.as_rule() == Rule::sum)
                    .map(|c| self.expr(c));
                let a = parts.next().unwrap_or_else(|| bool_expr(span));
                let b = parts.next().unwrap_or_else(|| bool_expr(span));
                Expr {
                    kind: ExprKind::DaysFrom(Box::new(a), Box::new(b)),
                    span,
                }
            }
            Rule::date => {
                let d = self.date(&p);
                Expr {
                    kind: ExprKind::Date(d.date),
                    span,
                }
            }
            Rule::duration => {
                let mut count = 0i64;
                let mut unit = Unit::Days;
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::number => {
                            let d = self.decimal(&c);
                            count = match i64::try_from(d) {
                                Ok(n) if d.fract().is_zero() && n <= 100_000 => n,
                                _ => {
                                    let s = self.span(&c);
                                    self.invalid(
                                        s,
                                        crate::text!(
                                            "diag-syntax-duration-count",
                                            number = c.as_str()
                                        ),
                                        crate::text!("diag-syntax-duration-count-help"),
                                    );
                                    0
                                }
                            };
                        }
                        Rule::unit => unit = unit_of(c.as_str()),
                        _ => {}
                    }
                }
                Expr {
                    kind: ExprKind::Duration(count, unit),
                    span,
                }
            }
            Rule::money => {
                let mut amount = Decimal::default();
                let mut currency = Ident {
                    text: "yuan".to_string(),
                    span,
                };
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::digits => amount = self.decimal(&c),
                        Rule::yen | Rule::currency => currency = self.ident(&c),
                        _ => {}
                    }
                }
                Expr {
                    kind: ExprKind::Money(amount, currency),
                    span,
                }
            }
            Rule::number => Expr {
                kind: ExprKind::Number(self.decimal(&p)),
                span,
            },
            Rule::boolean => Expr {
                kind: ExprKind::Bool(p.as_str() == "yes"),
                span,
            },
            Rule::string => Expr {
                kind: ExprKind::Text(unescape(&p)),
                span,
            },
            Rule::name | Rule::ident => Expr {
                kind: ExprKind::Name(p.as_str().to_string()),
                span,
            },
            Rule::choice => match p.into_inner().next() {
                Some(c) => self.expr(c),
                None => bool_expr(span),
            },
            _ => bool_expr(span),
        }
    }

    fn decimal(&mut self, p: &P<'_>) -> Decimal {
        match Decimal::from_str_exact(p.as_str()) {
            Ok(d) => d,
            Err(_) => {
                let span = self.span(p);
                self.invalid(
                    span,
                    crate::text!("diag-syntax-decimal", number = p.as_str()),
                    crate::text!("diag-syntax-decimal-help"),
                );
                Decimal::ZERO
            }
        }
    }

    fn comparison(&mut self, p: P<'_>, span: Span) -> Expr {
        let mut inner = p.into_inner();
        let lhs = match inner.next() {
            Some(c) => self.expr(c),
            None => return bool_expr(span),
        };
        let Some(next) = inner.next() else {
            return lhs;
        };
        match next.as_rule() {
            Rule::one_of_test => {
                let mut negated = false;
                let mut choices = Vec::new();
                for c in next.into_inner() {
                    match c.as_rule() {
                        Rule::negation => negated = true,
                        Rule::choice => choices.push(self.expr(c)),
                        _ => {}
                    }
                }
                Expr {
                    kind: ExprKind::OneOf {
                        negated,
                        subject: Box::new(lhs),
                        choices: tight(choices),
                    },
                    span,
                }
            }
            Rule::includes_test | Rule::excludes_test => {
                let mut test = if next.as_rule() == Rule::excludes_test {
                    SetTest::None
                } else {
                    SetTest::Any
                };
                let mut choices = Vec::new();
                for c in next.into_inner() {
                    match c.as_rule() {
                        Rule::set_quantifier => {
                            test = match c.as_str() {
                                "all" => SetTest::All,
                                "none" => SetTest::None,
                                _ => SetTest::Any,
                            }
                        }
                        Rule::choice => choices.push(self.expr(c)),
                        _ => {}
                    }
                }
                Expr {
                    kind: ExprKind::Includes {
                        test,
                        subject: Box::new(lhs),
                        choices: tight(choices),
                    },
                    span,
                }
            }
            Rule::is_test => {
                let mut negated = false;
                let mut rhs = None;
                for c in next.into_inner() {
                    match c.as_rule() {
                        Rule::negation => negated = true,
                        Rule::sum => rhs = Some(self.expr(c)),
                        _ => {}
                    }
                }
                let rhs = rhs.unwrap_or_else(|| bool_expr(span));
                let op = if negated { CmpOp::Ne } else { CmpOp::Eq };
                Expr {
                    kind: ExprKind::Cmp(op, Box::new(lhs), Box::new(rhs)),
                    span,
                }
            }
            _ => {
                let op = match next.as_str() {
                    "=" => CmpOp::Eq,
                    "!=" | "≠" => CmpOp::Ne,
                    "<" => CmpOp::Lt,
                    "<=" | "≤" => CmpOp::Le,
                    ">" => CmpOp::Gt,
                    _ => CmpOp::Ge,
                };
                let rhs = match inner.next() {
                    Some(c) => self.expr(c),
                    None => bool_expr(span),
                };
                Expr {
                    kind: ExprKind::Cmp(op, Box::new(lhs), Box::new(rhs)),
                    span,
                }
            }
        }
    }
}

fn bool_expr(span: Span) -> Expr {
    Expr {
        kind: ExprKind::Bool(false),
        span,
    }
}

/// The text of a `string` pair without quotes, with `\"`, `\\`, `\n`, `\t` resolved.
fn unescape(p: &P<'_>) -> String {
    unescape_str(p.as_str())
}

fn unescape_str(raw: &str) -> String {
    let raw = raw.strip_prefix('"').unwrap_or(raw);
    let raw = raw.strip_suffix('"').unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The unit a `unit` of the grammar names.
fn unit_of(text: &str) -> Unit {
    match text {
        "day" | "days" => Unit::Days,
        "week" | "weeks" => Unit::Weeks,
        "month" | "months" => Unit::Months,
        t if t.starts_with("working") => Unit::WorkingDays,
        _ => Unit::Years,
    }
}

/// `v` without room for more: a tree keeps thousands of short lists, which
/// pushing leaves with room for four.
fn tight<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}
