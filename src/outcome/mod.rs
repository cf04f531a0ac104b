//! The result of evaluating a case: the only types redress serialises.
//!
//! Field order and list order are part of the format: lists follow the
//! rulebook's declaration order, maps keep the order written.
//!
//! An outcome borrows its names, titles and citations from the rulebook it
//! was evaluated against (`'g`, the graph's lifetime): building one copies
//! no text that the rulebook already holds.

mod json;

use std::borrow::Cow;
use std::fmt;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::SerializeMap;
use smallvec::SmallVec;

use crate::diagnostic::Text;
use crate::model::RemedyId;
use crate::value::{Currency, MoneyText};

/// Pairs serialised as a JSON object, in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ordered<'g, V>(pub Vec<(&'g str, V)>);

impl<V: Serialize> Serialize for Ordered<'_, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<V> Ordered<'_, V> {
    /// The value of a key.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// Texts by language, as the rulebook gives them (serialised as a JSON
/// object in the order written).
#[derive(Clone, Copy, Debug, Eq)]
pub struct Titles<'g>(pub &'g [(String, String)]);

impl PartialEq for Titles<'_> {
    fn eq(&self, other: &Self) -> bool {
        // the same texts of the rulebook, most of the time
        std::ptr::eq(self.0, other.0) || self.0 == other.0
    }
}

impl Serialize for Titles<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Titles<'_> {
    /// The text in a language.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, t)| t.as_str())
    }

    /// No text in any language.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A fact's or parameter's value in the output.
///
/// Numbers, amounts and dates are kept as values and written out as text
/// only when shown or serialised, so building an outcome formats nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown<'g> {
    /// yes/no (a JSON boolean)
    Bool(bool),
    /// a number, shown normalised (`2.50` as `"2.5"`)
    Number(Decimal),
    /// an amount of money, shown with two decimals, more only when they
    /// matter (`"500.00"`, `"0.125"`), and its currency (not serialised:
    /// JSON writes the number, as for every fact)
    Money(Decimal, Currency),
    /// a date, shown as YYYY-MM-DD
    Date(Date),
    /// text, and one-of values by name (borrowed from the rulebook)
    Text(Cow<'g, str>),
    /// the values a `some of` fact holds, by name, in declaration order (a
    /// JSON list; shown joined with commas, `none` when empty)
    Set(Vec<Cow<'g, str>>),
}

impl Shown<'_> {
    /// The value as a text: as serialised, with yes/no for booleans.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Shown::Bool(b) => Cow::Borrowed(if *b { "yes" } else { "no" }),
            Shown::Text(t) => Cow::Borrowed(t),
            other => Cow::Owned(other.to_string()),
        }
    }
}

impl fmt::Display for Shown<'_> {
    /// As serialised, with yes/no for booleans.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shown::Bool(b) => f.write_str(if *b { "yes" } else { "no" }),
            Shown::Number(n) => fmt::Display::fmt(&n.normalize(), f),
            Shown::Money(m, _) => fmt::Display::fmt(&MoneyText(*m), f),
            Shown::Date(d) => fmt::Display::fmt(d, f),
            Shown::Text(t) => f.write_str(t),
            Shown::Set(names) if names.is_empty() => f.write_str("none"),
            Shown::Set(names) => {
                for (i, n) in names.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(n)?;
                }
                Ok(())
            }
        }
    }
}

impl Serialize for Shown<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Shown::Bool(b) => serializer.serialize_bool(*b),
            Shown::Text(t) => serializer.serialize_str(t),
            Shown::Set(names) => serializer.collect_seq(names.iter().map(|n| &**n)),
            other => serializer.collect_str(other),
        }
    }
}

/// How much of an outcome to build and write: the *output level* of
/// `eval --jsonl --output` and `eval --format json --output`, and of any
/// program that evaluates many cases and needs less than the whole record.
///
/// Pass it in [`crate::eval::Options::detail`]: the evaluator then builds
/// only what the level writes (no titles, citations, deciding facts,
/// overridden rules or questions below [`Detail::Full`]; no amounts,
/// deadlines, parameters or needed facts for [`Detail::Ids`]), and the
/// [`Outcome`] it returns remembers its level ([`Outcome::detail`]), so that
/// [`Outcome::write_json`] and serde write the record of that level. The
/// records are described in `docs/output.md` ("Output levels"):
///
/// - `Ids`: `{"remedies": [id…], "undetermined": [id…], "errors": […]}`;
/// - `Summary`: `{"as_of", "remedies": [{"id", "params", "amount"?,
///   "deadline"?}…], "undetermined": [{"id", "needs"}…], "errors"}`, each
///   part byte for byte as in the full record;
/// - `Full`: the whole outcome (the default).
///
/// The fields of an outcome that its level does not write are left empty
/// (or, for titles and categories, borrowed from the rulebook as always);
/// render advice text, explanations and questions only from a `Full` one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Detail {
    /// The ids of the remedies that apply (each once) and of those
    /// undetermined, and the computations that failed.
    Ids,
    /// The ids with their parameters, amounts and deadlines, the facts that
    /// would settle each undetermined remedy, the as-of date and the errors.
    Summary,
    /// The whole outcome: titles, citations, deciding facts, overridden
    /// rules, questions.
    #[default]
    Full,
}

impl Detail {
    /// Every level, smallest first.
    pub const ALL: [Detail; 3] = [Detail::Ids, Detail::Summary, Detail::Full];

    /// Its name: `ids`, `summary` or `full` (what `--output` takes).
    pub fn name(self) -> &'static str {
        match self {
            Detail::Ids => "ids",
            Detail::Summary => "summary",
            Detail::Full => "full",
        }
    }
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not an output level (see [`Detail::from_str`](std::str::FromStr)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownDetail(pub String);

impl fmt::Display for UnknownDetail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not an output level; use ids, summary or full",
            self.0
        )
    }
}

impl std::error::Error for UnknownDetail {}

impl std::str::FromStr for Detail {
    type Err = UnknownDetail;

    /// `ids`, `summary` or `full`, as [`Detail::name`] writes them.
    fn from_str(s: &str) -> Result<Detail, UnknownDetail> {
        Detail::ALL
            .into_iter()
            .find(|d| d.name() == s)
            .ok_or_else(|| UnknownDetail(s.to_string()))
    }
}

/// What was evaluated, against what.
///
/// Serialised (by serde and by [`Outcome::write_json`], byte for byte the
/// same) as the record of its level, [`Outcome::detail`].
#[derive(Clone, Debug)]
pub struct Outcome<'g> {
    /// How much of it was built, and is written (see [`Detail`]).
    pub detail: Detail,
    /// The rulebook.
    pub rulebook: RulebookInfo<'g>,
    /// The date the case was judged on, when known.
    pub as_of: Option<String>,
    /// Remedies that apply, in catalogue order (empty at [`Detail::Ids`]:
    /// see [`Outcome::applied_ids`]).
    pub remedies: Vec<AppliedRemedy<'g>>,
    /// At [`Detail::Ids`] only: the remedies that apply, each once, in
    /// catalogue order, by id and stable name (an [`AppliedRemedy`] is a
    /// large record, and the ids level builds none). Read
    /// [`Outcome::applied`] for the same list at any level.
    pub applied_ids: Vec<(RemedyId, &'g str)>,
    /// Remedies that may apply once more facts are known.
    pub undetermined: Vec<Undetermined<'g>>,
    /// Rules that applied but were set aside by an exception.
    pub overridden: Vec<Overridden<'g>>,
    /// Arithmetic that failed (overflow, division by zero).
    pub errors: Vec<EvalError>,
    /// The facts still missing, each once, with what a form or chatbot needs
    /// to ask for it, ordered by how many remedies it would settle (ties:
    /// declaration order). Not written when empty.
    pub questions: Vec<Question<'g>>,
}

impl Serialize for Outcome<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match self.detail {
            Detail::Full => {
                let questions = !self.questions.is_empty();
                let mut s = serializer.serialize_struct("Outcome", 6 + usize::from(questions))?;
                s.serialize_field("rulebook", &self.rulebook)?;
                s.serialize_field("as_of", &self.as_of)?;
                s.serialize_field("remedies", &self.remedies)?;
                s.serialize_field("undetermined", &self.undetermined)?;
                s.serialize_field("overridden", &self.overridden)?;
                s.serialize_field("errors", &self.errors)?;
                if questions {
                    s.serialize_field("questions", &self.questions)?;
                }
                s.end()
            }
            Detail::Summary => {
                let mut s = serializer.serialize_struct("Outcome", 4)?;
                s.serialize_field("as_of", &self.as_of)?;
                s.serialize_field("remedies", &Each(&self.remedies, SummaryRemedy))?;
                s.serialize_field(
                    "undetermined",
                    &Each(&self.undetermined, SummaryUndetermined),
                )?;
                s.serialize_field("errors", &self.errors)?;
                s.end()
            }
            Detail::Ids => {
                let mut s = serializer.serialize_struct("Outcome", 3)?;
                s.serialize_field("remedies", &Each(&self.applied_ids, applied_id))?;
                s.serialize_field("undetermined", &Each(&self.undetermined, undetermined_id))?;
                s.serialize_field("errors", &self.errors)?;
                s.end()
            }
        }
    }
}

fn applied_id<'g>(r: &(RemedyId, &'g str)) -> &'g str {
    r.1
}

impl<'g> Outcome<'g> {
    /// The remedies that apply, each once (however many entries it has in
    /// `remedies`), in catalogue order, by id and stable name: at any level.
    pub fn applied(&self) -> impl Iterator<Item = (RemedyId, &'g str)> + '_ {
        let full = self.remedies.iter().enumerate().filter_map(|(i, r)| {
            let repeat = i
                .checked_sub(1)
                .and_then(|p| self.remedies.get(p))
                .is_some_and(|p| p.remedy == r.remedy);
            (!repeat).then_some((r.remedy, r.id))
        });
        self.applied_ids.iter().copied().chain(full)
    }
}

fn undetermined_id<'g>(u: &Undetermined<'g>) -> &'g str {
    u.id
}

/// A list serialised as what a function makes of each item.
struct Each<'a, T, F>(&'a [T], F);

impl<'a, T, F, V> Serialize for Each<'a, T, F>
where
    F: Fn(&'a T) -> V,
    V: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(&self.1))
    }
}

/// An applied remedy in the summary record: its id, parameters, amount and
/// deadline, as the full record writes them.
struct SummaryRemedy<'a, 'g>(&'a AppliedRemedy<'g>);

impl Serialize for SummaryRemedy<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let r = self.0;
        let len = 2 + usize::from(r.amount.is_some()) + usize::from(r.deadline.is_some());
        let mut s = serializer.serialize_struct("SummaryRemedy", len)?;
        s.serialize_field("id", r.id)?;
        s.serialize_field("params", &r.params)?;
        if let Some(amount) = &r.amount {
            s.serialize_field("amount", amount)?;
        }
        if let Some(deadline) = &r.deadline {
            s.serialize_field("deadline", deadline)?;
        }
        s.end()
    }
}

/// An undetermined remedy in the summary record: its id and the facts that
/// would settle it.
struct SummaryUndetermined<'a, 'g>(&'a Undetermined<'g>);

impl Serialize for SummaryUndetermined<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("SummaryUndetermined", 2)?;
        s.serialize_field("id", self.0.id)?;
        s.serialize_field("needs", &self.0.needs)?;
        s.end()
    }
}

/// A missing fact, as a question: the question and labels in every language
/// the rulebook has, the fact's type and allowed values.
#[derive(Clone, Debug, Serialize)]
pub struct Question<'g> {
    /// The fact's dotted name (the key of a case file).
    pub fact: &'g str,
    /// `yes_no`, `number`, `money`, `date`, `text`, `one_of`, `some_of`.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// The question by language.
    pub question: Titles<'g>,
    /// The fact's label by language.
    pub label: Titles<'g>,
    /// For one-of and set-valued facts: each value with its labels.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<QuestionValue<'g>>,
    /// How many remedies its answer would settle: undetermined ones, and
    /// applying ones whose amount, deadline or parameter it would give.
    pub settles: usize,
}

/// An allowed value of a question, with its labels.
#[derive(Clone, Debug, Serialize)]
pub struct QuestionValue<'g> {
    /// As a case file writes it.
    pub value: &'g str,
    /// By language (empty when the rulebook gives none).
    pub label: Titles<'g>,
}

/// The missing facts of an outcome's remedies, each once, by how many
/// remedies it would settle (ties: declaration order): see [`Outcome::questions`].
pub fn open_questions<'g>(
    model: &'g crate::model::Model,
    remedies: &[AppliedRemedy<'g>],
    undetermined: &[Undetermined<'g>],
) -> Vec<Question<'g>> {
    use crate::value::Type;
    // per remedy, the facts that would settle it: an undetermined one's, and
    // those an applying one's unknown amount, deadline or parameter needs
    let mut counted: Vec<(&'g str, usize)> = Vec::new();
    let mut count = |needs: &mut dyn Iterator<Item = &'g str>| {
        let mut seen: SmallVec<[&str; 4]> = SmallVec::new();
        for need in needs {
            if seen.contains(&need) {
                continue;
            }
            seen.push(need);
            match counted.iter_mut().find(|(n, _)| *n == need) {
                Some((_, c)) => *c += 1,
                None => counted.push((need, 1)),
            }
        }
    };
    for u in undetermined {
        count(&mut u.needs.iter().copied());
    }
    for r in remedies {
        let open = r
            .params
            .0
            .iter()
            .map(|(_, c)| c)
            .chain(&r.amount)
            .filter(|c| c.value.is_none())
            .flat_map(|c| c.needs.iter().copied());
        let deadline = r
            .deadline
            .iter()
            .filter(|d| d.date.is_none())
            .flat_map(|d| d.needs.iter().copied());
        count(&mut open.chain(deadline));
    }
    let mut questions: Vec<(usize, Question<'g>)> = counted
        .into_iter()
        .filter_map(|(name, settles)| {
            let (i, fact) = model
                .facts
                .iter()
                .enumerate()
                .find(|(_, f)| f.name == name)?;
            let values = match fact.ty {
                Type::OneOf(set) | Type::Set(set) => model
                    .one_of_values(set)
                    .iter()
                    .map(|v| QuestionValue {
                        value: v.as_str(),
                        label: Titles(
                            fact.value_labels
                                .iter()
                                .find(|(name, _)| name == v)
                                .map_or(&[][..], |(_, t)| t.as_slice()),
                        ),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let ty = fact.ty.json_name();
            Some((
                i,
                Question {
                    fact: fact.name.as_str(),
                    ty,
                    question: Titles(&fact.questions),
                    label: Titles(&fact.labels),
                    values,
                    settles,
                },
            ))
        })
        .collect();
    questions.sort_by(|(i, a), (j, b)| b.settles.cmp(&a.settles).then(i.cmp(j)));
    questions.into_iter().map(|(_, q)| q).collect()
}

/// The rulebook's identity.
#[derive(Clone, Debug, Serialize)]
pub struct RulebookInfo<'g> {
    /// Titles by language.
    pub title: Titles<'g>,
    /// Jurisdiction.
    pub jurisdiction: &'g str,
    /// Version.
    pub version: &'g str,
    /// Takes effect on.
    pub effective: Option<String>,
}

/// A remedy that applies.
#[derive(Clone, Debug, Serialize)]
pub struct AppliedRemedy<'g> {
    /// The remedy in the rulebook's catalogue (not serialised: `id` names it).
    #[serde(skip)]
    pub remedy: RemedyId,
    /// Stable id.
    pub id: &'g str,
    /// Titles by language.
    pub title: Titles<'g>,
    /// Category.
    pub category: &'g str,
    /// Parameters by name.
    pub params: Ordered<'g, Computed<'g>>,
    /// Amount, when the rule or remedy computes one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Computed<'g>>,
    /// Deadline, when the rule or remedy computes one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline<'g>>,
    /// The remedy's and the rules' citations, without repeats (two or
    /// fewer, the usual number, are kept without an allocation).
    pub citations: SmallVec<[CitationOut<'g>; 2]>,
    /// The rules that gave it, and the facts they read (one, the usual
    /// number, is kept without an allocation).
    pub because: SmallVec<[Because<'g>; 1]>,
}

/// A computed value, or what it still needs.
///
/// Serialised as `{"value": …, "currency": …, "needs": …, "error": …}`
/// (the last three when present); a ceiling (`amount up to …`) has `up_to`
/// in place of `value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Computed<'g> {
    /// The value, when known.
    pub value: Option<Shown<'g>>,
    /// True when the value is a ceiling (`amount up to …`): a court sets
    /// the figure at or below it.
    pub up_to: bool,
    /// The ISO 4217 code of money (`CNY`, `EUR`).
    pub currency: Option<&'static str>,
    /// Facts that would give it, when unknown.
    pub needs: Vec<&'g str>,
    /// When unknown because a computation failed (it overflowed, or divided
    /// by zero): what failed, as in `errors`.
    pub error: Option<Text>,
}

impl Serialize for Computed<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let len = 1
            + usize::from(self.currency.is_some())
            + usize::from(!self.needs.is_empty())
            + usize::from(self.error.is_some());
        let mut s = serializer.serialize_struct("Computed", len)?;
        s.serialize_field(if self.up_to { "up_to" } else { "value" }, &self.value)?;
        if let Some(currency) = self.currency {
            s.serialize_field("currency", currency)?;
        }
        if !self.needs.is_empty() {
            s.serialize_field("needs", &self.needs)?;
        }
        if let Some(error) = &self.error {
            s.serialize_field("error", error)?;
        }
        s.end()
    }
}

/// A deadline.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Deadline<'g> {
    /// The last day, when known.
    pub date: Option<String>,
    /// True when the last day is before the as-of date; absent when there is no as-of date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expired: Option<bool>,
    /// Facts that would give it, when unknown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<&'g str>,
    /// When unknown because a computation failed (a date out of range, an
    /// overflow): what failed, as in `errors`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Text>,
}

/// A citation.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct CitationOut<'g> {
    /// The law's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub law: Option<&'g str>,
    /// The law's titles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Titles<'g>>,
    /// Article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<&'g str>,
    /// Free text: as written for `cite "…"`; for `cite zh "…" en "…"` the
    /// text in the rulebook's first language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'g str>,
    /// Free text by language (`cite zh "…" en "…"`), in the order written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub texts: Option<Titles<'g>>,
    /// False when the law is not in force on the as-of date (absent when
    /// either is unknown or the law has no period).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_force: Option<bool>,
}

/// Why a remedy applies.
#[derive(Clone, Debug, Serialize)]
pub struct Because<'g> {
    /// The rule (or exception) that gave it.
    pub rule: &'g str,
    /// Its titles by language (`title zh "…"`), when it has some.
    #[serde(skip_serializing_if = "Titles::is_empty")]
    pub title: Titles<'g>,
    /// For an exception to several rules (or one below it), given once per
    /// rule it sets aside: the general rule this one is under.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub under: Option<&'g str>,
    /// The facts its condition read, with their values (known ones only).
    pub facts: Ordered<'g, Shown<'g>>,
    /// Its exceptions, each known not to apply in this case.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exceptions_ruled_out: Vec<&'g str>,
}

/// A remedy that may apply once more facts are known.
#[derive(Clone, Debug, Serialize)]
pub struct Undetermined<'g> {
    /// Stable id.
    pub id: &'g str,
    /// Titles by language.
    pub title: Titles<'g>,
    /// Category.
    pub category: &'g str,
    /// Facts that would settle it, in declaration order (two or fewer are
    /// kept without an allocation).
    pub needs: SmallVec<[&'g str; 2]>,
    /// The rules still open (one is kept without an allocation).
    pub rules: SmallVec<[&'g str; 1]>,
}

/// A rule set aside by an exception.
#[derive(Clone, Debug, Serialize)]
pub struct Overridden<'g> {
    /// The rule.
    pub rule: &'g str,
    /// Its titles by language, when it has some.
    #[serde(skip_serializing_if = "Titles::is_empty")]
    pub title: Titles<'g>,
    /// When the rule set aside is itself an exception: the rule it is an
    /// exception to (which is then not excluded by it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exception_to: Option<&'g str>,
    /// Its remedy, if any.
    pub remedy: Option<&'g str>,
    /// The exceptions that apply.
    pub by: Vec<&'g str>,
    /// Their titles by language, one entry per entry of `by` in the same
    /// order (empty for an exception without a title), so that a reader can
    /// name them as the advice text does.
    pub by_titles: Vec<Titles<'g>>,
}

/// Arithmetic that failed.
#[derive(Clone, Debug, Serialize)]
pub struct EvalError {
    /// Stable code.
    pub code: String,
    /// What failed (English in JSON; the advice text renders it in the
    /// reader's language).
    pub message: Text,
}
