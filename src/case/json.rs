//! A small JSON reader that keeps byte spans, so that a case-file error can
//! point at the offending key or value. Depth is limited; duplicate keys are
//! kept for the validator to report.
//!
//! Two readers share the grammar: [`parse`] builds a [`Doc`] tree (for test
//! files), and `read_case` hands each key and value of a case to the case
//! validator as it reads them, borrowing text without escapes from the input
//! instead of building a tree. Both accept and reject the same texts, with the
//! same errors.

use std::borrow::Cow;

use super::{Entry, Validator};
use crate::diagnostic::Text;
use crate::source::Span;
use crate::text;

/// A value with its span.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The value.
    pub kind: DocKind,
    /// Where.
    pub span: Span,
}

/// Values of a case document (JSON or TOML).
#[derive(Clone, Debug)]
pub enum DocKind {
    /// null
    Null,
    /// true / false
    Bool(bool),
    /// a number, as written
    Number(String),
    /// a string
    String(String),
    /// a TOML date
    Date(String),
    /// an array
    Array(Vec<Doc>),
    /// an object: keys with their spans, in the order written
    Object(Vec<(String, Span, Doc)>),
}

impl DocKind {
    /// What it is, in words.
    pub fn describe(&self) -> Text {
        self.shape().describe()
    }

    /// The value as the case validator sees it.
    pub(super) fn shape(&self) -> Shape<'_> {
        match self {
            DocKind::Null => Shape::Null,
            DocKind::Bool(b) => Shape::Bool(*b),
            DocKind::Number(n) => Shape::Number(n),
            DocKind::String(s) => Shape::String(Cow::Borrowed(s)),
            DocKind::Date(d) => Shape::Date(d),
            DocKind::Array(_) => Shape::Array,
            DocKind::Object(_) => Shape::Object,
        }
    }
}

/// A value as the case validator sees it: scalars (borrowed where they can
/// be), lists and objects only by kind.
#[derive(Debug)]
pub(super) enum Shape<'a> {
    /// null
    Null,
    /// true / false
    Bool(bool),
    /// a number, as written
    Number(&'a str),
    /// a string, escapes decoded
    String(Cow<'a, str>),
    /// a TOML date
    Date(&'a str),
    /// a list
    Array,
    /// an object
    Object,
}

impl Shape<'_> {
    /// What it is, in words.
    pub(super) fn describe(&self) -> Text {
        match self {
            Shape::Null => text!("diag-case-shape-null"),
            Shape::Bool(_) => text!("diag-case-shape-bool"),
            Shape::Number(_) => text!("diag-case-shape-number"),
            Shape::String(_) => text!("diag-case-shape-text"),
            Shape::Date(_) => text!("diag-case-shape-date"),
            Shape::Array => text!("diag-case-shape-list"),
            Shape::Object => text!("diag-case-shape-object"),
        }
    }
}

/// A syntax error: message and where.
#[derive(Debug)]
pub struct JsonError {
    /// What is wrong.
    pub message: Text,
    /// Where.
    pub span: Span,
}

/// Parse a JSON text, nested at most [`crate::limits::Limits::case_depth`] deep.
pub fn parse(text: &str) -> Result<Doc, JsonError> {
    parse_with_depth(text, crate::limits::Limits::DEFAULT.case_depth)
}

/// Parse a JSON text nested at most `max_depth` deep.
pub fn parse_with_depth(text: &str, max_depth: usize) -> Result<Doc, JsonError> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
        max_depth,
    };
    p.skip_ws();
    if p.peek() == Some(0xEF) && text.get(p.i..).is_some_and(|r| r.starts_with('\u{FEFF}')) {
        p.i += 3;
        p.skip_ws();
    }
    let doc = p.value(0)?;
    p.skip_ws();
    if p.i < p.s.len() {
        return Err(p.err(text!("diag-case-json-trailing")));
    }
    Ok(doc)
}

/// Read a JSON case into the validator, nested at most `max_depth` deep: the
/// same texts as [`parse_with_depth`] are accepted, with the same errors, and
/// the validator sees the keys and values the tree walk would, in the same
/// order. On an error, what the validator was told is to be discarded.
pub(super) fn read_case(
    text: &str,
    max_depth: usize,
    v: &mut Validator<'_>,
) -> Result<(), JsonError> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
        max_depth,
    };
    p.skip_ws();
    if p.peek() == Some(0xEF) && text.get(p.i..).is_some_and(|r| r.starts_with('\u{FEFF}')) {
        p.i += 3;
        p.skip_ws();
    }
    p.check_depth(0)?;
    p.skip_ws();
    let other = if p.peek() == Some(b'{') {
        p.case_object(v, "", 0)?;
        None
    } else {
        Some(p.scan(0)?)
    };
    p.skip_ws();
    if p.i < p.s.len() {
        return Err(p.err(text!("diag-case-json-trailing")));
    }
    if let Some((shape, span)) = other {
        v.not_a_case(&shape, span);
    }
    Ok(())
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    max_depth: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn err(&self, message: Text) -> JsonError {
        let end = self
            .text
            .get(self.i..)
            .and_then(|r| r.chars().next())
            .map_or(self.i, |c| self.i + c.len_utf8());
        JsonError {
            message,
            span: Span::new(self.i, end),
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn check_depth(&self, depth: usize) -> Result<(), JsonError> {
        if depth > self.max_depth {
            return Err(self.err(text!(
                "diag-case-json-depth",
                limit = self.max_depth.to_string()
            )));
        }
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<Doc, JsonError> {
        self.check_depth(depth)?;
        self.skip_ws();
        let start = self.i;
        let kind = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => DocKind::String(self.string_cow()?.into_owned()),
            Some(b't') => self.word("true").map(|()| DocKind::Bool(true))?,
            Some(b'f') => self.word("false").map(|()| DocKind::Bool(false))?,
            Some(b'n') => self.word("null").map(|()| DocKind::Null)?,
            Some(b'-' | b'0'..=b'9') => DocKind::Number(self.number()?.to_string()),
            Some(_) => return Err(self.not_a_value()),
            None => return Err(self.err(text!("diag-case-json-eof"))),
        };
        Ok(Doc {
            kind,
            span: Span::new(start, self.i),
        })
    }

    fn not_a_value(&self) -> JsonError {
        self.err(text!("diag-case-json-value"))
    }

    /// A value as [`Parser::value`] reads it, without building it: scalars
    /// as they are, lists and objects only checked.
    fn scan(&mut self, depth: usize) -> Result<(Shape<'a>, Span), JsonError> {
        self.check_depth(depth)?;
        self.skip_ws();
        let start = self.i;
        let shape = match self.peek() {
            Some(b'{') => {
                self.skip_object(depth)?;
                Shape::Object
            }
            Some(b'[') => {
                self.skip_array(depth)?;
                Shape::Array
            }
            Some(b'"') => Shape::String(self.string_cow()?),
            Some(b't') => self.word("true").map(|()| Shape::Bool(true))?,
            Some(b'f') => self.word("false").map(|()| Shape::Bool(false))?,
            Some(b'n') => self.word("null").map(|()| Shape::Null)?,
            Some(b'-' | b'0'..=b'9') => Shape::Number(self.number()?),
            Some(_) => return Err(self.not_a_value()),
            None => return Err(self.err(text!("diag-case-json-eof"))),
        };
        Ok((shape, Span::new(start, self.i)))
    }

    fn word(&mut self, w: &str) -> Result<(), JsonError> {
        if self.s.get(self.i..self.i + w.len()) == Some(w.as_bytes()) {
            self.i += w.len();
            Ok(())
        } else {
            Err(self.err(text!("diag-case-json-word")))
        }
    }

    fn number(&mut self) -> Result<&'a str, JsonError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        while matches!(
            self.peek(),
            Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
        ) {
            self.i += 1;
        }
        let raw = self.text.get(start..self.i).unwrap_or("");
        if raw.is_empty() || raw == "-" {
            return Err(self.err(text!("diag-case-json-number")));
        }
        Ok(raw)
    }

    /// A string, borrowed from the text when it has no escapes (and no
    /// control characters or missing closing quote, left to [`Parser::string`]
    /// to report).
    fn string_cow(&mut self) -> Result<Cow<'a, str>, JsonError> {
        let from = self.i + 1;
        let mut j = from;
        while let Some(&b) = self.s.get(j) {
            match b {
                b'"' => {
                    if let Some(text) = self.text.get(from..j) {
                        self.i = j + 1;
                        return Ok(Cow::Borrowed(text));
                    }
                    break;
                }
                b'\\' | 0..0x20 => break,
                _ => j += 1,
            }
        }
        self.string().map(Cow::Owned)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1; // opening quote
        let mut out = String::new();
        loop {
            let rest = self.text.get(self.i..).unwrap_or("");
            let mut chars = rest.chars();
            let Some(c) = chars.next() else {
                return Err(self.err(text!("diag-case-json-unclosed")));
            };
            self.i += c.len_utf8();
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let Some(e) = chars.next() else {
                        return Err(self.err(text!("diag-case-json-escape-end")));
                    };
                    self.i += e.len_utf8();
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let c = self.unicode_escape()?;
                            out.push(c);
                        }
                        _ => {
                            self.i -= e.len_utf8();
                            return Err(self.err(text!("diag-case-json-escape")));
                        }
                    }
                }
                c if (c as u32) < 0x20 => {
                    self.i -= c.len_utf8();
                    return Err(self.err(text!("diag-case-json-control")));
                }
                c => out.push(c),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let raw = self
            .text
            .get(self.i..self.i + 4)
            .ok_or_else(|| self.err(text!("diag-case-json-hex")))?;
        let v = u32::from_str_radix(raw, 16).map_err(|_| self.err(text!("diag-case-json-hex")))?;
        self.i += 4;
        Ok(v)
    }

    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let hi = self.hex4()?;
        if (0xD800..0xDC00).contains(&hi) {
            if self.s.get(self.i..self.i + 2) == Some(b"\\u") {
                self.i += 2;
                let lo = self.hex4()?;
                if (0xDC00..0xE000).contains(&lo) {
                    let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                    return char::from_u32(c)
                        .ok_or_else(|| self.err(text!("diag-case-json-bad-escape")));
                }
            }
            return Err(self.err(text!("diag-case-json-surrogate")));
        }
        char::from_u32(hi).ok_or_else(|| self.err(text!("diag-case-json-bad-escape")))
    }

    /// At `[`: each item is read by `item`; the commas and the closing `]`
    /// are read here.
    fn items(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.i += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(self.err(text!("diag-case-json-list"))),
            }
        }
    }

    /// At `{`: each key, with its span, goes to `entry`, which reads its
    /// value; the quotes, colons, commas and the closing `}` are read here.
    fn entries(
        &mut self,
        mut entry: impl FnMut(&mut Self, Cow<'a, str>, Span) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.i += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(());
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.err(text!("diag-case-json-key")));
            }
            let start = self.i;
            let key = self.string_cow()?;
            let key_span = Span::new(start, self.i);
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.err(text!("diag-case-json-colon")));
            }
            self.i += 1;
            entry(self, key, key_span)?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(self.err(text!("diag-case-json-object"))),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<DocKind, JsonError> {
        let mut items = Vec::new();
        self.items(|p| {
            items.push(p.value(depth + 1)?);
            Ok(())
        })?;
        Ok(DocKind::Array(items))
    }

    fn object(&mut self, depth: usize) -> Result<DocKind, JsonError> {
        let mut entries = Vec::new();
        self.entries(|p, key, key_span| {
            entries.push((key.into_owned(), key_span, p.value(depth + 1)?));
            Ok(())
        })?;
        Ok(DocKind::Object(entries))
    }

    /// [`Parser::array`], without building the items.
    fn skip_array(&mut self, depth: usize) -> Result<(), JsonError> {
        self.items(|p| p.scan(depth + 1).map(|_| ()))
    }

    /// [`Parser::object`], without building the entries.
    fn skip_object(&mut self, depth: usize) -> Result<(), JsonError> {
        self.entries(|p, _, _| p.scan(depth + 1).map(|_| ()))
    }

    /// [`Parser::object`] for an object of facts (the case, or a dotted
    /// prefix of fact names): each entry goes to the validator, which says
    /// what to do with its value.
    fn case_object(
        &mut self,
        v: &mut Validator<'_>,
        prefix: &str,
        depth: usize,
    ) -> Result<(), JsonError> {
        self.entries(|p, key, key_span| {
            match v.entry(prefix, &key, key_span) {
                Entry::Fact(id, path) => {
                    // a list for a set-valued fact: its items go to the
                    // validator (checked for depth where `scan` checks it)
                    let set = match v.set_list(id) {
                        Some(list) => {
                            p.check_depth(depth + 1)?;
                            p.skip_ws();
                            (p.peek() == Some(b'[')).then_some(list)
                        }
                        None => None,
                    };
                    match set {
                        Some(list) => {
                            let mut items = Vec::new();
                            p.items(|p| {
                                items.push(p.scan(depth + 2)?);
                                Ok(())
                            })?;
                            v.set_fact(id, list, &path, &items);
                        }
                        _ => {
                            let (shape, span) = p.scan(depth + 1)?;
                            v.fact(id, &path, &shape, span);
                        }
                    }
                }
                Entry::Prefix(path) => {
                    p.check_depth(depth + 1)?;
                    p.skip_ws();
                    if p.peek() == Some(b'{') {
                        p.case_object(v, &path, depth + 1)?;
                    } else {
                        let (shape, span) = p.scan(depth + 1)?;
                        v.not_an_object(&path, &shape, span);
                    }
                }
                Entry::Skip => {
                    p.scan(depth + 1)?;
                }
                Entry::Id => {
                    let (_, span) = p.scan(depth + 1)?;
                    v.id_at(span);
                }
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{DocKind, parse};
    const MAX_DEPTH: usize = crate::limits::Limits::DEFAULT.case_depth;

    #[test]
    fn keeps_spans_and_duplicate_keys() {
        let doc = parse(r#"{"a": {"b": 1, "b": "x"}}"#).unwrap();
        let DocKind::Object(top) = doc.kind else {
            panic!("object")
        };
        let DocKind::Object(inner) = &top[0].2.kind else {
            panic!("object")
        };
        assert_eq!(inner.len(), 2, "duplicates are kept for the validator");
        assert_eq!((inner[0].1.start, inner[0].1.end), (7, 10));
    }

    #[test]
    fn escapes_and_unicode() {
        let doc = parse(r#"["\u4e2d\u6587", "\ud83d\ude00", "a\"b", "杭州"]"#).unwrap();
        let DocKind::Array(items) = doc.kind else {
            panic!("array")
        };
        let texts: Vec<String> = items
            .into_iter()
            .map(|d| match d.kind {
                DocKind::String(s) => s,
                _ => panic!("string"),
            })
            .collect();
        assert_eq!(texts, ["中文", "😀", "a\"b", "杭州"]);
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = parse("{\"a\": tru}").unwrap_err();
        assert_eq!(e.span.start, 6);
        assert!(parse("{\"a\": 1,}").is_err());
        assert!(parse("[1] 2").is_err());
        assert!(parse("\"\\ud800\"").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn depth_is_limited() {
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        let e = parse(&deep).unwrap_err();
        assert!(e.message.english().contains("deep"));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }
}
