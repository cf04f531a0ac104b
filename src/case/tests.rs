//! The JSON case reader that validates while it reads gives what reading the
//! document tree first and walking it gives, on valid, invalid and broken
//! texts.

use super::{CaseFile, CaseReader, Format, json};
use crate::limits::Limits;
use crate::source::SourceFile;

const RULEBOOK: &str = r#"rulebook
  title en "Case fixture"
  jurisdiction "CN"
  version "1"
  effective 2024-01-01

law crpl
  title en "Consumer Rights and Interests Protection Law"

fact purchase.price: money
fact purchase.date: date
fact purchase.channel: one of online_platform, own_website, offline
fact consumer.deceived: yes/no
fact consumer.location: text
fact items.count: number
fact a.b.c: yes/no
fact problem.kinds: some of quality_defect, fraud, unsafe_food

remedy refund
  title en "Refund"
  category civil
  cite crpl article 24

rule refund_rule
  consumer.deceived and purchase.channel is online_platform and purchase.price > 0 yuan and purchase.date > 2020-01-01 and consumer.location = "Hangzhou" and items.count > 0 and a.b.c and problem.kinds includes fraud => refund
  cite crpl article 24
"#;

const TEXTS: &[&str] = &[
    r#"{"purchase": {"price": "120.00", "date": "2024-05-01", "channel": "online_platform"}, "consumer": {"deceived": true, "location": "Hangzhou"}, "items": {"count": 3}, "a": {"b": {"c": false}}}"#,
    r#"{"purchase.price": 120.5, "purchase.date": "2024-02-30", "purchase.channel": "onlin_platform", "consumer.deceived": "yes", "items.count": "1e3", "a.b": {"c": null}}"#,
    r#"{"purchase": {"price": "¥12 yuan", "price": 3}, "purchase": 4, "consumer": [1, {"x": [true, null]}], "zzz": {"q": 1}, "consumer.decieved": true}"#,
    r#"{"items": {"count": "\u0031\u0032"}, "consumer": {"location": "杭\"州\\/\n", "deceived": "no"}, "a": {"b": 7}, "a": {"b": {"c": "x"}}}"#,
    r#" ﻿ {"\u0061": {"b": {"c": true}}, "items.count": 99999999999999999999999999999999, "purchase.price": -1e2, "purchase.date": 20240501}"#,
    "\u{feff}{\"consumer\": {\"location\": \"\\ud83d\\ude00\", \"deceived\": tru}}",
    r#"[{"a": 1}]"#,
    r#""just a text""#,
    r#"{"a": {"b": {"c": [[[[[]]]]]}}, "x": {"y": {"z": [{"w": [1, 2, {"v": "\t"}]}]}}} "#,
    "{\"consumer\": {\"location\": \"a\u{1}b\"}}",
    "{\"k\": \"\\ud800\", \"j\": \"\\q\"}",
    r#"{"problem": {"kinds": ["fraud", "quality_defect"]}, "items.count": 2}"#,
    r#"{"problem": {"kinds": ["fraud", "fruad", "fraud", 3, [1, [2]], null, {"a": []}]}, "problem.kinds": []}"#,
    r#"{"problem.kinds": "fraud", "problem": {"kinds": []}}"#,
    r#"{"problem": {"kinds": [ ] , "kinds": ["unsafe_food"]}}"#,
];

fn texts() -> Vec<String> {
    let mut all: Vec<String> = TEXTS.iter().map(|t| (*t).to_string()).collect();
    for text in TEXTS {
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (n, &i) in bounds.iter().enumerate() {
            // every prefix and every text with one character cut out
            all.push(text.get(..i).unwrap_or("").to_string());
            if let (Some(head), Some(tail)) = (
                text.get(..i),
                bounds.get(n + 1).and_then(|&j| text.get(j..)),
            ) {
                all.push(format!("{head}{tail}"));
                for insert in ["{", "}", "[", "]", ",", ":", "\"", "\\", "1", " "] {
                    all.push(format!("{head}{insert}{tail}"));
                }
            }
        }
    }
    all
}

#[test]
fn reading_while_validating_gives_what_the_tree_walk_gives() {
    let rules = SourceFile::new("fixture.rules", RULEBOOK);
    let (graph, diagnostics) = crate::compile(&rules);
    let graph = graph.unwrap_or_else(|| panic!("{diagnostics:?}"));
    for case_depth in [Limits::DEFAULT.case_depth, 0, 1, 2, 3] {
        let limits = Limits {
            case_depth,
            ..Limits::DEFAULT
        };
        let reader = CaseReader::new(graph.model(), limits);
        for text in texts() {
            let file = SourceFile::new("case.json", text.as_str());
            let streamed = reader.read(&file, Format::Json);
            let (case, diagnostics, _) =
                reader.read_with(CaseFile::Shared(&file), Format::Json, &|text, v| {
                    json::parse_with_depth(text, limits.case_depth)
                        .map(|doc| v.top(&doc))
                        .map_err(|e| (e.message, e.span))
                });
            let walked = (case, diagnostics);
            assert_eq!(format!("{streamed:?}"), format!("{walked:?}"), "{text}");
            let lazy = reader.read_str(&text, &|| "case.json".to_string(), Format::Json);
            assert_eq!(format!("{lazy:?}"), format!("{walked:?}"), "{text}");
        }
    }
}

/// Amounts with their currency: the fact's is read, another one or an
/// unknown code is a case_type error that names it.
#[test]
fn amounts_name_their_currency() {
    let rulebook = "rulebook\n  title \"C\"\n  jurisdiction \"EU\"\n  version \"1\"\n  effective 2024-01-01\n  currency EUR\n\nfact paid: money\nfact charged: money CNY\n\nremedy r\n  title \"R\"\n  category civil\n  cite \"art. 1\"\n\nrule x\n  paid > €0 and charged > 0 yuan => r\n  cite \"art. 1\"\n";
    let file = SourceFile::new("c.rules", rulebook);
    let (graph, diagnostics) = crate::compile(&file);
    let graph = graph.unwrap_or_else(|| panic!("{diagnostics:?}"));
    let model = graph.model();
    let read = |json: &str| {
        let file = SourceFile::new("case.json", json);
        let (case, diagnostics) = super::parse_case(model, &file, Format::Json);
        let messages: Vec<String> = diagnostics.iter().map(|d| d.message.clone()).collect();
        (case, messages)
    };
    for ok in [
        r#"{"paid": "40", "charged": 300}"#,
        r#"{"paid": "40.00 EUR", "charged": "300 CNY"}"#,
        r#"{"paid": "€40", "charged": "¥300"}"#,
        r#"{"paid": "40 €", "charged": "300 yuan"}"#,
        r#"{"paid": "40€", "charged": "300元"}"#,
    ] {
        let (case, messages) = read(ok);
        assert!(case.is_some() && messages.is_empty(), "{ok}: {messages:?}");
    }
    let (_, messages) = read(r#"{"paid": "40 yuan", "charged": "€300"}"#);
    assert_eq!(
        messages,
        [
            "`paid` is an amount in EUR, but the case gives one in CNY: the text \"40 yuan\"",
            "`charged` is an amount in CNY, but the case gives one in EUR: the text \"€300\"",
        ]
    );
    let (_, messages) = read(r#"{"paid": "40 eur", "charged": "300 XYZ"}"#);
    assert_eq!(
        messages,
        [
            "`paid`: `40 eur` is not an amount of money as written: write the currency code in capitals, `EUR`",
            "`charged`: `300 XYZ` is not an amount of money: `XYZ` is not an active ISO 4217 currency code",
        ]
    );
}
