//! `redress ask`: the interview asks only questions whose answer can still
//! change the outcome, and how many it asks on the shipped cases.

use std::fmt::Write as _;

use redress::ask::{Interview, Step};
use redress::case::Case;
use redress::eval::{Options, evaluate};
use redress::graph::DecisionGraph;
use redress::model::FactId;
use redress::outcome::Outcome;
use redress::value::{Type, Value};

use crate::eval::case_of;

/// What an outcome decides: the remedies that apply with their amounts and
/// deadlines, and those undetermined (not what they still need).
fn decision(outcome: &Outcome) -> String {
    let mut s = String::new();
    for r in &outcome.remedies {
        let amount = r.amount.as_ref().map(|a| format!("{:?}", a.value));
        let deadline = r.deadline.as_ref().map(|d| (d.date.clone(), d.expired));
        let params: Vec<_> = r
            .params
            .0
            .iter()
            .map(|(_, c)| format!("{:?}", c.value))
            .collect();
        let _ = writeln!(s, "applies {} {amount:?} {deadline:?} {params:?}", r.id);
    }
    for u in &outcome.undetermined {
        let _ = writeln!(s, "undetermined {}", u.id);
    }
    s
}

/// Values to try for a fact: every value of yes/no, one-of and set facts
/// (sets: none, each alone, all), else the answer the case gives.
fn probes(graph: &DecisionGraph, fact: FactId, answer: Option<&Value>) -> Vec<Value> {
    let model = graph.model();
    let mut out: Vec<Value> = match model.facts[fact.index()].ty {
        Type::Bool => vec![Value::Bool(true), Value::Bool(false)],
        Type::OneOf(list) => (0..model.one_of_values(list).len() as u32)
            .map(|i| Value::Choice(list, i))
            .collect(),
        Type::Set(list) => {
            let n = model.one_of_values(list).len() as u32;
            let mut v = vec![Value::set(list, vec![]), Value::set(list, (0..n).collect())];
            v.extend((0..n).map(|i| Value::set(list, vec![i])));
            v
        }
        _ => Vec::new(),
    };
    out.extend(answer.cloned());
    out
}

/// The interview from nothing, answering with the case's own values (a
/// fact the case lacks is skipped).
fn interview<'g>(graph: &'g DecisionGraph, case: &Case) -> Interview<'g> {
    let mut interview = Interview::new(graph, Case::empty(graph.model()), Options::default());
    while let Some(q) = interview.next() {
        match case.get(q.fact) {
            Some(v) => interview.answer(q.fact, v.clone()),
            None => interview.skip(q.fact),
        }
    }
    interview
}

/// Whether an asked fact is *needed* (named by a `needs` of the outcome at
/// the moment it was asked: under an unknown node of an undetermined
/// remedy's rules, or of an applied remedy's unknown amount or deadline),
/// and whether some answer to it decides differently from another (or from
/// unknown) by itself, with the other facts as known when it was asked or
/// as the whole case gives them. A needed fact can matter only together
/// with others still unknown (a fact under an exception to an exception),
/// so the second is measured, not required.
fn check_steps(graph: &DecisionGraph, case: &Case, done: &Interview) -> (usize, usize) {
    let mut replay = Case::empty(graph.model());
    let mut decisive = 0;
    for step in done.steps() {
        let (fact, answer) = match step {
            Step::Answered(f, v) => (*f, Some(v)),
            Step::Skipped(f) => (*f, None),
        };
        let name = graph.model().fact_name(fact);
        let before = evaluate(graph, &replay, &Options::default());
        let needed = before.undetermined.iter().any(|u| u.needs.contains(&name))
            || before.remedies.iter().any(|r| {
                r.amount.iter().any(|a| a.needs.contains(&name))
                    || r.deadline.iter().any(|d| d.needs.contains(&name))
                    || r.params.0.iter().any(|(_, c)| c.needs.contains(&name))
            });
        assert!(needed, "asked {name}, which nothing needed");
        let changes = [&replay, case].into_iter().any(|context| {
            let mut without = context.clone();
            without.clear(fact);
            let unknown = decision(&evaluate(graph, &without, &Options::default()));
            probes(graph, fact, answer).into_iter().any(|v| {
                let mut with = without.clone();
                with.set(fact, v);
                decision(&evaluate(graph, &with, &Options::default())) != unknown
            })
        });
        decisive += usize::from(changes);
        if let Some(v) = answer {
            replay.set(fact, v.clone());
        }
    }
    (done.steps().len(), decisive)
}

/// For every shipped case, from nothing, answering with the case's values:
/// each fact asked was needed when it was asked (never a question that
/// cannot change anything), and at the end no answer can change the
/// outcome.
#[test]
fn asks_only_what_can_change_the_outcome() {
    insta::glob!("../rulebooks", "*/cases/*.{json,toml}", |path| {
        let (graph, case) = case_of(path);
        let mut done = interview(&graph, &case);
        check_steps(&graph, &case, &done);
        assert!(done.next().is_none());
        let outcome = done.outcome();
        assert!(outcome.undetermined.iter().all(|u| u.needs.iter().all(|n| {
            graph
                .model()
                .fact_id(n)
                .is_some_and(|f| done.skipped().contains(&f))
        })));
    });
}

/// How many questions the interview asks on each shipped case of the
/// cn-online-shopping rulebook, from nothing, against the facts it declares
/// (the table in docs/advisors.md, `## ask`).
#[test]
fn questions_asked_on_cn_online_shopping() {
    let mut rows: Vec<(String, usize, usize, usize)> = Vec::new();
    let mut declared = 0;
    insta::glob!(
        "../rulebooks",
        "cn-online-shopping/cases/*.{json,toml}",
        |path| {
            let (graph, case) = case_of(path);
            declared = graph.model().facts.len();
            let done = interview(&graph, &case);
            let (_, decisive) = check_steps(&graph, &case, &done);
            let answered = done
                .steps()
                .iter()
                .filter(|s| matches!(s, Step::Answered(..)))
                .count();
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            rows.push((name.to_string(), done.steps().len(), answered, decisive));
        }
    );
    rows.sort();
    let mut asked: Vec<usize> = rows.iter().map(|r| r.1).collect();
    asked.sort_unstable();
    let median = asked[asked.len() / 2];
    let total: usize = asked.iter().sum();
    let decisive: usize = rows.iter().map(|r| r.3).sum();
    let mut table = format!(
        "{} cases, {declared} facts declared; questions asked: min {}, median {median}, max {}; \
         {decisive} of the {total} questions asked change the outcome by themselves\n\n\
         | case | asked | answered | change it alone |\n|---|---|---|---|\n",
        rows.len(),
        asked[0],
        asked[asked.len() - 1],
    );
    for (name, n, answered, decisive) in &rows {
        let _ = writeln!(table, "| {name} | {n} | {answered} | {decisive} |");
    }
    assert!(asked.iter().all(|n| *n < declared));
    insta::assert_snapshot!(table);
}
