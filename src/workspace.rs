//! A rulebook being edited, checked again after every change of its text.
//!
//! A [`Workspace`] holds the last text, its items as parsed and its check.
//! [`Workspace::update`] gives the diagnostics of a new text — exactly those
//! of [`crate::syntax::parse_with`] followed, when that found no error, by
//! those of [`crate::check::check_with`] — doing only the work the edit
//! needs:
//!
//! - Only the text around the edit is cut into items again (from the item
//!   before the first changed byte to the first item after the last one),
//!   and only items whose text changed are parsed; the items after the edit
//!   keep their trees, their spans moved in place.
//! - When the edit changed one rule or exception (not its name or the rules
//!   it is an exception to), only that rule is checked again, with its
//!   contradictions, those of its exceptions, and the unused names
//!   ([`crate::check::incremental`]). Any other edit — a fact, a remedy, a
//!   rule's name, several items at once, a rulebook with exceptions to
//!   several rules — checks the whole text, as do the first text and the
//!   first after syntax errors were fixed when the last check was of an
//!   older text whose items differ in more than one.
//!
//! A language server keeps one per open document.

use std::ops::Range;
use std::sync::Arc;

use crate::ast::{self, Rebase as _};
use crate::check::incremental::{self, Checked};
use crate::diagnostic::Diagnostic;
use crate::limits::Limits;
use crate::model::Model;
use crate::source::{SourceFile, Span};
use crate::syntax;

/// A rulebook being edited. See the module's words.
#[derive(Debug)]
pub struct Workspace {
    limits: Limits,
    file: Arc<SourceFile>,
    /// The items of the text, as `syntax::chunks` cuts them (a blank start
    /// of the text left out), in order.
    chunks: Vec<Chunk>,
    /// The items that parsed, in the order of `chunks`.
    rulebook: ast::Rulebook,
    /// Diagnostics about the whole text (invisible and control characters).
    text_diagnostics: Vec<Diagnostic>,
    /// Whether any item has a syntax error.
    syntax_errors: bool,
    /// The last check, of this text or (after syntax errors) an older one.
    checked: Option<CheckedText>,
    diagnostics: Vec<Diagnostic>,
    next_id: u64,
    last: Work,
}

/// One item's text.
#[derive(Debug)]
struct Chunk {
    /// Where it is in the text.
    range: Range<usize>,
    /// An id of the parsed item, kept while its text is unchanged; `None`
    /// when it did not parse.
    id: Option<u64>,
    /// Its syntax diagnostics.
    diagnostics: Vec<Diagnostic>,
}

/// A check and the text it checked.
#[derive(Debug)]
struct CheckedText {
    checked: Checked,
    file: Arc<SourceFile>,
    /// The ids of the items checked, in order, and where they were.
    ids: Vec<u64>,
    ranges: Vec<Range<usize>>,
}

/// What the last [`Workspace::update`] did to check the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Work {
    /// Nothing: the text was the one checked before.
    Unchanged,
    /// The text has syntax errors, so it was not checked.
    SyntaxErrors,
    /// One rule was checked again.
    OneRule,
    /// The whole text was checked.
    Whole,
}

/// A chunk boundary depends on the line break before it and the item
/// keyword after it (at most this many bytes): a chunk whose start is this
/// far before the first changed byte starts there still.
const KEYWORD_REACH: usize = 16;

impl Workspace {
    /// An empty rulebook named `name` (the name diagnostics give).
    pub fn new(name: impl Into<String>, limits: Limits) -> Self {
        Workspace {
            limits,
            file: SourceFile::new(name, ""),
            chunks: Vec::new(),
            rulebook: ast::Rulebook::default(),
            text_diagnostics: Vec::new(),
            syntax_errors: false,
            checked: None,
            diagnostics: Vec::new(),
            next_id: 0,
            last: Work::Unchanged,
        }
    }

    /// The text now.
    pub fn file(&self) -> &Arc<SourceFile> {
        &self.file
    }

    /// The syntax tree of the text now (the items that parsed).
    pub fn rulebook(&self) -> &ast::Rulebook {
        &self.rulebook
    }

    /// The diagnostics of the text now: syntax, then (without syntax
    /// errors) the check's.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The checked model of the text now, when it has no errors.
    pub fn model(&self) -> Option<&Model> {
        if self.syntax_errors {
            return None;
        }
        self.checked.as_ref().and_then(|c| c.checked.model())
    }

    /// What the last update did to check the text.
    pub fn last_work(&self) -> Work {
        self.last
    }

    /// Take `text` as the rulebook's text now; its diagnostics.
    pub fn update(&mut self, text: &str) -> &[Diagnostic] {
        let checked_now = self
            .checked
            .as_ref()
            .is_some_and(|c| Arc::ptr_eq(&c.file, &self.file));
        if self.file.text() == text && (checked_now || self.syntax_errors) {
            self.last = Work::Unchanged;
            return &self.diagnostics;
        }
        let file = SourceFile::new(self.file.name().to_string(), text);
        self.reparse(&file);
        self.file = Arc::clone(&file);
        self.text_diagnostics = syntax::text_diagnostics(&file);
        self.syntax_errors = self
            .text_diagnostics
            .iter()
            .chain(self.chunks.iter().flat_map(|c| &c.diagnostics))
            .any(Diagnostic::is_error);
        let mut diagnostics: Vec<Diagnostic> = self.text_diagnostics.clone();
        diagnostics.extend(
            self.chunks
                .iter()
                .flat_map(|c| c.diagnostics.iter().cloned()),
        );
        if self.syntax_errors {
            self.last = Work::SyntaxErrors;
        } else {
            self.last = self.check();
            if let Some(c) = &self.checked {
                diagnostics.extend(c.checked.diagnostics().iter().cloned());
            }
        }
        self.diagnostics = diagnostics;
        &self.diagnostics
    }

    /// Cut and parse the text around the edit from `self.file` to `file`.
    fn reparse(&mut self, file: &Arc<SourceFile>) {
        let (old, new) = (self.file.text(), file.text());
        let prefix = old
            .bytes()
            .zip(new.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let room = old.len().min(new.len()) - prefix;
        let suffix = old
            .bytes()
            .rev()
            .zip(new.bytes().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        // where a byte after the edit moves to (all that follow the edit are
        // at least as far from the end as the unchanged end of the text)
        let moved = |at: usize| (at + new.len()).saturating_sub(old.len());
        // the chunks [a, z) are cut again
        let a = self
            .chunks
            .partition_point(|c| c.range.start + KEYWORD_REACH <= prefix)
            .saturating_sub(1);
        let old_end = old.len() - suffix;
        let z = a
            + 1
            + self
                .chunks
                .get(a + 1..)
                .unwrap_or(&[])
                .partition_point(|c| c.range.start <= old_end);
        let z = z.min(self.chunks.len());
        let start = if a == 0 {
            0
        } else {
            self.chunks.get(a).map_or(0, |c| c.range.start)
        };
        let end = self
            .chunks
            .get(z)
            .map_or(new.len(), |c| moved(c.range.start));
        let mut ranges: Vec<Range<usize>> = syntax::chunks(new.get(start..end).unwrap_or(""))
            .into_iter()
            .map(|r| r.start + start..r.end + start)
            .filter(|r| !r.is_empty())
            .collect();
        if start == 0
            && ranges
                .first()
                .and_then(|r| new.get(r.clone()))
                .is_some_and(syntax::blank_chunk)
        {
            ranges.remove(0);
        }
        let a = a.min(z);
        let old_region = self.chunks.get(a..z).unwrap_or(&[]);
        // unchanged chunks at the start and at the end of the region
        let front = old_region
            .iter()
            .zip(&ranges)
            .take_while(|(c, r)| {
                c.range == **r && old.get(c.range.clone()) == new.get((*r).clone())
            })
            .count();
        let back = old_region
            .iter()
            .rev()
            .zip(ranges.iter().rev())
            .take(old_region.len().min(ranges.len()) - front)
            .take_while(|(c, r)| {
                c.range.start + new.len() == r.start + old.len()
                    && c.range.len() == r.len()
                    && old.get(c.range.clone()) == new.get((*r).clone())
            })
            .count();
        let fresh = ranges
            .get(front..ranges.len() - back)
            .unwrap_or(&[])
            .to_vec();
        let parsed = syntax::parse_ranges(file, &fresh, &self.limits);
        // the items of the region in the tree
        let first_item = self
            .chunks
            .get(..a)
            .unwrap_or(&[])
            .iter()
            .filter(|c| c.id.is_some())
            .count();
        let region_items = old_region.iter().filter(|c| c.id.is_some()).count();
        let front_items = old_region
            .get(..front)
            .unwrap_or(&[])
            .iter()
            .filter(|c| c.id.is_some())
            .count();
        let back_items = old_region
            .get(old_region.len() - back..)
            .unwrap_or(&[])
            .iter()
            .filter(|c| c.id.is_some())
            .count();
        let mut after: Vec<ast::Item> = self
            .rulebook
            .items
            .drain(first_item + region_items - back_items..)
            .collect();
        self.rulebook.items.truncate(first_item + front_items);
        let mut chunks_after: Vec<Chunk> = self.chunks.drain(z - back..).collect();
        self.chunks.truncate(a + front);
        for (range, (item, diagnostics)) in fresh.into_iter().zip(parsed) {
            let id = item.map(|item| {
                self.rulebook.items.push(item);
                self.next_id += 1;
                self.next_id
            });
            self.chunks.push(Chunk {
                range,
                id,
                diagnostics,
            });
        }
        // what follows the edit moves by its length
        let (from, to) = (old.len(), new.len());
        let mut items = after.iter_mut();
        for c in &mut chunks_after {
            if from != to {
                let at = c.range.start;
                if c.id.is_some() {
                    if let Some(item) = items.next() {
                        item.rebase(at, moved(at));
                    }
                }
                c.range = moved(c.range.start)..moved(c.range.end);
                for d in &mut c.diagnostics {
                    for l in &mut d.labels {
                        l.span.rebase(at, moved(at));
                    }
                    for f in &mut d.fixes {
                        f.span.rebase(at, moved(at));
                    }
                }
            }
        }
        for c in self.chunks.iter_mut().chain(&mut chunks_after) {
            for d in &mut c.diagnostics {
                d.file = Some(Arc::clone(file));
            }
        }
        self.rulebook.items.extend(after);
        self.chunks.extend(chunks_after);
    }

    /// Check the text (which has no syntax errors): one rule again when the
    /// last check was of the same items but one rule, else the whole.
    fn check(&mut self) -> Work {
        let (ids, ranges): (Vec<u64>, Vec<Range<usize>>) = self
            .chunks
            .iter()
            .filter_map(|c| c.id.map(|id| (id, c.range.clone())))
            .unzip();
        if let Some(c) = &mut self.checked {
            if recheck(c, &self.file, &self.rulebook, &ids, &ranges) {
                c.file = Arc::clone(&self.file);
                c.ids = ids;
                c.ranges = ranges;
                return Work::OneRule;
            }
        }
        self.checked = Some(CheckedText {
            checked: incremental::check(&self.file, &self.rulebook, &self.limits),
            file: Arc::clone(&self.file),
            ids,
            ranges,
        });
        Work::Whole
    }
}

/// Check one rule of `c` again when the items `ids` (at `ranges` of `file`)
/// differ from those checked in that rule only.
fn recheck(
    c: &mut CheckedText,
    file: &Arc<SourceFile>,
    rulebook: &ast::Rulebook,
    ids: &[u64],
    ranges: &[Range<usize>],
) -> bool {
    if ids.len() != c.ids.len() {
        return false;
    }
    let mut changed = ids
        .iter()
        .zip(&c.ids)
        .enumerate()
        .filter(|(_, (a, b))| a != b);
    let (Some((i, _)), None) = (changed.next(), changed.next()) else {
        return false;
    };
    let Some(k) = c.checked.rule_of_item(i) else {
        return false;
    };
    let (Some(old_range), Some(new_range)) = (c.ranges.get(i).cloned(), ranges.get(i).cloned())
    else {
        return false;
    };
    let old_text = c.file.text().get(old_range.clone()).unwrap_or("");
    let new_text = file.text().get(new_range.clone()).unwrap_or("");
    let prefix = old_text
        .bytes()
        .zip(new_text.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let room = old_text.len().min(new_text.len()) - prefix;
    let suffix = old_text
        .bytes()
        .rev()
        .zip(new_text.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let old_ranges = &c.ranges;
    let map = |s: Span| -> Option<Span> {
        let t = old_ranges
            .partition_point(|r| r.start <= s.start)
            .checked_sub(1)?;
        let (old, new) = (old_ranges.get(t)?, ranges.get(t)?);
        if s.end > old.end {
            return None;
        }
        if t != i {
            return Some(Span::new(
                s.start - old.start + new.start,
                s.end - old.start + new.start,
            ));
        }
        if s.end <= old.start + prefix {
            Some(Span::new(
                s.start - old.start + new.start,
                s.end - old.start + new.start,
            ))
        } else if s.start >= old.end - suffix {
            Some(Span::new(
                s.start + new.end - old.end,
                s.end + new.end - old.end,
            ))
        } else {
            None
        }
    };
    c.checked.recheck_rule(file, rulebook, k, &map)
}
