//! Rulebook text → the same rulebook in the one canonical layout.
//!
//! Input: a [`SourceFile`] holding a rulebook. Output: its text laid out as
//! `docs/language.md` ("Formatting") describes, or the syntax diagnostics when
//! it does not parse: a broken rulebook is never formatted.
//!
//! The formatter works on the text, line by line and token by token, guided by
//! the parser (its split into items and the spans of the syntax tree), rather
//! than printing the syntax tree, which drops comments. It changes only white
//! space: it never joins or splits a line, never touches the inside of a
//! quoted text or a comment, never reorders anything, keeps every line that
//! starts an item at column 0 and indents every other line, so the text splits
//! into the same items and each item reads as the same tokens as before.

use std::sync::Arc;

use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::source::{SourceFile, Span};
use crate::syntax;

/// Indentation of an attribute line, and of the first line of a condition.
const ATTRIBUTE: &str = "  ";
/// Indentation of a line that continues a condition, expression or attribute.
const CONTINUATION: &str = "    ";
/// What separates code from a comment at the end of its line.
const BEFORE_COMMENT: &str = "  ";

/// Format a rulebook. Returns the canonical text (ending in one newline, or
/// empty for a file with nothing in it), or every diagnostic of
/// [`syntax::parse`] when it reports an error (a syntax error, an impossible
/// literal, a limit exceeded): a broken rulebook is left as it is.
///
/// The result compiles to the same decision graph as the input, and
/// formatting it again changes nothing.
pub fn format(file: &Arc<SourceFile>) -> Result<String, Vec<Diagnostic>> {
    let (rulebook, diagnostics) = syntax::parse(file);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    let lines = split_lines(file.text());
    let continued = continued_lines(&lines, &construct_spans(&rulebook));
    Ok(layout(&lines, &continued))
}

// ------------------------------------------------------------------ lines

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Nothing but white space.
    Blank,
    /// A comment alone on its line.
    Comment,
    /// The first line of an item.
    Item,
    /// Any other line with code on it.
    Code,
}

#[derive(Debug)]
struct Line<'a> {
    kind: Kind,
    /// The text without the line break and surrounding white space.
    text: &'a str,
    /// Byte offset (in the file) of `text`.
    start: usize,
    /// The line started with white space.
    indented: bool,
}

/// White space around tokens: what the grammar skips, and what `str::trim`
/// does.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// The same test as the item split in `syntax`: an item keyword at the very
/// start of the line, followed by white space or nothing.
fn starts_item(line: &str) -> bool {
    syntax::ITEM_KEYWORDS.iter().any(|kw| {
        line.strip_prefix(kw)
            .is_some_and(|rest| rest.chars().next().is_none_or(char::is_whitespace))
    })
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    let mut seen_item = false;
    for raw in text.split_inclusive('\n') {
        let mut start = offset;
        offset += raw.len();
        let mut line = raw.strip_suffix('\n').unwrap_or(raw);
        if start == 0 {
            if let Some(rest) = line.strip_prefix('\u{FEFF}') {
                line = rest;
                start += '\u{FEFF}'.len_utf8();
            }
        }
        let text = line.trim_matches(is_space);
        let lead = line.len() - line.trim_start_matches(is_space).len();
        let kind = if text.is_empty() {
            Kind::Blank
        } else if text.starts_with('#') {
            Kind::Comment
        } else if starts_item(line) || !seen_item {
            // The first code line starts the first item even when it is
            // indented: the parser reads the text before the first item
            // keyword at a line start as an item of its own.
            seen_item = true;
            Kind::Item
        } else {
            Kind::Code
        };
        lines.push(Line {
            kind,
            text,
            start: start + lead,
            indented: lead > 0,
        });
    }
    lines
}

/// Where the constructs that may run over several lines are, and where
/// conditions of rules start.
#[derive(Default)]
struct Spans {
    constructs: Vec<Span>,
    conditions: Vec<usize>,
}

fn construct_spans(rulebook: &ast::Rulebook) -> Spans {
    let mut s = Spans::default();
    let texts = |spans: &mut Vec<Span>, texts: &[ast::LangText]| {
        spans.extend(texts.iter().map(|t| t.span));
    };
    let exprs = |spans: &mut Vec<Span>, exprs: &[ast::Expr]| {
        spans.extend(exprs.iter().map(|e| e.span));
    };
    for item in &rulebook.items {
        let spans = &mut s.constructs;
        match item {
            ast::Item::Header(h) => {
                texts(spans, &h.titles);
                texts(spans, &h.jurisdiction);
                texts(spans, &h.version);
            }
            ast::Item::Law(l) => {
                texts(spans, &l.titles);
                spans.extend(l.in_force.iter().map(|p| p.span));
            }
            ast::Item::Fact(f) => {
                spans.push(f.ty_span);
                texts(spans, &f.questions);
                texts(spans, &f.labels);
            }
            ast::Item::Define(d) => {
                spans.push(d.expr.span);
                texts(spans, &d.labels);
            }
            ast::Item::Remedy(r) => {
                texts(spans, &r.titles);
                texts(spans, &r.phrases);
                spans.extend(r.params.iter().map(|p| p.name.span.to(p.ty_span)));
                exprs(spans, &r.amount);
                exprs(spans, &r.deadline);
                spans.extend(r.cites.iter().map(|c| c.span));
            }
            ast::Item::Rule(r) => {
                spans.push(r.condition.span);
                spans.extend(r.conclusion.iter().map(ast::Conclusion::span));
                exprs(spans, &r.amount);
                exprs(spans, &r.deadline);
                spans.extend(r.cites.iter().map(|c| c.span));
                spans.extend(r.in_force.iter().map(|p| p.span));
                s.conditions.push(r.condition.span.start);
            }
        }
    }
    s.conditions.sort_unstable();
    s
}

/// The words that start an attribute line.
const ATTRIBUTE_KEYWORDS: &[&str] = &[
    "title",
    "jurisdiction",
    "version",
    "effective",
    "languages",
    "as",
    "in",
    "question",
    "label",
    "category",
    "phrase",
    "param",
    "amount",
    "deadline",
    "cite",
    "when",
];

/// For each line: true when it is a code line that continues a construct
/// begun on an earlier line, rather than starting an attribute or the
/// condition of a rule.
fn continued_lines(lines: &[Line<'_>], spans: &Spans) -> Vec<bool> {
    let mut inside = vec![false; lines.len()];
    // Line starts only grow, so the lines inside a span are a run.
    for span in &spans.constructs {
        let first = lines.partition_point(|l| l.start <= span.start);
        for (line, mark) in lines.iter().zip(inside.iter_mut()).skip(first) {
            if line.start >= span.end {
                break;
            }
            *mark = true;
        }
    }
    lines
        .iter()
        .zip(inside)
        .map(|(line, inside)| {
            let first_word = line.text.split(|c: char| !is_word_char(c)).next();
            let attribute = !inside
                && (first_word.is_some_and(|w| ATTRIBUTE_KEYWORDS.contains(&w))
                    || spans.conditions.binary_search(&line.start).is_ok());
            line.kind == Kind::Code && !attribute
        })
        .collect()
}

// ----------------------------------------------------------------- layout

/// One item: its lines from the keyword to its last code line, the comment
/// lines indented right below it, then the blank and comment lines up to
/// the next item (the gap).
struct Block {
    body: std::ops::Range<usize>,
    gap: std::ops::Range<usize>,
}

fn blocks(lines: &[Line<'_>]) -> (std::ops::Range<usize>, Vec<Block>) {
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == Kind::Item)
        .map(|(i, _)| i)
        .collect();
    let prelude = 0..starts.first().copied().unwrap_or(lines.len());
    let mut blocks = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let mut body_end = start + 1;
        for i in start..end {
            if lines
                .get(i)
                .is_some_and(|l| matches!(l.kind, Kind::Item | Kind::Code))
            {
                body_end = i + 1;
            }
        }
        while lines
            .get(body_end)
            .is_some_and(|l| body_end < end && l.kind == Kind::Comment && l.indented)
        {
            body_end += 1;
        }
        blocks.push(Block {
            body: start..body_end,
            gap: body_end..end,
        });
    }
    (prelude, blocks)
}

fn layout(lines: &[Line<'_>], continued: &[bool]) -> String {
    let mut out = String::new();
    let (prelude, blocks) = blocks(lines);
    let line_range = |r: &std::ops::Range<usize>| lines.get(r.clone()).unwrap_or(&[]);
    gap_comments(&mut out, line_range(&prelude), !blocks.is_empty());
    let mut previous: Option<&Block> = None;
    for block in &blocks {
        if let Some(prev) = previous {
            let gap = line_range(&prev.gap);
            let grouped = gap.is_empty()
                && one_line_item(line_range(&prev.body))
                    .is_some_and(|kw| one_line_item(line_range(&block.body)) == Some(kw));
            if !grouped {
                out.push('\n');
            }
            gap_comments(&mut out, gap, true);
        }
        body(&mut out, lines, continued, block.body.clone());
        previous = Some(block);
    }
    if let Some(last) = previous {
        let gap = line_range(&last.gap);
        if gap.iter().any(|l| l.kind == Kind::Comment) {
            out.push('\n');
            gap_comments(&mut out, gap, false);
        }
    }
    out
}

/// The keyword of an item on one line. Such items of one kind (`fact`,
/// `define`, …) written one after another stay together without blank lines.
fn one_line_item<'a>(body: &[Line<'a>]) -> Option<&'a str> {
    match body {
        [line] => line.text.split(is_space).next(),
        _ => None,
    }
}

/// The comments between items, at column 0, with one blank line where there
/// were blank lines between them (and before the next item when
/// `blank_before_item`).
fn gap_comments(out: &mut String, gap: &[Line<'_>], blank_before_item: bool) {
    let mut any = false;
    let mut blank = false;
    for line in gap {
        match line.kind {
            Kind::Comment => {
                if blank && any {
                    out.push('\n');
                }
                out.push_str(comment(line.text));
                out.push('\n');
                any = true;
                blank = false;
            }
            _ => blank = true,
        }
    }
    if blank && any && blank_before_item {
        out.push('\n');
    }
}

fn body(out: &mut String, lines: &[Line<'_>], continued: &[bool], range: std::ops::Range<usize>) {
    // A comment alone on its line is indented like the code line below it:
    // walk backwards, remembering that line's indentation.
    let mut indents = Vec::with_capacity(range.len());
    let mut below = ATTRIBUTE;
    for i in range.clone().rev() {
        let deep = continued.get(i).copied().unwrap_or(false);
        if lines
            .get(i)
            .is_some_and(|l| matches!(l.kind, Kind::Code | Kind::Item))
        {
            below = if deep { CONTINUATION } else { ATTRIBUTE };
        }
        indents.push(below);
    }
    indents.reverse();
    for (i, indent) in range.zip(indents) {
        let Some(line) = lines.get(i) else { continue };
        match line.kind {
            Kind::Blank => continue,
            Kind::Item => out.push_str(&code_line(line.text, false)),
            Kind::Code => {
                out.push_str(indent);
                out.push_str(&code_line(line.text, indent == CONTINUATION));
            }
            Kind::Comment => {
                out.push_str(indent);
                out.push_str(comment(line.text));
            }
        }
        out.push('\n');
    }
}

/// A comment as written, without trailing white space.
fn comment(text: &str) -> &str {
    text.trim_end()
}

// ------------------------------------------------------------------ tokens

/// A code line with its end-of-line comment. `continued`: the line
/// continues an expression, so a `-` at its start subtracts.
fn code_line(text: &str, continued: bool) -> String {
    let (code, note) = split_comment(text);
    let code = code.trim_matches(is_space);
    let mut out = match tokens(code) {
        Some(tokens) => join(&tokens, continued),
        // Something the tokenizer does not know: leave the line as written.
        None => code.to_string(),
    };
    if let Some(note) = note {
        if !out.is_empty() {
            out.push_str(BEFORE_COMMENT);
        }
        out.push_str(comment(note));
    }
    out
}

/// The code and the comment (from `#` outside quotes) of a line.
fn split_comment(text: &str) -> (&str, Option<&str>) {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if c == '#' {
            if let Some((code, note)) = text.split_at_checked(i) {
                return (code, Some(note));
            }
        }
    }
    (text, None)
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok<'a> {
    /// A name, keyword, number, date or article number.
    Word(&'a str),
    /// A quoted text, quotes included.
    Quoted(&'a str),
    /// An operator, `=>` included.
    Op(&'a str),
    /// `¥` or `￥`.
    Yen(&'a str),
    Comma,
    Colon,
    Open,
    Close,
    /// The remedy phrase after `=>`, its words separated by one space.
    Phrase(String),
}

impl Tok<'_> {
    fn text(&self) -> &str {
        match self {
            Tok::Word(s) | Tok::Quoted(s) | Tok::Op(s) | Tok::Yen(s) => s,
            Tok::Comma => ",",
            Tok::Colon => ":",
            Tok::Open => "(",
            Tok::Close => ")",
            Tok::Phrase(s) => s,
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.'
}

const OPERATORS: &[&str] = &[
    "=>", "!=", "<=", ">=", "=", "<", ">", "≠", "≤", "≥", "+", "-", "*", "/", "×", "÷",
];

/// Split code into tokens; `None` for anything the tokenizer does not know
/// (the line is then left as written).
fn tokens(code: &str) -> Option<Vec<Tok<'_>>> {
    let mut tokens = Vec::new();
    let mut rest = code;
    while let Some(c) = rest.chars().next() {
        let len = if is_space(c) {
            c.len_utf8()
        } else if c == '"' {
            let len = quoted_len(rest)?;
            tokens.push(Tok::Quoted(rest.get(..len)?));
            len
        } else if is_word_char(c) {
            let len = word_len(rest, tokens.last());
            tokens.push(Tok::Word(rest.get(..len)?));
            len
        } else if let Some(tok) = match c {
            ',' => Some(Tok::Comma),
            ':' => Some(Tok::Colon),
            '(' => Some(Tok::Open),
            ')' => Some(Tok::Close),
            '¥' | '￥' => Some(Tok::Yen(rest.get(..c.len_utf8())?)),
            _ => None,
        } {
            tokens.push(tok);
            c.len_utf8()
        } else {
            let op = OPERATORS.iter().find(|op| rest.starts_with(**op))?;
            tokens.push(Tok::Op(op));
            if *op == "=>" {
                let after = rest.get(op.len()..)?.trim_start_matches([' ', '\t']);
                let word = after.len() - after.trim_start_matches(is_word_char).len();
                if word == 0 || !after.get(word..)?.starts_with('(') {
                    // not a call `remedy_id(…)`: a phrase, to the end
                    tokens.push(Tok::Phrase(phrase(after)?));
                    return Some(tokens);
                }
            }
            op.len()
        };
        rest = rest.get(len..)?;
    }
    Some(tokens)
}

/// Length of the quoted text at the start of `s`, quotes included.
fn quoted_len(s: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.char_indices().skip(1) {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            return Some(i + 1);
        }
    }
    None
}

/// Length of the word at the start of `s`, taking a date `2024-07-01` or,
/// after `article`, an article number `25(1)` whole, as the grammar does.
fn word_len(s: &str, previous: Option<&Tok<'_>>) -> usize {
    let len = s.len() - s.trim_start_matches(is_word_char).len();
    let word = s.get(..len).unwrap_or("");
    let rest = s.get(len..).unwrap_or("");
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if word.len() == 4 && digits(word) {
        let b = rest.as_bytes();
        let date = b.len() >= 6
            && b.first() == Some(&b'-')
            && b.get(3) == Some(&b'-')
            && rest.get(1..3).is_some_and(digits)
            && rest.get(4..6).is_some_and(digits)
            && !rest
                .get(6..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if date {
            return len + 6;
        }
    }
    if digits(word) && previous == Some(&Tok::Word("article")) {
        let mut len = len;
        let mut rest = rest;
        while let Some(inner) = rest.strip_prefix('(') {
            let n = inner.len()
                - inner
                    .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
                    .len();
            if n == 0 || !inner.get(n..).is_some_and(|r| r.starts_with(')')) {
                break;
            }
            len += n + 2;
            rest = inner.get(n + 1..).unwrap_or("");
        }
        return len;
    }
    len
}

/// The words of a remedy phrase separated by one space; `None` when the text
/// holds white space other than spaces and tabs, or nothing.
fn phrase(text: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        if rest.is_empty() {
            break;
        }
        let mut len = 0;
        while let Some(c) = rest.get(len..).and_then(|r| r.chars().next()) {
            if c == ' ' || c == '\t' {
                break;
            }
            if is_space(c) {
                return None;
            }
            len += if c == '"' {
                quoted_len(rest.get(len..)?)?
            } else {
                c.len_utf8()
            };
        }
        let (word, tail) = rest.split_at_checked(len)?;
        words.push(word);
        rest = tail;
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// Tokens with single spaces between them, and none inside `(…)`, before
/// `,` and `:`, after a unary `-` or `¥`, between `max`/`min` or a remedy id
/// and `(`, and in `yes/no`.
fn join(tokens: &[Tok<'_>], continued: bool) -> String {
    let mut out = String::new();
    for (i, tok) in tokens.iter().enumerate() {
        if i > 0 && space_before(tokens, i, continued) {
            out.push(' ');
        }
        out.push_str(tok.text());
    }
    out
}

fn space_before(tokens: &[Tok<'_>], i: usize, continued: bool) -> bool {
    let at = |j: Option<usize>| j.and_then(|j| tokens.get(j));
    let (Some(prev), Some(cur)) = (at(i.checked_sub(1)), tokens.get(i)) else {
        return false;
    };
    let before_prev = at(i.checked_sub(2));
    let next = tokens.get(i + 1);
    match (prev, cur) {
        (_, Tok::Comma | Tok::Colon | Tok::Close) | (Tok::Open | Tok::Yen(_), _) => false,
        (Tok::Op("-"), _) if unary(tokens, i - 1, continued) => false,
        (Tok::Word(w), Tok::Open) => {
            !(*w == "max" || *w == "min" || before_prev == Some(&Tok::Op("=>")))
        }
        (Tok::Word("yes"), Tok::Op("/")) => next != Some(&Tok::Word("no")),
        (Tok::Op("/"), Tok::Word("no")) => before_prev != Some(&Tok::Word("yes")),
        _ => true,
    }
}

/// Whether the `-` at `i` is a sign rather than a subtraction.
fn unary(tokens: &[Tok<'_>], i: usize, continued: bool) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|j| tokens.get(j)) else {
        return !continued;
    };
    match prev {
        Tok::Op(_) | Tok::Open | Tok::Comma | Tok::Colon => true,
        Tok::Word(w) => {
            matches!(
                *w,
                "and" | "or" | "not" | "is" | "of" | "when" | "to" | "from" | "as"
            ) || (i == 1 && matches!(*w, "amount" | "deadline"))
        }
        _ => false,
    }
}
