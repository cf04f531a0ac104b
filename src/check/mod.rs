//! Syntax tree → checked model, with every problem found.
//!
//! Input: an [`ast::Rulebook`] and its [`SourceFile`]. Output: a
//! [`Model`] when there are no errors, and all diagnostics (errors and
//! warnings) in the order of the text they point at.
//!
//! Passes: declare names (duplicates) → header → facts → laws → derived
//! facts (types, cycles) → remedies → rules and exceptions (conditions,
//! phrases, periods, exception loops) → contradictions → unused names.

mod contradiction;
mod difference;
mod expr;
pub mod incremental;
mod phrase;
pub use phrase::{PhraseMatch, PhraseTable, template_text};
mod shared;

use std::collections::HashMap;
use std::sync::Arc;

use crate::ast;
use crate::diagnostic::{Arg, Code, Diagnostic, Text, suggestion};
use crate::limits::Limits;
use crate::model::{self, Citation, DerivedId, FactId, LawId, Model, RemedyId, RuleId, Texts};
use crate::source::{SourceFile, Span};
use crate::text;
use crate::value::{ACTIVE_CURRENCIES, Currency, OneOfId, Type};

/// Check a parsed rulebook. The model is `None` when any error was found.
pub fn check(file: &Arc<SourceFile>, rulebook: &ast::Rulebook) -> (Option<Model>, Vec<Diagnostic>) {
    check_with(file, rulebook, &Limits::DEFAULT)
}

/// [`check`], with limits other than the defaults.
pub fn check_with(
    file: &Arc<SourceFile>,
    rulebook: &ast::Rulebook,
    limits: &Limits,
) -> (Option<Model>, Vec<Diagnostic>) {
    let mut c = Checker::new(file, rulebook);
    c.limits = *limits;
    c.run(None);
    let Checker {
        mut diagnostics,
        model,
        ..
    } = c;
    diagnostics.sort_by_key(|d| (d.primary_span().map_or(0, |s| s.start), d.code));
    let ok = !diagnostics.iter().any(Diagnostic::is_error);
    (ok.then_some(model), diagnostics)
}

/// Where each pass's diagnostics end in `Checker::diagnostics` (lengths
/// after it), for re-checking one rule ([`incremental`]).
#[derive(Debug, Default)]
pub(crate) struct Marks {
    /// After the declarations, the header, laws, derived facts and remedies.
    declarations: usize,
    /// After each rule's check.
    rules: Vec<usize>,
    /// After the exception loops.
    loops: usize,
    /// After each rule's own contradiction.
    own: Vec<usize>,
    /// After each exception's contradiction with its rules.
    together: Vec<usize>,
    /// The rules whose condition can never hold.
    dead: Vec<bool>,
}

/// Where a derived fact is in its check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    NotStarted,
    InProgress,
    Done,
    Failed,
}

pub(crate) struct Checker<'a> {
    file: &'a Arc<SourceFile>,
    ast: &'a ast::Rulebook,
    diagnostics: Vec<Diagnostic>,
    model: Model,
    /// Facts and derived facts share one namespace.
    values: HashMap<String, ValueName>,
    value_order: Vec<String>,
    fact_spans: Vec<Span>,
    defines: Vec<&'a ast::Define>,
    derived_state: Vec<State>,
    derived_types: Vec<Option<Type>>,
    derived_stack: Vec<DerivedId>,
    derived_done: Vec<Option<model::Derived>>,
    derived_depth: Vec<usize>,
    expr_depth: usize,
    too_deep_reported: bool,
    pub(crate) limits: Limits,
    remedies: HashMap<String, RemedyId>,
    remedy_decls: Vec<&'a ast::Remedy>,
    rules: HashMap<String, RuleId>,
    rule_decls: Vec<&'a ast::Rule>,
    /// Where in `ast.items` each of `defines`, `remedy_decls` and
    /// `rule_decls` is.
    define_items: Vec<usize>,
    remedy_items: Vec<usize>,
    rule_items: Vec<usize>,
    /// Per rule: the rules after the first that it is an exception to
    /// (`exception misuse to a, b, c`), see `shared.rs`.
    also_to: Vec<Vec<RuleId>>,
    laws: HashMap<String, LawId>,
    used_facts: Vec<bool>,
    used_derived: Vec<bool>,
    used_laws: Vec<bool>,
}

#[derive(Clone, Copy, Debug)]
enum ValueName {
    Fact(FactId),
    Derived(DerivedId),
}

fn id32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl<'a> Checker<'a> {
    fn new(file: &'a Arc<SourceFile>, ast: &'a ast::Rulebook) -> Self {
        Checker {
            file,
            ast,
            diagnostics: Vec::new(),
            model: Model::default(),
            values: HashMap::new(),
            value_order: Vec::new(),
            fact_spans: Vec::new(),
            defines: Vec::new(),
            derived_state: Vec::new(),
            derived_types: Vec::new(),
            derived_stack: Vec::new(),
            derived_done: Vec::new(),
            derived_depth: Vec::new(),
            expr_depth: 0,
            too_deep_reported: false,
            limits: Limits::DEFAULT,
            remedies: HashMap::new(),
            remedy_decls: Vec::new(),
            rules: HashMap::new(),
            rule_decls: Vec::new(),
            define_items: Vec::new(),
            remedy_items: Vec::new(),
            rule_items: Vec::new(),
            also_to: Vec::new(),
            laws: HashMap::new(),
            used_facts: Vec::new(),
            used_derived: Vec::new(),
            used_laws: Vec::new(),
        }
    }

    pub(crate) fn error(&mut self, code: Code, message: impl Into<Text>) -> DiagBuilder<'_, 'a> {
        let d = Diagnostic::error(code, message).in_file(self.file);
        DiagBuilder {
            checker: self,
            d: Some(d),
        }
    }

    pub(crate) fn warning(&mut self, code: Code, message: impl Into<Text>) -> DiagBuilder<'_, 'a> {
        let d = Diagnostic::warning(code, message).in_file(self.file);
        DiagBuilder {
            checker: self,
            d: Some(d),
        }
    }

    /// All passes; `marks` records where each pass's diagnostics end (for
    /// [`incremental`]).
    fn run(&mut self, mut marks: Option<&mut Marks>) {
        self.header();
        self.declare();
        self.value_name_clashes();
        self.laws();
        for i in 0..self.defines.len() {
            self.derived(DerivedId(id32(i)));
        }
        self.model.derived = self.derived_done.iter().flatten().cloned().collect();
        self.remedies_pass();
        if let Some(m) = marks.as_deref_mut() {
            m.declarations = self.diagnostics.len();
        }
        self.rules_pass(marks.as_deref_mut());
        self.exception_loops();
        self.shared_exception_loops();
        if let Some(m) = marks.as_deref_mut() {
            m.loops = self.diagnostics.len();
        }
        self.contradictions(marks);
        self.unused();
        self.expand_shared_exceptions();
    }

    // --------------------------------------------------------------- header

    fn header(&mut self) {
        let headers: Vec<&ast::Header> = self
            .ast
            .items
            .iter()
            .filter_map(|i| match i {
                ast::Item::Header(h) => Some(h),
                _ => None,
            })
            .collect();
        let Some(h) = headers.first() else {
            self.error(Code::Header, text!("diag-check-no-header"))
                .label(Span::new(0, 0), text!("diag-check-no-header-label"))
                .help(text!("diag-check-no-header-help"))
                .emit();
            return;
        };
        for extra in headers.iter().skip(1) {
            self.error(Code::Header, text!("diag-check-second-header"))
                .label(extra.span, text!("diag-check-second-header-label"))
                .label(h.span, text!("diag-check-first-header-label"))
                .help(text!("diag-check-second-header-help"))
                .emit();
        }
        let missing: Vec<&str> = [
            ("title", h.titles.is_empty()),
            ("jurisdiction", h.jurisdiction.is_empty()),
            ("version", h.version.is_empty()),
            ("effective", h.effective.is_empty()),
        ]
        .into_iter()
        .filter(|(_, m)| *m)
        .map(|(n, _)| n)
        .collect();
        if !missing.is_empty() {
            let list = Arg::list(missing.iter().map(|m| format!("`{m}`")));
            self.error(Code::Header, text!("diag-check-header-lacks", list = list))
                .label(h.span, text!("diag-check-header-lacks-label"))
                .help(text!("diag-check-header-lacks-help"))
                .emit();
        }
        self.duplicate_texts(&h.titles, "title");
        self.duplicate_texts(&h.jurisdiction, "jurisdiction");
        self.duplicate_texts(&h.version, "version");
        if let [first, second, ..] = h.effective.as_slice() {
            let (a, b) = (first.span, second.span);
            self.error(
                Code::DuplicateAttribute,
                text!("diag-check-effective-twice"),
            )
            .label(b, text!("diag-check-effective-twice-label"))
            .label(a, text!("diag-check-first-given-here"))
            .help(text!("diag-check-effective-twice-help"))
            .emit();
        }
        let mut langs: Vec<String> = Vec::new();
        for l in &h.languages {
            if langs.contains(&l.text) {
                self.error(
                    Code::DuplicateAttribute,
                    text!("diag-check-language-twice", lang = &l.text),
                )
                .label(l.span, text!("diag-check-listed-again"))
                .help(text!("diag-check-language-twice-help"))
                .emit();
            } else {
                langs.push(l.text.clone());
            }
        }
        self.model.header = model::Header {
            titles: texts(&h.titles),
            jurisdiction: h
                .jurisdiction
                .first()
                .map(|t| t.text.clone())
                .unwrap_or_default(),
            version: h
                .version
                .first()
                .map(|t| t.text.clone())
                .unwrap_or_default(),
            effective: h.effective.first().map(|d| d.date),
            languages: langs,
            as_of: None,
            calendar: self.header_calendar(&h.calendar),
            currency: Currency::CNY,
        };
        if let [first, second, ..] = h.currency.as_slice() {
            let (a, b) = (first.span, second.span);
            self.error(Code::DuplicateAttribute, text!("diag-check-currency-twice"))
                .label(b, text!("diag-check-currency-twice-label"))
                .label(a, text!("diag-check-first-given-here"))
                .help(text!("diag-check-currency-twice-help"))
                .emit();
        }
        if let Some(code) = h.currency.first()
            && let Some(c) = self.currency(code)
        {
            self.model.header.currency = c;
        }
        self.check_langs(&h.titles);
    }

    /// `calendar cn-mainland`: a known calendar, named once.
    fn header_calendar(&mut self, names: &[ast::Ident]) -> Option<crate::calendar::Calendar> {
        use crate::calendar::Calendar;
        if let [first, second, ..] = names {
            let (a, b) = (first.span, second.span);
            self.error(Code::DuplicateAttribute, text!("diag-check-calendar-twice"))
                .label(b, text!("diag-check-calendar-twice-label"))
                .label(a, text!("diag-check-first-given-here"))
                .help(text!("diag-check-calendar-twice-help"))
                .emit();
        }
        let name = names.first()?;
        let found = Calendar::from_name(&name.text);
        if found.is_none() {
            let list = || Arg::list(Calendar::ALL.iter().map(|c| format!("`{}`", c.name())));
            let meant =
                crate::diagnostic::did_you_mean(&name.text, Calendar::ALL.iter().map(|c| c.name()));
            let help = match &meant {
                Some(m) => text!("diag-check-calendar-meant", name = *m, list = list()),
                None => text!("diag-check-calendars-are", list = list()),
            };
            let mut d = self
                .error(
                    Code::UnknownCalendar,
                    text!("diag-check-no-calendar", name = &name.text),
                )
                .label(name.span, text!("diag-check-no-calendar-label"))
                .help(help);
            if let Some(m) = meant {
                d = d.fix(
                    name.span,
                    m.to_string(),
                    text!("diag-check-write", name = m),
                );
            }
            d.emit();
        }
        found
    }

    fn duplicate_texts(&mut self, list: &[ast::LangText], what: &str) {
        for (i, t) in list.iter().enumerate() {
            let lang = t.lang.as_ref().map(|l| l.text.as_str());
            if let Some(first) = list
                .iter()
                .take(i)
                .find(|o| o.lang.as_ref().map(|l| l.text.as_str()) == lang)
            {
                let first_span = first.span;
                let (message, help) = match lang {
                    Some(l) => (
                        text!("diag-check-given-twice-in", what = what, lang = l),
                        text!("diag-check-keep-one-in", what = what, lang = l),
                    ),
                    None => (
                        text!("diag-check-given-twice", what = what),
                        text!("diag-check-keep-one", what = what),
                    ),
                };
                self.error(Code::DuplicateAttribute, message)
                    .label(t.span, text!("diag-check-given-again"))
                    .label(first_span, text!("diag-check-first-given-here"))
                    .help(help)
                    .emit();
            }
        }
    }

    fn check_langs(&mut self, list: &[ast::LangText]) {
        if self.model.header.languages.is_empty() {
            return;
        }
        for t in list {
            if let Some(l) = &t.lang {
                if !self.model.header.languages.contains(&l.text) {
                    let declared = Arg::list(&self.model.header.languages);
                    self.warning(
                        Code::UnknownLanguage,
                        text!("diag-check-language-not-listed", lang = &l.text),
                    )
                    .label(l.span, text!("diag-check-language-not-listed-label"))
                    .help(text!(
                        "diag-check-language-not-listed-help",
                        list = declared
                    ))
                    .emit();
                }
            }
        }
    }

    /// A fact's value labels, by value: each value must be one of the
    /// fact's, each language once per value.
    fn value_labels(&mut self, f: &ast::Fact, ty: Type) -> Vec<(String, Texts)> {
        let values: Vec<String> = match ty {
            Type::OneOf(set) | Type::Set(set) => self.model.one_of_values(set).to_vec(),
            _ => Vec::new(),
        };
        let mut by_value: Vec<(String, Vec<ast::LangText>)> = Vec::new();
        for v in &f.value_labels {
            if !values.contains(&v.value.text) {
                let (label, help, meant) = if values.is_empty() {
                    (
                        text!("diag-check-no-values-label"),
                        text!("diag-check-no-values-help"),
                        None,
                    )
                } else {
                    let meant = crate::diagnostic::did_you_mean(
                        &v.value.text,
                        values.iter().map(String::as_str),
                    )
                    .map(str::to_string);
                    let help = meant
                        .as_deref()
                        .map(|c| text!("diag-did-you-mean", name = c))
                        .unwrap_or_else(|| {
                            text!("diag-check-values-are", list = Arg::list(&values))
                        });
                    (text!("diag-check-not-a-value-label"), help, meant)
                };
                self.error(
                    Code::UndefinedValue,
                    text!(
                        "diag-check-not-a-value",
                        value = &v.value.text,
                        fact = &f.name.text
                    ),
                )
                .label(v.value.span, label)
                .help(help)
                .meant(v.value.span, meant)
                .emit();
                continue;
            }
            match by_value.iter_mut().find(|(name, _)| *name == v.value.text) {
                Some((_, labels)) => labels.push(v.label.clone()),
                None => by_value.push((v.value.text.clone(), vec![v.label.clone()])),
            }
        }
        let mut out = Vec::new();
        for (value, labels) in by_value {
            self.duplicate_texts(&labels, &format!("value {value}"));
            self.check_langs(&labels);
            out.push((value, texts(&labels)));
        }
        out
    }

    // ---------------------------------------------------------- declarations

    fn declare(&mut self) {
        let mut remedy_spans: HashMap<String, Span> = HashMap::new();
        let mut rule_spans: HashMap<String, Span> = HashMap::new();
        let mut value_spans: HashMap<String, Span> = HashMap::new();
        for (at, item) in self.ast.items.iter().enumerate() {
            match item {
                ast::Item::Fact(f) => {
                    if self.duplicate(&mut value_spans, &f.name, text!("diag-kind-fact")) {
                        continue;
                    }
                    let ty = self.type_expr(&f.ty, f.ty_span);
                    let id = FactId(id32(self.model.facts.len()));
                    self.values.insert(f.name.text.clone(), ValueName::Fact(id));
                    self.value_order.push(f.name.text.clone());
                    self.fact_spans.push(f.name.span);
                    self.duplicate_texts(&f.labels, "label");
                    self.duplicate_texts(&f.questions, "question");
                    self.check_langs(&f.labels);
                    self.check_langs(&f.questions);
                    let value_labels = self.value_labels(f, ty);
                    self.model.facts.push(model::Fact {
                        name: f.name.text.clone(),
                        ty,
                        questions: texts(&f.questions),
                        labels: texts(&f.labels),
                        value_labels,
                    });
                    self.used_facts.push(false);
                }
                ast::Item::Define(d) => {
                    if self.duplicate(&mut value_spans, &d.name, text!("diag-kind-derived-fact")) {
                        continue;
                    }
                    let id = DerivedId(id32(self.defines.len()));
                    self.values
                        .insert(d.name.text.clone(), ValueName::Derived(id));
                    self.value_order.push(d.name.text.clone());
                    self.defines.push(d);
                    self.define_items.push(at);
                    self.derived_state.push(State::NotStarted);
                    self.derived_types.push(None);
                    self.derived_done.push(None);
                    self.derived_depth.push(0);
                    self.used_derived.push(false);
                    self.duplicate_texts(&d.labels, "label");
                    self.check_langs(&d.labels);
                }
                ast::Item::Remedy(r) => {
                    if self.duplicate(&mut remedy_spans, &r.name, text!("diag-kind-remedy")) {
                        continue;
                    }
                    self.remedies
                        .insert(r.name.text.clone(), RemedyId(id32(self.remedy_decls.len())));
                    self.remedy_decls.push(r);
                    self.remedy_items.push(at);
                }
                ast::Item::Rule(r) => {
                    let what = if r.exception_to.is_some() {
                        text!("diag-kind-exception")
                    } else {
                        text!("diag-kind-rule")
                    };
                    if self.duplicate(&mut rule_spans, &r.name, what) {
                        continue;
                    }
                    self.rules
                        .insert(r.name.text.clone(), RuleId(id32(self.rule_decls.len())));
                    self.rule_decls.push(r);
                    self.rule_items.push(at);
                }
                ast::Item::Header(_) | ast::Item::Law(_) => {}
            }
        }
        // the as-of fact
        let as_of = self.ast.items.iter().find_map(|i| match i {
            ast::Item::Header(h) => Some(h.as_of.clone()),
            _ => None,
        });
        if let Some(list) = as_of {
            for (i, name) in list.iter().enumerate() {
                if i > 0 {
                    self.error(Code::DuplicateAttribute, text!("diag-check-as-of-twice"))
                        .label(name.span, text!("diag-check-as-of-twice-label"))
                        .help(text!("diag-check-as-of-twice-help"))
                        .emit();
                    continue;
                }
                match self.values.get(&name.text).copied() {
                    Some(ValueName::Fact(f)) => {
                        let ty = self.model.facts.get(f.index()).map(|f| f.ty);
                        if ty != Some(Type::Date) {
                            let found = || ty.map_or(Text::from("?"), type_word);
                            let (message, label) = (
                                text!(
                                    "diag-check-as-of-not-date",
                                    name = &name.text,
                                    found = found()
                                ),
                                text!("diag-check-this-is", found = found()),
                            );
                            self.error(Code::TypeMismatch, message)
                                .label(name.span, label)
                                .help(text!("diag-check-as-of-not-date-help"))
                                .emit();
                        } else {
                            self.model.header.as_of = Some(f);
                            if let Some(u) = self.used_facts.get_mut(f.index()) {
                                *u = true;
                            }
                        }
                    }
                    _ => {
                        let meant = crate::diagnostic::did_you_mean(&name.text, self.fact_names())
                            .map(str::to_string);
                        let help = meant
                            .as_deref()
                            .map(|c| text!("diag-did-you-mean", name = c));
                        self.error(
                            Code::UndefinedFact,
                            text!("diag-check-as-of-undeclared", name = &name.text),
                        )
                        .label(name.span, text!("diag-check-no-such-fact"))
                        .maybe_help(help)
                        .meant(name.span, meant)
                        .emit();
                    }
                }
            }
        }
    }

    fn fact_names(&self) -> Vec<&str> {
        self.model.facts.iter().map(|f| f.name.as_str()).collect()
    }

    /// Warn about a name that mixes Latin letters with look-alike Cyrillic or
    /// Greek ones (`сonsumer` with a Cyrillic `с`).
    fn confusable(&mut self, name: &ast::Ident) {
        let latin = name.text.chars().any(|c| c.is_ascii_alphabetic());
        let lookalike = name
            .text
            .chars()
            .find(|c| matches!(*c as u32, 0x0370..=0x04FF));
        if let (true, Some(c)) = (latin, lookalike) {
            self.warning(
                Code::ConfusableText,
                text!(
                    "diag-check-mixed-scripts",
                    name = &name.text,
                    letter = c.to_string(),
                    code = format!("{:04X}", c as u32)
                ),
            )
            .label(name.span, text!("diag-check-mixed-scripts-label"))
            .help(text!("diag-check-mixed-scripts-help"))
            .emit();
        }
    }

    /// Report a second declaration of one name; true when it is one.
    fn duplicate(
        &mut self,
        seen: &mut HashMap<String, Span>,
        name: &ast::Ident,
        what: Text,
    ) -> bool {
        self.confusable(name);
        if let Some(first) = seen.get(&name.text).copied() {
            self.error(
                Code::DuplicateName,
                text!("diag-check-declared-twice", name = &name.text),
            )
            .label(
                name.span,
                text!(
                    "diag-check-declared-twice-label",
                    what = what,
                    name = &name.text
                ),
            )
            .label(first, text!("diag-check-first-declared-here"))
            .help(text!("diag-check-declared-twice-help"))
            .emit();
            return true;
        }
        seen.insert(name.text.clone(), name.span);
        false
    }

    fn type_expr(&mut self, ty: &ast::TypeExpr, span: Span) -> Type {
        match ty {
            ast::TypeExpr::YesNo => Type::Bool,
            ast::TypeExpr::Number => Type::Number,
            ast::TypeExpr::Money(None) => Type::Money(self.model.header.currency),
            ast::TypeExpr::Money(Some(code)) => {
                Type::Money(self.currency(code).unwrap_or(self.model.header.currency))
            }
            ast::TypeExpr::Date => Type::Date,
            ast::TypeExpr::Text => Type::Text,
            ast::TypeExpr::SomeOf(values) => Type::Set(self.value_list(values)),
            ast::TypeExpr::OneOf(values) => {
                let _ = span;
                Type::OneOf(self.value_list(values))
            }
        }
    }

    /// The list of values of a `one of` or `some of` type (the values listed
    /// twice reported), shared with an earlier type listing the same values.
    fn value_list(&mut self, values: &[ast::Ident]) -> OneOfId {
        let mut list: Vec<String> = Vec::new();
        for v in values {
            if list.contains(&v.text) {
                self.error(
                    Code::DuplicateName,
                    text!("diag-check-value-twice", value = &v.text),
                )
                .label(v.span, text!("diag-check-listed-again"))
                .help(text!("diag-check-value-twice-help"))
                .emit();
            } else {
                list.push(v.text.clone());
            }
        }
        let id = match self.model.one_ofs.iter().position(|l| *l == list) {
            Some(i) => i,
            None => {
                self.model.one_ofs.push(list);
                self.model.one_ofs.len() - 1
            }
        };
        OneOfId(id32(id))
    }

    /// Warn about one-of values spelled like a fact or derived fact: after
    /// `is` the value is meant, elsewhere the fact, which a reader cannot
    /// tell apart. One warning per value listed.
    fn value_name_clashes(&mut self) {
        let rulebook = self.ast;
        for item in &rulebook.items {
            let ast::Item::Fact(f) = item else { continue };
            let (values, after) = match &f.ty {
                ast::TypeExpr::OneOf(values) => (values, "`is`"),
                ast::TypeExpr::SomeOf(values) => (values, "`includes`"),
                _ => continue,
            };
            for v in values {
                let Some(found) = self.values.get(&v.text).copied() else {
                    continue;
                };
                let (what, at) = match found {
                    ValueName::Fact(id) => (
                        text!("diag-kind-fact"),
                        self.fact_spans.get(id.index()).copied(),
                    ),
                    ValueName::Derived(id) => (
                        text!("diag-kind-derived-fact"),
                        self.defines.get(id.index()).map(|d| d.name.span),
                    ),
                };
                let mut d = self
                    .warning(
                        Code::NameClash,
                        text!(
                            "diag-check-name-clash",
                            value = &v.text,
                            fact = &f.name.text,
                            what = what.clone()
                        ),
                    )
                    .label(
                        v.span,
                        text!("diag-check-name-clash-label", fact = &f.name.text),
                    );
                if let Some(at) = at {
                    d = d.label(
                        at,
                        text!(
                            "diag-check-name-clash-other",
                            what = what.clone(),
                            name = &v.text
                        ),
                    );
                }
                d.help(text!(
                    "diag-check-name-clash-help",
                    after = after,
                    value = &v.text,
                    what = what
                ))
                .emit();
            }
        }
    }

    /// The currency a code or currency word names (`EUR`, `yuan`, `€`), or
    /// an error: an unknown code with the nearest active ones, a code in
    /// small letters with a fix (then the currency it meant, so that no
    /// second error follows from it).
    pub(crate) fn currency(&mut self, code: &ast::Ident) -> Option<Currency> {
        if let Some(c) = Currency::from_word(&code.text) {
            return Some(c);
        }
        let upper = code.text.to_ascii_uppercase();
        if let Some(c) = Currency::active(&upper) {
            self.error(
                Code::UnknownCurrency,
                text!("diag-check-currency-capitals", code = &code.text),
            )
            .label(code.span, text!("diag-check-write", name = &upper))
            .help(text!("diag-check-currency-capitals-help", code = &upper))
            .fix(
                code.span,
                upper.clone(),
                text!("diag-check-write", name = &upper),
            )
            .emit();
            return Some(c);
        }
        let help = suggestion(&upper, ACTIVE_CURRENCIES.iter().copied())
            .unwrap_or_else(|| text!("diag-check-unknown-currency-help"));
        self.error(
            Code::UnknownCurrency,
            text!("diag-check-unknown-currency", code = &code.text),
        )
        .label(code.span, text!("diag-check-unknown-currency-label"))
        .help(help)
        .emit();
        None
    }

    /// A help text's example amount, `500 yuan`, in the rulebook's currency
    /// (`500 EUR`), so that help shows amounts as this rulebook writes them.
    pub(crate) fn example_amount(&self) -> String {
        let c = self.model.header.currency;
        if c == Currency::CNY {
            "500 yuan".to_string()
        } else {
            format!("500 {c}")
        }
    }

    /// The name of a type for messages, with the values of a one-of, and
    /// the currency of money in another currency than the rulebook's.
    pub(crate) fn type_name(&self, ty: Type) -> Text {
        let values = |id: OneOfId| {
            let values = self.model.one_of_values(id);
            (Arg::list(values.iter().take(4)), values.len() > 4)
        };
        match ty {
            Type::Money(c) if c != self.model.header.currency => {
                text!("diag-type-money-in", currency = c.to_string())
            }
            Type::OneOf(id) => match values(id) {
                (list, false) => text!("diag-type-one-of-values", values = list),
                (list, true) => text!("diag-type-one-of-values-more", values = list),
            },
            Type::Set(id) => match values(id) {
                (list, false) => text!("diag-type-some-of-values", values = list),
                (list, true) => text!("diag-type-some-of-values-more", values = list),
            },
            other => type_word(other),
        }
    }

    // ------------------------------------------------------------------ laws

    fn laws(&mut self) {
        let mut seen: HashMap<String, Span> = HashMap::new();
        for item in &self.ast.items {
            let ast::Item::Law(l) = item else { continue };
            if self.duplicate(&mut seen, &l.name, text!("diag-kind-law")) {
                continue;
            }
            self.duplicate_texts(&l.titles, "title");
            self.check_langs(&l.titles);
            let period = self.period(&l.in_force);
            self.laws
                .insert(l.name.text.clone(), LawId(id32(self.model.laws.len())));
            self.model.laws.push(model::Law {
                name: l.name.text.clone(),
                titles: texts(&l.titles),
                from: period.and_then(|p| p.0),
                until: period.and_then(|p| p.1),
            });
            self.used_laws.push(false);
        }
    }

    /// Check a period list (at most one); returns it.
    fn period(
        &mut self,
        list: &[ast::Period],
    ) -> Option<(Option<jiff::civil::Date>, Option<jiff::civil::Date>)> {
        for extra in list.iter().skip(1) {
            self.error(Code::DuplicateAttribute, text!("diag-check-in-force-twice"))
                .label(extra.span, text!("diag-check-in-force-twice-label"))
                .help(text!("diag-check-in-force-twice-help"))
                .emit();
        }
        let p = list.first()?;
        if let (Some(from), Some(until)) = (p.from, p.until) {
            if from.date > until.date {
                self.error(
                    Code::InvalidPeriod,
                    text!(
                        "diag-check-period-reversed",
                        from = from.date.to_string(),
                        until = until.date.to_string()
                    ),
                )
                .label(p.span, text!("diag-check-period-reversed-label"))
                .help(text!("diag-check-period-reversed-help"))
                .emit();
            }
        }
        Some((p.from.map(|d| d.date), p.until.map(|d| d.date)))
    }

    /// A free-text citation's texts by language: each language once, each
    /// one the header lists, and one for every language it lists (a plain
    /// `cite "…"` has none, so it is enough only in a rulebook of one
    /// language).
    fn citation_texts(&mut self, c: &ast::Cite) -> Texts {
        if !c.texts.is_empty() {
            self.duplicate_texts(&c.texts, "cite");
            self.check_langs(&c.texts);
        }
        let langs = &self.model.header.languages;
        let free = c.text.is_some() || !c.texts.is_empty();
        if free && (langs.len() > 1 || !c.texts.is_empty()) {
            let missing: Vec<String> = langs
                .iter()
                .filter(|l| {
                    !c.texts
                        .iter()
                        .any(|t| t.lang.as_ref().is_some_and(|x| x.text == **l))
                })
                .map(|l| format!("`{l}`"))
                .collect();
            if !missing.is_empty() {
                let example: Vec<String> = langs.iter().map(|l| format!("{l} \"…\"")).collect();
                self.warning(
                    Code::UntranslatedCitation,
                    text!(
                        "diag-check-cite-untranslated",
                        langs = Arg::and_list(missing)
                    ),
                )
                .label(c.span, text!("diag-check-cite-untranslated-label"))
                .help(text!(
                    "diag-check-cite-untranslated-help",
                    example = example.join(" ")
                ))
                .emit();
            }
        }
        texts(&c.texts)
    }

    fn citations(&mut self, cites: &[ast::Cite]) -> Vec<Citation> {
        let mut out = Vec::with_capacity(cites.len());
        for c in cites {
            let law = match &c.law {
                Some(name) => match self.laws.get(&name.text).copied() {
                    Some(id) => {
                        if let Some(u) = self.used_laws.get_mut(id.index()) {
                            *u = true;
                        }
                        Some(id)
                    }
                    None => {
                        let names: Vec<&str> =
                            self.model.laws.iter().map(|l| l.name.as_str()).collect();
                        let meant =
                            crate::diagnostic::did_you_mean(&name.text, names).map(str::to_string);
                        let help = meant
                            .as_deref()
                            .map(|c| text!("diag-did-you-mean", name = c))
                            .unwrap_or_else(|| {
                                text!("diag-check-undefined-law-help", name = &name.text)
                            });
                        self.error(
                            Code::UndefinedLaw,
                            text!("diag-check-undefined-law", name = &name.text),
                        )
                        .label(name.span, text!("diag-check-undefined-law-label"))
                        .help(help)
                        .meant(name.span, meant)
                        .emit();
                        None
                    }
                },
                None => None,
            };
            let texts = self.citation_texts(c);
            let text = match &c.text {
                Some(t) => Some(t.clone()),
                None => {
                    let first = self.model.header.languages.first();
                    texts
                        .iter()
                        .find(|(l, _)| Some(l) == first)
                        .or(texts.first())
                        .map(|(_, t)| t.clone())
                }
            };
            out.push(Citation {
                law,
                article: c.article.clone(),
                text,
                texts,
            });
        }
        out
    }

    // --------------------------------------------------------- derived facts

    /// Check a derived fact (once), following the ones it uses first.
    pub(crate) fn derived(&mut self, id: DerivedId) -> Option<Type> {
        match self.derived_state.get(id.index()).copied() {
            Some(State::Done) => return self.derived_types.get(id.index()).copied().flatten(),
            Some(State::Failed) | None => return None,
            Some(State::InProgress) => {
                self.report_cycle(id);
                return None;
            }
            Some(State::NotStarted) => {}
        }
        let define = self.defines.get(id.index()).copied()?;
        self.set_state(id, State::InProgress);
        self.derived_stack.push(id);
        let checked = self.expr(&define.expr, None);
        self.derived_stack.pop();
        if self.derived_state.get(id.index()) == Some(&State::Failed) {
            return None;
        }
        match checked {
            Some((expr, ty)) => {
                if ty == Type::Duration {
                    self.error(
                        Code::TypeMismatch,
                        text!("diag-check-bare-duration", name = &define.name.text),
                    )
                    .label(define.expr.span, text!("diag-check-bare-duration-label"))
                    .help(text!("diag-check-bare-duration-help"))
                    .emit();
                }
                let depth = self.combined_depth(&expr);
                if let Some(d) = self.derived_depth.get_mut(id.index()) {
                    *d = depth;
                }
                if depth > self.limits.depth {
                    self.too_deep(define.expr.span, depth);
                    self.set_state(id, State::Failed);
                    return None;
                }
                self.set_state(id, State::Done);
                if let Some(t) = self.derived_types.get_mut(id.index()) {
                    *t = Some(ty);
                }
                if let Some(slot) = self.derived_done.get_mut(id.index()) {
                    *slot = Some(model::Derived {
                        name: define.name.text.clone(),
                        ty,
                        expr,
                        labels: texts(&define.labels),
                    });
                }
                Some(ty)
            }
            None => {
                self.set_state(id, State::Failed);
                None
            }
        }
    }

    /// The longest chain of operations under an expression, counting the
    /// derived facts it uses at their own depth. Computed without recursion.
    fn combined_depth(&self, root: &model::Expr) -> usize {
        root.walk()
            .map(|(depth, e)| match e {
                model::Expr::Derived(x) => {
                    depth + 1 + self.derived_depth.get(x.index()).copied().unwrap_or(0)
                }
                _ => depth + 1,
            })
            .max()
            .unwrap_or(0)
    }

    fn too_deep(&mut self, span: Span, depth: usize) {
        self.error(
            Code::LimitExceeded,
            text!(
                "diag-check-too-deep",
                depth = depth.to_string(),
                limit = self.limits.depth.to_string()
            ),
        )
        .label(span, text!("diag-check-too-deep-label"))
        .help(text!("diag-check-too-deep-help"))
        .emit();
    }

    /// Refuse a checked expression deeper than [`Limits::depth`].
    fn bounded(&mut self, expr: Option<model::Expr>, span: Span) -> Option<model::Expr> {
        let expr = expr?;
        let depth = self.combined_depth(&expr);
        if depth > self.limits.depth {
            self.too_deep(span, depth);
            return None;
        }
        Some(expr)
    }

    fn set_state(&mut self, id: DerivedId, state: State) {
        if let Some(s) = self.derived_state.get_mut(id.index()) {
            *s = state;
        }
    }

    fn report_cycle(&mut self, id: DerivedId) {
        let Some(pos) = self.derived_stack.iter().position(|d| *d == id) else {
            return;
        };
        let cycle: Vec<DerivedId> = self.derived_stack.get(pos..).unwrap_or(&[]).to_vec();
        let names: Vec<String> = cycle
            .iter()
            .chain(std::iter::once(&id))
            .filter_map(|d| self.defines.get(d.index()).map(|d| d.name.text.clone()))
            .collect();
        let Some(first) = self.defines.get(id.index()).copied() else {
            return;
        };
        let mut b = self
            .error(
                Code::Cycle,
                text!("diag-check-derived-cycle", names = names.join(" → ")),
            )
            .label(
                first.name.span,
                text!("diag-check-derived-cycle-start", name = &first.name.text),
            );
        for d in cycle.iter().skip(1) {
            if let Some(def) = b.checker.defines.get(d.index()).copied() {
                b = b.label(
                    def.name.span,
                    text!("diag-check-derived-cycle-part", name = &def.name.text),
                );
            }
        }
        b.help(text!("diag-check-derived-cycle-help")).emit();
        for d in cycle {
            self.set_state(d, State::Failed);
        }
    }

    // ---------------------------------------------------------------- remedies

    fn remedies_pass(&mut self) {
        let decls = self.remedy_decls.clone();
        self.model.remedies.reserve_exact(decls.len());
        for r in decls {
            self.duplicate_texts(&r.titles, "title");
            self.check_langs(&r.titles);
            if r.titles.is_empty() {
                self.error(
                    Code::MissingTitle,
                    text!("diag-check-no-title", name = &r.name.text),
                )
                .label(r.name.span, text!("diag-check-no-title-label"))
                .help(text!("diag-check-no-title-help"))
                .emit();
            }
            for extra in r.category.iter().skip(1) {
                self.error(
                    Code::DuplicateAttribute,
                    text!("diag-check-two-categories", name = &r.name.text),
                )
                .label(extra.span, text!("diag-check-two-categories-label"))
                .help(text!("diag-check-two-categories-help"))
                .emit();
            }
            let mut params: Vec<(String, Type)> = Vec::new();
            let mut param_labels: Vec<Texts> = Vec::new();
            for p in &r.params {
                if params.iter().any(|(n, _)| *n == p.name.text) {
                    self.error(
                        Code::DuplicateName,
                        text!("diag-check-parameter-twice", name = &p.name.text),
                    )
                    .label(p.name.span, text!("diag-check-parameter-twice-label"))
                    .help(text!("diag-check-parameter-twice-help"))
                    .emit();
                    continue;
                }
                let ty = self.type_expr(&p.ty, p.ty_span);
                params.push((p.name.text.clone(), ty));
                self.duplicate_texts(&p.labels, "label");
                self.check_langs(&p.labels);
                param_labels.push(texts(&p.labels));
            }
            for phrase in &r.phrases {
                self.check_template(phrase, &params);
            }
            let amount = self.one_expr(
                &r.amount,
                "amount",
                &[Type::Money(self.model.header.currency), Type::Number],
            );
            let amount_up_to = amount.is_some() && !r.amount_up_to.is_empty();
            let deadline = self.one_expr(&r.deadline, "deadline", &[Type::Date]);
            if r.cites.is_empty() {
                self.warning(
                    Code::MissingCitation,
                    text!(
                        "diag-check-no-cite",
                        what = text!("diag-kind-remedy"),
                        name = &r.name.text
                    ),
                )
                .label(r.name.span, text!("diag-check-no-cite-label"))
                .help(text!("diag-check-no-cite-help"))
                .emit();
            }
            let cites = self.citations(&r.cites);
            self.model.remedies.push(model::Remedy {
                id: r.name.text.clone(),
                titles: texts(&r.titles),
                category: r
                    .category
                    .first()
                    .map_or_else(|| "other".to_string(), |c| c.text.clone()),
                params,
                param_labels,
                amount,
                amount_up_to,
                deadline,
                cites,
            });
        }
    }

    /// Check an optional single expression attribute (`amount`, `deadline`).
    fn one_expr(
        &mut self,
        list: &[ast::Expr],
        what: &str,
        allowed: &[Type],
    ) -> Option<model::Expr> {
        for extra in list.iter().skip(1) {
            self.error(
                Code::DuplicateAttribute,
                text!("diag-check-given-twice", what = what),
            )
            .label(extra.span, text!("diag-check-second", what = what))
            .help(text!("diag-check-keep-one", what = what))
            .emit();
        }
        let e = list.first()?;
        let (expr, ty) = self.expr(e, None)?;
        let expr = self.bounded(Some(expr), e.span)?;
        // an amount may be in any currency
        let fits = allowed
            .iter()
            .any(|a| *a == ty || matches!((a, ty), (Type::Money(_), Type::Money(_))));
        if !fits {
            // `money or number`: each "or" its own message, as the types are
            // words of the language (a list's "or" is spaced for names)
            let want = allowed
                .iter()
                .map(|t| type_word(*t))
                .reduce(|a, b| text!("diag-check-or", a = a, b = b))
                .unwrap_or_else(|| Text::from(""));
            let found = self.type_name(ty);
            let (message, help) = if what == "deadline" {
                (
                    text!(
                        "diag-check-deadline-type",
                        want = want,
                        found = found.clone()
                    ),
                    text!("diag-check-deadline-type-help"),
                )
            } else {
                (
                    text!("diag-check-amount-type", want = want, found = found.clone()),
                    text!(
                        "diag-check-amount-type-help",
                        amount = self.example_amount()
                    ),
                )
            };
            self.error(Code::TypeMismatch, message)
                .label(e.span, text!("diag-check-this-is", found = found))
                .help(help)
                .emit();
            return None;
        }
        Some(expr)
    }

    // ------------------------------------------------------------------ rules

    fn rules_pass(&mut self, mut marks: Option<&mut Marks>) {
        let decls = self.rule_decls.clone();
        self.model.rules.reserve_exact(decls.len());
        for (k, r) in decls.into_iter().enumerate() {
            let rule = self.check_rule(k, r);
            self.model.rules.push(rule);
            if let Some(m) = marks.as_deref_mut() {
                m.rules.push(self.diagnostics.len());
            }
        }
    }

    /// Check the `k`th rule or exception; its other targets go to
    /// `also_to[k]`.
    fn check_rule(&mut self, k: usize, r: &'a ast::Rule) -> model::Rule {
        {
            let exception_to = r.exception_to.as_ref().and_then(|target| {
                let found = self.rules.get(&target.text).copied();
                if found.is_none() {
                    let names: Vec<&str> = self
                        .rule_decls
                        .iter()
                        .map(|r| r.name.text.as_str())
                        .collect();
                    let meant =
                        crate::diagnostic::did_you_mean(&target.text, names).map(str::to_string);
                    let help = meant
                        .as_deref()
                        .map(|c| text!("diag-did-you-mean", name = c))
                        .unwrap_or_else(|| text!("diag-check-undefined-rule-help"));
                    self.error(
                        Code::UndefinedRule,
                        text!(
                            "diag-check-undefined-rule",
                            name = &r.name.text,
                            target = &target.text
                        ),
                    )
                    .label(target.span, text!("diag-check-undefined-rule-label"))
                    .help(help)
                    .meant(target.span, meant)
                    .emit();
                }
                found
            });
            let also_to = self.also_targets(r);
            match self.also_to.get_mut(k) {
                Some(slot) => *slot = also_to,
                None => self.also_to.push(also_to),
            }
            let condition = self.condition(&r.condition);
            let condition = self.bounded(condition, r.condition.span);
            let conclusion = r.conclusion.as_ref().and_then(|c| self.conclusion(c));
            let conclusion = conclusion.and_then(|c| {
                let span = r
                    .conclusion
                    .as_ref()
                    .map(ast::Conclusion::span)
                    .unwrap_or_default();
                let deepest = c
                    .args
                    .iter()
                    .map(|a| self.combined_depth(a))
                    .max()
                    .unwrap_or(0);
                if deepest > self.limits.depth {
                    self.too_deep(span, deepest);
                    return None;
                }
                Some(c)
            });
            let amount = self.one_expr(
                &r.amount,
                "amount",
                &[Type::Money(self.model.header.currency), Type::Number],
            );
            let deadline = self.one_expr(&r.deadline, "deadline", &[Type::Date]);
            let period = self.period(&r.in_force);
            if let (Some(p), None) = (&r.in_force.first(), self.model.header.as_of) {
                self.error(
                    Code::NoAsOf,
                    text!("diag-check-no-as-of", name = &r.name.text),
                )
                .label(p.span, text!("diag-check-no-as-of-label"))
                .help(text!("diag-check-no-as-of-help"))
                .emit();
            }
            if r.cites.is_empty() {
                let what = if r.exception_to.is_some() {
                    text!("diag-kind-exception")
                } else {
                    text!("diag-kind-rule")
                };
                self.warning(
                    Code::MissingCitation,
                    text!("diag-check-no-cite", what = what, name = &r.name.text),
                )
                .label(r.name.span, text!("diag-check-no-cite-label"))
                .help(text!("diag-check-no-cite-help"))
                .emit();
            }
            let cites = self.citations(&r.cites);
            self.duplicate_texts(&r.titles, "title");
            self.check_langs(&r.titles);
            let remedy = conclusion.as_ref().map(|c| c.remedy);
            let amount_up_to = amount.is_some() && !r.amount_up_to.is_empty();
            let (amount, amount_up_to, deadline) =
                match remedy.and_then(|id| self.model.remedies.get(id.index())) {
                    Some(rem) if amount.is_none() => (
                        rem.amount.clone(),
                        rem.amount_up_to,
                        deadline.or_else(|| rem.deadline.clone()),
                    ),
                    Some(rem) => (
                        amount,
                        amount_up_to,
                        deadline.or_else(|| rem.deadline.clone()),
                    ),
                    None => (amount, amount_up_to, deadline),
                };
            let condition = condition.map(|c| self.with_period(c, period));
            model::Rule {
                name: r.name.text.clone(),
                exception_to,
                targets: r
                    .exception_to
                    .iter()
                    .chain(&r.also_to)
                    .map(|t| t.text.clone())
                    .collect(),
                condition: condition
                    .unwrap_or(model::Expr::Const(crate::value::Value::Bool(false))),
                conclusion,
                amount,
                amount_up_to,
                deadline,
                cites,
                period,
                titles: texts(&r.titles),
            }
        }
    }

    /// Add the period of force to a condition, as comparisons on the as-of date.
    fn with_period(
        &self,
        condition: model::Expr,
        period: Option<(Option<jiff::civil::Date>, Option<jiff::civil::Date>)>,
    ) -> model::Expr {
        let (Some((from, until)), Some(as_of)) = (period, self.model.header.as_of) else {
            return condition;
        };
        if let (Some(f), Some(u)) = (from, until) {
            if f > u {
                return condition; // reported as an invalid period
            }
        }
        let mut parts = vec![condition];
        let date = || Box::new(model::Expr::Fact(as_of));
        if let Some(from) = from {
            parts.push(model::Expr::Cmp(
                crate::vocab::CmpOp::Ge,
                date(),
                Box::new(model::Expr::Const(crate::value::Value::Date(from))),
            ));
        }
        if let Some(until) = until {
            parts.push(model::Expr::Cmp(
                crate::vocab::CmpOp::Le,
                date(),
                Box::new(model::Expr::Const(crate::value::Value::Date(until))),
            ));
        }
        model::Expr::And(parts)
    }

    /// A condition: a yes/no expression.
    fn condition(&mut self, e: &ast::Expr) -> Option<model::Expr> {
        let (expr, ty) = self.expr(e, None)?;
        if ty != Type::Bool {
            let found = self.type_name(ty);
            let help = if let Type::Set(_) = ty {
                text!("diag-check-condition-set-help")
            } else {
                text!(
                    "diag-check-condition-type-help",
                    amount = self.example_amount()
                )
            };
            self.error(
                Code::TypeMismatch,
                text!("diag-check-condition-type", found = found.clone()),
            )
            .label(e.span, text!("diag-check-this-is", found = found))
            .help(help)
            .emit();
            return None;
        }
        Some(expr)
    }

    /// Exceptions must not form a loop.
    fn exception_loops(&mut self) {
        #[derive(Clone, Copy, PartialEq)]
        enum Walk {
            New,
            OnPath,
            Done,
        }
        let rules = &self.model.rules;
        let n = rules.len();
        let target = |i: usize| rules.get(i).and_then(|r| r.exception_to).map(|t| t.index());
        // Each rule has at most one rule it is an exception to, so following
        // those links from every rule once, marking the rules on the current
        // path, finds every loop and every rule's distance to its general
        // rule in time linear in the rules (`None`: in or into a loop).
        let mut walk = vec![Walk::New; n];
        let mut depth: Vec<Option<usize>> = vec![None; n];
        let mut loops: Vec<Vec<usize>> = Vec::new();
        for start in 0..n {
            if walk.get(start) != Some(&Walk::New) {
                continue;
            }
            let mut path = Vec::new();
            let mut cur = Some(start);
            let mut last = None;
            while let Some(i) = cur {
                match walk.get(i) {
                    Some(Walk::New) => {
                        if let Some(w) = walk.get_mut(i) {
                            *w = Walk::OnPath;
                        }
                        path.push(i);
                        cur = target(i);
                        if cur.is_none() {
                            last = Some(0);
                        }
                    }
                    Some(Walk::OnPath) => {
                        let at = path.iter().position(|&p| p == i).unwrap_or(0);
                        loops.push(path.get(at..).unwrap_or(&[]).to_vec());
                        break;
                    }
                    Some(Walk::Done) => {
                        last = depth.get(i).copied().flatten().map(|d| d + 1);
                        break;
                    }
                    None => break,
                }
            }
            let mut d = last;
            for &i in path.iter().rev() {
                if let (Some(slot), Some(w)) = (depth.get_mut(i), walk.get_mut(i)) {
                    *slot = d;
                    *w = Walk::Done;
                }
                d = d.map(|d| d + 1);
            }
        }
        self.report_exception_loops(loops, &depth);
    }

    /// Report each loop of exceptions once (named from its first rule in
    /// declaration order), and a chain deeper than the limit: for the walks
    /// of `exception_loops` and `shared_exception_loops`. `depth` is each
    /// rule's longest distance to a general rule (`None` in or into a loop).
    fn report_exception_loops(&mut self, mut loops: Vec<Vec<usize>>, depth: &[Option<usize>]) {
        for cycle in &mut loops {
            let first = cycle
                .iter()
                .enumerate()
                .min_by_key(|(_, i)| **i)
                .map_or(0, |(k, _)| k);
            cycle.rotate_left(first);
        }
        loops.sort();
        loops.dedup();
        for cycle in loops {
            let Some(&start) = cycle.first() else {
                continue;
            };
            let names: Vec<String> = cycle
                .iter()
                .chain(std::iter::once(&start))
                .filter_map(|i| self.model.rules.get(*i).map(|r| r.name.clone()))
                .collect();
            let span = self
                .rule_decls
                .get(start)
                .map_or(Span::default(), |r| r.name.span);
            self.error(
                Code::Cycle,
                text!("diag-check-exception-loop", names = names.join(" → ")),
            )
            .label(span, text!("diag-check-exception-loop-label"))
            .help(text!("diag-check-exception-loop-help"))
            .emit();
        }
        let limit = self.limits.exception_depth;
        if let Some(start) = depth.iter().position(|d| d.is_some_and(|d| d >= limit)) {
            if !self.too_deep_reported {
                self.too_deep_reported = true;
                let span = self
                    .rule_decls
                    .get(start)
                    .map_or(Span::default(), |r| r.name.span);
                self.error(
                    Code::LimitExceeded,
                    text!("diag-check-exceptions-too-deep", limit = limit.to_string()),
                )
                .label(span, text!("diag-check-exceptions-too-deep-label"))
                .help(text!("diag-check-exceptions-too-deep-help"))
                .emit();
            }
        }
    }

    // ---------------------------------------------------------------- unused

    fn unused(&mut self) {
        // With errors, the model lacks what failed to check, and "never
        // used" would be said of names that are used: say nothing until
        // the errors are fixed.
        if self.diagnostics.iter().any(Diagnostic::is_error) {
            return;
        }
        let uses = self.count_uses();
        self.report_unused(&uses);
    }

    /// How many rules and remedies read each fact and derived fact.
    pub(crate) fn count_uses(&self) -> Uses {
        let mut uses = Uses {
            facts: vec![0; self.used_facts.len()],
            derived: vec![0; self.used_derived.len()],
        };
        for r in &self.model.rules {
            uses.count(r, 1);
        }
        for r in &self.model.remedies {
            for e in r.amount.iter().chain(&r.deadline) {
                uses.count_expr(e, 1);
            }
        }
        uses
    }

    /// Warn about the facts, derived facts and remedies nothing uses.
    pub(crate) fn report_unused(&mut self, uses: &Uses) {
        // Mark what the checked model uses.
        let mut used_facts: Vec<bool> = uses.facts.iter().map(|n| *n > 0).collect();
        let mut used_derived: Vec<bool> = vec![false; uses.derived.len()];
        if let Some(u) = self
            .model
            .header
            .as_of
            .and_then(|f| used_facts.get_mut(f.index()))
        {
            *u = true;
        }
        // derived facts newly marked, whose definitions are still to walk
        let mut pending: Vec<usize> = Vec::new();
        for (i, n) in uses.derived.iter().enumerate() {
            if let (true, Some(u)) = (*n > 0, used_derived.get_mut(i)) {
                *u = true;
                pending.push(i);
            }
        }
        // (walked last first, as marking the rules in order found them)
        pending.reverse();
        // Derived facts used by used derived facts: a worklist, so each
        // definition is walked once (a pass per level of a chain of derived
        // facts was quadratic in the chain's length).
        let mut definition: Vec<Option<&model::Expr>> = vec![None; used_derived.len()];
        for d in &self.model.derived {
            if let Some(ValueName::Derived(id)) = self.values.get(&d.name).copied() {
                if let Some(slot) = definition.get_mut(id.index()) {
                    *slot = Some(&d.expr);
                }
            }
        }
        while let Some(i) = pending.pop() {
            if let Some(Some(expr)) = definition.get(i) {
                mark_used(expr, &mut used_facts, &mut used_derived, &mut pending);
            }
        }
        for (i, used) in used_facts.iter().enumerate() {
            if !used {
                let name = self
                    .model
                    .facts
                    .get(i)
                    .map(|f| f.name.clone())
                    .unwrap_or_default();
                let span = self.fact_spans.get(i).copied().unwrap_or_default();
                self.warning(
                    Code::UnusedFact,
                    text!("diag-check-unused-fact", name = name),
                )
                .label(span, text!("diag-check-unused-fact-label"))
                .help(text!("diag-check-unused-help"))
                .emit();
            }
        }
        let defines = self.defines.clone();
        for (i, used) in used_derived.iter().enumerate() {
            if let (false, Some(d)) = (used, defines.get(i)) {
                self.warning(
                    Code::UnusedFact,
                    text!("diag-check-unused-derived", name = &d.name.text),
                )
                .label(d.name.span, text!("diag-check-unused-derived-label"))
                .help(text!("diag-check-unused-help"))
                .emit();
            }
        }
        let mut produced = vec![false; self.remedy_decls.len()];
        for rule in &self.model.rules {
            if let Some(p) = rule
                .conclusion
                .as_ref()
                .and_then(|c| produced.get_mut(c.remedy.index()))
            {
                *p = true;
            }
        }
        let decls = self.remedy_decls.clone();
        for (i, r) in decls.iter().enumerate() {
            if !produced.get(i).copied().unwrap_or(true) {
                self.warning(
                    Code::UnusedRemedy,
                    text!("diag-check-unused-remedy", name = &r.name.text),
                )
                .label(r.name.span, text!("diag-check-unused-remedy-label"))
                .help(text!("diag-check-unused-remedy-help"))
                .emit();
            }
        }
    }
}

/// How many rules and remedies read each fact and derived fact directly
/// (what `unused` needs, kept by [`incremental`] to update after one rule).
#[derive(Clone, Debug, Default)]
pub(crate) struct Uses {
    facts: Vec<u32>,
    derived: Vec<u32>,
}

impl Uses {
    /// Count the expressions of a rule once more (`1`) or once less (`-1`).
    pub(crate) fn count(&mut self, r: &model::Rule, by: i32) {
        self.count_expr(&r.condition, by);
        if let Some(c) = &r.conclusion {
            for a in &c.args {
                self.count_expr(a, by);
            }
        }
        for e in r.amount.iter().chain(&r.deadline) {
            self.count_expr(e, by);
        }
    }

    fn count_expr(&mut self, e: &model::Expr, by: i32) {
        for (_, x) in e.walk() {
            let n = match x {
                model::Expr::Fact(f) => self.facts.get_mut(f.index()),
                model::Expr::Derived(d) => self.derived.get_mut(d.index()),
                _ => None,
            };
            if let Some(n) = n {
                *n = n.saturating_add_signed(by);
            }
        }
    }
}

/// Mark the facts and derived facts an expression reads; a derived fact
/// marked for the first time is added to `newly`.
fn mark_used(e: &model::Expr, facts: &mut [bool], derived: &mut [bool], newly: &mut Vec<usize>) {
    for (_, x) in e.walk() {
        match x {
            model::Expr::Fact(f) => {
                if let Some(u) = facts.get_mut(f.index()) {
                    *u = true;
                }
            }
            model::Expr::Derived(d) => {
                if let Some(u) = derived.get_mut(d.index()) {
                    if !*u {
                        *u = true;
                        newly.push(d.index());
                    }
                }
            }
            _ => {}
        }
    }
}

fn texts(list: &[ast::LangText]) -> Texts {
    list.iter()
        .map(|t| {
            (
                t.lang.as_ref().map(|l| l.text.clone()).unwrap_or_default(),
                t.text.clone(),
            )
        })
        .collect()
}

/// Builds one diagnostic and adds it to the checker.
pub(crate) struct DiagBuilder<'c, 'a> {
    checker: &'c mut Checker<'a>,
    d: Option<Diagnostic>,
}

impl DiagBuilder<'_, '_> {
    pub(crate) fn label(mut self, span: Span, text: impl Into<Text>) -> Self {
        self.d = self.d.take().map(|d| d.label(span, text));
        self
    }

    pub(crate) fn fix(
        mut self,
        span: Span,
        replacement: impl Into<String>,
        message: impl Into<Text>,
    ) -> Self {
        self.d = self.d.take().map(|d| d.fix(span, replacement, message));
        self
    }

    pub(crate) fn help(mut self, help: impl Into<Text>) -> Self {
        self.d = self.d.take().map(|d| d.help(help));
        self
    }

    /// The fix of a did-you-mean: write the name meant at `span`.
    pub(crate) fn meant(self, span: Span, meant: Option<String>) -> Self {
        match meant {
            Some(m) => {
                let message = text!("diag-check-write", name = &m);
                self.fix(span, m, message)
            }

            None => self,
        }
    }

    pub(crate) fn maybe_help<T: Into<Text>>(mut self, help: Option<T>) -> Self {
        self.d = self.d.take().map(|d| d.maybe_help(help));
        self
    }

    pub(crate) fn emit(mut self) {
        if let Some(d) = self.d.take() {
            self.checker.diagnostics.push(d);
        }
    }
}

/// A type's name as editors write it (`yes/no`, `money`), as words of the
/// catalogue: [`Type::name`] in the reader's language.
pub(crate) fn type_word(ty: Type) -> Text {
    match ty {
        Type::Bool => text!("diag-type-yes-no"),
        Type::Number => text!("diag-type-number"),
        Type::Money(_) => text!("diag-type-money"),
        Type::Date => text!("diag-type-date"),
        Type::Text => text!("diag-type-text"),
        Type::OneOf(_) => text!("diag-type-one-of"),
        Type::Set(_) => text!("diag-type-some-of"),
        Type::Duration => text!("diag-type-duration"),
    }
}
