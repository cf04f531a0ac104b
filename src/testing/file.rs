//! Test files → [`TestFile`] (before the rulebook is known) → [`Test`] (checked
//! against the rulebook's model).
//!
//! A test file is TOML (`*.test.toml`) or JSON (`*.test.json`) with the keys
//! `name`, `rulebook`, `as_of`, `case` and `expect`. The file is read once
//! into a tree with spans; the tree under `case` is validated by the case
//! reader itself (`CaseReader::read_doc`), so a test's case gets exactly the
//! diagnostics a case file would, pointing into the test file. Any TOML
//! layout of the case works: `[case]` tables, `[case.…]` tables in any
//! order, an inline `case = { … }`.

use std::sync::Arc;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::case::json::{self, Doc, DocKind};
use crate::case::{self, Case, Format};
use crate::diagnostic::{Code, Diagnostic, Text, suggestion};
use crate::model::Model;
use crate::outcome::Shown;
use crate::source::{SourceFile, Span};
use crate::value::Currency;

/// A test file, read but not yet checked against a rulebook.
#[derive(Clone, Debug)]
pub struct TestFile {
    /// The file.
    pub file: Arc<SourceFile>,
    /// The name given, else the file name without `.test.toml`/`.test.json`.
    pub name: String,
    /// The rulebook path as written (relative to the test file's folder), with its span.
    pub rulebook: Option<(String, Span)>,
    as_of: Option<Date>,
    /// The tree under `case`, when given.
    case_doc: Option<Doc>,
    expect: Vec<(String, Span, Doc)>,
    expect_span: Span,
}

/// What a test expects of one remedy besides applying.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RemedyDetail {
    /// The remedy's id.
    pub remedy: String,
    /// Expected amount, as written (compared as a decimal).
    pub amount: Option<String>,
    /// The expected amount is a ceiling: written `up_to = "…"` in place of
    /// `amount` (for `amount up to …` in the rulebook).
    pub up_to: bool,
    /// Expected deadline, `YYYY-MM-DD`.
    pub deadline: Option<String>,
    /// Expected parameters, in the order written.
    pub params: Vec<(String, Shown<'static>)>,
}

/// The expectations of a test.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expect {
    /// Remedies that must apply.
    pub applies: Vec<String>,
    /// Remedies that must neither apply nor be undetermined.
    pub not_applies: Vec<String>,
    /// Remedies that must be undetermined.
    pub undetermined: Vec<String>,
    /// Detail checks on applied remedies (each implies that the remedy applies).
    pub remedies: Vec<RemedyDetail>,
}

/// A test checked against its rulebook: a case and what it must give.
#[derive(Clone, Debug)]
pub struct Test {
    /// The test's name.
    pub name: String,
    /// The test file's name (its path as given).
    pub path: String,
    /// The facts.
    pub case: Case,
    /// Judge the case as of this date, when given.
    pub as_of: Option<Date>,
    /// What must come out.
    pub expect: Expect,
}

/// Read a test file: its syntax and layout, not yet its remedies or facts.
/// The format follows the name: `.json` is JSON, anything else TOML.
pub fn parse_test(file: &Arc<SourceFile>) -> (Option<TestFile>, Vec<Diagnostic>) {
    let format = if file.name().ends_with(".json") {
        Format::Json
    } else {
        Format::Toml
    };
    let doc = match format {
        Format::Json => json::parse(file.text()).map_err(|e| (e.message, e.span)),
        Format::Toml => crate::case::toml_doc(file.text()),
    };
    let doc = match doc {
        Ok(d) => d,
        Err((message, span)) => {
            let what = if format == Format::Json {
                "JSON"
            } else {
                "TOML"
            };
            let d = Diagnostic::error(
                Code::TestSyntax,
                format!("the test file is not valid {what}: {message}"),
            )
            .in_file(file)
            .label(span, message)
            .help("a test has a `[case]` table of facts and an `[expect]` table");
            return (None, vec![d]);
        }
    };
    let mut p = Reader {
        file,
        diagnostics: Vec::new(),
    };
    let test = p.top(&doc);
    let ok = !p.diagnostics.iter().any(Diagnostic::is_error);
    (test.filter(|_| ok), p.diagnostics)
}

const TOP_KEYS: &[&str] = &["name", "rulebook", "as_of", "case", "expect"];
const EXPECT_KEYS: &[&str] = &["applies", "not_applies", "undetermined", "remedy"];
const DETAIL_KEYS: &[&str] = &["amount", "up_to", "deadline", "params"];

struct Reader<'a> {
    file: &'a Arc<SourceFile>,
    diagnostics: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn error(
        &mut self,
        span: Span,
        message: impl Into<Text>,
        label: impl Into<Text>,
        help: impl Into<Text>,
    ) {
        self.diagnostics.push(
            Diagnostic::error(Code::TestFormat, message)
                .in_file(self.file)
                .label(span, label)
                .help(help),
        );
    }

    fn unknown_key(&mut self, key: &str, span: Span, within: &str, keys: &[&str]) {
        let help = suggestion(key, keys.iter().copied())
            .unwrap_or_else(|| format!("the keys here are: {}", keys.join(", ")).into());
        self.error(
            span,
            format!("`{key}` is not a key of {within}"),
            "unknown key",
            help,
        );
    }

    fn text(&mut self, key: &str, doc: &Doc) -> Option<String> {
        match &doc.kind {
            DocKind::String(s) => Some(s.clone()),
            other => {
                self.error(
                    doc.span,
                    format!("`{key}` must be a text, but it is {}", other.describe()),
                    "expected a text",
                    "write it in double quotes",
                );
                None
            }
        }
    }

    fn top(&mut self, doc: &Doc) -> Option<TestFile> {
        let DocKind::Object(entries) = &doc.kind else {
            self.error(
                doc.span,
                format!(
                    "a test must be an object, but this is {}",
                    doc.kind.describe()
                ),
                "not an object",
                "write {\"case\": {…}, \"expect\": {…}}",
            );
            return None;
        };
        let mut name = None;
        let mut rulebook = None;
        let mut as_of = None;
        let mut case_doc = None;
        let mut expect = None;
        for (key, span, value) in entries {
            match key.as_str() {
                "name" => name = self.text(key, value),
                "rulebook" => rulebook = self.text(key, value).map(|t| (t, value.span)),
                "as_of" => as_of = self.date(key, value),
                "case" => match &value.kind {
                    DocKind::Object(_) => case_doc = Some((*span, value)),
                    other => self.error(
                        value.span,
                        format!(
                            "`case` must be a table of facts, but it is {}",
                            other.describe()
                        ),
                        "expected a table",
                        "write the facts under a `[case]` table",
                    ),
                },
                "expect" => match &value.kind {
                    DocKind::Object(e) => expect = Some((e.clone(), *span)),
                    other => self.error(
                        value.span,
                        format!("`expect` must be a table, but it is {}", other.describe()),
                        "expected a table",
                        "write `[expect]` with `applies = [\"remedy_id\"]`",
                    ),
                },
                _ => self.unknown_key(key, *span, "a test", TOP_KEYS),
            }
        }
        let Some((expect, expect_span)) = expect else {
            self.diagnostics.push(
                Diagnostic::error(Code::TestFormat, "the test expects nothing")
                    .in_file(self.file)
                    .label(Span::new(0, 0), "no `expect` table in this file")
                    .help("add `[expect]` with `applies`, `not_applies` or `undetermined`"),
            );
            return None;
        };
        let case_doc = case_doc.map(|(_, value)| value.clone());
        let stem = self.file.name().rsplit(['/', '\\']).next().unwrap_or("");
        let stem = [".test.toml", ".test.json", ".toml", ".json"]
            .iter()
            .find_map(|s| stem.strip_suffix(s))
            .unwrap_or(stem);
        Some(TestFile {
            file: Arc::clone(self.file),
            name: name.unwrap_or_else(|| stem.to_string()),
            rulebook,
            as_of,
            case_doc,
            expect,
            expect_span,
        })
    }

    fn date(&mut self, key: &str, doc: &Doc) -> Option<Date> {
        match &doc.kind {
            DocKind::String(s) | DocKind::Date(s) => match s.trim().parse::<Date>() {
                Ok(d) => Some(d),
                Err(_) => {
                    self.error(
                        doc.span,
                        format!("`{key}`: `{s}` is not a date that exists"),
                        "not a date",
                        "write a date as YYYY-MM-DD",
                    );
                    None
                }
            },
            other => {
                self.error(
                    doc.span,
                    format!("`{key}` must be a date, but it is {}", other.describe()),
                    "expected a date",
                    "write a date as YYYY-MM-DD",
                );
                None
            }
        }
    }
}

impl TestFile {
    /// Check the test against a rulebook: its remedies and parameters exist,
    /// and its case is valid (with the diagnostics a case file would get).
    pub fn check(&self, model: &Model) -> (Option<Test>, Vec<Diagnostic>) {
        let mut r = Reader {
            file: &self.file,
            diagnostics: Vec::new(),
        };
        let expect = r.expect(model, &self.expect, self.expect_span);
        let case = match &self.case_doc {
            None => Some(Case::empty(model)),
            Some(doc) => {
                let reader = case::CaseReader::new(model, crate::limits::Limits::DEFAULT);
                let (case, diagnostics) = reader.read_doc(&self.file, doc);
                r.diagnostics.extend(diagnostics);
                case
            }
        };
        let ok = !r.diagnostics.iter().any(Diagnostic::is_error);
        let test = match (case, ok) {
            (Some(case), true) => Some(Test {
                name: self.name.clone(),
                path: self.file.name().to_string(),
                case,
                as_of: self.as_of,
                expect,
            }),
            _ => None,
        };
        (test, r.diagnostics)
    }
}

impl Reader<'_> {
    fn expect(&mut self, model: &Model, entries: &[(String, Span, Doc)], span: Span) -> Expect {
        let mut expect = Expect::default();
        let mut listed: Vec<(String, Span, &'static str)> = Vec::new();
        for (key, key_span, value) in entries {
            let list = match key.as_str() {
                "applies" => &mut expect.applies,
                "not_applies" => &mut expect.not_applies,
                "undetermined" => &mut expect.undetermined,
                "remedy" => {
                    self.details(model, value, &mut expect.remedies);
                    continue;
                }
                _ => {
                    self.unknown_key(key, *key_span, "`expect`", EXPECT_KEYS);
                    continue;
                }
            };
            let DocKind::Array(items) = &value.kind else {
                self.error(
                    value.span,
                    format!(
                        "`{key}` must be a list of remedy ids, but it is {}",
                        value.kind.describe()
                    ),
                    "expected a list",
                    "write a list: [\"return_without_reason\"]",
                );
                continue;
            };
            for item in items {
                let Some(id) = self.text(key, item) else {
                    continue;
                };
                if !self.remedy_exists(model, &id, item.span) {
                    continue;
                }
                if let Some((_, first, other)) = listed.iter().find(|(r, _, _)| *r == id) {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::TestFormat,
                            format!("`{id}` is listed twice in `expect` (`{other}` and `{key}`)"),
                        )
                        .in_file(self.file)
                        .label(item.span, "listed again")
                        .label(*first, "first listed here")
                        .help(
                            "list each remedy once: it applies, does not apply, or is undetermined",
                        ),
                    );
                    continue;
                }
                let label: &'static str = match key.as_str() {
                    "applies" => "applies",
                    "not_applies" => "not_applies",
                    _ => "undetermined",
                };
                listed.push((id.clone(), item.span, label));
                list.push(id);
            }
        }
        for d in &expect.remedies {
            if let Some((_, at, other)) = listed
                .iter()
                .find(|(r, _, k)| *r == d.remedy && *k != "applies")
            {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::TestFormat,
                        format!(
                            "`{}` has details in `expect.remedy`, so it must apply, but it is listed in `{other}`",
                            d.remedy
                        ),
                    )
                    .in_file(self.file)
                    .label(*at, "listed here")
                    .help("details are checked on remedies that apply"),
                );
            }
        }
        if listed.is_empty()
            && expect.remedies.is_empty()
            && !self.diagnostics.iter().any(Diagnostic::is_error)
        {
            self.diagnostics.push(
                Diagnostic::error(Code::TestFormat, "the test expects nothing")
                    .in_file(self.file)
                    .label(span, "`expect` is empty")
                    .help("add `applies`, `not_applies` or `undetermined`"),
            );
        }
        expect
    }

    fn remedy_exists(&mut self, model: &Model, id: &str, span: Span) -> bool {
        if model.remedies.iter().any(|r| r.id == id) {
            return true;
        }
        let help = suggestion(id, model.remedies.iter().map(|r| r.id.as_str()))
            .unwrap_or_else(|| "remedies are named by their id in the rulebook's catalogue".into());
        self.diagnostics.push(
            Diagnostic::error(
                Code::TestUnknownRemedy,
                format!("`{id}` is not a remedy of this rulebook"),
            )
            .in_file(self.file)
            .label(span, "no such remedy")
            .help(help),
        );
        false
    }

    fn details(&mut self, model: &Model, doc: &Doc, out: &mut Vec<RemedyDetail>) {
        let DocKind::Object(remedies) = &doc.kind else {
            self.error(
                doc.span,
                "`expect.remedy` must be a table of remedies".to_string(),
                "expected a table",
                "write `[expect.remedy.return_without_reason]` with `deadline = \"2024-05-08\"`",
            );
            return;
        };
        for (id, id_span, body) in remedies {
            if !self.remedy_exists(model, id, *id_span) {
                continue;
            }
            let mut detail = RemedyDetail {
                remedy: id.clone(),
                ..RemedyDetail::default()
            };
            let DocKind::Object(fields) = &body.kind else {
                self.error(
                    body.span,
                    format!("`expect.remedy.{id}` must be a table"),
                    "expected a table",
                    "give `amount`, `deadline` or `params`",
                );
                continue;
            };
            for (key, key_span, value) in fields {
                match key.as_str() {
                    "amount" | "up_to" if detail.amount.is_some() => self.error(
                        *key_span,
                        format!("`expect.remedy.{id}` gives its amount twice"),
                        "second amount",
                        "give `amount` for an amount, or `up_to` for a ceiling (`amount up to …`), not both",
                    ),
                    "amount" | "up_to" => match &value.kind {
                        DocKind::String(s) | DocKind::Number(s) => {
                            detail.amount = Some(s.clone());
                            detail.up_to = key == "up_to";
                        }
                        other => self.error(
                            value.span,
                            format!("`{key}` must be an amount, but it is {}", other.describe()),
                            "expected an amount",
                            "write an amount: \"500.00\", or with its currency: \"500.00 yuan\", \"€500.00\"",
                        ),
                    },
                    "deadline" => {
                        detail.deadline = self.date(key, value).map(|d| d.to_string());
                    }
                    "params" => self.params(model, id, value, &mut detail),
                    _ => self.unknown_key(key, *key_span, "a remedy's details", DETAIL_KEYS),
                }
            }
            out.push(detail);
        }
    }

    fn params(&mut self, model: &Model, id: &str, doc: &Doc, detail: &mut RemedyDetail) {
        let DocKind::Object(params) = &doc.kind else {
            self.error(
                doc.span,
                "`params` must be a table of parameter values".to_string(),
                "expected a table",
                "write `params = { location = \"Hangzhou\" }`",
            );
            return;
        };
        let names: Vec<&str> = model
            .remedies
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.params.iter().map(|(n, _)| n.as_str()).collect())
            .unwrap_or_default();
        for (name, name_span, value) in params {
            if !names.contains(&name.as_str()) {
                let help = suggestion(name, names.iter().copied()).unwrap_or_else(|| {
                    if names.is_empty() {
                        format!("`{id}` has no parameters").into()
                    } else {
                        format!("the parameters of `{id}` are: {}", names.join(", ")).into()
                    }
                });
                self.error(
                    *name_span,
                    format!("`{name}` is not a parameter of `{id}`"),
                    "no such parameter",
                    help,
                );
                continue;
            }
            let shown = match &value.kind {
                DocKind::Bool(b) => Shown::Bool(*b),
                DocKind::String(s) | DocKind::Number(s) | DocKind::Date(s) => {
                    Shown::Text(s.clone().into())
                }
                other => {
                    self.error(
                        value.span,
                        format!("`{name}` must be a value, but it is {}", other.describe()),
                        "expected a value",
                        "write a text, number, date or true/false",
                    );
                    continue;
                }
            };
            detail.params.push((name.clone(), shown));
        }
    }
}

/// Whether an expected value (as written in a test) is the value shown in an
/// outcome: numbers and amounts compare as decimals (`"500"` is `"500.00"`),
/// the rest as text.
pub fn same_value(expected: &Shown, actual: &Shown) -> bool {
    match (expected, actual) {
        (Shown::Bool(a), Shown::Bool(b)) => a == b,
        (Shown::Bool(_), _) | (_, Shown::Bool(_)) => false,
        (a, b) => {
            let (a, b) = (a.text(), b.text());
            a == b || matches!((number(&a), number(&b)), (Some(x), Some(y)) if x == y)
        }
    }
}

fn number(s: &str) -> Option<Decimal> {
    Decimal::from_str_exact(amount_parts(s).0).ok()
}

/// An amount as a test writes it (`"500"`, `"¥500"`, `"40.00 EUR"`,
/// `"€40"`): its number, and the currency it names, if any.
pub fn amount_parts(s: &str) -> (&str, Option<Currency>) {
    let t = s.trim();
    let (t, before) = ["¥", "￥", "€"]
        .iter()
        .find_map(|p| {
            t.strip_prefix(p)
                .map(|rest| (rest.trim(), Currency::from_word(p)))
        })
        .unwrap_or((t, None));
    let after = t
        .rsplit_once(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .and_then(|(_, word)| Currency::from_word(word).map(|c| (word, c)));
    match after {
        Some((word, c)) => (t.strip_suffix(word).unwrap_or(t).trim(), Some(c)),
        None => (t, before),
    }
}
