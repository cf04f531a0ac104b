//! Inputs at and beyond the documented limits give a diagnostic or a
//! result — never a stack overflow or a panic. These run on the test
//! harness's ordinary 2 MiB threads on purpose.

use redress::case::{Format, parse_case};
use redress::diagnostic::Code;
use redress::eval::{Options, evaluate};
use redress::source::SourceFile;

const HEADER: &str = "rulebook\n  title en \"Limits\"\n  jurisdiction \"CN\"\n  version \"1\"\n  effective 2024-01-01\n\nlaw l\n  title en \"Law\"\n\nfact b: yes/no\nfact n: number\n\nremedy r\n  title en \"R\"\n  cite l\n";

fn codes(text: String) -> Vec<Code> {
    let (_, diagnostics) = redress::compile(&SourceFile::new("limits.rules", text));
    diagnostics
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d| d.code)
        .collect()
}

#[test]
fn ten_thousand_parentheses_or_nots() {
    let parens = format!(
        "{HEADER}\nrule x\n  {}b{} => r\n  cite l\n",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    assert_eq!(codes(parens), [Code::LimitExceeded]);
    let nots = format!(
        "{HEADER}\nrule x\n  {}b => r\n  cite l\n",
        "not ".repeat(10_000)
    );
    assert_eq!(codes(nots), [Code::LimitExceeded]);
}

#[test]
fn a_long_chain_of_arithmetic() {
    let sum = format!(
        "{HEADER}\nrule x\n  n{} > 3 => r\n  cite l\n",
        " + n".repeat(20_000)
    );
    assert_eq!(codes(sum), [Code::LimitExceeded]);
}

#[test]
fn derived_facts_ten_thousand_deep() {
    let mut text = format!("{HEADER}\ndefine k0 as b\n");
    for i in 1..10_000 {
        text.push_str(&format!("define k{i} as k{} and b\n", i - 1));
    }
    text.push_str("\nrule x\n  k9999 => r\n  cite l\n");
    assert!(codes(text).contains(&Code::LimitExceeded));
}

#[test]
fn exceptions_a_thousand_deep() {
    let mut text = format!("{HEADER}\nrule e0\n  b => r\n  cite l\n");
    for i in 1..1_000 {
        text.push_str(&format!(
            "\nexception e{i} to e{}\n  when n > {i}\n  cite l\n",
            i - 1
        ));
    }
    assert!(codes(text).contains(&Code::LimitExceeded));
}

/// Just under the limits, the rulebook compiles and evaluates.
#[test]
fn just_under_the_limits_evaluates() {
    let mut text = format!("{HEADER}\ndefine k0 as b\n");
    for i in 1..120 {
        text.push_str(&format!("define k{i} as k{} and n > {i}\n", i - 1));
    }
    text.push_str("\nrule x\n  k119 => r\n  cite l\n");
    for i in 1..60 {
        let target = if i == 1 {
            "x".to_string()
        } else {
            format!("e{}", i - 1)
        };
        text.push_str(&format!(
            "\nexception e{i} to {target}\n  when n > {}\n  cite l\n",
            1000 + i
        ));
    }
    let (graph, diagnostics) = redress::compile(&SourceFile::new("limits.rules", text));
    let graph = graph.unwrap_or_else(|| panic!("{}", crate::render(&diagnostics)));
    let case = SourceFile::new("case.json", r#"{"b": true, "n": 1030}"#);
    let (case, _) = parse_case(graph.model(), &case, Format::Json);
    let case = case.unwrap();
    let outcome = evaluate(&graph, &case, &Options::default());
    // n = 1030: e1..e29 hold and e30.. do not, so applies alternates up the chain
    assert_eq!(outcome.overridden.len(), 15);
    // The reference evaluator recurses without care for the stack: give it room.
    let expected = std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn_scoped(s, || crate::reference::reference_view(graph.model(), &case))
            .unwrap()
            .join()
            .unwrap()
    });
    assert_eq!(crate::reference::view_of(&outcome), expected);
}

#[test]
fn a_two_megabyte_line() {
    let long = "x".repeat(2 * 1024 * 1024);
    let text = format!("{HEADER}\nrule x\n  b => r\n  cite \"{long}\"\n");
    assert!(codes(text).is_empty());
    let junk = format!("{HEADER}\n{long}\n");
    assert_eq!(codes(junk), [Code::Syntax]);
}

#[test]
fn deeply_nested_case_json() {
    let (graph, _) = redress::compile(&SourceFile::new(
        "limits.rules",
        format!("{HEADER}\nrule x\n  b => r\n  cite l\n"),
    ));
    let graph = graph.unwrap();
    let deep = format!("{{\"b\": {}1{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let (case, diagnostics) = parse_case(
        graph.model(),
        &SourceFile::new("deep.json", deep),
        Format::Json,
    );
    assert!(case.is_none());
    assert_eq!(diagnostics[0].code, Code::CaseSyntax);
}

/// Parentheses inside a quoted text (after an escaped quote) are text, not
/// nesting: the nesting limit counts what the grammar reads.
#[test]
fn a_title_with_an_escaped_quote_and_120_parentheses() {
    let text = HEADER.replace(
        "title en \"R\"",
        &format!("title en \"a \\\" {}\"", "(".repeat(120)),
    );
    assert!(codes(text).is_empty());
}

/// Parentheses (or `not`s) exactly as deep as the limit allows compile on an
/// ordinary 2 MiB thread, in a debug build too (lowering once recursed
/// through every level of precedence for each parenthesis and overflowed).
#[test]
fn a_hundred_parentheses_deep() {
    let parens = format!(
        "{HEADER}\nrule x\n  {}b{} => r\n  cite l\n",
        "(".repeat(100),
        ")".repeat(100)
    );
    assert_eq!(codes(parens), []);
    let nots = format!(
        "{HEADER}\nrule x\n  {}b => r\n  cite l\n",
        "not ".repeat(100)
    );
    assert_eq!(codes(nots), []);
}

/// An `else if` chain of 50 compiles and evaluates on a 2 MiB thread (an
/// `if` counts as one level of the nesting limit, until the parenthesis
/// around it closes); ten thousand `if`s are refused with a diagnostic.
#[test]
fn else_if_chains() {
    let chain = |k: usize| {
        let mut e = String::new();
        for i in 0..k {
            e.push_str(&format!("if n = {i} then {i} else "));
        }
        e.push_str("-1");
        format!("{HEADER}\ndefine m as {e}\n\nrule x\n  m > 10 => r\n  cite l\n")
    };
    let text = chain(50);
    let (graph, diagnostics) = redress::compile(&SourceFile::new("limits.rules", text));
    let graph = graph.unwrap_or_else(|| panic!("{diagnostics:?}"));
    let case = SourceFile::new("case.json", "{\"n\": 42}");
    let (case, _) = parse_case(graph.model(), &case, Format::Json);
    let outcome = evaluate(&graph, &case.unwrap(), &Options::default());
    assert_eq!(outcome.remedies.len(), 1);
    assert_eq!(codes(chain(10_000)), [Code::LimitExceeded]);
    // separate `if`s in parentheses do not add up
    let mut sum = String::from("n");
    for i in 0..200 {
        sum.push_str(&format!(" + (if b then {i} else 0)"));
    }
    let text = format!("{HEADER}\nrule x\n  {sum} > 3 => r\n  cite l\n");
    assert_eq!(codes(text), []);
}

/// Exceptions to two rules, each with exceptions to two rules below it, 30
/// levels deep, would set aside rules in 2^30 ways: refused with a
/// diagnostic, quickly, instead of expanded.
#[test]
fn shared_exceptions_that_multiply() {
    let mut text =
        format!("{HEADER}\nrule a0\n  b => r\n  cite l\n\nrule b0\n  n > 1 => r\n  cite l\n");
    for i in 1..=30 {
        let p = i - 1;
        text.push_str(&format!(
            "\nexception a{i} to a{p}, b{p}\n  when n > {i}\n  cite l\n\nexception b{i} to a{p}, b{p}\n  when n < {i}\n  cite l\n"
        ));
    }
    let started = std::time::Instant::now();
    assert_eq!(codes(text), [Code::LimitExceeded]);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

/// Run `f` on a thread of exactly 2 MiB, the stack the default limits are
/// safe on in a debug build.
fn on_2_mib<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn_scoped(s, f)
            .unwrap()
            .join()
            .unwrap()
    })
}

/// A sum of `terms` terms `n + n + … + n` in a rule's condition.
fn long_sum(terms: usize) -> String {
    format!(
        "{HEADER}\nrule x\n  n{} > 3 => r\n  cite l\n",
        " + n".repeat(terms - 1)
    )
}

/// A sum as long as the operator limit allows, and one past the checker's
/// depth: the checker walks a chain of operators in a loop, so both reach
/// their diagnostic on 2 MiB; `fmt` lays out either.
#[test]
fn a_sum_past_the_checker_depth_on_2_mib() {
    on_2_mib(|| {
        for terms in [700, 1_000] {
            let text = long_sum(terms);
            assert_eq!(codes(text.clone()), [Code::LimitExceeded], "{terms} terms");
            let file = SourceFile::new("limits.rules", text);
            assert!(redress::fmt::format(&file).is_ok(), "{terms} terms");
        }
    });
}

/// A sum as deep as the depth limit (256) allows goes through every walker
/// of checked expressions on a 2 MiB thread: the compiler, the evaluator,
/// the explainer, the picture of the graph, the printer, diff and coverage.
#[test]
fn a_sum_at_the_depth_limit_through_every_walker_on_2_mib() {
    on_2_mib(|| {
        // the deepest sum that compiles: one term more is refused
        let deepest = (2..400)
            .take_while(|&t| codes(long_sum(t)).is_empty())
            .last()
            .unwrap();
        assert_eq!(codes(long_sum(deepest + 1)), [Code::LimitExceeded]);
        assert!(deepest > 250, "{deepest}");
        let file = SourceFile::new("limits.rules", long_sum(deepest));
        let (graph, diagnostics) = redress::compile(&file);
        let graph = graph.unwrap_or_else(|| panic!("{}", crate::render(&diagnostics)));
        let model = graph.model();
        // evaluate and explain
        let case = SourceFile::new("case.json", r#"{"n": 1}"#);
        let (case, _) = parse_case(model, &case, Format::Json);
        let case = case.unwrap();
        let outcome = evaluate(&graph, &case, &Options::default());
        assert_eq!(outcome.applied().count(), 1);
        let explanation = redress::explain::explain(&graph, &case, &Options::default(), None);
        let text = redress::report::explain::render_text(&explanation, "case", "en", true, true);
        assert!(text.contains("n + n"), "{text}");
        // print
        let printed = model.expr_text(&model.rules[0].condition).to_string();
        assert_eq!(printed.matches(" + ").count(), deepest - 1);
        // draw
        for format in [
            redress::export::Format::Dot,
            redress::export::Format::Mermaid,
        ] {
            assert!(redress::export::render(model, format, None, "en").is_some());
        }
        // diff against the same sum compared with 4
        let other = SourceFile::new("other.rules", long_sum(deepest).replace("> 3", "> 4"));
        let (other, _) = redress::compile(&other);
        let other = other.unwrap();
        let options = redress::diff::Options {
            max_cases: 100,
            ..redress::diff::Options::default()
        };
        let report = redress::diff::diff(&graph, &other, &[], &options);
        assert!(!report.structure.is_empty());
        let shown = report.render(redress::diff::Format::Text, "old", "new");
        assert!(shown.contains("n + n"), "{shown}");
        // coverage
        let test = SourceFile::new(
            "x.test.toml",
            "name = \"n is 1\"\nrulebook = \"limits.rules\"\n\n[case]\nn = 1\n\n[expect]\napplies = [\"r\"]\n",
        );
        let (test, diagnostics) = redress::testing::parse_test(&test);
        let test = test.unwrap_or_else(|| panic!("{diagnostics:?}"));
        let (test, diagnostics) = test.check(model);
        let test = test.unwrap_or_else(|| panic!("{diagnostics:?}"));
        let mut runner = redress::testing::Runner::new(&graph);
        assert!(runner.run(&test).passed());
        let coverage =
            redress::testing::render::human_coverage("limits.rules", &runner.coverage(), "en");
        assert!(!coverage.is_empty());
    });
}
