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
    let r = redress(&["eval", EXAMPLE, &case], None);
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
