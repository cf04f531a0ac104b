//! Outcomes as JSON, written straight into a byte buffer: compact for
//! `eval --jsonl` and the server's batches, pretty for the server's one-case
//! answer. Byte for byte what `serde_json::to_writer` and
//! `serde_json::to_writer_pretty` write for the same outcome (tested on
//! every fixture, shipped case and random rulebook), at less cost: keys are
//! written as literals, a string with nothing to escape is copied as it is,
//! and values are formatted in place.
//!
//! One writer serves both layouts: it is generic over [`Layout`], whose
//! choice is a constant, so the compact writer copies each key's literal
//! (`,"title":`) in one go and the pretty writer lays the same literal out
//! with its line break and indentation, with no branch left at run time.
//!
//! A field added to an outcome type must be added here too; the tests that
//! compare both writers fail until it is.

use std::io::Write as _;
use std::marker::PhantomData;

use super::{
    AppliedRemedy, Because, CitationOut, Computed, Deadline, Detail, EvalError, Ordered, Outcome,
    Overridden, Question, RulebookInfo, Shown, Titles, Undetermined,
};

impl Outcome<'_> {
    /// Append the outcome as compact JSON, without a newline: the record of
    /// its level ([`Outcome::detail`]).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        self.write::<Compact>(out);
    }

    /// Append the outcome as pretty JSON, without a newline: byte for byte
    /// what `serde_json::to_writer_pretty` writes (`eval --format json`).
    pub fn write_json_pretty(&self, out: &mut Vec<u8>) {
        self.write::<Pretty>(out);
    }

    fn write<L: Layout>(&self, out: &mut Vec<u8>) {
        let mut w = Json::<L>::new(out);
        match self.detail {
            Detail::Full => self.write_full(&mut w),
            Detail::Summary => self.write_summary(&mut w),
            Detail::Ids => self.write_ids(&mut w),
        }
    }

    fn write_ids<L: Layout>(&self, w: &mut Json<'_, L>) {
        w.first(b"{\"remedies\":");
        w.list(&self.applied_ids, |w, r| w.string(r.1));
        w.next(b",\"undetermined\":");
        w.list(&self.undetermined, |w, u| w.string(u.id));
        w.next(b",\"errors\":");
        w.list(&self.errors, eval_error);
        w.end();
    }

    fn write_summary<L: Layout>(&self, w: &mut Json<'_, L>) {
        w.first(b"{\"as_of\":");
        w.opt_str(self.as_of.as_deref());
        w.next(b",\"remedies\":");
        w.list(&self.remedies, |w, a| {
            w.first(b"{\"id\":");
            w.string(a.id);
            params_amount_deadline(w, a);
            w.end();
        });
        w.next(b",\"undetermined\":");
        w.list(&self.undetermined, |w, u| {
            w.first(b"{\"id\":");
            w.string(u.id);
            w.next(b",\"needs\":");
            w.strings(&u.needs);
            w.end();
        });
        w.next(b",\"errors\":");
        w.list(&self.errors, eval_error);
        w.end();
    }

    fn write_full<L: Layout>(&self, w: &mut Json<'_, L>) {
        w.first(b"{\"rulebook\":");
        rulebook(w, &self.rulebook);
        w.next(b",\"as_of\":");
        w.opt_str(self.as_of.as_deref());
        w.next(b",\"remedies\":");
        w.list(&self.remedies, applied);
        w.next(b",\"undetermined\":");
        w.list(&self.undetermined, undetermined);
        w.next(b",\"overridden\":");
        w.list(&self.overridden, overridden);
        w.next(b",\"errors\":");
        w.list(&self.errors, eval_error);
        if !self.questions.is_empty() {
            w.next(b",\"questions\":");
            w.list(&self.questions, question);
        }
        w.end();
    }
}

/// The layout of the JSON written: [`Compact`] or [`Pretty`].
trait Layout {
    /// serde_json's pretty layout: a line per member and element, two
    /// spaces per level, `": "` after a key, `{}` and `[]` when empty.
    const PRETTY: bool;
}

/// No white space, as `serde_json::to_writer`.
enum Compact {}

impl Layout for Compact {
    const PRETTY: bool = false;
}

/// As `serde_json::to_writer_pretty`.
enum Pretty {}

impl Layout for Pretty {
    const PRETTY: bool = true;
}

/// A JSON writer appending to a buffer in layout `L`. Keys are literals
/// written as compact JSON has them, with what comes before them:
/// `{"id":` for an object's first member ([`Json::first`]) and `,"title":`
/// for the others ([`Json::next`]).
struct Json<'o, L> {
    out: &'o mut Vec<u8>,
    /// containers open, for the pretty layout's indentation
    depth: usize,
    layout: PhantomData<L>,
}

impl<'o, L: Layout> Json<'o, L> {
    fn new(out: &'o mut Vec<u8>) -> Self {
        Json {
            out,
            depth: 0,
            layout: PhantomData,
        }
    }

    /// A line break and the indentation of the current depth (pretty).
    #[inline]
    fn newline(&mut self) {
        /// A line break and up to 31 levels of indentation.
        const BREAK: &[u8] = b"\n                                                              ";
        match BREAK.get(..1 + 2 * self.depth) {
            Some(indented) => self.out.extend_from_slice(indented),
            None => {
                self.out.push(b'\n');
                let len = self.out.len() + 2 * self.depth;
                self.out.resize(len, b' ');
            }
        }
    }

    /// A key's literal without its leading `{` or `,` and its trailing `:`,
    /// then `": "` (pretty).
    #[inline]
    fn pretty_key(&mut self, literal: &[u8]) {
        let name = literal
            .get(1..literal.len().saturating_sub(1))
            .unwrap_or_default();
        self.out.extend_from_slice(name);
        self.out.extend_from_slice(b": ");
    }

    /// Open an object with its first key: `literal` is `{"name":`.
    #[inline]
    fn first(&mut self, literal: &[u8]) {
        if L::PRETTY {
            self.out.push(b'{');
            self.depth += 1;
            self.newline();
            self.pretty_key(literal);
        } else {
            self.out.extend_from_slice(literal);
        }
    }

    /// Open an object with a key written for [`Json::next`] (`,"name":`).
    #[inline]
    fn first_of(&mut self, literal: &[u8]) {
        if L::PRETTY {
            self.first(literal);
        } else {
            self.out.push(b'{');
            self.out
                .extend_from_slice(literal.get(1..).unwrap_or_default());
        }
    }

    /// An object's next key: `literal` is `,"name":`.
    #[inline]
    fn next(&mut self, literal: &[u8]) {
        if L::PRETTY {
            self.out.push(b',');
            self.newline();
            self.pretty_key(literal);
        } else {
            self.out.extend_from_slice(literal);
        }
    }

    /// Close an object opened with [`Json::first`].
    #[inline]
    fn end(&mut self) {
        if L::PRETTY {
            self.depth = self.depth.saturating_sub(1);
            self.newline();
        }
        self.out.push(b'}');
    }

    /// Open a container (`{` or `[`) known to be non-empty.
    #[inline]
    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        if L::PRETTY {
            self.depth += 1;
            self.newline();
        }
    }

    /// Between two members or elements.
    #[inline]
    fn comma(&mut self) {
        self.out.push(b',');
        if L::PRETTY {
            self.newline();
        }
    }

    /// Close a container opened with [`Json::open`].
    #[inline]
    fn close(&mut self, bracket: u8) {
        if L::PRETTY {
            self.depth = self.depth.saturating_sub(1);
            self.newline();
        }
        self.out.push(bracket);
    }

    /// After a key written as a string.
    #[inline]
    fn colon(&mut self) {
        if L::PRETTY {
            self.out.extend_from_slice(b": ");
        } else {
            self.out.push(b':');
        }
    }

    /// Bytes of a value as they are (a number, a literal).
    #[inline]
    fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    #[inline]
    fn string(&mut self, s: &str) {
        string(self.out, s);
    }

    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        let mut items = items.iter();
        let Some(x) = items.next() else {
            self.out.extend_from_slice(b"[]");
            return;
        };
        self.open(b'[');
        item(self, x);
        for x in items {
            self.comma();
            item(self, x);
        }
        self.close(b']');
    }

    fn ordered<V>(&mut self, map: &Ordered<'_, V>, mut value: impl FnMut(&mut Self, &V)) {
        let mut entries = map.0.iter();
        let Some((k, v)) = entries.next() else {
            self.out.extend_from_slice(b"{}");
            return;
        };
        self.open(b'{');
        self.string(k);
        self.colon();
        value(self, v);
        for (k, v) in entries {
            self.comma();
            self.string(k);
            self.colon();
            value(self, v);
        }
        self.close(b'}');
    }

    fn titles(&mut self, t: Titles<'_>) {
        let mut texts = t.0.iter();
        let Some((lang, text)) = texts.next() else {
            self.out.extend_from_slice(b"{}");
            return;
        };
        self.open(b'{');
        self.string(lang);
        self.colon();
        self.string(text);
        for (lang, text) in texts {
            self.comma();
            self.string(lang);
            self.colon();
            self.string(text);
        }
        self.close(b'}');
    }

    fn strings(&mut self, items: &[&str]) {
        self.list(items, |w, s| w.string(s));
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.raw(b"null"),
        }
    }

    fn boolean(&mut self, b: bool) {
        self.raw(if b { b"true" } else { b"false" });
    }
}

fn question<L: Layout>(w: &mut Json<'_, L>, q: &Question<'_>) {
    w.first(b"{\"fact\":");
    w.string(q.fact);
    w.next(b",\"type\":");
    w.string(q.ty);
    w.next(b",\"question\":");
    w.titles(q.question);
    w.next(b",\"label\":");
    w.titles(q.label);
    if !q.values.is_empty() {
        w.next(b",\"values\":");
        w.list(&q.values, |w, v| {
            w.first(b"{\"value\":");
            w.string(v.value);
            w.next(b",\"label\":");
            w.titles(v.label);
            w.end();
        });
    }
    w.next(b",\"settles\":");
    let _ = write!(w.out, "{}", q.settles);
    w.end();
}

fn rulebook<L: Layout>(w: &mut Json<'_, L>, r: &RulebookInfo<'_>) {
    w.first(b"{\"title\":");
    w.titles(r.title);
    w.next(b",\"jurisdiction\":");
    w.string(r.jurisdiction);
    w.next(b",\"version\":");
    w.string(r.version);
    w.next(b",\"effective\":");
    w.opt_str(r.effective.as_deref());
    w.end();
}

fn applied<L: Layout>(w: &mut Json<'_, L>, a: &AppliedRemedy<'_>) {
    w.first(b"{\"id\":");
    w.string(a.id);
    w.next(b",\"title\":");
    w.titles(a.title);
    w.next(b",\"category\":");
    w.string(a.category);
    params_amount_deadline(w, a);
    w.next(b",\"citations\":");
    w.list(&a.citations, citation);
    w.next(b",\"because\":");
    w.list(&a.because, because);
    w.end();
}

/// An applied remedy's `params`, then its `amount` and `deadline` when it has
/// them: the part the summary and full records share.
fn params_amount_deadline<L: Layout>(w: &mut Json<'_, L>, a: &AppliedRemedy<'_>) {
    w.next(b",\"params\":");
    w.ordered(&a.params, computed);
    if let Some(amount) = &a.amount {
        w.next(b",\"amount\":");
        computed(w, amount);
    }
    if let Some(d) = &a.deadline {
        w.next(b",\"deadline\":");
        deadline(w, d);
    }
}

fn computed<L: Layout>(w: &mut Json<'_, L>, c: &Computed<'_>) {
    w.first(if c.up_to {
        b"{\"up_to\":"
    } else {
        b"{\"value\":"
    });
    match &c.value {
        Some(v) => shown(w, v),
        None => w.raw(b"null"),
    }
    if let Some(currency) = c.currency {
        w.next(b",\"currency\":");
        w.string(currency);
    }
    if !c.needs.is_empty() {
        w.next(b",\"needs\":");
        w.strings(&c.needs);
    }
    if let Some(error) = &c.error {
        w.next(b",\"error\":");
        w.string(error.english());
    }
    w.end();
}

fn deadline<L: Layout>(w: &mut Json<'_, L>, d: &Deadline<'_>) {
    w.first(b"{\"date\":");
    w.opt_str(d.date.as_deref());
    if let Some(expired) = d.expired {
        w.next(b",\"expired\":");
        w.boolean(expired);
    }
    if !d.needs.is_empty() {
        w.next(b",\"needs\":");
        w.strings(&d.needs);
    }
    if let Some(error) = &d.error {
        w.next(b",\"error\":");
        w.string(error.english());
    }
    w.end();
}

/// A citation: every member is optional, so the first one present opens
/// the object (`{}` when none is).
fn citation<L: Layout>(w: &mut Json<'_, L>, c: &CitationOut<'_>) {
    let mut first = true;
    let mut key = |w: &mut Json<'_, L>, literal: &[u8]| {
        if first {
            // `{` in place of the literal's `,`
            first = false;
            w.first_of(literal);
        } else {
            w.next(literal);
        }
    };
    if let Some(law) = c.law {
        key(w, b",\"law\":");
        w.string(law);
    }
    if let Some(t) = c.title {
        key(w, b",\"title\":");
        w.titles(t);
    }
    if let Some(article) = c.article {
        key(w, b",\"article\":");
        w.string(article);
    }
    if let Some(text) = c.text {
        key(w, b",\"text\":");
        w.string(text);
    }
    if let Some(t) = c.texts {
        key(w, b",\"texts\":");
        w.titles(t);
    }
    if let Some(in_force) = c.in_force {
        key(w, b",\"in_force\":");
        w.boolean(in_force);
    }
    if first {
        w.raw(b"{}");
    } else {
        w.end();
    }
}

fn because<L: Layout>(w: &mut Json<'_, L>, b: &Because<'_>) {
    w.first(b"{\"rule\":");
    w.string(b.rule);
    if !b.title.is_empty() {
        w.next(b",\"title\":");
        w.titles(b.title);
    }
    if let Some(under) = b.under {
        w.next(b",\"under\":");
        w.string(under);
    }
    w.next(b",\"facts\":");
    w.ordered(&b.facts, shown);
    if !b.exceptions_ruled_out.is_empty() {
        w.next(b",\"exceptions_ruled_out\":");
        w.strings(&b.exceptions_ruled_out);
    }
    w.end();
}

fn undetermined<L: Layout>(w: &mut Json<'_, L>, u: &Undetermined<'_>) {
    w.first(b"{\"id\":");
    w.string(u.id);
    w.next(b",\"title\":");
    w.titles(u.title);
    w.next(b",\"category\":");
    w.string(u.category);
    w.next(b",\"needs\":");
    w.strings(&u.needs);
    w.next(b",\"rules\":");
    w.strings(&u.rules);
    w.end();
}

fn overridden<L: Layout>(w: &mut Json<'_, L>, o: &Overridden<'_>) {
    w.first(b"{\"rule\":");
    w.string(o.rule);
    if !o.title.is_empty() {
        w.next(b",\"title\":");
        w.titles(o.title);
    }
    if let Some(to) = o.exception_to {
        w.next(b",\"exception_to\":");
        w.string(to);
    }
    w.next(b",\"remedy\":");
    w.opt_str(o.remedy);
    w.next(b",\"by\":");
    w.strings(&o.by);
    w.next(b",\"by_titles\":");
    w.list(&o.by_titles, |w, t| w.titles(*t));
    w.end();
}

fn eval_error<L: Layout>(w: &mut Json<'_, L>, e: &EvalError) {
    w.first(b"{\"code\":");
    w.string(&e.code);
    w.next(b",\"message\":");
    w.string(e.message.english());
    w.end();
}

fn shown<L: Layout>(w: &mut Json<'_, L>, v: &Shown<'_>) {
    match v {
        Shown::Bool(b) => w.boolean(*b),
        Shown::Text(t) => w.string(t),
        Shown::Set(names) => w.list(names, |w, n| w.string(n)),
        // digits, signs, points and dashes: nothing to escape
        other => {
            w.out.push(b'"');
            let _ = write!(w.out, "{other}");
            w.out.push(b'"');
        }
    }
}

/// A JSON string, escaped as serde_json escapes: `"` and `\`, the control
/// characters (`\b \t \n \f \r` by name, the others as `\u00xx`), nothing else.
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    if !needs_escape(bytes) {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            0x0d => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'));
                out.push(HEX.get(usize::from(b & 0xf)).copied().unwrap_or(b'0'));
            }
        }
        start = i + 1;
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
    out.push(b'"');
}

/// Whether `bytes` hold a byte [`string`] escapes (`"`, `\\`, below
/// 0x20), looked for eight bytes at a time.
#[inline]
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    /// Whether a byte of `x` is zero (exact: a borrow only follows a zero).
    const fn zero_byte(x: u64) -> bool {
        x.wrapping_sub(ONES) & !x & HIGH != 0
    }
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // a byte below 0x20: `x - 0x20` borrows into its high bit, which a
        // byte of 0x80 or more (set already in `x`) is left out of
        let control = x.wrapping_sub(ONES * 0x20) & !x & HIGH != 0;
        if control
            || zero_byte(x ^ (ONES * u64::from(b'"')))
            || zero_byte(x ^ (ONES * u64::from(b'\\')))
        {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character that needs escaping, and some that do not, escaped as
    /// serde_json escapes them.
    ///
    /// (`needs_escape` is checked byte by byte below.)
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("é中文\u{2028}\u{200f}𝄞\"\\");
        for s in [all.as_str(), "", "plain", "\"", "\\", "a\u{0}b", "end\n"] {
            let mut out = Vec::new();
            string(&mut out, s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
    }

    /// `needs_escape`, eight bytes at a time, finds what a byte-by-byte look
    /// finds: every byte value at every place of every length up to three
    /// words, among fillers below, at and above 0x80.
    #[test]
    fn needs_escape_agrees_with_each_byte() {
        let naive = |b: &[u8]| b.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
        for filler in [
            b'a', b' ', b'!', b'#', b'[', b']', 0x7f, 0x80, 0xa0, 0xe4, 0xff,
        ] {
            for len in 0..=24 {
                let mut bytes = vec![filler; len];
                assert_eq!(needs_escape(&bytes), naive(&bytes));
                for at in 0..len {
                    for b in 0..=255u8 {
                        bytes[at] = b;
                        assert_eq!(needs_escape(&bytes), naive(&bytes), "{bytes:?}");
                    }
                    bytes[at] = filler;
                }
            }
        }
    }
}
