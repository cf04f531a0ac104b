//! `redress test`: rulebook tests and coverage, run as a user would.
//!
//! `tests/testing/partial/` is a rulebook whose tests pass but leave gaps in
//! coverage; `tests/testing/failing/tests/` are tests of that rulebook that
//! fail, each snapshotted with its diff and trace; `tests/cli/test_*` are
//! invalid test files, one per diagnostic code.

use std::process::Command;

use redress::diagnostic::Code;
use redress::source::SourceFile;
use redress::testing::{Runner, parse_test};

use crate::{relative, root, source};

/// Run `redress` in the repository root: exit code and standard output.
fn redress(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_redress"))
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn shown(args: &[&str]) -> String {
    let (code, stdout, stderr) = redress(args);
    assert!(stderr.is_empty(), "{stderr}");
    format!("$ redress {}\nexit {code}\n\n{stdout}", args.join(" "))
}

#[test]
fn each_test_file() {
    insta::glob!("testing/*/tests/*.test.{toml,json}", |path| {
        let rel = relative(path);
        let out = shown(&["test", &rel]);
        let failing = rel.contains("/failing/");
        assert_eq!(out.contains("exit 1\n"), failing, "{out}");
        insta::with_settings!({ snapshot_suffix => crate::snapshot_name(path, "tests/testing") }, {
            insta::assert_snapshot!(out);
        });
    });
}

#[test]
fn invalid_test_files() {
    insta::glob!("cli/test_*.test.{toml,json}", |path| {
        let rel = relative(path);
        if rel.contains("test_failed") {
            return; // a valid test that fails: see cli::fmt_check_and_test_speak_to_ci_systems
        }
        let (code, stdout, _) = redress(&["test", &rel]);
        assert_eq!(code, 1, "{stdout}");
        let stem = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(c) = Code::ALL.iter().find(|c| stem.starts_with(c.name())) {
            assert!(stdout.contains(&c.to_string()), "{rel} should report {c}");
        }
        assert!(stdout.ends_with("0 passed, 1 failed\n"), "{stdout}");
        insta::with_settings!({ snapshot_suffix => crate::snapshot_name(path, "tests/cli") }, {
            insta::assert_snapshot!(stdout);
        });
    });
}

#[test]
fn failing_suite_json() {
    insta::assert_snapshot!(shown(&[
        "test",
        "--format",
        "json",
        "tests/testing/failing"
    ]));
}

/// An exception to several rules counts once per rule it sets aside, each
/// named with the rule it is under.
#[test]
fn coverage_of_a_shared_exception() {
    insta::assert_snapshot!(shown(&["test", "--coverage", "tests/testing/shared"]));
}

/// The condition of every `if` counts as a condition, seen true and false:
/// in a rule's condition, in the amounts, deadlines and arguments it
/// computes, and in the derived facts they read.
#[test]
fn coverage_of_conditional_values() {
    let out = shown(&[
        "test",
        "--coverage",
        "--format",
        "json",
        "tests/testing/conditional",
    ]);
    let json: serde_json::Value = serde_json::from_str(out.split_once("\n\n").unwrap().1).unwrap();
    let coverage = &json["coverage"][0];
    // 11 atoms: defect (3 rules), severity >= 3, severity >= (if …),
    // units > 0 (in the derived argument per_unit), and the conditions of
    // the ifs: goods.category = food (the remedy's amount, serious_defect's
    // condition, the derived multiple), goods.category = general (multiple)
    // and goods.fresh (the deadline)
    assert_eq!(coverage["conditions"]["total"], 22, "{coverage:#}");
    insta::assert_snapshot!(shown(&["test", "--coverage", "tests/testing/conditional"]));
}

#[test]
fn coverage_human() {
    insta::assert_snapshot!(shown(&["test", "--coverage", "tests/testing/partial"]));
}

/// Working-day conditions are covered both ways, each evaluated on its own
/// through the probe graph (which keeps the rulebook's calendar).
#[test]
fn coverage_working_days() {
    insta::assert_snapshot!(shown(&["test", "--coverage", "tests/testing/working_days"]));
}

#[test]
fn coverage_json() {
    let out = shown(&[
        "test",
        "--coverage",
        "--format",
        "json",
        "tests/testing/partial",
    ]);
    insta::assert_snapshot!(out);
}

/// Each `includes` test is a condition counted true and false; test files
/// give set-valued facts as lists.
#[test]
fn coverage_of_set_tests() {
    let (code, stdout, _) = redress(&["test", "--coverage", "tests/testing/sets"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("condition outcomes (true, false):  8/8 (100.0%)"),
        "{stdout}"
    );
    // without the test that makes `does not include fraud` false, one side is missing
    let (_, stdout, _) = redress(&[
        "test",
        "--coverage",
        "--filter",
        "not-as-described",
        "tests/testing/sets",
    ]);
    insta::assert_snapshot!(stdout);
}

#[test]
fn example_rulebook_is_fully_covered() {
    let (code, stdout, _) = redress(&[
        "test",
        "rulebooks/example",
        "--coverage",
        "--min-coverage",
        "100",
    ]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("rules and exceptions applied:      5/5 (100.0%)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("condition outcomes (true, false):  14/14 (100.0%)"),
        "{stdout}"
    );
    assert!(stdout.ends_with("\n8 passed, 0 failed\n"), "{stdout}");
}

#[test]
fn exit_codes() {
    // coverage of the partial suite: rules 75%, conditions 78.6%
    let partial = "tests/testing/partial";
    assert_eq!(redress(&["test", partial]).0, 0);
    assert_eq!(redress(&["test", "--min-coverage", "75", partial]).0, 0);
    let (code, stdout, _) = redress(&["test", "--min-coverage", "80", partial]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("under the minimum of 80%: rules 75.0%, conditions 78.6%"),
        "{stdout}"
    );
    assert!(stdout.ends_with("\n3 passed, 0 failed\n"), "{stdout}");
    assert_eq!(redress(&["test", "tests/testing/failing"]).0, 1);
    // no tests found: an input error; a path that does not exist: a usage error
    assert_eq!(redress(&["test", "src"]).0, 1);
    assert_eq!(redress(&["test", "no/such/folder"]).0, 2);
    assert_eq!(redress(&["test", "--min-coverage", "120", partial]).0, 2);
    let (code, stdout, _) = redress(&["test", "--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Examples:"), "{stdout}");
}

#[test]
fn filter_by_name_or_path() {
    let (code, stdout, _) = redress(&["test", "--filter", "custom-made", "tests/testing"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.ends_with("\n0 passed, 1 failed\n"), "{stdout}");
    let (code, stdout, _) = redress(&["test", "--filter", "offline.test", "tests/testing"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.ends_with("\n1 passed, 0 failed\n"), "{stdout}");
    let (code, _, stderr) = redress(&["test", "--filter", "nothing like this", "tests/testing"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no tests"), "{stderr}");
}

/// The example in docs/language.md, section "Tests", is a passing test of
/// the example rulebook.
#[test]
fn documented_example_passes() {
    let text = std::fs::read_to_string(root().join("docs/language.md")).unwrap();
    let section = &text[text.find("## 18. Tests").unwrap()..];
    let start = section.find("```toml\n").unwrap() + 8;
    let end = start + section[start..].find("```").unwrap();
    let file = SourceFile::new(
        "rulebooks/example/tests/doc.test.toml",
        &section[start..end],
    );
    let (test_file, diagnostics) = parse_test(&file);
    assert!(diagnostics.is_empty(), "{}", crate::render(&diagnostics));
    let test_file = test_file.unwrap();
    assert_eq!(test_file.rulebook.as_ref().unwrap().0, "../example.rules");
    let book = source(&root().join("rulebooks/example/example.rules"));
    let graph = redress::compile(&book).0.unwrap();
    let (test, diagnostics) = test_file.check(graph.model());
    assert!(diagnostics.is_empty(), "{}", crate::render(&diagnostics));
    let mut runner = Runner::new(&graph);
    let result = runner.run(&test.unwrap());
    assert!(
        result.passed(),
        "{}",
        redress::testing::render::human_result(&result, "en")
    );
}

/// Expected amounts may name their currency (`"€125.40"`, `"950.00 yuan"`);
/// an amount right in number but in another currency fails. Coverage of the
/// EUR fixture by its tests.
#[test]
fn expected_amounts_are_checked_with_their_currency() {
    insta::assert_snapshot!(shown(&[
        "test",
        "--coverage",
        "tests/testing/currency/tests"
    ]));
    let (code, stdout, _) = redress(&[
        "test",
        "tests/testing/currency/wrong/reimbursement-in-dollars.test.toml",
    ]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("expected: 125.40 USD"), "{stdout}");
    assert!(stdout.contains("actual:   €125.40"), "{stdout}");
}
