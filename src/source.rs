//! Source text and byte spans.
//!
//! Input: a file name and its text. Output: [`SourceFile`], shared by every
//! diagnostic that points into it, and [`Span`], a byte range.

use std::sync::Arc;

/// A half-open byte range `start..end` into one source file.
///
/// Spans never take part in equality of syntax or model nodes; they are kept
/// beside the meaning, not inside it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shift by `offset` bytes.
    pub fn shift(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True for a zero-width span.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

/// A named source text: a rulebook or a case file.
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    text: Arc<str>,
}

impl SourceFile {
    /// A source with a display name (usually the path as given).
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Arc<SourceFile> {
        Arc::new(SourceFile {
            name: name.into(),
            text: text.into(),
        })
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text under a span, or "" when the span is out of range.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = self.text.get(..offset).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before.get(line_start..).unwrap_or("").chars().count() + 1;
        (line, col)
    }

    /// The text as a miette source, named for the report.
    pub fn to_miette(&self) -> miette::NamedSource<Arc<str>> {
        miette::NamedSource::new(self.name.clone(), Arc::clone(&self.text))
    }
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Widen a zero-width span to cover the next character (or the previous one
/// at the end of the text), so that a caret has something to point at.
pub fn widen(text: &str, span: Span) -> Span {
    if !span.is_empty() {
        return span;
    }
    let start = floor_char_boundary(text, span.start);
    match text.get(start..).and_then(|rest| rest.chars().next()) {
        Some(c) if c != '\n' && c != '\r' => Span::new(start, start + c.len_utf8()),
        _ => Span::new(start, start),
    }
}
