//! Rulebook text → the same rulebook in the one canonical layout.
//!
//! Input: a [`SourceFile`] holding a rulebook. Output: its text laid out as
//! `docs/language.md` ("Formatting") describes, or the syntax diagnostics when
//! it does not parse: a broken rulebook is never formatted.
//!
//! The formatter lays out what the grammar reads: the items as `syntax::chunks`
//! cuts them, each item's tokens with its comments and line breaks as
//! `syntax::tokens` gives them, and the spans of the syntax tree (which
//! constructs run over several lines). It changes only white space: it never
//! joins or splits a line, never touches the inside of a quoted text or a
//! comment, never reorders anything, keeps every line that starts an item at
//! column 0 and indents every other line, so the text splits into the same
//! items and each item reads as the same tokens as before.

use std::sync::Arc;

use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::source::{SourceFile, Span};
use crate::syntax::{self, Token, TokenKind};

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
    let text = file.text();
    let Some(lines) = split_lines(text) else {
        // Text that parses always reads as tokens; should it ever not, leave
        // it exactly as it is rather than guess.
        return Ok(text.to_string());
    };
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
    /// The tokens, without the line break.
    tokens: Vec<(TokenKind, &'a str)>,
    /// Byte offset (in the file) of the first token.
    start: usize,
    /// The line started with white space.
    indented: bool,
}

impl<'a> Line<'a> {
    /// The first token's text, if it is a word.
    fn first_word(&self) -> Option<&'a str> {
        match self.tokens.first() {
            Some((TokenKind::Word, w)) => Some(w),
            _ => None,
        }
    }
}

/// The lines of the text with their tokens, item by item; `None` when some
/// item does not read as tokens.
fn split_lines(text: &str) -> Option<Vec<Line<'_>>> {
    let mut lines = Vec::new();
    let mut seen_item = false;
    for (index, chunk) in syntax::chunks(text).into_iter().enumerate() {
        let tokens = syntax::tokens(text.get(chunk.clone())?, chunk.start)?;
        let mut line_start = chunk.start;
        let mut first_line = true;
        let mut rest = tokens.as_slice();
        while line_start < chunk.end {
            let end = rest
                .iter()
                .position(|t| t.kind == TokenKind::LineBreak)
                .unwrap_or(rest.len());
            let (on_line, after) = rest.split_at(end);
            let line_end = after.first().map_or(chunk.end, |t| t.span.end);
            lines.push(line(
                text,
                line_start,
                on_line,
                index > 0 && first_line,
                &mut seen_item,
            ));
            rest = after.get(1..).unwrap_or(&[]);
            line_start = line_end;
            first_line = false;
        }
    }
    Some(lines)
}

/// One line from its tokens. `starts_item`: the first line of an item chunk.
fn line<'a>(
    text: &'a str,
    line_start: usize,
    tokens: &[Token],
    starts_item: bool,
    seen_item: &mut bool,
) -> Line<'a> {
    let start = tokens.first().map_or(line_start, |t| t.span.start);
    // A byte-order mark at the start of the file is not indentation.
    let bom = if line_start == 0 && text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    let kind = match tokens.first() {
        None => Kind::Blank,
        Some(t) if t.kind == TokenKind::Comment => Kind::Comment,
        Some(_) if starts_item || !*seen_item => {
            // The first code line starts the first item even when it is
            // indented: the parser reads the text before the first item
            // keyword at a line start as an item of its own.
            *seen_item = true;
            Kind::Item
        }
        Some(_) => Kind::Code,
    };
    Line {
        kind,
        tokens: tokens
            .iter()
            .map(|t| (t.kind, text.get(t.span.start..t.span.end).unwrap_or("")))
            .collect(),
        start,
        indented: start > line_start + bom,
    }
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
                spans.extend(f.value_labels.iter().map(|v| v.label.span));
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
    "currency",
    "as",
    "calendar",
    "in",
    "question",
    "label",
    "value",
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
    // a remedy parameter's labels are indented under its `param` line
    let mut after_param = false;
    lines
        .iter()
        .zip(inside)
        .map(|(line, inside)| {
            let word = line.first_word();
            let param_label = after_param && !inside && word == Some("label");
            if line.kind != Kind::Comment && line.kind != Kind::Blank {
                after_param = param_label || (!inside && word == Some("param"));
            }
            let attribute = !inside
                && !param_label
                && (word.is_some_and(|w| ATTRIBUTE_KEYWORDS.contains(&w))
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
        [line] => line.first_word(),
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
                out.push_str(comment(line));
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
            Kind::Item => out.push_str(&code_line(line, false)),
            Kind::Code => {
                out.push_str(indent);
                out.push_str(&code_line(line, indent == CONTINUATION));
            }
            Kind::Comment => {
                out.push_str(indent);
                out.push_str(comment(line));
            }
        }
        out.push('\n');
    }
}

/// A comment line's comment as written, without trailing white space.
fn comment<'a>(line: &Line<'a>) -> &'a str {
    line.tokens.first().map_or("", |(_, text)| text.trim_end())
}

// ------------------------------------------------------------------ tokens

/// A code line with its end-of-line comment. `continued`: the line
/// continues an expression, so a `-` at its start subtracts.
fn code_line(line: &Line<'_>, continued: bool) -> String {
    let (code, note) = match line.tokens.split_last() {
        Some(((TokenKind::Comment, note), code)) => (code, Some(note.trim_end())),
        _ => (line.tokens.as_slice(), None),
    };
    let mut out = join(code, continued);
    if let Some(note) = note {
        if !out.is_empty() {
            out.push_str(BEFORE_COMMENT);
        }
        out.push_str(note);
    }
    out
}

type Tok<'a> = (TokenKind, &'a str);

/// Tokens with single spaces between them, and none inside `(…)`, before
/// `,` and `:`, after a unary `-` or a `¥`/`€` before its amount, between `max`/`min` or a remedy id
/// and `(`, and in `yes/no`.
fn join(tokens: &[Tok<'_>], continued: bool) -> String {
    let mut out = String::new();
    for (i, (_, text)) in tokens.iter().enumerate() {
        if i > 0 && space_before(tokens, i, continued) {
            out.push(' ');
        }
        out.push_str(text);
    }
    out
}

fn space_before(tokens: &[Tok<'_>], i: usize, continued: bool) -> bool {
    use TokenKind::{Arrow, Close, Colon, Comma, Op, Open, Word, Yen};
    let at = |j: Option<usize>| j.and_then(|j| tokens.get(j)).copied();
    let (Some(prev), Some(cur)) = (at(i.checked_sub(1)), tokens.get(i).copied()) else {
        return false;
    };
    let before_prev = at(i.checked_sub(2));
    let next = tokens.get(i + 1).copied();
    match (prev, cur) {
        ((_, _), (Comma | Colon | Close, _)) => false,
        // `40 €`: a sign after its amount is followed by a space like a word
        ((Yen, _), (kind, w)) if !(kind == Word && w.starts_with(|c: char| c.is_ascii_digit())) => {
            true
        }
        ((Open | Yen, _), _) => false,
        ((Op, "-"), _) if unary(tokens, i - 1, continued) => false,
        ((Word, w), (Open, _)) => {
            !(w == "max" || w == "min" || before_prev.is_some_and(|(k, _)| k == Arrow))
        }
        ((Word, "yes"), (Op, "/")) => next != Some((Word, "no")),
        ((Op, "/"), (Word, "no")) => before_prev != Some((Word, "yes")),
        _ => true,
    }
}

/// Whether the `-` at `i` is a sign rather than a subtraction.
fn unary(tokens: &[Tok<'_>], i: usize, continued: bool) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|j| tokens.get(j)) else {
        return !continued;
    };
    match *prev {
        (
            TokenKind::Op
            | TokenKind::Arrow
            | TokenKind::Open
            | TokenKind::Comma
            | TokenKind::Colon,
            _,
        ) => true,
        (TokenKind::Word, w) => {
            matches!(
                w,
                "and"
                    | "or"
                    | "not"
                    | "is"
                    | "of"
                    | "when"
                    | "to"
                    | "from"
                    | "as"
                    | "if"
                    | "then"
                    | "else"
            ) || (i == 1 && matches!(w, "amount" | "deadline"))
        }
        _ => false,
    }
}
