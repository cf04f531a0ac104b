//! Diagnostics a legal editor understands (issue 13, section 2): full-width
//! punctuation, unclosed quotes and malformed dates are said as such, with
//! fixes an editor can apply from `check --format json`; a one-of value
//! spelled like a derived fact is read by its position.

use std::path::PathBuf;

use serde_json::Value;

use crate::root;
use crate::support::{Run, redress};

/// A temporary folder removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("redress-editor-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/diagnostics").join(name)).unwrap()
}

fn check_json(path: &std::path::Path) -> (Run, Value) {
    let run = redress(&["check", "--format", "json", path.to_str().unwrap()], None);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    (run, json)
}

fn diagnostics(json: &Value) -> Vec<Value> {
    json["files"][0]["diagnostics"].as_array().unwrap().clone()
}

/// Every fix of every diagnostic, as (byte start, byte end, replacement).
fn fixes(json: &Value) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for d in diagnostics(json) {
        for f in d["fixes"].as_array().into_iter().flatten() {
            let bytes = f["bytes"].as_array().unwrap();
            out.push((
                usize::try_from(bytes[0].as_u64().unwrap()).unwrap(),
                usize::try_from(bytes[1].as_u64().unwrap()).unwrap(),
                f["replacement"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

/// Apply the fixes `check --format json` offers, as an editor would, until
/// it offers none; the text at the end.
fn apply_fixes_until_none(name: &str, text: &str) -> (String, Run) {
    let dir = TempDir::new(name);
    let path = dir.0.join("book.rules");
    let mut text = text.to_string();
    for _ in 0..10 {
        std::fs::write(&path, &text).unwrap();
        let (run, json) = check_json(&path);
        let mut found = fixes(&json);
        if found.is_empty() {
            return (text, run);
        }
        // from the end, so that earlier offsets stay valid
        found.sort_by_key(|f| std::cmp::Reverse(f.0));
        for (start, end, replacement) in found {
            text.replace_range(start..end, &replacement);
        }
    }
    panic!("fixes were still offered after ten rounds:\n{text}");
}

#[test]
fn rulebook_typed_with_a_chinese_input_method() {
    let dir = TempDir::new("full-width");
    let path = dir.0.join("book.rules");
    std::fs::write(&path, fixture("full_width_punctuation.rules")).unwrap();
    let (run, json) = check_json(&path);
    assert_eq!(run.code, 1);
    let colon = diagnostics(&json)
        .into_iter()
        .find(|d| d["message"] == "this is a full-width colon `：`; use `:`")
        .unwrap();
    assert_eq!(colon["code"], "redress::full_width_punctuation");
    assert_eq!(colon["fixes"][0]["replacement"], ":");
    // positions count characters: `fact 价格：` puts the colon in column 8
    assert_eq!(colon["fixes"][0]["start"]["column"], 8);
    assert_eq!(colon["fixes"][0]["end"]["column"], 9);

    let (fixed, run) =
        apply_fixes_until_none("full-width-fixed", &fixture("full_width_punctuation.rules"));
    assert_eq!(run.code, 0, "{}\n{fixed}", run.stdout);
    assert!(fixed.contains("title zh \"消费者权益保护法\""), "{fixed}");
    assert!(fixed.contains("fact 价格:money"), "{fixed}");
    assert!(fixed.contains("fact 商品.类别: one of"), "{fixed}");
    assert!(fixed.contains("one of 损坏,完好"), "{fixed}");
    assert!(fixed.contains("(价格 > 100 yuan) => refund"), "{fixed}");
    assert!(fixed.contains("one of 完好,破损"), "{fixed}");
    assert!(fixed.contains("价格 > 500 yuan => refund"), "{fixed}");
    // quoted text and comments keep their full-width punctuation
    assert!(fixed.contains("\"价格是多少？\""), "{fixed}");
}

#[test]
fn quoted_title_not_closed_on_its_line() {
    let text = fixture("unclosed_quote.rules");
    let dir = TempDir::new("unclosed");
    let path = dir.0.join("book.rules");
    std::fs::write(&path, &text).unwrap();
    let run = redress(&["check", path.to_str().unwrap()], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("this quoted text is not closed on its line"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("the closing `\"` is missing here"));
    let (fixed, run) = apply_fixes_until_none("unclosed-fixed", &text);
    assert_eq!(run.code, 0, "{}\n{fixed}", run.stdout);
    assert!(fixed.contains("title zh \"三包规则\"\n"), "{fixed}");
    // the quote closes after the text, not after the trailing spaces
    assert!(
        fixed.contains("question en \"How much was paid?\"   \n"),
        "{fixed}"
    );
}

#[test]
fn effective_date_with_a_one_digit_day_and_slashes() {
    let dir = TempDir::new("dates");
    let path = dir.0.join("book.rules");
    std::fs::write(&path, fixture("syntax_error_date.rules")).unwrap();
    let (run, json) = check_json(&path);
    assert_eq!(run.code, 1);
    let found = diagnostics(&json);
    let messages: Vec<&str> = found
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "`2001-11-5` is not a date: its day `5` must have two digits",
            "`2001/11/15` is not a date: its parts are separated by `/`, not `-`",
            "`2009-123-4` is not a date: its month `123` must have two digits, and its day `4` must have two digits",
        ]
    );
    // the whole date is pointed at, not the year
    assert_eq!(found[0]["start"]["column"], 13);
    assert_eq!(found[0]["end"]["column"], 22);
    assert_eq!(found[0]["fixes"][0]["replacement"], "2001-11-05");
    assert_eq!(found[1]["fixes"][0]["replacement"], "2001-11-15");
    // no date is meant plainly enough to fix
    assert!(found[2].get("fixes").is_none());
    // help about the date, not about where items start
    for d in &found {
        let help = d["help"].as_str().unwrap();
        assert!(help.starts_with("write dates as year-month-day"), "{help}");
    }
}

#[test]
fn derived_fact_named_like_a_value_of_a_one_of_fact() {
    let rulebook = root().join("tests/diagnostics/name_clash.rules");
    let rulebook = rulebook.to_str().unwrap();
    let run = redress(&["check", rulebook], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("redress::name_clash"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`broken` is both a value of `fault.kind` and a derived fact"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("depend on themselves"),
        "{}",
        run.stderr
    );
    // after `is` the name is the value: a broken fault gives the refund
    let broken = redress(
        &["eval", "--format", "json", rulebook, "-"],
        Some(r#"{"fault.kind": "broken"}"#),
    );
    assert_eq!(broken.code, 0, "{}", broken.stderr);
    let outcome: Value = serde_json::from_str(&broken.stdout).unwrap();
    assert!(outcome.to_string().contains("refund_broken"), "{outcome}");
    let fine = redress(
        &["eval", "--format", "json", rulebook, "-"],
        Some(r#"{"fault.kind": "fine"}"#),
    );
    assert!(!fine.stdout.contains("refund_broken"), "{}", fine.stdout);
}

#[test]
fn one_of_fact_compared_with_a_number() {
    let dir = TempDir::new("one-of-type");
    let path = dir.0.join("book.rules");
    let text = fixture("name_clash.rules").replace(
        "define broken as fault.kind is broken",
        "define broken as fault.kind is 3",
    );
    std::fs::write(&path, text).unwrap();
    let run = redress(&["check", path.to_str().unwrap()], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("cannot compare a one-of value (broken, fine) and a number"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("an one of"), "{}", run.stderr);
}

#[test]
fn fact_type_written_without_a_colon() {
    let dir = TempDir::new("no-colon");
    let path = dir.0.join("book.rules");
    let text = fixture("name_clash.rules").replace(
        "fact fault.kind: one of broken, fine",
        "fact fault.kind one of broken, fine",
    );
    std::fs::write(&path, text).unwrap();
    let run = redress(&["check", path.to_str().unwrap()], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("expected `:`, found `one`"),
        "{}",
        run.stderr
    );
    // the help is about the colon, not about where items start
    assert!(
        run.stderr
            .contains("help: write the type after a colon: `fact purchase.price: money`"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("each item starts"), "{}", run.stderr);
}

#[test]
fn condition_comparing_a_date_with_2001_11_5_and_2001_slash_11_slash_15() {
    let dir = TempDir::new("date-in-condition");
    let path = dir.0.join("book.rules");
    std::fs::write(&path, fixture("type_mismatch_date.rules")).unwrap();
    let (run, json) = check_json(&path);
    assert_eq!(run.code, 1);
    let found = diagnostics(&json);
    let messages: Vec<&str> = found
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "`2001-11-5` is not a date: its day `5` must have two digits",
            "`2001/11/15` is not a date: its parts are separated by `/`, not `-`",
        ]
    );
    assert_eq!(found[0]["code"], "redress::type_mismatch");
    let (fixed, run) = apply_fixes_until_none(
        "date-in-condition-fixed",
        &fixture("type_mismatch_date.rules"),
    );
    assert_eq!(run.code, 0, "{}\n{fixed}", run.stdout);
    assert!(
        fixed.contains("purchase.date > 2001-11-05 and 2001-11-15 < purchase.date"),
        "{fixed}"
    );
}

#[test]
fn unclosed_quote_in_sarif_carries_its_fix() {
    let dir = TempDir::new("sarif");
    let path = dir.0.join("book.rules");
    std::fs::write(&path, fixture("unclosed_quote.rules")).unwrap();
    let run = redress(
        &["check", "--format", "sarif", path.to_str().unwrap()],
        None,
    );
    assert_eq!(run.code, 1);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "redress::unclosed_quote");
    let replacement = &result["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "\"");
    // an insertion: an empty region after `"三包规则` (columns in characters)
    let region = &replacement["deletedRegion"];
    assert_eq!(region["startLine"], 4);
    assert_eq!(region["startColumn"], 17);
    assert_eq!(region["endColumn"], 17);
}

#[test]
fn title_of_70000_characters_with_an_unclosed_quote() {
    let dir = TempDir::new("long-unclosed");
    let path = dir.0.join("book.rules");
    let long = "三包".repeat(35_000);
    let text = fixture("unclosed_quote.rules")
        .replace("title zh \"三包规则\n", &format!("title zh \"{long}\n"));
    std::fs::write(&path, &text).unwrap();
    let run = redress(&["check", path.to_str().unwrap()], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("this quoted text is not closed on its line"),
        "{}",
        &run.stderr[..run.stderr.len().min(2000)]
    );
    // the report shows a window of the line, not all of it
    assert!(run.stderr.len() < 10_000, "{} bytes", run.stderr.len());
    let (_, json) = check_json(&path);
    let fix = &diagnostics(&json)[0]["fixes"][0];
    assert_eq!(fix["replacement"], "\"");
    // `  title zh "` is 12 characters: the quote closes in column 12 + 70,000 + 1
    assert_eq!(fix["start"]["column"], 70_000 + 13);
}

/// A misspelt name whose help says *did you mean* carries the name meant as
/// a fix (issue 18: an editor's quick fix): a fact, a one-of value, a law, the
/// rule of an exception and a remedy, each fixed by applying the fixes.
#[test]
fn misspelt_names_are_fixed_by_the_name_meant() {
    let text = std::fs::read_to_string(crate::root().join("rulebooks/example/example.rules"))
        .unwrap()
        .replace(
            "consumer.deceived and items.count >= 1 => punitive damages fraud",
            "consumer.decieved and items.count >= 1 => punitive_damages_frau",
        )
        .replace(
            "one of custom_made, fresh_perishable",
            "one of custom_mde, fresh_perishable",
        )
        .replace(
            "  cite crpl article \"55(1)\"",
            "  cite crlp article \"55(1)\"",
        )
        .replace(
            "exception unsuitable_by_nature to seven_day_return",
            "exception unsuitable_by_nature to seven_day_retrun",
        );
    let (fixed, run) = apply_fixes_until_none("did-you-mean", &text);
    assert_eq!(run.code, 0, "{}\n{fixed}", run.stdout);
    let example =
        std::fs::read_to_string(crate::root().join("rulebooks/example/example.rules")).unwrap();
    // the one-word phrase is fixed to the phrase of the remedy meant
    assert_eq!(fixed, example);
}
