//! `redress explain` (issue 15): `tests/explain/explain.rules` with cases in
//! `tests/explain/cases/`: applied with a computed amount and a deadline, not
//! applied because a condition failed, set aside by an exception,
//! undetermined; flips by one fact and by two. Each case is snapshotted with
//! every remedy explained in full, in English and in Chinese, and as JSON;
//! the CLI's exit codes are checked by running it.

use redress::eval::Options;
use redress::explain::{Status, explain};
use redress::model::RemedyId;
use redress::report::explain::{render_json, render_markdown, render_text};

use crate::eval::case_of;
use crate::root;
use crate::support::redress;

const RULEBOOK: &str = "tests/explain/explain.rules";

#[test]
fn every_remedy_in_full_in_both_languages() {
    insta::glob!("explain/cases/*.json", |path| {
        let (graph, case) = case_of(path);
        let name = crate::relative(path);
        let mut out = String::new();
        for lang in ["en", "zh"] {
            out.push_str(&format!("── {lang}: every remedy ──\n"));
            let all = explain(&graph, &case, &Options::default(), None);
            out.push_str(&render_text(&all, &name, lang, false, false));
            for i in 0..graph.model().remedies.len() {
                let one = explain(
                    &graph,
                    &case,
                    &Options::default(),
                    Some(RemedyId(u32::try_from(i).unwrap())),
                );
                out.push_str(&format!("── {lang}: remedy {i} ──\n"));
                out.push_str(&render_text(&one, &name, lang, false, true));
            }
        }
        insta::assert_snapshot!(out);
    });
}

#[test]
fn json() {
    insta::glob!("explain/cases/*.json", |path| {
        let (graph, case) = case_of(path);
        let all = explain(&graph, &case, &Options::default(), None);
        insta::assert_snapshot!(serde_json::to_string_pretty(&render_json(&all, "en")).unwrap());
    });
}

#[test]
fn markdown() {
    let path = root().join("tests/explain/cases/applied.json");
    let (graph, case) = case_of(&path);
    let all = explain(&graph, &case, &Options::default(), None);
    let en = render_markdown(&all, "applied.json", "en", false, false);
    let zh = render_markdown(&all, "applied.json", "zh", false, false);
    insta::assert_snapshot!(format!("{en}\n{zh}"));
}

/// The flips the fixtures were written for: one fact, two facts, none needed.
#[test]
fn flips_by_one_fact_and_by_two() {
    let path = root().join("tests/explain/cases/applied.json");
    let (graph, case) = case_of(&path);
    let id = |name: &str| {
        let i = graph
            .model()
            .remedies
            .iter()
            .position(|r| r.id == name)
            .unwrap();
        RemedyId(u32::try_from(i).unwrap())
    };
    let fraud = explain(
        &graph,
        &case,
        &Options::default(),
        Some(id("punitive_damages")),
    );
    let w = &fraud.remedies[0];
    assert_eq!(w.status, Status::Applies);
    let flip = w.flip.as_ref().unwrap();
    assert_eq!(flip.changes.len(), 1);
    assert!(flip.exhaustive);
    let repair = explain(&graph, &case, &Options::default(), Some(id("free_repair")));
    let w = &repair.remedies[0];
    assert_eq!(w.status, Status::NotApplies);
    let flip = w.flip.as_ref().unwrap();
    assert_eq!(flip.changes.len(), 2, "{flip:?}");
    assert!(flip.exhaustive);
}

/// In a terminal (a pseudo-terminal, as a person meets it) the text wraps
/// to its width and keeps every word.
#[test]
fn wraps_to_the_width_of_a_terminal() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` (util-linux) to run redress in a pseudo-terminal");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_redress");
    for (lang, width) in [("zh", 50), ("en", 60)] {
        let command = format!(
            "stty cols {width} rows 50; {bin} explain --lang {lang} explain.rules cases/applied.json"
        );
        let out = std::process::Command::new("script")
            .env("LC_ALL", "C")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(root().join("tests/explain"))
            .env_remove("COLUMNS")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
        assert!(text.lines().count() > 10, "{text}");
        for line in text.lines() {
            assert!(
                redress::report::i18n::columns(line) <= width,
                "{lang}: wider than {width}: {line:?}\n{text}"
            );
        }
        let piped = redress(
            &[
                "explain",
                "--lang",
                lang,
                RULEBOOK,
                "tests/explain/cases/applied.json",
            ],
            None,
        )
        .stdout;
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(
            squeeze(&text),
            squeeze(&piped).replace("tests/explain/", "")
        );
    }
}

#[test]
fn cli_exit_codes() {
    let case = "tests/explain/cases/applied.json";
    let ok = redress(&["explain", RULEBOOK, case, "--lang", "en"], None);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(ok.stdout.contains("897.00"), "{}", ok.stdout);

    let one = redress(
        &["explain", RULEBOOK, case, "free_repair", "--lang", "zh"],
        None,
    );
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert!(one.stdout.contains("使其适用的最小改变"), "{}", one.stdout);

    let json = redress(&["explain", "--format", "json", RULEBOOK, case], None);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["remedies"][1]["status"], "applies");

    let md = redress(&["explain", "--format", "markdown", RULEBOOK, case], None);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(md.stdout.starts_with("# "), "{}", md.stdout);

    let unknown = redress(&["explain", RULEBOOK, case, "free_repiar"], None);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `free_repair`?"),
        "{}",
        unknown.stderr
    );
    assert!(unknown.stdout.is_empty());

    let lang = redress(&["explain", RULEBOOK, case, "--lang", "fr"], None);
    assert_eq!(lang.code, 2, "{}", lang.stderr);

    let missing = redress(
        &["explain", RULEBOOK, "tests/explain/cases/nope.json"],
        None,
    );
    assert_eq!(missing.code, 2, "{}", missing.stderr);

    let bad = redress(
        &["explain", RULEBOOK, "-"],
        Some("{\"purchase\": {\"price\": true}}"),
    );
    assert_eq!(bad.code, 1, "{}", bad.stderr);
}

/// The copies of an exception to several rules, and of the exception below
/// it, named as a person says it: in verbose output an untitled copy by its
/// name and, in parentheses, the rule it applies to; a titled one by its
/// titles, as the advice's reasons name it. Both languages.
#[test]
fn the_copies_of_a_shared_exception_in_both_languages() {
    let book = "tests/eval/shared_exception/shared_exception.rules";
    let case = "tests/eval/shared_exception/exception-to-the-exception.json";
    let lines = |args: &[&str], marks: &[&str]| -> String {
        let r = redress(args, None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
            .lines()
            .filter(|l| marks.iter().any(|m| l.contains(m)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut out = String::new();
    for (lang, mark) in [("en", "as it applies to"), ("zh", "就规则")] {
        out.push_str(&format!("── {lang}: explain --verbose, untitled ──\n"));
        let explain = ["explain", book, case, "--verbose", "--lang", lang];
        out.push_str(&lines(&explain, &[mark]));
        out.push_str(&format!("\n── {lang}: eval --verbose, untitled ──\n"));
        let eval = ["eval", book, case, "--verbose", "--lang", lang];
        out.push_str(&lines(&eval, &[mark]));
        out.push_str(&format!("\n── {lang}: eval, titled ──\n"));
        let shipped = [
            "eval",
            "rulebooks/cn-online-shopping/cn-online-shopping.rules",
            "rulebooks/cn-online-shopping/cases/food-knowing-buyer-200-packs.json",
            "--lang",
            lang,
        ];
        out.push_str(&lines(&shipped, &[mark]));
        out.push('\n');
    }
    insta::assert_snapshot!(out);
}
