//! Outcomes as compact JSON, written straight into a byte buffer, for
//! `eval --jsonl`: byte for byte what `serde_json::to_writer` writes for the
//! same outcome (tested on every fixture, shipped case and random rulebook),
//! at less cost: keys are written as literals, a string with nothing to
//! escape is copied as it is, and values are formatted in place.
//!
//! A field added to an outcome type must be added here too; the tests that
//! compare both writers fail until it is.

use std::io::Write as _;

use super::{
    AppliedRemedy, Because, CitationOut, Computed, Deadline, Detail, EvalError, Ordered, Outcome,
    Overridden, Question, RulebookInfo, Shown, Titles, Undetermined,
};

impl Outcome<'_> {
    /// Append the outcome as compact JSON, without a newline: the record of
    /// its level ([`Outcome::detail`]).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        match self.detail {
            Detail::Full => self.write_full(out),
            Detail::Summary => self.write_summary(out),
            Detail::Ids => self.write_ids(out),
        }
    }

    /// Append the outcome as pretty JSON, without a newline: byte for byte
    /// what `serde_json::to_writer_pretty` writes (`eval --format json`),
    /// the compact record re-indented.
    pub fn write_json_pretty(&self, out: &mut Vec<u8>) {
        let mut compact = Vec::with_capacity(4096);
        self.write_json(&mut compact);
        pretty(&compact, out);
    }

    fn write_ids(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"remedies\":");
        list(out, &self.applied_ids, |out, r| string(out, r.1));
        out.extend_from_slice(b",\"undetermined\":");
        list(out, &self.undetermined, |out, u| string(out, u.id));
        out.extend_from_slice(b",\"errors\":");
        list(out, &self.errors, eval_error);
        out.push(b'}');
    }

    fn write_summary(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"as_of\":");
        opt_str(out, self.as_of.as_deref());
        out.extend_from_slice(b",\"remedies\":");
        list(out, &self.remedies, |out, a| {
            out.extend_from_slice(b"{\"id\":");
            string(out, a.id);
            params_amount_deadline(out, a);
            out.push(b'}');
        });
        out.extend_from_slice(b",\"undetermined\":");
        list(out, &self.undetermined, |out, u| {
            out.extend_from_slice(b"{\"id\":");
            string(out, u.id);
            out.extend_from_slice(b",\"needs\":");
            strings(out, &u.needs);
            out.push(b'}');
        });
        out.extend_from_slice(b",\"errors\":");
        list(out, &self.errors, eval_error);
        out.push(b'}');
    }

    fn write_full(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"rulebook\":");
        rulebook(out, &self.rulebook);
        out.extend_from_slice(b",\"as_of\":");
        opt_str(out, self.as_of.as_deref());
        out.extend_from_slice(b",\"remedies\":");
        list(out, &self.remedies, applied);
        out.extend_from_slice(b",\"undetermined\":");
        list(out, &self.undetermined, undetermined);
        out.extend_from_slice(b",\"overridden\":");
        list(out, &self.overridden, overridden);
        out.extend_from_slice(b",\"errors\":");
        list(out, &self.errors, eval_error);
        if !self.questions.is_empty() {
            out.extend_from_slice(b",\"questions\":");
            list(out, &self.questions, question);
        }
        out.push(b'}');
    }
}

fn question(out: &mut Vec<u8>, q: &Question<'_>) {
    out.extend_from_slice(b"{\"fact\":");
    string(out, q.fact);
    out.extend_from_slice(b",\"type\":");
    string(out, q.ty);
    out.extend_from_slice(b",\"question\":");
    titles(out, q.question);
    out.extend_from_slice(b",\"label\":");
    titles(out, q.label);
    if !q.values.is_empty() {
        out.extend_from_slice(b",\"values\":");
        list(out, &q.values, |out, v| {
            out.extend_from_slice(b"{\"value\":");
            string(out, v.value);
            out.extend_from_slice(b",\"label\":");
            titles(out, v.label);
            out.push(b'}');
        });
    }
    out.extend_from_slice(b",\"settles\":");
    out.extend_from_slice(q.settles.to_string().as_bytes());
    out.push(b'}');
}

fn rulebook(out: &mut Vec<u8>, r: &RulebookInfo<'_>) {
    out.extend_from_slice(b"{\"title\":");
    titles(out, r.title);
    out.extend_from_slice(b",\"jurisdiction\":");
    string(out, r.jurisdiction);
    out.extend_from_slice(b",\"version\":");
    string(out, r.version);
    out.extend_from_slice(b",\"effective\":");
    opt_str(out, r.effective.as_deref());
    out.push(b'}');
}

fn applied(out: &mut Vec<u8>, a: &AppliedRemedy<'_>) {
    out.extend_from_slice(b"{\"id\":");
    string(out, a.id);
    out.extend_from_slice(b",\"title\":");
    titles(out, a.title);
    out.extend_from_slice(b",\"category\":");
    string(out, a.category);
    params_amount_deadline(out, a);
    out.extend_from_slice(b",\"citations\":");
    list(out, &a.citations, citation);
    out.extend_from_slice(b",\"because\":");
    list(out, &a.because, because);
    out.push(b'}');
}

/// An applied remedy's `params`, then its `amount` and `deadline` when it has
/// them: the part the summary and full records share.
fn params_amount_deadline(out: &mut Vec<u8>, a: &AppliedRemedy<'_>) {
    out.extend_from_slice(b",\"params\":");
    ordered(out, &a.params, computed);
    if let Some(amount) = &a.amount {
        out.extend_from_slice(b",\"amount\":");
        computed(out, amount);
    }
    if let Some(d) = &a.deadline {
        out.extend_from_slice(b",\"deadline\":");
        deadline(out, d);
    }
}

fn computed(out: &mut Vec<u8>, c: &Computed<'_>) {
    out.extend_from_slice(if c.up_to {
        b"{\"up_to\":"
    } else {
        b"{\"value\":"
    });
    match &c.value {
        Some(v) => shown(out, v),
        None => out.extend_from_slice(b"null"),
    }
    if let Some(currency) = c.currency {
        out.extend_from_slice(b",\"currency\":");
        string(out, currency);
    }
    if !c.needs.is_empty() {
        out.extend_from_slice(b",\"needs\":");
        strings(out, &c.needs);
    }
    if let Some(error) = &c.error {
        out.extend_from_slice(b",\"error\":");
        string(out, error.english());
    }
    out.push(b'}');
}

fn deadline(out: &mut Vec<u8>, d: &Deadline<'_>) {
    out.extend_from_slice(b"{\"date\":");
    opt_str(out, d.date.as_deref());
    if let Some(expired) = d.expired {
        out.extend_from_slice(b",\"expired\":");
        boolean(out, expired);
    }
    if !d.needs.is_empty() {
        out.extend_from_slice(b",\"needs\":");
        strings(out, &d.needs);
    }
    if let Some(error) = &d.error {
        out.extend_from_slice(b",\"error\":");
        string(out, error.english());
    }
    out.push(b'}');
}

fn citation(out: &mut Vec<u8>, c: &CitationOut<'_>) {
    out.push(b'{');
    let mut first = true;
    let mut key = |out: &mut Vec<u8>, name: &[u8]| {
        if !first {
            out.push(b',');
        }
        first = false;
        out.extend_from_slice(name);
    };
    if let Some(law) = c.law {
        key(out, b"\"law\":");
        string(out, law);
    }
    if let Some(t) = c.title {
        key(out, b"\"title\":");
        titles(out, t);
    }
    if let Some(article) = c.article {
        key(out, b"\"article\":");
        string(out, article);
    }
    if let Some(text) = c.text {
        key(out, b"\"text\":");
        string(out, text);
    }
    if let Some(t) = c.texts {
        key(out, b"\"texts\":");
        titles(out, t);
    }
    if let Some(in_force) = c.in_force {
        key(out, b"\"in_force\":");
        boolean(out, in_force);
    }
    out.push(b'}');
}

fn because(out: &mut Vec<u8>, b: &Because<'_>) {
    out.extend_from_slice(b"{\"rule\":");
    string(out, b.rule);
    if !b.title.is_empty() {
        out.extend_from_slice(b",\"title\":");
        titles(out, b.title);
    }
    if let Some(under) = b.under {
        out.extend_from_slice(b",\"under\":");
        string(out, under);
    }
    out.extend_from_slice(b",\"facts\":");
    ordered(out, &b.facts, shown);
    if !b.exceptions_ruled_out.is_empty() {
        out.extend_from_slice(b",\"exceptions_ruled_out\":");
        strings(out, &b.exceptions_ruled_out);
    }
    out.push(b'}');
}

fn undetermined(out: &mut Vec<u8>, u: &Undetermined<'_>) {
    out.extend_from_slice(b"{\"id\":");
    string(out, u.id);
    out.extend_from_slice(b",\"title\":");
    titles(out, u.title);
    out.extend_from_slice(b",\"category\":");
    string(out, u.category);
    out.extend_from_slice(b",\"needs\":");
    strings(out, &u.needs);
    out.extend_from_slice(b",\"rules\":");
    strings(out, &u.rules);
    out.push(b'}');
}

fn overridden(out: &mut Vec<u8>, o: &Overridden<'_>) {
    out.extend_from_slice(b"{\"rule\":");
    string(out, o.rule);
    if !o.title.is_empty() {
        out.extend_from_slice(b",\"title\":");
        titles(out, o.title);
    }
    if let Some(to) = o.exception_to {
        out.extend_from_slice(b",\"exception_to\":");
        string(out, to);
    }
    out.extend_from_slice(b",\"remedy\":");
    opt_str(out, o.remedy);
    out.extend_from_slice(b",\"by\":");
    strings(out, &o.by);
    out.extend_from_slice(b",\"by_titles\":[");
    for (i, t) in o.by_titles.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        titles(out, *t);
    }
    out.extend_from_slice(b"]}");
}

fn eval_error(out: &mut Vec<u8>, e: &EvalError) {
    out.extend_from_slice(b"{\"code\":");
    string(out, &e.code);
    out.extend_from_slice(b",\"message\":");
    string(out, e.message.english());
    out.push(b'}');
}

fn shown(out: &mut Vec<u8>, v: &Shown<'_>) {
    match v {
        Shown::Bool(b) => boolean(out, *b),
        Shown::Text(t) => string(out, t),
        Shown::Set(names) => {
            out.push(b'[');
            for (i, n) in names.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                string(out, n);
            }
            out.push(b']');
        }
        // digits, signs, points and dashes: nothing to escape
        other => {
            out.push(b'"');
            let _ = write!(out, "{other}");
            out.push(b'"');
        }
    }
}

fn titles(out: &mut Vec<u8>, t: Titles<'_>) {
    out.push(b'{');
    for (i, (lang, text)) in t.0.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, lang);
        out.push(b':');
        string(out, text);
    }
    out.push(b'}');
}

fn ordered<V>(out: &mut Vec<u8>, map: &Ordered<'_, V>, value: fn(&mut Vec<u8>, &V)) {
    out.push(b'{');
    for (i, (k, v)) in map.0.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, k);
        out.push(b':');
        value(out, v);
    }
    out.push(b'}');
}

fn list<T>(out: &mut Vec<u8>, items: &[T], item: fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, x);
    }
    out.push(b']');
}

fn strings(out: &mut Vec<u8>, items: &[&str]) {
    list(out, items, |out, s| string(out, s));
}

fn opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn boolean(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

/// A JSON string, escaped as serde_json escapes: `"` and `\`, the control
/// characters (`\b \t \n \f \r` by name, the others as `\u00xx`), nothing else.
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
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

/// Lay out compact JSON (nothing but strings between its tokens, as
/// `write_json` and serde_json's compact writer give) as serde_json's pretty
/// writer does: a line per member and element, two spaces per level, `": "`
/// after a key, an empty object or array as `{}` or `[]`. A string is copied
/// whole once its end is found; a line break and its indentation are one copy.
fn pretty(compact: &[u8], out: &mut Vec<u8>) {
    /// A line break and up to 31 levels of indentation.
    const BREAK: &[u8] = b"\n                                                              ";
    fn newline(out: &mut Vec<u8>, depth: usize) {
        match BREAK.get(..1 + 2 * depth) {
            Some(indented) => out.extend_from_slice(indented),
            None => {
                out.push(b'\n');
                out.resize(out.len() + 2 * depth, b' ');
            }
        }
    }
    out.reserve(compact.len() * 2);
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&b) = compact.get(i) {
        i += 1;
        match b {
            b'"' => {
                // to the closing quote, stepping over escaped bytes
                let start = i - 1;
                while let Some(&c) = compact.get(i) {
                    i += 1;
                    if c == b'\\' {
                        i += 1;
                    } else if c == b'"' {
                        break;
                    }
                }
                out.extend_from_slice(compact.get(start..i).unwrap_or_default());
            }
            b'{' | b'[' => {
                let close = if b == b'{' { b'}' } else { b']' };
                out.push(b);
                if compact.get(i) == Some(&close) {
                    out.push(close);
                    i += 1;
                } else {
                    depth += 1;
                    newline(out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b',');
                newline(out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character that needs escaping, and some that do not, escaped as
    /// serde_json escapes them.
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

    /// `pretty` lays out compact JSON as serde_json's pretty writer does,
    /// with structural characters and escapes inside strings, empty and deep
    /// containers, numbers and literals (keys in sorted order, so that
    /// `serde_json::Value` keeps them as written).
    #[test]
    fn pretty_lays_out_as_serde_json_does() {
        let mut deep = serde_json::json!([1]);
        for _ in 0..40 {
            deep = serde_json::json!({ "a": deep, "b": [] });
        }
        let values = [
            serde_json::json!({
                "a": "text with {braces}, [brackets], a colon: and a comma,",
                "b": "escapes: \"quoted\" \\ \\\" \u{1}\n",
                "c": ["\\", "\"", "", "中文", 12, -3.5, 1e300, true, false, null],
                "d": {}, "e": [], "f": [{}, [], [[]], {"x": {}}],
                "g": { "h": { "i": 0 } },
            }),
            serde_json::json!([]),
            serde_json::json!("a string alone, with \\"),
            serde_json::json!(17),
            deep,
        ];
        for value in values {
            let compact = serde_json::to_vec(&value).unwrap();
            let mut ours = Vec::new();
            pretty(&compact, &mut ours);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }
}
