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
use crate::diagnostic::{Code, Diagnostic, Text, suggestion};
use crate::limits::Limits;
use crate::model::{self, Citation, DerivedId, FactId, LawId, Model, RemedyId, RuleId, Texts};
use crate::source::{SourceFile, Span};
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
            self.error(Code::Header, "the rulebook has no `rulebook` header")
                .label(Span::new(0, 0), "expected `rulebook` here")
                .help("start the file with `rulebook`, then `title`, `jurisdiction`, `version` and `effective`")
                .emit();
            return;
        };
        for extra in headers.iter().skip(1) {
            self.error(Code::Header, "the rulebook has a second `rulebook` header")
                .label(extra.span, "second header")
                .label(h.span, "first header here")
                .help("merge the two headers into one")
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
            let list = missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.error(Code::Header, format!("the rulebook header lacks {list}"))
                .label(h.span, "this header")
                .help("a header names the rulebook's title, jurisdiction, version and the date it takes effect, e.g. `effective 2024-07-01`")
                .emit();
        }
        self.duplicate_texts(&h.titles, "title");
        self.duplicate_texts(&h.jurisdiction, "jurisdiction");
        self.duplicate_texts(&h.version, "version");
        if let [first, second, ..] = h.effective.as_slice() {
            let (a, b) = (first.span, second.span);
            self.error(
                Code::DuplicateAttribute,
                "the header gives `effective` twice",
            )
            .label(b, "second date")
            .label(a, "first given here")
            .help("keep one date")
            .emit();
        }
        let mut langs: Vec<String> = Vec::new();
        for l in &h.languages {
            if langs.contains(&l.text) {
                self.error(
                    Code::DuplicateAttribute,
                    format!("language `{}` is listed twice", l.text),
                )
                .label(l.span, "listed again")
                .help("list each language once")
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
            self.error(
                Code::DuplicateAttribute,
                "the header gives `currency` twice",
            )
            .label(b, "second currency")
            .label(a, "first given here")
            .help("a rulebook has one currency; declare a fact in another one as `money EUR`")
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
            self.error(
                Code::DuplicateAttribute,
                "the header gives `calendar` twice",
            )
            .label(b, "second calendar")
            .label(a, "first given here")
            .help("keep one calendar")
            .emit();
        }
        let name = names.first()?;
        let found = Calendar::from_name(&name.text);
        if found.is_none() {
            let list = Calendar::ALL
                .iter()
                .map(|c| format!("`{}`", c.name()))
                .collect::<Vec<_>>()
                .join(", ");
            let meant =
                crate::diagnostic::did_you_mean(&name.text, Calendar::ALL.iter().map(|c| c.name()));
            let help = match &meant {
                Some(m) => format!("did you mean `{m}`? The calendars are {list}."),
                None => format!("the calendars are {list}"),
            };
            let mut d = self
                .error(
                    Code::UnknownCalendar,
                    format!("there is no calendar `{}`", name.text),
                )
                .label(name.span, "not a known calendar")
                .help(help);
            if let Some(m) = meant {
                d = d.fix(name.span, m.to_string(), format!("write `{m}`"));
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
                let in_lang = lang.map(|l| format!(" in `{l}`")).unwrap_or_default();
                let first_span = first.span;
                self.error(
                    Code::DuplicateAttribute,
                    format!("`{what}`{in_lang} is given twice"),
                )
                .label(t.span, "given again")
                .label(first_span, "first given here")
                .help(format!("keep one `{what}`{in_lang}"))
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
                    let declared = self.model.header.languages.join(", ");
                    self.warning(
                        Code::UnknownLanguage,
                        format!("language `{}` is not listed in the header", l.text),
                    )
                    .label(l.span, "not a rulebook language")
                    .help(format!(
                        "the header lists: {declared}; add it to `languages` or fix the code"
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
                        "this fact has no values to label",
                        "only a fact of type `one of …` or `some of …` has values to label"
                            .to_string(),
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
                        .map(|c| format!("did you mean `{c}`?"))
                        .unwrap_or_else(|| format!("the values are: {}", values.join(", ")));
                    ("not a value of this fact", help, meant)
                };
                self.error(
                    Code::UndefinedValue,
                    format!(
                        "`{}` is not one of the values of `{}`",
                        v.value.text, f.name.text
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
                    if self.duplicate(&mut value_spans, &f.name, "fact") {
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
                    if self.duplicate(&mut value_spans, &d.name, "derived fact") {
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
                    if self.duplicate(&mut remedy_spans, &r.name, "remedy") {
                        continue;
                    }
                    self.remedies
                        .insert(r.name.text.clone(), RemedyId(id32(self.remedy_decls.len())));
                    self.remedy_decls.push(r);
                    self.remedy_items.push(at);
                }
                ast::Item::Rule(r) => {
                    let what = if r.exception_to.is_some() {
                        "exception"
                    } else {
                        "rule"
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
                    self.error(Code::DuplicateAttribute, "the header gives `as of` twice")
                        .label(name.span, "second `as of`")
                        .help("keep one `as of` fact")
                        .emit();
                    continue;
                }
                match self.values.get(&name.text).copied() {
                    Some(ValueName::Fact(f)) => {
                        let ty = self.model.facts.get(f.index()).map(|f| f.ty);
                        if ty != Some(Type::Date) {
                            let found = ty.map_or("?", Type::name);
                            self.error(
                                Code::TypeMismatch,
                                format!("the `as of` fact `{}` is {found}, not a date", name.text),
                            )
                            .label(name.span, format!("this is {found}"))
                            .help("name a fact declared with type `date`")
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
                        let help = meant.as_deref().map(|c| format!("did you mean `{c}`?"));
                        self.error(
                            Code::UndefinedFact,
                            format!("the `as of` fact `{}` is not declared", name.text),
                        )
                        .label(name.span, "no such fact")
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
                format!("`{}` mixes Latin letters with the look-alike letter `{c}` (U+{:04X})", name.text, c as u32),
            )
            .label(name.span, "mixed scripts")
            .help("retype the name in one script; look-alike letters make two names that read the same but differ")
            .emit();
        }
    }

    /// Report a second declaration of one name; true when it is one.
    fn duplicate(
        &mut self,
        seen: &mut HashMap<String, Span>,
        name: &ast::Ident,
        what: &str,
    ) -> bool {
        self.confusable(name);
        if let Some(first) = seen.get(&name.text).copied() {
            self.error(
                Code::DuplicateName,
                format!("`{}` is declared twice", name.text),
            )
            .label(name.span, format!("second {what} named `{}`", name.text))
            .label(first, "first declared here")
            .help("rename one of them, or remove the repeat")
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
                    format!("the value `{}` is listed twice", v.text),
                )
                .label(v.span, "listed again")
                .help("list each value once")
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
                    ValueName::Fact(id) => ("fact", self.fact_spans.get(id.index()).copied()),
                    ValueName::Derived(id) => (
                        "derived fact",
                        self.defines.get(id.index()).map(|d| d.name.span),
                    ),
                };
                let mut d = self
                    .warning(
                        Code::NameClash,
                        format!(
                            "`{}` is both a value of `{}` and a {what}",
                            v.text, f.name.text
                        ),
                    )
                    .label(v.span, format!("a value of `{}`", f.name.text));
                if let Some(at) = at {
                    d = d.label(at, format!("the {what} `{}`", v.text));
                }
                d.help(format!(
                    "after {after}, `{}` means the value; anywhere else it means the {what}; rename one of them so that a reader can tell them apart",
                    v.text
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
                format!(
                    "`{}` is not a currency code as written: ISO 4217 codes are capital letters",
                    code.text
                ),
            )
            .label(code.span, format!("write `{upper}`"))
            .help(format!("write the code in capitals: `{upper}`"))
            .fix(code.span, upper.clone(), format!("write `{upper}`"))
            .emit();
            return Some(c);
        }
        let help = suggestion(&upper, ACTIVE_CURRENCIES.iter().copied()).unwrap_or_else(|| {
            "write the ISO 4217 code of the currency, such as `CNY`, `EUR` or `USD`".into()
        });
        self.error(
            Code::UnknownCurrency,
            format!("`{}` is not an active ISO 4217 currency code", code.text),
        )
        .label(code.span, "not a currency code")
        .help(help)
        .emit();
        None
    }

    /// A help text's example amount (`500 yuan`) in the rulebook's currency
    /// (`500 EUR`), so that help shows amounts as this rulebook writes them.
    pub(crate) fn in_currency(&self, help: &str) -> String {
        let c = self.model.header.currency;
        if c == Currency::CNY {
            help.to_string()
        } else {
            help.replace("500 yuan", &format!("500 {c}"))
        }
    }

    /// The name of a type for messages, with the values of a one-of, and
    /// the currency of money in another currency than the rulebook's.
    pub(crate) fn type_name(&self, ty: Type) -> String {
        match ty {
            Type::Money(c) if c != self.model.header.currency => format!("money in {c}"),
            Type::OneOf(id) => {
                let values = self.model.one_of_values(id).to_vec();
                let shown: Vec<String> = values.iter().take(4).cloned().collect();
                let more = if values.len() > 4 { ", …" } else { "" };
                format!("one of {}{more}", shown.join(", "))
            }
            Type::Set(id) => {
                let values = self.model.one_of_values(id);
                let shown: Vec<&str> = values.iter().take(4).map(String::as_str).collect();
                let more = if values.len() > 4 { ", …" } else { "" };
                format!("some of {}{more}", shown.join(", "))
            }
            other => other.name().to_string(),
        }
    }

    // ------------------------------------------------------------------ laws

    fn laws(&mut self) {
        let mut seen: HashMap<String, Span> = HashMap::new();
        for item in &self.ast.items {
            let ast::Item::Law(l) = item else { continue };
            if self.duplicate(&mut seen, &l.name, "law") {
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
            self.error(Code::DuplicateAttribute, "`in force` is given twice")
                .label(extra.span, "second period")
                .help("give one period: `in force from … until …`")
                .emit();
        }
        let p = list.first()?;
        if let (Some(from), Some(until)) = (p.from, p.until) {
            if from.date > until.date {
                self.error(
                    Code::InvalidPeriod,
                    format!(
                        "the period starts on {} after it ends on {}",
                        from.date, until.date
                    ),
                )
                .label(p.span, "this period is empty")
                .help("`from` is the first day in force and `until` the last; swap them")
                .emit();
            }
        }
        Some((p.from.map(|d| d.date), p.until.map(|d| d.date)))
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
                            .map(|c| format!("did you mean `{c}`?"))
                            .unwrap_or_else(|| {
                                format!("declare it: `law {}` with its titles", name.text)
                            });
                        self.error(
                            Code::UndefinedLaw,
                            format!("the law `{}` is not declared", name.text),
                        )
                        .label(name.span, "no such law")
                        .help(help)
                        .meant(name.span, meant)
                        .emit();
                        None
                    }
                },
                None => None,
            };
            out.push(Citation {
                law,
                article: c.article.clone(),
                text: c.text.clone(),
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
                        format!("`{}` is a bare duration", define.name.text),
                    )
                    .label(define.expr.span, "a duration on its own")
                    .help("add the duration to a date: `goods.received_date + 7 days`")
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
            format!("this expression is {depth} operations deep, counting the derived facts it uses; the limit is {}", self.limits.depth),
        )
        .label(span, "too deep")
        .help("define fewer levels of derived facts, or flatten the expression")
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
                format!("derived facts depend on themselves: {}", names.join(" → ")),
            )
            .label(
                first.name.span,
                format!("`{}` starts the cycle", first.name.text),
            );
        for d in cycle.iter().skip(1) {
            if let Some(def) = b.checker.defines.get(d.index()).copied() {
                b = b.label(def.name.span, format!("`{}` is part of it", def.name.text));
            }
        }
        b.help("a derived fact must be defined from facts or from other derived facts, never from itself")
            .emit();
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
                    format!("the remedy `{}` has no title", r.name.text),
                )
                .label(r.name.span, "no `title`")
                .help(
                    "give it a title in each rulebook language: `title zh \"…\"`, `title en \"…\"`",
                )
                .emit();
            }
            for extra in r.category.iter().skip(1) {
                self.error(
                    Code::DuplicateAttribute,
                    format!("the remedy `{}` has two categories", r.name.text),
                )
                .label(extra.span, "second category")
                .help("give one category")
                .emit();
            }
            let mut params: Vec<(String, Type)> = Vec::new();
            let mut param_labels: Vec<Texts> = Vec::new();
            for p in &r.params {
                if params.iter().any(|(n, _)| *n == p.name.text) {
                    self.error(
                        Code::DuplicateName,
                        format!("the parameter `{}` is declared twice", p.name.text),
                    )
                    .label(p.name.span, "declared again")
                    .help("rename or remove one")
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
                    format!("the remedy `{}` cites no source", r.name.text),
                )
                .label(r.name.span, "no `cite`")
                .help("name the law and article it rests on: `cite crpl article 25`")
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
            self.error(Code::DuplicateAttribute, format!("`{what}` is given twice"))
                .label(extra.span, format!("second `{what}`"))
                .help(format!("keep one `{what}`"))
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
            let want = allowed
                .iter()
                .map(|t| t.name())
                .collect::<Vec<_>>()
                .join(" or ");
            let found = self.type_name(ty);
            let help = self.in_currency(if what == "deadline" {
                "a deadline is a date, e.g. `goods.received_date + 7 days`"
            } else {
                "an amount is money, e.g. `max(3 * purchase.price, 500 yuan)`"
            });
            self.error(
                Code::TypeMismatch,
                format!("the {what} must be {want}, but this is {found}"),
            )
            .label(e.span, format!("this is {found}"))
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
                        .map(|c| format!("did you mean `{c}`?"))
                        .unwrap_or_else(|| {
                            "an exception must name the rule it makes an exception to".to_string()
                        });
                    self.error(
                        Code::UndefinedRule,
                        format!(
                            "`{}` is an exception to `{}`, which is not a rule",
                            r.name.text, target.text
                        ),
                    )
                    .label(target.span, "no such rule")
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
                    format!(
                        "`{}` is in force only for a period, but the rulebook has no `as of` date",
                        r.name.text
                    ),
                )
                .label(p.span, "this period")
                .help("declare a date fact and name it in the header: `as of dispute.date`")
                .emit();
            }
            if r.cites.is_empty() {
                let what = if r.exception_to.is_some() {
                    "exception"
                } else {
                    "rule"
                };
                self.warning(
                    Code::MissingCitation,
                    format!("the {what} `{}` cites no source", r.name.text),
                )
                .label(r.name.span, "no `cite`")
                .help("name the law and article it rests on: `cite crpl article 25`")
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
            let help = self.in_currency(
                "compare it with something: `purchase.price > 500 yuan`, `goods.category is food`",
            );
            self.error(
                Code::TypeMismatch,
                format!("a condition must be yes/no, but this is {found}"),
            )
            .label(e.span, format!("this is {found}"))
            .help(if let Type::Set(_) = ty {
                "test its values with `includes`: `problem.kinds includes fraud`".to_string()
            } else {
                help
            })
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
                format!("exceptions form a loop: {}", names.join(" → ")),
            )
            .label(
                span,
                "this exception is, in the end, an exception to itself",
            )
            .help("an exception must lead back to a general rule")
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
                    format!("exceptions to exceptions are chained more than {limit} deep"),
                )
                .label(span, "this exception is too far from its general rule")
                .help("statutes rarely need more than a few levels; restructure the rules")
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
                self.warning(Code::UnusedFact, format!("the fact `{name}` is never used"))
                    .label(span, "declared here, used by no rule")
                    .help("use it in a condition, or remove it")
                    .emit();
            }
        }
        let defines = self.defines.clone();
        for (i, used) in used_derived.iter().enumerate() {
            if let (false, Some(d)) = (used, defines.get(i)) {
                self.warning(
                    Code::UnusedFact,
                    format!("the derived fact `{}` is never used", d.name.text),
                )
                .label(d.name.span, "defined here, used by no rule")
                .help("use it in a condition, or remove it")
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
                    format!("no rule produces the remedy `{}`", r.name.text),
                )
                .label(r.name.span, "in the catalogue, but never concluded")
                .help("write a rule that ends in this remedy, or remove it")
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
                let message = format!("write `{m}`");
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
