//! Resolving and typing expressions.

use crate::ast::{self, ExprKind};
use crate::calendar::{Calendar, CalendarError};
use crate::diagnostic::{Code, Text};
use crate::model::Expr;
use crate::source::Span;
use crate::text;
use crate::value::{OneOfId, Type, Value};
use crate::vocab::{ArithOp, CmpOp, Extremum, SetTest, Unit};

use super::{Checker, ValueName};

type Typed = Option<(Expr, Type)>;

impl Checker<'_> {
    /// A type's name with its article, for "this is …" (`a number`,
    /// `money`, `a one-of value (food, toys)`).
    fn a_type(&self, ty: Type) -> Text {
        let values = |id: OneOfId| {
            let values = self.model.one_of_values(id);
            (
                crate::diagnostic::Arg::list(values.iter().take(4)),
                values.len() > 4,
            )
        };
        match ty {
            Type::Money(c) if c != self.model.header.currency => {
                text!("diag-type-a-money-in", currency = c.to_string())
            }
            Type::Money(_) => text!("diag-type-money"),
            Type::Text => text!("diag-type-text"),
            Type::Bool => text!("diag-type-a-yes-no"),
            Type::Number => text!("diag-type-a-number"),
            Type::Date => text!("diag-type-a-date"),
            Type::Duration => text!("diag-type-a-duration"),
            Type::OneOf(id) => match values(id) {
                (list, false) => text!("diag-type-a-one-of-values", values = list),
                (list, true) => text!("diag-type-a-one-of-values-more", values = list),
            },
            Type::Set(id) => match values(id) {
                (list, false) => text!("diag-type-a-some-of-values", values = list),
                (list, true) => text!("diag-type-a-some-of-values-more", values = list),
            },
        }
    }

    /// Resolve and type an expression. `hint` is the type a bare name should
    /// be read against (a one-of type lets `custom_made` name a value).
    pub(crate) fn expr(&mut self, e: &ast::Expr, hint: Option<Type>) -> Typed {
        if self.expr_depth >= self.limits.check_depth {
            if !self.too_deep_reported {
                self.too_deep_reported = true;
                self.error(
                    Code::LimitExceeded,
                    text!(
                        "diag-check-nested-too-deep",
                        limit = self.limits.check_depth.to_string()
                    ),
                )
                .label(e.span, text!("diag-check-nested-too-deep-label"))
                .help(text!("diag-check-too-deep-help"))
                .emit();
            }
            return None;
        }
        self.expr_depth += 1;
        let typed = self.expr_inner(e, hint);
        self.expr_depth -= 1;
        typed
    }

    fn expr_inner(&mut self, e: &ast::Expr, hint: Option<Type>) -> Typed {
        // Every arm but the smallest calls a method of its own: in a debug
        // build each arm's locals would otherwise add to this frame, which
        // every level of a nested expression pays (2 MiB threads must hold
        // the checker's 600 levels).
        match &e.kind {
            ExprKind::Name(name) => self.name(name, e, hint),
            ExprKind::Bool(b) => Some((Expr::Const(Value::Bool(*b)), Type::Bool)),
            ExprKind::Number(n) => Some((Expr::Const(Value::Number(*n)), Type::Number)),
            ExprKind::Money(m, word) => {
                let c = self.currency(word)?;
                Some((Expr::Const(Value::Money(*m, c)), Type::Money(c)))
            }
            ExprKind::Date(d) => Some((Expr::Const(Value::Date(*d)), Type::Date)),
            ExprKind::Text(t) => self.text(t, e, hint),
            ExprKind::Duration(..) => Some((Expr::Const(Value::Bool(false)), Type::Duration)),
            ExprKind::Not(inner) => {
                let inner = self.boolean(inner, text!("diag-check-keyword", word = "`not`"))?;
                Some((Expr::Not(Box::new(inner)), Type::Bool))
            }
            ExprKind::And(parts) | ExprKind::Or(parts) => self.and_or(e, parts),
            ExprKind::Cmp(op, a, b) => self.compare(*op, a, b, e),
            ExprKind::OneOf {
                negated,
                subject,
                choices,
            } => self.one_of(*negated, subject, choices),
            ExprKind::Includes {
                test,
                subject,
                choices,
            } => self.includes(*test, subject, choices),
            ExprKind::Arith(op, a, b) => self.arith(*op, a, b),
            ExprKind::Neg(inner) => self.neg(inner),
            ExprKind::Extremum(which, args) => self.extremum(*which, args),
            ExprKind::DaysFrom(a, b) => {
                let x = self.dated(a)?;
                let y = self.dated(b)?;
                Some((Expr::DaysFrom(Box::new(x), Box::new(y)), Type::Number))
            }
            ExprKind::If(c, a, b) => self.conditional(c, a, b, hint),
            ExprKind::Scaled(count, unit) => self.scaled(e, count, *unit),
            ExprKind::WorkingDaysFrom(a, b) => self.working_days_from(e, a, b),
        }
    }

    /// `a and b and …`, `a or b or …`.
    #[inline(never)]
    fn and_or(&mut self, e: &ast::Expr, parts: &[ast::Expr]) -> Typed {
        let word = if matches!(e.kind, ExprKind::And(_)) {
            "`and`"
        } else {
            "`or`"
        };
        let mut out = Vec::new();
        let mut ok = true;
        for p in parts {
            match self.boolean(p, text!("diag-check-keyword", word = word)) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        let expr = if matches!(e.kind, ExprKind::And(_)) {
            Expr::And(out)
        } else {
            Expr::Or(out)
        };
        Some((expr, Type::Bool))
    }

    /// `-a`.
    #[inline(never)]
    fn neg(&mut self, inner: &ast::Expr) -> Typed {
        let (x, ty) = self.expr(inner, None)?;
        if !matches!(ty, Type::Number | Type::Money(_)) {
            let found = self.type_name(ty);
            self.error(
                Code::TypeMismatch,
                text!("diag-check-negative", found = found.clone()),
            )
            .label(inner.span, text!("diag-check-this-is", found = found))
            .help(text!("diag-check-negative-help"))
            .emit();
            return None;
        }
        Some((Expr::Neg(Box::new(x)), ty))
    }

    /// `max(…)`, `min(…)`.
    #[inline(never)]
    fn extremum(&mut self, which: Extremum, args: &[ast::Expr]) -> Typed {
        let word = match which {
            Extremum::Max => "max",
            Extremum::Min => "min",
        };
        let mut out = Vec::new();
        let mut first: Option<(Type, &ast::Expr)> = None;
        let mut ok = true;
        for a in args {
            let Some((x, ty)) = self.expr(a, first.map(|f| f.0)) else {
                ok = false;
                continue;
            };
            if !ty.is_ordered() {
                let found = self.type_name(ty);
                let help = text!(
                    "diag-check-extremum-help",
                    word = word,
                    amount = self.example_amount()
                );
                self.error(
                    Code::TypeMismatch,
                    text!("diag-check-extremum", word = word, found = found.clone()),
                )
                .label(a.span, text!("diag-check-this-is", found = found))
                .help(help)
                .emit();
                ok = false;
                continue;
            }
            match first {
                None => first = Some((ty, a)),
                Some((t0, a0)) if t0 != ty => {
                    let what = text!("diag-check-cannot-mix", word = format!("`{word}`"));
                    self.mismatch(what, t0, a0, ty, a);
                    ok = false;
                }
                Some(_) => {}
            }
            out.push(x);
        }
        let ty = first.map(|f| f.0)?;
        ok.then_some((Expr::Extremum(which, out), ty))
    }

    /// `n months`, `(n + 2) working days`: a duration whose count is an
    /// expression.
    #[inline(never)]
    fn scaled(&mut self, e: &ast::Expr, count: &ast::Expr, unit: Unit) -> Typed {
        // a duration's typed expression is its count (see `arith`)
        let (x, ty) = self.expr(count, None)?;
        if ty != Type::Number {
            let found = self.a_type(ty);
            self.error(
                Code::TypeMismatch,
                text!("diag-check-duration-count", found = found.clone()),
            )
            .label(count.span, text!("diag-check-this-is", found = found))
            .help(text!(
                "diag-check-duration-count-help",
                unit = unit.name_text()
            ))
            .emit();
            return None;
        }
        if unit == Unit::WorkingDays {
            self.working_days_calendar(e.span)?;
        }
        Some((x, Type::Duration))
    }

    /// `working days from a to b`.
    #[inline(never)]
    fn working_days_from(&mut self, e: &ast::Expr, a: &ast::Expr, b: &ast::Expr) -> Typed {
        let x = self.dated(a);
        let y = self.dated(b);
        let calendar = self.working_days_calendar(e.span);
        let (x, y, calendar) = (x?, y?, calendar?);
        for (d, side) in [(&x, a), (&y, b)] {
            if let Expr::Const(Value::Date(d)) = d
                && !calendar.covers(*d)
            {
                self.outside_calendar(calendar, side.span, Text::from(d.to_string()));
            }
        }
        Some((
            Expr::WorkingDaysFrom(Box::new(x), Box::new(y)),
            Type::Number,
        ))
    }

    /// The calendar working days count on; without one in the header, an
    /// error at `span`.
    fn working_days_calendar(&mut self, span: crate::source::Span) -> Option<Calendar> {
        if let Some(c) = self.model.header.calendar {
            return Some(c);
        }
        let named = self
            .ast
            .items
            .iter()
            .any(|i| matches!(i, ast::Item::Header(h) if !h.calendar.is_empty()));
        if !named {
            self.error(Code::NoCalendar, text!("diag-check-no-calendar-named"))
                .label(span, text!("diag-check-no-calendar-named-label"))
                .help(text!("diag-check-no-calendar-named-help"))
                .emit();
        }
        None
    }

    fn outside_calendar(&mut self, calendar: Calendar, span: crate::source::Span, what: Text) {
        let years = || match calendar.years() {
            Some((a, b)) => text!(
                "diag-check-calendar-years",
                from = a.to_string(),
                until = b.to_string()
            ),
            None => Text::from(""),
        };
        self.error(
            Code::OutsideCalendar,
            text!(
                "diag-check-outside-calendar",
                calendar = calendar.name(),
                years = years(),
                what = what
            ),
        )
        .label(span, text!("diag-check-outside-calendar-label"))
        .help(text!("diag-check-outside-calendar-help", years = years()))
        .emit();
    }

    /// `date ± count unit` with a count expression; working days on the
    /// calendar, a literal date checked against its years.
    fn shift_by(
        &mut self,
        date: Expr,
        count: Expr,
        unit: Unit,
        back: bool,
        whole: crate::source::Span,
        count_ast: &ast::Expr,
    ) -> Typed {
        if let (ExprKind::Scaled(inner, _), Expr::Fact(f)) = (&count_ast.kind, &count)
            && matches!(inner.kind, ExprKind::Name(_))
            && !self.model.counts.iter().any(|(g, _)| g == f)
        {
            self.model.counts.push((*f, unit));
            self.model.counts.sort_unstable_by_key(|(g, _)| *g);
        }
        if unit == Unit::WorkingDays
            && let (Some(calendar), Expr::Const(Value::Date(d))) =
                (self.model.header.calendar, &date)
        {
            // a count written out in parentheses, `(7) working days`, is
            // counted here as the literal form is
            let written = match &count {
                Expr::Const(Value::Number(n)) if n.fract().is_zero() => i64::try_from(*n).ok(),
                _ => None,
            };
            match written {
                Some(n) => self.literal_working_days(&date, if back { -n } else { n }, whole),
                None if !calendar.covers(*d) => {
                    self.outside_calendar(calendar, whole, Text::from(d.to_string()));
                }
                None => {}
            }
        }
        Some((
            Expr::ShiftBy {
                date: Box::new(date),
                count: Box::new(count),
                unit,
                back,
            },
            Type::Date,
        ))
    }

    /// `date ± n working days` with literals: a date the calendar does not
    /// cover, or a result outside its years, is an error here.
    fn literal_working_days(&mut self, date: &Expr, n: i64, whole: crate::source::Span) {
        let (Some(calendar), Expr::Const(Value::Date(d))) = (self.model.header.calendar, date)
        else {
            return;
        };
        match calendar.add_working_days(*d, n) {
            Ok(_) => {}
            Err(CalendarError::OutsideYears { what, .. }) => {
                self.outside_calendar(calendar, whole, what.text());
            }
            Err(e @ (CalendarError::OutsideDates { .. } | CalendarError::Data(_))) => {
                self.error(Code::OutsideCalendar, e.text())
                    .label(whole, text!("diag-check-outside-dates-label"))
                    .help(text!("diag-check-outside-dates-help"))
                    .emit();
            }
        }
    }

    /// `if c then a else b`: the condition is yes/no, and both branches are
    /// checked (even when one fails) and must have one type.
    fn conditional(
        &mut self,
        c: &ast::Expr,
        a: &ast::Expr,
        b: &ast::Expr,
        hint: Option<Type>,
    ) -> Typed {
        let cond = self.boolean(c, text!("diag-check-if-condition"));
        let then = self.expr(a, hint);
        let otherwise = self.expr(b, then.as_ref().map(|t| t.1).or(hint));
        let (cond, (x, ta), (y, tb)) = (cond?, then?, otherwise?);
        if ta != tb {
            self.mismatch(text!("diag-check-if-branches-mix"), ta, a, tb, b);
            return None;
        }
        if ta == Type::Duration {
            self.error(Code::TypeMismatch, text!("diag-check-if-durations"))
                .label(a.span.to(b.span), text!("diag-check-if-durations-label"))
                .help(text!("diag-check-if-durations-help"))
                .emit();
            return None;
        }
        Some((Expr::If(Box::new(cond), Box::new(x), Box::new(y)), ta))
    }

    fn dated(&mut self, e: &ast::Expr) -> Option<Expr> {
        let (x, ty) = self.expr(e, None)?;
        if ty != Type::Date {
            let found = self.type_name(ty);
            self.error(
                Code::TypeMismatch,
                text!("diag-check-days-from", found = found.clone()),
            )
            .label(e.span, text!("diag-check-this-is", found = found))
            .help(text!("diag-check-days-from-help"))
            .emit();
            return None;
        }
        Some(x)
    }

    fn boolean(&mut self, e: &ast::Expr, word: Text) -> Option<Expr> {
        let (x, ty) = self.expr(e, None)?;
        if ty != Type::Bool {
            let found = self.type_name(ty);
            let help = match ty {
                Type::Text => text!("diag-check-boolean-text-help"),
                Type::OneOf(_) => text!("diag-check-boolean-one-of-help"),
                Type::Set(_) => text!("diag-check-boolean-some-of-help"),
                Type::Money(_) | Type::Number => {
                    text!(
                        "diag-check-boolean-amount-help",
                        amount = self.example_amount()
                    )
                }
                Type::Date => text!("diag-check-boolean-date-help"),
                _ => text!("diag-check-boolean-help"),
            };
            self.error(
                Code::TypeMismatch,
                text!("diag-check-boolean", word = word, found = found.clone()),
            )
            .label(e.span, text!("diag-check-boolean-label", found = found))
            .help(help)
            .emit();
            return None;
        }
        Some(x)
    }

    fn name(&mut self, name: &str, e: &ast::Expr, hint: Option<Type>) -> Typed {
        // After `is` (or `=`) with a one-of fact, a value of that fact is
        // read as the value, even when a fact or derived fact has its name
        // (the declaration warns about the clash).
        if let Some(Type::OneOf(set)) = hint
            && self.model.one_of_values(set).iter().any(|v| v == name)
        {
            return self.choice(set, name, e);
        }
        if let Some(found) = self.values.get(name).copied() {
            return match found {
                ValueName::Fact(f) => {
                    if let Some(u) = self.used_facts.get_mut(f.index()) {
                        *u = true;
                    }
                    let ty = self.model.facts.get(f.index())?.ty;
                    Some((Expr::Fact(f), ty))
                }
                ValueName::Derived(d) => {
                    let ty = self.derived(d)?;
                    Some((Expr::Derived(d), ty))
                }
            };
        }
        if let Some(Type::OneOf(set)) = hint {
            return self.choice(set, name, e);
        }
        let meant =
            crate::diagnostic::did_you_mean(name, self.value_order.iter().map(String::as_str))
                .map(str::to_string);
        let help = meant
            .as_deref()
            .map(|c| text!("diag-did-you-mean", name = c))
            .unwrap_or_else(|| text!("diag-check-undefined-fact-help", name = name));
        self.error(
            Code::UndefinedFact,
            text!("diag-check-undefined-fact", name = name),
        )
        .label(e.span, text!("diag-check-undefined-fact-label"))
        .help(help)
        .meant(e.span, meant)
        .emit();
        None
    }

    /// A one-of value by name.
    fn choice(&mut self, set: OneOfId, name: &str, e: &ast::Expr) -> Typed {
        let values = self.model.one_of_values(set).to_vec();
        if let Some(i) = values.iter().position(|v| v == name) {
            return Some((
                Expr::Const(Value::Choice(set, super::id32(i))),
                Type::OneOf(set),
            ));
        }
        let meant = crate::diagnostic::did_you_mean(name, values.iter().map(String::as_str))
            .map(str::to_string);
        let help = meant
            .as_deref()
            .map(|c| text!("diag-did-you-mean", name = c))
            .unwrap_or_else(|| {
                text!(
                    "diag-check-values-are",
                    list = crate::diagnostic::Arg::list(&values)
                )
            });
        self.error(
            Code::UndefinedValue,
            text!("diag-check-not-a-value-here", name = name),
        )
        .label(e.span, text!("diag-check-not-a-value-label"))
        .help(help)
        .meant(e.span, meant)
        .emit();
        None
    }

    fn text(&mut self, t: &str, e: &ast::Expr, hint: Option<Type>) -> Typed {
        if let Some(Type::OneOf(set)) = hint {
            return self.choice(set, t, e);
        }
        Some((Expr::Const(Value::Text(t.into())), Type::Text))
    }

    fn mismatch(&mut self, what: Text, ta: Type, a: &ast::Expr, tb: Type, b: &ast::Expr) {
        // A date written wrongly reads as arithmetic (`2001-11-5` is 1985):
        // say it is a malformed date, not a number.
        let number = match (ta, tb) {
            (Type::Date, Type::Number) => Some(b),
            (Type::Number, Type::Date) => Some(a),
            _ => None,
        };
        let file = self.file;
        if let Some(number) = number
            && let Some(found) = crate::syntax::malformed_date(file.slice(number.span))
                .filter(|f| f.len == number.span.len())
        {
            let mut d = self
                .error(Code::TypeMismatch, found.message.clone())
                .label(number.span, text!("diag-check-reads-as-number"))
                .help(found.help());
            if let Some(meant) = found.meant {
                d = d.fix(
                    number.span,
                    meant.clone(),
                    text!("diag-check-write", name = &meant),
                );
            }
            d.emit();
            return;
        }
        if let (Type::Money(x), Type::Money(y)) = (ta, tb)
            && x != y
        {
            let (x, y) = (x.to_string(), y.to_string());
            self.error(
                Code::TypeMismatch,
                text!("diag-check-currencies-mix", what = what, x = &x, y = &y),
            )
            .label(a.span, text!("diag-check-this-is-money-in", currency = x))
            .label(b.span, text!("diag-check-this-is-money-in", currency = y))
            .help(text!("diag-check-currencies-mix-help"))
            .emit();
            return;
        }
        let (na, nb) = (self.a_type(ta), self.a_type(tb));
        let help = match (ta, tb) {
            (Type::Money(_), Type::Number) | (Type::Number, Type::Money(_)) => {
                text!(
                    "diag-check-mismatch-money-help",
                    amount = self.example_amount()
                )
            }
            (Type::Date, Type::Number) | (Type::Number, Type::Date) => {
                text!("diag-check-mismatch-date-help")
            }
            (Type::OneOf(_), Type::OneOf(_)) => text!("diag-check-mismatch-one-of-help"),
            _ => text!("diag-check-mismatch-help"),
        };
        self.error(
            Code::TypeMismatch,
            text!(
                "diag-check-mismatch",
                what = what,
                a = na.clone(),
                b = nb.clone()
            ),
        )
        .label(a.span, text!("diag-check-this-is", found = na))
        .label(b.span, text!("diag-check-this-is", found = nb))
        .help(help)
        .emit();
    }

    /// A comparison whose side `set` is set-valued (of type `ty`), the other
    /// side `other`; `sides` are the comparison's left and right, for the
    /// operator as written between them.
    fn set_compared(
        &mut self,
        ty: Type,
        set: &ast::Expr,
        other: &ast::Expr,
        sides: (&ast::Expr, &ast::Expr),
    ) {
        let written = self
            .file
            .slice(Span::new(sides.0.span.end, sides.1.span.start))
            .trim();
        let subject = self.file.slice(set.span);
        let found = self.type_name(ty);
        let help = set_help(ty, subject, Some(other), self);
        self.error(
            Code::TypeMismatch,
            text!("diag-check-set-test", written = written, subject = subject),
        )
        .label(set.span, text!("diag-check-this-is", found = found))
        .help(help)
        .emit();
    }

    fn compare(&mut self, op: CmpOp, a: &ast::Expr, b: &ast::Expr, whole: &ast::Expr) -> Typed {
        let left = self.expr(a, None);
        let (xa, ta) = match left {
            Some(l) => l,
            None => {
                // still resolve the right side for its own errors
                let _ = self.expr(b, None);
                return None;
            }
        };
        if let Type::Set(_) = ta {
            // a set is tested with `includes`; the right side is not read
            // (a value of the set would be taken for an undeclared fact)
            self.set_compared(ta, a, b, (a, b));
            return None;
        }
        let (xb, tb) = self.expr(b, Some(ta))?;
        if let Type::Set(_) = tb {
            self.set_compared(tb, b, a, (a, b));
            return None;
        }
        if ta == Type::Duration || tb == Type::Duration {
            self.error(Code::TypeMismatch, text!("diag-check-duration-compared"))
                .label(whole.span, text!("diag-check-duration-compared-label"))
                .help(text!("diag-check-duration-compared-help"))
                .emit();
            return None;
        }
        if ta != tb {
            let verb = if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                text!("diag-check-cannot-compare")
            } else {
                text!("diag-check-cannot-order")
            };
            self.mismatch(verb, ta, a, tb, b);
            return None;
        }
        if !matches!(op, CmpOp::Eq | CmpOp::Ne) && !ta.is_ordered() {
            let found = self.type_name(ta);
            self.error(
                Code::TypeMismatch,
                text!(
                    "diag-check-no-order",
                    op = op.symbol(),
                    found = found.clone()
                ),
            )
            .label(
                whole.span,
                text!("diag-check-no-order-label", found = found),
            )
            .help(text!("diag-check-no-order-help"))
            .emit();
            return None;
        }
        Some((Expr::Cmp(op, Box::new(xa), Box::new(xb)), Type::Bool))
    }

    fn one_of(&mut self, negated: bool, subject: &ast::Expr, choices: &[ast::Expr]) -> Typed {
        let (x, ty) = self.expr(subject, None)?;
        if let Type::Set(_) = ty {
            let found = self.type_name(ty);
            let text = self.file.slice(subject.span);
            let help = set_help(ty, text, choices.first(), self);
            let words = if negated {
                "is not one of"
            } else {
                "is one of"
            };
            self.error(
                Code::TypeMismatch,
                text!("diag-check-set-test", written = words, subject = text),
            )
            .label(subject.span, text!("diag-check-this-is", found = found))
            .help(help)
            .emit();
            return None;
        }
        let mut values = Vec::new();
        let mut ok = true;
        for c in choices {
            let v = match (ty, &c.kind) {
                (Type::OneOf(set), ExprKind::Name(n) | ExprKind::Text(n)) => {
                    self.choice(set, n, c).and_then(|(e, _)| match e {
                        Expr::Const(v) => Some(v),
                        _ => None,
                    })
                }
                (Type::Text, ExprKind::Text(t)) => Some(Value::Text(t.as_str().into())),
                (Type::Number, ExprKind::Number(n)) => Some(Value::Number(*n)),
                (Type::Money(want), ExprKind::Money(n, word)) => match self.currency(word) {
                    Some(cur) if cur == want => Some(Value::Money(*n, cur)),
                    Some(cur) => {
                        let what = text!("diag-check-cannot-mix", word = "`is one of`");
                        self.mismatch(what, ty, subject, Type::Money(cur), c);
                        None
                    }
                    None => None,
                },
                (Type::Date, ExprKind::Date(d)) => Some(Value::Date(*d)),
                (Type::Text, ExprKind::Name(n)) => {
                    self.error(Code::TypeMismatch, text!("diag-check-unquoted", word = n))
                        .label(c.span, text!("diag-check-unquoted-label"))
                        .help(text!("diag-check-unquoted-help", word = n))
                        .emit();
                    None
                }
                _ => {
                    let (found, a_found) = (self.type_name(ty), self.a_type(ty));
                    self.error(
                        Code::TypeMismatch,
                        text!("diag-check-one-of-values", found = found),
                    )
                    .label(c.span, text!("diag-check-not-such-value"))
                    .label(subject.span, text!("diag-check-this-is", found = a_found))
                    .help(text!("diag-check-one-of-values-help"))
                    .emit();
                    None
                }
            };
            match v {
                Some(v) => values.push(v),
                None => ok = false,
            }
        }
        if matches!(ty, Type::Bool | Type::Duration) {
            return None;
        }
        ok.then_some((
            Expr::In {
                negated,
                subject: Box::new(x),
                values,
            },
            Type::Bool,
        ))
    }

    /// `includes` (any, all or none of some values) on a `some of` fact.
    fn includes(&mut self, test: SetTest, subject: &ast::Expr, choices: &[ast::Expr]) -> Typed {
        let (x, ty) = self.expr(subject, None)?;
        let Type::Set(list) = ty else {
            let found = self.a_type(ty);
            let help = match ty {
                Type::OneOf(_) => text!("diag-check-includes-one-of-help"),
                _ => text!("diag-check-includes-help"),
            };
            self.error(
                Code::TypeMismatch,
                text!("diag-check-includes", found = found.clone()),
            )
            .label(subject.span, text!("diag-check-this-is", found = found))
            .help(help)
            .emit();
            return None;
        };
        let mut values = Vec::new();
        let mut ok = true;
        for c in choices {
            let index = match &c.kind {
                ExprKind::Name(n) | ExprKind::Text(n) => {
                    self.choice(list, n, c).and_then(|(e, _)| match e {
                        Expr::Const(Value::Choice(_, i)) => Some(i),
                        _ => None,
                    })
                }
                _ => {
                    let (found, a_found) = (self.type_name(ty), self.a_type(ty));
                    self.error(
                        Code::TypeMismatch,
                        text!("diag-check-includes-values", found = found),
                    )
                    .label(c.span, text!("diag-check-not-such-value"))
                    .label(subject.span, text!("diag-check-this-is", found = a_found))
                    .help(text!("diag-check-includes-values-help"))
                    .emit();
                    None
                }
            };
            match index {
                Some(i) => values.push(i),
                None => ok = false,
            }
        }
        values.sort_unstable();
        values.dedup();
        // `includes all of x` is `includes x`: one node for both
        let test = match (test, values.len()) {
            (SetTest::All, 1) => SetTest::Any,
            (t, _) => t,
        };
        ok.then_some((
            Expr::Includes {
                test,
                list,
                subject: Box::new(x),
                values,
            },
            Type::Bool,
        ))
    }

    /// `a + b`, `a * b`, …: a chain of operators written one after another
    /// (`n + n + … + n`, a left-leaning tree as deep as it is long) is
    /// walked down its left operands in a loop, not by recursion, so a long
    /// sum costs one frame whatever its length (2 MiB threads must hold the
    /// checker's depth limit in a debug build). Each level still counts
    /// towards [`Limits::check_depth`](crate::limits::Limits), and the
    /// operands are checked in the order the recursion checked them (the
    /// leftmost first, then each right operand on the way back up), so the
    /// diagnostics are the same.
    #[inline(never)]
    fn arith(&mut self, op: ArithOp, a: &ast::Expr, b: &ast::Expr) -> Typed {
        // `self.expr_depth` is already counting the node `a op b`.
        if !matches!(a.kind, ExprKind::Arith(..)) {
            let left = self.expr(a, None);
            let right = self.expr(b, None);
            return self.arith_typed(op, left, right, a, b);
        }
        let base = self.expr_depth;
        // The operator nodes down the left operands, as (op, left, right):
        // the k-th one's node is checked at depth base + k - 1 and its
        // operands at base + k. A node at the limit is left to `expr`,
        // which reports it.
        let mut spine: Vec<(ArithOp, &ast::Expr, &ast::Expr)> = vec![(op, a, b)];
        let mut bottom = a;
        while let ExprKind::Arith(op, l, r) = &bottom.kind {
            if base + spine.len() > self.limits.check_depth {
                break;
            }
            spine.push((*op, l, r));
            bottom = l;
        }
        // the leftmost operand (or the node where the limit is reached)
        self.expr_depth = base + spine.len() - 1;
        let mut left = self.expr(bottom, None);
        while let Some((op, a, b)) = spine.pop() {
            self.expr_depth = base + spine.len();
            let right = self.expr(b, None);
            left = self.arith_typed(op, left, right, a, b);
        }
        self.expr_depth = base;
        left
    }

    /// The type of `a op b` from its operands' (checked) results.
    fn arith_typed(
        &mut self,
        op: ArithOp,
        left: Typed,
        right: Typed,
        a: &ast::Expr,
        b: &ast::Expr,
    ) -> Typed {
        let ((xa, ta), (xb, tb)) = (left?, right?);
        use Type::{Date, Duration, Money, Number};
        let result = match (op, ta, tb) {
            (ArithOp::Add | ArithOp::Sub, Number, Number) => Number,
            // money meets money only in one currency; a number keeps it
            (ArithOp::Add | ArithOp::Sub, Money(x), Money(y)) if x == y => Money(x),
            (ArithOp::Mul, Number, Number) => Number,
            (ArithOp::Mul, Number, Money(c)) | (ArithOp::Mul, Money(c), Number) => Money(c),
            (ArithOp::Div, Number, Number) => Number,
            (ArithOp::Div, Money(c), Number) => Money(c),
            (ArithOp::Div, Money(x), Money(y)) if x == y => Number,
            (ArithOp::Add | ArithOp::Sub, Date, Duration) => {
                if let ExprKind::Scaled(_, unit) = b.kind {
                    return self.shift_by(xa, xb, unit, op == ArithOp::Sub, a.span.to(b.span), b);
                }
                let ExprKind::Duration(count, unit) = b.kind else {
                    return None;
                };
                if unit == Unit::WorkingDays {
                    self.working_days_calendar(b.span)?;
                }
                let count = if op == ArithOp::Sub { -count } else { count };
                if unit == Unit::WorkingDays {
                    self.literal_working_days(&xa, count, a.span.to(b.span));
                }
                return Some((Expr::Shift(Box::new(xa), count, unit), Date));
            }
            (ArithOp::Add, Duration, Date) => {
                if let ExprKind::Scaled(_, unit) = a.kind {
                    return self.shift_by(xb, xa, unit, false, a.span.to(b.span), a);
                }
                let ExprKind::Duration(count, unit) = a.kind else {
                    return None;
                };
                if unit == Unit::WorkingDays {
                    self.working_days_calendar(a.span)?;
                    self.literal_working_days(&xb, count, a.span.to(b.span));
                }
                return Some((Expr::Shift(Box::new(xb), count, unit), Date));
            }
            (ArithOp::Sub, Date, Date) => {
                self.error(Code::TypeMismatch, text!("diag-check-date-minus-date"))
                    .label(a.span.to(b.span), text!("diag-check-date-minus-date-label"))
                    .help(text!("diag-check-date-minus-date-help"))
                    .emit();
                return None;
            }
            _ => {
                let what = match op {
                    ArithOp::Add => text!("diag-check-cannot-add"),
                    ArithOp::Sub => text!("diag-check-cannot-subtract"),
                    ArithOp::Mul => text!("diag-check-cannot-multiply"),
                    ArithOp::Div => text!("diag-check-cannot-divide"),
                };
                self.mismatch(what, ta, a, tb, b);
                return None;
            }
        };
        Some((Expr::Arith(op, Box::new(xa), Box::new(xb)), result))
    }
}

/// The help for a set-valued fact tested as if it held one value: name
/// `includes`, with the fact and a value of it (the one written, when it is
/// one).
fn set_help(ty: Type, subject: &str, written: Option<&ast::Expr>, checker: &Checker<'_>) -> Text {
    let values = match ty {
        Type::Set(list) => checker.model.one_of_values(list),
        _ => &[],
    };
    let named = written.and_then(|e| match &e.kind {
        ExprKind::Name(n) | ExprKind::Text(n) => values.iter().find(|v| *v == n),
        _ => None,
    });
    let example = named.or(values.first()).map_or("a_value", String::as_str);
    text!("diag-check-set-help", subject = subject, example = example)
}
