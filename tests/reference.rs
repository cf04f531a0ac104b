//! A reference evaluator, written for obviousness rather than speed: it
//! evaluates each rule straight from the checked syntax tree (the `Model`),
//! re-evaluating derived facts at every use, with no sharing, no memo and no
//! short-circuit. The decision graph must agree with it exactly — remedies,
//! parameters, amounts, deadlines, undetermined remedies with the facts they
//! need, and overridden rules — on every fixture and on random rulebooks.

use std::collections::BTreeSet;

use jiff::ToSpan;
use redress::case::Case;
use redress::model::{Expr, FactId, Model};
use redress::outcome::{Computed, Deadline, Outcome, Shown};
use redress::value::{Truth, Value, format_money};
use redress::vocab::{ArithOp, CmpOp, Extremum, SetTest, Unit};

/// What both evaluators must agree on.
#[derive(Debug, PartialEq, Eq)]
pub struct View<'a> {
    applied: Vec<Applied<'a>>,
    undetermined: Vec<(&'a str, Vec<&'a str>)>,
    overridden: Vec<(&'a str, Vec<&'a str>)>,
}

#[derive(Debug, PartialEq, Eq)]
struct Applied<'a> {
    id: &'a str,
    params: Vec<(&'a str, Computed<'a>)>,
    amount: Option<Computed<'a>>,
    deadline: Option<Deadline<'a>>,
    rules: Vec<&'a str>,
}

/// The engine's outcome, seen as a `View`.
pub fn view_of<'a>(outcome: &Outcome<'a>) -> View<'a> {
    View {
        applied: outcome
            .remedies
            .iter()
            .map(|r| Applied {
                id: r.id,
                params: r.params.0.iter().map(|(k, c)| (*k, as_text(c))).collect(),
                amount: r.amount.as_ref().map(as_text),
                deadline: r.deadline.clone().map(|d| Deadline { error: None, ..d }),
                rules: r.because.iter().map(|b| b.rule).collect(),
            })
            .collect(),
        undetermined: outcome
            .undetermined
            .iter()
            .map(|u| (u.id, u.needs.to_vec()))
            .collect(),
        overridden: outcome
            .overridden
            .iter()
            .map(|o| (o.rule, o.by.clone()))
            .collect(),
    }
}

/// A computed value with its value as text, as the reference shows values
/// (the engine keeps numbers, amounts and dates as values).
fn as_text<'a>(c: &Computed<'a>) -> Computed<'a> {
    Computed {
        value: c.value.as_ref().map(|v| match v {
            Shown::Bool(b) => Shown::Bool(*b),
            other => Shown::Text(other.to_string().into()),
        }),
        up_to: c.up_to,
        currency: c.currency,
        needs: c.needs.clone(),
        // the reference does not say why a computation failed
        error: None,
    }
}

struct Reference<'a> {
    model: &'a Model,
    case: &'a Case,
}

fn truth(v: Option<Value>) -> Truth {
    match v {
        Some(Value::Bool(true)) => Truth::Yes,
        Some(Value::Bool(false)) => Truth::No,
        _ => Truth::Unknown,
    }
}

fn from_truth(t: Truth) -> Option<Value> {
    match t {
        Truth::Yes => Some(Value::Bool(true)),
        Truth::No => Some(Value::Bool(false)),
        Truth::Unknown => None,
    }
}

impl<'a> Reference<'a> {
    fn value(&self, e: &Expr) -> Option<Value> {
        match e {
            Expr::Fact(f) => self.case.get(*f).cloned(),
            Expr::Derived(d) => self.value(&self.model.derived[d.index()].expr),
            Expr::Const(v) => Some(v.clone()),
            Expr::Not(a) => from_truth(!truth(self.value(a))),
            Expr::And(xs) => {
                let all: Vec<Truth> = xs.iter().map(|x| truth(self.value(x))).collect();
                from_truth(all.into_iter().fold(Truth::Yes, Truth::and))
            }
            Expr::Or(xs) => {
                let all: Vec<Truth> = xs.iter().map(|x| truth(self.value(x))).collect();
                from_truth(all.into_iter().fold(Truth::No, Truth::or))
            }
            Expr::Cmp(op, a, b) => {
                let (a, b) = (self.value(a)?, self.value(b)?);
                let ord = a.compare(&b);
                Some(Value::Bool(match op {
                    CmpOp::Eq => a == b,
                    CmpOp::Ne => a != b,
                    CmpOp::Lt => ord == Some(std::cmp::Ordering::Less),
                    CmpOp::Le => ord.is_some_and(|o| o.is_le()),
                    CmpOp::Gt => ord == Some(std::cmp::Ordering::Greater),
                    CmpOp::Ge => ord.is_some_and(|o| o.is_ge()),
                }))
            }
            Expr::In {
                negated,
                subject,
                values,
            } => {
                let v = self.value(subject)?;
                Some(Value::Bool(values.contains(&v) != *negated))
            }
            Expr::Includes {
                test,
                subject,
                values,
                ..
            } => {
                let Value::Set(_, chosen) = self.value(subject)? else {
                    return None;
                };
                // counted, not searched: how many of the values the set holds
                let held = values.iter().filter(|v| chosen.contains(v)).count();
                Some(Value::Bool(match test {
                    SetTest::Any => held > 0,
                    SetTest::All => held == values.len(),
                    SetTest::None => held == 0,
                }))
            }
            Expr::Arith(op, a, b) => {
                let (a, b) = (self.value(a), self.value(b));
                let (a, b) = (a?, b?);
                let (x, y) = match (&a, &b) {
                    (
                        Value::Number(x) | Value::Money(x, _),
                        Value::Number(y) | Value::Money(y, _),
                    ) => (*x, *y),
                    _ => return None,
                };
                // money keeps its currency; two amounts meet only in one
                let money = match (&a, &b, op) {
                    (Value::Money(_, c), Value::Money(_, d), _) if c != d => return None,
                    (Value::Money(..), Value::Money(..), ArithOp::Div) => None,
                    (Value::Money(_, c), _, _) | (_, Value::Money(_, c), _) => Some(*c),
                    _ => None,
                };
                let r = match op {
                    ArithOp::Add => x.checked_add(y),
                    ArithOp::Sub => x.checked_sub(y),
                    ArithOp::Mul => x.checked_mul(y),
                    ArithOp::Div if y.is_zero() => None,
                    ArithOp::Div => x.checked_div(y),
                }?;
                Some(match money {
                    Some(c) => Value::Money(r, c),
                    None => Value::Number(r),
                })
            }
            Expr::Neg(a) => match self.value(a)? {
                Value::Number(n) => Some(Value::Number(-n)),
                Value::Money(n, c) => Some(Value::Money(-n, c)),
                _ => None,
            },
            Expr::Extremum(which, xs) => {
                let vals: Vec<Option<Value>> = xs.iter().map(|x| self.value(x)).collect();
                let vals: Vec<Value> = vals.into_iter().collect::<Option<_>>()?;
                let mut best = vals.first()?.clone();
                for v in &vals {
                    let ord = v.compare(&best);
                    let better = match which {
                        Extremum::Max => ord == Some(std::cmp::Ordering::Greater),
                        Extremum::Min => ord == Some(std::cmp::Ordering::Less),
                    };
                    if better {
                        best = v.clone();
                    }
                }
                Some(best)
            }
            Expr::Shift(a, n, unit) => {
                let Value::Date(d) = self.value(a)? else {
                    return None;
                };
                let span = match unit {
                    Unit::Days => n.days(),
                    Unit::Weeks => n.weeks(),
                    Unit::Months => n.months(),
                    Unit::Years => n.years(),
                    Unit::WorkingDays => {
                        return naive_add_working_days(self.calendar(), d, *n).map(Value::Date);
                    }
                };
                d.checked_add(span).ok().map(Value::Date)
            }
            Expr::DaysFrom(a, b) => {
                let (Value::Date(a), Value::Date(b)) = (self.value(a)?, self.value(b)?) else {
                    return None;
                };
                let days = b.since(a).ok()?.get_days();
                Some(Value::Number(days.into()))
            }
            Expr::ShiftBy {
                date,
                count,
                unit,
                back,
            } => {
                let (d, n) = (self.value(date), self.value(count));
                let (Value::Date(d), Value::Number(n)) = (d?, n?) else {
                    return None;
                };
                // a count is a whole number of at least 0, else the computation fails
                if n < rust_decimal::Decimal::ZERO || !n.fract().is_zero() {
                    return None;
                }
                let n = i64::try_from(n).ok().filter(|n| *n <= 100_000)?;
                let n = if *back { -n } else { n };
                let span = match unit {
                    Unit::Days => jiff::Span::new().try_days(n).ok()?,
                    Unit::Weeks => jiff::Span::new().try_weeks(n).ok()?,
                    Unit::Months => jiff::Span::new().try_months(n).ok()?,
                    Unit::Years => jiff::Span::new().try_years(n).ok()?,
                    Unit::WorkingDays => {
                        return naive_add_working_days(self.calendar(), d, n).map(Value::Date);
                    }
                };
                d.checked_add(span).ok().map(Value::Date)
            }
            Expr::WorkingDaysFrom(a, b) => {
                let (Value::Date(a), Value::Date(b)) = (self.value(a)?, self.value(b)?) else {
                    return None;
                };
                naive_working_days_between(self.calendar(), a, b).map(|n| Value::Number(n.into()))
            }
            // only the branch taken
            Expr::If(c, a, b) => match truth(self.value(c)) {
                Truth::Yes => self.value(a),
                Truth::No => self.value(b),
                Truth::Unknown => None,
            },
        }
    }

    fn calendar(&self) -> &'static str {
        self.model.header.calendar.map_or("", |c| c.name())
    }

    /// The missing facts under the unknown parts of an expression.
    fn needs(&self, e: &Expr, out: &mut BTreeSet<FactId>) {
        if self.value(e).is_some() {
            return;
        }
        match e {
            Expr::Fact(f) => {
                out.insert(*f);
            }
            Expr::Derived(d) => self.needs(&self.model.derived[d.index()].expr, out),
            Expr::Const(_) => {}
            Expr::Not(a) | Expr::Neg(a) | Expr::Shift(a, _, _) => self.needs(a, out),
            Expr::In { subject, .. } | Expr::Includes { subject, .. } => self.needs(subject, out),
            Expr::And(xs) | Expr::Or(xs) | Expr::Extremum(_, xs) => {
                xs.iter().for_each(|x| self.needs(x, out))
            }
            Expr::Cmp(_, a, b)
            | Expr::Arith(_, a, b)
            | Expr::DaysFrom(a, b)
            | Expr::WorkingDaysFrom(a, b)
            | Expr::ShiftBy {
                date: a, count: b, ..
            } => {
                self.needs(a, out);
                self.needs(b, out);
            }
            // the condition's missing facts, or the branch taken's
            Expr::If(c, a, b) => match truth(self.value(c)) {
                Truth::Yes => self.needs(a, out),
                Truth::No => self.needs(b, out),
                Truth::Unknown => self.needs(c, out),
            },
        }
    }

    /// The conditions that make up a rule's scope: its own, and its rule's
    /// scope for an exception.
    fn scope(&self, i: usize) -> Vec<&Expr> {
        let rule = &self.model.rules[i];
        let mut parts = match rule.exception_to {
            Some(t) => self.scope(t.index()),
            None => Vec::new(),
        };
        parts.push(&rule.condition);
        parts
    }

    fn scope_truth(&self, i: usize) -> Truth {
        self.scope(i)
            .into_iter()
            .map(|e| truth(self.value(e)))
            .fold(Truth::Yes, Truth::and)
    }

    fn exceptions(&self, i: usize) -> Vec<usize> {
        (0..self.model.rules.len())
            .filter(|j| self.model.rules[*j].exception_to.map(|t| t.index()) == Some(i))
            .collect()
    }

    fn applies(&self, i: usize) -> Truth {
        let any = self
            .exceptions(i)
            .into_iter()
            .map(|e| self.applies(e))
            .fold(Truth::No, Truth::or);
        self.scope_truth(i).and(!any)
    }

    fn rule_needs(&self, i: usize, out: &mut BTreeSet<FactId>) {
        let scope = self.scope_truth(i);
        if scope == Truth::Unknown {
            for e in self.scope(i) {
                self.needs(e, out);
            }
        }
        if scope != Truth::No {
            for e in self.exceptions(i) {
                if self.applies(e) == Truth::Unknown {
                    self.rule_needs(e, out);
                }
            }
        }
    }

    fn shown(&self, v: &Value) -> Shown<'a> {
        match v {
            Value::Bool(b) => Shown::Bool(*b),
            Value::Money(m, _) => Shown::Text(format_money(*m).into()),
            other => Shown::Text(self.model.show(other).into()),
        }
    }

    fn names(&self, facts: &BTreeSet<FactId>) -> Vec<&'a str> {
        facts
            .iter()
            .map(|f| self.model.facts[f.index()].name.as_str())
            .collect()
    }

    fn computed(&self, e: &Expr) -> Computed<'a> {
        match self.value(e) {
            Some(v) => Computed {
                up_to: false,
                currency: match &v {
                    Value::Money(_, c) => Some(c.code()),
                    _ => None,
                },
                value: Some(self.shown(&v)),
                needs: Vec::new(),
                error: None,
            },
            None => {
                let mut n = BTreeSet::new();
                self.needs(e, &mut n);
                Computed {
                    value: None,
                    up_to: false,
                    currency: None,
                    needs: self.names(&n),
                    error: None,
                }
            }
        }
    }

    fn deadline(&self, e: &Expr) -> Deadline<'a> {
        let as_of = match self.model.header.as_of.and_then(|f| self.case.get(f)) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        };
        match self.value(e) {
            Some(Value::Date(d)) => Deadline {
                date: Some(d.to_string()),
                expired: as_of.map(|a| d < a),
                needs: Vec::new(),
                error: None,
            },
            _ => {
                let mut n = BTreeSet::new();
                self.needs(e, &mut n);
                Deadline {
                    date: None,
                    expired: None,
                    needs: self.names(&n),
                    error: None,
                }
            }
        }
    }

    fn view(&self) -> View<'a> {
        let mut applied: Vec<Applied> = Vec::new();
        let mut undetermined = Vec::new();
        for (rid, remedy) in self.model.remedies.iter().enumerate() {
            let mut here: Vec<Applied> = Vec::new();
            let mut open = Vec::new();
            for (i, rule) in self.model.rules.iter().enumerate() {
                let Some(c) = &rule.conclusion else { continue };
                if c.remedy.index() != rid {
                    continue;
                }
                match self.applies(i) {
                    Truth::Yes => {
                        let params: Vec<(&'a str, Computed<'a>)> = remedy
                            .params
                            .iter()
                            .zip(&c.args)
                            .map(|((n, _), a)| (n.as_str(), self.computed(a)))
                            .collect();
                        let amount = rule.amount.as_ref().map(|a| Computed {
                            up_to: rule.amount_up_to,
                            ..self.computed(a)
                        });
                        let deadline = rule.deadline.as_ref().map(|d| self.deadline(d));
                        match here.iter_mut().find(|a| {
                            a.params == params && a.amount == amount && a.deadline == deadline
                        }) {
                            Some(a) => a.rules.push(rule.name.as_str()),
                            None => here.push(Applied {
                                id: remedy.id.as_str(),
                                params,
                                amount,
                                deadline,
                                rules: vec![rule.name.as_str()],
                            }),
                        }
                    }
                    Truth::Unknown => open.push(i),
                    Truth::No => {}
                }
            }
            if here.is_empty() && !open.is_empty() {
                let mut n = BTreeSet::new();
                for i in open {
                    self.rule_needs(i, &mut n);
                }
                undetermined.push((remedy.id.as_str(), self.names(&n)));
            }
            applied.extend(here);
        }
        let overridden = (0..self.model.rules.len())
            .filter(|i| self.scope_truth(*i) == Truth::Yes)
            .filter_map(|i| {
                let by: Vec<&'a str> = self
                    .exceptions(i)
                    .into_iter()
                    .filter(|e| self.applies(*e) == Truth::Yes)
                    .map(|e| self.model.rules[e].name.as_str())
                    .collect();
                (!by.is_empty()).then(|| (self.model.rules[i].name.as_str(), by))
            })
            .collect();
        View {
            applied,
            undetermined,
            overridden,
        }
    }
}

/// The reference outcome of a case.
pub fn reference_view<'a>(model: &'a Model, case: &'a Case) -> View<'a> {
    Reference { model, case }.view()
}

/// Every evaluation fixture and shipped case: the graph agrees with the reference.
#[test]
fn graph_agrees_with_reference_on_fixtures() {
    let mut checked = 0;
    for pattern in [
        "tests/eval/*/*.json",
        "tests/eval/*/*.toml",
        "rulebooks/*/cases/*.json",
        "rulebooks/*/cases/*.toml",
    ] {
        let root = crate::root();
        for path in glob_files(root, pattern) {
            let (graph, case) = crate::eval::case_of(&path);
            let outcome = redress::eval::evaluate(&graph, &case, &Default::default());
            assert_eq!(
                view_of(&outcome),
                reference_view(graph.model(), &case),
                "{}",
                crate::relative(&path)
            );
            assert_same_json(&outcome, &crate::relative(&path));
            let plain = redress::eval::Options {
                without_index: true,
                ..Default::default()
            };
            let plain = redress::eval::evaluate(&graph, &case, &plain);
            assert_eq!(
                serde_json::to_string(&outcome).unwrap(),
                serde_json::to_string(&plain).unwrap(),
                "{}: the rule index changed the outcome",
                crate::relative(&path)
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} cases");
}

/// `Outcome::write_json` (the JSON Lines writer) writes what serde_json
/// writes for the outcome, byte for byte; `write_json_pretty` (the server's
/// one-case answer) what serde_json's pretty writer writes.
pub(crate) fn assert_same_json(outcome: &Outcome<'_>, what: &str) {
    let mut ours = Vec::new();
    outcome.write_json(&mut ours);
    let serde = serde_json::to_vec(outcome).unwrap();
    assert!(
        ours == serde,
        "{what}: Outcome::write_json differs from serde_json\nours:  {}\nserde: {}",
        String::from_utf8_lossy(&ours),
        String::from_utf8_lossy(&serde)
    );
    let mut ours = Vec::new();
    outcome.write_json_pretty(&mut ours);
    let serde = serde_json::to_vec_pretty(outcome).unwrap();
    assert!(
        ours == serde,
        "{what}: Outcome::write_json_pretty differs from serde_json\nours:\n{}\nserde:\n{}",
        String::from_utf8_lossy(&ours),
        String::from_utf8_lossy(&serde)
    );
}

/// The files matching `dir/*/file` style patterns (one `*` per level), sorted.
pub(crate) fn glob_files(root: &std::path::Path, pattern: &str) -> Vec<std::path::PathBuf> {
    let mut paths = vec![root.to_path_buf()];
    for part in pattern.split('/') {
        let mut next = Vec::new();
        for p in &paths {
            if let Some((pre, post)) = part.split_once('*') {
                let Ok(entries) = std::fs::read_dir(p) else {
                    continue;
                };
                for e in entries.flatten() {
                    let name = e.file_name().to_string_lossy().into_owned();
                    if name.starts_with(pre)
                        && name.ends_with(post)
                        && name.len() >= pre.len() + post.len()
                    {
                        next.push(e.path());
                    }
                }
            } else {
                next.push(p.join(part));
            }
        }
        paths = next.into_iter().filter(|p| p.exists()).collect();
    }
    paths.sort();
    paths
}

// ------------------------------------------------------------ working days

/// The days off and adjusted working days of `calendars/cn-mainland.toml`,
/// read here with `toml::Value` (not through the library's reader).
struct NaiveCnMainland {
    off: BTreeSet<jiff::civil::Date>,
    work: BTreeSet<jiff::civil::Date>,
}

fn cn_mainland() -> &'static NaiveCnMainland {
    static DATA: std::sync::OnceLock<NaiveCnMainland> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let text =
            std::fs::read_to_string(crate::root().join("calendars/cn-mainland.toml")).unwrap();
        let doc: toml::Value = toml::from_str(&text).unwrap();
        let day = |v: &toml::Value| -> jiff::civil::Date {
            v.as_datetime().unwrap().to_string().parse().unwrap()
        };
        let mut off = BTreeSet::new();
        let mut work = BTreeSet::new();
        for year in doc["year"].as_array().unwrap() {
            for clause in year["holidays"].as_array().unwrap() {
                let (mut d, until) = (day(&clause["from"]), day(&clause["until"]));
                while d <= until {
                    off.insert(d);
                    d = d.tomorrow().unwrap();
                }
                for w in clause["workdays"].as_array().unwrap() {
                    work.insert(day(w));
                }
            }
        }
        NaiveCnMainland { off, work }
    })
}

/// Whether a day is a working day, by the definition: `None` outside the
/// years a calendar covers.
fn naive_is_working_day(calendar: &str, d: jiff::civil::Date) -> Option<bool> {
    use jiff::civil::Weekday::{Saturday, Sunday};
    let weekend = matches!(d.weekday(), Saturday | Sunday);
    match calendar {
        "weekdays" => Some(!weekend),
        "cn-mainland" => {
            if !(2008..=2026).contains(&d.year()) {
                return None;
            }
            let data = cn_mainland();
            Some(data.work.contains(&d) || (!weekend && !data.off.contains(&d)))
        }
        _ => None,
    }
}

/// The n-th working day after `d` (before it for n < 0), stepping a day at
/// a time; `d` itself must be covered.
pub fn naive_add_working_days(
    calendar: &str,
    d: jiff::civil::Date,
    n: i64,
) -> Option<jiff::civil::Date> {
    naive_is_working_day(calendar, d)?;
    let mut at = d;
    let mut left = n.unsigned_abs();
    while left > 0 {
        at = if n > 0 {
            at.tomorrow().ok()?
        } else {
            at.yesterday().ok()?
        };
        if naive_is_working_day(calendar, at)? {
            left -= 1;
        }
    }
    Some(at)
}

/// The working days d with a < d <= b, negative when b is before a; both
/// dates must be covered.
pub fn naive_working_days_between(
    calendar: &str,
    a: jiff::civil::Date,
    b: jiff::civil::Date,
) -> Option<i64> {
    naive_is_working_day(calendar, a)?;
    naive_is_working_day(calendar, b)?;
    let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
    let mut count = 0;
    let mut at = lo;
    while at < hi {
        at = at.tomorrow().ok()?;
        if naive_is_working_day(calendar, at)? {
            count += 1;
        }
    }
    Some(sign * count)
}

/// The library's calendar agrees with this reading of the data on every day
/// it covers, for `+ N working days` (N in -12..=12) and `working days from`,
/// around National Day, Spring Festival and adjusted Saturday working days,
/// and fails where this reading fails (outside 2008–2026).
#[test]
fn working_days_agree_with_the_naive_reading_of_the_data() {
    use jiff::civil::date;
    use redress::calendar::Calendar;
    for calendar in Calendar::ALL {
        let name = calendar.name();
        let mut d = date(2007, 12, 1);
        while d <= date(2027, 1, 31) {
            for n in -12i64..=12 {
                assert_eq!(
                    calendar.add_working_days(d, n).ok(),
                    naive_add_working_days(name, d, n),
                    "{name}: {d} + {n} working days"
                );
            }
            // sparser for the count between two days
            if d.day() % 3 == 0 {
                for k in [-40i64, -9, -1, 0, 1, 8, 30] {
                    let b = d.checked_add(k.days()).unwrap();
                    assert_eq!(
                        calendar.working_days_between(d, b).ok(),
                        naive_working_days_between(name, d, b),
                        "{name}: working days from {d} to {b}"
                    );
                }
            }
            d = d.tomorrow().unwrap();
        }
    }
    // worked examples of docs/language.md
    let cn = Calendar::CnMainland;
    assert_eq!(
        cn.add_working_days(date(2024, 9, 30), 1),
        Ok(date(2024, 10, 8))
    );
    assert_eq!(
        cn.add_working_days(date(2024, 9, 30), 5),
        Ok(date(2024, 10, 12))
    );
    assert_eq!(
        cn.working_days_between(date(2024, 9, 30), date(2024, 10, 14)),
        Ok(6)
    );
    assert_eq!(
        cn.add_working_days(date(2024, 2, 8), 2),
        Ok(date(2024, 2, 18))
    );
    let error = cn.add_working_days(date(2027, 1, 4), 1).unwrap_err().text();
    assert_eq!(
        error.english(),
        "the cn-mainland calendar covers 2008 to 2026; 2027-01-04 is outside it"
    );
}
