//! One exception to several rules: `exception misuse to free_repair,
//! free_replacement, refund when …`.
//!
//! The checker reads such an exception as one item (its condition, remedy and
//! citations are checked once) with several rules it sets aside: the first in
//! `Rule::exception_to`, the others in `Checker::also_to`. Loops through any
//! of them are reported here. When the rulebook has no errors, the model is
//! then *expanded*: the exception becomes one model rule per rule it sets
//! aside (each named as written, each an ordinary exception to one rule), and
//! so do the exceptions below it, once per copy of it. Everything after the
//! checker (graph, evaluator, outcome, coverage, diff) sees ordinary
//! exceptions; `Rule::targets` keeps the list as written.

use std::collections::HashSet;

use crate::ast;
use crate::diagnostic::Code;
use crate::model::RuleId;
use crate::source::Span;
use crate::text;

use super::Checker;

/// At most this many rules after expansion: exceptions to several rules,
/// with exceptions to several rules below them, multiply.
const MAX_EXPANDED_RULES: usize = 100_000;

impl Checker<'_> {
    /// Resolve the rules after the first that an exception names
    /// (`exception misuse to a, b, c`): an undefined name, or a rule named
    /// twice in the list, is an error on that name.
    pub(super) fn also_targets(&mut self, r: &ast::Rule) -> Vec<RuleId> {
        let mut seen: HashSet<&str> = r.exception_to.iter().map(|t| t.text.as_str()).collect();
        let mut out = Vec::new();
        for target in &r.also_to {
            if !seen.insert(target.text.as_str()) {
                let first_span = r
                    .exception_to
                    .iter()
                    .chain(&r.also_to)
                    .find(|t| t.text == target.text)
                    .map_or(target.span, |t| t.span);
                self.error(
                    Code::DuplicateName,
                    text!(
                        "diag-check-rule-named-twice",
                        name = &r.name.text,
                        target = &target.text
                    ),
                )
                .label(target.span, text!("diag-check-rule-named-twice-label"))
                .label(first_span, text!("diag-check-rule-named-first-label"))
                .help(text!(
                    "diag-check-rule-named-twice-help",
                    target = &target.text
                ))
                .emit();
                continue;
            }
            match self.rules.get(&target.text).copied() {
                Some(id) => out.push(id),
                None => {
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
                        .unwrap_or_else(|| text!("diag-check-shared-undefined-rule-help"));
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
            }
        }
        out
    }

    /// The rules (by index) that rule `i` is an exception to, as written.
    fn parents(&self, i: usize) -> Vec<usize> {
        self.model
            .rules
            .get(i)
            .and_then(|r| r.exception_to)
            .into_iter()
            .chain(self.also_to.get(i).into_iter().flatten().copied())
            .map(RuleId::index)
            .collect()
    }

    /// Loops that go through a second or later rule of an exception's list
    /// (those through first rules only are reported by `exception_loops`),
    /// and chains of exceptions deeper than the limit through any of them.
    pub(super) fn shared_exception_loops(&mut self) {
        if self.also_to.iter().all(Vec::is_empty) {
            return;
        }
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            OnPath,
            Done,
        }
        let n = self.model.rules.len();
        let parents: Vec<Vec<usize>> = (0..n).map(|i| self.parents(i)).collect();
        let mut mark = vec![Mark::New; n];
        // longest distance to a general rule; None in or into a loop
        let mut depth: Vec<Option<usize>> = vec![None; n];
        let mut loops: Vec<Vec<usize>> = Vec::new();
        for start in 0..n {
            if mark.get(start) != Some(&Mark::New) {
                continue;
            }
            // iterative depth-first walk: (rule, next parent to follow)
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            if let Some(m) = mark.get_mut(start) {
                *m = Mark::OnPath;
            }
            while let Some(&mut (i, ref mut next)) = stack.last_mut() {
                let list = parents.get(i).map_or(&[][..], Vec::as_slice);
                if let Some(&p) = list.get(*next) {
                    *next += 1;
                    match mark.get(p) {
                        Some(Mark::New) => {
                            if let Some(m) = mark.get_mut(p) {
                                *m = Mark::OnPath;
                            }
                            stack.push((p, 0));
                        }
                        Some(Mark::OnPath) => {
                            let at = stack.iter().position(|(r, _)| *r == p).unwrap_or(0);
                            loops.push(
                                stack
                                    .get(at..)
                                    .unwrap_or(&[])
                                    .iter()
                                    .map(|(r, _)| *r)
                                    .collect(),
                            );
                        }
                        _ => {}
                    }
                    continue;
                }
                // every parent done: its depth
                let d = if list.is_empty() {
                    Some(0)
                } else {
                    list.iter()
                        .map(|p| depth.get(*p).copied().flatten())
                        .collect::<Option<Vec<usize>>>()
                        .and_then(|ds| ds.into_iter().max())
                        .map(|d| d + 1)
                };
                if let (Some(slot), Some(m)) = (depth.get_mut(i), mark.get_mut(i)) {
                    *slot = d;
                    *m = Mark::Done;
                }
                stack.pop();
            }
        }
        // a loop is walked from each rule to its parent: keep those that
        // use a second or later rule of a list
        let first = |i: usize| {
            self.model
                .rules
                .get(i)
                .and_then(|r| r.exception_to)
                .map(RuleId::index)
        };
        loops.retain(|cycle| {
            cycle.iter().enumerate().any(|(k, &i)| {
                let to = cycle.get(k + 1).or(cycle.first()).copied();
                to.is_some() && first(i) != to
            })
        });
        self.report_exception_loops(loops, &depth);
    }

    /// One model rule per rule an exception sets aside (see the module
    /// documentation). Only for a rulebook without errors, so every name
    /// resolved and the exceptions form no loop.
    pub(super) fn expand_shared_exceptions(&mut self) {
        if self.also_to.iter().all(Vec::is_empty)
            || self
                .diagnostics
                .iter()
                .any(crate::diagnostic::Diagnostic::is_error)
        {
            return;
        }
        let n = self.model.rules.len();
        let parents: Vec<Vec<usize>> = (0..n).map(|i| self.parents(i)).collect();
        // copies of each rule: one for a rule, the sum of its parents' for an
        // exception; parents first (an iterative walk, as there is no loop)
        let mut copies: Vec<Option<usize>> = vec![None; n];
        for start in 0..n {
            let mut stack = vec![start];
            while let Some(&i) = stack.last() {
                if copies.get(i).copied().flatten().is_some() {
                    stack.pop();
                    continue;
                }
                let list = parents.get(i).map_or(&[][..], Vec::as_slice);
                let pending: Vec<usize> = list
                    .iter()
                    .copied()
                    .filter(|p| copies.get(*p).copied().flatten().is_none())
                    .collect();
                if pending.is_empty() || stack.len() > n + 1 {
                    let count = if list.is_empty() {
                        1
                    } else {
                        list.iter()
                            .map(|p| copies.get(*p).copied().flatten().unwrap_or(1))
                            .fold(0usize, usize::saturating_add)
                    };
                    if let Some(slot) = copies.get_mut(i) {
                        *slot = Some(count);
                    }
                    stack.pop();
                } else {
                    stack.extend(pending);
                }
            }
        }
        let copies: Vec<usize> = copies.into_iter().map(|c| c.unwrap_or(1)).collect();
        let total = copies.iter().fold(0usize, |a, c| a.saturating_add(*c));
        if total > MAX_EXPANDED_RULES {
            let start = copies
                .iter()
                .position(|c| *c > 1)
                .and_then(|i| self.rule_decls.get(i))
                .map_or(Span::default(), |r| r.name.span);
            self.error(
                Code::LimitExceeded,
                text!(
                    "diag-check-expansion-limit",
                    limit = MAX_EXPANDED_RULES.to_string()
                ),
            )
            .label(start, text!("diag-check-expansion-limit-label"))
            .help(text!("diag-check-expansion-limit-help"))
            .emit();
            return;
        }
        // the first copy's id of each rule, in declaration order
        let mut first = Vec::with_capacity(n);
        let mut next = 0usize;
        for c in &copies {
            first.push(next);
            next += c;
        }
        let old = std::mem::take(&mut self.model.rules);
        let mut rules = Vec::with_capacity(total);
        for (i, rule) in old.iter().enumerate() {
            let list = parents.get(i).map_or(&[][..], Vec::as_slice);
            if list.is_empty() {
                rules.push(rule.clone());
                continue;
            }
            // one copy under each copy of each rule it sets aside
            for &p in list {
                let base = first.get(p).copied().unwrap_or(0);
                for k in 0..copies.get(p).copied().unwrap_or(1) {
                    let mut copy = rule.clone();
                    copy.exception_to = Some(RuleId(super::id32(base + k)));
                    rules.push(copy);
                }
            }
        }
        self.model.rules = rules;
    }
}
