//! A small JSON reader that keeps byte spans, so that a case-file error can
//! point at the offending key or value. Depth is limited; duplicate keys are
//! kept for the validator to report.

use crate::source::Span;

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
    pub fn describe(&self) -> &'static str {
        match self {
            DocKind::Null => "null",
            DocKind::Bool(_) => "true/false",
            DocKind::Number(_) => "a number",
            DocKind::String(_) => "a text",
            DocKind::Date(_) => "a date",
            DocKind::Array(_) => "a list",
            DocKind::Object(_) => "an object",
        }
    }
}

/// A syntax error: message and where.
#[derive(Debug)]
pub struct JsonError {
    /// What is wrong.
    pub message: String,
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
        return Err(p.err("unexpected text after the end of the case"));
    }
    Ok(doc)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    max_depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn err(&self, message: &str) -> JsonError {
        let end = self
            .text
            .get(self.i..)
            .and_then(|r| r.chars().next())
            .map_or(self.i, |c| self.i + c.len_utf8());
        JsonError {
            message: message.to_string(),
            span: Span::new(self.i, end),
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Doc, JsonError> {
        if depth > self.max_depth {
            return Err(self.err(&format!(
                "the case nests lists or objects more than {} deep",
                self.max_depth
            )));
        }
        self.skip_ws();
        let start = self.i;
        let kind = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => DocKind::String(self.string()?),
            Some(b't') => self.word("true", DocKind::Bool(true))?,
            Some(b'f') => self.word("false", DocKind::Bool(false))?,
            Some(b'n') => self.word("null", DocKind::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.err("expected a value (text in quotes, a number, true, false, null, an object or a list)")),
            None => return Err(self.err("the case ends where a value was expected")),
        };
        Ok(Doc {
            kind,
            span: Span::new(start, self.i),
        })
    }

    fn word(&mut self, w: &str, kind: DocKind) -> Result<DocKind, JsonError> {
        if self.s.get(self.i..self.i + w.len()) == Some(w.as_bytes()) {
            self.i += w.len();
            Ok(kind)
        } else {
            Err(self.err("expected true, false or null; text must be in double quotes"))
        }
    }

    fn number(&mut self) -> Result<DocKind, JsonError> {
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
            return Err(self.err("expected a number"));
        }
        Ok(DocKind::Number(raw.to_string()))
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1; // opening quote
        let mut out = String::new();
        loop {
            let rest = self.text.get(self.i..).unwrap_or("");
            let mut chars = rest.chars();
            let Some(c) = chars.next() else {
                return Err(self.err("a text is not closed with a double quote"));
            };
            self.i += c.len_utf8();
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let Some(e) = chars.next() else {
                        return Err(self.err("a text ends inside an escape"));
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
                            return Err(self.err("unknown escape in a text"));
                        }
                    }
                }
                c if (c as u32) < 0x20 => {
                    self.i -= c.len_utf8();
                    return Err(self.err("a control character inside a text must be escaped"));
                }
                c => out.push(c),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let raw = self
            .text
            .get(self.i..self.i + 4)
            .ok_or_else(|| self.err("expected 4 hex digits"))?;
        let v = u32::from_str_radix(raw, 16).map_err(|_| self.err("expected 4 hex digits"))?;
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
                    return char::from_u32(c).ok_or_else(|| self.err("invalid escaped character"));
                }
            }
            return Err(self.err("an unpaired surrogate in a \\u escape"));
        }
        char::from_u32(hi).ok_or_else(|| self.err("invalid escaped character"))
    }

    fn array(&mut self, depth: usize) -> Result<DocKind, JsonError> {
        self.i += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(DocKind::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(DocKind::Array(items));
                }
                _ => return Err(self.err("expected `,` or `]` in a list")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<DocKind, JsonError> {
        self.i += 1;
        let mut entries = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(DocKind::Object(entries));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.err("expected a key in double quotes"));
            }
            let start = self.i;
            let key = self.string()?;
            let key_span = Span::new(start, self.i);
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.err("expected `:` after the key"));
            }
            self.i += 1;
            let value = self.value(depth + 1)?;
            entries.push((key, key_span, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(DocKind::Object(entries));
                }
                _ => return Err(self.err("expected `,` or `}` in an object")),
            }
        }
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
        assert!(e.message.contains("deep"));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }
}
