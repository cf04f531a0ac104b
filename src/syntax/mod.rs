//! Text → syntax tree.
//!
//! Input: a [`SourceFile`]. Output: an [`ast::Rulebook`] and the syntax
//! diagnostics. This is the only module that knows pest exists, and the
//! grammar is the only reader of rulebook text: its `chunks` reading cuts the
//! file into items, `item` parses each item on its own (so one run reports a
//! syntax error in every broken item, not only the first), and `tokens` reads
//! an item as a flat list of tokens with its comments and line breaks (for
//! [`crate::fmt`], and to find where an item nests too deep).

mod lower;
mod words;

use std::ops::Range;
use std::sync::Arc;

use pest::Parser as _;
use pest::iterators::Pairs;

use crate::ast;
use crate::diagnostic::{Arg, Code, Diagnostic, Text};
use crate::limits::Limits;
use crate::source::{SourceFile, Span, floor_char_boundary};
use crate::text;

/// The generated parser; private to this module.
mod generated {
    #![allow(missing_docs)]
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/redress.pest"]
    pub(crate) struct Grammar;
}
use generated::{Grammar, Rule};

/// Parse a rulebook. Always returns a tree of the items that parsed, with a
/// diagnostic for each item that did not.
pub fn parse(file: &Arc<SourceFile>) -> (ast::Rulebook, Vec<Diagnostic>) {
    parse_with(file, &Limits::DEFAULT)
}

/// [`parse`], with limits other than the defaults.
///
/// Items are independent, so a large rulebook's items are parsed on several
/// threads (one per core, each taking a run of consecutive items); the tree
/// and the diagnostics come out in the order of the text either way.
pub fn parse_with(file: &Arc<SourceFile>, limits: &Limits) -> (ast::Rulebook, Vec<Diagnostic>) {
    let (mut diagnostics, chunks) = prepare(file);
    let mut rulebook = ast::Rulebook {
        items: Vec::with_capacity(chunks.len()),
    };
    for parsed in parse_chunks(file, &chunks, limits) {
        rulebook.items.extend(parsed.item);
        diagnostics.extend(parsed.diagnostics);
    }
    (rulebook, diagnostics)
}

/// The diagnostics about the whole text, and its item chunks.
fn prepare(file: &Arc<SourceFile>) -> (Vec<Diagnostic>, Vec<Range<usize>>) {
    let text = file.text();
    let mut diagnostics = bidi_controls(file);
    diagnostics.extend(control_characters(file));
    let mut chunks = chunks(text);
    // Only the first chunk can lack an item keyword.
    if chunks
        .first()
        .and_then(|r| text.get(r.clone()))
        .is_some_and(is_blank)
    {
        chunks.remove(0);
    }
    (diagnostics, chunks)
}

/// The diagnostics about the whole text (invisible and control
/// characters), as [`parse_with`] gives them first.
pub(crate) fn text_diagnostics(file: &Arc<SourceFile>) -> Vec<Diagnostic> {
    let mut diagnostics = bidi_controls(file);
    diagnostics.extend(control_characters(file));
    diagnostics
}

/// True when a chunk at the start of a file is only white space and
/// comments (which [`parse_with`] skips).
pub(crate) fn blank_chunk(chunk: &str) -> bool {
    is_blank(chunk)
}

/// Parse the chunks of `file` at `ranges` (as [`chunks`] cuts them), each to
/// its item (when it parsed) and its diagnostics, in order.
pub(crate) fn parse_ranges(
    file: &Arc<SourceFile>,
    ranges: &[Range<usize>],
    limits: &Limits,
) -> Vec<(Option<ast::Item>, Vec<Diagnostic>)> {
    parse_chunks(file, ranges, limits)
        .into_iter()
        .map(|p| (p.item, p.diagnostics))
        .collect()
}

/// One chunk parsed: its item (when it parsed) and its diagnostics.
struct Parsed {
    item: Option<ast::Item>,
    diagnostics: Vec<Diagnostic>,
}

/// Parse chunks, on one thread per core when there are many, in order.
fn parse_chunks(file: &Arc<SourceFile>, chunks: &[Range<usize>], limits: &Limits) -> Vec<Parsed> {
    let parts = parallel_parts(chunks, limits);
    if parts.len() <= 1 {
        return parse_run(file, chunks, limits);
    }
    let mut out = Vec::with_capacity(chunks.len());
    std::thread::scope(|scope| {
        // the first run is parsed on this thread, the others each on one of
        // their own (so that this thread's allocator holds part of the tree,
        // and its memory is reused once the tree is dropped)
        let mut parts = parts.iter();
        let first = parts.next().and_then(|part| chunks.get(part.clone()));
        let workers: Vec<_> = parts
            .map(|part| {
                let run = chunks.get(part.clone()).unwrap_or(&[]);
                let worker = std::thread::Builder::new()
                    .stack_size(PARSER_STACK)
                    .spawn_scoped(scope, move || parse_run(file, run, limits));
                (run, worker)
            })
            .collect();
        out.extend(parse_run(file, first.unwrap_or(&[]), limits));
        for (run, worker) in workers {
            // A thread that could not start, or stopped: parse its run here.
            match worker.map(std::thread::ScopedJoinHandle::join) {
                Ok(Ok(parsed)) => out.extend(parsed),
                _ => out.extend(parse_run(file, run, limits)),
            }
        }
    });
    out
}

/// Parse a run of chunks, in order.
fn parse_run(file: &Arc<SourceFile>, run: &[Range<usize>], limits: &Limits) -> Vec<Parsed> {
    run.iter()
        .map(|range| {
            let chunk = file.text().get(range.clone()).unwrap_or("");
            let mut diagnostics = Vec::new();
            let item = parse_item(file, chunk, range.start, limits, &mut diagnostics);
            Parsed { item, diagnostics }
        })
        .collect()
}

/// Items below this many are parsed on the calling thread.
const PARALLEL_ITEMS: usize = 1_000;

/// The stack of a parsing thread: room for the default limits many times over.
const PARSER_STACK: usize = 8 << 20;

/// Runs of consecutive chunks of about equal size, one per core, or a single
/// run for a small rulebook or raised limits (which need the caller's stack).
fn parallel_parts(chunks: &[Range<usize>], limits: &Limits) -> Vec<Range<usize>> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let parts = cores.min(chunks.len() / PARALLEL_ITEMS).max(1);
    if parts == 1 || *limits != Limits::DEFAULT {
        return std::iter::once(0..chunks.len()).collect();
    }
    let total: usize = chunks.iter().map(ExactSizeIterator::len).sum();
    let mut out = Vec::with_capacity(parts);
    let (mut start, mut bytes) = (0, 0);
    for (i, chunk) in chunks.iter().enumerate() {
        bytes += chunk.len();
        if bytes * parts >= total * (out.len() + 1) && out.len() + 1 < parts {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out.push(start..chunks.len());
    out
}

/// Parse one item (`chunk`, at byte `offset` of the file); its diagnostics
/// go to `diagnostics`.
fn parse_item(
    file: &Arc<SourceFile>,
    chunk: &str,
    offset: usize,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ast::Item> {
    match Grammar::parse(Rule::item, chunk) {
        Ok(mut pairs) => {
            if let Some(d) = nesting_guard(file, pairs.clone(), offset, limits) {
                diagnostics.push(d);
                return None;
            }
            let mut lowerer = lower::Lowerer {
                file,
                offset,
                diagnostics,
            };
            pairs.next().and_then(|p| lowerer.item(p))
        }
        Err(e) => {
            diagnostics.push(match e.variant {
                // pest ran short of stack: the item nests deeper than this
                // thread can hold
                pest::error::ErrorVariant::CustomError { .. } => {
                    too_deep(file, chunk, offset, limits)
                }
                _ => syntax_error(file, chunk, offset, &e),
            });
            None
        }
    }
}

/// Byte ranges of the items, as the grammar's `chunks` reading cuts them:
/// each starts at a line beginning with an item keyword; text before the
/// first keyword is a range of its own.
pub fn chunks(text: &str) -> Vec<Range<usize>> {
    let Ok(pairs) = Grammar::parse(Rule::chunks, text) else {
        // `chunks` accepts every text; one range is the safe answer anyway.
        return std::iter::once(0..text.len()).collect();
    };
    pairs
        .flatten()
        .filter(|p| matches!(p.as_rule(), Rule::chunk | Rule::item_chunk))
        .map(|p| p.as_span().start()..p.as_span().end())
        .collect()
}

/// What a token of [`tokens`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A name, keyword, number, date or article number.
    Word,
    /// A quoted text, quotes included.
    Quoted,
    /// A comparison or arithmetic sign.
    Op,
    /// `=>`.
    Arrow,
    /// A word of a remedy phrase after `=>`.
    PhraseWord,
    /// `¥` or `￥`.
    Yen,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `(`
    Open,
    /// `)`
    Close,
    /// A comment, from `#` to the end of its line.
    Comment,
    /// The end of a line.
    LineBreak,
}

/// A token of an item and where it is (bytes of the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Where it is.
    pub span: Span,
}

/// The tokens of `text` (which starts at byte `offset` of its file), with its
/// comments and line breaks, in order, as the grammar's `tokens` reading
/// gives them; `None` for text that holds something no token reads.
pub fn tokens(text: &str, offset: usize) -> Option<Vec<Token>> {
    let pairs = Grammar::parse(Rule::tokens, text).ok()?;
    Some(collect_tokens(pairs, offset))
}

/// The tokens read from the start of `text` up to the first thing no token
/// reads, and where that is (bytes of `text`).
fn lex(text: &str) -> (Vec<Token>, usize) {
    match Grammar::parse(Rule::lexemes, text) {
        Ok(pairs) => {
            let end = pairs.clone().next().map_or(0, |p| p.as_span().end());
            (collect_tokens(pairs, 0), end)
        }
        Err(_) => (Vec::new(), 0),
    }
}

fn collect_tokens(pairs: Pairs<'_, Rule>, offset: usize) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for p in pairs.flatten() {
        // a text inside a phrase word is part of that word
        if out
            .last()
            .is_some_and(|t| offset + p.as_span().start() < t.span.end)
        {
            continue;
        }
        let kind = match p.as_rule() {
            Rule::word
            | Rule::date
            | Rule::kw_article
            | Rule::article_num
            | Rule::kw_calendar
            | Rule::calendar_name => TokenKind::Word,
            Rule::string => TokenKind::Quoted,
            Rule::cmp_op | Rule::add_op | Rule::mul_op => TokenKind::Op,
            Rule::arrow => TokenKind::Arrow,
            Rule::phrase_word => TokenKind::PhraseWord,
            Rule::yen => TokenKind::Yen,
            Rule::comma => TokenKind::Comma,
            Rule::colon => TokenKind::Colon,
            Rule::lparen => TokenKind::Open,
            Rule::rparen => TokenKind::Close,
            Rule::comment => TokenKind::Comment,
            Rule::line_break => TokenKind::LineBreak,
            // the pairs that hold tokens, and the inside of a text
            _ => continue,
        };
        let span = p.as_span();
        out.push(Token {
            kind,
            span: Span::new(offset + span.start(), offset + span.end()),
        });
    }
    out
}

/// True when the chunk holds only white space and comments.
fn is_blank(chunk: &str) -> bool {
    tokens(chunk, 0).is_some_and(|t| {
        t.iter()
            .all(|t| matches!(t.kind, TokenKind::Comment | TokenKind::LineBreak))
    })
}

/// What nests in an item: parentheses, and `not`s in a row.
#[derive(Default)]
struct Nesting {
    depth: usize,
    nots: usize,
    /// `if`s open: an `if` ends where the parenthesis around it closes (or
    /// with the item), so `else if` chains count one level each.
    ifs: usize,
    /// `ifs` outside each open parenthesis.
    ifs_outside: Vec<usize>,
    operators: usize,
}

impl Nesting {
    /// Count one token; `Err` with the message and label when a limit is
    /// passed at it.
    fn step(&mut self, read: Rule, limits: &Limits) -> Result<(), Limit> {
        match read {
            Rule::lparen => {
                self.depth += 1;
                self.ifs_outside.push(self.ifs);
            }
            Rule::rparen => {
                self.depth = self.depth.saturating_sub(1);
                self.ifs = self.ifs_outside.pop().unwrap_or(0);
            }
            Rule::kw_if => self.ifs += 1,
            Rule::kw_not => self.nots += 1,
            Rule::add_op | Rule::mul_op | Rule::neg => self.operators += 1,
            Rule::name | Rule::ident | Rule::number | Rule::digits | Rule::date | Rule::string => {
                self.nots = 0;
            }
            _ => {}
        }
        if self.operators > limits.operators {
            return Err(Limit::Operators(limits.operators));
        }
        if self.depth + self.nots + self.ifs > limits.nesting {
            return Err(Limit::Nesting(limits.nesting));
        }
        Ok(())
    }
}

/// A limit an item passes.
enum Limit {
    /// More arithmetic operators than this.
    Operators(usize),
    /// Nested deeper than this.
    Nesting(usize),
    /// Deeper than the parser's stack holds.
    Stack,
}

fn limit_diagnostic(file: &Arc<SourceFile>, span: Span, limit: Limit) -> Diagnostic {
    let (message, label, help) = match limit {
        Limit::Operators(n) => (
            text!("diag-syntax-too-many-operators", limit = n.to_string()),
            text!("diag-syntax-too-many-operators-label"),
            text!("diag-syntax-too-many-operators-help"),
        ),
        Limit::Nesting(n) => (
            text!("diag-syntax-too-deep", limit = n.to_string()),
            text!("diag-syntax-too-deep-label"),
            text!("diag-syntax-split-condition-help"),
        ),
        Limit::Stack => (
            text!("diag-syntax-stack"),
            text!("diag-syntax-stack-label"),
            text!("diag-syntax-split-condition-help"),
        ),
    };
    Diagnostic::error(Code::LimitExceeded, message)
        .in_file(file)
        .label(span, label)
        .help(help)
}

/// Refuse an item nested deeper than [`Limits::nesting`], or with more than
/// [`Limits::operators`] arithmetic operators, before anything recurses
/// through its tree. Reads the parse in order, without recursion.
fn nesting_guard(
    file: &Arc<SourceFile>,
    pairs: Pairs<'_, Rule>,
    offset: usize,
    limits: &Limits,
) -> Option<Diagnostic> {
    let mut nesting = Nesting::default();
    for p in pairs.flatten() {
        if let Err(e) = nesting.step(p.as_rule(), limits) {
            let span = p.as_span();
            return Some(limit_diagnostic(
                file,
                Span::new(offset + span.start(), offset + span.end()),
                e,
            ));
        }
    }
    None
}

/// The diagnostic for an item the parser could not read for lack of stack:
/// where its tokens pass the nesting limit, or the whole item when they do
/// not (a limit raised beyond what the stack holds).
fn too_deep(file: &Arc<SourceFile>, chunk: &str, offset: usize, limits: &Limits) -> Diagnostic {
    let mut nesting = Nesting::default();
    for t in tokens(chunk, offset).unwrap_or_default() {
        let text = file.slice(t.span);
        let read = match (t.kind, text) {
            (TokenKind::Open, _) => Rule::lparen,
            (TokenKind::Close, _) => Rule::rparen,
            (TokenKind::Word, "not") => Rule::kw_not,
            (TokenKind::Word, "if") => Rule::kw_if,
            (TokenKind::Word | TokenKind::Quoted, _) => Rule::name,
            (TokenKind::Op, "+" | "-" | "*" | "/" | "×" | "÷") => Rule::add_op,
            _ => continue,
        };
        if let Err(e) = nesting.step(read, limits) {
            return limit_diagnostic(file, t.span, e);
        }
    }
    let end = floor_char_boundary(
        chunk,
        chunk.len().min(chunk.find('\n').unwrap_or(chunk.len())),
    );
    limit_diagnostic(file, Span::new(offset, offset + end), Limit::Stack)
}

fn syntax_error(
    file: &Arc<SourceFile>,
    chunk: &str,
    offset: usize,
    error: &pest::error::Error<Rule>,
) -> Diagnostic {
    let pos = match error.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let pos = floor_char_boundary(chunk, pos);
    // Everything before the error parsed, so it reads as tokens.
    let (lexed, lexed_end) = lex(chunk);
    let after_arrow = lexed
        .iter()
        .rev()
        .find(|t| t.span.end <= pos && t.kind != TokenKind::LineBreak)
        .is_some_and(|t| t.kind == TokenKind::Arrow);
    let pos = skip_blank(&lexed, lexed_end, pos, after_arrow);
    let expected = match &error.variant {
        _ if after_arrow => words::after_arrow(),
        pest::error::ErrorVariant::ParsingError { positives, .. } => words::expected(positives),
        pest::error::ErrorVariant::CustomError { message } => words::Expected {
            english: message.clone(),
            words: Arg::from(message),
            hint: None,
        },
    };
    // What the parser could not read, described from the grammar's
    // readings of the mistakes at that place.
    if lexed_end <= pos
        && let Some(d) = unreadable(file, chunk, offset, lexed_end)
    {
        return d;
    }
    if let pest::error::ErrorVariant::ParsingError { positives, .. } = &error.variant
        && positives.contains(&Rule::date)
        && let Some(d) = bad_date(file, chunk, offset, pos)
    {
        return d;
    }
    let found = found_token(&lexed, chunk, pos);
    let span = Span::new(offset + pos, offset + pos + found.len());
    let at_line_end = lexed
        .iter()
        .any(|t| t.kind == TokenKind::LineBreak && t.span.start == pos)
        || chunk.get(pos..).is_some_and(|r| r.starts_with("\r\n"));
    let found_words = if at_line_end {
        words::word("the end of the line")
    } else if found.is_empty() {
        words::word("the end of the item")
    } else {
        Arg::from(format!("`{found}`"))
    };
    let mut d = Diagnostic::error(
        Code::Syntax,
        text!(
            "diag-syntax-expected",
            expected = expected.words.clone(),
            found = found_words
        ),
    )
    .in_file(file)
    .label(
        span,
        if expected.english.chars().count() <= 40 {
            text!("diag-syntax-expected-here", expected = expected.words)
        } else {
            text!("diag-syntax-unexpected-here")
        },
    );
    // Where items start is worth saying only where a line starts, or where
    // an item keyword is found inside an item.
    let at_line_start = pos == 0 || chunk.get(..pos).is_some_and(|b| b.ends_with('\n'));
    let item_keyword = matches!(
        found,
        "rulebook" | "law" | "fact" | "define" | "remedy" | "rule" | "exception"
    );
    let help = expected
        .hint
        .or_else(|| (at_line_start || item_keyword).then(|| text!("diag-syntax-item-start-help")));
    d = d.maybe_help(help);
    d
}

/// The span of `pair`, in bytes of the file.
fn file_span(pair: &pest::iterators::Pair<'_, Rule>, offset: usize) -> Span {
    let s = pair.as_span();
    Span::new(offset + s.start(), offset + s.end())
}

/// What no token reads at `at` (where reading the item as tokens stopped):
/// full-width punctuation, or a quoted text its line does not close.
fn unreadable(file: &Arc<SourceFile>, chunk: &str, offset: usize, at: usize) -> Option<Diagnostic> {
    let rest = chunk.get(at..)?;
    if let Ok(mut pairs) = Grammar::parse(Rule::full_width_quoted, rest) {
        let quoted = pairs.next()?;
        let inner = quoted.clone().into_inner().next()?.as_str();
        let span = file_span(&quoted, offset + at);
        let replacement = format!("\"{}\"", inner.replace('\\', "\\\\").replace('"', "\\\""));
        return Some(
            Diagnostic::error(
                Code::FullWidthPunctuation,
                text!("diag-syntax-full-width-quotes"),
            )
            .in_file(file)
            .label(span, text!("diag-syntax-full-width-quotes-label"))
            .help(text!("diag-syntax-full-width-help"))
            .fix(
                span,
                replacement,
                text!("diag-syntax-full-width-quotes-fix"),
            ),
        );
    }
    if let Ok(mut pairs) = Grammar::parse(Rule::full_width, rest) {
        let mark = pairs.next()?;
        let (name, ascii) = match mark.as_str() {
            "：" => ("diag-syntax-mark-colon", ":"),
            "，" => ("diag-syntax-mark-comma", ","),
            "、" => ("diag-syntax-mark-enumeration-comma", ","),
            "《" => ("diag-syntax-mark-book-title", "<"),
            "》" => ("diag-syntax-mark-book-title", ">"),
            "＜" => ("diag-syntax-mark-less-than", "<"),
            "＞" => ("diag-syntax-mark-greater-than", ">"),
            "＝" => ("diag-syntax-mark-equals", "="),
            "。" => ("diag-syntax-mark-full-stop", "."),
            "（" => ("diag-syntax-mark-opening-parenthesis", "("),
            "）" => ("diag-syntax-mark-closing-parenthesis", ")"),
            "“" => ("diag-syntax-mark-opening-quote", "\""),
            _ => ("diag-syntax-mark-closing-quote", "\""),
        };
        let name = Text::new(name, Vec::new());
        let text = mark.as_str();
        let span = file_span(&mark, offset + at);
        return Some(
            Diagnostic::error(
                Code::FullWidthPunctuation,
                text!(
                    "diag-syntax-full-width",
                    name = name.clone(),
                    text = text,
                    ascii = ascii
                ),
            )
            .in_file(file)
            .label(span, name)
            .help(text!("diag-syntax-full-width-help"))
            .fix(
                span,
                ascii,
                text!("diag-syntax-full-width-fix", text = text, ascii = ascii),
            ),
        );
    }
    if let Ok(mut pairs) = Grammar::parse(Rule::unclosed_string, rest) {
        let quoted = pairs.next()?;
        let open = Span::new(offset + at, offset + at + 1);
        // the quote closes after the text, before spaces and a carriage return
        let text = quoted.as_str().trim_end_matches([' ', '\t', '\r']);
        let end = open.start + text.len();
        return Some(
            Diagnostic::error(Code::UnclosedQuote, text!("diag-syntax-unclosed-quote"))
                .in_file(file)
                .label(
                    Span::new(end, end),
                    text!("diag-syntax-unclosed-quote-label"),
                )
                .label(open, text!("diag-syntax-unclosed-quote-opens"))
                .help(text!("diag-syntax-unclosed-quote-help"))
                .fix(
                    Span::new(end, end),
                    "\"",
                    text!("diag-syntax-unclosed-quote-fix"),
                ),
        );
    }
    None
}

/// A date written wrongly (`2001-11-5`, `2001/11/15`), as the grammar's
/// `bad_date` reads it: what is wrong with it, and the date meant when that
/// is plain.
#[derive(Clone, Debug, PartialEq)]
pub struct MalformedDate {
    /// How many bytes of the text it is.
    pub len: usize,
    /// The message: "`2001-11-5` is not a date: its day `5` must have two digits".
    pub message: Text,
    /// The date meant, `2001-11-05`, when the parts say it plainly.
    pub meant: Option<String>,
}

impl MalformedDate {
    /// The help that goes with it.
    pub fn help(&self) -> Text {
        match &self.meant {
            Some(meant) => text!("diag-syntax-bad-date-help-meant", date = meant),
            None => text!("diag-syntax-bad-date-help"),
        }
    }
}

/// The malformed date at the start of `text`, if one is there (a well-formed
/// date is not one).
pub fn malformed_date(text: &str) -> Option<MalformedDate> {
    let whole = Grammar::parse(Rule::bad_date, text).ok()?.next()?;
    let parts: Vec<&str> = whole.clone().into_inner().map(|p| p.as_str()).collect();
    let [year, sep1, month, sep2, day] = parts.as_slice() else {
        return None;
    };
    let mut wrong: Vec<Arg> = Vec::new();
    if *sep1 != "-" || *sep2 != "-" {
        let sep = if *sep1 == "-" { sep2 } else { sep1 };
        wrong.push(text!("diag-syntax-bad-date-separator", sep = *sep).into());
    }
    for (what, part) in [
        ("diag-syntax-bad-date-month", month),
        ("diag-syntax-bad-date-day", day),
    ] {
        if part.len() != 2 {
            wrong.push(Text::new(what, vec![("part", Arg::from(*part))]).into());
        }
    }
    if wrong.is_empty() {
        return None;
    }
    let meant = match (month.parse::<u8>(), day.parse::<u8>()) {
        (Ok(m @ 1..=12), Ok(d @ 1..=31)) if month.len() <= 2 && day.len() <= 2 => {
            Some(format!("{year}-{m:02}-{d:02}"))
        }
        _ => None,
    };
    Some(MalformedDate {
        len: whole.as_str().len(),
        // said without spaces, so that the message stays the same when
        // `fmt` lays the text out as arithmetic (`2001 - 11 - 5`)
        message: text!(
            "diag-syntax-bad-date",
            date = format!("{year}{sep1}{month}{sep2}{day}"),
            wrong = wrong
                .into_iter()
                .reduce(
                    |first, then| text!("diag-syntax-and-also", first = first, then = then).into()
                )
                .unwrap_or_else(|| Arg::from(""))
        ),
        meant,
    })
}

/// A malformed date at `pos` (`2001-11-5`, `2001/11/15`): the whole of it,
/// what is wrong with it, and the date meant when that is plain.
fn bad_date(file: &Arc<SourceFile>, chunk: &str, offset: usize, pos: usize) -> Option<Diagnostic> {
    let found = malformed_date(chunk.get(pos..)?)?;
    let span = Span::new(offset + pos, offset + pos + found.len);
    let mut d = Diagnostic::error(Code::Syntax, found.message.clone())
        .in_file(file)
        .label(span, text!("diag-syntax-bad-date-label"))
        .help(found.help());
    if let Some(meant) = found.meant {
        d = d.fix(
            span,
            meant.clone(),
            text!("diag-syntax-write-fix", text = &meant),
        );
    }
    Some(d)
}

/// The token found at `pos`: the rest of a word, or one character (nothing
/// at the end of a line or of the item).
fn found_token<'c>(lexed: &[Token], chunk: &'c str, pos: usize) -> &'c str {
    let end = match lexed
        .iter()
        .find(|t| t.span.start <= pos && pos < t.span.end)
    {
        Some(t) if t.kind == TokenKind::Word => t.span.end,
        Some(t) if t.kind == TokenKind::LineBreak => pos,
        _ => chunk
            .get(pos..)
            .and_then(|r| r.chars().next())
            .filter(|c| *c != '\r' && *c != '\n')
            .map_or(pos, |c| pos + c.len_utf8()),
    };
    chunk.get(pos..end).unwrap_or("")
}

/// Where to point for an error at `pos`: past spaces and, when the line holds
/// nothing more, past blank lines and comments, to the next token (or where
/// reading stopped). Right after `=>`, the end of that line.
fn skip_blank(lexed: &[Token], lexed_end: usize, pos: usize, after_arrow: bool) -> usize {
    let mut next = lexed.iter().filter(|t| t.span.end > pos).peekable();
    if next.peek().is_some_and(|t| t.span.start <= pos) {
        // inside or at the start of a token
        return pos;
    }
    for t in next {
        match t.kind {
            TokenKind::LineBreak if after_arrow => return t.span.start,
            TokenKind::LineBreak | TokenKind::Comment => {}
            _ => return t.span.start,
        }
    }
    lexed_end.max(pos)
}

/// Warn about invisible characters that reorder text (the "Trojan Source"
/// trick): what the editor sees is not what redress reads.
fn bidi_controls(file: &Arc<SourceFile>) -> Vec<Diagnostic> {
    if !maybe_bidi(file.text().as_bytes()) {
        return Vec::new();
    }
    let found: Vec<(usize, char)> = file
        .text()
        .char_indices()
        .filter(|(_, c)| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'))
        .collect();
    let mut out: Vec<Diagnostic> = found
        .iter()
        .take(TEXT_WARNINGS)
        .map(|&(i, c)| {
            Diagnostic::warning(
                Code::ConfusableText,
                text!("diag-syntax-bidi", code = format!("U+{:04X}", c as u32)),
            )
            .in_file(file)
            .label(
                Span::new(i, i + c.len_utf8()),
                text!("diag-syntax-bidi-label"),
            )
            .help(text!("diag-syntax-bidi-help"))
        })
        .collect();
    if found.len() > TEXT_WARNINGS {
        out.push(
            Diagnostic::warning(
                Code::ConfusableText,
                text!(
                    "diag-syntax-bidi-more",
                    count = found.len() - TEXT_WARNINGS,
                    more = crate::diagnostic::grouped(found.len() - TEXT_WARNINGS),
                    first = TEXT_WARNINGS.to_string()
                ),
            )
            .in_file(file),
        );
    }
    out
}

/// Whether the UTF-8 `text` may hold a character that reorders text
/// (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: `E2 80 8E`, `E2 80 8F`,
/// `E2 80 AA`–`AE`, `E2 81 A6`–`A9`): a byte scan, so that text without
/// them (nearly all) is not decoded character by character.
fn maybe_bidi(text: &[u8]) -> bool {
    any_byte(
        text,
        |b| b == 0xE2,
        |i| {
            matches!(
                text.get(i..i + 3),
                Some([0xE2, 0x80, 0x8E | 0x8F | 0xAA..=0xAE] | [0xE2, 0x81, 0xA6..=0xA9])
            )
        },
    )
}

/// Whether the UTF-8 `text` may hold a control character other than a
/// line break, a tab or a carriage return before a line break (U+0000–U+001F,
/// U+007F, U+0080–U+009F, the last as `C2 80`–`C2 9F`): a byte scan.
fn maybe_control(text: &[u8]) -> bool {
    any_byte(
        text,
        |b| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7F || b == 0xC2,
        |i| match text.get(i) {
            Some(b'\r') => text.get(i + 1) != Some(&b'\n'),
            Some(0xC2) => matches!(text.get(i + 1), Some(0x80..=0x9F)),
            _ => true,
        },
    )
}

/// Whether `found` holds at some byte of `text` where `maybe` holds. Blocks
/// of 64 bytes are tested whole first (a loop without branches, which the
/// compiler vectorises), so text where `maybe` never holds takes a fraction
/// of a byte-by-byte search.
fn any_byte(text: &[u8], maybe: impl Fn(u8) -> bool, found: impl Fn(usize) -> bool) -> bool {
    let mut start = 0;
    for block in text.chunks(64) {
        if block.iter().fold(false, |any, b| any | maybe(*b)) {
            for (i, b) in block.iter().enumerate() {
                if maybe(*b) && found(start + i) {
                    return true;
                }
            }
        }
        start += block.len();
    }
    false
}

/// Warnings of one kind about the text reported one by one; the rest are
/// counted in one more (so that no text makes the report grow without end).
const TEXT_WARNINGS: usize = 50;

/// Characters labelled in one line's control-character warning.
const LINE_LABELS: usize = 10;

/// Warn about control characters (escape, backspace, a carriage return not
/// ending a line, …) in the text: a terminal acts on them, so the rulebook,
/// its titles and its comments can look different from what redress reads.
/// Line breaks and tabs are layout, not warned about. One warning per line,
/// with a label on each of its first ten such characters; the first 50 lines
/// one by one, then one warning counting the rest.
fn control_characters(file: &Arc<SourceFile>) -> Vec<Diagnostic> {
    let text = file.text();
    if !maybe_control(text.as_bytes()) {
        return Vec::new();
    }
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut more_lines = 0usize;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut chars: Vec<(usize, char)> = Vec::new();
        for (i, c) in line.char_indices() {
            let ends_line = c == '\r' && line.get(i + 1..) == Some("\n");
            if c.is_control() && c != '\n' && c != '\t' && !ends_line {
                chars.push((line_start + i, c));
            }
        }
        line_start += line.len();
        let Some(&(first, c)) = chars.first() else {
            continue;
        };
        if found.len() == TEXT_WARNINGS {
            more_lines += 1;
            continue;
        }
        let mut codes: Vec<String> = Vec::new();
        for (_, c) in &chars {
            let code = format!("U+{:04X}", *c as u32);
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        let message = if chars.len() == 1 {
            text!("diag-syntax-control", codes = Arg::list(&codes))
        } else {
            text!(
                "diag-syntax-controls",
                count = chars.len(),
                codes = Arg::list(&codes)
            )
        };
        let mut d = Diagnostic::warning(Code::ControlCharacter, message)
            .in_file(file)
            .label(
                Span::new(first, first + c.len_utf8()),
                text!("diag-syntax-control-label"),
            );
        for &(i, c) in chars.iter().skip(1).take(LINE_LABELS - 1) {
            d = d.label(Span::new(i, i + c.len_utf8()), "");
        }
        found.push(d.help(text!("diag-syntax-control-help")));
    }
    if more_lines > 0 {
        found.push(
            Diagnostic::warning(
                Code::ControlCharacter,
                text!(
                    "diag-syntax-control-more",
                    count = more_lines,
                    more = crate::diagnostic::grouped(more_lines),
                    first = TEXT_WARNINGS.to_string()
                ),
            )
            .in_file(file),
        );
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{chunks, parse};
    use crate::source::SourceFile;

    #[test]
    fn items_split_at_keywords_at_line_start() {
        let text = "# intro\nrulebook\n  title \"x\"\nfact a: yes/no\n  question \"rule of thumb\"\nrule r\n  a => b\n";
        let starts: Vec<usize> = chunks(text).into_iter().map(|r| r.start).collect();
        let lines: Vec<&str> = starts
            .iter()
            .map(|s| text[*s..].lines().next().unwrap())
            .collect();
        assert_eq!(lines, ["# intro", "rulebook", "fact a: yes/no", "rule r"]);
    }

    #[test]
    fn every_broken_item_is_reported() {
        let file = SourceFile::new("t.rules", "fact a yes/no\nfact b: maybe\nfact c: number\n");
        let (ast, diagnostics) = parse(&file);
        assert_eq!(diagnostics.len(), 2);
        assert_eq!(ast.items.len(), 1);
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!(
            "define d as {}a{}\n",
            "(".repeat(10_000),
            ")".repeat(10_000)
        );
        let (_, diagnostics) = parse(&SourceFile::new("t.rules", deep));
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].message.contains("more than"));
        let nots = format!("define d as {}a\n", "not ".repeat(10_000));
        let (_, diagnostics) = parse(&SourceFile::new("t.rules", nots));
        assert_eq!(diagnostics.len(), 1);
    }
}
