//! The language diagnostics are shown in: `--lang`, else (for `eval`, `ask`
//! and `explain`) the language of the advice, else the environment's locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`); in every output form.

use crate::support::{redress, redress_with_env};

const SYNTAX: &str = "tests/diagnostics/syntax_error.rules";
const CASE_BOOK: &str = "tests/case_diagnostics/rulebook.rules";
const BROKEN_CASE: &str = "tests/case_diagnostics/case_type.json";

#[test]
fn check_lang_zh_shows_the_report_in_chinese() {
    let r = redress(&["check", "--lang", "zh", SYNTAX], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("redress::syntax_error"), "{}", r.stderr);
    assert!(
        r.stderr.contains("此处应为 `:`，实际为 `money`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("在冒号之后写出类型：`fact purchase.price: money`"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("expected `:`"), "{}", r.stderr);
    // the renderer's own word too, as wide, so that wrapped help stays aligned
    assert!(
        r.stderr
            .contains("  帮助：在冒号之后写出类型：`fact purchase.price: money`\n"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("\n        （`return_without_reason`）\n"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("help:"), "{}", r.stderr);
}

#[test]
fn check_lang_zh_json_has_chinese_words_and_the_same_codes() {
    let r = redress(&["check", "--lang", "zh", "--format", "json", SYNTAX], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let first = &doc["files"][0]["diagnostics"][0];
    assert_eq!(first["code"], "redress::syntax_error", "{first}");
    assert_eq!(first["message"], "此处应为 `:`，实际为 `money`", "{first}");
    assert_eq!(first["labels"][0]["message"], "此处应为 `:`", "{first}");
    assert_eq!(
        first["help"], "在冒号之后写出类型：`fact purchase.price: money`",
        "{first}"
    );
    let english = redress(&["check", "--format", "json", SYNTAX], None);
    let en: serde_json::Value = serde_json::from_str(&english.stdout).unwrap();
    assert_eq!(
        en["files"][0]["diagnostics"][0]["message"],
        "expected `:`, found `money`"
    );
}

#[test]
fn fix_titles_are_in_the_language_too() {
    let path = "tests/diagnostics/unclosed_quote.rules";
    let r = redress(&["check", "--lang", "zh", "--format", "json", path], None);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let d = &doc["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "redress::unclosed_quote", "{d}");
    assert_eq!(d["fixes"][0]["message"], "在行尾闭合引号", "{d}");
}

#[test]
fn github_annotations_and_sarif_are_in_the_language() {
    let r = redress(
        &["check", "--lang", "zh", "--format", "github", SYNTAX],
        None,
    );
    assert!(
        r.stdout.contains("此处应为 `:`，实际为 `money`"),
        "{}",
        r.stdout
    );
    let r = redress(
        &["check", "--lang", "zh", "--format", "sarif", SYNTAX],
        None,
    );
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let result = &doc["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "redress::syntax_error", "{result}");
    assert!(
        result["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("此处应为 `:`，实际为 `money`"),
        "{result}"
    );
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    for verb in ["check", "test", "fmt"] {
        let r = redress(&[verb, "--lang", "fr", SYNTAX], None);
        assert_eq!(r.code, 2, "{verb}: {}", r.stderr);
        assert!(
            r.stderr
                .contains("redress has no words in language `fr`; the languages are: en, zh"),
            "{verb}: {}",
            r.stderr
        );
    }
}

/// The environment's locale, when no `--lang` is given: `LC_ALL`, then
/// `LC_MESSAGES`, then `LANG`; the first set (and not empty) decides, and a
/// value starting `zh` means Chinese.
#[test]
fn without_lang_the_locale_decides() {
    let chinese = "此处应为 `:`，实际为 `money`";
    let english = "expected `:`, found `money`";
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[], english),
        (&[("LANG", "zh_CN.UTF-8")], chinese),
        (&[("LANG", "en_US.UTF-8")], english),
        (
            &[("LC_MESSAGES", "zh_TW"), ("LANG", "en_US.UTF-8")],
            chinese,
        ),
        (&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")], english),
        (&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")], chinese),
        (&[("LC_ALL", "zh_CN.UTF-8"), ("LC_MESSAGES", "C")], chinese),
    ];
    for (vars, words) in cases {
        let r = redress_with_env(&["check", SYNTAX], vars, None);
        assert_eq!(r.code, 1);
        assert!(r.stderr.contains(words), "{vars:?}: {}", r.stderr);
    }
    // `--lang` wins over the locale
    let r = redress_with_env(
        &["check", "--lang", "en", SYNTAX],
        &[("LANG", "zh_CN.UTF-8")],
        None,
    );
    assert!(r.stderr.contains(english), "{}", r.stderr);
}

#[test]
fn eval_shows_a_broken_case_in_the_language_asked() {
    let r = redress(&["eval", "--lang", "zh", CASE_BOOK, BROKEN_CASE], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("redress::case_type"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("`consumer.location` 须为文本，但案件给出了数字 5"),
        "{}",
        r.stderr
    );
    let r = redress(&["eval", "--lang", "en", CASE_BOOK, BROKEN_CASE], None);
    assert!(
        r.stderr
            .contains("`consumer.location` must be a text, but the case gives the number 5"),
        "{}",
        r.stderr
    );
}

/// Without `--lang`, `eval` shows the case's diagnostics in the language of
/// its advice: the rulebook's first language (`zh` for the example), whatever
/// the locale.
#[test]
fn eval_without_lang_uses_the_advice_language() {
    let r = redress(
        &["eval", "rulebooks/example/example.rules", "-"],
        Some("{\"purchase\": {\"price\": true}}"),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("redress::case_type"), "{}", r.stderr);
    assert!(r.stderr.contains("须为金额"), "{}", r.stderr);
}

#[test]
fn eval_json_errors_of_several_cases_are_in_the_language() {
    let r = redress(
        &[
            "eval",
            "--lang",
            "zh",
            "--format",
            "json",
            CASE_BOOK,
            BROKEN_CASE,
            BROKEN_CASE,
        ],
        None,
    );
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let first = &doc[0]["errors"][0];
    assert_eq!(first["code"], "redress::case_type", "{doc}");
    assert_eq!(
        first["message"], "`purchase.price` 须为金额，但案件给出了列表",
        "{doc}"
    );
}

#[test]
fn test_and_fmt_show_their_diagnostics_in_the_language() {
    let r = redress(
        &["test", "--lang", "zh", "tests/cli/test_format.test.toml"],
        None,
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("redress::test_format"), "{}", r.stdout);
    assert!(r.stdout.contains("不是"), "{}", r.stdout);
    assert!(
        r.stdout.contains("`apply` 不是 `expect` 表的键"),
        "{}",
        r.stdout
    );
    let r = redress(
        &[
            "fmt",
            "--check",
            "--lang",
            "zh",
            "--format",
            "json",
            "tests/cli/not_formatted.rules",
        ],
        None,
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let d = &doc["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "redress::not_formatted", "{d}");
    assert_eq!(
        d["message"], "`tests/cli/not_formatted.rules` 未按格式排版",
        "{d}"
    );
    assert_eq!(
        d["help"], "运行 `redress fmt tests/cli/not_formatted.rules`",
        "{d}"
    );
}

/// `eval --jsonl`: each error record's message in the language of the
/// advice, the code as it is; the same lines from the server's batch.
#[test]
fn jsonl_error_records_are_in_the_language() {
    let input = "{\"purchase\": {\"price\": \"lots\"}}\n\n";
    for (lang, first, second) in [
        (
            "zh",
            "`purchase.price`：`lots` 不是金额",
            "这一行是空的；每行写一个案件（一个 JSON 对象）",
        ),
        (
            "en",
            "`purchase.price`: `lots` is not an amount of money",
            "the line is empty; write one case (a JSON object) per line",
        ),
    ] {
        let r = redress(
            &["eval", "--lang", lang, CASE_BOOK, "--jsonl", "-"],
            Some(input),
        );
        assert_eq!(r.code, 1, "{}", r.stderr);
        let lines: Vec<serde_json::Value> = r
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["errors"][0]["code"], "redress::case_type");
        assert_eq!(lines[0]["errors"][0]["message"], first, "{lang}");
        assert_eq!(lines[1]["errors"][0]["code"], "redress::case_syntax");
        assert_eq!(lines[1]["errors"][0]["message"], second, "{lang}");
    }
}
