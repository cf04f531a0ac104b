//! Generated cases: fact values independent of either model's ids, case
//! files, and each version cut down to the rules that decide the affected
//! remedies (`Side`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::*;
use crate::case::Case;
use crate::eval::{self, Options as EvalOptions};
use crate::graph::DecisionGraph;
use crate::model::{Expr, FactId, Model, Rule, RuleId};
use crate::value::{Currency, Truth, Type, Value};

// ---------------------------------------------------------- case values

/// A fact's value in a generated case, independent of either model's ids.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum CaseValue {
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
    pub(super) fn from_value(model: &Model, v: &Value) -> CaseValue {
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

    pub(super) fn to_value(&self, model: &Model, ty: Type) -> Option<Value> {
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

    pub(super) fn show(&self) -> String {
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

    /// The value as the advice shows values (yes/no, money, labels), for
    /// a report in a language. Text keeps its quotes, as in `show`.
    pub(super) fn shown(&self) -> crate::outcome::Shown<'static> {
        use crate::outcome::Shown;
        match self {
            CaseValue::Bool(b) => Shown::Bool(*b),
            CaseValue::Number(n) => Shown::Number(*n),
            CaseValue::Money(m, c) => Shown::Money(*m, *c),
            CaseValue::Date(d) => Shown::Date(*d),
            CaseValue::Text(t) => Shown::Text(format!("{t:?}").into()),
            CaseValue::Choice(c) => Shown::Text(c.clone().into()),
            CaseValue::Set(names) => Shown::Set(names.iter().map(|n| n.clone().into()).collect()),
        }
    }

    pub(super) fn json(&self) -> serde_json::Value {
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
pub(super) type Facts = BTreeMap<String, CaseValue>;

pub(super) fn facts_of_case(model: &Model, case: &Case) -> Facts {
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
pub(super) fn case_json(facts: &Facts) -> String {
    let mut root = serde_json::Map::new();
    for (name, value) in facts {
        let parts: Vec<&str> = name.split('.').collect();
        if !insert(&mut root, &parts, value.json()) {
            root.insert(name.clone(), value.json());
        }
    }
    serde_json::to_string_pretty(&serde_json::Value::Object(root)).unwrap_or_default()
}

pub(super) fn insert(
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
pub(super) struct Side<'g> {
    pub(super) graph: DecisionGraph,
    pub(super) ids: HashMap<&'g str, FactId>,
    /// The affected remedies, as indexes into the catalogue.
    pub(super) remedies: Vec<usize>,
    /// The watched conditions are the rules from this index on, with no
    /// conclusion: the trace says what each came to.
    pub(super) watched_from: usize,
}

impl<'g> Side<'g> {
    pub(super) fn new(
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
            titles: Vec::new(),
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
    pub(super) fn run(
        &self,
        facts: &Facts,
    ) -> (Result<Summary, crate::diagnostic::Text>, Vec<Truth>) {
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
                    let why = crate::text!(
                        "diff-cannot-be",
                        name = name.as_str(),
                        value = match value {
                            // yes and no in the report's words
                            CaseValue::Bool(true) => crate::text!("yes").into(),
                            CaseValue::Bool(false) => crate::text!("no").into(),
                            _ => crate::diagnostic::Arg::from(value.show()),
                        },
                        ty = crate::report::facts::type_words(model, fact.ty)
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
