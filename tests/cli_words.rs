//! The command line's own words in Chinese and English: the help of every
//! command, clap's usage errors and redress's own usage and file errors,
//! through the real binary in the `C` locale (English) and in
//! `zh_CN.UTF-8` (Chinese). The English help is clap's, word for word.

use crate::support::{Run, redress_with_env};

const EN: &[(&str, &str)] = &[("LC_ALL", "C")];
const ZH: &[(&str, &str)] = &[("LC_ALL", "zh_CN.UTF-8")];

fn run(args: &[&str], env: &[(&str, &str)]) -> Run {
    redress_with_env(args, env, None)
}

/// The subcommands the top-level help lists (`help` excepted), so that a
/// new command is in the snapshots without a change here.
fn commands() -> Vec<String> {
    let top = run(&["--help"], EN);
    assert_eq!(top.code, 0, "{}", top.stderr);
    top.stdout
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect()
}

/// `redress --help`, then `redress COMMAND --help` and `-h` for every
/// command, in one language.
fn all_help(env: &[(&str, &str)]) -> String {
    let mut text = String::new();
    let mut runs: Vec<Vec<String>> = vec![vec!["--help".into()], vec!["-h".into()]];
    for c in commands() {
        runs.push(vec![c.clone(), "--help".into()]);
        runs.push(vec![c, "-h".into()]);
    }
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&args, env);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr, "", "{args:?}");
        text.push_str(&format!("$ redress {}\n{}\n", args.join(" "), r.stdout));
    }
    text
}

#[test]
fn help_in_english() {
    let text = all_help(EN);
    assert!(text.contains("Usage: redress eval"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn help_in_chinese() {
    let text = all_help(ZH);
    for english in [
        "Usage:",
        "Options:",
        "Arguments:",
        "Print help",
        "[default:",
        "Possible values",
    ] {
        assert!(!text.contains(english), "`{english}` in:\n{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn lang_zh_in_the_arguments_gives_the_help_in_chinese() {
    let r = run(&["check", "--lang", "zh", "--help"], EN);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("用法：redress check"), "{}", r.stdout);
    let r = run(&["check", "--lang", "en", "--help"], ZH);
    assert!(r.stdout.contains("Usage: redress check"), "{}", r.stdout);
}

/// Usage errors, clap's and redress's own: exit code 2, on standard error.
const USAGE_ERRORS: &[&[&str]] = &[
    &["frobnicate"],
    &["check", "--frob"],
    &["check"],
    &["check", "--format", "xml", "x.rules"],
    &["--limit", "foo=3", "check", "x.rules"],
    &[
        "eval",
        "--as-of",
        "2026-02-30",
        "rulebooks/example/example.rules",
        "-",
    ],
    &[
        "eval",
        "rulebooks/example/example.rules",
        "--jsonl",
        "x",
        "c.json",
    ],
    &[
        "eval",
        "--id-field",
        "id",
        "rulebooks/example/example.rules",
        "c.json",
    ],
    &["check", "no/such/file.rules"],
    &["check", "rulebooks"],
    &["check", "--lang", "fr", "x.rules"],
    &["test", "--min-coverage", "200"],
    &[
        "graph",
        "rulebooks/example/example.rules",
        "--remedy",
        "refund_twice",
    ],
];

fn usage_errors(env: &[(&str, &str)]) -> String {
    let mut text = String::new();
    for args in USAGE_ERRORS {
        let r = run(args, env);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}");
        text.push_str(&format!("$ redress {}\n{}\n", args.join(" "), r.stderr));
    }
    text
}

#[test]
fn usage_errors_in_english() {
    let text = usage_errors(EN);
    assert!(
        text.contains("error: unexpected argument '--frob' found"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn usage_errors_in_chinese() {
    let text = usage_errors(ZH);
    assert!(text.contains("错误：意外的参数 `--frob`"), "{text}");
    assert!(!text.contains("error:"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_file_error_is_an_input_error_in_both_languages() {
    let args = ["fmt", "--check", "tests/cli/io_not_utf8.rules"];
    let en = run(&args, EN);
    let zh = run(&args, ZH);
    assert_eq!((en.code, zh.code), (1, 1), "{}\n{}", en.stderr, zh.stderr);
    assert!(en.stderr.contains("is not UTF-8 text"), "{}", en.stderr);
    assert!(zh.stderr.contains("不是 UTF-8 文本"), "{}", zh.stderr);
    // and one of the command line's own, with `--lang` over the locale
    let args = ["test", "--lang", "zh", "tests/cli_words_empty"];
    let r = run(&args, EN);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "错误：tests/cli_words_empty 下没有测试（*.test.toml、*.test.json）\n"
    );
}
