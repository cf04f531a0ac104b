//! A diff report as text, Markdown (a pull-request comment) or JSON.

use std::fmt::Write as _;

use fluent_bundle::FluentValue;
use serde_json::{Value as Json, json};

use super::behaviour::{Found, Grant, HeldValue, RemedyChange, Status};
use super::show::Said;
use super::{Change, ItemChange, ItemKind, Report};
use crate::diagnostic::Text;
use crate::i18n::Words;
use crate::outcome::Shown;
use crate::report::text::Render;

/// How to render a [`Report`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text for a terminal.
    Text,
    /// Markdown, ready to paste as a pull-request comment.
    Markdown,
    /// JSON for tools.
    Json,
}

pub(super) fn render(report: &Report, format: Format, old: &str, new: &str, lang: &str) -> String {
    match format {
        // for a terminal: control characters in case values made visible
        Format::Text => {
            crate::report::visible(&text(&Say::new(report, lang, false), old, new)).into_owned()
        }
        Format::Markdown => {
            crate::report::visible(&markdown(&Say::new(report, lang, true), old, new)).into_owned()
        }
        Format::Json => {
            let mut s =
                serde_json::to_string_pretty(&to_json(report, old, new)).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

fn count(n: usize) -> FluentValue<'static> {
    FluentValue::from(n)
}

/// The report's words in one language: the catalogue's section `## diff`,
/// names by their titles and labels in that language (from the new version,
/// else the old), values as the advice shows them.
struct Say<'r> {
    report: &'r Report,
    words: Words,
    /// The advice's renderers of each version, for names and values.
    new: Render<'r>,
    old: Render<'r>,
    /// Markdown: ids in backticks.
    markdown: bool,
}

impl<'r> Say<'r> {
    fn new(report: &'r Report, lang: &str, markdown: bool) -> Say<'r> {
        let words = Words::new(lang);
        let [old, new] = &*report.models;
        Say {
            report,
            new: Render::new(new, words.lang(), false),
            old: Render::new(old, words.lang(), false),
            words,
            markdown,
        }
    }

    fn get(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.words.get(id, args)
    }

    fn say(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.words.text(id, args)
    }

    fn text(&self, t: &Text) -> String {
        t.render(self.words.lang())
    }

    fn list(&self, items: &[String]) -> String {
        self.words.list(items)
    }

    /// An id as a maintainer finds it in the rulebook (in backticks in
    /// Markdown).
    fn id(&self, id: &str) -> String {
        if self.markdown {
            code(id)
        } else {
            id.to_string()
        }
    }

    /// Rulebook text as written (an expression, a name): as code in
    /// Markdown; in text, as the language quotes it (Chinese in backticks,
    /// English bare).
    fn written(&self, s: &str) -> String {
        if self.markdown {
            code(&cell(s))
        } else {
            self.say("diff-written", &[("text", s)])
        }
    }

    /// What an aspect or a summary holds, in the language: the rulebook's
    /// text as written, the framing words from the catalogue.
    fn said(&self, s: &Said) -> String {
        let date = |d: &jiff::civil::Date| self.new.value(&Shown::Date(*d), None);
        let written =
            |items: &[String]| -> Vec<String> { items.iter().map(|t| self.written(t)).collect() };
        match s {
            Said::Nothing => self.say("none", &[]),
            Said::Written(t) => self.written(t),
            Said::Fact(name) => self.fact(name),
            Said::Type(t) => self.text(t),
            Said::Period(None, None) => self.say("diff-always", &[]),
            Said::Period(Some(from), None) => {
                self.say("diff-in-force-from", &[("from", &date(from))])
            }
            Said::Period(None, Some(until)) => {
                self.say("diff-in-force-until", &[("until", &date(until))])
            }
            Said::Period(Some(from), Some(until)) => self.say(
                "diff-in-force-from-until",
                &[("from", &date(from)), ("until", &date(until))],
            ),
            Said::UpTo(e) => self.say("diff-up-to", &[("amount", &self.written(e))]),
            Said::Date(d) => date(d),
            Said::Citations(cites) => {
                let shown: Vec<String> = cites
                    .iter()
                    .map(|c| {
                        let mut parts = Vec::new();
                        if let Some(law) = &c.law {
                            parts.push(self.written(law));
                        }
                        if let Some(a) = &c.article {
                            parts.push(self.say("diff-article", &[("article", a)]));
                        }
                        parts.extend(written(&c.texts));
                        parts.join(" ")
                    })
                    .collect();
                shown.join(&self.say("diff-semicolon", &[]))
            }
            Said::Texts(texts) => written(texts).join(&self.say("diff-semicolon", &[])),
            Said::ValueLabels(values) => {
                let shown: Vec<String> = values
                    .iter()
                    .map(|(value, texts)| {
                        self.say(
                            "diff-value-labels",
                            &[
                                ("value", &self.written(value)),
                                (
                                    "labels",
                                    &written(texts).join(&self.say("diff-semicolon", &[])),
                                ),
                            ],
                        )
                    })
                    .collect();
                shown.join(if self.markdown { " \\| " } else { " | " })
            }
            Said::Params(params) => {
                let shown: Vec<String> = params
                    .iter()
                    .map(|(name, ty)| {
                        self.say(
                            "diff-param-type",
                            &[("name", &self.written(name)), ("type", &self.text(ty))],
                        )
                    })
                    .collect();
                self.list(&shown)
            }
            Said::Names(names) => self.list(&written(names)),
            Said::Version(v) => self.say("diff-summary-version", &[("version", &self.written(v))]),
            Said::Declared(name, ty) => self.say(
                "diff-summary-fact",
                &[("name", &self.written(name)), ("type", &self.text(ty))],
            ),
            Said::Remedy(id, titles) => {
                let titles = if titles.is_empty() {
                    self.say("none", &[])
                } else {
                    written(titles).join(&self.say("diff-semicolon", &[]))
                };
                self.say(
                    "diff-summary-remedy",
                    &[("id", &self.written(id)), ("titles", &titles)],
                )
            }
        }
    }

    /// What `find` gives in the new version, else in the old (an item
    /// removed is named as the old version named it).
    fn newer<T>(&self, find: impl Fn(&Render<'r>) -> Option<T>) -> Option<T> {
        find(&self.new).or_else(|| find(&self.old))
    }

    /// A name with its title beside its id: `Quick refund (quick_refund)`;
    /// the id alone when there is no title.
    fn titled(&self, title: Option<&str>, id: &str) -> String {
        match title {
            Some(t) if t != id => self.say("diff-titled", &[("title", t), ("id", &self.id(id))]),
            _ => self.id(id),
        }
    }

    fn remedy(&self, id: &str) -> String {
        let title = |r: &Render<'r>| {
            let m = r.model();
            m.remedies
                .iter()
                .find(|x| x.id == id)
                .and_then(|x| m.local(&x.titles, self.words.lang()))
        };
        self.titled(self.newer(title), id)
    }

    fn rule(&self, name: &str) -> String {
        let title = |r: &Render<'r>| {
            r.rule_decl(name)
                .and_then(|x| r.model().local(&x.titles, self.words.lang()))
        };
        self.titled(self.newer(title), name)
    }

    /// A fact by its label, its name beside it in backticks in every
    /// format (as the search's lines have always named facts).
    fn fact(&self, name: &str) -> String {
        let label = self.newer(|r| r.fact_label(name));
        let id = code(name);
        match label {
            Some(l) if l != name => self.say("diff-titled", &[("title", &l), ("id", &id)]),
            _ => id,
        }
    }

    /// An item of the rulebook by its kind: `rule Quick refund (quick)`.
    fn item(&self, kind: ItemKind, name: &str) -> String {
        let shown = match kind {
            ItemKind::Remedy => self.remedy(name),
            ItemKind::Rule | ItemKind::Exception => self.rule(name),
            ItemKind::Fact | ItemKind::Derived => {
                let label = self.newer(|r| r.fact_label(name));
                self.titled(label.as_deref(), name)
            }
            // not a name in the rulebook: the header has none
            ItemKind::Header => return self.say("diff-item-header", &[]),
            ItemKind::Law => {
                let title = |r: &Render<'r>| {
                    let m = r.model();
                    m.laws
                        .iter()
                        .find(|l| l.name == name)
                        .and_then(|l| m.local(&l.titles, self.words.lang()))
                };
                self.titled(self.newer(title), name)
            }
        };
        self.say(
            "diff-item",
            &[("kind", &self.say(kind_id(kind), &[])), ("name", &shown)],
        )
    }

    fn verb(&self, c: &Change) -> String {
        self.say(
            match c {
                Change::Added => "diff-added",
                Change::Removed => "diff-removed",
                Change::Changed(_) => "diff-changed",
            },
            &[],
        )
    }

    fn aspect(&self, what: &str) -> String {
        let id = format!("diff-aspect-{}", what.replace(' ', "-"));
        self.say(&id, &[])
    }

    /// A computed value as the advice shows it.
    fn held(&self, v: &HeldValue) -> String {
        if v.value.is_none() {
            return self.say("diff-unknown", &[]);
        }
        let shown = self.new.computed(&v.computed());
        if v.up_to {
            self.say("diff-up-to", &[("amount", &shown)])
        } else {
            shown
        }
    }

    fn status_word(&self, s: &Status) -> String {
        self.say(
            match s {
                Status::NotGiven => "diff-not-given",
                Status::Undetermined => "diff-undetermined",
                Status::Given(_) => "diff-given",
            },
            &[],
        )
    }

    fn params(&self, remedy: &str, g: &Grant) -> String {
        let p: Vec<String> = g
            .params
            .iter()
            .zip(&g.values.params)
            .enumerate()
            .map(|(k, ((name, _), v))| {
                // text in quotes, as the search shows it: a value, not words
                let value = match &v.value {
                    Some(Shown::Text(t)) if self.param_is_text(remedy, k) => format!("{t:?}"),
                    _ => self.held(v),
                };
                self.say(
                    "diff-param",
                    &[("param", &self.param(remedy, k, name)), ("value", &value)],
                )
            })
            .collect();
        self.list(&p)
    }

    /// Whether a remedy's parameter holds text (in the new version, else
    /// the old).
    fn param_is_text(&self, remedy: &str, k: usize) -> bool {
        self.newer(|r| r.model().remedies.iter().find(|x| x.id == remedy))
            .and_then(|x| x.params.get(k))
            .is_some_and(|(_, ty)| *ty == crate::value::Type::Text)
    }

    /// A remedy's parameter as the advice names it, its name beside: its
    /// label in the language, else the label of the fact the first rule
    /// giving the remedy fills it from (in the new version, else the old),
    /// else its name alone.
    fn param(&self, remedy: &str, k: usize, name: &str) -> String {
        let lang = self.words.lang();
        let label = |r: &Render<'r>| -> Option<String> {
            let m = r.model();
            let (id, decl) = m
                .remedies
                .iter()
                .enumerate()
                .find(|(_, x)| x.id == remedy)?;
            if let Some(own) = decl.param_labels.get(k).and_then(|l| m.local(l, lang)) {
                return Some(own.to_string());
            }
            m.rules.iter().find_map(|rule| {
                let c = rule
                    .conclusion
                    .as_ref()
                    .filter(|c| c.remedy.index() == id)?;
                let crate::model::Expr::Fact(fact) = c.args.get(k)? else {
                    return None;
                };
                let fact = m.facts.get(fact.index())?;
                m.local(&fact.labels, lang).map(str::to_string)
            })
        };
        self.titled(self.newer(label).as_deref(), name)
    }

    fn amount(&self, g: &Grant) -> Option<String> {
        g.values.amount.as_ref().map(|a| self.held(a))
    }

    fn deadline(&self, g: &Grant) -> Option<String> {
        g.values.deadline.as_ref().map(|d| match d {
            Some(date) => date.clone(),
            None => self.say("diff-unknown", &[]),
        })
    }

    fn details(&self, remedy: &str, g: &Grant) -> String {
        let mut parts = Vec::new();
        if !g.params.is_empty() {
            parts.push(self.params(remedy, g));
        }
        if let Some(a) = self.amount(g) {
            parts.push(self.say("diff-amount", &[("amount", &a)]));
        }
        if let Some(d) = self.deadline(g) {
            parts.push(self.say("diff-deadline", &[("deadline", &d)]));
        }
        parts.join(&self.say("diff-comma", &[]))
    }

    fn status(&self, remedy: &str, s: &Status) -> String {
        match s {
            Status::Given(grants) => {
                let details: Vec<String> = grants
                    .iter()
                    .map(|g| self.details(remedy, g))
                    .filter(|d| !d.is_empty())
                    .collect();
                if details.is_empty() {
                    self.status_word(s)
                } else {
                    self.say(
                        "diff-given-with",
                        &[("details", &details.join(&self.say("diff-semicolon", &[])))],
                    )
                }
            }
            other => self.status_word(other),
        }
    }

    /// What changed for a remedy, as [`RemedyChange::describe`] says it.
    fn describe(&self, c: &RemedyChange) -> String {
        if let (Status::Given(a), Status::Given(b)) = (&c.old, &c.new) {
            if let ([x], [y]) = (a.as_slice(), b.as_slice()) {
                let none = || self.say("none", &[]);
                let change = |old: String, new: String| {
                    self.say("diff-from-to", &[("old", &old), ("new", &new)])
                };
                let mut parts = Vec::new();
                if x.amount != y.amount {
                    let (o, n) = (
                        self.amount(x).unwrap_or_else(none),
                        self.amount(y).unwrap_or_else(none),
                    );
                    parts.push(self.say("diff-amount", &[("amount", &change(o, n))]));
                }
                if x.deadline != y.deadline {
                    let (o, n) = (
                        self.deadline(x).unwrap_or_else(none),
                        self.deadline(y).unwrap_or_else(none),
                    );
                    parts.push(self.say("diff-deadline", &[("deadline", &change(o, n))]));
                }
                if x.params != y.params {
                    parts.push(self.say(
                        "diff-parameters",
                        &[(
                            "change",
                            &change(self.params(&c.remedy, x), self.params(&c.remedy, y)),
                        )],
                    ));
                }
                return self.say(
                    "diff-still-given",
                    &[("changes", &parts.join(&self.say("diff-comma", &[])))],
                );
            }
        }
        self.say(
            "diff-from-to",
            &[
                ("old", &self.status(&c.remedy, &c.old)),
                ("new", &self.status(&c.remedy, &c.new)),
            ],
        )
    }

    fn change_lines(&self, changes: &[RemedyChange], rejected: Option<&Text>) -> Vec<String> {
        let mut out: Vec<String> = changes
            .iter()
            .map(|c| {
                self.say(
                    "diff-remedy-change",
                    &[
                        ("remedy", &self.remedy(&c.remedy)),
                        ("change", &self.describe(c)),
                    ],
                )
            })
            .collect();
        if let Some(r) = rejected {
            out.push(self.text(r));
        }
        out
    }

    /// The verdict, in one sentence.
    fn verdict(&self) -> String {
        let report = self.report;
        let s = &report.search;
        if report.behaviour_changed() {
            let mut parts = Vec::new();
            if !report.replay.changed.is_empty() {
                parts.push(self.get(
                    "diff-verdict-corpus",
                    &[("count", count(report.replay.changed.len()))],
                ));
            }
            let new_kinds = s.found.iter().filter(|f| !f.in_corpus).count();
            if new_kinds > 0 {
                parts.push(self.get("diff-verdict-search", &[("count", count(new_kinds))]));
            }
            if parts.is_empty() {
                parts.push(self.say("diff-verdict-see-above", &[]));
            }
            self.say(
                "diff-verdict-changed",
                &[("findings", &parts.join(&self.say("diff-semicolon", &[])))],
            )
        } else if s.exhaustive {
            if s.changed_items.is_empty() {
                self.say("diff-verdict-nothing-changed", &[])
            } else {
                self.say("diff-verdict-exhaustive", &[])
            }
        } else if s.unreached.is_empty() {
            match s.not_exhaustive.first() {
                Some(why) => self.say("diff-verdict-undecided", &[("why", &self.text(why))]),
                None => self.say("diff-verdict-undecided-see-below", &[]),
            }
        } else {
            let list: Vec<String> = s
                .unreached
                .iter()
                .take(5)
                .map(|c| format!("`{c}`"))
                .collect();
            let mut conditions = and_list(&self.words, &list);
            let more = s.unreached.len().saturating_sub(5);
            if more > 0 {
                conditions.push_str(&self.get("diff-more", &[("count", count(more))]));
            }
            let id = if s.unreached.len() == 1 {
                "diff-verdict-unreached-one"
            } else {
                "diff-verdict-unreached"
            };
            self.say(id, &[("conditions", &conditions)])
        }
    }

    /// Where a found case comes from: `from the empty case; 2 other cases
    /// like it; the corpus shows this too`.
    fn origin(&self, f: &Found) -> String {
        let from = match &f.from {
            Some(case) => self.say("diff-from-case", &[("case", case)]),
            None => self.say("diff-from-empty", &[]),
        };
        let mut parts = vec![from];
        if f.similar > 0 {
            parts.push(self.get("diff-similar", &[("count", count(f.similar))]));
        }
        if f.in_corpus {
            parts.push(self.say("diff-in-corpus-too", &[]));
        }
        parts.join(&self.say("diff-semicolon", &[]))
    }

    /// `3 cases replayed under both versions; 1 changed`.
    fn corpus_summary(&self, heading: bool) -> String {
        let r = &self.report.replay;
        self.get(
            if heading {
                "diff-corpus-sentence"
            } else {
                "diff-corpus-summary"
            },
            &[
                ("count", count(r.cases)),
                ("changed", count(r.changed.len())),
            ],
        )
    }

    /// What the search found, in one line.
    fn found_summary(&self, sentence: bool) -> String {
        let s = &self.report.search;
        match (s.found.is_empty(), sentence) {
            (true, false) => self.say("diff-found-none", &[]),
            (true, true) => self.say("diff-found-none-sentence", &[]),
            (false, false) => self.get("diff-found", &[("count", count(s.found.len()))]),
            (false, true) => self.get("diff-found-sentence", &[("count", count(s.found.len()))]),
        }
    }

    fn searched(&self) -> Vec<String> {
        let s = &self.report.search;
        let mut out = Vec::new();
        if !s.changed_items.is_empty() {
            let items: Vec<String> = s
                .changed_items
                .iter()
                .map(|i| match i.split_once(' ') {
                    Some(("exception", name)) => self.item(ItemKind::Exception, name),
                    Some(("rule", name)) => self.item(ItemKind::Rule, name),
                    Some(("define", name)) => self.item(ItemKind::Derived, name),
                    _ => i.clone(),
                })
                .collect();
            out.push(self.say("diff-searched-changed", &[("items", &self.list(&items))]));
        }
        if !s.affected_remedies.is_empty() {
            let remedies: Vec<String> =
                s.affected_remedies.iter().map(|r| self.remedy(r)).collect();
            out.push(self.say(
                "diff-searched-remedies",
                &[("remedies", &self.list(&remedies))],
            ));
        }
        for (new, condition, rule) in &s.condition_parts {
            out.push(self.say(
                if *new {
                    "diff-searched-condition-new"
                } else {
                    "diff-searched-condition-old"
                },
                &[
                    ("condition", &self.written(condition)),
                    ("rule", &self.rule(rule)),
                ],
            ));
        }
        for f in &s.facts {
            let fact = self.new.fact(&f.name).or_else(|| self.old.fact(&f.name));
            let values: Vec<String> = f
                .shown
                .iter()
                .map(|v| match v {
                    Shown::Set(_) => {
                        let inner = match v {
                            Shown::Set(names) if names.is_empty() => String::new(),
                            _ => self.new.value(v, fact),
                        };
                        format!("[{inner}]")
                    }
                    _ => self.new.value(v, fact),
                })
                .collect();
            out.push(self.say(
                if f.changed {
                    "diff-searched-fact"
                } else {
                    "diff-searched-context"
                },
                &[
                    ("fact", &self.fact(&f.name)),
                    ("values", &self.list(&values)),
                ],
            ));
        }
        for r in &s.relations {
            out.push(self.say("diff-searched-boundary", &[("relation", r)]));
        }
        let seeds = if s.seeds == 1 {
            self.say("diff-seeds-empty", &[])
        } else {
            self.get("diff-seeds-corpus", &[("count", count(s.seeds - 1))])
        };
        let how = self.say(
            if s.truncated {
                "diff-how-truncated"
            } else if s.combinations {
                "diff-how-combinations"
            } else {
                "diff-how-one-at-a-time"
            },
            &[],
        );
        let cases = self.get("diff-cases-count", &[("count", count(s.tried))]);
        let seed_count = self.get("diff-seeds-count", &[("count", count(s.seeds))]);
        out.push(self.say(
            "diff-searched-tried",
            &[
                ("cases", &cases),
                ("seeds", &seed_count),
                ("which", &seeds),
                ("how", &how),
            ],
        ));
        if s.exhaustive {
            out.push(self.say("diff-searched-exhaustive", &[]));
        }
        out
    }
}

/// `a and b`, `a, b and c` in the language.
fn and_list(words: &Words, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!(
            "{}{}{last}",
            words.list(init),
            words.get("diag-list-and", &[])
        ),
    }
}

fn kind_id(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Header => "diff-kind-rulebook",
        ItemKind::Law => "diff-kind-law",
        ItemKind::Fact => "diff-kind-fact",
        ItemKind::Derived => "diff-kind-define",
        ItemKind::Remedy => "diff-kind-remedy",
        ItemKind::Rule => "diff-kind-rule",
        ItemKind::Exception => "diff-kind-exception",
    }
}

fn verb(c: &Change) -> &'static str {
    match c {
        Change::Added => "added",
        Change::Removed => "removed",
        Change::Changed(_) => "changed",
    }
}

// ----------------------------------------------------------------- text

fn text(say: &Say<'_>, old: &str, new: &str) -> String {
    let report = say.report;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n",
        say.say("diff-title", &[("old", old), ("new", new)])
    );
    // the verdict first: a CI log is read from the top
    let _ = writeln!(out, "{}\n", say.verdict());
    structure_text(say, &report.structure, &mut out);

    let r = &report.replay;
    let _ = writeln!(
        out,
        "\n{}",
        say.say(
            "diff-corpus-line",
            &[("summary", &say.corpus_summary(false))]
        )
    );
    for c in &r.changed {
        let _ = writeln!(out, "  {}", c.case);
        for line in say.change_lines(&c.changes, c.rejected.as_ref()) {
            let _ = writeln!(out, "    {line}");
        }
    }
    for (name, e) in &r.invalid {
        let _ = writeln!(
            out,
            "  {}",
            say.say(
                "diff-rejected-by-both",
                &[("case", name), ("error", &say.text(e))]
            )
        );
    }

    let s = &report.search;
    let _ = writeln!(out, "\n{}", say.say("diff-search-heading", &[]));
    for line in say.searched() {
        let _ = writeln!(out, "  {line}");
    }
    if s.found.is_empty() {
        let _ = writeln!(out, "  {}", say.found_summary(false));
    } else {
        let _ = writeln!(
            out,
            "  {}",
            say.say("diff-colon", &[("what", &say.found_summary(false))])
        );
        for (i, f) in s.found.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {}",
                say.say(
                    "diff-found-item",
                    &[("number", &(i + 1).to_string()), ("origin", &say.origin(f))]
                )
            );
            for line in say.change_lines(&f.changes, f.rejected.as_ref()) {
                let _ = writeln!(out, "     {line}");
            }
            for line in f.case_json.lines() {
                let _ = writeln!(out, "     {line}");
            }
        }
    }
    if !s.exhaustive {
        let _ = writeln!(out, "  {}", say.say("diff-not-exhaustive-line", &[]));
        for why in &s.not_exhaustive {
            let _ = writeln!(out, "    - {}", say.text(why));
        }
    }
    out
}

fn structure_text(say: &Say<'_>, items: &[ItemChange], out: &mut String) {
    if items.is_empty() {
        let _ = writeln!(out, "{}", say.say("diff-structure-none", &[]));
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        say.get("diff-structure-count", &[("count", count(items.len()))])
    );
    for item in items {
        let _ = writeln!(
            out,
            "  {}",
            say.say(
                "diff-structure-item",
                &[
                    ("verb", &say.verb(&item.change)),
                    ("item", &say.item(item.kind, &item.name)),
                    ("summary", &say.said(&item.said)),
                ]
            )
        );
        if let Change::Changed(aspects) = &item.change {
            for a in aspects {
                let what = say.aspect(a.what);
                let [old, new] = &a.said;
                let _ = writeln!(
                    out,
                    "      {}",
                    say.say(
                        "diff-aspect-old",
                        &[("what", &what), ("old", &say.said(old))]
                    )
                );
                let _ = writeln!(
                    out,
                    "      {}→ {}",
                    " ".repeat(crate::i18n::columns(&what)),
                    say.said(new)
                );
            }
        }
    }
}

// ------------------------------------------------------------- markdown

fn code(s: &str) -> String {
    // a span that holds backticks needs a longer fence
    let fence = if s.contains('`') { "``" } else { "`" };
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn markdown(say: &Say<'_>, old: &str, new: &str) -> String {
    let report = say.report;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### {}\n",
        say.say(
            "diff-title-markdown",
            &[("old", &code(old)), ("new", &code(new))]
        )
    );
    if report.undecided() {
        // not in bold: it is not a finding
        let _ = writeln!(out, "{}\n", say.verdict());
    } else {
        let _ = writeln!(out, "**{}**\n", say.verdict());
    }

    let _ = writeln!(out, "#### {}\n", say.say("diff-structure-heading", &[]));
    if report.structure.is_empty() {
        let _ = writeln!(out, "{}\n", say.say("diff-structure-none-sentence", &[]));
    } else {
        let _ = writeln!(
            out,
            "| | {} | {} |\n|---|---|---|",
            say.say("diff-column-item", &[]),
            say.say("diff-column-what", &[])
        );
        for item in &report.structure {
            let what = match &item.change {
                Change::Changed(aspects) => aspects
                    .iter()
                    .map(|a| {
                        let [old, new] = &a.said;
                        say.say(
                            "diff-aspect-change",
                            &[
                                ("what", &say.aspect(a.what)),
                                ("old", &say.said(old)),
                                ("new", &say.said(new)),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("<br>"),
                _ => say.said(&item.said),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                say.verb(&item.change),
                cell(&say.item(item.kind, &item.name)),
                what
            );
        }
        out.push('\n');
    }

    let r = &report.replay;
    let _ = writeln!(out, "#### {}\n", say.say("diff-corpus-heading", &[]));
    let _ = writeln!(out, "{}\n", say.corpus_summary(true));
    if !r.changed.is_empty() {
        let _ = writeln!(
            out,
            "| {} | {} |\n|---|---|",
            say.say("diff-column-case", &[]),
            say.say("diff-column-change", &[])
        );
        for c in &r.changed {
            let lines = say.change_lines(&c.changes, c.rejected.as_ref());
            let lines: Vec<String> = lines.iter().map(|l| cell(l)).collect();
            let _ = writeln!(out, "| {} | {} |", code(&c.case), lines.join("<br>"));
        }
        out.push('\n');
    }
    for (name, e) in &r.invalid {
        let _ = writeln!(
            out,
            "- {}",
            say.say(
                "diff-rejected-by-both",
                &[("case", &code(name)), ("error", &say.text(e))]
            )
        );
    }

    let s = &report.search;
    let _ = writeln!(out, "#### {}\n", say.say("diff-search-title", &[]));
    let _ = writeln!(out, "{}\n", say.found_summary(true));
    if !s.found.is_empty() {
        for (i, f) in s.found.iter().enumerate() {
            let lines = say.change_lines(&f.changes, f.rejected.as_ref());
            let _ = writeln!(
                out,
                "{}. {}\n",
                i + 1,
                say.say(
                    "diff-found-changes",
                    &[
                        ("changes", &lines.join(&say.say("diff-semicolon", &[]))),
                        ("origin", &say.origin(f))
                    ]
                )
            );
            let _ = writeln!(out, "   ```json");
            for line in f.case_json.lines() {
                let _ = writeln!(out, "   {line}");
            }
            let _ = writeln!(out, "   ```\n");
        }
    }
    let _ = writeln!(
        out,
        "<details><summary>{}</summary>\n",
        say.say("diff-what-was-searched", &[])
    );
    for line in say.searched() {
        let _ = writeln!(out, "- {line}");
    }
    if !s.exhaustive {
        let _ = writeln!(out, "\n{}\n", say.say("diff-not-exhaustive-heading", &[]));
        for why in &s.not_exhaustive {
            let _ = writeln!(out, "- {}", say.text(why));
        }
    }
    let _ = writeln!(out, "\n</details>");
    out
}

// ----------------------------------------------------------------- json

fn changes_json(changes: &[RemedyChange]) -> Json {
    Json::Array(
        changes
            .iter()
            .map(|c| {
                json!({
                    "remedy": c.remedy,
                    "kind": c.kind(),
                    "old": c.old.describe(),
                    "new": c.new.describe(),
                    "description": c.describe(),
                })
            })
            .collect(),
    )
}

fn to_json(report: &Report, old: &str, new: &str) -> Json {
    let s = &report.search;
    json!({
        "old": old,
        "new": new,
        "behaviour_changed": report.behaviour_changed(),
        "undecided": report.undecided(),
        "verdict": Say::new(report, "en", false).verdict(),
        "structure": report.structure.iter().map(|i| {
            let mut v = json!({
                "kind": i.kind.word(),
                "name": i.name,
                "change": verb(&i.change),
                "summary": i.summary,
            });
            if let (Change::Changed(aspects), Some(obj)) = (&i.change, v.as_object_mut()) {
                obj.insert("aspects".into(), Json::Array(aspects.iter().map(|a| json!({
                    "what": a.what, "old": a.old, "new": a.new,
                })).collect()));
            }
            v
        }).collect::<Vec<_>>(),
        "replay": {
            "cases": report.replay.cases,
            "changed": report.replay.changed.iter().map(|c| json!({
                "case": c.case,
                "changes": changes_json(&c.changes),
                "rejected": c.rejected,
            })).collect::<Vec<_>>(),
            "invalid": report.replay.invalid.iter().map(|(n, e)| json!({"case": n, "error": e})).collect::<Vec<_>>(),
        },
        "search": {
            "changed_items": s.changed_items,
            "changed_conditions": s.changed_conditions,
            "affected_remedies": s.affected_remedies,
            "facts": s.facts.iter().map(|f| json!({
                "name": f.name, "changed": f.changed, "values": f.values,
            })).collect::<Vec<_>>(),
            "relations": s.relations,
            "seeds": s.seeds,
            "tried": s.tried,
            "combinations": s.combinations,
            "exhaustive": s.exhaustive,
            "not_exhaustive": s.not_exhaustive,
            "unreached": s.unreached,
            "truncated": s.truncated,
            "found": s.found.iter().map(|f| json!({
                "from": f.from.as_deref().unwrap_or("the empty case"),
                "case": serde_json::from_str::<Json>(&f.case_json).unwrap_or(Json::Null),
                "changes": changes_json(&f.changes),
                "rejected": f.rejected,
                "similar": f.similar,
                "in_corpus": f.in_corpus,
            })).collect::<Vec<_>>(),
        },
    })
}
