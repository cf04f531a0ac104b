//! Outcomes of cases under both versions, reduced to what a behavioural
//! diff compares, and the corpus replayed.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::case::{self, Format};
use crate::diagnostic::Text;
use crate::eval::{self, Options as EvalOptions};
use crate::graph::DecisionGraph;
use crate::model::Model;
use crate::outcome::{Computed, Outcome, Shown};
use crate::source::SourceFile;
use crate::value::Currency;

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
    /// The values above as computed, for a report in another language:
    /// the parameters', the amount's, and the deadline's date (`None`
    /// inside when unknown).
    pub(crate) values: Held,
}

/// A grant's values as computed (the shown strings above are English).
/// Not compared: the shown strings decide whether two grants differ, so a
/// report says the same in every language.
#[derive(Clone, Debug, Default)]
pub(crate) struct Held {
    pub(crate) params: Vec<HeldValue>,
    pub(crate) amount: Option<HeldValue>,
    pub(crate) deadline: Option<Option<String>>,
}

impl PartialEq for Held {
    fn eq(&self, _: &Held) -> bool {
        true
    }
}

impl Eq for Held {}

/// A computed value kept for showing in a language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HeldValue {
    /// The value, when known.
    pub(crate) value: Option<Shown<'static>>,
    /// The ISO code of money.
    pub(crate) currency: Option<&'static str>,
    /// A ceiling (`up to …`).
    pub(crate) up_to: bool,
}

impl HeldValue {
    fn of(c: &Computed) -> HeldValue {
        HeldValue {
            value: c.value.as_ref().map(owned),
            currency: c.currency,
            up_to: c.up_to,
        }
    }

    /// As the advice's computed values: money with its currency in the
    /// language, yes/no in its words.
    pub(crate) fn computed(&self) -> Computed<'static> {
        Computed {
            value: self.value.clone(),
            up_to: self.up_to,
            currency: self.currency,
            needs: Vec::new(),
            error: None,
        }
    }
}

/// A shown value that borrows nothing.
fn owned(v: &Shown) -> Shown<'static> {
    match v {
        Shown::Bool(b) => Shown::Bool(*b),
        Shown::Number(n) => Shown::Number(*n),
        Shown::Money(m, c) => Shown::Money(*m, *c),
        Shown::Date(d) => Shown::Date(*d),
        Shown::Text(t) => Shown::Text(t.to_string().into()),
        Shown::Set(names) => Shown::Set(names.iter().map(|n| n.to_string().into()).collect()),
    }
}

impl Grant {
    pub(super) fn details(&self) -> String {
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
    pub rejected: Option<Text>,
}

/// The corpus replayed under both versions.
#[derive(Clone, Debug, Default)]
pub struct Replay {
    /// How many case files were replayed.
    pub cases: usize,
    /// Those whose outcome changed, in the order given.
    pub changed: Vec<CaseChange>,
    /// Case files neither version accepts: name and the first error.
    pub invalid: Vec<(String, Text)>,
}

/// The outcome of a case, reduced to what a behavioural diff compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Summary {
    /// Each remedy of the catalogue, by id.
    pub(super) status: Vec<(String, Status)>,
    /// The rules that gave each given remedy.
    pub(super) rules: Vec<(String, Vec<String>)>,
}

pub(super) fn shown(c: &Computed) -> String {
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
pub(super) fn summarize(
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
                        values: Held {
                            params: g.params.0.iter().map(|(_, v)| HeldValue::of(v)).collect(),
                            amount: g.amount.as_ref().map(HeldValue::of),
                            deadline: g.deadline.as_ref().map(|d| d.date.clone()),
                        },
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
pub(super) fn compare(old: &Summary, new: &Summary) -> Vec<RemedyChange> {
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
pub(super) enum Compared {
    Same { silent: bool },
    Changed(Vec<RemedyChange>, Option<Text>),
    BothInvalid(Text),
}

pub(super) fn compare_results(old: Result<Summary, Text>, new: Result<Summary, Text>) -> Compared {
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
            Some(crate::text!("diff-old-rejects", error = e)),
        ),
        (Ok(_), Err(e)) => Compared::Changed(
            Vec::new(),
            Some(crate::text!("diff-new-rejects", error = e)),
        ),
        (Err(e), Err(_)) => Compared::BothInvalid(e),
    }
}

pub(super) fn run_file(graph: &DecisionGraph, file: &Arc<SourceFile>) -> Result<Summary, Text> {
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
            .map_or_else(|| crate::text!("diff-invalid-case"), |d| d.message_text())),
    }
}

/// Replay every corpus case under both versions.
pub(in crate::diff) fn replay(
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
