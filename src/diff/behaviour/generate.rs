//! The search: generated cases around the changed conditions, from each
//! seed, compared under both versions.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use jiff::ToSpan as _;

use super::*;
use crate::case::{self, Format};
use crate::diagnostic::Text;
use crate::graph::DecisionGraph;
use crate::outcome::Shown;
use crate::source::SourceFile;
use crate::value::Truth;

// --------------------------------------------------------------- search

/// A fact the search varied, and the values it tried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchedFact {
    /// The fact.
    pub name: String,
    /// True when a changed condition reads it (otherwise it is read by a
    /// rule of an affected remedy).
    pub changed: bool,
    /// The values tried, shown, besides unknown and the seed's own value.
    pub values: Vec<String>,
    /// The same values, for showing in a language.
    pub(crate) shown: Vec<Shown<'static>>,
}

/// A generated case whose outcome differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The seed it was generated from: a corpus case, or `None` for the
    /// empty case.
    pub from: Option<String>,
    /// The case as a JSON case file.
    pub case_json: String,
    /// The remedies whose outcome changed.
    pub changes: Vec<RemedyChange>,
    /// When one version rejects the case: which, and why.
    pub rejected: Option<Text>,
    /// How many other generated cases showed the same kind of change.
    pub similar: usize,
    /// True when some corpus case shows the same kind of change.
    pub in_corpus: bool,
}

/// What the search did and found.
#[derive(Clone, Debug, Default)]
pub struct Search {
    /// Rules, exceptions and derived facts whose meaning changed.
    pub changed_items: Vec<String>,
    /// The conditions that differ between the versions, as written
    /// (`old: …` / `new: …`).
    pub changed_conditions: Vec<String>,
    /// The same conditions: in the new version (else the old), the
    /// condition as written, and the rule it is in.
    pub(crate) condition_parts: Vec<(bool, String, String)>,
    /// The remedies whose rules changed.
    pub affected_remedies: Vec<String>,
    /// The facts varied.
    pub facts: Vec<SearchedFact>,
    /// Comparisons between two facts searched at their boundary.
    pub relations: Vec<String>,
    /// Seeds: the corpus cases one version accepts, and the empty case.
    pub seeds: usize,
    /// Distinct cases evaluated under both versions.
    pub tried: usize,
    /// True when every combination of the searched values was tried from
    /// the empty case.
    pub combinations: bool,
    /// One case for each kind of change found (the one with the fewest facts).
    pub found: Vec<Found>,
    /// True when the search covered every class of cases the conditions of
    /// the affected remedies tell apart: then no difference found means none
    /// exists.
    pub exhaustive: bool,
    /// Why it was not exhaustive (empty when it was).
    pub not_exhaustive: Vec<Text>,
    /// The conditions the search had no way to aim at (not comparisons
    /// with constants, nor linear in facts): cases on their other side may
    /// not have been tried.
    pub unreached: Vec<String>,
    /// True when it stopped at the case limit.
    pub truncated: bool,
}

/// The rule each rule's exception chain starts from (itself for a rule),
/// by index. Linear: a chain is walked up to the first rule whose root is
/// Search for cases whose outcome differs.
pub(in crate::diff) fn search(
    old: &DecisionGraph,
    new: &DecisionGraph,
    corpus: &[Arc<SourceFile>],
    replay: &Replay,
    options: &Options,
) -> Search {
    let Plan {
        mut search,
        facts,
        relations,
        anchors,
        rules: [old_rules, new_rules],
        affected,
        watched,
    } = plan(old.model(), new.model());

    // seeds: the empty case, then each corpus case one version accepts
    let mut seeds: Vec<(Option<String>, Facts)> = vec![(None, Facts::new())];
    for file in corpus {
        for graph in [old, new] {
            let (case, _) = case::parse_case(graph.model(), file, Format::from_path(file.name()));
            if let Some(c) = case {
                seeds.push((
                    Some(file.name().to_string()),
                    facts_of_case(graph.model(), &c),
                ));
                break;
            }
        }
    }
    search.seeds = seeds.len();

    if search.changed_items.is_empty() && search.facts.is_empty() {
        search.exhaustive = true;
        return search;
    }
    let [old_watched, new_watched] = &watched;
    let old_side = Side::new(old, &old_rules, &affected, old_watched);
    let new_side = Side::new(new, &new_rules, &affected, new_watched);
    // each watched condition: seen true, seen false
    let mut seen_ways: [Vec<(bool, bool)>; 2] = [
        vec![(false, false); old_watched.len()],
        vec![(false, false); new_watched.len()],
    ];

    let mut seen: HashSet<Facts> = HashSet::new();
    let mut groups: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut silent = false;
    let corpus_kinds: BTreeSet<(String, String)> = replay
        .changed
        .iter()
        .flat_map(|c| kind_keys(&c.changes, c.rejected.as_ref()))
        .collect();
    let mut sizes: Vec<usize> = Vec::new();
    let combos: usize = facts
        .iter()
        .map(|(_, v)| v.len() + 1)
        .try_fold(1usize, |acc, n| acc.checked_mul(n))
        .unwrap_or(usize::MAX);
    search.combinations = combos <= options.max_combinations;

    let mut try_case = |facts_now: Facts, from: Option<&str>, search: &mut Search| -> bool {
        if search.tried >= options.max_cases {
            search.truncated = true;
            return false;
        }
        if !seen.insert(facts_now.clone()) {
            return true;
        }
        search.tried += 1;
        let (old_result, old_truths) = old_side.run(&facts_now);
        let (new_result, new_truths) = new_side.run(&facts_now);
        for (ways, truths) in seen_ways.iter_mut().zip([old_truths, new_truths]) {
            for (w, t) in ways.iter_mut().zip(truths) {
                w.0 |= t == Truth::Yes;
                w.1 |= t == Truth::No;
            }
        }
        match compare_results(old_result, new_result) {
            Compared::Same { silent: s } => silent |= s,
            Compared::BothInvalid(_) => {}
            Compared::Changed(changes, rejected) => {
                let found = Found {
                    from: from.map(str::to_string),
                    case_json: case_json(&facts_now),
                    changes,
                    rejected,
                    similar: 0,
                    in_corpus: false,
                };
                let keys = kind_keys(&found.changes, found.rejected.as_ref());
                let in_corpus = keys.iter().all(|k| corpus_kinds.contains(k));
                let found = Found { in_corpus, ..found };
                let size = facts_now.len();
                let mut placed = false;
                for key in keys {
                    match groups.get(&key).copied() {
                        Some(i) => {
                            if let (Some(f), Some(smallest)) =
                                (search.found.get_mut(i), sizes.get_mut(i))
                            {
                                if size < *smallest && !placed {
                                    *smallest = size;
                                    let similar = f.similar + 1;
                                    *f = Found {
                                        similar,
                                        ..found.clone()
                                    };
                                    placed = true;
                                } else {
                                    f.similar += 1;
                                }
                            }
                        }
                        None => {
                            groups.insert(key, search.found.len());
                            if placed {
                                // already shown for another change: count it there
                                search.found.push(Found {
                                    similar: 0,
                                    ..found.clone()
                                });
                            } else {
                                search.found.push(found.clone());
                            }
                            sizes.push(size);
                            placed = true;
                        }
                    }
                }
            }
        }
        true
    };

    // first one fact at a time from every seed (cheap, and every seed gets
    // its turn), then every combination where there are few enough
    'seeds: for (phase, (seed_name, seed)) in [false, true]
        .into_iter()
        .flat_map(|p| seeds.iter().map(move |s| (p, s)))
    {
        // the seed itself, and the seed moved to each relation's boundary
        let mut starts = vec![seed.clone()];
        for rel in &relations {
            starts.extend(at_boundary(seed, rel, &anchors));
        }
        for start in starts {
            let options_per_fact: Vec<(&String, Vec<Option<CaseValue>>)> = facts
                .iter()
                .map(|(name, values)| {
                    let mut opts: Vec<Option<CaseValue>> = vec![start.get(name).cloned(), None];
                    opts.extend(values.iter().cloned().map(Some));
                    let mut unique = Vec::new();
                    for o in opts {
                        if !unique.contains(&o) {
                            unique.push(o);
                        }
                    }
                    (name, unique)
                })
                .collect();
            let total: usize = options_per_fact
                .iter()
                .map(|(_, o)| o.len())
                .try_fold(1usize, |acc, n| acc.checked_mul(n))
                .unwrap_or(usize::MAX);
            if phase && total > options.max_combinations {
                continue;
            }
            if phase {
                // every combination (first option of each = the start itself)
                let mut digits = vec![0usize; options_per_fact.len()];
                loop {
                    let mut case = start.clone();
                    for ((name, opts), d) in options_per_fact.iter().zip(&digits) {
                        match opts.get(*d) {
                            Some(Some(v)) => {
                                case.insert((*name).clone(), v.clone());
                            }
                            Some(None) => {
                                case.remove(*name);
                            }
                            None => {}
                        }
                    }
                    if !try_case(case, seed_name.as_deref(), &mut search) {
                        break 'seeds;
                    }
                    // next combination
                    let mut i = 0;
                    while let (Some(d), Some((_, opts))) =
                        (digits.get_mut(i), options_per_fact.get(i))
                    {
                        *d += 1;
                        if *d < opts.len() {
                            break;
                        }
                        *d = 0;
                        i += 1;
                    }
                    if i >= digits.len() {
                        break;
                    }
                }
            } else {
                // one fact at a time
                if !try_case(start.clone(), seed_name.as_deref(), &mut search) {
                    break 'seeds;
                }
                for (name, opts) in &options_per_fact {
                    for o in opts {
                        let mut case = start.clone();
                        match o {
                            Some(v) => {
                                case.insert((*name).clone(), v.clone());
                            }
                            None => {
                                case.remove(*name);
                            }
                        }
                        if !try_case(case, seed_name.as_deref(), &mut search) {
                            break 'seeds;
                        }
                    }
                }
            }
        }
    }

    let mut merged: Vec<Found> = Vec::new();
    let mut by_case: HashMap<String, usize> = HashMap::new();
    for f in std::mem::take(&mut search.found) {
        match by_case.get(&f.case_json).and_then(|&i| merged.get_mut(i)) {
            Some(m) => m.similar += f.similar,
            None => {
                by_case.insert(f.case_json.clone(), merged.len());
                merged.push(f);
            }
        }
    }
    merged.sort_by_key(|f| f.in_corpus);
    search.found = merged;

    if !search.combinations {
        search.not_exhaustive.push(if combos == usize::MAX {
            crate::text!(
                "diff-too-many-combinations",
                limit = options.max_combinations
            )
        } else {
            crate::text!(
                "diff-combinations",
                count = combos,
                limit = options.max_combinations
            )
        });
    }
    if silent {
        search
            .not_exhaustive
            .push(crate::text!("diff-silent-change"));
    }
    if search.truncated {
        search
            .not_exhaustive
            .push(crate::text!("diff-stopped", count = options.max_cases));
    }
    // the bar: every changed condition seen both true and false
    // (when the classes argument does not already prove the search complete)
    if !search.not_exhaustive.is_empty() {
        for ((list, ways), label) in watched.iter().zip(&seen_ways).zip(["old", "new"]) {
            for ((text, _), (yes, no)) in list.iter().zip(ways) {
                let missing = match (yes, no) {
                    (true, true) => continue,
                    (false, true) => "true",
                    (true, false) => "false",
                    (false, false) => "either",
                };
                search.not_exhaustive.push(crate::text!(
                    "diff-never-made",
                    condition = text.as_str(),
                    version = label,
                    missing = missing
                ));
                if !search.unreached.contains(text) {
                    search.unreached.push(text.clone());
                }
            }
        }
    }
    search.exhaustive = search.not_exhaustive.is_empty();
    search
}

/// The kinds of change of a case, to group cases: each remedy with how it
/// changed, and a rejection by one version.
pub(super) fn kind_keys(
    changes: &[RemedyChange],
    rejected: Option<&Text>,
) -> Vec<(String, String)> {
    let mut keys: Vec<(String, String)> = changes
        .iter()
        .map(|c| (c.remedy.clone(), c.transition()))
        .collect();
    if let Some(r) = rejected {
        let which = if r.id() == Some("diff-old-rejects") {
            "old"
        } else {
            "new"
        };
        keys.push((which.to_string(), "rejected".to_string()));
    }
    keys
}

/// The seed with `rel.a` moved to just below, at and just above its boundary,
/// the other facts of the relation at their seed (or anchor) values.
pub(super) fn at_boundary(
    seed: &Facts,
    rel: &Relation,
    anchors: &HashMap<String, CaseValue>,
) -> Vec<Facts> {
    let mut base = seed.clone();
    let values: Vec<CaseValue> = match &rel.to {
        Target::Same(b) => {
            let Some(v) = seed.get(b).or_else(|| anchors.get(b)).cloned() else {
                return Vec::new();
            };
            base.insert(b.clone(), v.clone());
            let other = match &v {
                CaseValue::Text(t) => CaseValue::Text(format!("{t} (other)")),
                CaseValue::Bool(x) => CaseValue::Bool(!x),
                _ => v.clone(),
            };
            vec![v, other]
        }
        Target::WorkingDays { b, n, calendar } => {
            let Some(v) = seed.get(b).or_else(|| anchors.get(b)).cloned() else {
                return Vec::new();
            };
            let CaseValue::Date(d) = v else {
                return Vec::new();
            };
            base.insert(b.clone(), v);
            let mut out: Vec<CaseValue> = Vec::new();
            for k in [-1i64, 0, 1] {
                let Some(at) = n
                    .checked_add(k)
                    .and_then(|m| calendar.add_working_days(d, m).ok())
                else {
                    continue;
                };
                for day in [-1i64, 0, 1] {
                    if let Ok(v) = at.checked_add(day.days()) {
                        let v = CaseValue::Date(v);
                        if !out.contains(&v) {
                            out.push(v);
                        }
                    }
                }
            }
            out
        }
        Target::Calendar { b, months, days } => {
            let Some(v) = seed.get(b).or_else(|| anchors.get(b)).cloned() else {
                return Vec::new();
            };
            let CaseValue::Date(d) = v else {
                return Vec::new();
            };
            base.insert(b.clone(), v);
            let Some(at) = jiff::Span::new()
                .try_months(*months)
                .ok()
                .and_then(|m| d.checked_add(m).ok())
                .and_then(|x| x.checked_add(days.days()).ok())
            else {
                return Vec::new();
            };
            [-1i64, 0, 1]
                .into_iter()
                .filter_map(|k| at.checked_add(k.days()).ok())
                .map(CaseValue::Date)
                .collect()
        }
        Target::Linear { others, offset, ty } => {
            let mut at = *offset;
            for (name, k) in others {
                let Some(v) = seed.get(name).or_else(|| anchors.get(name)).cloned() else {
                    return Vec::new();
                };
                let x = match &v {
                    CaseValue::Date(d) => linear::day_number(*d),
                    CaseValue::Number(n) | CaseValue::Money(n, _) => *n,
                    _ => return Vec::new(),
                };
                base.insert(name.clone(), v);
                let Some(next) = x.checked_mul(*k).and_then(|y| at.checked_add(y)) else {
                    return Vec::new();
                };
                at = next;
            }
            boundary(*ty, at)
        }
    };
    values
        .into_iter()
        .map(|v| {
            let mut f = base.clone();
            f.insert(rel.a.clone(), v);
            f
        })
        .collect()
}
