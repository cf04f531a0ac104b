//! The advice text in the reader's language (issue 15): the message
//! catalogues agree with each other and with the code, Chinese output has no
//! English framing words, an unknown language is a usage error, and lines
//! wrap to the width of a terminal.

use std::collections::BTreeMap;
use std::process::Command;

use redress::model::Model;
use redress::outcome::Outcome;
use redress::report::i18n::{self, Words, columns};
use redress::report::text::render_outcome;

use crate::eval::case_of;
use crate::root;
use crate::support::redress;

/// The advice text of a case as `redress eval` prints it (amounts and
/// deadlines with their computation), in English, then in Chinese.
pub fn computed_in_both_languages(
    graph: &redress::graph::DecisionGraph,
    case: &redress::case::Case,
    outcome: &Outcome,
    name: &str,
) -> String {
    let text = |lang: &str| {
        let options = redress::report::text::TextOptions {
            lang,
            verbose: false,
            width: None,
        };
        let computations =
            redress::report::explain::computations(graph, case, &Default::default(), lang, false);
        redress::report::text::render_outcome_computed(
            outcome,
            graph.model(),
            name,
            &options,
            &computations,
        )
    };
    format!("── en ──\n{}\n── zh ──\n{}", text("en"), text("zh"))
}

/// The advice text in English, then in Chinese, for snapshots.
pub fn in_both_languages(outcome: &Outcome, model: &Model, case: &str) -> String {
    let en = render_outcome(outcome, model, case, "en");
    let zh = render_outcome(outcome, model, case, "zh");
    format!("── en ──\n{en}\n── zh ──\n{zh}")
}

/// Each message id of a catalogue with the variables it uses, in all its
/// lines: a message ends at the next line that starts an entry (an
/// identifier or `-term`) or a comment, or at the end of the file.
fn messages(lang: &str) -> BTreeMap<String, Vec<String>> {
    let path = root().join(format!("locales/{lang}.ftl"));
    let text = std::fs::read_to_string(&path).unwrap();
    messages_in(lang, &text)
}

/// [`messages`] of a catalogue's text.
fn messages_in(lang: &str, text: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let is_message = line
            .split_once(" =")
            .filter(|(id, _)| {
                !id.is_empty()
                    && id.starts_with(|c: char| c.is_ascii_lowercase())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .map(|(id, _)| id.to_string());
        if let Some(id) = is_message {
            assert!(!out.contains_key(&id), "{lang}.ftl gives `{id}` twice");
            out.insert(id.clone(), Vec::new());
            current = Some(id);
        } else if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '#') {
            // the next entry (a message, a term) or a comment ends the
            // message; its continuation lines are indented, and a blank
            // line inside it does not end it
            current = None;
        }
        if let Some(id) = &current {
            let vars = out.get_mut(id).unwrap();
            for (i, _) in line.match_indices('$') {
                let name: String = line[i + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !vars.contains(&name) {
                    vars.push(name);
                }
            }
            vars.sort();
        }
    }
    out
}

/// The reader follows a message over its lines: a select's closing `}` at
/// the start of a line and a blank line do not end it (`diff-never-made`
/// has a variable after such a `}`); the next entry or a comment does.
#[test]
fn the_catalogue_reader_reads_every_line_of_a_message() {
    let text = "# a comment\n\
one = { $version ->\n    [old] old\n   *[new] new\n} and { $missing ->\n   *[x] y\n}\n\
two = first line\n\n    after a blank line { $later }\n\
## a section\n\
three = { $only }\n\
-term = { $not-a-message }\n    { $neither }\n";
    let read = messages_in("test", text);
    let vars = |id: &str| read.get(id).unwrap().join(" ");
    assert_eq!(vars("one"), "missing version");
    assert_eq!(vars("two"), "later");
    assert_eq!(vars("three"), "only");
    assert_eq!(read.len(), 3, "{read:?}");
}

/// The message ids the code asks for: `say("id"`, `get("id"`, `text("id"`
/// with a literal id, in the files that print advice.
fn ids_in_code() -> Vec<String> {
    let mut ids = Vec::new();
    for file in [
        "src/report/text.rs",
        "src/cli/facts.rs",
        "src/report/explain.rs",
        "src/lsp/hover.rs",
        "src/lsp/complete.rs",
        "src/lsp/features.rs",
        "src/diff/render.rs",
        "src/cli/mod.rs",
        "src/cli/words.rs",
        "src/cli/help.rs",
        "src/cli/values.rs",
        "src/cli/files.rs",
    ] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        for call in ["say(\"", "get(\"", "text(\""] {
            for (i, _) in text.match_indices(call) {
                let id: String = text[i + call.len()..]
                    .chars()
                    .take_while(|c| *c != '"')
                    .collect();
                if id.contains('-') || id.chars().all(|c| c.is_ascii_lowercase()) {
                    ids.push(id);
                }
            }
        }
    }
    // asked for by a computed id: `category-{category}`
    ids.extend(
        [
            "category-civil",
            "category-administrative",
            "category-criminal",
        ]
        .map(String::from),
    );
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_variables() {
    assert_eq!(i18n::catalogue_errors(), &[] as &[String]);
    let en = messages("en");
    let zh = messages("zh");
    assert!(en.len() > 40, "{en:?}");
    let en_ids: Vec<&String> = en.keys().collect();
    let zh_ids: Vec<&String> = zh.keys().collect();
    assert_eq!(en_ids, zh_ids, "the two catalogues have different messages");
    for (id, vars) in &en {
        assert_eq!(
            Some(vars),
            zh.get(id),
            "`{id}` uses other variables in zh.ftl"
        );
    }
    let ids = ids_in_code();
    assert!(ids.len() > 30, "{ids:?}");
    for id in &ids {
        assert!(
            en.contains_key(id),
            "the code asks for `{id}`, which en.ftl lacks"
        );
        // found, not fallen back to its id
        assert_ne!(Words::new("zh").get(id, &[]), *id);
    }
}

#[test]
fn plurals_follow_each_language() {
    let en = Words::new("en");
    assert_eq!(
        en.get("remedies-apply", &[("count", 1.into())]),
        "1 remedy applies:"
    );
    assert_eq!(
        en.get("remedies-apply", &[("count", 3.into())]),
        "3 remedies apply:"
    );
    let zh = Words::new("zh");
    assert_eq!(
        zh.get("remedies-apply", &[("count", 1.into())]),
        "适用的救济途径（1 项）："
    );
    // no bidi isolation marks around variables
    assert!(
        !zh.get("remedies-apply", &[("count", 3.into())])
            .contains('\u{2068}')
    );
}

/// Words an English reader would see in the framing of the advice text.
const ENGLISH_FRAMING: &[&str] = &[
    "remedy",
    "remedies",
    "apply",
    "applies",
    "because",
    "needs",
    "amount",
    "deadline",
    "source",
    "yuan",
    "yes",
    "no",
    "Civil",
    "Administrative",
    "Criminal",
    "unknown",
    "Case",
    "version",
    "effective",
    "Warning",
    "passed",
    "open",
    "undetermined",
    "Questions",
    "rule",
    "exceptions",
    "exception",
    "art",
    "arts",
    "settles",
    "Errors",
    "Set",
    "aside",
    "overridden",
    "none",
    "up",
    "to",
    "as",
    "of",
    "Still",
    "missing",
    "facts",
];

/// The `--lang zh` text of every shipped case of cn-online-shopping has none
/// of the English framing words, once the texts the rulebook gives (its
/// quoted strings, some only in English) are taken out.
#[test]
fn chinese_output_has_no_english_framing_words() {
    let dir = root().join("rulebooks/cn-online-shopping");
    let rulebook = std::fs::read_to_string(dir.join("cn-online-shopping.rules")).unwrap();
    let mut given: Vec<&str> = rulebook
        .lines()
        .flat_map(|l| l.split('"').skip(1).step_by(2))
        .filter(|s| !s.is_empty())
        .collect();
    // longest first, so that a text inside another goes with it
    given.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut checked = 0;
    for entry in std::fs::read_dir(dir.join("cases")).unwrap().flatten() {
        let path = entry.path();
        if !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("json" | "toml")
        ) {
            continue;
        }
        let (graph, case) = case_of(&path);
        let outcome = redress::eval::evaluate(&graph, &case, &Default::default());
        let mut text = render_outcome(&outcome, graph.model(), "the case", "zh");
        for s in &given {
            text = text.replace(s, " ");
        }
        // names (`seven_day_return`, `goods.received_date`) stay whole
        for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.')) {
            let word = word.trim_matches('.');
            assert!(
                !ENGLISH_FRAMING.contains(&word),
                "{}: `{word}` in\n{text}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked > 10);
}

const SHOPPING: &str = "rulebooks/cn-online-shopping/cn-online-shopping.rules";
const SHOPPING_CASE: &str = "rulebooks/cn-online-shopping/cases/arbitration-agreement-unknown.json";

#[test]
fn an_unknown_language_is_a_usage_error_listing_the_languages() {
    let r = redress(&["eval", "--lang", "fr", SHOPPING, SHOPPING_CASE], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("`fr`") && r.stderr.contains("en, zh"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
    let r = redress(&["facts", "--lang", "fr", SHOPPING], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// The rulebook's first language is the default (cn-online-shopping lists
/// `zh, en`); `--lang en` picks English; `--verbose` adds the names.
#[test]
fn the_rulebooks_first_language_is_the_default() {
    let r = redress(&["eval", SHOPPING, SHOPPING_CASE], None);
    assert!(r.stdout.contains("适用的救济途径"), "{}", r.stdout);
    let r = redress(&["eval", "--lang", "en", SHOPPING, SHOPPING_CASE], None);
    assert!(r.stdout.contains("remedies apply"), "{}", r.stdout);
    let r = redress(&["eval", "--verbose", SHOPPING, SHOPPING_CASE], None);
    assert!(r.stdout.contains(" (purchase.channel) = "), "{}", r.stdout);
    // piped: no wrapping
    assert!(r.stdout.lines().any(|l| columns(l) > 200));
    // values by their labels, and with their names too in verbose output
    let (labels, case) = (
        "tests/eval/value_labels/value_labels.rules",
        "tests/eval/value_labels/online-fraud.json",
    );
    let r = redress(&["eval", labels, case], None);
    assert!(
        // a rule without a title: only the facts it decided on
        r.stdout
            .contains("理由：购买渠道 = 电商平台，商品完好 = 是\n"),
        "{}",
        r.stdout
    );
    let r = redress(&["eval", "--verbose", labels, case], None);
    let verbose =
        "购买渠道 (purchase.channel) = 电商平台 (online_platform)，商品完好 (goods.intact) = 是";
    assert!(r.stdout.contains(verbose), "{}", r.stdout);
}

/// `redress facts` speaks the same language: its heading from the catalogue,
/// the values' labels under each fact.
#[test]
fn facts_lists_value_labels_in_the_chosen_language() {
    let r = redress(&["facts", "rulebooks/example/example.rules"], None);
    assert!(r.stdout.contains("\n由以上事实推出：\n"), "{}", r.stdout);
    let r = redress(
        &["facts", "--lang", "en", "rulebooks/example/example.rules"],
        None,
    );
    assert!(
        r.stdout.contains("\nWorked out from the facts above:\n"),
        "{}",
        r.stdout
    );
    let labels = "tests/eval/value_labels/value_labels.rules";
    let r = redress(&["facts", labels], None);
    assert!(
        r.stdout.contains("    online_platform: 电商平台\n"),
        "{}",
        r.stdout
    );
    let r = redress(&["facts", "--lang", "en", labels], None);
    assert!(
        r.stdout.contains("    online_platform: online platform\n"),
        "{}",
        r.stdout
    );
    // a value with no English label: its label in the first language
    assert!(r.stdout.contains("    shop: 实体店\n"), "{}", r.stdout);
}

/// Through a pseudo-terminal, as a person runs it: lines wrap to the
/// terminal's width, CJK characters counted as two columns.
#[test]
fn lines_wrap_to_the_width_of_a_terminal() {
    let has_script = Command::new("script").arg("--version").output().is_ok();
    if !has_script {
        eprintln!("skipped: no `script` (util-linux) to run redress in a pseudo-terminal");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_redress");
    // from the rulebook's folder, so that the case's path fits in a line
    let (rulebook, case) = (
        "cn-online-shopping.rules",
        "cases/arbitration-agreement-unknown.json",
    );
    for (lang, width) in [("zh", 60), ("en", 72)] {
        let command =
            format!("stty cols {width} rows 50; {bin} eval --lang {lang} {rulebook} {case}");
        let out = Command::new("script")
            .env("LC_ALL", "C")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(root().join("rulebooks/cn-online-shopping"))
            .env_remove("COLUMNS")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
        assert!(text.lines().count() > 40, "{text}");
        for line in text.lines() {
            assert!(
                columns(line) <= width,
                "{lang}: wider than {width}: {line:?}\n{text}"
            );
        }
        // the same words as the unwrapped text
        let piped = redress(&["eval", "--lang", lang, SHOPPING, SHOPPING_CASE], None).stdout;
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(
            squeeze(&text),
            squeeze(&piped).replace("rulebooks/cn-online-shopping/", "")
        );
    }
}
