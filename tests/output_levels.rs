//! Output levels (issue 17): `eval --output ids|summary|full`, and
//! `redress::outcome::Detail` in `eval::Options`.
//!
//! The ids and summary records are the full record projected down (docs/output.md,
//! "Output levels"): checked on every eval fixture and shipped case, in the
//! library (serde and `write_json` alike) and through the CLI (`--jsonl` on
//! one and two jobs, with ids, and one-case `--format json`); and on
//! generated rulebooks with missing facts, where many remedies are undetermined.

use std::path::{Path, PathBuf};

use redress::case::{Format, parse_case};
use redress::eval::{Options, evaluate};
use redress::outcome::Detail;
use redress::source::SourceFile;
use serde_json::{Map, Value, json};

use crate::support::redress;
use crate::{relative, render, root};

use crate::generator::table;

/// The eval fixtures and the shipped cases, JSON and TOML.
fn case_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for pattern in [
        "tests/eval/*/*.json",
        "tests/eval/*/*.toml",
        "rulebooks/*/cases/*.json",
        "rulebooks/*/cases/*.toml",
    ] {
        files.extend(crate::reference::glob_files(root(), pattern));
    }
    files.sort();
    assert!(files.len() > 150, "only {} case files found", files.len());
    files
}

/// The ids record the full record `full` projects down to: each applied
/// remedy's id once (its entries are adjacent), the undetermined ids, and
/// the errors.
fn ids_of(full: &Value) -> Value {
    let mut remedies: Vec<Value> = Vec::new();
    for r in full["remedies"].as_array().unwrap() {
        if remedies.last() != Some(&r["id"]) {
            remedies.push(r["id"].clone());
        }
    }
    let undetermined: Vec<Value> = full["undetermined"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].clone())
        .collect();
    json!({ "remedies": remedies, "undetermined": undetermined, "errors": full["errors"] })
}

/// The summary record of a full record: the as-of date; each applied
/// remedy's id, parameters, amount and deadline (the last two when there);
/// each undetermined one's id and needed facts; the errors.
fn summary_of(full: &Value) -> Value {
    let remedies: Vec<Value> = full["remedies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let mut m = Map::new();
            for key in ["id", "params", "amount", "deadline"] {
                if let Some(v) = r.get(key) {
                    m.insert(key.into(), v.clone());
                }
            }
            Value::Object(m)
        })
        .collect();
    let undetermined: Vec<Value> = full["undetermined"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| json!({ "id": u["id"], "needs": u["needs"] }))
        .collect();
    json!({
        "as_of": full["as_of"],
        "remedies": remedies,
        "undetermined": undetermined,
        "errors": full["errors"],
    })
}

/// The keys of a JSON object's text, in the order written.
fn keys_in_order(text: &str) -> Vec<String> {
    struct Keys(Vec<String>);
    impl<'de> serde::Deserialize<'de> for Keys {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Keys, D::Error> {
            struct Visit;
            impl<'de> serde::de::Visitor<'de> for Visit {
                type Value = Keys;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Keys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some((k, _)) = map.next_entry::<String, serde::de::IgnoredAny>()? {
                        keys.push(k);
                    }
                    Ok(Keys(keys))
                }
            }
            d.deserialize_map(Visit)
        }
    }
    serde_json::from_str::<Keys>(text).unwrap().0
}

/// The top-level keys of each level's record, in order (the full record's
/// `questions` only when some fact is missing).
fn documented_keys(level: Detail) -> &'static [&'static str] {
    match level {
        Detail::Ids => &["remedies", "undetermined", "errors"],
        Detail::Summary => &["as_of", "remedies", "undetermined", "errors"],
        Detail::Full => &[
            "rulebook",
            "as_of",
            "remedies",
            "undetermined",
            "overridden",
            "errors",
        ],
    }
}

/// `record` is what `full` projects down to at `level`. Errors: a lower level attempts fewer computations (ids
/// no amounts, deadlines or parameters), so its errors are those of the full
/// record that it attempted, in the same order.
fn assert_projects(level: Detail, record: &Value, full: &Value, what: &str) {
    let mut expected = match level {
        Detail::Ids => ids_of(full),
        Detail::Summary => summary_of(full),
        Detail::Full => full.clone(),
    };
    let errors = record["errors"].as_array().unwrap();
    let all = full["errors"].as_array().unwrap();
    let mut rest = all.iter();
    for e in errors {
        assert!(
            rest.any(|f| f == e),
            "{what} at {level}: error {e} is not among the full record's, in order"
        );
    }
    if level == Detail::Summary {
        assert_eq!(
            errors, all,
            "{what}: the summary computes what the full record does"
        );
    }
    expected["errors"] = record["errors"].clone();
    assert_eq!(record, &expected, "{what} at {level}");
}

/// The JSON of an outcome, written by `write_json` and by serde: the same
/// bytes (the records are compared parsed, keys in order).
fn written(outcome: &redress::outcome::Outcome<'_>, what: &str) -> Value {
    let mut bytes = Vec::new();
    outcome.write_json(&mut bytes);
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(
        text,
        serde_json::to_string(outcome).unwrap(),
        "{what} at {}: write_json and serde differ",
        outcome.detail
    );
    let mut pretty = Vec::new();
    outcome.write_json_pretty(&mut pretty);
    assert_eq!(
        String::from_utf8(pretty).unwrap(),
        serde_json::to_string_pretty(outcome).unwrap(),
        "{what} at {}: write_json_pretty and serde differ",
        outcome.detail
    );
    let mut keys = keys_in_order(&text);
    if keys.last().is_some_and(|k| k == "questions") {
        keys.pop();
    }
    assert_eq!(
        keys,
        documented_keys(outcome.detail),
        "{what} at {}: keys",
        outcome.detail
    );
    serde_json::from_str(&text).unwrap()
}

/// Every level on every eval fixture and shipped case, each case also on a
/// later as-of date (deadlines expire): the full record is the one
/// `Options::default()` gives, and ids and summary are it projected down.
#[test]
fn every_level_is_the_full_record_projected_down() {
    for path in case_files() {
        let (graph, case) = crate::eval::case_of(&path);
        let what = relative(&path);
        for as_of in [None, Some(jiff::civil::date(2030, 1, 1))] {
            let options = |detail| Options {
                as_of,
                detail,
                ..Options::default()
            };
            let default = evaluate(
                &graph,
                &case,
                &Options {
                    as_of,
                    ..Options::default()
                },
            );
            assert_eq!(default.detail, Detail::Full);
            let full = written(&default, &what);
            let applied: Vec<_> = default.applied().collect();
            for level in Detail::ALL {
                let outcome = evaluate(&graph, &case, &options(level));
                assert_eq!(outcome.detail, level);
                assert_eq!(
                    outcome.applied().collect::<Vec<_>>(),
                    applied,
                    "{what} at {level}"
                );
                assert_projects(level, &written(&outcome, &what), &full, &what);
            }
        }
    }
}

/// Generated rulebooks (100 and 1,000 rules) with a tenth of the facts
/// missing, so that hundreds of remedies are undetermined or applied: each
/// level is the full record projected down, case by case, with one
/// evaluator reused across cases and levels.
#[test]
fn generated_cases_project_down_at_every_level() {
    for rules in [100, 1_000] {
        let file = SourceFile::new("generated.rules", table::rulebook(rules, table::SEED));
        let (graph, diagnostics) = redress::compile(&file);
        let graph = graph.unwrap_or_else(|| panic!("{}", render(&diagnostics)));
        let cases = table::cases(200, 100, table::SEED);
        let mut evaluator = redress::eval::Evaluator::new(&graph);
        let (mut undetermined, mut applied) = (0, 0);
        for (i, line) in cases.lines().enumerate() {
            let source = SourceFile::new(format!("line {}", i + 1), line);
            let (case, diagnostics) = parse_case(graph.model(), &source, Format::Json);
            let case = case.unwrap_or_else(|| panic!("{}", render(&diagnostics)));
            let what = format!("{rules} rules, line {}", i + 1);
            let full = written(&evaluator.evaluate(&case, &Options::default()), &what);
            undetermined += full["undetermined"].as_array().unwrap().len();
            applied += full["remedies"].as_array().unwrap().len();
            for level in Detail::ALL {
                let options = Options {
                    detail: level,
                    ..Options::default()
                };
                let record = written(&evaluator.evaluate(&case, &options), &what);
                assert_projects(level, &record, &full, &what);
            }
        }
        assert!(
            undetermined > 50 && applied > 200,
            "{rules} rules: {undetermined} undetermined, {applied} applied"
        );
    }
}

/// `Detail` reads and writes its names (what `--output` and an HTTP query
/// take), and only those.
#[test]
fn levels_by_name() {
    for level in Detail::ALL {
        assert_eq!(level.name().parse::<Detail>(), Ok(level));
    }
    let err = "brief".parse::<Detail>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "`brief` is not an output level; use ids, summary or full"
    );
    assert_eq!(Detail::default(), Detail::Full);
}

/// The JSON cases of each rulebook that has some, as JSON Lines (each line
/// with an `id`: the case file's name), with the rulebook's path.
fn jsonl_per_rulebook() -> Vec<(String, String)> {
    let mut books: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for path in case_files() {
        if path.extension().is_some_and(|e| e == "toml") {
            continue;
        }
        let graph_dir = {
            let dir = path.parent().unwrap();
            if dir.file_name().is_some_and(|n| n == "cases") {
                dir.parent().unwrap()
            } else {
                dir
            }
        };
        let name = graph_dir
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let book = relative(&graph_dir.join(format!("{name}.rules")));
        let mut case: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        // the rulebooks have no fact `id`, so the key is the case's id
        case.as_object_mut()
            .unwrap()
            .insert("case_id".into(), Value::String(relative(Path::new(&path))));
        books.entry(book).or_default().push(case.to_string());
    }
    books
        .into_iter()
        .map(|(book, mut lines)| {
            // and a line that is not a case: an error record at every level
            lines.push(r#"{"case_id": "broken", "no such fact": 1"#.into());
            (book, lines.join("\n") + "\n")
        })
        .collect()
}

/// `eval --jsonl --output LEVEL --id-field case_id`, on one job and on two:
/// the same bytes; one line per input line; each line's id first; error
/// records the same at every level; each outcome line the full line
/// projected down; the summary on standard error the same at every level.
#[test]
fn jsonl_levels_agree_with_full_on_any_number_of_jobs() {
    let dir = std::env::temp_dir().join(format!("redress-levels-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (book, input) in jsonl_per_rulebook() {
        let file = dir.join("cases.jsonl");
        std::fs::write(&file, &input).unwrap();
        let file = file.to_str().unwrap();
        let n = input.lines().count();
        let run = |level: &str, jobs: &str| {
            let args = [
                "eval",
                &book,
                "--jsonl",
                file,
                "--id-field",
                "case_id",
                "--jobs",
                jobs,
                "--output",
                level,
            ];
            let r = redress(&args, None);
            // the broken line makes the status 1
            assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
            r
        };
        let full = run("full", "1");
        let full_lines: Vec<&str> = full.stdout.lines().collect();
        assert_eq!(full_lines.len(), n, "{book}");
        let tally = |stderr: &str| -> String {
            // the counts after the `N cases, …, (… cases/s)` line
            stderr.lines().skip(1).collect::<Vec<_>>().join("\n")
        };
        for (level, detail) in [
            ("ids", Detail::Ids),
            ("summary", Detail::Summary),
            ("full", Detail::Full),
        ] {
            let one = run(level, "1");
            let two = run(level, "2");
            assert_eq!(
                one.stdout, two.stdout,
                "{book} --output {level}: --jobs 2 differs"
            );
            assert_eq!(
                tally(&one.stderr),
                tally(&full.stderr),
                "{book} --output {level}: summary"
            );
            let lines: Vec<&str> = one.stdout.lines().collect();
            assert_eq!(lines.len(), n, "{book} --output {level}");
            for (line, full_line) in lines.iter().zip(&full_lines) {
                let mut keys = keys_in_order(line);
                if keys.last().is_some_and(|k| k == "questions") {
                    keys.pop();
                }
                if keys.get(1).is_some_and(|k| k != "line") {
                    assert_eq!(keys[1..], *documented_keys(detail), "{line}");
                }
                let mut record: Value = serde_json::from_str(line).unwrap();
                let mut full_record: Value = serde_json::from_str(full_line).unwrap();
                assert!(line.starts_with(r#"{"id":""#), "{line}");
                let id = record.as_object_mut().unwrap().remove("id");
                assert_eq!(id, full_record.as_object_mut().unwrap().remove("id"));
                if full_record.get("line").is_some() {
                    assert_eq!(record, full_record, "{book} --output {level}: error record");
                } else {
                    assert_projects(detail, &record, &full_record, &format!("{book} {id:?}"));
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// One case with `--format json --output LEVEL`: the record of that level,
/// pretty; several cases: the array of `{case, outcome}` with each outcome at
/// that level. The same record as the `--jsonl` line.
#[test]
fn one_case_json_takes_the_level() {
    let book = "rulebooks/cn-online-shopping/cn-online-shopping.rules";
    let case =
        "rulebooks/cn-online-shopping/cases/defect-not-as-described-termination-unknown.json";
    let line = serde_json::from_str::<Value>(&std::fs::read_to_string(root().join(case)).unwrap())
        .unwrap()
        .to_string();
    for level in ["ids", "summary", "full"] {
        let one = redress(
            &["eval", book, case, "--format", "json", "--output", level],
            None,
        );
        assert_eq!(one.code, 0, "{}", one.stderr);
        let batch = redress(
            &["eval", book, "--jsonl", "-", "--output", level],
            Some(&line),
        );
        assert_eq!(batch.code, 0, "{}", batch.stderr);
        let pretty: Value = serde_json::from_str(&one.stdout).unwrap();
        let compact: Value = serde_json::from_str(batch.stdout.trim_end()).unwrap();
        assert_eq!(pretty, compact, "--output {level}");
        if level != "full" {
            insta::with_settings!({ snapshot_suffix => level }, {
                insta::assert_snapshot!(one.stdout);
            });
        }
        let two = redress(
            &[
                "eval", book, case, case, "--format", "json", "--output", level,
            ],
            None,
        );
        let entries: Value = serde_json::from_str(&two.stdout).unwrap();
        assert_eq!(entries[1]["outcome"], pretty, "--output {level}, two cases");
    }
}

/// `--output` changes what is written, not the status: a computation that
/// fails in a condition makes the status 1 at every level; and without
/// `--jsonl` or `--format json` (the advice text) `--output` is a usage error.
#[test]
fn output_level_usage() {
    let book = "tests/eval/basics/basics.rules";
    let case = "tests/eval/basics/case.toml";
    let r = redress(&["eval", book, case, "--output", "ids"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "error: --output goes with --jsonl or --format json: the advice text always shows the whole outcome\n"
    );
    assert_eq!(r.stdout, "");
    let r = redress(
        &["eval", book, case, "--format", "json", "--output", "brief"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("[possible values: ids, summary, full]"),
        "{}",
        r.stderr
    );
}

/// The examples of docs/output.md ("Output levels") are what redress writes
/// for the example rulebook's fraud case.
#[test]
fn the_documented_examples_are_real_output() {
    let docs = std::fs::read_to_string(root().join("docs/output.md")).unwrap();
    let case = std::fs::read_to_string(root().join("rulebooks/example/cases/fraud.json")).unwrap();
    let line = serde_json::from_str::<Value>(&case).unwrap().to_string();
    for level in ["ids", "summary"] {
        let r = redress(
            &[
                "eval",
                "rulebooks/example/example.rules",
                "--jsonl",
                "-",
                "--output",
                level,
            ],
            Some(&line),
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let example = format!("```json\n{}```", r.stdout);
        assert!(docs.contains(&example), "docs/output.md lacks {example}");
    }
}
