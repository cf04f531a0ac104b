//! The interview of `redress ask`: which fact to ask next, so that only
//! questions whose answer can still change an outcome are asked.
//!
//! Input: the [`DecisionGraph`], a partial [`Case`] and the facts the user
//! chose to leave unknown. Output: the next fact to ask, or none when no
//! answer can change anything. The candidates are the facts the outcome
//! already names as missing (`needs`): those under an unknown node of an
//! undetermined remedy's rules, and those an applied remedy's unknown
//! amount, deadline or parameter needs. A fact named by no `needs` is read
//! by no unknown node, so no answer to it can change the outcome. Among the
//! candidates the one that settles the most remedies is asked first; ties go
//! to the fact declared first.
//!
//! [`Interview`] keeps the answers in order, so that "back" undoes the last.

use crate::case::Case;
use crate::eval::{Evaluator, Options};
use crate::graph::DecisionGraph;
use crate::model::FactId;
use crate::outcome::Outcome;
use crate::value::Value;

/// A question still worth asking: the fact, and how many remedies name it
/// among what they need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    /// The fact to ask.
    pub fact: FactId,
    /// How many remedies (undetermined ones, and applied ones with an
    /// unknown amount, deadline or parameter) need it.
    pub settles: usize,
}

/// Every fact whose answer can still change the outcome, with how many
/// remedies need it, in declaration order; `skipped` facts are left out.
pub fn open_questions(
    graph: &DecisionGraph,
    outcome: &Outcome,
    skipped: &[FactId],
) -> Vec<Question> {
    let model = graph.model();
    let mut counts = vec![0usize; model.facts.len()];
    let mut count = |needs: &mut dyn Iterator<Item = &&str>| {
        // one remedy counts once per fact, however many of its parts need it
        let mut seen: Vec<usize> = Vec::new();
        for name in needs {
            if let Some(f) = model.fact_id(name) {
                if !seen.contains(&f.index()) {
                    seen.push(f.index());
                    if let Some(c) = counts.get_mut(f.index()) {
                        *c += 1;
                    }
                }
            }
        }
    };
    for u in &outcome.undetermined {
        count(&mut u.needs.iter());
    }
    for r in &outcome.remedies {
        let params = r.params.0.iter().flat_map(|(_, c)| c.needs.iter());
        let amount = r.amount.iter().flat_map(|c| c.needs.iter());
        let deadline = r.deadline.iter().flat_map(|d| d.needs.iter());
        count(&mut params.chain(amount).chain(deadline));
    }
    counts
        .into_iter()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .filter_map(|(i, settles)| {
            let fact = FactId(u32::try_from(i).ok()?);
            (!skipped.contains(&fact)).then_some(Question { fact, settles })
        })
        .collect()
}

/// The question to ask next: of [`open_questions`], the one that settles the
/// most remedies, the first declared among equals; `None` when no answer can
/// change the outcome any more.
pub fn next_question(
    graph: &DecisionGraph,
    outcome: &Outcome,
    skipped: &[FactId],
) -> Option<Question> {
    open_questions(graph, outcome, skipped)
        .into_iter()
        // max_by_key keeps the last of equals: compare so the first wins
        .fold(None, |best: Option<Question>, q| match best {
            Some(b) if b.settles >= q.settles => Some(b),
            _ => Some(q),
        })
}

/// What the user did with one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Answered with a value.
    Answered(FactId, Value),
    /// Left unknown.
    Skipped(FactId),
}

/// One interview: the case so far, and the steps taken, in order.
#[derive(Clone, Debug)]
pub struct Interview<'g> {
    evaluator: Evaluator<'g>,
    options: Options,
    start: Case,
    case: Case,
    steps: Vec<Step>,
}

impl<'g> Interview<'g> {
    /// An interview starting from a case (possibly empty).
    pub fn new(graph: &'g DecisionGraph, start: Case, options: Options) -> Interview<'g> {
        Interview {
            evaluator: Evaluator::new(graph),
            options,
            case: start.clone(),
            start,
            steps: Vec::new(),
        }
    }

    /// The graph it asks about.
    pub fn graph(&self) -> &'g DecisionGraph {
        self.evaluator.graph()
    }

    /// The case as answered so far.
    pub fn case(&self) -> &Case {
        &self.case
    }

    /// The steps taken, in order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The facts skipped so far.
    pub fn skipped(&self) -> Vec<FactId> {
        self.steps
            .iter()
            .filter_map(|s| match s {
                Step::Skipped(f) => Some(*f),
                Step::Answered(..) => None,
            })
            .collect()
    }

    /// The outcome of the case so far.
    pub fn outcome(&mut self) -> Outcome<'g> {
        self.evaluator.evaluate(&self.case, &self.options)
    }

    /// The next question, or `None` when nothing can change the outcome.
    pub fn next_question(&mut self) -> Option<Question> {
        let graph = self.evaluator.graph();
        let outcome = self.evaluator.evaluate(&self.case, &self.options);
        next_question(graph, &outcome, &self.skipped())
    }

    /// Record an answer.
    pub fn answer(&mut self, fact: FactId, value: Value) {
        self.case.set(fact, value.clone());
        self.steps.push(Step::Answered(fact, value));
    }

    /// Leave a fact unknown; it is not asked again.
    pub fn skip(&mut self, fact: FactId) {
        self.steps.push(Step::Skipped(fact));
    }

    /// Undo the last step; false when there was none.
    pub fn back(&mut self) -> bool {
        let Some(step) = self.steps.pop() else {
            return false;
        };
        if let Step::Answered(fact, _) = step {
            match self.start.get(fact) {
                Some(v) => self.case.set(fact, v.clone()),
                None => self.case.clear(fact),
            }
        }
        true
    }
}

/// Read one answer typed for a fact, validated as a case file's value is
/// (`yes`/`no`, a value's name, a number, an amount such as `120.50 元`, a
/// date `YYYY-MM-DD`, any text). `Err` holds the case reader's diagnostics,
/// which say what is wrong.
pub fn parse_answer(
    model: &crate::model::Model,
    fact: FactId,
    text: &str,
) -> Result<Value, Vec<crate::diagnostic::Diagnostic>> {
    let name = model.fact_name(fact);
    let mut object = serde_json::Map::new();
    object.insert(
        name.to_string(),
        serde_json::Value::String(text.trim().to_string()),
    );
    let json = serde_json::Value::Object(object).to_string();
    let reader = crate::case::CaseReader::new(model, crate::limits::Limits::DEFAULT);
    let (case, diagnostics) =
        reader.read_str(&json, &|| "answer".to_string(), crate::case::Format::Json);
    match case.as_ref().and_then(|c| c.get(fact)) {
        Some(v) => Ok(v.clone()),
        None => Err(diagnostics),
    }
}

/// A case as a case file's JSON: nested objects by the dotted names, the
/// known facts only, in declaration order; amounts, numbers and dates as
/// text (exact, and read back as they were).
pub fn case_json(model: &crate::model::Model, case: &Case) -> serde_json::Value {
    use serde_json::Value as Json;
    let mut root = serde_json::Map::new();
    for (i, f) in model.facts.iter().enumerate() {
        let Some(value) = u32::try_from(i).ok().and_then(|i| case.get(FactId(i))) else {
            continue;
        };
        let json = match value {
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::String(n.normalize().to_string()),
            Value::Money(m, _) => Json::String(crate::value::format_money(*m)),
            Value::Date(d) => Json::String(d.to_string()),
            Value::Text(t) => Json::String(t.to_string()),
            Value::Choice(list, n) => Json::String(
                model
                    .one_of_values(*list)
                    .get(*n as usize)
                    .cloned()
                    .unwrap_or_default(),
            ),
            Value::Set(list, chosen) => {
                let names = model.one_of_values(*list);
                Json::Array(
                    chosen
                        .iter()
                        .filter_map(|n| names.get(*n as usize).cloned().map(Json::String))
                        .collect(),
                )
            }
        };
        insert(&mut root, &f.name, json);
    }
    Json::Object(root)
}

/// Put a value at a dotted name, making the objects on the way (a name
/// whose prefix already holds a value is written flat, dots and all).
fn insert(
    object: &mut serde_json::Map<String, serde_json::Value>,
    name: &str,
    value: serde_json::Value,
) {
    if let Some((first, rest)) = name.split_once('.') {
        let entry = object
            .entry(first.to_string())
            .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
        if let serde_json::Value::Object(inner) = entry {
            insert(inner, rest, value);
            return;
        }
    }
    object.insert(name.to_string(), value);
}

/// A fact's question in a language: its question, else its label, else its
/// name (texts in another language when the rulebook has none in this one).
pub fn question_text(model: &crate::model::Model, fact: FactId, lang: &str) -> String {
    use crate::model::Model;
    let Some(f) = model.facts.get(fact.index()) else {
        return String::new();
    };
    let exact = |t: &crate::model::Texts| t.iter().find(|(l, _)| l == lang).map(|(_, s)| s.clone());
    exact(&f.questions)
        .or_else(|| exact(&f.labels))
        .or_else(|| Model::pick(&f.questions, lang).map(str::to_string))
        .or_else(|| Model::pick(&f.labels, lang).map(str::to_string))
        .unwrap_or_else(|| f.name.clone())
}

/// The answers a yes/no, one-of or set fact allows, as (value as a case
/// file writes it, label in `lang`), in declaration order; empty for other
/// types. Yes/no are labelled from the catalogue, values by their `value`
/// labels, else by their names.
pub fn choices(model: &crate::model::Model, fact: FactId, lang: &str) -> Vec<(String, String)> {
    use crate::value::Type;
    let Some(f) = model.facts.get(fact.index()) else {
        return Vec::new();
    };
    match f.ty {
        Type::Bool => {
            let words = crate::report::i18n::Words::new(lang);
            vec![
                ("yes".to_string(), words.get("yes", &[])),
                ("no".to_string(), words.get("no", &[])),
            ]
        }
        Type::OneOf(list) | Type::Set(list) => model
            .one_of_values(list)
            .iter()
            .map(|v| {
                let label = f.value_label(v, lang).unwrap_or(v).to_string();
                (v.clone(), label)
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The value of choice `n` of [`choices`] (`chosen`: several, for a set fact).
pub fn chosen_value(model: &crate::model::Model, fact: FactId, chosen: &[usize]) -> Option<Value> {
    use crate::value::Type;
    let f = model.facts.get(fact.index())?;
    match f.ty {
        Type::Bool => Some(Value::Bool(*chosen.first()? == 0)),
        Type::OneOf(list) => Some(Value::Choice(list, u32::try_from(*chosen.first()?).ok()?)),
        Type::Set(list) => Some(Value::set(
            list,
            chosen
                .iter()
                .filter_map(|n| u32::try_from(*n).ok())
                .collect(),
        )),
        _ => None,
    }
}

/// The next question as `redress ask --format json` prints it, for a front
/// end that keeps the case: `{"fact", "question", "questions", "type",
/// "values": [{"value", "label", "labels"}], "currency" (money only), "settles"}`,
/// with `question` and `label` in `lang` and the texts of every language redress
/// has words in beside them (`docs/output.md`).
pub fn question_json(model: &crate::model::Model, q: Question, lang: &str) -> serde_json::Value {
    use serde_json::{Value as Json, json};
    let Some(f) = model.facts.get(q.fact.index()) else {
        return Json::Null;
    };
    let langs = crate::report::i18n::LANGUAGES;
    let values: Vec<Json> = choices(model, q.fact, lang)
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| {
            let labels: serde_json::Map<String, Json> = langs
                .iter()
                .filter_map(|l| {
                    let (_, label) = choices(model, q.fact, l).into_iter().nth(i)?;
                    Some(((*l).to_string(), Json::String(label)))
                })
                .collect();
            json!({ "value": value, "label": label, "labels": labels })
        })
        .collect();
    let questions: serde_json::Map<String, Json> = langs
        .iter()
        .map(|l| {
            (
                (*l).to_string(),
                Json::String(question_text(model, q.fact, l)),
            )
        })
        .collect();
    // keys in the order docs/output.md lists them
    let mut doc = serde_json::Map::new();
    doc.insert("fact".into(), json!(f.name));
    doc.insert("question".into(), json!(question_text(model, q.fact, lang)));
    doc.insert("questions".into(), Json::Object(questions));
    doc.insert("type".into(), json!(f.ty.json_name()));
    doc.insert("values".into(), Json::Array(values));
    if let crate::value::Type::Money(c) = f.ty {
        doc.insert("currency".into(), json!(c.code()));
    }
    doc.insert("settles".into(), json!(q.settles));
    Json::Object(doc)
}

impl Interview<'_> {
    /// What `redress ask --format json` prints when no answer can change the
    /// outcome any more: `{"done": true, "asked": [{"fact", "answered"}],
    /// "case": {…}, "outcome": {…}}`.
    pub fn done_json(&mut self) -> serde_json::Value {
        use serde_json::{Value as Json, json};
        let outcome = self.outcome();
        let model = self.graph().model();
        let asked: Vec<Json> = self
            .steps()
            .iter()
            .map(|s| match s {
                Step::Answered(f, _) => json!({ "fact": model.fact_name(*f), "answered": true }),
                Step::Skipped(f) => json!({ "fact": model.fact_name(*f), "answered": false }),
            })
            .collect();
        json!({
            "done": true,
            "asked": asked,
            "case": case_json(model, self.case()),
            "outcome": serde_json::to_value(&outcome).unwrap_or(Json::Null),
        })
    }

    /// What `redress ask --format json` prints for a front end's turn: the
    /// next question ([`question_json`]), or [`Interview::done_json`] when
    /// there is none.
    pub fn next_json(&mut self, lang: &str) -> serde_json::Value {
        match self.next_question() {
            Some(q) => question_json(self.graph().model(), q, lang),
            None => self.done_json(),
        }
    }
}
