//! Hostile inputs: see tests/hostile/mod.rs.
//! This file: what is rendered for people (long lines, terminal escapes,
//! overflowing computations, which stream carries what).

use std::path::PathBuf;

use crate::support::redress;

/// `check bad.rules | head`: the errors go to standard error, so a pipe on
/// standard output does not swallow them; standard output carries one
/// result line per file.
#[test]
fn check_of_a_rulebook_with_errors_piped_into_another_program() {
    let r = redress(&["check", "tests/diagnostics/type_mismatch.rules"], None);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        "tests/diagnostics/type_mismatch.rules: 3 errors, 0 warnings\n"
    );
    assert!(r.stderr.contains("× "), "{}", r.stderr);
    assert_eq!(r.stderr.matches("redress::type_mismatch").count(), 3);
    // the machine formats stay on standard output
    let r = redress(
        &[
            "check",
            "--format",
            "json",
            "tests/diagnostics/type_mismatch.rules",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("redress::type_mismatch"), "{}", r.stdout);
    assert_eq!(r.stderr, "");
}

/// A scratch directory for one test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "redress-hostile-render-{name}-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const EXAMPLE: &str = "rulebooks/example/example.rules";

/// The shown line of a long line is a window of it with `…` at the cuts,
/// never the whole line.
fn assert_clipped(stderr: &str) {
    assert!(stderr.contains('…'), "{stderr}");
    assert!(
        stderr.lines().all(|l| l.chars().count() < 400),
        "a line of the report is not clipped"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("stopped unexpectedly"), "{stderr}");
}

#[test]
fn case_line_of_70000_characters_with_an_unknown_key() {
    let dir = Scratch::new("long-case");
    let padding = " ".repeat(70_000);
    let case = dir.file(
        "case.json",
        &format!("{{\"consumer\": {{\"deceived\": true}},{padding}\"no_such_fact\": 1}}\n"),
    );
    // human: the warning is shown, with the line clipped around the key
    let r = redress(&["eval", "--lang", "en", EXAMPLE, &case], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("redress::case_unknown_key"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains(" 1 │ …   "), "{}", r.stderr);
    assert!(
        r.stderr.contains("   \"no_such_fact\": 1}\n"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("case.json:1:"), "{}", r.stderr);
    assert_clipped(&r.stderr);
    assert!(r.stdout.contains("remed"), "{}", r.stdout);
    // JSON: the outcome on stdout whatever the line length
    let r = redress(&["eval", "--format", "json", EXAMPLE, &case], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let outcome: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(outcome["remedies"].is_array(), "{}", r.stdout);
    assert_clipped(&r.stderr);
}

#[test]
fn case_key_of_70000_characters() {
    let dir = Scratch::new("long-key");
    let key = "k".repeat(70_000);
    let case = dir.file("case.json", &format!("{{\"{key}\": 1}}\n"));
    let r = redress(&["eval", "--lang", "en", EXAMPLE, &case], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("redress::case_unknown_key"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("` is not a fact of"), "{}", r.stderr);
    assert!(r.stderr.len() < 5_000, "{}", r.stderr.len());
    assert_clipped(&r.stderr);
}

#[test]
fn rulebook_line_of_70000_characters_with_an_error_at_its_end() {
    let dir = Scratch::new("long-rulebook");
    let text = std::fs::read_to_string(crate::root().join(EXAMPLE)).unwrap();
    let long = format!("{text}\n# {}\nfact broken yes/no\n", "x".repeat(10));
    let long = long.replace(
        "fact broken yes/no",
        &format!("fact broken: {}nonsense", " ".repeat(70_000)),
    );
    let rulebook = dir.file("long.rules", &long);
    let r = redress(&["check", &rulebook], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("redress::syntax_error"), "{}", r.stderr);
    assert_clipped(&r.stderr);
    // the header keeps the position in the file
    let line = long.lines().count();
    assert!(
        r.stderr.contains(&format!("long.rules:{line}:")),
        "{}",
        r.stderr
    );
    // JSON: exact positions, in characters
    let r = redress(&["check", "--format", "json", &rulebook], None);
    assert_eq!(r.code, 1);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!(d["start"]["line"], line);
    assert_eq!(d["start"]["column"], 13 + 70_000 + 1);
    for format in ["github", "sarif"] {
        let r = redress(&["check", "--format", format, &rulebook], None);
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        assert!(r.stdout.contains("70014"), "{format}: {}", r.stdout);
    }
}

/// What a terminal would act on: escape sequences, OSC 8 links, bells,
/// carriage returns, right-to-left overrides.
fn assert_no_terminal_controls(text: &str) {
    for c in ['\u{1b}', '\u{7}', '\r', '\u{202e}', '\u{9b}'] {
        assert!(!text.contains(c), "{c:?} reaches the terminal: {text:?}");
    }
}

#[test]
fn case_values_with_escape_sequences_links_carriage_returns_and_bidi_overrides() {
    let dir = Scratch::new("escapes");
    let case = dir.file(
        "case.json",
        r#"{
  "consumer": { "location": "Shang\u001b[2Jhai\r\n  - Refund [ok]\u202e", "deceived": true },
  "operator": { "location": "Hangzhou\u001b]8;;https://evil.example\u0007x\u001b]8;;\u0007" },
  "purchase": { "channel": "online_platform", "price": "120.00" },
  "goods": { "received_date": "2024-05-01", "category": "general" },
  "items": { "count": 1 },
  "dispute": { "date": "2024-05-06" },
  "no\u009bkey": 1
}
"#,
    );
    // English, with the facts' names (`--verbose`) beside their labels
    let r = redress(&["eval", "--lang", "en", "--verbose", EXAMPLE, &case], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_no_terminal_controls(&r.stdout);
    assert_no_terminal_controls(&r.stderr);
    assert!(
        r.stdout.contains(
            "(consumer.location) = Shang\\u{1b}[2Jhai\\u{d}\\u{a}  - Refund [ok]\\u{202e}; "
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "Seller's location (location): Hangzhou\\u{1b}]8;;https://evil.example\\u{7}x\\u{1b}]8;;\\u{7}\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("`no\\u{9b}key` is not a fact"),
        "{}",
        r.stderr
    );
    // JSON keeps the exact value (JSON escapes the C0 controls)
    let r = redress(&["eval", "--format", "json", EXAMPLE, &case], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        !r.stdout.contains(['\u{1b}', '\u{7}', '\r']),
        "{}",
        r.stdout
    );
    let outcome: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        outcome["remedies"][0]["because"][0]["facts"]["consumer.location"],
        "Shang\u{1b}[2Jhai\r\n  - Refund [ok]\u{202e}"
    );
}

#[test]
fn case_file_with_a_raw_escape_character_inside_a_string() {
    let dir = Scratch::new("raw-escape");
    let case = dir.file(
        "case.json",
        "{\"consumer\": {\"location\": \"a\u{1b}[2J\u{1b}]8;;https://evil.example\u{7}b\"}}\n",
    );
    let r = redress(&["eval", EXAMPLE, &case], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("redress::case_syntax"), "{}", r.stderr);
    assert!(r.stderr.contains("\"a\\u{1b}[2J"), "{}", r.stderr);
    assert_no_terminal_controls(&r.stderr);
}

#[test]
fn rulebook_with_control_characters_in_a_title_and_a_comment() {
    let r = redress(
        &["check", "tests/diagnostics/control_character.rules"],
        None,
    );
    assert_eq!(r.code, 0, "warnings only: {}", r.stderr);
    assert_eq!(r.stderr.matches("redress::control_character").count(), 3);
    assert!(
        r.stderr
            .contains("4 control characters (U+001B, U+0007) are in this line"),
        "{}",
        r.stderr
    );
    assert_no_terminal_controls(&r.stderr);
    assert_eq!(
        r.stdout,
        "tests/diagnostics/control_character.rules: 0 errors, 3 warnings\n"
    );
    let r = redress(
        &[
            "check",
            "--deny-warnings",
            "tests/diagnostics/control_character.rules",
        ],
        None,
    );
    assert_eq!(r.code, 1);
}

#[test]
fn case_whose_amount_and_deadline_overflow() {
    let rulebook = "tests/eval/basics/basics.rules";
    let case = "tests/eval/basics/arithmetic-overflow.json";
    let r = redress(&["eval", rulebook, case], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "      amount: unknown — the computation overflowed: the result of 3 * 30000000000000000000000000000 is too large\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "      deadline: unknown — the computation overflowed: 9999-12-30 + 7 days is outside the supported dates\n"
        ),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("needs \n"), "{}", r.stdout);
    let r = redress(&["eval", "--format", "json", rulebook, case], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let outcome: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let remedy = |id: &str| {
        outcome["remedies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    let amount = &remedy("damages")["amount"];
    assert_eq!(amount["value"], serde_json::Value::Null);
    assert!(
        amount["error"]
            .as_str()
            .unwrap()
            .starts_with("the computation overflowed"),
        "{amount}"
    );
    let deadline = &remedy("return_goods")["deadline"];
    assert_eq!(deadline["date"], serde_json::Value::Null);
    assert!(
        deadline["error"]
            .as_str()
            .unwrap()
            .starts_with("the computation overflowed"),
        "{deadline}"
    );
    assert_eq!(outcome["errors"].as_array().unwrap().len(), 2);
    // --jsonl writes the same fields
    let line = std::fs::read_to_string(crate::root().join(case))
        .unwrap()
        .replace('\n', "");
    let r = redress(
        &["eval", rulebook, "--jsonl", "-"],
        Some(&format!("{line}\n")),
    );
    let batch: serde_json::Value = serde_json::from_str(r.stdout.trim_end()).unwrap();
    assert_eq!(batch, outcome);
}

#[test]
fn test_file_with_escape_sequences_in_its_name_and_case_values() {
    let dir = Scratch::new("test-report");
    // a test names its rulebook relative to itself, inside its own tree
    dir.file(
        "example.rules",
        &std::fs::read_to_string(crate::root().join(EXAMPLE)).unwrap(),
    );
    let test = format!(
        r#"name = "evil \u001B[2J name"
rulebook = "{}"

[case]
consumer.location = "Shang\u001B[2Jhai\r\n    + actual:   Hangzhou"
consumer.deceived = true
operator.location = "Hangzhou\u001B]8;;https://evil.example\u0007x\u001B]8;;\u0007"
purchase.channel = "online_platform"
purchase.price = "120.00"
goods.received_date = 2024-05-01
goods.category = "general"
items.count = 1
dispute.date = 2024-05-06

[expect]
applies = ["forward_to_association_at_operator_location"]

[expect.remedy.forward_to_association_at_operator_location]
params.location = "Hangzhou"
"#,
        "example.rules"
    );
    dir.file("evil.test.toml", &test);
    let path = dir.0.to_string_lossy().into_owned();
    let r = redress(&["test", &path], None);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert_no_terminal_controls(&r.stdout);
    assert!(
        r.stdout.contains("FAIL evil \\u{1b}[2J name"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "    + actual:   Hangzhou\\u{1b}]8;;https://evil.example\\u{7}x\\u{1b}]8;;\\u{7}\n"
        ),
        "{}",
        r.stdout
    );
    // a line break in a value cannot start a line of the report
    assert_eq!(
        r.stdout.matches("\n    + actual:").count(),
        1,
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("hai\\u{d}\\u{a}    + actual:"),
        "{}",
        r.stdout
    );
}

#[test]
fn rulebook_named_with_an_escape_sequence_holding_one_in_an_unformatted_line() {
    let dir = Scratch::new("fmt-escape");
    let text = std::fs::read_to_string(crate::root().join(EXAMPLE)).unwrap();
    let text = format!(
        "{text}\n#   note \u{1b}[2J\u{1b}]8;;https://evil.example\u{7}\nfact   spaced:  yes/no\n"
    );
    let path = dir.file("evil\u{1b}[31m.rules", &text);
    let r = redress(&["fmt", "--check", &path], None);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert_no_terminal_controls(&r.stdout);
    assert_no_terminal_controls(&r.stderr);
    assert!(
        r.stdout.contains("evil\\u{1b}[31m.rules: not formatted"),
        "{}",
        r.stdout
    );
    let r = redress(&["check", &path], None);
    assert_no_terminal_controls(&r.stdout);
    assert_no_terminal_controls(&r.stderr);
    assert!(r.stdout.contains("evil\\u{1b}[31m.rules: "), "{}", r.stdout);
    assert!(
        r.stderr.contains("redress::control_character"),
        "{}",
        r.stderr
    );
}

/// A rulebook with a line of 300,000 control characters and 20,000 lines
/// holding one each: drawing a label per character took time growing with
/// the square of their number (a hang). Now a line labels its first ten, the
/// first 50 lines are reported, and one more warning counts the rest.
#[test]
fn rulebook_with_300000_control_characters_on_a_line_and_20000_such_lines() {
    let dir = Scratch::new("many-controls");
    let text = std::fs::read_to_string(crate::root().join(EXAMPLE)).unwrap();
    let mut text = format!("{text}\n# {}\n", "\u{1}".repeat(300_000));
    for _ in 0..20_000 {
        text.push_str("# \u{7}\n");
    }
    let path = dir.file("controls.rules", &text);
    let mut child = crate::support::spawn(&["check", &path]);
    drop(child.stdin.take());
    let r = crate::support::finish(child);
    let stderr = r.stderr;
    assert_eq!(r.code, 0, "{stderr}");
    assert_no_terminal_controls(&stderr);
    assert_eq!(
        stderr.matches("redress::control_character").count(),
        51,
        "{}",
        &stderr[..stderr.len().min(2000)]
    );
    assert!(
        stderr.contains("and 19,951 more lines with control characters"),
        "{}",
        &stderr[stderr.len().saturating_sub(2000)..]
    );
}

/// A rulebook with Windows line ends and nothing after `=>`: the error is
/// at the line break, and the report showed it on another line (8:1).
#[test]
fn rulebook_with_crlf_line_ends_and_nothing_after_the_arrow() {
    let dir = Scratch::new("crlf");
    let text = "rulebook\r\n  title en \"T\"\r\n  jurisdiction \"CN\"\r\n  version \"1\"\r\n  effective 2024-07-01\r\n\r\nfact a: yes/no\r\n\r\nrule r\r\n  a =>\r\n  cite \"x\"\r\n";
    let path = dir.file("crlf.rules", text);
    let r = redress(&["check", &path], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("crlf.rules:10:8]"), "{}", r.stderr);
    assert!(r.stderr.contains(" 10 │   a =>\n"), "{}", r.stderr);
}
