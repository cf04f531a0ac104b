//! An outcome as advice a consumer-rights advisor can read: remedies grouped
//! by category, amounts with their currency (`40,000.00 yuan`, `€40.00`), deadlines as dates, citations, and what is
//! still unknown with the question that would settle it.

use std::fmt::Write as _;

use super::i18n::{FluentValue, Words};
use crate::diagnostic::Text;
use crate::model::{Fact, Model, Texts};
use crate::outcome::{AppliedRemedy, CitationOut, Computed, Outcome, Shown, Titles};
use crate::value::{format_money, money_for_people};

/// How to render the advice text.
#[derive(Clone, Copy, Debug)]
pub struct TextOptions<'a> {
    /// The language of the words, titles, questions and labels.
    pub lang: &'a str,
    /// Show the internal names of facts and values beside their labels.
    pub verbose: bool,
    /// Wrap lines at this many columns (East Asian wide characters count
    /// two); `None`: no wrapping.
    pub width: Option<usize>,
}

/// How applying remedies' amounts and deadlines were computed (see
/// `report::explain::computations`): by remedy id, the amount's and the
/// deadline's computation, when there was an operation to show.
#[derive(Clone, Debug, Default)]
pub struct Computations {
    /// Remedy id, amount computation, deadline computation.
    pub by_remedy: Vec<(String, Option<String>, Option<String>)>,
}

/// Render an outcome. `lang` picks the language of the words and titles (a
/// title's other languages follow in brackets). Control characters in case
/// values, titles and names are made visible ([`super::visible`]); a line
/// break in a case value is shown as `\u{a}`, so that a value cannot start a
/// line.
pub fn render_outcome(outcome: &Outcome, model: &Model, case_name: &str, lang: &str) -> String {
    let options = TextOptions {
        lang,
        verbose: false,
        width: None,
    };
    render_outcome_with(outcome, model, case_name, &options)
}

/// [`render_outcome`] with the internal names shown (`verbose`) and lines
/// wrapped to a width.
pub fn render_outcome_with(
    outcome: &Outcome,
    model: &Model,
    case_name: &str,
    options: &TextOptions<'_>,
) -> String {
    render_outcome_computed(outcome, model, case_name, options, &Computations::default())
}

/// [`render_outcome_with`], showing how amounts and deadlines were computed.
pub fn render_outcome_computed(
    outcome: &Outcome,
    model: &Model,
    case_name: &str,
    options: &TextOptions<'_>,
    computations: &Computations,
) -> String {
    let words = Words::new(options.lang);
    let r = Render {
        model,
        words,
        lang: options.lang,
        verbose: options.verbose,
        computations: Some(computations),
    };
    let text = r.advice(outcome, case_name);
    let text = super::visible(&text);
    match options.width {
        Some(width) => super::i18n::wrap(&text, width),
        None => text.into_owned(),
    }
}

fn count(n: usize) -> FluentValue<'static> {
    FluentValue::from(n)
}

/// The words and names of one rendering, shared with the other renderers
/// (`explain`) so that facts and values read the same everywhere.
pub(crate) struct Render<'m> {
    model: &'m Model,
    words: Words,
    lang: &'m str,
    verbose: bool,
    /// How amounts and deadlines were computed, when known.
    computations: Option<&'m Computations>,
}

impl<'m> Render<'m> {
    /// A renderer in a language.
    pub(crate) fn new(model: &'m Model, lang: &'m str, verbose: bool) -> Render<'m> {
        Render {
            computations: None,
            model,
            words: Words::new(lang),
            lang,
            verbose,
        }
    }

    /// The rulebook it names things from.
    pub(crate) fn model(&self) -> &'m Model {
        self.model
    }

    /// The catalogue's words.
    pub(crate) fn words(&self) -> &Words {
        &self.words
    }

    pub(crate) fn say(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.words.text(id, args)
    }

    fn advice(&self, outcome: &Outcome, case_name: &str) -> String {
        let words = &self.words;
        let mut out = String::new();
        let title = pick(&outcome.rulebook.title, self.lang);
        let _ = writeln!(out, "{title}");
        let mut meta = vec![self.say("version", &[("version", outcome.rulebook.version)])];
        if !outcome.rulebook.jurisdiction.is_empty() {
            meta.push(outcome.rulebook.jurisdiction.to_string());
        }
        if let Some(e) = &outcome.rulebook.effective {
            meta.push(self.say("effective", &[("date", e)]));
        }
        let _ = writeln!(out, "{}", meta.join(" · "));
        let case_line = match &outcome.as_of {
            Some(d) => self.say("case-as-of", &[("case", case_name), ("date", d)]),
            None => self.say("case-no-as-of", &[("case", case_name)]),
        };
        let _ = writeln!(out, "{case_line}");
        for warning in self.warnings(outcome) {
            let _ = writeln!(out, "{warning}");
        }
        out.push('\n');

        let (passed, applying): (Vec<&AppliedRemedy>, Vec<&AppliedRemedy>) = outcome
            .remedies
            .iter()
            .partition(|r| r.deadline.as_ref().and_then(|d| d.expired) == Some(true));
        if applying.is_empty() {
            let _ = writeln!(out, "{}", self.say("no-remedy", &[]));
        } else {
            let n = applying.len();
            let _ = writeln!(
                out,
                "{}",
                words.get("remedies-apply", &[("count", count(n))])
            );
            self.by_category(&mut out, &applying);
        }

        if !passed.is_empty() {
            let n = passed.len();
            let heading = words.get("deadline-passed-heading", &[("count", count(n))]);
            let _ = writeln!(out, "\n{heading}");
            self.by_category(&mut out, &passed);
        }

        if !outcome.overridden.is_empty() {
            let _ = writeln!(out, "\n{}", self.say("set-aside-heading", &[]));
            for o in &outcome.overridden {
                // exceptions with a title quoted, as the titled rules are
                let by: Vec<String> =
                    o.by.iter()
                        .map(|e| match self.rule_title(e) {
                            Some(t) if self.rule_decl(e).is_some_and(|r| !r.titles.is_empty()) => {
                                self.say("quoted-title", &[("title", &t)])
                            }
                            _ => self.rule_name(e),
                        })
                        .collect();
                let by = words.list(&by);
                let rule = self.rule_name(o.rule);
                let exception_to = o.exception_to.map(|t| self.rule_name(t));
                let remedy = o.remedy.map(|id| {
                    self.model.remedies.iter().find(|r| r.id == id).map_or_else(
                        || id.to_string(),
                        |r| self.remedy_name(&Titles(&r.titles), id),
                    )
                });
                // a titled rule's wording quotes the titles
                let titled = !o.title.is_empty();
                let key = |id: &str| {
                    if titled {
                        format!("{id}-titled")
                    } else {
                        id.to_string()
                    }
                };
                let line = match (&exception_to, &remedy) {
                    (Some(target), None) => self.say(
                        &key("set-aside-exception"),
                        &[("exception", &rule), ("rule", target), ("by", &by)],
                    ),
                    (Some(target), Some(r)) => self.say(
                        &key("set-aside-exception-remedy"),
                        &[
                            ("exception", &rule),
                            ("rule", target),
                            ("remedy", r),
                            ("by", &by),
                        ],
                    ),
                    (None, Some(r)) => self.say(
                        &key("overridden-remedy"),
                        &[("rule", &rule), ("remedy", r), ("by", &by)],
                    ),
                    (None, None) => self.say(&key("overridden"), &[("rule", &rule), ("by", &by)]),
                };
                let _ = writeln!(out, "  - {line}");
            }
        }

        if !outcome.undetermined.is_empty() {
            let _ = writeln!(out, "\n{}", self.say("undetermined-heading", &[]));
            for u in &outcome.undetermined {
                let _ = writeln!(out, "  - {}", self.remedy_name(&u.title, u.id));
                if u.needs.is_empty() {
                    let _ = writeln!(out, "      {}", self.say("undetermined-no-needs", &[]));
                } else {
                    let needs: Vec<String> = u.needs.iter().map(|n| self.fact_name(n)).collect();
                    let _ = writeln!(
                        out,
                        "      {}",
                        self.say("needs", &[("facts", &words.list(&needs))])
                    );
                }
            }
        }
        self.questions(&mut out, outcome);

        if !outcome.errors.is_empty() {
            let _ = writeln!(out, "\n{}", self.say("errors-heading", &[]));
            for e in &outcome.errors {
                let message = e.message.render(self.words.lang());
                let line = self.say("error-line", &[("message", &message), ("code", &e.code)]);
                let _ = writeln!(out, "  - {line}");
            }
        }
        out
    }

    /// The as-of date before the rulebook takes effect; a cited law not in
    /// force on it.
    fn warnings(&self, outcome: &Outcome) -> Vec<String> {
        let mut out = Vec::new();
        let Some(as_of) = &outcome.as_of else {
            return out;
        };
        if let Some(effective) = &outcome.rulebook.effective
            && as_of.as_str() < effective.as_str()
        {
            out.push(self.say(
                "warning-before-effective",
                &[("date", as_of), ("effective", effective)],
            ));
        }
        let mut laws: Vec<String> = Vec::new();
        for c in outcome.remedies.iter().flat_map(|r| &r.citations) {
            if c.in_force == Some(false) {
                let law = self.law_title(c);
                if !laws.contains(&law) {
                    laws.push(law);
                }
            }
        }
        for law in laws {
            out.push(self.say(
                "warning-law-not-in-force",
                &[("law", &law), ("date", as_of)],
            ));
        }
        out
    }

    fn by_category(&self, out: &mut String, remedies: &[&AppliedRemedy]) {
        for category in categories(self.model) {
            let group: Vec<&&AppliedRemedy> =
                remedies.iter().filter(|r| r.category == category).collect();
            if group.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n  {}", self.heading(&category));
            for r in group {
                self.remedy(out, r);
            }
        }
    }

    /// A category's heading: the catalogue's word for it when the catalogue
    /// has one (`category-NAME`), else its name made readable.
    fn heading(&self, category: &str) -> String {
        let id = format!("category-{category}");
        let word = self.say(&id, &[]);
        if word == id { readable(category) } else { word }
    }

    /// The missing facts, each once, by how many remedies it would settle
    /// (undetermined ones, and applying ones whose amount, deadline or
    /// parameter is unknown; ties: declaration order), with its question:
    /// the outcome's `questions`.
    fn questions(&self, out: &mut String, outcome: &Outcome) {
        if outcome.questions.is_empty() {
            return;
        }
        let counted: Vec<(&str, usize)> = outcome
            .questions
            .iter()
            .map(|q| (q.fact, q.settles))
            .collect();
        let _ = writeln!(out, "\n{}", self.say("questions-heading", &[]));
        for (name, n) in counted {
            let label = self.fact_name(name);
            let question = self
                .fact(name)
                .and_then(|f| Model::pick(&f.questions, self.lang));
            let asked = match question {
                Some(q) if q != label => {
                    self.say("question-of", &[("label", &label), ("question", q)])
                }
                _ => label,
            };
            let line = self.words.get(
                "question-settles",
                &[("question", FluentValue::from(asked)), ("count", count(n))],
            );
            let _ = writeln!(out, "  - {line}");
        }
    }

    /// A text of the rulebook in the reader's language: the chosen one, else
    /// the first of the rulebook's languages that has one, else the first
    /// written.
    pub(crate) fn local<'t>(&self, texts: &'t [(String, String)]) -> Option<&'t str> {
        self.model.local(texts, self.lang)
    }

    /// A remedy as the reader knows it: its title in their language; in
    /// verbose output its other titles in brackets and its id in square
    /// brackets. A remedy with no title is shown by its id.
    pub(crate) fn remedy_name(&self, title: &Titles<'_>, id: &str) -> String {
        match self.local(title.0) {
            None => id.to_string(),
            Some(main) if self.verbose => {
                let others: Vec<&str> = title
                    .0
                    .iter()
                    .filter(|(_, v)| v != main)
                    .map(|(_, v)| v.as_str())
                    .collect();
                if others.is_empty() {
                    format!("{main} [{id}]")
                } else {
                    format!("{main} ({}) [{id}]", others.join(" / "))
                }
            }
            Some(main) => main.to_string(),
        }
    }

    /// The model rule (or exception) of a name: the first, for the copies of
    /// an exception to several rules, which share their name and titles.
    pub(crate) fn rule_decl(&self, name: &str) -> Option<&'m crate::model::Rule> {
        self.model.rules.iter().find(|r| r.name == name)
    }

    /// A rule or exception by its title in the reader's language (with its
    /// name in verbose output); `None` for one without a title, unless
    /// verbose, which shows its name.
    pub(crate) fn rule_title(&self, name: &str) -> Option<String> {
        let title = self
            .rule_decl(name)
            .and_then(|r| self.local(&r.titles))
            .map(str::to_string);
        match title {
            Some(t) => Some(self.named(Some(t), name)),
            None if self.verbose => Some(name.to_string()),
            None => None,
        }
    }

    /// A rule or exception by its title, else (it has none) by its name:
    /// for the lines that must name it.
    pub(crate) fn rule_name(&self, name: &str) -> String {
        self.rule_title(name).unwrap_or_else(|| name.to_string())
    }

    /// The "because" line of a rule that gave a remedy: by the rule's title
    /// and the facts it read; a rule without a title by its facts alone
    /// (its name in verbose output). `under`: for a copy of an exception to
    /// several rules, the rule it is under.
    pub(crate) fn because(&self, rule: &str, under: Option<&str>, facts: &str) -> String {
        let titled = self.rule_decl(rule).is_some_and(|r| !r.titles.is_empty());
        match self.rule_title(rule) {
            Some(t) => {
                // a title as the language names one in running text (Chinese
                // quotes it, so it reads apart from the facts after it)
                let t = match self.rule_decl(rule).and_then(|r| self.local(&r.titles)) {
                    Some(title) if titled => {
                        self.named(Some(self.say("because-title", &[("title", title)])), rule)
                    }
                    _ => t,
                };
                let t = match under.and_then(|u| self.rule_title(u)) {
                    Some(u) => self.say("rule-under", &[("rule", &t), ("under", &u)]),
                    None => t,
                };
                let (plain, with_facts) = if titled {
                    ("because-titled", "because-titled-facts")
                } else {
                    ("because", "because-facts")
                };
                if facts.is_empty() {
                    self.say(plain, &[("rule", &t)])
                } else {
                    self.say(with_facts, &[("rule", &t), ("facts", facts)])
                }
            }
            None if facts.is_empty() => self.say("because-untitled", &[]),
            None => self.say("because-untitled-facts", &[("facts", facts)]),
        }
    }

    /// Exceptions by their titles; those without a title counted ("and 2
    /// other exceptions"), by name in verbose output. `None` for none.
    pub(crate) fn exceptions(&self, names: &[&str]) -> Option<String> {
        if names.is_empty() {
            return None;
        }
        let titled: Vec<String> = names.iter().filter_map(|e| self.rule_title(e)).collect();
        let others = names.len() - titled.len();
        Some(match (titled.is_empty(), others) {
            (_, 0) => self.words.list(&titled),
            (true, n) => self.words.get("exceptions-counted", &[("count", count(n))]),
            (false, n) => self.words.get(
                "exceptions-and-others",
                &[
                    ("exceptions", FluentValue::from(self.words.list(&titled))),
                    ("count", count(n)),
                ],
            ),
        })
    }

    /// A remedy's parameter as the reader knows it: its label, else the label
    /// of the fact its value was bound from (by the first rule that gave the
    /// remedy binding it to a fact), else its name; with its name beside it
    /// in verbose output.
    fn param_name(&self, r: &AppliedRemedy, k: usize, name: &str) -> String {
        let own = self
            .model
            .remedies
            .iter()
            .find(|m| m.id == r.id)
            .and_then(|m| m.param_labels.get(k))
            .and_then(|labels| self.local(labels))
            .map(str::to_string);
        let bound = || {
            r.because.iter().find_map(|b| {
                let arg = self.rule_decl(b.rule)?.conclusion.as_ref()?.args.get(k)?;
                let crate::model::Expr::Fact(id) = arg else {
                    return None;
                };
                let fact = self.model.facts.get(id.index())?;
                // a label, not a question: a parameter is named, not asked
                self.local(&fact.labels).map(str::to_string)
            })
        };
        self.named(own.or_else(bound), name)
    }

    pub(crate) fn fact(&self, name: &str) -> Option<&Fact> {
        self.model.facts.iter().find(|f| f.name == name)
    }

    /// A fact as the reader knows it: its label in the chosen language, else
    /// its question, else a label or question written without a language,
    /// else one in another language, else its name; with the name beside it
    /// in verbose output.
    pub(crate) fn fact_name(&self, name: &str) -> String {
        self.named(self.fact_label(name), name)
    }

    /// A fact's (or derived fact's) label as [`Render::fact_name`] finds it,
    /// without the name; `None` when it has none.
    pub(crate) fn fact_label(&self, name: &str) -> Option<String> {
        let exact =
            |t: &Texts, lang: &str| t.iter().find(|(l, _)| l == lang).map(|(_, s)| s.clone());
        match self.fact(name) {
            Some(f) => exact(&f.labels, self.lang)
                .or_else(|| exact(&f.questions, self.lang))
                .or_else(|| exact(&f.labels, ""))
                .or_else(|| exact(&f.questions, ""))
                .or_else(|| Model::pick(&f.labels, self.lang).map(str::to_string))
                .or_else(|| Model::pick(&f.questions, self.lang).map(str::to_string)),
            None => self
                .model
                .derived
                .iter()
                .find(|d| d.name == name)
                .and_then(|d| Model::pick(&d.labels, self.lang).map(str::to_string)),
        }
    }

    fn named(&self, label: Option<String>, name: &str) -> String {
        match label {
            Some(l) if l != name && self.verbose => {
                self.say("named", &[("label", &l), ("name", name)])
            }
            Some(l) => l,
            None => name.to_string(),
        }
    }

    /// A value as the reader knows it: yes/no in their words, one-of values
    /// by their labels, money with its currency.
    pub(crate) fn value(&self, v: &Shown, fact: Option<&Fact>) -> String {
        let value_label = |name: &str| {
            let label = fact
                .and_then(|f| f.value_label(name, self.lang))
                .map(str::to_string);
            self.named(label, name)
        };
        match v {
            Shown::Bool(true) => self.say("yes", &[]),
            Shown::Bool(false) => self.say("no", &[]),
            Shown::Money(m, c) => money_for_people(&grouped(&format_money(*m)), *c, self.lang),
            Shown::Text(t) if fact.is_some_and(|f| !f.value_labels.is_empty()) => {
                super::visible_inline(&value_label(t)).into_owned()
            }
            Shown::Set(names) if names.is_empty() => self.say("none", &[]),
            Shown::Set(names) => {
                let labels: Vec<String> = names.iter().map(|n| value_label(n)).collect();
                super::visible_inline(&self.words.list(&labels)).into_owned()
            }
            other => shown(other),
        }
    }

    fn remedy(&self, out: &mut String, r: &AppliedRemedy) {
        let _ = writeln!(out, "  - {}", self.remedy_name(&r.title, r.id));
        for (k, (name, value)) in r.params.0.iter().enumerate() {
            let label = self.param_name(r, k, name);
            let value = self.computed(value);
            let line = self.say("param-value", &[("param", &label), ("value", &value)]);
            let _ = writeln!(out, "      {line}");
        }
        let computed = self
            .computations
            .and_then(|c| c.by_remedy.iter().find(|(id, _, _)| id == r.id));
        if let Some(a) = &r.amount {
            // a ceiling: the court sets the figure at or below it; with how it
            // was computed when there is an operation to show
            let amount = match (computed.and_then(|(_, a, _)| a.as_ref()), &a.value) {
                (Some(steps), Some(_)) => steps.clone(),
                _ => self.computed(a),
            };
            let line = match (a.up_to, &a.value) {
                (true, Some(_)) => self.say("amount-up-to", &[("amount", &amount)]),
                (true, None) => self.say("amount-ceiling", &[("amount", &amount)]),
                (false, _) => self.say("amount", &[("amount", &amount)]),
            };
            let _ = writeln!(out, "      {line}");
        }
        if let Some(d) = &r.deadline {
            let steps = computed.and_then(|(_, _, d)| d.as_ref());
            let date = d.date.as_ref().map(|date| steps.unwrap_or(date));
            let text = match (date, d.expired) {
                (Some(date), Some(true)) => self.say("deadline-passed", &[("date", date)]),
                (Some(date), Some(false)) => self.say("deadline-open", &[("date", date)]),
                (Some(date), None) => date.clone(),
                (None, _) => self.unknown(&d.needs, d.error.as_ref()),
            };
            let _ = writeln!(
                out,
                "      {}",
                self.say("deadline", &[("deadline", &text)])
            );
        }
        for c in self.citations(&r.citations) {
            let _ = writeln!(out, "      {}", self.say("source", &[("citation", &c)]));
        }
        for b in &r.because {
            let facts: Vec<String> = b
                .facts
                .0
                .iter()
                .map(|(k, v)| {
                    let fact = self.fact(k);
                    self.say(
                        "fact-value",
                        &[
                            ("fact", &self.fact_name(k)),
                            ("value", &self.value(v, fact)),
                        ],
                    )
                })
                .collect();
            let facts = facts.join(&self.say("fact-separator", &[]));
            let line = self.because(b.rule, b.under, &facts);
            let _ = writeln!(out, "      {line}");
            if let Some(list) = self.exceptions(&b.exceptions_ruled_out) {
                let _ = writeln!(
                    out,
                    "      {}",
                    self.say("exceptions-ruled-out", &[("exceptions", &list)])
                );
            }
        }
    }

    pub(crate) fn computed(&self, c: &Computed) -> String {
        match &c.value {
            Some(v) => match c.currency.and_then(crate::value::Currency::active) {
                Some(currency) => money_for_people(&grouped(&shown(v)), currency, self.lang),
                None => self.value(v, None),
            },
            None => self.unknown(&c.needs, c.error.as_ref()),
        }
    }

    /// An amount, deadline or parameter that could not be computed: what
    /// failed, or the facts it needs.
    fn unknown(&self, needs: &[&str], error: Option<&Text>) -> String {
        match error {
            Some(e) => self.say(
                "unknown-because",
                &[("error", &e.render(self.words.lang()))],
            ),
            None if needs.is_empty() => self.say("unknown-failed", &[]),
            None => {
                let needs: Vec<String> = needs.iter().map(|n| self.fact_name(n)).collect();
                self.say("unknown-needs", &[("facts", &self.words.list(&needs))])
            }
        }
    }

    fn law_title(&self, c: &CitationOut) -> String {
        let title = match (&c.title, c.law) {
            (Some(t), _) => pick(t, self.lang),
            (None, Some(l)) => l.to_string(),
            (None, None) => String::new(),
        };
        // a title within a title: 《…〈…〉…》
        let title = if self.words.lang() == "zh" {
            title.replace('《', "〈").replace('》', "〉")
        } else {
            title
        };
        self.say("law-title", &[("law", &title)])
    }

    /// The citations of a remedy, one line per law with its articles, in the
    /// order first cited; a citation in free text on a line of its own.
    fn citations(&self, citations: &[CitationOut]) -> Vec<String> {
        struct Group<'c> {
            law: Option<&'c str>,
            first: &'c CitationOut<'c>,
            articles: Vec<&'c str>,
            texts: Vec<&'c str>,
            not_in_force: bool,
        }
        let mut groups: Vec<Group<'_>> = Vec::new();
        for c in citations {
            let found = match c.law {
                Some(law) => groups.iter_mut().find(|g| g.law == Some(law)),
                None => None,
            };
            let group = match found {
                Some(g) => g,
                None => {
                    groups.push(Group {
                        law: c.law,
                        first: c,
                        articles: Vec::new(),
                        texts: Vec::new(),
                        not_in_force: false,
                    });
                    match groups.last_mut() {
                        Some(g) => g,
                        None => continue,
                    }
                }
            };
            if let Some(a) = c.article
                && !group.articles.contains(&a)
            {
                group.articles.push(a);
            }
            if let Some(t) = c.texts.as_ref().and_then(|t| t.get(self.lang)).or(c.text) {
                group.texts.push(t);
            }
            group.not_in_force |= c.in_force == Some(false);
        }
        groups
            .iter()
            .map(|g| {
                let mut line = if g.law.is_some() || g.first.title.is_some() {
                    let law = self.law_title(g.first);
                    let numbered: Vec<String> = g
                        .articles
                        .iter()
                        .filter(|a| a.starts_with(|c: char| c.is_ascii_digit()))
                        .map(|a| self.say("article", &[("article", a)]))
                        .collect();
                    let mut parts: Vec<String> = Vec::new();
                    if !numbered.is_empty() {
                        let list = FluentValue::from(self.words.list(&numbered));
                        parts.push(self.words.get(
                            "articles",
                            &[("count", count(numbered.len())), ("articles", list)],
                        ));
                    }
                    parts.extend(
                        g.articles
                            .iter()
                            .filter(|a| !a.starts_with(|c: char| c.is_ascii_digit()))
                            .map(|a| (*a).to_string()),
                    );
                    parts.extend(g.texts.iter().map(|t| (*t).to_string()));
                    if parts.is_empty() {
                        law
                    } else {
                        let parts = self.words.list(&parts);
                        self.say("law-articles", &[("law", &law), ("articles", &parts)])
                    }
                } else {
                    self.words.list(&g.texts)
                };
                if g.not_in_force {
                    line = self.say("citation-not-in-force", &[("citation", &line)]);
                }
                line
            })
            .collect()
    }
}

/// A category id made readable: `consumer_association` → `Consumer association`.
fn readable(category: &str) -> String {
    let mut chars = category.chars();
    let head: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{head}{}", chars.as_str().replace('_', " "))
}

pub(crate) fn shown(v: &Shown) -> String {
    match v {
        Shown::Text(t) => super::visible_inline(t).into_owned(),
        Shown::Set(_) => super::visible_inline(&v.to_string()).into_owned(),
        other => other.to_string(),
    }
}

/// `40000.00` → `40,000.00`.
pub(crate) fn grouped(amount: &str) -> String {
    let (sign, rest) = amount.strip_prefix('-').map_or(("", amount), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// Categories in the order the catalogue first uses them.
fn categories(model: &Model) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in &model.remedies {
        if !out.contains(&r.category) {
            out.push(r.category.clone());
        }
    }
    out
}

pub(crate) fn pick(t: &Titles, lang: &str) -> String {
    t.get(lang)
        .or_else(|| t.0.first().map(|(_, v)| v.as_str()))
        .unwrap_or_default()
        .to_string()
}
