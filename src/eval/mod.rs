//! Decision graph + case → outcome.
//!
//! Input: a [`DecisionGraph`] and a [`Case`]. Output: an [`Outcome`] that
//! borrows its names and citations from the graph. Each node is evaluated at
//! most once per case (a memo indexed by node id), `and` and `or` stop early,
//! and nothing here reads a name or an AST node until the outcome is built.
//! A missing fact is unknown, and unknown spreads by Kleene's rules.
//!
//! The rule index first rules out the rules that a known fact already makes
//! false; only the others are evaluated. An [`Evaluator`] keeps the memo and
//! the per-rule state from one case to the next (stamped by case, so a new
//! case clears nothing): evaluating many cases costs what the rules that
//! may apply cost, not what the whole rulebook costs.

mod explain;
mod node;
mod scratch;

use jiff::civil::Date;

use crate::case::Case;
use crate::diagnostic::Text;
use crate::graph::{DecisionGraph, RemedyShown};
use crate::model::RemedyId;
use crate::model::{Citation, FactId, Model};
use crate::outcome::{
    AppliedRemedy, Because, CitationOut, Computed, Deadline, Detail, EvalError, Ordered, Outcome,
    Overridden, RulebookInfo, Shown, Titles, Undetermined,
};
use crate::value::{Truth, Type, Value};

use scratch::Scratch;
use smallvec::SmallVec;

use crate::graph::NodeId;

/// Options for one evaluation.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Judge the case as of this date: it fills the rulebook's `as of` fact
    /// (overriding the case) and decides which deadlines have expired.
    pub as_of: Option<Date>,
    /// Evaluate every rule, without the rule index (same answers, more work;
    /// for testing the index).
    pub without_index: bool,
    /// How much of the outcome to build (default: all of it). Below
    /// [`Detail::Full`] the evaluator skips what the level does not write:
    /// citations, deciding facts, overridden rules and questions, and for
    /// [`Detail::Ids`] also parameters, amounts, deadlines and the facts
    /// undetermined remedies need.
    pub detail: Detail,
}

/// What evaluation saw, for tools that explain or measure coverage.
#[derive(Clone, Debug)]
pub struct Trace {
    /// Each rule's condition (for an exception, within its rule), by [`crate::model::RuleId`].
    pub conditions: Vec<Truth>,
    /// Whether each rule applies (its condition, and none of its exceptions).
    pub applies: Vec<Truth>,
}

/// Evaluate a case.
pub fn evaluate<'g>(graph: &'g DecisionGraph, case: &Case, options: &Options) -> Outcome<'g> {
    Evaluator::new(graph).evaluate(case, options)
}

/// Evaluate a case, and say what each rule came to.
pub fn evaluate_traced<'g>(
    graph: &'g DecisionGraph,
    case: &Case,
    options: &Options,
) -> (Outcome<'g>, Trace) {
    Evaluator::new(graph).evaluate_traced(case, options)
}

/// Evaluates cases against one graph, reusing its working space from one
/// case to the next; one per thread.
#[derive(Clone, Debug)]
pub struct Evaluator<'g> {
    graph: &'g DecisionGraph,
    scratch: Scratch,
}

impl<'g> Evaluator<'g> {
    /// An evaluator for a graph.
    pub fn new(graph: &'g DecisionGraph) -> Evaluator<'g> {
        Evaluator {
            graph,
            scratch: Scratch::new(
                graph.nodes().len(),
                graph.rules().len(),
                graph.model().facts.len(),
            ),
        }
    }

    /// The graph it evaluates against.
    pub fn graph(&self) -> &'g DecisionGraph {
        self.graph
    }

    /// Evaluate a case.
    pub fn evaluate(&mut self, case: &Case, options: &Options) -> Outcome<'g> {
        self.run(case, options)
    }

    /// Evaluate a case, and say what each rule came to.
    pub fn evaluate_traced(&mut self, case: &Case, options: &Options) -> (Outcome<'g>, Trace) {
        let outcome = self.run(case, options);
        let n = self.graph.rules().len();
        let s = &self.scratch;
        let trace = Trace {
            conditions: (0..n).map(|i| s.cond(i)).collect(),
            applies: (0..n).map(|i| s.applies_or_unknown(i)).collect(),
        };
        (outcome, trace)
    }

    /// Evaluate a case, say what each rule came to, and give every node of
    /// the graph its value for the case (`None`: unknown, or its computation
    /// failed), each node evaluated on its own (so every part of an `and`
    /// has its value, not only those evaluation read). For explanations.
    pub fn evaluate_all(
        &mut self,
        case: &Case,
        options: &Options,
    ) -> (Outcome<'g>, Trace, Vec<Option<Value>>) {
        let (outcome, trace) = self.evaluate_traced(case, options);
        let graph = self.graph;
        let model = graph.model();
        let as_of_value = options.as_of.map(Value::Date);
        let facts = Facts {
            case,
            as_of: model.header.as_of.zip(as_of_value.as_ref()),
        };
        let mut run = Run {
            graph,
            facts,
            scratch: &mut self.scratch,
            errors: Vec::new(),
            failed: Vec::new(),
            detail: options.detail,
        };
        let n = u32::try_from(graph.nodes().len()).unwrap_or(u32::MAX);
        let values = (0..n).map(|i| run.value(NodeId(i))).collect();
        (outcome, trace, values)
    }

    fn run(&mut self, case: &Case, options: &Options) -> Outcome<'g> {
        let graph = self.graph;
        let model = graph.model();
        let as_of_value = options.as_of.map(Value::Date);
        let facts = Facts {
            case,
            as_of: model.header.as_of.zip(as_of_value.as_ref()),
        };
        let as_of = options
            .as_of
            .or_else(|| match model.header.as_of.and_then(|f| facts.get(f)) {
                Some(Value::Date(d)) => Some(*d),
                _ => None,
            });

        let s = &mut self.scratch;
        s.start();
        // Rules the index rules out have a false condition; evaluate the rest.
        let mut candidates = std::mem::take(&mut s.candidates);
        if options.without_index {
            candidates.clear();
            candidates.extend(0..u32::try_from(graph.rules().len()).unwrap_or(u32::MAX));
        } else {
            graph
                .index()
                .candidates(|f| facts.get(f), &mut s.index, &mut candidates);
        }
        let mut run = Run {
            graph,
            facts,
            scratch: s,
            errors: Vec::new(),
            failed: Vec::new(),
            detail: options.detail,
        };
        for &i in &candidates {
            if let Some(rule) = graph.rules().get(i as usize) {
                let cond = if rule.atomic && !options.without_index {
                    // the index kept it: each of its tests on a known fact
                    // holds, those on missing facts are unknown
                    if run.all_known(&rule.facts) {
                        Truth::Yes
                    } else {
                        Truth::Unknown
                    }
                } else {
                    run.truth(rule.condition)
                };
                run.scratch.set_cond(i as usize, cond);
            }
        }
        for &i in &candidates {
            rule_applies(graph, run.scratch, i as usize, 0);
        }
        let outcome = run.outcome(&candidates, as_of);
        self.scratch.candidates = candidates;
        outcome
    }
}

/// A case's facts, with the as-of date of the options in place of the case's.
#[derive(Clone, Copy)]
struct Facts<'c> {
    case: &'c Case,
    as_of: Option<(FactId, &'c Value)>,
}

impl<'c> Facts<'c> {
    fn get(&self, f: FactId) -> Option<&'c Value> {
        match self.as_of {
            Some((fact, value)) if fact == f => Some(value),
            _ => self.case.get(f),
        }
    }
}

/// One evaluation under way.
struct Run<'g: 's, 's> {
    graph: &'g DecisionGraph,
    facts: Facts<'s>,
    scratch: &'s mut Scratch,
    errors: Vec<EvalError>,
    /// The node whose computation failed, for each of `errors`.
    failed: Vec<NodeId>,
    /// How much of the outcome to build.
    detail: Detail,
}

/// Whether a rule applies: its condition holds and none of its exceptions
/// applies (Kleene). Exceptions form no loop (checked), `depth` guards anyway.
fn rule_applies(graph: &DecisionGraph, s: &mut Scratch, i: usize, depth: usize) -> Truth {
    if let Some(t) = s.applies(i) {
        return t;
    }
    let cond = s.cond(i);
    let mut result = cond;
    if cond != Truth::No && depth < 10_000 {
        let exceptions = graph
            .rules()
            .get(i)
            .map(|r| r.exceptions.as_slice())
            .unwrap_or(&[]);
        let mut any = Truth::No;
        for e in exceptions {
            any = any.or(rule_applies(graph, s, e.index(), depth + 1));
        }
        result = cond.and(!any);
    }
    s.set_applies(i, result);
    result
}

impl<'g> Run<'g, '_> {
    /// Build the outcome from the rules' results: remedies grouped per
    /// remedy in catalogue order, then those undetermined, then the rules an
    /// exception set aside.
    fn outcome(&mut self, candidates: &[u32], as_of: Option<Date>) -> Outcome<'g> {
        let graph = self.graph;
        let model = graph.model();
        let detail = self.detail;
        // (remedy, rule) for each rule that applies or may apply; sorted, so
        // by remedy in catalogue order, then rule in declaration order
        let mut open = std::mem::take(&mut self.scratch.open);
        open.clear();
        for &i in candidates {
            if self.scratch.applies_or_unknown(i as usize) == Truth::No {
                continue;
            }
            if let Some((remedy, _)) = graph
                .rules()
                .get(i as usize)
                .and_then(|r| r.conclusion.as_ref())
            {
                open.push((remedy.0, i));
            }
        }
        open.sort_unstable();

        let mut remedies: Vec<AppliedRemedy<'g>> = if detail == Detail::Ids {
            Vec::new()
        } else {
            Vec::with_capacity(open.len())
        };
        let mut applied_ids: Vec<(RemedyId, &'g str)> = Vec::new();
        let mut undetermined: Vec<Undetermined<'g>> = Vec::new();
        let mut start = 0;
        while let Some(&(remedy_index, _)) = open.get(start) {
            let end = open
                .iter()
                .skip(start)
                .position(|(r, _)| *r != remedy_index)
                .map_or(open.len(), |n| start + n);
            let group = open.get(start..end).unwrap_or(&[]);
            start = end;
            // what the remedy shows, from the record of its first rule
            let Some(shows) = group
                .first()
                .and_then(|(_, i)| graph.rules().get(*i as usize))
                .and_then(|r| r.shows.as_ref())
            else {
                continue;
            };
            let first_applied = remedies.len();
            let first_id = applied_ids.len();
            let mut open_rules = 0;
            for &(_, i) in group {
                match self.scratch.applies_or_unknown(i as usize) {
                    // ids only: the remedy once, nothing computed
                    Truth::Yes if detail == Detail::Ids => {
                        if applied_ids.len() == first_id {
                            applied_ids.push((RemedyId(remedy_index), &shows.id));
                        }
                    }
                    Truth::Yes => {
                        self.applied(shows, i as usize, first_applied, &mut remedies, as_of);
                    }
                    Truth::Unknown => open_rules += 1,
                    Truth::No => {}
                }
            }
            let none_applied = remedies.len() == first_applied && applied_ids.len() == first_id;
            if none_applied && open_rules > 0 && detail != Detail::Full {
                // the facts that would settle it for the summary, nothing for ids
                let needs = if detail == Detail::Summary {
                    self.scratch.marks.fresh();
                    self.scratch.facts.clear();
                    for &(_, i) in group {
                        if self.scratch.applies_or_unknown(i as usize) == Truth::Unknown {
                            self.rule_needs(i as usize, 0);
                        }
                    }
                    self.fact_names()
                } else {
                    SmallVec::new()
                };
                undetermined.push(Undetermined {
                    id: &shows.id,
                    title: Titles(&shows.titles),
                    category: &shows.category,
                    needs,
                    rules: SmallVec::new(),
                });
            } else if none_applied && open_rules > 0 {
                self.scratch.marks.fresh();
                self.scratch.facts.clear();
                let mut rules = SmallVec::with_capacity(open_rules);
                for &(_, i) in group {
                    if self.scratch.applies_or_unknown(i as usize) == Truth::Unknown {
                        self.rule_needs(i as usize, 0);
                        // the copies of a shared exception once
                        if let Some(r) = graph.rules().get(i as usize)
                            && !rules.contains(&&*r.name)
                        {
                            rules.push(&*r.name);
                        }
                    }
                }
                undetermined.push(Undetermined {
                    id: &shows.id,
                    title: Titles(&shows.titles),
                    category: &shows.category,
                    needs: self.fact_names(),
                    rules,
                });
            }
        }
        self.scratch.open = open;

        let mut overridden: Vec<Overridden<'g>> = Vec::new();
        let full = detail == Detail::Full;
        for &i in candidates.iter().filter(|_| full) {
            let i = i as usize;
            if self.scratch.cond(i) != Truth::Yes {
                continue;
            }
            let Some(rule) = graph.rules().get(i) else {
                continue;
            };
            let (by, by_titles): (Vec<&'g str>, Vec<Titles<'g>>) = rule
                .exceptions
                .iter()
                .filter(|e| self.scratch.applies_or_unknown(e.index()) == Truth::Yes)
                .filter_map(|e| model.rules.get(e.index()))
                .map(|r| (r.name.as_str(), Titles(r.titles.as_slice())))
                .unzip();
            if by.is_empty() {
                continue;
            }
            let model_rule = model.rules.get(i);
            overridden.push(Overridden {
                rule: model_rule.map_or("", |r| r.name.as_str()),
                title: Titles(model_rule.map_or(&[], |r| r.titles.as_slice())),
                exception_to: model_rule
                    .and_then(|r| r.exception_to)
                    .and_then(|t| model.rules.get(t.index()))
                    .map(|t| t.name.as_str()),
                remedy: rule
                    .conclusion
                    .as_ref()
                    .and_then(|(r, _)| model.remedies.get(r.index()))
                    .map(|r| r.id.as_str()),
                by,
                by_titles,
            });
        }

        Outcome {
            detail,
            rulebook: RulebookInfo {
                title: Titles(&model.header.titles),
                jurisdiction: &model.header.jurisdiction,
                version: &model.header.version,
                effective: model
                    .header
                    .effective
                    .filter(|_| full)
                    .map(|d| d.to_string()),
            },
            as_of: as_of
                .filter(|_| detail != Detail::Ids)
                .map(|d| d.to_string()),
            questions: if full {
                crate::outcome::open_questions(model, &remedies, &undetermined)
            } else {
                Vec::new()
            },
            remedies,
            applied_ids,
            undetermined,
            overridden,
            errors: std::mem::take(&mut self.errors),
        }
    }

    /// Add rule `i`'s remedy to `remedies`, or merge it into the one this
    /// remedy already has there (from `first` on) with the same parameters,
    /// amount and deadline.
    fn applied(
        &mut self,
        shows: &'g RemedyShown,
        i: usize,
        first: usize,
        remedies: &mut Vec<AppliedRemedy<'g>>,
        as_of: Option<Date>,
    ) {
        let graph = self.graph;
        let model = graph.model();
        let Some(rule) = graph.rules().get(i) else {
            return;
        };
        let Some((remedy, args)) = &rule.conclusion else {
            return;
        };
        let mut params: Ordered<'g, Computed<'g>> = Ordered(Vec::new());
        if !args.is_empty() {
            let names = model
                .remedies
                .get(remedy.index())
                .map_or(&[][..], |r| &r.params);
            params.0 = names
                .iter()
                .zip(args)
                .map(|((name, _), node)| (name.as_str(), self.computed(*node)))
                .collect();
        }
        let amount = rule.amount.map(|a| Computed {
            up_to: rule.amount_up_to,
            ..self.computed(a)
        });
        let deadline = rule.deadline.map(|d| self.deadline(d, as_of));
        if self.detail != Detail::Full {
            // the summary: no citations, no deciding facts
            let same = remedies
                .iter()
                .skip(first)
                .any(|a| a.params == params && a.amount == amount && a.deadline == deadline);
            if !same {
                let mut a = bare(shows, *remedy);
                a.params = params;
                a.amount = amount;
                a.deadline = deadline;
                remedies.push(a);
            }
            return;
        }

        // the facts that decided it, and why its exceptions do not apply
        let facts = if rule.plain && rule.exceptions.is_empty() {
            // every part of a conjunction that held decided it (the rule's
            // facts are in declaration order already)
            self.shown_facts(&rule.facts)
        } else {
            self.scratch.marks.fresh();
            self.scratch.facts.clear();
            if rule.plain {
                for f in &rule.facts {
                    self.scratch.facts.insert(*f);
                }
            } else {
                self.deciding_facts(rule.condition);
            }
            for e in &rule.exceptions {
                if self.scratch.applies_or_unknown(e.index()) == Truth::No {
                    self.why_not(e.index(), 0);
                }
            }
            let mut marked = std::mem::take(&mut self.scratch.facts);
            let facts = self.shown_facts(marked.sorted());
            self.scratch.facts = marked;
            facts
        };
        let because = Because {
            rule: &rule.name,
            title: Titles(model.rules.get(i).map_or(&[], |r| r.titles.as_slice())),
            under: rule.under.as_deref(),
            facts,
            exceptions_ruled_out: rule
                .exceptions
                .iter()
                .filter(|e| self.scratch.applies_or_unknown(e.index()) == Truth::No)
                .filter_map(|e| graph.rules().get(e.index()).map(|r| &*r.name))
                .collect(),
        };
        let cites: SmallVec<[CitationOut<'g>; 2]> = rule
            .citations
            .iter()
            .map(|c| citation(model, c, as_of))
            .collect();
        let same = remedies
            .iter_mut()
            .skip(first)
            .find(|a| a.params == params && a.amount == amount && a.deadline == deadline);
        match same {
            Some(a) => {
                for c in cites {
                    if !a.citations.contains(&c) {
                        a.citations.push(c);
                    }
                }
                a.because.push(because);
            }
            None => remedies.push(AppliedRemedy {
                remedy: *remedy,
                id: &shows.id,
                title: Titles(&shows.titles),
                category: &shows.category,
                params,
                amount,
                deadline,
                citations: cites,
                because: smallvec::smallvec![because],
            }),
        }
    }

    fn computed(&mut self, id: NodeId) -> Computed<'g> {
        match self.value(id) {
            Some(v) => Computed {
                up_to: false,
                currency: match v {
                    Value::Money(_, c) => Some(c.code()),
                    _ => None,
                },
                value: Some(shown(self.graph.model(), &v)),
                needs: Vec::new(),
                error: None,
            },
            None => {
                let needs = self.needs_of(id);
                Computed {
                    value: None,
                    up_to: false,
                    currency: None,
                    needs,
                    error: self.failure_walked(),
                }
            }
        }
    }

    fn deadline(&mut self, id: NodeId, as_of: Option<Date>) -> Deadline<'g> {
        match self.value(id) {
            Some(Value::Date(d)) => Deadline {
                date: Some(d.to_string()),
                expired: as_of.map(|a| d < a),
                needs: Vec::new(),
                error: None,
            },
            _ => {
                let needs = self.needs_of(id);
                Deadline {
                    date: None,
                    expired: None,
                    needs,
                    error: self.failure_walked(),
                }
            }
        }
    }

    /// Whether each of these facts is known, and those of type yes/no as
    /// yes or no (so that a test of them is known).
    fn all_known(&self, facts: &[FactId]) -> bool {
        let model = self.graph.model();
        facts.iter().all(|f| match self.facts.get(*f) {
            Some(Value::Bool(_)) => true,
            Some(_) => model
                .facts
                .get(f.index())
                .is_some_and(|d| d.ty != Type::Bool),
            None => false,
        })
    }

    /// The known ones of some facts, with their values, in the order given.
    fn shown_facts(&self, facts: &[FactId]) -> Ordered<'g, Shown<'g>> {
        let model = self.graph.model();
        let mut shown_facts = Vec::with_capacity(facts.len());
        for f in facts {
            if let Some(v) = self.facts.get(*f) {
                shown_facts.push((model.fact_name(*f), shown(model, v)));
            }
        }
        Ordered(shown_facts)
    }

    /// The message of the first failed computation among the unknown nodes
    /// the last [`Self::needs_of`] walked (those under an unknown value).
    fn failure_walked(&self) -> Option<Text> {
        self.failed
            .iter()
            .zip(&self.errors)
            .find(|(node, _)| self.scratch.marks.visited(**node))
            .map(|(_, e)| e.message.clone())
    }

    fn needs_of(&mut self, id: NodeId) -> Vec<&'g str> {
        self.scratch.marks.fresh();
        self.scratch.facts.clear();
        self.collect_needs(id);
        self.fact_names()
    }

    /// The names of the facts marked, in declaration order.
    fn fact_names<C: FromIterator<&'g str>>(&mut self) -> C {
        let model = self.graph.model();
        self.scratch
            .facts
            .sorted()
            .iter()
            .map(|f| model.fact_name(*f))
            .collect()
    }
}

/// An applied remedy with nothing computed: its id, titles and category
/// (borrowed), no parameters, amount, deadline, citations or reasons.
fn bare<'g>(shows: &'g RemedyShown, remedy: RemedyId) -> AppliedRemedy<'g> {
    AppliedRemedy {
        remedy,
        id: &shows.id,
        title: Titles(&shows.titles),
        category: &shows.category,
        params: Ordered(Vec::new()),
        amount: None,
        deadline: None,
        citations: SmallVec::new(),
        because: SmallVec::new(),
    }
}

/// A value as an outcome shows it.
pub(crate) fn shown<'g>(model: &'g Model, v: &Value) -> Shown<'g> {
    match v {
        Value::Bool(b) => Shown::Bool(*b),
        Value::Number(n) => Shown::Number(*n),
        Value::Money(m, c) => Shown::Money(*m, *c),
        Value::Date(d) => Shown::Date(*d),
        Value::Set(list, chosen) => Shown::Set(
            model
                .set_names(*list, chosen)
                .into_iter()
                .map(std::borrow::Cow::Borrowed)
                .collect(),
        ),
        other => Shown::Text(model.show_text(other)),
    }
}

fn citation<'g>(model: &'g Model, c: &'g Citation, as_of: Option<Date>) -> CitationOut<'g> {
    let law = c.law.and_then(|l| model.laws.get(l.index()));
    let in_force = match (law, as_of) {
        (Some(l), Some(d)) if l.from.is_some() || l.until.is_some() => {
            Some(l.from.is_none_or(|f| f <= d) && l.until.is_none_or(|u| d <= u))
        }
        _ => None,
    };
    CitationOut {
        in_force,
        law: law.map(|l| l.name.as_str()),
        title: law.map(|l| Titles(&l.titles)),
        article: c.article.as_deref(),
        text: c.text.as_deref(),
        texts: (!c.texts.is_empty()).then_some(Titles(&c.texts)),
    }
}
