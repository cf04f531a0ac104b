//! The lines `redress test`, `fmt`, `check` and `facts` print for people, in
//! English and in Chinese: `--lang`, else the locale (`facts`: else the
//! rulebook's first language). Each snapshot is the command's standard output
//! and exit code, once per language.

use crate::support::{Run, redress, redress_with_env};

const PASSING: &str = "rulebooks/example";
const FAILING: &str = "tests/testing/failing";
const PARTIAL: &str = "tests/testing/partial";
const UNFORMATTED: &str = "tests/fmt/cjk.rules";
const CLEAN: &str = "rulebooks/example/example.rules";
const BROKEN: &str = "tests/diagnostics/syntax_error.rules";

fn shown(r: &Run) -> String {
    format!("exit {}\n{}", r.code, r.stdout)
}

/// `redress ARGS --lang LANG` in both languages, snapshotted as `NAME_en`
/// and `NAME_zh`.
fn both(name: &str, args: &[&str]) {
    for lang in ["en", "zh"] {
        let mut all = args.to_vec();
        all.extend(["--lang", lang]);
        let r = redress(&all, None);
        insta::assert_snapshot!(format!("{name}_{lang}"), shown(&r));
    }
}

#[test]
fn a_passing_suite() {
    both("passing_suite", &["test", PASSING]);
}

#[test]
fn a_failing_suite_with_its_traces() {
    both("failing_suite", &["test", FAILING]);
}

/// An expected amount that names its currency is compared, and shown on
/// both sides, as money is read in the report's language (`500.00 元`).
#[test]
fn a_difference_in_money_reads_in_the_language() {
    both(
        "money_difference",
        &[
            "test",
            "tests/testing/currency/wrong/damages-in-yuan.test.toml",
        ],
    );
}

/// The copies of an exception to several rules, and those of the exception
/// below it, are named by the rule each one applies to.
#[test]
fn the_coverage_of_a_shared_exception_names_its_copies() {
    both(
        "shared_exception_coverage",
        &["test", "--coverage", "tests/testing/shared"],
    );
}

#[test]
fn the_coverage_report_with_its_reasons() {
    both(
        "coverage_report",
        &["test", "--min-coverage", "99", PARTIAL],
    );
}

#[test]
fn fmt_check_on_an_unformatted_file() {
    both("fmt_check", &["fmt", "--check", UNFORMATTED]);
}

#[test]
fn check_on_a_clean_and_a_broken_rulebook() {
    both("check_clean_and_broken", &["check", BROKEN, CLEAN]);
}

#[test]
fn facts_type_words() {
    both(
        "facts_types",
        &["facts", "tests/testing/partial/shop.rules"],
    );
}

#[test]
fn the_locale_chooses_chinese_without_lang() {
    let zh = [("LC_ALL", "zh_CN.UTF-8")];
    let r = redress_with_env(&["test", "--coverage", PARTIAL], &zh, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("通过 3 个，失败 0 个"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("tests/testing/partial/shop.rules 的覆盖率（3 个测试）"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("passed"), "{}", r.stdout);
    let r = redress_with_env(&["check", CLEAN], &zh, None);
    assert_eq!(r.stdout, format!("{CLEAN}：没有问题\n"));
    let r = redress_with_env(&["fmt", "--check", UNFORMATTED], &zh, None);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.starts_with(&format!("{UNFORMATTED}：未格式化\n")),
        "{}",
        r.stdout
    );
    // `--lang` wins over the locale
    let r = redress_with_env(&["test", "--lang", "en", PASSING], &zh, None);
    assert!(r.stdout.ends_with("\n8 passed, 0 failed\n"), "{}", r.stdout);
}

#[test]
fn a_failed_test_annotation_says_what_differs_in_the_language() {
    let r = redress(
        &["test", "--lang", "zh", "--format", "github", FAILING],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("应为 适用，实际为 不适用"),
        "{}",
        r.stdout
    );
    let r = redress(&["test", "--format", "github", FAILING], None);
    assert!(
        r.stdout.contains("expected applies, got does not apply"),
        "{}",
        r.stdout
    );
}

#[test]
fn no_tests_found_is_said_in_the_language() {
    let r = redress(
        &[
            "test",
            "--lang",
            "zh",
            "--filter",
            "nothing-like-this",
            PASSING,
        ],
        None,
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "错误：rulebooks/example 下没有与 `nothing-like-this` 匹配的测试（*.test.toml、*.test.json）\n"
    );
}

#[test]
fn the_json_report_keeps_its_english_words_for_programs() {
    let r = redress(&["test", "--lang", "zh", "--format", "json", FAILING], None);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let m = &doc["tests"][1]["mismatches"][0];
    assert_eq!(m["expected"], "applies", "{m}");
    assert_eq!(m["actual"], "does not apply", "{m}");
}

/// docs/ci.md shows the Chinese coverage report as the command prints it.
#[test]
fn the_documented_chinese_report_is_the_real_one() {
    let docs = std::fs::read_to_string(crate::root().join("docs/ci.md")).unwrap();
    let r = redress(
        &["test", "--lang", "zh", "--min-coverage", "99", PARTIAL],
        None,
    );
    assert_eq!(r.code, 1);
    let shown = format!(
        "$ redress test --lang zh --min-coverage 99 {PARTIAL}\n{}```",
        r.stdout
    );
    assert!(docs.contains(&shown), "docs/ci.md lacks:\n{shown}");
}
