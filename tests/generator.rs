//! The benchmark generator (`benches/generator/`) writes rulebooks that
//! compile without errors, cases that parse against them without errors,
//! the same bytes on every run, and about 3 % of the rules firing per case.
//! Only the 100-rule size, to stay fast; `benches/run.sh` measures the rest.

#[path = "../benches/generator/mod.rs"]
pub(crate) mod table;

use redress::case::{Format, parse_case};
use redress::eval::{Options, evaluate};
use redress::source::SourceFile;

use crate::render;

#[test]
fn generated_rulebook_compiles_and_cases_fire_about_three_percent() {
    let text = table::rulebook(100, table::SEED);
    assert_eq!(text, table::rulebook(100, table::SEED), "not deterministic");
    let (graph, diagnostics) = redress::compile(&SourceFile::new("rules-100.rules", text));
    assert!(
        !diagnostics.iter().any(|d| d.is_error()),
        "{}",
        render(&diagnostics)
    );
    let graph = graph.unwrap();

    let cases = table::cases(300, 0, table::SEED);
    assert_eq!(
        cases,
        table::cases(300, 0, table::SEED),
        "not deterministic"
    );
    let mut fired = 0;
    for (i, line) in cases.lines().enumerate() {
        let file = SourceFile::new(format!("line {}", i + 1), line);
        let (case, diagnostics) = parse_case(graph.model(), &file, Format::Json);
        assert!(diagnostics.is_empty(), "{}", render(&diagnostics));
        let outcome = evaluate(&graph, &case.unwrap(), &Options::default());
        assert!(
            outcome.undetermined.is_empty(),
            "a complete case decides every rule"
        );
        fired += outcome.remedies.len();
    }
    let rate = fired as f64 / (300.0 * 100.0);
    assert!((0.015..0.05).contains(&rate), "firing rate {rate}");
}

#[test]
fn missing_variant_leaves_out_about_a_tenth_of_the_facts() {
    let cases = table::cases(300, table::MISSING, table::SEED);
    let given: usize = cases.lines().map(|l| l.matches(':').count()).sum();
    let share = 1.0 - given as f64 / (300 * table::FACTS) as f64;
    assert!((0.07..0.13).contains(&share), "missing share {share}");
}

/// The indexed evaluator gives exactly the plain evaluator's outcomes on the
/// generated decision tables, complete and with facts missing.
#[test]
fn indexed_evaluation_equals_plain_on_generated_tables() {
    let (graph, _) = redress::compile(&SourceFile::new(
        "rules-100.rules",
        table::rulebook(100, table::SEED),
    ));
    let graph = graph.unwrap();
    let plain = Options {
        without_index: true,
        ..Options::default()
    };
    for missing in [0, table::MISSING] {
        let cases = table::cases(200, missing, table::SEED);
        for (i, line) in cases.lines().enumerate() {
            let file = SourceFile::new(format!("line {}", i + 1), line);
            let (case, _) = parse_case(graph.model(), &file, Format::Json);
            let case = case.unwrap();
            let outcome = evaluate(&graph, &case, &Options::default());
            crate::reference::assert_same_json(&outcome, &format!("line {}", i + 1));
            let indexed = serde_json::to_string(&outcome).unwrap();
            let unindexed = serde_json::to_string(&evaluate(&graph, &case, &plain)).unwrap();
            assert_eq!(indexed, unindexed, "line {} (missing {missing}‰)", i + 1);
        }
    }
}
