//! Text → syntax tree.
//!
//! Input: a [`SourceFile`]. Output: an [`ast::Rulebook`] and the syntax
//! diagnostics. This is the only module that knows pest exists.
//!
//! The text is split into items at lines that start with an item keyword, and
//! each item is parsed on its own, so one run reports a syntax error in every
//! broken item, not only the first.

mod lower;
mod words;

use std::sync::Arc;

use pest::Parser as _;

use crate::ast;
use crate::diagnostic::{Code, Diagnostic};
use crate::limits::Limits;
use crate::source::{SourceFile, Span, floor_char_boundary};

/// The generated parser; private to this module.
mod generated {
    #![allow(missing_docs)]
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/redress.pest"]
    pub(crate) struct Grammar;
}
use generated::{Grammar, Rule};

/// The keywords that start an item at the beginning of a line.
pub const ITEM_KEYWORDS: &[&str] = &[
    "rulebook",
    "law",
    "fact",
    "define",
    "remedy",
    "rule",
    "exception",
];

/// Parse a rulebook. Always returns a tree of the items that parsed, with a
/// diagnostic for each item that did not.
pub fn parse(file: &Arc<SourceFile>) -> (ast::Rulebook, Vec<Diagnostic>) {
    parse_with(file, &Limits::DEFAULT)
}

/// [`parse`], with limits other than the defaults.
pub fn parse_with(file: &Arc<SourceFile>, limits: &Limits) -> (ast::Rulebook, Vec<Diagnostic>) {
    let text = file.text();
    let mut rulebook = ast::Rulebook::default();
    let mut diagnostics = bidi_controls(file);
    diagnostics.extend(control_characters(file));
    for (start, end) in split_items(text) {
        let Some(chunk) = text.get(start..end) else {
            continue;
        };
        if is_blank(chunk) {
            continue;
        }
        if let Some(d) = nesting_guard(file, chunk, start, limits) {
            diagnostics.push(d);
            continue;
        }
        match Grammar::parse(Rule::item, chunk) {
            Ok(mut pairs) => {
                let mut lowerer = lower::Lowerer {
                    file,
                    offset: start,
                    diagnostics: &mut diagnostics,
                };
                if let Some(item) = pairs.next().and_then(|p| lowerer.item(p)) {
                    rulebook.items.push(item);
                }
            }
            Err(e) => diagnostics.push(syntax_error(file, chunk, start, &e)),
        }
    }
    (rulebook, diagnostics)
}

/// Byte ranges of the items: each starts at a line beginning with an item
/// keyword; text before the first keyword is a range of its own.
fn split_items(text: &str) -> Vec<(usize, usize)> {
    let mut starts = vec![0];
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if line_start > 0 && starts_item(line) {
            starts.push(line_start);
        }
        line_start += line.len();
    }
    let mut ranges = Vec::with_capacity(starts.len());
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(text.len());
        ranges.push((s, e));
    }
    ranges
}

fn starts_item(line: &str) -> bool {
    ITEM_KEYWORDS.iter().any(|kw| {
        line.strip_prefix(kw)
            .is_some_and(|rest| rest.chars().next().is_none_or(char::is_whitespace))
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when the chunk holds only white space and comments.
fn is_blank(chunk: &str) -> bool {
    chunk.lines().all(|l| {
        let l = l.trim_start_matches('\u{FEFF}').trim();
        l.is_empty() || l.starts_with('#')
    })
}

/// Refuse an item nested deeper than [`Limits::nesting`] before the recursive
/// parser sees it, so no input can overflow the stack.
fn nesting_guard(
    file: &Arc<SourceFile>,
    chunk: &str,
    offset: usize,
    limits: &Limits,
) -> Option<Diagnostic> {
    let (max_nesting, max_operators) = (limits.nesting, limits.operators);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut in_comment = false;
    let mut prev_not = 0usize;
    let mut word = String::new();
    let mut operators = 0usize;
    let mut prev = ' ';
    let mut chars = chunk.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |(_, n)| *n);
        let before = prev;
        prev = c;
        if in_comment {
            in_comment = c != '\n';
            continue;
        }
        if in_string {
            in_string = c != '"';
            continue;
        }
        if is_word_char(c) {
            word.push(c);
            continue;
        }
        if word == "not" {
            prev_not += 1;
        } else if !word.is_empty() {
            prev_not = 0;
        }
        word.clear();
        match c {
            '"' => in_string = true,
            '#' => in_comment = true,
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '+' | '*' | '/' | '×' | '÷' => operators += 1,
            // a minus, but not the dashes of a date
            '-' if !(before.is_ascii_digit() && next.is_ascii_digit()) => operators += 1,
            _ => {}
        }
        if operators > max_operators {
            let at = offset + i;
            return Some(
                Diagnostic::error(
                    Code::LimitExceeded,
                    format!("this item has more than {max_operators} arithmetic operators"),
                )
                .in_file(file)
                .label(Span::new(at, at + c.len_utf8()), "one too many here")
                .help("split the computation into named derived facts with `define`"),
            );
        }
        if depth + prev_not > max_nesting {
            let at = offset + i;
            return Some(
                Diagnostic::error(
                    Code::LimitExceeded,
                    format!("this item nests parentheses or `not` more than {max_nesting} deep"),
                )
                .in_file(file)
                .label(Span::new(at, at + c.len_utf8()), "too deep here")
                .help("split the condition into named derived facts with `define`"),
            );
        }
    }
    None
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
    let after_arrow = chunk
        .get(..pos)
        .is_some_and(|before| before.trim_end().ends_with("=>"));
    let pos = skip_blank(chunk, pos);
    let (expected, context) = match &error.variant {
        _ if after_arrow => words::after_arrow(),
        pest::error::ErrorVariant::ParsingError { positives, .. } => words::expected(positives),
        pest::error::ErrorVariant::CustomError { message } => (message.clone(), None),
    };
    let found = found_token(chunk, pos);
    let span = Span::new(offset + pos, offset + pos + found.len());
    let at_line_end = chunk
        .get(pos..)
        .is_some_and(|r| r.starts_with(['\n', '\r']));
    let found_words = if at_line_end {
        "the end of the line".to_string()
    } else if found.is_empty() {
        "the end of the item".to_string()
    } else {
        format!("`{found}`")
    };
    let mut d = Diagnostic::error(
        Code::Syntax,
        format!("expected {expected}, found {found_words}"),
    )
    .in_file(file)
    .label(
        span,
        if expected.chars().count() <= 40 {
            format!("expected {expected} here")
        } else {
            "unexpected here".to_string()
        },
    );
    let help = context.map(str::to_string).or_else(|| {
        Some(
            "each item starts at the beginning of a line with `rulebook`, `law`, `fact`, \
             `define`, `remedy`, `rule` or `exception`; see docs/language.md"
                .to_string(),
        )
    });
    d = d.maybe_help(help);
    d
}

/// The token at `pos`: a word, a quoted string's first line, or one character.
fn found_token(chunk: &str, pos: usize) -> &str {
    let rest = chunk.get(pos..).unwrap_or("");
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        if is_word_char(c) || (c == '.' && i > 0) {
            end = i + c.len_utf8();
        } else {
            if i == 0 {
                end = if c == '\n' || c == '\r' {
                    0
                } else {
                    c.len_utf8()
                };
            }
            break;
        }
    }
    rest.get(..end).unwrap_or("")
}

/// Move past spaces and, when the line holds nothing more, past blank lines
/// and comments, to the next token (or the end).
fn skip_blank(chunk: &str, mut pos: usize) -> usize {
    let rest = chunk.get(pos..).unwrap_or("");
    let same_line = rest.trim_start_matches([' ', '\t']);
    if same_line.starts_with(['\n', '\r'])
        && chunk
            .get(..pos)
            .is_some_and(|b| b.trim_end().ends_with("=>"))
    {
        return pos + rest.len() - same_line.len();
    }
    loop {
        let rest = chunk.get(pos..).unwrap_or("");
        let trimmed = rest.trim_start();
        pos += rest.len() - trimmed.len();
        if trimmed.starts_with('#') {
            pos += trimmed.find('\n').unwrap_or(trimmed.len());
        } else {
            return pos;
        }
    }
}

/// Warn about invisible characters that reorder text (the "Trojan Source"
/// trick): what the editor sees is not what redress reads.
fn bidi_controls(file: &Arc<SourceFile>) -> Vec<Diagnostic> {
    file.text()
        .char_indices()
        .filter(|(_, c)| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'))
        .map(|(i, c)| {
            Diagnostic::warning(
                Code::ConfusableText,
                format!("an invisible right-to-left control character (U+{:04X}) is in the text", c as u32),
            )
            .in_file(file)
            .label(Span::new(i, i + c.len_utf8()), "invisible character here")
            .help("it can make the text display differently from how redress reads it; delete it")
        })
        .collect()
}

/// Warn about control characters (escape, backspace, a carriage return not
/// ending a line, …) in the text: a terminal acts on them, so the rulebook,
/// its titles and its comments can look different from what redress reads.
/// Line breaks and tabs are layout, not warned about. One warning per line,
/// with a label on each such character.
fn control_characters(file: &Arc<SourceFile>) -> Vec<Diagnostic> {
    let text = file.text();
    let mut found: Vec<Diagnostic> = Vec::new();
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
        let mut codes: Vec<String> = Vec::new();
        for (_, c) in &chars {
            let code = format!("U+{:04X}", *c as u32);
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        let message = if chars.len() == 1 {
            format!("a control character ({}) is in the text", codes.join(", "))
        } else {
            format!(
                "{} control characters ({}) are in this line",
                chars.len(),
                codes.join(", ")
            )
        };
        let mut d = Diagnostic::warning(Code::ControlCharacter, message)
            .in_file(file)
            .label(
                Span::new(first, first + c.len_utf8()),
                "control character here",
            );
        for &(i, c) in chars.iter().skip(1) {
            d = d.label(Span::new(i, i + c.len_utf8()), "");
        }
        found.push(d.help(
            "a terminal acts on control characters (moving the cursor, changing colours, hiding text), so the text can look different from what redress reads; delete them",
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{parse, split_items};
    use crate::source::SourceFile;

    #[test]
    fn items_split_at_keywords_at_line_start() {
        let text = "# intro\nrulebook\n  title \"x\"\nfact a: yes/no\n  question \"rule of thumb\"\nrule r\n  a => b\n";
        let starts: Vec<usize> = split_items(text).into_iter().map(|(s, _)| s).collect();
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
