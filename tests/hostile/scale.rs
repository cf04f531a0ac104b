//! Hostile inputs: see tests/hostile/mod.rs. This file: work that grew
//! faster than the input (issue 11, items 10 and 12).

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use redress::diff::{self, Options};
use redress::graph::DecisionGraph;
use redress::model::{Expr, RemedyId};
use redress::source::SourceFile;

use crate::support::redress;

/// Generous: a run that needs longer has grown faster than its input.
const WATCHDOG: Duration = Duration::from_secs(60);

/// Run `work` on its own thread and fail if it has not finished within
/// the watchdog (the thread is left behind: the test has failed anyway).
fn within_watchdog<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let _ = tx.send(work());
        })
        .unwrap();
    rx.recv_timeout(WATCHDOG)
        .unwrap_or_else(|_| panic!("{what}: not finished after {WATCHDOG:?}"))
}

/// A folder of its own under the system's temporary folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "redress-scale-{name}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const HEADER: &str = "rulebook\n  title en \"Scale\"\n  jurisdiction \"CN\"\n  version \"1\"\n  effective 2024-01-01\n\nlaw l\n  title en \"Law\"\n\nfact b: yes/no\nfact n: number\n";

/// `rules` rules `tI: b and n > I => rI`, one remedy each; `threshold`
/// replaces the number of the rule `changed`.
fn threshold_rulebook(rules: usize, changed: Option<(usize, usize)>) -> String {
    let mut text = String::from(HEADER);
    for i in 0..rules {
        text.push_str(&format!("\nremedy r{i}\n  title en \"R{i}\"\n  cite l\n"));
    }
    for i in 0..rules {
        let k = match changed {
            Some((c, k)) if c == i => k,
            _ => i,
        };
        text.push_str(&format!("\nrule t{i}\n  b and n > {k} => r{i}\n  cite l\n"));
    }
    text
}

/// The diff once searched around every comparison of the whole rulebook:
/// `n` was varied over three values per rule (6,000 here) and the cases
/// tried grew with the rulebook. Now only the rules deciding the changed
/// rule's remedy are searched: the values around its old and new threshold.
#[test]
fn a_rulebook_of_2000_rules_on_one_number_with_one_changed_threshold() {
    let dir = TempDir::new("threshold");
    let old = dir.write("old.rules", &threshold_rulebook(2_000, None));
    let new = dir.write(
        "new.rules",
        &threshold_rulebook(2_000, Some((1_000, 1_500))),
    );
    let r = within_watchdog("diff of 2,000 rules", move || {
        redress(&["diff", "--fail-on-change", &old, &new], None)
    });
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("changed rule t1000"), "{}", r.stdout);
    assert!(
        r.stdout.contains("remedies affected: R1000 (r1000)\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "varied `n`: 999, 1000, 1001, 1499, 1500, 1501, unknown, and the seed's value"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("21 distinct cases evaluated under both versions, from 1 seed"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("exhaustive for the changed conditions"),
        "{}",
        r.stdout
    );
}

/// A model of `rules` rules `tI: b and n > 10 => rI` (each its own remedy),
/// built from one checked rule: parsing and checking 100,000 rules in a
/// debug build would take minutes, and the diff is what is measured here.
/// With `changed`, that rule reads `n > 20` instead.
fn wide_graph(rules: usize, changed: Option<usize>) -> DecisionGraph {
    let text = format!(
        "{HEADER}\nremedy r\n  title en \"R\"\n  cite l\n\nrule t\n  b and n > 10 => r\n  cite l\n\nrule u\n  b and n > 20 => r\n  cite l\n"
    );
    let (graph, diagnostics) = redress::compile(&SourceFile::new("wide.rules", text));
    let base = graph
        .unwrap_or_else(|| panic!("{}", crate::render(&diagnostics)))
        .model()
        .clone();
    let (remedy, rule, other) = (
        base.remedies[0].clone(),
        base.rules[0].clone(),
        base.rules[1].condition.clone(),
    );
    let mut model = base;
    model.remedies = (0..rules)
        .map(|i| {
            let mut r = remedy.clone();
            r.id = format!("r{i}");
            r
        })
        .collect();
    model.rules = (0..rules)
        .map(|i| {
            let mut r = rule.clone();
            r.name = format!("t{i}");
            if let Some(c) = r.conclusion.as_mut() {
                c.remedy = RemedyId(u32::try_from(i).unwrap());
            }
            if changed == Some(i) {
                r.condition = other.clone();
            }
            r
        })
        .collect();
    assert!(matches!(model.rules[0].condition, Expr::And(_)));
    DecisionGraph::compile(model)
}

/// Matching 100,000 rules by name took minutes (each name looked up by a
/// scan of the other version's rules); the comparison is linear now.
#[test]
fn two_identical_rulebooks_of_100000_rules() {
    let report = within_watchdog("diff of two identical 100,000-rule rulebooks", || {
        let (old, new) = (wide_graph(100_000, None), wide_graph(100_000, None));
        diff::diff(&old, &new, &[], &Options::default())
    });
    assert!(report.structure.is_empty());
    assert!(!report.behaviour_changed());
    assert!(report.search.exhaustive);
    assert_eq!(report.search.tried, 0);
}

/// One changed rule among 100,000: the search evaluates the cases around
/// its condition on the rules that decide its remedy, not on the whole
/// rulebook, so it tries as many cases as for that rule alone.
#[test]
fn a_rulebook_of_100000_rules_with_one_changed_rule() {
    let (wide, alone) = within_watchdog("diff of 100,000 rules, one changed", || {
        let (old, new) = (wide_graph(100_000, None), wide_graph(100_000, Some(50_000)));
        let wide = diff::diff(&old, &new, &[], &Options::default());
        let (old, new) = (wide_graph(1, None), wide_graph(1, Some(0)));
        (wide, diff::diff(&old, &new, &[], &Options::default()))
    });
    assert_eq!(wide.structure.len(), 1);
    assert_eq!(wide.structure[0].name, "t50000");
    assert_eq!(wide.search.affected_remedies, ["r50000"]);
    assert_eq!(alone.search.affected_remedies, ["r0"]);
    assert_eq!(wide.search.tried, alone.search.tried);
    assert!(wide.search.exhaustive, "{:?}", wide.search.not_exhaustive);
    let shown = wide.render(diff::Format::Text, "old", "new");
    assert!(shown.contains("R (r50000): given → not given"), "{shown}");
}

const ONE_RULE: &str = "\nremedy r\n  title en \"R\"\n  cite l\n";

/// A depth limit raised past what the CLI's stack holds once crashed on deep
/// input (`case_depth=10000000` and a case nested a million deep overflowed
/// the stack); now it is refused as a usage error naming the most it may be.
#[test]
fn limit_case_depth_raised_to_ten_million() {
    let dir = TempDir::new("case-depth");
    let book = dir.write(
        "book.rules",
        &format!("{HEADER}{ONE_RULE}\nrule x\n  b and n > 1 => r\n  cite l\n"),
    );
    let deep = format!(
        "{{\"b\": {}1{}}}",
        "[".repeat(1_000_000),
        "]".repeat(1_000_000)
    );
    let case = dir.write("deep.json", &deep);
    let r = redress(
        &["eval", "--limit", "case_depth=10000000", &book, &case],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "case_depth can be raised to at most 16384: deeper input would overflow the stack"
        ),
        "{}",
        r.stderr
    );
    // at its most, the deep case is an error in the case, not a crash
    let r = redress(&["eval", "--limit", "case_depth=16384", &book, &case], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        format!("{}{}", r.stdout, r.stderr).contains("redress::case_syntax"),
        "{}",
        r.stderr
    );
}

/// Parentheses 6,000 deep with `--limit nesting=100000` overflowed the
/// stack in a debug build (the parser takes some 50 KiB a level there).
#[test]
fn parentheses_6000_deep_with_nesting_raised() {
    let dir = TempDir::new("nesting");
    let rule = |depth: usize| {
        format!(
            "{HEADER}{ONE_RULE}\nrule x\n  {}b{} and n > 1 => r\n  cite l\n",
            "(".repeat(depth),
            ")".repeat(depth)
        )
    };
    let deep = dir.write("deep.rules", &rule(6_000));
    let r = redress(&["check", "--limit", "nesting=100000", &deep], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "nesting can be raised to at most 2048: deeper input would overflow the stack"
        ),
        "{}",
        r.stderr
    );
    let r = redress(&["check", "--limit", "nesting=2048", &deep], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    // check's diagnostics go to standard error
    assert!(r.stderr.contains("redress::limit_exceeded"), "{}", r.stderr);
    let at_most = dir.write("at-most.rules", &rule(2_048));
    let r = redress(&["check", "--limit", "nesting=2048", &at_most], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

/// Checking a chain of 8,000 derived facts (limits raised to allow it)
/// took 21 s in a release build: the unused-name pass walked every
/// definition once per level of the chain. Now each definition once.
#[test]
fn a_chain_of_8000_derived_facts_with_raised_limits() {
    let dir = TempDir::new("chain");
    let mut text = format!("{HEADER}{ONE_RULE}\ndefine k0 as b\n");
    for i in 1..8_000 {
        text.push_str(&format!("define k{i} as k{} and n > {i}\n", i - 1));
    }
    text.push_str("\nrule x\n  k7999 => r\n  cite l\n");
    let path = dir.write("chain.rules", &text);
    let r = within_watchdog("check of 8,000 chained derived facts", move || {
        redress(
            &[
                "check",
                "--limit",
                "depth=20000",
                "--limit",
                "check_depth=40000",
                &path,
            ],
            None,
        )
    });
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("chain.rules: ok"), "{}", r.stdout);
}
