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
    while let Some(q) = interview.next_question() {
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
        assert!(done.next_question().is_none());
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

/// Runs `redress ARGS` in a pseudo-terminal through `tests/ask/drive.py`,
/// which waits for each expected text and types its keys; `None` when
/// python3 is missing.
fn in_terminal(steps: &str, args: &[&str]) -> Option<(i32, String)> {
    if std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no python3 to drive a pseudo-terminal");
        return None;
    }
    let out = std::process::Command::new("python3")
        .env("LC_ALL", "C")
        .arg(crate::root().join("tests/ask/drive.py"))
        .arg(steps)
        .arg(env!("CARGO_BIN_EXE_redress"))
        .args(args)
        .current_dir(crate::root())
        .output()
        .unwrap();
    Some((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    ))
}

/// An interview answered by keystrokes: arrow keys and Enter for one-of and
/// yes/no questions, typed text for the others, "back" undoing the last
/// answer, a wrong date re-asked with the reason, the remedies shown as they come to apply, the case saved.
#[test]
fn an_interview_answered_by_keystrokes() {
    let dir = tempfile_dir("keys");
    let saved = dir.join("case.toml");
    let erase = "\u{7f}".repeat(12);
    let steps = serde_json::json!([
        ["Where do you live?", "Shanghai\r"],
        ["Where is the seller", "Hangzhou\r"],
        ["How did you buy it", "\r"],
        // "back" (the last choice) undoes the answer before: asked again
        ["What kind of goods", "\u{1b}[B\u{1b}[B\u{1b}[B\u{1b}[B\r"],
        ["How did you buy it", "\r"],
        ["What kind of goods", "\r"],
        ["Did you confirm", "\u{1b}[B\r"],
        ["receive the goods", "2024-05-01\r"],
        ["deceived", "\r"],
        ["seek a remedy", "2024-13-01\r"],
        ["cannot be used", format!("{erase}2024-05-06\r")],
        ["How many items", "1\r"],
        ["How much", "120 元\r"],
    ])
    .to_string();
    let args = [
        "ask",
        "rulebooks/example/example.rules",
        "--lang",
        "en",
        "--save",
        saved.to_str().unwrap(),
    ];
    let Some((code, shown)) = in_terminal(&steps, &args) else {
        return;
    };
    assert_eq!(code, 0, "{shown}");
    for expected in [
        "✓ applies now: Complaint forwarded to the consumer association",
        "✓ applies now: Return within 7 days without giving a reason",
        "That answer cannot be used: write a date that exists, as YYYY-MM-DD",
        "✓ applies now: Punitive damages for fraud",
        "Nothing left to ask",
        "3 remedies apply:",
        "amount: 500.00 yuan",
    ] {
        assert!(
            shown.contains(expected),
            "missing {expected:?} in:\n{shown}"
        );
    }
    let saved = std::fs::read_to_string(&saved).unwrap();
    insta::assert_snapshot!(saved);
}

/// A remedy that comes to apply is named in the interview's language order:
/// `--lang`, then the rulebook's `languages`, as the advice text names it. The
/// remedy has no Chinese title and its first title is French: `--lang zh`
/// names it by its English one (the rulebook's first language).
#[test]
fn applies_now_names_a_remedy_in_the_reader_s_language_order() {
    let args = ["ask", "tests/ask/titles.rules", "--lang", "zh"];
    let Some((code, shown)) = in_terminal(r#"[["是否已告知经营者", "\r"]]"#, &args) else {
        return;
    };
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("✓ 现在可以适用：Refund"), "{shown}");
    assert!(!shown.contains("Remboursement"), "{shown}");
}

/// Ctrl-C leaves quietly: status 130, no traceback, nothing saved.
#[test]
fn ctrl_c_leaves_quietly() {
    let dir = tempfile_dir("ctrl-c");
    let saved = dir.join("case.json");
    let args = [
        "ask",
        "rulebooks/example/example.rules",
        "--lang",
        "zh",
        "--save",
        saved.to_str().unwrap(),
    ];
    let Some((code, shown)) = in_terminal(r#"[["您住在哪里", "\u0003"]]"#, &args) else {
        return;
    };
    assert_eq!(code, 130, "{shown}");
    assert!(!shown.contains("panicked"), "{shown}");
    assert!(!saved.exists());
}

fn tempfile_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("redress-ask-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `--format json` without answers: the next question, in the chosen
/// language, with every language's texts.
#[test]
fn the_next_question_as_json() {
    let run = crate::support::redress(
        &[
            "ask",
            "rulebooks/example/example.rules",
            "rulebooks/example/cases/nothing-known.json",
            "--format",
            "json",
            "--lang",
            "zh",
            "--skip",
            "consumer.location",
            "--skip",
            "operator.location",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

/// `--answers`: the interview runs on the file's answers (a fact it lacks
/// is skipped), then prints the outcome; JSON says it is done.
#[test]
fn answers_from_a_file() {
    let human = crate::support::redress(
        &[
            "ask",
            "rulebooks/example/example.rules",
            "--answers",
            "rulebooks/example/cases/fraud.json",
            "--lang",
            "zh",
        ],
        None,
    );
    assert_eq!(human.code, 0, "{}", human.stderr);
    insta::assert_snapshot!("answers_from_a_file_zh", human.stdout);
    let json = crate::support::redress(
        &[
            "ask",
            "rulebooks/example/example.rules",
            "--answers",
            "rulebooks/example/cases/fraud.json",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(json.code, 0, "{}", json.stderr);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(doc["done"], true);
    assert_eq!(doc["outcome"]["remedies"].as_array().unwrap().len(), 2);
}

/// An answer a case file could not hold is a diagnostic, exit 1.
#[test]
fn an_invalid_answer_is_an_error() {
    let dir = tempfile_dir("invalid");
    let answers = dir.join("answers.json");
    std::fs::write(&answers, r#"{"purchase": {"channel": "shop"}}"#).unwrap();
    let run = crate::support::redress(
        &[
            "ask",
            "rulebooks/example/example.rules",
            "--answers",
            answers.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stderr.contains("shop"), "{}", run.stderr);
}

/// A case saved by `--save` (JSON and TOML) reads back to the case
/// answered: evaluating it gives the interview's outcome.
#[test]
fn saved_cases_read_back() {
    let dir = tempfile_dir("save");
    for name in ["case.json", "case.toml"] {
        let path = dir.join(name);
        let run = crate::support::redress(
            &[
                "ask",
                "rulebooks/example/example.rules",
                "--answers",
                "rulebooks/example/cases/fraud.json",
                "--format",
                "json",
                "--save",
                path.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let asked: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let eval = crate::support::redress(
            &[
                "eval",
                "rulebooks/example/example.rules",
                path.to_str().unwrap(),
                "--format",
                "json",
            ],
            None,
        );
        assert_eq!(eval.code, 0, "{}", eval.stderr);
        let evaluated: serde_json::Value = serde_json::from_str(&eval.stdout).unwrap();
        assert_eq!(
            asked["outcome"]["remedies"], evaluated["remedies"],
            "{name}"
        );
        assert_eq!(
            asked["outcome"]["undetermined"], evaluated["undetermined"],
            "{name}"
        );
    }
}
