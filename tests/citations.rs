//! Free-text citations in each language (`cite zh "…" en "…"`): the advice
//! names the source in the reader's language, JSON keeps `text` and adds
//! `texts`, a citation missing a language is a warning in either language,
//! `fmt` lays the form out and `diff` sees a changed text.

use crate::support::{redress, redress_with_env};

const BOOK: &str = "tests/citations/book.rules";
const CASE: &str = "tests/citations/online.json";

#[test]
fn the_advice_cites_the_source_in_the_readers_language() {
    for lang in ["zh", "en"] {
        let r = redress(&["eval", BOOK, CASE, "--lang", lang], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        insta::with_settings!({ snapshot_suffix => lang }, {
            insta::assert_snapshot!(r.stdout);
        });
    }
    let zh = redress(&["eval", BOOK, CASE, "--lang", "zh"], None).stdout;
    assert!(zh.contains("人民网答问，第1段"), "{zh}");
    assert!(zh.contains("人民网答问，第3段"), "{zh}");
    assert!(!zh.contains("People's Daily"), "{zh}");
    let en = redress(&["eval", BOOK, CASE, "--lang", "en"], None).stdout;
    assert!(en.contains("People's Daily Online answer, para. 1"), "{en}");
    assert!(!en.contains("人民网"), "{en}");
}

#[test]
fn json_keeps_text_and_adds_the_texts_by_language() {
    let r = redress(&["eval", BOOK, CASE, "--format", "json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let cites = &v["remedies"][0]["citations"];
    let free: Vec<&serde_json::Value> = cites
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c.get("texts").is_some())
        .collect();
    assert_eq!(free.len(), 2, "{cites}");
    // `text` is the rulebook's first language's; `texts` every language's, as written
    assert_eq!(free[0]["text"], "人民网答问，第1段");
    assert_eq!(
        free[0]["texts"],
        serde_json::json!({"zh": "人民网答问，第1段", "en": "People's Daily Online answer, para. 1"})
    );
    let order: Vec<&String> = free[1]["texts"].as_object().unwrap().keys().collect();
    assert_eq!(order, ["en", "zh"], "in the order written");
    assert_eq!(free[1]["text"], "人民网答问，第3段");
}

const UNTRANSLATED: &str = "tests/diagnostics/untranslated_citation.rules";

#[test]
fn a_citation_missing_a_language_is_a_warning_in_the_locales_language() {
    let r = redress_with_env(&["check", UNTRANSLATED], &[("LC_ALL", "zh_CN.UTF-8")], None);
    assert_eq!(r.code, 0, "a warning only: {}", r.stderr);
    assert!(
        r.stderr.contains("redress::untranslated_citation"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("此引用缺少 `zh` 的文本"), "{}", r.stderr);
    assert!(
        r.stderr.contains("此引用缺少 `zh` 和 `en` 的文本"),
        "{}",
        r.stderr
    );
    let en = redress(&["check", UNTRANSLATED], None);
    assert!(
        en.stderr.contains("this citation has no text in `zh`"),
        "{}",
        en.stderr
    );
    // the one written in both languages draws nothing
    assert_eq!(
        en.stderr.matches("redress::untranslated_citation").count(),
        2,
        "{}",
        en.stderr
    );
    // a rulebook that writes every citation in each language checks clean
    let clean = redress(&["check", BOOK], None);
    assert_eq!(clean.code, 0);
    assert!(
        !clean.stderr.contains("untranslated_citation"),
        "{}",
        clean.stderr
    );
}

#[test]
fn fmt_lays_out_a_citation_in_several_languages() {
    let book = std::fs::read_to_string(crate::root().join(BOOK)).unwrap();
    let r = redress(&["fmt", "-"], Some(&book));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, book, "the fixture is formatted");
    let squeezed = book.replace("\n    en \"People's", "\n en \"People's");
    let r = redress(&["fmt", "-"], Some(&squeezed));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout, book,
        "a continued line is indented under its `cite`"
    );
    let one_line = book.replace("\"\n    en \"People's", "\" en \"People's");
    let r = redress(&["fmt", "-"], Some(&one_line));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("cite zh \"人民网答问，第1段\" en \"People's"),
        "{}",
        r.stdout
    );
}

#[test]
fn diff_sees_a_changed_citation_text() {
    let r = redress(
        &[
            "diff",
            "tests/diff/citation/old.rules",
            "tests/diff/citation/new.rules",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("人民网答问，第2段"), "{}", r.stdout);
    assert!(r.stdout.contains("人民网答问，第3段"), "{}", r.stdout);
}
