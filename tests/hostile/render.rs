//! Hostile inputs: see tests/hostile/mod.rs.
//! This file: what is rendered for people (long lines, terminal escapes,
//! overflowing computations, which stream carries what).

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
