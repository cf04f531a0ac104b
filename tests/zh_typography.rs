//! One Chinese typography for everything redress prints: the mechanical rules
//! of `locales/zh.ftl`'s header, checked on the catalogue itself (its text,
//! with placeables and code left out) and on what a person reads (every
//! snapshot with Chinese text, with code, the rulebooks' own texts, JSON and
//! source listings left out).
//!
//! The rules, on Chinese running text outside backticks:
//! - no ASCII `:` `,` `;` `?` `!` next to a Chinese character or full-width
//!   punctuation, no ASCII `.` right after one, no ASCII parentheses after
//!   Chinese or around it, no `...` (a Chinese ellipsis is `……`);
//! - no space next to full-width punctuation (`，。：；？！（）「」《》、`),
//!   except indentation, column padding (two spaces or more) and the spaces
//!   around an arrow `→`;
//! - titles and typed values are quoted 「」: no “” ‘’ and no ASCII `"`
//!   next to Chinese;
//! - a message ends with `。` exactly when its English ends with `.`.

use std::collections::BTreeMap;

use fluent_syntax::ast;

use crate::root;

/// Full-width punctuation a space must not touch.
const FULL_WIDTH: &str = "，。：；？！（）「」『』《》〈〉、【】〔〕";

/// Stands for what the rules do not read: a placeable, a span of code, a
/// text the rulebook's author wrote.
const OPAQUE: char = '\u{E000}';

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

fn is_full_width(c: char) -> bool {
    FULL_WIDTH.contains(c)
}

fn is_chinese(c: char) -> bool {
    is_cjk(c) || is_full_width(c)
}

/// `text` with each span in backticks replaced by [`OPAQUE`].
fn without_code(text: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for c in text.chars() {
        if c == '`' {
            if !in_code {
                out.push(OPAQUE);
            }
            in_code = !in_code;
        } else if !in_code {
            out.push(c);
        }
    }
    out
}

/// `line` with each ASCII-quoted literal without Chinese in it replaced by
/// [`OPAQUE`].
fn without_literals(line: &str) -> String {
    let parts: Vec<&str> = line.split('"').collect();
    if parts.len() < 3 {
        return line.to_string();
    }
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let literal = i % 2 == 1 && i + 1 < parts.len() && !part.chars().any(is_chinese);
        if literal {
            out.push(OPAQUE);
        } else {
            if i % 2 == 1 {
                out.push('"');
            }
            out.push_str(part);
            if i % 2 == 1 && i + 1 < parts.len() {
                out.push('"');
            }
        }
    }
    out
}

/// What is wrong with one line of Chinese text (code already left out).
fn problems(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    // indentation and a list's marker (`- `, `1. `) are layout
    let mut indent = chars.iter().take_while(|c| **c == ' ').count();
    let digits = chars[indent..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let marker = match chars.get(indent..indent + digits + 2) {
        Some(['-' | '*', ' ', ..]) if digits == 0 => 2,
        Some([.., '.', ' ']) if digits > 0 => digits + 2,
        _ => 0,
    };
    indent += marker;
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        let near_chinese = before.is_some_and(is_chinese) || after.is_some_and(is_chinese);
        let at = || {
            chars
                .iter()
                .skip(i.saturating_sub(8))
                .take(17)
                .collect::<String>()
        };
        match c {
            ':' | ',' | ';' | '?' | '!' if near_chinese => {
                found.push(format!("ASCII `{c}` next to Chinese: …{}…", at()));
            }
            '.' if before.is_some_and(is_cjk) && after != Some('.') => {
                found.push(format!("ASCII `.` after Chinese: …{}…", at()));
            }
            '(' => {
                let inside: String = chars[i + 1..].iter().take_while(|c| **c != ')').collect();
                if before.is_some_and(is_chinese) || inside.chars().any(is_chinese) {
                    found.push(format!("ASCII parentheses in Chinese text: …{}…", at()));
                }
            }
            '.' if after == Some('.')
                && chars.get(i + 2) == Some(&'.')
                && !matches!(before, Some('>' | ']' | '.')) =>
            {
                found.push(format!("`...` in Chinese text: …{}…", at()));
            }
            '“' | '”' | '‘' | '’' => {
                found.push(format!("{c} quotes, not 「」: …{}…", at()));
            }
            '"' if near_chinese => {
                found.push(format!("ASCII `\"` next to Chinese, not 「」: …{}…", at()));
            }
            ' ' if i >= indent => {
                let padding = before == Some(' ') || after == Some(' ');
                // a symbol set off by spaces: `城市（city） = 未知`, `→`, a
                // Markdown table's `|`, a list's `-`
                let symbol = |c: Option<char>| c.is_some_and(|c| "=→|<>+-*/≤≥≠".contains(c));
                let touches = before.is_some_and(is_full_width) || after.is_some_and(is_full_width);
                if touches && !padding && !symbol(before) && !symbol(after) && after.is_some() {
                    found.push(format!(
                        "a space next to full-width punctuation: …{}…",
                        at()
                    ));
                }
            }
            _ => {}
        }
    }
    found
}

/// Every way a pattern can read, placeables as [`OPAQUE`], each variant of a
/// select once.
fn readings(pattern: &ast::Pattern<&str>) -> Vec<String> {
    let mut out = vec![String::new()];
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                for r in &mut out {
                    r.push_str(value);
                }
            }
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    let value = value.replace("\\u0020", " ");
                    for r in &mut out {
                        r.push_str(&value);
                    }
                }
                ast::Expression::Inline(_) => {
                    for r in &mut out {
                        r.push(OPAQUE);
                    }
                }
                ast::Expression::Select { variants, .. } => {
                    let mut next = Vec::new();
                    for r in &out {
                        for v in variants {
                            for tail in readings(&v.value) {
                                next.push(format!("{r}{tail}"));
                            }
                        }
                    }
                    out = next;
                }
            },
        }
    }
    out
}

/// A catalogue's messages and attributes: id → its readings.
fn catalogue(lang: &str) -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(root().join(format!("locales/{lang}.ftl"))).unwrap();
    let resource =
        fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|(_, e)| panic!("{e:?}"));
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            if let Some(value) = &m.value {
                out.insert(m.id.name.to_string(), readings(value));
            }
            for a in &m.attributes {
                out.insert(format!("{}.{}", m.id.name, a.id.name), readings(&a.value));
            }
        }
    }
    out
}

/// Messages whose Chinese may break a rule, and why.
const CATALOGUE_ALLOWED: &[(&str, &str)] = &[];

#[test]
fn the_chinese_catalogue_follows_one_typography() {
    let zh = catalogue("zh");
    let en = catalogue("en");
    assert!(zh.len() > 1000, "{}", zh.len());
    let mut wrong = Vec::new();
    for (id, readings) in &zh {
        if CATALOGUE_ALLOWED.iter().any(|(a, _)| a == id) {
            continue;
        }
        for reading in readings {
            for line in without_code(reading).lines() {
                for p in problems(line) {
                    wrong.push(format!("{id}: {p}"));
                }
            }
        }
        // a full stop in one language is a full stop in the other
        let ends = |r: &String, stop: &str| r.trim_end().ends_with(stop);
        let zh_stop = readings.iter().any(|r| ends(r, "。"));
        let en_stop = en
            .get(id)
            .is_some_and(|rs| rs.iter().any(|r| ends(r, ".") && !ends(r, "..")));
        if zh_stop != en_stop {
            wrong.push(format!(
                "{id}: ends with a full stop in {} only",
                if zh_stop { "Chinese" } else { "English" }
            ));
        }
    }
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "{} problems:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The texts the rulebooks' authors wrote (titles, questions, labels, free
/// citations): string literals with Chinese in every `.rules` file. A
/// snapshot check leaves them out: their typography is the author's.
fn authors_texts() -> Vec<String> {
    let mut texts = Vec::new();
    for dir in ["rulebooks", "tests", "examples", "editors/playground"] {
        collect_texts(&root().join(dir), &mut texts);
    }
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    texts.dedup();
    texts
}

fn collect_texts(dir: &std::path::Path, texts: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "node_modules" && name != "snapshots" && !name.starts_with('.') {
                collect_texts(&path, texts);
            }
        } else if name.ends_with(".rules") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for (i, literal) in text.split('"').enumerate() {
                // Chinese texts, and English ones long enough not to be a
                // word of the framing (`Is B true?`)
                if i % 2 == 1 && (literal.chars().any(is_cjk) || literal.len() >= 8) {
                    texts.push(literal.to_string());
                }
            }
        }
    }
}

/// Snapshots that are not text for a person: source code as formatted or
/// drawn, by the expression insta records.
const NOT_PROSE: &[&str] = &["formatted", "mermaid"];

/// Snapshots that are not text for a person, by name: `fmt --check`'s
/// unified diff of a rulebook's source (its context lines are source too).
const NOT_PROSE_FILES: &[&str] = &[
    "main__command_words__fmt_check_en.snap",
    "main__command_words__fmt_check_zh.snap",
];

/// The lines of a snapshot a person reads as Chinese text.
fn prose(snapshot: &str) -> Option<Vec<String>> {
    let mut parts = snapshot.splitn(3, "---\n");
    let (_, header, body) = (parts.next()?, parts.next()?, parts.next()?);
    let expression = header
        .lines()
        .find_map(|l| l.strip_prefix("expression: "))
        .unwrap_or("");
    let first = body.trim_start();
    let yaml_or_json = first.starts_with(['{', '[', '"'])
        || first
            .split_once(':')
            .is_some_and(|(key, _)| key.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
    if NOT_PROSE.contains(&expression) || yaml_or_json || !body.chars().any(is_cjk) {
        return None;
    }
    let mut lines = Vec::new();
    let mut in_fence = false;
    for line in body.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        // a source listing: `12 │ fact …` (miette), a `+`/`-` line of a diff
        let source = line
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start()
            .starts_with(['│', '┆']);
        if in_fence || source || line.starts_with(['+', '-']) && !line.starts_with("- ") {
            continue;
        }
        lines.push(line.to_string());
    }
    Some(lines)
}

#[test]
fn what_a_person_reads_in_chinese_follows_the_same_typography() {
    let texts = authors_texts();
    assert!(texts.len() > 50, "{}", texts.len());
    let mut wrong = Vec::new();
    let mut read = 0;
    let mut paths: Vec<_> = std::fs::read_dir(root().join("tests/snapshots"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if NOT_PROSE_FILES.contains(&name.as_str()) {
            continue;
        }
        let snapshot = std::fs::read_to_string(&path).unwrap();
        let Some(lines) = prose(&snapshot) else {
            continue;
        };
        read += 1;
        for line in lines {
            let mut line = without_code(&line);
            // a text value as a rulebook or case writes it, `"Hangzhou"` (the
            // diff's tried values): a literal, read as code
            line = without_literals(&line);
            // a list of possible values, aligned: `- json：  给工具用的 JSON`
            // (the padding after the colon is layout, not a space in text)
            if let Some(rest) = line.trim_start().strip_prefix("- ")
                && let Some((name, text)) = rest.split_once('：')
                && !name.contains(' ')
            {
                line = format!("- {name}：{}", text.trim_start());
            }
            for t in &texts {
                if line.contains(t.as_str()) {
                    line = line.replace(t.as_str(), &OPAQUE.to_string());
                }
            }
            // an English line (a shipped case's outcome in both languages)
            if !line.chars().any(is_cjk) {
                continue;
            }
            for p in problems(&line) {
                wrong.push(format!("{name}: {p}"));
            }
        }
    }
    assert!(read > 100, "only {read} snapshots read");
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "{} problems:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The rules find what they are for, and let the allowed forms be.
#[test]
fn the_typography_rules_find_what_they_should() {
    let bad = [
        "规则:",
        "是否?",
        "例外（就规则 a 而言） 已排除",
        "被 「a」 取代",
        "见“规则”",
        "规则(a)",
        "等等...",
        "已排除.",
    ];
    for line in bad {
        assert!(!problems(&without_code(line)).is_empty(), "{line}");
    }
    let good = [
        "规则 `a: b` 已排除",
        "第39(1)条",
        "您住在哪里？ → Shanghai",
        "适用过的规则和例外：    3/4（75.0%）",
        "  （搜索是穷尽的）",
        "1. 「退款」（refund）：给予",
        "用法：redress check <RULEBOOK>...",
        "金额：500.00 元",
    ];
    for line in good {
        assert_eq!(
            problems(&without_code(line)),
            Vec::<String>::new(),
            "{line}"
        );
    }
}
