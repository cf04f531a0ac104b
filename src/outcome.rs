//! The result of evaluating a case: the only types redress serialises.
//!
//! Field order and list order are part of the format: lists follow the
//! rulebook's declaration order, maps keep the order written.

use serde::Serialize;
use serde::ser::SerializeMap;

/// Pairs serialised as a JSON object, in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ordered<V>(pub Vec<(String, V)>);

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<V> Ordered<V> {
    /// The value of a key.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// A fact's or parameter's value in the output.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum Shown {
    /// yes/no
    Bool(bool),
    /// everything else, as text: amounts as decimals ("500.00"), dates as YYYY-MM-DD
    Text(String),
}

/// What was evaluated, against what.
#[derive(Clone, Debug, Serialize)]
pub struct Outcome {
    /// The rulebook.
    pub rulebook: RulebookInfo,
    /// The date the case was judged on, when known.
    pub as_of: Option<String>,
    /// Remedies that apply, in catalogue order.
    pub remedies: Vec<AppliedRemedy>,
    /// Remedies that may apply once more facts are known.
    pub undetermined: Vec<Undetermined>,
    /// Rules that applied but were set aside by an exception.
    pub overridden: Vec<Overridden>,
    /// Arithmetic that failed (overflow, division by zero).
    pub errors: Vec<EvalError>,
}

/// The rulebook's identity.
#[derive(Clone, Debug, Serialize)]
pub struct RulebookInfo {
    /// Titles by language.
    pub title: Ordered<String>,
    /// Jurisdiction.
    pub jurisdiction: String,
    /// Version.
    pub version: String,
    /// Takes effect on.
    pub effective: Option<String>,
}

/// A remedy that applies.
#[derive(Clone, Debug, Serialize)]
pub struct AppliedRemedy {
    /// Stable id.
    pub id: String,
    /// Titles by language.
    pub title: Ordered<String>,
    /// Category.
    pub category: String,
    /// Parameters by name.
    pub params: Ordered<Computed>,
    /// Amount, when the rule or remedy computes one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Computed>,
    /// Deadline, when the rule or remedy computes one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// The remedy's and the rules' citations, without repeats.
    pub citations: Vec<CitationOut>,
    /// The rules that gave it, and the facts they read.
    pub because: Vec<Because>,
}

/// A computed value, or what it still needs.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Computed {
    /// The value, when known.
    pub value: Option<Shown>,
    /// `CNY` for money.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Facts that would give it, when unknown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
}

/// A deadline.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Deadline {
    /// The last day, when known.
    pub date: Option<String>,
    /// True when the last day is before the as-of date; absent when there is no as-of date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expired: Option<bool>,
    /// Facts that would give it, when unknown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
}

/// A citation.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct CitationOut {
    /// The law's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub law: Option<String>,
    /// The law's titles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Ordered<String>>,
    /// Article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// False when the law is not in force on the as-of date (absent when
    /// either is unknown or the law has no period).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_force: Option<bool>,
}

/// Why a remedy applies.
#[derive(Clone, Debug, Serialize)]
pub struct Because {
    /// The rule (or exception) that gave it.
    pub rule: String,
    /// The facts its condition read, with their values (known ones only).
    pub facts: Ordered<Shown>,
    /// Its exceptions, each known not to apply in this case.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exceptions_ruled_out: Vec<String>,
}

/// A remedy that may apply once more facts are known.
#[derive(Clone, Debug, Serialize)]
pub struct Undetermined {
    /// Stable id.
    pub id: String,
    /// Titles by language.
    pub title: Ordered<String>,
    /// Category.
    pub category: String,
    /// Facts that would settle it, in declaration order.
    pub needs: Vec<String>,
    /// The rules still open.
    pub rules: Vec<String>,
}

/// A rule set aside by an exception.
#[derive(Clone, Debug, Serialize)]
pub struct Overridden {
    /// The rule.
    pub rule: String,
    /// When the rule set aside is itself an exception: the rule it is an
    /// exception to (which is then not excluded by it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exception_to: Option<String>,
    /// Its remedy, if any.
    pub remedy: Option<String>,
    /// The exceptions that apply.
    pub by: Vec<String>,
}

/// Arithmetic that failed.
#[derive(Clone, Debug, Serialize)]
pub struct EvalError {
    /// Stable code.
    pub code: String,
    /// What failed.
    pub message: String,
}
