//! What the graphical report shows of a diagnostic: its message, labels and
//! help made visible ([`super::visible`]), and a copy of the source lines it
//! points at with each control character made visible and each very long
//! line clipped to a window around the labels, with `…` where text is cut.
//!
//! Input: a [`Diagnostic`]. Output: [`Excerpted`], a `miette::Diagnostic` whose
//! source is that copy ([`Excerpt`]) and whose labels point into it. Line
//! numbers and the position in the report's header are those of the original
//! file; only what is shown is changed. (miette pads with the column of a
//! label, and Rust cannot pad beyond 65,535 columns: an unclipped line that
//! long made the renderer panic.)

use std::borrow::Cow;
use std::fmt;

use crate::diagnostic::Diagnostic;
use crate::source::{Span, floor_char_boundary, widen};

use super::visible::{push_visible, visible};

/// Lines longer than this many characters are clipped.
pub const CLIP_AT: usize = 200;
/// A clipped line shows this many characters of the original line,
const WINDOW: usize = 120;
/// starting this many characters before the first label on it.
const LEAD: usize = 40;

/// Messages, labels and help longer than this many characters (a message
/// quoting a 70,000-character key) keep their start and end around a `…`.
pub const SHORTEN_AT: usize = 400;

/// A text of at most [`SHORTEN_AT`] characters (and one for the `…`).
fn shorten(text: Cow<'_, str>) -> Cow<'_, str> {
    let chars = text.chars().count();
    if chars <= SHORTEN_AT {
        return text;
    }
    let half = SHORTEN_AT / 2;
    let head: String = text.chars().take(half).collect();
    let tail: String = text.chars().skip(chars - half).collect();
    Cow::Owned(format!("{head}…{tail}"))
}

/// A diagnostic as the graphical report shows it.
#[derive(Debug)]
pub struct Excerpted<'a> {
    diagnostic: &'a Diagnostic,
    message: Cow<'a, str>,
    help: Option<Cow<'a, str>>,
    excerpt: Option<Excerpt>,
    labels: Vec<miette::LabeledSpan>,
}

impl<'a> Excerpted<'a> {
    /// The shown form of a diagnostic.
    pub fn new(diagnostic: &'a Diagnostic) -> Self {
        let mut shown = Excerpted {
            diagnostic,
            message: shorten(visible(&diagnostic.message)),
            help: diagnostic.help.as_deref().map(|h| shorten(visible(h))),
            excerpt: None,
            labels: Vec::new(),
        };
        let Some(file) = &diagnostic.file else {
            return shown;
        };
        if diagnostic.labels.is_empty() {
            return shown;
        }
        let text = file.text();
        let spans: Vec<Span> = diagnostic
            .labels
            .iter()
            .map(|l| {
                let s = widen(text, l.span);
                let start = floor_char_boundary(text, s.start);
                Span::new(start, floor_char_boundary(text, s.end).max(start))
            })
            .collect();
        let excerpt = Excerpt::new(file.name(), text, &spans);
        shown.labels = diagnostic
            .labels
            .iter()
            .zip(&spans)
            .enumerate()
            .map(|(i, (label, span))| {
                let start = excerpt.view_offset(span.start);
                let end = excerpt.view_offset(span.end).max(start);
                let text =
                    Some(shorten(visible(&label.text)).into_owned()).filter(|t| !t.is_empty());
                if i == 0 {
                    miette::LabeledSpan::new_primary_with_span(text, (start, end - start))
                } else {
                    miette::LabeledSpan::new_with_span(text, (start, end - start))
                }
            })
            .collect();
        shown.excerpt = Some(excerpt);
        shown
    }
}

impl fmt::Display for Excerpted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Excerpted<'_> {}

impl miette::Diagnostic for Excerpted<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.diagnostic.severity.into())
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'b>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.excerpt.as_ref().map(|e| e as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.excerpt.as_ref()?;
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// The source lines a diagnostic shows (those from two lines before its
/// first label to two lines after its last; miette picks what it shows from
/// them), made visible and clipped.
#[derive(Debug)]
pub struct Excerpt {
    name: String,
    text: String,
    /// Lines of the file before the first line of `text`.
    first_line: usize,
    /// For each label end point: its byte offset in the file, in `text`,
    /// and its byte column in the file (for the report's header).
    points: Vec<Point>,
}

#[derive(Debug, Clone, Copy)]
struct Point {
    file: usize,
    view: usize,
    column: usize,
}

impl Excerpt {
    fn new(name: &str, text: &str, spans: &[Span]) -> Excerpt {
        let lo = spans.iter().map(|s| s.start).min().unwrap_or(0);
        let hi = spans.iter().map(|s| s.end).max().unwrap_or(0);
        // from the start of the second line before `lo` … (miette shows one
        // line of context, and for a zero-width label sometimes two)
        let line_start = |at: usize| {
            text.get(..at)
                .and_then(|b| b.rfind('\n'))
                .map_or(0, |i| i + 1)
        };
        let lo_line = line_start(lo);
        let from = line_start(line_start(lo_line.saturating_sub(1)).saturating_sub(1));
        // … to the end of the second line after `hi`
        let line_end = |at: usize| {
            text.get(at..)
                .and_then(|r| r.find('\n'))
                .map_or(text.len(), |i| at + i + 1)
        };
        let to = line_end(line_end(line_end(hi)));
        let first_line = text.get(..from).map_or(0, |b| b.matches('\n').count());

        let mut points: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
        points.sort_unstable();
        points.dedup();
        let mut excerpt = Excerpt {
            name: visible(name).into_owned(),
            text: String::new(),
            first_line,
            points: Vec::with_capacity(points.len()),
        };
        let mut pending = points.iter().copied().peekable();
        let mut at = from;
        for line in text.get(from..to).unwrap_or("").split_inclusive('\n') {
            let (content, ending) = match line.strip_suffix('\n') {
                Some(c) => (c.strip_suffix('\r').unwrap_or(c), "\n"),
                None => (line, ""),
            };
            // the label end points on this line (an end point in the line
            // break belongs to the line's end)
            let mut here: Vec<usize> = Vec::new();
            while let Some(p) = pending.next_if(|p| *p < at + line.len() || ending.is_empty()) {
                // (a point in the line break keeps its offset: it is shown at
                // the line's end, and found again by where it is in the file)
                here.push(p.saturating_sub(at));
            }
            excerpt.push_line(content, &here, at);
            excerpt.text.push_str(ending);
            at += line.len();
        }
        // points past the excerpt (cannot happen: `to` covers `hi`)
        for p in pending {
            excerpt.points.push(Point {
                file: p,
                view: excerpt.text.len(),
                column: 0,
            });
        }
        excerpt
    }

    /// Append one line (without its line break), clipped around `points`
    /// (byte offsets in `content`, ascending), and record where they land.
    fn push_line(&mut self, content: &str, points: &[usize], line_at: usize) {
        let chars = content.chars().count();
        let (from, to) = if chars > CLIP_AT {
            let first = points.first().map_or(0, |p| {
                content
                    .get(..(*p).min(content.len()))
                    .map_or(0, |b| b.chars().count())
            });
            let from = first.saturating_sub(LEAD);
            (from, (from + WINDOW).min(chars))
        } else {
            (0, chars)
        };
        let mut next = points.iter().copied().peekable();
        if from > 0 {
            // end points before the window land on the `…`
            let cut = content
                .char_indices()
                .nth(from)
                .map_or(content.len(), |(b, _)| b);
            self.record(&mut next, line_at, cut.saturating_sub(1));
            self.text.push('…');
        }
        for (b, c) in content.char_indices().skip(from).take(to - from) {
            self.record(&mut next, line_at, b);
            push_visible(&mut self.text, c);
        }
        if to < chars {
            self.text.push('…');
        }
        // the rest: the end of the line, or past the window (after the `…`)
        self.record(&mut next, line_at, usize::MAX);
    }

    /// Record the end points up to `upto` (in the line) as landing here.
    fn record(
        &mut self,
        next: &mut std::iter::Peekable<impl Iterator<Item = usize>>,
        line_at: usize,
        upto: usize,
    ) {
        while let Some(p) = next.next_if(|p| *p <= upto) {
            self.points.push(Point {
                file: line_at + p,
                view: self.text.len(),
                column: p,
            });
        }
    }

    /// Where a byte offset of the file (a label end point) is in the excerpt.
    fn view_offset(&self, file: usize) -> usize {
        self.points
            .iter()
            .find(|p| p.file == file)
            .map_or(0, |p| p.view)
    }
}

impl miette::SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner =
            self.text
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
        // the header's column: the label's own, in the file
        let column = match (
            context_lines_before,
            self.points.iter().find(|p| p.view == span.offset()),
        ) {
            (0, Some(p)) => p.column,
            _ => inner.column(),
        };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            column,
            inner.line_count() + self.first_line,
        )))
    }
}
