//! The advice text names remedies, rules, exceptions and parameters by their
//! titles and labels, in the reader's language only; internal names appear
//! only with `--verbose` (and in JSON). Fixture: `tests/words/`.

use crate::eval::case_of;
use crate::support::redress;
use crate::{relative, root};

const WORDS: &str = "tests/words/words.rules";
const WORDS_CASE: &str = "tests/words/case.json";
const EXAMPLE: &str = "rulebooks/example/example.rules";
const FRAUD_CASE: &str = "rulebooks/example/cases/fraud.json";

/// The internal names a reader must not see: rule and exception names,
/// remedy ids and parameter names (those with an underscore, which no
/// English word of the text has).
fn internal_names(model: &redress::model::Model) -> Vec<String> {
    let rules = model.rules.iter().map(|r| r.name.clone());
    let remedies = model
        .remedies
        .iter()
        .flat_map(|r| std::iter::once(r.id.clone()).chain(r.params.iter().map(|(p, _)| p.clone())));
    let mut names: Vec<String> = rules.chain(remedies).filter(|n| n.contains('_')).collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn no_shipped_case_shows_an_internal_name_in_either_language() {
    let mut checked = 0;
    insta::glob!("../rulebooks", "*/cases/*.{json,toml}", |path| {
        let (graph, case) = case_of(path);
        let outcome = redress::eval::evaluate(&graph, &case, &Default::default());
        let text = crate::advice_text::computed_in_both_languages(
            &graph,
            &case,
            &outcome,
            &relative(path),
        );
        for name in internal_names(graph.model()) {
            assert!(
                !text.contains(&name),
                "{}: the advice text shows `{name}`:\n{text}",
                relative(path)
            );
        }
        checked += 1;
    });
    assert!(checked > 100, "{checked} cases");
}

#[test]
fn every_rule_and_exception_of_the_shipped_rulebooks_has_both_titles() {
    for rulebook in [
        EXAMPLE,
        "rulebooks/cn-online-shopping/cn-online-shopping.rules",
    ] {
        let file = crate::source(&root().join(rulebook));
        let (graph, diagnostics) = redress::compile(&file);
        let graph = graph.unwrap_or_else(|| panic!("{}", crate::render(&diagnostics)));
        for r in &graph.model().rules {
            for lang in ["zh", "en"] {
                assert!(
                    r.titles.iter().any(|(l, t)| l == lang && !t.is_empty()),
                    "{rulebook}: `{}` has no title in {lang}",
                    r.name
                );
            }
        }
        for r in &graph.model().remedies {
            for (labels, (name, _)) in r.param_labels.iter().zip(&r.params) {
                assert_eq!(labels.len(), 2, "{rulebook}: `{}.{name}`", r.id);
            }
        }
    }
}

/// The fixture in both languages and in verbose output: a titled rule by its
/// title, an untitled one by its facts alone, the untitled exceptions
/// counted, a parameter by its label or by its fact's.
#[test]
fn titles_labels_and_counts_in_both_languages() {
    let zh = redress(&["eval", WORDS, WORDS_CASE], None);
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    for line in [
        "  - 欺诈惩罚性赔偿\n",
        "      理由：「经营者欺诈：惩罚性赔偿」（消费者受到欺诈 = 是）\n",
        "      理由：商品类别 = general\n",
        "      不适用的例外：定作的商品，以及其他 2 项例外\n",
        "      投诉的平台：Tmall\n",
        "      经营者所在地：Hangzhou\n",
    ] {
        assert!(zh.stdout.contains(line), "{line}\n{}", zh.stdout);
    }
    let en = redress(&["eval", "--lang", "en", WORDS, WORDS_CASE], None);
    assert_eq!(en.code, 0, "{}", en.stderr);
    for line in [
        "  - Punitive damages for fraud\n",
        "      because: Fraud by the seller: punitive damages (Consumer deceived = yes)\n",
        "      because: Kind of goods = general\n",
        "      exceptions that do not apply: Goods made to order and 2 other exceptions\n",
        "      Platform complained to: Tmall\n",
        "      Seller's location: Hangzhou\n",
    ] {
        assert!(en.stdout.contains(line), "{line}\n{}", en.stdout);
    }
    for text in [&zh.stdout, &en.stdout] {
        for name in [
            "[",
            "seven_day_return",
            "fresh_goods",
            "seller_place",
            "(Punitive",
            "(欺诈",
        ] {
            assert!(!text.contains(name), "`{name}` in\n{text}");
        }
    }
    let verbose = redress(&["eval", "--verbose", WORDS, WORDS_CASE], None);
    for line in [
        "  - 欺诈惩罚性赔偿 (Punitive damages for fraud) [punitive_damages_fraud]\n",
        "      理由：「经营者欺诈：惩罚性赔偿」(fraud)（消费者受到欺诈 (consumer.deceived) = 是）\n",
        "      理由：规则 seven_day_return（商品类别 (goods.category) = general）\n",
        "      不适用的例外：定作的商品 (made_to_order)、fresh_goods、periodicals\n",
        "      经营者所在地 (seller_place)：Hangzhou\n",
    ] {
        assert!(verbose.stdout.contains(line), "{line}\n{}", verbose.stdout);
    }
}

/// `explain` names rules and exceptions by their titles too, and takes a
/// remedy by its title in any language, with did-you-mean help.
#[test]
fn explain_takes_a_remedy_by_its_title() {
    let by_id = redress(
        &["explain", EXAMPLE, FRAUD_CASE, "punitive_damages_fraud"],
        None,
    );
    assert_eq!(by_id.code, 0, "{}", by_id.stderr);
    assert!(
        by_id
            .stdout
            .contains("\n  「经营者有欺诈行为：三倍赔偿，最低五百元」适用：\n"),
        "{}",
        by_id.stdout
    );
    for title in [
        "欺诈惩罚性赔偿",
        "Punitive damages for fraud",
        " 欺诈惩罚性赔偿 ",
    ] {
        let r = redress(&["explain", EXAMPLE, FRAUD_CASE, title], None);
        assert_eq!(r.code, 0, "{title}: {}", r.stderr);
        assert_eq!(r.stdout, by_id.stdout, "{title}");
    }
    for (written, meant) in [
        ("欺诈惩罚", "欺诈惩罚性赔偿"),
        ("Punitive damages for frau", "Punitive damages for fraud"),
        ("punitive_damages_frau", "punitive_damages_fraud"),
    ] {
        let r = redress(&["explain", EXAMPLE, FRAUD_CASE, written], None);
        assert_eq!(r.code, 2, "{written}: {}", r.stdout);
        assert!(
            r.stderr.contains(&format!("did you mean `{meant}`?")),
            "{written}: {}",
            r.stderr
        );
    }
}

/// A rule's titles and a parameter's labels are checked as a remedy's
/// titles are: a language given twice is an error, a language the header
/// does not list a warning.
#[test]
fn titles_and_labels_are_checked() {
    let text = std::fs::read_to_string(root().join(WORDS)).unwrap();
    let cases = [
        (
            text.replace(
                "  title en \"Goods made to order\"\n",
                "  title en \"Goods made to order\"\n  title en \"Again\"\n",
            ),
            "redress::duplicate_attribute",
            1,
        ),
        (
            text.replace(
                "    label en \"Platform complained to\"\n",
                "    label en \"Platform complained to\"\n    label en \"Again\"\n",
            ),
            "redress::duplicate_attribute",
            1,
        ),
        (
            text.replace(
                "  title en \"Goods made to order\"\n",
                "  title fr \"Sur mesure\"\n",
            ),
            "redress::unknown_language",
            0,
        ),
        (
            text.replace(
                "    label en \"Platform complained to\"\n",
                "    label de \"Plattform\"\n",
            ),
            "redress::unknown_language",
            0,
        ),
    ];
    let dir = std::env::temp_dir().join(format!("redress-words-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (k, (changed, code, exit)) in cases.iter().enumerate() {
        assert_ne!(changed, &text, "case {k} changed nothing");
        let path = dir.join(format!("case{k}.rules"));
        std::fs::write(&path, changed).unwrap();
        let r = redress(&["check", "--format", "json", path.to_str().unwrap()], None);
        assert_eq!(r.code, *exit, "case {k}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.contains(code), "case {k}: {}", r.stdout);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_fixture_is_formatted() {
    let r = redress(&["fmt", "--check", WORDS], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

/// JSON keeps the names and adds the titles of a titled rule or exception
/// (`title`, by language), and nothing for an untitled one.
#[test]
fn json_keeps_names_and_adds_titles() {
    let r = redress(&["eval", "--format", "json", WORDS, WORDS_CASE], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let because = |id: &str| {
        json["remedies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .unwrap_or_else(|| panic!("{id}: {json}"))["because"][0]
            .clone()
    };
    let fraud = because("punitive_damages_fraud");
    assert_eq!(fraud["rule"], "fraud");
    assert_eq!(
        fraud["title"],
        serde_json::json!({"zh": "经营者欺诈：惩罚性赔偿", "en": "Fraud by the seller: punitive damages"})
    );
    let ret = because("return_without_reason");
    assert_eq!(ret["rule"], "seven_day_return");
    assert!(ret.get("title").is_none(), "{ret}");
    assert_eq!(
        ret["exceptions_ruled_out"],
        serde_json::json!(["made_to_order", "fresh_goods", "periodicals"])
    );
    let r = redress(
        &[
            "explain",
            "--format",
            "json",
            WORDS,
            WORDS_CASE,
            "return_without_reason",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let rule = &json["remedies"][0]["rules"][0];
    assert_eq!(rule["rule"], "seven_day_return");
    assert!(rule.get("title").is_none(), "{rule}");
    let exception = &rule["exceptions"][0];
    assert_eq!(exception["rule"], "made_to_order");
    assert_eq!(exception["title"]["en"], "Goods made to order");
}
