//! What a search is about: which rules changed, which remedies they can
//! change, which rules decide those, and which facts to vary with which
//! values.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::*;
use crate::diff::same::{same_expr, same_opt};
use crate::model::{Expr, Model, Rule, RuleId};
use crate::value::Type;

/// known, then every rule on the way is given that root.
pub(super) fn tree_roots(model: &Model) -> Vec<usize> {
    let n = model.rules.len();
    let mut root: Vec<Option<usize>> = vec![None; n];
    let mut path = Vec::new();
    for i in 0..n {
        let mut at = i;
        let found = loop {
            if let Some(r) = root.get(at).copied().flatten() {
                break r;
            }
            path.push(at);
            // the checker ruled out loops; the length guards the walk anyway
            match model.rules.get(at).and_then(|r| r.exception_to) {
                Some(up) if up.index() < n && path.len() <= n => at = up.index(),
                _ => break at,
            }
        };
        for p in path.drain(..) {
            if let Some(slot) = root.get_mut(p) {
                *slot = Some(found);
            }
        }
    }
    root.into_iter()
        .enumerate()
        .map(|(i, r)| r.unwrap_or(i))
        .collect()
}

/// The exception trees (by root) that hold a changed rule.
pub(super) fn changed_trees(
    model: &Model,
    roots: &[usize],
    changed: &HashSet<&str>,
) -> HashSet<usize> {
    model
        .rules
        .iter()
        .zip(roots)
        .filter(|(r, _)| changed.contains(r.name.as_str()))
        .map(|(_, &t)| t)
        .collect()
}

pub(super) fn remedy_id<'m>(model: &'m Model, r: &Rule) -> Option<&'m str> {
    let c = r.conclusion.as_ref()?;
    model.remedies.get(c.remedy.index()).map(|m| m.id.as_str())
}

/// The remedies the changed rules can change: each remedy given by a
/// changed rule, by a rule above it (which it sets aside) or by an exception
/// below it (whose scope it is). Linear: each rule is visited at most once
/// upwards and once downwards.
pub(super) fn affected_remedies(
    old: &Model,
    new: &Model,
    changed: &HashSet<&str>,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for model in [old, new] {
        let n = model.rules.len();
        let mut below: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, r) in model.rules.iter().enumerate() {
            if let Some(list) = r.exception_to.and_then(|up| below.get_mut(up.index())) {
                list.push(i);
            }
        }
        let mut seen_up = vec![false; n];
        let mut seen_down = vec![false; n];
        let give = |k: usize, out: &mut BTreeSet<String>| {
            if let Some(id) = model.rules.get(k).and_then(|r| remedy_id(model, r)) {
                out.insert(id.to_string());
            }
        };
        for (i, _) in model
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| changed.contains(r.name.as_str()))
        {
            let mut at = Some(i);
            while let Some(k) = at {
                match seen_up.get_mut(k) {
                    Some(seen) if !*seen => *seen = true,
                    _ => break,
                }
                give(k, &mut out);
                at = model
                    .rules
                    .get(k)
                    .and_then(|r| r.exception_to)
                    .map(RuleId::index);
            }
            let mut stack = vec![i];
            while let Some(k) = stack.pop() {
                match seen_down.get_mut(k) {
                    Some(seen) if !*seen => *seen = true,
                    _ => continue,
                }
                give(k, &mut out);
                stack.extend(below.get(k).into_iter().flatten());
            }
        }
    }
    out
}

/// The rules (indexes, in declaration order) that decide the affected
/// remedies: every exception tree that gives one of them or holds a
/// changed rule. No other rule can change their outcome.
pub(super) fn deciding_rules(
    model: &Model,
    changed: &HashSet<&str>,
    affected: &BTreeSet<String>,
) -> Vec<usize> {
    let roots = tree_roots(model);
    let mut trees = changed_trees(model, &roots, changed);
    for (r, &t) in model.rules.iter().zip(&roots) {
        if remedy_id(model, r).is_some_and(|id| affected.contains(id)) {
            trees.insert(t);
        }
    }
    roots
        .iter()
        .enumerate()
        .filter(|(_, t)| trees.contains(t))
        .map(|(i, _)| i)
        .collect()
}

/// Atoms of a condition (comparisons, one-of tests, yes/no facts, derived
/// facts that are not yes/no), through yes/no derived facts.
pub(super) fn atoms(model: &Model, e: &Expr, out: &mut BTreeMap<String, Expr>, depth: usize) {
    if depth > 1_000 {
        return;
    }
    match e {
        Expr::And(l) | Expr::Or(l) => {
            for x in l {
                atoms(model, x, out, depth + 1);
            }
        }
        Expr::Not(a) => atoms(model, a, out, depth + 1),
        Expr::Derived(d) => match model.derived.get(d.index()) {
            Some(def) if def.ty == Type::Bool => atoms(model, &def.expr, out, depth + 1),
            _ => {
                out.insert(show::expr(model, e), e.clone());
            }
        },
        Expr::Const(_) => {}
        other => {
            out.insert(show::expr(model, other), other.clone());
        }
    }
}

pub(super) struct Versions<'a> {
    pub(super) old: &'a Model,
    pub(super) new: &'a Model,
    pub(super) old_reads: Reads,
    pub(super) new_reads: Reads,
}

impl Versions<'_> {
    pub(super) fn reads(&self, model: &Model) -> &Reads {
        if std::ptr::eq(model, self.old) {
            &self.old_reads
        } else {
            &self.new_reads
        }
    }
}

/// Facts whose type differs, or that only one version declares.
pub(super) fn retyped_facts(old: &Model, new: &Model) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let new_by_name: HashMap<&str, &crate::model::Fact> =
        new.facts.iter().map(|f| (f.name.as_str(), f)).collect();
    let old_names: HashSet<&str> = old.facts.iter().map(|f| f.name.as_str()).collect();
    for f in &old.facts {
        match new_by_name.get(f.name.as_str()) {
            Some(g) if show::ty(old, f.ty) == show::ty(new, g.ty) => {}
            _ => {
                out.insert(f.name.clone());
            }
        }
    }
    for g in &new.facts {
        if !old_names.contains(g.name.as_str()) {
            out.insert(g.name.clone());
        }
    }
    out
}

/// Derived facts whose meaning changed: definition or type, or through
/// what they read.
pub(super) fn changed_derived(v: &Versions<'_>, retyped: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let (old, new) = (v.old, v.new);
    let new_by_name: HashMap<&str, &crate::model::Derived> =
        new.derived.iter().map(|d| (d.name.as_str(), d)).collect();
    let old_names: HashSet<&str> = old.derived.iter().map(|d| d.name.as_str()).collect();
    for d in &old.derived {
        match new_by_name.get(d.name.as_str()) {
            Some(e)
                if same_expr(old, &d.expr, new, &e.expr)
                    && show::ty(old, d.ty) == show::ty(new, e.ty) => {}
            _ => {
                out.insert(d.name.clone());
            }
        }
    }
    for e in &new.derived {
        if !old_names.contains(e.name.as_str()) {
            out.insert(e.name.clone());
        }
    }
    for (model, reads) in [(old, &v.old_reads), (new, &v.new_reads)] {
        for d in &model.derived {
            let facts = reads.facts.get(&d.name);
            let derived = reads.derived.get(&d.name);
            if facts.is_some_and(|f| !f.is_disjoint(retyped))
                || derived.is_some_and(|ds| ds.iter().any(|x| out.contains(x)))
            {
                out.insert(d.name.clone());
            }
        }
    }
    // a second pass settles chains whose members were marked late
    for (model, reads) in [(old, &v.old_reads), (new, &v.new_reads)] {
        for d in &model.derived {
            if reads
                .derived
                .get(&d.name)
                .is_some_and(|ds| ds.iter().any(|x| out.contains(x)))
            {
                out.insert(d.name.clone());
            }
        }
    }
    out
}

/// Whether a rule decides the same in both versions: the same condition
/// (with its period), exception link, remedy and value expressions, compared
/// on the checked expressions (`same.rs`), not on their printed text.
pub(super) fn same_meaning(old: &Model, o: &Rule, new: &Model, n: &Rule) -> bool {
    let link = |m: &Model, r: &Rule| {
        if r.targets.len() > 1 {
            r.targets.clone()
        } else {
            r.exception_to
                .and_then(|e| m.rules.get(e.index()))
                .map(|e| e.name.clone())
                .into_iter()
                .collect()
        }
    };
    let remedy = |m: &Model, r: &Rule| {
        r.conclusion
            .as_ref()
            .and_then(|c| m.remedies.get(c.remedy.index()))
            .map(|r| r.id.clone())
    };
    fn args(r: &Rule) -> &[Expr] {
        r.conclusion.as_ref().map_or(&[][..], |c| c.args.as_slice())
    }
    link(old, o) == link(new, n)
        && o.period == n.period
        && remedy(old, o) == remedy(new, n)
        && o.amount_up_to == n.amount_up_to
        && same_expr(old, &o.condition, new, &n.condition)
        && args(o).len() == args(n).len()
        && args(o)
            .iter()
            .zip(args(n))
            .all(|(a, b)| same_expr(old, a, new, b))
        && same_opt(old, o.amount.as_ref(), new, n.amount.as_ref())
        && same_opt(old, o.deadline.as_ref(), new, n.deadline.as_ref())
}

pub(super) fn value_exprs(r: &Rule) -> Vec<&Expr> {
    let mut out: Vec<&Expr> = Vec::new();
    if let Some(c) = &r.conclusion {
        out.extend(c.args.iter());
    }
    out.extend(r.amount.iter());
    out.extend(r.deadline.iter());
    out
}

/// The plan: which facts to vary, with which values.
pub(super) struct Plan {
    pub(super) search: Search,
    /// Facts varied, changed ones first; each with its values.
    pub(super) facts: Vec<(String, Vec<CaseValue>)>,
    pub(super) relations: Vec<Relation>,
    /// The default value of a fact's type (an anchor for relations).
    pub(super) anchors: HashMap<String, CaseValue>,
    /// The rules deciding the affected remedies (indexes, old then new).
    pub(super) rules: [Vec<usize>; 2],
    /// The remedies the changed rules can change (ids).
    pub(super) affected: BTreeSet<String>,
    /// The conditions only one version has (old, new): the search should
    /// see each both true and false.
    pub(super) watched: [Vec<(String, Expr)>; 2],
}

pub(super) fn plan(old: &Model, new: &Model) -> Plan {
    let v = Versions {
        old,
        new,
        old_reads: Reads::new(old),
        new_reads: Reads::new(new),
    };
    let retyped = retyped_facts(old, new);
    let derived = changed_derived(&v, &retyped);
    let mut search = Search::default();
    search
        .changed_items
        .extend(derived.iter().map(|d| format!("define {d}")));

    let mut focus: BTreeSet<String> = retyped.clone();
    let mut value_changed: Vec<String> = Vec::new();
    let mut changed_conditions: HashSet<String> = HashSet::new();
    // rules matched by name with a map, old order first: linear in rules
    let old_by_name: HashMap<&str, &Rule> =
        old.rules.iter().map(|r| (r.name.as_str(), r)).collect();
    let new_by_name: HashMap<&str, &Rule> =
        new.rules.iter().map(|r| (r.name.as_str(), r)).collect();
    // each name once: an exception to several rules is several model rules
    let mut seen: HashSet<&str> = HashSet::new();
    let names: Vec<&str> = old
        .rules
        .iter()
        .map(|r| r.name.as_str())
        .chain(
            new.rules
                .iter()
                .map(|r| r.name.as_str())
                .filter(|n| !old_by_name.contains_key(n)),
        )
        .filter(|n| seen.insert(n))
        .collect();
    let mut changed_rules: HashSet<&str> = HashSet::new();
    // the changed conditions of each version, to see each made true and false
    let mut watched: [Vec<(String, Expr)>; 2] = [Vec::new(), Vec::new()];
    for name in names {
        let o = old_by_name.get(name).copied();
        let n = new_by_name.get(name).copied();
        let reads_changed = |model: &Model, r: &Rule| {
            if retyped.is_empty() && derived.is_empty() {
                return false;
            }
            let mut exprs = vec![&r.condition];
            exprs.extend(value_exprs(r));
            exprs.into_iter().any(|e| {
                let (f, d) = v.reads(model).of(model, e);
                !f.is_disjoint(&retyped) || !d.is_disjoint(&derived)
            })
        };
        let changed = match (o, n) {
            (Some(o), Some(n)) => {
                !same_meaning(old, o, new, n) || reads_changed(old, o) || reads_changed(new, n)
            }
            _ => true,
        };
        if !changed {
            continue;
        }
        let kind = if o.or(n).is_some_and(|r| r.exception_to.is_some()) {
            "exception"
        } else {
            "rule"
        };
        search.changed_items.push(format!("{kind} {name}"));
        changed_rules.insert(name);
        let mut old_atoms = BTreeMap::new();
        let mut new_atoms = BTreeMap::new();
        if let Some(o) = o {
            atoms(old, &o.condition, &mut old_atoms, 0);
        }
        if let Some(n) = n {
            atoms(new, &n.condition, &mut new_atoms, 0);
        }
        for (side, (model, r, mine, theirs, label)) in [
            (old, o, &old_atoms, &new_atoms, "old"),
            (new, n, &new_atoms, &old_atoms, "new"),
        ]
        .into_iter()
        .enumerate()
        {
            let Some(r) = r else { continue };
            for (a, e) in mine.iter().filter(|(a, _)| !theirs.contains_key(*a)) {
                let line = format!("{label}: {a} (in {name})");
                if changed_conditions.insert(line.clone()) {
                    search.changed_conditions.push(line);
                    search
                        .condition_parts
                        .push((label == "new", a.clone(), name.to_string()));
                }
                if let Some(list) = watched.get_mut(side) {
                    if !list.iter().any(|(t, _)| t == a) {
                        list.push((a.clone(), e.clone()));
                    }
                }
            }
            let reads = v.reads(model);
            // the facts under changed atoms: re-scan the condition and keep
            // the facts of atoms that differ (or of all, when none differs
            // but something else in the rule did)
            let mut per_atom = Vec::new();
            atom_facts(model, reads, &r.condition, &mut per_atom, 0);
            for (atom, facts) in per_atom {
                if !theirs.contains_key(&atom) || mine.keys().eq(theirs.keys()) {
                    focus.extend(facts);
                }
            }
            for e in value_exprs(r) {
                let (f, _) = reads.of(model, e);
                if !f.is_empty() {
                    focus.extend(f.iter().cloned());
                }
            }
        }
        // value expressions that changed and read facts: no class argument
        if let (Some(o), Some(n)) = (o, n) {
            let (ov, nv) = (value_exprs(o), value_exprs(n));
            let values_differ =
                ov.len() != nv.len() || ov.iter().zip(&nv).any(|(a, b)| !same_expr(old, a, new, b));
            let reads_facts = value_exprs(o)
                .iter()
                .any(|e| !v.old_reads.of(old, e).0.is_empty())
                || value_exprs(n)
                    .iter()
                    .any(|e| !v.new_reads.of(new, e).0.is_empty());
            if (values_differ || reads_changed(old, o) || reads_changed(new, n)) && reads_facts {
                value_changed.push(name.to_string());
            }
        } else {
            let r = o.or(n);
            let model = if o.is_some() { old } else { new };
            if r.is_some_and(|r| {
                value_exprs(r)
                    .iter()
                    .any(|e| !v.reads(model).of(model, e).0.is_empty())
            }) {
                value_changed.push(name.to_string());
            }
        }
    }
    let affected = affected_remedies(old, new, &changed_rules);
    let rules = [
        deciding_rules(old, &changed_rules, &affected),
        deciding_rules(new, &changed_rules, &affected),
    ];
    // context: every fact read by a rule deciding an affected remedy
    let mut context: BTreeSet<String> = BTreeSet::new();
    for ((model, reads), rules) in [(old, &v.old_reads), (new, &v.new_reads)]
        .into_iter()
        .zip(&rules)
    {
        for r in rules.iter().filter_map(|&i| model.rules.get(i)) {
            context.extend(reads.of(model, &r.condition).0);
            for e in value_exprs(r) {
                context.extend(reads.of(model, e).0);
            }
        }
    }
    search.affected_remedies = affected.iter().cloned().collect();

    // the values: scan the conditions of the rules deciding the affected
    // remedies, and the definitions they read, in both versions (the other
    // rules cannot change those remedies, so their conditions split no case
    // the search needs apart)
    let mut analysis = Analysis::default();
    for ((model, reads), rules) in [(old, &v.old_reads), (new, &v.new_reads)]
        .into_iter()
        .zip(&rules)
    {
        // derived facts read by the conditions, and by anything of the rules
        let mut in_conditions: BTreeSet<String> = BTreeSet::new();
        let mut read: BTreeSet<String> = BTreeSet::new();
        for r in rules.iter().filter_map(|&i| model.rules.get(i)) {
            analysis.scan(model, &r.condition);
            let (_, ds) = reads.of(model, &r.condition);
            read.extend(ds.iter().cloned());
            in_conditions.extend(ds);
            for e in value_exprs(r) {
                read.extend(reads.of(model, e).1);
                analysis.scan_ifs(model, e);
            }
        }
        for d in model.derived.iter().filter(|d| read.contains(&d.name)) {
            if d.ty == Type::Bool {
                analysis.scan(model, &d.expr);
                continue;
            }
            // a value chosen by `if`: its conditions split cases too
            analysis.scan_ifs(model, &d.expr);
            if !matches!(d.expr, Expr::Fact(_) | Expr::Const(_)) && in_conditions.contains(&d.name)
            {
                // a number, amount or date defined from facts: compared
                // somewhere as a whole, so the facts under it are not
                // partitioned by constants alone
                if linear::form(model, &d.expr, 0).is_some() {
                    analysis.incomplete(model, &d.expr);
                } else {
                    analysis.unreached(model, &d.expr);
                }
            }
        }
        // every one-of fact: all its values
        for f in &model.facts {
            if let Type::OneOf(set) = f.ty {
                let p = analysis.probe(f.name.clone());
                for c in model.one_of_values(set) {
                    p.values.insert(CaseValue::Choice(c.clone()));
                }
            }
            if let Type::Set(list) = f.ty {
                set_values(model, list, analysis.probe(f.name.clone()));
            }
            if f.ty == Type::Bool {
                let p = analysis.probe(f.name.clone());
                p.values.insert(CaseValue::Bool(true));
                p.values.insert(CaseValue::Bool(false));
            }
        }
    }
    let anchor_date = new
        .header
        .effective
        .or(old.header.effective)
        .unwrap_or(Date::constant(2024, 1, 1));
    let mut anchors = HashMap::new();
    let new_types: HashMap<&str, Type> =
        new.facts.iter().map(|f| (f.name.as_str(), f.ty)).collect();
    let old_types: HashMap<&str, Type> =
        old.facts.iter().map(|f| (f.name.as_str(), f.ty)).collect();
    let type_of = |name: &str| new_types.get(name).or_else(|| old_types.get(name)).copied();
    let default_for = |name: &str| -> Option<CaseValue> {
        Some(match type_of(name)? {
            Type::Bool => CaseValue::Bool(true),
            Type::Number => CaseValue::Number(Decimal::ONE),
            Type::Money(c) => CaseValue::Money(Decimal::new(10_000, 2), c),
            Type::Date => CaseValue::Date(anchor_date),
            Type::Text => CaseValue::Text("example".to_string()),
            Type::OneOf(set) => CaseValue::Choice(
                new_types
                    .get(name)
                    .map(|_| new.one_of_values(set))
                    .unwrap_or_else(|| old.one_of_values(set))
                    .first()
                    .cloned()?,
            ),
            Type::Set(_) => CaseValue::Set(Vec::new()),
            Type::Duration => return None,
        })
    };

    let mut facts = Vec::new();
    let mut reasons: HashSet<(String, String)> = HashSet::new();
    for (is_focus, set) in [(true, &focus), (false, &context)] {
        for name in set.iter() {
            if !is_focus && focus.contains(name) {
                continue;
            }
            if type_of(name).is_none() {
                continue;
            }
            let probe = analysis.probes.get(name);
            let mut values: Vec<CaseValue> = probe
                .map(|p| p.values.iter().cloned().collect())
                .unwrap_or_default();
            if let Some(p) = probe {
                for why in &p.incomplete {
                    if reasons.insert((name.clone(), why.clone())) {
                        search.not_exhaustive.push(crate::text!(
                            "diff-unsettled",
                            fact = name.as_str(),
                            condition = why.as_str()
                        ));
                    }
                }
            }
            if let Some(d) = default_for(name) {
                anchors.insert(name.clone(), d.clone());
                if values.is_empty() {
                    values.push(d);
                }
            }
            search.facts.push(SearchedFact {
                name: name.clone(),
                changed: is_focus,
                values: values.iter().map(CaseValue::show).collect(),
                shown: values.iter().map(CaseValue::shown).collect(),
            });
            facts.push((name.clone(), values));
        }
    }
    for name in value_changed {
        search
            .not_exhaustive
            .push(crate::text!("diff-value-computed", rule = name.as_str()));
    }
    search.unreached = std::mem::take(&mut analysis.unreached);
    let varied: BTreeSet<&String> = facts.iter().map(|(n, _)| n).collect();
    let relations: Vec<Relation> = analysis
        .relations
        .into_iter()
        .filter(|r| varied.contains(&r.a) || r.others().iter().any(|o| varied.contains(o)))
        .collect();
    let mut shown: HashSet<&str> = HashSet::new();
    for r in &relations {
        if shown.insert(&r.text) {
            search.relations.push(r.text.clone());
        }
    }
    Plan {
        search,
        facts,
        relations,
        anchors,
        rules,
        affected,
        watched,
    }
}

/// Each atom of a condition with the facts it reads (through derived facts).
pub(super) fn atom_facts(
    model: &Model,
    reads: &Reads,
    e: &Expr,
    out: &mut Vec<(String, BTreeSet<String>)>,
    depth: usize,
) {
    if depth > 1_000 {
        return;
    }
    match e {
        Expr::And(l) | Expr::Or(l) => {
            for x in l {
                atom_facts(model, reads, x, out, depth + 1);
            }
        }
        Expr::Not(a) => atom_facts(model, reads, a, out, depth + 1),
        Expr::Derived(d) => match model.derived.get(d.index()) {
            Some(def) if def.ty == Type::Bool => {
                atom_facts(model, reads, &def.expr, out, depth + 1)
            }
            _ => out.push((show::expr(model, e), reads.of(model, e).0)),
        },
        Expr::Const(_) => {}
        other => out.push((show::expr(model, other), reads.of(model, other).0)),
    }
}
