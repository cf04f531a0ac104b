//! Diagnostics a legal editor understands (issue 13, section 2): a one-of
//! value spelled like a derived fact is read by its position.

use std::path::PathBuf;

use serde_json::Value;

use crate::root;
use crate::support::redress;

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
