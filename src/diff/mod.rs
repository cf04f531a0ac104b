//! Two versions of a rulebook → what changed, in structure and in behaviour.
//!
//! Input: the old and new [`DecisionGraph`]s and a corpus of case files
//! (already read: nothing here does I/O). Output: a [`Report`]:
//!
//! - **structure**: facts, derived facts, remedies, rules, exceptions, laws
//!   and the header, added, removed or changed, matched by name, with what
//!   changed (type, condition, remedy, amount, deadline, citations, period…);
//! - **replay**: every corpus case evaluated under both versions, and those
//!   whose outcome changed (a remedy added or removed, its amount, deadline or
//!   parameters changed, determined ↔ undetermined);
//! - **search**: cases generated around the changed conditions (boundary
//!   values of their comparisons, every value of their one-ofs, yes and no,
//!   unknown), starting from each corpus case and from the empty case, and
//!   those whose outcome differs, as case files a reviewer can run. The
//!   report says what was searched, and [`Search::exhaustive`] says whether
//!   the search covered every class of cases the changed conditions can tell
//!   apart (only then may "no behavioural change" be claimed).
//!
//! ```
//! use redress::{compile, diff, source::SourceFile};
//!
//! let book = |limit: &str| SourceFile::new("b.rules", format!("rulebook\n  title en \"B\"\n  jurisdiction \"CN\"\n  version \"1\"\n  effective 2024-01-01\n\nfact price: money\n\nremedy refund\n  title en \"Refund\"\n  category civil\n  cite \"art. 1\"\n\nrule cheap\n  price < {limit} yuan => refund\n  cite \"art. 1\"\n"));
//! let old = compile(&book("500")).0.expect("compiles");
//! let new = compile(&book("600")).0.expect("compiles");
//! let report = diff::diff(&old, &new, &[], &diff::Options::default());
//! assert_eq!(report.structure[0].name, "cheap");
//! // no corpus, but the search finds a price that is now refunded
//! assert!(report.behaviour_changed());
//! assert!(report.search.found[0].case_json.contains("\"500.00\""));
//! ```

mod behaviour;
mod linear;
mod render;
mod same;
mod show;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use crate::graph::DecisionGraph;
use crate::model::{Expr, Model, Rule};
use crate::source::SourceFile;
use show::Said;

pub use behaviour::{CaseChange, Found, Grant, RemedyChange, Replay, Search, SearchedFact, Status};
pub use render::Format;

/// Limits of the search.
#[derive(Clone, Debug)]
pub struct Options {
    /// Stop after generating this many cases.
    pub max_cases: usize,
    /// Enumerate every combination of the values of the searched facts
    /// from a seed when there are at most this many; otherwise change one
    /// fact at a time.
    pub max_combinations: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_cases: 50_000,
            max_combinations: 4_096,
        }
    }
}

/// What kind of item changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemKind {
    /// The `rulebook` header.
    Header,
    /// A `law`.
    Law,
    /// A `fact`.
    Fact,
    /// A derived fact (`define`).
    Derived,
    /// A `remedy`.
    Remedy,
    /// A `rule`.
    Rule,
    /// An `exception`.
    Exception,
}

impl ItemKind {
    /// The keyword, as written in a rulebook.
    pub fn word(self) -> &'static str {
        match self {
            ItemKind::Header => "rulebook",
            ItemKind::Law => "law",
            ItemKind::Fact => "fact",
            ItemKind::Derived => "define",
            ItemKind::Remedy => "remedy",
            ItemKind::Rule => "rule",
            ItemKind::Exception => "exception",
        }
    }
}

/// Added, removed, or changed in some aspects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, different.
    Changed(Vec<Aspect>),
}

/// One changed aspect of an item, as written in each version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aspect {
    /// `type`, `condition`, `remedy`, `amount`, `deadline`, `citations`, `period`, …
    pub what: &'static str,
    /// As in the old version.
    pub old: String,
    /// As in the new version.
    pub new: String,
    /// The old and new values, to be said in a language.
    pub(crate) said: [show::Said; 2],
}

/// An item added, removed or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemChange {
    /// What it is.
    pub kind: ItemKind,
    /// Its name (a remedy's id; `header` for the header).
    pub name: String,
    /// How it changed.
    pub change: Change,
    /// A one-line summary of the item in the version that has it (the new
    /// one when both): the declaration or the condition.
    pub summary: String,
    /// The summary, to be said in a language.
    pub(crate) said: show::Said,
}

/// Everything that differs between two versions.
#[derive(Clone, Debug)]
pub struct Report {
    /// Items added, removed or changed, in the order kinds are listed in
    /// [`ItemKind`], each in declaration order (old items first).
    pub structure: Vec<ItemChange>,
    /// The corpus replayed under both versions.
    pub replay: Replay,
    /// Cases generated around the changed conditions.
    pub search: Search,
    /// The two versions, old and new, for names and values in a language.
    models: Arc<[Model; 2]>,
}

impl Report {
    /// True when some case (from the corpus or the search) has a different
    /// outcome under the two versions.
    pub fn behaviour_changed(&self) -> bool {
        !self.replay.changed.is_empty() || !self.search.found.is_empty()
    }

    /// True when no change was found but the search was not exhaustive: it
    /// cannot say there is none (`diff --fail-on-undecided`).
    pub fn undecided(&self) -> bool {
        !self.behaviour_changed() && !self.search.exhaustive
    }

    /// Render the report for people (`Text`, `Markdown`) or tools (`Json`),
    /// in English. `old_name` and `new_name` say which versions were
    /// compared.
    pub fn render(&self, format: Format, old_name: &str, new_name: &str) -> String {
        render::render(self, format, old_name, new_name, "en")
    }

    /// [`Report::render`] in a language of the catalogue (`en`, `zh`): the
    /// text and Markdown reports' words, and the remedies', rules' and
    /// facts' titles and labels. JSON, for programs, is the same in every
    /// language.
    pub fn render_in(&self, format: Format, old_name: &str, new_name: &str, lang: &str) -> String {
        render::render(self, format, old_name, new_name, lang)
    }
}

/// Compare two versions: structure, corpus replay and search. The corpus
/// files are JSON, or TOML by a `.toml` ending, as for `redress eval`.
pub fn diff(
    old: &DecisionGraph,
    new: &DecisionGraph,
    corpus: &[Arc<SourceFile>],
    options: &Options,
) -> Report {
    let structure = structure(old.model(), new.model());
    let replay = behaviour::replay(old, new, corpus);
    let search = behaviour::search(old, new, corpus, &replay, options);
    Report {
        structure,
        replay,
        search,
        models: Arc::new([old.model().clone(), new.model().clone()]),
    }
}

/// The structural differences of two models, matched by name.
pub fn structure(old: &Model, new: &Model) -> Vec<ItemChange> {
    let mut out = Vec::new();
    header(old, new, &mut out);
    items(
        ItemKind::Law,
        &old.laws,
        &new.laws,
        |l| l.name.clone(),
        |_, l| {
            vec![
                (
                    "titles",
                    show::texts(&l.titles),
                    show::texts_said(&l.titles),
                ),
                (
                    "period",
                    show::period(Some((l.from, l.until))),
                    show::period_said(Some((l.from, l.until))),
                ),
            ]
        },
        |_, l| {
            let s = format!("law {}", l.name);
            (s.clone(), Said::Written(s))
        },
        old,
        new,
        &mut out,
    );
    items(
        ItemKind::Fact,
        &old.facts,
        &new.facts,
        |f| f.name.clone(),
        |m, f| {
            vec![
                ("type", show::ty(m, f.ty), show::type_said(m, f.ty)),
                (
                    "questions",
                    show::texts(&f.questions),
                    show::texts_said(&f.questions),
                ),
                (
                    "labels",
                    show::texts(&f.labels),
                    show::texts_said(&f.labels),
                ),
                (
                    "value labels",
                    show::value_labels(&f.value_labels),
                    show::value_labels_said(&f.value_labels),
                ),
            ]
        },
        |m, f| {
            (
                format!("fact {}: {}", f.name, show::ty(m, f.ty)),
                Said::Declared(f.name.clone(), crate::report::facts::type_words(m, f.ty)),
            )
        },
        old,
        new,
        &mut out,
    );
    items(
        ItemKind::Derived,
        &old.derived,
        &new.derived,
        |d| d.name.clone(),
        |m, d| {
            let definition = show::expr(m, &d.expr);
            vec![
                ("type", show::ty(m, d.ty), show::type_said(m, d.ty)),
                ("definition", definition.clone(), Said::Written(definition)),
                (
                    "labels",
                    show::texts(&d.labels),
                    show::texts_said(&d.labels),
                ),
            ]
        },
        |m, d| {
            let s = format!("define {} as {}", d.name, show::expr(m, &d.expr));
            (s.clone(), Said::Written(s))
        },
        old,
        new,
        &mut out,
    );
    items(
        ItemKind::Remedy,
        &old.remedies,
        &new.remedies,
        |r| r.id.clone(),
        |m, r| {
            let params: Vec<String> = r
                .params
                .iter()
                .map(|(n, t)| format!("{n}: {}", show::ty(m, *t)))
                .collect();
            let typed = Said::Params(
                r.params
                    .iter()
                    .map(|(n, t)| (n.clone(), crate::report::facts::type_words(m, *t)))
                    .collect(),
            );
            let (deadline, deadline_said) = opt_expr(m, r.deadline.as_ref());
            let (amount, amount_said) = amount(m, r.amount.as_ref(), r.amount_up_to);
            vec![
                (
                    "titles",
                    show::texts(&r.titles),
                    show::texts_said(&r.titles),
                ),
                (
                    "category",
                    r.category.clone(),
                    Said::Written(r.category.clone()),
                ),
                ("parameters", params.join(", "), typed),
                ("amount", amount, amount_said),
                ("deadline", deadline, deadline_said),
                (
                    "citations",
                    show::citations(m, &r.cites),
                    show::citations_said(m, &r.cites),
                ),
            ]
        },
        |_, r| {
            let titles = match show::texts_said(&r.titles) {
                Said::Texts(t) => t,
                _ => Vec::new(),
            };
            (
                format!("remedy {} ({})", r.id, show::texts(&r.titles)),
                Said::Remedy(r.id.clone(), titles),
            )
        },
        old,
        new,
        &mut out,
    );
    for (kind, exceptions) in [(ItemKind::Rule, false), (ItemKind::Exception, true)] {
        let pick = |m: &Model| -> Vec<Rule> {
            // an exception to several rules is one model rule per rule it
            // sets aside, all of one name: compared once, by its list
            let mut seen = std::collections::HashSet::new();
            m.rules
                .iter()
                .filter(|r| r.exception_to.is_some() == exceptions)
                .filter(|r| seen.insert(r.name.as_str()))
                .cloned()
                .collect()
        };
        items(
            kind,
            &pick(old),
            &pick(new),
            |r| r.name.clone(),
            rule_aspects,
            |m, r| {
                let mut s = show::expr(m, show::own_condition(m, r));
                if r.targets.len() > 1 {
                    s = format!("to {} when {s}", r.targets.join(", "));
                } else if let Some(to) = r.exception_to.and_then(|e| m.rules.get(e.index())) {
                    s = format!("to {} when {s}", to.name);
                }
                if let Some(c) = &r.conclusion {
                    s.push_str(" => ");
                    s.push_str(&conclusion(m, c));
                }
                (s.clone(), Said::Written(s))
            },
            old,
            new,
            &mut out,
        );
    }
    out
}

fn opt_expr(model: &Model, e: Option<&Expr>) -> (String, Said) {
    match e {
        None => ("none".to_string(), Said::Nothing),
        Some(e) => {
            let s = show::expr(model, e);
            (s.clone(), Said::Written(s))
        }
    }
}

/// An amount as written: `up to …` for a ceiling.
fn amount(model: &Model, e: Option<&Expr>, up_to: bool) -> (String, Said) {
    match e {
        Some(e) if up_to => {
            let s = show::expr(model, e);
            (format!("up to {s}"), Said::UpTo(s))
        }
        _ => opt_expr(model, e),
    }
}

fn conclusion(model: &Model, c: &crate::model::Conclusion) -> String {
    let id = model
        .remedies
        .get(c.remedy.index())
        .map_or("?", |r| r.id.as_str());
    if c.args.is_empty() {
        id.to_string()
    } else {
        let args: Vec<String> = c.args.iter().map(|a| show::expr(model, a)).collect();
        format!("{id}({})", args.join(", "))
    }
}

fn rule_aspects(model: &Model, r: &Rule) -> Vec<(&'static str, String, Said)> {
    // the list as written, for an exception to several rules
    let targets: Vec<String> = if r.targets.len() > 1 {
        r.targets.clone()
    } else {
        r.exception_to
            .and_then(|e| model.rules.get(e.index()))
            .map(|e| e.name.clone())
            .into_iter()
            .collect()
    };
    let (to, to_said) = if targets.is_empty() {
        ("none".to_string(), Said::Nothing)
    } else {
        (targets.join(", "), Said::Names(targets))
    };
    let condition = show::expr(model, show::own_condition(model, r));
    let (remedy, remedy_said) = match &r.conclusion {
        None => ("none".to_string(), Said::Nothing),
        Some(c) => {
            let s = conclusion(model, c);
            (s.clone(), Said::Written(s))
        }
    };
    let (amount, amount_said) = amount(model, r.amount.as_ref(), r.amount_up_to);
    let (deadline, deadline_said) = opt_expr(model, r.deadline.as_ref());
    vec![
        ("exception to", to, to_said),
        ("condition", condition.clone(), Said::Written(condition)),
        (
            "period",
            show::period(r.period),
            show::period_said(r.period),
        ),
        ("remedy", remedy, remedy_said),
        ("amount", amount, amount_said),
        ("deadline", deadline, deadline_said),
        (
            "citations",
            show::citations(model, &r.cites),
            show::citations_said(model, &r.cites),
        ),
    ]
}

type Aspects<T> = fn(&Model, &T) -> Vec<(&'static str, String, Said)>;

#[expect(
    clippy::too_many_arguments,
    reason = "one generic walk over every kind of item"
)]
fn items<T>(
    kind: ItemKind,
    old_items: &[T],
    new_items: &[T],
    name: impl Fn(&T) -> String,
    aspects: Aspects<T>,
    summary: impl Fn(&Model, &T) -> (String, Said),
    old: &Model,
    new: &Model,
    out: &mut Vec<ItemChange>,
) {
    let new_by_name: HashMap<String, &T> = new_items.iter().map(|i| (name(i), i)).collect();
    let old_names: BTreeSet<String> = old_items.iter().map(&name).collect();
    for o in old_items {
        let n = name(o);
        match new_by_name.get(&n) {
            None => {
                let (summary, said) = summary(old, o);
                out.push(ItemChange {
                    kind,
                    summary,
                    said,
                    name: n,
                    change: Change::Removed,
                });
            }
            Some(nw) => {
                let changed = differing(aspects(old, o), aspects(new, nw));
                if !changed.is_empty() {
                    let (summary, said) = summary(new, nw);
                    out.push(ItemChange {
                        kind,
                        summary,
                        said,
                        name: n,
                        change: Change::Changed(changed),
                    });
                }
            }
        }
    }
    for nw in new_items {
        let n = name(nw);
        if !old_names.contains(&n) {
            let (summary, said) = summary(new, nw);
            out.push(ItemChange {
                kind,
                summary,
                said,
                name: n,
                change: Change::Added,
            });
        }
    }
}

/// The aspects whose text differs between two versions (same aspects, same order).
fn differing(
    old: Vec<(&'static str, String, Said)>,
    new: Vec<(&'static str, String, Said)>,
) -> Vec<Aspect> {
    old.into_iter()
        .zip(new)
        .filter(|((_, a, _), (_, b, _))| a != b)
        .map(|((what, a, said_a), (_, b, said_b))| Aspect {
            what,
            old: a,
            new: b,
            said: [said_a, said_b],
        })
        .collect()
}

fn header(old: &Model, new: &Model, out: &mut Vec<ItemChange>) {
    let aspects = |m: &Model| -> Vec<(&'static str, String, Said)> {
        let h = &m.header;
        let written = |s: &str| (s.to_string(), Said::Written(s.to_string()));
        let (effective, effective_said) = match h.effective {
            None => ("none".to_string(), Said::Nothing),
            Some(d) => (d.to_string(), Said::Date(d)),
        };
        let (as_of, as_of_said) = match h.as_of.and_then(|f| m.facts.get(f.index())) {
            None => ("none".to_string(), Said::Nothing),
            Some(f) => (f.name.clone(), Said::Fact(f.name.clone())),
        };
        let (jurisdiction, jurisdiction_said) = written(&h.jurisdiction);
        let (version, version_said) = written(&h.version);
        let (currency, currency_said) = written(h.currency.code());
        vec![
            (
                "titles",
                show::texts(&h.titles),
                show::texts_said(&h.titles),
            ),
            ("jurisdiction", jurisdiction, jurisdiction_said),
            ("version", version, version_said),
            ("effective", effective, effective_said),
            (
                "languages",
                h.languages.join(", "),
                Said::Names(h.languages.clone()),
            ),
            ("currency", currency, currency_said),
            ("as of", as_of, as_of_said),
        ]
    };
    let changed = differing(aspects(old), aspects(new));
    if !changed.is_empty() {
        out.push(ItemChange {
            kind: ItemKind::Header,
            name: "header".to_string(),
            change: Change::Changed(changed),
            summary: format!("version {}", new.header.version),
            said: Said::Version(new.header.version.clone()),
        });
    }
}
