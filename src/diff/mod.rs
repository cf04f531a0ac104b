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
                ("titles", show::texts(&l.titles)),
                ("period", show::period(Some((l.from, l.until)))),
            ]
        },
        |_, l| format!("law {}", l.name),
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
                ("type", show::ty(m, f.ty)),
                ("questions", show::texts(&f.questions)),
                ("labels", show::texts(&f.labels)),
                ("value labels", show::value_labels(&f.value_labels)),
            ]
        },
        |m, f| format!("fact {}: {}", f.name, show::ty(m, f.ty)),
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
            vec![
                ("type", show::ty(m, d.ty)),
                ("definition", show::expr(m, &d.expr)),
                ("labels", show::texts(&d.labels)),
            ]
        },
        |m, d| format!("define {} as {}", d.name, show::expr(m, &d.expr)),
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
            vec![
                ("titles", show::texts(&r.titles)),
                ("category", r.category.clone()),
                ("parameters", params.join(", ")),
                ("amount", amount(m, r.amount.as_ref(), r.amount_up_to)),
                ("deadline", opt_expr(m, r.deadline.as_ref())),
                ("citations", show::citations(m, &r.cites)),
            ]
        },
        |_, r| format!("remedy {} ({})", r.id, show::texts(&r.titles)),
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
                s
            },
            old,
            new,
            &mut out,
        );
    }
    out
}

fn opt_expr(model: &Model, e: Option<&Expr>) -> String {
    e.map_or_else(|| "none".to_string(), |e| show::expr(model, e))
}

/// An amount as written: `up to …` for a ceiling.
fn amount(model: &Model, e: Option<&Expr>, up_to: bool) -> String {
    match e {
        Some(e) if up_to => format!("up to {}", show::expr(model, e)),
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

fn rule_aspects(model: &Model, r: &Rule) -> Vec<(&'static str, String)> {
    vec![
        (
            "exception to",
            // the list as written, for an exception to several rules
            if r.targets.len() > 1 {
                r.targets.join(", ")
            } else {
                r.exception_to
                    .and_then(|e| model.rules.get(e.index()))
                    .map_or_else(|| "none".to_string(), |e| e.name.clone())
            },
        ),
        (
            "condition",
            show::expr(model, show::own_condition(model, r)),
        ),
        ("period", show::period(r.period)),
        (
            "remedy",
            r.conclusion
                .as_ref()
                .map_or_else(|| "none".to_string(), |c| conclusion(model, c)),
        ),
        ("amount", amount(model, r.amount.as_ref(), r.amount_up_to)),
        ("deadline", opt_expr(model, r.deadline.as_ref())),
        ("citations", show::citations(model, &r.cites)),
    ]
}

type Aspects<T> = fn(&Model, &T) -> Vec<(&'static str, String)>;

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
    summary: impl Fn(&Model, &T) -> String,
    old: &Model,
    new: &Model,
    out: &mut Vec<ItemChange>,
) {
    let new_by_name: HashMap<String, &T> = new_items.iter().map(|i| (name(i), i)).collect();
    let old_names: BTreeSet<String> = old_items.iter().map(&name).collect();
    for o in old_items {
        let n = name(o);
        match new_by_name.get(&n) {
            None => out.push(ItemChange {
                kind,
                summary: summary(old, o),
                name: n,
                change: Change::Removed,
            }),
            Some(nw) => {
                let changed = differing(aspects(old, o), aspects(new, nw));
                if !changed.is_empty() {
                    out.push(ItemChange {
                        kind,
                        summary: summary(new, nw),
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
            out.push(ItemChange {
                kind,
                summary: summary(new, nw),
                name: n,
                change: Change::Added,
            });
        }
    }
}

/// The aspects whose text differs between two versions (same aspects, same order).
fn differing(old: Vec<(&'static str, String)>, new: Vec<(&'static str, String)>) -> Vec<Aspect> {
    old.into_iter()
        .zip(new)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((what, a), (_, b))| Aspect {
            what,
            old: a,
            new: b,
        })
        .collect()
}

fn header(old: &Model, new: &Model, out: &mut Vec<ItemChange>) {
    let aspects = |m: &Model| -> Vec<(&'static str, String)> {
        let h = &m.header;
        vec![
            ("titles", show::texts(&h.titles)),
            ("jurisdiction", h.jurisdiction.clone()),
            ("version", h.version.clone()),
            (
                "effective",
                h.effective
                    .map_or_else(|| "none".to_string(), |d| d.to_string()),
            ),
            ("languages", h.languages.join(", ")),
            ("currency", h.currency.code().to_string()),
            (
                "as of",
                h.as_of
                    .and_then(|f| m.facts.get(f.index()))
                    .map_or_else(|| "none".to_string(), |f| f.name.clone()),
            ),
        ]
    };
    let changed = differing(aspects(old), aspects(new));
    if !changed.is_empty() {
        out.push(ItemChange {
            kind: ItemKind::Header,
            name: "header".to_string(),
            change: Change::Changed(changed),
            summary: format!("version {}", new.header.version),
        });
    }
}
