//! `tests/eval/<suite>/<suite>.rules` with case files beside it: each case
//! is evaluated and its outcome (the JSON format, as YAML) snapshotted.

use std::path::Path;

use redress::case::{Format, parse_case};
use redress::eval::{Options, evaluate};
use redress::graph::DecisionGraph;

use crate::{relative, render, source};

/// Compile the rulebook of a case: `<dir>/<dir>.rules`, or the rulebook one
/// folder up for a `cases/` folder.
pub fn rulebook_for(case: &Path) -> DecisionGraph {
    let mut dir = case.parent().unwrap();
    if dir.file_name().is_some_and(|n| n == "cases") {
        dir = dir.parent().unwrap();
    }
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let file = source(&dir.join(format!("{name}.rules")));
    let (graph, diagnostics) = redress::compile(&file);
    graph.unwrap_or_else(|| panic!("{}", render(&diagnostics)))
}

/// Read one case file, with the rulebook of its folder.
pub fn case_of(case: &Path) -> (DecisionGraph, redress::case::Case) {
    let graph = rulebook_for(case);
    let file = source(case);
    let (parsed, diagnostics) =
        parse_case(graph.model(), &file, Format::from_path(&relative(case)));
    let parsed = parsed.unwrap_or_else(|| panic!("{}", render(&diagnostics)));
    assert!(diagnostics.is_empty(), "{}", render(&diagnostics));
    (graph, parsed)
}

#[test]
fn outcomes() {
    insta::glob!("eval/*/*.{json,toml}", |path| {
        let (graph, case) = case_of(path);
        let outcome = evaluate(&graph, &case, &Options::default());
        insta::with_settings!({ snapshot_suffix => crate::snapshot_name(path, "tests/eval") }, {
            insta::assert_yaml_snapshot!(outcome);
        });
    });
}

/// One evaluator reused across every case of a rulebook, in two orders, gives
/// each case the outcome a fresh evaluation gives.
#[test]
fn a_reused_evaluator_forgets_the_previous_case() {
    let mut by_rulebook: std::collections::BTreeMap<std::path::PathBuf, Vec<std::path::PathBuf>> =
        Default::default();
    for pattern in [
        "tests/eval/*/*.json",
        "tests/eval/*/*.toml",
        "rulebooks/*/cases/*.json",
    ] {
        for path in crate::reference::glob_files(crate::root(), pattern) {
            let dir = path.parent().unwrap().to_path_buf();
            by_rulebook.entry(dir).or_default().push(path);
        }
    }
    assert!(by_rulebook.len() >= 3);
    for paths in by_rulebook.values() {
        let graph = &rulebook_for(&paths[0]);
        let parsed: Vec<_> = paths
            .iter()
            .map(|p| {
                let file = source(p);
                let format = Format::from_path(&relative(p));
                parse_case(graph.model(), &file, format).0.unwrap()
            })
            .collect();
        let fresh: Vec<String> = parsed
            .iter()
            .map(|c| serde_json::to_string(&evaluate(graph, c, &Options::default())).unwrap())
            .collect();
        let mut evaluator = redress::eval::Evaluator::new(graph);
        for order in [false, true] {
            let mut indexes: Vec<usize> = (0..parsed.len()).collect();
            if order {
                indexes.reverse();
            }
            for i in indexes {
                let again = evaluator.evaluate(&parsed[i], &Options::default());
                assert_eq!(
                    serde_json::to_string(&again).unwrap(),
                    fresh[i],
                    "{}",
                    relative(&paths[i])
                );
            }
        }
    }
}

/// A computation that fails while a case is evaluated (division by zero, an
/// overflow, a count of working days past the supported dates) is said in the
/// reader's language in the advice text; the JSON keeps the English.
#[test]
fn failed_computations_read_in_chinese() {
    for case in [
        "basics/arithmetic-division-by-zero.json",
        "basics/arithmetic-overflow.json",
        "working_days/count-too-large.json",
    ] {
        let path = crate::root().join("tests/eval").join(case);
        let (graph, parsed) = case_of(&path);
        let outcome = evaluate(&graph, &parsed, &Options::default());
        assert!(!outcome.errors.is_empty(), "{case}");
        let text = redress::report::text::render_outcome(&outcome, graph.model(), case, "zh");
        assert!(
            !text.contains("overflowed") && !text.contains("division by zero"),
            "{text}"
        );
        insta::with_settings!({ snapshot_suffix => case.replace(['/', '.'], "_") }, {
            insta::assert_snapshot!(text);
        });
    }
}

#[test]
fn same_inputs_give_identical_output() {
    insta::glob!("eval/*/*.{json,toml}", |path| {
        let (graph, case) = case_of(path);
        let a = evaluate(&graph, &case, &Options::default());
        let (graph, case) = case_of(path);
        let b = evaluate(&graph, &case, &Options::default());
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
    });
}

#[test]
fn graph_is_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<DecisionGraph>();
    let case = crate::root().join("tests/eval/basics/amount-minimum.json");
    let graph = std::sync::Arc::new(rulebook_for(&case));
    let file = source(&case);
    let (parsed, _) = parse_case(graph.model(), &file, Format::Json);
    let parsed = std::sync::Arc::new(parsed.unwrap());
    let expected = serde_json::to_string(&evaluate(&graph, &parsed, &Options::default())).unwrap();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let (g, c) = (graph.clone(), parsed.clone());
            std::thread::spawn(move || {
                serde_json::to_string(&evaluate(&g, &c, &Options::default())).unwrap()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), expected);
    }
}

/// Identical sub-conditions are one node: `a` appears in four rules and
/// two derived facts, and is compiled once.
#[test]
fn shared_conditions_are_one_node() {
    let graph = rulebook_for(&crate::root().join("tests/eval/basics/empty.json"));
    let a = graph.model().fact_id("a").unwrap();
    let count = graph
        .nodes()
        .iter()
        .filter(|n| matches!(n, redress::graph::Node::Fact(f) if *f == a))
        .count();
    assert_eq!(count, 1);
    let complain: Vec<_> = graph
        .rules()
        .iter()
        .zip(&graph.model().rules)
        .filter(|(_, m)| m.name.starts_with("complain"))
        .map(|(r, _)| r.condition)
        .collect();
    assert_eq!(complain.len(), 2);
    assert_ne!(
        complain[0], complain[1],
        "different periods, different conditions"
    );
}

/// A case built in code may hold a value of the wrong type. A yes/no fact
/// holding a number is not yes or no: the rule that tests it stays
/// undetermined, although the rule index (which rules out nothing on it)
/// keeps the rule as a candidate.
#[test]
fn a_mistyped_yes_no_value_leaves_the_rule_undetermined() {
    let graph = rulebook_for(&crate::root().join("tests/eval/basics/empty.json"));
    let model = graph.model();
    let mut case = redress::case::Case::empty(model);
    case.set(
        model.fact_id("a").unwrap(),
        redress::value::Value::Number(1.into()),
    );
    case.set(
        model.fact_id("b").unwrap(),
        redress::value::Value::Bool(true),
    );
    for without_index in [false, true] {
        let options = Options {
            without_index,
            ..Options::default()
        };
        let outcome = evaluate(&graph, &case, &options);
        let applied: Vec<&str> = outcome.remedies.iter().map(|r| r.id).collect();
        assert!(!applied.contains(&"both_remedy"), "{applied:?}");
        let open: Vec<&str> = outcome.undetermined.iter().map(|u| u.id).collect();
        assert!(open.contains(&"both_remedy"), "{open:?}");
    }
}

/// The advice text names each currency as its readers do: euros as
/// `€125.40`, yuan as `625.60 yuan` (tests/eval/currency).
#[test]
fn advice_text_names_each_currency_as_its_readers_do() {
    let mut text = String::new();
    for name in ["within-fourteen-days.json", "card-in-yuan.toml"] {
        let path = crate::root().join("tests/eval/currency").join(name);
        let (graph, case) = case_of(&path);
        let outcome = evaluate(&graph, &case, &Options::default());
        for lang in ["en", "zh"] {
            text.push_str(&redress::report::text::render_outcome(
                &outcome,
                graph.model(),
                name,
                lang,
            ));
            text.push('\n');
        }
    }
    assert!(text.contains("amount: €125.40"), "{text}");
    assert!(text.contains("charged: 625.60 yuan"), "{text}");
    insta::assert_snapshot!("currency_advice_text", text);
}

/// Hash-consing keeps amounts of two currencies apart: `40 EUR` and `40 CNY`
/// (and `40 USD`) are three constants, while `€40` and `40 EUR` are one.
#[test]
fn equal_amounts_in_two_currencies_are_two_nodes() {
    let text = "rulebook\n  title \"Currencies\"\n  jurisdiction \"EU\"\n  version \"1\"\n  effective 2024-01-01\n  currency EUR\n\nfact paid: money\nfact charged: money CNY\nfact fee: money USD\n\ndefine a as paid > 40 EUR and paid < €40\ndefine b as charged > 40 CNY\ndefine c as fee > 40 USD\n\nremedy r\n  title \"R\"\n  category civil\n  cite \"art. 1\"\n\nrule x\n  a or b or c => r\n  cite \"art. 1\"\n";
    let file = redress::source::SourceFile::new("currencies.rules", text);
    let (graph, diagnostics) = redress::compile(&file);
    let graph = graph.unwrap_or_else(|| panic!("{}", render(&diagnostics)));
    let mut amounts: Vec<String> = graph
        .nodes()
        .iter()
        .filter_map(|n| match n {
            redress::graph::Node::Const(v @ redress::value::Value::Money(..)) => {
                Some(graph.model().value_text(v))
            }
            _ => None,
        })
        .collect();
    amounts.sort();
    assert_eq!(amounts, ["40.00 EUR", "40.00 USD", "40.00 yuan"]);
}

/// A remedy phrase may fill a money parameter with an amount in any of its
/// spellings (`40 EUR`, `€40`, `40€`, `¥300`, `300 yuan`), in the
/// parameter's currency.
#[test]
fn phrase_parameters_take_amounts_with_their_currency() {
    use redress::model::Expr;
    use redress::value::{Currency, Value};
    let text = "rulebook\n  title \"P\"\n  jurisdiction \"EU\"\n  version \"1\"\n  effective 2024-01-01\n  currency EUR\n\nfact a: yes/no\n\nremedy pay\n  title \"Pay\"\n  category civil\n  phrase \"pay {sum}\"\n  param sum: money\n  cite \"art. 1\"\n\nremedy pay_yuan\n  title \"Pay in yuan\"\n  category civil\n  phrase \"pay in yuan {sum}\"\n  param sum: money CNY\n  cite \"art. 1\"\n\nrule r1\n  a => pay 40 EUR\n  cite \"art. 1\"\n\nrule r2\n  a => pay €40\n  cite \"art. 1\"\n\nrule r3\n  a => pay 40€\n  cite \"art. 1\"\n\nrule r4\n  a => pay in yuan ¥300\n  cite \"art. 1\"\n\nrule r5\n  a => pay in yuan 300 yuan\n  cite \"art. 1\"\n";
    let file = redress::source::SourceFile::new("phrases.rules", text);
    let (graph, diagnostics) = redress::compile(&file);
    let graph = graph.unwrap_or_else(|| panic!("{}", render(&diagnostics)));
    let args: Vec<&Expr> = graph
        .model()
        .rules
        .iter()
        .map(|r| &r.conclusion.as_ref().unwrap().args[0])
        .collect();
    let eur = Expr::Const(Value::Money(40.into(), Currency::EUR));
    let cny = Expr::Const(Value::Money(300.into(), Currency::CNY));
    assert_eq!(args, [&eur, &eur, &eur, &cny, &cny]);
}

/// The advice text of the suites of issue 13's values (ceilings, conditional
/// values, exceptions to several rules): `up to` for a ceiling, and the rule
/// a copy of a shared exception is under.
///
/// Each in English and in Chinese, and the value-labels suite (labels of
/// facts and values, passed deadlines, the questions list) likewise.
#[test]
fn value_suites_as_advice_text() {
    insta::glob!(
        "eval/{caps,conditional,shared_exception,value_labels}/*.{json,toml}",
        |path| {
            let (graph, case) = case_of(path);
            let outcome = evaluate(&graph, &case, &Options::default());
            let text =
                crate::advice_text::in_both_languages(&outcome, graph.model(), &relative(path));
            insta::with_settings!({ snapshot_suffix => crate::snapshot_name(path, "tests/eval") }, {
                insta::assert_snapshot!(text);
            });
        }
    );
}
