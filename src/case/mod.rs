//! Case files → facts.
//!
//! Input: a JSON or TOML text and the checked [`Model`]. Output: a [`Case`]
//! (one optional value per declared fact) and diagnostics: wrong types,
//! values not allowed, unknown keys (warnings, with "did you mean"),
//! duplicate keys. Nested objects address dotted fact names; `null` and
//! absent keys are unknown.

pub mod json;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::Arc;

use jiff::civil::Date;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::diagnostic::{Arg, Code, Diagnostic, Text, grouped, suggestion};
use crate::model::{FactId, Model};
use crate::source::{SourceFile, Span};
use crate::text;
use crate::value::{Currency, OneOfId, Type, Value};
use json::{Doc, DocKind, Shape};

/// The facts of one case, by [`FactId`]; `None` is unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Case {
    values: Vec<Option<Value>>,
}

impl Case {
    /// A case where every fact of the model is unknown.
    pub fn empty(model: &Model) -> Case {
        Case {
            values: vec![None; model.facts.len()],
        }
    }

    /// A fact's value, when known.
    pub fn get(&self, fact: FactId) -> Option<&Value> {
        self.values.get(fact.index()).and_then(Option::as_ref)
    }

    /// Set a fact's value.
    pub fn set(&mut self, fact: FactId, value: Value) {
        if let Some(slot) = self.values.get_mut(fact.index()) {
            *slot = Some(value);
        }
    }

    /// Forget a fact's value.
    pub fn clear(&mut self, fact: FactId) {
        if let Some(slot) = self.values.get_mut(fact.index()) {
            *slot = None;
        }
    }
}

/// The syntax of a case file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JSON
    Json,
    /// TOML
    Toml,
}

impl Format {
    /// TOML for `.toml` files, JSON otherwise.
    pub fn from_path(path: &str) -> Format {
        if path.ends_with(".toml") {
            Format::Toml
        } else {
            Format::Json
        }
    }
}

/// Read and validate a case. The case is `None` when there are errors.
pub fn parse_case(
    model: &Model,
    file: &Arc<SourceFile>,
    format: Format,
) -> (Option<Case>, Vec<Diagnostic>) {
    parse_case_with(model, file, format, &crate::limits::Limits::DEFAULT)
}

/// [`parse_case`], with limits other than the defaults.
pub fn parse_case_with(
    model: &Model,
    file: &Arc<SourceFile>,
    format: Format,
    limits: &crate::limits::Limits,
) -> (Option<Case>, Vec<Diagnostic>) {
    CaseReader::new(model, *limits).read(file, format)
}

/// Reads cases for one rulebook, looking fact names up in tables built once
/// (for reading many cases, e.g. one per line of a JSON Lines file).
#[derive(Clone, Debug)]
pub struct CaseReader<'m> {
    model: &'m Model,
    limits: crate::limits::Limits,
    /// Facts by dotted name.
    facts: FxHashMap<&'m str, FactId>,
    /// Every proper prefix of a dotted fact name (`purchase` for
    /// `purchase.price`), numbered after the facts: its place in
    /// [`Validator::seen`] is the number of facts plus its number.
    prefixes: FxHashMap<&'m str, usize>,
    /// A top-level key that is not a fact but the case's own id, kept as
    /// written (`eval --jsonl --id-field`).
    id_field: Option<String>,
}

/// Unknown keys, and keys given twice, reported one by one in a case; past
/// this many of either, one more diagnostic counts the rest (a case of a
/// million unknown keys is a million lines of warnings nobody reads, and a
/// "did you mean" search each).
pub const REPORTED_PER_CASE: usize = 50;

impl<'m> CaseReader<'m> {
    /// A reader for a rulebook's cases.
    pub fn new(model: &'m Model, limits: crate::limits::Limits) -> CaseReader<'m> {
        let mut facts = FxHashMap::with_capacity_and_hasher(model.facts.len(), Default::default());
        let mut prefixes = FxHashMap::default();
        for (i, f) in model.facts.iter().enumerate() {
            if let Ok(i) = u32::try_from(i) {
                facts.entry(f.name.as_str()).or_insert(FactId(i));
            }
            for (at, _) in f.name.match_indices('.') {
                if let Some(prefix) = f.name.get(..at) {
                    let next = prefixes.len();
                    prefixes.entry(prefix).or_insert(next);
                }
            }
        }
        CaseReader {
            model,
            limits,
            facts,
            prefixes,
            id_field: None,
        }
    }

    /// Read the top-level key `name` of a JSON case as the case's id: not a
    /// fact, never reported as unknown; [`CaseReader::read_str_with_id`]
    /// gives where its value is. A name that is also a fact's stays a fact.
    pub fn with_id_field(mut self, name: Option<String>) -> CaseReader<'m> {
        self.id_field = name.filter(|n| !self.facts.contains_key(n.as_str()));
        self
    }

    /// Read and validate a case. The case is `None` when there are errors.
    pub fn read(&self, file: &Arc<SourceFile>, format: Format) -> (Option<Case>, Vec<Diagnostic>) {
        self.read_in(CaseFile::Shared(file), format)
    }

    /// [`CaseReader::read`] from a text, naming the source file (`name`) only
    /// when there is a diagnostic to point into it: the diagnostics are those
    /// `read` gives for `SourceFile::new(name(), text)`.
    pub fn read_str(
        &self,
        text: &str,
        name: &dyn Fn() -> String,
        format: Format,
    ) -> (Option<Case>, Vec<Diagnostic>) {
        self.read_in(
            CaseFile::Lazy {
                text,
                name,
                made: OnceCell::new(),
            },
            format,
        )
    }

    /// Validate a case already read into a tree with spans (the `case` of a
    /// test file): the diagnostics a case file would get, pointing into
    /// `file`, the text the tree was read from.
    pub fn read_doc(&self, file: &Arc<SourceFile>, doc: &Doc) -> (Option<Case>, Vec<Diagnostic>) {
        let (case, diagnostics, _) =
            self.read_with(CaseFile::Shared(file), Format::Toml, &|_, v| {
                v.top(doc);
                Ok(())
            });
        (case, diagnostics)
    }

    /// [`CaseReader::read_str`], and where the value of the id field is in
    /// `text` (see [`CaseReader::with_id_field`]), when the case gives one.
    pub fn read_str_with_id(
        &self,
        text: &str,
        name: &dyn Fn() -> String,
        format: Format,
    ) -> (Option<Case>, Vec<Diagnostic>, Option<Span>) {
        self.read_in_with_id(
            CaseFile::Lazy {
                text,
                name,
                made: OnceCell::new(),
            },
            format,
        )
    }

    fn read_in(&self, file: CaseFile<'_>, format: Format) -> (Option<Case>, Vec<Diagnostic>) {
        let (case, diagnostics, _) = self.read_in_with_id(file, format);
        (case, diagnostics)
    }

    fn read_in_with_id(
        &self,
        file: CaseFile<'_>,
        format: Format,
    ) -> (Option<Case>, Vec<Diagnostic>, Option<Span>) {
        let depth = self.limits.case_depth;
        self.read_with(file, format, &|text, v| match format {
            Format::Json => json::read_case(text, depth, v).map_err(|e| (e.message, e.span)),
            Format::Toml => toml_doc(text)
                .map(|doc| v.top(&doc))
                .map_err(|(message, span)| (Text::from(message), span)),
        })
    }

    /// Read a case with `read`, which hands what it reads to the validator.
    fn read_with(
        &self,
        file: CaseFile<'_>,
        format: Format,
        read: &ReadFn<'_>,
    ) -> (Option<Case>, Vec<Diagnostic>, Option<Span>) {
        let model = self.model;
        let text = file.text();
        let mut v = Validator {
            model,
            reader: self,
            file: &file,
            case: Case::empty(model),
            diagnostics: Vec::new(),
            seen: vec![None; model.facts.len() + self.prefixes.len()],
            seen_unknown: FxHashMap::default(),
            unknown: Overflow::default(),
            duplicate: Overflow::default(),
            id: None,
        };
        if let Err((message, span)) = read(text, &mut v) {
            let what = if format == Format::Json {
                "JSON"
            } else {
                "TOML"
            };
            let d = Diagnostic::error(
                Code::CaseSyntax,
                text!("diag-case-syntax", format = what, message = message.clone()),
            )
            .in_file(file.get())
            .label(span, message)
            .help(if format == Format::Json {
                text!("diag-case-syntax-json-help")
            } else {
                text!("diag-case-syntax-toml-help")
            });
            return (None, vec![d], v.id);
        }
        v.counted_overflows();
        let Validator {
            case,
            mut diagnostics,
            id,
            ..
        } = v;
        diagnostics.sort_by_key(|d| d.primary_span().map_or(0, |s| s.start));
        let ok = !diagnostics.iter().any(Diagnostic::is_error);
        (ok.then_some(case), diagnostics, id)
    }
}

/// Reads a case text into the validator; a syntax error is its message and where.
type ReadFn<'r> = dyn Fn(&str, &mut Validator<'_>) -> Result<(), (Text, Span)> + 'r;

/// The source file diagnostics point into: given, or made on first use.
enum CaseFile<'a> {
    Shared(&'a Arc<SourceFile>),
    Lazy {
        text: &'a str,
        name: &'a dyn Fn() -> String,
        made: OnceCell<Arc<SourceFile>>,
    },
}

impl<'a> CaseFile<'a> {
    fn text(&self) -> &'a str {
        match self {
            CaseFile::Shared(file) => file.text(),
            CaseFile::Lazy { text, .. } => text,
        }
    }

    fn get(&self) -> &Arc<SourceFile> {
        match self {
            CaseFile::Shared(file) => file,
            CaseFile::Lazy { text, name, made } => {
                made.get_or_init(|| SourceFile::new(name(), *text))
            }
        }
    }
}

/// What to do with the value of a key of an object of facts.
enum Entry<'k> {
    /// Read it as this fact's value (the dotted name given).
    Fact(FactId, Cow<'k, str>),
    /// An object of the facts under this prefix is expected.
    Prefix(Cow<'k, str>),
    /// Nothing (a key given twice, or unknown: reported already).
    Skip,
    /// The case's id (`--id-field`): its value is kept as written.
    Id,
}

struct Validator<'a> {
    /// Where the value of the id field is, once read.
    id: Option<Span>,
    model: &'a Model,
    reader: &'a CaseReader<'a>,
    file: &'a CaseFile<'a>,
    case: Case,
    diagnostics: Vec<Diagnostic>,
    /// Where each fact (by id) and each prefix of fact names (after the
    /// facts, see [`CaseReader::prefixes`]) was given.
    seen: Vec<Option<Span>>,
    /// Where each unknown key was given (by dotted path): empty, and not
    /// allocated, unless the case has unknown keys.
    seen_unknown: FxHashMap<String, Span>,
    /// Unknown keys past [`REPORTED_PER_CASE`].
    unknown: Overflow,
    /// Keys given twice past [`REPORTED_PER_CASE`].
    duplicate: Overflow,
}

/// Diagnostics of one kind: how many were reported, and how many more were
/// only counted (with where the first of those is).
#[derive(Default)]
struct Overflow {
    reported: usize,
    more: usize,
    first_more: Option<Span>,
}

impl Overflow {
    /// Whether to report one more, or only count it.
    fn report(&mut self, span: Span) -> bool {
        if self.reported < REPORTED_PER_CASE {
            self.reported += 1;
            return true;
        }
        self.more += 1;
        self.first_more.get_or_insert(span);
        false
    }
}

impl Validator<'_> {
    /// A case's document tree (TOML).
    fn top(&mut self, doc: &Doc) {
        match &doc.kind {
            DocKind::Object(_) => self.walk("", doc),
            other => self.not_a_case(&other.shape(), doc.span),
        }
    }

    fn walk(&mut self, prefix: &str, doc: &Doc) {
        let DocKind::Object(entries) = &doc.kind else {
            return;
        };
        for (key, key_span, value) in entries {
            match self.entry(prefix, key, *key_span) {
                Entry::Fact(id, path) => match (&value.kind, self.set_list(id)) {
                    (DocKind::Array(items), Some(list)) => {
                        let items: Vec<(Shape<'_>, Span)> =
                            items.iter().map(|d| (d.kind.shape(), d.span)).collect();
                        self.set_fact(id, list, &path, &items);
                    }
                    _ => self.fact(id, &path, &value.kind.shape(), value.span),
                },
                Entry::Prefix(path) => match &value.kind {
                    DocKind::Object(_) => self.walk(&path, value),
                    other => self.not_an_object(&path, &other.shape(), value.span),
                },
                Entry::Skip | Entry::Id => {}
            }
        }
    }

    /// The case is not an object.
    fn not_a_case(&mut self, shape: &Shape<'_>, span: Span) {
        let d = Diagnostic::error(
            Code::CaseType,
            text!("diag-case-not-a-case", shape = shape.describe()),
        )
        .in_file(self.file.get())
        .label(span, text!("diag-case-not-an-object-label"))
        .help(text!("diag-case-not-a-case-help"));
        self.diagnostics.push(d);
    }

    /// A key of an object of facts (under `prefix`): what to do with its
    /// value; a key given twice, or unknown, is reported here.
    fn entry<'k>(&mut self, prefix: &str, key: &'k str, key_span: Span) -> Entry<'k> {
        if prefix.is_empty() && self.reader.id_field.as_deref() == Some(key) {
            return Entry::Id;
        }
        let path: Cow<'k, str> = if prefix.is_empty() {
            Cow::Borrowed(key)
        } else {
            Cow::Owned(format!("{prefix}.{key}"))
        };
        let id = self.reader.facts.get(&*path).copied();
        let prefix = match id {
            Some(_) => None,
            None => self.reader.prefixes.get(&*path).copied(),
        };
        let slot = id
            .map(FactId::index)
            .or(prefix.map(|p| self.model.facts.len() + p));
        let first = match slot {
            Some(slot) => self.seen.get_mut(slot).and_then(|s| {
                let first = *s;
                s.get_or_insert(key_span);
                first
            }),
            None => match self.seen_unknown.get(&*path) {
                Some(first) => Some(*first),
                None => {
                    self.seen_unknown.insert(path.to_string(), key_span);
                    None
                }
            },
        };
        if let Some(first) = first {
            if self.duplicate.report(key_span) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::CaseDuplicateKey,
                        text!("diag-case-duplicate-key", path = &*path),
                    )
                    .in_file(self.file.get())
                    .label(key_span, text!("diag-case-duplicate-key-label"))
                    .label(first, text!("diag-case-duplicate-key-first"))
                    .help(text!("diag-case-duplicate-key-help")),
                );
            }
            return Entry::Skip;
        }
        if let Some(id) = id {
            return Entry::Fact(id, path);
        }
        if prefix.is_some() {
            return Entry::Prefix(path);
        }
        if !self.unknown.report(key_span) {
            return Entry::Skip;
        }
        let help = suggestion(&path, self.model.facts.iter().map(|f| f.name.as_str()))
            .unwrap_or_else(|| text!("diag-case-unknown-key-help"));
        self.diagnostics.push(
            Diagnostic::warning(
                Code::CaseUnknownKey,
                text!("diag-case-unknown-key", path = &*path),
            )
            .in_file(self.file.get())
            .label(key_span, text!("diag-case-unknown-key-label"))
            .help(help),
        );
        Entry::Skip
    }

    /// One diagnostic each for the unknown keys and the keys given twice
    /// that were only counted, at the first of them.
    /// The value of the id field is at `span` (the first one given counts).
    pub(super) fn id_at(&mut self, span: Span) {
        self.id.get_or_insert(span);
    }

    fn counted_overflows(&mut self) {
        if let Some(span) = self.unknown.first_more {
            let more = grouped(self.unknown.more);
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::CaseUnknownKey,
                    text!(
                        "diag-case-unknown-keys-more",
                        count = self.unknown.more,
                        more = &more,
                        first = REPORTED_PER_CASE.to_string()
                    ),
                )
                .in_file(self.file.get())
                .label(
                    span,
                    text!("diag-case-unknown-keys-more-label", more = &more),
                )
                .help(text!("diag-case-unknown-keys-more-help")),
            );
        }
        if let Some(span) = self.duplicate.first_more {
            let more = grouped(self.duplicate.more);
            self.diagnostics.push(
                Diagnostic::error(
                    Code::CaseDuplicateKey,
                    text!(
                        "diag-case-duplicate-keys-more",
                        count = self.duplicate.more,
                        more = &more,
                        first = REPORTED_PER_CASE.to_string()
                    ),
                )
                .in_file(self.file.get())
                .label(
                    span,
                    text!("diag-case-duplicate-keys-more-label", more = &more),
                )
                .help(text!("diag-case-duplicate-key-help")),
            );
        }
    }

    /// The value of a prefix of fact names is not an object.
    fn not_an_object(&mut self, path: &str, shape: &Shape<'_>, span: Span) {
        let under: Vec<&str> = self
            .model
            .facts
            .iter()
            .filter(|f| f.name.starts_with(&format!("{path}.")))
            .map(|f| f.name.as_str())
            .take(4)
            .collect();
        self.diagnostics.push(
            Diagnostic::error(
                Code::CaseType,
                text!(
                    "diag-case-prefix-not-an-object",
                    path = path,
                    shape = shape.describe()
                ),
            )
            .in_file(self.file.get())
            .label(span, text!("diag-case-not-an-object-label"))
            .help(text!(
                "diag-case-prefix-not-an-object-help",
                path = path,
                facts = Arg::list(under)
            )),
        );
    }

    /// The unit of a fact the rulebook uses as the count of a duration.
    fn count_unit(&self, id: FactId) -> Option<&'static str> {
        let at = self
            .model
            .counts
            .binary_search_by_key(&id, |(f, _)| *f)
            .ok()?;
        self.model.counts.get(at).map(|(_, u)| u.word())
    }

    /// A fact's value.
    fn fact(&mut self, id: FactId, path: &str, shape: &Shape<'_>, span: Span) {
        let Some(fact) = self.model.facts.get(id.index()) else {
            return;
        };
        if matches!(shape, Shape::Null) {
            return;
        }
        match convert(self.model, fact.ty, shape) {
            Ok(Value::Number(n))
                if (n.is_sign_negative() && !n.is_zero() || !n.fract().is_zero())
                    && self.count_unit(id).is_some() =>
            {
                let unit = self.count_unit(id).unwrap_or("days");
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::CaseInvalidValue,
                        text!(
                            "diag-case-count",
                            path = path,
                            number = n.normalize().to_string()
                        ),
                    )
                    .in_file(self.file.get())
                    .label(span, text!("diag-case-count-label"))
                    .help(text!(
                        "diag-case-count-help",
                        path = path,
                        unit = unit
                    )),
                );
            }
            Ok(v) => self.case.set(id, v),
            Err(Problem::Type) => {
                let want = type_words(self.model, fact.ty);
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::CaseType,
                        text!(
                            "diag-case-type",
                            path = path,
                            want = want.clone(),
                            given = shown(shape)
                        ),
                    )
                    .in_file(self.file.get())
                    .label(
                        span,
                        match fact.ty {
                            Type::Set(_) => text!("diag-case-type-list-label"),
                            _ => text!("diag-case-type-label", want = want),
                        },
                    )
                    .help(match fact.ty {
                        Type::Set(list) => set_example(self.model, list),
                        _ => example(fact.ty),
                    }),
                );
            }
            Err(Problem::Value(message)) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::CaseType,
                        text!("diag-case-value", path = path, message = message),
                    )
                    .in_file(self.file.get())
                    .label(span, text!("diag-syntax-this-value"))
                    .help(example(fact.ty)),
                );
            }
            Err(Problem::Currency(given)) => {
                let want = match fact.ty {
                    Type::Money(c) => c,
                    _ => return,
                };
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::CaseType,
                        text!(
                            "diag-case-currency",
                            path = path,
                            want = want.to_string(),
                            given = given.to_string(),
                            value = shown(shape)
                        ),
                    )
                    .in_file(self.file.get())
                    .label(
                        span,
                        text!(
                            "diag-case-currency-label",
                            want = want.to_string(),
                            given = given.to_string()
                        ),
                    )
                    .help(text!("diag-case-currency-help", example = example(fact.ty))),
                );
            }
            Err(Problem::Choice(given)) => {
                let Type::OneOf(set) = fact.ty else { return };
                let values = self.model.one_of_values(set).to_vec();
                let help = values_help(&given, &values);
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::CaseInvalidValue,
                        text!("diag-case-choice", path = path, given = &given),
                    )
                    .in_file(self.file.get())
                    .label(span, text!("diag-case-choice-label"))
                    .help(help),
                );
            }
        }
    }
}

impl Validator<'_> {
    /// The value list of a set-valued (`some of`) fact.
    fn set_list(&self, id: FactId) -> Option<OneOfId> {
        match self.model.facts.get(id.index())?.ty {
            Type::Set(list) => Some(list),
            _ => None,
        }
    }

    /// A set-valued fact's list of values: each item one of its values, in
    /// double quotes, once.
    fn set_fact(&mut self, id: FactId, list: OneOfId, path: &str, items: &[(Shape<'_>, Span)]) {
        let values = self.model.one_of_values(list);
        let mut chosen: Vec<(u32, Span)> = Vec::new();
        let mut ok = true;
        // items at fault past the first REPORTED_PER_CASE are only counted
        let mut reported = 0;
        let mut more: Option<(usize, Span)> = None;
        for (shape, span) in items {
            if !ok && reported >= REPORTED_PER_CASE {
                let given = match shape {
                    Shape::String(given) => values
                        .iter()
                        .position(|v| *v == **given)
                        .and_then(|i| u32::try_from(i).ok()),
                    _ => None,
                };
                let fault = match given {
                    Some(i) if !chosen.iter().any(|(j, _)| *j == i) => {
                        chosen.push((i, *span));
                        false
                    }
                    _ => true,
                };
                if fault {
                    let (n, _) = more.get_or_insert((0, *span));
                    *n += 1;
                }
                continue;
            }
            let Shape::String(given) = shape else {
                ok = false;
                reported += 1;
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::CaseType,
                        text!("diag-case-set-item", path = path, given = shown(shape)),
                    )
                    .in_file(self.file.get())
                    .label(*span, text!("diag-case-set-item-label"))
                    .help(text!("diag-case-values", values = Arg::list(values))),
                );
                continue;
            };
            let Some(i) = values
                .iter()
                .position(|v| *v == **given)
                .and_then(|i| u32::try_from(i).ok())
            else {
                ok = false;
                reported += 1;
                let help = values_help(given, values);
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::CaseInvalidValue,
                        text!("diag-case-set-choice", path = path, given = &**given),
                    )
                    .in_file(self.file.get())
                    .label(*span, text!("diag-case-choice-label"))
                    .help(help),
                );
                continue;
            };
            if let Some((_, first)) = chosen.iter().find(|(j, _)| *j == i) {
                ok = false;
                reported += 1;
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::CaseInvalidValue,
                        text!("diag-case-set-twice", path = path, given = &**given),
                    )
                    .in_file(self.file.get())
                    .label(*span, text!("diag-case-set-twice-label"))
                    .label(*first, text!("diag-case-set-twice-first"))
                    .help(text!("diag-case-set-twice-help")),
                );
                continue;
            }
            chosen.push((i, *span));
        }
        if let Some((n, span)) = more {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::CaseInvalidValue,
                    text!(
                        "diag-case-set-more",
                        count = n,
                        more = grouped(n),
                        path = path,
                        first = REPORTED_PER_CASE.to_string()
                    ),
                )
                .in_file(self.file.get())
                .label(span, text!("diag-case-set-more-label", more = grouped(n)))
                .help(text!("diag-case-values", values = Arg::list(values))),
            );
        }
        if ok {
            self.case.set(
                id,
                Value::set(list, chosen.iter().map(|(i, _)| *i).collect()),
            );
        }
    }
}

/// "the values are: …", after "did you mean" when a value is close to `given`.
fn values_help(given: &str, values: &[String]) -> Text {
    let list = text!("diag-case-values", values = Arg::list(values));
    match suggestion(given, values.iter().map(String::as_str)) {
        Some(s) => text!(
            "diag-case-did-you-mean-values",
            suggestion = s,
            values = list
        ),
        None => list,
    }
}

enum Problem {
    Type,
    Value(Text),
    Choice(String),
    /// An amount in another currency than the fact's: the one given.
    Currency(Currency),
}

fn shown(shape: &Shape<'_>) -> Text {
    match shape {
        Shape::String(s) => text!("diag-case-shown-text", text = &**s),
        Shape::Number(n) => text!("diag-case-shown-number", number = &**n),
        Shape::Bool(b) => text!("diag-case-shown-bool", value = b.to_string()),
        other => other.describe(),
    }
}

fn type_words(model: &Model, ty: Type) -> Text {
    match ty {
        Type::Bool => text!("diag-case-type-bool"),
        Type::Number => text!("diag-case-shape-number"),
        Type::Money(c) if c == model.header.currency => text!("diag-case-type-money"),
        Type::Money(c) => text!("diag-case-type-money-in", currency = c.to_string()),
        Type::Date => text!("diag-case-shape-date"),
        Type::Text => text!("diag-case-shape-text"),
        Type::OneOf(set) => text!(
            "diag-case-type-one-of",
            values = Arg::list(model.one_of_values(set))
        ),
        Type::Set(set) => text!(
            "diag-case-type-some-of",
            values = Arg::list(model.one_of_values(set))
        ),
        Type::Duration => text!("diag-case-type-duration"),
    }
}

fn example(ty: Type) -> Text {
    match ty {
        Type::Bool => text!("diag-case-example-bool"),
        Type::Number => text!("diag-case-example-number"),
        Type::Money(c) if c == Currency::CNY => text!("diag-case-example-yuan"),
        Type::Money(c) => text!(
            "diag-case-example-money",
            currency = c.word(),
            code = c.code()
        ),
        Type::Date => text!("diag-case-example-date"),
        Type::Text => text!("diag-case-example-text"),
        Type::OneOf(_) => text!("diag-case-example-one-of"),
        Type::Set(_) => text!("diag-case-example-some-of"),
        Type::Duration => text!("diag-case-example-duration"),
    }
}

/// An amount given as text: `"120.50"`, `"120.50 EUR"`, `"¥120.5"`,
/// `"€40"`, `"40 yuan"`; its number and the currency it names, if any.
fn amount_text(s: &str) -> Result<(&str, Option<Currency>), Problem> {
    let t = s.trim();
    let (t, before) = ["¥", "￥", "€"]
        .iter()
        .find_map(|p| {
            t.strip_prefix(p)
                .map(|rest| (rest.trim(), Currency::from_word(p)))
        })
        .unwrap_or((t, None));
    let word_start = t
        .char_indices()
        .rev()
        .take_while(|(_, c)| !(c.is_ascii_digit() || c.is_whitespace() || *c == '.'))
        .last()
        .map(|(i, _)| i);
    let (number, after) = match word_start.and_then(|i| t.split_at_checked(i)) {
        Some((number, word)) if !number.is_empty() => match Currency::from_word(word) {
            Some(c) => (number.trim(), Some(c)),
            None if word.len() == 3 && word.bytes().all(|b| b.is_ascii_alphabetic()) => {
                let upper = word.to_ascii_uppercase();
                return Err(Problem::Value(match Currency::active(&upper) {
                    Some(_) => text!("diag-case-currency-capitals", text = s, code = &upper),
                    None => text!("diag-case-currency-unknown", text = s, code = word),
                }));
            }
            None => (t, None),
        },
        _ => (t, None),
    };
    match (before, after) {
        (Some(a), Some(b)) if a != b => Err(Problem::Value(text!(
            "diag-case-two-currencies",
            text = s,
            first = a.to_string(),
            second = b.to_string()
        ))),
        (a, b) => Ok((number, a.or(b))),
    }
}

/// How to write a set-valued fact's value, with its own values.
fn set_example(model: &Model, list: OneOfId) -> Text {
    let quoted: Vec<String> = model
        .one_of_values(list)
        .iter()
        .take(2)
        .map(|v| format!("\"{v}\""))
        .collect();
    text!("diag-case-example-set", values = quoted.join(", "))
}

fn decimal(raw: &str) -> Result<Decimal, Problem> {
    let r = raw.trim();
    let parsed = if r.contains(['e', 'E']) {
        Decimal::from_scientific(r)
    } else {
        Decimal::from_str_exact(r)
    };
    parsed.map_err(|_| {
        let plain = r.trim_start_matches('-');
        if !plain.is_empty() && plain.chars().all(|c| c.is_ascii_digit() || c == '.') {
            Problem::Value(text!("diag-case-too-precise", number = raw))
        } else {
            Problem::Value(text!("diag-case-not-a-number", number = raw))
        }
    })
}

fn convert(model: &Model, ty: Type, shape: &Shape<'_>) -> Result<Value, Problem> {
    match (ty, shape) {
        (Type::Bool, Shape::Bool(b)) => Ok(Value::Bool(*b)),
        (Type::Bool, Shape::String(s)) if s == "yes" || s == "no" => Ok(Value::Bool(s == "yes")),
        (Type::Number, Shape::Number(n)) => decimal(n).map(Value::Number),
        (Type::Number, Shape::String(n)) => decimal(n).map(Value::Number),
        (Type::Money(c), Shape::Number(n)) => decimal(n).map(|n| Value::Money(n, c)),
        (Type::Money(c), Shape::String(s)) => {
            let (t, given) = amount_text(s)?;
            if let Some(given) = given
                && given != c
            {
                return Err(Problem::Currency(given));
            }
            decimal(t).map(|n| Value::Money(n, c)).map_err(|e| match e {
                Problem::Value(m) if m.id() == Some("diag-case-not-a-number") => {
                    Problem::Value(text!("diag-case-not-money", text = &**s))
                }
                other => other,
            })
        }
        (Type::Date, Shape::String(s)) => date(s),
        (Type::Date, Shape::Date(s)) => date(s),
        (Type::Text, Shape::String(s)) => Ok(Value::Text((&**s).into())),
        (Type::OneOf(set), Shape::String(s)) => {
            let values = model.one_ofs.get(set.0 as usize).ok_or(Problem::Type)?;
            values
                .iter()
                .position(|v| *v == **s)
                .map(|i| Value::Choice(set, u32::try_from(i).unwrap_or(u32::MAX)))
                .ok_or_else(|| Problem::Choice(s.to_string()))
        }
        _ => Err(Problem::Type),
    }
}

fn date(s: &str) -> Result<Value, Problem> {
    s.trim()
        .parse::<Date>()
        .map(Value::Date)
        .map_err(|_| Problem::Value(text!("diag-case-no-such-date", date = s)))
}

/// TOML text → document tree with spans (an error: its message and where).
pub fn toml_doc(text: &str) -> Result<Doc, (String, Span)> {
    let table = toml::de::DeTable::parse(text).map_err(|e| {
        let span = e
            .span()
            .map_or(Span::new(0, 0), |r| Span::new(r.start, r.end));
        (e.message().to_string(), span)
    })?;
    let span = table.span();
    Ok(Doc {
        kind: toml_table(table.get_ref()),
        span: Span::new(span.start, span.end),
    })
}

fn toml_table(t: &toml::de::DeTable<'_>) -> DocKind {
    DocKind::Object(
        t.iter()
            .map(|(k, v)| {
                let ks = k.span();
                (
                    k.get_ref().to_string(),
                    Span::new(ks.start, ks.end),
                    toml_value(v),
                )
            })
            .collect(),
    )
}

fn toml_value(v: &toml::Spanned<toml::de::DeValue<'_>>) -> Doc {
    let s = v.span();
    let kind = match v.get_ref() {
        toml::de::DeValue::String(s) => DocKind::String(s.to_string()),
        toml::de::DeValue::Integer(i) => {
            let raw = i.as_str().replace('_', "");
            let n = if i.radix() == 10 {
                raw
            } else {
                let digits = raw.get(2..).unwrap_or("");
                i128::from_str_radix(digits, i.radix())
                    .map(|n| n.to_string())
                    .unwrap_or(raw)
            };
            DocKind::Number(n)
        }
        toml::de::DeValue::Float(f) => DocKind::Number(f.as_str().replace('_', "")),
        toml::de::DeValue::Boolean(b) => DocKind::Bool(*b),
        toml::de::DeValue::Datetime(d) => DocKind::Date(d.to_string()),
        toml::de::DeValue::Array(a) => DocKind::Array(a.iter().map(toml_value).collect()),
        toml::de::DeValue::Table(t) => toml_table(t),
    };
    Doc {
        kind,
        span: Span::new(s.start, s.end),
    }
}
