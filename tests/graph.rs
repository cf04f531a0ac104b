//! `redress graph`: the decision graph as DOT and Mermaid. The shapes are
//! snapshotted; `.ci/run` also draws every shipped and fixture rulebook with
//! Graphviz (`dot -Tsvg`), which fails on any DOT it cannot read.

use redress::export::{Format, render};

use crate::support::redress;
use crate::{root, source};

fn model_of(path: &str) -> redress::graph::DecisionGraph {
    let (graph, diagnostics) = redress::compile(&source(&root().join(path)));
    graph.unwrap_or_else(|| panic!("{}", crate::render(&diagnostics)))
}

/// The ids a DOT text declares (`"id" [label=…]`) and the ids its edges use.
fn dot_ids(dot: &str) -> (Vec<String>, Vec<String>) {
    let mut declared = Vec::new();
    let mut used = Vec::new();
    for line in dot.lines().map(str::trim) {
        if let Some((left, right)) = line.split_once(" -> ") {
            used.push(left.trim_matches('"').to_string());
            let right = right.split(" [").next().unwrap().trim_end_matches(';');
            used.push(right.trim_matches('"').to_string());
        } else if line.starts_with('"') && line.contains(" [label=") {
            declared.push(
                line.split(" [")
                    .next()
                    .unwrap()
                    .trim_matches('"')
                    .to_string(),
            );
        }
    }
    (declared, used)
}

#[test]
fn the_example_rulebook_as_dot_and_mermaid() {
    let graph = model_of("rulebooks/example/example.rules");
    let dot = render(graph.model(), Format::Dot, None, "en").unwrap();
    let (declared, used) = dot_ids(&dot);
    for id in &used {
        assert!(declared.contains(id), "edge to undeclared `{id}`");
    }
    // every rule and every remedy a rule gives is drawn
    for r in &graph.model().rules {
        assert!(dot.contains(&format!("label=\"{}\"", r.name)), "{}", r.name);
    }
    insta::assert_snapshot!("example_dot", dot);
    let mermaid = render(graph.model(), Format::Mermaid, None, "zh").unwrap();
    insta::assert_snapshot!("example_mermaid", mermaid);
}

/// A condition several rules read is one node with an edge to each rule: the
/// graph evaluates it once per case.
#[test]
fn a_condition_two_rules_share_is_drawn_once() {
    let text = "rulebook\n  title \"Shared\"\n  jurisdiction \"CN\"\n  version \"1\"\n  effective 2024-01-01\n\n\
                fact price: money\nfact deceived: yes/no\n\n\
                remedy a\n  title \"A\"\n  category civil\n  cite \"art. 1\"\n\n\
                remedy b\n  title \"B\"\n  category civil\n  cite \"art. 1\"\n\n\
                rule first\n  price > 500 yuan and deceived => a\n  cite \"art. 1\"\n\n\
                rule second\n  price > 500 yuan and not deceived => b\n  cite \"art. 1\"\n\n\
                exception small to first, second\n  when price < 600 yuan\n  cite \"art. 1\"\n";
    let (graph, d) = redress::compile(&redress::source::SourceFile::new("shared.rules", text));
    let graph = graph.unwrap_or_else(|| panic!("{}", crate::render(&d)));
    let dot = render(graph.model(), Format::Dot, None, "en").unwrap();
    let declared = dot
        .lines()
        .filter(|l| l.contains("label=\"price > 500.00 yuan\""))
        .count();
    assert_eq!(declared, 1, "{dot}");
    // `not deceived` is an edge labelled not; the exception sets aside both rules, drawn once
    assert!(dot.contains("\"f1\" -> \"r1\" [label=\"not\"]"), "{dot}");
    assert_eq!(
        dot.lines()
            .filter(|l| l.contains("label=\"small\""))
            .count(),
        1,
        "{dot}"
    );
    assert_eq!(dot.matches("label=\"sets aside\"").count(), 2, "{dot}");
}

#[test]
fn one_remedy_draws_only_the_rules_that_decide_it() {
    let graph = model_of("rulebooks/example/example.rules");
    let dot = render(
        graph.model(),
        Format::Dot,
        Some("return_without_reason"),
        "en",
    )
    .unwrap();
    assert!(
        dot.contains("seven_day_return") && dot.contains("custom_made_goods"),
        "{dot}"
    );
    assert!(
        !dot.contains("forward_out_of_area") && !dot.contains("\"fraud\""),
        "{dot}"
    );
    assert_eq!(
        render(graph.model(), Format::Dot, Some("nothing"), "en"),
        None
    );
    let run = redress(
        &[
            "graph",
            "--remedy",
            "retrun_without_reason",
            "rulebooks/example/example.rules",
        ],
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `return_without_reason`?"),
        "{}",
        run.stderr
    );
    let run = redress(
        &[
            "graph",
            "--format",
            "mermaid",
            "rulebooks/example/example.rules",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("flowchart LR"));
}
