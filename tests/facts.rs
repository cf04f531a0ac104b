//! `redress facts`: the facts of a rulebook as JSON, and a JSON Schema of its
//! case files that accepts exactly the case files redress reads.

use std::path::Path;

use crate::support::redress;
use crate::{root, source};

fn schema_of(rulebook: &Path) -> serde_json::Value {
    let (graph, diagnostics) = redress::compile(&source(rulebook));
    let graph = graph.unwrap_or_else(|| panic!("{}", crate::render(&diagnostics)));
    redress::schema::case_schema(graph.model())
}

fn json_of(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every shipped case file, and every JSON case of the evaluation fixtures,
/// is valid under its rulebook's schema; redress reads each of them without
/// an error.
#[test]
fn every_case_redress_reads_is_valid_under_the_schema() {
    let mut checked = 0;
    let mut suites: Vec<(String, String)> = vec![
        (
            "rulebooks/cn-online-shopping/cn-online-shopping.rules".into(),
            "rulebooks/cn-online-shopping/cases/*.json".into(),
        ),
        (
            "rulebooks/example/example.rules".into(),
            "rulebooks/example/cases/*.json".into(),
        ),
    ];
    // every evaluation suite: tests/eval/<name>/<name>.rules and its cases
    for dir in std::fs::read_dir(root().join("tests/eval"))
        .unwrap()
        .flatten()
    {
        let name = dir.file_name().to_string_lossy().into_owned();
        suites.push((
            format!("tests/eval/{name}/{name}.rules"),
            format!("tests/eval/{name}/*.json"),
        ));
    }
    suites.sort();
    for (rulebook, pattern) in &suites {
        let schema = schema_of(&root().join(rulebook));
        let validator = jsonschema::validator_for(&schema).unwrap();
        for case in crate::reference::glob_files(root(), pattern) {
            let value = json_of(&case);
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", case.display());
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked}");
}

/// The schema rejects what redress rejects: a value of the wrong type, a
/// one-of value not listed, a date in another format; and a misspelt key
/// (which redress only warns about).
#[test]
fn case_values_of_the_wrong_type_are_invalid_under_the_schema() {
    let schema = schema_of(&root().join("rulebooks/example/example.rules"));
    let validator = jsonschema::validator_for(&schema).unwrap();
    let valid = serde_json::json!({
        "purchase": { "price": "1299.00 元", "channel": "online_platform" },
        "goods.received_date": "2024-05-01",
        "consumer": { "deceived": "yes", "location": null },
    });
    assert!(validator.is_valid(&valid));
    for wrong in [
        serde_json::json!({ "purchase": { "price": [120] } }),
        serde_json::json!({ "purchase": { "price": "lots" } }),
        serde_json::json!({ "purchase": { "channel": "online" } }),
        serde_json::json!({ "goods": { "received_date": "2024/05/01" } }),
        serde_json::json!({ "consumer": { "deceived": "maybe" } }),
        serde_json::json!({ "purchase": { "prise": "10" } }),
    ] {
        assert!(!validator.is_valid(&wrong), "{wrong}");
    }
}

#[test]
fn facts_json_lists_types_questions_and_values_in_declaration_order() {
    let crate::support::Run {
        code,
        stdout,
        stderr,
    } = redress(
        &[
            "facts",
            "--format",
            "json",
            "rulebooks/example/example.rules",
        ],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let facts = v["facts"].as_array().unwrap();
    let names: Vec<&str> = facts.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names.first(), Some(&"consumer.location"));
    let channel = facts
        .iter()
        .find(|f| f["name"] == "purchase.channel")
        .unwrap();
    assert_eq!(channel["type"], "one_of");
    assert_eq!(channel["values"][0]["value"], "online_platform");
    assert_eq!(channel["label"]["zh"], "购买渠道");
    insta::assert_snapshot!(stdout);
    // the schema as the CLI prints it is the library's
    let run = redress(
        &[
            "facts",
            "--format",
            "jsonschema",
            "rulebooks/example/example.rules",
        ],
        None,
    );
    assert_eq!(run.code, 0);
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        printed,
        schema_of(&root().join("rulebooks/example/example.rules"))
    );
    // a rulebook with errors: exit 1, nothing on standard output
    let run = redress(&["facts", "tests/diagnostics/cycle.rules"], None);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
}
