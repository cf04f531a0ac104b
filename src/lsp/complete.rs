//! Completion: what may be written at the cursor, read from the words before
//! it on its line. After `cite`: the declared laws; after `=>`: the remedy
//! phrases; after `is`, `is one of`, `includes` … of a one-of or set-valued
//! fact: its values; elsewhere: facts, derived facts and keywords.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, InsertTextFormat, TextEdit,
};

use crate::ast::{self, Item, TypeExpr};
use crate::report::i18n::Words;
use crate::source::Span;

use super::analysis::{Analysis, Kind};

/// The keywords of the language, offered where a name may be written.
pub const KEYWORDS: &[&str] = &[
    "rulebook",
    "law",
    "fact",
    "define",
    "remedy",
    "rule",
    "exception",
    "title",
    "jurisdiction",
    "version",
    "effective",
    "languages",
    "as",
    "calendar",
    "currency",
    "question",
    "label",
    "value",
    "category",
    "phrase",
    "param",
    "amount",
    "up",
    "deadline",
    "cite",
    "article",
    "in",
    "force",
    "from",
    "until",
    "when",
    "to",
    "and",
    "or",
    "not",
    "is",
    "one",
    "some",
    "of",
    "includes",
    "does",
    "include",
    "any",
    "all",
    "none",
    "yes",
    "no",
    "if",
    "then",
    "else",
    "max",
    "min",
    "days",
    "working",
    "yuan",
    "number",
    "money",
    "date",
    "text",
];

/// Words between a one-of fact and the value being written.
const VALUE_WORDS: &[&str] = &[
    "is", "not", "one", "of", "includes", "does", "include", "any", "all", "none", ",",
];

/// Words that end the search for the fact a value belongs to.
const STOP_WORDS: &[&str] = &[
    "and", "or", "when", "=>", "if", "then", "else", "(", ")", "define", "rule",
];

/// The completions at `offset`: none inside a quoted text or a comment.
/// When typing a space or a comma asked for them (`triggered`), only those
/// of the places above (values, laws, remedies), so that the names do not
/// pop up after every word.
pub fn complete(a: &Analysis, offset: usize, words: Words, triggered: bool) -> Vec<CompletionItem> {
    let text = a.text();
    let offset = crate::source::floor_char_boundary(text, offset);
    let before_cursor = text.get(..offset).unwrap_or("");
    let line_start = before_cursor.rfind('\n').map_or(0, |i| i + 1);
    let line = before_cursor.get(line_start..).unwrap_or("");
    if in_text_or_comment(line) {
        return Vec::new();
    }
    if let Some(arrow) = line.find("=>") {
        let after = line.get(arrow + 2..).unwrap_or("");
        let start = line_start + arrow + 2 + (after.len() - after.trim_start().len());
        return remedies(a, Span::new(start.min(offset), offset), words);
    }
    let partial_len = line
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
        .map(char::len_utf8)
        .sum::<usize>();
    let before = line.get(..line.len() - partial_len).unwrap_or("");
    let tokens: Vec<&str> = before
        .split_whitespace()
        .flat_map(|w| w.split_inclusive(',').flat_map(split_comma))
        .collect();
    match tokens.last().copied() {
        Some("cite") => return laws(a, words),
        Some(last) if VALUE_WORDS.contains(&last) => {
            if let Some(values) = values(a, &tokens) {
                return values;
            }
        }
        _ => {}
    }
    if triggered {
        return Vec::new();
    }
    names(a, words)
}

/// Whether the end of `line` is inside a quoted text or a comment.
fn in_text_or_comment(line: &str) -> bool {
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' | '“' | '”' => quoted = !quoted,
            '#' if !quoted => return true,
            _ => {}
        }
    }
    quoted
}

/// `a,` → `a`, `,`.
fn split_comma(w: &str) -> Vec<&str> {
    match w.strip_suffix(',') {
        Some("") => vec![","],
        Some(rest) => vec![rest, ","],
        None => vec![w],
    }
}

fn item(label: String, kind: CompletionItemKind, detail: Option<String>) -> CompletionItem {
    CompletionItem {
        label,
        kind: Some(kind),
        detail,
        ..CompletionItem::default()
    }
}

/// A text in the words' language, else the first given.
fn pick(texts: &[ast::LangText], words: Words) -> Option<String> {
    texts
        .iter()
        .find(|t| t.lang.as_ref().is_some_and(|l| l.text == words.lang()))
        .or_else(|| texts.first())
        .map(|t| t.text.clone())
}

fn names(a: &Analysis, words: Words) -> Vec<CompletionItem> {
    let mut out = Vec::new();
    for d in &a.index().decls {
        let (kind, detail) = match (d.kind, a.item(d)) {
            (Kind::Fact, Some(Item::Fact(f))) => {
                (CompletionItemKind::VARIABLE, pick(&f.labels, words))
            }
            (Kind::Derived, Some(Item::Define(x))) => {
                (CompletionItemKind::FUNCTION, pick(&x.labels, words))
            }
            _ => continue,
        };
        out.push(item(d.name.clone(), kind, detail));
    }
    let keyword = words.get("lsp-keyword", &[]);
    out.extend(KEYWORDS.iter().map(|k| {
        item(
            k.to_string(),
            CompletionItemKind::KEYWORD,
            Some(keyword.clone()),
        )
    }));
    out
}

fn laws(a: &Analysis, words: Words) -> Vec<CompletionItem> {
    a.index()
        .decls
        .iter()
        .filter_map(|d| match a.item(d) {
            Some(Item::Law(l)) => Some(item(
                d.name.clone(),
                CompletionItemKind::MODULE,
                pick(&l.titles, words),
            )),
            _ => None,
        })
        .collect()
}

/// The values of the one-of or set-valued fact the tokens test, if any.
fn values(a: &Analysis, tokens: &[&str]) -> Option<Vec<CompletionItem>> {
    let fact = tokens.iter().rev().find_map(|t| {
        if STOP_WORDS.contains(t) {
            return Some(None);
        }
        if VALUE_WORDS.contains(t) {
            return None;
        }
        let decl = a.index().find(Kind::Fact, t)?;
        match a.item(a.index().decls.get(decl)?)? {
            Item::Fact(f) => Some(Some(f)),
            _ => None,
        }
    })??;
    let (TypeExpr::OneOf(values) | TypeExpr::SomeOf(values)) = &fact.ty else {
        return None;
    };
    Some(
        values
            .iter()
            .map(|v| {
                let labels: Vec<&str> = fact
                    .value_labels
                    .iter()
                    .filter(|l| l.value.text == v.text)
                    .map(|l| l.label.text.as_str())
                    .collect();
                let detail = (!labels.is_empty()).then(|| labels.join(" · "));
                item(v.text.clone(), CompletionItemKind::ENUM_MEMBER, detail)
            })
            .collect(),
    )
}

/// The remedy phrases, replacing what is written after `=>` (`span`): each
/// remedy's `phrase` templates, placeholders as snippet fields, and the id
/// read as words for a remedy without parameters.
fn remedies(a: &Analysis, span: Span, words: Words) -> Vec<CompletionItem> {
    let range = a.lines.range(a.text(), span);
    let mut out = Vec::new();
    for d in &a.index().decls {
        let Some(Item::Remedy(r)) = a.item(d) else {
            continue;
        };
        let title = pick(&r.titles, words);
        let mut phrases: Vec<String> = r
            .phrases
            .iter()
            .map(|p| crate::check::template_text(&p.text))
            .collect();
        if r.params.is_empty() {
            phrases.push(r.name.text.replace('_', " "));
        }
        for phrase in phrases {
            let mut field = 0;
            let snippet: Vec<String> = phrase
                .split(' ')
                .map(
                    |w| match w.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
                        Some(slot) => {
                            field += 1;
                            format!("${{{field}:{slot}}}")
                        }
                        None => w.replace('$', "\\$"),
                    },
                )
                .collect();
            let mut c = item(phrase.clone(), CompletionItemKind::CLASS, title.clone());
            c.filter_text = Some(phrase.clone());
            c.insert_text_format = Some(InsertTextFormat::SNIPPET);
            c.text_edit = Some(CompletionTextEdit::Edit(TextEdit::new(
                range,
                snippet.join(" "),
            )));
            out.push(c);
        }
    }
    out
}
