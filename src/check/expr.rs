//! Resolving and typing expressions.

use crate::ast::{self, ExprKind};
use crate::diagnostic::{Code, suggestion};
use crate::model::Expr;
use crate::value::{OneOfId, Type, Value};
use crate::vocab::{ArithOp, CmpOp, Extremum};

use super::{Checker, ValueName};

type Typed = Option<(Expr, Type)>;

fn a_type(name: &str) -> String {
    // "one" is said with a w: "a one-of value", not "an one of"
    if let Some(values) = name.strip_prefix("one of ") {
        return format!("a one-of value ({values})");
    }
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    match name {
        "money" | "text" => name.to_string(),
        _ => format!("{article} {name}"),
    }
}

impl Checker<'_> {
    /// Resolve and type an expression. `hint` is the type a bare name should
    /// be read against (a one-of type lets `custom_made` name a value).
    pub(crate) fn expr(&mut self, e: &ast::Expr, hint: Option<Type>) -> Typed {
        if self.expr_depth >= self.limits.check_depth {
            if !self.too_deep_reported {
                self.too_deep_reported = true;
                self.error(
                    Code::LimitExceeded,
                    format!(
                        "expressions and the derived facts they use nest more than {} levels deep",
                        self.limits.check_depth
                    ),
                )
                .label(e.span, "too deep here")
                .help("define fewer levels of derived facts, or flatten the expression")
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
        match &e.kind {
            ExprKind::Name(name) => self.name(name, e, hint),
            ExprKind::Bool(b) => Some((Expr::Const(Value::Bool(*b)), Type::Bool)),
            ExprKind::Number(n) => Some((Expr::Const(Value::Number(*n)), Type::Number)),
            ExprKind::Money(m) => Some((Expr::Const(Value::Money(*m)), Type::Money)),
            ExprKind::Date(d) => Some((Expr::Const(Value::Date(*d)), Type::Date)),
            ExprKind::Text(t) => self.text(t, e, hint),
            ExprKind::Duration(..) => Some((Expr::Const(Value::Bool(false)), Type::Duration)),
            ExprKind::Not(inner) => {
                let inner = self.boolean(inner, "`not`")?;
                Some((Expr::Not(Box::new(inner)), Type::Bool))
            }
            ExprKind::And(parts) | ExprKind::Or(parts) => {
                let word = if matches!(e.kind, ExprKind::And(_)) {
                    "`and`"
                } else {
                    "`or`"
                };
                let mut out = Vec::new();
                let mut ok = true;
                for p in parts {
                    match self.boolean(p, word) {
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
            ExprKind::Cmp(op, a, b) => self.compare(*op, a, b, e),
            ExprKind::OneOf {
                negated,
                subject,
                choices,
            } => self.one_of(*negated, subject, choices),
            ExprKind::Arith(op, a, b) => self.arith(*op, a, b),
            ExprKind::Neg(inner) => {
                let (x, ty) = self.expr(inner, None)?;
                if !matches!(ty, Type::Number | Type::Money) {
                    let found = self.type_name(ty);
                    self.error(
                        Code::TypeMismatch,
                        format!("only numbers and money can be negative, but this is {found}"),
                    )
                    .label(inner.span, format!("this is {found}"))
                    .help("remove the minus sign")
                    .emit();
                    return None;
                }
                Some((Expr::Neg(Box::new(x)), ty))
            }
            ExprKind::Extremum(which, args) => {
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
                        self.error(
                            Code::TypeMismatch,
                            format!("`{word}` takes numbers, money or dates, but this is {found}"),
                        )
                        .label(a.span, format!("this is {found}"))
                        .help(format!(
                            "`{word}(3 * purchase.price, 500 yuan)` compares amounts"
                        ))
                        .emit();
                        ok = false;
                        continue;
                    }
                    match first {
                        None => first = Some((ty, a)),
                        Some((t0, a0)) if t0 != ty => {
                            self.mismatch(&format!("`{word}` cannot mix"), t0, a0, ty, a);
                            ok = false;
                        }
                        Some(_) => {}
                    }
                    out.push(x);
                }
                let ty = first.map(|f| f.0)?;
                ok.then_some((Expr::Extremum(*which, out), ty))
            }
            ExprKind::DaysFrom(a, b) => {
                let x = self.dated(a)?;
                let y = self.dated(b)?;
                Some((Expr::DaysFrom(Box::new(x), Box::new(y)), Type::Number))
            }
            ExprKind::If(c, a, b) => self.conditional(c, a, b, hint),
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
        let cond = self.boolean(c, "the condition of `if`");
        let then = self.expr(a, hint);
        let otherwise = self.expr(b, then.as_ref().map(|t| t.1).or(hint));
        let (cond, (x, ta), (y, tb)) = (cond?, then?, otherwise?);
        if ta != tb {
            self.mismatch("the branches of `if` cannot mix", ta, a, tb, b);
            return None;
        }
        if ta == Type::Duration {
            self.error(
                Code::TypeMismatch,
                "the branches of `if` are durations, which stand only after a date and `+` or `-`",
            )
            .label(a.span.to(b.span), "durations")
            .help("choose between dates: `if goods.fresh then purchase.date + 7 days else purchase.date + 15 days`")
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
                format!("`days from … to …` counts between dates, but this is {found}"),
            )
            .label(e.span, format!("this is {found}"))
            .help("write `days from purchase.date to dispute.date`")
            .emit();
            return None;
        }
        Some(x)
    }

    fn boolean(&mut self, e: &ast::Expr, word: &str) -> Option<Expr> {
        let (x, ty) = self.expr(e, None)?;
        if ty != Type::Bool {
            let found = self.type_name(ty);
            let help = match ty {
                Type::Text => "compare the text with a value: `operator.location = \"Hangzhou\"`",
                Type::OneOf(_) => "test its value: `goods.category is food`",
                Type::Money | Type::Number => "compare it: `purchase.price > 500 yuan`",
                Type::Date => "compare it: `purchase.date >= 2021-05-01`",
                _ => "use a yes/no fact or a comparison",
            };
            self.error(
                Code::TypeMismatch,
                format!("{word} needs yes/no, but this is {found}"),
            )
            .label(e.span, format!("this is {found}, not yes/no"))
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
        let help = suggestion(name, self.value_order.iter().map(String::as_str))
            .unwrap_or_else(|| format!("declare it: `fact {name}: …` or `define {name} as …`"));
        self.error(
            Code::UndefinedFact,
            format!("`{name}` is not a declared fact or derived fact"),
        )
        .label(e.span, "not declared")
        .help(help)
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
        let help = suggestion(name, values.iter().map(String::as_str))
            .unwrap_or_else(|| format!("the values are: {}", values.join(", ")));
        self.error(
            Code::UndefinedValue,
            format!("`{name}` is not one of the values here"),
        )
        .label(e.span, "not a value of this fact")
        .help(help)
        .emit();
        None
    }

    fn text(&mut self, t: &str, e: &ast::Expr, hint: Option<Type>) -> Typed {
        if let Some(Type::OneOf(set)) = hint {
            return self.choice(set, t, e);
        }
        Some((Expr::Const(Value::Text(t.into())), Type::Text))
    }

    fn mismatch(&mut self, what: &str, ta: Type, a: &ast::Expr, tb: Type, b: &ast::Expr) {
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
                .label(number.span, "not a date: this reads as a number")
                .help(found.help());
            if let Some(meant) = found.meant {
                d = d.fix(number.span, meant.clone(), format!("write `{meant}`"));
            }
            d.emit();
            return;
        }
        let (na, nb) = (self.type_name(ta), self.type_name(tb));
        let help = match (ta, tb) {
            (Type::Money, Type::Number) | (Type::Number, Type::Money) => {
                "write amounts with a currency: `500 yuan`; a number times money is money"
            }
            (Type::Date, Type::Number) | (Type::Number, Type::Date) => {
                "add a duration to a date (`purchase.date + 7 days`) or count days (`days from a to b`)"
            }
            (Type::OneOf(_), Type::OneOf(_)) => {
                "two one-of facts can be compared only when they list the same values"
            }
            _ => "both sides must have the same type",
        };
        self.error(
            Code::TypeMismatch,
            format!("{what} {} and {}", a_type(&na), a_type(&nb)),
        )
        .label(a.span, format!("this is {}", a_type(&na)))
        .label(b.span, format!("this is {}", a_type(&nb)))
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
        let (xb, tb) = self.expr(b, Some(ta))?;
        if ta == Type::Duration || tb == Type::Duration {
            self.error(Code::TypeMismatch, "a duration cannot be compared")
                .label(whole.span, "compares a duration")
                .help("compare dates: `dispute.date <= goods.received_date + 7 days`")
                .emit();
            return None;
        }
        if ta != tb {
            let verb = if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                "cannot compare"
            } else {
                "cannot order"
            };
            self.mismatch(verb, ta, a, tb, b);
            return None;
        }
        if !matches!(op, CmpOp::Eq | CmpOp::Ne) && !ta.is_ordered() {
            let found = self.type_name(ta);
            self.error(
                Code::TypeMismatch,
                format!(
                    "`{}` needs numbers, money or dates, but these are {found}",
                    op.symbol()
                ),
            )
            .label(whole.span, format!("{found} has no order"))
            .help("use `is` or `is not` to test for a value")
            .emit();
            return None;
        }
        Some((Expr::Cmp(op, Box::new(xa), Box::new(xb)), Type::Bool))
    }

    fn one_of(&mut self, negated: bool, subject: &ast::Expr, choices: &[ast::Expr]) -> Typed {
        let (x, ty) = self.expr(subject, None)?;
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
                (Type::Money, ExprKind::Money(n)) => Some(Value::Money(*n)),
                (Type::Date, ExprKind::Date(d)) => Some(Value::Date(*d)),
                (Type::Text, ExprKind::Name(n)) => {
                    self.error(
                        Code::TypeMismatch,
                        format!("`{n}` must be quoted: the fact is text"),
                    )
                    .label(c.span, "an unquoted word")
                    .help(format!("write \"{n}\""))
                    .emit();
                    None
                }
                _ => {
                    let found = self.type_name(ty);
                    self.error(
                        Code::TypeMismatch,
                        format!("`is one of` needs values of the fact's type, {found}"),
                    )
                    .label(c.span, "not such a value")
                    .label(subject.span, format!("this is {}", a_type(&found)))
                    .help("list values the fact can take")
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

    fn arith(&mut self, op: ArithOp, a: &ast::Expr, b: &ast::Expr) -> Typed {
        let left = self.expr(a, None);
        let right = self.expr(b, None);
        let ((xa, ta), (xb, tb)) = (left?, right?);
        use Type::{Date, Duration, Money, Number};
        let result = match (op, ta, tb) {
            (ArithOp::Add | ArithOp::Sub, Number, Number) => Number,
            (ArithOp::Add | ArithOp::Sub, Money, Money) => Money,
            (ArithOp::Mul, Number, Number) => Number,
            (ArithOp::Mul, Number, Money) | (ArithOp::Mul, Money, Number) => Money,
            (ArithOp::Div, Number, Number) => Number,
            (ArithOp::Div, Money, Number) => Money,
            (ArithOp::Div, Money, Money) => Number,
            (ArithOp::Add | ArithOp::Sub, Date, Duration) => {
                let ExprKind::Duration(count, unit) = b.kind else {
                    return None;
                };
                let count = if op == ArithOp::Sub { -count } else { count };
                return Some((Expr::Shift(Box::new(xa), count, unit), Date));
            }
            (ArithOp::Add, Duration, Date) => {
                let ExprKind::Duration(count, unit) = a.kind else {
                    return None;
                };
                return Some((Expr::Shift(Box::new(xb), count, unit), Date));
            }
            (ArithOp::Sub, Date, Date) => {
                self.error(Code::TypeMismatch, "dates cannot be subtracted")
                    .label(a.span.to(b.span), "date minus date")
                    .help("count the days between them: `days from purchase.date to dispute.date`")
                    .emit();
                return None;
            }
            _ => {
                let what = format!(
                    "cannot {}",
                    match op {
                        ArithOp::Add => "add",
                        ArithOp::Sub => "subtract",
                        ArithOp::Mul => "multiply",
                        ArithOp::Div => "divide",
                    }
                );
                self.mismatch(&what, ta, a, tb, b);
                return None;
            }
        };
        Some((Expr::Arith(op, Box::new(xa), Box::new(xb)), result))
    }
}
