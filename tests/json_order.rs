//! The key order of the JSON redress prints (docs/output.md, "Key order"):
//! identifying keys first, then the texts that name a thing, then the rest
//! in the documented order, for `facts`, `ask`, `explain`, `check` and the
//! `overridden` entries of `eval`. serde_json is built with
//! `preserve_order`, so the documents below keep the order of the text.

use serde_json::Value;

use crate::support::redress;

const EXAMPLE: &str = "rulebooks/example/example.rules";

/// The JSON a command prints on success.
fn json(args: &[&str]) -> Value {
    let run = redress(args, None);
    assert_eq!(run.code, 0, "redress {args:?}: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// An object's keys, in the order written.
fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

/// The object's keys are among `documented` and come in its order.
fn in_documented_order(v: &Value, documented: &[&str]) {
    let positions: Vec<usize> = keys(v)
        .iter()
        .map(|k| {
            documented
                .iter()
                .position(|d| d == k)
                .unwrap_or_else(|| panic!("undocumented key {k:?} in {v}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "keys {:?} not in the order {documented:?}",
        keys(v)
    );
}

#[test]
fn facts_name_then_label_then_question_then_type() {
    let doc = json(&["facts", EXAMPLE, "--format", "json"]);
    assert_eq!(keys(&doc), ["rulebook", "facts", "derived"]);
    assert_eq!(
        keys(&doc["rulebook"]),
        ["title", "jurisdiction", "version", "languages"]
    );
    let facts = doc["facts"].as_array().unwrap();
    for f in facts {
        assert_eq!(keys(f)[..4], ["name", "label", "question", "type"], "{f}");
        in_documented_order(
            f,
            &[
                "name", "label", "question", "type", "currency", "values", "as_of",
            ],
        );
        for v in f["values"].as_array().into_iter().flatten() {
            assert_eq!(keys(v), ["value", "label"]);
        }
    }
    // the money fact and a one-of fact have their extra keys in place
    let price = facts
        .iter()
        .find(|f| f["name"] == "purchase.price")
        .unwrap();
    assert_eq!(
        keys(price),
        ["name", "label", "question", "type", "currency"]
    );
    let channel = facts
        .iter()
        .find(|f| f["name"] == "purchase.channel")
        .unwrap();
    assert_eq!(
        keys(channel),
        ["name", "label", "question", "type", "values"]
    );
    for d in doc["derived"].as_array().unwrap() {
        assert_eq!(keys(d), ["name", "label", "type", "definition"]);
    }
}

#[test]
fn ask_question_and_done_in_documented_order() {
    let q = json(&[
        "ask",
        EXAMPLE,
        "rulebooks/example/cases/nothing-known.json",
        "--format",
        "json",
    ]);
    assert_eq!(
        keys(&q),
        ["fact", "question", "questions", "type", "values", "settles"]
    );
    let done = json(&[
        "ask",
        EXAMPLE,
        "--answers",
        "rulebooks/example/cases/fraud.json",
        "--format",
        "json",
    ]);
    assert_eq!(keys(&done), ["done", "asked", "case", "outcome"]);
    assert_eq!(keys(&done["asked"][0]), ["fact", "answered"]);
    // the case as a case file, in declaration order (consumer.* is declared
    // first, dispute.date after goods.*)
    let case = keys(&done["case"]);
    assert_eq!(case.first(), Some(&"consumer"), "{case:?}");
    // the outcome as `eval --format json` writes it, not sorted
    assert_eq!(
        keys(&done["outcome"])[..6],
        [
            "rulebook",
            "as_of",
            "remedies",
            "undetermined",
            "overridden",
            "errors"
        ]
    );
    assert_eq!(
        keys(&done["outcome"]["remedies"][0])[..3],
        ["id", "title", "category"]
    );
}

#[test]
fn explain_remedy_then_status_rules_by_name_then_title() {
    let doc = json(&[
        "explain",
        EXAMPLE,
        "rulebooks/example/cases/return-custom-made.json",
        "--format",
        "json",
    ]);
    assert_eq!(keys(&doc), ["remedies"]);
    let mut titled = 0;
    for r in doc["remedies"].as_array().unwrap() {
        assert_eq!(keys(r), ["remedy", "status", "rules", "needs", "flip"]);
        for rule in r["rules"].as_array().unwrap() {
            let documented = [
                "rule",
                "title",
                "applies",
                "condition",
                "parts",
                "exceptions",
                "amount",
                "deadline",
            ];
            in_documented_order(rule, &documented);
            assert_eq!(keys(rule)[0], "rule");
            titled += usize::from(keys(rule)[1] == "title");
            for e in rule["exceptions"].as_array().unwrap() {
                in_documented_order(e, &["rule", "title", "applies", "parts"]);
                assert_eq!(keys(e)[0], "rule");
            }
            for p in rule["parts"].as_array().unwrap() {
                assert_eq!(keys(p), ["test", "holds", "facts"]);
            }
        }
    }
    assert!(titled > 0, "no titled rule checked");
}

#[test]
fn check_files_then_counts() {
    let doc = json(&["check", EXAMPLE, "--format", "json"]);
    assert_eq!(keys(&doc), ["files", "errors", "warnings"]);
    assert_eq!(keys(&doc["files"][0]), ["file", "diagnostics"]);
}

/// An overridden rule's exceptions carry their titles, one entry per entry
/// of `by`, and the advice text names them by title.
#[test]
fn overridden_rules_carry_the_exceptions_titles() {
    let case = "rulebooks/example/cases/return-custom-made.json";
    let doc = json(&["eval", EXAMPLE, case, "--format", "json"]);
    let o = &doc["overridden"][0];
    assert_eq!(
        keys(o),
        ["rule", "title", "remedy", "by", "by_titles"],
        "{o}"
    );
    assert_eq!(o["by"], serde_json::json!(["custom_made_goods"]));
    assert_eq!(
        o["by_titles"],
        serde_json::json!([{
            "zh": "定做或者鲜活易腐的商品不适用无理由退货",
            "en": "Made-to-order or perishable goods cannot be returned without reason",
        }])
    );
    let text = redress(&["eval", EXAMPLE, case, "--lang", "en"], None);
    assert!(
        text.stdout
            .contains("Made-to-order or perishable goods cannot be returned without reason"),
        "{}",
        text.stdout
    );
    assert!(
        !text.stdout.contains("custom_made_goods"),
        "{}",
        text.stdout
    );
}
