//! `redress diff`: fixture pairs `tests/diff/<name>/old.rules` and
//! `new.rules` with a corpus in `cases/`; the text and Markdown reports are
//! snapshotted, and the library's findings checked case by case.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use redress::case::{Format, parse_case};
use redress::diff::{self, Options, Report};
use redress::eval::{Options as EvalOptions, evaluate};
use redress::graph::DecisionGraph;
use redress::source::SourceFile;

use crate::{relative, render, root, source};

fn compile(path: &Path) -> DecisionGraph {
    let (graph, diagnostics) = redress::compile(&source(path));
    graph.unwrap_or_else(|| panic!("{}", render(&diagnostics)))
}

fn corpus(dir: &Path) -> Vec<Arc<SourceFile>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir.join("cases"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths.iter().map(|p| source(p)).collect()
}

fn report(name: &str) -> (DecisionGraph, DecisionGraph, Report) {
    let dir = root().join("tests/diff").join(name);
    let old = compile(&dir.join("old.rules"));
    let new = compile(&dir.join("new.rules"));
    let report = diff::diff(&old, &new, &corpus(&dir), &Options::default());
    (old, new, report)
}

fn redress(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_redress"))
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn reports() {
    insta::glob!("diff/*/old.rules", |path| {
        let dir = relative(path.parent().unwrap());
        let old = format!("{dir}/old.rules");
        let new = format!("{dir}/new.rules");
        let name = crate::snapshot_name(path.parent().unwrap(), "tests/diff");
        for format in ["text", "markdown"] {
            let (code, stdout, stderr) = redress(&["diff", &old, &new, "--format", format], root());
            assert_eq!(code, 0, "{stderr}");
            insta::with_settings!({ snapshot_suffix => format!("{name}.{format}") }, {
                insta::assert_snapshot!(stdout);
            });
        }
        let (code, stdout, _) = redress(&["diff", &old, &new, "--format", "json"], root());
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert!(v["behaviour_changed"].is_boolean());
    });
}

/// The text and Markdown reports in Chinese (`--lang zh`), and English
/// with `--lang en`, byte for byte as without it; JSON, for programs, the
/// same in both languages.
#[test]
fn reports_in_chinese() {
    insta::glob!("diff/*/old.rules", |path| {
        let dir = relative(path.parent().unwrap());
        let old = format!("{dir}/old.rules");
        let new = format!("{dir}/new.rules");
        let name = crate::snapshot_name(path.parent().unwrap(), "tests/diff");
        for format in ["text", "markdown"] {
            let args = ["diff", &old, &new, "--format", format];
            let (code, stdout, stderr) = redress(&[&args[..], &["--lang", "zh"]].concat(), root());
            assert_eq!(code, 0, "{stderr}");
            insta::with_settings!({ snapshot_suffix => format!("{name}.{format}.zh") }, {
                insta::assert_snapshot!(stdout);
            });
            let (_, english, _) = redress(&args, root());
            let (_, asked, _) = redress(&[&args[..], &["--lang", "en"]].concat(), root());
            assert_eq!(english, asked);
        }
        let json = ["diff", &old, &new, "--format", "json"];
        let (_, en, _) = redress(&json, root());
        let (_, zh, _) = redress(&[&json[..], &["--lang", "zh"]].concat(), root());
        assert_eq!(en, zh, "JSON is for programs: one language");
    });
}

/// Without `--lang`, the locale decides: `LC_ALL=zh_CN.UTF-8` gives the
/// report in Chinese.
#[test]
fn the_locale_chooses_chinese() {
    let dir = "tests/diff/threshold";
    let out = Command::new(env!("CARGO_BIN_EXE_redress"))
        .env("LC_ALL", "zh_CN.UTF-8")
        .args([
            "diff",
            &format!("{dir}/old.rules"),
            &format!("{dir}/new.rules"),
        ])
        .current_dir(root())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout.contains("行为已改变：搜索发现了 2 种案件库未体现的变化。"),
        "{stdout}"
    );
    assert!(stdout.contains("结构：2 个条目改变"), "{stdout}");
    assert!(!stdout.contains("Behaviour changed"), "{stdout}");
}

/// Evaluate a case file text under a version: the remedies given.
fn given(graph: &DecisionGraph, json: &str) -> Vec<String> {
    let file = SourceFile::new("found.json", json);
    let (case, diagnostics) = parse_case(graph.model(), &file, Format::Json);
    let case = case.unwrap_or_else(|| panic!("{}", render(&diagnostics)));
    evaluate(graph, &case, &EvalOptions::default())
        .remedies
        .iter()
        .map(|r| r.id.to_string())
        .collect()
}

#[test]
fn search_finds_a_moved_threshold_no_corpus_case_shows() {
    let (old, new, report) = report("threshold");
    assert!(
        report.replay.changed.is_empty(),
        "the corpus shows no change"
    );
    assert!(report.behaviour_changed());
    assert!(
        report.search.exhaustive,
        "{:?}",
        report.search.not_exhaustive
    );
    let found = report
        .search
        .found
        .iter()
        .find(|f| f.changes.iter().any(|c| c.kind() == "added"))
        .expect("a case that now gets the quick refund");
    assert!(!found.in_corpus);
    // the case file as reported reproduces the change when run
    assert!(!given(&old, &found.case_json).contains(&"quick_refund".to_string()));
    assert!(given(&new, &found.case_json).contains(&"quick_refund".to_string()));
    // the price is in the moved window
    let v: serde_json::Value = serde_json::from_str(&found.case_json).unwrap();
    let price: f64 = v["purchase"]["price"].as_str().unwrap().parse().unwrap();
    assert!((500.0..600.0).contains(&price), "{price}");
}

/// A threshold inside `if … then … else …` of an amount moves (500 → 600
/// yuan) and an amount becomes a ceiling: the structure shows both, and the
/// search varies the price around both thresholds to find the moved window.
#[test]
fn search_finds_a_moved_if_threshold_and_a_new_ceiling() {
    let (old, new, report) = report("conditional");
    let amounts: Vec<(&str, &str)> = report
        .structure
        .iter()
        .flat_map(|c| match &c.change {
            diff::Change::Changed(aspects) => aspects.as_slice(),
            _ => &[],
        })
        .filter(|a| a.what == "amount")
        .map(|a| (a.old.as_str(), a.new.as_str()))
        .collect();
    assert!(amounts.contains(&("2 * purchase.price", "up to 2 * purchase.price")));
    let moved = report
        .search
        .found
        .iter()
        .find(|f| {
            f.changes
                .iter()
                .any(|c| c.remedy == "punitive_damages" && c.kind() == "amount")
        })
        .expect("a price in the moved window");
    let v: serde_json::Value = serde_json::from_str(&moved.case_json).unwrap();
    let price: f64 = v["purchase"]["price"].as_str().unwrap().parse().unwrap();
    assert!(price > 500.0 && price <= 600.0, "{price}");
    assert!(given(&old, &moved.case_json).contains(&"punitive_damages".to_string()));
    assert!(given(&new, &moved.case_json).contains(&"punitive_damages".to_string()));
    let capped = report
        .search
        .found
        .iter()
        .flat_map(|f| f.changes.iter())
        .find(|c| c.remedy == "injury_damages")
        .expect("the new ceiling");
    assert_eq!(capped.kind(), "amount");
    assert!(
        capped.describe().contains("→ up to"),
        "{}",
        capped.describe()
    );
}

/// A rule added to the list of an exception to several rules is a change of
/// the exception (its list, compared once), and the search finds a case the
/// exception now sets aside under the added rule.
#[test]
fn a_rule_added_to_a_shared_exception_is_a_change() {
    let (old, new, report) = report("shared_exception");
    assert_eq!(report.structure.len(), 1, "{:?}", report.structure);
    let change = &report.structure[0];
    assert_eq!(change.name, "misuse");
    let diff::Change::Changed(aspects) = &change.change else {
        panic!("{change:?}")
    };
    assert_eq!(aspects.len(), 1);
    assert_eq!(aspects[0].what, "exception to");
    assert_eq!(aspects[0].old, "repair_in_warranty, replacement_in_15_days");
    assert_eq!(
        aspects[0].new,
        "repair_in_warranty, replacement_in_15_days, refund_in_7_days"
    );
    assert_eq!(report.search.changed_items, ["exception misuse"]);
    let found = report
        .search
        .found
        .iter()
        .find(|f| {
            f.changes
                .iter()
                .any(|c| c.remedy == "refund" && c.describe().starts_with("given → not given"))
        })
        .expect("a refund the exception now sets aside");
    assert!(given(&old, &found.case_json).contains(&"refund".to_string()));
    assert!(!given(&new, &found.case_json).contains(&"refund".to_string()));
}

#[test]
fn a_rewrite_that_keeps_behaviour_is_proved_unchanged() {
    let (_, _, report) = report("refactor");
    assert_eq!(report.structure.len(), 2);
    assert!(!report.behaviour_changed());
    assert!(
        report.search.exhaustive,
        "{:?}",
        report.search.not_exhaustive
    );
    let (code, stdout, _) = redress(
        &[
            "diff",
            "tests/diff/refactor/old.rules",
            "tests/diff/refactor/new.rules",
            "--fail-on-change",
        ],
        root(),
    );
    assert_eq!(code, 0);
    assert!(stdout.contains("No behavioural change: the search was exhaustive"));
}

#[test]
fn corpus_changes_and_relational_boundaries() {
    let (old, new, report) = report("deadline");
    let changed: Vec<&str> = report
        .replay
        .changed
        .iter()
        .map(|c| c.case.as_str())
        .collect();
    assert_eq!(
        changed,
        [
            "tests/diff/deadline/cases/fraud.json",
            "tests/diff/deadline/cases/online-day-5.json"
        ]
    );
    assert_eq!(report.replay.changed[0].changes[0].kind(), "amount");
    // the return period grew from 7 to 15 days: the search finds a day between
    let longer = report
        .search
        .found
        .iter()
        .find(|f| {
            f.changes
                .iter()
                .any(|c| c.remedy == "return_without_reason" && c.kind() == "added")
        })
        .expect("a return now allowed");
    assert!(given(&new, &longer.case_json).contains(&"return_without_reason".to_string()));
    assert!(!given(&old, &longer.case_json).contains(&"return_without_reason".to_string()));
    // dates compared with dates and a changed amount: not exhaustive, and said so
    assert!(!report.search.exhaustive);
    assert!(
        report
            .search
            .not_exhaustive
            .iter()
            .any(|w| w.english().contains("`fraud`"))
    );
    let (code, _, _) = redress(
        &[
            "diff",
            "tests/diff/deadline/old.rules",
            "tests/diff/deadline/new.rules",
            "--fail-on-change",
        ],
        root(),
    );
    assert_eq!(code, 1);
}

#[test]
fn identical_versions_have_no_change() {
    let old = compile(&root().join("tests/diff/threshold/old.rules"));
    let again = compile(&root().join("tests/diff/threshold/old.rules"));
    let report = diff::diff(&old, &again, &[], &Options::default());
    assert!(report.structure.is_empty());
    assert!(!report.behaviour_changed());
    assert!(report.search.exhaustive);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        redress(&["diff", "tests/diff/threshold/old.rules"], root()).0,
        2
    );
    assert_eq!(
        redress(&["diff", "--git", "HEAD", "a.rules", "b.rules"], root()).0,
        2
    );
    assert_eq!(
        redress(
            &[
                "diff",
                "tests/diff/threshold/old.rules",
                "tests/diff/threshold/new.rules",
                "--format",
                "sarif"
            ],
            root()
        )
        .0,
        2
    );
    let (_, stdout, _) = redress(&["diff", "--help"], root());
    assert!(stdout.contains("Examples:"));
}

#[test]
fn git_compares_a_revision_with_the_working_tree() {
    let dir = std::env::temp_dir().join(format!("redress-diff-git-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("book/cases")).unwrap();
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(&dir)
            .output()
            .unwrap()
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    let fixture = root().join("tests/diff/threshold");
    std::fs::copy(fixture.join("old.rules"), dir.join("book/book.rules")).unwrap();
    std::fs::copy(
        fixture.join("cases/cheap.json"),
        dir.join("book/cases/cheap.json"),
    )
    .unwrap();
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "old"]);
    std::fs::copy(fixture.join("new.rules"), dir.join("book/book.rules")).unwrap();

    let (code, stdout, stderr) = redress(&["diff", "--git", "HEAD", "book/book.rules"], &dir);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("redress diff HEAD:book/book.rules → book/book.rules"),
        "{stdout}"
    );
    assert!(stdout.contains("1 case replayed"), "{stdout}");
    assert!(
        stdout.contains("Quick refund (quick_refund): not given → given"),
        "{stdout}"
    );
    // without a path: every changed rulebook
    let (code, stdout, _) = redress(&["diff", "--git", "HEAD", "--fail-on-change"], &dir);
    assert_eq!(code, 1);
    assert!(stdout.contains("HEAD:book/book.rules"), "{stdout}");
    // not a revision: a usage error
    assert_eq!(
        redress(&["diff", "--git", "no-such-rev", "book/book.rules"], &dir).0,
        2
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Each threshold moved in `date_threshold` (a derived `days from`, dates a
/// month apart, a sum of two amounts, a derived deadline) is found by the
/// search with a case that, run, gets the remedy under one version only.
#[test]
fn thresholds_behind_date_arithmetic_and_sums_are_found() {
    let (old, new, report) = report("date_threshold");
    assert!(report.behaviour_changed());
    assert!(!report.undecided());
    for remedy in ["refund", "return_goods", "compensation", "complaint"] {
        let found = report
            .search
            .found
            .iter()
            .find(|f| f.changes.iter().any(|c| c.remedy == remedy))
            .unwrap_or_else(|| panic!("no case found for {remedy}"));
        let (o, n) = (given(&old, &found.case_json), given(&new, &found.case_json));
        let r = remedy.to_string();
        assert_ne!(
            o.contains(&r),
            n.contains(&r),
            "{remedy}: {}",
            found.case_json
        );
    }
    // the repair sent 16 to 30 days before the dispute: refunded only now
    let refund = report
        .search
        .found
        .iter()
        .find(|f| f.changes.iter().any(|c| c.remedy == "refund"))
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&refund.case_json).unwrap();
    let day = |s: &serde_json::Value| s.as_str().unwrap().parse::<jiff::civil::Date>().unwrap();
    let waited = day(&v["repair"]["sent_date"])
        .until(day(&v["dispute"]["date"]))
        .unwrap()
        .get_days();
    assert!((16..=30).contains(&waited), "{waited}");
}

/// A threshold on a product of two facts is not linear: the report leads
/// with "Undecided" and names it, and `--fail-on-undecided` fails on it.
#[test]
fn a_search_that_cannot_decide_says_so_first_and_can_fail() {
    let (_, _, report) = report("undecided");
    assert!(!report.behaviour_changed());
    assert!(report.undecided());
    assert_eq!(report.search.unreached.len(), 2);
    let args = [
        "diff",
        "tests/diff/undecided/old.rules",
        "tests/diff/undecided/new.rules",
    ];
    let (code, stdout, _) = redress(&args, root());
    assert_eq!(code, 0);
    let verdict = stdout.lines().nth(2).unwrap();
    assert!(
        verdict.starts_with("Undecided:")
            && verdict.contains("`unit.price * items.count > 5000.00 yuan`"),
        "{stdout}"
    );
    assert!(!stdout.contains("No behavioural change"), "{stdout}");
    let with = |extra: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(extra);
        redress(&all, root())
    };
    assert_eq!(with(&["--fail-on-change"]).0, 0);
    assert_eq!(with(&["--fail-on-change", "--fail-on-undecided"]).0, 1);
    // --fail-on-undecided only qualifies --fail-on-change
    assert_eq!(with(&["--fail-on-undecided"]).0, 2);
    let (_, json, _) = with(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["undecided"], true);
    assert_eq!(v["search"]["unreached"].as_array().unwrap().len(), 2);
    let (_, md, _) = with(&["--format", "markdown"]);
    assert!(md.contains("\nUndecided:"), "{md}");
    assert!(!md.contains("**Undecided"), "{md}");
}

/// `tests/diff/working_days`: a working-day threshold moved from 7 to 10.
/// The search counts on the calendar and finds a case between the two,
/// which no corpus case shows.
#[test]
fn search_finds_a_moved_working_day_threshold() {
    let (old, new, report) = report("working_days");
    assert!(
        report.replay.changed.is_empty(),
        "the corpus shows no change"
    );
    assert!(report.behaviour_changed());
    let found = report
        .search
        .found
        .iter()
        .find(|f| {
            f.changes
                .iter()
                .any(|c| c.remedy == "return_goods" && c.kind() == "added")
        })
        .expect("a return now allowed");
    assert!(given(&new, &found.case_json).contains(&"return_goods".to_string()));
    assert!(!given(&old, &found.case_json).contains(&"return_goods".to_string()));
    let v: serde_json::Value = serde_json::from_str(&found.case_json).unwrap();
    let date = |k: &str| -> jiff::civil::Date { v[k]["date"].as_str().unwrap().parse().unwrap() };
    let waited = redress::calendar::Calendar::CnMainland
        .working_days_between(date("delivery"), date("complaint"))
        .unwrap();
    assert!((8..=10).contains(&waited), "{waited}");
}
/// `includes any of` changed to `includes all of`: no corpus case holds
/// exactly one of the two values, and the search, which tries every subset
/// of the values the tests name, finds a case that does.
#[test]
fn search_finds_any_of_changed_to_all_of() {
    let (old, new, report) = report("sets");
    assert!(
        report.replay.changed.is_empty(),
        "the corpus shows no change"
    );
    assert!(report.behaviour_changed());
    assert!(
        report.search.exhaustive,
        "{:?}",
        report.search.not_exhaustive
    );
    let found = report
        .search
        .found
        .first()
        .expect("a case that loses punitive damages");
    let damages = "punitive_damages".to_string();
    assert!(given(&old, &found.case_json).contains(&damages));
    assert!(!given(&new, &found.case_json).contains(&damages));
    let v: serde_json::Value = serde_json::from_str(&found.case_json).unwrap();
    let kinds = v["problem"]["kinds"].as_array().unwrap();
    let deceptive = kinds
        .iter()
        .filter(|k| *k == "fraud" || *k == "false_advertising")
        .count();
    assert_eq!(deceptive, 1, "{kinds:?}");
}

/// The names two versions declare (facts and each part of a dotted name,
/// values, remedies and their parameters, rules, laws, derived facts,
/// languages, the currency), and every word of the texts written in
/// quotes in the rulebooks and the corpus (titles, labels, case values).
fn typed_words(dir: &Path) -> std::collections::BTreeSet<String> {
    let mut words = std::collections::BTreeSet::new();
    let mut add = |s: &str| {
        for w in s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            words.insert(w.to_string());
        }
    };
    let mut texts: Vec<String> = Vec::new();
    for version in ["old.rules", "new.rules"] {
        let graph = compile(&dir.join(version));
        let m = graph.model();
        for f in &m.facts {
            add(&f.name);
            match f.ty {
                redress::value::Type::OneOf(set) | redress::value::Type::Set(set) => {
                    m.one_of_values(set).iter().for_each(|v| add(v));
                }
                redress::value::Type::Money(c) => add(c.code()),
                _ => {}
            }
        }
        m.derived.iter().for_each(|d| add(&d.name));
        m.laws.iter().for_each(|l| add(&l.name));
        m.rules.iter().for_each(|r| add(&r.name));
        for r in &m.remedies {
            add(&r.id);
            r.params.iter().for_each(|(p, _)| add(p));
        }
        m.header.languages.iter().for_each(|l| add(l));
        add(m.header.currency.code());
        texts.push(std::fs::read_to_string(dir.join(version)).unwrap());
    }
    for case in corpus(dir) {
        // a case by its file's name
        add(case.name());
        texts.push(case.text().to_string());
    }
    for t in &texts {
        for quoted in t.split('"').skip(1).step_by(2) {
            add(quoted);
        }
    }
    words
}

/// The ASCII words of a report that are neither inside backticks or
/// quotes, nor a name or text the rulebooks and cases hold: the English
/// a Chinese reader would meet. The report's own case files (JSON, whose
/// values are quoted) and the paths of the files compared are data.
fn english_words(report: &str, allowed: &std::collections::BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    for line in report.lines() {
        // quoted values in the report (the case files it prints) are case data
        let mut outside = String::new();
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                for (j, piece) in part.split('"').enumerate() {
                    if j % 2 == 0 {
                        outside.push_str(piece);
                        outside.push(' ');
                    }
                }
            }
        }
        // HTML of Markdown's <details>, and the JSON fence
        let mut plain = String::new();
        let mut in_tag = false;
        for c in outside.replace("json", " ").chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => plain.push(c),
                _ => {}
            }
        }
        for w in plain.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            let english = w.chars().any(|c| c.is_ascii_alphabetic())
                && !allowed.contains(w)
                && !["true", "false", "null"].contains(&w);
            if english {
                found.push(format!("{w}  in: {line}"));
            }
        }
    }
    found
}

/// A `--lang zh` report (text and Markdown) of every fixture has no
/// English word: each ASCII word is inside backticks or quotes (rulebook
/// text as written, case values), or a name or text the rulebooks and
/// cases hold. The next English word put into a report fails here.
#[test]
fn a_chinese_report_has_no_english_word() {
    insta::glob!("diff/*/old.rules", |path| {
        let dir = path.parent().unwrap();
        let rel = relative(dir);
        let (old, new) = (format!("{rel}/old.rules"), format!("{rel}/new.rules"));
        let mut allowed = typed_words(dir);
        // the command and the paths of what it compared
        for p in [&old, &new] {
            for w in p.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                allowed.insert(w.to_string());
            }
        }
        allowed.extend(["redress", "diff", "cases", "json", "toml"].map(String::from));
        for format in ["text", "markdown"] {
            let args = ["diff", &old, &new, "--format", format, "--lang", "zh"];
            let (code, stdout, stderr) = redress(&args, root());
            assert_eq!(code, 0, "{stderr}");
            let english = english_words(&stdout, &allowed);
            assert!(
                english.is_empty(),
                "{rel} ({format}): English in the Chinese report:\n{}",
                english.join("\n")
            );
        }
    });
}

/// The scan above finds an English word: it is not vacuous.
#[test]
fn the_english_word_scan_finds_english() {
    let allowed = ["purchase", "price"]
        .map(String::from)
        .into_iter()
        .collect();
    let found = english_words(
        "  施行期间：always\n  条件：`purchase.price < 500 yuan` \"free text\"\n  purchase.price",
        &allowed,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("always"), "{found:?}");
}

/// diff's errors on standard error in the command line's language: a
/// missing file, a NEW rulebook with errors, a revision that is not one,
/// nothing changed since a revision, a folder outside any git repository.
/// Chinese with `--lang zh`, English without.
#[test]
fn errors_in_both_languages() {
    let threshold = "tests/diff/threshold/old.rules";
    let broken = "tests/diagnostics/type_mismatch.rules";
    let base = std::env::temp_dir().join(format!("redress-diff-errors-{}", std::process::id()));
    let (repo, bare) = (base.join("repo"), base.join("bare"));
    for dir in [&repo, &bare] {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::copy(root().join(threshold), dir.join("book.rules")).unwrap();
    }
    for args in [
        &["init", "-q"][..],
        &["add", "."],
        &["commit", "-q", "-m", "one"],
    ] {
        let ok = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(&repo)
            .output()
            .unwrap()
            .status
            .success();
        assert!(ok, "git {args:?}");
    }
    let cases: [(&[&str], &Path, &str, &str); 5] = [
        (
            &["diff", threshold, "no/such.rules"],
            root(),
            "error: cannot read `no/such.rules`: no such file or folder\n",
            "错误：无法读取 `no/such.rules`：没有这个文件或文件夹\n",
        ),
        (
            &["diff", threshold, broken],
            root(),
            "tests/diagnostics/type_mismatch.rules: the rulebook has errors; fix them before comparing\n",
            "tests/diagnostics/type_mismatch.rules：规则集有错误；请先修正再比较\n",
        ),
        (
            &["diff", "--git", "no-such-rev", "book.rules"],
            &repo,
            "error: `no-such-rev` is not a git revision (a commit, branch or tag)\n",
            "错误：`no-such-rev` 不是 git 版本（提交、分支或标签）\n",
        ),
        (
            &["diff", "--git", "HEAD"],
            &repo,
            "no rulebook changed\n",
            "没有规则集发生变化\n",
        ),
        (
            &["diff", "--git", "HEAD", "book.rules"],
            &bare,
            "error: not in a git repository: `--git` compares with a revision of the repository around the current folder\n",
            "错误：不在 git 仓库中：`--git` 比较的是当前文件夹所在仓库的某个版本\n",
        ),
    ];
    for (args, dir, en, zh) in cases {
        let (_, _, english) = redress(args, dir);
        assert!(english.ends_with(en), "{args:?}: {english}");
        let (_, _, chinese) = redress(&[args, &["--lang", "zh"]].concat(), dir);
        assert!(chinese.ends_with(zh), "{args:?}: {chinese}");
        assert!(!chinese.contains("error"), "{args:?}: {chinese}");
    }
    // without --lang the locale decides, as for the report
    let out = Command::new(env!("CARGO_BIN_EXE_redress"))
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(["diff", "--git", "no-such-rev", "book.rules"])
        .current_dir(&repo)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "错误：`no-such-rev` 不是 git 版本（提交、分支或标签）\n"
    );
    let _ = std::fs::remove_dir_all(&base);
}
