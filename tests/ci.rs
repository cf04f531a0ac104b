//! Diagnostics for CI systems: GitHub annotations and SARIF, on fixtures
//! from `tests/diagnostics`, through the library and through `redress check`.

use std::process::Command;

use redress::report::ci::{CiFormat, render};

use crate::{root, source};

/// Fixtures with errors, warnings, second labels and CJK text.
const FIXTURES: &[&str] = &[
    "tests/diagnostics/syntax_error_cjk.rules",
    "tests/diagnostics/duplicate_name.rules",
    "tests/diagnostics/unused_remedy.rules",
];

fn diagnostics() -> Vec<redress::diagnostic::Diagnostic> {
    FIXTURES
        .iter()
        .flat_map(|f| redress::compile(&source(&root().join(f))).1)
        .collect()
}

#[test]
fn github_annotations() {
    insta::assert_snapshot!(render(&diagnostics(), CiFormat::Github));
}

#[test]
fn sarif_log() {
    let text = render(&diagnostics(), CiFormat::Sarif);
    let log: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), redress::diagnostic::Code::ALL.len());
    // every result points at a rule of the driver by id and index
    for r in run["results"].as_array().unwrap() {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
    }
    // `  价格 》 100 yuan`: the `》` is the 6th character of line 14
    let region = &run["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 14);
    assert_eq!(region["startColumn"], 6);
    // the rule list is long and documented elsewhere: snapshot the results
    insta::assert_snapshot!(serde_json::to_string_pretty(&run["results"]).unwrap());
}

#[test]
fn sarif_without_diagnostics_is_a_complete_log() {
    let log: serde_json::Value = serde_json::from_str(&render(&[], CiFormat::Sarif)).unwrap();
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(render(&[], CiFormat::Github), "");
}

fn check(format: &str, files: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_redress"))
        .env("LC_ALL", "C")
        .args(["check", "--format", format])
        .args(files)
        .current_dir(root())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn check_prints_annotations_and_keeps_exit_codes() {
    let (code, stdout) = check("github", FIXTURES);
    assert_eq!(code, 1);
    assert_eq!(stdout, render(&diagnostics(), CiFormat::Github));
    let (code, stdout) = check("github", &["rulebooks/example/example.rules"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
}

#[test]
fn check_prints_one_sarif_log_for_all_files() {
    let (code, stdout) = check("sarif", FIXTURES);
    assert_eq!(code, 1);
    assert_eq!(stdout, render(&diagnostics(), CiFormat::Sarif));
}

#[test]
fn eval_rejects_ci_formats() {
    let out = Command::new(env!("CARGO_BIN_EXE_redress"))
        .env("LC_ALL", "C")
        .args([
            "eval",
            "--format",
            "sarif",
            "rulebooks/example/example.rules",
            "-",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// docs/ci.md shows the rulebook workflow this repository runs, byte for
/// byte (`.ci/run` validates the file against GitHub's workflow schema), and
/// the release workflow builds for Linux, macOS and Windows.
#[test]
fn the_documented_workflow_is_the_one_in_the_repository() {
    let docs = std::fs::read_to_string(root().join("docs/ci.md")).unwrap();
    let section = docs
        .split("## A workflow for the rulebooks")
        .nth(1)
        .expect("the section");
    let shown = section
        .split("```yaml\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("a yaml block");
    let file = std::fs::read_to_string(root().join(".github/workflows/rules.yml")).unwrap();
    assert_eq!(
        shown, file,
        "docs/ci.md and .github/workflows/rules.yml differ"
    );
    assert!(!file.contains("OWNER"));
    let release = std::fs::read_to_string(root().join(".github/workflows/release.yml")).unwrap();
    for target in [
        "x86_64-unknown-linux-gnu",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(release.contains(target), "{target}");
    }
}
