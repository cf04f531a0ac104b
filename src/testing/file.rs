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
use crate::diagnostic::{Arg, Code, Diagnostic, Text, suggestion};
use crate::model::Model;
use crate::outcome::Shown;
use crate::source::{SourceFile, Span};
use crate::text;
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
        Format::Toml => crate::case::toml_doc(file.text())
            .map_err(|(message, span)| (Text::from(message), span)),
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
                text!("diag-test-syntax", format = what, message = message.clone()),
            )
            .in_file(file)
            .label(span, message)
            .help(text!("diag-test-syntax-help"));
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

    fn unknown_key(&mut self, key: &str, span: Span, within: Text, keys: &[&str]) {
        let help = suggestion(key, keys.iter().copied())
            .unwrap_or_else(|| text!("diag-test-keys-here", keys = Arg::list(keys)));
        self.error(
            span,
            text!("diag-test-unknown-key", key = key, within = within),
            text!("diag-test-unknown-key-label"),
            help,
        );
    }

    fn text(&mut self, key: &str, doc: &Doc) -> Option<String> {
        match &doc.kind {
            DocKind::String(s) => Some(s.clone()),
            other => {
                self.error(
                    doc.span,
                    text!("diag-test-not-text", key = key, shape = other.describe()),
                    text!("diag-test-not-text-label"),
                    text!("diag-test-not-text-help"),
                );
                None
            }
        }
    }

    fn top(&mut self, doc: &Doc) -> Option<TestFile> {
        let DocKind::Object(entries) = &doc.kind else {
            self.error(
                doc.span,
                text!("diag-test-not-an-object", shape = doc.kind.describe()),
                text!("diag-case-not-an-object-label"),
                text!("diag-test-not-an-object-help"),
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
                        text!("diag-test-case-not-a-table", shape = other.describe()),
                        text!("diag-test-table-label"),
                        text!("diag-test-case-not-a-table-help"),
                    ),
                },
                "expect" => match &value.kind {
                    DocKind::Object(e) => expect = Some((e.clone(), *span)),
                    other => self.error(
                        value.span,
                        text!("diag-test-expect-not-a-table", shape = other.describe()),
                        text!("diag-test-table-label"),
                        text!("diag-test-expect-not-a-table-help"),
                    ),
                },
                _ => self.unknown_key(key, *span, text!("diag-test-within-test"), TOP_KEYS),
            }
        }
        let Some((expect, expect_span)) = expect else {
            self.diagnostics.push(
                Diagnostic::error(Code::TestFormat, text!("diag-test-expects-nothing"))
                    .in_file(self.file)
                    .label(Span::new(0, 0), text!("diag-test-no-expect-label"))
                    .help(text!("diag-test-no-expect-help")),
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
                        text!("diag-test-no-such-date", key = key, date = &**s),
                        text!("diag-syntax-bad-date-label"),
                        text!("diag-test-date-help"),
                    );
                    None
                }
            },
            other => {
                self.error(
                    doc.span,
                    text!("diag-test-not-a-date", key = key, shape = other.describe()),
                    text!("diag-test-not-a-date-label"),
                    text!("diag-test-date-help"),
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
                    self.unknown_key(
                        key,
                        *key_span,
                        text!("diag-test-within-expect"),
                        EXPECT_KEYS,
                    );
                    continue;
                }
            };
            let DocKind::Array(items) = &value.kind else {
                self.error(
                    value.span,
                    text!(
                        "diag-test-not-a-list",
                        key = key,
                        shape = value.kind.describe()
                    ),
                    text!("diag-case-type-list-label"),
                    text!("diag-test-not-a-list-help"),
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
                            text!(
                                "diag-test-listed-twice",
                                id = &id,
                                first = *other,
                                then = key
                            ),
                        )
                        .in_file(self.file)
                        .label(item.span, text!("diag-case-set-twice-label"))
                        .label(*first, text!("diag-case-set-twice-first"))
                        .help(text!("diag-test-listed-twice-help")),
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
                        text!(
                            "diag-test-details-not-applies",
                            id = &d.remedy,
                            list = *other
                        ),
                    )
                    .in_file(self.file)
                    .label(*at, text!("diag-test-listed-here"))
                    .help(text!("diag-test-details-not-applies-help")),
                );
            }
        }
        if listed.is_empty()
            && expect.remedies.is_empty()
            && !self.diagnostics.iter().any(Diagnostic::is_error)
        {
            self.diagnostics.push(
                Diagnostic::error(Code::TestFormat, text!("diag-test-expects-nothing"))
                    .in_file(self.file)
                    .label(span, text!("diag-test-empty-expect-label"))
                    .help(text!("diag-test-empty-expect-help")),
            );
        }
        expect
    }

    fn remedy_exists(&mut self, model: &Model, id: &str, span: Span) -> bool {
        if model.remedies.iter().any(|r| r.id == id) {
            return true;
        }
        let help = suggestion(id, model.remedies.iter().map(|r| r.id.as_str()))
            .unwrap_or_else(|| text!("diag-test-unknown-remedy-help"));
        self.diagnostics.push(
            Diagnostic::error(
                Code::TestUnknownRemedy,
                text!("diag-test-unknown-remedy", id = id),
            )
            .in_file(self.file)
            .label(span, text!("diag-test-unknown-remedy-label"))
            .help(help),
        );
        false
    }

    fn details(&mut self, model: &Model, doc: &Doc, out: &mut Vec<RemedyDetail>) {
        let DocKind::Object(remedies) = &doc.kind else {
            self.error(
                doc.span,
                text!("diag-test-details-not-a-table"),
                text!("diag-test-table-label"),
                text!("diag-test-details-not-a-table-help"),
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
                    text!("diag-test-detail-not-a-table", id = &**id),
                    text!("diag-test-table-label"),
                    text!("diag-test-detail-not-a-table-help"),
                );
                continue;
            };
            for (key, key_span, value) in fields {
                match key.as_str() {
                    "amount" | "up_to" if detail.amount.is_some() => self.error(
                        *key_span,
                        text!("diag-test-amount-twice", id = &**id),
                        text!("diag-test-amount-twice-label"),
                        text!("diag-test-amount-twice-help"),
                    ),
                    "amount" | "up_to" => match &value.kind {
                        DocKind::String(s) | DocKind::Number(s) => {
                            detail.amount = Some(s.clone());
                            detail.up_to = key == "up_to";
                        }
                        other => self.error(
                            value.span,
                            text!(
                                "diag-test-not-an-amount",
                                key = &**key,
                                shape = other.describe()
                            ),
                            text!("diag-test-not-an-amount-label"),
                            text!("diag-test-not-an-amount-help"),
                        ),
                    },
                    "deadline" => {
                        detail.deadline = self.date(key, value).map(|d| d.to_string());
                    }
                    "params" => self.params(model, id, value, &mut detail),
                    _ => self.unknown_key(
                        key,
                        *key_span,
                        text!("diag-test-within-details"),
                        DETAIL_KEYS,
                    ),
                }
            }
            out.push(detail);
        }
    }

    fn params(&mut self, model: &Model, id: &str, doc: &Doc, detail: &mut RemedyDetail) {
        let DocKind::Object(params) = &doc.kind else {
            self.error(
                doc.span,
                text!("diag-test-params-not-a-table"),
                text!("diag-test-table-label"),
                text!("diag-test-params-not-a-table-help"),
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
                        text!("diag-test-no-params", id = id)
                    } else {
                        text!("diag-test-params-are", id = id, names = Arg::list(&names))
                    }
                });
                self.error(
                    *name_span,
                    text!("diag-test-unknown-param", name = &**name, id = id),
                    text!("diag-test-unknown-param-label"),
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
                        text!(
                            "diag-test-not-a-value",
                            name = &**name,
                            shape = other.describe()
                        ),
                        text!("diag-test-not-a-value-label"),
                        text!("diag-test-not-a-value-help"),
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
