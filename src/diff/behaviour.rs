//! Behaviour: outcomes of cases under two versions, from a corpus and from
//! cases generated around the changed conditions.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use jiff::ToSpan as _;
use jiff::civil::Date;
use rust_decimal::Decimal;

use super::{Options, linear, show};
use crate::case::{self, Case, Format};
use crate::eval::{self, Options as EvalOptions};
use crate::graph::DecisionGraph;
use crate::model::{Expr, FactId, Model, Rule, RuleId};
use crate::outcome::{Computed, Outcome};
use crate::source::SourceFile;
use crate::value::{Currency, Truth, Type, Value};
use crate::vocab::{CmpOp, Unit};

// ------------------------------------------------------------- outcomes

/// Whether a remedy is given in a case, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// No rule gives it, and none might.
    NotGiven,
    /// Some rule might give it once more facts are known.
    Undetermined,
    /// Given: one entry per distinct (parameters, amount, deadline).
    Given(Vec<Grant>),
}

/// How a remedy is given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grant {
    /// Parameters by name, shown.
    pub params: Vec<(String, String)>,
    /// The amount, shown (`1500.00 yuan`, or `unknown`).
    pub amount: Option<String>,
    /// The deadline, shown.
    pub deadline: Option<String>,
}

impl Grant {
    fn details(&self) -> String {
        let mut parts = Vec::new();
        if !self.params.is_empty() {
            let p: Vec<String> = self
                .params
                .iter()
                .map(|(k, v)| format!("{k} = {v}"))
                .collect();
            parts.push(p.join(", "));
        }
        if let Some(a) = &self.amount {
            parts.push(format!("amount {a}"));
        }
        if let Some(d) = &self.deadline {
            parts.push(format!("deadline {d}"));
        }
        parts.join(", ")
    }
}

impl Status {
    /// In words, with the amount, deadline and parameters when given.
    pub fn describe(&self) -> String {
        match self {
            Status::NotGiven => "not given".to_string(),
            Status::Undetermined => "undetermined".to_string(),
            Status::Given(grants) => {
                let details: Vec<String> = grants
                    .iter()
                    .map(Grant::details)
                    .filter(|d| !d.is_empty())
                    .collect();
                if details.is_empty() {
                    "given".to_string()
                } else {
                    format!("given ({})", details.join("; "))
                }
            }
        }
    }
}

/// A remedy whose outcome differs between the versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemedyChange {
    /// The remedy's id.
    pub remedy: String,
    /// Under the old version.
    pub old: Status,
    /// Under the new version.
    pub new: Status,
}

impl RemedyChange {
    /// `added`, `removed`, `undetermined` (now undetermined), `determined`
    /// (was undetermined), `amount`, `deadline`, `parameters` or `grants`.
    pub fn kind(&self) -> &'static str {
        match (&self.old, &self.new) {
            (Status::Undetermined, _) => "determined",
            (_, Status::Undetermined) => "undetermined",
            (Status::NotGiven, _) => "added",
            (_, Status::NotGiven) => "removed",
            (Status::Given(a), Status::Given(b)) => match (a.as_slice(), b.as_slice()) {
                ([x], [y]) if x.amount != y.amount => "amount",
                ([x], [y]) if x.deadline != y.deadline => "deadline",
                ([x], [y]) if x.params != y.params => "parameters",
                _ => "grants",
            },
        }
    }

    /// The kind with the statuses: `not given → undetermined`, or the kind
    /// when given under both.
    pub fn transition(&self) -> String {
        let word = |s: &Status| match s {
            Status::NotGiven => "not given",
            Status::Undetermined => "undetermined",
            Status::Given(_) => "given",
        };
        match (&self.old, &self.new) {
            (Status::Given(_), Status::Given(_)) => self.kind().to_string(),
            (o, n) => format!("{} → {}", word(o), word(n)),
        }
    }

    /// What changed, in words: `not given → given (amount 600.00 yuan)`, or
    /// `amount 500.00 yuan → 600.00 yuan` when given under both.
    pub fn describe(&self) -> String {
        if let (Status::Given(a), Status::Given(b)) = (&self.old, &self.new) {
            if let ([x], [y]) = (a.as_slice(), b.as_slice()) {
                let mut parts = Vec::new();
                let none = || "none".to_string();
                if x.amount != y.amount {
                    parts.push(format!(
                        "amount {} → {}",
                        x.amount.clone().unwrap_or_else(none),
                        y.amount.clone().unwrap_or_else(none)
                    ));
                }
                if x.deadline != y.deadline {
                    parts.push(format!(
                        "deadline {} → {}",
                        x.deadline.clone().unwrap_or_else(none),
                        y.deadline.clone().unwrap_or_else(none)
                    ));
                }
                if x.params != y.params {
                    parts.push(format!(
                        "parameters {} → {}",
                        Grant {
                            amount: None,
                            deadline: None,
                            ..x.clone()
                        }
                        .details(),
                        Grant {
                            amount: None,
                            deadline: None,
                            ..y.clone()
                        }
                        .details()
                    ));
                }
                return format!("given; {}", parts.join(", "));
            }
        }
        format!("{} → {}", self.old.describe(), self.new.describe())
    }
}

/// A case whose outcome differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseChange {
    /// The case file's name.
    pub case: String,
    /// The remedies whose outcome changed, in catalogue order.
    pub changes: Vec<RemedyChange>,
    /// When one version rejects the case: which, and why.
    pub rejected: Option<String>,
}

/// The corpus replayed under both versions.
#[derive(Clone, Debug, Default)]
pub struct Replay {
    /// How many case files were replayed.
    pub cases: usize,
    /// Those whose outcome changed, in the order given.
    pub changed: Vec<CaseChange>,
    /// Case files neither version accepts: name and the first error.
    pub invalid: Vec<(String, String)>,
}

/// The outcome of a case, reduced to what a behavioural diff compares.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Summary {
    /// Each remedy of the catalogue, by id.
    status: Vec<(String, Status)>,
    /// The rules that gave each given remedy.
    rules: Vec<(String, Vec<String>)>,
}

fn shown(c: &Computed) -> String {
    match &c.value {
        Some(v) => {
            let shown = match c.currency.and_then(Currency::active) {
                Some(currency) => crate::value::money_for_people(&v.to_string(), currency, "en"),
                None => v.to_string(),
            };
            // a ceiling reads `up to 500.00 yuan`, so a change from an amount
            // to a ceiling is a change
            if c.up_to {
                format!("up to {shown}")
            } else {
                shown
            }
        }
        None => "unknown".to_string(),
    }
}

/// The outcome reduced to the remedies at `remedies` (indexes into the
/// model's catalogue, in catalogue order). Linear in those remedies and the
/// outcome: the given and undetermined remedies are looked up by id.
fn summarize(
    model: &Model,
    outcome: &Outcome,
    remedies: impl IntoIterator<Item = usize>,
) -> Summary {
    let mut given_by_id: HashMap<&str, Vec<&crate::outcome::AppliedRemedy<'_>>> = HashMap::new();
    for g in &outcome.remedies {
        given_by_id.entry(g.id).or_default().push(g);
    }
    let undetermined: HashSet<&str> = outcome.undetermined.iter().map(|u| u.id).collect();
    let mut status = Vec::new();
    let mut rules = Vec::new();
    for remedy in remedies.into_iter().filter_map(|i| model.remedies.get(i)) {
        let s = if let Some(given) = given_by_id.get(remedy.id.as_str()) {
            let mut names: Vec<String> = given
                .iter()
                .flat_map(|g| g.because.iter().map(|b| b.rule.to_string()))
                .collect();
            names.sort();
            rules.push((remedy.id.clone(), names));
            Status::Given(
                given
                    .iter()
                    .map(|g| Grant {
                        params: g
                            .params
                            .0
                            .iter()
                            .map(|(k, v)| (k.to_string(), shown(v)))
                            .collect(),
                        amount: g.amount.as_ref().map(shown),
                        deadline: g
                            .deadline
                            .as_ref()
                            .map(|d| d.date.clone().unwrap_or_else(|| "unknown".to_string())),
                    })
                    .collect(),
            )
        } else if undetermined.contains(remedy.id.as_str()) {
            Status::Undetermined
        } else {
            Status::NotGiven
        };
        status.push((remedy.id.clone(), s));
    }
    Summary { status, rules }
}

/// The remedies whose status differs, old catalogue order first; linear in
/// the two summaries (looked up by id).
fn compare(old: &Summary, new: &Summary) -> Vec<RemedyChange> {
    let old_by_id: HashMap<&str, &Status> =
        old.status.iter().map(|(id, s)| (id.as_str(), s)).collect();
    let new_by_id: HashMap<&str, &Status> =
        new.status.iter().map(|(id, s)| (id.as_str(), s)).collect();
    let mut ids: Vec<&String> = old.status.iter().map(|(id, _)| id).collect();
    let mut listed: HashSet<&str> = old_by_id.keys().copied().collect();
    for (id, _) in &new.status {
        if listed.insert(id.as_str()) {
            ids.push(id);
        }
    }
    let get = |m: &HashMap<&str, &Status>, id: &str| {
        m.get(id).map_or(Status::NotGiven, |st| (*st).clone())
    };
    ids.into_iter()
        .filter_map(|id| {
            let (o, n) = (get(&old_by_id, id), get(&new_by_id, id));
            (o != n).then(|| RemedyChange {
                remedy: id.clone(),
                old: o,
                new: n,
            })
        })
        .collect()
}

/// The result of a case under both versions.
enum Compared {
    Same { silent: bool },
    Changed(Vec<RemedyChange>, Option<String>),
    BothInvalid(String),
}

fn compare_results(old: Result<Summary, String>, new: Result<Summary, String>) -> Compared {
    match (old, new) {
        (Ok(o), Ok(n)) => {
            let changes = compare(&o, &n);
            if changes.is_empty() {
                Compared::Same {
                    silent: o.rules != n.rules,
                }
            } else {
                Compared::Changed(changes, None)
            }
        }
        (Err(e), Ok(_)) => Compared::Changed(
            Vec::new(),
            Some(format!("the old version rejects the case: {e}")),
        ),
        (Ok(_), Err(e)) => Compared::Changed(
            Vec::new(),
            Some(format!("the new version rejects the case: {e}")),
        ),
        (Err(e), Err(_)) => Compared::BothInvalid(e),
    }
}

fn run_file(graph: &DecisionGraph, file: &Arc<SourceFile>) -> Result<Summary, String> {
    let (case, diagnostics) = case::parse_case(graph.model(), file, Format::from_path(file.name()));
    match case {
        Some(c) => Ok(summarize(
            graph.model(),
            &eval::evaluate(graph, &c, &EvalOptions::default()),
            0..graph.model().remedies.len(),
        )),
        None => Err(diagnostics
            .iter()
            .find(|d| d.is_error())
            .map_or_else(|| "invalid case".to_string(), |d| d.message.clone())),
    }
}

/// Replay every corpus case under both versions.
pub(super) fn replay(
    old: &DecisionGraph,
    new: &DecisionGraph,
    corpus: &[Arc<SourceFile>],
) -> Replay {
    let mut out = Replay {
        cases: corpus.len(),
        ..Replay::default()
    };
    for file in corpus {
        match compare_results(run_file(old, file), run_file(new, file)) {
            Compared::Same { .. } => {}
            Compared::Changed(changes, rejected) => out.changed.push(CaseChange {
                case: file.name().to_string(),
                changes,
                rejected,
            }),
            Compared::BothInvalid(e) => out.invalid.push((file.name().to_string(), e)),
        }
    }
    out
}

// ---------------------------------------------------------- case values

/// A fact's value in a generated case, independent of either model's ids.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum CaseValue {
    Bool(bool),
    Number(Decimal),
    /// An amount, in the currency of the fact it was made for (shown with
    /// it; read by either version in its fact's currency, as a case file's
    /// plain amount is).
    Money(Decimal, Currency),
    Date(Date),
    Text(String),
    Choice(String),
    /// a `some of` fact's values, by name, in declaration order
    Set(Vec<String>),
}

impl CaseValue {
    fn from_value(model: &Model, v: &Value) -> CaseValue {
        match v {
            Value::Bool(b) => CaseValue::Bool(*b),
            Value::Number(n) => CaseValue::Number(*n),
            Value::Money(m, c) => CaseValue::Money(*m, *c),
            Value::Date(d) => CaseValue::Date(*d),
            Value::Text(t) => CaseValue::Text(t.to_string()),
            Value::Choice(..) => CaseValue::Choice(model.show(v)),
            Value::Set(list, chosen) => CaseValue::Set(
                model
                    .set_names(*list, chosen)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
            ),
        }
    }

    fn to_value(&self, model: &Model, ty: Type) -> Option<Value> {
        match (self, ty) {
            (CaseValue::Bool(b), Type::Bool) => Some(Value::Bool(*b)),
            (CaseValue::Number(n), Type::Number) => Some(Value::Number(*n)),
            (CaseValue::Money(m, _), Type::Money(c)) => Some(Value::Money(*m, c)),
            (CaseValue::Date(d), Type::Date) => Some(Value::Date(*d)),
            (CaseValue::Text(t), Type::Text) => Some(Value::Text(t.as_str().into())),
            (CaseValue::Choice(c), Type::OneOf(set)) => model
                .one_of_values(set)
                .iter()
                .position(|v| v == c)
                .and_then(|i| u32::try_from(i).ok())
                .map(|i| Value::Choice(set, i)),
            (CaseValue::Set(names), Type::Set(list)) => {
                let values = model.one_of_values(list);
                let chosen: Option<Vec<u32>> = names
                    .iter()
                    .map(|n| {
                        values
                            .iter()
                            .position(|v| v == n)
                            .and_then(|i| u32::try_from(i).ok())
                    })
                    .collect();
                Some(Value::set(list, chosen?))
            }
            _ => None,
        }
    }

    fn show(&self) -> String {
        match self {
            CaseValue::Bool(true) => "yes".into(),
            CaseValue::Bool(false) => "no".into(),
            CaseValue::Number(n) => n.normalize().to_string(),
            CaseValue::Money(m, c) => {
                crate::value::money_for_people(&crate::value::format_money(*m), *c, "en")
            }
            CaseValue::Date(d) => d.to_string(),
            CaseValue::Text(t) => format!("{t:?}"),
            CaseValue::Choice(c) => c.clone(),
            CaseValue::Set(names) => format!("[{}]", names.join(", ")),
        }
    }

    fn json(&self) -> serde_json::Value {
        match self {
            CaseValue::Bool(b) => serde_json::Value::Bool(*b),
            CaseValue::Number(n) => {
                let n = n.normalize();
                match i64::try_from(n) {
                    Ok(i) if n.scale() == 0 => serde_json::Value::from(i),
                    _ => serde_json::Value::String(n.to_string()),
                }
            }
            CaseValue::Money(m, _) => serde_json::Value::String(crate::value::format_money(*m)),
            CaseValue::Date(d) => serde_json::Value::String(d.to_string()),
            CaseValue::Text(t) | CaseValue::Choice(t) => serde_json::Value::String(t.clone()),
            CaseValue::Set(names) => serde_json::Value::Array(
                names
                    .iter()
                    .map(|n| serde_json::Value::String(n.clone()))
                    .collect(),
            ),
        }
    }
}

/// Known facts of a case, by name.
type Facts = BTreeMap<String, CaseValue>;

fn facts_of_case(model: &Model, case: &Case) -> Facts {
    model
        .facts
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let v = case.get(FactId(u32::try_from(i).ok()?))?;
            Some((f.name.clone(), CaseValue::from_value(model, v)))
        })
        .collect()
}

/// A case as a JSON file: nested objects by the dotted names.
fn case_json(facts: &Facts) -> String {
    let mut root = serde_json::Map::new();
    for (name, value) in facts {
        let parts: Vec<&str> = name.split('.').collect();
        if !insert(&mut root, &parts, value.json()) {
            root.insert(name.clone(), value.json());
        }
    }
    serde_json::to_string_pretty(&serde_json::Value::Object(root)).unwrap_or_default()
}

fn insert(
    map: &mut serde_json::Map<String, serde_json::Value>,
    path: &[&str],
    value: serde_json::Value,
) -> bool {
    match path {
        [] => false,
        [last] => {
            if map.contains_key(*last) {
                return false;
            }
            map.insert((*last).to_string(), value);
            true
        }
        [first, rest @ ..] => {
            let entry = map
                .entry((*first).to_string())
                .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
            match entry {
                serde_json::Value::Object(inner) => insert(inner, rest, value),
                _ => false,
            }
        }
    }
}

/// A version, ready to run generated cases: the version cut down to the
/// rules that decide the affected remedies (every fact, derived fact and
/// remedy kept, so ids and case validation are the version's own), so a
/// case costs what those rules cost, not what the rulebook costs.
struct Side<'g> {
    graph: DecisionGraph,
    ids: HashMap<&'g str, FactId>,
    /// The affected remedies, as indexes into the catalogue.
    remedies: Vec<usize>,
    /// The watched conditions are the rules from this index on, with no
    /// conclusion: the trace says what each came to.
    watched_from: usize,
}

impl<'g> Side<'g> {
    fn new(
        graph: &'g DecisionGraph,
        rules: &[usize],
        affected: &BTreeSet<String>,
        watched: &[(String, Expr)],
    ) -> Self {
        let model = graph.model();
        let ids = model
            .facts
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((f.name.as_str(), FactId(u32::try_from(i).ok()?))))
            .collect();
        // rules keep their order; an exception's rule is in its tree, so kept
        let mut renumbered: Vec<Option<u32>> = vec![None; model.rules.len()];
        for (new_index, &i) in rules.iter().enumerate() {
            if let (Some(slot), Ok(n)) = (renumbered.get_mut(i), u32::try_from(new_index)) {
                *slot = Some(n);
            }
        }
        let mut kept: Vec<Rule> = rules
            .iter()
            .filter_map(|&i| model.rules.get(i))
            .map(|r| Rule {
                exception_to: r
                    .exception_to
                    .and_then(|up| renumbered.get(up.index()).copied().flatten())
                    .map(RuleId),
                ..r.clone()
            })
            .collect();
        let watched_from = kept.len();
        kept.extend(watched.iter().enumerate().map(|(k, (_, e))| Rule {
            name: format!("watched {k}"),
            exception_to: None,
            targets: Vec::new(),
            amount_up_to: false,
            condition: e.clone(),
            conclusion: None,
            amount: None,
            deadline: None,
            cites: Vec::new(),
            period: None,
        }));
        let cut = Model {
            header: model.header.clone(),
            laws: model.laws.clone(),
            one_ofs: model.one_ofs.clone(),
            facts: model.facts.clone(),
            derived: model.derived.clone(),
            remedies: model.remedies.clone(),
            rules: kept,
            counts: model.counts.clone(),
        };
        let remedies = model
            .remedies
            .iter()
            .enumerate()
            .filter(|(_, r)| affected.contains(&r.id))
            .map(|(i, _)| i)
            .collect();
        Side {
            graph: DecisionGraph::compile(cut),
            ids,
            remedies,
            watched_from,
        }
    }

    /// The case's outcome for the affected remedies, and what each watched
    /// condition came to (none when the version rejects the case).
    fn run(&self, facts: &Facts) -> (Result<Summary, String>, Vec<Truth>) {
        let model = self.graph.model();
        let mut case = Case::empty(model);
        for (name, value) in facts {
            // a key the version does not declare is ignored, as in a case file
            let Some(&id) = self.ids.get(name.as_str()) else {
                continue;
            };
            let Some(fact) = model.facts.get(id.index()) else {
                continue;
            };
            match value.to_value(model, fact.ty) {
                Some(v) => case.set(id, v),
                None => {
                    let why = format!(
                        "`{name}` cannot be {} here: it is {}",
                        value.show(),
                        show::ty(model, fact.ty)
                    );
                    return (Err(why), Vec::new());
                }
            }
        }
        let (outcome, trace) = eval::evaluate_traced(&self.graph, &case, &EvalOptions::default());
        let watched = trace
            .conditions
            .get(self.watched_from..)
            .unwrap_or_default()
            .to_vec();
        (
            Ok(summarize(model, &outcome, self.remedies.iter().copied())),
            watched,
        )
    }
}

// ------------------------------------------------------------- analysis

/// A fact compared with a constant or with another fact.
#[derive(Default, Debug)]
struct Probe {
    /// Boundary values and choices.
    values: BTreeSet<CaseValue>,
    /// False when some condition reads the fact in a way the values do not
    /// partition (arithmetic, another fact, months).
    incomplete: Vec<String>,
    /// The same texts, to keep the list free of repeats in linear time.
    noted: HashSet<String>,
    /// For a set-valued fact: the values its `includes` tests name, in the
    /// order first named (the sets tried are every subset of them).
    named: Vec<String>,
}

impl Probe {
    /// Note a condition that reads the fact in a way the values do not partition.
    fn note(&mut self, text: &str) {
        if self.noted.insert(text.to_string()) {
            self.incomplete.push(text.to_string());
        }
    }
}

/// Where a comparison between facts puts its boundary for the fact `a`.
#[derive(Clone, Debug)]
struct Relation {
    a: String,
    to: Target,
    text: String,
}

#[derive(Clone, Debug)]
enum Target {
    /// `a = b` between facts of a type without order: `a` equal to `b`, and not.
    Same(String),
    /// `a ⋈ b + months + days` between dates, with whole months (a month
    /// is 28 to 31 days, so this is not linear): `a` the day before, of and
    /// after that date.
    Calendar { b: String, months: i64, days: i64 },
    /// `a ⋈ b + n working days` on a calendar: `a` the working days around
    /// that day and the days next to them, so that a threshold is crossed
    /// both ways even across a holiday.
    WorkingDays {
        b: String,
        n: i64,
        calendar: crate::calendar::Calendar,
    },
    /// `a ⋈ Σ scale · other + offset` (dates in days): `a` a step below, on
    /// and above the boundary, the others at their seed or anchor values.
    Linear {
        others: Vec<(String, Decimal)>,
        offset: Decimal,
        /// The type of `a`.
        ty: Type,
    },
}

impl Relation {
    /// The facts it reads besides `a`.
    fn others(&self) -> Vec<&String> {
        match &self.to {
            Target::Same(b) | Target::Calendar { b, .. } | Target::WorkingDays { b, .. } => {
                vec![b]
            }
            Target::Linear { others, .. } => others.iter().map(|(n, _)| n).collect(),
        }
    }
}

/// What the conditions of both versions say about each fact.
#[derive(Default)]
struct Analysis {
    probes: BTreeMap<String, Probe>,
    relations: Vec<Relation>,
    /// Conditions the search has no way to put on either side: not a
    /// comparison with a constant, nor linear in facts (in order, once).
    unreached: Vec<String>,
}

fn fact_type(model: &Model, f: FactId) -> Option<Type> {
    model.facts.get(f.index()).map(|f| f.ty)
}

/// Facts an expression reads directly (not through derived facts).
fn direct_facts(model: &Model, e: &Expr, out: &mut BTreeSet<String>) {
    for (_, x) in e.walk() {
        if let Expr::Fact(f) = x {
            out.insert(model.fact_name(*f).to_string());
        }
    }
}

/// Derived facts an expression reads directly.
fn direct_derived(model: &Model, e: &Expr, out: &mut BTreeSet<String>) {
    for (_, x) in e.walk() {
        if let Some(d) = match x {
            Expr::Derived(d) => model.derived.get(d.index()),
            _ => None,
        } {
            out.insert(d.name.clone());
        }
    }
}

/// Per model: the facts and derived facts each derived fact reads, transitively.
struct Reads {
    facts: HashMap<String, BTreeSet<String>>,
    derived: HashMap<String, BTreeSet<String>>,
}

impl Reads {
    fn new(model: &Model) -> Reads {
        // derived facts are declared before use or not: each is completed
        // after the ones it reads (a depth-first walk without recursion,
        // each definition visited once; the checker ruled out cycles, and a
        // definition met again while open is skipped)
        let index: HashMap<&str, usize> = model
            .derived
            .iter()
            .enumerate()
            .map(|(i, d)| (d.name.as_str(), i))
            .collect();
        let direct: Vec<(BTreeSet<String>, Vec<usize>)> = model
            .derived
            .iter()
            .map(|d| {
                let mut f = BTreeSet::new();
                direct_facts(model, &d.expr, &mut f);
                let mut ds = BTreeSet::new();
                direct_derived(model, &d.expr, &mut ds);
                let inner = ds
                    .iter()
                    .filter_map(|n| index.get(n.as_str()).copied())
                    .collect();
                (f, inner)
            })
            .collect();
        let n = model.derived.len();
        let mut done: Vec<Option<(BTreeSet<String>, BTreeSet<String>)>> = vec![None; n];
        let mut open = vec![false; n];
        for start in 0..n {
            let mut stack = vec![(start, false)];
            while let Some((i, expanded)) = stack.pop() {
                if done.get(i).is_some_and(Option::is_some) {
                    continue;
                }
                let Some((f, inner)) = direct.get(i) else {
                    continue;
                };
                if !expanded {
                    if open.get(i).copied().unwrap_or(true) {
                        continue;
                    }
                    if let Some(o) = open.get_mut(i) {
                        *o = true;
                    }
                    stack.push((i, true));
                    stack.extend(inner.iter().map(|&j| (j, false)));
                    continue;
                }
                let mut facts = f.clone();
                let mut derived = BTreeSet::new();
                for &j in inner {
                    if let Some(name) = model.derived.get(j).map(|d| d.name.clone()) {
                        derived.insert(name);
                    }
                    if let Some(Some((jf, jd))) = done.get(j) {
                        facts.extend(jf.iter().cloned());
                        derived.extend(jd.iter().cloned());
                    }
                }
                if let Some(slot) = done.get_mut(i) {
                    *slot = Some((facts, derived));
                }
            }
        }
        let mut facts = HashMap::new();
        let mut derived = HashMap::new();
        for (d, sets) in model.derived.iter().zip(done) {
            let (f, ds) = sets.unwrap_or_default();
            facts.insert(d.name.clone(), f);
            derived.insert(d.name.clone(), ds);
        }
        Reads { facts, derived }
    }

    /// Facts and derived facts an expression reads, through derived facts.
    fn of(&self, model: &Model, e: &Expr) -> (BTreeSet<String>, BTreeSet<String>) {
        let mut f = BTreeSet::new();
        direct_facts(model, e, &mut f);
        let mut d = BTreeSet::new();
        direct_derived(model, e, &mut d);
        for name in d.clone() {
            f.extend(self.facts.get(&name).cloned().unwrap_or_default());
            d.extend(self.derived.get(&name).cloned().unwrap_or_default());
        }
        (f, d)
    }
}

impl Analysis {
    fn probe(&mut self, name: String) -> &mut Probe {
        self.probes.entry(name).or_default()
    }

    /// A condition the search cannot aim at: noted on its facts, and as
    /// unreached.
    fn unreached(&mut self, model: &Model, e: &Expr) {
        let text = show::expr(model, e);
        if !self.unreached.contains(&text) {
            self.unreached.push(text);
        }
        self.incomplete(model, e);
    }

    fn incomplete(&mut self, model: &Model, e: &Expr) {
        let mut facts = BTreeSet::new();
        direct_facts(model, e, &mut facts);
        let text = show::expr(model, e);
        for f in facts {
            let p = self.probe(f);
            p.note(&text);
        }
    }

    /// Read the condition of every `if` in a value (not through derived
    /// facts): `scan` of the condition finds the `if`s inside it, so each
    /// condition is read once.
    fn scan_ifs(&mut self, model: &Model, e: &Expr) {
        let mut pending = vec![e];
        while let Some(x) = pending.pop() {
            match x {
                Expr::If(c, a, b) => {
                    self.scan(model, c);
                    pending.push(b);
                    pending.push(a);
                }
                other => pending.extend(other.children().rev()),
            }
        }
    }

    /// Read one condition (a yes/no expression) of a model.
    fn scan(&mut self, model: &Model, e: &Expr) {
        match e {
            // a yes/no `if`: its condition, and each branch as a condition
            Expr::If(c, a, b) => {
                self.scan(model, c);
                self.scan(model, a);
                self.scan(model, b);
            }
            Expr::And(l) | Expr::Or(l) => {
                for x in l {
                    self.scan(model, x);
                }
            }
            Expr::Not(a) => self.scan(model, a),
            Expr::Fact(f) => {
                let p = self.probe(model.fact_name(*f).to_string());
                p.values.insert(CaseValue::Bool(true));
                p.values.insert(CaseValue::Bool(false));
            }
            Expr::Derived(_) | Expr::Const(_) => {}
            Expr::Cmp(op, a, b) => {
                self.counts(model, e);
                self.scan_ifs(model, a);
                self.scan_ifs(model, b);
                if !(self.against_const(model, *op, a, b)
                    || self.against_const(model, *op, b, a)
                    || self.relation(model, e, a, b))
                {
                    self.unreached(model, e);
                }
            }
            Expr::In {
                subject, values, ..
            } => match subject.as_ref() {
                Expr::Fact(f) => {
                    let p = self.probe(model.fact_name(*f).to_string());
                    for v in values {
                        p.values.insert(CaseValue::from_value(model, v));
                    }
                    if let Some(Type::Text) = fact_type(model, *f) {
                        p.values.insert(other_text(values));
                    }
                }
                _ => self.unreached(model, e),
            },
            Expr::Includes {
                list,
                subject,
                values,
                ..
            } => match subject.as_ref() {
                Expr::Fact(f) => {
                    let text = show::expr(model, e);
                    let p = self.probe(model.fact_name(*f).to_string());
                    set_values(model, *list, p);
                    // A set's tests depend only on which of the values they
                    // name it holds: every subset of those values covers
                    // every class, when they are few enough to try.
                    for n in model.set_names(*list, values) {
                        if !p.named.iter().any(|m| m == n) {
                            p.named.push(n.to_string());
                        }
                    }
                    if p.named.len() <= MAX_NAMED_SET_VALUES {
                        let order = model.one_of_values(*list);
                        let at = |n: &String| order.iter().position(|v| v == n);
                        for mask in 0..(1u32 << p.named.len()) {
                            let mut subset: Vec<String> = p
                                .named
                                .iter()
                                .enumerate()
                                .filter(|(i, _)| mask & (1 << i) != 0)
                                .map(|(_, n)| n.clone())
                                .collect();
                            subset.sort_by_key(at);
                            p.values.insert(CaseValue::Set(subset));
                        }
                    } else {
                        p.note(&text);
                    }
                }
                _ => self.unreached(model, e),
            },
            _ => self.unreached(model, e),
        }
    }

    /// `fact (± days) ⋈ constant`: the boundary values. False when the
    /// comparison has another form.
    fn against_const(&mut self, model: &Model, op: CmpOp, a: &Expr, b: &Expr) -> bool {
        let Expr::Const(c) = b else { return false };
        let (f, shift) = match a {
            Expr::Fact(f) => (*f, None),
            Expr::Shift(inner, n, unit) => match inner.as_ref() {
                Expr::Fact(f) => (*f, Some((*n, *unit))),
                _ => return false,
            },
            _ => return false,
        };
        let name = model.fact_name(f).to_string();
        let exact = !matches!(
            shift,
            Some((_, Unit::Months | Unit::Years | Unit::WorkingDays))
        );
        let values: Vec<CaseValue> = match c {
            Value::Number(n) => around(*n, step(*n, false))
                .into_iter()
                .map(CaseValue::Number)
                .collect(),
            Value::Money(n, cur) => around(*n, step(*n, true))
                .into_iter()
                .map(|m| CaseValue::Money(m, *cur))
                .collect(),
            Value::Date(d) => {
                let base = match shift {
                    None => Some(*d),
                    // the date n working days before: the fact's value that
                    // lands on the constant
                    Some((n, Unit::WorkingDays)) => model
                        .header
                        .calendar
                        .and_then(|c| c.add_working_days(*d, n.checked_neg()?).ok()),
                    Some((n, unit)) => d.checked_sub(span(n, unit)).ok(),
                };
                [-1, 0, 1]
                    .into_iter()
                    .filter_map(|k| base?.checked_add(k.days()).ok())
                    .map(CaseValue::Date)
                    .collect()
            }
            Value::Bool(_) => vec![CaseValue::Bool(true), CaseValue::Bool(false)],
            Value::Text(t) => vec![
                CaseValue::Text(t.to_string()),
                other_text(std::slice::from_ref(c)),
            ],
            Value::Choice(..) | Value::Set(..) => vec![CaseValue::from_value(model, c)],
        };
        let text = show::expr(
            model,
            &Expr::Cmp(op, Box::new(a.clone()), Box::new(b.clone())),
        );
        let p = self.probe(name);
        p.values.extend(values);
        if !exact {
            p.note(&text);
        }
        true
    }

    /// A comparison of a fact with other facts, or with a constant through
    /// derived facts or arithmetic: read as a linear form (`linear.rs`), it
    /// gives the boundary values of one fact, or a relation between facts
    /// that the search solves at each seed. False when it is not linear.
    fn relation(&mut self, model: &Model, e: &Expr, a: &Expr, b: &Expr) -> bool {
        let text = show::expr(model, e);
        // working days: `working days from x to y ⋈ c` and `x + n working
        // days ⋈ y` (either side), counted on the calendar
        if let Some(calendar) = model.header.calendar {
            let found = match (a, b) {
                (Expr::WorkingDaysFrom(x, y), Expr::Const(Value::Number(c))) => {
                    match (x.as_ref(), y.as_ref(), i64::try_from(*c)) {
                        (Expr::Fact(x), Expr::Fact(y), Ok(c)) => Some((*y, *x, c)),
                        _ => None,
                    }
                }
                (Expr::Shift(x, n, Unit::WorkingDays), Expr::Fact(y)) => match x.as_ref() {
                    // x + n ⋈ y: x's boundary is y - n working days
                    Expr::Fact(x) => Some((*x, *y, n.saturating_neg())),
                    _ => None,
                },
                (Expr::Fact(y), Expr::Shift(x, n, Unit::WorkingDays)) => match x.as_ref() {
                    // y ⋈ x + n: y's boundary is x + n working days
                    Expr::Fact(x) => Some((*y, *x, *n)),
                    _ => None,
                },
                _ => None,
            };
            if let Some((fa, fb, n)) = found {
                for f in [fa, fb] {
                    self.probe(model.fact_name(f).to_string()).note(&text);
                }
                self.relations.push(Relation {
                    a: model.fact_name(fa).to_string(),
                    to: Target::WorkingDays {
                        b: model.fact_name(fb).to_string(),
                        n,
                        calendar,
                    },
                    text,
                });
                return true;
            }
        }
        // facts without order compared with each other
        if let (Expr::Fact(fa), Expr::Fact(fb)) = (a, b) {
            if fact_type(model, *fa).is_some_and(|t| !t.is_ordered()) {
                let rel = Relation {
                    a: model.fact_name(*fa).to_string(),
                    to: Target::Same(model.fact_name(*fb).to_string()),
                    text: text.clone(),
                };
                for f in [model.fact_name(*fa), model.fact_name(*fb)] {
                    self.probe(f.to_string()).note(&text);
                }
                self.relations.push(rel);
                return true;
            }
        }
        let (Some(fa), Some(fb)) = (linear::form(model, a, 0), linear::form(model, b, 0)) else {
            // dates months or years apart
            let (Some((x, xm, xd)), Some((y, ym, yd))) =
                (linear::calendar(model, a, 0), linear::calendar(model, b, 0))
            else {
                return false;
            };
            if x == y {
                return false;
            }
            let (Some(months), Some(days)) = (ym.checked_sub(xm), yd.checked_sub(xd)) else {
                return false;
            };
            for f in [x, y] {
                self.probe(model.fact_name(f).to_string()).note(&text);
            }
            self.relations.push(Relation {
                a: model.fact_name(x).to_string(),
                to: Target::Calendar {
                    b: model.fact_name(y).to_string(),
                    months,
                    days,
                },
                text,
            });
            return true;
        };
        let Some(form) = linear::Form::difference(&fa, &fb) else {
            return false;
        };
        // solve for a fact of coefficient ±1 if there is one (a date fact
        // first: other dates and numbers are then counted in days from it)
        let pick = form
            .terms
            .iter()
            .position(|(f, c)| c.abs() == Decimal::ONE && fact_type(model, *f) == Some(Type::Date))
            .or_else(|| form.terms.iter().position(|(_, c)| c.abs() == Decimal::ONE))
            .or(if form.terms.is_empty() { None } else { Some(0) });
        let Some((target, coef)) = pick.and_then(|i| form.terms.get(i)).copied() else {
            return false;
        };
        let Some(ty) = fact_type(model, target) else {
            return false;
        };
        // target ⋈ -(constant + Σ others) / coef
        let scale = |c: Decimal| (-c).checked_div(coef);
        let Some(offset) = scale(form.constant) else {
            return false;
        };
        let mut others = Vec::new();
        for (f, c) in &form.terms {
            if *f != target {
                let Some(k) = scale(*c) else { return false };
                others.push((model.fact_name(*f).to_string(), k));
            }
        }
        let name = model.fact_name(target).to_string();
        if others.is_empty() {
            // one fact against a constant: its boundary values now
            let values = boundary(ty, offset);
            let p = self.probe(name);
            p.values.extend(values);
            if coef.abs() != Decimal::ONE {
                p.note(&text);
            }
            return true;
        }
        self.probe(name.clone()).note(&text);
        for (o, _) in &others {
            self.probe(o.clone()).note(&text);
        }
        self.relations.push(Relation {
            a: name,
            to: Target::Linear { others, offset, ty },
            text,
        });
        true
    }
}

impl Analysis {
    /// A number fact that is the count of a duration (`d + warranty.months
    /// months`) gets counts to try: none, one, a week's and a month's worth.
    fn counts(&mut self, model: &Model, e: &Expr) {
        for (_, x) in e.walk() {
            if let Expr::ShiftBy { count, .. } = x
                && let Expr::Fact(f) = count.as_ref()
            {
                let p = self.probe(model.fact_name(*f).to_string());
                for n in [0, 1, 7, 30] {
                    p.values.insert(CaseValue::Number(Decimal::from(n)));
                }
                let text = show::expr(model, e);
                p.note(&text);
            }
        }
    }
}

/// A step below, on and a step above `at` (days for a date, a fen for
/// money, the last digit of `at` for a number).
fn boundary(ty: Type, at: Decimal) -> Vec<CaseValue> {
    match ty {
        Type::Date => {
            let (lo, hi) = (at.floor(), at.ceil());
            let mut days = vec![lo - Decimal::ONE, lo, hi, hi + Decimal::ONE];
            days.dedup();
            days.into_iter()
                .filter_map(linear::date_of)
                .map(CaseValue::Date)
                .collect()
        }
        Type::Money(currency) => {
            let at = at.round_dp(2);
            around(at, step(at, true))
                .into_iter()
                .map(|m| CaseValue::Money(m, currency))
                .collect()
        }
        Type::Number => {
            let at = at.round_dp(10).normalize();
            around(at, step(at, false).min(Decimal::ONE))
                .into_iter()
                .map(CaseValue::Number)
                .collect()
        }
        _ => Vec::new(),
    }
}

fn span(n: i64, unit: Unit) -> jiff::Span {
    match unit {
        Unit::Days => n.days(),
        Unit::Weeks => n.weeks(),
        Unit::Months => n.months(),
        Unit::Years => n.years(),
        // counted on a calendar, not a span (see `against_const`)
        Unit::WorkingDays => n.days(),
    }
}

/// The smallest step at a constant: a fen for money, the constant's last
/// digit for numbers.
fn step(c: Decimal, money: bool) -> Decimal {
    let scale = if money {
        c.normalize().scale().max(2)
    } else {
        c.normalize().scale()
    };
    Decimal::new(1, scale)
}

fn around(c: Decimal, step: Decimal) -> Vec<Decimal> {
    [c.checked_sub(step), Some(c), c.checked_add(step)]
        .into_iter()
        .flatten()
        .collect()
}

/// The most values of a set-valued fact that its `includes` tests may name
/// for the search to try every subset of them (16 sets).
const MAX_NAMED_SET_VALUES: usize = 4;

/// The sets every `some of` fact is tried with: none of its values, each
/// value alone, and all of them.
fn set_values(model: &Model, list: crate::value::OneOfId, p: &mut Probe) {
    let all: Vec<String> = model.one_of_values(list).to_vec();
    p.values.insert(CaseValue::Set(Vec::new()));
    for v in &all {
        p.values.insert(CaseValue::Set(vec![v.clone()]));
    }
    p.values.insert(CaseValue::Set(all));
}

/// A text equal to none of the given values.
fn other_text(values: &[Value]) -> CaseValue {
    let mut candidate = "something else".to_string();
    while values
        .iter()
        .any(|v| matches!(v, Value::Text(t) if t.as_ref() == candidate))
    {
        candidate.push('!');
    }
    CaseValue::Text(candidate)
}

// --------------------------------------------------------------- search

/// A fact the search varied, and the values it tried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchedFact {
    /// The fact.
    pub name: String,
    /// True when a changed condition reads it (otherwise it is read by a
    /// rule of an affected remedy).
    pub changed: bool,
    /// The values tried, shown, besides unknown and the seed's own value.
    pub values: Vec<String>,
}

/// A generated case whose outcome differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The seed it was generated from: a corpus case or `the empty case`.
    pub from: String,
    /// The case as a JSON case file.
    pub case_json: String,
    /// The remedies whose outcome changed.
    pub changes: Vec<RemedyChange>,
    /// When one version rejects the case: which, and why.
    pub rejected: Option<String>,
    /// How many other generated cases showed the same kind of change.
    pub similar: usize,
    /// True when some corpus case shows the same kind of change.
    pub in_corpus: bool,
}

/// What the search did and found.
#[derive(Clone, Debug, Default)]
pub struct Search {
    /// Rules, exceptions and derived facts whose meaning changed.
    pub changed_items: Vec<String>,
    /// The conditions that differ between the versions, as written
    /// (`old: …` / `new: …`).
    pub changed_conditions: Vec<String>,
    /// The remedies whose rules changed.
    pub affected_remedies: Vec<String>,
    /// The facts varied.
    pub facts: Vec<SearchedFact>,
    /// Comparisons between two facts searched at their boundary.
    pub relations: Vec<String>,
    /// Seeds: the corpus cases one version accepts, and the empty case.
    pub seeds: usize,
    /// Distinct cases evaluated under both versions.
    pub tried: usize,
    /// True when every combination of the searched values was tried from
    /// the empty case.
    pub combinations: bool,
    /// One case for each kind of change found (the one with the fewest facts).
    pub found: Vec<Found>,
    /// True when the search covered every class of cases the conditions of
    /// the affected remedies tell apart: then no difference found means none
    /// exists.
    pub exhaustive: bool,
    /// Why it was not exhaustive (empty when it was).
    pub not_exhaustive: Vec<String>,
    /// The conditions the search had no way to aim at (not comparisons
    /// with constants, nor linear in facts): cases on their other side may
    /// not have been tried.
    pub unreached: Vec<String>,
    /// True when it stopped at the case limit.
    pub truncated: bool,
}

/// The rule each rule's exception chain starts from (itself for a rule),
/// by index. Linear: a chain is walked up to the first rule whose root is
/// known, then every rule on the way is given that root.
fn tree_roots(model: &Model) -> Vec<usize> {
    let n = model.rules.len();
    let mut root: Vec<Option<usize>> = vec![None; n];
    let mut path = Vec::new();
    for i in 0..n {
        let mut at = i;
        let found = loop {
            if let Some(r) = root.get(at).copied().flatten() {
                break r;
            }
            path.push(at);
            // the checker ruled out loops; the length guards the walk anyway
            match model.rules.get(at).and_then(|r| r.exception_to) {
                Some(up) if up.index() < n && path.len() <= n => at = up.index(),
                _ => break at,
            }
        };
        for p in path.drain(..) {
            if let Some(slot) = root.get_mut(p) {
                *slot = Some(found);
            }
        }
    }
    root.into_iter()
        .enumerate()
        .map(|(i, r)| r.unwrap_or(i))
        .collect()
}

/// The exception trees (by root) that hold a changed rule.
fn changed_trees(model: &Model, roots: &[usize], changed: &HashSet<&str>) -> HashSet<usize> {
    model
        .rules
        .iter()
        .zip(roots)
        .filter(|(r, _)| changed.contains(r.name.as_str()))
        .map(|(_, &t)| t)
        .collect()
}

fn remedy_id<'m>(model: &'m Model, r: &Rule) -> Option<&'m str> {
    let c = r.conclusion.as_ref()?;
    model.remedies.get(c.remedy.index()).map(|m| m.id.as_str())
}

/// The remedies the changed rules can change: each remedy given by a
/// changed rule, by a rule above it (which it sets aside) or by an exception
/// below it (whose scope it is). Linear: each rule is visited at most once
/// upwards and once downwards.
fn affected_remedies(old: &Model, new: &Model, changed: &HashSet<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for model in [old, new] {
        let n = model.rules.len();
        let mut below: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, r) in model.rules.iter().enumerate() {
            if let Some(list) = r.exception_to.and_then(|up| below.get_mut(up.index())) {
                list.push(i);
            }
        }
        let mut seen_up = vec![false; n];
        let mut seen_down = vec![false; n];
        let give = |k: usize, out: &mut BTreeSet<String>| {
            if let Some(id) = model.rules.get(k).and_then(|r| remedy_id(model, r)) {
                out.insert(id.to_string());
            }
        };
        for (i, _) in model
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| changed.contains(r.name.as_str()))
        {
            let mut at = Some(i);
            while let Some(k) = at {
                match seen_up.get_mut(k) {
                    Some(seen) if !*seen => *seen = true,
                    _ => break,
                }
                give(k, &mut out);
                at = model
                    .rules
                    .get(k)
                    .and_then(|r| r.exception_to)
                    .map(RuleId::index);
            }
            let mut stack = vec![i];
            while let Some(k) = stack.pop() {
                match seen_down.get_mut(k) {
                    Some(seen) if !*seen => *seen = true,
                    _ => continue,
                }
                give(k, &mut out);
                stack.extend(below.get(k).into_iter().flatten());
            }
        }
    }
    out
}

/// The rules (indexes, in declaration order) that decide the affected
/// remedies: every exception tree that gives one of them or holds a
/// changed rule. No other rule can change their outcome.
fn deciding_rules(
    model: &Model,
    changed: &HashSet<&str>,
    affected: &BTreeSet<String>,
) -> Vec<usize> {
    let roots = tree_roots(model);
    let mut trees = changed_trees(model, &roots, changed);
    for (r, &t) in model.rules.iter().zip(&roots) {
        if remedy_id(model, r).is_some_and(|id| affected.contains(id)) {
            trees.insert(t);
        }
    }
    roots
        .iter()
        .enumerate()
        .filter(|(_, t)| trees.contains(t))
        .map(|(i, _)| i)
        .collect()
}

/// Atoms of a condition (comparisons, one-of tests, yes/no facts, derived
/// facts that are not yes/no), through yes/no derived facts.
fn atoms(model: &Model, e: &Expr, out: &mut BTreeMap<String, Expr>, depth: usize) {
    if depth > 1_000 {
        return;
    }
    match e {
        Expr::And(l) | Expr::Or(l) => {
            for x in l {
                atoms(model, x, out, depth + 1);
            }
        }
        Expr::Not(a) => atoms(model, a, out, depth + 1),
        Expr::Derived(d) => match model.derived.get(d.index()) {
            Some(def) if def.ty == Type::Bool => atoms(model, &def.expr, out, depth + 1),
            _ => {
                out.insert(show::expr(model, e), e.clone());
            }
        },
        Expr::Const(_) => {}
        other => {
            out.insert(show::expr(model, other), other.clone());
        }
    }
}

struct Versions<'a> {
    old: &'a Model,
    new: &'a Model,
    old_reads: Reads,
    new_reads: Reads,
}

impl Versions<'_> {
    fn reads(&self, model: &Model) -> &Reads {
        if std::ptr::eq(model, self.old) {
            &self.old_reads
        } else {
            &self.new_reads
        }
    }
}

/// Facts whose type differs, or that only one version declares.
fn retyped_facts(old: &Model, new: &Model) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let new_by_name: HashMap<&str, &crate::model::Fact> =
        new.facts.iter().map(|f| (f.name.as_str(), f)).collect();
    let old_names: HashSet<&str> = old.facts.iter().map(|f| f.name.as_str()).collect();
    for f in &old.facts {
        match new_by_name.get(f.name.as_str()) {
            Some(g) if show::ty(old, f.ty) == show::ty(new, g.ty) => {}
            _ => {
                out.insert(f.name.clone());
            }
        }
    }
    for g in &new.facts {
        if !old_names.contains(g.name.as_str()) {
            out.insert(g.name.clone());
        }
    }
    out
}

/// Derived facts whose meaning changed: definition or type, or through
/// what they read.
fn changed_derived(v: &Versions<'_>, retyped: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let (old, new) = (v.old, v.new);
    let new_by_name: HashMap<&str, &crate::model::Derived> =
        new.derived.iter().map(|d| (d.name.as_str(), d)).collect();
    let old_names: HashSet<&str> = old.derived.iter().map(|d| d.name.as_str()).collect();
    for d in &old.derived {
        match new_by_name.get(d.name.as_str()) {
            Some(e)
                if show::expr(old, &d.expr) == show::expr(new, &e.expr)
                    && show::ty(old, d.ty) == show::ty(new, e.ty) => {}
            _ => {
                out.insert(d.name.clone());
            }
        }
    }
    for e in &new.derived {
        if !old_names.contains(e.name.as_str()) {
            out.insert(e.name.clone());
        }
    }
    for (model, reads) in [(old, &v.old_reads), (new, &v.new_reads)] {
        for d in &model.derived {
            let facts = reads.facts.get(&d.name);
            let derived = reads.derived.get(&d.name);
            if facts.is_some_and(|f| !f.is_disjoint(retyped))
                || derived.is_some_and(|ds| ds.iter().any(|x| out.contains(x)))
            {
                out.insert(d.name.clone());
            }
        }
    }
    // a second pass settles chains whose members were marked late
    for (model, reads) in [(old, &v.old_reads), (new, &v.new_reads)] {
        for d in &model.derived {
            if reads
                .derived
                .get(&d.name)
                .is_some_and(|ds| ds.iter().any(|x| out.contains(x)))
            {
                out.insert(d.name.clone());
            }
        }
    }
    out
}

/// The parts of a rule that decide behaviour: condition (with period),
/// exception link, conclusion, and the value expressions.
fn rule_meaning(model: &Model, r: &Rule) -> Vec<String> {
    let aspects = super::rule_aspects(model, r);
    let mut out: Vec<String> = aspects
        .into_iter()
        .filter(|(what, _)| *what != "citations")
        .map(|(_, s)| s)
        .collect();
    out.push(show::expr(model, &r.condition));
    out
}

fn value_exprs(r: &Rule) -> Vec<&Expr> {
    let mut out: Vec<&Expr> = Vec::new();
    if let Some(c) = &r.conclusion {
        out.extend(c.args.iter());
    }
    out.extend(r.amount.iter());
    out.extend(r.deadline.iter());
    out
}

/// The plan: which facts to vary, with which values.
struct Plan {
    search: Search,
    /// Facts varied, changed ones first; each with its values.
    facts: Vec<(String, Vec<CaseValue>)>,
    relations: Vec<Relation>,
    /// The default value of a fact's type (an anchor for relations).
    anchors: HashMap<String, CaseValue>,
    /// The rules deciding the affected remedies (indexes, old then new).
    rules: [Vec<usize>; 2],
    /// The remedies the changed rules can change (ids).
    affected: BTreeSet<String>,
    /// The conditions only one version has (old, new): the search should
    /// see each both true and false.
    watched: [Vec<(String, Expr)>; 2],
}

fn plan(old: &Model, new: &Model) -> Plan {
    let v = Versions {
        old,
        new,
        old_reads: Reads::new(old),
        new_reads: Reads::new(new),
    };
    let retyped = retyped_facts(old, new);
    let derived = changed_derived(&v, &retyped);
    let mut search = Search::default();
    search
        .changed_items
        .extend(derived.iter().map(|d| format!("define {d}")));

    let mut focus: BTreeSet<String> = retyped.clone();
    let mut value_changed: Vec<String> = Vec::new();
    let mut changed_conditions: HashSet<String> = HashSet::new();
    // rules matched by name with a map, old order first: linear in rules
    let old_by_name: HashMap<&str, &Rule> =
        old.rules.iter().map(|r| (r.name.as_str(), r)).collect();
    let new_by_name: HashMap<&str, &Rule> =
        new.rules.iter().map(|r| (r.name.as_str(), r)).collect();
    // each name once: an exception to several rules is several model rules
    let mut seen: HashSet<&str> = HashSet::new();
    let names: Vec<&str> = old
        .rules
        .iter()
        .map(|r| r.name.as_str())
        .chain(
            new.rules
                .iter()
                .map(|r| r.name.as_str())
                .filter(|n| !old_by_name.contains_key(n)),
        )
        .filter(|n| seen.insert(n))
        .collect();
    let mut changed_rules: HashSet<&str> = HashSet::new();
    // the changed conditions of each version, to see each made true and false
    let mut watched: [Vec<(String, Expr)>; 2] = [Vec::new(), Vec::new()];
    for name in names {
        let o = old_by_name.get(name).copied();
        let n = new_by_name.get(name).copied();
        let reads_changed = |model: &Model, r: &Rule| {
            if retyped.is_empty() && derived.is_empty() {
                return false;
            }
            let mut exprs = vec![&r.condition];
            exprs.extend(value_exprs(r));
            exprs.into_iter().any(|e| {
                let (f, d) = v.reads(model).of(model, e);
                !f.is_disjoint(&retyped) || !d.is_disjoint(&derived)
            })
        };
        let changed = match (o, n) {
            (Some(o), Some(n)) => {
                rule_meaning(old, o) != rule_meaning(new, n)
                    || reads_changed(old, o)
                    || reads_changed(new, n)
            }
            _ => true,
        };
        if !changed {
            continue;
        }
        let kind = if o.or(n).is_some_and(|r| r.exception_to.is_some()) {
            "exception"
        } else {
            "rule"
        };
        search.changed_items.push(format!("{kind} {name}"));
        changed_rules.insert(name);
        let mut old_atoms = BTreeMap::new();
        let mut new_atoms = BTreeMap::new();
        if let Some(o) = o {
            atoms(old, &o.condition, &mut old_atoms, 0);
        }
        if let Some(n) = n {
            atoms(new, &n.condition, &mut new_atoms, 0);
        }
        for (side, (model, r, mine, theirs, label)) in [
            (old, o, &old_atoms, &new_atoms, "old"),
            (new, n, &new_atoms, &old_atoms, "new"),
        ]
        .into_iter()
        .enumerate()
        {
            let Some(r) = r else { continue };
            for (a, e) in mine.iter().filter(|(a, _)| !theirs.contains_key(*a)) {
                let line = format!("{label}: {a} (in {name})");
                if changed_conditions.insert(line.clone()) {
                    search.changed_conditions.push(line);
                }
                if let Some(list) = watched.get_mut(side) {
                    if !list.iter().any(|(t, _)| t == a) {
                        list.push((a.clone(), e.clone()));
                    }
                }
            }
            let reads = v.reads(model);
            // the facts under changed atoms: re-scan the condition and keep
            // the facts of atoms that differ (or of all, when none differs
            // but something else in the rule did)
            let mut per_atom = Vec::new();
            atom_facts(model, reads, &r.condition, &mut per_atom, 0);
            for (atom, facts) in per_atom {
                if !theirs.contains_key(&atom) || mine.keys().eq(theirs.keys()) {
                    focus.extend(facts);
                }
            }
            for e in value_exprs(r) {
                let (f, _) = reads.of(model, e);
                if !f.is_empty() {
                    focus.extend(f.iter().cloned());
                }
            }
        }
        // value expressions that changed and read facts: no class argument
        if let (Some(o), Some(n)) = (o, n) {
            let ov: Vec<String> = value_exprs(o).iter().map(|e| show::expr(old, e)).collect();
            let nv: Vec<String> = value_exprs(n).iter().map(|e| show::expr(new, e)).collect();
            let reads_facts = value_exprs(o)
                .iter()
                .any(|e| !v.old_reads.of(old, e).0.is_empty())
                || value_exprs(n)
                    .iter()
                    .any(|e| !v.new_reads.of(new, e).0.is_empty());
            if (ov != nv || reads_changed(old, o) || reads_changed(new, n)) && reads_facts {
                value_changed.push(name.to_string());
            }
        } else {
            let r = o.or(n);
            let model = if o.is_some() { old } else { new };
            if r.is_some_and(|r| {
                value_exprs(r)
                    .iter()
                    .any(|e| !v.reads(model).of(model, e).0.is_empty())
            }) {
                value_changed.push(name.to_string());
            }
        }
    }
    let affected = affected_remedies(old, new, &changed_rules);
    let rules = [
        deciding_rules(old, &changed_rules, &affected),
        deciding_rules(new, &changed_rules, &affected),
    ];
    // context: every fact read by a rule deciding an affected remedy
    let mut context: BTreeSet<String> = BTreeSet::new();
    for ((model, reads), rules) in [(old, &v.old_reads), (new, &v.new_reads)]
        .into_iter()
        .zip(&rules)
    {
        for r in rules.iter().filter_map(|&i| model.rules.get(i)) {
            context.extend(reads.of(model, &r.condition).0);
            for e in value_exprs(r) {
                context.extend(reads.of(model, e).0);
            }
        }
    }
    search.affected_remedies = affected.iter().cloned().collect();

    // the values: scan the conditions of the rules deciding the affected
    // remedies, and the definitions they read, in both versions (the other
    // rules cannot change those remedies, so their conditions split no case
    // the search needs apart)
    let mut analysis = Analysis::default();
    for ((model, reads), rules) in [(old, &v.old_reads), (new, &v.new_reads)]
        .into_iter()
        .zip(&rules)
    {
        // derived facts read by the conditions, and by anything of the rules
        let mut in_conditions: BTreeSet<String> = BTreeSet::new();
        let mut read: BTreeSet<String> = BTreeSet::new();
        for r in rules.iter().filter_map(|&i| model.rules.get(i)) {
            analysis.scan(model, &r.condition);
            let (_, ds) = reads.of(model, &r.condition);
            read.extend(ds.iter().cloned());
            in_conditions.extend(ds);
            for e in value_exprs(r) {
                read.extend(reads.of(model, e).1);
                analysis.scan_ifs(model, e);
            }
        }
        for d in model.derived.iter().filter(|d| read.contains(&d.name)) {
            if d.ty == Type::Bool {
                analysis.scan(model, &d.expr);
                continue;
            }
            // a value chosen by `if`: its conditions split cases too
            analysis.scan_ifs(model, &d.expr);
            if !matches!(d.expr, Expr::Fact(_) | Expr::Const(_)) && in_conditions.contains(&d.name)
            {
                // a number, amount or date defined from facts: compared
                // somewhere as a whole, so the facts under it are not
                // partitioned by constants alone
                if linear::form(model, &d.expr, 0).is_some() {
                    analysis.incomplete(model, &d.expr);
                } else {
                    analysis.unreached(model, &d.expr);
                }
            }
        }
        // every one-of fact: all its values
        for f in &model.facts {
            if let Type::OneOf(set) = f.ty {
                let p = analysis.probe(f.name.clone());
                for c in model.one_of_values(set) {
                    p.values.insert(CaseValue::Choice(c.clone()));
                }
            }
            if let Type::Set(list) = f.ty {
                set_values(model, list, analysis.probe(f.name.clone()));
            }
            if f.ty == Type::Bool {
                let p = analysis.probe(f.name.clone());
                p.values.insert(CaseValue::Bool(true));
                p.values.insert(CaseValue::Bool(false));
            }
        }
    }
    let anchor_date = new
        .header
        .effective
        .or(old.header.effective)
        .unwrap_or(Date::constant(2024, 1, 1));
    let mut anchors = HashMap::new();
    let new_types: HashMap<&str, Type> =
        new.facts.iter().map(|f| (f.name.as_str(), f.ty)).collect();
    let old_types: HashMap<&str, Type> =
        old.facts.iter().map(|f| (f.name.as_str(), f.ty)).collect();
    let type_of = |name: &str| new_types.get(name).or_else(|| old_types.get(name)).copied();
    let default_for = |name: &str| -> Option<CaseValue> {
        Some(match type_of(name)? {
            Type::Bool => CaseValue::Bool(true),
            Type::Number => CaseValue::Number(Decimal::ONE),
            Type::Money(c) => CaseValue::Money(Decimal::new(10_000, 2), c),
            Type::Date => CaseValue::Date(anchor_date),
            Type::Text => CaseValue::Text("example".to_string()),
            Type::OneOf(set) => CaseValue::Choice(
                new_types
                    .get(name)
                    .map(|_| new.one_of_values(set))
                    .unwrap_or_else(|| old.one_of_values(set))
                    .first()
                    .cloned()?,
            ),
            Type::Set(_) => CaseValue::Set(Vec::new()),
            Type::Duration => return None,
        })
    };

    let mut facts = Vec::new();
    let mut reasons: HashSet<String> = HashSet::new();
    for (is_focus, set) in [(true, &focus), (false, &context)] {
        for name in set.iter() {
            if !is_focus && focus.contains(name) {
                continue;
            }
            if type_of(name).is_none() {
                continue;
            }
            let probe = analysis.probes.get(name);
            let mut values: Vec<CaseValue> = probe
                .map(|p| p.values.iter().cloned().collect())
                .unwrap_or_default();
            if let Some(p) = probe {
                for why in &p.incomplete {
                    let reason =
                        format!("`{name}` is read by `{why}`, which boundary values do not settle");
                    if reasons.insert(reason.clone()) {
                        search.not_exhaustive.push(reason);
                    }
                }
            }
            if let Some(d) = default_for(name) {
                anchors.insert(name.clone(), d.clone());
                if values.is_empty() {
                    values.push(d);
                }
            }
            search.facts.push(SearchedFact {
                name: name.clone(),
                changed: is_focus,
                values: values.iter().map(CaseValue::show).collect(),
            });
            facts.push((name.clone(), values));
        }
    }
    for name in value_changed {
        search.not_exhaustive.push(format!(
            "an amount, deadline or parameter of `{name}` changed and is computed from facts"
        ));
    }
    search.unreached = std::mem::take(&mut analysis.unreached);
    let varied: BTreeSet<&String> = facts.iter().map(|(n, _)| n).collect();
    let relations: Vec<Relation> = analysis
        .relations
        .into_iter()
        .filter(|r| varied.contains(&r.a) || r.others().iter().any(|o| varied.contains(o)))
        .collect();
    let mut shown: HashSet<&str> = HashSet::new();
    for r in &relations {
        if shown.insert(&r.text) {
            search.relations.push(r.text.clone());
        }
    }
    Plan {
        search,
        facts,
        relations,
        anchors,
        rules,
        affected,
        watched,
    }
}

/// Each atom of a condition with the facts it reads (through derived facts).
fn atom_facts(
    model: &Model,
    reads: &Reads,
    e: &Expr,
    out: &mut Vec<(String, BTreeSet<String>)>,
    depth: usize,
) {
    if depth > 1_000 {
        return;
    }
    match e {
        Expr::And(l) | Expr::Or(l) => {
            for x in l {
                atom_facts(model, reads, x, out, depth + 1);
            }
        }
        Expr::Not(a) => atom_facts(model, reads, a, out, depth + 1),
        Expr::Derived(d) => match model.derived.get(d.index()) {
            Some(def) if def.ty == Type::Bool => {
                atom_facts(model, reads, &def.expr, out, depth + 1)
            }
            _ => out.push((show::expr(model, e), reads.of(model, e).0)),
        },
        Expr::Const(_) => {}
        other => out.push((show::expr(model, other), reads.of(model, other).0)),
    }
}

/// Search for cases whose outcome differs.
pub(super) fn search(
    old: &DecisionGraph,
    new: &DecisionGraph,
    corpus: &[Arc<SourceFile>],
    replay: &Replay,
    options: &Options,
) -> Search {
    let Plan {
        mut search,
        facts,
        relations,
        anchors,
        rules: [old_rules, new_rules],
        affected,
        watched,
    } = plan(old.model(), new.model());

    // seeds: the empty case, then each corpus case one version accepts
    let mut seeds: Vec<(String, Facts)> = vec![("the empty case".to_string(), Facts::new())];
    for file in corpus {
        for graph in [old, new] {
            let (case, _) = case::parse_case(graph.model(), file, Format::from_path(file.name()));
            if let Some(c) = case {
                seeds.push((file.name().to_string(), facts_of_case(graph.model(), &c)));
                break;
            }
        }
    }
    search.seeds = seeds.len();

    if search.changed_items.is_empty() && search.facts.is_empty() {
        search.exhaustive = true;
        return search;
    }
    let [old_watched, new_watched] = &watched;
    let old_side = Side::new(old, &old_rules, &affected, old_watched);
    let new_side = Side::new(new, &new_rules, &affected, new_watched);
    // each watched condition: seen true, seen false
    let mut seen_ways: [Vec<(bool, bool)>; 2] = [
        vec![(false, false); old_watched.len()],
        vec![(false, false); new_watched.len()],
    ];

    let mut seen: HashSet<Facts> = HashSet::new();
    let mut groups: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut silent = false;
    let corpus_kinds: BTreeSet<(String, String)> = replay
        .changed
        .iter()
        .flat_map(|c| kind_keys(&c.changes, c.rejected.as_ref()))
        .collect();
    let mut sizes: Vec<usize> = Vec::new();
    let combos: usize = facts
        .iter()
        .map(|(_, v)| v.len() + 1)
        .try_fold(1usize, |acc, n| acc.checked_mul(n))
        .unwrap_or(usize::MAX);
    search.combinations = combos <= options.max_combinations;

    let mut try_case = |facts_now: Facts, from: &str, search: &mut Search| -> bool {
        if search.tried >= options.max_cases {
            search.truncated = true;
            return false;
        }
        if !seen.insert(facts_now.clone()) {
            return true;
        }
        search.tried += 1;
        let (old_result, old_truths) = old_side.run(&facts_now);
        let (new_result, new_truths) = new_side.run(&facts_now);
        for (ways, truths) in seen_ways.iter_mut().zip([old_truths, new_truths]) {
            for (w, t) in ways.iter_mut().zip(truths) {
                w.0 |= t == Truth::Yes;
                w.1 |= t == Truth::No;
            }
        }
        match compare_results(old_result, new_result) {
            Compared::Same { silent: s } => silent |= s,
            Compared::BothInvalid(_) => {}
            Compared::Changed(changes, rejected) => {
                let found = Found {
                    from: from.to_string(),
                    case_json: case_json(&facts_now),
                    changes,
                    rejected,
                    similar: 0,
                    in_corpus: false,
                };
                let keys = kind_keys(&found.changes, found.rejected.as_ref());
                let in_corpus = keys.iter().all(|k| corpus_kinds.contains(k));
                let found = Found { in_corpus, ..found };
                let size = facts_now.len();
                let mut placed = false;
                for key in keys {
                    match groups.get(&key).copied() {
                        Some(i) => {
                            if let (Some(f), Some(smallest)) =
                                (search.found.get_mut(i), sizes.get_mut(i))
                            {
                                if size < *smallest && !placed {
                                    *smallest = size;
                                    let similar = f.similar + 1;
                                    *f = Found {
                                        similar,
                                        ..found.clone()
                                    };
                                    placed = true;
                                } else {
                                    f.similar += 1;
                                }
                            }
                        }
                        None => {
                            groups.insert(key, search.found.len());
                            if placed {
                                // already shown for another change: count it there
                                search.found.push(Found {
                                    similar: 0,
                                    ..found.clone()
                                });
                            } else {
                                search.found.push(found.clone());
                            }
                            sizes.push(size);
                            placed = true;
                        }
                    }
                }
            }
        }
        true
    };

    // first one fact at a time from every seed (cheap, and every seed gets
    // its turn), then every combination where there are few enough
    'seeds: for (phase, (seed_name, seed)) in [false, true]
        .into_iter()
        .flat_map(|p| seeds.iter().map(move |s| (p, s)))
    {
        // the seed itself, and the seed moved to each relation's boundary
        let mut starts = vec![seed.clone()];
        for rel in &relations {
            starts.extend(at_boundary(seed, rel, &anchors));
        }
        for start in starts {
            let options_per_fact: Vec<(&String, Vec<Option<CaseValue>>)> = facts
                .iter()
                .map(|(name, values)| {
                    let mut opts: Vec<Option<CaseValue>> = vec![start.get(name).cloned(), None];
                    opts.extend(values.iter().cloned().map(Some));
                    let mut unique = Vec::new();
                    for o in opts {
                        if !unique.contains(&o) {
                            unique.push(o);
                        }
                    }
                    (name, unique)
                })
                .collect();
            let total: usize = options_per_fact
                .iter()
                .map(|(_, o)| o.len())
                .try_fold(1usize, |acc, n| acc.checked_mul(n))
                .unwrap_or(usize::MAX);
            if phase && total > options.max_combinations {
                continue;
            }
            if phase {
                // every combination (first option of each = the start itself)
                let mut digits = vec![0usize; options_per_fact.len()];
                loop {
                    let mut case = start.clone();
                    for ((name, opts), d) in options_per_fact.iter().zip(&digits) {
                        match opts.get(*d) {
                            Some(Some(v)) => {
                                case.insert((*name).clone(), v.clone());
                            }
                            Some(None) => {
                                case.remove(*name);
                            }
                            None => {}
                        }
                    }
                    if !try_case(case, seed_name, &mut search) {
                        break 'seeds;
                    }
                    // next combination
                    let mut i = 0;
                    while let (Some(d), Some((_, opts))) =
                        (digits.get_mut(i), options_per_fact.get(i))
                    {
                        *d += 1;
                        if *d < opts.len() {
                            break;
                        }
                        *d = 0;
                        i += 1;
                    }
                    if i >= digits.len() {
                        break;
                    }
                }
            } else {
                // one fact at a time
                if !try_case(start.clone(), seed_name, &mut search) {
                    break 'seeds;
                }
                for (name, opts) in &options_per_fact {
                    for o in opts {
                        let mut case = start.clone();
                        match o {
                            Some(v) => {
                                case.insert((*name).clone(), v.clone());
                            }
                            None => {
                                case.remove(*name);
                            }
                        }
                        if !try_case(case, seed_name, &mut search) {
                            break 'seeds;
                        }
                    }
                }
            }
        }
    }

    let mut merged: Vec<Found> = Vec::new();
    let mut by_case: HashMap<String, usize> = HashMap::new();
    for f in std::mem::take(&mut search.found) {
        match by_case.get(&f.case_json).and_then(|&i| merged.get_mut(i)) {
            Some(m) => m.similar += f.similar,
            None => {
                by_case.insert(f.case_json.clone(), merged.len());
                merged.push(f);
            }
        }
    }
    merged.sort_by_key(|f| f.in_corpus);
    search.found = merged;

    if !search.combinations {
        search.not_exhaustive.push(format!(
            "the searched values make {} combinations, more than the {} tried in full; facts were varied one at a time",
            if combos == usize::MAX { "too many".to_string() } else { combos.to_string() },
            options.max_combinations
        ));
    }
    if silent {
        search.not_exhaustive.push(
            "on some generated cases the versions give a remedy by different rules although the outcome agrees"
                .to_string(),
        );
    }
    if search.truncated {
        search.not_exhaustive.push(format!(
            "the search stopped after {} cases",
            options.max_cases
        ));
    }
    // the bar: every changed condition seen both true and false
    // (when the classes argument does not already prove the search complete)
    if !search.not_exhaustive.is_empty() {
        for ((list, ways), label) in watched.iter().zip(&seen_ways).zip(["old", "new"]) {
            for ((text, _), (yes, no)) in list.iter().zip(ways) {
                let missing = match (yes, no) {
                    (true, true) => continue,
                    (false, true) => "true",
                    (true, false) => "false",
                    (false, false) => "true or false",
                };
                search.not_exhaustive.push(format!(
                    "no case tried made `{text}` ({label} version) {missing}"
                ));
                if !search.unreached.contains(text) {
                    search.unreached.push(text.clone());
                }
            }
        }
    }
    search.exhaustive = search.not_exhaustive.is_empty();
    search
}

/// The kinds of change of a case, to group cases: each remedy with how it
/// changed, and a rejection by one version.
fn kind_keys(changes: &[RemedyChange], rejected: Option<&String>) -> Vec<(String, String)> {
    let mut keys: Vec<(String, String)> = changes
        .iter()
        .map(|c| (c.remedy.clone(), c.transition()))
        .collect();
    if let Some(r) = rejected {
        let which = if r.starts_with("the old") {
            "old"
        } else {
            "new"
        };
        keys.push((which.to_string(), "rejected".to_string()));
    }
    keys
}

/// The seed with `rel.a` moved to just below, at and just above its boundary,
/// the other facts of the relation at their seed (or anchor) values.
fn at_boundary(seed: &Facts, rel: &Relation, anchors: &HashMap<String, CaseValue>) -> Vec<Facts> {
    let mut base = seed.clone();
    let values: Vec<CaseValue> = match &rel.to {
        Target::Same(b) => {
            let Some(v) = seed.get(b).or_else(|| anchors.get(b)).cloned() else {
                return Vec::new();
            };
            base.insert(b.clone(), v.clone());
            let other = match &v {
                CaseValue::Text(t) => CaseValue::Text(format!("{t} (other)")),
                CaseValue::Bool(x) => CaseValue::Bool(!x),
                _ => v.clone(),
            };
            vec![v, other]
        }
        Target::WorkingDays { b, n, calendar } => {
            let Some(v) = seed.get(b).or_else(|| anchors.get(b)).cloned() else {
                return Vec::new();
            };
            let CaseValue::Date(d) = v else {
                return Vec::new();
            };
            base.insert(b.clone(), v);
            let mut out: Vec<CaseValue> = Vec::new();
            for k in [-1i64, 0, 1] {
                let Some(at) = n
                    .checked_add(k)
                    .and_then(|m| calendar.add_working_days(d, m).ok())
                else {
                    continue;
                };
                for day in [-1i64, 0, 1] {
                    if let Ok(v) = at.checked_add(day.days()) {
                        let v = CaseValue::Date(v);
                        if !out.contains(&v) {
                            out.push(v);
                        }
                    }
                }
            }
            out
        }
        Target::Calendar { b, months, days } => {
            let Some(v) = seed.get(b).or_else(|| anchors.get(b)).cloned() else {
                return Vec::new();
            };
            let CaseValue::Date(d) = v else {
                return Vec::new();
            };
            base.insert(b.clone(), v);
            let Some(at) = jiff::Span::new()
                .try_months(*months)
                .ok()
                .and_then(|m| d.checked_add(m).ok())
                .and_then(|x| x.checked_add(days.days()).ok())
            else {
                return Vec::new();
            };
            [-1i64, 0, 1]
                .into_iter()
                .filter_map(|k| at.checked_add(k.days()).ok())
                .map(CaseValue::Date)
                .collect()
        }
        Target::Linear { others, offset, ty } => {
            let mut at = *offset;
            for (name, k) in others {
                let Some(v) = seed.get(name).or_else(|| anchors.get(name)).cloned() else {
                    return Vec::new();
                };
                let x = match &v {
                    CaseValue::Date(d) => linear::day_number(*d),
                    CaseValue::Number(n) | CaseValue::Money(n, _) => *n,
                    _ => return Vec::new(),
                };
                base.insert(name.clone(), v);
                let Some(next) = x.checked_mul(*k).and_then(|y| at.checked_add(y)) else {
                    return Vec::new();
                };
                at = next;
            }
            boundary(*ty, at)
        }
    };
    values
        .into_iter()
        .map(|v| {
            let mut f = base.clone();
            f.insert(rel.a.clone(), v);
            f
        })
        .collect()
}
